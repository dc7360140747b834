"""What the store holds: row counts, where each sync stream stands and the outbox's rows by
status (`alignbot stats`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from bot.store.models import (
    Comment,
    Group,
    SatisfactionRating,
    SyncState,
    Ticket,
    TicketMetric,
    User,
)
from bot.store.outbox import STATUSES
from bot.store.tables import OUTBOX

__all__ = ["StoreStats", "StreamStats", "outbox_counts", "store_stats"]


@dataclass(frozen=True)
class StreamStats:
    """One sync stream's position: Zendesk's cursor (cursor-based exports) or the start
    time of its next export (time-based ones), and when it last committed a page."""

    stream: str
    cursor: str | None
    start_time: datetime | None
    end_of_stream: bool
    rows_synced: int
    last_synced_at: datetime | None

    @property
    def position(self) -> str | None:
        """Zendesk's cursor, or None for a time-based stream: those keep the ids already
        stored at `start_time` in the cursor column, which means nothing to a reader."""
        if self.cursor is None or self.cursor.startswith("seen:"):
            return None
        return self.cursor

    def as_json(self) -> dict[str, Any]:
        return {
            "cursor": self.position,
            "start_time": self.start_time.isoformat() if self.start_time else None,
            "end_of_stream": self.end_of_stream,
            "rows_synced": self.rows_synced,
            "last_synced_at": self.last_synced_at.isoformat() if self.last_synced_at else None,
        }


@dataclass(frozen=True)
class StoreStats:
    """Row counts. `tickets` counts every stored ticket, deleted ones included;
    `deleted_tickets` is how many of them Zendesk reported deleted."""

    tickets: int
    deleted_tickets: int
    comments: int
    users: int
    groups: int
    ticket_metrics: int
    satisfaction_ratings: int
    streams: tuple[StreamStats, ...]
    outbox: dict[str, int]  # rows by status, every status present

    def as_json(self) -> dict[str, Any]:
        """Exactly the keys `alignbot stats --json` promises."""
        return {
            "tickets": self.tickets,
            "deleted_tickets": self.deleted_tickets,
            "comments": self.comments,
            "users": self.users,
            "groups": self.groups,
            "ticket_metrics": self.ticket_metrics,
            "satisfaction_ratings": self.satisfaction_ratings,
            "streams": {s.stream: s.as_json() for s in self.streams},
            "outbox": dict(self.outbox),
        }


def _count(session: Session, model: Any) -> int:
    return int(session.exec(select(func.count()).select_from(model)).one())


def outbox_counts(engine: Engine) -> dict[str, int]:
    """How many outbox rows have each status; every status is present, 0 when none has it."""
    c = OUTBOX.c
    with engine.connect() as connection:
        rows = connection.execute(core_select(c.status, func.count()).group_by(c.status)).all()
    found: dict[str, int] = {str(status): int(n) for status, n in rows}
    counts = {status: found.pop(status, 0) for status in STATUSES}
    counts.update(found)  # a status this version does not know is still shown
    return counts


def store_stats(engine: Engine) -> StoreStats:
    """Count what the store holds, in one read-only session."""
    with Session(engine) as session:
        deleted = session.exec(
            select(func.count()).select_from(Ticket).where(col(Ticket.deleted).is_(True))
        ).one()
        states = session.exec(select(SyncState).order_by(col(SyncState.stream))).all()
        return StoreStats(
            tickets=_count(session, Ticket),
            deleted_tickets=int(deleted),
            comments=_count(session, Comment),
            users=_count(session, User),
            groups=_count(session, Group),
            ticket_metrics=_count(session, TicketMetric),
            satisfaction_ratings=_count(session, SatisfactionRating),
            streams=tuple(
                StreamStats(
                    stream=s.stream,
                    cursor=s.cursor,
                    start_time=(
                        datetime.fromtimestamp(s.start_time, UTC)
                        if s.start_time is not None
                        else None
                    ),
                    end_of_stream=s.end_of_stream,
                    rows_synced=s.rows_synced,
                    last_synced_at=s.last_synced_at,
                )
                for s in states
            ),
            outbox=outbox_counts(engine),
        )
