"""The Confirmed-vs-Closed state machine, as a pure function of a ticket's history.

`step()` takes where a ticket stands (`Standing`), what happened to it since it was last
read (`Item`s: status changes and the requester's public comments, oldest first), the
ticket's facts and the flow's `Policy`, and the time. It returns where the ticket stands
now, the transitions to record (`Transition`) and what to write to Zendesk and Slack
(`Intent`s, which `bot.resolution.sweep` turns into outbox rows). It reads no clock and
no database, so every path is tested without either.

The rules (docs/resolution.md):

- An agent's solve of a ticket not awaiting an answer starts a confirmation request: the
  ticket moves to `awaiting_confirmation` (in `enforce` mode Zendesk shows it as pending;
  in `ask` mode the solve stands). A ticket the flow leaves alone (opt-out tag, a skipped
  type or group) is recorded `closed_unconfirmed` with cause `opt_out`, and nothing is
  written.
- While awaiting, the requester's public comment is read (`resolution_reply`): a
  confirmation solves the ticket (`confirmed`), a denial leaves it open (`reopened`, and
  the assignee is told in Slack), anything else returns it to the agent (`open`). An agent
  who solves it again is not fought: the solve stands, `closed_unconfirmed`, cause
  `agent_override`. Zendesk closing it (ask mode, after its 4 days) is `closed_unconfirmed`
  too.
- Without an answer: one reminder at each of `remind_after` (never in the requester's
  quiet hours, never two within a day), then, at `close_after` and at least a day after the
  last reminder, the ticket is solved as `closed_unconfirmed` (cause `reminder_timeout`).
- A resolved ticket that is reopened is `reopened` (cause `reopen`); the next solve asks
  again under a new request.
- When the requester answered before the request went out (they replied to the agent's
  solve at once), the answer stands and the request is not sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.resolution.quiet import QuietHours, next_allowed
from bot.resolution.states import Actor, Cause, State
from bot.signals.resolution import resolution_reply

__all__ = [
    "CommentItem",
    "Intent",
    "IntentKind",
    "Item",
    "Policy",
    "Standing",
    "StatusItem",
    "Step",
    "TicketFacts",
    "Transition",
    "request_id_for",
    "step",
]

#: Statuses in which an agent's work on the ticket is done.
_SOLVED = frozenset({"solved", "closed"})
#: The least time between two messages the flow sends one customer unasked.
MIN_GAP = timedelta(days=1)


@dataclass(frozen=True)
class Policy:
    """The flow's settings, as the machine needs them."""

    mode: Literal["enforce", "ask"]
    remind_after: tuple[timedelta, ...]
    close_after: timedelta
    quiet: QuietHours
    zone: ZoneInfo  # the requester's zone, or the account's
    opt_out_tag: str
    skip_types: frozenset[str] = frozenset()
    skip_groups: frozenset[int] = frozenset()


@dataclass(frozen=True)
class TicketFacts:
    ticket_id: int
    tags: tuple[str, ...]
    type: str | None
    group_id: int | None

    def left_alone(self, policy: Policy) -> str | None:
        """Why the flow leaves this ticket alone, or None."""
        if policy.opt_out_tag and policy.opt_out_tag in self.tags:
            return f"tag {policy.opt_out_tag}"
        if self.type is not None and self.type in policy.skip_types:
            return f"type {self.type}"
        if self.group_id is not None and self.group_id in policy.skip_groups:
            return f"group {self.group_id}"
        return None


@dataclass(frozen=True)
class StatusItem:
    """A status change from the ticket's history."""

    id: int
    at: datetime
    status: str
    previous: str | None
    actor_id: int | None  # None or negative: Zendesk itself (an automation)

    @property
    def key(self) -> str:
        return f"s{self.id}"


@dataclass(frozen=True)
class CommentItem:
    """A public comment by the ticket's requester."""

    id: int
    at: datetime
    body: str
    author_id: int | None

    @property
    def key(self) -> str:
        return f"c{self.id}"


Item = StatusItem | CommentItem


@dataclass(frozen=True)
class Standing:
    """Where a ticket stands; `state` None: the flow has not seen it solved yet."""

    state: State | None = None
    state_at: datetime | None = None  # when the cause of the last move happened
    request_id: str | None = None
    requested_at: datetime | None = None
    mode: str | None = None
    reminders: int = 0
    last_reminder_at: datetime | None = None


@dataclass(frozen=True)
class Transition:
    from_state: State | None
    to_state: State
    cause: Cause
    actor: Actor
    at: datetime
    request_id: str | None
    actor_id: int | None = None
    comment_id: int | None = None
    link_choice: str | None = None
    note: str | None = None


