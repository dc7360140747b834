"""When a change counts: sample floors, a two-proportion z-test for rates, effect-size
floors for medians, counts and averages."""

from __future__ import annotations

import pytest

from bot.metrics.change import compare, two_proportion_p
from bot.metrics.model import METRIC_INFO, Metric
from bot.settings import Settings

SETTINGS = Settings(_env_file=None)  # type: ignore[call-arg]


def rate(hits: int, n: int, before_hits: int, before_n: int) -> Metric:
    return Metric(hits / n, hits, n, before_hits / before_n, None, True, before_hits, before_n)


def test_two_proportion_p_matches_the_textbook_value() -> None:
    # 45/100 vs 30/100: pooled 0.375, z = 0.15 / sqrt(0.375 * 0.625 * 0.02) = 2.191.
    assert two_proportion_p(45, 100, 30, 100) == pytest.approx(0.0285, abs=1e-4)
    assert two_proportion_p(0, 50, 0, 50) == 1.0


def test_below_the_sample_floor_there_is_no_verdict_in_either_period() -> None:
    info = METRIC_INFO["csat_rate"]
    now_few = compare(info, rate(4, 4, 10, 40), SETTINGS)
    assert (now_few.verdict, now_few.reason) == ("too_few", "too few to compare (n = 4)")
    before_few = compare(info, rate(40, 40, 1, 4), SETTINGS)
    assert before_few.verdict == "too_few"
    assert before_few.reason == "too few to compare (n = 4 before)"
    # The floor is a setting: with 3 it is enough.
    assert (
        compare(info, rate(4, 4, 0, 4), Settings(_env_file=None, digest_min_sample=3)).verdict
        == "better"
    )  # type: ignore[call-arg]


def test_a_rate_change_within_noise_gives_no_verdict() -> None:
    info = METRIC_INFO["closure_rate"]
    # 55% vs 45% on 100 each: p ≈ 0.16.
    noisy = compare(info, rate(55, 100, 45, 100), SETTINGS)
    assert noisy.verdict == "same" and noisy.reason.startswith("within noise")
    # The same shares on 1,000 each: p < 0.001.
    assert compare(info, rate(550, 1000, 450, 1000), SETTINGS).verdict == "better"
    # A stricter significance level can withhold a verdict that 0.05 gives.
    mid = rate(45, 100, 30, 100)  # p ≈ 0.029
    assert compare(info, mid, SETTINGS).verdict == "better"
    strict = Settings(_env_file=None, digest_significance=0.01)  # type: ignore[call-arg]
    assert compare(info, mid, strict).verdict == "same"


def test_medians_need_at_least_five_minutes_and_ten_percent() -> None:
    info = METRIC_INFO["aht_minutes"]

    def aht(value: float, previous: float) -> Metric:
        return Metric(value, None, 50, previous, None, True, None, 50)

    assert compare(info, aht(36, 40), SETTINGS).verdict == "same"  # 4 min < 5
    assert compare(info, aht(35, 40), SETTINGS).verdict == "better"  # 5 min, 12.5%
    assert compare(info, aht(290, 300), SETTINGS).verdict == "same"  # 10 min < 10% of 300
    assert compare(info, aht(330, 300), SETTINGS).verdict == "worse"  # 30 min = 10%


def test_counts_and_averages_have_their_own_floors() -> None:
    count = METRIC_INFO["closed_unconfirmed"]
    assert compare(count, Metric(14, 14, 60, 12, None, True, 12, 60), SETTINGS).verdict == "same"
    assert compare(count, Metric(16, 16, 60, 12, None, True, 12, 60), SETTINGS).verdict == "worse"
    average = METRIC_INFO["solved_per_agent_day"]
    # Agent-days have their own floor (5), and the change must be ≥ 10%.
    few = Metric(14.0, 98, 7, 12.0, None, True, 84, 7)
    assert compare(average, few, SETTINGS).verdict == "better"
    assert compare(average, Metric(14.0, 56, 4, 12.0, None, True, 48, 4), SETTINGS).verdict == (
        "too_few"
    )
    assert compare(average, Metric(12.5, 88, 7, 12.0, None, True, 84, 7), SETTINGS).verdict == (
        "same"
    )


def test_an_unknown_previous_sample_is_not_taken_on_trust() -> None:
    metric = Metric(0.9, 90, 100, 0.5, None, True, None, None)
    assert compare(METRIC_INFO["csat_rate"], metric, SETTINGS).verdict == "too_few"
