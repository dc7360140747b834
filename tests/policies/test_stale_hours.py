"""Business hours: how long a wait lasts in working time, and when a threshold runs out."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.policies.stale import business_elapsed, deadline, parse_schedule

MADRID = ZoneInfo("Europe/Madrid")
WEEKDAYS = parse_schedule("Mon-Fri 09:00-17:00", MADRID)


def madrid(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in December 2026 in Madrid (the 3rd is a Thursday)."""
    return datetime(2026, 12, day, hour, minute, tzinfo=MADRID)


def test_a_wait_counts_only_the_working_hours_it_spans() -> None:
    # Thursday 16:00 to Monday 10:00: one hour on Thursday, eight on Friday, one on Monday.
    assert business_elapsed(madrid(3, 16), madrid(7, 10), WEEKDAYS) == timedelta(hours=10)


def test_a_wait_outside_working_hours_counts_nothing() -> None:
    assert business_elapsed(madrid(5, 9), madrid(6, 20), WEEKDAYS) == timedelta(0)
    assert business_elapsed(madrid(3, 18), madrid(4, 8), WEEKDAYS) == timedelta(0)


def test_a_holiday_is_a_day_off() -> None:
    schedule = parse_schedule("Mon-Fri 09:00-17:00", MADRID, [date(2026, 12, 4)])
    assert business_elapsed(madrid(3, 16), madrid(7, 10), schedule) == timedelta(hours=2)
    assert deadline(madrid(3, 16), 4, schedule) == madrid(7, 12).astimezone(UTC)


def test_a_deadline_carries_over_nights_and_weekends() -> None:
    assert deadline(madrid(3, 16), 4, WEEKDAYS) == madrid(4, 12).astimezone(UTC)
    assert deadline(madrid(4, 15), 8, WEEKDAYS) == madrid(7, 15).astimezone(UTC)


def test_a_wait_begun_out_of_hours_starts_at_the_next_opening() -> None:
    assert deadline(madrid(5, 22), 1, WEEKDAYS) == madrid(7, 10).astimezone(UTC)


def test_without_a_schedule_a_deadline_is_calendar_hours() -> None:
    assert deadline(madrid(5, 22), 24, None) == madrid(6, 22).astimezone(UTC)


def test_deadline_and_elapsed_agree() -> None:
    start = madrid(2, 11, 30)
    for hours in (0.5, 4, 8, 13, 40):
        end = deadline(start, hours, WEEKDAYS)
        assert business_elapsed(start, end, WEEKDAYS) == timedelta(hours=hours)


def test_schedules_accept_day_lists_and_reject_nonsense() -> None:
    schedule = parse_schedule("Mon-Wed,Sat 08:30-24:00", MADRID)
    assert schedule.weekdays == frozenset({0, 1, 2, 5})
    assert business_elapsed(madrid(5, 23), madrid(6, 1), schedule) == timedelta(hours=1)
    for bad in ("weekdays 9-5", "Mon-Fri 17:00-09:00", "Mon-Fry 09:00-17:00"):
        with pytest.raises(ValueError):
            parse_schedule(bad, MADRID)
