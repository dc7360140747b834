"""When a job is due: pure functions of the last runs and `now`, shared by every replica.

Replicas decide from the same `job_runs` rows, so a job that one replica ran is not due in
another. Interval jobs are due an interval after their last run started; the digest is due
once per local day (or week) from its local time on, in the configured time zone:

- On a spring-forward day a time in the skipped hour (02:30 in Europe/Madrid) is read with
  the offset before the change, so it fires at 03:30 new time, once.
- On a fall-back day a time in the repeated hour fires at its first occurrence, once: the
  run after it counts as done for the day.
- A process that was down at the time fires on start, the same day (catch-up); a day it
  was down for entirely is not posted late, since the next day's digest covers the days
  since.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Every:
    """Due `interval` after the last run started (at once when it never ran)."""

    interval: timedelta

    def due_at(self, last_started: datetime | None, now: datetime) -> datetime:
        return now if last_started is None else last_started + self.interval


@dataclass(frozen=True)
class DailyAt:
    """Due at local `at` in `zone` each day, or only on `weekday` (0 = Monday) when set."""

    at: time
    zone: ZoneInfo
    weekday: int | None = None

    def fire_time(self, day: date) -> datetime:
        """The instant `at` names on local `day` (see module doc for DST days)."""
        return datetime.combine(day, self.at, tzinfo=self.zone)

    def _fires_on(self, day: date) -> bool:
        return self.weekday is None or day.weekday() == self.weekday

    def due_at(self, last_started: datetime | None, now: datetime) -> datetime:
        """`now` when today's run is due and not yet done, else the next fire time.

        `last_started` is when the last run that counts as done (ok or skipped) started.
        """
        today = now.astimezone(self.zone).date()
        if self._fires_on(today):
            fire = self.fire_time(today)
            done = last_started is not None and last_started >= fire
            if now >= fire and not done:
                return now
        day = today
        for _ in range(8):
            day += timedelta(days=1)
            if self._fires_on(day):
                return self.fire_time(day)
        raise AssertionError("a weekday recurs within 8 days")  # unreachable


Schedule = Every | DailyAt


def weekday_number(name: str | None) -> int | None:
    """ "mon".."sun" as 0..6, None for None."""
    return None if name is None else WEEKDAYS.index(name)
