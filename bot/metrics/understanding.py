"""Understanding & clarity: does the first agent reply show we know the customer's history?

Cohort: tickets whose *first public agent reply* was written in the bucket (that reply's
`created_at`), attributed to the ticket's group and to the reply's author, when the reply has
been analysed. The customer *has history* when the requester had another ticket created in
the 30 days before the ticket (and before the reply), or wrote on this ticket, before the
reply, through another channel than the ticket's own. Both are stored with each reply
(`bot.store.replies`).
"""

from __future__ import annotations

from collections.abc import Collection

from bot.metrics.query import (
    Buckets,
    Context,
    Results,
    flag,
    is_true,
    live,
    scoped_select,
    tally_categories,
)
from bot.store.replies import HISTORY_DAYS
from bot.store.tables import REPLY_FACTS, TICKETS

__all__ = ["HISTORY_DAYS", "KEYS", "compute"]

KEYS = ("context_acknowledged_rate", "redundant_question_count")


def compute(
    ctx: Context, buckets: Buckets, *, scoped: bool = True, keys: Collection[str] = KEYS
) -> Results:
    if not set(keys) & set(KEYS):
        return {}
    f, t = REPLY_FACTS.c, TICKETS.c
    rows = (
        scoped_select(
            buckets.index(f.created_at),
            t.group_id,
            f.author_id,
            {
                "history": flag(is_true(f.history)),
                "acknowledges": flag(is_true(f.acknowledges)),
                "redundant": flag(is_true(f.redundant)),
            },
        )
        .select_from(REPLY_FACTS.join(TICKETS, t.id == f.ticket_id))
        .where(buckets.within(f.created_at), is_true(f.first), live(t))
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
