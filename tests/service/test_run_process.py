"""`alignbot run` as its own process, on SQLite, against the two sandboxes: it serves the
probes, the Slack app, the answer pages and the webhook on one port, and on SIGTERM it
stops its scheduler and exits 0 within SHUTDOWN_TIMEOUT_SECONDS.

The subprocess runs the real scheduler and its jobs against the sandboxes."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from integrations.slack.sandbox import SlackSandbox
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from tests.service.service_support import WEBHOOK_SECRET

REPO = Path(__file__).resolve().parents[2]
SHUTDOWN_TIMEOUT = 10
START_TIMEOUT = 60.0
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


LAUNCH = "from bot.cli import main; main()"


class Lines:
    """A subprocess's stdout, read in a thread so every wait for a line is bounded."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        assert process.stdout is not None
        stream = process.stdout
        threading.Thread(target=lambda: [self.lines.put(x) for x in stream], daemon=True).start()

    def wait_for(self, pattern: str, timeout: float) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            self.seen.append(line)
            match = re.search(pattern, line)
            if match:
                return match
        raise AssertionError(f"no line matching {pattern!r} in {self.seen}")


@pytest.fixture
def sandboxes() -> Iterator[tuple[ZendeskSandbox, SlackSandbox]]:
    with (
        ZendeskSandbox(generate_org(tickets=20, seed=3)) as zendesk,
        SlackSandbox(signing_secret=SIGNING_SECRET) as slack,
    ):
        yield zendesk, slack


def launch(
    tmp_path: Path, zendesk: ZendeskSandbox, slack: SlackSandbox, *args: str, **extra: str
) -> subprocess.Popen[str]:
    """`alignbot run --port 0 ARGS` on a fresh SQLite store, pointed at both sandboxes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "ZENDESK_"))}
    env.update(
        PYTHONPATH=str(REPO),
        DATABASE_URL=f"sqlite:///{tmp_path / 'alignbot.db'}",
        ZENDESK_URL=zendesk.url,
        ZENDESK_EMAIL=zendesk.email,
        ZENDESK_API_TOKEN="sandbox",
        SLACK_BOT_TOKEN="xoxb-sandbox",
        SLACK_API_URL=slack.url,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        ALIGNBOT_LINK_SECRET="a" * 40,
        ZENDESK_WEBHOOK_SECRET=WEBHOOK_SECRET,
        SHUTDOWN_TIMEOUT_SECONDS=str(SHUTDOWN_TIMEOUT),
    )
    env.update(extra)
    return subprocess.Popen(
        [sys.executable, "-c", LAUNCH, "run", "--port", "0", *args],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def sigterm(process: subprocess.Popen[str]) -> tuple[int, float]:
    """Send SIGTERM; return the exit status and the seconds it took to exit."""
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    code = process.wait(timeout=SHUTDOWN_TIMEOUT + 5)
    return code, time.monotonic() - started


def test_alignbot_run_serves_everything_on_one_port_and_exits_0_on_sigterm_within_the_bound(
    tmp_path: Path, sandboxes: tuple[ZendeskSandbox, SlackSandbox]
) -> None:
    process = launch(tmp_path, *sandboxes)
    try:
        out = Lines(process)
        base = out.wait_for(r"serving on (http://127\.0\.0\.1:\d+)", START_TIMEOUT)[1]

        health = httpx.get(f"{base}/healthz", timeout=10)
        metrics = httpx.get(f"{base}/metrics", timeout=10)
        # Unsigned: bolt refuses it, which shows the Slack app is the one answering.
        slack_events = httpx.post(f"{base}/slack/events", content=b"{}", timeout=10)
        page = httpx.get(f"{base}/r/1/not-a-token", timeout=10)
        webhook = httpx.post(f"{base}/zendesk/webhook", content=json.dumps({}), timeout=10)

        code, elapsed = sigterm(process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
    stderr = process.stderr.read() if process.stderr else ""

    assert health.status_code == 200
    assert metrics.status_code == 200 and "alignbot_outbox_rows" in metrics.text
    assert slack_events.status_code == 401
    assert "Content-Security-Policy" in page.headers  # the answer pages refused the link
    assert webhook.status_code == 401  # unsigned
    assert code == 0, stderr
    assert elapsed < SHUTDOWN_TIMEOUT
    out.wait_for(r"alignbot run: stopped", 5)


def test_alignbot_run_in_socket_mode_dials_slack_and_hangs_up_on_sigterm(
    tmp_path: Path, sandboxes: tuple[ZendeskSandbox, SlackSandbox]
) -> None:
    zendesk, slack = sandboxes
    process = launch(tmp_path, zendesk, slack, "--socket-mode", SLACK_APP_TOKEN=slack.app_token)
    try:
        out = Lines(process)
        base = out.wait_for(r"serving on (http://127\.0\.0\.1:\d+)", START_TIMEOUT)[1]
        connected = slack.socket_mode.wait_connected(timeout=15)
        slack_events = httpx.post(f"{base}/slack/events", content=b"{}", timeout=10)

        code, elapsed = sigterm(process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
    stderr = process.stderr.read() if process.stderr else ""

    assert connected, stderr
    assert slack_events.status_code == 404  # over the websocket, not at /slack/events
    assert code == 0, stderr
    assert elapsed < SHUTDOWN_TIMEOUT


def test_alignbot_run_for_seconds_stops_by_itself_and_exits_0(
    tmp_path: Path, sandboxes: tuple[ZendeskSandbox, SlackSandbox]
) -> None:
    process = launch(tmp_path, *sandboxes, "--for-seconds", "0.5")
    try:
        out = Lines(process)
        out.wait_for(r"serving on http://", START_TIMEOUT)
        code = process.wait(timeout=SHUTDOWN_TIMEOUT + 5)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)

    assert code == 0
    out.wait_for(r"alignbot run: stopped", 5)
