"""Each ticket's status history, as it stood at any moment: raw changes and derived runs.

The digest must compute a past period from the tickets as they were then, not as they are
today (a ticket solved on Monday, reopened on Wednesday and solved again on Friday was
solved on Monday, and stays so in Monday's figures). Zendesk's ticket metric set keeps only
the *latest* solve and the ticket keeps only its *current* status, so the store keeps the
history itself:

- `ticket_status_changes`: every status change the ticket event export carries (the
  `Create` and `Change` child events whose `field_name` is `status`), one row per child
  event, keyed by its Zendesk id: the raw record.
- `ticket_runs`: the same history folded into *runs*, rebuilt from the changes whenever a
  ticket's changes are written (`rebuild_runs`). A run is one stretch during which the
  ticket was unsolved, from its creation (or a reopen) until its solve, and the solved
  stretch after it until the next reopen. Run 1 starts when the ticket is created; a ticket
  is reopened when it leaves `solved` for an unsolved status, which starts the next run.
  `closed` follows `solved` (Zendesk never reopens a closed ticket) and so continues the
  solved stretch; a ticket closed straight from an unsolved status was solved then.

The metrics read runs: "solved in the period", "reopened after the solve", "unsolved at
some moment in the period", "solved at its end". A ticket the export has said nothing
about yet (no changes stored) gets one run from its current state (`fallback_run`) so a
store synced before this history existed still counts it, at its latest solve.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Column, Connection, Index, Table, delete, insert, select, text
from sqlmodel import Field, SQLModel

from bot.store.solves import refresh_solve_facts
from bot.store.types import UTCDateTime

#: Statuses in which a ticket is resolved (Zendesk's solved and closed).
RESOLVED = frozenset({"solved", "closed"})
#: Statuses in which a ticket waits on someone: not resolved. Pending waits on the customer.
UNRESOLVED = frozenset({"new", "open", "pending", "hold"})


class TicketStatusChange(SQLModel, table=True):
    """One status change of a ticket, from the ticket event export (Zendesk's child event)."""

    __tablename__ = "ticket_status_changes"
    __table_args__ = (Index("ix_ticket_status_changes_ticket_at", "ticket_id", "at", "id"),)

    id: int | None = Field(
        default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=False)
    )
    ticket_id: int = Field(sa_type=BigInteger)
    audit_id: int | None = Field(default=None, sa_type=BigInteger)
    at: datetime = Field(sa_type=UTCDateTime)
    status: str  # the status the ticket moved to
    previous_status: str | None = None  # None on the ticket's Create event
    actor_id: int | None = Field(default=None, sa_type=BigInteger)  # the audit's updater


class TicketRun(SQLModel, table=True):
    """One unsolved stretch of a ticket and the solved stretch after it (see module doc)."""

    __tablename__ = "ticket_runs"
    __table_args__ = (
        Index("ix_ticket_runs_solved_at", "solved_at"),
        Index("ix_ticket_runs_opened_at", "opened_at"),
        # Runs still unsolved: the backlog "now", read without scanning every run.
        Index(
            "ix_ticket_runs_unsolved",
            "ticket_id",
            postgresql_where=text("solved_at IS NULL"),
            sqlite_where=text("solved_at IS NULL"),
        ),
    )

    ticket_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=False)
    )
    seq: int | None = Field(
        default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=False)
    )
    opened_at: datetime = Field(sa_type=UTCDateTime)  # created (run 1) or reopened
    solved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # None: unsolved
    reopened_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # next run's start
    prev_solved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    next_solved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    solver_id: int | None = Field(default=None, sa_type=BigInteger)
    # The last change of the unsolved stretch (before the solve, if any): what the status
    # was from `status_at` until the solve. Read instead of probing the changes when the
    # status at a moment after it is wanted (the stale backlog).
    status: str | None = None
    status_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


def _table(model: type[SQLModel]) -> Table:
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


STATUS_CHANGES = _table(TicketStatusChange)
RUNS = _table(TicketRun)


@dataclass(frozen=True)
class Change:
    """A status change as `runs_of` reads it."""

    at: datetime
    status: str
    actor_id: int | None = None
    id: int = 0  # orders changes within one second


@dataclass(frozen=True)
class Run:
    seq: int
    opened_at: datetime
    solved_at: datetime | None = None
    reopened_at: datetime | None = None
    prev_solved_at: datetime | None = None
    next_solved_at: datetime | None = None
    solver_id: int | None = None
    status: str | None = None
    status_at: datetime | None = None

    def row(self, ticket_id: int) -> dict[str, Any]:
        return {"ticket_id": ticket_id, **self.__dict__}


