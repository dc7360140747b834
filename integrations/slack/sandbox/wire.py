"""What every part of the Slack sandbox shares: a Web API method's `ok: false` error, and
reading a string argument the way Slack does."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["SlackMethodError", "missing", "text_param"]


class SlackMethodError(Exception):
    """Raised inside a method to answer HTTP 200 `{"ok": false, "error": code}` as Slack does."""

    def __init__(
        self, code: str, messages: Iterable[str] = (), extra: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(code)
        self.code = code
        self.messages = list(messages)
        self.extra = dict(extra or {})

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error": self.code, **self.extra}
        if self.messages:
            body["response_metadata"] = {"messages": self.messages}
        return body


def missing(name: str) -> SlackMethodError:
    """Slack's answer to a call that left out a required argument."""
    return SlackMethodError("invalid_arguments", [f"[ERROR] missing required field: {name}"])


def text_param(params: dict[str, Any], name: str) -> str | None:
    """A string argument (numbers and booleans as Slack sends them); None if absent."""
    value = params.get(name)
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float | str):
        return str(value)
    raise SlackMethodError("invalid_arguments", [f"[ERROR] {name} must be a string"])
