"""The digest's chart: small multiples, one panel per KPI and its human twin, with each
day's sample size and a 7-day line to read through the noise."""

from __future__ import annotations

import pytest
from digest_support import sample_report

from bot.digest.chart import PANEL, build_chart, render_chart, rolling
from bot.metrics.model import PAIRINGS


def test_the_chart_has_one_panel_per_pair_of_the_alerts() -> None:
    figure = build_chart(sample_report())
    assert figure is not None
    panels = [axes for axes in figure.axes if axes.get_label() == PANEL]
    assert len(panels) == len(PAIRINGS) == 5
    titles = [axes.get_title(loc="left") for axes in panels]
    assert titles[1] == "Closure rate\nvs Confirmed resolutions"
    assert titles[0].startswith("Handle time (first-resolution time)\n")


def test_each_days_sample_size_is_drawn_below_its_panel() -> None:
    report = sample_report()
    figure = build_chart(report)
    assert figure is not None
    strips = [axes for axes in figure.axes if axes.get_label() == "n"]
    assert len(strips) == len(PAIRINGS)
    closure_strip = strips[1]  # closure rate and confirmed resolutions: two bars a day
    heights = [patch.get_height() for patch in closure_strip.patches]
    expected = [n for _, n in report.trend_n["closure_rate"]]
    assert heights == expected + [n for _, n in report.trend_n["confirmed_resolution_rate"]]


def test_the_gap_between_two_shares_is_shaded() -> None:
    figure = build_chart(sample_report())
    assert figure is not None
    closure = [axes for axes in figure.axes if axes.get_label() == PANEL][1]
    assert any(c.get_label() == "gap" for c in closure.collections)


def test_rolling_line_pools_seven_days_weighted_by_their_samples() -> None:
    values: list[float | None] = [0.0] * 6 + [1.0, None, 0.5]
    samples = [10] * 6 + [40, 0, 20]
    line = rolling(values, samples)
    assert line[:6] == [None] * 6  # no full window yet
    # Day 7: six days of 0 on 10 each and one of 1.0 on 40: 40 / 100.
    assert line[6] == pytest.approx(0.4)
    # Day 9: days 3-9 = four days of 0 on 10, 1.0 on 40, nothing, 0.5 on 20: 50 / 100
    # (a plain mean of the values would be 0.25).
    assert line[8] == pytest.approx(0.5)


def test_the_png_is_the_same_for_the_same_report() -> None:
    report = sample_report()
    png = render_chart(report)
    assert png is not None and png.startswith(b"\x89PNG\r\n\x1a\n")
    assert render_chart(report) == png
