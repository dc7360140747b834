"""The outbox table: every side effect alignbot decides on, before it is delivered.

A row is written in the same transaction as the decision that made it, under a unique
`idempotency_key`, so deciding twice (a retried job, a second replica) cannot queue twice.
`bot.outbox` claims and delivers rows; see it for the state machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Text
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime

#: Every status a row can have, in the order a row moves through them (see `bot.outbox`).
STATUSES = ("pending", "sending", "sent", "failed")
PENDING, SENDING, SENT, FAILED = STATUSES


class OutboxMessage(SQLModel, table=True):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_next_attempt", "status", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    idempotency_key: str = Field(unique=True, max_length=255)
    kind: str  # e.g. slack.message, zendesk.comment, zendesk.update
    target: str  # a Slack channel or user, a Zendesk ticket id
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    status: str = "pending"  # pending, sending, sent, failed
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_type=UTCDateTime)
    claimed_by: str | None = None
    claimed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, sa_type=Text)
    result: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    created_at: datetime = Field(sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


@dataclass(frozen=True)
class OutboxRow:
    """One outbox row as read, for whoever looks at the queue (a deliverer following an
    earlier row, `alignbot outbox list`); changing a row goes through `bot.outbox`."""

    id: int
    key: str
    kind: str
    target: str
    status: str
    attempts: int
    next_attempt_at: datetime
    created_at: datetime
    sent_at: datetime | None
    claimed_by: str | None
    claimed_at: datetime | None
    last_error: str | None
    result: Mapping[str, Any]
    payload: Mapping[str, Any]

    @classmethod
    def of(cls, row: Mapping[Any, Any]) -> OutboxRow:
        """From a mapping of the `outbox` table's columns (a Core row's `._mapping`)."""
        return cls(
            id=int(row["id"]),
            key=str(row["idempotency_key"]),
            kind=str(row["kind"]),
            target=str(row["target"]),
            status=str(row["status"]),
            attempts=int(row["attempts"]),
            next_attempt_at=row["next_attempt_at"],
            created_at=row["created_at"],
            sent_at=row["sent_at"],
            claimed_by=row["claimed_by"],
            claimed_at=row["claimed_at"],
            last_error=row["last_error"],
            result=dict(row["result"] or {}),
            payload=dict(row["payload"] or {}),
        )
