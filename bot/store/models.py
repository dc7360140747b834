"""The store's mirror of a Zendesk account: tickets, comments, people, metrics, ratings.

Primary keys are Zendesk's own ids, so an upsert is "insert, or update the row with this id"
and syncing the same page twice changes nothing. Every timestamp is UTC (`UTCDateTime`).
Field names follow Zendesk's where they mean the same thing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Text, text
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime

#: Channels alignbot groups conversations by; Zendesk's many `via.channel` values map onto
#: these (see `integrations.zendesk.channels`). Anything unrecognised is stored as "other".
CHANNELS = ("email", "web", "chat", "phone", "messaging", "api", "other")

#: Who wrote a comment, from alignbot's point of view.
AUTHOR_ROLES = ("customer", "agent", "system")


def _id_column() -> Any:
    return Field(default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=False))


class Ticket(SQLModel, table=True):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_status", "status"),
        Index("ix_tickets_updated_at", "updated_at"),
        Index("ix_tickets_created_at", "created_at"),
        Index("ix_tickets_requester_created", "requester_id", "created_at"),
        Index("ix_tickets_assignee_id", "assignee_id"),
        Index("ix_tickets_group_id", "group_id"),
        # The stale sweep (bot.policies.stale) reads only live tickets waiting on us.
        Index(
            "ix_tickets_waiting",
            "created_at",
            postgresql_where=text("status IN ('new', 'open', 'hold') AND NOT deleted"),
            sqlite_where=text("status IN ('new', 'open', 'hold') AND deleted = 0"),
        ),
    )

    id: int | None = _id_column()
    subject: str | None = Field(default=None, sa_type=Text)
    status: str = "new"  # new, open, pending, hold, solved, closed, deleted
    custom_status_id: int | None = Field(default=None, sa_type=BigInteger)
    priority: str | None = None  # low, normal, high, urgent
    type: str | None = None  # problem, incident, question, task
    channel: str = "other"  # one of CHANNELS
    via_channel: str | None = None  # Zendesk's raw via.channel
    requester_id: int | None = Field(default=None, sa_type=BigInteger)
    submitter_id: int | None = Field(default=None, sa_type=BigInteger)
    assignee_id: int | None = Field(default=None, sa_type=BigInteger)
    group_id: int | None = Field(default=None, sa_type=BigInteger)
    organization_id: int | None = Field(default=None, sa_type=BigInteger)
    problem_id: int | None = Field(default=None, sa_type=BigInteger)
    tags: list[str] = Field(default_factory=list, sa_type=JSON)
    custom_fields: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)
    deleted: bool = False
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Comment(SQLModel, table=True):
    __tablename__ = "comments"
    __table_args__ = (
        Index("ix_comments_ticket_created", "ticket_id", "created_at"),
        Index("ix_comments_author_id", "author_id"),
        Index("ix_comments_created_at", "created_at"),
        # The metrics' per-ticket lookups (a ticket's first or last customer message, the
        # agent reply before or after one) read only public customer or agent comments.
        Index(
            "ix_comments_customer_ticket",
            "ticket_id",
            "created_at",
            "id",
            postgresql_where=text("author_role = 'customer' AND public"),
            sqlite_where=text("author_role = 'customer' AND public = 1"),
        ),
        Index(
            "ix_comments_agent_ticket",
            "ticket_id",
            "created_at",
            "id",
            postgresql_where=text("author_role = 'agent' AND public"),
            sqlite_where=text("author_role = 'agent' AND public = 1"),
        ),
    )

    id: int | None = _id_column()
    ticket_id: int = Field(sa_type=BigInteger)
    author_id: int | None = Field(default=None, sa_type=BigInteger)
    author_role: str = "customer"  # one of AUTHOR_ROLES
    public: bool = True
    channel: str = "other"  # one of CHANNELS
    body: str = Field(default="", sa_type=Text)
    html_body: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(sa_type=UTCDateTime)


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = (
        Index("ix_users_email", "email"),
        Index("ix_users_role", "role"),
    )

    id: int | None = _id_column()
    name: str | None = None
    email: str | None = None
    role: str = "end-user"  # end-user, agent, admin
    locale: str | None = None  # e.g. "en-US", "es"
    time_zone: str | None = None  # IANA name where Zendesk gives one
    organization_id: int | None = Field(default=None, sa_type=BigInteger)
    default_group_id: int | None = Field(default=None, sa_type=BigInteger)
    created_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    updated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Group(SQLModel, table=True):
    __tablename__ = "groups"

    id: int | None = _id_column()
    name: str
    deleted: bool = False
    created_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    updated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Organization(SQLModel, table=True):
    __tablename__ = "organizations"

    id: int | None = _id_column()
    name: str
    created_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    updated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class TicketMetric(SQLModel, table=True):
    """Zendesk's ticket metric set, one per ticket. Durations are minutes (calendar/business)."""

    __tablename__ = "ticket_metrics"
    __table_args__ = (Index("ix_ticket_metrics_solved_at", "solved_at"),)

    ticket_id: int | None = _id_column()
    id: int | None = Field(default=None, sa_type=BigInteger)
    reopens: int = 0
    replies: int = 0
    assignee_stations: int = 0
    group_stations: int = 0
    reply_time_calendar: int | None = None
    reply_time_business: int | None = None
    first_resolution_time_calendar: int | None = None
    first_resolution_time_business: int | None = None
    full_resolution_time_calendar: int | None = None
    full_resolution_time_business: int | None = None
    agent_wait_time_calendar: int | None = None
    requester_wait_time_calendar: int | None = None
    on_hold_time_calendar: int | None = None
    solved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    assigned_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    initially_assigned_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    latest_comment_added_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    status_updated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    updated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class SatisfactionRating(SQLModel, table=True):
    __tablename__ = "satisfaction_ratings"
    __table_args__ = (
        Index("ix_satisfaction_ratings_ticket_id", "ticket_id"),
        Index("ix_satisfaction_ratings_created_at", "created_at"),
    )

    id: int | None = _id_column()
    ticket_id: int | None = Field(default=None, sa_type=BigInteger)
    requester_id: int | None = Field(default=None, sa_type=BigInteger)
    assignee_id: int | None = Field(default=None, sa_type=BigInteger)
    group_id: int | None = Field(default=None, sa_type=BigInteger)
    score: str = "unoffered"  # good, bad, offered, unoffered
    comment: str | None = Field(default=None, sa_type=Text)
    reason: str | None = None
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class SyncState(SQLModel, table=True):
    """Where each incremental stream stands. Written in the same transaction as its rows."""

    __tablename__ = "sync_state"

    stream: str = Field(primary_key=True)  # tickets, ticket_events, satisfaction_ratings
    cursor: str | None = Field(default=None, sa_type=Text)  # cursor-based exports
    start_time: int | None = Field(default=None, sa_type=BigInteger)  # time-based exports
    end_of_stream: bool = False
    rows_synced: int = Field(default=0, sa_type=BigInteger)
    last_synced_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
