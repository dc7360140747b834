"""How every figure reads to a person: its label, value, change and verdict.

The one place a number becomes text, shared by the Slack blocks, the terminal, the chart's
labels and the alert sentences (`bot.metrics.alerts`), so the same number never appears two
ways: a rate is a whole percent ("62%"), its change whole points ("+12 pts"), handle time
whole minutes (hours past two), counts whole, averages two decimals. Whether a change counts
is `bot.metrics.change.compare`'s call, never the renderer's.

This module imports nothing from the rest of `bot.digest`, so `bot.metrics` can use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.metrics.change import Change, Verdict, compare
from bot.metrics.model import METRIC_INFO, Metric, MetricInfo
from bot.settings import Settings

__all__ = [
    "Figure",
    "figure",
    "format_change",
    "format_size",
    "format_value",
    "handle_time_source",
    "label",
]


@dataclass(frozen=True)
class Figure:
    label: str  # "Closure rate", "Handle time (first-resolution time)"
    value: str  # "82%", "14", "36 min", "—"
    previous: str
    change: str  # "+5 pts", "−3", "" when either side is missing
    verdict: Verdict
    comparison: str  # what a reader sees in the change column: "+5 pts",
    # "+1 pts, within noise", "too few to compare (n = 4)", "" with nothing to compare
    basis: str  # "41 of 50", "median of 120", "" when nothing was measured
    compared: Change


def handle_time_source(note: str | None) -> str | None:
    """Which clock `aht_minutes` read, from its note: "time tracked" or "first-resolution
    time" (None when the note does not say)."""
    if not note:
        return None
    if "first-resolution" in note:
        return "first-resolution time"
    if "time-tracking" in note:
        return "time tracked"
    return None


def label(key: str, metric: Metric | None = None) -> str:
    """A metric's label; handle time names its source ("Handle time (time tracked)")."""
    text = METRIC_INFO[key].label
    if key == "aht_minutes" and metric is not None:
        source = handle_time_source(metric.note)
        if source:
            text += f" ({source})"
    return text


def format_value(info: MetricInfo, value: float | None) -> str:
    if value is None:
        return "—"
    if info.kind == "rate":
        return f"{value * 100:.0f}%"
    if info.kind == "count":
        return f"{value:,.0f}"
    if info.kind == "minutes":
        if value >= 120:
            return f"{value / 60:.1f} h"
        return f"{value:.0f} min"
    return f"{value:,.2f}"


def format_size(info: MetricInfo, delta: float) -> str:
    """The size of a change without its sign: "12 pts", "5 min", "0.20"."""
    size = abs(delta)
    if info.kind == "rate":
        return f"{size * 100:.0f} pts"
    if info.kind == "count":
        return f"{size:,.0f}"
    if info.kind == "minutes" and size >= 120:
        return f"{size / 60:.1f} h"
    if info.kind == "minutes":
        return f"{size:.0f} min"
    return f"{size:,.2f}"


def format_change(info: MetricInfo, delta: float) -> str:
    """A signed change: "+12 pts", "−5 min"; one too small to show is "±0", never "−0"."""
    size = format_size(info, delta)
    digits = "".join(ch for ch in size if ch.isdigit())
    sign = "±" if not digits.strip("0") else "+" if delta > 0 else "−"
    return sign + size


def _basis(info: MetricInfo, metric: Metric) -> str:
    if metric.denominator in (None, 0):
        return ""
    if info.kind == "rate" and metric.numerator is not None:
        return f"{metric.numerator:,.0f} of {metric.denominator:,.0f}"
    if info.kind == "minutes":
        return f"median of {metric.denominator:,.0f}"
    if info.kind == "average" and metric.numerator is not None:
        return f"{metric.numerator:,.0f} over {metric.denominator:,.0f}"
    return f"of {metric.denominator:,.0f}"


def _comparison(change: str, compared: Change) -> str:
    if compared.verdict == "too_few":
        return compared.reason
    if compared.verdict == "same" and change and not change.startswith("±"):
        return f"{change}, within noise"
    return change


def figure(info: MetricInfo, metric: Metric, settings: Settings) -> Figure:
    compared = compare(info, metric, settings)
    delta = compared.delta
    change = "" if delta is None or compared.verdict == "too_few" else format_change(info, delta)
    return Figure(
        label=label(info.key, metric),
        value=format_value(info, metric.value),
        previous=format_value(info, metric.previous),
        change=change,
        verdict=compared.verdict,
        comparison=_comparison(change, compared),
        basis=_basis(info, metric),
        compared=compared,
    )
