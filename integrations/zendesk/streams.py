"""The sync streams: one per Zendesk resource, each owning its position in `sync_state`.

Every page is written in ONE transaction together with the stream's new position, so a
crash (or a kill) between pages resumes at the next page, and a crash inside a page rolls
that page back and reads it again. Upserts by Zendesk id make a page read twice harmless.

- `tickets`: the cursor-based incremental ticket export, with users, groups, organizations
  and metric sets sideloaded; the position is Zendesk's `after_cursor`.
- `ticket_events`: the time-based ticket event export with `include=comment_events`, which
  carries every comment body in bulk; the position is `end_time` plus the ids of the audits
  already stored at that second (Zendesk repeats the last second on the next page).
- `satisfaction_ratings`: the ratings list filtered by `start_time`, 100 a page (Zendesk has
  no incremental export for them); the position is the newest `created_at` read (stored or
  rejected), plus the ids read at that second.

No position ever runs ahead of the present: a record dated later than the client's now plus
`AHEAD_TOLERANCE_SECONDS` (a bad import, a clock error) is stored and logged, and the stream
keeps the position of the newest record dated before that, remembering the future-dated
record's id and time (`id@time` in the position) so the next pass neither writes nor logs it
again. Were the position moved to the record's date, every later record would be older than
it and skipped for ever. The ticket export's opaque cursor cannot be held back, so a page
holding such a ticket turns that stream's position into a `start_time` (the newest honest
`generated_timestamp`) until a page ends before the horizon again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, bindparam, select, update

from bot.store.history import rebuild_runs
from bot.store.solves import defer_refresh
from bot.store.tables import (
    COMMENTS,
    GROUPS,
    METRICS,
    ORGANIZATIONS,
    RATINGS,
    STATUS_CHANGES,
    SYNC_STATE,
    TICKETS,
    USERS,
)
from integrations.zendesk.client import ZendeskClient
from integrations.zendesk.records import (
    ID_MAX,
    ID_MIN,
    Notes,
    Rejected,
    _as_int,
    comment_row,
    group_row,
    metric_row,
    organization_row,
    parse_time,
    rating_row,
    status_change_row,
    ticket_row,
    user_row,
)
from integrations.zendesk.upsert import upsert

__all__ = ["STREAMS", "Pass", "StreamPosition"]

log = logging.getLogger("alignbot.sync")

STREAMS = ("tickets", "ticket_events", "satisfaction_ratings")
SEEN_PREFIX = "seen:"
EVENT_SLICE = 500
#: How far past the client's clock a record may be dated before it counts as "ahead of the
#: present": room for Zendesk's clock to run a little ahead of ours, far less than the
#: interval between two syncs.
AHEAD_TOLERANCE_SECONDS = 300


STATE = SYNC_STATE


@dataclass
class StreamPosition:
    """A stream's row in `sync_state`, as read at the start of a pass and moved per page."""

    stream: str
    cursor: str | None = None
    start_time: int | None = None
    end_of_stream: bool = False
    rows_synced: int = 0

    def _entries(self) -> list[str]:
        if self.cursor and self.cursor.startswith(SEEN_PREFIX):
            return self.cursor[len(SEEN_PREFIX) :].split(",")
        return []

    def seen(self) -> set[int]:
        """Ids read at `start_time`'s second, which the next page or pass skips."""
        return {int(x) for x in self._entries() if _is_int(x)}

    def ahead(self) -> dict[int, int]:
        """Records read dated after the present, id -> the Unix time they are dated."""
        out = {}
        for entry in self._entries():
            rid, _, ts = entry.partition("@")
            if _is_int(rid) and _is_int(ts):
                out[int(rid)] = int(ts)
        return out

    def zendesk_cursor(self) -> str | None:
        """Zendesk's own cursor, if that is what the position holds."""
        if self.cursor and not self.cursor.startswith(SEEN_PREFIX):
            return self.cursor
        return None

    def hold(self, start: int, seen: Iterable[int], ahead: dict[int, int]) -> None:
        """Stand at `start`, having read `seen` at that second and `ahead` after the present
        (those dated at or before `start` are forgotten: the position skips them anyway)."""
        entries = [str(i) for i in sorted(seen)]
        entries += [f"{i}@{ts}" for i, ts in sorted(ahead.items()) if ts > start]
        self.start_time = start
        self.cursor = SEEN_PREFIX + ",".join(entries)

    def row(self, now: datetime) -> dict[str, Any]:
        return {
            "stream": self.stream,
            "cursor": self.cursor,
            "start_time": self.start_time,
            "end_of_stream": self.end_of_stream,
            "rows_synced": self.rows_synced,
            "last_synced_at": now,
        }


