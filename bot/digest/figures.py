"""How a metric reads to a manager: its value, its change, and whether the change is good.

Shared by every renderer (Slack, terminal), so a figure reads the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.metrics.model import Metric, MetricInfo

Verdict = Literal["better", "worse", "same", "unknown"]


@dataclass(frozen=True)
class Figure:
    value: str  # "82%", "14", "36 min", "—"
    previous: str
    change: str  # "+5 pts", "−3", "" when either side is missing
    verdict: Verdict
    basis: str  # "41 of 50", "median of 120 tickets", "" when nothing was measured


def format_value(info: MetricInfo, value: float | None) -> str:
    if value is None:
        return "—"
    if info.kind == "rate":
        return f"{value:.0%}"
    if info.kind == "count":
        return f"{value:,.0f}"
    if info.kind == "minutes":
        if value >= 120:
            return f"{value / 60:.1f} h"
        return f"{value:.0f} min"
    return f"{value:,.2f}"


def _change(info: MetricInfo, delta: float) -> str:
    size = abs(delta)
    if info.kind == "rate":
        shown, unit = f"{size * 100:.0f}", " pts"
    elif info.kind == "count":
        shown, unit = f"{size:,.0f}", ""
    elif info.kind == "minutes" and size >= 120:
        shown, unit = f"{size / 60:.1f}", " h"
    elif info.kind == "minutes":
        shown, unit = f"{size:.0f}", " min"
    else:
        shown, unit = f"{size:,.2f}", ""
    # A change too small to show reads as none, never as "−0".
    sign = "±" if float(shown.replace(",", "")) == 0 else "+" if delta > 0 else "−"
    return f"{sign}{shown}{unit}"


def verdict(info: MetricInfo, value: float | None, previous: float | None) -> Verdict:
    if value is None or previous is None:
        return "unknown"
    if abs(value - previous) < 1e-9:
        return "same"
    improved = value > previous
    if info.direction == "lower_is_better":
        improved = not improved
    return "better" if improved else "worse"


def figure(info: MetricInfo, metric: Metric) -> Figure:
    value, previous = metric.value, metric.previous
    change = "" if value is None or previous is None else _change(info, value - previous)
    if metric.denominator in (None, 0):
        basis = ""
    elif info.kind == "rate" and metric.numerator is not None:
        basis = f"{metric.numerator:,.0f} of {metric.denominator:,.0f}"
    elif info.kind == "minutes":
        basis = f"median of {metric.denominator:,.0f}"
    elif info.kind == "average" and metric.numerator is not None:
        basis = f"{metric.numerator:,.0f} over {metric.denominator:,.0f}"
    else:
        basis = f"of {metric.denominator:,.0f}"
    return Figure(
        value=format_value(info, value),
        previous=format_value(info, previous),
        change=change,
        verdict=verdict(info, value, previous),
        basis=basis,
    )
