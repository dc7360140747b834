"""`alignbot sandbox slack` serves a Slack sandbox and says how to point alignbot at it."""

from __future__ import annotations

import socket
import threading
import time

from slack_sdk import WebClient
from typer.testing import CliRunner

from bot.cli import app


def test_the_command_prints_the_settings_to_paste_and_stops_by_itself() -> None:
    result = CliRunner().invoke(app, ["sandbox", "slack", "--token", "xoxb-t0k", "--for", "0.5"])

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    url = next(line for line in lines if line.startswith("SLACK_API_URL="))
    assert url.startswith("SLACK_API_URL=http://127.0.0.1:") and url.endswith("/api/")
    assert "SLACK_BOT_TOKEN=xoxb-t0k" in lines
    assert "#support-managers C" in result.output
    assert "manager@example.com U" in result.output
    assert lines[-1].startswith("Stopped after 0 calls")


def test_a_port_in_use_is_one_line_naming_it() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        result = CliRunner().invoke(app, ["sandbox", "slack", "--port", str(port), "--for", "0"])

    assert result.exit_code != 0
    assert f"127.0.0.1:{port}" in str(result.exception)


def test_messages_that_arrive_are_shown_as_slack_would_show_them() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    posted = threading.Event()

    def post_when_up() -> None:
        client = WebClient(
            token="xoxb-sandbox", base_url=f"http://127.0.0.1:{port}/api/", retry_handlers=[]
        )
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not posted.is_set():
            try:
                client.chat_postMessage(
                    channel="#general",
                    text="fallback",
                    blocks=[{"type": "header", "text": {"type": "plain_text", "text": "Hello"}}],
                )
                posted.set()
            except OSError:
                time.sleep(0.05)

    poster = threading.Thread(target=post_when_up)
    poster.start()
    result = CliRunner().invoke(app, ["sandbox", "slack", "--port", str(port), "--for", "1"])
    poster.join()

    assert result.exit_code == 0, result.output
    assert posted.is_set()
    assert "Hello\n=====" in result.output
    assert "1 messages and 0 files recorded" in result.output
