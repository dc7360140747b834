"""Helpers the stale and update tests share (no tests here): tickets, comments, settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, select

from bot.settings import Settings, load_settings
from bot.store.tables import COMMENTS, OUTBOX, PROACTIVE_UPDATES, TICKETS, USERS

#: A fixed present, a Thursday at 12:00 UTC: no test depends on the wall clock.
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
AGENT = 7
AGENT_EMAIL = "dana@example.com"


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": "sqlite:///unused.db",
        "zendesk_url": None,
        "proactive_mode": "auto",
        "proactive_quiet_hours": "21:00-08:00",
        "zendesk_customer_update_field_id": 555,
    }
    values.update(overrides)
    return load_settings(**values)


def add_agent(engine: Engine, agent: int = AGENT, email: str = AGENT_EMAIL) -> None:
    with engine.begin() as connection:
        connection.execute(insert(USERS).values(id=agent, name="Dana", email=email, role="agent"))


def add_ticket(
    engine: Engine,
    ticket_id: int,
    *,
    created: datetime,
    status: str = "open",
    priority: str | None = "normal",
    locale: str | None = "en-US",
    time_zone: str | None = "Europe/London",
    tags: list[str] | None = None,
    custom_fields: dict[str, Any] | None = None,
    problem_id: int | None = None,
    group_id: int | None = None,
    assignee_id: int | None = AGENT,
    subject: str = "Printer offline",
) -> None:
    """A ticket whose requester (id ticket_id + 1000) speaks `locale` in `time_zone`."""
    requester = ticket_id + 1000
    with engine.begin() as connection:
        connection.execute(
            insert(USERS).values(
                id=requester, name="Ana", role="end-user", locale=locale, time_zone=time_zone
            )
        )
        connection.execute(
            insert(TICKETS).values(
                id=ticket_id,
                subject=subject,
                status=status,
                priority=priority,
                channel="email",
                requester_id=requester,
                assignee_id=assignee_id,
                group_id=group_id,
                problem_id=problem_id,
                tags=tags or [],
                custom_fields=custom_fields or {},
                created_at=created,
                updated_at=created,
                deleted=False,
            )
        )


_comment_ids = iter(range(1, 10**9))


def add_comment(
    engine: Engine,
    ticket_id: int,
    at: datetime,
    *,
    role: str = "agent",
    public: bool = True,
    body: str = "Looking into it.",
) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(COMMENTS).values(
                id=next(_comment_ids),
                ticket_id=ticket_id,
                author_id=AGENT if role == "agent" else ticket_id + 1000,
                author_role=role,
                public=public,
                channel="email",
                body=body,
                created_at=at,
            )
        )


def outbox(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        return [
            dict(r) for r in connection.execute(select(OUTBOX).order_by(OUTBOX.c.id)).mappings()
        ]


def decisions(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        query = select(PROACTIVE_UPDATES).order_by(PROACTIVE_UPDATES.c.id)
        return [dict(r) for r in connection.execute(query).mappings()]


def hours(n: float) -> timedelta:
    return timedelta(hours=n)
