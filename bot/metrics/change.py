"""When a change between two periods counts: sample floors and noise.

Every verdict a person reads (the ✅/⚠️ beside a figure, an alert, a coaching rank) comes
from `compare`, so a handful of tickets never makes a headline:

- **Sample floor.** Both periods need at least `settings.min_sample(key)` cases (the
  figure's denominator: tickets, messages, ratings, agent-days); below it the verdict is
  `too_few` and the digest says "too few to compare (n = 4)".
- **Rates** (shares): a two-sided two-proportion z-test with the pooled proportion; the
  change counts when p < `digest_significance`.
- **Medians, counts, averages**: an effect-size floor; the change counts when it is at least
  the kind's absolute floor (`digest_min_change_minutes`, `_count`, `_average`) *and* at
  least `digest_min_change_percent` of the previous value.

A change that does not count is `same` ("within noise"), whichever way it moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import erfc, sqrt
from typing import Literal

from bot.metrics.model import Metric, MetricInfo
from bot.settings import Settings

__all__ = ["Change", "Verdict", "compare", "enough_cases", "two_proportion_p"]

#: Differences smaller than this are float rounding, not movement.
EPSILON = 1e-9
#: better/worse: a change larger than its noise; same: level or within noise; too_few: a
#: period below the sample floor; unknown: a period with no figure at all.
Verdict = Literal["better", "worse", "same", "too_few", "unknown"]


@dataclass(frozen=True)
class Change:
    verdict: Verdict
    delta: float | None  # value - previous, in the metric's unit (rates as fractions)
    reason: str  # why, for a reader: "too few to compare (n = 4)", "p = 0.003 < 0.05"
    n: int | None = None  # cases this period
    previous_n: int | None = None  # cases the period before
    p_value: float | None = None  # rates only


def _n(count: float | None) -> int | None:
    return None if count is None else int(count)


def too_few_reason(n: int | None, previous_n: int | None, floor: int) -> str | None:
    """The words for a sample below `floor`, or None when both periods reach it."""
    if n is None or n < floor:
        return f"too few to compare (n = {n or 0})"
    if previous_n is None:
        return "too few to compare (the previous period's n is not known)"
    if previous_n < floor:
        return f"too few to compare (n = {previous_n} before)"
    return None


def enough_cases(metric: Metric, floor: int) -> bool:
    """True when this period's figure rests on at least `floor` cases (for ranking)."""
    return metric.value is not None and (metric.denominator or 0) >= floor


def two_proportion_p(x1: float, n1: float, x2: float, n2: float) -> float:
    """Two-sided p-value of a pooled two-proportion z-test of x1/n1 against x2/n2."""
    pooled = (x1 + x2) / (n1 + n2)
    spread = sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if spread == 0:  # both 0% or both 100%: no difference at all
        return 1.0
    z = (x1 / n1 - x2 / n2) / spread
    return erfc(abs(z) / sqrt(2))


def _floor(info: MetricInfo, previous: float, settings: Settings) -> float:
    absolute = {
        "minutes": settings.digest_min_change_minutes,
        "count": settings.digest_min_change_count,
        "average": settings.digest_min_change_average,
    }.get(info.kind, 0.0)
    return max(absolute, abs(previous) * settings.digest_min_change_percent / 100)


def compare(info: MetricInfo, metric: Metric, settings: Settings) -> Change:
    """This period's figure against the previous one: is the change larger than its noise?"""
    value, previous = metric.value, metric.previous
    n, previous_n = _n(metric.denominator), _n(metric.previous_denominator)
    if value is None or previous is None:
        return Change("unknown", None, "no figure to compare", n, previous_n)
    delta = value - previous
    too_few = too_few_reason(n, previous_n, settings.min_sample(info.key))
    if too_few is not None:
        return Change("too_few", delta, too_few, n, previous_n)
    assert n is not None and previous_n is not None  # too_few_reason checked both
    p_value = None
    if info.kind == "rate":
        now_x = metric.numerator if metric.numerator is not None else value * n
        before_x = (
            metric.previous_numerator
            if metric.previous_numerator is not None
            else previous * previous_n
        )
        p_value = two_proportion_p(now_x, n, before_x, previous_n)
        alpha = settings.digest_significance
        counts = p_value < alpha
        reason = f"p = {p_value:.3f} {'<' if counts else '≥'} {alpha:g}"
    else:
        floor = _floor(info, previous, settings)
        # The tolerance keeps 0.3 -> 0.2 (a float step of 0.0999...) at its floor of 0.1.
        counts = abs(delta) >= floor - EPSILON and abs(delta) > EPSILON
        reason = f"change {abs(delta):.4g} {'≥' if counts else '<'} floor {floor:.4g}"
    if not counts:
        verdict: Verdict = "same"
        reason = "within noise: " + reason
    else:
        higher = delta > 0
        verdict = "better" if higher == (info.direction == "higher_is_better") else "worse"
    return Change(verdict, delta, reason, n, previous_n, p_value)
