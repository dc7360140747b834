"""The report as a whole: every key everywhere, names, trend, finality, and query count."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from metrics_support import DAY, MADRID, NOW, Seed, figures, madrid, report, settings
from sqlalchemy import Engine, event

from bot.metrics.model import DIMENSIONS, METRIC_INFO, METRIC_KEYS, Period
from bot.metrics.report import TREND_DAYS, TREND_KEYS, build_report


def test_metric_info_describes_every_key() -> None:
    assert set(METRIC_INFO) == set(METRIC_KEYS)
    assert sum(len(keys) for _, keys in DIMENSIONS) == len(METRIC_KEYS)
    for key, info in METRIC_INFO.items():
        assert info.key == key and info.label
    traditional = {key for key, info in METRIC_INFO.items() if info.traditional}
    assert traditional == {
        "aht_minutes",
        "solved_per_agent_day",
        "containment_rate",
        "closure_rate",
        "csat_rate",
    }


def test_an_empty_store_has_every_key_and_no_values(engine: Engine) -> None:
    result = report(engine)
    assert list(result.metrics) == list(METRIC_KEYS)
    for key, metric in result.metrics.items():
        assert metric.value is None, key
        assert metric.previous is None, key
        assert metric.denominator == 0, key
    assert result.by_group == {} and result.by_agent == {}
    assert result.alerts == [] and result.conflict_tickets == [] and result.agent_gaps == []
    assert set(result.trend) == set(TREND_KEYS)
    assert all(value is None for points in result.trend.values() for _, value in points)
    assert result.as_json()["metrics"]["csat_rate"] == {
        "value": None,
        "numerator": 0,
        "denominator": 0,
        "previous": None,
        "previous_numerator": 0,
        "previous_denominator": 0,
    }
    # Each trend day says how many cases it rests on: none here.
    assert set(result.trend_n) == set(TREND_KEYS)
    assert all(n == 0 for points in result.trend_n.values() for _, n in points)


def test_groups_and_agents_are_keyed_by_id_with_stable_unique_names(
    engine: Engine, seed: Seed
) -> None:
    seed.group(1, "Billing")
    seed.agent(11, "Sam")
    seed.agent(12, "Sam")  # two agents called Sam
    # Agent 99 and group 7 are not in the store (deleted, or not synced yet).
    seed.ticket(1, madrid(3, 8), group=1, assignee=11, solved=madrid(3, 9))
    seed.ticket(2, madrid(3, 8), group=1, assignee=12, solved=madrid(3, 9))
    seed.ticket(3, madrid(3, 8), group=7, assignee=99, solved=madrid(3, 9))
    seed.ticket(4, madrid(3, 8), solved=madrid(3, 9))  # no group, no assignee
    seed.save()
    result = report(engine)
    assert list(result.by_agent) == ["11", "12", "99"]
    assert result.agent_names == {"11": "Sam (#11)", "12": "Sam (#12)", "99": "agent 99"}
    assert list(result.by_group) == ["1", "7"]
    assert result.group_names == {"1": "Billing", "7": "group 7"}
    for values in (*result.by_agent.values(), *result.by_group.values()):
        assert list(values) == list(METRIC_KEYS)
    # Overall counts the unassigned, ungrouped ticket too; Billing has two of four.
    assert result.metrics["closure_rate"].denominator == 4
    assert figures(result.by_group["1"]["closure_rate"]) == (1.0, 2, 2)
    assert figures(result.by_agent["12"]["closure_rate"]) == (1.0, 1, 1)
    # Two days later only one Sam is at work: he keeps his key and his name.
    seed.ticket(5, madrid(5, 8), assignee=12, solved=madrid(5, 9))
    seed.save()
    next_day = report(engine, date(2026, 6, 5), now=madrid(6, 7))
    assert next_day.agent_names["12"] == "Sam (#12)"
    assert "11" not in next_day.by_agent


def test_the_trend_has_a_value_per_local_day(engine: Engine, seed: Seed) -> None:
    # Ratings on 3 June (good), 1 June (good, bad), 21 May (bad): the first trend day.
    seed.ticket(1, madrid(1, 8))
    seed.rating(1, madrid(3, 10), "good")
    seed.rating(1, madrid(1, 10), "good")
    seed.rating(1, madrid(1, 11), "bad")
    seed.rating(1, madrid(date(2026, 5, 21), 0, 30), "bad")
    seed.rating(1, madrid(date(2026, 5, 20), 23, 30), "good")  # before the first day
    seed.save()
    result = report(engine)
    csat = result.trend["csat_rate"]
    assert len(csat) == TREND_DAYS
    first = DAY - timedelta(days=TREND_DAYS - 1)
    assert [day for day, _ in csat] == [first + timedelta(days=i) for i in range(TREND_DAYS)]
    values = dict(csat)
    assert values[date(2026, 5, 21)] == 0.0
    assert values[date(2026, 6, 1)] == 0.5
    assert values[date(2026, 6, 2)] is None
    assert values[date(2026, 6, 3)] == 1.0 == result.metrics["csat_rate"].value
    # Each day's sample: the ratings it rests on.
    samples = dict(result.trend_n["csat_rate"])
    assert [samples[date(2026, 5, 21)], samples[date(2026, 6, 1)]] == [1, 2]
    assert [samples[date(2026, 6, 2)], samples[date(2026, 6, 3)]] == [0, 1]
    assert result.metrics["csat_rate"].previous_denominator == 0
    # A two-day period (2-3 June) charts the same days.
    period = Period.between(date(2026, 6, 2), date(2026, 6, 4), MADRID)
    two_days = build_report(engine, settings(), period, now=NOW)
    assert two_days.trend["csat_rate"] == csat
    assert two_days.metrics["csat_rate"].value == 1.0  # 2 June has none; 3 June good
    assert two_days.metrics["csat_rate"].previous == 0.5  # 31 May-1 June: good, bad
    csat_two = two_days.metrics["csat_rate"]
    assert (csat_two.previous_numerator, csat_two.previous_denominator) == (1, 2)


@contextmanager
def counted(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_query_count_does_not_grow_with_days_groups_or_agents(engine: Engine, seed: Seed) -> None:
    with counted(engine) as empty:
        report(engine)
    # Three days of tickets: six agents, each in a group of its own every day.
    for agent in range(10, 16):
        seed.agent(agent, f"Agent {agent}")
    for day in range(1, 4):
        for agent in range(10, 16):
            group = seed.group(agent * 10 + day, f"Group {agent}-{day}")
            tid = day * 100 + agent
            seed.ticket(tid, madrid(day, 8), group=group, assignee=agent, solved=madrid(day, 10))
            seed.says(tid, madrid(day, 8), sentiment="negative")
            seed.replies(tid, madrid(day, 9), agent, empathy="authentic")
            seed.rating(tid, madrid(day, 11), "good", group=group, assignee=agent)
    seed.save()
    with counted(engine) as busy:
        result = report(engine)
    # Groups of 2 and 3 June: 6 + 6.
    assert len(result.by_agent) == 6 and len(result.by_group) == 12
    # The same statements whatever the data: one per metric family, not per day or agent
    # (agent names are looked up once; the trend is one grouped query per family).
    assert len(busy) <= len(empty) + 2
    assert len(busy) < 45


def test_nothing_is_final_before_the_period_ends(engine: Engine, seed: Seed) -> None:
    seed.ticket(1, madrid(3, 8), solved=madrid(3, 9))
    seed.save()
    during = report(engine, now=madrid(3, 18))
    assert all(not metric.final for metric in during.metrics.values())
    assert during.metrics["closure_rate"].note == "not final: the period has not ended"
    after = report(engine)
    assert [key for key, metric in after.metrics.items() if not metric.final] == [
        "reopened_after_solve"
    ]
    assert after.metrics["reopened_after_solve"].note == (
        "not final: reopens within 7 days of a solve count, until 11 Jun 00:00"
    )
    week_later = report(engine, now=madrid(11, 0))
    assert all(metric.final for metric in week_later.metrics.values())


def test_report_json_has_the_digest_shape(engine: Engine, seed: Seed) -> None:
    seed.agent(10, "Ana")
    seed.ticket(1, madrid(3, 8), assignee=10, solved=madrid(3, 9))
    seed.save()
    data = report(engine, zendesk_url="https://acme.zendesk.com").as_json()
    assert set(data) == {
        "period",
        "previous_period",
        "metrics",
        "by_group",
        "by_agent",
        "group_names",
        "agent_names",
        "alerts",
        "conflicts",
        "trend",
        "trend_n",
    }
    assert data["period"]["start"] == "2026-06-03T00:00:00+02:00"
    assert data["previous_period"]["start"] == "2026-06-02T00:00:00+02:00"
    assert set(data["by_agent"]["10"]) == set(METRIC_KEYS)
    assert data["trend"]["fcr_rate"][-1][0] == "2026-06-03"


def test_each_trend_day_equals_that_days_one_day_report(engine: Engine, seed: Seed) -> None:
    # Handle time, solves per agent-day and repetition are charted day by day too: each
    # day's point is the figure a one-day digest for that day reports, whatever the path.
    for agent in (10, 11):
        seed.agent(agent, f"Agent {agent}")
    seed.customer(1)
    seed.customer(2)
    cases = [(28, 10, 1, 30), (28, 11, 2, 90), (30, 10, 1, 45), (30, 10, 2, 200), (3, 11, 1, 15)]
    for i, (day, agent, requester, minutes) in enumerate(cases):
        tid = 100 + i
        created = madrid(date(2026, 5, day) if day > 3 else day, 8)
        seed.ticket(
            tid,
            created,
            requester=requester,
            group=1,
            assignee=agent,
            solved=created + timedelta(minutes=minutes),
            first_resolution=minutes,
        )
        seed.says(tid, created, restatements=i % 2, sentiment="negative")
        seed.replies(tid, created + timedelta(minutes=5), agent, empathy="authentic")
        seed.says(tid, created + timedelta(minutes=9), restatements=1, channel="chat")
    seed.save()
    keys = ("aht_minutes", "solved_per_agent_day", "repetition_per_journey", "containment_rate")
    result = report(engine)
    for day in (date(2026, 5, 28), date(2026, 5, 30), date(2026, 6, 3)):
        one_day = build_report(engine, settings(), Period.for_day(day, MADRID), now=NOW)
        for key in keys:
            assert dict(result.trend[key])[day] == one_day.metrics[key].value, (day, key)
            assert dict(result.trend_n[key])[day] == one_day.metrics[key].denominator, (day, key)
    # The figures themselves: 28 May, median of 30 and 90 minutes; two agent-days, two
    # solves; two journeys (one requester each) with 0 + 1 and 1 + 1 restatements.
    trend = {key: dict(result.trend[key]) for key in keys}
    assert trend["aht_minutes"][date(2026, 5, 28)] == 60
    assert trend["solved_per_agent_day"][date(2026, 5, 28)] == 1.0
    assert trend["repetition_per_journey"][date(2026, 5, 28)] == 1.5
    assert trend["aht_minutes"][date(2026, 5, 29)] is None
