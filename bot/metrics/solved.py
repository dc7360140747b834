"""Facts about the tickets solved in the buckets, computed once for every metric reading them.

Containment, confirmed resolutions, sentiment shift and the trust words in the last message
all look at the tickets solved in the bucket (from their history, `query.solved_in`) and,
most of them,
at the ticket's public customer messages: the first or last one (analysed, written before the
bucket ended), the first after the solve, the last before it, the channels they came through.

Instead of one correlated probe per ticket and per fact, one statement reads the customer
messages of the solved tickets once (a join), orders them per ticket with window functions
(running counts of the messages meeting each condition: the first is where the count is 1,
the last where it equals the ticket's total), rolls them up per ticket, probes for another
open ticket from the same requester (one index range probe per single-channel ticket), and
sums every metric's numerator and denominator per bucket, group and agent. The figures are
the same as the per-fact definitions in each metric's module; the statement runs once per
report (`Context.memo`), whichever metric asks first.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    exists,
    func,
    literal,
    null,
    or_,
    select,
)

from bot.metrics.query import (
    Buckets,
    Context,
    Results,
    customer_message,
    flag,
    live,
    plus_days,
    reopened_after_solve,
    scoped_select,
    solved_in,
    tally,
)
from bot.store.tables import COMMENTS, RUNS, SIGNALS, TICKETS

#: How far back another open ticket from the same requester counts as a second contact.
PARALLEL_DAYS = 30

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


def _first(condition: ColumnElement[Any], running: ColumnElement[Any]) -> ColumnElement[bool]:
    return and_(condition == 1, running == 1)


def _int(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return case((condition, literal(1)), else_=literal(0))


def _pick(chosen: ColumnElement[bool], value: ColumnElement[Any]) -> ColumnElement[Any]:
    """The value of the one message `chosen` marks on the ticket (NULL when none)."""
    return func.max(case((chosen, value), else_=null()))


def solved_tally(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    """Every key of KEYS for `buckets`, once per report (memoised on the context)."""
    memo_key = ("solved_tally", buckets, scoped)
    if memo_key not in ctx.memo:
        ctx.memo[memo_key] = _solved_tally(ctx, buckets, scoped=scoped)
    found: Results = ctx.memo[memo_key]
    return {key: {at: replace(fig) for at, fig in series.items()} for key, series in found.items()}


def _contained(ctx: Context, k: Any) -> ColumnElement[bool]:
    """Containment of each solved ticket (`k`: the per-ticket facts): at most one channel,
    and no other ticket from the same requester open when this one was opened (by the other
    ticket's history: a run of it unsolved at that moment). A correlated
    EXISTS per ticket, a range probe of (requester_id, created_at), made only for tickets
    with one channel: on PostgreSQL too, measured faster than one join by requester over the
    solved tickets (which reads and joins the solved tickets a second time)."""
    other, other_runs = TICKETS.alias("other"), RUNS.alias("other_runs")
    others = other.join(other_runs, other_runs.c.ticket_id == other.c.id)
    found = exists(
        select(literal(1))
        .select_from(others)
        .where(
            other.c.requester_id == k.requester_id,
            other.c.id != k.id,
            live(other.c),
            other.c.created_at >= plus_days(ctx, k.created_at, -PARALLEL_DAYS),
            other.c.created_at < k.solved_at,
            or_(
                other.c.created_at >= k.created_at,
                and_(
                    other_runs.c.opened_at <= k.created_at,
                    or_(other_runs.c.solved_at.is_(None), other_runs.c.solved_at > k.created_at),
                ),
            ),
        )
    )
    return and_(k.channels <= 1, ~found)


def _solved_tally(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    t, m, c, s = TICKETS.c, RUNS.c, COMMENTS.c, SIGNALS.c
    cap = buckets.end_of(m.solved_at, ctx.now)
    analysed = s.comment_id.is_not(None)
    # One row per public customer message of each solved ticket (one row of NULLs for a
    # ticket without any), with the conditions each fact's message must meet.
    messages = (
        select(
            t.id.label("id"),
            buckets.index(m.solved_at).label("b"),
            t.group_id.label("g"),
            t.assignee_id.label("a"),
            t.requester_id.label("requester_id"),
            t.created_at.label("created_at"),
            m.solved_at.label("solved_at"),
            _int(reopened_after_solve(ctx, buckets)).label("reopens"),
            # Channels of the messages written before the bucket ended (capped at now).
            case(
                (c.created_at >= cap, null()),
                (c.channel == "other", t.channel),
                else_=c.channel,
            ).label("channel"),
            s.sentiment_label.label("sentiment"),
            s.resolution_reply.label("reply"),
            case(
                (s.trust_indicator.is_(None), null()),
                (s.trust_indicator == literal(True), literal(1)),
                else_=literal(0),
            ).label("trust"),
            _int(and_(analysed, c.created_at < cap)).label("capped"),
            _int(and_(analysed, c.created_at > m.solved_at, c.created_at < cap)).label("after"),
            _int(and_(analysed, c.created_at <= m.solved_at)).label("before"),
            c.created_at.label("said_at"),
            c.id.label("said_id"),
        )
        .select_from(
            RUNS.join(TICKETS, t.id == m.ticket_id)
            .outerjoin(COMMENTS, and_(c.ticket_id == t.id, customer_message(c)))
            .outerjoin(SIGNALS, s.comment_id == c.id)
        )
        .where(solved_in(buckets), live(t))
        .subquery("messages")
    )
    mc = messages.c
    order = (mc.said_at, mc.said_id)
    ranked = select(
        messages,
        func.sum(mc.capped).over(partition_by=[mc.id, mc.b], order_by=order).label("capped_n"),
        func.sum(mc.capped).over(partition_by=[mc.id, mc.b]).label("capped_total"),
        func.sum(mc.after).over(partition_by=[mc.id, mc.b], order_by=order).label("after_n"),
        func.sum(mc.before).over(partition_by=[mc.id, mc.b], order_by=order).label("before_n"),
        func.sum(mc.before).over(partition_by=[mc.id, mc.b]).label("before_total"),
    ).subquery("ranked")
    r = ranked.c
    last_capped = and_(r.capped == 1, r.capped_n == r.capped_total)
    tickets = (
        select(
            r.id,
            r.b,
            func.max(r.g).label("g"),
            func.max(r.a).label("a"),
            func.max(r.requester_id).label("requester_id"),
            func.max(r.created_at).label("created_at"),
            func.max(r.solved_at).label("solved_at"),
            func.max(r.reopens).label("reopens"),
            func.count(func.distinct(r.channel)).label("channels"),
            _pick(_first(r.capped, r.capped_n), r.sentiment).label("began"),
            _pick(last_capped, r.sentiment).label("ended"),
            _pick(last_capped, r.trust).label("trust"),
            _pick(_first(r.after, r.after_n), r.reply).label("after"),
            _pick(and_(r.before == 1, r.before_n == r.before_total), r.reply).label("before"),
        )
        .group_by(r.id, r.b)
        .subquery("solved")
    )
    k = tickets.c
    contained = _contained(ctx, k)
    negative = k.began == "negative"
    calm = k.began.in_(("neutral", "positive"))
    reply = func.coalesce(k.after, k.before, "")
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
            "recovered": flag(and_(negative, k.ended == "positive")),
            "negative": flag(negative),
            "worsened": flag(and_(calm, k.ended == "negative")),
            "calm": flag(calm),
            "trusted": flag(k.trust == 1),
            "trust_known": flag(k.trust.is_not(None)),
        },
    ).select_from(tickets)
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
