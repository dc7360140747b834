"""The store: migrations, UTC timestamps and upserts behave the same on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine, inspect
from sqlmodel import select

from bot.errors import StoreError
from bot.store import Ticket, open_store, session_scope, upgrade
from bot.store.db import current_revision, head_revision, make_engine


def test_open_store_creates_a_new_sqlite_file_at_the_newest_schema(tmp_path):
    engine = open_store(f"sqlite:///{tmp_path / 'new.db'}")
    assert current_revision(engine) == head_revision()
    assert {"tickets", "comments", "users", "sync_state", "outbox"} <= set(
        inspect(engine).get_table_names()
    )


def test_open_store_brings_an_older_database_up_to_date(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = make_engine(url)
    upgrade(old, "0001")
    assert "comment_signals" not in inspect(old).get_table_names()
    old.dispose()
    engine = open_store(url)
    assert current_revision(engine) == head_revision()
    assert "comment_signals" in inspect(engine).get_table_names()


def test_unreachable_database_is_a_store_error_naming_the_setting():
    with pytest.raises(StoreError, match="DATABASE_URL"):
        open_store("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_timestamps_come_back_as_the_same_utc_instant(engine: Engine):
    madrid = timezone(timedelta(hours=2))
    created = datetime(2026, 6, 1, 9, 30, tzinfo=madrid)
    with session_scope(engine) as session:
        session.add(Ticket(id=7, created_at=created, updated_at=created))
    with session_scope(engine) as session:
        ticket = session.exec(select(Ticket)).one()
    assert ticket.created_at == created
    assert ticket.created_at.tzinfo == UTC
    assert ticket.created_at.hour == 7


def test_naive_timestamps_are_refused(engine: Engine):
    with pytest.raises(Exception, match="naive datetime"), session_scope(engine) as session:
        session.add(Ticket(id=8, created_at=datetime(2026, 1, 1), updated_at=datetime(2026, 1, 1)))
