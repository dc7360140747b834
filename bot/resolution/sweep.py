"""One pass of the Confirmed-vs-Closed flow over the store: decide, record, queue.

`sweep(engine, settings, now)` reads every ticket with something new for the flow (a
status change or a requester's public comment it has not read, or a request awaiting an
answer whose reminder or close may be due), runs `bot.resolution.machine.step` on it, and
in one transaction per ticket records the transitions, the new standing and the outbox
rows that carry them out (Zendesk updates, reminders, a Slack DM). The dispatcher delivers
them (`alignbot dispatch`); the sweep itself calls no service.

Exactly once, with any number of sweeps: every outbox key is derived from the request (one
per solve), and each ticket's standing is moved only from the version read (a sweep, or
a link answered meanwhile, that moved it first wins; the other's transaction, outbox rows
included, rolls back and the ticket is read again on the next pass).

The flow starts at the first sweep with `RESOLUTION_MODE` on: solves before that moment
are not asked about (the transparency metrics keep their older reading for them).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, exists, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from bot.errors import AlignbotError
from bot.outbox import SLACK_DM, ZENDESK_COMMENT, ZENDESK_UPDATE, enqueue
from bot.resolution import messages
from bot.resolution.links import Choice, request_links
from bot.resolution.machine import (
    CommentItem,
    Intent,
    Item,
    Policy,
    Standing,
    StatusItem,
    Step,
    TicketFacts,
    Transition,
    step,
)
from bot.resolution.quiet import parse_quiet_hours, zone_or
from bot.resolution.states import (
    AWAITING_TAG,
    CLOSED_BY_CUSTOMER_TAG,
    CONFIRMED_TAG,
    UNCONFIRMED_TAG,
    Cause,
    State,
)
from bot.settings import LinkKeys, Settings
from bot.store.tables import (
    COMMENTS,
    RESOLUTION_ANSWERS,
    RESOLUTION_EVENTS,
    RESOLUTION_FLOW,
    RESOLUTION_STATES,
    STATUS_CHANGES,
    TICKETS,
    USERS,
)

__all__ = [
    "FlowOff",
    "Lost",
    "SweepResult",
    "TicketContext",
    "Writer",
    "enable_flow",
    "read_standing",
    "record",
    "sweep",
    "sweep_ticket",
    "ticket_context",
]

log = logging.getLogger("alignbot.resolution")


class FlowOff(AlignbotError):
    """RESOLUTION_MODE is off: the flow decides nothing."""


@dataclass
class SweepResult:
    """What one pass did: tickets read, transitions by target state, rows queued by kind,
    tickets another sweep moved first, and one line per transition for the terminal."""

    tickets: int = 0
    moved: Counter[str] = field(default_factory=Counter)
    queued: Counter[str] = field(default_factory=Counter)
    lost: int = 0
    lines: list[str] = field(default_factory=list)

    def summary(self) -> str:
        moved = ", ".join(f"{n} {s}" for s, n in sorted(self.moved.items())) or "none"
        queued = ", ".join(f"{n} {k}" for k, n in sorted(self.queued.items())) or "nothing"
        text = f"{self.tickets} ticket(s) read; moved: {moved}; queued: {queued}"
        if self.lost:
            text += f"; {self.lost} moved by another sweep first (read again next pass)"
        return text


class Lost(Exception):
    """The standing changed since it was read: roll back, read again next pass."""


# ----- the flow's row ----------------------------------------------------------------------


def enable_flow(connection: Connection, now: datetime) -> tuple[datetime, int | None]:
    """The moment the flow was switched on (now, at its first sweep) and the custom status
    `alignbot zendesk setup` stored, if any. Zendesk times are whole seconds, so the flow
    starts at the second: a solve in that very second is asked about."""
    now = now.replace(microsecond=0)
    row = connection.execute(
        select(RESOLUTION_FLOW.c.enabled_at, RESOLUTION_FLOW.c.custom_status_id).where(
            RESOLUTION_FLOW.c.name == "default"
        )
    ).first()
    if row is None:
        try:
            with connection.begin_nested():
                connection.execute(
                    insert(RESOLUTION_FLOW).values(name="default", enabled_at=now, details={})
                )
            return now, None
        except IntegrityError:  # another sweep made it first
            return enable_flow(connection, now)
    if row.enabled_at is None:
        connection.execute(
            update(RESOLUTION_FLOW)
            .where(RESOLUTION_FLOW.c.name == "default", RESOLUTION_FLOW.c.enabled_at.is_(None))
            .values(enabled_at=now)
        )
        return enable_flow(connection, now)
    return row.enabled_at, row.custom_status_id


# ----- writing intents ---------------------------------------------------------------------


@dataclass(frozen=True)
class TicketContext:
    """What the texts of one ticket's writes need."""

    ticket_id: int
    subject: str | None
    locale: str | None
    requester_name: str | None
    agent_name: str | None
    assignee_email: str | None
    zone: ZoneInfo


