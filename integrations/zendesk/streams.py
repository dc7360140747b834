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
  no incremental export for them); the position is the newest `created_at` stored, plus the
  ids stored at that second.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, bindparam, select, update

from bot.store.history import rebuild_runs
from bot.store.solves import refresh_solve_facts
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
    Notes,
    Rejected,
    _as_int,
    comment_row,
    group_row,
    metric_row,
    organization_row,
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


STATE = SYNC_STATE


@dataclass
class StreamPosition:
    """A stream's row in `sync_state`, as read at the start of a pass and moved per page."""

    stream: str
    cursor: str | None = None
    start_time: int | None = None
    end_of_stream: bool = False
    rows_synced: int = 0

    def seen(self) -> set[int]:
        if self.cursor and self.cursor.startswith(SEEN_PREFIX):
            return {int(x) for x in self.cursor[len(SEEN_PREFIX) :].split(",") if x.isdigit()}
        return set()

    def row(self, now: datetime) -> dict[str, Any]:
        return {
            "stream": self.stream,
            "cursor": self.cursor,
            "start_time": self.start_time,
            "end_of_stream": self.end_of_stream,
            "rows_synced": self.rows_synced,
            "last_synced_at": now,
        }


def _seen_cursor(ids: Iterable[int]) -> str:
    return SEEN_PREFIX + ",".join(str(i) for i in sorted(ids))


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
                self.notes.reject(kind.rstrip("s"), str(exc))
        return out

    def save_position(self, conn: Connection, position: StreamPosition) -> None:
        upsert(conn, STATE, [position.row(datetime.now(UTC))])

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
        start = position.start_time if position.start_time is not None else self.since
        pages = self.client.ticket_pages(cursor=position.cursor, start_time=start)
        for page in pages:
            tickets = self.rows("tickets", page.get("tickets"), ticket_row)
            if not isinstance(page.get("tickets"), list):
                self.errors.append("tickets: a page had no ticket list; stopped at its cursor")
                return
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
                rebuild_runs(conn, [t["id"] for t in tickets])
                after = page.get("after_cursor")
                if isinstance(after, str) and after:
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
        for _ in range(10_000_000):  # bounded: stops at end_of_stream or when stuck
            page = self.client.ticket_event_page(start)
            events = page.get("ticket_events")
            end_time = _as_int(page.get("end_time"))
            if not isinstance(events, list) or end_time is None:
                self.notes.reject("a ticket event page", "no ticket_events list or end_time")
                self.errors.append("ticket_events: a page was malformed; stopped at its start")
                return
            fresh: list[dict[str, Any]] = []
            for event in events:
                if not isinstance(event, dict):
                    self.notes.reject("ticket event", f"not an object: {event!r:.60}")
                    continue
                ts, eid = _as_int(event.get("timestamp")), _as_int(event.get("id"))
                if ts is not None and (ts < start or (ts == start and eid in seen)):
                    continue  # stored by an earlier page or pass
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
                    rebuild_runs(conn, [row["ticket_id"] for row in changes])
                    # The solves' stored facts read the customer messages too.
                    refresh_solve_facts(conn, [row["ticket_id"] for row in rows])
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
                position.start_time, position.cursor = next_start, _seen_cursor(at_end)
                position.end_of_stream = bool(page.get("end_of_stream"))
                position.rows_synced += written
                self.save_position(conn, position)
            self.page_done("ticket_events")
            if page.get("end_of_stream"):
                return
            if next_start == start and not fresh:
                log.warning("ticket event export did not move past %d; stopping this pass", start)
                return
            start, seen = next_start, at_end

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
        for chunk in _chunks(sorted(authors), 900):
            roles.update(
                conn.execute(select(USERS.c.id, USERS.c.role).where(USERS.c.id.in_(chunk))).all()
            )
        for chunk in _chunks(sorted(ticket_ids), 900):
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
                # A comment's role decides whether it is a customer message the solves'
                # stored facts read.
                touched = select(COMMENTS.c.ticket_id).where(
                    COMMENTS.c.author_id.in_([u["id"] for u in users])
                )
                refresh_solve_facts(conn, conn.execute(touched.distinct()).scalars().all())
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
        for page in self.client.rating_pages(start_time=start):
            raws = page.get("satisfaction_ratings")
            if not isinstance(raws, list):
                self.notes.reject("a satisfaction rating page", "no satisfaction_ratings list")
                self.errors.append("satisfaction_ratings: a page was malformed; stopped there")
                return
            rows = [
                r
                for r in self.rows("satisfaction ratings", raws, rating_row)
                if not (int(r["created_at"].timestamp()) == start and r["id"] in seen)
            ]
            with self.engine.begin() as conn:
                self.count("ratings", self.write(conn, RATINGS, rows))
                if rows:
                    newest = max(int(r["created_at"].timestamp()) for r in rows)
                    at_newest = {
                        r["id"] for r in rows if int(r["created_at"].timestamp()) == newest
                    }
                    if newest == start:
                        at_newest |= seen
                    position.start_time, position.cursor = newest, _seen_cursor(at_newest)
                    start, seen = newest, at_newest
                elif position.start_time is None:
                    position.start_time = start
                position.rows_synced += len(rows)
                position.end_of_stream = not bool((page.get("meta") or {}).get("has_more"))
                self.save_position(conn, position)
            self.page_done("satisfaction_ratings")


def _chunks(values: list[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]
