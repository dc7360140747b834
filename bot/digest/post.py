"""Queue the digest for Slack: one outbox row per channel and period, never two.

The row carries the rendered message and the chart; the dispatcher posts them. Its key names
the channel and the period, so running the digest job twice (a retry, a second replica)
queues it once.
"""

from __future__ import annotations

import base64
from datetime import datetime

from sqlalchemy import Engine

from bot.digest.blocks import render_blocks
from bot.digest.chart import chart_alt_text, render_chart
from bot.metrics.model import Report
from bot.outbox import enqueue
from bot.settings import Settings

__all__ = ["digest_key", "queue_digest"]

KIND = "slack.message"


def digest_key(channel: str, report: Report) -> str:
    period = report.period
    return f"digest:{channel}:{period.start.isoformat()}:{period.end.isoformat()}"


def queue_digest(
    engine: Engine, report: Report, settings: Settings, *, channel: str, now: datetime
) -> bool:
    """Queue the digest for `channel`; False when it was already queued for this period."""
    chart = render_chart(report)
    message = render_blocks(report, settings, chart_attached=chart is not None)
    payload: dict[str, object] = {"text": message.text, "blocks": message.blocks}
    if chart is not None:
        payload["file"] = {
            "filename": f"alignbot-digest-{report.period.start:%Y-%m-%d}.png",
            "content_b64": base64.b64encode(chart).decode("ascii"),
            "title": "KPIs beside their human twins, last 14 days",
            "alt_text": chart_alt_text(report),
        }
    with engine.begin() as connection:
        return enqueue(
            connection,
            key=digest_key(channel, report),
            kind=KIND,
            target=channel,
            payload=payload,
            now=now,
        )