IntentKind = Literal[
    "request",  # ask the customer (enforce: and make the ticket await them)
    "reminder",  # remind them (`number`)
    "confirmed",  # solve, tagged confirmed
    "closed_by_customer",  # solve, tagged closed by the customer
    "timeout",  # solve, tagged unconfirmed, with a closing note
    "override",  # tag unconfirmed: the agent's solve stands
    "reopened",  # untag (and `set_open`); tell the assignee what the customer said
    "returned",  # untag: the ticket is the agent's again
]


@dataclass(frozen=True)
class Intent:
    kind: IntentKind
    request_id: str
    number: int = 0
    words: str | None = None  # the customer's own words (None: answered by link)
    comment_id: int | None = None
    set_open: bool = False  # a link answer: Zendesk did not reopen the ticket itself


@dataclass(frozen=True)
class Step:
    standing: Standing
    transitions: list[Transition] = field(default_factory=list)
    intents: list[Intent] = field(default_factory=list)


def request_id_for(ticket_id: int, solve: StatusItem) -> str:
    """The request a solve starts: one per solve, the same on every replica."""
    return f"{ticket_id}-{solve.id}"


def _actor_of(item: StatusItem) -> Actor:
    return Actor.ZENDESK if item.actor_id is None or item.actor_id < 0 else Actor.AGENT


def _ordered(items: Sequence[Item]) -> list[Item]:
    # Within one second a comment comes before the status change it caused (a requester's
    # comment reopens a pending ticket in the same update).
    return sorted(items, key=lambda i: (i.at, 0 if isinstance(i, CommentItem) else 1, i.id))


class _Run:
    """One call of `step`: the standing as it moves, and what it records and writes."""

    def __init__(self, standing: Standing, ticket: TicketFacts, policy: Policy) -> None:
        self.s = standing
        self.ticket = ticket
        self.policy = policy
        self.transitions: list[Transition] = []
        self.intents: list[Intent] = []

    def move(self, to: State, cause: Cause, actor: Actor, at: datetime, **extra: object) -> None:
        self.transitions.append(
            Transition(self.s.state, to, cause, actor, at, self.s.request_id, **extra)  # type: ignore[arg-type]
        )
        self.s = replace(self.s, state=to, state_at=at)

    def want(self, kind: IntentKind, **extra: object) -> None:
        assert self.s.request_id is not None
        self.intents.append(Intent(kind, self.s.request_id, **extra))  # type: ignore[arg-type]

    # ----- items -----------------------------------------------------------------------

    def status(self, item: StatusItem, now: datetime) -> None:
        state = self.s.state
        solved = item.status in _SOLVED and (item.previous or "new") not in _SOLVED
        if state is None or state in (State.OPEN, State.REOPENED):
            if solved:
                self.solve(item, now)
            return
        if state == State.AWAITING:
            if solved:
                # The ticket left solved after the request (enforce: our pending) and an
                # agent solved it again: their solve stands.
                self.move(
                    State.CLOSED_UNCONFIRMED,
                    Cause.AGENT_OVERRIDE,
                    _actor_of(item),
                    item.at,
                    actor_id=item.actor_id,
                )
                self.want("override")
            elif item.status == "closed":
                self.move(State.CLOSED_UNCONFIRMED, Cause.ZENDESK_CLOSE, Actor.ZENDESK, item.at)
            return
        # A final state: our own solve shows up here, and so does a reopen. What Zendesk
        # recorded in the very second the ticket was resolved is part of that (a reply's
        # own reopen, our request landing as the customer answered), not a reopen.
        after = self.s.state_at is None or item.at > self.s.state_at
        if after and item.status not in _SOLVED and (item.previous or "") in _SOLVED:
            self.move(
                State.REOPENED, Cause.REOPEN, _actor_of(item), item.at, actor_id=item.actor_id
            )

    def solve(self, item: StatusItem, now: datetime) -> None:
        request_id = request_id_for(self.ticket.ticket_id, item)
        self.s = replace(
            self.s,
            request_id=request_id,
            requested_at=now,
            mode=self.policy.mode,
            reminders=0,
            last_reminder_at=None,
        )
        why = self.ticket.left_alone(self.policy)
        if why is not None:
            self.move(
                State.CLOSED_UNCONFIRMED,
                Cause.OPT_OUT,
                _actor_of(item),
                item.at,
                actor_id=item.actor_id,
                note=f"left alone: {why}",
            )
            return
        self.move(
            State.AWAITING, Cause.AGENT_SOLVE, _actor_of(item), item.at, actor_id=item.actor_id
        )
        self.want("request")

    def comment(self, item: CommentItem) -> None:
        if self.s.state != State.AWAITING:
            return
        reading = resolution_reply(item.body)
        extra = {"actor_id": item.author_id, "comment_id": item.id}
        if reading == "confirm":
            self.move(State.CONFIRMED, Cause.CUSTOMER_REPLY, Actor.CUSTOMER, item.at, **extra)
            self.want("confirmed", comment_id=item.id)
        elif reading == "deny":
            self.move(State.REOPENED, Cause.CUSTOMER_REPLY, Actor.CUSTOMER, item.at, **extra)
            self.want("reopened", words=item.body, comment_id=item.id)
        else:
            self.move(State.OPEN, Cause.CUSTOMER_REPLY, Actor.CUSTOMER, item.at, **extra)
            self.want("returned", comment_id=item.id)

    # ----- time ------------------------------------------------------------------------

    def timers(self, now: datetime) -> None:
        s = self.s
        if s.state != State.AWAITING or s.requested_at is None:
            return
        policy = self.policy
        if s.reminders < len(policy.remind_after):
            due = s.requested_at + policy.remind_after[s.reminders]
            if s.last_reminder_at is not None:
                due = max(due, s.last_reminder_at + MIN_GAP)
            if now >= next_allowed(due, policy.quiet, policy.zone):
                number = s.reminders + 1
                self.s = replace(s, reminders=number, last_reminder_at=now)
                self.want("reminder", number=number)
            return
        due = s.requested_at + policy.close_after
        if s.last_reminder_at is not None:
            due = max(due, s.last_reminder_at + MIN_GAP)
        if now >= due:
            self.move(
                State.CLOSED_UNCONFIRMED,
                Cause.REMINDER_TIMEOUT,
                Actor.ALIGNBOT,
                now,
                note=f"no answer after {s.reminders} reminder(s)",
            )
            self.want("timeout")


