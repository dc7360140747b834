"""`alignbot web`: serves the answer pages from the configured store, and without a link
key stops with one line saying what to set."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bot.store import make_engine, upgrade
from tests.resolution.resolution_support import KEYS, add_ticket, token

START_SECONDS = 60.0


def alignbot(*args: str, env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "from bot.cli import main; main()", *args],
        env={"PATH": "/usr/bin:/bin", **env},
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_alignbot_web_serves_a_link_from_the_store_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'alignbot.db'}"
    engine = make_engine(url)
    upgrade(engine)
    add_ticket(engine, 7)
    engine.dispose()
    text = token(7, "7-1")
    port = free_port()
    env = {"DATABASE_URL": url, "ALIGNBOT_LINK_SECRET": KEYS.current}

    server = alignbot("web", "--port", str(port), env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            assert server.poll() is None, server.communicate()
            assert time.monotonic() < deadline, "alignbot web did not start"
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/r/7/{text}", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()

    assert page.status_code == 200
    assert "Confirm that your issue is resolved" in page.text
    assert server.returncode == 130  # stopped by Ctrl-C, as every alignbot command
    assert f"serving answer links on http://127.0.0.1:{port}/r/..." in out
    assert "GET /r/7/… 200" in err
    assert text.split(".")[0] not in out + err


def test_alignbot_web_without_a_link_key_says_what_to_set(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'alignbot.db'}"}

    server = alignbot("web", "--port", str(free_port()), env=env, cwd=tmp_path)
    _, err = server.communicate(timeout=60)

    assert server.returncode == 2
    assert err.strip().splitlines() == [
        "error: ALIGNBOT_LINK_SECRET is not set (a random key of at least 32 characters, "
        "e.g. the output of `python -c 'import secrets; print(secrets.token_urlsafe(32))'`)"
    ]
