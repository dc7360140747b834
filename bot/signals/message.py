"""Every signal of one message, given its conversation: the pure core of the analysis job
and of `alignbot signals classify`.

Sentiment of a support message starts from the backend's score and then reads the support
context a general lexicon misses: a denial ("still charged twice") or high emotional weight
is negative whatever the words' polarity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.signals.acknowledge import acknowledges_history
from bot.signals.context import History, redundant_question
from bot.signals.courtesy import (
    DEED_THANKS,
    FIXED,
    NOTED,
    WARM_THANKS,
    body,
    has_courtesy,
    requests,
    warm_fix,
    without_facts,
)
from bot.signals.cues import Cues, note
from bot.signals.empathy import empathy, empathy_matched
from bot.signals.frustration import is_frustrated
from bot.signals.language import detect_language
from bot.signals.missing import says_missing, without_missing
from bot.signals.problem import reports_problem
from bot.signals.repetition import Earlier, restatements
from bot.signals.resolution import resolution_reply
from bot.signals.sentiment import (
    DEFAULT_BACKEND,
    THRESHOLD,
    Sentiment,
    SentimentBackend,
    label_for,
)
from bot.signals.stance import Reading, complaint_stance, fails, read, time_effort
from bot.signals.text import fold, own_words
from bot.signals.tone import (
    LIFE_EVENT,
    disappointed,
    grudging,
    relieved,
    review_praise,
    sarcastic,
    treated_well,
    without_life_events,
)
from bot.signals.trust import has_trust_indicator
from bot.signals.upsell import is_upsell

NEGATIVE_FLOOR = -0.3  # score given to a denial or a charged message the lexicon read as mild
POSITIVE_KEEP = 0.5  # above this the lexicon's positive reading stands
COMPLAINING_BODY = -0.25  # a body at or below this complains, whatever thanks close it
REQUEST_BAND = 0.2  # a request's body scoring closer to zero than this is neutral


def _mild(score: float) -> bool:
    return NEGATIVE_FLOOR < score < POSITIVE_KEEP


def _negative(score: float) -> Sentiment:
    score = min(score, NEGATIVE_FLOOR)
    return Sentiment(label_for(score), score)


# Feeling beside a formula: an exclamation, a laugh, a smile or any emoji.
_FELT = re.compile(
    r"!|\b(?:lol|haha\w*|hehe\w*|jaja\w*|jeje\w*|kkk+|rs|mdr|xd)\b|[:;=]-?[)dp3]|<3"
    "|[\U0001f300-\U0001faff\u2600-\u27bf\u30c4]"
)

_COMPLAINT = "a complaint: thanks, courtesy and questions carry no weight"


def _complains(words: str, reading: Reading, resolution: str) -> bool:
    """A denial, a failure said outright or a problem report."""
    return resolution == "deny" or fails(reading) or reports_problem(words)


def _missing_request(reading: Reading, asks: bool) -> bool:
    """A question or a worded request that tells of a thing missing, lost or out of stock."""
    return says_missing(reading.words, reading.folded) and (asks or requests(reading))


def _scored_body(
    reading: Reading, complains: bool, backend: SentimentBackend, language: str | None
) -> tuple[str, bool, float]:
    """The message without courtesy and information questions (`courtesy.body`), whether a
    question was set aside, and the score of what is left (0 when nothing is)."""
    rest, asked = body(reading, complains)
    if rest and not complains:
        # In a request, a death or a job lost explains it: the customer's situation, scored
        # as no feeling about the service.
        rest = without_life_events(rest)
    return rest, asked, backend.score(rest, language).score if rest else 0.0


def _support_stance(
    words: str,
    language: str | None,
    sentiment: Sentiment,
    resolution: str,
    backend: SentimentBackend,
    rescore: bool,
    cues: Cues | None,
) -> Sentiment:
    """The sentiment once the message's stance is read (`bot.signals.stance`).

    Irony, leaving, escalation and effort read negative; courtesy and questions asking for
    information carry no sentiment in a request, and none in a complaint. `rescore=False`
    (a Zendesk field value was given) applies the stance but never re-scores the words.
    The cheap cases leave first: `alignbot analyze` calls this for every customer message.
    """
    score = sentiment.score
    asks = "?" in words
    # A negative message stays negative whatever its stance says, unless it is a question
    # whose mild negative words may be only what it asks about ("if I cancel, is there a fee?"),
    # or it tells of a hard time in the customer's life, which may only explain a request, or
    # a request tells of a thing missing, lost or out of stock (`missing`).
    if score <= -THRESHOLD and not rescore:
        return sentiment
    reading = read(fold(words))
    life = score <= -THRESHOLD and LIFE_EVENT.search(reading.folded) is not None
    missing = rescore and _missing_request(reading, asks)
    if score <= -THRESHOLD and not (asks and score > NEGATIVE_FLOOR) and not life and not missing:
        return sentiment
    if missing:
        # "The drink is missing, can you refund it?": what is missing is what the request is
        # about, not a failure to complain of; the rest of the message still decides.
        reading = read(without_missing(reading.folded))
    if score > -THRESHOLD:
        tone = disappointed(reading)
        rule = "disappointment, or help that was no help"
        if tone is None and score >= THRESHOLD:
            tone = sarcastic(reading, words)
            rule = "sarcasm: praise beside what went wrong"
        if tone is None:
            tone = grudging(reading)
            rule = "a grudging fix: what it cost, counted"
        if tone is not None:
            note(cues, "sentiment", rule, tone)
            return _negative(score)
    # A question or request let through with negative words is still read for leaving,
    # escalation and effort ("I want to cancel, what do I do?"); a hard time is not.
    if resolution != "confirm" and (score > -THRESHOLD or not life):
        stance = complaint_stance(reading)
        if stance is None and score < POSITIVE_KEEP:
            stance = time_effort(reading)
        if stance is not None and not (
            stance.after.strip(" ,.!") and backend.score(stance.after, language).score >= THRESHOLD
        ):
            note(cues, "sentiment", stance.rule, stance.evidence)
            return _negative(score)
        if score < THRESHOLD and fails(reading):
            note(cues, "sentiment", "a failure (never came, came broken, charged wrongly)")
            return _negative(score)
    if not rescore:
        return sentiment
    positive = score >= THRESHOLD
    if positive and (FIXED.search(reading.folded) or NOTED.search(reading.folded)):
        return _factual(words, language, sentiment, resolution, backend, reading, cues)
    worded = requests(reading)
    requested = asks or worded
    if not (
        (positive and (requested or has_courtesy(reading))) or (requested and score <= -THRESHOLD)
    ):
        return sentiment
    complains = _complains(words, reading, resolution)
    if complains and score < POSITIVE_KEEP:
        # Mild words over a failure read negative whatever the body says: no need to score it.
        if positive:
            note(cues, "sentiment", _COMPLAINT)
        return _negative(score)
    if not (complains or requested or score < POSITIVE_KEEP):
        return sentiment  # warm words and no request: their thanks are meant
    rest, asked, rest_score = _scored_body(reading, complains, backend, language)
    if complains or rest_score <= COMPLAINING_BODY:
        if rest_score >= POSITIVE_KEEP:
            return sentiment
        note(cues, "sentiment", _COMPLAINT)
        return _negative(rest_score)
    if asked or worded or asks:
        # What is left of a request is mostly its object ("the phone number"): a faint
        # valence there is no feeling.
        if abs(rest_score) < REQUEST_BAND:
            rest_score = 0.0
        if label_for(rest_score) != sentiment.label:
            note(cues, "sentiment", "a request: courtesy and questions carry no sentiment", rest)
        return Sentiment(label_for(rest_score), rest_score)
    if (
        positive
        and abs(rest_score) < REQUEST_BAND
        and not WARM_THANKS.search(reading.folded)
        and not DEED_THANKS.search(reading.folded)
        and not _FELT.search(reading.folded)
    ):
        # Mild warmth that is all formula ("Thanks for the details.", a reading and "Cheers"):
        # politeness is not a feeling; warm thanks ("thanks so much!") and thanks for a deed
        # ("thanks for sorting it") are, and so is thanks said with an exclamation, a laugh
        # or a smile ("Thanks!", "lol", ":)").
        note(cues, "sentiment", "courtesy alone: politeness is not a feeling", rest)
        return Sentiment("neutral", 0.0)
    return sentiment


def _factual(
    words: str,
    language: str | None,
    sentiment: Sentiment,
    resolution: str,
    backend: SentimentBackend,
    reading: Reading,
    cues: Cues | None,
) -> Sentiment:
    """A positive reading of a message that says something works now, or was understood.

    That it works, or that the refund arrived, is news, and thanks for it a formula: the
    message is positive only with relief, warmth (an opening "Perfect, ...", a smile, warm
    thanks) or praise of how they were treated beside the fact; neutral otherwise.
    """
    complains = _complains(words, reading, resolution)
    if complains and sentiment.score < POSITIVE_KEEP:
        note(cues, "sentiment", _COMPLAINT)
        return _negative(sentiment.score)
    if warm_fix(reading) or has_trust_indicator(words):
        return sentiment
    rest, _asked, rest_score = _scored_body(reading, complains, backend, language)
    if complains or (rest_score <= COMPLAINING_BODY and resolution != "confirm"):
        if rest_score >= POSITIVE_KEEP:
            return sentiment
        note(cues, "sentiment", _COMPLAINT)
        return _negative(rest_score)
    warm = without_facts(rest)
    if warm.strip() and backend.score(warm, language).score >= THRESHOLD:
        return sentiment
    note(cues, "sentiment", "a fact that it works and thanks: news, not a feeling", rest)
    return Sentiment("neutral", 0.0)


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


@dataclass(frozen=True)
class _Reading:
    """What a customer message says whatever its conversation: the history and channel only
    count earlier contacts (frustration) and restatements."""

    language: str | None
    sentiment: Sentiment  # after the stance and the denial or problem override
    resolution: str
    weight_score: float  # the score frustration weighs


def _read(
    words: str,
    language: str | None,
    backend: SentimentBackend,
    sentiment_field: str | None,
    cues: Cues | None,
) -> _Reading:
    sentiment = backend.score(words, language, field_value=sentiment_field)
    if cues is not None:  # formatting the cue would cost every analysed comment
        note(cues, "sentiment", f"{backend.name} score {sentiment.score:+.2f}")
    resolution = resolution_reply(words, cues)
    words_score = sentiment.score
    sentiment = _support_stance(
        words, language, sentiment, resolution, backend, sentiment_field is None, cues
    )
    # Clearly positive words stay positive: the override corrects mild or neutral readings.
    # A denial or a problem report is read first, so that frustration sees the corrected score.
    if _mild(sentiment.score) and (resolution == "deny" or reports_problem(words)):
        sentiment = Sentiment(label_for(NEGATIVE_FLOOR), NEGATIVE_FLOOR)
        rule = "a denial" if resolution == "deny" else "a problem report"
        note(cues, "sentiment", f"{rule} reads negative in support")
    # Weight reads the words' own polarity unless the message reads negative: a question whose
    # positive words were set aside ("Am I the only one GLAD it's back?") is not shouting.
    weight_score = sentiment.score if sentiment.label == "negative" else words_score
    return _Reading(language, sentiment, resolution, weight_score)


@lru_cache(maxsize=16_384)
def _default_reading(words: str, language: str | None, sentiment_field: str | None) -> _Reading:
    # An agent reply reads the weight of the customer message it answers, which the job
    # has usually just analysed: the reading is kept for it (the default backend is pure).
    return _read(words, language, DEFAULT_BACKEND, sentiment_field, None)


def _reading(
    words: str,
    locale: str | None,
    backend: SentimentBackend,
    sentiment_field: str | None,
    cues: Cues | None,
) -> _Reading:
    # Past the language, nothing in the reading depends on the locale.
    language = detect_language(words, locale)
    if cues is None and backend is DEFAULT_BACKEND:
        return _default_reading(words, language, sentiment_field)
    return _read(words, language, backend, sentiment_field, cues)


def customer_signals(
    text: str,
    *,
    locale: str | None = None,
    channel: str = "other",
    history: Sequence[Earlier] = (),
    backend: SentimentBackend = DEFAULT_BACKEND,
    sentiment_field: str | None = None,
    clean: bool = True,
    cues: Cues | None = None,
) -> CustomerSignals:
    """Signals of a customer message (`clean=False` when `text` is already `own_words`).

    `cues`, when given, collects the rule behind each signal (`alignbot signals explain`).
    """
    words = own_words(text) if clean else text
    reading = _reading(words, locale, backend, sentiment_field, cues)
    sentiment = reading.sentiment
    # Those on another channel than this one's: all but those on this one.
    channels = [item.channel for item in history]
    earlier_contacts = len(channels) - channels.count(channel)
    resolution = reading.resolution
    frustration = (
        _frustrated(words, reading.weight_score, _pressing(earlier_contacts))
        if cues is None
        else is_frustrated(words, reading.weight_score, earlier_contacts, cues)
    )
    if frustration and sentiment.label != "negative":
        sentiment = Sentiment(label_for(NEGATIVE_FLOOR), NEGATIVE_FLOOR)
        note(cues, "sentiment", "high emotional weight reads negative")
    trust = has_trust_indicator(words, cues)
    if resolution == "deny" and not frustration and sentiment.label == "negative":
        if trust:
            # "You were so patient with me, but it still fails": thanks and a report, balanced.
            sentiment = Sentiment("neutral", 0.0)
            note(cues, "sentiment", "a denial with praise of how they were treated: balanced")
        elif _BARE_NO.fullmatch(fold(words)):
            sentiment = Sentiment("neutral", 0.0)
            note(cues, "sentiment", "a bare no: an answer, not a feeling")
    said = read(fold(words)) if sentiment.label != "positive" else None
    if said is not None and resolution != "deny" and not fails(said):
        treated = treated_well(said)
        if treated:
            # Thanks for care in a hard time ("so understanding after my diagnosis") is
            # praise, whatever hard words or effort it recalls; a contrast after it ("but
            # it still fails") leaves the report to decide.
            sentiment = Sentiment("positive", max(sentiment.score, THRESHOLD))
            note(
                cues,
                "sentiment",
                "praise of how they were treated, nothing wrong after it",
                treated,
            )
    if (
        sentiment.label == "neutral"
        and said is not None
        and resolution != "deny"
        and not fails(said)
        and not reports_problem(words)
    ):
        praise = review_praise(said)
        if praise:
            # "5 stars, so much quicker", "todo de diez", "rien à redire": praise a
            # general lexicon reads as neutral.
            sentiment = Sentiment("positive", THRESHOLD)
            note(cues, "sentiment", "praise as a review says it", praise)
    if sentiment.label != "positive" and resolution != "deny" and not frustration:
        said = said or read(fold(words))
        if relieved(said):
            sentiment = Sentiment("positive", max(sentiment.score, THRESHOLD))
            note(cues, "sentiment", "relief said outright")
        elif trust and not reports_problem(words) and not fails(said):
            # Praise of how they were treated is praise, whatever sad news it tells of (a
            # bereavement, an illness) and whatever words of the trouble it recalls.
            sentiment = Sentiment("positive", max(sentiment.score, THRESHOLD))
            note(cues, "sentiment", "praise of how they were treated, and nothing still wrong")
    return CustomerSignals(
        language=reading.language,
        sentiment=sentiment,
        frustration=frustration,
        resolution_reply=resolution,
        trust_indicator=trust,
        restatements=restatements(words, channel, history),
    )


_BARE_NO = re.compile(r"\W*(?:no|nope|nah|non|nein|nao)\W*")


def _compute_weight_high(text: str, locale: str | None, backend: SentimentBackend) -> bool:
    """Frustration or negative sentiment, as `customer_signals` reads `text` alone."""
    reading = _reading(text, locale, backend, None, None)
    # Frustration only turns a mild sentiment negative: a negative one needs no more.
    return reading.sentiment.label == "negative" or _frustrated(text, reading.weight_score, 0)


def _pressing(earlier_contacts: int) -> int:
    """The earlier contacts as frustration weighs them without cues: two or more press, fewer
    count as none. Kept so, the reading of a customer message with one earlier contact is
    the one its agent reply asks for (with none) and finds kept."""
    return 2 if earlier_contacts >= 2 else 0


@lru_cache(maxsize=16_384)
def _frustrated(words: str, weight_score: float, earlier_contacts: int) -> bool:
    # An agent reply reads the weight of the customer message it answers, which the job
    # has usually just analysed with no earlier contacts: the answer is kept for it.
    return is_frustrated(words, weight_score, earlier_contacts, None)


@lru_cache(maxsize=16_384)
def _weight_high(text: str, locale: str | None) -> bool:
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
