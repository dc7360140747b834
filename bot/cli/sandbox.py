"""`alignbot sandbox zendesk` and `alignbot sandbox slack`: serve a local Zendesk (with a
generated or fixture org) or a local Slack workspace, and print how to point alignbot at it."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import typer

from bot.cli.app import sandbox_app
from bot.errors import AlignbotError


class SandboxError(AlignbotError):
    """The sandbox cannot start: a bad fixture file or a port already in use."""


class _Startable(Protocol):
    def start(self) -> object: ...


def _start(sandbox: _Startable, port: int) -> None:
    """Start a sandbox; a port already in use becomes a `SandboxError` naming it."""
    try:
        sandbox.start()
    except OSError as exc:
        raise SandboxError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}") from exc


def _serve(for_seconds: float | None, stop: Callable[[], None]) -> None:
    """Wait until Ctrl-C (or `for_seconds`), then call `stop`."""
    typer.echo("Press Ctrl-C to stop." if for_seconds is None else f"Stopping in {for_seconds}s.")
    deadline = None if for_seconds is None else time.monotonic() + for_seconds
    try:
        while deadline is None or time.monotonic() < deadline:
            time.sleep(0.2 if deadline is None else min(0.2, max(0.0, deadline - time.monotonic())))
    except KeyboardInterrupt:
        typer.echo("")
    finally:
        stop()


@sandbox_app.command("zendesk")
def sandbox_zendesk(
    port: int = typer.Option(0, help="Port on 127.0.0.1; 0 picks a free one."),
    tickets: int = typer.Option(300, min=1, help="Tickets in the generated org."),
    seed: int = typer.Option(7, help="Seed of the generated org (same seed, same org)."),
    fixture: Path | None = typer.Option(
        None, exists=True, dir_okay=False, help="Serve this fixture file instead (docs/sandbox.md)."
    ),
    token: str = typer.Option("sandbox", help="The API token clients must send."),
    export_limit_per_minute: int | None = typer.Option(
        None, min=1, help="Incremental export requests allowed per minute (Zendesk: 10)."
    ),
    requests_per_minute: int | None = typer.Option(
        None, min=1, help="All requests allowed per minute (unlimited when not given)."
    ),
    fail_rate: float = typer.Option(
        0.0, min=0.0, max=1.0, help="Share of requests answered with an injected fault."
    ),
    for_seconds: float | None = typer.Option(
        None, "--for", min=0.0, help="Stop after this many seconds (default: until Ctrl-C)."
    ),
) -> None:
    """Serve a local Zendesk API on 127.0.0.1 and print how to point alignbot at it."""
    from integrations.zendesk.sandbox import (
        OrgFormatError,
        ZendeskSandbox,
        generate_org,
        load_fixture,
    )

    try:
        org = load_fixture(fixture) if fixture else generate_org(tickets=tickets, seed=seed)
    except OrgFormatError as exc:
        raise SandboxError(str(exc)) from exc
    sandbox = ZendeskSandbox(
        org,
        token=token,
        export_limit_per_minute=export_limit_per_minute,
        fail_rate=fail_rate,
        seed=seed,
        requests_per_minute=requests_per_minute,
        port=port,
    )
    _start(sandbox, port)
    source = f"fixture {fixture}" if fixture else f"{tickets} generated tickets (seed {seed})"
    typer.echo(f"Zendesk sandbox at {sandbox.url} serving {source}")
    typer.echo(f"  email: {sandbox.email}   token: {token}")
    typer.echo("Paste into .env (or export):")
    typer.echo(f"ZENDESK_URL={sandbox.url}")
    typer.echo(f"ZENDESK_EMAIL={sandbox.email}")
    typer.echo(f"ZENDESK_API_TOKEN={token}")

    def stop() -> None:
        sandbox.stop()
        stats = sandbox.stats
        statuses = ", ".join(f"{n} × {code}" for code, n in sorted(stats.by_status.items()))
        typer.echo(
            f"Stopped after {stats.requests} requests" + (f" ({statuses})" if statuses else "")
        )

    _serve(for_seconds, stop)


@sandbox_app.command("slack")
def sandbox_slack(
    port: int = typer.Option(0, help="Port on 127.0.0.1; 0 picks a free one."),
    token: str = typer.Option("xoxb-sandbox", help="The bot token clients must send."),
    rate_limit_per_minute: int | None = typer.Option(
        None, min=1, help="Web API calls allowed per minute (unlimited when not given)."
    ),
    fail_rate: float = typer.Option(
        0.0, min=0.0, max=1.0, help="Share of calls answered with an injected 429, 500 or 503."
    ),
    show: bool = typer.Option(True, help="Print each message as it arrives, as Slack shows it."),
    for_seconds: float | None = typer.Option(
        None, "--for", min=0.0, help="Stop after this many seconds (default: until Ctrl-C)."
    ),
) -> None:
    """Serve a local Slack Web API on 127.0.0.1 and print how to point alignbot at it."""
    from integrations.slack.render import render_message
    from integrations.slack.sandbox import RecordedMessage, SlackSandbox

    sandbox = SlackSandbox(
        token, port=port, rate_limit_per_minute=rate_limit_per_minute, fail_rate=fail_rate
    )
    if show:

        def print_message(message: RecordedMessage) -> None:
            typer.echo(f"--- {message.channel} at {message.ts}")
            typer.echo(render_message(message))

        sandbox.on_message = print_message
    _start(sandbox, port)
    typer.echo(f"Slack sandbox at {sandbox.url}")
    channels = ", ".join(f"{name} {cid}" for name, cid in sandbox.channel_ids().items())
    people = ", ".join(f"{email} {uid}" for email, uid in sandbox.people().items())
    typer.echo(f"  token: {token}   channels: {channels}")
    typer.echo(f"  people: {people}")
    typer.echo("Paste into .env (or export):")
    typer.echo(f"SLACK_API_URL={sandbox.url}")
    typer.echo(f"SLACK_BOT_TOKEN={token}")

    def stop() -> None:
        sandbox.stop()
        calls = ", ".join(f"{n} × {method}" for method, n in sorted(sandbox.calls.items()))
        typer.echo(
            f"Stopped after {sum(sandbox.calls.values())} calls"
            + (f" ({calls})" if calls else "")
            + f"; {len(sandbox.messages)} messages and {len(sandbox.files)} files recorded"
        )

    _serve(for_seconds, stop)
