"""`alignbot resolution show TICKET` and `alignbot resolution sweep`: the Confirmed-vs-Closed
flow's history of one ticket, and one pass of the flow (decide and queue; `alignbot
dispatch` delivers)."""

from __future__ import annotations

from datetime import UTC, datetime

import typer
from sqlalchemy import select

from bot.cli.app import resolution_app
from bot.cli.common import settings_and_store
from bot.errors import AlignbotError
from bot.resolution.sweep import sweep
from bot.store.tables import RESOLUTION_ANSWERS, RESOLUTION_EVENTS, RESOLUTION_STATES, TICKETS


class UnknownTicket(AlignbotError):
    """The ticket is not in the store."""


@resolution_app.command("sweep")
def sweep_command() -> None:
    """Run one pass of the flow: read new solves, replies and due reminders, record each
    transition, and queue the Zendesk and Slack writes. Prints what it did."""
    settings, engine = settings_and_store()
    result = sweep(engine, settings, datetime.now(UTC))
    for line in result.lines:
        typer.echo(line)
    typer.echo(result.summary())
    if result.queued:
        typer.echo("Run `alignbot dispatch` to deliver what was queued.")


@resolution_app.command("show")
def show_command(ticket_id: int = typer.Argument(..., help="The Zendesk ticket id.")) -> None:
    """Print a ticket's resolution state and every transition it went through."""
    settings, engine = settings_and_store()
    zone = settings.timezone
    with engine.connect() as connection:
        ticket = connection.execute(
            select(TICKETS.c.status, TICKETS.c.subject).where(TICKETS.c.id == ticket_id)
        ).first()
        if ticket is None:
            raise UnknownTicket(f"ticket #{ticket_id} is not in the store (run `alignbot sync`)")
        state = connection.execute(
            select(RESOLUTION_STATES).where(RESOLUTION_STATES.c.ticket_id == ticket_id)
        ).first()
        events = connection.execute(
            select(RESOLUTION_EVENTS)
            .where(RESOLUTION_EVENTS.c.ticket_id == ticket_id)
            .order_by(RESOLUTION_EVENTS.c.id)
        ).all()
        answers = connection.execute(
            select(RESOLUTION_ANSWERS)
            .where(RESOLUTION_ANSWERS.c.ticket_id == ticket_id)
            .order_by(RESOLUTION_ANSWERS.c.id)
        ).all()

    def when(at: datetime | None) -> str:
        return at.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z") if at else "-"

    typer.echo(f"Ticket #{ticket_id} (Zendesk status {ticket.status})")
    if state is None:
        typer.echo("Not in the flow: not solved since the flow was switched on.")
        return
    typer.echo(f"State: {state.state}")
    if state.request_id:
        typer.echo(
            f"Request {state.request_id} ({state.mode}) asked {when(state.requested_at)}, "
            f"{state.reminders} reminder(s) sent"
        )
    typer.echo("History:")
    for e in events:
        who = e.actor + (f" {e.actor_id}" if e.actor_id is not None else "")
        what = []
        if e.comment_id is not None:
            what.append(f"comment {e.comment_id}")
        if e.link_choice:
            what.append(f"link {e.link_choice}")
        if e.note:
            what.append(e.note)
        detail = f" [{'; '.join(what)}]" if what else ""
        typer.echo(
            f"  {when(e.at)}  {e.from_state or '-'} -> {e.to_state}  {e.cause} by {who}{detail}"
        )
    for a in answers:
        rating = f", rated {a.rating}/5" if a.rating else ""
        typer.echo(f"Answer by {a.via} {when(a.answered_at)}: {a.choice}{rating}")
