"""Facts about the tickets solved in the buckets, computed once for every metric reading them.

Containment, confirmed resolutions, sentiment shift and the trust words in the last message
all look at the tickets solved in the bucket (from their history, `query.solved_in`) and,
most of them, at the ticket's public customer messages: the first or last one (analysed,
written before the bucket ended), the first after the solve, the last before it, the
channels they came through, and at the requester's other tickets.

Everything about a solve that does not depend on the bucket it is counted in is stored with
it (`bot.store.solves`, refreshed by every write it depends on), with the times of the
messages it names, so one statement reads the solves of the buckets (an index range on
`solve_facts.solved_at`), their tickets, and applies each bucket's cap (its end, or now)
exactly: a message counts only when written before the cap. The figures are the same as the
per-fact definitions in each metric's module; the statement runs once per report
(`Context.memo`), whichever metric asks first.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)

from bot.metrics.query import (
    Buckets,
    Context,
    Results,
    flag,
    is_true,
    live,
    message_value,
    reopened_after_solve,
    scoped_select,
    solved_in,
    stamp,
    tally,
)
from bot.store.solves import PARALLEL_DAYS, SOLVE_FACTS
from bot.store.tables import TICKETS

__all__ = ["KEYS", "PARALLEL_DAYS", "solved_tally"]

#: Every key `solved_tally` computes (trust_indicator_rate: the ticket messages' part only).
KEYS = (
    "containment_rate",
    "confirmed_resolution_rate",
    "closed_unconfirmed",
    "reopened_after_solve",
    "sentiment_shift_rate",
    "worsened_count",
    "trust_indicator_rate",
)


def _int(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return case((condition, literal(1)), else_=literal(0))


def solved_tally(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    """Every key of KEYS for `buckets`, once per report (memoised on the context)."""
    memo_key = ("solved_tally", buckets, scoped)
    if memo_key not in ctx.memo:
        ctx.memo[memo_key] = _solved_tally(ctx, buckets, scoped=scoped)
    found: Results = ctx.memo[memo_key]
    return {key: {at: replace(fig) for at, fig in series.items()} for key, series in found.items()}


def _caps(ctx: Context, buckets: Buckets) -> Any:
    """Each bucket's index and end (capped at now), as a small table to join: the cap is
    then read once per solve, not re-evaluated (a CASE over the bounds) at each use."""
    parts = [
        select(literal(i).label("b"), stamp(cap).label("cap"))
        for i, cap in enumerate(buckets.ends(ctx.now))
    ]
    return (parts[0] if len(parts) == 1 else union_all(*parts)).subquery("caps")


def _solved_tally(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    """Every key of KEYS from the solves' stored facts (`bot.store.solves`): one row per
    solve counted in a bucket, its ticket's group and agent, and the bucket's cap."""
    f, t = SOLVE_FACTS.c, TICKETS.c
    solves = (
        select(
            f.ticket_id,
            f.solved_at,
            f.parallel_with,
            f.mixed_at,
            f.first_at,
            f.first_sentiment,
            f.before_sentiment,
            f.before_trust,
            f.before_reply,
            f.after_first_at,
            f.after_first_reply,
            f.after_last_at,
            f.after_last_sentiment,
            f.after_last_trust,
            buckets.index(f.solved_at).label("b"),
            t.group_id.label("g"),
            t.assignee_id.label("a"),
            _int(reopened_after_solve(ctx, buckets, f)).label("reopens"),
        )
        .select_from(SOLVE_FACTS.join(TICKETS, t.id == f.ticket_id))
        .where(solved_in(buckets, f), live(t))
        .subquery("solves")
    )
    caps = _caps(ctx, buckets)
    k, cap = solves.c, caps.c.cap
    # The last analysed customer message before the cap: the last one at or before the
    # solve when none after it is before the cap, the last one after it when all of those
    # are; otherwise (messages after the solve on both sides of the cap, or a solve after
    # the cap, i.e. after now) one probe of the ticket's messages.
    no_later = and_(k.solved_at < cap, or_(k.after_first_at.is_(None), k.after_first_at >= cap))
    all_later = and_(k.solved_at < cap, k.after_last_at < cap)

    def last_before_cap(stored_before: Any, stored_after: Any, signal: str) -> Any:
        probe = message_value(k.ticket_id, signal, lambda c: c.created_at < cap, last=True)
        return case((no_later, stored_before), (all_later, stored_after), else_=probe)

    began = case((k.first_at < cap, k.first_sentiment), else_=null())
    ended = last_before_cap(k.before_sentiment, k.after_last_sentiment, "sentiment_label")
    trust = last_before_cap(k.before_trust, k.after_last_trust, "trust_indicator")
    after = case((k.after_first_at < cap, k.after_first_reply), else_=null())
    reply = func.coalesce(after, k.before_reply, "")
    contained = and_(or_(k.mixed_at.is_(None), k.mixed_at >= cap), k.parallel_with.is_(None))
    negative = began == "negative"
    calm = began.in_(("neutral", "positive"))
    rows = scoped_select(
        k.b,
        k.g,
        k.a,
        {
            "one": literal(1),
            "contained": flag(contained),
            "confirmed": flag(reply == "confirm"),
            "unconfirmed": flag(reply != "confirm"),
            "reopened": flag(k.reopens > 0),
            "recovered": flag(and_(negative, ended == "positive")),
            "negative": flag(negative),
            "worsened": flag(and_(calm, ended == "negative")),
            "calm": flag(calm),
            "trusted": flag(is_true(trust)),
            "trust_known": flag(trust.is_not(None)),
        },
    ).select_from(solves.join(caps, caps.c.b == k.b))
    return tally(
        ctx,
        rows,
        {
            "containment_rate": ("contained", "one"),
            "confirmed_resolution_rate": ("confirmed", "one"),
            "closed_unconfirmed": ("unconfirmed", "one"),
            "reopened_after_solve": ("reopened", "one"),
            "sentiment_shift_rate": ("recovered", "negative"),
            "worsened_count": ("worsened", "calm"),
            "trust_indicator_rate": ("trusted", "trust_known"),
        },
        scoped=scoped,
    )