def _is_int(text: str) -> bool:
    return text.lstrip("-").isdigit()


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _unix(value: Any) -> int | None:
    """A Zendesk timestamp (ISO 8601 or Unix seconds) as Unix seconds, else None."""
    parsed = parse_time(value)
    return int(parsed.timestamp()) if parsed is not None else None


def _ticket_stamp(raw: Any) -> int | None:
    """Where a ticket stands in the export: its `generated_timestamp`, else `updated_at`."""
    if not isinstance(raw, dict):
        return None
    stamp = _as_int(raw.get("generated_timestamp"))
    return stamp if stamp is not None else _unix(raw.get("updated_at"))


def _rating_stamp(raw: Any) -> int | None:
    """Where a rating stands in the list: its `created_at` (else `updated_at`, as stored)."""
    if not isinstance(raw, dict):
        return None
    stamp = _unix(raw.get("created_at"))
    return stamp if stamp is not None else _unix(raw.get("updated_at"))


def _in_id_range(values: Iterable[int]) -> list[int]:
    """Ids a query may bind (a larger one is rejected with its record, not sent)."""
    return sorted(v for v in values if ID_MIN <= v <= ID_MAX)


class _Mark:
    """The newest second read at or before the present, with the ids read at that second."""

    def __init__(self, at: int | None, ids: Iterable[int] = ()) -> None:
        self.at = at
        self.ids = set(ids)

    def read(self, ts: int, rid: int | None) -> None:
        if self.at is None or ts > self.at:
            self.at, self.ids = ts, set()
        if ts == self.at and rid is not None:
            self.ids.add(rid)


