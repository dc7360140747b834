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
import string
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Protocol

from bot.signals.lexicons import (
    BOOSTERS,
    BUT_WORDS,
    COMMON,
    EN_SUPPORT,
    LEXICONS,
    NEGATORS,
    POST_NEGATED,
    POST_NEGATORS,
)
from bot.signals.published import with_published
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


# Forms of a common verb that a prefix entry swallows: "pourriez-vous" (could you) is the
# politest French request, not "pourri" (rotten); and support words a general lexicon reads
# in another sense: an insurance "franchise" is the deductible, not frankness. Exact entries
# win over prefixes and over the published lexicon.
_NOT_VALENCE: dict[str, dict[str, float]] = {
    "fr": {"pourriez": 0.0, "pourrions": 0.0, "franchise": 0.0, "honnetement": 0.0}
}


@cache
def _table(language: str) -> tuple[dict[str, float], dict[str, float]]:
    # Built on first use: a published lexicon (published.py) is read from disk only then.
    ours = {**COMMON, **LEXICONS[language], **_NOT_VALENCE.get(language, {})}
    return _stems(with_published(language, ours))


_NO_WORDS: frozenset[str] = frozenset()
_CLAUSE_BREAKS = frozenset(".!?;,\n")
_CLAUSE_TOKEN = re.compile(_TOKEN.pattern + r"|[.!?;,\n]", re.UNICODE)

# Greetings and sign-offs are formulas, not sentiment: "buenos días" is not praise. (Each
# holds "good ", "buen", "bom dia", "boa ", "guten " or "bonne ", which `lexicon_score` looks
# for before searching: a new greeting needs its words there too.)
_GREETING = re.compile(
    r"\b(?:good (?:morning|afternoon|evening|day|night)|buen(?:os|as) (?:dias|tardes|noches)"
    r"|bom dia|boa (?:tarde|noite)|guten (?:tag|morgen|abend)|bonne (?:journee|soiree))\b"
)
_EN_GREETING = re.compile(
    r"\bgood (?:morning|afternoon|evening|day|night)\b"
    r"|\b(?:i|we)(?:'d| would) (?:really )?appreciate it if\b",  # a request, not praise
    re.IGNORECASE,
)

_PRETTY = re.compile(r"\bpretty (?=[a-z])", re.IGNORECASE)

# VADER replaces emoji by their names ("flexed biceps"), which carry no valence; they are
# swapped for placeholder words that carry `COMMON`'s valence instead.
_EMOJI_VALENCE = {key: value for key, value in COMMON.items() if not key.isascii()}
_EMOJI_WORD = {emoji: f"zzemoji{index}" for index, emoji in enumerate(_EMOJI_VALENCE)}
_EMOJI = re.compile("|".join(re.escape(e) for e in sorted(_EMOJI_VALENCE, key=len, reverse=True)))


@lru_cache(maxsize=131_072)
def _valence(language: str, token: str) -> float:
    exact, prefixes = _table(language)
    if token in exact:
        return exact[token]
    for end in range(len(token), 2, -1):
        value = prefixes.get(token[:end])
        if value is not None:
            return value
    return 0.0


def _clauses(folded: str) -> list[list[str]]:
    """Tokens per clause: negation and boosters never reach across . ! ? ; , or a line."""
    clauses: list[list[str]] = [[]]
    for token in _CLAUSE_TOKEN.findall(folded):
        if token in _CLAUSE_BREAKS:
            if clauses[-1]:
                clauses.append([])
        else:
            clauses[-1].append(token)
    return clauses


