"""`alignbot web`: serve the pages customers' answer links open (docs/resolution.md)."""

from __future__ import annotations

import logging

import typer

from bot.cli.app import app
from bot.cli.common import settings_and_store
from bot.web import create_app

#: Header bytes uvicorn accepts before refusing a request (the pages' links are short).
MAX_HEADER_BYTES = 16 * 1024


@app.command("web")
def web(
    host: str = typer.Option(
        "127.0.0.1", help="Address to listen on; put a TLS-terminating proxy in front."
    ),
    port: int | None = typer.Option(
        None, min=1, max=65535, help="Port to listen on (default: ALIGNBOT_HTTP_PORT, else 8080)."
    ),
) -> None:
    """Serve the pages a customer's answer link opens (needs ALIGNBOT_LINK_SECRET)."""
    import uvicorn

    # One line per request (the token cut from its path); the CLI logs warnings only.
    logging.getLogger("alignbot.web").setLevel(logging.INFO)
    settings, engine = settings_and_store()
    if settings.resolution_mode == "off":
        pages = create_app(settings, engine)  # answers are recorded; no ticket moves
    else:
        from bot.resolution.hook import flow_on_answer

        pages = create_app(settings, engine, flow_on_answer(settings))
    port = port or settings.alignbot_http_port
    typer.echo(f"serving answer links on http://{host}:{port}/r/... (Ctrl-C stops)")
    config = uvicorn.Config(
        pages,
        host=host,
        port=port,
        # The app logs each request itself, with the link's token cut from its path.
        access_log=False,
        server_header=False,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        timeout_keep_alive=5,
        lifespan="off",
    )
    uvicorn.Server(config).run()
