"""A hand-built digest report the digest tests share (no tests here)."""

from __future__ import annotations

from datetime import date, timedelta

from bot.metrics.model import (
    METRIC_INFO,
    METRIC_KEYS,
    AgentRankGap,
    Alert,
    ConflictTicket,
    Metric,
    Period,
    Report,
)
from bot.settings import Settings

#: The default settings, whatever the environment holds (floors: 20 cases, p < 0.05).
SETTINGS = Settings(_env_file=None)  # type: ignore[call-arg]

HOSTILE = "<!channel> <@U123> <https://evil.example|click> & more"


def sample_report(
    *,
    subject: str = "Refund never arrived",
    tickets: int = 3,
    alerts: int = 2,
    agent: str = "Ana Ruiz",
    days: int = 1,
    group: str = "Shipping & <returns>",
) -> Report:
    period = Period.between(date(2026, 11, 24), date(2026, 11, 24) + timedelta(days=days), "UTC")
    # Rates: 250 of 500 against 200 of 500, well beyond noise (p < 0.01).
    metrics = {
        key: Metric(
            value=0.5,
            numerator=250,
            denominator=500,
            previous=0.4,
            previous_numerator=200,
            previous_denominator=500,
        )
        for key in METRIC_KEYS
        if METRIC_INFO[key].kind == "rate"
    }
    for key in METRIC_KEYS:
        if METRIC_INFO[key].kind in ("count", "average"):
            metrics[key] = Metric(
                value=14.0,
                numerator=14,
                denominator=60,
                previous=9.0,
                previous_numerator=9,
                previous_denominator=60,
            )
    metrics["aht_minutes"] = Metric(
        value=36.0,
        numerator=None,
        denominator=120,
        previous=41.0,
        note="median first-resolution time",
        previous_denominator=110,
    )
    metrics["stale_tickets"] = Metric(value=None, numerator=0, denominator=0, previous=None)
    # Authentic empathy on a handful of messages: no verdict.
    metrics["authentic_empathy_rate"] = Metric(
        value=0.25,
        numerator=1,
        denominator=4,
        previous=0.6,
        previous_numerator=18,
        previous_denominator=30,
    )
    trend_days = [period.end.date() - timedelta(days=14 - i) for i in range(14)]
    return Report(
        period=period,
        previous_period=period.previous(),
        metrics=metrics,
        alerts=[
            Alert(
                traditional="closure_rate",
                human="confirmed_resolution_rate",
                traditional_change=0.1,
                human_change=-0.05,
                message=f"Closure rate rose 10 pts while confirmed resolution fell 5 pts {subject}",
            )
            for _ in range(alerts)
        ],
        conflict_tickets=[
            ConflictTicket(
                ticket_id=100 + i,
                url=f"https://acme.zendesk.com/agent/tickets/{100 + i}",
                subject=subject,
                looks_good="solved in 12 min",
                feels_bad="reopened 2 days later",
                agent=agent,
            )
            for i in range(tickets)
        ],
        agent_gaps=[
            AgentRankGap(
                agent=agent,
                traditional_rank=1,
                human_rank=7,
                agents_ranked=8,
                suggestion=f"{agent}: fastest closer, but customers rarely confirm the fix",
            )
        ],
        trend={
            key: [(day, 0.3 + 0.02 * i) for i, day in enumerate(trend_days)]
            for key in ("closure_rate", "confirmed_resolution_rate", "fcr_rate", "csat_rate")
        },
        trend_n={
            key: [(day, 20 + i) for i, day in enumerate(trend_days)]
            for key in ("closure_rate", "confirmed_resolution_rate", "fcr_rate", "csat_rate")
        },
        by_group={"360001": dict(metrics), "360002": dict(metrics)},
        group_names={"360001": "Billing", "360002": group},
    )
