"""Engines, sessions and schema upgrades.

`open_store(url)` is what every command that needs the store calls: it connects and brings
the schema up to date (a new SQLite file included), so no command needs a manual migration.

Every replica starts this way after a deploy, so an upgrade holds the database's migration
lock for its whole run: on PostgreSQL an advisory lock (`MIGRATION_LOCK`) on the connection
that runs Alembic, on SQLite the file's write lock (`BEGIN IMMEDIATE`). A process that had to
wait then reads the revision the other one left, finds nothing to do and goes on.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, Table, create_engine, event, insert, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

from bot.errors import StoreError

log = logging.getLogger("alignbot.store")

MIGRATIONS = Path(__file__).parent / "migrations"
# The PostgreSQL advisory lock key every alignbot process migrates under (any fixed 64-bit
# number no other application on the database uses: these are the bytes of "alignbot").
MIGRATION_LOCK = 0x616C69676E626F74


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; SQLite gets WAL and a busy timeout so a reader never blocks a sync."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            _wal(cursor)
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


#: How long a new SQLite connection keeps trying to switch a fresh file to WAL.
WAL_SWITCH_SECONDS = 30.0


def _wal(cursor: Any) -> None:
    """Put the file in WAL mode. Switching needs the file to itself, and SQLite answers
    "database is locked" at once, without its busy timeout, while another process holds a
    lock on it (two replicas opening a fresh store together): so retry, for as long as the
    busy timeout would have waited. A file already in WAL mode needs no switch."""
    deadline = time.monotonic() + WAL_SWITCH_SECONDS
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every migration up to `revision` (default: the newest), under the migration lock.

    Two processes upgrading at once take turns: the second waits for the first to commit,
    then Alembic reads the revision the first left and applies only what is still missing
    (usually nothing). The whole upgrade is one transaction on both backends.
    """
    config = _alembic_config()
    try:
        with engine.connect() as connection, _migration_lock(connection):
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except OperationalError as exc:
        raise StoreError(
            f"cannot open the database {engine.url!r}: {_one_line(exc.orig)} (check DATABASE_URL)"
        ) from exc


@contextmanager
def _migration_lock(connection: Connection) -> Iterator[None]:
    """Hold the database's migration lock on `connection` around a transaction that commits
    when the body returns and rolls back if it raises."""
    dialect = connection.dialect.name
    if dialect == "postgresql":
        # A session-level lock, not a transaction one: it outlasts a migration that commits
        # part of its work itself (an autocommit block for CREATE INDEX CONCURRENTLY).
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        connection.commit()
        try:
            with connection.begin():
                yield
        finally:
            _advisory_unlock(connection)
        return
    if dialect == "sqlite":
        # Python's sqlite3 runs DDL outside any transaction, so without this two processes
        # each see no `alembic_version` table and both create it. BEGIN IMMEDIATE takes the
        # file's write lock now (waiting up to the busy timeout for another upgrade to end)
        # and makes the upgrade all-or-nothing.
        with connection.begin():
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            yield
        return
    with connection.begin():
        yield


def _advisory_unlock(connection: Connection) -> None:
    try:
        connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
        connection.commit()
    except DBAPIError:
        # The connection broke: dropping it ends the server session, which frees the lock.
        log.warning("could not release the migration lock; closing its connection instead")
        connection.invalidate()


def open_store(url: str) -> Engine:
    """Connect to the store at `url` and bring its schema up to date."""
    engine = make_engine(url)
    if current_revision_safe(engine) != head_revision():
        upgrade(engine)
    return engine


def current_revision_safe(engine: Engine) -> str | None:
    try:
        return current_revision(engine)
    except OperationalError as exc:
        raise StoreError(
            f"cannot open the database {engine.url.render_as_string(hide_password=True)}: "
            f"{_one_line(exc.orig)} (check DATABASE_URL)"
        ) from exc


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def _one_line(error: object) -> str:
    """A driver's message on one line (psycopg's span several, with a hint)."""
    return " ".join(str(error).split())


def insert_rows(conn: Connection, table: Table, values: list[dict[str, Any]]) -> None:
    """Insert `values` (rows with the same keys: the columns the first one names, as a Core
    insert of a list takes them). On SQLite through the driver's executemany, each value
    passed through its column's own bind processor as SQLAlchemy would (its building of
    every row's parameters cost more than SQLite's insert); elsewhere as a Core insert,
    which PostgreSQL's driver batches."""
    if not values:
        return
    dialect = conn.dialect
    if dialect.name != "sqlite":
        conn.execute(insert(table), values)
        return
    compiled = insert(table).compile(dialect=dialect, column_keys=list(values[0]))
    names = list(compiled.positiontup or ())
    # Each row's values taken at once, and a processor called only on a value that is not
    # None when it binds None as None (asked once per column; JSON binds it as "null"): a
    # processor call per value was most of a batch's insert.
    processors = []
    for place, name in enumerate(names):
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors.append((place, _memo(process), process(None) is None))
    take = itemgetter(*names) if len(names) > 1 else (lambda value: (value[names[0]],))
    rows = []
    for value in values:
        row = list(take(value))
        for place, process, keeps_none in processors:
            if row[place] is not None or not keeps_none:
                row[place] = process(row[place])
        rows.append(tuple(row))
    conn.exec_driver_sql(compiled.string, rows)


def _memo(process: Any) -> Any:
    """`process`, called once for True, once for False and once for a run of the same
    object: a batch's rows mostly repeat their flags and share one `analyzed_at`, and a
    bind processor (bool to int, datetime to text) gives the same value for the same
    object. Only identity is trusted (`1 == True`, equal datetimes in other zones)."""
    flags: dict[bool, Any] = {}
    last: list[Any] = [flags, None]  # the last object processed and its value

    def memoised(value: Any) -> Any:
        if value is True or value is False:
            if value not in flags:
                flags[value] = process(value)
            return flags[value]
        if value is not last[0]:
            last[1] = process(value)
            last[0] = value
        return last[1]

    return memoised
