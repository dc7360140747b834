"""`EarlierTexts.given(among)` searches only the kinds asked for, and gives exactly what
reading every kind (`kinds_in`) and keeping those among them gives, settings included."""

import pytest

from bot.signals.context import SETTINGS, EarlierTexts, kinds_in

TEXTS = [
    "My order 12345678 never arrived, email me at dana@example.com",
    "Bluetooth is on and I restarted the speaker twice.",
    "Tengo el roaming activado y no tengo datos, estoy en Lisboa.",
    "I'm in Paris right now, my case number is 4512 and my phone number is +44 7700 900123",
    "Ich habe die App schon neu installiert, Kundennummer 887766.",
    "",
]


@pytest.mark.parametrize(
    "among",
    [
        {"order"},
        {"email", "location"},
        {"steps", "problem"},
        {SETTINGS},
        {"setting:roaming", "case"},
        {"setting:nothing"},
        {"customer", "phone", "serial", "address"},
    ],
)
def test_given_among_is_every_kind_kept_among(among: set[str]) -> None:
    every = frozenset().union(*(kinds_in(text) for text in TEXTS))
    assert EarlierTexts(TEXTS).given(among) == every & frozenset(among)
    for text in TEXTS:
        assert EarlierTexts([text]).given(among) == kinds_in(text) & frozenset(among)