class Writer:
    """Turns a ticket's intents into outbox rows, with their texts and links."""

    def __init__(
        self,
        settings: Settings,
        keys: LinkKeys,
        public_url: str,
        custom_status_id: int | None,
    ) -> None:
        self.settings = settings
        self.keys = keys
        self.public_url = public_url
        self.custom_status_id = settings.resolution_custom_status_id or custom_status_id
        self.ttl = timedelta(days=settings.alignbot_link_ttl_days)
        self.close_after = timedelta(days=settings.resolution_close_after_days)
        self.remind_after = settings.resolution_remind_after_days

    def _links(
        self, ctx: TicketContext, request_id: str, requested_at: datetime
    ) -> dict[Choice, str]:
        # Made from the request's own time, so a reminder carries the very same links.
        return request_links(
            self.keys,
            self.public_url,
            ticket_id=ctx.ticket_id,
            request_id=request_id,
            now=requested_at,
            ttl=self.ttl,
            locale=ctx.locale,
        )

    def rows(
        self, ctx: TicketContext, standing: Standing, intent: Intent
    ) -> list[tuple[str, str, str, dict[str, Any]]]:
        """(key, kind, target, payload) for one intent."""
        key = f"resolution:{intent.request_id}:{intent.kind}"
        target = str(ctx.ticket_id)
        requested_at = standing.requested_at
        untag = {"remove_tags": [AWAITING_TAG]}
        match intent.kind:
            case "request":
                assert requested_at is not None
                body = messages.request_comment(
                    ctx.locale,
                    self._links(ctx, intent.request_id, requested_at),
                    requester_name=ctx.requester_name,
                    agent_name=ctx.agent_name,
                    expires_at=requested_at + self.ttl,
                    zone=ctx.zone,
                    close_after_days=self.settings.resolution_close_after_days,
                )
                payload: dict[str, Any] = {
                    "add_tags": [AWAITING_TAG],
                    "comment": body,
                    "public": True,
                }
                if standing.mode == "enforce":
                    if self.custom_status_id is not None:
                        payload["custom_status_id"] = self.custom_status_id
                    else:
                        payload["status"] = "pending"
                return [(key, ZENDESK_UPDATE, target, payload)]
            case "reminder":
                assert requested_at is not None
                body = messages.reminder_comment(
                    ctx.locale,
                    self._links(ctx, intent.request_id, requested_at),
                    # the texts know a reminder and a last one
                    number=2 if intent.number >= len(self.remind_after) else 1,
                    requester_name=ctx.requester_name,
                    close_at=requested_at + self.close_after,
                    zone=ctx.zone,
                )
                return [
                    (
                        f"{key}-{intent.number}",
                        ZENDESK_COMMENT,
                        target,
                        {"body": body, "public": True},
                    )
                ]
            case "confirmed" | "closed_by_customer":
                tag = CONFIRMED_TAG if intent.kind == "confirmed" else CLOSED_BY_CUSTOMER_TAG
                payload = {"status": "solved", "add_tags": [tag], **untag}
                return [(key, ZENDESK_UPDATE, target, payload)]
            case "timeout":
                payload = {
                    "status": "solved",
                    "add_tags": [UNCONFIRMED_TAG],
                    **untag,
                    "comment": messages.closing_comment(
                        ctx.locale, requester_name=ctx.requester_name
                    ),
                    "public": True,
                }
                return [(key, ZENDESK_UPDATE, target, payload)]
            case "override":
                return [(key, ZENDESK_UPDATE, target, {"add_tags": [UNCONFIRMED_TAG], **untag})]
            case "returned":
                return [(key, ZENDESK_UPDATE, target, dict(untag))]
            case "reopened":
                reopen: dict[str, Any] = (
                    {"status": "open", **untag} if intent.set_open else dict(untag)
                )
                rows: list[tuple[str, str, str, dict[str, Any]]] = [
                    (key, ZENDESK_UPDATE, target, reopen)
                ]
                if ctx.assignee_email:
                    words = intent.words
                    if words is None:
                        words = "(answered “I still need help” on the confirmation page)"
                    text, blocks = messages.denial_dm(
                        ctx.ticket_id,
                        self.settings.ticket_url(ctx.ticket_id),
                        words,
                        subject=ctx.subject,
                    )
                    rows.append(
                        (
                            f"{key}-dm",
                            SLACK_DM,
                            ctx.assignee_email,
                            {"text": text, "blocks": blocks},
                        )
                    )
                return rows
        raise AssertionError(f"unknown intent {intent.kind}")


