"""What the scheduler tests share: settings without services, and jobs that count."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine

from bot.settings import Settings
from scheduler import Every, Job, build_scheduler
from scheduler.service import Service

SECOND = timedelta(seconds=1)


def settings(**overrides: object) -> Settings:
    """Settings from nothing but `overrides`: no .env, no Zendesk, no Slack."""
    return Settings(_env_file=None, **overrides)  # type: ignore[call-arg]


@dataclass
class Counting:
    """A job function that records the instant of each call; it blocks on `gate` when one
    is given, after saying it started."""

    calls: list[datetime] = field(default_factory=list)
    gate: threading.Event | None = None
    started: threading.Event = field(default_factory=threading.Event)
    #: Set once the job has been called twice.
    twice: threading.Event = field(default_factory=threading.Event)

    def __call__(self, _settings: Settings, _engine: Engine, now: datetime) -> str:
        self.calls.append(now)
        self.started.set()
        if len(self.calls) >= 2:
            self.twice.set()
        if self.gate is not None and not self.gate.wait(30):
            raise AssertionError("the test never opened the gate")
        return f"call {len(self.calls)}"


def service(
    engine: Engine,
    jobs: list[Job],
    *,
    worker: str = "test:1",
    lease_seconds: float = 60.0,
    **options: object,
) -> Service:
    return build_scheduler(
        settings(job_lease_seconds=lease_seconds, **options),
        engine,
        jobs=jobs,
        worker=worker,
    )


def every(name: str, run: Counting, minutes: float = 5) -> Job:
    return Job(name, run, Every(timedelta(minutes=minutes)))