def step(
    standing: Standing,
    items: Sequence[Item],
    ticket: TicketFacts,
    policy: Policy,
    now: datetime,
) -> Step:
    """Where the ticket stands after `items` (and the time `now`), what to record and
    what to write. `items` may come in any order; they are read oldest first."""
    run = _Run(standing, ticket, policy)
    for item in _ordered(items):
        if isinstance(item, StatusItem):
            run.status(item, now)
        else:
            run.comment(item)
    run.timers(now)
    return Step(run.s, run.transitions, _collapse(run.intents))


def _collapse(intents: list[Intent]) -> list[Intent]:
    """Drop a request the requester already answered in the same read: they replied to
    the agent's solve before we asked, so we do not ask (nor untag what was never tagged)."""
    answered = {i.request_id for i in intents if i.kind not in ("request", "reminder")}
    asked = {i.request_id for i in intents if i.kind == "request"}
    skip = asked & answered
    kept = []
    for intent in intents:
        if intent.request_id in skip and intent.kind in ("request", "returned", "override"):
            continue
        kept.append(intent)
    return kept


def answer(standing: Standing, request_id: str, choice: str, at: datetime) -> Step | None:
    """The customer's answer by link (`choice`: confirm, need_help or close) to request
    `request_id`. None when it answers nothing the flow still waits for: another request,
    or a ticket already resolved (the answer is kept, the ticket does not move)."""
    if standing.request_id != request_id or standing.state not in (
        State.AWAITING,
        State.OPEN,  # they asked a question by reply, then answered the same request
    ):
        return None
    run = _Run(standing, TicketFacts(0, (), None, None), _NO_POLICY)
    if choice == "confirm":
        run.move(State.CONFIRMED, Cause.LINK, Actor.CUSTOMER, at, link_choice=choice)
        run.want("confirmed")
    elif choice == "close":
        run.move(State.CLOSED_BY_CUSTOMER, Cause.LINK, Actor.CUSTOMER, at, link_choice=choice)
        run.want("closed_by_customer")
    elif choice == "need_help":
        run.move(State.REOPENED, Cause.LINK, Actor.CUSTOMER, at, link_choice=choice)
        run.want("reopened", set_open=True)
    else:
        raise ValueError(f"unknown choice {choice!r}")
    return Step(run.s, run.transitions, run.intents)


_NO_POLICY = Policy(
    mode="ask",
    remind_after=(),
    close_after=timedelta(days=1),
    quiet=QuietHours(*(datetime.min.time(),) * 2),
    zone=ZoneInfo("UTC"),
    opt_out_tag="",
)