# ----- reading a ticket --------------------------------------------------------------------


def read_standing(connection: Connection, ticket_id: int) -> tuple[Standing, int | None, Any]:
    """The ticket's standing, its version (None: no row yet) and its read cursor."""
    row = connection.execute(
        select(RESOLUTION_STATES).where(RESOLUTION_STATES.c.ticket_id == ticket_id)
    ).first()
    if row is None:
        return Standing(), None, (None, [])
    standing = Standing(
        state=State(row.state),
        state_at=row.state_at,
        request_id=row.request_id,
        requested_at=row.requested_at,
        mode=row.mode,
        reminders=row.reminders,
        last_reminder_at=row.last_reminder_at,
    )
    return standing, row.version, (row.seen_at, list(row.seen_ids or []))


def _items(
    connection: Connection,
    ticket_id: int,
    requester_id: int | None,
    since: datetime,
    seen_at: datetime | None,
    seen_ids: Sequence[str],
) -> list[Item]:
    """The ticket's status changes and requester's public comments not read yet."""
    start = max(since, seen_at) if seen_at is not None else since
    changes = connection.execute(
        select(
            STATUS_CHANGES.c.id,
            STATUS_CHANGES.c.at,
            STATUS_CHANGES.c.status,
            STATUS_CHANGES.c.previous_status,
            STATUS_CHANGES.c.actor_id,
        ).where(STATUS_CHANGES.c.ticket_id == ticket_id, STATUS_CHANGES.c.at >= start)
    ).all()
    author = (
        COMMENTS.c.author_id == requester_id
        if requester_id is not None
        else COMMENTS.c.author_role == "customer"
    )
    comments = connection.execute(
        select(COMMENTS.c.id, COMMENTS.c.created_at, COMMENTS.c.body, COMMENTS.c.author_id).where(
            COMMENTS.c.ticket_id == ticket_id,
            COMMENTS.c.public.is_(True),
            COMMENTS.c.created_at >= start,
            author,
        )
    ).all()
    items: list[Item] = [
        StatusItem(r.id, r.at, r.status, r.previous_status, r.actor_id) for r in changes
    ]
    items += [CommentItem(r.id, r.created_at, r.body or "", r.author_id) for r in comments]
    seen = set(seen_ids)
    return [i for i in items if not (i.at == seen_at and i.key in seen)]


def _cursor(
    items: Sequence[Item], seen_at: datetime | None, seen_ids: Sequence[str]
) -> tuple[datetime | None, list[str]]:
    if not items:
        return seen_at, list(seen_ids)
    newest = max(i.at for i in items)
    keys = [i.key for i in items if i.at == newest]
    if newest == seen_at:
        keys = sorted(set(seen_ids) | set(keys))
    return newest, keys


def ticket_context(connection: Connection, ticket: Any, default_zone: ZoneInfo) -> TicketContext:
    people = {
        r.id: r
        for r in connection.execute(
            select(
                USERS.c.id, USERS.c.name, USERS.c.email, USERS.c.locale, USERS.c.time_zone
            ).where(USERS.c.id.in_([i for i in (ticket.requester_id, ticket.assignee_id) if i]))
        )
    }
    requester = people.get(ticket.requester_id)
    assignee = people.get(ticket.assignee_id)
    return TicketContext(
        ticket_id=ticket.id,
        subject=ticket.subject,
        locale=requester.locale if requester else None,
        requester_name=requester.name if requester else None,
        agent_name=assignee.name if assignee else None,
        assignee_email=assignee.email if assignee else None,
        zone=zone_or(requester.time_zone if requester else None, default_zone),
    )


