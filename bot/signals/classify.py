"""`alignbot signals classify`: label JSON-lines messages outside the store.

Each input line is `{"id", "role": "customer" | "agent", "text", "locale"?,
"customer_text"?, "history"?}`; each output line is the customer or agent signals of
issue 3's format, or `{"id", "error"}` for a line that cannot be read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from bot.signals.message import agent_signals, customer_signals
from bot.signals.repetition import EarlierMessage
from bot.signals.sentiment import DEFAULT_BACKEND, SentimentBackend


class InvalidMessage(ValueError):
    """A line that is not a message alignbot can classify; the text says what is wrong."""


def _string(record: dict[str, Any], key: str, *, required: bool = False) -> str | None:
    value = record.get(key)
    if value is None:
        if required:
            raise InvalidMessage(f'"{key}" is missing')
        return None
    if not isinstance(value, str):
        raise InvalidMessage(f'"{key}" must be a string')
    return value


def _history(record: dict[str, Any]) -> list[str]:
    value = record.get("history")
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidMessage('"history" must be a list of strings')
    return value


def classify_message(
    record: dict[str, Any],
    script_phrases: Sequence[str] = (),
    backend: SentimentBackend = DEFAULT_BACKEND,
) -> dict[str, Any]:
    """The output object for one input object; raises `InvalidMessage`."""
    role = _string(record, "role", required=True)
    text = _string(record, "text", required=True) or ""
    locale = _string(record, "locale")
    history = _history(record)
    if role == "customer":
        signals = customer_signals(
            text,
            locale=locale,
            history=[EarlierMessage(item, "earlier") for item in history],
            backend=backend,
        )
        return {
            "id": record.get("id"),
            "language": signals.language,
            "sentiment": {"label": signals.sentiment.label, "score": signals.sentiment.score},
            "frustration": signals.frustration,
            "resolution_reply": signals.resolution_reply,
            "trust_indicator": signals.trust_indicator,
        }
    if role == "agent":
        agent = agent_signals(
            text,
            customer_text=_string(record, "customer_text"),
            history=history,
            locale=locale,
            script_phrases=script_phrases,
            backend=backend,
        )
        return {
            "id": record.get("id"),
            "language": agent.language,
            "empathy": agent.empathy,
            "upsell": agent.upsell,
            "acknowledges_history": agent.acknowledges_history,
            "redundant_question": agent.redundant_question,
        }
    raise InvalidMessage('"role" must be "customer" or "agent"')


def classify_lines(
    lines: Iterable[str],
    script_phrases: Sequence[str] = (),
    backend: SentimentBackend = DEFAULT_BACKEND,
) -> Iterator[dict[str, Any]]:
    """One output object per non-blank input line; a bad line yields `{"id", "error"}`."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield {"id": None, "error": f"line {number}: not JSON ({exc.msg})"}
            continue
        if not isinstance(record, dict):
            yield {"id": None, "error": f"line {number}: expected a JSON object"}
            continue
        try:
            yield classify_message(record, script_phrases, backend)
        except InvalidMessage as exc:
            yield {"id": record.get("id"), "error": f"line {number}: {exc}"}
