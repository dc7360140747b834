"""The digest fires once at its local time every day, across daylight-saving changes, and a
process that was down at that time posts it once when it starts (a controllable clock,
never a sleep)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from scheduler_support import Counting, settings
from sqlalchemy import Engine, insert

from bot.store.tables import JOB_RUNS
from scheduler import Job, build_scheduler, default_jobs
from scheduler.service import Service

MADRID = ZoneInfo("Europe/Madrid")


def digest_service(
    engine: Engine, run: Counting, *, clock: datetime | None = None, **env: str
) -> Service:
    config = settings(alignbot_timezone="Europe/Madrid", **env)
    (digest,) = [job for job in default_jobs(config) if job.name == "digest"]
    options = {} if clock is None else {"clock": lambda: clock}
    return build_scheduler(
        config, engine, jobs=[dataclasses.replace(digest, run=run)], worker="w:1", **options
    )


def passes(svc: Service, start: datetime, end: datetime, step: timedelta) -> None:
    at = start
    while at < end:
        svc.run_pending_once(at)
        at += step


def local(calls: list[datetime]) -> list[str]:
    return [f"{c.astimezone(MADRID):%Y-%m-%d %H:%M %Z}" for c in calls]


@pytest.mark.parametrize(
    ("digest_at", "days", "expected"),
    [
        # Spring forward on 29 March 2026: 02:00 becomes 03:00, so 02:30 does not exist
        # that day and the digest comes at 03:30, once.
        (
            "02:30",
            ("2026-03-27", "2026-03-31"),
            [
                "2026-03-27 02:30 CET",
                "2026-03-28 02:30 CET",
                "2026-03-29 03:30 CEST",
                "2026-03-30 02:30 CEST",
            ],
        ),
        # Fall back on 25 October 2026: 02:00-03:00 happens twice; the first 02:30 counts.
        (
            "02:30",
            ("2026-10-23", "2026-10-27"),
            [
                "2026-10-23 02:30 CEST",
                "2026-10-24 02:30 CEST",
                "2026-10-25 02:30 CEST",
                "2026-10-26 02:30 CET",
            ],
        ),
        (
            "08:00",
            ("2026-03-28", "2026-03-30"),
            ["2026-03-28 08:00 CET", "2026-03-29 08:00 CEST"],
        ),
        (
            "08:00",
            ("2026-10-24", "2026-10-26"),
            ["2026-10-24 08:00 CEST", "2026-10-25 08:00 CET"],
        ),
    ],
)
def test_the_digest_fires_once_a_day_at_its_local_time_across_daylight_saving_changes(
    engine: Engine, digest_at: str, days: tuple[str, str], expected: list[str]
) -> None:
    digest = Counting()
    svc = digest_service(engine, digest, digest_at=digest_at)
    start = datetime.fromisoformat(days[0]).replace(tzinfo=MADRID).astimezone(UTC)
    end = datetime.fromisoformat(days[1]).replace(tzinfo=MADRID).astimezone(UTC)

    passes(svc, start, end, timedelta(minutes=15))

    assert local(digest.calls) == expected


def test_a_weekly_digest_fires_once_on_its_weekday(engine: Engine) -> None:
    digest = Counting()
    svc = digest_service(engine, digest, digest_weekly_on="mon")
    start = datetime(2026, 3, 25, tzinfo=MADRID)  # a Wednesday

    passes(svc, start, start + timedelta(days=14), timedelta(hours=1))

    assert local(digest.calls) == ["2026-03-30 08:00 CEST", "2026-04-06 08:00 CEST"]


def test_a_process_down_at_digest_time_posts_it_once_when_it_starts(engine: Engine) -> None:
    digest = Counting()
    started_at = datetime(2026, 3, 30, 11, 0, tzinfo=MADRID)
    svc = digest_service(engine, digest, clock=started_at)

    svc.start()
    try:
        assert digest.started.wait(10)
    finally:
        assert svc.stop(timeout=10)
    passes(svc, started_at, datetime(2026, 3, 31, 9, 0, tzinfo=MADRID), timedelta(minutes=15))

    assert local(digest.calls) == ["2026-03-30 11:00 CEST", "2026-03-31 08:00 CEST"]


def test_a_digest_another_replica_posted_today_is_not_posted_again_on_start(
    engine: Engine,
) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(JOB_RUNS).values(
                job="digest",
                started_at=datetime(2026, 3, 30, 8, 0, tzinfo=MADRID),
                finished_at=datetime(2026, 3, 30, 8, 1, tzinfo=MADRID),
                outcome="ok",
                summary="digest for 2026-03-29 queued for #support-managers",
                worker="other:9",
            )
        )
    digest = Counting()
    svc = digest_service(engine, digest)

    runs = svc.run_pending_once(datetime(2026, 3, 30, 11, 0, tzinfo=MADRID))

    assert (runs, digest.calls) == ([], [])


def test_a_failed_digest_is_retried_after_a_pause_not_at_every_pass(engine: Engine) -> None:
    attempts: list[datetime] = []

    def not_ready(_settings: object, _engine: object, now: datetime) -> str:
        attempts.append(now)
        if len(attempts) < 3:
            raise RuntimeError("not analysed yet")
        return "posted"

    config = settings(alignbot_timezone="Europe/Madrid")
    (digest,) = [j for j in default_jobs(config) if j.name == "digest"]
    svc = build_scheduler(config, engine, jobs=[Job("digest", not_ready, digest.schedule)])
    eight = datetime(2026, 3, 30, 8, 0, tzinfo=MADRID)

    passes(svc, eight, eight + timedelta(hours=2), timedelta(minutes=1))

    assert [a - eight for a in attempts] == [timedelta(minutes=m) for m in (0, 10, 20)]
