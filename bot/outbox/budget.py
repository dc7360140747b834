"""The per-ticket write budget: how many writes one ticket may take, and when the next may go.

Zendesk takes at most 30 updates of one ticket by one user in any 10 minutes (developer
docs, "Rate limits", endpoint limits: Update Ticket); the 31st is answered 429 with a
Retry-After of up to 10 minutes. alignbot writes as one user, so the dispatcher keeps under
that itself: a helpdesk row whose ticket already took its budget from the outbox is given
back untried, due when the oldest of those writes leaves the window, without using an attempt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

__all__ = ["ZENDESK_TICKET_BUDGET", "TicketBudget"]


@dataclass(frozen=True)
class TicketBudget:
    """At most `writes` writes to one ticket in any `window`."""

    writes: int = 30
    window: timedelta = timedelta(minutes=10)

    def __post_init__(self) -> None:
        if self.writes < 1 or self.window <= timedelta(0):
            raise ValueError("a ticket budget needs at least one write in a positive window")

    def next_write_at(self, written: Iterable[datetime], now: datetime) -> datetime | None:
        """When the next write to a ticket may go, given when its recent writes were made:
        None if it may go now, else the moment the oldest write it waits on leaves the
        window."""
        inside = sorted(t for t in written if t > now - self.window)
        if len(inside) < self.writes:
            return None
        return inside[len(inside) - self.writes] + self.window


ZENDESK_TICKET_BUDGET = TicketBudget(writes=30, window=timedelta(minutes=10))
