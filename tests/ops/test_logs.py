"""alignbot's log lines: one JSON object per record off a terminal, the human line on one,
and no token, secret or customer email in either."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from bot.logs import configure_logging
from bot.settings import Settings

ZENDESK_TOKEN = "Zd8x1TqQ0bK3nV7mW2pL9sR4tY6uI5oA0eF1gH2j"
OAUTH_TOKEN = "oauthTokenValue123456"
LINK_SECRET = "link-secret-abcdefghijklmnopqrstuvwxyz-0123"
SIGNING_SECRET = "signing0123456789abcdef"
BOT_TOKEN = "xoxb-1111-2222-abcdefABCDEF"
APP_TOKEN = "xapp-1-A0123-4567-abcdef"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def root_logger_restored() -> Iterator[None]:
    """Each test gets the root logger back as it found it (pytest's handlers included)."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "_env_file": None,
        "zendesk_api_token": ZENDESK_TOKEN,
        "zendesk_oauth_token": OAUTH_TOKEN,
        "slack_bot_token": BOT_TOKEN,
        "slack_app_token": APP_TOKEN,
        "slack_signing_secret": SIGNING_SECRET,
        "alignbot_link_secret": LINK_SECRET,
        "log_level": "INFO",
    }
    values.update(overrides)
    return Settings(**values)


