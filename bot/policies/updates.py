"""Proactive updates: the customer of a stale ticket hears where things stand, unasked.

One sweep (`sweep`) decides, for each stale ticket (`bot.policies.stale`):

1. **Whether**: the guardrails (`hold_reason`): the opt-out tag, a ticket pending on the
   customer or awaiting their confirmation (the resolution flow owns those), the
   requester's quiet hours in their Zendesk time zone, and at most one decision per ticket
   per `PROACTIVE_MIN_INTERVAL_HOURS`.
2. **What**: the update, rendered from files a support team can edit
   (`templates/updates/<lang>/<name>.txt`, Jinja2 in a sandbox) in the requester's
   language (en, es, fr, de, pt; English otherwise and where a file is missing), dates and
   durations formatted by Babel. The template sees only `UpdateFacts`, a whitelist of
   customer-safe facts: the ticket's own status and age, the customer-update field
   agents fill for customers, the status of a linked problem ticket and the group's
   customer-facing name. Comment bodies are never read, so no internal note can leak.
3. **How**, by `PROACTIVE_MODE`: `auto` queues a `zendesk.proactive_update` outbox row;
   `review` stores a draft and DMs the assignee its text with Send / Edit / Skip buttons
   (`review_draft` records their choice; a draft nobody decided on is sent or dropped
   after `PROACTIVE_REVIEW_GRACE_MINUTES`, per `PROACTIVE_REVIEW_DEFAULT`, by a later
   sweep); `dry_run` records the decision and sends nothing.

Every decision is a `proactive_updates` row under a unique key derived from the ticket, its
stale episode and the interval slot, inserted with the outbox rows in one transaction: two
sweeps at once decide (and queue) once.

The words live in `bot.policies.update_text`, review mode's drafts and clicks in
`bot.policies.review`; their public names are importable from here too.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.dialects import postgresql, sqlite

from bot.outbox.deliverers import ZENDESK_PROACTIVE_UPDATE
from bot.outbox.queueing import enqueue
from bot.policies.review import (
    ALIGNBOT,
    DRAFTED,
    DRY_RUN,
    QUEUED,
    Draft,
    ReviewOutcome,
    decide,
    get_draft,
    outbox_key,
    review_draft,
)
from bot.policies.stale import StaleTicket, stale_tickets
from bot.policies.update_text import (
    LANGUAGES,
    TEMPLATE_ROOT,
    TemplateInfo,
    Templates,
    UpdateFacts,
    language_of,
    render_update,
)
from bot.resolution.quiet import next_allowed, parse_quiet_hours, zone_or
from bot.resolution.states import AWAITING_TAG, State
from bot.settings import Settings
from bot.store.tables import PROACTIVE_UPDATES, RESOLUTION_STATES, TICKETS, USERS

__all__ = [
    "LANGUAGES",
    "TEMPLATE_ROOT",
    "Decision",
    "Draft",
    "ReviewOutcome",
    "SweepResult",
    "TemplateInfo",
    "Templates",
    "TicketFacts",
    "UpdateFacts",
    "decision_key",
    "get_draft",
    "hold_reason",
    "language_of",
    "render_update",
    "review_draft",
    "sweep",
]

log = logging.getLogger("alignbot.updates")


# --- Guardrails ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TicketFacts:
    """What the guardrails and the update read of one stale ticket (never a comment)."""

    stale: StaleTicket
    subject: str | None
    tags: tuple[str, ...]
    created_at: datetime
    custom_fields: Mapping[str, Any]
    problem_status: str | None
    awaiting_confirmation: bool
    requester_locale: str | None
    requester_zone: ZoneInfo
    assignee_email: str | None
    last_decision_at: datetime | None


def hold_reason(facts: TicketFacts, settings: Settings, now: datetime) -> str | None:
    """Why no update may go out now (None: it may), checked in order."""
    if settings.proactive_opt_out_tag in facts.tags:
        return f"opted out (tag {settings.proactive_opt_out_tag})"
    if facts.stale.status == "pending":
        return "pending on the customer"
    if facts.awaiting_confirmation or AWAITING_TAG in facts.tags:
        return "awaiting the customer's confirmation (the resolution flow's)"
    interval = timedelta(hours=settings.proactive_min_interval_hours)
    if facts.last_decision_at is not None and now - facts.last_decision_at < interval:
        after = facts.last_decision_at + interval
        return f"updated {_hhmm(facts.last_decision_at)}; next one after {_hhmm(after)}"
    quiet = parse_quiet_hours(settings.proactive_quiet_hours)
    allowed = next_allowed(now, quiet, facts.requester_zone)
    if allowed > now:
        local = allowed.astimezone(facts.requester_zone)
        return f"quiet hours for the requester until {local:%H:%M} ({facts.requester_zone.key})"
    return None


def _hhmm(at: datetime) -> str:
    return f"{at.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def decision_key(stale: StaleTicket, interval: timedelta, now: datetime) -> str:
    """The ticket, its stale episode (when its wait began) and the interval slot within it:
    equal for two sweeps deciding at once, new once the interval has passed."""
    slot = int(max(now - stale.stale_since, timedelta(0)) / interval)
    return f"{stale.ticket_id}:{int(stale.waiting_since.timestamp())}:{slot}"


# --- The sweep ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """What the sweep decided for one ticket: `action` is queued, drafted, dry_run, held
    (a guardrail, in `reason`), sent_after_grace / dropped_after_grace (an old draft), or
    taken (another sweep decided it first)."""

    ticket_id: int
    action: str
    reason: str | None = None
    language: str | None = None


@dataclass
class SweepResult:
    decisions: list[Decision] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(d.action for d in self.decisions)

    @property
    def queued(self) -> int:
        """Rows queued for `alignbot dispatch` (updates and review DMs)."""
        counts = self.counts
        return counts["queued"] + counts["drafted"] + counts["sent_after_grace"]

    @property
    def lines(self) -> list[str]:
        out = []
        for d in self.decisions:
            detail = ", ".join(x for x in (d.language, d.reason) if x)
            out.append(f"#{d.ticket_id}: {d.action}" + (f" ({detail})" if detail else ""))
        return out

    def summary(self) -> str:
        counts = self.counts
        if not counts:
            return "No stale ticket needs an update."
        return "Updates: " + ", ".join(f"{n} {action}" for action, n in sorted(counts.items()))


def sweep(
    engine: Engine,
    settings: Settings,
    now: datetime,
    *,
    templates: Templates | None = None,
) -> SweepResult:
    """One pass: settle review drafts past their grace period, then decide for each stale
    ticket and queue what the mode says (`alignbot dispatch` delivers). Each ticket's
    decision commits on its own."""
    templates = templates or Templates(settings.proactive_templates_dir)
    result = SweepResult()
    result.decisions.extend(_settle_drafts(engine, settings, now))
    with engine.connect() as connection:
        stale = stale_tickets(connection, settings, now)
        facts = _facts(connection, settings, stale)
    for ticket in facts:
        result.decisions.append(_decide_ticket(engine, settings, templates, ticket, now))
    return result


def _settle_drafts(engine: Engine, settings: Settings, now: datetime) -> list[Decision]:
    """Send or drop the drafts past their grace period, as PROACTIVE_REVIEW_DEFAULT says;
    one to be sent waits, still a draft, while its requester is in their quiet hours."""
    p, t, u = PROACTIVE_UPDATES.c, TICKETS.c, USERS.c
    with engine.connect() as connection:
        due = connection.execute(
            select(p.id, p.ticket_id, u.time_zone)
            .select_from(
                PROACTIVE_UPDATES.outerjoin(TICKETS, t.id == p.ticket_id).outerjoin(
                    USERS, u.id == t.requester_id
                )
            )
            .where(p.status == DRAFTED, p.due_at <= now)
            .order_by(p.id)
        ).all()
    action: Literal["send", "drop"] = (
        "send" if settings.proactive_review_default == "send" else "drop"
    )
    quiet = parse_quiet_hours(settings.proactive_quiet_hours)
    decisions = []
    for draft_id, ticket_id, time_zone in due:
        zone = zone_or(time_zone, settings.timezone)
        if action == "send" and next_allowed(now, quiet, zone) > now:
            decisions.append(
                Decision(int(ticket_id), "held", "the draft waits out the requester's quiet hours")
            )
            continue
        with engine.begin() as connection:
            outcome = decide(connection, int(draft_id), action, by=ALIGNBOT, now=now)
        if outcome is None:
            continue
        if outcome.status == QUEUED:
            decisions.append(Decision(int(ticket_id), "sent_after_grace", "nobody decided"))
        else:
            reason = outcome.message.removeprefix("Not sent: ")
            decisions.append(Decision(int(ticket_id), "dropped_after_grace", reason))
    return decisions


def _chunks(items: Sequence[StaleTicket], size: int = 500) -> Iterable[Sequence[StaleTicket]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _facts(
    connection: Connection, settings: Settings, stale: Sequence[StaleTicket]
) -> list[TicketFacts]:
    """What the guardrails and the update read, for each stale ticket, a few queries per
    500 tickets. Comment bodies are never selected."""
    t, u, p = TICKETS.c, USERS.c, PROACTIVE_UPDATES.c
    problems = TICKETS.alias("problem")
    found: list[TicketFacts] = []
    for chunk in _chunks(stale):
        ids = [s.ticket_id for s in chunk]
        tickets = {
            int(row.id): row
            for row in connection.execute(
                select(
                    t.id,
                    t.subject,
                    t.tags,
                    t.custom_fields,
                    t.created_at,
                    problems.c.status.label("problem_status"),
                )
                .select_from(TICKETS.outerjoin(problems, problems.c.id == t.problem_id))
                .where(t.id.in_(ids))
            )
        }
        people = {s.requester_id for s in chunk} | {s.assignee_id for s in chunk}
        users = {
            int(row.id): row
            for row in connection.execute(
                select(u.id, u.email, u.locale, u.time_zone).where(
                    u.id.in_([x for x in people if x is not None])
                )
            )
        }
        awaiting = set(
            connection.execute(
                select(RESOLUTION_STATES.c.ticket_id).where(
                    RESOLUTION_STATES.c.ticket_id.in_(ids),
                    RESOLUTION_STATES.c.state == State.AWAITING.value,
                )
            ).scalars()
        )
        last = {
            int(ticket): at
            for ticket, at in connection.execute(
                select(p.ticket_id, func.max(p.created_at))
                .where(p.ticket_id.in_(ids))
                .group_by(p.ticket_id)
            )
        }
        for s in chunk:
            row = tickets[s.ticket_id]
            requester = users.get(s.requester_id) if s.requester_id is not None else None
            assignee = users.get(s.assignee_id) if s.assignee_id is not None else None
            found.append(
                TicketFacts(
                    stale=s,
                    subject=row.subject,
                    tags=tuple(row.tags or ()),
                    created_at=row.created_at,
                    custom_fields=dict(row.custom_fields or {}),
                    problem_status=row.problem_status,
                    awaiting_confirmation=s.ticket_id in awaiting,
                    requester_locale=requester.locale if requester is not None else None,
                    requester_zone=zone_or(
                        requester.time_zone if requester is not None else None, settings.timezone
                    ),
                    assignee_email=assignee.email if assignee is not None else None,
                    last_decision_at=last.get(s.ticket_id),
                )
            )
    return found


def update_facts(facts: TicketFacts, settings: Settings) -> UpdateFacts:
    """The whitelist an update is written from: nothing else of the ticket reaches it."""
    field_id = settings.zendesk_customer_update_field_id
    value = facts.custom_fields.get(str(field_id)) if field_id is not None else None
    group = facts.stale.group_id
    return UpdateFacts(
        ticket_id=facts.stale.ticket_id,
        status=facts.stale.status,
        created_at=facts.created_at,
        customer_update=value.strip() if isinstance(value, str) and value.strip() else None,
        problem_status=facts.problem_status,
        team=settings.group_customer_names.get(int(group)) if group is not None else None,
    )


def _decide_ticket(
    engine: Engine, settings: Settings, templates: Templates, facts: TicketFacts, now: datetime
) -> Decision:
    ticket = facts.stale.ticket_id
    reason = hold_reason(facts, settings, now)
    if reason is not None:
        return Decision(ticket, "held", reason)
    interval = timedelta(hours=settings.proactive_min_interval_hours)
    body, language = render_update(
        update_facts(facts, settings),
        templates,
        locale=facts.requester_locale,
        now=now,
        next_update=now + interval,
        zone=facts.requester_zone,
    )
    mode = settings.proactive_mode
    key = decision_key(facts.stale, interval, now)
    grace = timedelta(minutes=settings.proactive_review_grace_minutes)
    status = {"auto": QUEUED, "review": DRAFTED, "dry_run": DRY_RUN}[mode]
    note = None
    if mode == "review" and not facts.assignee_email:
        note = "no assignee email to review it: the default applies after the grace period"
    with engine.begin() as connection:
        draft_id = _record(
            connection,
            key=key,
            ticket=ticket,
            status=status,
            mode=mode,
            language=language,
            body=body,
            reason=note,
            assignee=facts.stale.assignee_id,
            outbox_key=outbox_key(key) if mode == "auto" else None,
            now=now,
            due_at=now + grace if mode == "review" else None,
        )
        if draft_id is None:
            return Decision(ticket, "taken", "another sweep decided it")
        if mode == "auto":
            enqueue(
                connection,
                key=outbox_key(key),
                kind=ZENDESK_PROACTIVE_UPDATE,
                target=str(ticket),
                payload={"body": body, "public": True},
                now=now,
            )
        # review: the draft waits in the store; its assignee gets it with the nudges
        # (`alignbot nudges sweep`), under the same restraint as every DM to an agent:
        # the hourly cap, batching, their quiet hours, snoozes and opt-outs.
    if mode == "dry_run":
        log.info("dry run: ticket %s would get an update (%s)", ticket, language)
    return Decision(ticket, status, note, language)


def _record(connection: Connection, **row: Any) -> int | None:
    """Insert the decision unless its key is taken; its id, or None when it was."""
    values = {
        "decision_key": row["key"],
        "ticket_id": row["ticket"],
        "status": row["status"],
        "mode": row["mode"],
        "locale": row["language"],
        "body": row["body"],
        "reason": row["reason"],
        "assignee_id": row["assignee"],
        "outbox_key": row["outbox_key"],
        "created_at": row["now"],
        "due_at": row["due_at"],
    }
    insert: Any = (postgresql if connection.dialect.name == "postgresql" else sqlite).insert
    statement = (
        insert(PROACTIVE_UPDATES)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["decision_key"])
        .returning(PROACTIVE_UPDATES.c.id)
    )
    found = connection.execute(statement).scalar()
    return int(found) if found is not None else None
