"""The digest's chart: each KPI beside its human twin over the last 14 days, as a PNG.

Why a PNG uploaded with the message and not Slack's `data_visualization` block: that block is
recent (2026), slack_sdk's Block Kit models do not know it yet (so the digest could not be
validated with them), and clients that cannot render it would show nothing. A PNG shows
the same in every client, in the Slack file archive and in a forwarded email.

Small multiples, one panel per pairing of the alerts (`bot.metrics.model.PAIRINGS`), so no
line is read against a scale it does not belong to. In each panel:

- each day's value is a faint dot (a day is a small sample, and noisy);
- the 7-day rolling figure is the solid (KPI) or dashed (human) line to read: the pooled
  figure of the last seven days, sum of numerators over sum of denominators for a share;
- when both are shares, the gap between the two rolling lines is shaded;
- the strip below shows each day's sample size (n) as light bars, so a jump on a day of
  five tickets reads as what it is.

A pair whose KPI is not a share (handle time, tickets per agent-day) puts the KPI on its own
axis at the right; a metric the report has no daily trend for is named in its panel.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from bot.digest.figures import format_value, label
from bot.metrics.model import METRIC_INFO, PAIRINGS, Report

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["CHART_PAIRS", "ROLLING_DAYS", "build_chart", "chart_alt_text", "render_chart"]

#: One panel per pairing, in the alerts' order.
CHART_PAIRS: tuple[tuple[str, str], ...] = PAIRINGS
ROLLING_DAYS = 7
#: The label of the main axes of each panel (the sample strips are labelled "n").
PANEL = "panel"
_KPI_COLOUR, _HUMAN_COLOUR = "#1f5fa8", "#c8432b"


def _series(report: Report, key: str) -> tuple[list[date], list[float | None], list[int]]:
    points = report.trend.get(key, [])
    samples = dict(report.trend_n.get(key, []))
    days = [day for day, _ in points]
    return days, [value for _, value in points], [samples.get(day, 0) for day in days]


def rolling(values: Sequence[float | None], samples: Sequence[int]) -> list[float | None]:
    """The pooled figure of each full window of ROLLING_DAYS days (None before the first
    full window, and for a window with nothing measured): sum(value × n) / sum(n), so a day
    of 40 tickets weighs eight times a day of 5. Days without a known n weigh 1."""
    out: list[float | None] = []
    for end in range(len(values)):
        start = end - ROLLING_DAYS + 1
        if start < 0:
            out.append(None)
            continue
        total = weight = 0.0
        for value, n in zip(values[start : end + 1], samples[start : end + 1], strict=True):
            if value is not None:
                w = n if n > 0 else 1
                total, weight = total + value * w, weight + w
        out.append(total / weight if weight else None)
    return out


def _nan(values: Sequence[float | None], scale: float) -> list[float]:
    return [float("nan") if v is None else v * scale for v in values]


def _has_trend(report: Report, key: str) -> bool:
    return any(value is not None for _, value in report.trend.get(key, []))


def _draw_pair(
    report: Report, main: Axes, strip: Axes, kpi: str, human: str, days: list[date]
) -> None:
    from matplotlib.dates import date2num
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    both_shares = METRIC_INFO[kpi].kind == METRIC_INFO[human].kind == "rate"
    drawn = [key for key in (kpi, human) if _has_trend(report, key)]
    # Different units never share a scale: the KPI then reads on the right-hand axis.
    kpi_axes = main.twinx() if len(drawn) == 2 and not both_shares else main
    axes_for = {kpi: kpi_axes, human: main}
    rolled = {}
    for key, colour, style in ((kpi, _KPI_COLOUR, "-"), (human, _HUMAN_COLOUR, "--")):
        if key not in drawn:
            continue
        key_days, values, samples = _series(report, key)
        info, axes = METRIC_INFO[key], axes_for[key]
        scale = 100.0 if info.kind == "rate" else 1.0
        x = date2num(key_days)  # type: ignore[no-untyped-call]
        line = rolling(values, samples)
        rolled[key] = (x, line)
        axes.plot(x, _nan(values, scale), linestyle="none", marker="o", markersize=3,
                  color=colour, alpha=0.4)  # fmt: skip
        axes.plot(x, _nan(line, scale), linestyle=style, linewidth=2, color=colour,
                  label=f"{label(key, report.metrics.get(key))}, {ROLLING_DAYS}-day")  # fmt: skip
        axes.yaxis.set_major_formatter(
            FuncFormatter(lambda v, _pos, info=info, scale=scale: format_value(info, v / scale))
        )
        if info.kind == "rate":
            axes.set_ylim(0, 100)
        else:
            axes.set_ylim(bottom=0)
        offset = -0.2 if key == kpi else 0.2
        strip.bar(x + offset, samples, width=0.4, color=colour, alpha=0.35)
    if both_shares and len(rolled) == 2:
        x, upper = rolled[kpi]
        _, lower = rolled[human]
        main.fill_between(
            x, _nan(upper, 100), _nan(lower, 100), color="#888888", alpha=0.2, label="gap"
        )
    if not drawn:
        main.set_yticks([])
    title = f"{label(kpi, report.metrics.get(kpi))}\nvs {label(human, report.metrics.get(human))}"
    main.set_title(title, fontsize=9, loc="left")
    main.grid(alpha=0.3)
    handles, labels = main.get_legend_handles_labels()
    if kpi_axes is not main:
        more_handles, more_labels = kpi_axes.get_legend_handles_labels()
        handles, labels = more_handles + handles, more_labels + labels
    if handles:
        main.legend(handles, labels, loc="best", fontsize=7, framealpha=0.85)
    missing = [label(key, report.metrics.get(key)) for key in (kpi, human) if key not in drawn]
    if missing:
        main.text(0.99, 0.97, "no daily trend: " + ", ".join(missing), transform=main.transAxes,
                  ha="right", va="top", fontsize=7, color="#666666")  # fmt: skip
    strip.set_ylabel("n", fontsize=8)
    strip.yaxis.set_major_locator(MaxNLocator(nbins=2, integer=True))
    strip.tick_params(labelsize=7)
    main.tick_params(labelsize=7, labelbottom=False)
    kpi_axes.tick_params(labelsize=7)
    if days:
        first, last = date2num([days[0], days[-1]])  # type: ignore[no-untyped-call]
        strip.set_xlim(first - 0.6, last + 0.6)


def build_chart(report: Report) -> Figure | None:
    """The chart as a matplotlib Figure (one panel per pair), or None without a trend."""
    if not any(report.trend.get(key) for pair in CHART_PAIRS for key in pair):
        return None
    # A bare Figure renders with Agg and never touches pyplot's global state or a display.
    from matplotlib.dates import DateFormatter
    from matplotlib.figure import Figure

    days = sorted({day for points in report.trend.values() for day, _ in points})
    columns = 2
    rows = (len(CHART_PAIRS) + columns - 1) // columns
    figure = Figure(figsize=(11, 3.3 * rows), dpi=100)
    outer = figure.add_gridspec(rows, columns, hspace=0.55, wspace=0.28)
    for index, (kpi, human) in enumerate(CHART_PAIRS):
        cell = outer[index // columns, index % columns].subgridspec(
            2, 1, height_ratios=(4, 1), hspace=0.08
        )
        main = figure.add_subplot(cell[0], label=PANEL)
        strip = figure.add_subplot(cell[1], sharex=main, label="n")
        _draw_pair(report, main, strip, kpi, human, days)
        strip.xaxis.set_major_formatter(DateFormatter("%d %b"))  # type: ignore[no-untyped-call]
    if len(CHART_PAIRS) % columns:
        notes = figure.add_subplot(outer[rows - 1, columns - 1], label="key")
        notes.axis("off")
        notes.text(
            0.0,
            0.9,
            "How to read it\n\n"
            "• dots: each day's figure (noisy on small days)\n"
            f"• lines: the {ROLLING_DAYS}-day pooled figure (solid: KPI, dashed: human)\n"
            "• shading: the gap between a KPI and its human twin\n"
            "• bars below each panel: each day's sample size (n)",
            fontsize=9,
            va="top",
        )
    figure.suptitle(
        "Each KPI beside the human metric it can hide, last 14 days", fontsize=12, x=0.06,
        ha="left",
    )  # fmt: skip
    return figure


def render_chart(report: Report) -> bytes | None:
    """The PNG, or None when the report has no trend to draw."""
    figure = build_chart(report)
    if figure is None:
        return None
    buffer = io.BytesIO()
    # No timestamps in the file: the same report gives the same bytes.
    figure.savefig(buffer, format="png", metadata={"Software": None}, bbox_inches="tight")
    return buffer.getvalue()


def chart_alt_text(report: Report) -> str:
    """What the chart shows, in words, for screen readers and for clients without images."""
    parts = []
    for traditional, human in CHART_PAIRS:
        for key in (traditional, human):
            _days, values, _samples = _series(report, key)
            known = [v for v in values if v is not None]
            if known:
                info = METRIC_INFO[key]
                parts.append(
                    f"{label(key, report.metrics.get(key))} from {format_value(info, known[0])} "
                    f"to {format_value(info, known[-1])}"
                )
    return "Last 14 days: " + "; ".join(parts) + "." if parts else "No data for the chart."
