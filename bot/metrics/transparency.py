"""Transparency & control: are tickets closed because the customer's problem is gone?

- *closure_rate* (traditional): of tickets created in the bucket, the share solved before
  the bucket ended.
- *confirmed_resolution_rate*, *closed_unconfirmed*, *reopened_after_solve*: tickets solved
  in the bucket (`ticket_metrics.solved_at`). A solve is confirmed when the customer's first
  public message after it says the problem is gone (`resolution_reply = 'confirm'`); when the
  customer has not written since, their last message before the solve counts (Zendesk
  reopens a solved ticket when the customer replies, so a "thanks, that fixed it" usually
  lands before the final solve). Only messages written before the bucket ended count, so a
  figure never changes after its period. A solve the resolution flow asked about is judged
  by its confirmation request's events instead (`resolution_events`, before the bucket
  ended): confirmed when the request was confirmed or closed by the customer, unconfirmed
  when it was closed unconfirmed, reopened when it went to `reopened`; a request still
  awaiting at the bucket's end leaves its solve out of the first two (see
  `bot.metrics.solved` and docs/metrics.md).
- *stale_tickets*: tickets unsolved at the bucket's end (new, open or on hold now, or solved
  only after it) whose last public agent reply (or, without one, creation) is older than the
  priority's threshold then (`STALE_AFTER_HOURS`, as `bot.policies.stale` reads it).
- *proactive_updates_sent*: outbox rows of kind `zendesk.proactive_update` sent in the
  bucket, beside the tickets that were open at some time in it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, null, or_, select, union_all

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
    stamp,
)
from bot.metrics.solved import solved_tally
from bot.policies.stale import deadline, schedule_of, thresholds
from bot.store.tables import COMMENTS, OUTBOX, RUNS, STATUS_CHANGES, TICKETS

KEYS = (
    "closure_rate",
    "confirmed_resolution_rate",
    "closed_unconfirmed",
    "reopened_after_solve",
    "stale_tickets",
    "proactive_updates_sent",
)
SOLVE_KEYS = ("confirmed_resolution_rate", "closed_unconfirmed", "reopened_after_solve")
PROACTIVE_KIND = "zendesk.proactive_update"
UNSOLVED = ("new", "open", "hold")
SOLVED = ("solved", "closed")

T = TICKETS.c


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
    """Of the tickets unsolved at some moment in the bucket (open at its start, created in
    it, or reopened in it), the share solved at its end (capped at now): from history.

    Each run overlapping the buckets is reduced to three bucket numbers: the first and last
    bucket it is unsolved in (`lo`, `hi`; a reopened run starts after the bucket its
    previous run already covers, so a ticket's runs never count a bucket twice), and the
    bucket whose end finds it solved (`sb`, -1 for none: solved in it, before its capped
    end, and not reopened by then; a ticket solved then was unsolved in that bucket). One
    GROUP BY (group, agent, lo, hi, sb) counts the runs; the ranges are expanded here.
    """
    r = RUNS.c
    n = len(buckets)
    starts, ends = buckets.bounds[:-1], buckets.bounds[1:]
    caps = buckets.ends(ctx.now)

    def last_start_before(column: Any) -> ColumnElement[Any]:
        """The last bucket starting before `column` (-1 for none)."""
        return case(
            *((column <= stamp(start), literal(i - 1)) for i, start in enumerate(starts)),
            else_=literal(n - 1),
        )

    overlapping = union_all(
        *(
            select(r.ticket_id, r.opened_at, r.solved_at, r.reopened_at, r.prev_solved_at).where(
                condition, r.opened_at < buckets.end
            )
            # Read by the partial index of unsolved runs and the solved_at index.
            for condition in (r.solved_at.is_(None), r.solved_at > buckets.start)
        )
    ).subquery("overlapping")
    o = overlapping.c
    lo: ColumnElement[Any] = literal(0)
    if n > 1:
        lo = case(
            *((o.opened_at < stamp(end), literal(i)) for i, end in enumerate(ends[:-1])),
            else_=literal(n - 1),
        )
    hi = case((o.solved_at.is_(None), literal(n - 1)), else_=last_start_before(o.solved_at))
    covered = case(
        (o.prev_solved_at.is_(None), literal(-1)), else_=last_start_before(o.prev_solved_at)
    )
    greatest = func.greatest if ctx.postgres else func.max  # SQLite's two-argument max
    sb = case(
        *(
            (
                and_(
                    o.solved_at > stamp(start),
                    o.solved_at < stamp(cap),
                    or_(o.reopened_at.is_(None), o.reopened_at >= stamp(cap)),
                ),
                literal(i),
            )
            for i, (start, cap) in enumerate(zip(starts, caps, strict=True))
        ),
        else_=literal(-1),
    )
    runs = (
        select(
            T.group_id.label("g"),
            T.assignee_id.label("a"),
            greatest(lo, covered + 1).label("lo"),
            hi.label("hi"),
            sb.label("sb"),
        )
        .select_from(overlapping.join(TICKETS, T.id == o.ticket_id))
        .where(live(T))
        .subquery("runs")
    )
    u = runs.c
    counted = select(u.g, u.a, u.lo, u.hi, u.sb, func.count()).group_by(u.g, u.a, u.lo, u.hi, u.sb)
    sums: dict[tuple[int, Any, Any], list[int]] = {}
    for group, agent, first, last, solved_in_bucket, count in ctx.conn.execute(counted):
        for index in range(int(first), int(last) + 1):
            sums.setdefault((index, group, agent), [0, 0])[1] += int(count)
        if int(solved_in_bucket) >= 0:
            sums.setdefault((int(solved_in_bucket), group, agent), [0, 0])[0] += int(count)
    per_bucket = [(i, g, a, closed, opened) for (i, g, a), (closed, opened) in sums.items()]
    results = rollup(per_bucket, ["closure_rate"])
    if not scoped:
        results = {
            key: {at: f for at, f in s.items() if at[1] == ALL} for key, s in results.items()
        }
    return results


def _unsolved_in(ctx: Context, buckets: Buckets) -> Any:
    """One row per live ticket unsolved at some moment in any bucket, with its group,
    agent, priority, creation and status and, per bucket i, `open{i}` (unsolved at some
    moment in it), `unsolved_end{i}` (unsolved at its end, capped at now) and
    `run_status{i}` (the status then, when the run unsolved at the end had its last change
    before it; NULL when a probe of the changes must tell).

    Read from the runs overlapping the buckets: those still unsolved (a partial index) and
    those solved since the first bucket began (the `solved_at` index), each per bucket.
    """
    r = RUNS.c
    flags: dict[str, ColumnElement[Any]] = {}
    for index, cap in enumerate(buckets.ends(ctx.now)):
        start, end = buckets.bounds[index], buckets.bounds[index + 1]
        unsolved = and_(r.opened_at < end, or_(r.solved_at.is_(None), r.solved_at > start))
        flags[f"open{index}"] = flag(unsolved)
        unsolved_end = and_(r.opened_at < cap, or_(r.solved_at.is_(None), r.solved_at >= cap))
        flags[f"unsolved_end{index}"] = flag(unsolved_end)
        # The status then, when the run's last change before its solve came before `cap`.
        flags[f"run_status{index}"] = case(
            (and_(unsolved_end, r.status_at < cap), r.status), else_=null()
        )
    parts = [
        select(r.ticket_id, *(c.label(n) for n, c in flags.items())).where(
            condition, r.opened_at < buckets.end
        )
        for condition in (r.solved_at.is_(None), r.solved_at > buckets.start)
    ]
    runs = union_all(*parts).subquery("runs")
    per_ticket = (
        select(
            runs.c.ticket_id,
            *(func.max(runs.c[name]).label(name) for name in flags),
        )
        .group_by(runs.c.ticket_id)
        .subquery("per_ticket")
    )
    p = per_ticket.c
    return (
        select(
            T.group_id.label("g"),
            T.assignee_id.label("a"),
            T.id.label("id"),
            func.coalesce(T.priority, "normal").label("priority"),
            T.created_at.label("created_at"),
            T.status.label("status"),
            *(p[name].label(name) for name in flags),
        )
        .select_from(per_ticket.join(TICKETS, T.id == p.ticket_id))
        .where(live(T))
        .subquery("unsolved_in")
    )


def confirmed_resolutions(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    """Computed with the other facts of the solved tickets (`bot.metrics.solved`)."""
    found = solved_tally(ctx, buckets, scoped=scoped)
    return {key: found[key] for key in SOLVE_KEYS}


def open_tickets(ctx: Context, buckets: Buckets) -> Results:
    """Stale tickets and the tickets proactive updates are counted beside, from history.

    Per bucket: *open* = unsolved at some moment in it (as for the closure rate); *backlog*
    = unsolved at its end (capped at now) with a status then that waits on us (new, open or
    on hold: the latest status change before then, or the current status of a ticket whose
    history the store does not hold); *stale* = backlog tickets whose last public agent
    reply before then (or creation) is older than the priority's threshold.

    The status then is probed once per ticket unsolved at a bucket's end, in a subquery
    the planner keeps (OFFSET 0), so the backlog and stale columns reading it do not each
    repeat the probe; the last reply is probed for backlog tickets only.
    """
    u = _unsolved_in(ctx, buckets).c
    sc = STATUS_CHANGES.alias("status_then")
    ends = buckets.ends(ctx.now)
    statuses = []
    for index, as_of in enumerate(ends):
        # The run's stored status when it was set before then; else the latest change
        # before then (COALESCE evaluates the probe only when the run's status is NULL).
        status_then = func.coalesce(
            u[f"run_status{index}"],
            select(sc.c.status)
            .where(sc.c.ticket_id == u.id, sc.c.at < as_of)
            .order_by(sc.c.at.desc(), sc.c.id.desc())
            .limit(1)
            .scalar_subquery(),
            u.status,
        )
        statuses.append(
            case((u[f"unsolved_end{index}"] == 1, status_then), else_=null()).label(
                f"status{index}"
            )
        )
    per_ticket = (
        select(u.g, u.a, u.id, u.priority, u.created_at, *(u[f"open{i}"] for i in range(len(ends))))
        .add_columns(*statuses)
        .offset(0)
        .subquery("status_then")
    )
    p = per_ticket.c
    # The thresholds the stale sweep reads (bot.policies.stale): calendar hours in SQL, then
    # a business schedule's rule for the calendar-stale tickets in Python, as the sweep does.
    stale_after = thresholds(ctx.settings)
    columns: dict[str, ColumnElement[Any]] = {}
    # Per bucket, the waiting start of each ticket stale there in calendar hours.
    waits: dict[int, ColumnElement[Any]] = {}
    for index, as_of in enumerate(ends):
        reply = COMMENTS.alias()
        last_reply = (
            select(func.max(reply.c.created_at))
            .where(reply.c.ticket_id == p.id, agent_reply(reply.c), reply.c.created_at < as_of)
            .scalar_subquery()
        )
        cutoff = case(
            *((p.priority == name, stamp(as_of - wait)) for name, wait in stale_after.items()),
            else_=stamp(as_of - stale_after["normal"]),
        )
        backlog = p[f"status{index}"].in_(UNSOLVED)
        columns[f"backlog{index}"] = flag(backlog)
        since = func.coalesce(last_reply, p.created_at)
        columns[f"stale{index}"] = case((backlog, flag(since < cutoff)), else_=literal(0))
        waits[index] = case((and_(backlog, since < cutoff), since), else_=null())
        columns[f"open{index}"] = p[f"open{index}"]
    rows = select(p.g, p.a, *(func.sum(c) for c in columns.values())).group_by(p.g, p.a)
    not_yet = _not_stale_in_business_hours(ctx, p, waits, ends, stale_after)
    per_bucket = []
    for row in ctx.conn.execute(rows):
        values = dict(zip(columns, row[2:], strict=True))
        for index in range(len(buckets)):
            if not (values[f"backlog{index}"] or values[f"open{index}"]):
                continue  # a scope with nothing in a bucket has no figure
            per_bucket.append(
                (
                    index,
                    row[0],
                    row[1],
                    values[f"stale{index}"] - not_yet[(index, row[0], row[1])],
                    values[f"backlog{index}"],
                    0,
                    values[f"open{index}"],
                )
            )
    return rollup(per_bucket, ["stale_tickets", "proactive_updates_sent"])


def _not_stale_in_business_hours(
    ctx: Context,
    p: Any,
    waits: dict[int, ColumnElement[Any]],
    ends: tuple[datetime, ...],
    stale_after: dict[str, timedelta],
) -> Counter[tuple[int, Any, Any]]:
    """With STALE_BUSINESS_HOURS, the tickets stale in calendar hours at a bucket's end
    whose wait had not yet lasted their threshold in working hours, per (bucket, group,
    agent): the sweep's rule (`bot.policies.stale`), applied to the few calendar-stale
    tickets in Python. Empty without a schedule."""
    schedule = schedule_of(ctx.settings)
    found: Counter[tuple[int, Any, Any]] = Counter()
    if schedule is None or not waits:
        return found
    query = select(p.g, p.a, p.priority, *waits.values()).where(
        or_(*(wait.is_not(None) for wait in waits.values()))
    )
    for row in ctx.conn.execute(query):
        wait = stale_after.get(row[2], stale_after["normal"])
        for (index, as_of), since in zip(enumerate(ends), row[3:], strict=True):
            if since is None:
                continue
            start = since if since.tzinfo is not None else since.replace(tzinfo=UTC)
            if deadline(start, wait.total_seconds() / 3600, schedule) > as_of:
                found[(index, row[0], row[1])] += 1
    return found


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
