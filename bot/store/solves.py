"""Solve facts: what the digest needs to know about each solve, kept beside the history.

Containment, confirmed resolutions, sentiment shift and the trust words of the last message
look at every ticket solved in a period and at its public customer messages. Reading those
messages (and probing the requester's other tickets) for every solve of 14 trend days at
digest time was most of the digest's time, so `solve_facts` keeps, per solve (a run of
`ticket_runs` with a solve), the facts that do not depend on the period it is counted in:

- the run's times (`solved_at`, `prev_solved_at`, `next_solved_at`, `reopened_at`);
- `parallel_with`: another ticket of the requester open at the same time, if any
  (containment);
- `returned_at`, `returned_by`: the requester's first other ticket created after the solve
  (first-contact resolution compares it with the return window);
- `mixed_at`: when the ticket's customer messages first came through a second channel;
- the first analysed customer message (`first_at`, `first_sentiment`);
- the last analysed customer message at or before the solve (`before_*`);
- the first and the last analysed customer message after the solve (`after_first_*`,
  `after_last_*`).

A figure only reads the messages written before its period ended (capped at now): with the
times stored, the digest keeps that cap exact (`bot.metrics.solved`); only a solve with
analysed messages both before and after the cap among those after it needs a probe of its
messages.

The facts are never stale: every write that changes what they are made of refreshes them in
the same transaction (`refresh_solve_facts`): the history's `rebuild_runs` (which the ticket
sync and the event sync call), the event sync's comments, the author sync's roles and the
analysis job's signals. A ticket's facts read its requester's other tickets (their
creation and runs, never their messages: a change to messages, roles or signals refreshes
only its own ticket, `related=False`), so a refresh of tickets or runs also covers every
other ticket of the requesters involved and every solve whose `parallel_with` or
`returned_by` is one of the refreshed tickets: that catches a ticket moving to another
requester (a solve that had another such ticket is not stale).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Index,
    Table,
    delete,
    or_,
    select,
    true,
    tuple_,
)
from sqlmodel import Field, SQLModel

from bot.store.db import insert_rows
from bot.store.replies import REPLY_FACTS, Other, Said, reply_facts_of
from bot.store.types import UTCDateTime

#: How far back another open ticket from the same requester counts as a second contact.
PARALLEL_DAYS = 30


class SolveFact(SQLModel, table=True):
    """One solve of a ticket (a run with a solve) and its period-independent facts."""

    __tablename__ = "solve_facts"
    __table_args__ = (
        Index("ix_solve_facts_solved_at", "solved_at"),
        Index("ix_solve_facts_parallel_with", "parallel_with"),
        Index("ix_solve_facts_returned_by", "returned_by"),
    )

    ticket_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=False)
    )
    seq: int | None = Field(
        default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=False)
    )
    solved_at: datetime = Field(sa_type=UTCDateTime)
    prev_solved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    next_solved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reopened_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Another ticket of the requester open at the same time (one of them, if several).
    parallel_with: int | None = Field(default=None, sa_type=BigInteger)
    # The requester's first other ticket created after the solve (the lowest id on a tie).
    returned_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    returned_by: int | None = Field(default=None, sa_type=BigInteger)
    mixed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # second channel
    first_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    first_sentiment: str | None = None
    before_sentiment: str | None = None
    before_trust: bool | None = None
    before_reply: str | None = None
    after_first_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    after_first_reply: str | None = None
    after_last_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    after_last_sentiment: str | None = None
    after_last_trust: bool | None = None


SOLVE_FACTS: Table = SolveFact.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Message:
    """A public customer message as the facts read it (`analysed`: it has signals)."""

    at: datetime
    id: int
    channel: str | None
    analysed: bool = False
    sentiment: str | None = None
    trust: bool | None = None
    reply: str | None = None


@dataclass(frozen=True)
class Peer:
    """Another ticket of the requester: one row per run (`opened_at` None when it has no
    runs), with the ticket's creation and whether it is deleted."""

    ticket_id: int
    created_at: datetime
    deleted: bool
    opened_at: datetime | None
    solved_at: datetime | None


def mixed_at(messages: Iterable[Message], ticket_channel: str | None) -> datetime | None:
    """When the messages first span two channels (a message marked `other` counts as the
    ticket's channel): the second-earliest of each channel's first message."""
    firsts: dict[str, datetime] = {}
    for message in messages:
        channel = ticket_channel if message.channel == "other" else message.channel
        if channel is not None and (channel not in firsts or message.at < firsts[channel]):
            firsts[channel] = message.at
    ordered = sorted(firsts.values())
    return ordered[1] if len(ordered) > 1 else None


