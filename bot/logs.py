"""alignbot's log lines: one JSON object per record off a terminal, the human format on one,
with secrets and customer emails redacted in both.

`configure_logging(settings)` installs one handler on the root logger. A service's logs are
read by machines (a container runtime, a log shipper), so when the stream is not a TTY each
record becomes one line of JSON: `time` (UTC, ISO 8601), `level`, `logger`, `message`, the
record's extras, and `exception` when there is one. A person at a terminal gets the classic
`time LEVEL logger: message` line.

`Redactor` is the filter that keeps secrets out of both. It replaces, in the message, its
arguments and every extra:

- every secret value in the settings (Zendesk API and OAuth tokens, the Slack bot and app
  tokens and signing secret, the link secret and its fallbacks, webhook secrets: any
  `SecretStr` setting), so a token of any shape is caught once it is configured;
- by pattern, what may not be configured here: Slack tokens (`xoxb-`, `xoxp-`, `xapp-`...),
  `Authorization:` headers and `Bearer` credentials, Zendesk's `email/token:SECRET` pairs,
  and passwords in URLs (`postgresql://user:***@host`);
- customer emails, as `a***@example.com` (the domain tells a support engineer which
  customer's mail system it is; the person stays unnamed), unless LOG_CUSTOMER_TEXT asks to
  keep customer text.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import IO, Any

from pydantic import SecretStr

from bot.settings import Settings

__all__ = ["Redactor", "configure_logging", "is_configured_elsewhere", "secrets_of"]

HUMAN_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "***"

#: What a LogRecord carries by itself; anything else on a record came in `extra=`.
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Slack: bot (xoxb-), user (xoxp-), legacy and refresh tokens (xoxa-, xoxr-, xoxs-,
    # xoxe-), and app-level tokens (xapp-).
    (re.compile(r"\b(?:xox[abeoprs]|xapp)-[A-Za-z0-9-]+"), MASK),
    # Authorization headers in any spelling a log line may carry them: `Authorization:
    # Basic ...`, `'Authorization': 'Bearer ...'`, `authorization=...`.
    (
        re.compile(
            r"(?i)\b(authorization['\"]?\s*[:=]\s*['\"]?)"
            r"(?:(?:basic|bearer|token)\s+)?[^\s'\",;}]+"
        ),
        r"\1" + MASK,
    ),
    (re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]+"), r"\1" + MASK),
    # Zendesk's API-token credentials before they are base64-encoded: email/token:SECRET.
    (re.compile(r"(/token:)[^\s'\"@]+"), r"\1" + MASK),
    # A password in a URL, e.g. DATABASE_URL.
    (re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@\s/]+@"), r"\1" + MASK + "@"),
)
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
)
#: Shorter configured values are not masked by value: "abc" would eat ordinary words. The
#: patterns above still catch tokens of a known shape.
_MIN_SECRET_LENGTH = 6


def secrets_of(settings: Settings | None) -> list[str]:
    """Every secret value the settings hold (any `SecretStr` setting, lists of them too)."""
    if settings is None:
        return []
    found: list[str] = []
    for name in type(settings).model_fields:
        value = getattr(settings, name, None)
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            if isinstance(item, SecretStr):
                secret = item.get_secret_value().strip()
                if len(secret) >= _MIN_SECRET_LENGTH:
                    found.append(secret)
    return found


class Redactor(logging.Filter):
    """Masks secrets and customer emails in a record's message, arguments and extras.

    `secrets` are exact values to mask (longest first, so one secret containing another is
    masked whole); `keep_emails` leaves emails as they are (LOG_CUSTOMER_TEXT=true).
    The record is changed in place and always let through.
    """

    def __init__(self, secrets: Iterable[str] = (), *, keep_emails: bool = False) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)
        self.keep_emails = keep_emails

    def redact(self, text: str) -> str:
        """`text` with every secret, token pattern and (unless kept) email masked."""
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        if not self.keep_emails:
            text = _EMAIL.sub(r"\1***@\2", text)
        return text

    def redact_value(self, value: Any) -> Any:
        """A JSON-able copy of `value` with every string in it redacted."""
        if isinstance(value, str):
            return self.redact(value)
        if isinstance(value, bool | int | float) or value is None:
            return value
        if isinstance(value, dict):
            return {str(k): self.redact_value(v) for k, v in value.items()}
        if isinstance(value, list | tuple | set | frozenset):
            return [self.redact_value(v) for v in value]
        return self.redact(str(value))

    def filter(self, record: logging.LogRecord) -> bool:
        # The message is formatted here, once, so a secret inside an argument's repr (an
        # object, a dict of headers) is seen whole; the record then carries no arguments.
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = f"{record.msg} {record.args}"  # a malformed call still gets logged
        record.msg = self.redact(message)
        record.args = None
        for key, value in list(record.__dict__.items()):
            if key not in _STANDARD:
                record.__dict__[key] = self.redact_value(value)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line: time, level, logger, message, extras."""

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and key not in line:
                line[key] = self.redactor.redact_value(value)
        if record.exc_info:
            line["exception"] = self.redactor.redact(self.formatException(record.exc_info))
        elif record.exc_text:
            line["exception"] = self.redactor.redact(record.exc_text)
        return json.dumps(line, ensure_ascii=False, default=str)


class _HumanFormatter(logging.Formatter):
    """The classic line; tracebacks are redacted too (an exception's message may hold a URL)."""

    def __init__(self, redactor: Redactor) -> None:
        super().__init__(HUMAN_FORMAT)
        self.redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        return self.redactor.redact(super().format(record))


class _AlignbotHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler `configure_logging` installs; marked so a second call replaces it."""


def configure_logging(
    settings: Settings | None,
    *,
    stream: IO[str] | None = None,
    level: int | str | None = None,
) -> logging.Handler:
    """Send log records to `stream` (default: standard error), redacted, and return the
    handler installed on the root logger.

    JSON lines when `stream` is not a TTY, the human format when it is; LOG_FORMAT (`json`
    or `text`) overrides the guess. `level` defaults to LOG_LEVEL (WARNING without
    settings). Calling it again replaces the handler it installed before; handlers others
    installed (a test harness, an embedding application) are left alone.
    """
    out = stream if stream is not None else sys.stderr
    redactor = Redactor(
        secrets_of(settings),
        keep_emails=bool(settings is not None and settings.log_customer_text),
    )
    chosen = settings.log_format if settings is not None else "auto"
    as_json = chosen == "json" or (chosen == "auto" and not _is_tty(out))
    handler = _AlignbotHandler(out)
    handler.addFilter(redactor)
    handler.setFormatter(JsonFormatter(redactor) if as_json else _HumanFormatter(redactor))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _AlignbotHandler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    if level is None:
        level = settings.log_level if settings is not None else "WARNING"
    root.setLevel(level)
    return handler


def is_configured_elsewhere() -> bool:
    """True when the root logger has handlers `configure_logging` did not install (pytest's,
    an embedding application's): then the CLI leaves logging as it found it."""
    return any(not isinstance(h, _AlignbotHandler) for h in logging.getLogger().handlers)


def _is_tty(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except ValueError:  # a closed stream
        return False
