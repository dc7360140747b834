"""The digest's numbers: every metric for a period beside the one before, per group and per
agent, with alerts, the conflict audit and a 14-day trend.

Each dimension module computes its metrics for several buckets at once (the previous period
and this one, or 14 days) in one grouped query per cohort, grouped by group and agent in
the same query; this module turns those sums into `Metric` values and names the scopes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from bot.metrics import (
    consistency,
    emotion,
    empathy,
    relationships,
    speed,
    transparency,
    understanding,
)
from bot.metrics.alerts import alerts
from bot.metrics.conflicts import agent_gaps, conflict_tickets
from bot.metrics.model import METRIC_INFO, METRIC_KEYS, Metric, Period, Report
from bot.metrics.query import (
    ALL,
    Buckets,
    Context,
    Fig,
    Results,
    Scope,
    local_midnight,
)
from bot.settings import Settings
from bot.store.solves import refresh_pending
from bot.store.tables import GROUPS, USERS
from bot.store.trend import METRICS_VERSION, SETTLED, Stored, store_figures, stored_figures

log = logging.getLogger("alignbot.digest")

#: Metrics the digest charts day by day.
TREND_KEYS: tuple[str, ...] = (
    "closure_rate",
    "confirmed_resolution_rate",
    "fcr_rate",
    "authentic_empathy_rate",
    "csat_rate",
    "sentiment_shift_rate",
    "containment_rate",
    "aht_minutes",
    "solved_per_agent_day",
    "repetition_per_journey",
)
TREND_DAYS = 14

#: Each dimension's keys and the function computing them.
DIMENSION_MODULES: tuple[tuple[tuple[str, ...], Callable[..., Results]], ...] = (
    (speed.KEYS, speed.compute),
    (understanding.KEYS, understanding.compute),
    (empathy.KEYS, empathy.compute),
    (consistency.KEYS, consistency.compute),
    (transparency.KEYS, transparency.compute),
    (emotion.KEYS, emotion.compute),
    (relationships.KEYS, relationships.compute),
)


def compute_all(
    ctx: Context, buckets: Buckets, *, scoped: bool = True, keys: Collection[str] = METRIC_KEYS
) -> Results:
    """Every requested metric for every bucket (and, when `scoped`, group and agent)."""
    results: Results = {}
    for module_keys, compute in DIMENSION_MODULES:
        wanted = [key for key in module_keys if key in keys]
        if wanted:
            results.update(compute(ctx, buckets, scoped=scoped, keys=wanted))
    return results


def value_of(key: str, fig: Fig | None) -> float | None:
    """A figure's value: None when nothing was measured (denominator 0)."""
    if fig is None or not fig.denominator:
        return None
    kind = METRIC_INFO[key].kind
    if kind == "minutes":
        return fig.median
    if kind == "count":
        return _whole(fig.numerator)
    return fig.numerator / fig.denominator


def _whole(x: float) -> float:
    return int(x) if float(x).is_integer() else x


def metric_of(
    key: str,
    current: Fig | None,
    previous: Fig | None,
    note: str | None = None,
    final: bool = True,
) -> Metric:
    median = METRIC_INFO[key].kind == "minutes"
    fig = current or Fig()
    before = previous or Fig()
    return Metric(
        value=value_of(key, current),
        numerator=None if median else _whole(fig.numerator),
        denominator=_whole(fig.denominator),
        previous=value_of(key, previous),
        # A period note ("not final") does not hide how the figure was computed.
        note="; ".join(part for part in (note, fig.note) if part) or None,
        final=final,
        previous_numerator=None if median else _whole(before.numerator),
        previous_denominator=_whole(before.denominator),
    )


def _day(day: date) -> str:
    return f"{day.day} {day:%b}"


