"""`alignbot jobs` lists each job's last run, by whichever replica, and when it is next due."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta

import pytest
from scheduler_support import Counting, settings
from typer.testing import CliRunner

from bot.cli import Overrides, app
from bot.store import make_engine
from scheduler import JobSkipped, build_scheduler, default_jobs

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_jobs_lists_the_last_run_of_each_job_and_the_next(
    db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    def no_slack(*_: object) -> str:
        raise JobSkipped("Slack is not configured: SLACK_BOT_TOKEN is not set")

    config = settings(database_url=db_url)
    runs = {"sync": Counting(), "analyze": Counting(), "digest": no_slack}
    jobs = [
        dataclasses.replace(job, run=runs[job.name])
        for job in default_jobs(config)
        if job.name in runs
    ]
    engine = make_engine(db_url)
    build_scheduler(config, engine, jobs=jobs, worker="host-a:7").run_pending_once(T0)
    engine.dispose()
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("ALIGNBOT_TIMEZONE", "Europe/Madrid")
    later = (T0 + timedelta(minutes=2)).timestamp()

    result = CliRunner().invoke(app, ["jobs"], obj=Overrides(clock=lambda: later))

    assert result.exit_code == 0, result.output
    # Durations are real (monotonic) seconds: the one thing here the test does not control.
    lines = [re.sub(r" in \d+\.\d s ", " in <d> s ", line) for line in result.output.splitlines()]
    assert lines == [
        "sync: ok 2026-03-02 10:00:00 CET in <d> s on host-a:7: call 1; "
        "next 2026-03-02 10:05:00 CET",
        "analyze: ok 2026-03-02 10:00:00 CET in <d> s on host-a:7: call 1; "
        "next 2026-03-02 10:05:00 CET",
        "resolution: never run; due now",
        "updates: never run; due now",
        "nudges: never run; due now",
        "dispatch: never run; due now",
        "digest: skipped 2026-03-02 10:00:00 CET in <d> s on host-a:7: Slack is not configured: "
        "SLACK_BOT_TOKEN is not set; next 2026-03-03 08:00:00 CET",
    ]
