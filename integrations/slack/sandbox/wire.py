"""What every part of the Slack sandbox answers with: a Web API method's `ok: false` error."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["SlackMethodError", "missing"]


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
