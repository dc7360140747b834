"""Stale tickets: tickets that wait on us for longer than their priority allows.

A ticket is *waiting on us* while its status is new, open or on hold; it waits since its
last public agent reply or, without one, since it was created (an internal note is not a
reply: the customer never sees it). It is *stale* once that wait is longer than its
priority's threshold (`STALE_AFTER_HOURS`, a ticket without a priority counts as normal),
counted in calendar hours, or in the business hours of `STALE_BUSINESS_HOURS` (in
`ALIGNBOT_TIMEZONE`, without `STALE_HOLIDAYS`) when that is set.

`stale_tickets` is one query over the partial index of waiting tickets and the partial
index of public agent comments. Business hours only ever make a wait shorter than the
calendar time it spans, so the query selects the tickets stale in calendar hours and the
business-hours rule is applied to those few in Python. The `stale_tickets` metric
(`bot.metrics.transparency`) reads the same thresholds (`thresholds`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, and_, case, false, func, literal, select, text, true

from bot.settings import Settings
from bot.store.tables import COMMENTS, TICKETS

__all__ = [
    "PRIORITIES",
    "WAITING_ON_US",
    "BusinessSchedule",
    "StaleTicket",
    "business_elapsed",
    "deadline",
    "parse_schedule",
    "schedule_of",
    "stale_tickets",
    "thresholds",
]

PRIORITIES = ("urgent", "high", "normal", "low")
#: Statuses in which the next move is ours.
WAITING_ON_US = ("new", "open", "hold")

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SCHEDULE = re.compile(
    r"^\s*(?P<days>[A-Za-z,\- ]+?)\s+(?P<h1>[01]?\d|2[0-3]):(?P<m1>[0-5]\d)\s*-\s*"
    r"(?P<h2>[01]?\d|2[0-4]):(?P<m2>[0-5]\d)\s*$"
)


@dataclass(frozen=True)
class BusinessSchedule:
    """Working hours: the same local window [start, end) on each of `weekdays` (0 = Monday)
    in `zone`, except on `holidays` (local dates)."""

    weekdays: frozenset[int]
    start: time
    end: time
    zone: ZoneInfo
    holidays: frozenset[date] = frozenset()

    def window(self, day: date) -> tuple[datetime, datetime] | None:
        """The working window of a local `day` in UTC, or None for a day off."""
        if day.weekday() not in self.weekdays or day in self.holidays:
            return None
        opens = datetime.combine(day, self.start, tzinfo=self.zone)
        if self.end == time(0):  # "24:00": the end of the day
            closes = datetime.combine(day + timedelta(days=1), time(0), tzinfo=self.zone)
        else:
            closes = datetime.combine(day, self.end, tzinfo=self.zone)
        return opens.astimezone(UTC), closes.astimezone(UTC)


def _day_index(name: str) -> int:
    key = name.strip().lower()[:3]
    if key not in _DAYS:
        raise ValueError(f"unknown day {name.strip()!r} (use Mon, Tue, ... Sun)")
    return _DAYS.index(key)


def parse_schedule(text: str, zone: ZoneInfo, holidays: Iterable[date] = ()) -> BusinessSchedule:
    """A `BusinessSchedule` from "Mon-Fri 09:00-17:00" (days: names, ranges and commas,
    e.g. "Mon-Thu,Sat"); ValueError saying what is expected otherwise."""
    match = _SCHEDULE.match(text)
    if match is None:
        raise ValueError(f"must be like 'Mon-Fri 09:00-17:00', not {text!r}")
    weekdays: set[int] = set()
    for part in match["days"].split(","):
        first, _, last = part.partition("-")
        lo = _day_index(first)
        hi = _day_index(last) if last else lo
        span = range(lo, hi + 1) if lo <= hi else [*range(lo, 7), *range(0, hi + 1)]
        weekdays.update(span)
    h1, m1, h2, m2 = (int(match[g]) for g in ("h1", "m1", "h2", "m2"))
    if h2 == 24 and m2 != 0:
        raise ValueError(f"the day ends at 24:00 at the latest, not {text!r}")
    start, end = time(h1, m1), time(0) if h2 == 24 else time(h2, m2)
    if end != time(0) and end <= start:
        raise ValueError(f"the working hours must end after they start, not {text!r}")
    return BusinessSchedule(frozenset(weekdays), start, end, zone, frozenset(holidays))


def business_elapsed(start: datetime, end: datetime, schedule: BusinessSchedule) -> timedelta:
    """The working time between two aware moments (zero when `end` is not after `start`)."""
    if end <= start:
        return timedelta(0)
    total = timedelta(0)
    day = start.astimezone(schedule.zone).date() - timedelta(days=1)
    last = end.astimezone(schedule.zone).date()
    while day <= last:
        window = schedule.window(day)
        if window is not None:
            lo, hi = max(window[0], start), min(window[1], end)
            if hi > lo:
                total += hi - lo
        day += timedelta(days=1)
    return total


def deadline(start: datetime, hours: float, schedule: BusinessSchedule | None) -> datetime:
    """The moment `hours` of waiting after `start` end: calendar hours without a schedule,
    else working hours (a wait started out of hours begins at the next opening). In UTC."""
    left = timedelta(hours=hours)
    if schedule is None:
        return (start + left).astimezone(UTC)
    if not schedule.weekdays:
        raise ValueError("a business schedule needs at least one working day")
    day = start.astimezone(schedule.zone).date() - timedelta(days=1)
    idle = 0
    while True:
        window = schedule.window(day)
        day += timedelta(days=1)
        if window is None:
            idle += 1
            if idle > 400:  # a year of holidays: the schedule never opens
                raise ValueError("the business schedule has no working day in a year")
            continue
        idle = 0
        lo = max(window[0], start.astimezone(UTC))
        if window[1] <= lo:
            continue
        if lo + left <= window[1]:
            return lo + left
        left -= window[1] - lo


def schedule_of(settings: Settings) -> BusinessSchedule | None:
    """The business schedule stale waits are counted in, or None for calendar hours."""
    if not settings.stale_business_hours:
        return None
    return parse_schedule(settings.stale_business_hours, settings.timezone, settings.stale_holidays)


def thresholds(settings: Settings) -> dict[str, timedelta]:
    """How long a ticket of each priority may wait for a public agent reply."""
    return {name: timedelta(hours=hours) for name, hours in settings.stale_after_hours.items()}


@dataclass(frozen=True)
class StaleTicket:
    """A ticket waiting on us for longer than its priority allows."""

    ticket_id: int
    priority: str  # "normal" when the ticket has none
    status: str
    waiting_since: datetime  # the last public agent reply, else the ticket's creation
    stale_since: datetime  # when the threshold ran out (`deadline`)
    threshold: timedelta
    assignee_id: int | None
    group_id: int | None
    requester_id: int | None


def _cutoffs(after: Mapping[str, timedelta], now: datetime) -> tuple[Any, datetime]:
    """The CASE giving each priority's latest stale waiting start, and the latest of all."""
    priority = func.coalesce(TICKETS.c.priority, "normal")
    default = after.get("normal", max(after.values()))
    cutoff = case(
        *((priority == name, literal(now - wait)) for name, wait in after.items()),
        else_=literal(now - default),
    )
    return cutoff, now - min([*after.values(), default])


