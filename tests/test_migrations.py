"""The Alembic migrations build exactly the schema the models describe, on both backends.

A store is only ever created by the migrations, while the code (and `SQLModel.metadata`)
reads the models: a column, type, nullability, server default or index that differs
between the two is a store that behaves unlike the one the tests were written against.
"""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine, Index, MetaData, inspect
from sqlmodel import SQLModel

import bot.store  # noqa: F401  (registers every table on SQLModel.metadata)


def schema_differences(connection: Connection) -> list[Any]:
    """What autogenerate would put in a new migration: tables, columns, types, nullability,
    server defaults, indexes and constraints that differ from the models."""
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "compare_server_default": True}
    )
    return list(compare_metadata(context, SQLModel.metadata))


def partial_index_differences(connection: Connection) -> list[str]:
    """Partial indexes whose WHERE differs from the model's (autogenerate ignores it).

    Each backend rewrites a predicate in its own spelling (PostgreSQL adds casts and
    brackets), so the model's index is created under another name inside a transaction
    that is rolled back, and the two predicates are compared as the database reflects them.
    """
    dialect = connection.dialect.name
    option = f"{dialect}_where"
    scratch = MetaData()
    probes: dict[tuple[str, str], str] = {}
    transaction = connection.begin()
    try:
        for table in SQLModel.metadata.sorted_tables:
            for index in table.indexes:
                where = index.dialect_options[dialect].get("where")
                if where is None:
                    continue
                copy = scratch.tables.get(table.name)
                if copy is None:
                    copy = table.to_metadata(scratch)
                probe = f"probe_{index.name}"
                Index(probe, *(copy.c[c.name] for c in index.columns), **{option: where}).create(
                    connection
                )
                probes[(table.name, str(index.name))] = probe
        reflector = inspect(connection)
        problems = []
        for (table_name, name), probe in probes.items():
            found = {
                i["name"]: i.get("dialect_options", {}) for i in reflector.get_indexes(table_name)
            }
            if name not in found:
                problems.append(f"{table_name}.{name}: missing")
                continue
            have, want = str(found[name].get(option)), str(found[probe].get(option))
            if " ".join(have.split()) != " ".join(want.split()):
                problems.append(f"{table_name}.{name}: WHERE {have!r}, models say {want!r}")
        return problems
    finally:
        transaction.rollback()


def test_the_migrations_build_exactly_the_models_schema(engine: Engine) -> None:
    with engine.connect() as connection:
        differences = schema_differences(connection)

    assert differences == []


def test_partial_indexes_keep_the_predicates_the_models_give_them(engine: Engine) -> None:
    with engine.connect() as connection:
        problems = partial_index_differences(connection)

    assert problems == []
