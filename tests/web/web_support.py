"""Helpers the web tests share (no tests here): the app served by uvicorn on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import uvicorn
from sqlalchemy import Engine
from starlette.applications import Starlette

from bot.resolution.answers import OnAnswer, record_only
from bot.settings import load_settings
from bot.web import create_app
from tests.resolution.resolution_support import KEYS, NOW

START_SECONDS = 15.0
STOP_SECONDS = 15.0


def make_app(
    engine: Engine, on_answer: OnAnswer = record_only, *, now: datetime = NOW
) -> Starlette:
    settings = load_settings(alignbot_link_secret=KEYS.current, alignbot_timezone="Europe/Madrid")
    return create_app(settings, engine, on_answer, clock=lambda: now)


@contextmanager
def serving(app: Starlette) -> Iterator[str]:
    """Serve `app` with uvicorn in a thread on a free port of 127.0.0.1; yield its base URL.
    Startup and shutdown are bounded: a server that does not stop in time fails the test."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + START_SECONDS
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the web server did not start")
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(STOP_SECONDS)
        listener.close()
        if thread.is_alive():
            raise RuntimeError(f"the web server did not stop within {STOP_SECONDS} s")
