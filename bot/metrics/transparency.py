"""Transparency & control: are tickets closed because the customer's problem is gone?

- *closure_rate* (traditional): of tickets created in the bucket, the share solved before
  the bucket ended.
- *confirmed_resolution_rate*, *closed_unconfirmed*, *reopened_after_solve*: tickets solved
  in the bucket (`ticket_metrics.solved_at`). A solve is confirmed when the customer's first
  public message after it says the problem is gone (`resolution_reply = 'confirm'`); when the
  customer has not written since, their last message before the solve counts (Zendesk
  reopens a solved ticket when the customer replies, so a "thanks, that fixed it" usually
  lands before the final solve). Only messages written before the bucket ended count, so a
  figure never changes after its period.
- *stale_tickets*: tickets unsolved at the bucket's end (new, open or on hold now, or solved
  only after it) whose last public agent reply (or, without one, creation) is older than the
  priority's threshold then.
- *proactive_updates_sent*: outbox rows of kind `zendesk.proactive_update` sent in the
  bucket, beside the tickets that were open at some time in it.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, select, union_all

from bot.metrics.query import (
    ALL,
    Buckets,
    Context,
    Fig,
    Results,
    agent_reply,
    agent_scope,
    flag,
    group_scope,
    live,
    rollup,
    scoped_select,
    stamp,
    tally,
)
from bot.metrics.solved import solved_tally
from bot.store.tables import COMMENTS, METRICS, OUTBOX, TICKETS

KEYS = (
    "closure_rate",
    "confirmed_resolution_rate",
    "closed_unconfirmed",
    "reopened_after_solve",
    "stale_tickets",
    "proactive_updates_sent",
)
SOLVE_KEYS = ("confirmed_resolution_rate", "closed_unconfirmed", "reopened_after_solve")
#: How long a ticket may wait for a public agent reply, by priority (no priority: normal).
STALE_AFTER = {
    "urgent": timedelta(hours=4),
    "high": timedelta(hours=8),
    "normal": timedelta(hours=24),
    "low": timedelta(hours=48),
}
PROACTIVE_KIND = "zendesk.proactive_update"
UNSOLVED = ("new", "open", "hold")
SOLVED = ("solved", "closed")

T = TICKETS.c
M = METRICS.c


def compute(
    ctx: Context, buckets: Buckets, *, scoped: bool = True, keys: Collection[str] = KEYS
) -> Results:
    results: Results = {}
    if "closure_rate" in keys:
        results.update(closure_rate(ctx, buckets, scoped=scoped))
    if set(keys) & set(SOLVE_KEYS):
        results.update(confirmed_resolutions(ctx, buckets, scoped=scoped))
    if {"stale_tickets", "proactive_updates_sent"} & set(keys):
        results.update(open_tickets(ctx, buckets))
        proactive_updates_sent(ctx, buckets, results)
    return results


def closure_rate(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    solved_in_time = M.solved_at < buckets.end_of(T.created_at)
    rows = (
        scoped_select(
            buckets.index(T.created_at),
            T.group_id,
            T.assignee_id,
            {"closed": flag(and_(M.solved_at.is_not(None), solved_in_time)), "one": literal(1)},
        )
        .select_from(TICKETS.outerjoin(METRICS, M.ticket_id == T.id))
        .where(buckets.within(T.created_at), live(T))
    )
    return tally(ctx, rows, {"closure_rate": ("closed", "one")}, scoped=scoped)


def confirmed_resolutions(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    """Computed with the other facts of the solved tickets (`bot.metrics.solved`)."""
    found = solved_tally(ctx, buckets, scoped=scoped)
    return {key: found[key] for key in SOLVE_KEYS}


def open_tickets(ctx: Context, buckets: Buckets) -> Results:
    """Stale tickets and the tickets proactive updates are counted beside, in one pass over
    the tickets that may have been open in any bucket: unsolved now (by status), or solved
    since the first bucket started (by `solved_at`).

    Per bucket: *backlog* = created before its end (capped at now) and unsolved then (new,
    open or on hold now, or solved only after it); *stale* = backlog tickets whose last
    public agent reply before then (or creation) is older than the priority's threshold;
    *open* = created before its end and pending or unsolved now, or solved after it started.
    """
    now_open: dict[str, ColumnElement[Any]] = {}  # tickets unsolved now
    solved: dict[str, ColumnElement[Any]] = {}  # tickets solved since the first bucket began
    pending = T.status == "pending"
    priority = func.coalesce(T.priority, "normal")
    for index, as_of in enumerate(buckets.ends(ctx.now)):
        start, end = buckets.bounds[index], buckets.bounds[index + 1]
        reply = COMMENTS.alias()
        last_reply = (
            select(func.max(reply.c.created_at))
            .where(reply.c.ticket_id == T.id, agent_reply(reply.c), reply.c.created_at < as_of)
            .scalar_subquery()
        )
        cutoff = case(
            *((priority == name, stamp(as_of - wait)) for name, wait in STALE_AFTER.items()),
            else_=stamp(as_of - STALE_AFTER["normal"]),
        )
        waiting = func.coalesce(last_reply, T.created_at) < cutoff
        for columns, backlog, opened in (
            (now_open, and_(~pending, T.created_at < as_of), T.created_at < end),
            (
                solved,
                and_(T.created_at < as_of, M.solved_at >= as_of),
                and_(T.created_at < end, M.solved_at >= start),
            ),
        ):
            columns[f"backlog{index}"] = flag(backlog)
            columns[f"stale{index}"] = case((backlog, flag(waiting)), else_=literal(0))
            columns[f"open{index}"] = flag(opened)
    unsolved_now = scoped_select(literal(0), T.group_id, T.assignee_id, now_open).where(
        T.status.in_((*UNSOLVED, "pending")), T.created_at < buckets.end, live(T)
    )
    solved_since = (
        scoped_select(literal(0), T.group_id, T.assignee_id, solved)
        .select_from(METRICS.join(TICKETS, T.id == M.ticket_id))
        .where(
            M.solved_at >= buckets.start,
            T.status.in_(SOLVED),
            T.created_at < buckets.end,
            live(T),
        )
    )
    names = list(now_open)  # the same columns, in the same order, in both parts
    sub = union_all(unsolved_now, solved_since).subquery()
    sums = [func.sum(sub.c[name]) for name in names]
    rows = ctx.conn.execute(select(sub.c.g, sub.c.a, *sums).group_by(sub.c.g, sub.c.a)).all()
    per_bucket = []
    for row in rows:
        group, agent, values = row[0], row[1], dict(zip(names, row[2:], strict=True))
        for index in range(len(buckets)):
            per_bucket.append(
                (
                    index,
                    group,
                    agent,
                    values[f"stale{index}"],
                    values[f"backlog{index}"],
                    0,
                    values[f"open{index}"],
                )
            )
    return rollup(per_bucket, ["stale_tickets", "proactive_updates_sent"])


def proactive_updates_sent(ctx: Context, buckets: Buckets, results: Results) -> None:
    """Add the updates sent in each bucket to `results` (whose denominators, the tickets
    open at some time in the bucket, `open_tickets` counted)."""
    series = results.setdefault("proactive_updates_sent", {})
    o = OUTBOX.c
    sent = ctx.conn.execute(
        select(buckets.index(o.sent_at), o.target).where(
            o.kind == PROACTIVE_KIND, o.status == "sent", buckets.within(o.sent_at)
        )
    ).all()
    tickets = [_ticket_id(target) for _, target in sent]
    known = {ticket for ticket in tickets if ticket is not None}
    owners: dict[int, tuple[int | None, int | None]] = {}
    if known:
        query = select(T.id, T.group_id, T.assignee_id).where(T.id.in_(known))
        owners = {int(row[0]): (row[1], row[2]) for row in ctx.conn.execute(query)}
    for (bucket, _), ticket in zip(sent, tickets, strict=True):
        group, agent = owners.get(ticket, (None, None)) if ticket is not None else (None, None)
        scopes = [ALL]
        if group is not None:
            scopes.append(group_scope(int(group)))
        if agent is not None:
            scopes.append(agent_scope(int(agent)))
        for scope in scopes:
            series.setdefault((int(bucket), scope), Fig()).numerator += 1


def _ticket_id(target: object) -> int | None:
    """The outbox target of a Zendesk write is the ticket id."""
    text = str(target).strip()
    return int(text) if text.isdigit() else None
