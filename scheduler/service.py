"""The scheduler as a service: runs each job when it is due, in exactly one replica.

`build_scheduler(settings, engine)` returns a `Service`. `start()` runs it on APScheduler 3's
BackgroundScheduler: each job is polled on its own thread (`max_instances=1`, so a job
never overlaps itself; missed polls are coalesced into one), and each poll runs the job
only when the store says it is due (`scheduler/schedule.py`) and this process holds its
lease (`scheduler/leases.py`). Deciding from the shared `job_runs` rows, under the lease,
is what makes replicas run each job once between them; polling every few seconds is what
bounds a takeover: at most `JOB_LEASE_SECONDS` plus one poll after the holder died.

Every run is recorded in `job_runs` (written when it starts, completed when it ends) and
logged as one line. `run_pending_once(now)` does one synchronous pass of the same logic at
a given instant: tests drive schedules with it, without sleeping.

On SQLite only one process may run the scheduler (a second would wait on the file's write
lock for every run, and SQLite has no row locks to share outbox rows): `start()` holds an
exclusive lock on `<database>.run.lock` for the process's life, and a second one refuses
to start. The kernel frees the lock when its process dies, SIGKILL included.
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib
import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Engine, delete, insert, select, update

from bot.errors import AlignbotError
from bot.settings import Settings
from bot.store.jobs import FAILED, OK, RUNNING, SKIPPED
from bot.store.tables import JOB_RUNS
from scheduler import leases
from scheduler.jobs import Job, JobFailed, JobSkipped, default_jobs
from scheduler.schedule import DailyAt, Every

log = logging.getLogger("alignbot.scheduler")

R = JOB_RUNS.c
#: How often each job asks whether it is due (a job with a shorter interval, more often).
POLL_SECONDS = 15.0
#: A digest run that failed (say, the store is not analysed yet) is tried again after this,
#: rather than at every poll.
MAX_SUMMARY = 1000
#: How long `job_runs` keeps a run.
KEEP_RUNS = timedelta(days=30)
#: An interval job counts as due this much before its time. Polls fire on the interval's
#: beat but a run starts a few milliseconds after its poll, so without it a 30-second job
#: polled every 15 seconds would find itself not quite due and run every 45.
EARLY = timedelta(seconds=1)


class SchedulerError(AlignbotError):
    """The scheduler cannot start as configured; the message says why and what to do."""


@dataclass(frozen=True)
class JobRun:
    """One finished run: which job, when, how it ended, its one-line summary, and where."""

    job: str
    started_at: datetime
    finished_at: datetime
    outcome: str  # ok, failed, skipped
    summary: str
    worker: str


def default_worker_id() -> str:
    """host:pid, as in the outbox's `claimed_by`, which tells replicas apart."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _record_metric(job: str, outcome: str, seconds: float) -> None:
    """Count the run in the Prometheus registry (`bot.observability`, part of `alignbot
    run`); where that module is not installed the run is only logged and stored."""
    try:
        observability = importlib.import_module("bot.observability")
    except ModuleNotFoundError:
        return
    observability.record_job(job, outcome, seconds)


