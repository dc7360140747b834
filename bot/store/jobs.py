"""What the scheduler remembers: every job run, and which replica may run each job now.

- `job_runs`: one row per run of a scheduled job (`sync`, `digest`, ...), written when it
  starts (`outcome` "running") and completed when it ends ("ok", "failed" or "skipped",
  with its one-line summary). A run whose process died is marked "failed" by the replica
  that takes the job over. `alignbot jobs` reads it; so does the scheduler, to decide what
  is due, which is why replicas agree on it.
- `job_leases`: one row per job being run, the replica (`holder`) running it and when its
  lease ends unless renewed. A replica takes a job only when no live lease is held by
  another, so each run happens in exactly one process (docs/scheduler.md).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime

#: Outcomes of a job run.
RUNNING, OK, FAILED, SKIPPED = "running", "ok", "failed", "skipped"


class JobRun(SQLModel, table=True):
    """One run of a scheduled job (see module doc)."""

    __tablename__ = "job_runs"
    __table_args__ = (Index("ix_job_runs_job_started", "job", "started_at"),)

    id: int | None = Field(default=None, primary_key=True)
    job: str = Field(max_length=32)
    started_at: datetime = Field(sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    outcome: str = Field(default=RUNNING, max_length=16)
    summary: str = Field(default="", max_length=1000)
    worker: str = Field(max_length=255)


class JobLease(SQLModel, table=True):
    """Which replica runs a job until when (see module doc)."""

    __tablename__ = "job_leases"

    job: str = Field(primary_key=True, max_length=32)
    holder: str = Field(max_length=255)
    expires_at: datetime = Field(sa_type=UTCDateTime)
