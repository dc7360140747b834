"""Our VADER analyzer skips work the package repeats (the emoji rebuild of an emoji-free
text, lower-casing the whole text per lexicon word): its scores must stay the package's."""

from __future__ import annotations

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from bot.signals.sentiment import _vader

TEXTS = [
    "The refund never arrived and nobody answers.",
    "It isn't great, but it's not terrible either.",
    "Never so happy to see a parcel!",
    "Without doubt the best support I have had.",
    "The new app is kind of slow, yet really nice.",
    "I am VERY annoyed!!! This is extremely bad service.",
    "Thanks so much, it works perfectly now :)",
    "The charge was not fixed, and the bill is wrong again.",
    "Love the update 😍 but the login is broken 😡",
    "The agent was a real yeah right kind of helpful, the kiss of death for my order.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_our_analyzer_scores_every_text_as_the_package_does(text: str) -> None:
    ours = _vader()
    package = SentimentIntensityAnalyzer()
    package.lexicon = dict(ours.lexicon)  # the same words: only the code path differs
    assert ours.polarity_scores(text) == package.polarity_scores(text)