def parallel_with(
    ticket_id: int, created_at: datetime, solved_at: datetime, peers: Iterable[Peer]
) -> int | None:
    """Another live ticket of the requester (the lowest id, if several), created in the
    PARALLEL_DAYS before this one and before its solve, that was opened while this one was
    open or was unsolved (a run of it) when this one was opened; None when there is none."""
    since = created_at - timedelta(days=PARALLEL_DAYS)
    found: int | None = None
    for peer in peers:
        if peer.ticket_id == ticket_id or peer.deleted or peer.opened_at is None:
            continue
        if not since <= peer.created_at < solved_at:
            continue
        if peer.created_at >= created_at or (
            peer.opened_at <= created_at and (peer.solved_at is None or peer.solved_at > created_at)
        ):
            found = peer.ticket_id if found is None else min(found, peer.ticket_id)
    return found


def returned(
    ticket_id: int, solved_at: datetime, peers: Iterable[Peer]
) -> tuple[datetime, int] | None:
    """The requester's first other live ticket created after the solve: (creation, id)."""
    after = [
        (peer.created_at, peer.ticket_id)
        for peer in peers
        if peer.ticket_id != ticket_id and not peer.deleted and peer.created_at > solved_at
    ]
    return min(after) if after else None


def facts_of(
    run: Any,
    created_at: datetime,
    ticket_channel: str | None,
    messages: Sequence[Message],
    peers: Iterable[Peer],
) -> dict[str, Any]:
    """The `solve_facts` row of one solve (`run`: a `ticket_runs` row with a solve);
    `messages` are the ticket's public customer messages ordered by (time, id)."""
    solved_at: datetime = run.solved_at
    analysed = [m for m in messages if m.analysed]
    first = analysed[0] if analysed else None
    before = [m for m in analysed if m.at <= solved_at]
    after = [m for m in analysed if m.at > solved_at]
    last_before = before[-1] if before else None
    peers = list(peers)
    came_back = returned(run.ticket_id, solved_at, peers)
    return {
        "ticket_id": run.ticket_id,
        "seq": run.seq,
        "solved_at": solved_at,
        "prev_solved_at": run.prev_solved_at,
        "next_solved_at": run.next_solved_at,
        "reopened_at": run.reopened_at,
        "parallel_with": parallel_with(run.ticket_id, created_at, solved_at, peers),
        "returned_at": came_back[0] if came_back else None,
        "returned_by": came_back[1] if came_back else None,
        "mixed_at": mixed_at(messages, ticket_channel),
        "first_at": first.at if first else None,
        "first_sentiment": first.sentiment if first else None,
        "before_sentiment": last_before.sentiment if last_before else None,
        "before_trust": last_before.trust if last_before else None,
        "before_reply": last_before.reply if last_before else None,
        "after_first_at": after[0].at if after else None,
        "after_first_reply": after[0].reply if after else None,
        "after_last_at": after[-1].at if after else None,
        "after_last_sentiment": after[-1].sentiment if after else None,
        "after_last_trust": after[-1].trust if after else None,
    }


def refresh_solve_facts(
    conn: Connection, ticket_ids: Iterable[int], *, related: bool = True
) -> int:
    """Recompute the facts of every solve of `ticket_ids`, of every other ticket of their
    requesters, and of the solves found parallel to one of them; return the rows written.
    Call it in the transaction that changed the tickets, runs, comments or signals.

    `related=False` refreshes `ticket_ids` alone: right when only their signals changed,
    since no solve reads another ticket's signals (the parallel and return checks read
    tickets and runs only)."""
    from bot.store.tables import TICKETS  # the tables module imports the history module

    ids = set(ticket_ids)
    if not ids:
        return 0
    if not related:
        return sum(_refresh_chunk(conn, chunk) for chunk in _chunks(sorted(ids)))
    t, f = TICKETS.c, SOLVE_FACTS.c
    requesters: set[int] = set()
    for chunk in _chunks(sorted(ids)):
        requesters.update(
            int(r)
            for (r,) in conn.execute(
                select(t.requester_id)
                .where(t.id.in_(chunk), t.requester_id.is_not(None))
                .distinct()
            )
        )
        found = (
            select(f.ticket_id)
            .where(or_(f.parallel_with.in_(chunk), f.returned_by.in_(chunk)))
            .distinct()
        )
        ids.update(int(i) for (i,) in conn.execute(found))
    for chunk in _chunks(sorted(requesters)):
        ids.update(int(i) for (i,) in conn.execute(select(t.id).where(t.requester_id.in_(chunk))))
    written = 0
    for chunk in _chunks(sorted(ids)):
        written += _refresh_chunk(conn, chunk)
    return written


