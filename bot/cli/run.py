"""`alignbot run`: the whole bot as one long-running process (docs/service.md).

One process holds the scheduler (every job: sync, analysis, the sweeps, the outbox, the
digest), the Slack app (served over HTTP, or dialling Slack over Socket Mode) and one HTTP
server on ALIGNBOT_HTTP_PORT (`integrations.service.create_service_app`). Several processes
may share one PostgreSQL: the scheduler runs each job in one of them.

SIGTERM or SIGINT (or the end of `--for-seconds`) stops it: the HTTP server stops accepting
and finishes its open requests, the scheduler takes no new job and lets the running one
finish, and the process exits 0, all within SHUTDOWN_TIMEOUT_SECONDS. Past that bound it
exits 1 saying what did not stop: what a cut job left undone is redone by the next run
(every effect goes through the outbox, exactly once).

The HTTP server runs in a thread and the signals are handled here, on the main thread,
because uvicorn's own handlers re-raise the signal after shutting down, which would end
the process by SIGTERM instead of exit status 0.
"""

from __future__ import annotations

import importlib
import logging
import math
import signal
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from types import FrameType
from typing import Any, Protocol, cast

import typer
from sqlalchemy import Engine

from bot.cli.app import app
from bot.cli.common import settings_and_store
from bot.errors import AlignbotError
from bot.settings import Settings

__all__ = ["ServiceScheduler", "run"]

log = logging.getLogger("alignbot.run")

#: How long the HTTP server may take to start listening before `alignbot run` gives up.
START_SECONDS = 15.0
#: Header bytes uvicorn accepts before refusing a request (Slack's and Zendesk's are small).
MAX_HEADER_BYTES = 16 * 1024


class ServiceScheduler(Protocol):
    """What `alignbot run` needs of `scheduler.build_scheduler(...)`'s service."""

    def start(self) -> None: ...

    def stop(self, timeout: float) -> bool: ...

    def trigger(self, job_name: str) -> None: ...

    def next_runs(self) -> dict[str, datetime]: ...


class RunError(AlignbotError):
    """`alignbot run` cannot start: the port is taken, or a part is missing."""


@dataclass
class _Slack:
    """The Slack app as the service runs it: served over HTTP, or a Socket Mode handler."""

    http_app: Any = None
    socket_handler: Any = None


@app.command("run")
def run(
    host: str = typer.Option(
        "127.0.0.1",
        help="Address to listen on (0.0.0.0 in a container); put TLS in front.",
    ),
    port: int | None = typer.Option(
        None, min=0, max=65535, help="Port to listen on (default: ALIGNBOT_HTTP_PORT, 8080)."
    ),
    socket_mode: bool = typer.Option(
        False,
        "--socket-mode",
        help="The Slack app dials Slack over a websocket (needs SLACK_APP_TOKEN) instead of "
        "being served at /slack/events.",
    ),
    for_seconds: float | None = typer.Option(
        None, "--for-seconds", min=0.0, help="Stop after this many seconds (default: SIGTERM)."
    ),
) -> None:
    """Run alignbot as a service: the scheduler, the Slack app and one HTTP server with the
    answer pages, /slack/events, /healthz, /readyz, /metrics and /zendesk/webhook."""
    logging.getLogger("alignbot").setLevel(logging.INFO)
    settings, engine = settings_and_store()
    try:
        scheduler = build_scheduler(settings, engine)
        slack = _slack(settings, engine, socket_mode)
        http_app = _http_app(settings, engine, scheduler, slack)
        clean = serve(
            http_app,
            scheduler,
            host=host,
            port=settings.alignbot_http_port if port is None else port,
            for_seconds=for_seconds,
            shutdown_timeout=settings.shutdown_timeout_seconds,
            socket_handler=slack.socket_handler,
        )
    finally:
        engine.dispose()
    if not clean:
        typer.echo(
            f"error: not stopped within SHUTDOWN_TIMEOUT_SECONDS "
            f"({settings.shutdown_timeout_seconds:g} s); the cut job runs again next time",
            err=True,
        )
        raise typer.Exit(1)
    typer.echo("alignbot run: stopped")


def build_scheduler(settings: Settings, engine: Engine) -> ServiceScheduler:
    """`scheduler.build_scheduler(settings, engine)`, imported here so that `bot/` keeps no
    import-time dependency on the scheduler package (it builds on integrations/)."""
    module = importlib.import_module("scheduler")
    factory = getattr(module, "build_scheduler", None)
    if factory is None:
        raise RunError("this build has no scheduler (scheduler.build_scheduler is missing)")
    return cast(ServiceScheduler, factory(settings, engine))


