"""What `alignbot zendesk setup` decides: the custom status to create or reuse, and which
of the account's automations would solve or close a ticket while the flow awaits its
requester's answer (the race the flow must be protected from).

Pure functions over Zendesk's JSON (custom statuses, automations), plus the one store
write: the custom status id in the `resolution_flow` row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select, update

from bot.resolution.states import AWAITING_LABEL, AWAITING_TAG
from bot.store.tables import RESOLUTION_FLOW

__all__ = [
    "AWAITING_DESCRIPTION",
    "AWAITING_END_USER_LABEL",
    "RiskyAutomation",
    "existing_awaiting_status",
    "remember_custom_status",
    "risky_automations",
]

AWAITING_END_USER_LABEL = "Awaiting your confirmation"
AWAITING_DESCRIPTION = (
    "Solved by an agent; alignbot has asked the requester to confirm the issue is resolved."
)
FLOW_NAME = "default"
#: Zendesk's order of statuses, which its `less_than` / `greater_than` conditions compare.
STATUS_ORDER = ("new", "open", "pending", "hold", "solved", "closed")

Rule = Mapping[str, Any]


@dataclass(frozen=True)
class RiskyAutomation:
    """An active automation that would solve or close a ticket awaiting confirmation."""

    id: int
    title: str
    sets_status: str  # "solved" or "closed"

    def fix(self, custom_status_id: int | None) -> str:
        """The condition to add, in the words of Zendesk's admin center."""
        where = (
            f"Admin Center > Objects and rules > Business rules > Automations > "
            f"'{self.title}': under 'Meet ALL of the following conditions' add "
        )
        tag = f"'Tags | Contains none of the following | {AWAITING_TAG}'"
        if custom_status_id is None:
            return where + tag
        return where + f"{tag} (or 'Ticket status | Is not | {AWAITING_LABEL}')"


def existing_awaiting_status(statuses: Iterable[Rule]) -> Rule | None:
    """The account's "Awaiting confirmation" custom status (by agent label, any case),
    active ones first; None when there is none."""
    wanted = AWAITING_LABEL.casefold()
    found = [s for s in statuses if str(s.get("agent_label", "")).casefold() == wanted]
    found.sort(key=lambda s: not s.get("active"))
    return found[0] if found else None


def _admits_pending(condition: Rule) -> bool | None:
    """Whether a status condition lets a pending ticket through; None when the condition
    is not about the status."""
    if condition.get("field") != "status" or condition.get("value") not in STATUS_ORDER:
        return None
    value = STATUS_ORDER.index(str(condition["value"]))
    pending = STATUS_ORDER.index("pending")
    match condition.get("operator"):
        case "is":
            return value == pending
        case "is_not":
            return value != pending
        case "less_than":
            return pending < value
        case "greater_than":
            return pending > value
    return None


def _protected(conditions: Iterable[Rule], custom_status_id: int | None) -> bool:
    """Whether an `all` condition already keeps tickets awaiting confirmation out."""
    for c in conditions:
        field, op, value = c.get("field"), c.get("operator"), c.get("value")
        tags = value.split() if isinstance(value, str) else [str(v) for v in value or []]
        if field == "current_tags" and op == "not_includes" and AWAITING_TAG in tags:
            return True
        if field == "custom_status_id" and op == "is_not" and str(value) == str(custom_status_id):
            return True
    return False


def risky_automations(
    automations: Iterable[Rule], custom_status_id: int | None
) -> list[RiskyAutomation]:
    """The active automations that set status solved or closed, whose conditions admit a
    pending ticket, and that do not already exclude tickets awaiting confirmation (by the
    tag, or by the custom status `custom_status_id`)."""
    risky = []
    for rule in automations:
        if not rule.get("active"):
            continue
        sets = [a.get("value") for a in rule.get("actions") or [] if a.get("field") == "status"]
        if not sets or sets[-1] not in ("solved", "closed"):
            continue
        conditions = rule.get("conditions") or {}
        every = list(conditions.get("all") or [])
        some = list(conditions.get("any") or [])
        if any(_admits_pending(c) is False for c in every):
            continue
        some_status = [_admits_pending(c) for c in some]
        if some and all(a is False for a in some_status):
            continue
        if _protected(every, custom_status_id):
            continue
        risky.append(RiskyAutomation(int(rule["id"]), str(rule.get("title", "")), str(sets[-1])))
    return risky


def remember_custom_status(connection: Connection, custom_status_id: int | None) -> bool:
    """Store the custom status id in the flow's row (creating the row, `enabled_at` unset,
    when there is none); returns whether anything changed. `enabled_at` is never touched."""
    row = connection.execute(
        select(RESOLUTION_FLOW.c.custom_status_id).where(RESOLUTION_FLOW.c.name == FLOW_NAME)
    ).first()
    if row is None:
        connection.execute(
            RESOLUTION_FLOW.insert().values(
                name=FLOW_NAME, enabled_at=None, custom_status_id=custom_status_id, details={}
            )
        )
        return True
    if row.custom_status_id == custom_status_id:
        return False
    connection.execute(
        update(RESOLUTION_FLOW)
        .where(RESOLUTION_FLOW.c.name == FLOW_NAME)
        .values(custom_status_id=custom_status_id)
    )
    return True
