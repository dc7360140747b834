"""How a figure reads: its value, its change and whether the change is good for customers."""

from __future__ import annotations

import pytest
from digest_support import SETTINGS

from bot.digest.figures import figure, format_change, label
from bot.metrics.model import METRIC_INFO, Metric


@pytest.mark.parametrize(
    ("key", "delta", "shown"),
    [
        ("fcr_rate", 0.41, "+41 pts"),
        ("fcr_rate", -0.157, "−16 pts"),
        ("aht_minutes", -5.0, "−5 min"),
        ("aht_minutes", 401.0, "+6.7 h"),
        ("aht_minutes", -0.3, "±0 min"),  # too small to show: never "−0"
        ("closed_unconfirmed", 9, "+9"),
        ("repetition_per_journey", -0.03, "−0.03"),
        ("csat_rate", 0.0, "±0 pts"),
    ],
)
def test_a_change_reads_with_its_unit(key: str, delta: float, shown: str) -> None:
    assert format_change(METRIC_INFO[key], delta) == shown


def big(value: float, previous: float, n: int = 400) -> Metric:
    """A figure on n cases in each period (numerators from the values)."""
    return Metric(value, value * n, n, previous, None, True, previous * n, n)


@pytest.mark.parametrize(
    ("key", "metric", "verdict", "comparison"),
    [
        ("fcr_rate", big(0.71, 0.30), "better", "+41 pts"),
        ("aht_minutes", big(36.0, 41.0), "better", "−5 min"),  # lower handle time is better
        ("aht_minutes", big(1_990.0, 1_589.0), "worse", "+6.7 h"),
        ("aht_minutes", big(23.2, 23.5), "same", "±0 min"),
        ("closed_unconfirmed", big(21, 12), "worse", "+9"),
        ("csat_rate", big(0.8, 0.8), "same", "±0 pts"),
        # 2 points on 400 ratings each is within noise (p ≈ 0.47): no verdict.
        ("csat_rate", big(0.82, 0.80), "same", "+2 pts, within noise"),
        ("csat_rate", big(0.9, 0.5, n=4), "too_few", "too few to compare (n = 4)"),
    ],
)
def test_a_figure_gets_a_verdict_only_beyond_its_noise(
    key: str, metric: Metric, verdict: str, comparison: str
) -> None:
    fig = figure(METRIC_INFO[key], metric, SETTINGS)
    assert (fig.verdict, fig.comparison) == (verdict, comparison)


def test_nothing_measured_reads_as_a_dash_not_zero() -> None:
    fig = figure(METRIC_INFO["fcr_rate"], Metric(None, 0, 0, 0.4), SETTINGS)
    assert (fig.value, fig.previous, fig.change, fig.basis) == ("—", "40%", "", "")


def test_handle_time_names_its_source_when_no_field_is_configured() -> None:
    fallback = Metric(36.0, None, 40, 41.0, "median first-resolution time")
    assert label("aht_minutes", fallback) == "Handle time (first-resolution time)"
    unused = Metric(
        36.0,
        None,
        40,
        41.0,
        "not final: the period has not ended; median "
        "first-resolution time (no time-tracking values in this period)",
    )
    assert label("aht_minutes", unused) == "Handle time (first-resolution time)"
    tracked = Metric(36.0, None, 40, 41.0, "median handle time from the time-tracking field")
    assert label("aht_minutes", tracked) == "Handle time (time tracked)"
