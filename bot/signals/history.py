"""A requester's public messages, indexed once, for the analysis job's conversation context.

Each comment is read beside the requester's earlier public messages: those of the last
`HISTORY_DAYS` (restatements, earlier contacts, what an agent reply should know) and the
latest one on its ticket (what an agent reply answers). Scanning that history for every
comment made a ticket's cost grow with the square of its length: 28 comments/s on one
ticket of 20,000 comments, against 6,000/s on ordinary ones. A `Timeline` indexes the
messages once, by time, channel, ticket, kind of information given and identifier, so each
question costs O(log n):

- `answered` and `asked_before` bisect the ticket's messages;
- `window` is a `bot.signals.context.History` over a time range: how many messages, which
  kinds they gave, whether they name an identifier, each a bisection;
- `other_channels` gives the earlier messages on other channels that restatements compare
  with, at most `RESTATEMENT_WINDOW` of them (the latest). Comparing is the one cost that
  grows with the history; ordinary histories hold far fewer, so their signals are the same,
  and a customer who wrote hundreds of times on other channels within the window is counted
  as restating at most that many.

Messages are appended in time order (`extend`); every question takes a `floor`, the
earliest time the analysis batch may look at, so a timeline kept from an earlier batch
answers exactly as one loaded for this batch would.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from bot.signals.context import EVERY_KIND, SETTINGS, identifiers, kinds_among
from bot.signals.repetition import EarlierMessage

__all__ = ["RESTATEMENT_WINDOW", "Said", "Timeline", "Window"]

#: Earlier messages on other channels a customer message is compared with, the latest first.
RESTATEMENT_WINDOW = 100


class Said(NamedTuple):
    """One public customer message: its own words, and the channel it came by (a tuple:
    the job makes one for every message a timeline loads, three times faster than a frozen
    dataclass)."""

    id: int
    ticket_id: int
    created_at: datetime
    channel: str
    text: str


@dataclass
class _Line:
    """Messages in time order with their times beside them, for bisection, and each one's
    place in the timeline's `all` (to merge lines by sorting integers)."""

    times: list[datetime] = field(default_factory=list)
    said: list[Said] = field(default_factory=list)
    places: list[int] = field(default_factory=list)

    def add(self, item: Said, place: int) -> None:
        self.times.append(item.created_at)
        self.said.append(item)
        self.places.append(place)

    def between(self, since: datetime, before: datetime) -> tuple[int, int]:
        return bisect_left(self.times, since), bisect_left(self.times, before)


def _any_between(times: list[datetime], since: datetime, before: datetime) -> bool:
    index = bisect_left(times, since)
    return index < len(times) and times[index] < before


