"""The conflict audit: where a traditional metric and a human one disagree.

*Tickets*: a few examples from the period that look good on a traditional metric and feel
bad on a human one, each with a link a manager can open:

1. solved fast (first resolution within `FAST_MINUTES`) but reopened (within the FCR
   window, or already before its last solve in the period);
2. solved, but the requester came back with a new ticket within `fcr_window_days` (tickets
   solved in the FCR period, whose window has closed);
3. solved, but the customer's last message was negative;
4. rated good (CSAT), but the customer's last message was negative.

*Agents*: agents whose rank by tickets solved and rank by a human metric (authentic empathy,
first-contact resolution) are far apart, framed as a coaching suggestion that shows the
figures it ranks on. Only agents with enough cases (`Settings.min_sample`) are ranked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from math import ceil
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, literal, select

from bot.digest.figures import format_value
from bot.metrics.change import enough_cases, two_proportion_p
from bot.metrics.model import METRIC_INFO, AgentRankGap, ConflictTicket, Metric
from bot.metrics.query import (
    Buckets,
    Context,
    live,
    message_value,
    plus_days,
    reopened_after_solve,
    solved_in,
    stamp,
)
from bot.settings import Settings
from bot.store.tables import METRICS, RATINGS, RUNS, TICKETS

MAX_EXAMPLES = 5
FAST_MINUTES = 60
MAX_GAPS = 5

T = TICKETS.c
M = METRICS.c
R = RUNS.c


@dataclass(frozen=True)
class _Example:
    ticket_id: int
    subject: str | None
    agent_id: int | None
    looks_good: str
    feels_bad: str
    related_id: int | None = None  # the other ticket it names ("opened #33")


def _minutes(minutes: float) -> str:
    if minutes < 90:
        return f"{minutes:.0f} min"
    if minutes < 48 * 60:
        return f"{minutes / 60:.1f} h"
    return f"{minutes / 1440:.1f} days"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def conflict_tickets(
    ctx: Context,
    period: Buckets,
    fcr_period: Buckets,
    agent_name: Callable[[int], str],
    zendesk_url: str | None = None,
) -> list[ConflictTicket]:
    """Up to MAX_EXAMPLES tickets, taking each kind of conflict in turn."""
    kinds: list[Callable[[], list[_Example]]] = [
        lambda: _fast_but_reopened(ctx, period),
        lambda: _came_back(ctx, fcr_period),
        lambda: _negative_ending(ctx, period),
        lambda: _good_rating_negative_ending(ctx, period),
    ]
    lists = [kind() for kind in kinds]
    chosen: list[_Example] = []
    seen: set[int] = set()
    for position in range(MAX_EXAMPLES):
        for examples in lists:
            if position < len(examples) and examples[position].ticket_id not in seen:
                chosen.append(examples[position])
                seen.add(examples[position].ticket_id)
    base = zendesk_url.rstrip("/") if zendesk_url else None

    def url(ticket_id: int | None) -> str | None:
        return f"{base}/agent/tickets/{ticket_id}" if base and ticket_id is not None else None

    return [
        ConflictTicket(
            ticket_id=e.ticket_id,
            url=url(e.ticket_id),
            subject=e.subject,
            looks_good=e.looks_good,
            feels_bad=e.feels_bad,
            agent=agent_name(e.agent_id) if e.agent_id is not None else None,
            related_ticket_id=e.related_id,
            related_url=url(e.related_id),
        )
        for e in chosen[:MAX_EXAMPLES]
    ]


def _solved(period: Buckets, *columns: Any) -> Any:
    """The tickets solved in `period` (from history, `query.solved_in`)."""
    return (
        select(T.id, T.subject, T.assignee_id, *columns)
        .select_from(
            RUNS.join(TICKETS, T.id == R.ticket_id).outerjoin(METRICS, M.ticket_id == T.id)
        )
        .where(solved_in(period), live(T))
    )


def _fast_but_reopened(ctx: Context, period: Buckets) -> list[_Example]:
    minutes = M.first_resolution_time_calendar
    # Reopens so far: one before each earlier solve, and one after this solve if it came
    # within the FCR window (and before now).
    after = case(
        (
            and_(
                R.reopened_at < plus_days(ctx, R.solved_at, ctx.fcr_days),
                R.reopened_at < stamp(ctx.now),
            ),
            literal(1),
        ),
        else_=literal(0),
    )
    rows = ctx.conn.execute(
        _solved(period, minutes, R.seq - 1 + after)
        .where(reopened_after_solve(ctx, period), minutes <= FAST_MINUTES)
        .order_by(minutes, T.id)
        .limit(MAX_EXAMPLES)
    )
    return [
        _Example(
            tid,
            subject,
            agent,
            f"solved in {_minutes(float(took))}",
            f"reopened {_plural(int(reopens), 'time')}",
        )
        for tid, subject, agent, took, reopens in rows
    ]


def _came_back(ctx: Context, period: Buckets) -> list[_Example]:
    other = TICKETS.alias("other")
    first_return = (
        select(other.c.id)
        .where(
            other.c.requester_id == T.requester_id,
            other.c.id != T.id,
            live(other.c),
            other.c.created_at > R.solved_at,
            other.c.created_at < plus_days(ctx, R.solved_at, ctx.fcr_days),
        )
        .order_by(other.c.created_at, other.c.id)
        .limit(1)
        .scalar_subquery()
    )
    solved = _solved(period, R.solved_at, first_return.label("return_id")).subquery()
    rows = ctx.conn.execute(
        select(solved, other.c.created_at)
        .join(other, other.c.id == solved.c.return_id)
        .order_by(solved.c.solved_at.desc(), solved.c.id)
        .limit(MAX_EXAMPLES)
    )
    examples = []
    zone = ZoneInfo(period.timezone)
    for tid, subject, agent, solved_at, return_id, returned_at in rows:
        solved_on = solved_at.astimezone(zone).date()
        examples.append(
            _Example(
                tid,
                subject,
                agent,
                f"solved {solved_on.day} {solved_on:%b}",
                f"the requester opened #{return_id} {_gap(solved_at, returned_at)} later",
                related_id=int(return_id),
            )
        )
    return examples


def _gap(start: datetime, end: datetime) -> str:
    return _minutes((end - start).total_seconds() / 60)


def _negative_ending(ctx: Context, period: Buckets) -> list[_Example]:
    cap = period.end_of(R.solved_at, ctx.now)
    ended = message_value(T.id, "sentiment_label", lambda c: c.created_at < cap, last=True)
    solved = _solved(period, R.solved_at, ended.label("ended")).subquery()
    rows = ctx.conn.execute(
        select(solved.c.id, solved.c.subject, solved.c.assignee_id)
        .where(solved.c.ended == "negative")
        .order_by(solved.c.solved_at.desc(), solved.c.id)
        .limit(MAX_EXAMPLES)
    )
    negative = "the customer's last message was negative"
    return [
        _Example(tid, subject, agent, "marked solved", negative) for tid, subject, agent in rows
    ]


def _good_rating_negative_ending(ctx: Context, period: Buckets) -> list[_Example]:
    r = RATINGS.c
    cap = period.end_of(r.created_at, ctx.now)
    ended = message_value(r.ticket_id, "sentiment_label", lambda c: c.created_at < cap, last=True)
    rated = (
        select(T.id, T.subject, T.assignee_id, r.created_at, ended.label("ended"))
        .select_from(RATINGS.join(TICKETS, T.id == r.ticket_id))
        .where(period.within(r.created_at), r.score == "good", live(T))
        .subquery()
    )
    rows = ctx.conn.execute(
        select(rated.c.id, rated.c.subject, rated.c.assignee_id)
        .where(rated.c.ended == "negative")
        .order_by(rated.c.created_at.desc(), rated.c.id)
        .limit(MAX_EXAMPLES)
    )
    negative = "the customer's last message was negative"
    return [
        _Example(tid, subject, agent, "rated good (CSAT)", negative) for tid, subject, agent in rows
    ]


def _ranks(values: Mapping[str, float]) -> dict[str, int]:
    """1 for the highest value; ties share the better rank."""
    return {
        name: 1 + sum(1 for other in values.values() if other > v) for name, v in values.items()
    }


@dataclass(frozen=True)
class _Ranked:
    solved: int
    cases: float  # the human metric's denominator
    hits: float  # its numerator
    value: float


def agent_gaps(
    by_agent: Mapping[str, Mapping[str, Metric]],
    settings: Settings,
    names: Mapping[str, str] | None = None,
) -> list[AgentRankGap]:
    """Agents whose rank by tickets solved and rank on a human metric are far apart.

    Ranked: agents who solved at least one ticket in the period and have at least
    `settings.min_sample(human)` cases on the human metric; at least three of them. "Far
    apart": ranks differ by at least half the number ranked (and at least 2), and the
    agent's human rate differs from the other ranked agents' pooled rate beyond noise (a
    two-proportion z-test at `settings.digest_significance`). `names` turns `by_agent`'s
    keys into display names.
    """
    names = names or {}
    gaps: list[tuple[int, AgentRankGap]] = []
    for human in ("authentic_empathy_rate", "fcr_rate"):
        floor = settings.min_sample(human)
        ranked: dict[str, _Ranked] = {}
        for key, metrics in by_agent.items():
            volume = metrics.get("solved_per_agent_day")
            score = metrics.get(human)
            if volume is None or score is None or not volume.numerator:
                continue
            if score.value is None or not enough_cases(score, floor):
                continue
            cases = float(score.denominator or 0)
            hits = score.numerator if score.numerator is not None else score.value * cases
            ranked[key] = _Ranked(int(volume.numerator), cases, float(hits), score.value)
        if len(ranked) < 3:
            continue
        traditional_rank = _ranks({k: float(r.solved) for k, r in ranked.items()})
        human_rank = _ranks({k: r.value for k, r in ranked.items()})
        threshold = max(2, ceil(len(ranked) / 2))
        for key, mine in ranked.items():
            gap = abs(traditional_rank[key] - human_rank[key])
            if gap < threshold or not _stands_out(key, ranked, settings):
                continue
            name = names.get(key, key)
            figures = _rank_figures(
                mine, human, traditional_rank[key], human_rank[key], len(ranked)
            )
            gaps.append(
                (
                    gap,
                    AgentRankGap(
                        agent=name,
                        traditional_rank=traditional_rank[key],
                        human_rank=human_rank[key],
                        agents_ranked=len(ranked),
                        suggestion=_suggestion(
                            name,
                            traditional_rank[key],
                            human_rank[key],
                            len(ranked),
                            human,
                            figures,
                        ),
                        human_metric=human,
                        solved=mine.solved,
                        human_numerator=mine.hits,
                        human_denominator=mine.cases,
                        human_value=mine.value,
                        agent_key=key,
                    ),
                )
            )
    gaps.sort(key=lambda pair: (-pair[0], pair[1].agent, pair[1].human_metric))
    return [gap for _, gap in gaps[:MAX_GAPS]]


def _stands_out(key: str, ranked: Mapping[str, _Ranked], settings: Settings) -> bool:
    """The agent's human rate differs from everyone else's pooled rate beyond noise."""
    mine = ranked[key]
    others = [r for k, r in ranked.items() if k != key]
    hits, cases = sum(r.hits for r in others), sum(r.cases for r in others)
    return two_proportion_p(mine.hits, mine.cases, hits, cases) < settings.digest_significance


def _rank_figures(mine: _Ranked, key: str, traditional: int, human: int, ranked: int) -> str:
    """E.g. "solved 41 (rank 1 of 6); authentic empathy 2 of 9 = 22% (rank 6 of 6)"."""
    info = METRIC_INFO[key]
    share = format_value(info, mine.value)
    return (
        f"solved {mine.solved:,} (rank {traditional} of {ranked}); "
        f"{info.label.lower()} {mine.hits:,.0f} of {mine.cases:,.0f} = {share} "
        f"(rank {human} of {ranked})"
    )


def _suggestion(
    name: str, traditional: int, human: int, ranked: int, key: str, figures: str
) -> str:
    label = METRIC_INFO[key].label.lower()
    if traditional < human:
        if key == "fcr_rate":
            advice = (
                "look together at a few of their tickets that came back: quick solves may be "
                "skipping a check with the customer"
            )
        else:
            advice = (
                "review a few of their replies to upset customers together: the speed is "
                "there, the customer may not feel heard"
            )
        return (
            f"{name} is #{traditional} of {ranked} for tickets solved but #{human} for "
            f"{label} ({figures}): {advice}."
        )
    return (
        f"{name} is #{human} of {ranked} for {label} but #{traditional} for tickets solved "
        f"({figures}): what they do works for customers — worth sharing with the team, and "
        "worth asking what slows their queue."
    )
