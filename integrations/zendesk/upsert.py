"""Idempotent batch upserts: INSERT .. ON CONFLICT (primary key) DO UPDATE, per dialect.

Primary keys are Zendesk ids, so writing the same record twice leaves one row holding the
newest values. Rows go to the database with executemany in batches, which both SQLite and
psycopg 3 run without a round trip per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

__all__ = ["BATCH_ROWS", "upsert"]

BATCH_ROWS = 500


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert or update `rows` (dicts holding every column) by primary key; return the count.

    Rows repeating a key within the call are reduced to the last one first.
    """
    if not rows:
        return 0
    (key,) = [c.name for c in table.primary_key.columns]
    unique = list({row[key]: row for row in rows}.values())
    dialect = conn.dialect.name
    if dialect == "postgresql":
        pg = postgresql.insert(table)
        statement: Any = pg.on_conflict_do_update(
            index_elements=[key],
            set_={c.name: pg.excluded[c.name] for c in table.columns if c.name != key},
        )
    elif dialect == "sqlite":
        lite = sqlite.insert(table)
        statement = lite.on_conflict_do_update(
            index_elements=[key],
            set_={c.name: lite.excluded[c.name] for c in table.columns if c.name != key},
        )
    else:
        raise ValueError(f"upserts are written for SQLite and PostgreSQL, not {dialect}")
    for start in range(0, len(unique), BATCH_ROWS):
        conn.execute(statement, unique[start : start + BATCH_ROWS])
    return len(unique)
