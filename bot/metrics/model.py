"""The values the metrics produce and the digest reads: periods, metrics, alerts, conflicts.

These are the contract between `bot.metrics` (which computes them in SQL) and `bot.digest`
(which renders them); `Report.as_json()` is exactly what `alignbot digest --json` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

#: Every metric key of the digest, in the order of the seven dimensions.
DIMENSIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Speed & effort", ("aht_minutes", "solved_per_agent_day", "fcr_rate")),
    ("Understanding & clarity", ("context_acknowledged_rate", "redundant_question_count")),
    ("Tone & empathy", ("authentic_empathy_rate", "scripted_only_count")),
    ("Consistency across channels", ("containment_rate", "repetition_per_journey")),
    (
        "Transparency & control",
        (
            "closure_rate",
            "confirmed_resolution_rate",
            "closed_unconfirmed",
            "reopened_after_solve",
            "stale_tickets",
            "proactive_updates_sent",
        ),
    ),
    ("Emotional outcomes", ("csat_rate", "sentiment_shift_rate", "worsened_count")),
    ("Long-term relationships", ("upsell_during_frustration_count", "trust_indicator_rate")),
)
METRIC_KEYS: tuple[str, ...] = tuple(key for _, keys in DIMENSIONS for key in keys)

#: Each KPI beside the human metric it can hide (traditional first): the alerts' pairings,
#: the chart's panels and the columns of a group's or agent's compact table.
PAIRINGS: tuple[tuple[str, str], ...] = (
    ("aht_minutes", "fcr_rate"),
    ("closure_rate", "confirmed_resolution_rate"),
    ("solved_per_agent_day", "authentic_empathy_rate"),
    ("containment_rate", "repetition_per_journey"),
    ("csat_rate", "sentiment_shift_rate"),
)

Kind = Literal["rate", "count", "minutes", "average"]
Direction = Literal["higher_is_better", "lower_is_better"]


@dataclass(frozen=True)
class MetricInfo:
    key: str
    label: str  # short, for a manager: "First-contact resolution"
    kind: Kind  # rate: 0..1; count: an integer; minutes: a median; average: a mean per unit
    direction: Direction
    traditional: bool  # a KPI support orgs already watch (vs a human metric)


#: What each key is, for the digest: label, unit, which way is better, traditional or human.
METRIC_INFO: dict[str, MetricInfo] = {
    info.key: info
    for info in (
        MetricInfo("aht_minutes", "Handle time", "minutes", "lower_is_better", True),
        MetricInfo(
            "solved_per_agent_day", "Solved per agent-day", "average", "higher_is_better", True
        ),
        MetricInfo("fcr_rate", "First-contact resolution", "rate", "higher_is_better", False),
        MetricInfo(
            "context_acknowledged_rate", "Context acknowledged", "rate", "higher_is_better", False
        ),
        MetricInfo(
            "redundant_question_count", "Redundant questions", "count", "lower_is_better", False
        ),
        MetricInfo(
            "authentic_empathy_rate", "Authentic empathy", "rate", "higher_is_better", False
        ),
        MetricInfo(
            "scripted_only_count", "Scripted-only empathy", "count", "lower_is_better", False
        ),
        MetricInfo("containment_rate", "Containment", "rate", "higher_is_better", True),
        MetricInfo(
            "repetition_per_journey", "Repetition per journey", "average", "lower_is_better", False
        ),
        MetricInfo("closure_rate", "Closure rate", "rate", "higher_is_better", True),
        MetricInfo(
            "confirmed_resolution_rate", "Confirmed resolutions", "rate", "higher_is_better", False
        ),
        MetricInfo("closed_unconfirmed", "Closed unconfirmed", "count", "lower_is_better", False),
        MetricInfo(
            "reopened_after_solve", "Reopened after solve", "count", "lower_is_better", False
        ),
        MetricInfo("stale_tickets", "Stale tickets", "count", "lower_is_better", False),
        MetricInfo(
            "proactive_updates_sent", "Proactive updates sent", "count", "higher_is_better", False
        ),
        MetricInfo("csat_rate", "CSAT", "rate", "higher_is_better", True),
        MetricInfo("sentiment_shift_rate", "Sentiment recovery", "rate", "higher_is_better", False),
        MetricInfo("worsened_count", "Conversations worsened", "count", "lower_is_better", False),
        MetricInfo(
            "upsell_during_frustration_count",
            "Upsells to frustrated customers",
            "count",
            "lower_is_better",
            False,
        ),
        MetricInfo(
            "trust_indicator_rate", "Trust words in feedback", "rate", "higher_is_better", False
        ),
    )
}


@dataclass(frozen=True)
class Period:
    """A half-open interval [start, end) of local days in `timezone`; start and end aware."""

    start: datetime
    end: datetime
    timezone: str

    @classmethod
    def for_day(cls, day: date, timezone: str) -> Period:
        return cls.between(day, day + timedelta(days=1), timezone)

    @classmethod
    def between(cls, since: date, until: date, timezone: str) -> Period:
        """Local midnight of `since` to local midnight of `until` (exclusive)."""
        zone = ZoneInfo(timezone)
        return cls(
            datetime.combine(since, time(), zone), datetime.combine(until, time(), zone), timezone
        )

    @classmethod
    def yesterday(cls, now: datetime, timezone: str) -> Period:
        today = now.astimezone(ZoneInfo(timezone)).date()
        return cls.for_day(today - timedelta(days=1), timezone)

    @property
    def days(self) -> int:
        return (self.end.date() - self.start.date()).days

    def shifted(self, days: int) -> Period:
        """The same local days moved by `days` (negative: earlier)."""
        return Period.between(
            self.start.date() + timedelta(days=days),
            self.end.date() + timedelta(days=days),
            self.timezone,
        )

    def previous(self) -> Period:
        """The period of the same length that ends where this one starts."""
        return self.shifted(-self.days)

    def as_json(self) -> dict[str, str]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "timezone": self.timezone,
        }


@dataclass(frozen=True)
class Metric:
    """One figure with what it was computed from. `value` is None when `denominator` is 0
    (nothing to measure), never 0; `previous` is the value for the previous period, and
    `previous_numerator`/`previous_denominator` what it was computed from (None when not
    known), so a change can be weighed against its sample (`bot.metrics.change`)."""

    value: float | None
    numerator: float | None
    denominator: float | None
    previous: float | None = None
    note: str | None = None  # e.g. which period an FCR figure covers, or "not final"
    # False when the figure can still change (e.g. an FCR return window still open).
    final: bool = True
    previous_numerator: float | None = None
    previous_denominator: float | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "previous": self.previous,
            "previous_numerator": self.previous_numerator,
            "previous_denominator": self.previous_denominator,
        }
        if self.note:
            data["note"] = self.note
        if not self.final:
            data["final"] = False
        return data


@dataclass(frozen=True)
class Alert:
    """A traditional metric improved while its human twin did not."""

    traditional: str  # metric key
    human: str  # metric key
    traditional_change: float  # value - previous, in the metric's own unit
    human_change: float | None  # None when the human metric has no value in one period
    message: str  # one sentence a manager can act on


@dataclass(frozen=True)
class ConflictTicket:
    """A ticket that looks good on a traditional metric and bad on a human one."""

    ticket_id: int
    url: str | None  # the ticket in Zendesk's agent UI
    subject: str | None  # customer text: escape before rendering anywhere
    looks_good: str  # e.g. "solved in 12 min"
    feels_bad: str  # e.g. "reopened 2 days later"
    agent: str | None = None
    # Another ticket the conflict names (the requester's new ticket, "came back as #N").
    related_ticket_id: int | None = None
    related_url: str | None = None


@dataclass(frozen=True)
class AgentRankGap:
    """An agent whose traditional rank and human rank disagree: coaching, not blame."""

    agent: str
    traditional_rank: int
    human_rank: int
    agents_ranked: int
    suggestion: str
    traditional_metric: str = "solved"  # what the traditional rank orders by
    human_metric: str = "authentic_empathy_rate"  # a METRIC_KEYS key
    # The figures the ranks are on, so a reader can check them: tickets solved, and the
    # human metric's numerator of denominator (e.g. 2 of 9 replies with authentic empathy).
    solved: int | None = None
    human_numerator: float | None = None
    human_denominator: float | None = None
    human_value: float | None = None
    agent_key: str | None = None  # the agent's key in `Report.by_agent`


@dataclass(frozen=True)
class Report:
    """Everything a digest shows, for one period beside the one before."""

    period: Period
    previous_period: Period
    metrics: dict[str, Metric]
    # Per group and per agent, keyed by Zendesk id (as text); names in group_names and
    # agent_names (stable: "Sam (#11)" when two share a name).
    by_group: dict[str, dict[str, Metric]] = field(default_factory=dict)
    by_agent: dict[str, dict[str, Metric]] = field(default_factory=dict)
    alerts: list[Alert] = field(default_factory=list)
    conflict_tickets: list[ConflictTicket] = field(default_factory=list)
    agent_gaps: list[AgentRankGap] = field(default_factory=list)
    # Daily values of a few metrics over the last 14 days, oldest first, for the chart:
    # {"fcr_rate": [(date, value or None), ...], ...}
    trend: dict[str, list[tuple[date, float | None]]] = field(default_factory=dict)
    # Each trend day's sample size (the figure's denominator), for the chart:
    # {"fcr_rate": [(date, n), ...], ...}
    trend_n: dict[str, list[tuple[date, int]]] = field(default_factory=dict)
    # Display names of the keys of `by_group` and `by_agent` (Zendesk ids as strings);
    # a key missing here is shown as it is.
    group_names: dict[str, str] = field(default_factory=dict)
    agent_names: dict[str, str] = field(default_factory=dict)

    def group_name(self, key: str) -> str:
        return self.group_names.get(key, key)

    def agent_name(self, key: str) -> str:
        return self.agent_names.get(key, key)

    def as_json(self) -> dict[str, Any]:
        def metrics(values: dict[str, Metric]) -> dict[str, Any]:
            return {key: metric.as_json() for key, metric in values.items()}

        return {
            "period": self.period.as_json(),
            "previous_period": self.previous_period.as_json(),
            "metrics": metrics(self.metrics),
            "by_group": {name: metrics(values) for name, values in self.by_group.items()},
            "by_agent": {name: metrics(values) for name, values in self.by_agent.items()},
            "group_names": dict(self.group_names),
            "agent_names": dict(self.agent_names),
            "alerts": [alert.__dict__ for alert in self.alerts],
            "conflicts": {
                "tickets": [ticket.__dict__ for ticket in self.conflict_tickets],
                "agents": [gap.__dict__ for gap in self.agent_gaps],
            },
            "trend": {
                key: [[day.isoformat(), value] for day, value in points]
                for key, points in self.trend.items()
            },
            "trend_n": {
                key: [[day.isoformat(), n] for day, n in points]
                for key, points in self.trend_n.items()
            },
        }
