"""The seven dimensions as SQL aggregates over the store, for a period and the one before.

`build_report` is the entry point; `bot.metrics.model` holds the value types it returns.
"""

from bot.metrics.model import (
    DIMENSIONS,
    METRIC_INFO,
    METRIC_KEYS,
    AgentRankGap,
    Alert,
    ConflictTicket,
    Metric,
    MetricInfo,
    Period,
    Report,
)

__all__ = [
    "DIMENSIONS",
    "METRIC_INFO",
    "METRIC_KEYS",
    "AgentRankGap",
    "Alert",
    "ConflictTicket",
    "Metric",
    "MetricInfo",
    "Period",
    "Report",
]