def runs_of(created_at: datetime | None, changes: Iterable[Change]) -> list[Run]:
    """Fold a ticket's status changes (any order) into its runs, oldest first.

    `created_at` is the ticket's creation; without it, the first change's time. Changes to
    an unknown status are ignored; a change to the status the ticket already has changes
    nothing. Empty when there is no change and no creation time.
    """
    ordered = sorted(changes, key=lambda c: (c.at, c.id))
    start = created_at or (ordered[0].at if ordered else None)
    if start is None:
        return []
    raw: list[dict[str, Any]] = [
        {"opened_at": start, "solved_at": None, "solver_id": None, "status": None}
    ]
    resolved = False
    for change in ordered:
        if change.status in RESOLVED and not resolved:
            at = max(change.at, raw[-1]["opened_at"])
            raw[-1].update(solved_at=at, solver_id=change.actor_id)
            resolved = True
        elif change.status in UNRESOLVED and resolved:
            raw.append(
                {
                    "opened_at": change.at,
                    "solved_at": None,
                    "solver_id": None,
                    "status": change.status,
                    "status_at": change.at,
                }
            )
            resolved = False
        elif not resolved:  # any other change of the unsolved stretch, as stored
            raw[-1].update(status=change.status, status_at=change.at)
    runs = []
    for i, run in enumerate(raw):
        after = raw[i + 1] if i + 1 < len(raw) else None
        runs.append(
            Run(
                seq=i + 1,
                opened_at=run["opened_at"],
                solved_at=run["solved_at"],
                reopened_at=after["opened_at"] if after else None,
                prev_solved_at=raw[i - 1]["solved_at"] if i else None,
                next_solved_at=after["solved_at"] if after else None,
                solver_id=run["solver_id"],
                status=run["status"],
                status_at=run.get("status_at"),
            )
        )
    return runs


def fallback_run(created_at: datetime, status: str, solved_at: datetime | None) -> Run:
    """The one run of a ticket with no stored changes: from its current status and the
    latest solve Zendesk's metric set reports (the best that is known without history)."""
    if status in RESOLVED:
        return Run(seq=1, opened_at=created_at, solved_at=solved_at or created_at)
    return Run(seq=1, opened_at=created_at)


def rebuild_runs(conn: Connection, ticket_ids: Sequence[int], *, facts: bool = True) -> int:
    """Recompute the runs of `ticket_ids` from their stored changes (or, for a ticket with
    none, from its current state), and the facts of their solves (`bot.store.solves`,
    which also read the ticket row: call this after writing tickets too, unless `facts` is
    False: a rebuild that cannot change them); return how many runs were written."""
    from bot.store.tables import METRICS, TICKETS  # the tables module imports this one

    written = 0
    ids = sorted(set(ticket_ids))
    for first in range(0, len(ids), 900):
        chunk = ids[first : first + 900]
        tickets = {
            int(row.id): row
            for row in conn.execute(
                select(TICKETS.c.id, TICKETS.c.created_at, TICKETS.c.status, METRICS.c.solved_at)
                .select_from(TICKETS.outerjoin(METRICS, METRICS.c.ticket_id == TICKETS.c.id))
                .where(TICKETS.c.id.in_(chunk))
            )
        }
        changes: dict[int, list[Change]] = {}
        c = STATUS_CHANGES.c
        for row in conn.execute(
            select(c.ticket_id, c.at, c.status, c.actor_id, c.id).where(c.ticket_id.in_(chunk))
        ):
            changes.setdefault(int(row.ticket_id), []).append(
                Change(row.at, row.status, row.actor_id, int(row.id))
            )
        rows: list[dict[str, Any]] = []
        for tid in chunk:
            ticket = tickets.get(tid)
            if tid in changes:
                created = ticket.created_at if ticket is not None else None
                runs = runs_of(created, changes[tid])
            elif ticket is not None:
                runs = [fallback_run(ticket.created_at, ticket.status, ticket.solved_at)]
            else:
                runs = []
            rows += [run.row(tid) for run in runs]
        conn.execute(delete(RUNS).where(RUNS.c.ticket_id.in_(chunk)))
        if rows:
            conn.execute(insert(RUNS), rows)
        written += len(rows)
    if facts:
        refresh_solve_facts(conn, ids)
    return written
