"""Final trend figures, stored once: a past day's figure never changes after it is final.

The digest's 14-day trend reads, for each day, the overall figure of each trend metric.
A day that ended more than `SETTLED` ago is final: its figures are stored here the first
time a digest computes them, and every later digest reads them back instead of computing
them again. So a day's trend figure is the one a manager was first shown as final (later
syncs, deletions or re-analysis do not move it), and a daily digest computes only the days
it has not stored yet: one new day, beside the two periods it reports.

Figures are stored per `basis`: the settings that change how a figure is computed (the FCR
window, the time-tracking field) and the metrics' version. Changing one starts a new basis,
so figures computed under the old one are never mixed with the new.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Column, Connection, Date, Float, String, Table, and_, insert, select
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime

#: Bumped when a trend metric's definition changes: figures stored before are not reused.
METRICS_VERSION = "2"  # 2: confirmed resolutions read the resolution flow's events
#: How long after its end a day is final for the trend: late syncs have settled by then.
SETTLED = timedelta(days=1)


class TrendFigure(SQLModel, table=True):
    """One trend metric's overall figure for one local day."""

    __tablename__ = "trend_figures"

    basis: str = Field(sa_column=Column(String(120), primary_key=True))
    timezone: str = Field(sa_column=Column(String(64), primary_key=True))
    day: date = Field(sa_column=Column(Date, primary_key=True))
    key: str = Field(sa_column=Column(String(64), primary_key=True))
    numerator: float = Field(sa_column=Column(Float, nullable=False))
    denominator: float = Field(sa_column=Column(Float, nullable=False))
    median: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    note: str | None = None
    stored_at: datetime = Field(sa_type=UTCDateTime)


TREND_FIGURES: Table = TrendFigure.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Stored:
    """A stored figure: the fields of `bot.metrics.query.Fig`."""

    numerator: float
    denominator: float
    median: float | None
    note: str | None


def stored_figures(
    conn: Connection, basis: str, timezone: str, days: Iterable[date], keys: Iterable[str]
) -> dict[tuple[date, str], Stored]:
    """The figures stored for `days` and `keys`, by (day, key)."""
    days, keys = sorted(set(days)), sorted(set(keys))
    if not days or not keys:
        return {}
    f = TREND_FIGURES.c
    rows = conn.execute(
        select(f.day, f.key, f.numerator, f.denominator, f.median, f.note).where(
            f.basis == basis,
            f.timezone == timezone,
            and_(f.day >= days[0], f.day <= days[-1]),
            f.key.in_(keys),
        )
    )
    return {
        (row.day, row.key): Stored(row.numerator, row.denominator, row.median, row.note)
        for row in rows
        if row.day in days
    }


def store_figures(
    conn: Connection,
    basis: str,
    timezone: str,
    figures: Mapping[tuple[date, str], Stored],
    now: datetime,
) -> int:
    """Store figures not stored yet (a figure already stored is kept: the first final one
    stands, also when two digests store the same day at once: the insert skips a row whose
    key is taken). Returns the rows offered."""
    rows = [
        {
            "basis": basis,
            "timezone": timezone,
            "day": day,
            "key": key,
            "numerator": fig.numerator,
            "denominator": fig.denominator,
            "median": fig.median,
            "note": fig.note,
            "stored_at": now,
        }
        for (day, key), fig in sorted(figures.items())
    ]
    if not rows:
        return 0
    statement = insert(TREND_FIGURES)
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement = pg_insert(TREND_FIGURES).on_conflict_do_nothing()
    elif conn.dialect.name == "sqlite":
        statement = insert(TREND_FIGURES).prefix_with("OR IGNORE")
    conn.execute(statement, rows)
    return len(rows)
