"""`alignbot slack serve` refuses, in one line, to start without what Slack needs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from integrations.slack.sandbox import SlackSandbox

TOKEN = "xoxb-serve-cli"


@pytest.fixture
def slack_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[SlackSandbox]:
    with SlackSandbox(TOKEN) as sandbox:
        monkeypatch.chdir(tmp_path)  # no .env of the checkout is read
        monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'alignbot.db'}")
        monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
        monkeypatch.setenv("SLACK_API_URL", sandbox.url)
        monkeypatch.setenv("SLACK_SIGNING_SECRET", "serve-cli-secret")
        monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
        yield sandbox


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    return int(stopped.value.code or 0), capsys.readouterr().err


def test_socket_mode_without_an_app_token_names_the_setting(
    slack_env: SlackSandbox, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SLACK_SIGNING_SECRET")  # Socket Mode does not need it

    code, err = run(["slack", "serve", "--socket-mode"], capsys)

    assert code == 2
    assert err.startswith("error: SLACK_APP_TOKEN is not set")
    assert slack_env.socket_mode.connected == 0


def test_serving_without_a_signing_secret_names_the_setting(
    slack_env: SlackSandbox, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SLACK_SIGNING_SECRET")

    code, err = run(["slack", "serve"], capsys)

    assert code == 2
    assert err.startswith("error: SLACK_SIGNING_SECRET is not set")
