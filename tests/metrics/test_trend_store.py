"""The trend's final days are stored once (`bot.store.trend`): a past day's trend figure
never moves when later data arrives, a day not settled yet is computed at every digest,
and a change of how figures are computed (the FCR window) starts afresh."""

from __future__ import annotations

from datetime import date, timedelta

from metrics_support import DAY, MADRID, NOW, Seed, madrid, report, settings
from sqlalchemy import Engine, func, select, update

from bot.metrics.model import Period
from bot.metrics.report import TREND_KEYS, build_report
from bot.store.history import rebuild_runs
from bot.store.tables import RATINGS, TICKETS, TREND_FIGURES

MAY_30 = date(2026, 5, 30)


def _stored(engine: Engine) -> dict[tuple[date, str], tuple[float, float]]:
    f = TREND_FIGURES.c
    with engine.connect() as conn:
        return {
            (row.day, row.key): (row.numerator, row.denominator)
            for row in conn.execute(select(f.day, f.key, f.numerator, f.denominator))
        }


def test_a_final_trend_day_is_stored_once_and_never_moves(engine: Engine, seed: Seed) -> None:
    seed.ticket(1, madrid(MAY_30, 8))
    seed.rating(1, madrid(MAY_30, 10), "good")
    seed.save()
    first = report(engine)
    assert dict(first.trend["csat_rate"])[MAY_30] == 1.0
    stored = _stored(engine)
    # The twelve days before the two reported ones, each with every trend key, and the
    # reported day before (settled: it ended more than a day ago), from the period's own
    # figures, so tomorrow's digest finds every earlier day stored.
    earlier = {DAY - timedelta(days=i) for i in range(2, 14)}
    assert {day for day, _ in stored} == earlier | {DAY - timedelta(days=1)}
    assert {key for _, key in stored} == set(TREND_KEYS)
    assert stored[(MAY_30, "csat_rate")] == (1.0, 1.0)
    tomorrow = {DAY + timedelta(days=1) - timedelta(days=i) for i in range(2, 14)}
    assert tomorrow <= {day for day, _ in stored}  # tomorrow's digest computes no trend day

    # Later, the rating turns bad and the ticket is deleted: the shown figure stands.
    with engine.begin() as conn:
        conn.execute(update(RATINGS).values(score="bad"))
        conn.execute(update(TICKETS).where(TICKETS.c.id == 1).values(deleted=True))
        rebuild_runs(conn, [1])
    again = report(engine)

    def stored_days(trend: dict[str, list[tuple[date, object]]]) -> dict[str, list[object]]:
        return {key: [p for p in points if p[0] in earlier] for key, points in trend.items()}

    assert stored_days(again.trend) == stored_days(first.trend)
    assert stored_days(again.trend_n) == stored_days(first.trend_n)  # type: ignore[arg-type]
    # The two reported days are computed afresh: the deleted ticket has left them.
    assert again.metrics["closure_rate"].denominator == 0
    with engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(TREND_FIGURES)).scalar()
    assert rows == (len(earlier) + 1) * len(TREND_KEYS)  # nothing stored twice

    # Another FCR window computes every figure afresh, from the store as it is now.
    other = report(engine, fcr_window_days=3)
    assert dict(other.trend["csat_rate"])[MAY_30] is None


def test_days_that_have_not_settled_are_computed_every_time(engine: Engine, seed: Seed) -> None:
    # A weekly digest run just after the week ended: its last days are not settled, so
    # nothing of them is stored and a late rating still reaches them.
    seed.ticket(1, madrid(DAY, 8))
    seed.save()
    week = Period.between(DAY - timedelta(days=6), DAY + timedelta(days=1), MADRID)
    build_report(engine, settings(), week, now=NOW)
    assert all(day <= DAY - timedelta(days=1) for day, _ in _stored(engine))
    assert (DAY, "csat_rate") not in _stored(engine)
    seed.rating(1, madrid(DAY, 10), "good")
    seed.save()
    late = build_report(engine, settings(), week, now=NOW)
    assert dict(late.trend["csat_rate"])[DAY] == 1.0
