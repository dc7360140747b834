"""Consistency across channels: do customers have to say things twice?

*Containment* (traditional): of tickets solved in the bucket, the share handled in one
conversation: every public customer message came through one channel, and the requester had
no other ticket open at the same time (opened while this one was open, or still open, and
opened in the 30 days before, when this one was opened).

*Repetition per journey* (human): a journey is one requester's public messages on one local
day, across every ticket and channel; its repetition is the restatements the analysis found
in those messages (`comment_signals.restatements`: a message repeating what the customer
already said on another channel). Attributed to each ticket's group and assignee: a journey
touching two groups counts once in each, and once overall.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import (
    BigInteger,
    cast,
    func,
    literal,
    null,
    select,
    union_all,
)

from bot.metrics.query import (
    ALL,
    Buckets,
    Context,
    Fig,
    Results,
    Scope,
    customer_message,
    day_buckets,
    live,
)
from bot.metrics.solved import PARALLEL_DAYS, solved_tally
from bot.store.tables import COMMENTS, SIGNALS, TICKETS

__all__ = ["KEYS", "PARALLEL_DAYS", "compute", "containment_rate", "repetition_per_journey"]

KEYS = ("containment_rate", "repetition_per_journey")


def compute(
    ctx: Context, buckets: Buckets, *, scoped: bool = True, keys: Collection[str] = KEYS
) -> Results:
    results: Results = {}
    if "containment_rate" in keys:
        results.update(containment_rate(ctx, buckets, scoped=scoped))
    if "repetition_per_journey" in keys:
        results["repetition_per_journey"] = repetition_per_journey(ctx, buckets, scoped=scoped)
    return results


def containment_rate(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    """Computed with the other facts of the solved tickets (`bot.metrics.solved`)."""
    return {"containment_rate": solved_tally(ctx, buckets, scoped=scoped)["containment_rate"]}


def repetition_per_journey(
    ctx: Context, buckets: Buckets, *, scoped: bool
) -> dict[tuple[int, Scope], Fig]:
    """Restatements ÷ journeys, where a journey is (requester, local day). One statement:
    the messages once (a CTE), then journeys counted overall, per group and per agent."""
    days, owner = day_buckets(buckets)
    c, s, t = COMMENTS.c, SIGNALS.c, TICKETS.c
    messages = (
        select(
            days.index(c.created_at).label("d"),
            t.group_id.label("g"),
            t.assignee_id.label("a"),
            t.requester_id.label("q"),
            func.coalesce(s.restatements, 0).label("r"),
        )
        .select_from(
            COMMENTS.join(TICKETS, t.id == c.ticket_id).join(SIGNALS, s.comment_id == c.id)
        )
        .where(days.within(c.created_at), customer_message(c), live(t), t.requester_id.is_not(None))
        .cte("messages")
    )
    levels: list[tuple[str, Any]] = [("all", None)]
    if scoped:
        levels += [("group", messages.c.g), ("agent", messages.c.a)]
    parts = []
    for kind, key in levels:
        keys = [messages.c.d, messages.c.q] + ([] if key is None else [key])
        journeys = (
            select(
                messages.c.d,
                (cast(null(), BigInteger) if key is None else key).label("k"),
                messages.c.q,
                func.sum(messages.c.r).label("r"),
            )
            .group_by(*keys)
            .subquery()
        )
        parts.append(
            select(
                literal(kind).label("kind"),
                journeys.c.d,
                journeys.c.k,
                func.count().label("journeys"),
                func.sum(journeys.c.r).label("restatements"),
            ).group_by(journeys.c.d, journeys.c.k)
        )
    out: dict[tuple[int, Scope], Fig] = {}
    for kind, day, key, journeys_n, restated in ctx.conn.execute(union_all(*parts)):
        if kind == "all":
            scope: Scope = ALL
        elif key is None:
            continue
        else:
            scope = (kind, int(key))
        fig = out.setdefault((owner[int(day)], scope), Fig())
        fig.numerator += float(restated or 0)
        fig.denominator += float(journeys_n)
    return out
