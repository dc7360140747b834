"""`alignbot slack serve`: run the Slack app agents answer through (docs/slack.md)."""

from __future__ import annotations

import typer

from bot.cli.app import slack_app
from bot.cli.common import settings_and_store

#: Header bytes uvicorn accepts before refusing a request (Slack's are small).
MAX_HEADER_BYTES = 16 * 1024


@slack_app.command("serve")
def serve(
    host: str = typer.Option(
        "127.0.0.1", help="HTTP mode: address to listen on; put a TLS-terminating proxy in front."
    ),
    port: int | None = typer.Option(
        None, min=1, max=65535, help="HTTP mode: port (default: SLACK_HTTP_PORT, else 3000)."
    ),
    socket_mode: bool = typer.Option(
        False,
        "--socket-mode",
        help="Dial Slack over a websocket instead of serving HTTP (needs SLACK_APP_TOKEN).",
    ),
) -> None:
    """Serve the buttons, the Edit modal and /alignbot: HTTP at /slack/events (verified with
    SLACK_SIGNING_SECRET), or Socket Mode. Runs until Ctrl-C."""
    from integrations.slack.app import build_app

    settings, engine = settings_and_store()
    app = build_app(settings, engine, socket_mode=socket_mode)
    if socket_mode:
        from integrations.slack.socket_mode import socket_mode_handler

        token = settings.slack_app_token
        handler = socket_mode_handler(app, token.get_secret_value() if token else None)
        typer.echo("connecting to Slack over Socket Mode (Ctrl-C stops)")
        handler.start()  # type: ignore[no-untyped-call]  # blocks until interrupted
        return

    import uvicorn

    from integrations.slack.http import EVENTS_PATH, create_http_app

    port = port or settings.slack_http_port
    typer.echo(f"serving the Slack app on http://{host}:{port}{EVENTS_PATH} (Ctrl-C stops)")
    config = uvicorn.Config(
        create_http_app(app),
        host=host,
        port=port,
        # uvicorn's access log is left off: the app logs failures itself, without bodies.
        access_log=False,
        server_header=False,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        timeout_keep_alive=5,
        lifespan="off",
    )
    uvicorn.Server(config).run()
