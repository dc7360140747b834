"""Shared SQL building blocks of the metric modules: tables, buckets, scopes and tallies.

Every metric is computed for a few *buckets* at once: consecutive local-day intervals
(`Buckets`), e.g. [previous period, this period] or the 14 days of a trend. A query puts each
row in its bucket with one CASE over the UTC bounds (so time zones and DST are exact on SQLite
and PostgreSQL alike), and groups by (bucket, group, agent): one query gives every period and
every group and agent. `tally` rolls those rows up into the overall figure, one per group and
one per agent (`Scope`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Connection,
    Float,
    Interval,
    Select,
    Subquery,
    and_,
    case,
    exists,
    false,
    func,
    literal,
    null,
    or_,
    select,
    true,
    tuple_,
)
from sqlalchemy import (
    cast as sql_cast,
)

from bot.metrics.model import Period
from bot.settings import Settings
from bot.store.tables import COMMENTS, RUNS, SIGNALS, TICKETS
from bot.store.types import UTCDateTime

#: A figure's scope: the whole account, one group, or one agent (by Zendesk id).
Scope = tuple[str, int]
ALL: Scope = ("all", 0)


def group_scope(group_id: int) -> Scope:
    return ("group", group_id)


def agent_scope(agent_id: int) -> Scope:
    return ("agent", agent_id)


@dataclass
class Fig:
    """A figure being summed: numerator and denominator, or a median and its count."""

    numerator: float = 0
    denominator: float = 0
    median: float | None = None
    note: str | None = None  # how the figure was computed, when that varies


#: key -> (bucket index, scope) -> figure
Results = dict[str, dict[tuple[int, Scope], Fig]]


@dataclass(frozen=True)
class Context:
    """What every metric query needs: an open connection, the settings and the clock."""

    conn: Connection
    settings: Settings
    now: datetime
    #: Results shared by several metrics within one report (see `solved_facts`).
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def postgres(self) -> bool:
        return self.conn.dialect.name == "postgresql"

    @property
    def fcr_days(self) -> int:
        return self.settings.fcr_window_days


def local_midnight(day: date, timezone: str) -> datetime:
    """Local midnight of `day` in `timezone`, as a UTC instant."""
    return datetime.combine(day, time(), ZoneInfo(timezone)).astimezone(UTC)


@dataclass(frozen=True)
class Buckets:
    """Consecutive intervals [edges[i], edges[i+1]) of local days, as UTC bounds."""

    edges: tuple[date, ...]
    timezone: str

    @classmethod
    def of_periods(cls, *periods: Period) -> Buckets:
        """Buckets for consecutive periods (each ending where the next starts)."""
        for before, after in pairwise(periods):
            if before.end != after.start:
                raise ValueError("periods must be consecutive")
        edges = (periods[0].start.date(), *(p.end.date() for p in periods))
        return cls(edges, periods[0].timezone)

    @classmethod
    def daily(cls, first: date, days: int, timezone: str) -> Buckets:
        return cls(tuple(first + timedelta(days=i) for i in range(days + 1)), timezone)

    def __len__(self) -> int:
        return len(self.edges) - 1

    @property
    def bounds(self) -> tuple[datetime, ...]:
        return tuple(local_midnight(day, self.timezone) for day in self.edges)

    @property
    def start(self) -> datetime:
        return self.bounds[0]

    @property
    def end(self) -> datetime:
        return self.bounds[-1]

    def shifted(self, days: int) -> Buckets:
        return Buckets(tuple(day + timedelta(days=days) for day in self.edges), self.timezone)

    def within(self, column: ColumnElement[Any]) -> ColumnElement[bool]:
        """The range condition: an indexed range scan on `column`."""
        return and_(column >= self.start, column < self.end)

    def index(self, column: ColumnElement[Any]) -> ColumnElement[Any]:
        """The bucket a row falls in (rows already filtered by `within`)."""
        inner = self.bounds[1:-1]
        if not inner:
            return literal(0)
        return case(
            *((column < bound, literal(i)) for i, bound in enumerate(inner)),
            else_=literal(len(inner)),
        )

    def start_of(self, column: ColumnElement[Any]) -> ColumnElement[Any]:
        """The start of the bucket `column` falls in (rows already filtered by `within`)."""
        starts = self.bounds[:-1]
        if len(starts) == 1:
            return stamp(starts[0])
        return case(
            *(
                (column < bound, stamp(start))
                for bound, start in zip(self.bounds[1:-1], starts, strict=False)
            ),
            else_=stamp(starts[-1]),
        )

    def ends(self, cap: datetime | None = None) -> tuple[datetime, ...]:
        """Each bucket's end, or `cap` when that is earlier (nothing after `now` is known)."""
        return tuple(b if cap is None else min(b, cap) for b in self.bounds[1:])

    def end_of(self, column: ColumnElement[Any], cap: datetime | None = None) -> ColumnElement[Any]:
        """The end of the bucket `column` falls in, capped at `cap`."""
        ends = self.ends(cap)
        if len(ends) == 1:
            return stamp(ends[0])
        return case(
            *(
                (column < bound, stamp(end))
                for bound, end in zip(self.bounds[1:-1], ends, strict=False)
            ),
            else_=stamp(ends[-1]),
        )


