"""Tone & empathy: when a customer writes with high emotional weight, does the next agent
reply meet them with authentic empathy, or only with a script?

Cohort: public customer messages with negative sentiment or frustration whose *next public
agent reply* on the ticket was written in the bucket (the reply's `created_at`); several
messages answered by one reply each count. Attributed to the ticket's group and the reply's
author. Messages not answered yet are not counted until they are.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import and_, exists, literal, or_, select

from bot.metrics.query import (
    Buckets,
    Context,
    Results,
    agent_reply,
    customer_message,
    earlier,
    flag,
    is_true,
    live,
    scoped_select,
    tally,
)
from bot.store.tables import COMMENTS, SIGNALS, TICKETS

KEYS = ("authentic_empathy_rate", "scripted_only_count")


def compute(
    ctx: Context, buckets: Buckets, *, scoped: bool = True, keys: Collection[str] = KEYS
) -> Results:
    if not set(keys) & set(KEYS):
        return {}
    reply, message, between = COMMENTS.alias("reply"), COMMENTS.alias("message"), COMMENTS.alias()
    reply_signals, message_signals = SIGNALS.alias("rs"), SIGNALS.alias("ms")
    r, m, rs, ms, t = reply.c, message.c, reply_signals.c, message_signals.c, TICKETS.c
    answered_by_this = ~exists(
        select(literal(1))
        .select_from(between)
        .where(
            between.c.ticket_id == r.ticket_id,
            agent_reply(between.c),
            earlier(m, between.c),
            earlier(between.c, r),
        )
    )
    weighty = or_(ms.sentiment_label == "negative", is_true(ms.frustration))
    rows = (
        scoped_select(
            buckets.index(r.created_at),
            t.group_id,
            r.author_id,
            {
                "authentic": flag(rs.empathy == "authentic"),
                "scripted": flag(rs.empathy == "scripted"),
                "one": literal(1),
            },
        )
        .select_from(
            reply.join(reply_signals, rs.comment_id == r.id)
            .join(TICKETS, t.id == r.ticket_id)
            .join(
                message,
                and_(m.ticket_id == r.ticket_id, customer_message(m), earlier(m, r)),
            )
            .join(message_signals, ms.comment_id == m.id)
        )
        .where(buckets.within(r.created_at), agent_reply(r), live(t), weighty, answered_by_this)
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
