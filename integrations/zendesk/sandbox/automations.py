"""Zendesk's time-based rules, which the sandbox runs when its clock is moved on.

- The default automation "Close ticket 4 days after status is set to solved": an admin may
  make it up to 28 days, and cannot switch it off.
- A ticket solved for 28 days is closed whatever the automations say.

(Zendesk Support, "About the standard automations".) Zendesk runs automations hourly; the
sandbox runs them when a test advances its clock, so a close lands at the exact moment.
"""

from __future__ import annotations

from typing import Any

from integrations.zendesk.sandbox.org import Org, from_iso

__all__ = [
    "DEFAULT_CLOSE_SOLVED_AFTER_DAYS",
    "HARD_CLOSE_DAYS",
    "close_solved_rule",
    "due_to_close",
    "rule",
    "rule_matches",
    "solved_at",
    "status_action",
]

DAY = 86_400
DEFAULT_CLOSE_SOLVED_AFTER_DAYS = 4
HARD_CLOSE_DAYS = 28


def solved_at(org: Org, ticket_id: int) -> float | None:
    """When the ticket was last solved: its metric set's `solved_at`, else its last update
    (a fixture ticket may have no metric set)."""
    metric = org.ticket_metrics.get(ticket_id) or {}
    ticket: dict[str, Any] = org.tickets.get(ticket_id) or {}
    for stamp in (metric.get("solved_at"), ticket.get("updated_at")):
        if isinstance(stamp, str):
            try:
                return float(from_iso(stamp))
            except ValueError:
                continue
    return None


def due_to_close(org: Org, now: float, close_after_days: float) -> list[tuple[int, bool]]:
    """The solved tickets to close at `now`, each with whether the 28-day rule (rather than
    the automation) closes it."""
    after = min(float(close_after_days), HARD_CLOSE_DAYS) * DAY
    due = []
    for ticket_id, ticket in org.tickets.items():
        if ticket.get("status") != "solved":
            continue
        solved = solved_at(org, ticket_id)
        if solved is None or now - solved < after:
            continue
        due.append((ticket_id, now - solved >= HARD_CLOSE_DAYS * DAY))
    return due


# ----- the automations list: GET /api/v2/automations ----------------------------------------

HOUR = 3600
STANDARD_CLOSE_ID = 1


def close_solved_rule(close_after_days: float, stamp: str) -> dict[str, Any]:
    """The standard automation as Zendesk serves it (the sandbox applies it in `due_to_close`)."""
    days = int(close_after_days)
    return rule(
        STANDARD_CLOSE_ID,
        f"Close ticket {days} days after status is set to solved",
        conditions=[
            {"field": "status", "operator": "is", "value": "solved"},
            {"field": "SOLVED", "operator": "greater_than", "value": str(days * 24)},
        ],
        actions=[{"field": "status", "value": "closed"}],
        position=1,
        stamp=stamp,
    )


def rule(
    automation_id: int,
    title: str,
    *,
    conditions: list[dict[str, Any]],
    actions: list[dict[str, Any]],
    stamp: str,
    any_conditions: list[dict[str, Any]] | None = None,
    active: bool = True,
    position: int = 0,
) -> dict[str, Any]:
    """One automation in Zendesk's JSON format."""
    return {
        "id": automation_id,
        "url": f"/api/v2/automations/{automation_id}.json",
        "title": title,
        "raw_title": title,
        "active": active,
        "default": automation_id == STANDARD_CLOSE_ID,
        "position": position or automation_id,
        "conditions": {"all": list(conditions), "any": list(any_conditions or [])},
        "actions": list(actions),
        "created_at": stamp,
        "updated_at": stamp,
    }


def _since(org: Org, ticket_id: int, status: str) -> float | None:
    """When the ticket last entered `status`, from its audits (its last update otherwise)."""
    for event in reversed(org.audits_of(ticket_id)):
        for child in event.get("child_events") or []:
            if child.get("field_name") == "status" and child.get("value") == status:
                return float(event.get("timestamp") or 0)
    ticket = org.tickets.get(ticket_id) or {}
    stamp = ticket.get("updated_at")
    return float(from_iso(stamp)) if isinstance(stamp, str) else None


def _condition_holds(org: Org, ticket: dict[str, Any], now: float, cond: dict[str, Any]) -> bool:
    """One condition of the few the sandbox understands; an unknown one never holds, so
    an automation the sandbox cannot read does nothing rather than something wrong."""
    field, op, value = cond.get("field"), cond.get("operator"), cond.get("value")
    tags = set(ticket.get("tags") or [])
    wanted = set(str(value).split()) if isinstance(value, str) else set(map(str, value or []))
    match field, op:
        case "status", "is":
            return bool(ticket.get("status") == value)
        case "status", "is_not":
            return bool(ticket.get("status") != value)
        case "current_tags", "includes":
            return bool(tags & wanted)
        case "current_tags", "not_includes":
            return not tags & wanted
        case "custom_status_id", "is":
            return str(ticket.get("custom_status_id")) == str(value)
        case "custom_status_id", "is_not":
            return str(ticket.get("custom_status_id")) != str(value)
        case (("PENDING" | "SOLVED"), ("greater_than" | "is")):
            since = _since(org, int(ticket["id"]), str(field).lower())
            if since is None or ticket.get("status") != str(field).lower():
                return False
            hours, limit = (now - since) / HOUR, float(str(value))
            return hours > limit if op == "greater_than" else int(hours) == int(limit)
    return False


def rule_matches(org: Org, ticket: dict[str, Any], now: float, automation: dict[str, Any]) -> bool:
    """Whether an automation's conditions hold for a ticket at `now` (all of `all`, and
    one of `any` when `any` has any)."""
    conditions = automation.get("conditions") or {}
    every = conditions.get("all") or []
    some = conditions.get("any") or []
    return all(_condition_holds(org, ticket, now, c) for c in every) and (
        not some or any(_condition_holds(org, ticket, now, c) for c in some)
    )


def status_action(automation: dict[str, Any]) -> str | None:
    """The status an automation sets, if it sets one."""
    for action in automation.get("actions") or []:
        if action.get("field") == "status":
            return str(action.get("value"))
    return None
