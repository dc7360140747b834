"""Emotional outcomes: how customers felt at the end, beside what they rated.

- *csat_rate* (traditional): satisfaction ratings created in the bucket scored good, of
  those scored good or bad; attributed to the rating's group and assignee.
- *sentiment_shift_rate*: of tickets solved in the bucket whose first public customer
  message was negative, the share whose last public customer message (written before the
  bucket ended) was positive.
- *worsened_count*: of tickets solved in the bucket whose first customer message was
  neutral or positive, those whose last one was negative.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import literal

from bot.metrics.query import (
    Buckets,
    Context,
    Results,
    flag,
    on_live_ticket,
    scoped_select,
    tally,
)
from bot.metrics.solved import solved_tally
from bot.store.tables import RATINGS

KEYS = ("csat_rate", "sentiment_shift_rate", "worsened_count")
SENTIMENT_KEYS = ("sentiment_shift_rate", "worsened_count")


def compute(
    ctx: Context, buckets: Buckets, *, scoped: bool = True, keys: Collection[str] = KEYS
) -> Results:
    results: Results = {}
    if "csat_rate" in keys:
        results.update(csat_rate(ctx, buckets, scoped=scoped))
    if set(keys) & set(SENTIMENT_KEYS):
        results.update(sentiment_shift(ctx, buckets, scoped=scoped))
    return results


def csat_rate(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    r = RATINGS.c
    rows = scoped_select(
        buckets.index(r.created_at),
        r.group_id,
        r.assignee_id,
        {"good": flag(r.score == "good"), "one": literal(1)},
    ).where(
        buckets.within(r.created_at),
        r.score.in_(("good", "bad")),
        on_live_ticket(r.ticket_id),
    )
    return tally(ctx, rows, {"csat_rate": ("good", "one")}, scoped=scoped)


def sentiment_shift(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    """Computed with the other facts of the solved tickets (`bot.metrics.solved`)."""
    found = solved_tally(ctx, buckets, scoped=scoped)
    return {key: found[key] for key in SENTIMENT_KEYS}
