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
    plus_days,
    reopened_after_solve,
    scoped_select,
    solved_in,
    stamp,
    tally,
)
from bot.resolution.states import Cause, State
from bot.store.solves import PARALLEL_DAYS, SOLVE_FACTS
from bot.store.tables import RESOLUTION_EVENTS, TICKETS

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


#: The causes of the event that ties a solve to its confirmation request: the agent's solve
#: that asked it (or that the flow left alone), or an agent's solve while it was awaiting.
_REQUEST_CAUSES = (Cause.AGENT_SOLVE.value, Cause.OPT_OUT.value, Cause.AGENT_OVERRIDE.value)
#: Outcomes that count as confirmed: the customer said so, or chose to close it themselves.
CONFIRMED_OUTCOMES = (State.CONFIRMED.value, State.CLOSED_BY_CUSTOMER.value)
#: The tally of solves still awaiting the customer's answer at their bucket's end.
PENDING = "_awaiting_confirmation"


def _has_events(ctx: Context) -> bool:
    """Whether the flow has recorded anything: without events every solve keeps the
    message reading, and the per-solve probes of `resolution_events` are skipped."""
    e = RESOLUTION_EVENTS.c
    return ctx.conn.execute(select(e.id).limit(1)).first() is not None


def _request_of(ctx: Context, buckets: Buckets, solve: Any) -> Any:
    """The confirmation request a solve belongs to (NULL for none): that of the ticket's
    latest request event (`_REQUEST_CAUSES`) before its next solve and before the end of
    the solve's bucket (capped at now), if it came at or after the ticket's previous solve
    and the ticket did not go back to the agent (`open`, `reopened`) between it and this
    solve. So the flow's own solve after a confirmation belongs to the agent's request it
    confirms, an agent's solve while awaiting to the request it overrides, and a solve
    before the flow was on, or after a reopen the flow did not ask about, to none. A
    probe of `ix_resolution_events_ticket_id`."""
    e = RESOLUTION_EVENTS.alias("request_event").c
    back_to_agent = RESOLUTION_EVENTS.alias("back_to_agent")
    back = back_to_agent.c
    went_back = (
        select(literal(1))
        .where(
            back.ticket_id == e.ticket_id,
            back.to_state.in_((State.OPEN.value, State.REOPENED.value)),
            back.at > e.at,
            back.at <= solve.solved_at,
        )
        # Correlated with the solve two levels up too, not joined to every solve.
        .correlate_except(back_to_agent)
        .exists()
    )
    return (
        select(e.request_id)
        .where(
            e.ticket_id == solve.ticket_id,
            e.cause.in_(_REQUEST_CAUSES),
            or_(solve.prev_solved_at.is_(None), e.at >= solve.prev_solved_at),
            or_(solve.next_solved_at.is_(None), e.at < solve.next_solved_at),
            e.at < buckets.end_of(solve.solved_at, ctx.now),
            ~went_back,
        )
        .order_by(e.at.desc(), e.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _outcome_of(ticket_id: Any, request_id: Any, cap: Any) -> Any:
    """The state a request left `awaiting_confirmation` for, first, before `cap` (its start
    itself for an opt-out); NULL while it was still awaiting then."""
    e = RESOLUTION_EVENTS.alias("outcome_event").c
    return (
        select(e.to_state)
        .where(
            e.ticket_id == ticket_id,
            e.request_id == request_id,
            e.to_state != State.AWAITING.value,
            e.at < cap,
        )
        .order_by(e.at, e.id)
        .limit(1)
        .scalar_subquery()
    )


def _reopened_by_events(ctx: Context, buckets: Buckets, solve: Any) -> ColumnElement[bool]:
    """`query.reopened_after_solve` read from the flow's events, not the status history
    (the flow itself moves a solved ticket to its pending "awaiting confirmation" status,
    which the history reads as a reopen): the ticket went to `reopened` after this solve
    and before its next one, within `fcr_window_days` of it and before now, or after an
    earlier solve in the same bucket and before this one."""
    e = RESOLUTION_EVENTS.alias("reopen_event").c
    after_this = and_(
        e.at >= solve.solved_at,
        or_(solve.next_solved_at.is_(None), e.at < solve.next_solved_at),
        e.at < plus_days(ctx, solve.solved_at, ctx.fcr_days),
        e.at < stamp(ctx.now),
    )
    before_this = and_(
        solve.prev_solved_at >= buckets.start_of(solve.solved_at),
        e.at > solve.prev_solved_at,
        e.at < solve.solved_at,
    )
    return (
        select(literal(1))
        .where(
            e.ticket_id == solve.ticket_id,
            e.to_state == State.REOPENED.value,
            or_(after_this, before_this),
        )
        .exists()
    )


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
    solve counted in a bucket, its ticket's group and agent, and the bucket's cap.

    A solve that belongs to a confirmation request of the resolution flow (`_request_of`)
    is judged by the request's events instead of the customer's messages: confirmed when
    the request was confirmed or closed by the customer before the cap, unconfirmed when
    it was closed unconfirmed, neither when the customer denied or asked (it went back to
    the agent), and *pending*, out of both figures' denominators, while it was still
    awaiting the answer at the cap; reopened when the flow recorded a reopen
    (`_reopened_by_events`). Every other solve keeps the message reading.
    """
    f, t = SOLVE_FACTS.c, TICKETS.c
    events = _has_events(ctx)
    solves = (
        select(
            f.ticket_id,
            f.solved_at,
            f.prev_solved_at,
            f.next_solved_at,
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
            (_request_of(ctx, buckets, f) if events else null()).label("request"),
        )
        .select_from(SOLVE_FACTS.join(TICKETS, t.id == f.ticket_id))
        .where(solved_in(buckets, f), live(t))
    )
    # Kept as subqueries (OFFSET 0) on PostgreSQL so the request and outcome probes run
    # once per solve, not once per column reading them.
    solves_q = (solves.offset(0) if events else solves).subquery("solves")
    caps = _caps(ctx, buckets)
    s = solves_q.c
    judged_by_events = s.request.is_not(None)
    outcome = case((judged_by_events, _outcome_of(s.ticket_id, s.request, caps.c.cap)))
    reopens = case((judged_by_events, flag(_reopened_by_events(ctx, buckets, s))), else_=s.reopens)
    base = select(
        *(column for column in s if column.name != "reopens"),
        caps.c.cap,
        (outcome if events else null()).label("outcome"),
        (reopens if events else s.reopens).label("reopens"),
    ).select_from(solves_q.join(caps, caps.c.b == s.b))
    k = (base.offset(0) if events else base).subquery("judged").c
    cap = k.cap
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
    judged = k.request.is_not(None)
    confirmed = case(
        (judged, flag(k.outcome.in_(CONFIRMED_OUTCOMES))), else_=flag(reply == "confirm")
    )
    unconfirmed = case(
        (judged, flag(k.outcome == State.CLOSED_UNCONFIRMED.value)),
        else_=flag(reply != "confirm"),
    )
    pending = and_(judged, k.outcome.is_(None))
    contained = and_(or_(k.mixed_at.is_(None), k.mixed_at >= cap), k.parallel_with.is_(None))
    negative = began == "negative"
    calm = began.in_(("neutral", "positive"))
    rows = scoped_select(
        k.b,
        k.g,
        k.a,
        {
            "one": literal(1),
            "answered": flag(~pending),
            "pending": flag(pending),
            "contained": flag(contained),
            "confirmed": confirmed,
            "unconfirmed": unconfirmed,
            "reopened": flag(k.reopens > 0),
            "recovered": flag(and_(negative, ended == "positive")),
            "negative": flag(negative),
            "worsened": flag(and_(calm, ended == "negative")),
            "calm": flag(calm),
            "trusted": flag(is_true(trust)),
            "trust_known": flag(trust.is_not(None)),
        },
    )
    found = tally(
        ctx,
        rows,
        {
            "containment_rate": ("contained", "one"),
            "confirmed_resolution_rate": ("confirmed", "answered"),
            "closed_unconfirmed": ("unconfirmed", "answered"),
            "reopened_after_solve": ("reopened", "one"),
            "sentiment_shift_rate": ("recovered", "negative"),
            "worsened_count": ("worsened", "calm"),
            "trust_indicator_rate": ("trusted", "trust_known"),
            PENDING: ("pending", "one"),
        },
        scoped=scoped,
    )
    _note_pending(found)
    return found


def _note_pending(found: Results) -> None:
    """Say, on the figures that leave them out, how many solves were still awaiting the
    customer's answer when the bucket ended (their outcome came later, if at all, so a
    past figure does not change)."""
    for at, fig in found.pop(PENDING).items():
        waiting = int(fig.numerator)
        if not waiting:
            continue
        solves = "solve" if waiting == 1 else "solves"
        note = f"{waiting} {solves} awaiting the customer's answer at the period's end not counted"
        for key in ("confirmed_resolution_rate", "closed_unconfirmed"):
            if at in found[key]:
                found[key][at].note = note
