"""Queue the digest for Slack: one message per channel and period, replaced when re-run.

The first run for a channel and period queues a `slack.message` row (the rendered message and
the chart) under a key naming both, so running the job twice at once (a retry, a second
replica) queues it once. A later run whose digest differs queues a `slack.update` row under
the next revision of that key (`...:v2`, `...:v3`), which the dispatcher delivers after the
message (and any earlier update) as a `chat.update` of the same Slack message: a channel
never gets a second digest for one period. A run whose digest is the same as the last one
queued queues nothing. The chart is not uploaded again (see `bot.outbox.deliverers.SlackUpdate`).

`check_postable` refuses a digest that would mislead: from a store with no tickets in the
period, or with comments the analysis job has not read yet.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import Connection, Engine, exists, func, or_, select

from bot.digest.blocks import render_blocks
from bot.digest.chart import chart_alt_text, render_chart
from bot.errors import AlignbotError
from bot.metrics.model import Period, Report
from bot.outbox import SLACK_MESSAGE, SLACK_UPDATE, enqueue
from bot.settings import Settings
from bot.signals.analyze import ANALYZER_VERSION
from bot.store.tables import COMMENTS, OUTBOX, SIGNALS, TICKETS

__all__ = ["DigestNotReady", "Queued", "check_postable", "digest_key", "queue_digest"]

KIND = SLACK_MESSAGE
_REVISION = re.compile(r":v([0-9]+)$")


class DigestNotReady(AlignbotError):
    """The store cannot give a digest worth posting yet; the message says what to run."""


@dataclass(frozen=True)
class Queued:
    """What `queue_digest` did: `queued` the first message, queued an `update` of it, or
    nothing because the digest is `unchanged`; `key` is the row that holds this digest."""

    outcome: Literal["queued", "update", "unchanged"]
    key: str
    revision: int
    message_key: str  # the row of the first message, which every revision edits
    message_status: str  # that row's status before this call ("pending" when just queued)


def digest_key(channel: str, report: Report) -> str:
    period = report.period
    return f"digest:{channel}:{period.start.isoformat()}:{period.end.isoformat()}"


def _days(period: Period) -> str:
    first, last = period.start.date(), period.end.date() - timedelta(days=1)
    return f"{first:%Y-%m-%d}" if first == last else f"{first:%Y-%m-%d} to {last:%Y-%m-%d}"


def check_postable(engine: Engine, period: Period) -> None:
    """Raise `DigestNotReady` unless the store holds tickets active in `period` and every
    comment has been analysed (by the current analyser), naming the command to run."""
    t, c, s = TICKETS.c, COMMENTS.c, SIGNALS.c
    live = t.deleted.is_(False)
    with engine.connect() as connection:
        tickets = connection.execute(select(func.count()).where(live)).scalar_one()
        if not tickets:
            raise DigestNotReady(
                "the store holds no tickets, so the digest would be empty: run `alignbot sync "
                "--full` (then `alignbot analyze`) first"
            )
        # Active in the period: created before it ended and touched since it began.
        active = connection.execute(
            select(exists().where(live, t.created_at < period.end, t.updated_at >= period.start))
        ).scalar_one()
        if not active:
            newest = connection.execute(select(func.max(t.updated_at)).where(live)).scalar_one()
            raise DigestNotReady(
                f"no ticket in the store was active on {_days(period)} (the newest change is "
                f"from {newest:%Y-%m-%d %H:%M} UTC), so the digest would be empty: run "
                "`alignbot sync` (then `alignbot analyze`), or choose the days with --date or "
                "--since/--until"
            )
        unanalysed = connection.execute(
            select(func.count())
            .select_from(COMMENTS.outerjoin(SIGNALS, s.comment_id == c.id))
            .where(or_(s.comment_id.is_(None), s.analyzer_version != ANALYZER_VERSION))
        ).scalar_one()
    if unanalysed:
        raise DigestNotReady(
            f"{unanalysed:,} comments in the store are not analysed yet, so the digest's human "
            "figures would be wrong: run `alignbot analyze` first"
        )


def _rendered(report: Report, settings: Settings, *, chart_attached: bool) -> dict[str, Any]:
    message = render_blocks(report, settings, chart_attached=chart_attached)
    # As stored: a JSON round trip, so it compares equal to a payload read back.
    loaded: dict[str, Any] = json.loads(
        json.dumps({"text": message.text, "blocks": message.blocks})
    )
    return loaded


def _revisions(connection: Connection, base: str) -> list[tuple[int, str, dict[str, Any], str]]:
    """(revision, key, payload, status) of every row queued for this digest, oldest first."""
    c = OUTBOX.c
    found = connection.execute(
        select(c.idempotency_key, c.payload, c.status).where(
            or_(
                c.idempotency_key == base,
                c.idempotency_key.startswith(base + ":v", autoescape=True),
            )
        )
    ).all()
    revisions = []
    for key, payload, status in found:
        match = _REVISION.search(key[len(base) :])
        revision = 1 if key == base else int(match.group(1)) if match else 0
        if revision:
            revisions.append((revision, str(key), dict(payload or {}), str(status)))
    return sorted(revisions)


def queue_digest(
    engine: Engine, report: Report, settings: Settings, *, channel: str, now: datetime
) -> Queued:
    """Queue the digest for `channel`: the message the first time, an update of it later.

    Callers that post on a schedule or on request call `check_postable` first.
    """
    base = digest_key(channel, report)
    with engine.begin() as connection:
        revisions = _revisions(connection, base)
        if not revisions or revisions[0][0] != 1:
            chart = render_chart(report)
            payload = _rendered(report, settings, chart_attached=chart is not None)
            if chart is not None:
                payload["file"] = {
                    "filename": f"alignbot-digest-{report.period.start:%Y-%m-%d}.png",
                    "content_b64": base64.b64encode(chart).decode("ascii"),
                    "title": "KPIs beside their human twins, last 14 days",
                    "alt_text": chart_alt_text(report),
                }
            inserted = enqueue(
                connection, key=base, kind=KIND, target=channel, payload=payload, now=now
            )
            outcome: Literal["queued", "unchanged"] = "queued" if inserted else "unchanged"
            return Queued(outcome, base, 1, base, "pending")
        status = revisions[0][3]
        # The first message keeps its chart; the blocks say so when it had one.
        payload = _rendered(report, settings, chart_attached="file" in revisions[0][2])
        revision, latest, last_payload, _ = revisions[-1]
        if {k: last_payload.get(k) for k in ("text", "blocks")} == payload:
            return Queued("unchanged", latest, revision, base, status)
        key = f"{base}:v{revision + 1}"
        payload.update(message_key=base, after=latest)
        inserted = enqueue(
            connection, key=key, kind=SLACK_UPDATE, target=channel, payload=payload, now=now
        )
        # Not inserted: another run queued this revision a moment ago; it carries the update.
        return Queued("update" if inserted else "unchanged", key, revision + 1, base, status)
