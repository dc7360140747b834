"""Which automations `alignbot zendesk setup` names as racing the flow: those that set status
solved or closed, admit a pending ticket, and do not already exclude awaiting tickets."""

from __future__ import annotations

from typing import Any

import pytest

from bot.resolution.setup import existing_awaiting_status, risky_automations

SOLVE = [{"field": "status", "value": "solved"}]


def automation(
    all_: list[dict[str, Any]], any_: list[dict[str, Any]] | None = None, **fields: Any
) -> dict[str, Any]:
    """An active automation that solves, with these conditions (and `fields` overriding)."""
    conditions = {"all": all_, "any": any_ or []}
    return {"id": 7, "title": "Rule", "active": True, "actions": SOLVE, **fields} | {
        "conditions": conditions
    }


def status(op: str, value: str) -> dict[str, str]:
    return {"field": "status", "operator": op, "value": value}


@pytest.mark.parametrize(
    ("conditions", "any_conditions", "risky"),
    [
        ([status("is", "pending")], [], True),
        ([status("less_than", "solved")], [], True),  # new, open, pending, hold
        ([status("is_not", "open")], [], True),
        ([], [], True),  # no condition on the status at all
        ([status("is", "open")], [], False),
        ([status("is", "solved")], [], False),
        ([status("greater_than", "pending")], [], False),
        ([status("is_not", "pending")], [], False),
        ([], [status("is", "open"), status("is", "hold")], False),
        ([], [status("is", "open"), status("is", "pending")], True),
    ],
)
def test_an_automation_is_risky_when_it_can_solve_a_pending_ticket(
    conditions: list[dict[str, Any]], any_conditions: list[dict[str, Any]], risky: bool
) -> None:
    found = risky_automations([automation(conditions, any_conditions)], custom_status_id=None)
    assert bool(found) is risky


def test_an_automation_already_excluding_awaiting_tickets_is_not_named() -> None:
    by_tag = {
        "field": "current_tags",
        "operator": "not_includes",
        "value": "x alignbot_awaiting_confirmation",
    }
    by_status = {"field": "custom_status_id", "operator": "is_not", "value": "42"}
    pending = status("is", "pending")

    assert risky_automations([automation([pending, by_tag])], None) == []
    assert risky_automations([automation([pending, by_status])], 42) == []
    assert risky_automations([automation([pending, by_status])], 43) != []


def test_inactive_and_non_solving_automations_are_not_named() -> None:
    pending = [status("is", "pending")]
    assert risky_automations([automation(pending, active=False)], None) == []
    notify = automation(pending, actions=[{"field": "priority", "value": "high"}])
    assert risky_automations([notify], None) == []
    closing = automation(pending, actions=[{"field": "status", "value": "closed"}])
    assert [r.sets_status for r in risky_automations([closing], None)] == ["closed"]


def test_the_existing_status_is_found_by_agent_label_active_first() -> None:
    statuses = [
        {"id": 1, "agent_label": "Pending", "active": True},
        {"id": 2, "agent_label": "awaiting confirmation", "active": False},
        {"id": 3, "agent_label": "Awaiting confirmation", "active": True},
    ]
    assert existing_awaiting_status(statuses) == statuses[2]
    assert existing_awaiting_status(statuses[:2]) == statuses[1]
    assert existing_awaiting_status(statuses[:1]) is None
