"""Long-term relationships: do we sell to people who are upset, and do customers say they
trust us?

- *upsell_during_frustration_count*: of public agent replies written in the bucket whose
  customer's latest public message before them (on the ticket) was negative, those that
  pitch an upgrade or add-on (`comment_signals.upsell`). Attributed to the ticket's group
  and the reply's author.
- *trust_indicator_rate*: customer feedback with trust words: satisfaction-rating comments
  created in the bucket (read here with `bot.signals.trust.has_trust_indicator`), and the
  last public customer message of each ticket solved in the bucket (written before the
  bucket ended; `comment_signals.trust_indicator`).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import func, select

from bot.metrics.query import (
    ALL,
    Buckets,
    Context,
    Fig,
    Results,
    agent_scope,
    flag,
    group_scope,
    is_true,
    live,
    on_live_ticket,
    scoped_select,
    tally_categories,
)
from bot.metrics.solved import solved_tally
from bot.signals.trust import has_trust_indicator
from bot.store.tables import RATINGS, REPLY_FACTS, TICKETS

KEYS = ("upsell_during_frustration_count", "trust_indicator_rate")


def compute(
    ctx: Context, buckets: Buckets, *, scoped: bool = True, keys: Collection[str] = KEYS
) -> Results:
    results: Results = {}
    if "upsell_during_frustration_count" in keys:
        results.update(upsell_during_frustration(ctx, buckets, scoped=scoped))
    if "trust_indicator_rate" in keys:
        results.update(trust_indicator_rate(ctx, buckets, scoped=scoped))
    return results


def upsell_during_frustration(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    f, t = REPLY_FACTS.c, TICKETS.c
    rows = (
        scoped_select(
            buckets.index(f.created_at),
            t.group_id,
            f.author_id,
            {"mood": f.mood, "upsell": flag(is_true(f.upsell))},
        )
        .select_from(REPLY_FACTS.join(TICKETS, t.id == f.ticket_id))
        .where(buckets.within(f.created_at), live(t))
    )

    def score(mood: str | None, upsell: int) -> dict[str, tuple[float, float]]:
        negative = mood == "negative"
        return {"upsell_during_frustration_count": (int(negative and upsell), int(negative))}

    return tally_categories(
        ctx,
        rows,
        ["mood", "upsell"],
        score,
        keys=KEYS[:1],
        scoped=scoped,
    )


def trust_indicator_rate(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    # The last customer message of each solved ticket: with the other solved-ticket facts.
    results = {
        "trust_indicator_rate": solved_tally(ctx, buckets, scoped=scoped)["trust_indicator_rate"]
    }
    series = results["trust_indicator_rate"]
    # Rating comments are few (one per rated ticket): read in Python with the same detector.
    r = RATINGS.c
    comments = ctx.conn.execute(
        select(buckets.index(r.created_at), r.group_id, r.assignee_id, r.comment).where(
            buckets.within(r.created_at),
            r.comment.is_not(None),
            func.trim(r.comment) != "",
            on_live_ticket(r.ticket_id),
        )
    )
    for bucket, group, agent, text in comments:
        scopes = [ALL]
        if scoped and group is not None:
            scopes.append(group_scope(int(group)))
        if scoped and agent is not None:
            scopes.append(agent_scope(int(agent)))
        trusted = has_trust_indicator(str(text))
        for scope in scopes:
            fig = series.setdefault((int(bucket), scope), Fig())
            fig.numerator += 1 if trusted else 0
            fig.denominator += 1
    return results
