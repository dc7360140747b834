"""Shared fixtures: a store on SQLite and on PostgreSQL for every database test.

`engine` is parametrised over both backends. The PostgreSQL leg gets a database of its own
per test session (created on the server at ALIGNBOT_TEST_POSTGRES_URL, default the local
`test` database's server), so parallel runs never see each other's rows. Without a server it
is skipped locally, and it fails when CI=true: in CI the PostgreSQL leg must run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlmodel import SQLModel

from bot.store import make_engine, upgrade

POSTGRES_URL = os.environ.get(
    "ALIGNBOT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _create_database(admin: Engine, prefix: str) -> str:
    """Create an empty database on the test server and return its name; skip the test
    (fail it when CI=true) if the server is not reachable."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        admin.dispose()
        message = f"PostgreSQL is not reachable at {POSTGRES_URL}: {exc.orig}"
        if IN_CI:
            pytest.fail(message + " (CI=true: the PostgreSQL tests must run)")
        pytest.skip(message)
    return name


def _url_of(name: str) -> str:
    return POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture
def new_postgres_database() -> Iterator[Callable[[], str]]:
    """Makes brand-new, empty (unmigrated) PostgreSQL databases, one per call, and returns
    each one's URL; all are dropped afterwards."""
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def new() -> str:
        made.append(_create_database(admin, "alignbot_new"))
        return _url_of(made[-1])

    try:
        yield new
    finally:
        if made:
            with admin.connect() as conn:
                for name in made:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test session, dropped afterwards."""
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = _create_database(admin, "alignbot_test")
    url = _url_of(name)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _empty_all_tables(engine: Engine) -> None:
    tables = [t.name for t in reversed(SQLModel.metadata.sorted_tables)]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables)))
        else:
            for table in tables:
                conn.execute(text(f'DELETE FROM "{table}"'))


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database URL for an empty, migrated store, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("store") / "alignbot.db"
        url = f"sqlite:///{path}"
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        return url
    url: str = request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    _empty_all_tables(engine)
    engine.dispose()
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine on an empty, migrated store (SQLite and PostgreSQL)."""
    engine = make_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()
