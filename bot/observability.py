"""alignbot's Prometheus metrics: what `/metrics` of `alignbot run` shows (docs/service.md).

Counted as things happen, in this process:

| metric                                      | labels          | counted by                 |
| ------------------------------------------- | --------------- | -------------------------- |
| `alignbot_job_runs_total`                   | job, outcome    | `record_job` (scheduler)   |
| `alignbot_job_duration_seconds` (histogram) | job             | `record_job` (scheduler)   |
| `alignbot_api_requests_total`               | service         | `record_api_request`       |
| `alignbot_api_rate_limited_total`           | service         | `record_rate_limited`      |

Read from the store on each scrape (`StoreCollector`, one grouped query per table), so every
replica reports the same figures and none goes stale between runs:

| metric                               | labels | what                                          |
| ------------------------------------ | ------ | --------------------------------------------- |
| `alignbot_outbox_rows`               | status | rows in the outbox with that status           |
| `alignbot_outbox_oldest_age_seconds` | status | age of the oldest such row (not for `sent`)   |
| `alignbot_sync_lag_seconds`          |        | seconds since the tickets stream last synced  |

The counters live in `PROCESS_REGISTRY`, one per process; `registry_for(engine)` makes the
registry one `/metrics` endpoint serves: those counters plus a `StoreCollector` on its store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry, Counter, Histogram, disable_created_metrics
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import Engine, text

__all__ = [
    "PROCESS_REGISTRY",
    "StoreCollector",
    "StoreFigures",
    "record_api_request",
    "record_job",
    "record_rate_limited",
    "registry_for",
    "store_figures",
]

log = logging.getLogger("alignbot.observability")

#: The stream whose last pass `alignbot_sync_lag_seconds` and `/readyz` measure: the one
#: every decision (solves, stale tickets) reads.
SYNC_STREAM = "tickets"
#: Outbox statuses whose oldest row's age is reported: a backlog. Sent rows are history,
#: and the oldest of them only grows.
AGED_STATUSES = ("pending", "sending", "failed")

# No `*_created` series: they double every counter's lines and no dashboard of ours reads
# them. (prometheus-client's switch is process-wide; alignbot is its only user here.)
disable_created_metrics()  # type: ignore[no-untyped-call]
PROCESS_REGISTRY = CollectorRegistry(auto_describe=True)

JOB_RUNS = Counter(
    "alignbot_job_runs_total",
    "Scheduled job runs in this process, by job and outcome (ok, failed, skipped).",
    ["job", "outcome"],
    registry=PROCESS_REGISTRY,
)
JOB_DURATION = Histogram(
    "alignbot_job_duration_seconds",
    "How long each scheduled job run took.",
    ["job"],
    # Jobs run from milliseconds (an empty outbox) to minutes (a first backfill).
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800),
    registry=PROCESS_REGISTRY,
)
API_REQUESTS = Counter(
    "alignbot_api_requests_total",
    "Requests sent to an external API (zendesk, slack), retries included.",
    ["service"],
    registry=PROCESS_REGISTRY,
)
API_RATE_LIMITED = Counter(
    "alignbot_api_rate_limited_total",
    "Requests an external API answered 429 (rate limited).",
    ["service"],
    registry=PROCESS_REGISTRY,
)


def record_job(job: str, outcome: str, seconds: float) -> None:
    """Count one run of `job` that ended with `outcome` ("ok", "failed" or "skipped")
    after `seconds`. The scheduler calls it after every run."""
    JOB_RUNS.labels(job=job, outcome=outcome).inc()
    JOB_DURATION.labels(job=job).observe(max(0.0, seconds))


def record_api_request(service: str) -> None:
    """Count one request sent to `service` ("zendesk" or "slack")."""
    API_REQUESTS.labels(service=service).inc()


def record_rate_limited(service: str) -> None:
    """Count one 429 answer from `service`."""
    API_RATE_LIMITED.labels(service=service).inc()


@dataclass(frozen=True)
class StoreFigures:
    """What the store says about the queue and the sync, read in one go."""

    #: status -> (rows, created_at of the oldest row)
    outbox: dict[str, tuple[int, datetime | None]]
    #: When the tickets stream last finished a pass; None before the first sync.
    last_synced_at: datetime | None


def store_figures(engine: Engine) -> StoreFigures:
    """Read the outbox by status and the tickets stream's last pass. Raises SQLAlchemy's
    errors when the database cannot be reached."""
    with engine.connect() as connection:
        # One grouped query; (status, next_attempt_at) is indexed, so counting stays cheap.
        rows = connection.execute(
            text("SELECT status, COUNT(*), MIN(created_at) FROM outbox GROUP BY status")
        ).all()
        synced = connection.execute(
            text("SELECT last_synced_at FROM sync_state WHERE stream = :stream"),
            {"stream": SYNC_STREAM},
        ).scalar()
    return StoreFigures(
        outbox={str(status): (int(count), _utc(oldest)) for status, count, oldest in rows},
        last_synced_at=_utc(synced),
    )


def _utc(value: object) -> datetime | None:
    """A timestamp as read by a raw query: SQLite returns text, PostgreSQL a datetime."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class StoreCollector(Collector):
    """Computes the outbox and sync gauges from the store on each scrape. A store that
    cannot be read yields no store gauges (and logs why) rather than failing the scrape:
    the process counters are still worth having, and `/readyz` reports the database."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        self.engine = engine
        self.clock = clock

    def collect(self) -> Iterator[Metric]:
        try:
            figures = store_figures(self.engine)
        except Exception as exc:  # any driver error: the scrape goes on without the store
            log.warning("metrics: cannot read the store (%s)", type(exc).__name__)
            return
        now = self.clock()
        rows = GaugeMetricFamily(
            "alignbot_outbox_rows", "Outbox rows by status.", labels=["status"]
        )
        age = GaugeMetricFamily(
            "alignbot_outbox_oldest_age_seconds",
            "Age of the oldest outbox row by status (pending, sending, failed).",
            labels=["status"],
        )
        for status in sorted(set(figures.outbox) | set(AGED_STATUSES) | {"sent"}):
            count, oldest = figures.outbox.get(status, (0, None))
            rows.add_metric([status], count)
            if status in AGED_STATUSES:
                age.add_metric([status], _seconds_since(oldest, now))
        yield rows
        yield age
        if figures.last_synced_at is not None:
            lag = GaugeMetricFamily(
                "alignbot_sync_lag_seconds", "Seconds since the tickets stream last synced."
            )
            lag.add_metric([], _seconds_since(figures.last_synced_at, now))
            yield lag


def _seconds_since(moment: datetime | None, now: datetime) -> float:
    return 0.0 if moment is None else max(0.0, (now - moment).total_seconds())


class _Forward(Collector):
    """Hands a scrape on to another registry's collectors (the process counters)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry

    def collect(self) -> Iterable[Metric]:
        return self.registry.collect()


def registry_for(
    engine: Engine, *, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> CollectorRegistry:
    """The registry a `/metrics` endpoint serves: this process's counters and the store's
    gauges read from `engine` at each scrape (ages measured against `clock`)."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Forward(PROCESS_REGISTRY))
    registry.register(StoreCollector(engine, clock))
    return registry
