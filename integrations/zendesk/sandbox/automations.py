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

__all__ = ["DEFAULT_CLOSE_SOLVED_AFTER_DAYS", "HARD_CLOSE_DAYS", "due_to_close", "solved_at"]

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