def policy_for(settings: Settings, zone: ZoneInfo, mode: str | None = None) -> Policy:
    chosen = mode or settings.resolution_mode
    if chosen not in ("enforce", "ask"):
        raise FlowOff("RESOLUTION_MODE is off: set it to enforce or ask to run the flow")
    return Policy(
        mode=chosen,  # type: ignore[arg-type]
        remind_after=tuple(timedelta(days=d) for d in settings.resolution_remind_after_days),
        close_after=timedelta(days=settings.resolution_close_after_days),
        quiet=parse_quiet_hours(settings.resolution_quiet_hours),
        zone=zone,
        opt_out_tag=settings.resolution_opt_out_tag,
        skip_types=frozenset(settings.resolution_skip_ticket_types),
        skip_groups=frozenset(settings.resolution_skip_group_ids),
    )


# ----- recording ---------------------------------------------------------------------------


def record(
    connection: Connection,
    ticket_id: int,
    version: int | None,
    outcome: Step,
    cursor: tuple[datetime | None, list[str]],
    writer: Writer,
    ctx: TicketContext,
    now: datetime,
) -> list[tuple[str, str]]:
    """Write one step: the standing (from `version`, or `Lost`), its transitions, the
    replies read as answers, and its outbox rows. Returns (kind, key) of the rows queued."""
    s = outcome.standing
    assert s.state is not None
    values = {
        "state": s.state.value,
        "state_at": s.state_at,
        "request_id": s.request_id,
        "requested_at": s.requested_at,
        "mode": s.mode,
        "reminders": s.reminders,
        "last_reminder_at": s.last_reminder_at,
        "seen_at": cursor[0],
        "seen_ids": cursor[1],
        "updated_at": now,
    }
    if version is None:
        try:
            with connection.begin_nested():
                connection.execute(
                    insert(RESOLUTION_STATES).values(ticket_id=ticket_id, version=1, **values)
                )
        except IntegrityError:
            raise Lost from None
    else:
        moved = connection.execute(
            update(RESOLUTION_STATES)
            .where(
                RESOLUTION_STATES.c.ticket_id == ticket_id, RESOLUTION_STATES.c.version == version
            )
            .values(version=version + 1, **values)
        ).rowcount
        if moved != 1:
            raise Lost
    for t in outcome.transitions:
        _record_transition(connection, ticket_id, t, now)
    queued = []
    for intent in outcome.intents:
        for key, kind, target, payload in writer.rows(ctx, s, intent):
            if enqueue(connection, key=key, kind=kind, target=target, payload=payload, now=now):
                queued.append((kind, key))
    return queued


def _record_transition(
    connection: Connection, ticket_id: int, t: Transition, now: datetime
) -> None:
    connection.execute(
        insert(RESOLUTION_EVENTS).values(
            ticket_id=ticket_id,
            request_id=t.request_id,
            from_state=t.from_state.value if t.from_state else None,
            to_state=t.to_state.value,
            cause=t.cause.value,
            actor=t.actor.value,
            actor_id=t.actor_id,
            at=t.at,
            recorded_at=now,
            comment_id=t.comment_id,
            link_choice=t.link_choice,
            note=t.note,
        )
    )
    # A reply read as an answer is an answer, as a link's is (metrics read both alike).
    if t.cause == Cause.CUSTOMER_REPLY and t.to_state in (State.CONFIRMED, State.REOPENED):
        choice = Choice.CONFIRM if t.to_state == State.CONFIRMED else Choice.NEED_HELP
        connection.execute(
            insert(RESOLUTION_ANSWERS).values(
                ticket_id=ticket_id,
                request_id=t.request_id or "",
                choice=choice.value,
                rating=None,
                via="reply",
                locale=None,
                answered_at=t.at,
            )
        )


# ----- the pass ----------------------------------------------------------------------------