def _chunks(values: list[Any], size: int = 900) -> Iterable[list[Any]]:
    for first in range(0, len(values), size):
        yield values[first : first + size]


def _refresh_chunk(conn: Connection, chunk: list[int], *, replies: bool = True) -> int:
    from bot.store.history import RUNS
    from bot.store.tables import COMMENTS, SIGNALS, TICKETS

    t, r, c, s = TICKETS.c, RUNS.c, COMMENTS.c, SIGNALS.c
    tickets = {
        int(row.id): row
        for row in conn.execute(
            select(t.id, t.created_at, t.channel, t.requester_id).where(t.id.in_(chunk))
        )
    }
    # The runs first: only a ticket with a solve needs its customer messages as `Message`s.
    runs = conn.execute(
        # The columns a solve's facts read (named: a migration runs this on older tables).
        select(r.ticket_id, r.seq, r.solved_at, r.prev_solved_at, r.next_solved_at, r.reopened_at)
        .where(r.ticket_id.in_(chunk), r.solved_at.is_not(None))
        .order_by(r.ticket_id)
    ).all()
    solved = {int(run.ticket_id) for run in runs}
    messages: dict[int, list[Message]] = defaultdict(list)
    said: dict[int, list[Said]] = defaultdict(list)
    # Unpacked by position: a row's attribute lookups were much of the refresh's time.
    for row in conn.execute(
        select(
            c.ticket_id,
            c.created_at,
            c.id,
            c.channel,
            c.author_role,
            c.author_id,
            s.comment_id,
            s.sentiment_label,
            s.trust_indicator,
            s.resolution_reply,
            s.frustration,
            s.empathy,
            s.upsell,
            s.acknowledges_history,
            s.redundant_question,
        )
        .select_from(COMMENTS.outerjoin(SIGNALS, s.comment_id == c.id))
        .where(
            c.ticket_id.in_(chunk),
            c.author_role.in_(("customer", "agent")),
            c.public == true(),
        )
        .order_by(c.ticket_id, c.created_at, c.id)
    ).all():  # fetched at once: a row fetched at a time cost more than the loop's work
        ticket_id, at, id_, channel, role, author_id, signal_id, sentiment, trust, reply = row[:10]
        ticket_id = int(ticket_id)
        analysed = signal_id is not None
        said[ticket_id].append(
            Said(at, int(id_), role, channel, author_id, row if analysed else None)
        )
        if role == "customer" and ticket_id in solved:
            messages[ticket_id].append(
                Message(at, int(id_), channel, analysed, sentiment, trust, reply)
            )
    requesters = sorted(
        {int(row.requester_id) for row in tickets.values() if row.requester_id is not None}
    )
    # A solve reads its requester's tickets run by run (`Peer`); a reply only each other
    # ticket's creation (`Other`), once per ticket: both are made from one read, each only
    # where it is needed (most refreshed tickets have no solve).
    solvers = {
        int(ticket.requester_id)
        for ticket_id, ticket in tickets.items()
        if ticket_id in solved and ticket.requester_id is not None
    }
    peers: dict[int, list[Peer]] = defaultdict(list)
    others: dict[int, dict[int, Other]] = defaultdict(dict)
    for part in _chunks(requesters):
        for requester, peer_id, created_at, deleted, opened_at, solved_at in conn.execute(
            select(t.requester_id, t.id, t.created_at, t.deleted, r.opened_at, r.solved_at)
            .select_from(TICKETS.outerjoin(RUNS, r.ticket_id == t.id))
            .where(t.requester_id.in_(part))
        ).all():
            requester, peer_id = int(requester), int(peer_id)
            if requester in solvers:
                peers[requester].append(Peer(peer_id, created_at, deleted, opened_at, solved_at))
            if replies:
                other = others[requester]
                if peer_id not in other:
                    other[peer_id] = Other(peer_id, created_at, deleted)
    rows = []
    for run in runs:
        ticket = tickets.get(int(run.ticket_id))
        if ticket is None:
            continue  # runs of a ticket the store does not hold never count
        fact = facts_of(
            run,
            ticket.created_at,
            ticket.channel,
            messages.get(int(run.ticket_id), []),
            peers.get(int(ticket.requester_id), []) if ticket.requester_id is not None else [],
        )
        rows.append(fact)
    conn.execute(delete(SOLVE_FACTS).where(SOLVE_FACTS.c.ticket_id.in_(chunk)))
    insert_rows(conn, SOLVE_FACTS, rows)
    if not replies:
        return len(rows)
    replied = []
    for ticket_id, ticket in tickets.items():
        replied += reply_facts_of(
            ticket_id,
            ticket.created_at,
            ticket.channel,
            said.get(ticket_id, []),
            others[int(ticket.requester_id)].values() if ticket.requester_id is not None else (),
        )
    conn.execute(delete(REPLY_FACTS).where(REPLY_FACTS.c.ticket_id.in_(chunk)))
    insert_rows(conn, REPLY_FACTS, replied)
    return len(rows) + len(replied)


