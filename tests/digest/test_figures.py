"""How a figure reads: its value, its change and whether the change is good for customers."""

from __future__ import annotations

import pytest

from bot.digest.figures import figure
from bot.metrics.model import METRIC_INFO, Metric


@pytest.mark.parametrize(
    ("key", "value", "previous", "change", "verdict"),
    [
        ("fcr_rate", 0.71, 0.30, "+41 pts", "better"),
        ("aht_minutes", 36.0, 41.0, "−5 min", "better"),  # lower handle time is better
        ("aht_minutes", 1_990.0, 1_589.0, "+6.7 h", "worse"),
        ("aht_minutes", 23.2, 23.5, "±0 min", "better"),  # too small to show: never "−0"
        ("closed_unconfirmed", 21, 12, "+9", "worse"),
        ("repetition_per_journey", 0.09, 0.12, "−0.03", "better"),
        ("csat_rate", 0.8, 0.8, "±0 pts", "same"),
    ],
)
def test_a_change_reads_with_its_unit_and_its_verdict_for_customers(
    key: str, value: float, previous: float, change: str, verdict: str
) -> None:
    fig = figure(METRIC_INFO[key], Metric(value, 1, 1, previous))
    assert (fig.change, fig.verdict) == (change, verdict)


def test_nothing_measured_reads_as_a_dash_not_zero() -> None:
    fig = figure(METRIC_INFO["fcr_rate"], Metric(None, 0, 0, 0.4))
    assert (fig.value, fig.previous, fig.change, fig.basis) == ("—", "40%", "", "")
