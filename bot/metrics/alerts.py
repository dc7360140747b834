"""Alerts: a traditional metric improved while its human twin did not.

Each pairing puts a KPI support orgs already watch beside the customer-side figure it is
meant to stand for. An alert fires when the traditional metric moved in its better direction
(both periods have a value and the change is not zero) and the human one did not move in its
better direction: it stayed level, got worse, or has no value in one of the periods.
"""

from __future__ import annotations

from bot.metrics.model import METRIC_INFO, Alert, Metric

#: (traditional, human): the traditional KPI first.
PAIRINGS: tuple[tuple[str, str], ...] = (
    ("aht_minutes", "fcr_rate"),
    ("closure_rate", "confirmed_resolution_rate"),
    ("solved_per_agent_day", "authentic_empathy_rate"),
    ("containment_rate", "repetition_per_journey"),
    ("csat_rate", "sentiment_shift_rate"),
)
#: Changes smaller than this are rounding noise, not movement.
EPSILON = 1e-9

_WHY = {
    "fcr_rate": "faster handling may be sending customers back",
    "confirmed_resolution_rate": "tickets are being closed without the customer saying it worked",
    "authentic_empathy_rate": "more volume is not reaching upset customers with real empathy",
    "repetition_per_journey": "customers still have to repeat themselves across channels",
    "sentiment_shift_rate": "ratings look better than how upset customers felt at the end",
}


def change(metric: Metric) -> float | None:
    """value - previous, or None when either is missing."""
    if metric.value is None or metric.previous is None:
        return None
    return metric.value - metric.previous


def improved(key: str, delta: float | None) -> bool:
    if delta is None or abs(delta) < EPSILON:
        return False
    better_up = METRIC_INFO[key].direction == "higher_is_better"
    return delta > 0 if better_up else delta < 0


def name(key: str) -> str:
    """A metric's label inside a sentence: "closure rate", "CSAT"."""
    label = METRIC_INFO[key].label
    return label if label[:2].isupper() else label[0].lower() + label[1:]


def describe(key: str, metric: Metric, delta: float | None) -> str:
    """E.g. "closure rate rose 5.0 pts to 62.0%", or "... has no figure to compare"."""
    if delta is None or metric.value is None:
        return f"{name(key)} has no figure to compare"
    if abs(delta) < EPSILON:
        return f"{name(key)} held at {_format(key, metric.value)}"
    verb = "rose" if delta > 0 else "fell"
    return f"{name(key)} {verb} {_format_change(key, abs(delta))} to {_format(key, metric.value)}"


def _format(key: str, value: float) -> str:
    kind = METRIC_INFO[key].kind
    if kind == "rate":
        return f"{value * 100:.1f}%"
    if kind == "minutes":
        return f"{value:.1f} min"
    if kind == "count":
        return f"{value:.0f}"
    return f"{value:.2f}"


def _format_change(key: str, delta: float) -> str:
    kind = METRIC_INFO[key].kind
    if kind == "rate":
        return f"{delta * 100:.1f} pts"
    if kind == "minutes":
        return f"{delta:.1f} min"
    if kind == "count":
        return f"{delta:.0f}"
    return f"{delta:.2f}"


def alerts(metrics: dict[str, Metric]) -> list[Alert]:
    """One Alert per pairing whose traditional metric improved and human twin did not."""
    found = []
    for traditional, human in PAIRINGS:
        if traditional not in metrics or human not in metrics:
            continue
        trad_delta = change(metrics[traditional])
        if trad_delta is None or not improved(traditional, trad_delta):
            continue
        human_delta = change(metrics[human])
        if improved(human, human_delta):
            continue
        message = (
            f"{_capital(describe(traditional, metrics[traditional], trad_delta))} while "
            f"{describe(human, metrics[human], human_delta)}: {_WHY[human]}."
        )
        found.append(Alert(traditional, human, trad_delta, human_delta, message))
    return found


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
