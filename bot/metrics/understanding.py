"""Understanding & clarity: does the first agent reply show we know the customer's history?

Cohort: tickets whose *first public agent reply* was written in the bucket (that reply's
`created_at`), attributed to the ticket's group and to the reply's author, when the reply has
been analysed.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import exists, literal, or_, select

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
    plus_days,
    scoped_select,
    tally_categories,
)
from bot.store.tables import COMMENTS, SIGNALS, TICKETS

KEYS = ("context_acknowledged_rate", "redundant_question_count")
#: How far back another ticket from the same requester counts as earlier contact.
HISTORY_DAYS = 30


def compute(
    ctx: Context, buckets: Buckets, *, scoped: bool = True, keys: Collection[str] = KEYS
) -> Results:
    if not set(keys) & set(KEYS):
        return {}
    reply = COMMENTS.alias("reply")
    r = reply.c
    s = SIGNALS.c
    t = TICKETS.c
    before = COMMENTS.alias("before")
    first = ~exists(
        select(literal(1))
        .select_from(before)
        .where(
            before.c.ticket_id == r.ticket_id,
            agent_reply(before.c),
            earlier(before.c, r),
        )
    )
    other = TICKETS.alias("other")
    other_ticket = exists(
        select(literal(1))
        .select_from(other)
        .where(
            other.c.requester_id == t.requester_id,
            other.c.id != t.id,
            live(other.c),
            other.c.created_at >= plus_days(ctx, t.created_at, -HISTORY_DAYS),
            other.c.created_at < r.created_at,
        )
    )
    said = COMMENTS.alias("said")
    other_channel = exists(
        select(literal(1))
        .select_from(said)
        .where(
            said.c.ticket_id == r.ticket_id,
            customer_message(said.c),
            earlier(said.c, r),
            said.c.channel != "other",
            said.c.channel != t.channel,
        )
    )
    history = or_(other_ticket, other_channel)
    rows = (
        scoped_select(
            buckets.index(r.created_at),
            t.group_id,
            r.author_id,
            {
                "history": flag(history),
                "acknowledges": flag(is_true(s.acknowledges_history)),
                "redundant": flag(is_true(s.redundant_question)),
            },
        )
        .select_from(reply.join(SIGNALS, s.comment_id == r.id).join(TICKETS, t.id == r.ticket_id))
        .where(buckets.within(r.created_at), agent_reply(r), live(t), first)
    )

    def score(history: int, acknowledges: int, redundant: int) -> dict[str, tuple[float, float]]:
        return {
            "context_acknowledged_rate": (
                int(bool(history and acknowledges and not redundant)),
                int(history),
            ),
            "redundant_question_count": (int(redundant), 1),
        }

    return tally_categories(
        ctx,
        rows,
        ["history", "acknowledges", "redundant"],
        score,
        keys=KEYS,
        scoped=scoped,
    )
