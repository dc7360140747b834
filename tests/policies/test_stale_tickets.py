"""`stale_tickets`: tickets waiting on us past their priority's threshold, from the store."""

from __future__ import annotations

from sqlalchemy import Engine, text
from updates_support import NOW, add_comment, add_ticket, hours, settings

from bot.policies.stale import stale_tickets


def stale_ids(engine: Engine, **overrides: object) -> list[int]:
    with engine.connect() as connection:
        return [s.ticket_id for s in stale_tickets(connection, settings(**overrides), NOW)]


def test_each_priority_has_its_own_threshold_in_calendar_hours(engine: Engine) -> None:
    # Each priority once just past its threshold and once just short of it.
    for n, (priority, limit) in enumerate(
        [("urgent", 4), ("high", 8), ("normal", 24), ("low", 48), (None, 24)]
    ):
        add_ticket(engine, 100 + n, created=NOW - hours(limit + 0.5), priority=priority)
        add_ticket(engine, 200 + n, created=NOW - hours(limit - 0.5), priority=priority)

    assert sorted(stale_ids(engine)) == [100, 101, 102, 103, 104]


def test_thresholds_come_from_the_settings(engine: Engine) -> None:
    add_ticket(engine, 1, created=NOW - hours(3), priority="urgent")
    add_ticket(engine, 2, created=NOW - hours(30), priority="low")

    assert stale_ids(engine) == []
    # A priority the settings leave out counts as normal.
    assert sorted(stale_ids(engine, stale_after_hours={"urgent": 2, "normal": 24})) == [1, 2]


def test_the_wait_starts_at_the_last_public_agent_reply_not_an_internal_note(
    engine: Engine,
) -> None:
    add_ticket(engine, 1, created=NOW - hours(50))
    add_comment(engine, 1, NOW - hours(2))  # a public reply: not waiting long
    add_ticket(engine, 2, created=NOW - hours(50))
    add_comment(engine, 2, NOW - hours(2), public=False)  # a note the customer never saw
    add_ticket(engine, 3, created=NOW - hours(50))
    add_comment(engine, 3, NOW - hours(1), role="customer")  # the customer still waits

    assert stale_ids(engine) == [2, 3]


def test_only_tickets_waiting_on_us_are_stale(engine: Engine) -> None:
    for n, status in enumerate(["new", "open", "hold", "pending", "solved", "closed"]):
        add_ticket(engine, 10 + n, created=NOW - hours(100), status=status)
    add_ticket(engine, 20, created=NOW - hours(100))
    with engine.begin() as connection:
        connection.execute(text("UPDATE tickets SET deleted = :yes WHERE id = 20"), {"yes": True})

    assert sorted(stale_ids(engine)) == [10, 11, 12]


def test_in_business_hours_a_weekend_does_not_count(engine: Engine) -> None:
    # NOW is Thursday 12:00 UTC. Created Monday 12:00: 24 working hours (Mon-Thu, 8 a day)
    # is exactly stale at Thursday 12:00; Wednesday 09:00: 11 hours, not stale at 24.
    add_ticket(engine, 1, created=NOW - hours(72), priority="normal")
    add_ticket(engine, 2, created=NOW - hours(27), priority="normal")
    add_ticket(engine, 3, created=NOW - hours(27), priority="high")

    calendar = stale_ids(engine)
    business = stale_ids(engine, stale_business_hours="Mon-Fri 09:00-17:00")

    assert sorted(calendar) == [1, 2, 3]
    assert sorted(business) == [1, 3]


def test_oldest_wait_first_with_when_it_went_stale(engine: Engine) -> None:
    add_ticket(engine, 1, created=NOW - hours(30))
    add_ticket(engine, 2, created=NOW - hours(60))
    with engine.connect() as connection:
        found = stale_tickets(connection, settings(), NOW)

    assert [s.ticket_id for s in found] == [2, 1]
    assert found[1].stale_since == NOW - hours(6) and found[1].threshold == hours(24)
