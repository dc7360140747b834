"""`bot.cli.run.serve`, in this process: the stop waits for the scheduler's running job
within the shutdown bound, and reports a job that outlives it. `--for-seconds 0` ends the
wait at once, so nothing here depends on a signal's timing."""

from __future__ import annotations

import socket
import threading
from datetime import datetime

import pytest
from starlette.applications import Starlette

from bot.cli.run import serve
from bot.errors import AlignbotError

SHUTDOWN_TIMEOUT = 5.0


class RunningJob:
    """A scheduler whose one job is running when it is asked to stop: the job ends when
    the test lets it (`finish`), and `stop` waits for it up to its timeout."""

    def __init__(self, finishes: bool) -> None:
        self.finishes = finishes
        self.job_done = threading.Event()
        self.started = False
        self.stop_timeout: float | None = None

    def start(self) -> None:
        self.started = True

    def stop(self, timeout: float) -> bool:
        self.stop_timeout = timeout
        if self.finishes:
            # The job ends on its own shortly after the stop began.
            threading.Timer(0.05, self.job_done.set).start()
        return self.job_done.wait(timeout if self.finishes else 0.05)

    def trigger(self, job_name: str) -> None:
        pass

    def next_runs(self) -> dict[str, datetime]:
        return {}


def _serve(scheduler: RunningJob, port: int = 0) -> bool:
    """Serve an empty app on a loopback port (a free one by default) and stop at once."""
    return serve(
        Starlette(),
        scheduler,
        host="127.0.0.1",
        port=port,
        for_seconds=0.0,
        shutdown_timeout=SHUTDOWN_TIMEOUT,
    )


def test_serve_waits_for_the_running_job_and_reports_a_clean_stop() -> None:
    scheduler = RunningJob(finishes=True)

    clean = _serve(scheduler)

    assert clean is True
    assert scheduler.started and scheduler.job_done.is_set()
    assert scheduler.stop_timeout is not None and 0 < scheduler.stop_timeout <= SHUTDOWN_TIMEOUT


def test_serve_reports_a_job_that_did_not_finish_within_the_bound() -> None:
    scheduler = RunningJob(finishes=False)

    clean = _serve(scheduler)

    assert clean is False


class Refuses(RunningJob):
    def start(self) -> None:
        raise AlignbotError("another alignbot runs the scheduler on this SQLite store")


def test_a_scheduler_that_refuses_to_start_stops_run_before_it_serves_and_frees_the_port() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.close()

    with pytest.raises(AlignbotError, match="another alignbot"):
        _serve(Refuses(finishes=True), port)

    again = socket.socket()
    again.bind(("127.0.0.1", port))  # the port was given back
    again.close()
