"""The scheduler: which job runs, how often, and under which lease (docs/scheduler.md)."""

from scheduler.jobs import Job, JobFailed, JobSkipped, default_jobs
from scheduler.schedule import DailyAt, Every
from scheduler.service import JobRun, SchedulerError, Service, build_scheduler

__all__ = [
    "DailyAt",
    "Every",
    "Job",
    "JobFailed",
    "JobRun",
    "JobSkipped",
    "SchedulerError",
    "Service",
    "build_scheduler",
    "default_jobs",
]
