"""The digest's chart: KPIs beside their human twins over the last 14 days, as a PNG.

Why a PNG uploaded with the message and not Slack's `data_visualization` block: that block is
recent (2026), slack_sdk's Block Kit models do not know it yet (so the digest could not be
validated with them), and clients that cannot render it would show nothing. A PNG shows
the same in every client, in the Slack file archive and in a forwarded email.

Each traditional metric is a solid line and its human twin a dashed line of the same colour,
so a gap that opens between them is visible at a glance.
"""

from __future__ import annotations

import io
from datetime import date

from bot.metrics.model import METRIC_INFO, Report

__all__ = ["CHART_PAIRS", "chart_alt_text", "render_chart"]

#: (traditional, human) pairs drawn on the chart, when the report has a trend for both: the
#: KPIs that are shares, each beside the human share it can hide. (Handle time and tickets
#: per agent are not shares; their human twins stand in the digest's alerts.)
CHART_PAIRS: tuple[tuple[str, str], ...] = (
    ("closure_rate", "confirmed_resolution_rate"),
    ("csat_rate", "sentiment_shift_rate"),
    ("containment_rate", "fcr_rate"),
)
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c")


def _points(report: Report, key: str) -> tuple[list[date], list[float | None]]:
    points = report.trend.get(key, [])
    return [day for day, _ in points], [None if v is None else v * 100 for _, v in points]


def render_chart(report: Report) -> bytes | None:
    """The PNG, or None when the report has no trend to draw."""
    if not any(report.trend.get(key) for pair in CHART_PAIRS for key in pair):
        return None
    # A bare Figure renders with Agg and never touches pyplot's global state or a display.
    from matplotlib.dates import date2num
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 4.8), dpi=100)
    axes = figure.subplots()
    for colour, (traditional, human) in zip(_COLOURS, CHART_PAIRS, strict=False):
        for key, style in ((traditional, "-"), (human, "--")):
            days, values = _points(report, key)
            if not days:
                continue
            axes.plot(
                date2num(days),  # type: ignore[no-untyped-call]
                [float("nan") if v is None else v for v in values],
                linestyle=style,
                marker="o",
                markersize=3,
                color=colour,
                label=METRIC_INFO[key].label,
            )
    axes.xaxis_date()
    axes.set_ylim(0, 100)
    axes.set_ylabel("%")
    axes.set_title("KPIs (solid) beside the human metric they can hide (dashed), last 14 days")
    axes.grid(alpha=0.3)
    # Below the plot, where it can never hide a line.
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=8, ncol=3)
    figure.autofmt_xdate()
    figure.tight_layout()
    buffer = io.BytesIO()
    # No timestamps in the file: the same report gives the same bytes.
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def chart_alt_text(report: Report) -> str:
    """What the chart shows, in words, for screen readers and for clients without images."""
    parts = []
    for traditional, human in CHART_PAIRS:
        for key in (traditional, human):
            _days, values = _points(report, key)
            known = [v for v in values if v is not None]
            if known:
                parts.append(f"{METRIC_INFO[key].label} from {known[0]:.0f}% to {known[-1]:.0f}%")
    return "Last 14 days: " + "; ".join(parts) + "." if parts else "No data for the chart."
