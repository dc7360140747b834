"""The link settings: a missing or weak key is one clear line that never shows a key."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import SettingsError
from bot.settings import load_settings

LINK_SETTINGS = (
    "ALIGNBOT_LINK_SECRET",
    "ALIGNBOT_LINK_SECRET_FALLBACKS",
    "ALIGNBOT_LINK_TTL_DAYS",
    "ALIGNBOT_PUBLIC_URL",
    "ALIGNBOT_HTTP_PORT",
)


@pytest.fixture(autouse=True)
def _no_ambient_settings(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)  # settings read .env from the working directory
    for name in LINK_SETTINGS:
        monkeypatch.delenv(name, raising=False)


def test_defaults_ask_for_no_key_until_a_link_is_made_or_checked() -> None:
    settings = load_settings()

    assert (settings.alignbot_http_port, settings.alignbot_link_ttl_days) == (8080, 14)
    with pytest.raises(SettingsError, match=r"^ALIGNBOT_LINK_SECRET is not set"):
        settings.require_link_secret()
    with pytest.raises(SettingsError, match=r"^ALIGNBOT_PUBLIC_URL is not set"):
        settings.require_public_url()


def test_a_short_key_is_refused_without_showing_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNBOT_LINK_SECRET", "hunter2")

    with pytest.raises(SettingsError) as info:
        load_settings().require_link_secret()

    assert "too short" in str(info.value)
    assert "hunter2" not in str(info.value)


def test_the_key_and_its_fallbacks_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    current, old = "c" * 43, "o" * 43
    monkeypatch.setenv("ALIGNBOT_LINK_SECRET", current)
    monkeypatch.setenv("ALIGNBOT_LINK_SECRET_FALLBACKS", f'["{old}"]')

    settings = load_settings()
    keys = settings.require_link_secret()

    assert (keys.current, keys.fallbacks) == (current, (old,))
    for shown in (repr(settings), str(settings), repr(keys)):
        assert current not in shown and old not in shown


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ftp://help.example.com", "ALIGNBOT_PUBLIC_URL: must be an http(s) URL"),
        ("https://help.example.com/?a=1", "ALIGNBOT_PUBLIC_URL: must have no query"),
    ],
)
def test_a_malformed_public_url_is_named(monkeypatch, value: str, expected: str) -> None:
    monkeypatch.setenv("ALIGNBOT_PUBLIC_URL", value)
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert str(info.value).startswith(expected)


def test_the_public_url_loses_its_trailing_slash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNBOT_PUBLIC_URL", "https://help.example.com/alignbot/")
    assert load_settings().require_public_url() == "https://help.example.com/alignbot"


def test_env_example_copied_as_it_is_asks_for_a_link_key() -> None:
    example = Path(__file__).resolve().parents[2] / ".env.example"
    Path(".env").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")

    settings = load_settings()

    assert (settings.alignbot_http_port, settings.alignbot_link_ttl_days) == (8080, 14)
    with pytest.raises(SettingsError, match=r"^ALIGNBOT_LINK_SECRET is not set"):
        settings.require_link_secret()
