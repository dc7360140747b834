"""A small builder for hand-made stores: tickets, comments with their signals, ratings.

Every metric test inserts exactly the rows its arithmetic needs through `Seed`, then reads
the figures with `build_report`. Times are given in Madrid local time (`madrid(...)`) since
the digest's days are local days; the store gets UTC.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, insert
from sqlmodel import SQLModel

from bot.metrics.model import Metric, Period, Report
from bot.metrics.report import build_report
from bot.settings import Settings
from bot.store import (
    Comment,
    CommentSignal,
    Group,
    OutboxMessage,
    SatisfactionRating,
    Ticket,
    TicketMetric,
    TicketStatusChange,
    User,
)
from bot.store.history import rebuild_runs
from bot.store.resolution import ResolutionEvent
from bot.store.signals import SIGNAL_COLUMNS

MADRID = "Europe/Madrid"
ZONE = ZoneInfo(MADRID)
#: The day most tests report on (a Tuesday); the previous day is 2 June.
DAY = date(2026, 6, 3)
#: When the digest runs: the morning after DAY.
NOW = datetime(2026, 6, 4, 7, 0, tzinfo=ZONE)


def madrid(day: date | int, hour: int = 12, minute: int = 0) -> datetime:
    """A Madrid wall-clock time; an int `day` is that day of June 2026."""
    if isinstance(day, int):
        day = date(2026, 6, day)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {"alignbot_timezone": MADRID, "fcr_window_days": 7}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class Seed:
    """Rows to insert, with defaults that keep each test to what it is about."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.rows: dict[type[SQLModel], list[dict[str, Any]]] = defaultdict(list)
        self.next_comment = 1000
        self.next_rating = 5000
        self.next_outbox = 1
        self.next_change = 90_000
        self.next_event = 1
        self.ticket_ids: list[int] = []

    # People -------------------------------------------------------------------------------
    def group(self, group_id: int, name: str) -> int:
        self.rows[Group].append({"id": group_id, "name": name})
        return group_id

    def agent(self, user_id: int, name: str | None) -> int:
        self.rows[User].append({"id": user_id, "name": name, "role": "agent"})
        return user_id

    def customer(self, user_id: int, name: str = "Customer") -> int:
        self.rows[User].append({"id": user_id, "name": name, "role": "end-user"})
        return user_id

    # Tickets ------------------------------------------------------------------------------
    def ticket(
        self,
        ticket_id: int,
        created: datetime,
        *,
        requester: int | None = 1,
        group: int | None = None,
        assignee: int | None = None,
        status: str = "open",
        solved: datetime | None = None,
        reopens: int = 0,
        first_resolution: int | None = None,
        priority: str | None = "normal",
        channel: str = "email",
        custom_fields: dict[str, Any] | None = None,
        subject: str | None = None,
        deleted: bool = False,
        history: list[tuple[datetime, str]] | None = None,
    ) -> int:
        """A ticket, its metric set and its status history. Without `history`: created
        `new`, then `status` at creation (unless solved), `reopens` solve-and-reopen pairs
        spread evenly between creation and `solved`, and the solve at `solved`."""
        if solved is not None and status == "open":
            status = "solved"
        if history is None:
            history = [(created, "new")]
            if solved is None and status != "new":
                history.append((created, status))
            if solved is not None:
                step = (solved - created) / (2 * reopens + 1)
                for i in range(reopens):
                    history += [
                        (created + step * (2 * i + 1), "solved"),
                        (created + step * (2 * i + 2), "open"),
                    ]
                history.append((solved, "solved"))
        for at, new_status in history:
            self.next_change += 1
            self.rows[TicketStatusChange].append(
                {
                    "id": self.next_change,
                    "ticket_id": ticket_id,
                    "at": at,
                    "status": new_status,
                    "actor_id": assignee,
                }
            )
        self.ticket_ids.append(ticket_id)
        self.rows[Ticket].append(
            {
                "id": ticket_id,
                "subject": subject or f"Ticket {ticket_id}",
                "status": status,
                "priority": priority,
                "channel": channel,
                "requester_id": requester,
                "assignee_id": assignee,
                "group_id": group,
                "tags": [],
                "custom_fields": custom_fields or {},
                "created_at": created,
                "updated_at": solved or created,
                "deleted": deleted,
            }
        )
        self.rows[TicketMetric].append(
            {
                "ticket_id": ticket_id,
                "reopens": reopens,
                "solved_at": solved,
                "first_resolution_time_calendar": first_resolution,
                "created_at": created,
            }
        )
        return ticket_id

    # Comments (each with its signals row, as the analysis job writes it) -----------------
    def _comment(
        self,
        ticket: int,
        at: datetime,
        role: str,
        author: int | None,
        public: bool,
        channel: str,
        signals: dict[str, Any],
    ) -> int:
        self.next_comment += 1
        cid = self.next_comment
        self.rows[Comment].append(
            {
                "id": cid,
                "ticket_id": ticket,
                "author_id": author,
                "author_role": role,
                "public": public,
                "channel": channel,
                "body": "",
                "created_at": at,
            }
        )
        row: dict[str, Any] = {
            "comment_id": cid,
            "ticket_id": ticket,
            "role": role,
            "public": public,
            "body_hash": "x",
            "analyzer_version": "test",
            "analyzed_at": NOW,
        }
        row.update(dict.fromkeys(SIGNAL_COLUMNS))
        if public:
            row.update(signals)
        self.rows[CommentSignal].append(row)
        return cid

    def says(
        self,
        ticket: int,
        at: datetime,
        *,
        sentiment: str = "neutral",
        frustration: bool = False,
        resolution: str = "none",
        trust: bool = False,
        restatements: int = 0,
        channel: str = "email",
        author: int | None = 1,
    ) -> int:
        """A public customer message."""
        return self._comment(
            ticket,
            at,
            "customer",
            author,
            True,
            channel,
            {
                "sentiment_label": sentiment,
                "sentiment_score": {"negative": -0.6, "neutral": 0.0, "positive": 0.6}[sentiment],
                "frustration": frustration,
                "resolution_reply": resolution,
                "trust_indicator": trust,
                "restatements": restatements,
            },
        )

    def replies(
        self,
        ticket: int,
        at: datetime,
        author: int,
        *,
        empathy: str = "none",
        upsell: bool = False,
        acknowledges: bool = False,
        redundant: bool = False,
        channel: str = "email",
    ) -> int:
        """A public agent reply."""
        return self._comment(
            ticket,
            at,
            "agent",
            author,
            True,
            channel,
            {
                "empathy": empathy,
                "upsell": upsell,
                "acknowledges_history": acknowledges,
                "redundant_question": redundant,
            },
        )

    def note(self, ticket: int, at: datetime, author: int) -> int:
        """An internal note: a role-only signals row, every signal NULL."""
        return self._comment(ticket, at, "agent", author, False, "web", {})

    def rating(
        self,
        ticket: int,
        at: datetime,
        score: str,
        *,
        comment: str | None = None,
        group: int | None = None,
        assignee: int | None = None,
    ) -> int:
        self.next_rating += 1
        self.rows[SatisfactionRating].append(
            {
                "id": self.next_rating,
                "ticket_id": ticket,
                "group_id": group,
                "assignee_id": assignee,
                "score": score,
                "comment": comment,
                "created_at": at,
            }
        )
        return self.next_rating

    def outbox(self, target: str, sent: datetime | None, *, kind: str, status: str) -> None:
        self.next_outbox += 1
        self.rows[OutboxMessage].append(
            {
                "id": self.next_outbox,
                "idempotency_key": f"k{self.next_outbox}",
                "kind": kind,
                "target": target,
                "payload": {},
                "status": status,
                "attempts": 1,
                "next_attempt_at": sent or NOW,
                "created_at": sent or NOW,
                "sent_at": sent,
            }
        )

    def event(
        self,
        ticket: int,
        at: datetime,
        request: str,
        to_state: str,
        cause: str,
        *,
        from_state: str | None = None,
        actor: str = "customer",
    ) -> None:
        """A transition of the resolution flow, as its state machine records it."""
        self.next_event += 1
        self.rows[ResolutionEvent].append(
            {
                "id": self.next_event,
                "ticket_id": ticket,
                "request_id": request,
                "from_state": from_state,
                "to_state": to_state,
                "cause": cause,
                "actor": actor,
                "at": at,
                "recorded_at": at,
            }
        )

    def save(self) -> None:
        with self.engine.begin() as conn:
            for model, rows in self.rows.items():
                if rows:
                    conn.execute(insert(model.__table__), rows)  # type: ignore[attr-defined]
            rebuild_runs(conn, self.ticket_ids)
        self.rows.clear()
        self.ticket_ids.clear()


def report(
    engine: Engine,
    day: date = DAY,
    *,
    now: datetime = NOW,
    zendesk_url: str | None = None,
    **overrides: Any,
) -> Report:
    period = Period.for_day(day, MADRID)
    return build_report(engine, settings(**overrides), period, now=now, zendesk_url=zendesk_url)


def figures(metric: Metric) -> tuple[float | None, float | None, float | None]:
    """(value, numerator, denominator)"""
    return metric.value, metric.numerator, metric.denominator


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