@dataclass
class Pass:
    """One sync pass over every stream: the engine, the client and what was counted."""

    engine: Engine
    client: ZendeskClient
    full: bool = False
    since: int = 0
    #: Called inside each page's transaction after each table's upsert with (table, rows
    #: written so far in this pass). Raising from it rolls the page back: tests use it to
    #: kill a sync at a chosen row, mid-page included.
    on_write: Callable[[str, int], None] | None = None
    on_page: Callable[[Pass, str], None] | None = None
    notes: Notes = field(default_factory=Notes)
    #: Rows written per table, for the tables whose streams never write a row twice in a
    #: pass (comments, ratings: each skips what its position says is stored).
    counts: dict[str, int] = field(default_factory=dict)
    #: Keys stored per table, for the rest: a user or group is sideloaded on every page
    #: that names it, and the ticket export repeats a ticket updated while it runs.
    stored: dict[str, set[int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    written: int = 0
    #: (kind, repr of id) of the records `rows` rejected in this pass.
    rejected_ids: set[tuple[str, str]] = field(default_factory=set)

    def count(self, name: str, n: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + n

    def remember(self, name: str, rows: list[dict[str, Any]], key: str = "id") -> None:
        self.stored.setdefault(name, set()).update(row[key] for row in rows)

    def total(self, name: str) -> int:
        """Distinct rows of `name` stored in this pass so far."""
        if name in self.stored:
            return len(self.stored[name])
        return self.counts.get(name, 0)

    # ----- shared plumbing ----------------------------------------------------------------

    def position(self, stream: str) -> StreamPosition:
        with self.engine.connect() as conn:
            row = conn.execute(select(STATE).where(STATE.c.stream == stream)).mappings().first()
        if row is None or self.full:
            return StreamPosition(stream, rows_synced=int(row["rows_synced"]) if row else 0)
        return StreamPosition(
            stream=stream,
            cursor=row["cursor"],
            start_time=row["start_time"],
            end_of_stream=bool(row["end_of_stream"]),
            rows_synced=int(row["rows_synced"] or 0),
        )

    def write(self, conn: Connection, table: Table, rows: list[dict[str, Any]]) -> int:
        n = upsert(conn, table, rows)
        if n:
            self.written += n
            if self.on_write is not None:
                self.on_write(table.name, self.written)
        return n

    def rows(
        self, kind: str, raws: Any, make: Callable[[Any, Notes], dict[str, Any]]
    ) -> list[dict[str, Any]]:
        if raws is None:
            return []
        if not isinstance(raws, list):
            self.notes.reject(f"the {kind} of a page", f"not a list but {type(raws).__name__}")
            return []
        out = []
        for raw in raws:
            try:
                out.append(make(raw, self.notes))
            except Rejected as exc:
                # A record served twice in one pass (a user sideloaded on two pages, a group
                # both listed and sideloaded) is one rejection, logged once.
                rid = raw.get("id") if isinstance(raw, dict) else None
                key = (kind, repr(rid))
                if rid is not None and key in self.rejected_ids:
                    continue
                self.rejected_ids.add(key)
                self.notes.reject(kind.rstrip("s"), str(exc))
        return out

    def save_position(self, conn: Connection, position: StreamPosition) -> None:
        upsert(conn, STATE, [position.row(datetime.now(UTC))])

    def horizon(self) -> tuple[float, int]:
        """The client's present, and the latest time a record may be dated before it is
        "ahead of the present" (see the module docstring)."""
        now = self.client.now()
        return now, int(now) + AHEAD_TOLERANCE_SECONDS

    def ahead_of_now(self, stream: str, what: str, ts: int, now: float) -> None:
        self.notes.ahead += 1
        log.warning(
            "%s is dated %s, after the present (%s): stored, and the %s position is not "
            "moved past it",
            what, _iso(ts), _iso(now), stream,
        )  # fmt: skip

    def page_done(self, stream: str) -> None:
        if self.on_page is not None:
            self.on_page(self, stream)

    # ----- tickets ------------------------------------------------------------------------

    def sync_groups(self) -> None:
        """Every group, in one or two requests: groups no ticket names are still known."""
        rows: list[dict[str, Any]] = []
        for page in self.client.group_pages():
            rows.extend(self.rows("groups", page, group_row))
        with self.engine.begin() as conn:
            self.write(conn, GROUPS, rows)
        self.remember("groups", rows)

    def sync_tickets(self) -> None:
        position = self.position("tickets")
        cursor = position.zendesk_cursor()
        start = position.start_time if position.start_time is not None else self.since
        # Without a cursor, the position is a start_time: skip what it says was read.
        seen = position.seen() if cursor is None else set()
        ahead = position.ahead()
        mark = _Mark(start, seen) if cursor is None else _Mark(None)
        pages = self.client.ticket_pages(cursor=cursor, start_time=start)
        for page in pages:
            raws = page.get("tickets")
            if not isinstance(raws, list):
                self.rows("tickets", raws, ticket_row)
                self.errors.append("tickets: a page had no ticket list; stopped at its cursor")
                return
            now, horizon = self.horizon()
            kept, future, past_horizon = [], {}, False
            for raw in raws:
                stamp = _ticket_stamp(raw)
                tid = _as_int(raw.get("id")) if isinstance(raw, dict) else None
                if stamp is not None and stamp > horizon:
                    past_horizon = True
                    if tid is not None and ahead.get(tid) == stamp:
                        continue  # read by an earlier pass, and unchanged since
                    if tid is not None:
                        # Remembered stored or rejected: no later pass reads it again.
                        ahead[tid] = future[tid] = stamp
                elif stamp is not None:
                    if cursor is None and (stamp < start or (stamp == start and tid in seen)):
                        continue  # stored by an earlier pass
                    mark.read(stamp, tid)
                kept.append(raw)
            tickets = self.rows("tickets", kept, ticket_row)
            for ticket in tickets:
                if ticket["id"] in future:
                    self.ahead_of_now(
                        "tickets", f"ticket {ticket['id']}", future[ticket["id"]], now
                    )
                else:
                    ahead.pop(ticket["id"], None)
            users = self.rows("users", page.get("users"), user_row)
            groups = self.rows("groups", page.get("groups"), group_row)
            metrics = self.rows("metric sets", page.get("metric_sets"), metric_row)
            with self.engine.begin() as conn:
                self.write(conn, USERS, users)
                self.write(conn, GROUPS, groups)
                self.write(
                    conn,
                    ORGANIZATIONS,
                    self.rows("organizations", page.get("organizations"), organization_row),
                )
                self.write(conn, TICKETS, tickets)
                self.write(conn, METRICS, metrics)
                # A ticket's runs need its creation and, until its status history arrives
                # with the event export, its current state (bot.store.history).
                rebuild_runs(conn, [t["id"] for t in tickets], facts=False)
                defer_refresh(conn, [t["id"] for t in tickets])
                after = page.get("after_cursor")
                if past_horizon:
                    # Zendesk's cursor would stand after the future-dated ticket, and every
                    # ticket changed later sorts before it: hold the newest honest second.
                    if mark.at is not None:
                        position.hold(mark.at, mark.ids, ahead)
                elif isinstance(after, str) and after:
                    position.cursor = after
                elif position.cursor is None:
                    position.start_time = start
                position.end_of_stream = bool(page.get("end_of_stream"))
                position.rows_synced += len(tickets)
                self.save_position(conn, position)
            self.remember("users", users)
            self.remember("groups", groups)
            self.remember("tickets", tickets)
            self.remember("deleted", [t for t in tickets if t["deleted"]])
            self.remember("metrics", metrics, key="ticket_id")
            self.page_done("tickets")

    # ----- ticket events (comments) -------------------------------------------------------

    def sync_ticket_events(self) -> None:
        position = self.position("ticket_events")
        start = position.start_time if position.start_time is not None else self.since
        seen = position.seen()
        ahead = position.ahead()
        mark = _Mark(start, seen)
        for _ in range(10_000_000):  # bounded: stops at end_of_stream or when stuck
            page = self.client.ticket_event_page(start)
            events = page.get("ticket_events")
            end_time = _as_int(page.get("end_time"))
            if not isinstance(events, list) or end_time is None:
                self.notes.reject("a ticket event page", "no ticket_events list or end_time")
                self.errors.append("ticket_events: a page was malformed; stopped at its start")
                return
            now, horizon = self.horizon()
            fresh: list[dict[str, Any]] = []
            for event in events:
                if not isinstance(event, dict):
                    self.notes.reject("ticket event", f"not an object: {event!r:.60}")
                    continue
                ts, eid = _as_int(event.get("timestamp")), _as_int(event.get("id"))
                if ts is not None and (ts < start or (ts == start and eid in seen)):
                    continue  # stored by an earlier page or pass
                if eid is not None and ts is not None and ahead.get(eid) == ts:
                    continue  # stored by an earlier pass although dated after the present
                fresh.append(event)
            with self.engine.begin() as conn:
                # A page never splits a second, so one can hold far more than page_size
                # audits; build its rows a slice at a time to keep memory flat.
                written = 0
                for first in range(0, len(fresh), EVENT_SLICE):
                    events = fresh[first : first + EVENT_SLICE]
                    rows = self._comment_rows(conn, events)
                    written += self.write(conn, COMMENTS, rows)
                    changes = self._status_rows(events)
                    self.count("status_changes", self.write(conn, STATUS_CHANGES, changes))
                    rebuild = {row["ticket_id"] for row in changes}
                    rebuild_runs(conn, sorted(rebuild), facts=False)
                    defer_refresh(conn, rebuild)
                    self._note_ahead(events, rows, changes, horizon, now, ahead)
                    # The stored facts read the messages too: only their own ticket's
                    # (the rebuilt tickets are marked with their requesters' already).
                    messaged = {row["ticket_id"] for row in rows} - rebuild
                    defer_refresh(conn, messaged, related=False)
                self.count("comments", written)
                # Never move back: a clamped export may end before our stored start.
                next_start = max(end_time, start)
                at_end = {
                    eid
                    for e in fresh
                    if _as_int(e.get("timestamp")) == next_start
                    and (eid := _as_int(e.get("id"))) is not None
                }
                if next_start == start:
                    at_end |= seen
                for event in fresh:
                    ts = _as_int(event.get("timestamp"))
                    if ts is not None and ts <= horizon:
                        mark.read(ts, _as_int(event.get("id")))
                if next_start <= horizon:
                    mark = _Mark(next_start, at_end)
                position.hold(mark.at if mark.at is not None else start, mark.ids, ahead)
                position.end_of_stream = bool(page.get("end_of_stream"))
                position.rows_synced += written
                self.save_position(conn, position)
            self.page_done("ticket_events")
            if page.get("end_of_stream") or next_start > horizon:
                return  # past the present, the export only repeats what it just served
            if next_start == start and not fresh:
                log.warning("ticket event export did not move past %d; stopping this pass", start)
                return
            start, seen = next_start, at_end

    def _note_ahead(
        self,
        events: list[dict[str, Any]],
        comments: list[dict[str, Any]],
        changes: list[dict[str, Any]],
        horizon: int,
        now: float,
        ahead: dict[int, int],
    ) -> None:
        """Log each audit dated after the present with what of it was stored, and remember
        it so the next pass skips it (its position stays before it)."""
        stored = [("comment", row["id"]) for row in comments]
        stored += [("status change", row["id"]) for row in changes]
        for event in events:
            ts, eid = _as_int(event.get("timestamp")), _as_int(event.get("id"))
            if ts is None or eid is None or ts <= horizon:
                continue
            ahead[eid] = ts
            kids = event.get("child_events")
            kid_ids = (
                {_as_int(k.get("id")) for k in kids if isinstance(k, dict)}
                if isinstance(kids, list)
                else set()
            )
            mine = ", ".join(f"{kind} {rid}" for kind, rid in stored if rid in kid_ids)
            what = f"audit {eid} of ticket {event.get('ticket_id')}" + (
                f" ({mine})" if mine else ""
            )
            self.ahead_of_now("ticket_events", what, ts, now)

    def _status_rows(self, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The status changes in `events`: `Create` and `Change` children of `status`."""
        rows = []
        for event in events:
            kids = event.get("child_events")
            for child in kids if isinstance(kids, list) else []:
                if not isinstance(child, dict) or child.get("field_name") != "status":
                    continue
                if (child.get("event_type") or child.get("type")) not in ("Create", "Change"):
                    continue
                try:
                    rows.append(status_change_row(child, event, self.notes))
                except Rejected as exc:
                    self.notes.reject("status change", str(exc))
        return rows

    def _comment_rows(self, conn: Connection, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        children: list[tuple[Any, dict[str, Any]]] = []
        for event in events:
            kids = event.get("child_events")
            if not isinstance(kids, list):
                continue
            for child in kids:
                if isinstance(child, dict) and (
                    child.get("event_type") == "Comment" or child.get("type") == "Comment"
                ):
                    children.append((child, event))
        if not children:
            return []
        authors = {a for c, _ in children if (a := _as_int(c.get("author_id"))) is not None}
        ticket_ids = {t for _, e in children if (t := _as_int(e.get("ticket_id"))) is not None}
        roles: dict[int, str] = {}
        requesters: dict[int, int | None] = {}
        for chunk in _chunks(_in_id_range(authors), 900):
            roles.update(
                conn.execute(select(USERS.c.id, USERS.c.role).where(USERS.c.id.in_(chunk))).all()
            )
        for chunk in _chunks(_in_id_range(ticket_ids), 900):
            requesters.update(
                conn.execute(
                    select(TICKETS.c.id, TICKETS.c.requester_id).where(TICKETS.c.id.in_(chunk))
                ).all()
            )
        rows = []
        for child, event in children:
            try:
                rows.append(comment_row(child, event, roles, requesters, self.notes))
            except Rejected as exc:
                self.notes.reject("comment", str(exc))
        return rows

    def sync_unknown_authors(self) -> None:
        """Fetch comment authors no ticket sideloaded, then set their comments' roles."""
        with self.engine.connect() as conn:
            missing = sorted(
                conn.execute(
                    select(COMMENTS.c.author_id)
                    .distinct()
                    .outerjoin(USERS, USERS.c.id == COMMENTS.c.author_id)
                    .where(USERS.c.id.is_(None), COMMENTS.c.author_id > 0)
                ).scalars()
            )
        if not missing:
            return
        users = self.rows("users", self.client.users_by_id(missing), user_row)
        fix = (
            update(COMMENTS)
            .where(COMMENTS.c.author_id == bindparam("uid"), COMMENTS.c.author_role != "system")
            .values(author_role=bindparam("role"))
        )
        with self.engine.begin() as conn:
            self.write(conn, USERS, users)
            params = [
                {"uid": u["id"], "role": "customer" if u["role"] == "end-user" else "agent"}
                for u in users
            ]
            if params:
                conn.execute(fix, params)
                # A comment's role decides whether it is a customer message its own
                # ticket's stored solve facts read.
                touched = select(COMMENTS.c.ticket_id).where(
                    COMMENTS.c.author_id.in_([u["id"] for u in users])
                )
                defer_refresh(conn, conn.execute(touched.distinct()).scalars().all(), related=False)
        self.remember("users", users)
        unresolved = len(missing) - len(users)
        if unresolved:
            log.info(
                "%d comment authors are unknown to Zendesk; their comments stay 'customer'",
                unresolved,
            )

    # ----- satisfaction ratings -----------------------------------------------------------

    def sync_ratings(self) -> None:
        position = self.position("satisfaction_ratings")
        start = position.start_time if position.start_time is not None else self.since
        seen = position.seen()
        ahead = position.ahead()
        mark = _Mark(start, seen)
        for page in self.client.rating_pages(start_time=start):
            raws = page.get("satisfaction_ratings")
            if not isinstance(raws, list):
                self.notes.reject("a satisfaction rating page", "no satisfaction_ratings list")
                self.errors.append("satisfaction_ratings: a page was malformed; stopped there")
                return
            now, horizon = self.horizon()
            kept, future = [], {}
            for raw in raws:
                ts = _rating_stamp(raw)
                rid = _as_int(raw.get("id")) if isinstance(raw, dict) else None
                if ts is not None and (ts < start or (ts == mark.at and rid in mark.ids)):
                    continue  # read by an earlier page or pass, stored or rejected
                if ts is not None and ts > horizon:
                    if rid is not None and ahead.get(rid) == ts:
                        continue  # read by an earlier pass although dated after the present
                    if rid is not None:
                        ahead[rid] = future[rid] = ts
                elif ts is not None:
                    # Rejected ratings move the position too, so no pass reads them again.
                    mark.read(ts, rid)
                kept.append(raw)
            rows = self.rows("satisfaction ratings", kept, rating_row)
            for row in rows:
                if row["id"] in future:
                    what = f"satisfaction rating {row['id']}"
                    self.ahead_of_now("satisfaction_ratings", what, future[row["id"]], now)
            with self.engine.begin() as conn:
                self.count("ratings", self.write(conn, RATINGS, rows))
                position.hold(mark.at if mark.at is not None else start, mark.ids, ahead)
                position.rows_synced += len(rows)
                position.end_of_stream = not bool((page.get("meta") or {}).get("has_more"))
                self.save_position(conn, position)
            self.page_done("satisfaction_ratings")


def _chunks(values: list[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]
