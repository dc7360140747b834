"""Review mode: a draft update waits for its assignee's Send, Edit or Skip in Slack.

The draft reaches its assignee inside their stale-ticket nudge (`bot.policies.nudges`: the
draft as plain text, buttons under the shared action ids below), under the nudges'
restraint; `get_draft` and `review_draft` are what the Slack app calls. The first decision
on a draft counts: `send` queues the `zendesk.proactive_update` row in the transaction
that records it, unless the ticket moved on since (solved, pending, answered in public):
then it is dropped, saying why. A later click changes nothing and says what the first did.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, Engine, func, select, true, update

from bot.outbox.deliverers import ZENDESK_PROACTIVE_UPDATE
from bot.outbox.queueing import enqueue
from bot.policies.stale import WAITING_ON_US
from bot.resolution.states import AWAITING_TAG
from bot.store.tables import COMMENTS, PROACTIVE_UPDATES, TICKETS

__all__ = [
    "ACTION_EDIT",
    "ACTION_OPEN",
    "ACTION_SEND",
    "ACTION_SKIP",
    "ALIGNBOT",
    "DRAFTED",
    "DROPPED",
    "DRY_RUN",
    "QUEUED",
    "SKIPPED",
    "Draft",
    "ReviewOutcome",
    "decide",
    "get_draft",
    "outbox_key",
    "review_draft",
]

#: What a Slack section's text may hold (Block Kit's limit is 3000).
SECTION_LIMIT = 2900

# Statuses of a decision (bot.store.updates).
DRAFTED, QUEUED, SKIPPED, DROPPED, DRY_RUN = "drafted", "queued", "skipped", "dropped", "dry_run"
#: Who decided a draft whose grace period ran out.
ALIGNBOT = "alignbot"

# Block Kit action ids the Slack app listens to (issue 11's shared contract).
ACTION_SEND = "alignbot_update_send"
ACTION_EDIT = "alignbot_update_edit"
ACTION_SKIP = "alignbot_update_skip"
ACTION_OPEN = "alignbot_open_ticket"


@dataclass(frozen=True)
class Draft:
    """A proposed update waiting for (or past) its assignee's decision."""

    id: int
    ticket_id: int
    locale: str
    body: str
    status: str  # drafted, queued, skipped, dropped (bot.store.updates)
    assignee_id: int | None
    created_at: datetime
    due_at: datetime | None  # when the default applies if nobody decides


@dataclass(frozen=True)
class ReviewOutcome:
    """What became of a draft after a click, with a short sentence for Slack."""

    draft_id: int
    status: str
    message: str


def get_draft(engine: Engine, draft_id: int) -> Draft | None:
    """The draft with this id (any status), or None."""
    with engine.connect() as connection:
        row = connection.execute(
            select(PROACTIVE_UPDATES).where(PROACTIVE_UPDATES.c.id == draft_id)
        ).first()
    return _draft(row._mapping) if row is not None else None


def _draft(row: Mapping[Any, Any]) -> Draft:
    return Draft(
        id=int(row["id"]),
        ticket_id=int(row["ticket_id"]),
        locale=str(row["locale"]),
        body=str(row["body"]),
        status=str(row["status"]),
        assignee_id=row["assignee_id"],
        created_at=row["created_at"],
        due_at=row["due_at"],
    )


def review_draft(
    engine: Engine,
    draft_id: int,
    action: Literal["send", "skip"],
    *,
    slack_user_id: str,
    now: datetime,
    body: str | None = None,
) -> ReviewOutcome:
    """Send (with `body` when the reviewer edited it) or skip a draft.

    `send` queues the `zendesk.proactive_update` row in the transaction that marks the
    draft. Only the first decision counts: a later click (or one racing it) changes and
    queues nothing and returns what the first decision did.
    """
    if action not in ("send", "skip"):
        raise ValueError(f"action must be 'send' or 'skip', not {action!r}")
    edited = body.strip() if body is not None else None
    if edited == "":
        return ReviewOutcome(draft_id, DRAFTED, "An update cannot be empty: nothing was sent")
    with engine.begin() as connection:
        decided = decide(connection, draft_id, action, by=slack_user_id, now=now, body=edited)
        if decided is not None:
            return decided
        row = connection.execute(
            select(PROACTIVE_UPDATES).where(PROACTIVE_UPDATES.c.id == draft_id)
        ).first()
    if row is None:
        return ReviewOutcome(draft_id, "missing", "This draft no longer exists")
    return _already(row._mapping)


