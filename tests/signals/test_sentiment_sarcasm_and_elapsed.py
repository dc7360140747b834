"""Sarcasm and time past a promise: thanks for a thing praised in scare quotes is sarcasm,
"working days" is a count of time and not a fix, and "it's been nine" after a promised
number of days is time spent waiting. Every sentence here was written for these tests."""

import pytest

from bot.signals import customer_signals

NEGATIVE = [
    ("Thanks for the 'quick' reply, it only took a fortnight.", "en"),
    ("Gracias por la «rápida» respuesta, solo ha pasado un mes.", "es"),
    ("Danke für den „schnellen“ Rückruf, nach nur zehn Tagen.", "de"),
    ("Wonderful, an 'express' refund that takes twelve working days.", "en"),
    ("You said the card would arrive in 3 working days and it's been 11. Any news?", "en"),
    ("Me dijisteis cinco días hábiles y ya van doce.", "es"),
    ("Sie sagten drei Werktage, inzwischen sind es neun.", "de"),
]


@pytest.mark.parametrize(("text", "lang"), NEGATIVE)
def test_quoted_thanks_and_time_past_a_promise_read_negative(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "negative"


def test_plain_thanks_for_a_thing_is_not_sarcasm() -> None:
    text = "Thanks for the quick reply, the new password works."
    assert customer_signals(text, locale="en").sentiment.label != "negative"
