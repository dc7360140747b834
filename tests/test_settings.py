"""Settings: a missing or malformed setting is one clear line naming it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.errors import SettingsError
from bot.settings import load_settings


@pytest.fixture(autouse=True)
def _no_ambient_settings(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    # Settings read .env from the working directory; run from an empty one.
    monkeypatch.chdir(tmp_path)
    for name in (
        "ZENDESK_URL",
        "ZENDESK_EMAIL",
        "ZENDESK_API_TOKEN",
        "ZENDESK_OAUTH_TOKEN",
        "DATABASE_URL",
        "ALIGNBOT_TIMEZONE",
    ):
        monkeypatch.delenv(name, raising=False)


def test_defaults_need_no_configuration():
    settings = load_settings()
    assert settings.database_url == "sqlite:///alignbot.db"
    assert settings.alignbot_timezone == "UTC"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("ZENDESK_URL", "ftp://acme.zendesk.com", "ZENDESK_URL: must be https://"),
        ("ZENDESK_URL", "https://acme.example.com", "ZENDESK_URL: must be https://"),
        ("DATABASE_URL", "mysql://localhost/x", "DATABASE_URL: must be sqlite"),
        ("ALIGNBOT_TIMEZONE", "Mars/Olympus", "ALIGNBOT_TIMEZONE: must be an IANA time zone"),
        ("FCR_WINDOW_DAYS", "seven", "FCR_WINDOW_DAYS:"),
    ],
)
def test_malformed_setting_is_named(monkeypatch, name, value, expected):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert str(info.value).startswith(expected)
    assert "\n" not in str(info.value)


def test_zendesk_url_accepts_an_account_and_a_loopback_sandbox(monkeypatch):
    monkeypatch.setenv("ZENDESK_URL", "https://acme.zendesk.com/")
    assert load_settings().zendesk_url == "https://acme.zendesk.com"
    monkeypatch.setenv("ZENDESK_URL", "http://127.0.0.1:8123")
    assert load_settings().zendesk_url == "http://127.0.0.1:8123"


def test_postgres_urls_use_psycopg3(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
    assert load_settings().database_url == "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def test_missing_zendesk_credentials_are_each_named(monkeypatch):
    monkeypatch.setenv("ZENDESK_URL", "https://acme.zendesk.com")
    with pytest.raises(SettingsError) as info:
        load_settings().require_zendesk()
    assert "ZENDESK_API_TOKEN" in str(info.value)
    assert "ZENDESK_EMAIL" in str(info.value)


def test_env_example_copied_as_it_is_names_the_url_and_the_empty_token(monkeypatch):
    example = Path(__file__).resolve().parent.parent / ".env.example"
    Path(".env").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")

    with pytest.raises(SettingsError) as info:
        load_settings().require_zendesk()

    message = str(info.value)
    assert "ZENDESK_URL is still https://example.zendesk.com" in message
    assert ".env.example" in message
    assert "ZENDESK_API_TOKEN (or ZENDESK_OAUTH_TOKEN) is not set" in message
    assert "\n" not in message


def test_the_placeholder_url_does_not_stop_commands_that_do_not_call_zendesk(monkeypatch):
    monkeypatch.setenv("ZENDESK_URL", "https://example.zendesk.com")

    assert load_settings().zendesk_url == "https://example.zendesk.com"


def test_cli_prints_one_line_naming_the_bad_setting(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", "db", "upgrade"],
        env={"PATH": "/usr/bin:/bin", "ALIGNBOT_TIMEZONE": "Nowhere/Else"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: ALIGNBOT_TIMEZONE: must be an IANA time zone such as Europe/Madrid or UTC"
    ]
