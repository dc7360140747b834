"""`alignbot signals explain` names the stance that decided a support message's sentiment,
and the anchor words that let the analysis job skip a phrase family never hide a phrase."""

import re

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.signals import courtesy, stance
from bot.signals.text import fold
from tests.signals.test_support_sentiment_stance import (
    COMPLAINTS_CLOSED_WITH_THANKS,
    EFFORT_AND_CHURN,
    ENQUIRIES_ABOUT_LEAVING,
    IRONY,
    POLITE_REQUESTS,
    QUESTIONS,
    THANKS_FOR_WHAT_WAS_DONE,
)


def _sentiment_lines(text: str, locale: str) -> list[str]:
    result = CliRunner().invoke(app, ["signals", "explain", text, "--locale", locale])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("sentiment: "))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("  <- "))
    return lines[start:end]


@pytest.mark.parametrize(
    ("text", "locale", "value", "cue"),
    [
        (
            "Great, another outage.",
            "en",
            "negative",
            '  <- irony: positive words around a complaint: "great, another"',
        ),
        (
            "Es la tercera vez que os escribo.",
            "es",
            "negative",
            '  <- effort: contacts counted: "es la tercera vez"',
        ),
        (
            "Please close my account.",
            "en",
            "negative",
            '  <- leaving: closing the account or moving to a competitor: "close my account"',
        ),
        (
            "Wir warten seit zehn Tagen auf den Techniker.",
            "de",
            "negative",
            '  <- effort: time spent waiting: "seit zehn tagen"',
        ),
        (
            "Hi! Could you send me the invoice for May? Thanks so much!",
            "en",
            "neutral",
            "  <- a request: courtesy and questions carry no sentiment",
        ),
    ],
)
def test_explain_shows_the_stance_that_decided(
    text: str, locale: str, value: str, cue: str
) -> None:
    lines = _sentiment_lines(text, locale)
    assert lines[0].startswith(f"sentiment: {value}")
    assert any(line.startswith(cue) for line in lines), lines


_FAMILIES = [
    (stance.IRONY, stance._IRONY_ANCHORS),
    (stance.CHURN, stance._CHURN_ANCHORS),
    (stance.ESCALATION, stance._ESCALATION_ANCHORS),
    (stance.REFUND_DEMAND, stance._REFUND_ANCHORS),
    (stance.CONTACT_EFFORT, stance._CONTACT_ANCHORS),
    (stance.TIME_EFFORT, stance._TIME_ANCHORS),
    (stance.FAILURE, stance._FAILURE_ANCHORS),
    (courtesy.POLITENESS, courtesy._COURTESY_ANCHORS),
    (courtesy.REQUEST, courtesy._REQUEST_ANCHORS),
]
_SENTENCES = [
    text
    for group in (
        POLITE_REQUESTS,
        QUESTIONS,
        IRONY,
        EFFORT_AND_CHURN,
        ENQUIRIES_ABOUT_LEAVING,
        COMPLAINTS_CLOSED_WITH_THANKS,
        THANKS_FOR_WHAT_WAS_DONE,
    )
    for text, _lang in group
]
_WORD = re.compile(r"[^\W\d_]+")


@pytest.mark.parametrize("text", _SENTENCES)
def test_every_phrase_found_holds_an_anchor_word(text: str) -> None:
    folded = fold(text)
    for pattern, anchors in _FAMILIES:
        for match in pattern.finditer(folded):
            words = _WORD.findall(match.group())
            # A closing smiley is courtesy too, but no word to gate on: `body` finds it.
            assert not words or not anchors.isdisjoint(words), match.group()