def stamp(moment: datetime) -> ColumnElement[Any]:
    """A UTC timestamp as a bound parameter of the store's timestamp type."""
    return literal(moment, UTCDateTime())


def flag(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    """1 when `condition` holds, else 0 (NULL counts as false)."""
    return case((condition, literal(1)), else_=literal(0))


def is_true(column: ColumnElement[Any]) -> ColumnElement[bool]:
    return column == true()


def plus_days(ctx: Context, column: ColumnElement[Any], days: int) -> ColumnElement[Any]:
    """`column` moved by `days` days, in SQL. On SQLite the result has millisecond
    precision: use it only as a half-open bound (`>=` lower, `<` upper)."""
    if ctx.postgres:
        return column + literal(timedelta(days=days), Interval())
    return func.strftime("%Y-%m-%d %H:%M:%f", column, f"{days:+d} days")


def earlier(a: Any, b: Any) -> ColumnElement[bool]:
    """Comment `a` comes before comment `b` (by time, then id): a strict order, and a row
    comparison the (ticket_id, created_at, id) indexes can range-scan."""
    return tuple_(a.created_at, a.id) < tuple_(b.created_at, b.id)


def number(ctx: Context, json_column: ColumnElement[Any], key: str) -> ColumnElement[Any]:
    """A JSON object's value at `key` as a number, NULL when missing or not numeric."""
    if ctx.postgres:
        text_value = json_column.op("->>")(literal(key))
        return case(
            (
                text_value.op("~")(r"^\s*[0-9]+(\.[0-9]+)?\s*$"),
                sql_cast(text_value, Float),
            ),
            else_=null(),
        )
    value = func.json_extract(json_column, f'$."{key}"')
    kind = func.json_type(json_column, f'$."{key}"')
    trimmed = func.trim(value)
    return case(
        (kind.in_(("integer", "real")), value),
        (
            and_(
                kind == "text",
                trimmed != "",
                trimmed.op("GLOB")("[0-9]*"),
                ~trimmed.op("GLOB")("*[^0-9.]*"),
            ),
            sql_cast(trimmed, Float),
        ),
        else_=null(),
    )


def scoped_select(
    bucket: ColumnElement[Any],
    group: ColumnElement[Any],
    agent: ColumnElement[Any],
    columns: Mapping[str, ColumnElement[Any]],
) -> Select[Any]:
    """The per-row select a tally sums: bucket, group, agent and named numeric columns."""
    return select(
        bucket.label("b"),
        group.label("g"),
        agent.label("a"),
        *(column.label(name) for name, column in columns.items()),
    )


def grouped(
    ctx: Context,
    sub: Subquery,
    extra: Sequence[ColumnElement[Any]],
    aggregates: Sequence[ColumnElement[Any]],
    *,
    scoped: bool,
) -> Iterator[tuple[list[Scope], int, Sequence[Any], Sequence[Any]]]:
    """Aggregate `sub` (bucket b, group g, agent a, ...) per bucket and `extra` columns,
    overall and (when `scoped`) per group and per agent; yield (scopes, bucket, extra
    values, aggregates) for each result row.

    One GROUP BY (bucket, group, agent, extra) query; each row is then added to the overall
    figure, its group's and its agent's here (a few rows per group and agent, not per
    ticket). (GROUPING SETS measured no faster on PostgreSQL, and SQLite has none.)
    """
    b, g, a = sub.c.b, sub.c.g, sub.c.a
    n = len(extra)
    if not scoped:
        stmt = select(b, *extra, *aggregates).group_by(b, *extra)
        for row in ctx.conn.execute(stmt):
            yield [ALL], int(row[0]), row[1 : 1 + n], row[1 + n :]
        return
    stmt = select(b, g, a, *extra, *aggregates).group_by(b, g, a, *extra)
    for row in ctx.conn.execute(stmt):
        group, agent = row[1], row[2]
        scopes = [ALL]
        if group is not None:
            scopes.append(group_scope(int(group)))
        if agent is not None:
            scopes.append(agent_scope(int(agent)))
        yield scopes, int(row[0]), row[3 : 3 + n], row[3 + n :]


def _add(results: Results, key: str, at: tuple[int, Scope], num: Any, den: Any) -> None:
    fig = results[key].get(at)
    if fig is None:
        fig = results[key][at] = Fig()
    fig.numerator += float(num or 0)
    fig.denominator += float(den or 0)


def tally(
    ctx: Context,
    rows: Select[Any],
    keys: Mapping[str, tuple[str, str]],
    *,
    scoped: bool,
) -> Results:
    """Sum `rows` (a `scoped_select`) per bucket, overall and per group and agent.

    `keys` maps a metric key to the names of its numerator and denominator columns.
    """
    sub = rows.subquery()
    sums: list[ColumnElement[Any]] = []
    for numerator, denominator in keys.values():
        sums += [func.sum(sub.c[numerator]), func.sum(sub.c[denominator])]
    results: Results = {key: {} for key in keys}
    for scopes, bucket, _, values in grouped(ctx, sub, [], sums, scoped=scoped):
        for scope in scopes:
            for i, key in enumerate(keys):
                _add(results, key, (bucket, scope), values[2 * i], values[2 * i + 1])
    return results


def tally_categories(
    ctx: Context,
    rows: Select[Any],
    categories: Sequence[str],
    score: Callable[..., Mapping[str, tuple[float, float]]],
    *,
    keys: Sequence[str],
    scoped: bool,
) -> Results:
    """Count `rows` (a `scoped_select`) per bucket, group, agent and the values of the
    `categories` columns, then score each combination in Python: `score(*values)` gives
    each of `keys` its (numerator, denominator) for one row.

    Grouping by the values (rather than summing flags built from them) evaluates each
    correlated subquery once per row on PostgreSQL, however many metrics read it.
    """
    sub = rows.subquery()
    values = [sub.c[name] for name in categories]
    results: Results = {key: {} for key in keys}
    for scopes, bucket, found, (count,) in grouped(ctx, sub, values, [func.count()], scoped=scoped):
        figures = score(*found)
        for scope in scopes:
            for key, (numerator, denominator) in figures.items():
                _add(results, key, (bucket, scope), numerator * count, denominator * count)
    return results


def rollup(rows: Iterable[Sequence[Any]], keys: Sequence[str]) -> Results:
    """Rows of (bucket, group, agent, num1, den1, num2, den2, ...) summed into scopes."""
    results: Results = {key: {} for key in keys}
    for row in rows:
        bucket, group, agent = int(row[0]), row[1], row[2]
        scopes = [ALL]
        if group is not None:
            scopes.append(group_scope(int(group)))
        if agent is not None:
            scopes.append(agent_scope(int(agent)))
        for i, key in enumerate(keys):
            numerator, denominator = row[3 + 2 * i], row[4 + 2 * i]
            series = results[key]
            for scope in scopes:
                fig = series.setdefault((bucket, scope), Fig())
                fig.numerator += float(numerator or 0)
                fig.denominator += float(denominator or 0)
    return results


def medians(ctx: Context, rows: Select[Any], *, scoped: bool) -> dict[tuple[int, Scope], Fig]:
    """Medians of `rows` (a `scoped_select` with a column `v`, NULLs ignored) per bucket,
    overall and (when `scoped`) per group and per agent.

    PostgreSQL: `percentile_cont(0.5)` in one statement, grouping sets of bucket (and group,
    or agent). SQLite: an
    ordered LIMIT/OFFSET query per bucket for the overall median, and for groups and agents
    the middle rows picked out by window functions: the same values either way.
    """
    sub = rows.where(rows.selected_columns.v.is_not(None)).subquery()
    out: dict[tuple[int, Scope], Fig] = {}
    levels: list[tuple[str, ColumnElement[Any] | None]] = [("all", None)]
    if scoped:
        levels += [("group", sub.c.g), ("agent", sub.c.a)]
    if ctx.postgres:
        for kind, bucket, scope_id, median, count in _percentile_medians(ctx, sub, levels):
            scope = ALL if scope_id is None else (kind, int(scope_id))
            out[(bucket, scope)] = Fig(denominator=float(count), median=float(median))
        return out
    for kind, key in levels:
        found = _ordered_medians(ctx, sub) if key is None else _window_medians(ctx, sub, key)
        for bucket, scope_id, median, count in found:
            scope = ALL if key is None else (kind, int(scope_id))
            out[(bucket, scope)] = Fig(denominator=float(count), median=float(median))
    return out


_Median = tuple[int, Any, float, int]  # bucket, scope id (None overall), median, count


def _percentile_medians(
    ctx: Context, sub: Subquery, levels: Sequence[tuple[str, ColumnElement[Any] | None]]
) -> list[tuple[str, int, Any, float, int]]:
    """(kind, bucket, scope id, median, count) for every level: one statement, grouping sets
    of (bucket) and (bucket, key) for each level's key; a level's rows without a key (NULL
    group or agent) are left out."""
    sets = [tuple_(sub.c.b) if key is None else tuple_(sub.c.b, key) for _, key in levels]
    marks = [func.grouping(key) for _, key in levels if key is not None]
    keys = [key for _, key in levels if key is not None]
    stmt = select(
        sub.c.b,
        *keys,
        *marks,
        func.percentile_cont(0.5).within_group(sub.c.v),
        func.count(sub.c.v),
    ).group_by(func.grouping_sets(*sets))
    found = []
    n = len(keys)
    for row in ctx.conn.execute(stmt):
        bucket, values, grouped_out = int(row[0]), row[1 : 1 + n], row[1 + n : 1 + 2 * n]
        median, count = float(row[-2]), int(row[-1])
        level = next((i for i in range(n) if grouped_out[i] == 0), None)
        if level is None:
            found.append(("all", bucket, None, median, count))
        elif values[level] is not None:
            found.append((levels[level + 1][0], bucket, values[level], median, count))
    return found


def _ordered_medians(ctx: Context, sub: Subquery) -> list[_Median]:
    found: list[_Median] = []
    counts = ctx.conn.execute(select(sub.c.b, func.count()).group_by(sub.c.b)).all()
    for bucket, count in counts:
        middle = ctx.conn.execute(
            select(sub.c.v)
            .where(sub.c.b == bucket)
            .order_by(sub.c.v)
            .limit(2 - count % 2)
            .offset((count - 1) // 2)
        ).scalars()
        values = [float(v) for v in middle]
        found.append((int(bucket), None, sum(values) / len(values), int(count)))
    return found


def _window_medians(ctx: Context, sub: Subquery, key: ColumnElement[Any]) -> list[_Median]:
    partition = [sub.c.b, key]
    ranked = (
        select(
            sub.c.b,
            key.label("k"),
            sub.c.v,
            func.row_number().over(partition_by=partition, order_by=sub.c.v).label("r"),
            func.count().over(partition_by=partition).label("n"),
        )
        .where(key.is_not(None))
        .subquery()
    )
    middle = or_(ranked.c.r == (ranked.c.n + 1) // 2, ranked.c.r == (ranked.c.n + 2) // 2)
    stmt = (
        select(ranked.c.b, ranked.c.k, func.avg(ranked.c.v), func.max(ranked.c.n))
        .where(middle)
        .group_by(ranked.c.b, ranked.c.k)
    )
    return [(int(b), k, float(m), int(n)) for b, k, m, n in ctx.conn.execute(stmt)]


def customer_message(c: Any) -> ColumnElement[bool]:
    """A public comment by the customer (never an internal note)."""
    return and_(c.author_role == "customer", is_true(c.public))


def agent_reply(c: Any) -> ColumnElement[bool]:
    """A public comment by an agent (never an internal note)."""
    return and_(c.author_role == "agent", is_true(c.public))


def on_live_ticket(ticket_id: ColumnElement[Any]) -> ColumnElement[bool]:
    """A row (a rating) whose ticket Zendesk has not deleted (or that the store does not
    hold yet): deleted tickets never count."""
    dead = select(literal(1)).where(TICKETS.c.id == ticket_id, TICKETS.c.deleted == true())
    return ~exists(dead)


R = RUNS.c


def solved_in(buckets: Buckets, runs: Any = R) -> ColumnElement[bool]:
    """The runs (`ticket_runs`) that count as "solved in the bucket": solved in it and not
    solved again later in the same bucket, so a ticket counts once per bucket, at its last
    solve there, and a past bucket keeps the solves it had whatever happens later. (`runs`:
    the columns of `ticket_runs`, or of `solve_facts`, which copies them.)"""
    R = runs
    return and_(
        buckets.within(R.solved_at),
        or_(R.next_solved_at.is_(None), R.next_solved_at >= buckets.end_of(R.solved_at)),
    )


def reopened_after_solve(ctx: Context, buckets: Buckets, runs: Any = R) -> ColumnElement[bool]:
    """A solve counted in a bucket (`solved_in`) whose ticket was reopened: after an earlier
    solve in the same bucket, or within `fcr_window_days` of this solve (and before now)."""
    R = runs
    return or_(
        R.prev_solved_at >= buckets.start_of(R.solved_at),
        and_(
            R.reopened_at < plus_days(ctx, R.solved_at, ctx.fcr_days),
            R.reopened_at < stamp(ctx.now),
        ),
    )


def first_solve_held(ctx: Context, runs: Any = R) -> ColumnElement[bool]:
    """The ticket's first solve, not reopened within `fcr_window_days` (before now)."""
    R = runs
    return and_(
        R.prev_solved_at.is_(None),
        or_(
            R.reopened_at.is_(None),
            R.reopened_at >= plus_days(ctx, R.solved_at, ctx.fcr_days),
            R.reopened_at >= stamp(ctx.now),
        ),
    )


def live(t: Any) -> ColumnElement[bool]:
    """A ticket Zendesk has not deleted."""
    condition: ColumnElement[bool] = t.deleted == false()
    return condition


def message_value(
    ticket_id: ColumnElement[Any],
    signal: str,
    *conditions: Callable[[Any], ColumnElement[bool]],
    last: bool = False,
) -> Any:
    """A signal (a `comment_signals` column) of the first (or last) public customer message
    on a ticket meeting `conditions`: a correlated subquery, one probe of the partial index
    on a ticket's customer messages. NULL when there is none (or it is not analysed)."""
    c, s = COMMENTS.alias(), SIGNALS.alias()
    order = (c.c.created_at.desc(), c.c.id.desc()) if last else (c.c.created_at, c.c.id)
    return (
        select(s.c[signal])
        .select_from(c.join(s, s.c.comment_id == c.c.id))
        .where(c.c.ticket_id == ticket_id, customer_message(c.c), *(f(c.c) for f in conditions))
        .order_by(*order)
        .limit(1)
        .scalar_subquery()
    )


def day_buckets(buckets: Buckets) -> tuple[Buckets, list[int]]:
    """The local days `buckets` spans, and for each day the bucket it belongs to."""
    first, last = buckets.edges[0], buckets.edges[-1]
    days = Buckets.daily(first, (last - first).days, buckets.timezone)
    owner = []
    for day in days.edges[:-1]:
        owner.append(max(i for i, edge in enumerate(buckets.edges[:-1]) if edge <= day))
    return days, owner