def fcr_note(ctx: Context, period: Period) -> tuple[str, bool]:
    """Which solves an FCR figure covers, and whether their return window has closed."""
    days = ctx.fcr_days
    shifted = period.shifted(-days)
    first_day, last_day = shifted.start.date(), shifted.end.date() - timedelta(days=1)
    covered = _day(first_day) if first_day == last_day else f"{_day(first_day)}–{_day(last_day)}"
    note = (
        f"covers tickets solved {covered} ({days} days earlier): a solve counts once its "
        f"{days}-day return window has closed"
    )
    closes = shifted.end.astimezone(UTC) + timedelta(days=days)
    if ctx.now >= closes:
        return note, True
    local = closes.astimezone(ZoneInfo(period.timezone))
    return f"not final: {note}, at {_day(local.date())} {local:%H:%M}", False


def reopen_note(ctx: Context, period: Period) -> tuple[str | None, bool]:
    """Reopens count for `fcr_window_days` after each solve: final once the last window of
    the period's solves has closed."""
    closes = period.end.astimezone(UTC) + timedelta(days=ctx.fcr_days)
    if ctx.now >= closes:
        return None, True
    local = closes.astimezone(ZoneInfo(period.timezone))
    return (
        f"not final: reopens within {ctx.fcr_days} days of a solve count, "
        f"until {_day(local.date())} {local:%H:%M}",
        False,
    )


def notes_for(ctx: Context, period: Period) -> dict[str, tuple[str | None, bool]]:
    """Notes and finality: nothing is final before the period ends; FCR and reopens wait
    for their windows to close."""
    notes: dict[str, tuple[str | None, bool]] = {}
    if ctx.now < period.end:
        notes = dict.fromkeys(METRIC_KEYS, ("not final: the period has not ended", False))
    notes["fcr_rate"] = fcr_note(ctx, period)
    notes["reopened_after_solve"] = reopen_note(ctx, period)
    return notes


def _names(ctx: Context, table: str, ids: set[int]) -> dict[int, str]:
    """Display names by id, stable from one digest to the next: a name another group (or
    agent) in the store also has gets the id ("Sam (#11)"), whoever appears in this report;
    one the store has no row for is a placeholder ("agent 99")."""
    if not ids:
        return {}
    source = GROUPS if table == "group" else USERS
    named = select(source.c.name).where(source.c.id.in_(sorted(ids)))
    peers = select(source.c.name, func.count().label("n")).where(source.c.name.in_(named))
    if table != "group":
        peers = peers.where(source.c.role != "end-user")
    counts = peers.group_by(source.c.name).subquery("peers")
    found: dict[int, str] = {}
    shared: set[str] = set()
    for row in ctx.conn.execute(
        select(source.c.id, source.c.name, counts.c.n)
        .select_from(source.outerjoin(counts, counts.c.name == source.c.name))
        .where(source.c.id.in_(sorted(ids)))
    ):
        found[int(row[0])] = name = (row[1] or "").strip()
        if (row[2] or 0) > 1:
            shared.add(name)
    names = {}
    for i in sorted(ids):
        name = found.get(i) or f"{table} {i}"
        names[i] = f"{name} (#{i})" if name in shared else name
    return names


def _scoped_metrics(
    results: Results,
    scope: Scope,
    notes: Mapping[str, tuple[str | None, bool]],
) -> dict[str, Metric]:
    out = {}
    for key in METRIC_KEYS:
        series = results.get(key, {})
        note, final = notes.get(key, (None, True))
        out[key] = metric_of(key, series.get((1, scope)), series.get((0, scope)), note, final)
    return out


def tune(ctx: Context) -> None:
    """PostgreSQL, for this read-only transaction only: no JIT (the metric queries are
    many and short; compiling them cost more than running them), and random_page_cost 1.1
    so the small per-ticket index probes are preferred to scanning whole tables; work_mem
    64MB so the per-ticket sorts and hashes of the solved-ticket facts stay in memory."""
    if ctx.postgres:
        ctx.conn.execute(text("SET LOCAL jit = off"))
        ctx.conn.execute(text("SET LOCAL random_page_cost = 1.1"))
        ctx.conn.execute(text("SET LOCAL work_mem = '64MB'"))