def decide(
    connection: Connection,
    draft_id: int,
    action: Literal["send", "skip", "drop"],
    *,
    by: str,
    now: datetime,
    body: str | None = None,
) -> ReviewOutcome | None:
    """Move a draft still `drafted` to queued (queueing the update) or skipped/dropped;
    None when it is not (or no longer) a draft."""
    p = PROACTIVE_UPDATES.c
    moot = None
    if action == "send":
        moot = _moot(connection, draft_id)
        if moot is not None:
            action = "drop"
    status = {"send": QUEUED, "skip": SKIPPED, "drop": DROPPED}[action]
    values: dict[str, Any] = {"status": status, "decided_at": now, "decided_by": by}
    if moot is not None:
        values["reason"] = moot
    elif action == "drop":
        values["reason"] = "nobody decided within the grace period"
    if body is not None:
        values["body"] = body
    changed = connection.execute(
        update(PROACTIVE_UPDATES)
        .where(p.id == draft_id, p.status == DRAFTED)
        .values(**values)
        .returning(p.ticket_id, p.body, p.decision_key)
    ).first()
    if changed is None:
        return None
    if moot is not None:
        return ReviewOutcome(draft_id, status, f"Not sent: {moot}")
    if action != "send":
        message = (
            "Skipped: the customer gets no update this time"
            if action == "skip"
            else "Dropped: nobody decided within the grace period"
        )
        return ReviewOutcome(draft_id, status, message)
    key = outbox_key(str(changed.decision_key))
    enqueue(
        connection,
        key=key,
        kind=ZENDESK_PROACTIVE_UPDATE,
        target=str(changed.ticket_id),
        payload={"body": str(changed.body), "public": True},
        now=now,
    )
    connection.execute(update(PROACTIVE_UPDATES).where(p.id == draft_id).values(outbox_key=key))
    return ReviewOutcome(draft_id, QUEUED, "Sent to the customer")


def _moot(connection: Connection, draft_id: int) -> str | None:
    """Why a draft should no longer go out (the ticket moved on since it was drafted), as
    the store knows it; None when it still should."""
    p, t, c = PROACTIVE_UPDATES.c, TICKETS.c, COMMENTS.c
    row = connection.execute(
        select(p.ticket_id, t.status, t.tags, p.created_at)
        .select_from(PROACTIVE_UPDATES.join(TICKETS, t.id == p.ticket_id))
        .where(p.id == draft_id)
    ).first()
    if row is None:
        return None
    if row.status not in WAITING_ON_US:
        return f"the ticket is {row.status} now"
    if AWAITING_TAG in (row.tags or ()):
        return "the ticket awaits the customer's confirmation now"
    replied = connection.execute(
        select(func.count())
        .select_from(COMMENTS)
        .where(
            c.ticket_id == row.ticket_id,
            c.author_role == "agent",
            c.public == true(),
            c.created_at > row.created_at,
        )
    ).scalar_one()
    return "an agent has replied to the customer since" if replied else None


def _already(row: Mapping[Any, Any]) -> ReviewOutcome:
    """The outcome of a draft decided before, said as such."""
    status, at = str(row["status"]), row["decided_at"]
    when = f" at {at.astimezone(UTC):%H:%M} UTC" if at is not None else ""
    by = " by alignbot (grace period over)" if row["decided_by"] == ALIGNBOT else ""
    message = {
        QUEUED: f"Already sent{when}{by}",
        SKIPPED: f"Already skipped{when}",
        DROPPED: f"Not sent{when}: {row['reason'] or 'nobody decided in time'}",
        DRY_RUN: "A dry run: nothing is sent",
    }.get(status, f"Already {status}{when}")
    return ReviewOutcome(int(row["id"]), status, message)


def outbox_key(key: str) -> str:
    return f"proactive:{key}"
