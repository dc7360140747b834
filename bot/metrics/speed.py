"""Speed & effort: handle time, tickets solved per agent-day, and first-contact resolution.

Cohort of all three: tickets *solved* in the bucket, from their history (`ticket_runs`: a
ticket counts once per bucket, at its last solve there, see `query.solved_in`), not deleted,
attributed to the ticket's group and assignee. First-contact resolution looks at the tickets
solved `fcr_window_days` earlier, whose return window has closed (see `fcr_buckets`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import and_, func, literal, or_, select

from bot.metrics.query import (
    ALL,
    Buckets,
    Context,
    Fig,
    Results,
    Scope,
    agent_scope,
    day_buckets,
    first_solve_held,
    flag,
    group_scope,
    live,
    medians,
    number,
    plus_days,
    scoped_select,
    solved_in,
    tally,
)
from bot.store.tables import METRICS, RUNS, SOLVE_FACTS, TICKETS

KEYS = ("aht_minutes", "solved_per_agent_day", "fcr_rate")
M = METRICS.c
R = RUNS.c
T = TICKETS.c

TRACKED_NOTE = "median handle time from the time-tracking field"
RESOLUTION_NOTE = "median first-resolution time (no time-tracking values in this period)"


def compute(
    ctx: Context, buckets: Buckets, *, scoped: bool = True, keys: Collection[str] = KEYS
) -> Results:
    results: Results = {}
    if "aht_minutes" in keys:
        results["aht_minutes"] = aht_minutes(ctx, buckets, scoped=scoped)
    if "solved_per_agent_day" in keys:
        results["solved_per_agent_day"] = solved_per_agent_day(ctx, buckets)
    if "fcr_rate" in keys:
        results.update(fcr_rate(ctx, buckets, scoped=scoped))
    return results


def _solved(buckets: Buckets, *columns: Any, metrics: bool = False) -> Any:
    """The tickets solved in `buckets`: their runs joined to the tickets (and, when
    `metrics`, to Zendesk's metric sets)."""
    source = RUNS.join(TICKETS, T.id == R.ticket_id)
    if metrics:
        source = source.outerjoin(METRICS, M.ticket_id == T.id)
    return (
        scoped_select(
            buckets.index(R.solved_at),
            T.group_id,
            T.assignee_id,
            {f"c{i}": column for i, column in enumerate(columns)},
        )
        .select_from(source)
        .where(solved_in(buckets), live(T))
    )


def aht_minutes(ctx: Context, buckets: Buckets, *, scoped: bool) -> dict[tuple[int, Scope], Fig]:
    """Median minutes per solved ticket: the time-tracking field (seconds) when configured
    and filled on any ticket solved in the last bucket, else first-resolution time. One
    source for every bucket and scope, so the figures compare like with like."""
    field = ctx.settings.zendesk_time_tracking_field_id
    if field is not None:
        seconds = number(ctx, T.custom_fields, str(field))
        minutes = _solved(buckets, seconds / 60.0).subquery()
        rows = select(minutes.c.b, minutes.c.g, minutes.c.a, minutes.c.c0.label("v")).where(
            minutes.c.c0 > 0
        )
        tracked = medians(ctx, rows, scoped=scoped)
        if (len(buckets) - 1, ALL) in tracked:
            for fig in tracked.values():
                fig.note = TRACKED_NOTE
            return tracked
    resolution = _solved(buckets, M.first_resolution_time_calendar, metrics=True).subquery()
    rows = select(resolution.c.b, resolution.c.g, resolution.c.a, resolution.c.c0.label("v"))
    figures = medians(ctx, rows, scoped=scoped)
    note = RESOLUTION_NOTE if field is not None else "median first-resolution time"
    for fig in figures.values():
        fig.note = note
    return figures


def solved_per_agent_day(ctx: Context, buckets: Buckets) -> dict[tuple[int, Scope], Fig]:
    """Tickets solved (with an assignee) per agent-day: a (agent, local day) on which the
    agent solved at least one ticket. A group's agent-days are those its tickets were solved
    on; the overall figure counts an agent once a day whatever the group."""
    days, owner = day_buckets(buckets)
    per_day = (
        scoped_select(days.index(R.solved_at), T.group_id, T.assignee_id, {"one": literal(1)})
        .select_from(RUNS.join(TICKETS, T.id == R.ticket_id))
        .where(solved_in(days), live(T), T.assignee_id.is_not(None))
        .subquery()
    )
    rows = ctx.conn.execute(
        select(per_day.c.b, per_day.c.g, per_day.c.a, func.count()).group_by(
            per_day.c.b, per_day.c.g, per_day.c.a
        )
    ).all()
    solved: dict[tuple[int, Scope], int] = {}
    agent_days: dict[tuple[int, Scope], set[tuple[int, int]]] = {}
    for day, group, agent, count in rows:
        bucket = owner[int(day)]
        scopes = [ALL, agent_scope(int(agent))]
        if group is not None:
            scopes.append(group_scope(int(group)))
        for scope in scopes:
            solved[(bucket, scope)] = solved.get((bucket, scope), 0) + int(count)
            agent_days.setdefault((bucket, scope), set()).add((int(agent), int(day)))
    return {key: Fig(float(solved[key]), float(len(agent_days[key]))) for key in solved}


def fcr_buckets(ctx: Context, buckets: Buckets) -> Buckets:
    """The solve dates first-contact resolution looks at: `fcr_window_days` earlier."""
    return buckets.shifted(-ctx.fcr_days)


def fcr_rate(ctx: Context, buckets: Buckets, *, scoped: bool) -> Results:
    """Of tickets solved in the shifted buckets, those solved for the first time and not
    reopened within `fcr_window_days` of it, whose requester opened no other ticket in the
    `fcr_window_days` after the solve: the first such ticket is stored with the solve
    (`solve_facts.returned_at`), so no probe per solve."""
    shifted = fcr_buckets(ctx, buckets)
    f = SOLVE_FACTS.c
    stayed = or_(
        f.returned_at.is_(None), f.returned_at >= plus_days(ctx, f.solved_at, ctx.fcr_days)
    )
    rows = (
        scoped_select(
            shifted.index(f.solved_at),
            T.group_id,
            T.assignee_id,
            {"c0": flag(and_(first_solve_held(ctx, f), stayed)), "c1": literal(1)},
        )
        .select_from(SOLVE_FACTS.join(TICKETS, T.id == f.ticket_id))
        .where(solved_in(shifted, f), live(T))
    )
    return tally(ctx, rows, {"fcr_rate": ("c0", "c1")}, scoped=scoped)
