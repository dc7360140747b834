"""Which days a digest covers: local days in the configured time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.cli.digest import digest_period
from bot.errors import SettingsError
from bot.metrics.model import Period


def test_yesterday_is_the_local_day_not_the_utc_day() -> None:
    # 23:30 UTC on the 24th is already 00:30 on the 25th in Madrid: yesterday is the 24th.
    now = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    period = Period.yesterday(now, "Europe/Madrid")
    assert period.start.date() == date(2026, 11, 24)
    assert period.start.astimezone(UTC) == datetime(2026, 11, 23, 23, 0, tzinfo=UTC)
    assert period.end.astimezone(UTC) == datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    assert Period.yesterday(now, "UTC").start.date() == date(2026, 11, 23)


def test_a_day_across_a_daylight_saving_change_is_23_hours_long() -> None:
    period = Period.for_day(date(2026, 3, 29), "Europe/Madrid")  # clocks go forward
    # Same-zone datetimes subtract as wall clocks; in UTC the day is an hour short.
    assert (period.end.astimezone(UTC) - period.start.astimezone(UTC)).total_seconds() == 23 * 3600
    assert period.previous().start.date() == date(2026, 3, 28)


def test_previous_period_has_the_same_length_and_ends_where_this_starts() -> None:
    week = Period.between(date(2026, 11, 16), date(2026, 11, 23), "UTC")
    previous = week.previous()
    assert previous.end == week.start
    assert previous.days == week.days == 7


def test_since_and_until_include_both_days() -> None:
    now = datetime(2026, 11, 25, tzinfo=UTC)
    period = digest_period(now, "UTC", None, "2026-11-01", "2026-11-07")
    assert period.start.date() == date(2026, 11, 1)
    assert period.end.date() == date(2026, 11, 8)


@pytest.mark.parametrize(
    ("day", "since", "until", "message"),
    [
        ("2026-11-01", "2026-11-01", None, "--date cannot be combined"),
        (None, "2026-11-01", None, "go together"),
        (None, "2026-11-07", "2026-11-01", "is before"),
        ("yesterday", None, None, "expected a date"),
        (None, "2026-13-01", "2026-11-01", "expected a date"),
    ],
)
def test_bad_period_options_are_one_clear_error(
    day: str | None, since: str | None, until: str | None, message: str
) -> None:
    with pytest.raises(SettingsError, match=message):
        digest_period(datetime(2026, 11, 25, tzinfo=UTC), "UTC", day, since, until)
