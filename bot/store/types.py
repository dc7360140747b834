"""Column types shared by every table."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and read back as an aware UTC datetime.

    SQLite keeps no time zone, so storing naive UTC everywhere gives the same rows and the
    same comparisons on SQLite and PostgreSQL. Writing a naive datetime is refused: it is
    almost always a local time by mistake.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; attach a time zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        """`process_result_value` over the dialect's own parsing, in one call: the analysis
        job reads about five timestamps per comment, and the two nested calls and checks of
        the generic composition were a measurable share of it. A naive datetime (what
        SQLite's parsing gives) takes the short way; anything else the general one."""
        parse = self.impl_instance.result_processor(dialect, coltype)
        general = self.process_result_value
        utc = UTC
        kind = datetime

        def process(value: Any) -> datetime | None:
            if value is None:
                return None
            stamp = parse(value) if parse is not None else value
            if type(stamp) is kind and stamp.tzinfo is None and not stamp.fold:
                # `stamp.replace(tzinfo=utc)`, built in half the time (`replace` parses
                # keywords): the analysis job reads about five timestamps per comment.
                return kind(
                    stamp.year,
                    stamp.month,
                    stamp.day,
                    stamp.hour,
                    stamp.minute,
                    stamp.second,
                    stamp.microsecond,
                    utc,
                )
            return general(stamp, dialect)

        return process

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        stamp = datetime.fromisoformat(value) if isinstance(value, str) else value
        if not isinstance(stamp, datetime):
            raise TypeError(f"expected a datetime from the database, got {type(stamp).__name__}")
        return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
