"""Quiet hours: the local hours in which a customer is not sent a reminder.

A window is "HH:MM-HH:MM" in the requester's own time zone and may wrap midnight (the
default, 21:00-08:00, does). `next_allowed` says when something due at `at` may be sent:
`at` itself outside the window, else the window's end, in the requester's local time (a
daylight-saving change inside the window is the zone's to resolve, not ours).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["QuietHours", "next_allowed", "parse_quiet_hours", "zone_or"]

_WINDOW = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)\s*-\s*([01]?\d|2[0-3]):([0-5]\d)\s*$")


@dataclass(frozen=True)
class QuietHours:
    """A daily local window [start, end); start == end means no quiet hours."""

    start: time
    end: time

    def contains(self, local: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end


def parse_quiet_hours(text: str) -> QuietHours:
    """`QuietHours` from "HH:MM-HH:MM"; ValueError with what is expected otherwise."""
    match = _WINDOW.match(text)
    if match is None:
        raise ValueError(f"must be HH:MM-HH:MM, e.g. 21:00-08:00, not {text!r}")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    return QuietHours(time(h1, m1), time(h2, m2))


def zone_or(name: str | None, default: ZoneInfo) -> ZoneInfo:
    """The IANA zone `name`, or `default` when it is unset or not an IANA name (Zendesk
    also gives Rails names such as "Eastern Time (US & Canada)")."""
    if not name:
        return default
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return default


def next_allowed(at: datetime, quiet: QuietHours, zone: ZoneInfo) -> datetime:
    """The first moment at or after `at` (aware) outside `quiet` in `zone`, in UTC."""
    local = at.astimezone(zone)
    if not quiet.contains(local.time().replace(tzinfo=None)):
        return at.astimezone(UTC)
    end_day = local.date()
    if quiet.start > quiet.end and local.time() >= quiet.start:
        end_day += timedelta(days=1)
    end = datetime.combine(end_day, quiet.end, tzinfo=zone)
    return end.astimezone(UTC)
