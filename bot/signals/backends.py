"""Choosing the sentiment backend from settings (`SENTIMENT_BACKEND`).

- `lexicon` (default): VADER for English, alignbot's own lexicons for es/fr/de/pt.
- `zendesk_field`: Zendesk's own sentiment value from the ticket field
  `ZENDESK_SENTIMENT_FIELD_ID` (e.g. Intelligent Triage), read for the ticket's first
  customer message; the lexicons score every other message.
- `onnx`: a text-classification model of your own, exported to ONNX, in the directory
  `SENTIMENT_MODEL_PATH` (`bot.signals.onnx_backend`; needs the `onnx` extra).
- `package.module:Name`: your own backend, e.g. a local transformer model. `Name` is a class
  (or factory) called with no arguments whose instances have a `name` and
  `score(text, language, *, field_value=None) -> Sentiment`.
"""

from __future__ import annotations

import importlib
from typing import cast

from bot.errors import SettingsError
from bot.settings import Settings
from bot.signals.sentiment import DEFAULT_BACKEND, SentimentBackend, ZendeskFieldBackend

__all__ = ["backend_from_settings", "load_backend"]


def load_backend(spec: str, *, model_path: str | None = None) -> SentimentBackend:
    """The backend `spec` names; `SettingsError` naming SENTIMENT_BACKEND (or, for `onnx`,
    SENTIMENT_MODEL_PATH) when it cannot. `model_path` is SENTIMENT_MODEL_PATH."""
    if spec == "lexicon":
        return DEFAULT_BACKEND
    if spec == "zendesk_field":
        return ZendeskFieldBackend(DEFAULT_BACKEND)
    if spec == "onnx":
        if not model_path:
            raise SettingsError(
                "SENTIMENT_BACKEND=onnx needs SENTIMENT_MODEL_PATH (the directory holding "
                "model.onnx, tokenizer.json and config.json)"
            )
        # Imported here: without the `onnx` extra the other backends still load.
        from bot.signals.onnx_backend import OnnxBackend

        return OnnxBackend(model_path)
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise SettingsError(
            f"SENTIMENT_BACKEND: {spec!r} is not lexicon, zendesk_field, onnx or "
            "package.module:Name"
        )
    try:
        factory = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise SettingsError(f"SENTIMENT_BACKEND: cannot load {spec!r}: {exc}") from exc
    try:
        backend = factory()
    except Exception as exc:  # a user's code: whatever it raises, name the setting
        raise SettingsError(f"SENTIMENT_BACKEND: {spec!r} failed to start: {exc}") from exc
    if not callable(getattr(backend, "score", None)) or not hasattr(backend, "name"):
        raise SettingsError(
            f"SENTIMENT_BACKEND: {spec!r} made a {type(backend).__name__} without a `name` "
            "and a `score(text, language, *, field_value=None)` method"
        )
    return cast(SentimentBackend, backend)


def backend_from_settings(settings: Settings) -> SentimentBackend:
    backend = load_backend(settings.sentiment_backend, model_path=settings.sentiment_model_path)
    if isinstance(backend, ZendeskFieldBackend) and settings.zendesk_sentiment_field_id is None:
        raise SettingsError(
            "SENTIMENT_BACKEND=zendesk_field needs ZENDESK_SENTIMENT_FIELD_ID (the ticket field "
            "that holds Zendesk's sentiment value)"
        )
    return backend
