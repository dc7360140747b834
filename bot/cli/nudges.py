"""`alignbot nudges sweep|link|opt-out`: one pass of the agents' nudges (decide and queue;
`alignbot dispatch` delivers), and an agent's Slack override and opt-out."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import typer
from sqlalchemy import Engine

from bot.cli.app import nudges_app
from bot.cli.common import settings_and_store
from bot.errors import AlignbotError, SettingsError
from bot.policies.nudges import StaleItem, sweep
from bot.policies.people import set_preference
from bot.settings import Settings


def stale_items(engine: Engine, settings: Settings, now: datetime) -> list[StaleItem]:
    """The stale tickets to nudge about, by the one stale definition (bot/policies/stale.py),
    each with its proposed update's draft when review mode made one: the nudge carries the
    draft and its Send / Edit / Skip buttons."""
    from sqlalchemy import select

    from bot.policies.review import DRAFTED
    from bot.policies.stale import stale_tickets
    from bot.store.tables import PROACTIVE_UPDATES

    p = PROACTIVE_UPDATES.c
    with engine.connect() as connection:
        stale = stale_tickets(connection, settings, now)
        drafts = dict(
            connection.execute(
                select(p.ticket_id, p.id).where(p.status == DRAFTED).order_by(p.id)
            ).all()
        )
    return [
        StaleItem(s.ticket_id, s.assignee_id, now - s.waiting_since, drafts.get(s.ticket_id))
        for s in stale
    ]


@nudges_app.command("sweep")
def sweep_command() -> None:
    """Run one pass: decide the nudges (stale tickets, new assignments with history,
    coaching) and queue each agent's due ones as one Slack DM. Prints per agent what it
    decided."""
    settings, engine = settings_and_store()
    chat: Any = None
    try:
        settings.require_slack()
    except SettingsError:
        typer.echo("Slack is not configured: agents' Slack users are not looked up.")
    else:
        from integrations.slack.client import SlackChat

        chat = SlackChat.from_settings(settings)
    now = datetime.now(UTC)
    result = sweep(engine, settings, now, chat=chat, stale=stale_items(engine, settings, now))
    for line in result.lines():
        typer.echo(line)
    if result.messages:
        typer.echo(f"{result.messages} DM(s) queued. Run `alignbot dispatch` to deliver them.")


class BadEmail(AlignbotError):
    """Not an email address."""


def _email(value: str) -> str:
    if "@" not in value:
        raise BadEmail(f"{value!r} is not an email address")
    return value


@nudges_app.command("link")
def link_command(
    agent_email: str = typer.Argument(..., help="The agent's email in Zendesk."),
    slack_user: str = typer.Argument(..., help="Their Slack email, or Slack user id (U…)."),
) -> None:
    """Map an agent whose Slack email differs from their Zendesk one. Wins over
    NUDGE_SLACK_OVERRIDES; the next sweep looks the Slack user up again."""
    _, engine = settings_and_store()
    with engine.begin() as connection:
        set_preference(connection, _email(agent_email), datetime.now(UTC), slack_user=slack_user)
    typer.echo(f"{agent_email} -> {slack_user}")


@nudges_app.command("opt-out")
def opt_out_command(
    email: str = typer.Argument(..., help="The agent's email in Zendesk."),
    undo: bool = typer.Option(False, "--undo", help="Opt back in."),
) -> None:
    """Stop (or, with --undo, resume) nudges for an agent. Their due nudges are dropped."""
    _, engine = settings_and_store()
    with engine.begin() as connection:
        set_preference(connection, _email(email), datetime.now(UTC), opted_out=not undo)
    typer.echo(f"{email}: nudges {'on' if undo else 'off'}")
