"""The customer's answers to a confirmation request, and the single use of its links.

A confirmation request (one question to the customer after an agent solves their ticket)
carries three signed links (`bot.resolution.links`). Whichever of them is used first answers
the request; every link of that request is spent from then on:

- `resolution_link_uses`: one row per answered request (`request_id` is its primary key),
  written in the same transaction as the answer. The key is what makes a link single-use,
  even when two clicks race: the second insert fails on it.
- `resolution_answers`: what the customer said (the choice, the optional 1-5 rating) and
  through which way (`via`: "link", or "reply" when the flow read their comment).

The flow's own state (`bot.resolution.flow`):

- `resolution_states`: one row per ticket the flow has seen solved: where it stands now,
  the current confirmation request, its reminders, and how far the ticket's history has
  been read (`seen_at` and the ids of the items read at exactly that second). `version`
  makes each change conditional, so two sweeps (or a sweep and a link) never both move a
  ticket: the loser rolls back, with its outbox rows.
- `resolution_events`: every transition, never updated: from, to, cause, actor, when, and
  the comment or link that caused it. The transparency metrics read them.
- `resolution_flow`: one row: when the flow was first switched on (solves before then are
  left to the metrics' older reading) and the custom status `alignbot zendesk setup` made.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, CheckConstraint, Column, Index, SmallInteger
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime


class ResolutionLinkUse(SQLModel, table=True):
    """The answered confirmation request whose links are spent."""

    __tablename__ = "resolution_link_uses"
    __table_args__ = (Index("ix_resolution_link_uses_ticket_id", "ticket_id"),)

    request_id: str = Field(primary_key=True, max_length=64)
    ticket_id: int = Field(sa_type=BigInteger)
    choice: str = Field(max_length=16)  # one of bot.resolution.links.Choice
    used_at: datetime = Field(sa_type=UTCDateTime)


class ResolutionAnswer(SQLModel, table=True):
    """One answer of a customer to a confirmation request."""

    __tablename__ = "resolution_answers"
    __table_args__ = (
        Index("ix_resolution_answers_ticket_id", "ticket_id"),
        Index("ix_resolution_answers_request_id", "request_id"),
        Index("ix_resolution_answers_answered_at", "answered_at"),
        CheckConstraint("rating BETWEEN 1 AND 5", name="ck_resolution_answers_rating"),
    )

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(sa_type=BigInteger)
    request_id: str = Field(max_length=64)
    choice: str = Field(max_length=16)  # one of bot.resolution.links.Choice
    # "Did this interaction feel efficient and empathetic?", 1-5; None when not answered.
    rating: int | None = Field(default=None, sa_column=Column(SmallInteger, nullable=True))
    via: str = Field(default="link", max_length=16)  # link, or reply (a comment read)
    locale: str | None = Field(default=None, max_length=16)  # the page's language
    answered_at: datetime = Field(sa_type=UTCDateTime)


class ResolutionState(SQLModel, table=True):
    """Where one ticket stands in the Confirmed-vs-Closed flow (see module doc)."""

    __tablename__ = "resolution_states"
    __table_args__ = (Index("ix_resolution_states_state", "state"),)

    ticket_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=False)
    )
    state: str = Field(max_length=24)  # one of bot.resolution.states.State
    state_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # when it moved there
    request_id: str | None = Field(default=None, max_length=64)  # the current request
    requested_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    mode: str | None = Field(default=None, max_length=8)  # enforce or ask, at the request
    reminders: int = 0  # reminders queued for the current request
    last_reminder_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # The ticket's history is read up to here: items at `seen_at` whose ids are in
    # `seen_ids` ("c<comment id>", "s<status change id>") and everything before.
    seen_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    seen_ids: list[str] = Field(default_factory=list, sa_type=JSON)
    version: int = 0
    updated_at: datetime = Field(sa_type=UTCDateTime)


class ResolutionEvent(SQLModel, table=True):
    """One transition of a ticket's resolution state. Written once, never changed."""

    __tablename__ = "resolution_events"
    __table_args__ = (
        Index("ix_resolution_events_ticket_id", "ticket_id", "id"),
        Index("ix_resolution_events_at", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(sa_type=BigInteger)
    request_id: str | None = Field(default=None, max_length=64)
    from_state: str | None = Field(default=None, max_length=24)  # None: first seen
    to_state: str = Field(max_length=24)
    cause: str = Field(max_length=24)  # one of bot.resolution.states.Cause
    actor: str = Field(max_length=16)  # agent, customer, alignbot, zendesk
    actor_id: int | None = Field(default=None, sa_type=BigInteger)
    at: datetime = Field(sa_type=UTCDateTime)  # when the cause happened
    recorded_at: datetime = Field(sa_type=UTCDateTime)
    comment_id: int | None = Field(default=None, sa_type=BigInteger)
    link_choice: str | None = Field(default=None, max_length=16)
    note: str | None = Field(default=None, max_length=255)


class ResolutionFlow(SQLModel, table=True):
    """The flow's one row of its own settings and history."""

    __tablename__ = "resolution_flow"

    name: str = Field(default="default", primary_key=True, max_length=16)
    # The first sweep with the flow on; solves before it are not asked about.
    enabled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    custom_status_id: int | None = Field(default=None, sa_type=BigInteger)
    details: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
