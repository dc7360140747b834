"""Nudges for agents: what to tell whom, and when to keep quiet.

A sweep (`sweep`) runs in two steps, each in its own transactions:

1. **Decide.** Every nudge is recorded in `nudges` under a unique key, so deciding twice
   (a second sweep, a second replica) records once:
   - `stale`: a ticket waiting on us too long (`decide_stale`, given the stale tickets by
     the caller, with the draft of a proactive update when there is one);
   - `context`: a ticket newly assigned to an agent whose requester has history: the
     context card (`bot.policies.context_card`); a new assignment is an assignee that
     differs from the one `nudge_assignments` saw last;
   - `coach_upsell` / `coach_empathy`: after the fact, a public reply that offered an
     upgrade while the customer was upset, or met an upset message with a stock phrase
     only (the `reply_facts` the metrics read).
2. **Deliver.** Per agent, the due nudges go out as *one* Slack DM (a `slack.dm` outbox
   row to the agent's Slack email, Block Kit with the shared action ids), unless:
   - the agent opted out (the nudges are dropped);
   - Slack has nobody for them (they wait, and the link is looked up again);
   - the ticket is snoozed by them (that nudge waits until the snooze ends);
   - it is their quiet hours in their Slack time zone (all wait until the window ends);
   - they already got `NUDGE_MAX_PER_HOUR` DMs in the last hour, counting the resolution
     flow's "the customer says it is still broken" DMs to them (all wait for a free slot).
   Marking the nudges sent is conditional on them still being due, in the transaction that
   queues the DM, so two sweeps never both send a batch.

The resolution flow queues its own "still broken" DM (bot/resolution/sweep.py); it is not
batched with these, but it counts against the agent's hourly cap here.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, and_, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from bot.chat import Chat, ChatError
from bot.digest.mrkdwn import link, literal, plain
from bot.outbox import SLACK_DM, SLACK_MESSAGE, enqueue
from bot.policies.context_card import build_card, card_blocks, context_card, has_history
from bot.policies.people import Agent, resolve_agent
from bot.resolution.quiet import next_allowed, parse_quiet_hours, zone_or
from bot.settings import Settings
from bot.store.nudges import DROPPED, DUE, SENT
from bot.store.solves import refresh_pending
from bot.store.tables import (
    AGENT_LINKS,
    COMMENTS,
    NUDGE_ASSIGNMENTS,
    NUDGE_SNOOZES,
    NUDGES,
    OUTBOX,
    REPLY_FACTS,
    TICKETS,
    USERS,
)

__all__ = [
    "KINDS",
    "AgentReport",
    "QueuedItem",
    "StaleItem",
    "SweepResult",
    "context_card",
    "decide_assignments",
    "decide_coaching",
    "decide_stale",
    "deliver_due",
    "queued_for",
    "render_batch",
    "snooze",
    "sweep",
]

log = logging.getLogger("alignbot.nudges")

KINDS = ("stale", "context", "coach_upsell", "coach_empathy")
#: At most this many nudges in one DM: Block Kit allows 50 blocks, a context card takes 8.
MAX_BATCH = 5
#: Statuses of tickets still on someone's plate.
WORKING = ("new", "open", "pending", "hold")
SNOOZE_HOURS = 4
HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class StaleItem:
    """A stale ticket as the stale definition gives it (bot/policies/stale.py), with the
    draft of its proactive update when review mode made one."""

    ticket_id: int
    assignee_id: int | None
    waited: timedelta
    draft_id: int | None = None


@dataclass(frozen=True)
class QueuedItem:
    """A nudge waiting for an agent, for `/alignbot queue`."""

    kind: str
    ticket_id: int
    summary: str
    due_at: datetime


@dataclass
class AgentReport:
    """What one sweep did for one agent."""

    agent: str
    sent: int = 0
    waiting: dict[str, int] = field(default_factory=dict)  # why -> how many
    dropped: int = 0

    def line(self) -> str:
        parts = []
        if self.sent:
            parts.append(f"{self.sent} nudge(s) in one DM")
        parts += [f"{n} waiting ({why})" for why, n in sorted(self.waiting.items())]
        if self.dropped:
            parts.append(f"{self.dropped} dropped (opted out)")
        return f"{self.agent}: " + (", ".join(parts) or "nothing due")


@dataclass
class SweepResult:
    """What a sweep decided (new nudges by kind) and did per agent."""

    decided: dict[str, int] = field(default_factory=dict)
    agents: list[AgentReport] = field(default_factory=list)

    @property
    def messages(self) -> int:
        return sum(1 for a in self.agents if a.sent)

    def lines(self) -> list[str]:
        decided = ", ".join(f"{k} {n}" for k, n in sorted(self.decided.items()) if n) or "none"
        return [f"decided: {decided}"] + [a.line() for a in self.agents]


# ----- deciding -----------------------------------------------------------------------------


def _record(
    connection: Connection,
    *,
    key: str,
    agent_id: int,
    kind: str,
    ticket_id: int,
    payload: dict[str, Any],
    now: datetime,
) -> bool:
    values = {
        "key": key,
        "agent_id": agent_id,
        "kind": kind,
        "ticket_id": ticket_id,
        "status": DUE,
        "due_at": now,
        "payload": payload,
        "created_at": now,
    }
    insert: Any = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = insert(NUDGES).values(**values).on_conflict_do_nothing(index_elements=["key"])
    return connection.execute(statement.returning(NUDGES.c.id)).first() is not None


def _last_agent_reply(connection: Connection, ticket_id: int) -> int:
    c = COMMENTS.c
    found = connection.execute(
        select(c.id)
        .where(c.ticket_id == ticket_id, c.author_role == "agent", c.public.is_(True))
        .order_by(c.created_at.desc(), c.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return int(found) if found is not None else 0


def decide_stale(connection: Connection, items: Sequence[StaleItem], now: datetime) -> int:
    """Record a `stale` nudge for each assigned stale ticket, once per time it went stale:
    the key holds the ticket's last public agent reply (0: none yet), so the nudge comes
    again only after a reply ended one wait and a new wait grew too long, however the wait
    is measured (calendar or business hours). Returns how many are new."""
    new = 0
    for item in items:
        if item.assignee_id is None:
            continue
        payload: dict[str, Any] = {"waited_hours": round(item.waited / HOUR, 1)}
        if item.draft_id is not None:
            payload["draft_id"] = item.draft_id
        episode = _last_agent_reply(connection, item.ticket_id)
        new += _record(
            connection,
            key=f"nudge:stale:{item.ticket_id}:{item.assignee_id}:{episode}",
            agent_id=item.assignee_id,
            kind="stale",
            ticket_id=item.ticket_id,
            payload=payload,
            now=now,
        )
    return new


def decide_assignments(connection: Connection, settings: Settings, now: datetime) -> int:
    """Record a `context` nudge for each ticket assigned (to someone new) since the nudges
    last looked, when its requester has history. Only tickets updated in the last
    `NUDGE_LOOKBACK_HOURS` are read, so the first sweep does not card every old ticket."""
    t, a = TICKETS.c, NUDGE_ASSIGNMENTS.c
    rows = connection.execute(
        select(t.id, t.assignee_id)
        .select_from(TICKETS.outerjoin(NUDGE_ASSIGNMENTS, a.ticket_id == t.id))
        .where(
            t.assignee_id.is_not(None),
            t.status.in_(WORKING),
            t.deleted.is_(False),
            t.updated_at >= now - timedelta(hours=settings.nudge_lookback_hours),
            or_(a.ticket_id.is_(None), a.assignee_id.is_distinct_from(t.assignee_id)),
        )
        .order_by(t.id)
    ).all()
    insert: Any = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    new = 0
    for row in rows:
        seen = insert(NUDGE_ASSIGNMENTS).values(
            ticket_id=row.id, assignee_id=row.assignee_id, seen_at=now
        )
        connection.execute(
            seen.on_conflict_do_update(
                index_elements=["ticket_id"],
                set_={"assignee_id": seen.excluded.assignee_id, "seen_at": seen.excluded.seen_at},
            )
        )
        if has_history(connection, row.id):
            new += _record(
                connection,
                key=f"nudge:context:{row.id}:{row.assignee_id}",
                agent_id=row.assignee_id,
                kind="context",
                ticket_id=row.id,
                payload={},
                now=now,
            )
    return new


def _customer_words_before(connection: Connection, ticket_id: int, at: datetime) -> str:
    c = COMMENTS.c
    body = connection.execute(
        select(c.body)
        .where(
            c.ticket_id == ticket_id,
            c.author_role == "customer",
            c.public.is_(True),
            c.created_at <= at,
        )
        .order_by(c.created_at.desc(), c.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return body or ""


def decide_coaching(connection: Connection, settings: Settings, now: datetime) -> int:
    """Record a coaching nudge for each public agent reply of the last
    `NUDGE_LOOKBACK_HOURS` that offered an upgrade while the customer's latest message was
    negative (`coach_upsell`), or met an upset message with scripted empathy only
    (`coach_empathy`). The nudge goes to the reply's author, with the customer's words."""
    f = REPLY_FACTS.c
    rows = connection.execute(
        select(f.comment_id, f.ticket_id, f.created_at, f.author_id, f.upsell, f.mood, f.empathy)
        .select_from(REPLY_FACTS.join(USERS, USERS.c.id == f.author_id))
        .where(
            f.created_at >= now - timedelta(hours=settings.nudge_lookback_hours),
            f.created_at <= now,
            USERS.c.role.in_(("agent", "admin")),
            or_(
                and_(f.upsell.is_(True), f.mood == "negative"),
                and_(f.empathy == "scripted", f.weighty > 0),
            ),
        )
        .order_by(f.created_at, f.comment_id)
    ).all()
    new = 0
    for row in rows:
        kind = "coach_upsell" if row.upsell and row.mood == "negative" else "coach_empathy"
        words = _customer_words_before(connection, row.ticket_id, row.created_at)
        new += _record(
            connection,
            key=f"nudge:{kind}:{row.comment_id}",
            agent_id=row.author_id,
            kind=kind,
            ticket_id=row.ticket_id,
            payload={"comment_id": row.comment_id, "words": words[:1000]},
            now=now,
        )
    return new


# ----- rendering ----------------------------------------------------------------------------


def _buttons(connection: Connection, settings: Settings, nudge: Any) -> dict[str, Any]:
    elements: list[dict[str, Any]] = []
    draft_id = nudge.payload.get("draft_id")
    if nudge.kind == "stale" and draft_id is not None and _open_draft(connection, draft_id):
        elements += [
            {
                "type": "button",
                "action_id": "alignbot_update_send",
                "text": {"type": "plain_text", "text": "Send update now"},
                "style": "primary",
                "value": str(draft_id),
            },
            {
                "type": "button",
                "action_id": "alignbot_update_edit",
                "text": {"type": "plain_text", "text": "Edit"},
                "value": str(draft_id),
            },
            {
                "type": "button",
                "action_id": "alignbot_update_skip",
                "text": {"type": "plain_text", "text": "Skip"},
                "value": str(draft_id),
            },
        ]
    elements += [
        {
            "type": "button",
            "action_id": "alignbot_open_ticket",
            "text": {"type": "plain_text", "text": "Open in Zendesk"},
            "url": settings.ticket_url(nudge.ticket_id),
        },
        {
            "type": "button",
            "action_id": "alignbot_nudge_snooze",
            "text": {"type": "plain_text", "text": f"Snooze {SNOOZE_HOURS} h"},
            "value": json.dumps({"ticket": nudge.ticket_id, "hours": SNOOZE_HOURS}),
        },
    ]
    return {"type": "actions", "block_id": f"nudge_{nudge.id}", "elements": elements}


def _open_draft(connection: Connection, draft_id: int) -> Any:
    """The review draft still waiting for a decision, or None."""
    from bot.store.tables import PROACTIVE_UPDATES

    p = PROACTIVE_UPDATES.c
    return connection.execute(
        select(p.body, p.due_at).where(p.id == draft_id, p.status == "drafted")
    ).first()


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _nudge_blocks(connection: Connection, settings: Settings, nudge: Any) -> list[dict[str, Any]]:
    subject = connection.execute(
        select(TICKETS.c.subject).where(TICKETS.c.id == nudge.ticket_id)
    ).scalar_one_or_none()
    ref = link(settings.ticket_url(nudge.ticket_id), f"#{nudge.ticket_id}")
    title = f"{ref} {literal(subject or '(no subject)', 80)}"
    blocks: list[dict[str, Any]]
    match nudge.kind:
        case "stale":
            hours = nudge.payload.get("waited_hours", 0)
            text = (
                f"*Waiting on us for {hours:g} h:* {title}\n"
                "The customer has not heard from us in a while. A short update helps, "
                "even without news."
            )
            blocks = [_section(text)]
            if nudge.payload.get("draft_id") is not None:
                draft = _open_draft(connection, int(nudge.payload["draft_id"]))
                if draft is not None:
                    due = draft.due_at.strftime("%H:%M UTC") if draft.due_at else "later"
                    fate = "sent" if settings.proactive_review_default == "send" else "dropped"
                    blocks.append(
                        _section(
                            "A proposed update for the customer is ready: send it as it is, "
                            f"edit it, or skip it (undecided, it is {fate} at {due})."
                        )
                    )
                    # The draft is the customer's own situation: plain_text, never mrkdwn.
                    blocks.append(
                        {
                            "type": "section",
                            "text": {"type": "plain_text", "text": draft.body[:2900]},
                        }
                    )
        case "context":
            card = build_card(connection, nudge.ticket_id)
            blocks = [_section(f"*Newly assigned to you:* {title}")]
            if card is not None:
                blocks += card_blocks(card, settings)[1][1:]  # the title is said above
        case "coach_upsell":
            words = literal(nudge.payload.get("words") or "", 200)
            blocks = [
                _section(
                    f"*A thought on* {title}\nThe customer was upset when they wrote:\n"
                    f"> “{words}”\n"
                    "and the reply also mentioned an upgrade. Offers tend to land better "
                    "once the problem is solved and they feel heard; it can wait until then."
                )
            ]
        case _:
            words = literal(nudge.payload.get("words") or "", 200)
            blocks = [
                _section(
                    f"*A thought on* {title}\nThe customer wrote:\n> “{words}”\n"
                    "The reply's empathy was a standard phrase. A sentence in your own words "
                    "about what they described usually feels more genuine to someone upset."
                )
            ]
    return [*blocks, _buttons(connection, settings, nudge)]


SUMMARY = {
    "stale": "waiting on us",
    "context": "newly assigned, with history",
    "coach_upsell": "a thought on an upgrade offer",
    "coach_empathy": "a thought on empathy",
}


def render_batch(
    connection: Connection, settings: Settings, agent: Agent, nudges: Sequence[Any]
) -> tuple[str, list[dict[str, Any]]]:
    """(fallback text, blocks) of one DM carrying `nudges` for `agent`."""
    name = plain(agent.name or "there", 40).split(" ")[0]
    count = len(nudges)
    intro = f"Hi {literal(name)}, {'one thing' if count == 1 else f'{count} things'} that may help:"
    blocks: list[dict[str, Any]] = [_section(intro)]
    for nudge in nudges:
        blocks.append({"type": "divider"})
        blocks += _nudge_blocks(connection, settings, nudge)
    text = "; ".join(f"#{n.ticket_id} {SUMMARY[n.kind]}" for n in nudges)
    return f"alignbot: {text}", blocks


# ----- delivering ---------------------------------------------------------------------------


class _Lost(Exception):
    """Another sweep sent these nudges first."""


def _recent_dms(connection: Connection, targets: list[str], now: datetime) -> list[datetime]:
    o = OUTBOX.c
    return list(
        connection.execute(
            select(o.created_at)
            .where(
                o.kind.in_((SLACK_DM, SLACK_MESSAGE)),
                func.lower(o.target).in_(targets),
                o.created_at > now - HOUR,
                o.created_at <= now,
            )
            .order_by(o.created_at)
        ).scalars()
    )


def _wait(connection: Connection, ids: Sequence[int], until: datetime, note: str) -> None:
    if ids:
        connection.execute(
            update(NUDGES)
            .where(NUDGES.c.id.in_(ids), NUDGES.c.status == DUE)
            .values(due_at=until, note=note)
        )


def _deliver_agent(
    connection: Connection,
    settings: Settings,
    chat: Chat | None,
    agent_id: int,
    now: datetime,
) -> AgentReport:
    n = NUDGES.c
    due = connection.execute(
        select(NUDGES)
        .where(n.agent_id == agent_id, n.status == DUE, n.due_at <= now)
        .order_by(n.due_at, n.id)
    ).all()
    agent = resolve_agent(connection, settings, chat, agent_id, now)
    report = AgentReport(agent=agent.email if agent else f"agent {agent_id}")
    ids = [r.id for r in due]
    if agent is None or agent.opted_out:
        connection.execute(
            update(NUDGES)
            .where(n.id.in_(ids), n.status == DUE)
            .values(status=DROPPED, note="opted out" if agent else "not an agent")
        )
        report.dropped = len(ids)
        return report
    if agent.slack_user_id is None and (chat is not None or agent.dm_email is None):
        _wait(connection, ids, now + HOUR, "not found in Slack")
        report.waiting["not found in Slack"] = len(ids)
        return report
    snoozed: dict[int, datetime] = {}
    if agent.slack_user_id is not None:
        snoozed = {
            r.ticket_id: r.until
            for r in connection.execute(
                select(NUDGE_SNOOZES.c.ticket_id, NUDGE_SNOOZES.c.until).where(
                    NUDGE_SNOOZES.c.slack_user_id == agent.slack_user_id,
                    NUDGE_SNOOZES.c.until > now,
                )
            )
        }
    ready = []
    for row in due:
        if row.ticket_id in snoozed:
            _wait(connection, [row.id], snoozed[row.ticket_id], "snoozed")
            report.waiting["snoozed"] = report.waiting.get("snoozed", 0) + 1
        else:
            ready.append(row)
    if not ready:
        return report
    ready_ids = [r.id for r in ready]
    zone = zone_or(agent.tz, ZoneInfo(settings.alignbot_timezone))
    allowed = next_allowed(now, parse_quiet_hours(settings.nudge_quiet_hours), zone)
    if allowed > now:
        _wait(connection, ready_ids, allowed, "quiet hours")
        report.waiting["quiet hours"] = len(ready_ids)
        return report
    targets = sorted({agent.email, *([agent.dm_email] if agent.dm_email else [])})
    channel: str | None = None
    if agent.dm_email is None:
        assert agent.slack_user_id is not None
        if chat is None:
            _wait(connection, ready_ids, now + HOUR, "needs Slack to open the DM")
            report.waiting["needs Slack to open the DM"] = len(ready_ids)
            return report
        try:
            channel = chat.open_direct_message(agent.slack_user_id)
        except ChatError as exc:
            log.warning("opening a DM with agent %s failed: %s", agent_id, type(exc).__name__)
            _wait(connection, ready_ids, now + HOUR, "DM could not be opened")
            report.waiting["DM could not be opened"] = len(ready_ids)
            return report
        targets.append(channel.lower())
    recent = _recent_dms(connection, [t.lower() for t in targets], now)
    if len(recent) >= settings.nudge_max_per_hour:
        free = recent[len(recent) - settings.nudge_max_per_hour] + HOUR
        _wait(connection, ready_ids, free, "hourly cap")
        report.waiting["hourly cap"] = len(ready_ids)
        return report
    batch = ready[:MAX_BATCH]
    batch_ids = [r.id for r in batch]
    text, blocks = render_batch(connection, settings, agent, batch)
    digest = hashlib.sha256(",".join(map(str, batch_ids)).encode()).hexdigest()[:16]
    key = f"nudges:{agent_id}:{digest}"
    with connection.begin_nested():
        moved = connection.execute(
            update(NUDGES)
            .where(n.id.in_(batch_ids), n.status == DUE)
            .values(status=SENT, sent_at=now, outbox_key=key, note=None)
        ).rowcount
        if moved != len(batch_ids):
            raise _Lost
        if channel is not None:
            enqueue(
                connection,
                key=key,
                kind=SLACK_MESSAGE,
                target=channel,
                payload={"text": text, "blocks": blocks},
                now=now,
            )
        else:
            assert agent.dm_email is not None
            enqueue(
                connection,
                key=key,
                kind=SLACK_DM,
                target=agent.dm_email,
                payload={"text": text, "blocks": blocks},
                now=now,
            )
    report.sent = len(batch)
    if len(ready) > len(batch):
        report.waiting["next message"] = len(ready) - len(batch)
    return report


def deliver_due(
    engine: Engine, settings: Settings, chat: Chat | None, now: datetime
) -> list[AgentReport]:
    """Send each agent's due nudges as one DM, within the restraint rules (module doc); one
    transaction per agent. Returns what was done per agent, in agent id order."""
    with engine.connect() as connection:
        agents = (
            connection.execute(
                select(NUDGES.c.agent_id)
                .where(NUDGES.c.status == DUE, NUDGES.c.due_at <= now)
                .distinct()
                .order_by(NUDGES.c.agent_id)
            )
            .scalars()
            .all()
        )
    reports = []
    for agent_id in agents:
        try:
            with engine.begin() as connection:
                reports.append(_deliver_agent(connection, settings, chat, agent_id, now))
        except _Lost:
            log.info("agent %s's nudges were sent by another sweep", agent_id)
    return reports


def sweep(
    engine: Engine,
    settings: Settings,
    now: datetime,
    *,
    chat: Chat | None = None,
    stale: Sequence[StaleItem] = (),
) -> SweepResult:
    """One pass: decide (stale, context, coaching) and queue each agent's due nudges as one
    DM. `chat` is used to find agents' Slack users (cached); `stale` are the stale tickets
    the stale definition found (the caller's, so this module does not depend on it)."""
    result = SweepResult()
    with engine.begin() as connection:
        result.decided["stale"] = decide_stale(connection, stale, now)
    with engine.begin() as connection:
        result.decided["context"] = decide_assignments(connection, settings, now)
    # Reply facts a run that died left marked stale are refreshed first, as the digest does.
    refresh_pending(engine)
    with engine.begin() as connection:
        result.decided["coaching"] = decide_coaching(connection, settings, now)
    result.agents = deliver_due(engine, settings, chat, now)
    return result


# ----- what the Slack app calls -------------------------------------------------------------


def snooze(
    engine: Engine, *, slack_user_id: str, ticket_id: int, until: datetime, now: datetime
) -> None:
    """Hold this Slack user's nudges about `ticket_id` until `until` (a later snooze of the
    same ticket replaces it). Nudges due meanwhile wait and come back after."""
    values = {
        "slack_user_id": slack_user_id,
        "ticket_id": ticket_id,
        "until": until,
        "created_at": now,
    }
    with engine.begin() as connection:
        insert: Any = (
            postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
        )
        statement = insert(NUDGE_SNOOZES).values(**values)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=["slack_user_id", "ticket_id"],
                set_={
                    "until": statement.excluded.until,
                    "created_at": statement.excluded.created_at,
                },
            )
        )


def queued_for(engine: Engine, *, slack_user_id: str, now: datetime) -> list[QueuedItem]:
    """The nudges not yet sent to this Slack user (due now or waiting), soonest first; empty
    when the user is not linked to a Zendesk agent."""
    n = NUDGES.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(n.kind, n.ticket_id, n.due_at, n.note)
            .select_from(NUDGES.join(AGENT_LINKS, AGENT_LINKS.c.zendesk_user_id == n.agent_id))
            .where(AGENT_LINKS.c.slack_user_id == slack_user_id, n.status == DUE)
            .order_by(n.due_at, n.id)
        ).all()
    items = []
    for row in rows:
        summary = f"#{row.ticket_id}: {SUMMARY.get(row.kind, row.kind)}"
        if row.due_at > now and row.note:
            summary += f" (waiting: {row.note})"
        items.append(QueuedItem(row.kind, row.ticket_id, summary, row.due_at))
    return items
