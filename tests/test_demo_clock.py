"""The demo's clock starts at the same hour whatever the hour it is run at, so what the demo
shows (nudges, which keep agents' quiet hours) does not depend on the wall clock."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from bot.cli.demo import DEMO_START_HOUR, demo_clock


def test_the_demo_clock_runs_on_from_its_start_by_the_time_elapsed() -> None:
    midnight = datetime(2026, 12, 4, tzinfo=UTC)
    started = time.monotonic() - 90  # the demo began a minute and a half ago

    now = datetime.fromtimestamp(demo_clock(midnight, started)(), UTC)

    start = midnight + timedelta(hours=DEMO_START_HOUR)
    assert start + timedelta(seconds=90) <= now < start + timedelta(seconds=90 + 600)


def test_the_demo_day_starts_inside_working_hours_and_outside_every_default_quiet_window() -> None:
    from bot.resolution.quiet import parse_quiet_hours
    from bot.settings import Settings

    settings = Settings()
    for window in (settings.nudge_quiet_hours, settings.proactive_quiet_hours):
        quiet = parse_quiet_hours(window)
        assert quiet.end.hour <= DEMO_START_HOUR < quiet.start.hour
