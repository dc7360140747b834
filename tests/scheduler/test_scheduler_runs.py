"""The scheduler runs each job when it is due, never twice at once, records every run, and
coalesces triggers (on SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from scheduler_support import Counting, every, service
from sqlalchemy import Engine, select

from bot.store.tables import JOB_RUNS
from scheduler import Every, Job, JobSkipped

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_an_interval_job_runs_once_per_interval_and_each_run_is_recorded(engine: Engine) -> None:
    sync = Counting()
    svc = service(engine, [every("sync", sync, minutes=5)])

    for minute in range(0, 16):  # a pass every minute for a quarter of an hour
        svc.run_pending_once(T0 + timedelta(minutes=minute))

    assert sync.calls == [T0 + timedelta(minutes=m) for m in (0, 5, 10, 15)]
    with engine.connect() as connection:
        rows = connection.execute(select(JOB_RUNS).order_by(JOB_RUNS.c.id)).all()
    assert [(r.job, r.outcome, r.summary, r.worker) for r in rows] == [
        ("sync", "ok", f"call {n}", "test:1") for n in (1, 2, 3, 4)
    ]
    assert svc.next_runs()["sync"] == T0 + timedelta(minutes=20)


def test_a_job_never_overlaps_itself_in_one_process_or_across_replicas(engine: Engine) -> None:
    gate = threading.Event()
    slow = Counting(gate=gate)
    first = service(engine, [every("sync", slow)], worker="a:1")
    second = service(engine, [every("sync", slow)], worker="b:2")
    runner = threading.Thread(target=first.run_pending_once, args=(T0,))
    runner.start()
    try:
        assert slow.started.wait(10)

        # Long past the interval, within the running replica's lease.
        again_here = first.run_pending_once(T0 + timedelta(minutes=30))
        in_other_replica = second.run_pending_once(T0 + timedelta(seconds=30))
    finally:
        gate.set()
        runner.join(10)

    assert (again_here, in_other_replica) == ([], [])
    assert slow.calls == [T0]


def test_a_replica_does_not_repeat_a_run_another_one_just_made(engine: Engine) -> None:
    sync = Counting()
    first = service(engine, [every("sync", sync)], worker="a:1")
    second = service(engine, [every("sync", sync)], worker="b:2")

    first.run_pending_once(T0)
    ran = second.run_pending_once(T0 + timedelta(seconds=3))

    assert ran == []
    assert sync.calls == [T0]


def test_many_triggers_before_a_pass_give_one_extra_run(engine: Engine) -> None:
    sync = Counting()
    svc = service(engine, [every("sync", sync, minutes=60)])
    svc.run_pending_once(T0)

    for _ in range(5):
        svc.trigger("sync")
    svc.run_pending_once(T0 + timedelta(seconds=10))
    svc.run_pending_once(T0 + timedelta(seconds=20))

    assert sync.calls == [T0, T0 + timedelta(seconds=10)]


def test_triggers_during_a_run_give_one_more_run_after_it(engine: Engine) -> None:
    gate = threading.Event()
    sync = Counting(gate=gate)
    svc = service(engine, [every("sync", sync, minutes=60)], poll_seconds=3600)
    svc.start()
    try:
        assert sync.started.wait(10)  # the run at start
        for _ in range(5):
            svc.trigger("sync")
        gate.set()
        # The one coalesced run follows the first; more would come only from new triggers.
        assert sync.twice.wait(10)
    finally:
        assert svc.stop(timeout=10)

    assert len(sync.calls) == 2


def test_a_job_whose_service_is_not_configured_is_skipped_with_the_reason(
    engine: Engine,
) -> None:
    def needs_slack(*_: object) -> str:
        raise JobSkipped("Slack is not configured: SLACK_BOT_TOKEN is not set")

    svc = service(engine, [Job("nudges", needs_slack, every("x", Counting()).schedule)])

    runs = svc.run_pending_once(T0)
    again = svc.run_pending_once(T0 + timedelta(minutes=1))

    assert [(r.outcome, r.summary) for r in runs] == [
        ("skipped", "Slack is not configured: SLACK_BOT_TOKEN is not set")
    ]
    assert again == []  # not retried at every pass: at its next interval


def test_a_failing_job_is_recorded_as_failed_and_the_next_job_still_runs(engine: Engine) -> None:
    def broken(*_: object) -> str:
        raise RuntimeError("boom")

    after = Counting()
    svc = service(
        engine, [Job("sync", broken, every("x", after).schedule), every("dispatch", after)]
    )

    runs = svc.run_pending_once(T0)

    assert [(r.job, r.outcome, r.summary) for r in runs] == [
        ("sync", "failed", "RuntimeError: boom"),
        ("dispatch", "ok", "call 1"),
    ]


def test_stop_lets_the_running_job_finish_and_takes_no_more(engine: Engine) -> None:
    gate = threading.Event()
    sync = Counting(gate=gate)
    svc = service(engine, [every("sync", sync, minutes=60)], poll_seconds=3600)
    svc.start()
    assert sync.started.wait(10)

    assert svc.stop(timeout=0.2) is False  # still running: not stopped in time
    gate.set()
    assert svc.stop(timeout=10) is True
    svc.trigger("sync")  # ignored after stop

    with engine.connect() as connection:
        outcomes = connection.execute(select(JOB_RUNS.c.outcome)).scalars().all()
    assert outcomes == ["ok"]
    assert len(sync.calls) == 1


def test_a_run_that_started_just_after_its_poll_is_not_pushed_back_a_whole_poll(
    engine: Engine,
) -> None:
    dispatch = Counting()
    svc = service(engine, [Job("dispatch", dispatch, Every(timedelta(seconds=30)))])
    late = timedelta(milliseconds=5)  # a poll's run starts a little after its beat

    for beat in range(0, 61, 15):  # polls every 15 seconds
        svc.run_pending_once(T0 + timedelta(seconds=beat) + (late if beat == 0 else timedelta(0)))

    assert dispatch.calls == [T0 + late, T0 + timedelta(seconds=30), T0 + timedelta(seconds=60)]


def test_runs_older_than_a_month_are_pruned_and_the_last_one_stays(engine: Engine) -> None:
    sync = Counting()
    svc = service(engine, [every("sync", sync, minutes=60 * 24 * 20)])  # every 20 days

    for days in (0, 20, 40, 60):
        svc.run_pending_once(T0 + timedelta(days=days))

    with engine.connect() as connection:
        kept = connection.execute(select(JOB_RUNS.c.started_at).order_by(JOB_RUNS.c.id)).all()
    assert [row.started_at for row in kept] == [T0 + timedelta(days=40), T0 + timedelta(days=60)]
