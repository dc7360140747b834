"""Helpers the outbox tests share (no tests here): reading the outbox back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select

from bot.outbox import OUTBOX


def now() -> datetime:
    """Real time: Slack's `oldest` and the sandbox's message ts are real Unix times."""
    return datetime.now(UTC)


def rows(engine: Engine) -> dict[str, dict[str, Any]]:
    """Every outbox row by idempotency key, as a dict of its columns."""
    with engine.connect() as connection:
        found = connection.execute(select(OUTBOX).order_by(OUTBOX.c.id)).mappings().all()
    return {row["idempotency_key"]: dict(row) for row in found}


def keys_in(messages: list[Any]) -> list[str]:
    """The outbox idempotency key each recorded Slack message carried, in posting order."""
    found = []
    for message in messages:
        metadata = message.metadata or {}
        key = (metadata.get("event_payload") or {}).get("idempotency_key")
        if key is not None:
            found.append(key)
    return found
