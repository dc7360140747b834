"""Every signal of one message, given its conversation: the pure core of the analysis job
and of `alignbot signals classify`.

Sentiment of a support message starts from the backend's score and then reads the support
context a general lexicon misses: a denial ("still charged twice") or high emotional weight
is negative whatever the words' polarity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.signals.acknowledge import acknowledges_history
from bot.signals.context import History, redundant_question
from bot.signals.cues import Cues, note
from bot.signals.empathy import empathy, empathy_matched
from bot.signals.frustration import is_frustrated
from bot.signals.language import detect_language
from bot.signals.problem import reports_problem
from bot.signals.repetition import EarlierMessage, restatements
from bot.signals.resolution import resolution_reply
from bot.signals.sentiment import DEFAULT_BACKEND, Sentiment, SentimentBackend, label_for
from bot.signals.text import own_words
from bot.signals.trust import has_trust_indicator
from bot.signals.upsell import is_upsell

NEGATIVE_FLOOR = -0.3  # score given to a denial or a charged message the lexicon read as mild
POSITIVE_KEEP = 0.5  # above this the lexicon's positive reading stands


def _mild(score: float) -> bool:
    return NEGATIVE_FLOOR < score < POSITIVE_KEEP


@dataclass(frozen=True)
class CustomerSignals:
    language: str | None
    sentiment: Sentiment
    frustration: bool
    resolution_reply: str  # confirm, deny, none
    trust_indicator: bool
    restatements: int


@dataclass(frozen=True)
class AgentSignals:
    language: str | None
    empathy: str  # none, scripted, authentic
    empathy_matched: bool | None
    upsell: bool
    acknowledges_history: bool
    redundant_question: bool


def customer_signals(
    text: str,
    *,
    locale: str | None = None,
    channel: str = "other",
    history: Sequence[EarlierMessage] = (),
    backend: SentimentBackend = DEFAULT_BACKEND,
    sentiment_field: str | None = None,
    clean: bool = True,
    cues: Cues | None = None,
) -> CustomerSignals:
    """Signals of a customer message (`clean=False` when `text` is already `own_words`).

    `cues`, when given, collects the rule behind each signal (`alignbot signals explain`).
    """
    words = own_words(text) if clean else text
    language = detect_language(words, locale)
    sentiment = backend.score(words, language, field_value=sentiment_field)
    if cues is not None:  # formatting the cue would cost every analysed comment
        note(cues, "sentiment", f"{backend.name} score {sentiment.score:+.2f}")
    resolution = resolution_reply(words, cues)
    earlier_contacts = sum(1 for item in history if item.channel != channel)
    # Clearly positive words stay positive: the override corrects mild or neutral readings.
    # A denial or a problem report is read first, so that frustration sees the corrected score.
    if _mild(sentiment.score) and (resolution == "deny" or reports_problem(words)):
        sentiment = Sentiment(label_for(NEGATIVE_FLOOR), NEGATIVE_FLOOR)
        rule = "a denial" if resolution == "deny" else "a problem report"
        note(cues, "sentiment", f"{rule} reads negative in support")
    frustration = is_frustrated(words, sentiment.score, earlier_contacts, cues)
    if frustration and _mild(sentiment.score):
        sentiment = Sentiment(label_for(NEGATIVE_FLOOR), NEGATIVE_FLOOR)
        note(cues, "sentiment", "high emotional weight reads negative")
    return CustomerSignals(
        language=language,
        sentiment=sentiment,
        frustration=frustration,
        resolution_reply=resolution,
        trust_indicator=has_trust_indicator(words, cues),
        restatements=restatements(words, channel, history),
    )


def _compute_weight_high(text: str, locale: str | None, backend: SentimentBackend) -> bool:
    signals = customer_signals(text, locale=locale, backend=backend, clean=False)
    return signals.frustration or signals.sentiment.label == "negative"


@lru_cache(maxsize=16_384)
def _weight_high(text: str, locale: str | None) -> bool:
    # The answered message was usually just analysed itself: its language and sentiment
    # are cached, so this costs little.
    return _compute_weight_high(text, locale, DEFAULT_BACKEND)


def agent_signals(
    text: str,
    *,
    customer_text: str | None = None,
    customer_weight_high: bool | None = None,
    history: Sequence[str] | History = (),
    locale: str | None = None,
    script_phrases: Sequence[str] = (),
    backend: SentimentBackend = DEFAULT_BACKEND,
    clean: bool = True,
    cues: Cues | None = None,
) -> AgentSignals:
    """Signals of an agent reply to `customer_text`, given the customer's earlier messages
    (their texts, or a `History` index over them).

    `customer_weight_high` is the answered message's weight when already known (the job
    passes the stored value); otherwise it is computed from `customer_text`.
    """
    words = own_words(text) if clean else text
    answered = own_words(customer_text) if customer_text and clean else (customer_text or "")
    if customer_weight_high is None and answered:
        customer_weight_high = (
            _weight_high(answered, locale)
            if backend is DEFAULT_BACKEND
            else _compute_weight_high(answered, locale, backend)
        )
    language = detect_language(words, locale)
    label = empathy(words, script_phrases, cues, language)
    matched = empathy_matched(label, customer_weight_high) if words else None
    if matched is not None:
        weight = "charged" if customer_weight_high else "calm"
        note(cues, "empathy matched", f"the answered message is {weight}")
    return AgentSignals(
        language=language,
        empathy=label,
        empathy_matched=matched,
        upsell=is_upsell(words, cues, language),
        acknowledges_history=acknowledges_history(words, history, answered, cues, language),
        redundant_question=redundant_question(words, answered, history, cues),
    )
