"""`alignbot jobs`: the last run of each scheduled job and when it is next due."""

from __future__ import annotations

from datetime import UTC, datetime

import typer
from sqlalchemy import func, select

from bot.cli.app import app
from bot.cli.common import overrides_of, settings_and_store
from bot.store.tables import JOB_RUNS


@app.command("jobs")
def jobs_command(ctx: typer.Context) -> None:
    """List each job `alignbot run` schedules: its last run (when, by which replica, how it
    ended and what it did) and when it is next due, across every replica on this store.
    Times are in ALIGNBOT_TIMEZONE."""
    from scheduler import build_scheduler

    clock = overrides_of(ctx).clock
    now = datetime.fromtimestamp(clock(), UTC) if clock is not None else datetime.now(UTC)
    settings, engine = settings_and_store()
    service = build_scheduler(settings, engine, clock=lambda: now)
    r = JOB_RUNS.c
    latest = (
        select(r.job, func.max(r.id).label("id")).group_by(r.job).subquery()
    )  # ids grow with time within one store
    with engine.connect() as connection:
        last = {
            row.job: row
            for row in connection.execute(select(JOB_RUNS).join(latest, r.id == latest.c.id))
        }
    next_due = service.next_runs()
    zone = settings.timezone

    def when(at: datetime) -> str:
        return at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S %Z")

    for name in service.jobs:
        run = last.get(name)
        due = next_due[name]
        upcoming = "due now" if due <= now else f"next {when(due)}"
        if run is None:
            typer.echo(f"{name}: never run; {upcoming}")
            continue
        took = ""
        if run.finished_at is not None:
            took = f" in {(run.finished_at - run.started_at).total_seconds():.1f} s"
        typer.echo(
            f"{name}: {run.outcome} {when(run.started_at)}{took} on {run.worker}: "
            f"{run.summary or '-'}; {upcoming}"
        )