class Service:
    """The scheduler: see the module doc. Build it with `build_scheduler`."""

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        jobs: Iterable[Job],
        *,
        clock: Callable[[], datetime],
        worker: str,
        poll_seconds: float,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.jobs = {job.name: job for job in jobs}
        self.worker = worker
        self._clock = clock
        self._poll = poll_seconds
        self._lease_seconds = settings.job_lease_seconds
        self._running = {name: threading.Lock() for name in self.jobs}
        self._pending: set[str] = set()
        self._state = threading.Condition()
        self._active = 0
        self._stopping = threading.Event()
        self._scheduler: BackgroundScheduler | None = None
        self._lock_file: IO[str] | None = None

    # ----- the interface `alignbot run` uses ---------------------------------------------

    def start(self) -> None:
        """Start polling the jobs on background threads; each is checked once at once, so a
        digest missed while the process was down is posted now (catch-up). Raises
        `SchedulerError` when another process already runs the scheduler on this SQLite
        store."""
        self._hold_sqlite_lock()
        # APScheduler logs two INFO lines per poll (every job, every few seconds); each run's
        # own line says what matters.
        logging.getLogger("apscheduler.executors.default").setLevel(logging.WARNING)
        scheduler = BackgroundScheduler(
            timezone=UTC,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )
        first = _utcnow()
        for name, job in self.jobs.items():
            every = self._poll
            interval = getattr(job.schedule, "interval", None)
            if isinstance(interval, timedelta):
                every = min(every, interval.total_seconds())
            scheduler.add_job(
                self._poll_job,
                IntervalTrigger(seconds=every, timezone=UTC),
                args=[name],
                id=name,
                name=name,
                next_run_time=first,
            )
        scheduler.start()
        self._scheduler = scheduler
        log.info("scheduler started as %s with %s", self.worker, ", ".join(self.jobs))

    def stop(self, timeout: float) -> bool:
        """Take no more work, let a running job finish, and return True when none is left
        running within `timeout` seconds (False: one still is; its lease runs out)."""
        self._stopping.set()
        scheduler, self._scheduler = self._scheduler, None
        if scheduler is not None:
            scheduler.shutdown(wait=False)
        deadline = time.monotonic() + timeout
        with self._state:
            while self._active and (left := deadline - time.monotonic()) > 0:
                self._state.wait(left)
            stopped = self._active == 0
        if stopped:
            self._release_sqlite_lock()
        return stopped

    def run_pending_once(self, now: datetime) -> list[JobRun]:
        """Run, in order and on this thread, every job due at `now` (and every triggered
        one) whose lease this process gets, and return the runs. A job another thread or
        replica is running is left to it."""
        runs = []
        for job in self.jobs.values():
            run = self._attempt(job, now)
            if run is not None:
                runs.append(run)
        return runs

    def next_runs(self) -> dict[str, datetime]:
        """When each job is next due, by the store's record of every replica's runs (a time
        not after now: due at the next poll)."""
        now = self._clock()
        with self.engine.connect() as connection:
            due = {name: self._due_at(connection, job, now) for name, job in self.jobs.items()}
        with self._state:
            return {name: now if name in self._pending else at for name, at in due.items()}

    def trigger(self, job_name: str) -> None:
        """Run `job_name` as soon as possible, due or not. Triggers that arrive while it is
        waiting or running are coalesced: they give one more run, after the current one."""
        if job_name not in self.jobs:
            raise KeyError(f"no job {job_name!r}; jobs: {', '.join(self.jobs)}")
        with self._state:
            self._pending.add(job_name)
        scheduler = self._scheduler
        if self._running[job_name].locked():
            return  # the running poll sees the trigger when its run ends and runs once more
        if scheduler is not None and not self._stopping.is_set():
            # Wakes the job's poll now. Should a run begin meanwhile, APScheduler drops this
            # fire (max_instances) and the running poll sees the trigger after its run.
            with contextlib.suppress(Exception):  # the scheduler shut down meanwhile
                scheduler.modify_job(job_name, next_run_time=_utcnow())

    # ----- one run ---------------------------------------------------------------------

    def _poll_job(self, name: str) -> None:
        job = self.jobs[name]
        while not self._stopping.is_set():
            ran = self._attempt(job, self._clock()) is not None
            with self._state:
                again = ran and name in self._pending
            if not again:
                return

    def _take_trigger(self, name: str) -> bool:
        with self._state:
            forced = name in self._pending
            self._pending.discard(name)
            return forced

    def _attempt(self, job: Job, now: datetime) -> JobRun | None:
        name = job.name
        running = self._running[name]
        if not running.acquire(blocking=False):
            return None  # this process runs it right now; a trigger waits for the next
        with self._state:
            self._active += 1
        try:
            forced = self._take_trigger(name)
            # Asked once without the lease, so a poll that finds nothing due writes nothing,
            # and once under it, so a run another replica just finished is not repeated.
            if not (forced or self._is_due(job, now)):
                return None
            if not leases.acquire(self.engine, name, self.worker, now, self._lease_seconds):
                if forced:
                    with self._state:
                        self._pending.add(name)  # another replica runs it; try after
                return None
            try:
                if not (forced or self._is_due(job, now)):
                    return None
                return self._run(job, now)
            finally:
                leases.release(self.engine, name, self.worker)
        finally:
            running.release()
            with self._state:
                self._active -= 1
                self._state.notify_all()

    def _run(self, job: Job, now: datetime) -> JobRun:
        name = job.name
        with self.engine.begin() as connection:
            # We hold the lease, so a run still marked running was cut short by its process.
            connection.execute(
                update(JOB_RUNS)
                .where(R.job == name, R.outcome == RUNNING)
                .values(outcome=FAILED, finished_at=now, summary="abandoned: its process stopped")
            )
            key = connection.execute(
                insert(JOB_RUNS).values(
                    job=name, started_at=now, outcome=RUNNING, summary="", worker=self.worker
                )
            ).inserted_primary_key
            assert key is not None  # an INSERT of one row always has one
            row_id = key[0]
        began = time.monotonic()
        with leases.LeaseKeeper(self.engine, name, self.worker, self._lease_seconds, self._clock):
            try:
                outcome, summary = OK, job.run(self.settings, self.engine, now)
            except JobSkipped as exc:
                outcome, summary = SKIPPED, str(exc)
            except JobFailed as exc:
                outcome, summary = FAILED, str(exc)
            except AlignbotError as exc:
                outcome, summary = FAILED, f"{type(exc).__name__}: {exc}"
            except Exception as exc:
                # A bug or an unexpected outage: recorded and logged with its traceback, and
                # the job is tried again at its next interval instead of killing the process.
                log.exception("job %s raised", name)
                outcome, summary = FAILED, f"{type(exc).__name__}: {exc}"
        seconds = time.monotonic() - began
        summary = " ".join(summary.split())[:MAX_SUMMARY]
        finished = now + timedelta(seconds=seconds)
        with self.engine.begin() as connection:
            connection.execute(
                update(JOB_RUNS)
                .where(R.id == row_id)
                .values(outcome=outcome, finished_at=finished, summary=summary)
            )
            # The dispatcher alone adds thousands of rows a day; a month answers any question
            # `alignbot jobs` and an operator ask, and the last run always stays.
            connection.execute(
                delete(JOB_RUNS).where(R.job == name, R.started_at < now - KEEP_RUNS)
            )
        level = logging.WARNING if outcome == FAILED else logging.INFO
        log.log(level, "job %s %s in %.1f s: %s", name, outcome, seconds, summary)
        _record_metric(name, outcome, seconds)
        return JobRun(name, now, finished, outcome, summary, self.worker)

    def _is_due(self, job: Job, now: datetime) -> bool:
        with self.engine.connect() as connection:
            due_at = self._due_at(connection, job, now)
        # Not the digest: a run a second early would not count as today's.
        early = EARLY if isinstance(job.schedule, Every) else timedelta(0)
        return due_at <= now + early

    def _due_at(self, connection: Any, job: Job, now: datetime) -> datetime:
        finished = (
            select(R.started_at, R.outcome)
            .where(R.job == job.name, R.outcome != RUNNING)
            .order_by(R.started_at.desc(), R.id.desc())
            .limit(1)
        )
        last = connection.execute(finished).first()
        if not isinstance(job.schedule, DailyAt):
            return job.schedule.due_at(None if last is None else last.started_at, now)
        done = connection.execute(
            select(R.started_at)
            .where(R.job == job.name, R.outcome.in_((OK, SKIPPED)))
            .order_by(R.started_at.desc())
            .limit(1)
        ).scalar()
        due: datetime = job.schedule.due_at(done, now)
        if due <= now and last is not None and last.outcome == FAILED:
            retry = timedelta(minutes=self.settings.digest_retry_minutes)
            due = max(due, last.started_at + retry)
        return due

    # ----- SQLite: one process ---------------------------------------------------------

    def _hold_sqlite_lock(self) -> None:
        url = self.engine.url
        if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
            return
        path = Path(f"{url.database}.run.lock")
        handle = path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            other = handle.read().strip() or "another process"
            handle.close()
            raise SchedulerError(
                f"{other} already runs alignbot on the SQLite store {url.database} (it holds "
                f"{path}): on SQLite only one `alignbot run` may run at a time. Stop the other "
                "one, or use PostgreSQL (DATABASE_URL=postgresql://...) to run replicas"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{self.worker}\n")
        handle.flush()
        self._lock_file = handle

    def _release_sqlite_lock(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()  # closing the file frees the flock
            self._lock_file = None


def build_scheduler(
    settings: Settings,
    engine: Engine,
    *,
    clock: Callable[[], datetime] = _utcnow,
    jobs: Iterable[Job] | None = None,
    worker: str | None = None,
    poll_seconds: float | None = None,
) -> Service:
    """The scheduler for `engine`'s store: `jobs` (default: every job, `default_jobs`), on
    `clock` (an aware UTC `datetime`; tests pass their own), as `worker` (default host:pid,
    which must differ between replicas), looking for due jobs every `poll_seconds` (default
    SCHEDULER_POLL_SECONDS)."""
    return Service(
        settings,
        engine,
        default_jobs(settings) if jobs is None else jobs,
        clock=clock,
        worker=worker or default_worker_id(),
        poll_seconds=settings.scheduler_poll_seconds if poll_seconds is None else poll_seconds,
    )
