""" "To be honest" is a hedge, not praise of honesty: it neither counts as trust nor turns a
complaint positive or balanced. Every sentence here was written for these tests."""

import pytest

from bot.signals import customer_signals

HEDGED_COMPLAINTS = [
    ("To be honest the advisor wasn't very helpful and the form is still rejected.", "en"),
    ("The hotel breakfast was a bit disappointing, to be honest.", "en"),
    ("Being honest, the new layout is not what I expected at all. Rather disappointed.", "en"),
    ("Para ser honesto, el curso me decepcionó bastante.", "es"),
]


@pytest.mark.parametrize(("text", "lang"), HEDGED_COMPLAINTS)
def test_to_be_honest_is_no_trust_and_the_complaint_reads_negative(text: str, lang: str) -> None:
    signals = customer_signals(text, locale=lang)
    assert not signals.trust_indicator
    assert signals.sentiment.label == "negative"


def test_praise_of_honesty_is_still_trust() -> None:
    assert customer_signals("The agent was honest with me about the delay.").trust_indicator