def _slack(settings: Settings, engine: Engine, socket_mode: bool) -> _Slack:
    from integrations.slack.app import build_app

    if socket_mode:
        from integrations.slack.socket_mode import socket_mode_handler

        token = settings.slack_app_token
        bolt = build_app(settings, engine, socket_mode=True)
        return _Slack(
            socket_handler=socket_mode_handler(bolt, token.get_secret_value() if token else None)
        )
    if settings.slack_bot_token is not None and settings.slack_signing_secret is not None:
        return _Slack(http_app=build_app(settings, engine))
    log.info("Slack app not served: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not both set")
    return _Slack()


def _http_app(
    settings: Settings, engine: Engine, scheduler: ServiceScheduler, slack: _Slack
) -> Any:
    from integrations.service import create_service_app

    pages = None
    if settings.alignbot_link_secret is not None:
        from bot.web import create_app

        if settings.resolution_mode == "off":
            pages = create_app(settings, engine)  # answers are recorded; no ticket moves
        else:
            from bot.resolution.hook import flow_on_answer

            pages = create_app(settings, engine, flow_on_answer(settings))
    else:
        log.info("answer pages not served: ALIGNBOT_LINK_SECRET is not set")
    return create_service_app(
        settings, engine, scheduler=scheduler, slack_app=slack.http_app, pages=pages
    )


def serve(
    http_app: Any,
    scheduler: ServiceScheduler,
    *,
    host: str,
    port: int,
    for_seconds: float | None,
    shutdown_timeout: float,
    socket_handler: Any = None,
) -> bool:
    """Serve until SIGTERM, SIGINT or `for_seconds`, then stop everything within
    `shutdown_timeout` seconds. True when everything stopped in time. Call it from the main
    thread (signal handlers can only be installed there)."""
    import uvicorn

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        log.info("signal %s: stopping", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    listener = _listen(host, port)  # first: a taken port fails before anything runs
    try:
        # Before the server: a scheduler that refuses to start (a second process on one
        # SQLite store) stops `alignbot run` before it answers a single request.
        scheduler.start()
        server = uvicorn.Server(
            uvicorn.Config(
                http_app,
                # The apps log what matters themselves, with tokens cut from paths.
                access_log=False,
                server_header=False,
                log_level="warning",
                lifespan="off",
                h11_max_incomplete_event_size=MAX_HEADER_BYTES,
                timeout_keep_alive=5,
                timeout_graceful_shutdown=max(1, math.floor(shutdown_timeout / 2)),
            )
        )
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [listener]}, name="http", daemon=True
        )
        thread.start()
        try:
            _wait_started(server, thread)
            if socket_handler is not None:
                socket_handler.connect()
        except BaseException:
            server.should_exit = True
            scheduler.stop(shutdown_timeout)
            raise
        bound = listener.getsockname()
        typer.echo(
            f"alignbot run: serving on http://{bound[0]}:{bound[1]} "
            "(/healthz /readyz /metrics); SIGTERM stops"
        )
        stop.wait(for_seconds)
        return _shut_down(server, thread, scheduler, socket_handler, shutdown_timeout)
    finally:
        listener.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _listen(host: str, port: int) -> socket.socket:
    """Bind now, so a taken port is one clear error before anything else starts."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        listener.close()
        raise RunError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    return listener


def _wait_started(server: Any, thread: threading.Thread) -> None:
    deadline = time.monotonic() + START_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RunError(f"the HTTP server did not start within {START_SECONDS:g} s")
        time.sleep(0.01)


def _shut_down(
    server: Any,
    thread: threading.Thread,
    scheduler: ServiceScheduler,
    socket_handler: Any,
    timeout: float,
) -> bool:
    """Stop taking work everywhere at once, then wait for what is running, all within
    `timeout` seconds."""
    deadline = time.monotonic() + timeout
    server.should_exit = True  # stops accepting; open requests get timeout_graceful_shutdown
    if socket_handler is not None:
        socket_handler.close()
    scheduler_stopped = scheduler.stop(max(0.0, deadline - time.monotonic()))
    thread.join(max(0.0, deadline - time.monotonic()))
    if not scheduler_stopped:
        log.warning("the running job did not finish within %g s", timeout)
    if thread.is_alive():
        log.warning("the HTTP server did not stop within %g s", timeout)
    return scheduler_stopped and not thread.is_alive()
