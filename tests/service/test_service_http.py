"""The service's HTTP app over real HTTP (uvicorn on 127.0.0.1, a free port): the probes,
the metrics and the Zendesk webhook receiver. The clock is fixed; nothing sleeps."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from bot import observability
from bot.store import make_engine, upgrade
from integrations.service import MAX_WEBHOOK_BYTES, create_service_app
from tests.service.service_support import (
    NOW,
    StandInScheduler,
    minutes_ago,
    outbox_row,
    service_settings,
    signed,
    synced_at,
)
from tests.web.web_support import serving

TICKET_CHANGED = json.dumps({"ticket_id": 4217, "status": "solved"}).encode()


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'alignbot.db'}")
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def scheduler() -> StandInScheduler:
    return StandInScheduler()


@pytest.fixture
def webhook_url(sqlite_engine: Engine, scheduler: StandInScheduler) -> Iterator[str]:
    app = create_service_app(
        service_settings(), sqlite_engine, scheduler=scheduler, clock=lambda: NOW
    )
    with serving(app) as base:
        yield f"{base}/zendesk/webhook"


def get(base: str, path: str) -> httpx.Response:
    return httpx.get(base + path, timeout=10)


# --- /healthz and /readyz ----------------------------------------------------------------


def test_healthz_answers_200_while_serving_even_when_the_database_is_down(
    scheduler: StandInScheduler,
) -> None:
    down = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/nowhere")
    app = create_service_app(service_settings(), down, scheduler=scheduler, clock=lambda: NOW)
    with serving(app) as base:
        assert get(base, "/healthz").status_code == 200
        assert get(base, "/readyz").status_code == 503
    down.dispose()


def test_readyz_is_200_with_every_check_when_the_store_is_current_and_recently_synced(
    engine: Engine, scheduler: StandInScheduler
) -> None:
    synced_at(engine, minutes_ago(29))
    app = create_service_app(service_settings(), engine, scheduler=scheduler, clock=lambda: NOW)
    with serving(app) as base:
        answer = get(base, "/readyz")

    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["ready"] is True and body["failing"] == []
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "migrations": True,
        "sync": True,
    }
    assert body["checks"]["sync"]["age_seconds"] == 29 * 60


@pytest.mark.parametrize(("minutes", "error"), [(31, None), (None, "never synced")])
def test_readyz_is_503_naming_sync_when_the_last_sync_is_too_old_or_never_happened(
    engine: Engine, scheduler: StandInScheduler, minutes: int | None, error: str | None
) -> None:
    if minutes is not None:
        synced_at(engine, minutes_ago(minutes))
    synced_at(engine, NOW, stream="ticket_events")  # another stream's pass is not the tickets'
    app = create_service_app(service_settings(), engine, scheduler=scheduler, clock=lambda: NOW)
    with serving(app) as base:
        answer = get(base, "/readyz")

    assert answer.status_code == 503
    assert answer.json()["failing"] == ["sync"]
    assert answer.json()["checks"]["sync"].get("error") == error


def test_readyz_is_503_naming_migrations_when_the_schema_is_behind(
    tmp_path: Path, scheduler: StandInScheduler
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0013")
    synced_at(engine, minutes_ago(1))
    app = create_service_app(service_settings(), engine, scheduler=scheduler, clock=lambda: NOW)
    with serving(app) as base:
        answer = get(base, "/readyz")
    engine.dispose()

    assert answer.status_code == 503
    assert answer.json()["failing"] == ["migrations"]
    assert answer.json()["checks"]["migrations"]["current"] == "0013"


def test_readyz_is_503_naming_the_database_when_it_cannot_be_reached(
    scheduler: StandInScheduler,
) -> None:
    down = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/nowhere")
    app = create_service_app(service_settings(), down, scheduler=scheduler, clock=lambda: NOW)
    with serving(app) as base:
        answer = get(base, "/readyz")
    down.dispose()

    assert answer.status_code == 503
    assert answer.json()["failing"][0] == "database"
    assert answer.json()["checks"]["database"]["ok"] is False


# --- /metrics ----------------------------------------------------------------------------


def test_metrics_show_job_runs_after_they_are_recorded_and_the_outbox_by_status(
    engine: Engine, scheduler: StandInScheduler
) -> None:
    outbox_row(engine, "a", "pending", minutes_ago(2))
    outbox_row(engine, "b", "pending", minutes_ago(1))
    outbox_row(engine, "c", "failed", minutes_ago(10))
    outbox_row(engine, "d", "sent", minutes_ago(600))
    synced_at(engine, minutes_ago(3))
    app = create_service_app(service_settings(), engine, scheduler=scheduler, clock=lambda: NOW)
    job = f"job_{uuid.uuid4().hex[:8]}"  # the counters are the process's, shared by tests
    with serving(app) as base:
        before = get(base, "/metrics").text
        observability.record_job(job, "ok", 0.2)
        observability.record_job(job, "failed", 1.5)
        observability.record_api_request("zendesk")
        after = get(base, "/metrics")

    assert f'job="{job}"' not in before
    assert after.headers["content-type"].startswith("text/plain")
    lines = set(after.text.splitlines())
    assert f'alignbot_job_runs_total{{job="{job}",outcome="ok"}} 1.0' in lines
    assert f'alignbot_job_runs_total{{job="{job}",outcome="failed"}} 1.0' in lines
    assert f'alignbot_job_duration_seconds_count{{job="{job}"}} 2.0' in lines
    assert 'alignbot_outbox_rows{status="pending"} 2.0' in lines
    assert 'alignbot_outbox_rows{status="failed"} 1.0' in lines
    assert 'alignbot_outbox_rows{status="sent"} 1.0' in lines
    assert 'alignbot_outbox_rows{status="sending"} 0.0' in lines
    assert 'alignbot_outbox_oldest_age_seconds{status="pending"} 120.0' in lines
    assert 'alignbot_outbox_oldest_age_seconds{status="failed"} 600.0' in lines
    assert "alignbot_sync_lag_seconds 180.0" in lines
    assert any(line.startswith('alignbot_api_requests_total{service="zendesk"}') for line in lines)


# --- POST /zendesk/webhook ---------------------------------------------------------------


def test_a_signed_fresh_webhook_triggers_one_sync(
    webhook_url: str, scheduler: StandInScheduler
) -> None:
    answer = httpx.post(webhook_url, content=TICKET_CHANGED, headers=signed(TICKET_CHANGED))

    assert answer.status_code == 200
    assert answer.json() == {"ok": True}
    assert scheduler.triggered == ["sync"]


def test_a_webhook_signed_by_zendesks_documented_scheme_is_accepted(
    webhook_url: str, scheduler: StandInScheduler
) -> None:
    # base64(HMAC-SHA256(secret, timestamp + body)), written out here rather than by the
    # module under test, so a wrong scheme in both cannot agree with itself.
    import base64
    import hashlib
    import hmac

    from tests.service.service_support import WEBHOOK_SECRET

    timestamp = "2026-12-03T09:58:00Z"
    mac = hmac.new(WEBHOOK_SECRET.encode(), timestamp.encode() + TICKET_CHANGED, hashlib.sha256)
    headers = {
        "X-Zendesk-Webhook-Signature": base64.b64encode(mac.digest()).decode(),
        "X-Zendesk-Webhook-Signature-Timestamp": timestamp,
    }

    answer = httpx.post(webhook_url, content=TICKET_CHANGED, headers=headers)

    assert answer.status_code == 200
    assert scheduler.triggered == ["sync"]


@pytest.mark.parametrize(
    "forge",
    ["wrong secret", "body changed", "timestamp changed", "no signature"],
)
def test_a_forged_webhook_is_refused_401_and_triggers_nothing(
    webhook_url: str, scheduler: StandInScheduler, forge: str
) -> None:
    body = TICKET_CHANGED
    headers = signed(body)
    if forge == "wrong secret":
        headers = signed(body, secret="not-the-secret")
    elif forge == "body changed":
        body = body.replace(b"4217", b"4218")
    elif forge == "timestamp changed":
        headers["X-Zendesk-Webhook-Signature-Timestamp"] = "2026-12-03T09:59:59Z"
    else:
        del headers["X-Zendesk-Webhook-Signature"]

    answer = httpx.post(webhook_url, content=body, headers=headers)

    assert answer.status_code == 401
    assert scheduler.triggered == []


@pytest.mark.parametrize("minutes", [-6, 6])
def test_a_webhook_signed_more_than_five_minutes_from_now_is_refused_as_stale(
    webhook_url: str, scheduler: StandInScheduler, minutes: int
) -> None:
    headers = signed(TICKET_CHANGED, at=minutes_ago(minutes))

    answer = httpx.post(webhook_url, content=TICKET_CHANGED, headers=headers)

    assert answer.status_code == 401
    assert "window" in answer.json()["error"]
    assert scheduler.triggered == []


def test_a_webhook_four_minutes_old_is_still_accepted(
    webhook_url: str, scheduler: StandInScheduler
) -> None:
    headers = signed(TICKET_CHANGED, at=minutes_ago(4))

    assert httpx.post(webhook_url, content=TICKET_CHANGED, headers=headers).status_code == 200
    assert scheduler.triggered == ["sync"]


def test_a_replayed_webhook_is_answered_200_without_triggering_again(
    webhook_url: str, scheduler: StandInScheduler
) -> None:
    headers = signed(TICKET_CHANGED, at=minutes_ago(1))
    first = httpx.post(webhook_url, content=TICKET_CHANGED, headers=headers)

    replay = httpx.post(webhook_url, content=TICKET_CHANGED, headers=headers)

    assert first.json() == {"ok": True}
    assert replay.status_code == 200
    assert replay.json() == {"ok": True, "duplicate": True}
    assert scheduler.triggered == ["sync"]


def test_an_oversized_webhook_is_refused_413_whether_or_not_it_declares_its_length(
    webhook_url: str, scheduler: StandInScheduler
) -> None:
    body = b'{"pad": "' + b"x" * MAX_WEBHOOK_BYTES + b'"}'
    headers = signed(body)

    declared = httpx.post(webhook_url, content=body, headers=headers)
    chunked = httpx.post(webhook_url, content=iter([body[:1000], body[1000:]]), headers=headers)

    assert declared.status_code == 413
    assert chunked.status_code == 413
    assert scheduler.triggered == []


def test_a_signed_webhook_whose_body_is_not_json_is_refused_400(
    webhook_url: str, scheduler: StandInScheduler
) -> None:
    body = b"ticket 4217 changed"

    answer = httpx.post(webhook_url, content=body, headers=signed(body))

    assert answer.status_code == 400
    assert scheduler.triggered == []


def test_without_a_webhook_secret_the_receiver_is_not_served(
    sqlite_engine: Engine, scheduler: StandInScheduler
) -> None:
    settings = service_settings(zendesk_webhook_secret=None)
    app = create_service_app(settings, sqlite_engine, scheduler=scheduler, clock=lambda: NOW)
    with serving(app) as base:
        answer = httpx.post(
            f"{base}/zendesk/webhook", content=TICKET_CHANGED, headers=signed(TICKET_CHANGED)
        )

    assert answer.status_code in (404, 405)
    assert scheduler.triggered == []


class RefusingScheduler:
    """A scheduler that cannot take a trigger the first time it is asked (it is stopping)."""

    def __init__(self) -> None:
        self.calls = 0

    def trigger(self, job_name: str) -> None:
        self.calls += 1
        if self.calls == 1:
            raise RuntimeError("the scheduler is shutting down")


def test_a_webhook_the_scheduler_cannot_take_is_answered_503_and_its_retry_is_taken(
    sqlite_engine: Engine,
) -> None:
    scheduler = RefusingScheduler()
    app = create_service_app(
        service_settings(), sqlite_engine, scheduler=scheduler, clock=lambda: NOW
    )
    headers = signed(TICKET_CHANGED)
    with serving(app) as base:
        first = httpx.post(f"{base}/zendesk/webhook", content=TICKET_CHANGED, headers=headers)
        retry = httpx.post(f"{base}/zendesk/webhook", content=TICKET_CHANGED, headers=headers)

    assert first.status_code == 503
    assert retry.json() == {"ok": True}
    assert scheduler.calls == 2


def test_the_webhook_never_logs_its_body_or_secret(
    webhook_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    from tests.service.service_support import WEBHOOK_SECRET

    body = json.dumps({"ticket_id": 4217, "requester": "ana.customer@example.com"}).encode()
    caplog.set_level("DEBUG", logger="alignbot")

    httpx.post(webhook_url, content=body, headers=signed(body))
    httpx.post(webhook_url, content=body, headers=signed(body))  # a replay
    httpx.post(webhook_url, content=body, headers=signed(body, secret="forged"))

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "triggered" in logged and "refused" in logged
    assert "ana.customer" not in logged
    assert WEBHOOK_SECRET not in logged
    assert signed(body)["X-Zendesk-Webhook-Signature"] not in logged
