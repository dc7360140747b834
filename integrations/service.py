"""The one HTTP application `alignbot run` serves on ALIGNBOT_HTTP_PORT (docs/service.md).

    GET  /healthz            200 while the process serves: for a liveness probe
    GET  /readyz             200 when the database answers, its schema is at the newest
                             migration and tickets synced within READY_MAX_SYNC_AGE_MINUTES;
                             else 503 naming the failing checks. JSON either way.
    GET  /metrics            Prometheus text format (bot/observability.py)
    POST /zendesk/webhook    a ticket changed: triggers an incremental sync (only with
                             ZENDESK_WEBHOOK_SECRET set)
    POST /slack/events       Slack's interactivity and slash commands (with a Slack app)
    GET  /r/... POST /r/...  the customers' answer pages (with ALIGNBOT_LINK_SECRET)

The webhook answers:

| request                                      | answer                                      |
| -------------------------------------------- | ------------------------------------------- |
| good: signed, fresh, first time, JSON        | 200 `{"ok": true}`, sync triggered          |
| missing or wrong signature                   | 401, nothing triggered                      |
| timestamp more than 5 minutes from now       | 401, nothing triggered                      |
| the same signed request again (a replay)     | 200 `{"ok": true, "duplicate": true}`, no   |
|                                              | trigger (200, so Zendesk stops retrying)    |
| body over 256 KiB                            | 413, unread                                 |
| signed but not JSON                          | 400                                         |
| good, but the scheduler refused the trigger  | 503 (Zendesk retries it)                    |

A trigger only asks the scheduler for a sync as soon as possible (coalesced with any sync
already due), so the answer is immediate; the periodic sync remains the safety net.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from bot.observability import registry_for, store_figures
from bot.settings import Settings
from bot.store.db import current_revision, head_revision
from integrations.zendesk.webhook import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    ReplayGuard,
    WebhookRefused,
    verify,
)

__all__ = [
    "MAX_WEBHOOK_BYTES",
    "READY_CHECK_SECONDS",
    "Triggers",
    "create_service_app",
    "readiness",
]

log = logging.getLogger("alignbot.service")

#: The largest webhook body read; Zendesk's trigger payloads are a few KiB.
MAX_WEBHOOK_BYTES = 256 * 1024
#: How long /readyz waits for the database before calling it unreachable.
READY_CHECK_SECONDS = 5.0
WEBHOOK_PATH = "/zendesk/webhook"


class Triggers(Protocol):
    """What the HTTP app needs of the scheduler: run a job as soon as possible."""

    def trigger(self, job_name: str) -> None: ...


def _utc_now() -> datetime:
    return datetime.now(UTC)


def readiness(
    engine: Engine, head: str | None, max_sync_age: timedelta, now: datetime
) -> dict[str, dict[str, Any]]:
    """The readiness checks, each `{"ok": bool, ...}` with what it saw: `database` (a query
    answers), `migrations` (the schema is at `head`), `sync` (tickets synced within
    `max_sync_age` of `now`). Blocking: call it off the event loop."""
    checks: dict[str, dict[str, Any]] = {}
    try:
        figures = store_figures(engine)
        current = current_revision(engine)
    except Exception as exc:  # any driver error means the same thing here: not reachable
        checks["database"] = {"ok": False, "error": type(exc).__name__}
        checks["migrations"] = {"ok": False, "error": "database unreachable"}
        checks["sync"] = {"ok": False, "error": "database unreachable"}
        return checks
    checks["database"] = {"ok": True}
    checks["migrations"] = {"ok": current == head, "current": current, "head": head}
    synced = figures.last_synced_at
    sync: dict[str, Any] = {
        "ok": synced is not None and now - synced <= max_sync_age,
        "last_synced_at": synced.isoformat() if synced else None,
        "max_age_seconds": max_sync_age.total_seconds(),
    }
    if synced is None:
        sync["error"] = "never synced"
    else:
        sync["age_seconds"] = round((now - synced).total_seconds(), 3)
    checks["sync"] = sync
    return checks


def create_service_app(
    settings: Settings,
    engine: Engine,
    *,
    scheduler: Triggers,
    slack_app: Any = None,
    pages: Starlette | None = None,
    clock: Callable[[], datetime] = _utc_now,
) -> Starlette:
    """The service's HTTP app (see the module doc). `scheduler.trigger("sync")` is called
    for each good webhook; `slack_app` (a slack_bolt `App`, HTTP mode) is served at
    /slack/events when given; `pages` (`bot.web.create_app(...)`) is mounted at the root
    when given, its routes being /r/...; `clock` is the present for the webhook's window,
    the sync's age and the outbox's ages."""
    head = head_revision()  # read once: the migrations on disk do not change while serving
    max_sync_age = timedelta(minutes=settings.ready_max_sync_age_minutes)
    registry = registry_for(engine, clock=clock)

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok")

    async def readyz(request: Request) -> Response:
        now = clock()
        try:
            checks = await asyncio.wait_for(
                run_in_threadpool(readiness, engine, head, max_sync_age, now),
                READY_CHECK_SECONDS,
            )
        except TimeoutError:
            checks = {
                "database": {"ok": False, "error": f"no answer within {READY_CHECK_SECONDS:g} s"}
            }
        failing = [name for name, check in checks.items() if not check["ok"]]
        body = {"ready": not failing, "failing": failing, "checks": checks}
        return JSONResponse(body, status_code=503 if failing else 200)

    async def metrics(request: Request) -> Response:
        payload = await run_in_threadpool(generate_latest, registry)
        return Response(payload, media_type=CONTENT_TYPE_LATEST)

    routes: list[BaseRoute] = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/metrics", metrics, methods=["GET"]),
    ]
    secret = settings.zendesk_webhook_secret
    if secret is not None and secret.get_secret_value().strip():
        routes.append(
            Route(
                WEBHOOK_PATH,
                _webhook(secret.get_secret_value().strip(), scheduler, clock),
                methods=["POST"],
            )
        )
    if slack_app is not None:
        from slack_bolt.adapter.starlette import SlackRequestHandler

        from integrations.slack.http import EVENTS_PATH

        handler = SlackRequestHandler(slack_app)

        async def slack_events(request: Request) -> Response:
            return await handler.handle(request)

        routes.append(Route(EVENTS_PATH, slack_events, methods=["POST"]))
    if pages is not None:
        routes.append(Mount("/", app=pages))  # last: its routes are /r/...
    return Starlette(routes=routes)


def _webhook(
    secret: str, scheduler: Triggers, clock: Callable[[], datetime]
) -> Callable[[Request], Any]:
    guard = ReplayGuard()

    async def receive(request: Request) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_WEBHOOK_BYTES):
            return _refuse(413, "body too large")
        body = await _read_capped(request)
        if body is None:
            return _refuse(413, "body too large")
        now = clock()
        signature = request.headers.get(SIGNATURE_HEADER)
        try:
            signed_at = verify(secret, signature, request.headers.get(TIMESTAMP_HEADER), body, now)
        except WebhookRefused as refused:
            return _refuse(401, refused.reason)
        try:
            json.loads(body)
        except ValueError:  # UnicodeDecodeError included
            return _refuse(400, "body is not JSON")
        assert signature is not None  # verify() refused a request without one
        if not guard.first_time(signature.strip(), signed_at, now):
            log.info("zendesk webhook: a replay of an accepted request; ignored")
            return JSONResponse({"ok": True, "duplicate": True})
        try:
            await run_in_threadpool(scheduler.trigger, "sync")
        except Exception:
            # Answered 503 rather than raised: Zendesk retries a failed delivery, and the
            # replay guard must not swallow that retry, so this signature is forgotten.
            guard.forget(signature.strip())
            log.exception("zendesk webhook: could not trigger a sync")
            return _refuse(503, "could not trigger a sync; the periodic sync still runs")
        log.info("zendesk webhook: incremental sync triggered")
        return JSONResponse({"ok": True})

    return receive


def _refuse(status: int, reason: str) -> Response:
    # The reason names the failed check only: never the body (customer text) or a secret.
    log.warning("zendesk webhook refused (%s): %s", status, reason)
    return JSONResponse({"ok": False, "error": reason}, status_code=status)


async def _read_capped(request: Request) -> bytes | None:
    """The body, or None once it passes `MAX_WEBHOOK_BYTES` (sent without a length)."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_WEBHOOK_BYTES:
            return None
    return bytes(body)
