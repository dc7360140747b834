"""Helpers the resolution and web tests share (no tests here): keys, tickets, the store's
answer tables read back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, select

from bot.resolution.links import Choice, issue_link
from bot.settings import LinkKeys
from bot.store.tables import RESOLUTION_ANSWERS, RESOLUTION_LINK_USES, TICKETS, USERS

KEYS = LinkKeys(current="k" * 32 + "-current-test-key")
#: A fixed present: no test depends on the wall clock.
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
TTL = timedelta(days=14)


def add_ticket(
    engine: Engine,
    ticket_id: int,
    *,
    locale: str | None = None,
    time_zone: str | None = None,
) -> None:
    """A ticket whose requester (id ticket_id + 1000) speaks `locale`."""
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
                subject="Printer offline",
                status="solved",
                channel="email",
                requester_id=requester,
                tags=[],
                custom_fields={},
                created_at=NOW - timedelta(days=2),
                updated_at=NOW - timedelta(hours=1),
                deleted=False,
            )
        )


def token(
    ticket_id: int,
    request_id: str,
    choice: Choice = Choice.CONFIRM,
    *,
    keys: LinkKeys = KEYS,
    expires_at: datetime | None = None,
    locale: str | None = None,
) -> str:
    return issue_link(
        keys,
        ticket_id=ticket_id,
        request_id=request_id,
        choice=choice,
        expires_at=expires_at or NOW + TTL,
        locale=locale,
    )


def answer_tables(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every row of the two tables an answer writes, to compare before and after."""
    with engine.connect() as connection:
        return {
            "uses": [
                dict(row)
                for row in connection.execute(
                    select(RESOLUTION_LINK_USES).order_by(RESOLUTION_LINK_USES.c.request_id)
                ).mappings()
            ],
            "answers": [
                dict(row)
                for row in connection.execute(
                    select(RESOLUTION_ANSWERS).order_by(RESOLUTION_ANSWERS.c.id)
                ).mappings()
            ],
        }