class Timeline:
    """One requester's public customer messages from `start` on, oldest first."""

    def __init__(self, start: datetime) -> None:
        self.start = start  # no message before this was loaded
        self.end = start  # every message up to this (inclusive) was loaded
        self.all = _Line()
        self._channels: dict[str, _Line] = defaultdict(_Line)
        self._tickets: dict[int, _Line] = defaultdict(_Line)
        self._kinds: dict[str, list[datetime]] = defaultdict(list)
        # Per kind (`SETTINGS` for every setting), how many messages of `all` were searched
        # for it: each kind is searched for when first asked about.
        self._kinds_read: dict[str, int] = {}
        self._identifiers: dict[str, list[datetime]] = defaultdict(list)
        # Whether `all` is in (time, id) order, as `extend` promises: then a message's place
        # in it sorts as its (time, id) does. Checked, not trusted: a message out of order
        # sends `other_channels` back to sorting by (time, id).
        self._ordered = True

    def __len__(self) -> int:
        return len(self.all.said)

    def extend(self, said: Iterable[Said], end: datetime) -> int:
        """Append messages later than any held (in (time, id) order), loaded up to `end`;
        returns how many."""
        count = 0
        line, channels, tickets, known = self.all, self._channels, self._tickets, self._identifiers
        held = line.said
        # The previous message's (time, id), to check the order: the last one held.
        last = (held[-1].created_at, held[-1].id) if held else None
        for item in said:
            place = len(held)
            at = item.created_at
            key = (at, item.id)
            if last is not None and key <= last:
                self._ordered = False
            last = key
            # `_Line.add` on the three lines, spelt out: a timeline loads every message.
            line.times.append(at)
            held.append(item)
            line.places.append(place)
            by_channel = channels[item.channel]
            by_channel.times.append(at)
            by_channel.said.append(item)
            by_channel.places.append(place)
            by_ticket = tickets[item.ticket_id]
            by_ticket.times.append(at)
            by_ticket.said.append(item)
            by_ticket.places.append(place)
            for found in identifiers(item.text):
                known[found].append(at)
            count += 1
        self.end = max(self.end, end)
        return count

    def kinds(self, among: Collection[str] | None = None) -> dict[str, list[datetime]]:
        """When each kind of information was given (`kinds_in`), indexed on first need and
        only for the kinds `among` (every kind when None; the dict may hold more): most
        messages are never asked about, a reply asks for one or two of the twenty kinds, and
        searching a message for every kind was the costliest search of a reply."""
        said = self.all.said
        wanted = (
            EVERY_KIND
            if among is None
            else {SETTINGS if kind.startswith(SETTINGS) else kind for kind in among}
        )
        behind: dict[int, list[str]] = defaultdict(list)  # messages searched -> kinds
        for kind in wanted:
            read = self._kinds_read.get(kind, 0)
            if read < len(said):
                behind[read].append(kind)
                self._kinds_read[kind] = len(said)
        # A kind's times are appended in message order: each kind is in one group only.
        for read, group in behind.items():
            for item in said[read:]:
                for kind in kinds_among(item.text, group):
                    self._kinds[kind].append(item.created_at)
        return self._kinds

    def stale_share(self, floor: datetime) -> float:
        """The share of the messages held that are older than `floor` (never read again)."""
        return bisect_left(self.all.times, floor) / len(self) if len(self) else 0.0

    def answered(self, ticket_id: int, at: datetime, floor: datetime) -> Said | None:
        """The latest message on the ticket at or before `at` (and not before `floor`)."""
        line = self._tickets.get(ticket_id)
        if line is None:
            return None
        index = bisect_right(line.times, at)
        return line.said[index - 1] if index and line.times[index - 1] >= floor else None

    def asked_before(self, ticket_id: int, at: datetime, floor: datetime) -> bool:
        """Did the customer write on this ticket before `at` (and not before `floor`)?"""
        line = self._tickets.get(ticket_id)
        return line is not None and _any_between(line.times, floor, at)

    def window(self, since: datetime, before: datetime) -> Window:
        """The messages from `since` up to, not including, `before`."""
        return Window(self, since, before)

    def other_channels(self, channel: str, since: datetime, before: datetime) -> list[Said]:
        """The latest `RESTATEMENT_WINDOW` messages from `since` up to `before` that came by
        another channel than `channel`, oldest first.

        Each channel's latest are merged by their places in `all` (sorting integers, not
        (time, id) keys: this runs for every customer message the job analyses)."""
        if not self._ordered:
            found: list[Said] = []
            for name, line in self._channels.items():
                if name != channel:
                    first, end = line.between(since, before)
                    found.extend(line.said[max(first, end - RESTATEMENT_WINDOW) : end])
            found.sort(key=lambda item: (item.created_at, item.id))
            return found[-RESTATEMENT_WINDOW:]
        places: list[int] = []
        for name, line in self._channels.items():
            if name != channel:
                first, end = line.between(since, before)
                places.extend(line.places[max(first, end - RESTATEMENT_WINDOW) : end])
        places.sort()
        held = self.all.said
        return [held[place] for place in places[-RESTATEMENT_WINDOW:]]


@dataclass(frozen=True)
class Window:
    """A `bot.signals.context.History` over a timeline's messages in [since, before)."""

    timeline: Timeline
    since: datetime
    before: datetime

    def __len__(self) -> int:
        first, end = self.timeline.all.between(self.since, self.before)
        return max(0, end - first)

    def given(self, among: Collection[str] | None = None) -> frozenset[str]:
        return frozenset(
            kind
            for kind, times in self.timeline.kinds(among).items()
            if (among is None or kind in among) and _any_between(times, self.since, self.before)
        )

    @property
    def texts(self) -> list[str]:
        """The latest `RESTATEMENT_WINDOW` messages' own words, oldest first, for the reply
        signals that compare a reply with them (`bot.signals.acknowledge`). Comparing grows
        with the messages compared, so, as for `Timeline.other_channels`, a customer who
        wrote hundreds of times is read back at most that many."""
        first, end = self.timeline.all.between(self.since, self.before)
        start = max(first, end - RESTATEMENT_WINDOW)
        return [item.text for item in self.timeline.all.said[start:end]]

    def names_any(self, found: frozenset[str]) -> bool:
        known = self.timeline._identifiers
        return any(
            _any_between(known[name], self.since, self.before) for name in found if name in known
        )


def as_earlier(said: Iterable[Said]) -> list[EarlierMessage]:
    return [EarlierMessage(item.text, item.channel) for item in said]
