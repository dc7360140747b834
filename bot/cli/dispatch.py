"""`alignbot dispatch`: deliver what the outbox holds that is due (Slack posts, ticket writes)."""

from __future__ import annotations

from typing import Any

import typer

from bot.cli.app import app
from bot.cli.common import settings_and_store
from bot.errors import SettingsError
from bot.outbox import DELIVERERS, Dispatcher, default_worker_id

# What is missing when rows needing a port are due and the port is not configured.
MISSING = {
    "chat": ("Slack message", "SLACK_BOT_TOKEN is not set (a bot token, xoxb-...)"),
    "helpdesk": ("Zendesk write", "ZENDESK_URL is not set (https://<subdomain>.zendesk.com)"),
}


def _blocked(port: str, count: int) -> str:
    what, setting = MISSING[port]
    return f"{count} {what}{'s are' if count != 1 else ' is'} due but {setting}"


@app.command("dispatch")
def dispatch_command(
    worker_id: str | None = typer.Option(
        None, "--worker-id", help="Name in claimed_by (default: host:pid)."
    ),
) -> None:
    """Deliver every outbox row that is due, once, and print what was sent.

    Transient failures (rate limits, 5xx) are rescheduled with backoff for a later run;
    refusals are marked failed with the reason. Exits 1 when a row failed in this run.
    """
    settings, engine = settings_and_store()
    chat: Any = None
    helpdesk: Any = None
    if settings.slack_bot_token is not None:
        from integrations.slack.client import SlackChat

        chat = SlackChat.from_settings(settings)
    if settings.zendesk_url:
        from integrations.zendesk.helpdesk import ZendeskHelpdesk

        helpdesk = ZendeskHelpdesk.from_settings(settings)
    dispatcher = Dispatcher(
        engine,
        chat=chat,
        helpdesk=helpdesk,
        worker_id=worker_id or default_worker_id(),
    )
    blocked: dict[str, int] = {}
    for kind, count in dispatcher.undeliverable().items():
        deliverer = DELIVERERS.get(kind)
        if deliverer is None:
            typer.echo(f"warning: {count} outbox rows of unknown kind {kind!r} are due", err=True)
        else:
            blocked[deliverer.port] = blocked.get(deliverer.port, 0) + count
    if blocked:
        raise SettingsError("; ".join(_blocked(port, n) for port, n in sorted(blocked.items())))
    result = dispatcher.run_once()
    typer.echo(result.summary())
    if result.failed:
        raise typer.Exit(1)
