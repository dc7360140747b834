"""`alignbot dispatch`: deliver what the outbox holds that is due (Slack posts, ticket writes)."""

from __future__ import annotations

from typing import Any

import typer

from bot.cli.app import app
from bot.cli.common import settings_and_store
from bot.errors import SettingsError
from bot.outbox import DELIVERERS, Dispatcher, default_worker_id

# What a row needing each port is called when that port cannot be used.
WHAT = {"chat": "Slack message", "helpdesk": "Zendesk write"}


def _blocked(port: str, count: int, why: str) -> str:
    what = WHAT[port]
    return f"{count} {what}{'s are' if count != 1 else ' is'} due but {why}"


@app.command("dispatch")
def dispatch_command(
    worker_id: str | None = typer.Option(
        None, "--worker-id", help="Name in claimed_by (default: host:pid)."
    ),
) -> None:
    """Deliver every outbox row that is due, once, and print what was sent.

    Transient failures (rate limits, 5xx) are rescheduled with backoff for a later run;
    refusals are marked failed with the reason. Rows for a service that is not configured
    are left queued. Exits 1 when a row failed in this run, 2 (after delivering the rest)
    when rows are due for a service it has no credentials for.
    """
    settings, engine = settings_and_store()
    chat: Any = None
    helpdesk: Any = None
    # Why each port cannot be used; only worth saying if rows needing it are due.
    unusable: dict[str, str] = {}
    try:
        settings.require_slack()
    except SettingsError as exc:
        unusable["chat"] = str(exc)
    else:
        from integrations.slack.client import SlackChat

        chat = SlackChat.from_settings(settings)
    try:
        settings.require_zendesk()
    except SettingsError as exc:
        unusable["helpdesk"] = str(exc)
    else:
        from integrations.zendesk.helpdesk import ZendeskHelpdesk

        helpdesk = ZendeskHelpdesk.from_settings(settings)
    dispatcher = Dispatcher(
        engine,
        chat=chat,
        helpdesk=helpdesk,
        worker_id=worker_id or default_worker_id(),
    )
    result = dispatcher.run_once()
    typer.echo(result.summary())
    blocked: dict[str, int] = {}
    for kind, count in dispatcher.undeliverable().items():
        deliverer = DELIVERERS.get(kind)
        if deliverer is None:
            typer.echo(f"warning: {count} outbox rows of unknown kind {kind!r} are due", err=True)
        else:
            blocked[deliverer.port] = blocked.get(deliverer.port, 0) + count
    if blocked:
        raise SettingsError(
            "; ".join(
                _blocked(port, n, unusable.get(port, "it is not configured"))
                for port, n in sorted(blocked.items())
            )
        )
    if result.failed:
        raise typer.Exit(1)