def lexicon_score(text: str, language: str) -> float:
    """VADER-style compound score of `text` with the lexicon of `language` (es, fr, de, pt)."""
    negators, boosters, buts = NEGATORS[language], BOOSTERS[language], BUT_WORDS[language]
    post_negated = POST_NEGATED.get(language, _NO_WORDS)
    post_negators = POST_NEGATORS.get(language, _NO_WORDS)
    valences: list[float] = []
    but_at = -1
    folded = fold(text)
    if (
        "good " in folded
        or "buen" in folded
        or "bom dia" in folded
        or "boa " in folded
        or "guten " in folded
        or "bonne " in folded
    ):  # a greeting holds one of these: most messages skip the search
        folded = _GREETING.sub(" ", folded)
    for tokens in _clauses(folded):
        for index, token in enumerate(tokens):
            if token in buts:
                but_at = len(valences)
            value = _valence(language, token)
            # A degree adverb that is also a valence word ("bien lenta", "bem chato") only
            # intensifies the word after it.
            if (
                value
                and token in boosters
                and index + 1 < len(tokens)
                and _valence(language, tokens[index + 1])
            ):
                value = 0.0
            if value:
                window = tokens[max(0, index - 3) : index]
                for distance, previous in enumerate(reversed(window)):
                    boost = boosters.get(previous)
                    if boost:
                        scaled = boost * (1.0 if distance == 0 else 0.95)
                        value += scaled if value > 0 else -scaled
                if any(previous in negators for previous in window) or (
                    token in post_negated
                    and any(after in post_negators for after in tokens[index + 1 : index + 4])
                ):
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
    from vaderSentiment import vaderSentiment as package
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    negate = frozenset(package.NEGATE)

    def negated(word: str) -> bool:
        # The package's `negated([word])`: it copies and walks its whole NEGATE list per call.
        return word in negate or "n't" in word

    punctuation = string.punctuation

    class Text(package.SentiText):  # type: ignore[misc]
        """The package's `SentiText` of a str: each word stripped of its punctuation unless
        that leaves two characters or fewer, in one comprehension rather than a call per
        word."""

        def __init__(self, text: str) -> None:
            self.text = text
            self.words_and_emoticons = [
                stripped if len(stripped := word.strip(punctuation)) > 2 else word
                for word in text.split()
            ]
            self.is_cap_diff = package.allcap_differential(self.words_and_emoticons)

    class Analyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
        def polarity_scores(self, text: str) -> dict[str, float]:
            # The package rebuilds the text character by character to swap emoji for their
            # names; a text holding none (every ASCII text) comes out of that loop as it
            # went in, so the rest of the package's method runs on it directly.
            if not self.emojis.keys().isdisjoint(text):
                scores: dict[str, float] = super().polarity_scores(text)
                return scores
            sentitext = Text(text.strip())
            sentiments: list[float] = []
            words = sentitext.words_and_emoticons
            boosters, lexicon = package.BOOSTER_DICT, self.lexicon
            for i, item in enumerate(words):
                lower = item.lower()
                if lower in boosters:
                    sentiments.append(0)
                    continue
                if i < len(words) - 1 and lower == "kind" and words[i + 1].lower() == "of":
                    sentiments.append(0)
                    continue
                if lower not in lexicon:
                    # What `sentiment_valence` gives a word outside the lexicon (most words),
                    # without its call.
                    sentiments.append(0)
                    continue
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            sentiments = self._but_check(words, sentiments)
            return dict(self.score_valence(sentiments, sentitext.text))

        @staticmethod
        def _negation_check(valence: float, words: list[str], start_i: int, i: int) -> float:
            # VADER lower-cases every word of the text for each word of its lexicon it
            # meets (up to three times), to read at most the three words before it (its
            # caller passes i > start_i, so none wraps around): the package's check over
            # those three lower-cased once, with `negated` on a set, costs nothing per long
            # message.
            lower = [word.lower() for word in words[max(0, i - 3) : i]]
            if start_i == 0 and negated(lower[-1]):
                valence = valence * package.N_SCALAR
            if start_i == 1:
                if lower[-2] == "never" and (lower[-1] == "so" or lower[-1] == "this"):
                    valence = valence * 1.25
                elif lower[-2] == "without" and lower[-1] == "doubt":
                    pass
                elif negated(lower[-2]):
                    valence = valence * package.N_SCALAR
            if start_i == 2:
                if (lower[-3] == "never" and (lower[-2] == "so" or lower[-2] == "this")) or (
                    lower[-1] == "so" or lower[-1] == "this"
                ):
                    valence = valence * 1.25
                elif lower[-3] == "without" and (lower[-2] == "doubt" or lower[-1] == "doubt"):
                    pass
                elif negated(lower[-3]):
                    valence = valence * package.N_SCALAR
            return valence

        @staticmethod
        def _special_idioms_check(valence: float, words: list[str], i: int) -> float:
            # The same lower-casing of the whole text per lexicon word, to read the three
            # words before it and the two after (its caller passes i > 2).
            checked: float = SentimentIntensityAnalyzer._special_idioms_check(
                valence, words[i - 3 : i + 3], 3
            )
            return checked

    analyzer = Analyzer()
    analyzer.lexicon.update(EN_SUPPORT)
    analyzer.lexicon.update({_EMOJI_WORD[e]: value for e, value in _EMOJI_VALENCE.items()})
    return analyzer


@lru_cache(maxsize=1)
def _plain_vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_score(text: str, *, plain: bool = False) -> float:
    """VADER's compound score; `plain=True` is the unmodified package (the eval baseline)."""
    if plain:
        return float(_plain_vader().polarity_scores(text)["compound"])
    if not text.isascii():
        # In front, where no "not" or "but" before them can flip or damp them.
        emoji = [_EMOJI_WORD[match] for match in _EMOJI.findall(text)]
        if emoji:
            text = " ".join(emoji) + " . " + _EMOJI.sub(" ", text)
    if "retty " in text:
        # "pretty" as a degree adverb ("pretty disappointing") is not praise.
        text = _PRETTY.sub("quite ", text)
    if "ood " in text or "ppreciate it if" in text:
        text = _EN_GREETING.sub(" ", text)
    return float(_vader().polarity_scores(text)["compound"])


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