def stale_tickets(connection: Connection, settings: Settings, now: datetime) -> list[StaleTicket]:
    """Every ticket stale at `now`, oldest wait first.

    One query: live tickets waiting on us (a partial index of them) created before the
    shortest threshold, each with its last public agent reply (the partial index of those,
    one probe per ticket), kept when that wait exceeds the priority's calendar threshold;
    with a business schedule, the calendar candidates are then checked in working hours.
    """
    after = thresholds(settings)
    schedule = schedule_of(settings)
    t, c = TICKETS.c, COMMENTS.c
    last_reply = (
        select(func.max(c.created_at))
        .where(c.ticket_id == t.id, c.author_role == "agent", c.public == true())
        .scalar_subquery()
    )
    waiting_since = func.coalesce(last_reply, t.created_at)
    cutoff, newest = _cutoffs(after, now)
    query = (
        select(
            t.id,
            func.coalesce(t.priority, "normal"),
            t.status,
            waiting_since,
            t.assignee_id,
            t.group_id,
            t.requester_id,
        )
        .where(
            # Literal, so that SQLite too reads the partial index of waiting tickets.
            text("tickets.status IN ('new', 'open', 'hold')"),
            t.deleted == false(),
            t.created_at < newest,
            and_(waiting_since < cutoff),
        )
        .order_by(waiting_since, t.id)
    )
    found = []
    for row in connection.execute(query):
        priority = row[1] if row[1] in after else "normal"
        wait = after.get(priority, after.get("normal", max(after.values())))
        since = _aware(row[3])
        due = deadline(since, wait.total_seconds() / 3600, schedule)
        if due > now:
            continue  # stale in calendar hours, not yet in working hours
        found.append(
            StaleTicket(
                ticket_id=int(row[0]),
                priority=priority,
                status=str(row[2]),
                waiting_since=since,
                stale_since=due,
                threshold=wait,
                assignee_id=row[4],
                group_id=row[5],
                requester_id=row[6],
            )
        )
    return found


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
