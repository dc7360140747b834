"""Queueing a side effect: `enqueue()`, in the transaction that records the decision.

Whatever decides to post a Slack message or write to a ticket calls `enqueue()` inside the
transaction that records the decision, under an idempotency key: the row commits with the
decision or not at all, and deciding twice (a retried job, a second replica) queues once.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.outbox.deliverers import DELIVERERS
from bot.outbox.errors import OutboxError
from bot.store.outbox import PENDING
from bot.store.tables import OUTBOX

__all__ = ["enqueue"]

log = logging.getLogger("alignbot.outbox")


def enqueue(
    session_or_connection: Session | Connection,
    *,
    key: str,
    kind: str,
    target: str,
    payload: Mapping[str, Any],
    now: datetime,
) -> bool:
    """Queue a side effect under `key`, in the caller's transaction (never commits).

    Returns True when the row was inserted, False when `key` was already queued (by this
    decision made earlier, or by another replica): then nothing changes, whatever the
    payload. Raises `OutboxError` for an unknown kind or a payload its deliverer refuses, so
    a malformed decision fails where it is made, not later in the dispatcher.
    """
    if not key or len(key) > 255:
        raise OutboxError(f"outbox key must be 1 to 255 characters, got {len(key)}")
    deliverer = DELIVERERS.get(kind)
    if deliverer is None:
        raise OutboxError(f"unknown outbox kind {kind!r}; known: {', '.join(sorted(DELIVERERS))}")
    deliverer.check(target, payload)
    try:
        json.dumps(payload)
    except (TypeError, ValueError) as exc:
        raise OutboxError(f"outbox payload for {key!r} is not JSON: {exc}") from None
    connection = (
        session_or_connection.connection()
        if isinstance(session_or_connection, Session)
        else session_or_connection
    )
    values = {
        "idempotency_key": key,
        "kind": kind,
        "target": target,
        "payload": dict(payload),
        "status": PENDING,
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }
    dialect = connection.dialect.name
    if dialect == "postgresql":
        statement: Any = (
            postgresql.insert(OUTBOX)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["idempotency_key"])
        )
    elif dialect == "sqlite":
        statement = (
            sqlite.insert(OUTBOX)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["idempotency_key"])
        )
    else:
        raise OutboxError(f"the outbox needs PostgreSQL or SQLite, not {dialect}")
    # RETURNING says whether a row went in (rowcount is not reliable for ON CONFLICT).
    inserted = connection.execute(statement.returning(OUTBOX.c.id)).first() is not None
    if not inserted:
        log.debug("outbox key %s already queued", key)
    return inserted
