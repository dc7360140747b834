"""Tone & empathy: when a customer writes with high emotional weight, does the next agent
reply meet them with authentic empathy, or only with a script?

Cohort: public customer messages with negative sentiment or frustration whose *next public
agent reply* on the ticket was written in the bucket (the reply's `created_at`); several
messages answered by one reply each count. Attributed to the ticket's group and the reply's
author. Messages not answered yet are not counted until they are.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import case, literal

from bot.metrics.query import (
    Buckets,
    Context,
    Results,
    live,
    scoped_select,
    tally,
)
from bot.store.tables import REPLY_FACTS, TICKETS

KEYS = ("authentic_empathy_rate", "scripted_only_count")


def compute(
    ctx: Context, buckets: Buckets, *, scoped: bool = True, keys: Collection[str] = KEYS
) -> Results:
    """Each reply counts once per weighty message it answers (`reply_facts.weighty`: the
    analysed customer messages with negative sentiment or frustration since the previous
    public agent reply)."""
    if not set(keys) & set(KEYS):
        return {}
    f, t = REPLY_FACTS.c, TICKETS.c
    rows = (
        scoped_select(
            buckets.index(f.created_at),
            t.group_id,
            f.author_id,
            {
                "authentic": case((f.empathy == "authentic", f.weighty), else_=literal(0)),
                "scripted": case((f.empathy == "scripted", f.weighty), else_=literal(0)),
                "one": f.weighty,
            },
        )
        .select_from(REPLY_FACTS.join(TICKETS, t.id == f.ticket_id))
        .where(buckets.within(f.created_at), f.weighty > 0, live(t))
    )
    return tally(
        ctx,
        rows,
        {
            "authentic_empathy_rate": ("authentic", "one"),
            "scripted_only_count": ("scripted", "one"),
        },
        scoped=scoped,
    )
