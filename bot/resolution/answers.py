"""Answering a confirmation request by link: checking the link against the store, and
recording the answer once.

`check_link` only reads: it is what a page shown on GET calls, since mail scanners open
every link in an email and must change nothing. `answer_by_link` records, in one
transaction, the link's use (which spends every link of that request), the answer, and
whatever the resolution flow's `on_answer` hook does with it. If any of it fails, none of
it happened; if two answers race, one wins and the other is refused as USED.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError

from bot.resolution.links import Choice, LinkClaim, LinkRefused, Refusal, read_link
from bot.settings import LinkKeys
from bot.store.tables import RESOLUTION_ANSWERS, RESOLUTION_LINK_USES, TICKETS, USERS

__all__ = [
    "RATINGS",
    "Answer",
    "OnAnswer",
    "TicketContext",
    "answer_by_link",
    "check_link",
    "record_only",
]

#: The answers to "Did this interaction feel efficient and empathetic?".
RATINGS = range(1, 6)


@dataclass(frozen=True)
class Answer:
    """A customer's answer to a confirmation request, as recorded."""

    ticket_id: int
    request_id: str
    choice: Choice
    rating: int | None  # 1-5, or None when the customer left the question
    locale: str | None  # the language the customer answered in
    answered_at: datetime
    via: str = "link"


#: Called inside the transaction that records an answer, after its rows are written: the
#: resolution flow moves the ticket's state and queues its outbox rows here, so they commit
#: or roll back with the answer. Raising refuses the answer: nothing is recorded.
OnAnswer = Callable[[Connection, Answer], None]


def record_only(connection: Connection, answer: Answer) -> None:
    """The default `OnAnswer`: the answer and the link's use are recorded, nothing else."""


@dataclass(frozen=True)
class TicketContext:
    """What the pages need to know about a link's ticket and its requester."""

    ticket_id: int
    requester_locale: str | None
    requester_time_zone: str | None


def check_link(
    connection: Connection, keys: LinkKeys, token: str, *, ticket_id: int, now: datetime
) -> tuple[LinkClaim, TicketContext]:
    """The claim of a link that may still answer, with its ticket's context; otherwise
    `LinkRefused`: FORGED, OTHER_TICKET, UNKNOWN, USED (with `used_at`) or EXPIRED, checked
    in that order. Reads only."""
    claim = read_link(keys, token, ticket_id=ticket_id)
    context = _ticket_context(connection, claim.ticket_id)
    if context is None:
        raise LinkRefused(
            Refusal.UNKNOWN, f"ticket #{claim.ticket_id} is not in the store", claim=claim
        )
    used_at = _used_at(connection, claim.request_id)
    if used_at is not None:
        raise LinkRefused(
            Refusal.USED,
            f"request {claim.request_id} was already answered",
            claim=claim,
            context=context,
            used_at=used_at,
        )
    if claim.expired(now):
        raise LinkRefused(
            Refusal.EXPIRED,
            f"the link expired at {claim.expires_at.isoformat()}",
            claim=claim,
            context=context,
        )
    return claim, context


def answer_by_link(
    engine: Engine,
    keys: LinkKeys,
    token: str,
    *,
    ticket_id: int,
    rating: int | None,
    locale: str | None,
    now: datetime,
    on_answer: OnAnswer = record_only,
) -> Answer:
    """Record the answer a link carries, once: the link's use, the answer row and
    `on_answer`, in one transaction. `LinkRefused` (as `check_link`) records nothing."""
    if rating is not None and rating not in RATINGS:
        raise ValueError(f"rating must be 1 to 5, not {rating}")
    try:
        with engine.begin() as connection:
            claim, _ = check_link(connection, keys, token, ticket_id=ticket_id, now=now)
            answer = Answer(
                ticket_id=claim.ticket_id,
                request_id=claim.request_id,
                choice=claim.choice,
                rating=rating,
                locale=locale,
                answered_at=now,
            )
            # The use first: a racing answer to the same request fails here, on its key,
            # before anything else is written.
            connection.execute(
                insert(RESOLUTION_LINK_USES).values(
                    request_id=answer.request_id,
                    ticket_id=answer.ticket_id,
                    choice=answer.choice.value,
                    used_at=now,
                )
            )
            connection.execute(
                insert(RESOLUTION_ANSWERS).values(
                    ticket_id=answer.ticket_id,
                    request_id=answer.request_id,
                    choice=answer.choice.value,
                    rating=answer.rating,
                    via=answer.via,
                    locale=answer.locale,
                    answered_at=now,
                )
            )
            on_answer(connection, answer)
    except IntegrityError:
        # Lost a race: another answer to this request committed between our check and our
        # insert. Anything else that broke a constraint is a bug and is raised as it is.
        with engine.connect() as connection:
            claim = read_link(keys, token, ticket_id=ticket_id)
            used_at = _used_at(connection, claim.request_id)
            context = _ticket_context(connection, claim.ticket_id)
        if used_at is None:
            raise
        raise LinkRefused(
            Refusal.USED,
            f"request {claim.request_id} was already answered",
            claim=claim,
            context=context,
            used_at=used_at,
        ) from None
    return answer


def _ticket_context(connection: Connection, ticket_id: int) -> TicketContext | None:
    row = connection.execute(
        select(TICKETS.c.id, USERS.c.locale, USERS.c.time_zone)
        .select_from(TICKETS.outerjoin(USERS, USERS.c.id == TICKETS.c.requester_id))
        .where(TICKETS.c.id == ticket_id)
    ).first()
    if row is None:
        return None
    return TicketContext(
        ticket_id=ticket_id, requester_locale=row.locale, requester_time_zone=row.time_zone
    )


def _used_at(connection: Connection, request_id: str) -> datetime | None:
    used_at: datetime | None = connection.execute(
        select(RESOLUTION_LINK_USES.c.used_at).where(
            RESOLUTION_LINK_USES.c.request_id == request_id
        )
    ).scalar_one_or_none()
    return used_at
