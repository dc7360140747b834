"""The flow's answer to a customer's link: `flow_on_answer(settings)` is the `OnAnswer` hook
`alignbot web` runs inside the transaction that records the answer.

A confirm solves the ticket (tag `resolution_confirmed`), "I'll close it myself" solves it
(tag `resolution_closed_by_customer`), "I still need help" reopens it and tells the
assignee in Slack. The standing moves only from the version read, in the answer's own
transaction: if a sweep moved the ticket meanwhile, the hook raises and nothing is
recorded (the customer sees "nothing was recorded" and may press the button again).
An answer to a request the flow no longer waits for (another request, or a ticket already
resolved) is recorded as an answer and moves nothing.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, select

from bot.errors import AlignbotError
from bot.resolution.answers import Answer, OnAnswer
from bot.resolution.machine import answer
from bot.resolution.sweep import Lost, Writer, enable_flow, read_standing, record, ticket_context
from bot.settings import Settings
from bot.store.tables import TICKETS

__all__ = ["AnswerRaced", "flow_on_answer"]

log = logging.getLogger("alignbot.resolution")


class AnswerRaced(AlignbotError):
    """The ticket moved while the answer was being recorded; nothing was recorded."""


def flow_on_answer(settings: Settings) -> OnAnswer:
    """The hook that moves a ticket when its customer answers by link."""
    keys = settings.require_link_secret()
    # A link's answer writes no new links: the pages work before ALIGNBOT_PUBLIC_URL is set.
    public_url = settings.alignbot_public_url or ""

    def on_answer(connection: Connection, given: Answer) -> None:
        standing, version, cursor = read_standing(connection, given.ticket_id)
        outcome = answer(standing, given.request_id, given.choice.value, given.answered_at)
        if outcome is None:
            log.info(
                "ticket #%s: answer %s to request %s moves nothing (now %s)",
                given.ticket_id,
                given.choice.value,
                given.request_id,
                standing.state.value if standing.state else "not in the flow",
            )
            return
        ticket = connection.execute(
            select(
                TICKETS.c.id, TICKETS.c.subject, TICKETS.c.requester_id, TICKETS.c.assignee_id
            ).where(TICKETS.c.id == given.ticket_id)
        ).one()
        _, custom_status_id = enable_flow(connection, given.answered_at)
        writer = Writer(settings, keys, public_url, custom_status_id)
        ctx = ticket_context(connection, ticket, settings.timezone)
        try:
            record(
                connection,
                given.ticket_id,
                version,
                outcome,
                (cursor[0], cursor[1]),
                writer,
                ctx,
                given.answered_at,
            )
        except Lost:
            raise AnswerRaced(
                f"ticket #{given.ticket_id} moved while the answer was recorded; try again"
            ) from None

    return on_answer
