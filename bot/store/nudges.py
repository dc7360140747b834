"""What the nudges remember: who an agent is in Slack, what was decided, snoozes, opt-outs.

- `agent_links`: one row per Zendesk agent, the Slack user their email maps to (`source`
  "lookup" by `users.lookupByEmail`, or "override" from NUDGE_SLACK_OVERRIDES or
  `alignbot nudges link`), the Slack time zone, when it was checked and when it last failed.
- `nudge_preferences`: per Zendesk agent email, an override of the Slack user (an email or a
  U-id) and an opt-out, both written by the CLI.
- `nudges`: every nudge decided, under a unique `key`, so two sweeps decide it once. Its
  `status` moves from "due" to "sent" (queued into the outbox in a batch, `outbox_key`) or
  "dropped" (the agent opted out or cannot be found in Slack).
- `nudge_snoozes`: a Slack user's "not now" for a ticket, until a time.
- `nudge_assignments`: the assignee each ticket had when the nudges last looked, so a new
  assignment is seen without an assignee history in the store.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime

#: Statuses of a nudge row.
DUE, SENT, DROPPED = "due", "sent", "dropped"


class AgentLink(SQLModel, table=True):
    """A Zendesk agent's Slack user, as last found (see module doc)."""

    __tablename__ = "agent_links"

    zendesk_user_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=False)
    )
    email: str | None = Field(default=None, max_length=255)  # the Slack-side email looked up
    slack_user_id: str | None = Field(default=None, max_length=32)  # None: not found
    tz: str | None = Field(default=None, max_length=64)
    source: str = Field(default="lookup", max_length=16)  # lookup, override
    checked_at: datetime = Field(sa_type=UTCDateTime)
    failed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class NudgePreference(SQLModel, table=True):
    """An agent's override and opt-out, keyed by their Zendesk email (lower case)."""

    __tablename__ = "nudge_preferences"

    email: str = Field(primary_key=True, max_length=255)
    slack_user: str | None = Field(default=None, max_length=255)  # an email or a U-id
    opted_out: bool = False
    updated_at: datetime = Field(sa_type=UTCDateTime)


class Nudge(SQLModel, table=True):
    """One nudge decided for one agent (see module doc)."""

    __tablename__ = "nudges"
    __table_args__ = (
        Index("ix_nudges_status_due_at", "status", "due_at"),
        Index("ix_nudges_agent_id", "agent_id", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=255)
    agent_id: int = Field(sa_type=BigInteger)  # the Zendesk agent
    kind: str = Field(max_length=24)  # stale, context, coach_upsell, coach_empathy
    ticket_id: int = Field(sa_type=BigInteger)
    status: str = Field(default=DUE, max_length=16)  # due, sent, dropped
    due_at: datetime = Field(sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    outbox_key: str | None = Field(default=None, max_length=255)
    note: str | None = Field(default=None, max_length=255)  # why it waits or was dropped
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    created_at: datetime = Field(sa_type=UTCDateTime)


class NudgeSnooze(SQLModel, table=True):
    """A Slack user's snooze of one ticket's nudges."""

    __tablename__ = "nudge_snoozes"

    slack_user_id: str = Field(primary_key=True, max_length=32)
    ticket_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    until: datetime = Field(sa_type=UTCDateTime)
    created_at: datetime = Field(sa_type=UTCDateTime)


class NudgeAssignment(SQLModel, table=True):
    """The assignee a ticket had when the nudges last looked at it."""

    __tablename__ = "nudge_assignments"

    ticket_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=False)
    )
    assignee_id: int | None = Field(default=None, sa_type=BigInteger)
    seen_at: datetime = Field(sa_type=UTCDateTime)