def logged(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_off_a_terminal_each_record_is_one_json_object_with_its_extras() -> None:
    stream = io.StringIO()
    configure_logging(settings(), stream=stream)
    logging.getLogger("alignbot.scheduler").info(
        "job %s ran in %.1f s", "sync", 1.25, extra={"job": "sync", "rows": 3}
    )
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("alignbot.scheduler").exception("job failed")

    first, second = logged(stream)
    assert first["message"] == "job sync ran in 1.2 s"
    assert (first["level"], first["logger"]) == ("INFO", "alignbot.scheduler")
    assert (first["job"], first["rows"]) == ("sync", 3)
    assert first["time"].endswith("+00:00") and "T" in first["time"]
    assert second["level"] == "ERROR" and "ValueError: boom" in second["exception"]


def test_on_a_terminal_the_line_is_for_people() -> None:
    stream = Terminal()
    configure_logging(settings(), stream=stream)
    logging.getLogger("alignbot").warning("outbox %d rows late", 4)
    line = stream.getvalue().strip()
    assert line.endswith("WARNING alignbot: outbox 4 rows late")
    with pytest.raises(json.JSONDecodeError):
        json.loads(line)


def test_log_format_forces_json_on_a_terminal() -> None:
    stream = Terminal()
    configure_logging(settings(log_format="json"), stream=stream)
    logging.getLogger("alignbot").warning("hello")
    assert logged(stream)[0]["message"] == "hello"


@pytest.mark.parametrize(
    ("secret", "how"),
    [
        (ZENDESK_TOKEN, "the Zendesk API token"),
        (OAUTH_TOKEN, "the Zendesk OAuth token"),
        (BOT_TOKEN, "the Slack bot token"),
        (APP_TOKEN, "the Slack app token"),
        (SIGNING_SECRET, "the Slack signing secret"),
        (LINK_SECRET, "the link secret"),
        ("xoxp-9999-unconfigured-user-token", "a Slack user token by its shape"),
        ("xoxb-4444-unconfigured-bot", "a Slack bot token not in the settings"),
        ("xapp-1-B999-unconfigured", "a Slack app token not in the settings"),
    ],
)
def test_each_kind_of_token_is_redacted_in_message_args_and_extras(secret: str, how: str) -> None:
    stream = io.StringIO()
    configure_logging(settings(), stream=stream)
    log = logging.getLogger("alignbot.test")
    log.warning(f"in the message {secret}")
    log.warning("in an argument %s", secret)
    log.warning("in a dict argument %s", {"token": secret})
    log.warning("in an extra", extra={"headers": {"X-Token": secret}, "plain": secret})
    output = stream.getvalue()
    assert secret not in output, how
    assert output.count("***") >= 5


def test_authorization_headers_and_credentials_in_urls_are_redacted() -> None:
    stream = io.StringIO()
    configure_logging(settings(), stream=stream)
    log = logging.getLogger("alignbot.test")
    log.warning("sent headers %s", {"Authorization": "Basic YWdlbnRAZXhhbXBsZS5jb20vdG9rZW4"})
    log.warning("Authorization: Bearer abc.def.ghi")
    log.warning("credentials agent@example.com/token:unconfiguredSecret99")
    log.warning("store at postgresql+psycopg://alignbot:hunter2pw@db:5432/alignbot")
    output = stream.getvalue()
    for leaked in ("YWdlbnRAZXhhbXBsZS5jb20vdG9rZW4", "abc.def.ghi", "unconfiguredSecret99"):
        assert leaked not in output
    assert "hunter2pw" not in output and "alignbot:***@db:5432" in output


def test_customer_emails_keep_their_first_letter_and_domain_only() -> None:
    stream = io.StringIO()
    configure_logging(settings(), stream=stream)
    logging.getLogger("alignbot").warning(
        "no Slack user for %s", "maria.garcia@example.com", extra={"requester": "bo@shop.io"}
    )
    [line] = logged(stream)
    assert line["message"] == "no Slack user for m***@example.com"
    assert line["requester"] == "b***@shop.io"
    assert "maria.garcia" not in stream.getvalue()


def test_log_customer_text_keeps_emails_but_never_tokens() -> None:
    stream = io.StringIO()
    configure_logging(settings(log_customer_text=True), stream=stream)
    logging.getLogger("alignbot").warning("user %s token %s", "ana@example.com", BOT_TOKEN)
    [line] = logged(stream)
    assert line["message"] == "user ana@example.com token ***"


def test_without_settings_patterns_still_redact() -> None:
    stream = io.StringIO()
    configure_logging(None, stream=stream)
    logging.getLogger("alignbot").warning("token xoxb-1-2-3abc for ana@example.com")
    logging.getLogger("alignbot").info("below the default WARNING level")
    [line] = logged(stream)
    assert line["message"] == "token *** for a***@example.com"


def test_configuring_again_replaces_the_handler_instead_of_doubling_lines() -> None:
    stream = io.StringIO()
    configure_logging(settings(), stream=stream)
    configure_logging(settings(), stream=stream)
    logging.getLogger("alignbot").warning("once")
    assert [line["message"] for line in logged(stream)] == ["once"]


def test_the_alignbot_command_logs_redacted_json_when_stderr_is_a_pipe(tmp_path: Any) -> None:
    # A token of no known shape: only its value in the settings can catch it.
    token = "opaque-zendesk-token-7f3a9c"
    script = (
        "import logging; from bot.cli import _configure_logging; _configure_logging(); "
        f"logging.getLogger('alignbot.sync').warning('token %s for %s', {token!r}, "
        "'maria@example.com', extra={'ticket': 42})"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZENDESK_", "SLACK_"))}
    env.update(ZENDESK_API_TOKEN=token, LOG_LEVEL="INFO")
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    [line] = [json.loads(x) for x in done.stderr.splitlines()]
    assert line["message"] == "token *** for m***@example.com"
    assert (line["logger"], line["ticket"]) == ("alignbot.sync", 42)


def test_a_secret_setting_added_later_is_redacted_without_naming_it_here() -> None:
    # Any SecretStr setting is a secret to the logs: a webhook secret, a future token.
    class WithWebhook(Settings):
        zendesk_webhook_secret: SecretStr | None = None

    webhook = "whsec-opaque-value-1234"
    stream = io.StringIO()
    configure_logging(WithWebhook(_env_file=None, zendesk_webhook_secret=webhook), stream=stream)
    logging.getLogger("alignbot.web").warning("signature checked with %s", webhook)
    assert logged(stream)[0]["message"] == "signature checked with ***"
