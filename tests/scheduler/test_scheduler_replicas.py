"""Replicas: a job whose holder died is taken over once its lease runs out, and not
before; on SQLite a second scheduler process refuses to start."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from scheduler_support import Counting, every, service
from sqlalchemy import Engine
from sqlalchemy import select as sql_select

from bot.store import make_engine
from bot.store.tables import JOB_RUNS
from scheduler import SchedulerError
from scheduler.leases import acquire, holder_of

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LEASE = 20.0

# A replica that takes the lease on `sync`, marks its run started, says so, and hangs
# mid-run until it is killed. Its lease ends LEASE seconds after it took it (the process's
# own clock), since it dies before the first renewal.
HOLDER = """
import sys, threading
from datetime import timedelta
from bot.settings import Settings
from bot.store import make_engine
from scheduler import Every, Job, build_scheduler

def hang(settings, engine, now):
    print("running", now.isoformat(), flush=True)
    threading.Event().wait()

engine = make_engine(sys.argv[1])
settings = Settings(_env_file=None, job_lease_seconds=float(sys.argv[2]))
job = Job("sync", hang, Every(timedelta(minutes=5)))
build_scheduler(settings, engine, jobs=[job], worker="doomed:1").run_pending_once(
    __import__("datetime").datetime.now(__import__("datetime").UTC)
)
"""


def test_an_expired_lease_is_taken_over_and_a_live_one_is_not(engine: Engine) -> None:
    assert acquire(engine, "sync", "dead:1", T0, LEASE)
    sync = Counting()
    survivor = service(engine, [every("sync", sync)], worker="alive:2", lease_seconds=LEASE)

    before = survivor.run_pending_once(T0 + timedelta(seconds=LEASE - 1))
    after = survivor.run_pending_once(T0 + timedelta(seconds=LEASE + 1))

    assert before == []
    assert [r.worker for r in after] == ["alive:2"]
    assert sync.calls == [T0 + timedelta(seconds=LEASE + 1)]


def read_line(process: subprocess.Popen[str], timeout: float) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    assert ready, "the holder never started its run"
    return process.stdout.readline()


def test_a_replica_sigkilled_mid_run_is_taken_over_within_its_lease(
    db_url: str, tmp_path: Path
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, db_url, str(LEASE)],
        cwd=Path(__file__).parents[2],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = read_line(holder, 60)
        assert line.startswith("running"), line
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(10)
    started = datetime.fromisoformat(line.split()[1])
    engine = make_engine(db_url)
    try:
        assert holder_of(engine, "sync", started) == "doomed:1"
        sync = Counting()
        survivor = service(engine, [every("sync", sync)], worker="alive:2", lease_seconds=LEASE)

        # The dead holder's lease still stands just before its end, and is taken at its end:
        # the takeover bound is the lease, seen on a controllable clock.
        held = survivor.run_pending_once(started + timedelta(seconds=LEASE - 1))
        taken = survivor.run_pending_once(started + timedelta(seconds=LEASE + 1))
        later = survivor.run_pending_once(started + timedelta(seconds=LEASE + 60))

        with engine.connect() as connection:
            rows = connection.execute(
                sql_select(JOB_RUNS.c.worker, JOB_RUNS.c.outcome, JOB_RUNS.c.summary).order_by(
                    JOB_RUNS.c.id
                )
            ).all()
    finally:
        engine.dispose()
    assert (held, later) == ([], [])
    assert [r.outcome for r in taken] == ["ok"]
    assert len(sync.calls) == 1
    assert [tuple(r) for r in rows] == [
        ("doomed:1", "failed", "abandoned: its process stopped"),
        ("alive:2", "ok", "call 1"),
    ]


def test_a_second_scheduler_on_one_sqlite_store_refuses_to_start_and_says_why(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path}/alignbot.db"
    engine = make_engine(url)
    first = service(engine, [], worker="first:1")
    second = service(engine, [], worker="second:2")
    first.start()
    try:
        with pytest.raises(SchedulerError) as refused:
            second.start()
    finally:
        assert first.stop(timeout=10)
    second.start()  # the first one stopped: the store is free
    assert second.stop(timeout=10)
    engine.dispose()

    message = str(refused.value)
    assert "first:1 already runs alignbot on the SQLite store" in message
    assert "use PostgreSQL" in message


SECOND_PROCESS = """
import sys
from bot.settings import Settings
from bot.store import make_engine
from scheduler import SchedulerError, build_scheduler

service = build_scheduler(Settings(_env_file=None), make_engine(sys.argv[1]), jobs=[])
try:
    service.start()
except SchedulerError as exc:
    print(exc)
    sys.exit(2)
service.stop(timeout=5)
"""


def test_a_second_process_on_one_sqlite_store_refuses_to_start(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/alignbot.db"
    engine = make_engine(url)
    first = service(engine, [], worker="first:1")
    first.start()
    try:
        refused = subprocess.run(
            [sys.executable, "-c", SECOND_PROCESS, url],
            cwd=Path(__file__).parents[2], capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    finally:
        assert first.stop(timeout=10)
        engine.dispose()

    assert refused.returncode == 2, refused.stderr
    assert refused.stdout.startswith("first:1 already runs alignbot on the SQLite store")