def refresh_all(conn: Connection, *, replies: bool = True) -> int:
    """The facts of every solve (and, when `replies`, of every agent reply) in the store: a
    new store, or one migrated to `0006` (solves) or `0008` (replies)."""
    from bot.store.tables import TICKETS

    ids = [int(i) for (i,) in conn.execute(select(TICKETS.c.id).order_by(TICKETS.c.id))]
    written = 0
    for chunk in _chunks(ids):
        written += _refresh_chunk(conn, chunk, replies=replies)
    return written


class PendingFacts(SQLModel, table=True):
    """A ticket whose stored facts a write made stale, to refresh before they are read
    (`defer_refresh`, `refresh_pending`). `mark` grows with every new marking, so a
    refresh that read an older mark never clears a newer one."""

    __tablename__ = "pending_facts"

    ticket_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=False)
    )
    related: bool = Field(sa_column=Column(Boolean, nullable=False))
    mark: int = Field(sa_column=Column(BigInteger, nullable=False))


PENDING_FACTS: Table = PendingFacts.__table__  # type: ignore[attr-defined]


def defer_refresh(conn: Connection, ticket_ids: Iterable[int], *, related: bool = True) -> None:
    """Mark `ticket_ids` for a refresh of their facts (as `refresh_solve_facts` would do
    now), in the transaction of the write that made them stale. A full sync writes each
    ticket in several passes (its row, its status changes, its comments, their authors):
    refreshing at each would read and rewrite every ticket's facts about ten times, so the
    sync marks them and refreshes each once at its end; the digest refreshes whatever is
    still marked (a sync killed before its end) before it reads a fact."""
    ids = sorted(set(ticket_ids))
    if not ids:
        return
    p = PENDING_FACTS.c
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    for chunk in _chunks(ids):
        statement = upsert(PENDING_FACTS).values(
            [{"ticket_id": i, "related": related, "mark": 1} for i in chunk]
        )
        conn.execute(
            statement.on_conflict_do_update(
                index_elements=[p.ticket_id],
                set_={
                    "related": or_(p.related, statement.excluded.related),
                    "mark": p.mark + 1,
                },
            )
        )


def refresh_pending(engine: Any, *, batch: int = 2_000) -> int:
    """Refresh the facts of every marked ticket, a batch per transaction (each batch's
    marks cleared in the transaction that refreshed it); return the tickets refreshed."""
    p = PENDING_FACTS.c
    done = 0
    after = -1
    for _ in range(10_000_000):  # bounded: ends when no mark is left past `after`
        with engine.begin() as conn:
            rows = conn.execute(
                select(p.ticket_id, p.related, p.mark)
                .where(p.ticket_id > after)
                .order_by(p.ticket_id)
                .limit(batch)
            ).all()
            if not rows:
                return done
            _refresh_marked(conn, rows)
            after = int(rows[-1].ticket_id)
            done += len(rows)
    return done


def refresh_marked(engine: Any, ticket_ids: Iterable[int]) -> int:
    """`refresh_pending` for these tickets only (those still marked); return how many."""
    p = PENDING_FACTS.c
    done = 0
    for chunk in _chunks(sorted(set(ticket_ids))):
        with engine.begin() as conn:
            rows = conn.execute(
                select(p.ticket_id, p.related, p.mark).where(p.ticket_id.in_(chunk))
            ).all()
            _refresh_marked(conn, rows)
            done += len(rows)
    return done


def _refresh_marked(conn: Connection, rows: Sequence[Any]) -> None:
    """Refresh the marked tickets `rows` and clear the marks read (a newer one stays)."""
    p = PENDING_FACTS.c
    refresh_solve_facts(conn, [int(r.ticket_id) for r in rows if r.related])
    refresh_solve_facts(conn, [int(r.ticket_id) for r in rows if not r.related], related=False)
    for part in _chunks([(int(r.ticket_id), int(r.mark)) for r in rows], 400):
        conn.execute(delete(PENDING_FACTS).where(tuple_(p.ticket_id, p.mark).in_(part)))
