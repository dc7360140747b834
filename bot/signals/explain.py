"""`alignbot signals explain`: every signal of one message, each with the cue behind it.

The signal functions report the rule, phrase or structure that decided them to a cue
collector; this module runs them once with a collector and pairs each value with its cues,
so a user can see why a message was read the way it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.signals.cues import Cue
from bot.signals.language import detect_language
from bot.signals.message import agent_signals, customer_signals
from bot.signals.sentiment import DEFAULT_BACKEND, SentimentBackend
from bot.signals.text import own_words


@dataclass(frozen=True)
class Explained:
    """One signal's value and the cues that produced it (empty: nothing fired)."""

    signal: str
    value: str
    cues: tuple[Cue, ...]


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _language_cue(text: str, language: str | None, locale: str | None) -> Cue:
    words = own_words(text)
    if locale and detect_language(words) != language:
        return Cue("language", f"the locale {locale}: the text is too short or unclear")
    return Cue("language", "detected from the words")


def _pair(values: Sequence[tuple[str, str]], cues: list[Cue]) -> list[Explained]:
    return [
        Explained(signal, value, tuple(cue for cue in cues if cue.signal == signal))
        for signal, value in values
    ]


def explain_customer(
    text: str, *, locale: str | None = None, backend: SentimentBackend = DEFAULT_BACKEND
) -> list[Explained]:
    """The signals of a customer message, each with its cues."""
    cues = [Cue("language", "")]
    signals = customer_signals(text, locale=locale, backend=backend, cues=cues)
    cues[0] = _language_cue(text, signals.language, locale)
    return _pair(
        [
            ("language", signals.language or "unknown"),
            ("sentiment", f"{signals.sentiment.label} {signals.sentiment.score:+.2f}"),
            ("frustration", _yes(signals.frustration)),
            ("resolution reply", signals.resolution_reply),
            ("trust indicator", _yes(signals.trust_indicator)),
        ],
        cues,
    )


def explain_agent(
    text: str,
    *,
    customer_text: str | None = None,
    locale: str | None = None,
    script_phrases: Sequence[str] = (),
    backend: SentimentBackend = DEFAULT_BACKEND,
) -> list[Explained]:
    """The signals of an agent reply to `customer_text`, each with its cues."""
    cues = [Cue("language", "")]
    signals = agent_signals(
        text,
        customer_text=customer_text,
        locale=locale,
        script_phrases=script_phrases,
        backend=backend,
        cues=cues,
    )
    cues[0] = _language_cue(text, signals.language, locale)
    matched = "n/a" if signals.empathy_matched is None else _yes(signals.empathy_matched)
    return _pair(
        [
            ("language", signals.language or "unknown"),
            ("empathy", signals.empathy),
            ("empathy matched", matched),
            ("upsell", _yes(signals.upsell)),
            ("acknowledges history", _yes(signals.acknowledges_history)),
            ("redundant question", _yes(signals.redundant_question)),
        ],
        cues,
    )


def render(explained: Sequence[Explained]) -> list[str]:
    """Lines for a terminal: `signal: value`, then one indented `<- rule: "evidence"` a cue."""
    lines = []
    for item in explained:
        lines.append(f"{item.signal}: {item.value}")
        if not item.cues:
            lines.append("  <- no cue fired")
        for cue in item.cues:
            lines.append(
                f'  <- {cue.rule}: "{cue.evidence}"' if cue.evidence else f"  <- {cue.rule}"
            )
    return lines
