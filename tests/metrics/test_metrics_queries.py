"""The SQL building blocks: local-day buckets, medians and JSON numbers on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from metrics_support import MADRID, NOW, Seed, madrid, settings
from sqlalchemy import Engine, literal, select

from bot.metrics.model import Period
from bot.metrics.query import (
    ALL,
    Buckets,
    Context,
    agent_scope,
    group_scope,
    medians,
    number,
    plus_days,
    scoped_select,
)
from bot.store.tables import METRICS, TICKETS


def test_buckets_are_local_days_in_utc() -> None:
    buckets = Buckets.of_periods(
        Period.for_day(date(2026, 6, 2), MADRID), Period.for_day(date(2026, 6, 3), MADRID)
    )
    # Madrid is UTC+2 in June: local midnight is 22:00 UTC the day before.
    assert buckets.bounds == (
        datetime(2026, 6, 1, 22, tzinfo=UTC),
        datetime(2026, 6, 2, 22, tzinfo=UTC),
        datetime(2026, 6, 3, 22, tzinfo=UTC),
    )
    assert buckets.ends(datetime(2026, 6, 3, 12, tzinfo=UTC))[-1] == datetime(
        2026, 6, 3, 12, tzinfo=UTC
    )


def test_a_daylight_saving_day_has_23_hours() -> None:
    # Clocks in Madrid went forward on 29 March 2026.
    day = Buckets.daily(date(2026, 3, 29), 1, MADRID)
    assert day.end - day.start == timedelta(hours=23)
    assert day.start == datetime(2026, 3, 28, 23, tzinfo=UTC)


def test_buckets_must_be_consecutive() -> None:
    with pytest.raises(ValueError, match="consecutive"):
        Buckets.of_periods(
            Period.for_day(date(2026, 6, 1), MADRID), Period.for_day(date(2026, 6, 3), MADRID)
        )


def test_medians_overall_and_per_group_and_agent(engine: Engine, seed: Seed) -> None:
    # Bucket 1 (3 June): group 1 -> 10, 20, 30, 40 (median 25); group 2 -> 5 (5).
    # Overall 5, 10, 20, 30, 40 -> 20. Agent 7 has 10 and 40 -> 25.
    # Bucket 0 (2 June): 100 and 200 -> 150.
    rows = [
        (1, madrid(3, 9), 1, 7, 10),
        (2, madrid(3, 9), 1, 8, 20),
        (3, madrid(3, 9), 1, 8, 30),
        (4, madrid(3, 9), 1, 7, 40),
        (5, madrid(3, 9), 2, 8, 5),
        (6, madrid(2, 9), 1, 8, 100),
        (7, madrid(2, 9), 1, 8, 200),
        (8, madrid(3, 9), 2, 8, None),  # no value: ignored
    ]
    for tid, created, group, agent, value in rows:
        seed.ticket(tid, created, group=group, assignee=agent, first_resolution=value)
    seed.save()
    buckets = Buckets.of_periods(
        Period.for_day(date(2026, 6, 2), MADRID), Period.for_day(date(2026, 6, 3), MADRID)
    )
    t, m = TICKETS.c, METRICS.c
    with engine.connect() as conn:
        ctx = Context(conn, settings(), NOW)
        query = (
            scoped_select(buckets.index(t.created_at), t.group_id, t.assignee_id, {})
            .add_columns(m.first_resolution_time_calendar.label("v"))
            .select_from(TICKETS.join(METRICS, m.ticket_id == t.id))
            .where(buckets.within(t.created_at))
        )
        found = {
            key: (fig.median, fig.denominator)
            for key, fig in medians(ctx, query, scoped=True).items()
        }
    assert found[(1, ALL)] == (20.0, 5)
    assert found[(1, group_scope(1))] == (25.0, 4)
    assert found[(1, group_scope(2))] == (5.0, 1)
    assert found[(1, agent_scope(7))] == (25.0, 2)
    assert found[(1, agent_scope(8))] == (20.0, 3)  # 5, 20, 30
    assert found[(0, ALL)] == (150.0, 2)


def test_numbers_in_json_fields(engine: Engine, seed: Seed) -> None:
    values = {1: 90, 2: "120", 3: " 7.5 ", 4: "n/a", 5: None, 6: "", 7: [1]}
    for tid, value in values.items():
        seed.ticket(tid, madrid(3, 9), custom_fields={"42": value})
    seed.ticket(8, madrid(3, 9), custom_fields={})
    seed.save()
    with engine.connect() as conn:
        ctx = Context(conn, settings(), NOW)
        found = dict(
            conn.execute(select(TICKETS.c.id, number(ctx, TICKETS.c.custom_fields, "42"))).all()
        )
    assert {k: (float(v) if v is not None else None) for k, v in found.items()} == {
        1: 90.0,
        2: 120.0,
        3: 7.5,
        4: None,
        5: None,
        6: None,
        7: None,
        8: None,
    }


def test_plus_days_is_a_half_open_bound_on_both_backends(engine: Engine, seed: Seed) -> None:
    start = madrid(3, 9)
    seed.ticket(1, start)
    seed.ticket(2, start + timedelta(days=7))  # exactly 7 days later: outside [start, +7d)
    seed.ticket(3, start + timedelta(days=7) - timedelta(seconds=1))  # inside
    seed.save()
    t = TICKETS.c
    with engine.connect() as conn:
        ctx = Context(conn, settings(), NOW)
        bound = plus_days(ctx, literal(start, TICKETS.c.created_at.type), 7)
        inside = conn.execute(select(t.id).where(t.created_at < bound).order_by(t.id)).scalars()
        assert list(inside) == [1, 3]
