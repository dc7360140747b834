"""Alerts: a traditional metric improved while its human twin did not.

Each pairing puts a KPI support orgs already watch beside the customer-side figure it is
meant to stand for. An alert fires when the traditional metric got better by more than its
noise and the human one did not: it held, moved within its noise, or got worse. Whether a
change counts is `bot.metrics.change.compare`'s call (sample floors, a two-proportion z-test
for rates, effect-size floors for the rest): no alert from a handful of tickets, on either
side. The sentence formats its numbers with `bot.digest.figures`, the same as the table.
"""

from __future__ import annotations

from bot.digest.figures import figure, format_size, label
from bot.metrics.change import compare
from bot.metrics.model import METRIC_INFO, PAIRINGS, Alert, Metric
from bot.settings import Settings

__all__ = ["PAIRINGS", "alerts", "describe", "name"]

_WHY = {
    "fcr_rate": "faster handling may be sending customers back",
    "confirmed_resolution_rate": "tickets are being closed without the customer saying it worked",
    "authentic_empathy_rate": "more volume is not reaching upset customers with real empathy",
    "repetition_per_journey": "customers still have to repeat themselves across channels",
    "sentiment_shift_rate": "ratings look better than how upset customers felt at the end",
}


def name(key: str, metric: Metric | None = None) -> str:
    """A metric's label inside a sentence: "closure rate", "CSAT"."""
    text = label(key, metric)
    return text if text[:2].isupper() else text[0].lower() + text[1:]


def describe(key: str, metric: Metric, settings: Settings) -> str:
    """E.g. "closure rate rose by 12 pts to 62% (was 50%)", or "... held at 80%"."""
    info = METRIC_INFO[key]
    fig = figure(info, metric, settings)
    what = name(key, metric)
    delta = fig.compared.delta
    if delta is None or metric.value is None:
        return f"{what} has no figure to compare"
    if fig.change.startswith("±"):
        return f"{what} held at {fig.value} (was {fig.previous})"
    verb = "rose" if delta > 0 else "fell"
    moved = f"{what} {verb} by {format_size(info, delta)} to {fig.value} (was {fig.previous})"
    return moved + (", within noise" if fig.verdict == "same" else "")


def alerts(metrics: dict[str, Metric], settings: Settings) -> list[Alert]:
    """One Alert per pairing whose traditional metric got better beyond its noise while the
    human twin, measured on enough cases in both periods, did not."""
    found = []
    for traditional, human in PAIRINGS:
        if traditional not in metrics or human not in metrics:
            continue
        kpi = compare(METRIC_INFO[traditional], metrics[traditional], settings)
        if kpi.verdict != "better" or kpi.delta is None:
            continue
        twin = compare(METRIC_INFO[human], metrics[human], settings)
        if twin.verdict not in ("same", "worse"):
            continue
        message = (
            f"{_capital(describe(traditional, metrics[traditional], settings))} while "
            f"{describe(human, metrics[human], settings)}: {_WHY[human]}."
        )
        found.append(Alert(traditional, human, kpi.delta, twin.delta, message))
    return found


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
