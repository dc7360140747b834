"""`TicketBudget.next_write_at`: when a ticket may take its next write."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.outbox import ZENDESK_TICKET_BUDGET, TicketBudget

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


def test_a_ticket_under_its_budget_may_be_written_now() -> None:
    written = [NOW - n * MINUTE for n in range(1, 30)]  # 29 in the last 10 minutes

    assert ZENDESK_TICKET_BUDGET.next_write_at(written, NOW) is None


def test_a_ticket_at_its_budget_waits_until_its_oldest_write_leaves_the_window() -> None:
    budget = TicketBudget(writes=3, window=10 * MINUTE)
    written = [NOW - 9 * MINUTE, NOW - 2 * MINUTE, NOW - MINUTE, NOW - 20 * MINUTE]

    assert budget.next_write_at(written, NOW) == NOW + MINUTE  # 9 minutes ago + 10


def test_with_more_writes_than_the_budget_it_waits_for_enough_of_them_to_leave() -> None:
    budget = TicketBudget(writes=2, window=10 * MINUTE)
    written = [NOW - 8 * MINUTE, NOW - 6 * MINUTE, NOW - 4 * MINUTE]  # one too many already

    assert budget.next_write_at(written, NOW) == NOW + 4 * MINUTE  # until two are left


def test_zendesks_budget_is_30_updates_per_10_minutes() -> None:
    assert (ZENDESK_TICKET_BUDGET.writes, ZENDESK_TICKET_BUDGET.window) == (30, 10 * MINUTE)


@pytest.mark.parametrize("writes,window", [(0, 10 * MINUTE), (3, timedelta(0))])
def test_an_empty_budget_is_refused(writes: int, window: timedelta) -> None:
    with pytest.raises(ValueError):
        TicketBudget(writes=writes, window=window)
