"""Proactive updates: one row per decision to update a stale ticket's customer.

`decision_key` is unique: it names the ticket and the stale episode's interval slot
(`bot.policies.updates.decision_key`), so two sweeps deciding at once record (and queue)
once. `status` moves drafted -> queued | skipped | dropped (review mode) or is written
final (queued in auto mode, dry_run). Only customer-safe text is ever stored in `body`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, Text
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime

#: Every status a decision can have (see the module doc).
UPDATE_STATUSES = ("drafted", "queued", "skipped", "dropped", "dry_run")


class ProactiveUpdate(SQLModel, table=True):
    __tablename__ = "proactive_updates"
    __table_args__ = (
        Index("ix_proactive_updates_ticket", "ticket_id", "created_at"),
        Index("ix_proactive_updates_status_due", "status", "due_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    decision_key: str = Field(unique=True, max_length=128)
    ticket_id: int = Field(sa_type=BigInteger)
    status: str = Field(max_length=16)  # one of UPDATE_STATUSES
    mode: str = Field(max_length=8)  # auto, review, dry_run: the mode it was decided in
    locale: str = Field(max_length=8)
    body: str = Field(sa_type=Text)
    reason: str | None = Field(default=None, max_length=255)
    assignee_id: int | None = Field(default=None, sa_type=BigInteger)
    outbox_key: str | None = Field(default=None, max_length=255)
    created_at: datetime = Field(sa_type=UTCDateTime)
    # review: when a draft nobody decided on is sent or dropped.
    due_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decided_by: str | None = Field(default=None, max_length=64)  # a Slack user id, alignbot