def _candidates(connection: Connection, enabled_at: datetime, now: datetime) -> list[int]:
    """Tickets with something new for the flow: a state row with an item newer than its
    cursor or an answer awaited, or a solve since the flow was switched on and no state
    row yet. (An item stored late with the very second of the cursor is read with the
    ticket's next item: the cursor keeps the ids read at that second.)"""
    s = RESOLUTION_STATES
    unread_change = exists().where(
        STATUS_CHANGES.c.ticket_id == s.c.ticket_id, STATUS_CHANGES.c.at > s.c.seen_at
    )
    unread_comment = exists().where(
        COMMENTS.c.ticket_id == s.c.ticket_id,
        COMMENTS.c.created_at > s.c.seen_at,
        COMMENTS.c.author_role == "customer",
        COMMENTS.c.public.is_(True),
    )
    known = select(s.c.ticket_id).where(
        or_(s.c.state == State.AWAITING.value, s.c.seen_at.is_(None), unread_change, unread_comment)
    )
    new = (
        select(STATUS_CHANGES.c.ticket_id)
        .where(
            STATUS_CHANGES.c.at >= enabled_at,
            STATUS_CHANGES.c.status.in_(("solved", "closed")),
            # a solve, not Zendesk closing what was solved before the flow began
            func.coalesce(STATUS_CHANGES.c.previous_status, "new").not_in(("solved", "closed")),
            ~exists().where(s.c.ticket_id == STATUS_CHANGES.c.ticket_id),
        )
        .distinct()
    )
    ids = {r[0] for r in connection.execute(known)} | {r[0] for r in connection.execute(new)}
    return sorted(ids)


def sweep_ticket(
    engine: Engine,
    settings: Settings,
    writer: Writer,
    ticket_id: int,
    enabled_at: datetime,
    now: datetime,
    result: SweepResult,
) -> None:
    """Run the machine on one ticket, in one transaction (see module doc)."""
    try:
        with engine.begin() as connection:
            ticket = connection.execute(
                select(
                    TICKETS.c.id,
                    TICKETS.c.subject,
                    TICKETS.c.tags,
                    TICKETS.c.type,
                    TICKETS.c.group_id,
                    TICKETS.c.requester_id,
                    TICKETS.c.assignee_id,
                ).where(TICKETS.c.id == ticket_id)
            ).first()
            if ticket is None:
                return
            standing, version, (seen_at, seen_ids) = read_standing(connection, ticket_id)
            items = _items(
                connection, ticket_id, ticket.requester_id, enabled_at, seen_at, seen_ids
            )
            ctx = ticket_context(connection, ticket, settings.timezone)
            policy = policy_for(
                settings, ctx.zone, standing.mode if standing.state == State.AWAITING else None
            )
            facts = TicketFacts(ticket_id, tuple(ticket.tags or ()), ticket.type, ticket.group_id)
            outcome = step(standing, items, facts, policy, now)
            if outcome.standing.state is None:
                return  # nothing the flow acts on yet (e.g. never solved since it began)
            if not outcome.transitions and not outcome.intents and not items:
                return
            queued = record(
                connection,
                ticket_id,
                version,
                outcome,
                _cursor(items, seen_at, seen_ids),
                writer,
                ctx,
                now,
            )
    except Lost:
        result.lost += 1
        return
    result.tickets += 1
    for t in outcome.transitions:
        result.moved[t.to_state.value] += 1
        result.lines.append(
            f"#{ticket_id}: {t.from_state.value if t.from_state else '-'} -> {t.to_state.value}"
            f" ({t.cause.value})"
        )
    for kind, _ in queued:
        result.queued[kind] += 1
    for intent in outcome.intents:
        if intent.kind == "reminder":
            result.lines.append(f"#{ticket_id}: reminder {intent.number} queued")


def sweep(engine: Engine, settings: Settings, now: datetime) -> SweepResult:
    """One pass of the flow (see module doc). Raises `FlowOff` when RESOLUTION_MODE is off,
    and `SettingsError` when the links cannot be made (no secret or public URL)."""
    if settings.resolution_mode == "off":
        raise FlowOff("RESOLUTION_MODE is off: set it to enforce or ask to run the flow")
    keys = settings.require_link_secret()
    public_url = settings.require_public_url()
    with engine.begin() as connection:
        enabled_at, custom_status_id = enable_flow(connection, now)
        ids = _candidates(connection, enabled_at, now)
    writer = Writer(settings, keys, public_url, custom_status_id)
    result = SweepResult()
    for ticket_id in ids:
        sweep_ticket(engine, settings, writer, ticket_id, enabled_at, now, result)
    log.info("resolution sweep: %s", result.summary())
    return result
