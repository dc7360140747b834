"""Per-job leases: at most one replica runs a job at a time, and a dead one's job is taken
over once its lease runs out.

A lease is a `job_leases` row (job, holder, expires_at). It is taken by one conditional
UPDATE (`expires_at < now OR holder = me`), so of two replicas racing for it exactly one
changes the row: PostgreSQL re-checks the condition on the row the winner wrote, SQLite
serialises writers. A job that runs longer than a lease renews it (`LeaseKeeper`).

Why a lease row rather than `pg_try_advisory_lock`: both are freed when a process is
SIGKILLed on a healthy host, but a lock held by a host that vanished (a node lost, a
network partition) lasts until the server notices the dead TCP connection, which is
bounded only by the keepalive settings of a server the team may not control. A lease
ends `JOB_LEASE_SECONDS` after its last renewal whatever happened to its holder, works the
same on SQLite, and can be tested with a controllable clock. The price: replicas' clocks
must agree to well within the lease (NTP does), and a holder that stalls longer than the
lease (a long GC pause, a suspended VM) may overlap with its successor; every job is
idempotent (outbox keys, per-ticket transactions), so an overlap repeats no effect.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from bot.store.tables import JOB_LEASES

log = logging.getLogger("alignbot.scheduler")

L = JOB_LEASES.c


def acquire(engine: Engine, job: str, holder: str, now: datetime, seconds: float) -> bool:
    """Take (or extend) the lease on `job` for `holder` until `now + seconds`; False when
    another holder's lease is still live."""
    expires = now + timedelta(seconds=seconds)
    with engine.begin() as connection:
        taken = connection.execute(
            update(JOB_LEASES)
            .where(L.job == job, or_(L.expires_at < now, L.holder == holder))
            .values(holder=holder, expires_at=expires)
        ).rowcount
        if taken == 1:
            return True
        if connection.execute(select(L.job).where(L.job == job)).first() is not None:
            return False
    try:
        with engine.begin() as connection:
            connection.execute(
                insert(JOB_LEASES).values(job=job, holder=holder, expires_at=expires)
            )
    except IntegrityError:
        return False  # another replica inserted the first lease on this job just now
    return True


def renew(engine: Engine, job: str, holder: str, now: datetime, seconds: float) -> bool:
    """Push `holder`'s lease on `job` to `now + seconds`; False when it is no longer theirs."""
    with engine.begin() as connection:
        return bool(
            connection.execute(
                update(JOB_LEASES)
                .where(L.job == job, L.holder == holder)
                .values(expires_at=now + timedelta(seconds=seconds))
            ).rowcount
        )


def release(engine: Engine, job: str, holder: str) -> None:
    """Give up `holder`'s lease on `job` so any replica may take it at once."""
    with engine.begin() as connection:
        connection.execute(delete(JOB_LEASES).where(L.job == job, L.holder == holder))


def holder_of(engine: Engine, job: str, now: datetime) -> str | None:
    """Who holds a live lease on `job` at `now`, if anyone."""
    with engine.connect() as connection:
        row = connection.execute(select(L.holder).where(L.job == job, L.expires_at >= now)).first()
    return None if row is None else str(row.holder)


class LeaseKeeper:
    """Renews a lease every third of its length on a thread while a job runs, so a job
    longer than the lease keeps it. Use as a context manager around the run."""

    def __init__(
        self,
        engine: Engine,
        job: str,
        holder: str,
        seconds: float,
        clock: Callable[[], datetime],
    ) -> None:
        self._args = (engine, job, holder)
        self._seconds = seconds
        self._clock = clock
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"lease-{job}", daemon=True)

    def __enter__(self) -> LeaseKeeper:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        engine, job, holder = self._args
        while not self._done.wait(self._seconds / 3):
            try:
                kept = renew(engine, job, holder, self._clock(), self._seconds)
            except Exception:
                # The database blipped: the next renewal (a third of a lease later) retries,
                # and the lease outlives two missed ones.
                log.warning("could not renew the lease on %s; retrying", job, exc_info=True)
                continue
            if not kept:
                log.warning(
                    "lost the lease on %s to another replica while running it (a stall longer "
                    "than JOB_LEASE_SECONDS?); the run goes on, its effects are idempotent",
                    job,
                )
