"""A stand-in for the `scheduler` package while `scheduler.build_scheduler` is not in this
branch: `test_run_process` puts it in `sys.modules["scheduler"]` of the `alignbot run`
subprocess, and only when the real one is missing. It runs no job; it says on stdout when
it is started and stopped, so the test sees `alignbot run` drive it."""

from __future__ import annotations

from datetime import datetime
from typing import Any


class StandInService:
    def start(self) -> None:
        print("stand-in scheduler: started", flush=True)

    def stop(self, timeout: float) -> bool:
        print(f"stand-in scheduler: stopped (timeout {timeout:.0f} s)", flush=True)
        return True

    def trigger(self, job_name: str) -> None:
        print(f"stand-in scheduler: triggered {job_name}", flush=True)

    def next_runs(self) -> dict[str, datetime]:
        return {}


def build_scheduler(settings: Any, engine: Any, **_: Any) -> StandInService:
    return StandInService()
