"""Sentiment of a message: a score in -1..+1 and negative / neutral / positive.

The backend is pluggable (`SentimentBackend`). The default, `LexiconBackend`, is VADER for
English (the reference method, with a few support words VADER lacks) and alignbot's own
VADER-style lexicons for Spanish, French, German and Portuguese (`lexicons.py`): valence
words, intensifiers, negators within three words, the "but" rule, exclamation emphasis and
VADER's normalisation. `ZendeskFieldBackend` reads Zendesk's own sentiment value instead.
A local transformer fits the same protocol; see docs/signals.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from bot.signals.lexicons import BOOSTERS, BUT_WORDS, COMMON, EN_SUPPORT, LEXICONS, NEGATORS
from bot.signals.text import fold

LABELS = ("negative", "neutral", "positive")
THRESHOLD = 0.05  # VADER's published cut between neutral and the two polar classes


@dataclass(frozen=True)
class Sentiment:
    label: str  # negative, neutral, positive
    score: float  # -1 .. +1


def label_for(score: float, threshold: float = THRESHOLD) -> str:
    if score >= threshold:
        return "positive"
    if score <= -threshold:
        return "negative"
    return "neutral"


class SentimentBackend(Protocol):
    """Anything that scores a message. `field_value` is Zendesk's own value when known."""

    name: str

    def score(
        self, text: str, language: str | None, *, field_value: str | None = None
    ) -> Sentiment: ...


_TOKEN = re.compile(
    r"[:;][-']?[()dp]|\(:|[^\W\d_]+|[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?", re.UNICODE
)


def _stems(lexicon: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    exact = {k: v for k, v in lexicon.items() if not k.endswith("*")}
    prefixes = {k[:-1]: v for k, v in lexicon.items() if k.endswith("*")}
    return exact, prefixes


_TABLES = {lang: _stems({**COMMON, **lexicon}) for lang, lexicon in LEXICONS.items()}


@lru_cache(maxsize=131_072)
def _valence(language: str, token: str) -> float:
    exact, prefixes = _TABLES[language]
    if token in exact:
        return exact[token]
    for end in range(len(token), 2, -1):
        value = prefixes.get(token[:end])
        if value is not None:
            return value
    return 0.0


def lexicon_score(text: str, language: str) -> float:
    """VADER-style compound score of `text` with the lexicon of `language` (es, fr, de, pt)."""
    tokens = _TOKEN.findall(fold(text))
    negators, boosters, buts = NEGATORS[language], BOOSTERS[language], BUT_WORDS[language]
    valences: list[float] = []
    but_at = -1
    for index, token in enumerate(tokens):
        if token in buts:
            but_at = index
        value = _valence(language, token)
        if value:
            window = tokens[max(0, index - 3) : index]
            for distance, previous in enumerate(reversed(window)):
                boost = boosters.get(previous)
                if boost:
                    scaled = boost * (1.0 if distance == 0 else 0.95)
                    value += scaled if value > 0 else -scaled
            if any(previous in negators for previous in window):
                value *= -0.74
        valences.append(value)
    if but_at >= 0:
        valences = [
            v * (0.5 if i < but_at else 1.5 if i > but_at else 1.0) for i, v in enumerate(valences)
        ]
    total = sum(valences)
    if total:
        emphasis = min(text.count("!"), 4) * 0.292
        total += emphasis if total > 0 else -emphasis
    return total / math.sqrt(total * total + 15) if total else 0.0


@lru_cache(maxsize=1)
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(EN_SUPPORT)
    return analyzer


@lru_cache(maxsize=1)
def _plain_vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_score(text: str, *, plain: bool = False) -> float:
    """VADER's compound score; `plain=True` is the unmodified package (the eval baseline)."""
    analyzer = _plain_vader() if plain else _vader()
    return float(analyzer.polarity_scores(text)["compound"])


class LexiconBackend:
    """The default: VADER for English (and unknown languages), own lexicons for es/fr/de/pt."""

    name = "lexicon"

    def score(
        self, text: str, language: str | None, *, field_value: str | None = None
    ) -> Sentiment:
        if not text.strip():
            return Sentiment("neutral", 0.0)
        value = lexicon_score(text, language) if language in LEXICONS else vader_score(text)
        return Sentiment(label_for(value), round(value, 4))


#: Zendesk's sentiment values (Intelligent Triage's ticket sentiment and similar fields).
ZENDESK_VALUES = {
    "very_negative": -0.8,
    "negative": -0.5,
    "neutral": 0.0,
    "positive": 0.5,
    "very_positive": 0.8,
}


class ZendeskFieldBackend:
    """Zendesk's own sentiment value (e.g. Intelligent Triage), given as `field_value`.

    Values are matched case-insensitively with spaces or hyphens as underscores; a message
    without a value (or with one Zendesk does not define) falls back to `fallback`.
    """

    name = "zendesk_field"

    def __init__(self, fallback: SentimentBackend | None = None) -> None:
        self.fallback: SentimentBackend = fallback or LexiconBackend()

    def score(
        self, text: str, language: str | None, *, field_value: str | None = None
    ) -> Sentiment:
        if field_value:
            key = re.sub(r"[\s-]+", "_", field_value.strip().lower())
            if key in ZENDESK_VALUES:
                value = ZENDESK_VALUES[key]
                return Sentiment(label_for(value), value)
        return self.fallback.score(text, language)


DEFAULT_BACKEND = LexiconBackend()