def build_report(
    engine: Engine,
    settings: Settings,
    period: Period,
    *,
    now: datetime,
    zendesk_url: str | None = None,
) -> Report:
    """Every metric in METRIC_KEYS for `period` beside `period.previous()`, overall, by
    group and by agent, with alerts, the conflict audit and the 14-day trend. `now` (aware)
    is when the digest runs: nothing after it is known, and figures it can still change
    are marked not final."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    previous = period.previous()
    # Facts a sync marked stale and could not refresh (killed before its end), first.
    refresh_pending(engine)
    with engine.connect() as conn:
        ctx = Context(conn, settings, now)
        tune(ctx)
        results, trend, trend_n = _figures(ctx, previous, period)
        notes = notes_for(ctx, period)
        metrics = _scoped_metrics(results, ALL, notes)
        scopes = {scope for series in results.values() for (_, scope) in series if scope != ALL}
        group_names = _names(ctx, "group", {i for kind, i in scopes if kind == "group"})
        agent_names = _names(ctx, "agent", {i for kind, i in scopes if kind == "agent"})
        # Keyed by Zendesk id (stable whatever the names), in the order of their names.
        by_group = {
            str(i): _scoped_metrics(results, ("group", i), notes)
            for i, _ in sorted(group_names.items(), key=lambda item: (item[1], item[0]))
        }
        by_agent = {
            str(i): _scoped_metrics(results, ("agent", i), notes)
            for i, _ in sorted(agent_names.items(), key=lambda item: (item[1], item[0]))
        }
        current = Buckets.of_periods(period)

        def agent_name(agent_id: int) -> str:
            if agent_id not in agent_names:
                agent_names.update(_names(ctx, "agent", {agent_id}))
            return agent_names[agent_id]

        examples = conflict_tickets(
            ctx, current, speed.fcr_buckets(ctx, current), agent_name, zendesk_url
        )
        _store_trend(ctx)
    return Report(
        period=period,
        previous_period=previous,
        metrics=metrics,
        by_group=by_group,
        by_agent=by_agent,
        alerts=alerts(metrics, settings),
        conflict_tickets=examples,
        agent_gaps=agent_gaps(
            by_agent, settings, names={str(i): name for i, name in agent_names.items()}
        ),
        group_names={str(i): name for i, name in group_names.items()},
        agent_names={str(i): name for i, name in agent_names.items() if str(i) in by_agent},
        trend=trend,
        trend_n=trend_n,
    )


def trend_buckets(period: Period) -> Buckets:
    """The TREND_DAYS local days ending where `period` ends."""
    first = period.end.date() - timedelta(days=TREND_DAYS)
    return Buckets.daily(first, TREND_DAYS, period.timezone)


def _figures(
    ctx: Context, previous: Period, period: Period
) -> tuple[Results, dict[str, list[tuple[date, float | None]]], dict[str, list[tuple[date, int]]]]:
    """Every metric for [previous, period] by group and agent (one grouped query per metric
    family), and the overall trend.

    For a one-day period the trend's last two days are the previous period and this one.
    Its other days are final ones: their figures are read back from the store
    (`bot.store.trend`) where an earlier digest stored them, and only the days not stored
    yet are computed (overall, in one query per family). The reported days' overall figures
    are stored too once settled, so a daily digest finds yesterday's "day before" stored
    and computes no trend day of its own.
    """
    days = trend_buckets(period)
    # A one-day period's two days are the trend's last two.
    reused = 2 if period.days == 1 else 0
    results = compute_all(ctx, Buckets.of_periods(previous, period))
    earlier = TREND_DAYS - reused
    daily = _trend_days(ctx, Buckets(days.edges[: earlier + 1], days.timezone))
    for key in TREND_KEYS:
        series = daily.setdefault(key, {})
        for offset in range(reused):
            fig = results.get(key, {}).get((offset, ALL))
            if fig is not None:
                series[(earlier + offset, ALL)] = fig
    if reused:
        _keep_reported(ctx, days, earlier, results)
    trend = {
        key: [
            (days.edges[i], value_of(key, daily.get(key, {}).get((i, ALL))))
            for i in range(TREND_DAYS)
        ]
        for key in TREND_KEYS
    }
    trend_n = {
        key: [
            (days.edges[i], int(_sample(daily.get(key, {}).get((i, ALL)))))
            for i in range(TREND_DAYS)
        ]
        for key in TREND_KEYS
    }
    return results, trend, trend_n


def trend_basis(settings: Settings) -> str:
    """What the stored trend figures were computed under (see `bot.store.trend`)."""
    return (
        f"v{METRICS_VERSION};fcr={settings.fcr_window_days};"
        f"tracking={settings.zendesk_time_tracking_field_id or '-'}"
    )


def _settled(ctx: Context, day: date, timezone: str) -> bool:
    """A day that ended more than `SETTLED` ago: its trend figures are final."""
    return local_midnight(day + timedelta(days=1), timezone) + SETTLED <= ctx.now


def _keep_reported(ctx: Context, days: Buckets, earlier: int, results: Results) -> None:
    """Queue the reported days' overall trend figures (the trend's last days, computed with
    the periods) for storing, those that have settled."""
    pending: dict[tuple[date, str], Stored] = {}
    for offset, day in enumerate(days.edges[earlier:-1]):
        if not _settled(ctx, day, days.timezone):
            continue
        for key in TREND_KEYS:
            fig = results.get(key, {}).get((offset, ALL)) or Fig()
            pending[(day, key)] = Stored(
                float(fig.numerator), float(fig.denominator), fig.median, fig.note
            )
    if pending:
        basis = trend_basis(ctx.settings)
        ctx.memo.setdefault("trend_pending", []).append((basis, days.timezone, pending))


def _trend_days(ctx: Context, buckets: Buckets) -> Results:
    """The trend keys' overall figures for each day of `buckets`: stored ones read back,
    the others computed; the computed days that are final are queued in `ctx.memo` for
    `_store_trend` to keep."""
    timezone = buckets.timezone
    day_list = list(buckets.edges[:-1])
    if not day_list:
        return {}
    basis = trend_basis(ctx.settings)
    settled = {i for i, day in enumerate(day_list) if _settled(ctx, day, timezone)}
    stored = stored_figures(ctx.conn, basis, timezone, (day_list[i] for i in settled), TREND_KEYS)
    complete = {i for i in settled if all((day_list[i], key) in stored for key in TREND_KEYS)}
    daily: Results = {key: {} for key in TREND_KEYS}
    for i in complete:
        for key in TREND_KEYS:
            kept = stored[(day_list[i], key)]
            daily[key][(i, ALL)] = Fig(kept.numerator, kept.denominator, kept.median, kept.note)
    missing = [i for i in range(len(day_list)) if i not in complete]
    if not missing:
        return daily
    first, last = missing[0], missing[-1]
    span = Buckets(buckets.edges[first : last + 2], timezone)
    computed = compute_all(ctx, span, scoped=False, keys=TREND_KEYS)
    pending: dict[tuple[date, str], Stored] = {}
    for i in range(first, last + 1):
        if i in complete:
            continue
        for key in TREND_KEYS:
            fig = computed.get(key, {}).get((i - first, ALL))
            if fig is not None:
                daily[key][(i, ALL)] = fig
            if i in settled:
                made = fig or Fig()
                pending[(day_list[i], key)] = Stored(
                    float(made.numerator), float(made.denominator), made.median, made.note
                )
    if pending:
        ctx.memo.setdefault("trend_pending", []).append((basis, timezone, pending))
    return daily


def _store_trend(ctx: Context) -> None:
    """Keep the final trend figures this digest computed; a store that cannot be written
    (a read-only replica, a lock held too long) only costs the next digest their
    computation."""
    queued = ctx.memo.pop("trend_pending", [])
    if not queued:
        return
    try:
        for basis, timezone, pending in queued:
            store_figures(ctx.conn, basis, timezone, pending, ctx.now)
        ctx.conn.commit()
    except SQLAlchemyError as exc:
        ctx.conn.rollback()
        log.warning("could not store the final trend figures (%s)", type(exc).__name__)


def _sample(fig: Fig | None) -> float:
    return fig.denominator if fig is not None else 0
