"""Helpers the sync tests share (no tests here): a hand-moved clock, a client for a sandbox,
store snapshots, and what a complete sync of an org must hold."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlmodel import SQLModel

from integrations.zendesk.client import ZendeskClient
from integrations.zendesk.sandbox import Org, ZendeskSandbox

NOW = datetime(2026, 3, 2, tzinfo=UTC)
SNAPSHOT_TABLES = (
    "tickets",
    "comments",
    "users",
    "groups",
    "organizations",
    "ticket_metrics",
    "satisfaction_ratings",
    "ticket_status_changes",
    "ticket_runs",
)


class Clock:
    """The present, for the sandbox and the client alike: moved by hand."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def client_for(sandbox: ZendeskSandbox, **options: Any) -> ZendeskClient:
    """A real client on the sandbox: no rate budget to wait for, fast backoff."""
    settings: dict[str, Any] = {
        "email": sandbox.email,
        "api_token": "sandbox",
        "requests_per_minute": 10_000,
        "timeout": 5.0,
        "backoff_base": 0.001,
        "backoff_max": 0.01,
        "page_size": 50,
    }
    settings.update(options)
    return ZendeskClient(sandbox.url, **settings)


def snapshot(engine: Engine) -> dict[str, dict[Any, str]]:
    """Every row of every synced table by primary key (a tuple where the key has several
    columns), as text (sync_state left out)."""
    out: dict[str, dict[Any, str]] = {}
    with engine.connect() as conn:
        for name in SNAPSHOT_TABLES:
            table = SQLModel.metadata.tables[name]
            key = list(table.primary_key.columns)
            rows = conn.execute(select(table).order_by(*key)).all()
            if len(key) == 1:
                out[name] = {row[0]: repr(tuple(row)) for row in rows}
            else:
                out[name] = {tuple(row[: len(key)]): repr(tuple(row)) for row in rows}
    return out


def ids(engine: Engine, name: str) -> list[int]:
    table = SQLModel.metadata.tables[name]
    (key,) = list(table.primary_key.columns)
    with engine.connect() as conn:
        return list(conn.execute(select(key).order_by(key)).scalars())


def people_of(org: Org) -> set[int]:
    """Users a sync must store: requesters, submitters, assignees and comment authors."""
    wanted = {
        t[k] for t in org.tickets.values() for k in ("requester_id", "submitter_id", "assignee_id")
    }
    wanted |= {c["author_id"] for cs in org.comments.values() for c in cs}
    return {u for u in wanted if isinstance(u, int) and u in org.users}


def comment_ids(org: Org) -> list[int]:
    return sorted(c["id"] for cs in org.comments.values() for c in cs)


def point_cli_at(sandbox: ZendeskSandbox, db_url: str, monkeypatch: Any, cwd: Any) -> None:
    """Settings for an `alignbot` command run in-process against `sandbox` and `db_url`,
    from `cwd` (so no stray .env is read)."""
    monkeypatch.chdir(cwd)
    for name, value in {
        "ZENDESK_URL": sandbox.url,
        "ZENDESK_EMAIL": sandbox.email,
        "ZENDESK_API_TOKEN": "sandbox",
        "ZENDESK_REQUESTS_PER_MINUTE": "10000",
        "DATABASE_URL": db_url,
    }.items():
        monkeypatch.setenv(name, value)
