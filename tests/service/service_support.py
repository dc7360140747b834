"""Helpers the service tests share (no tests here): a stand-in scheduler with the contract's
methods, a store with a sync and outbox rows, and signed Zendesk webhook requests."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from bot.settings import Settings, load_settings
from bot.store import OutboxMessage, SyncState, session_scope
from integrations.zendesk.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
WEBHOOK_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ=="


class StandInScheduler:
    """The contract of `scheduler.build_scheduler(...)`'s service, recording what it is
    asked; it runs no job."""

    def __init__(self) -> None:
        self.triggered: list[str] = []
        self.started = False
        self.stopped_with: float | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        self.started = True

    def stop(self, timeout: float) -> bool:
        self.stopped_with = timeout
        return True

    def trigger(self, job_name: str) -> None:
        with self._lock:
            self.triggered.append(job_name)

    def next_runs(self) -> dict[str, datetime]:
        return {}

    def run_pending_once(self, now: datetime) -> list[object]:
        return []


def service_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {"zendesk_webhook_secret": WEBHOOK_SECRET}
    values.update(overrides)
    return load_settings(**values)


def synced_at(engine: Engine, moment: datetime, stream: str = "tickets") -> None:
    """Record that `stream` last finished a pass at `moment`."""
    with session_scope(engine) as session:
        session.merge(SyncState(stream=stream, last_synced_at=moment))


def outbox_row(engine: Engine, key: str, status: str, created_at: datetime) -> None:
    with session_scope(engine) as session:
        session.add(
            OutboxMessage(
                idempotency_key=key,
                kind="slack.message",
                target="#support",
                status=status,
                next_attempt_at=created_at,
                created_at=created_at,
            )
        )


def signed(body: bytes, at: datetime = NOW, secret: str = WEBHOOK_SECRET) -> dict[str, str]:
    """Headers Zendesk would send with `body` posted at `at`."""
    timestamp = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        SIGNATURE_HEADER: sign(secret, timestamp, body),
        TIMESTAMP_HEADER: timestamp,
        "Content-Type": "application/json",
    }


def minutes_ago(minutes: float) -> datetime:
    return NOW - timedelta(minutes=minutes)
