"""A step the customer has had to repeat, counted, is effort: it reads negative though no
word in it is negative. Every sentence here was written for these tests."""

import pytest

from bot.signals import customer_signals

REPEATED = [
    ("I have now uploaded my ID three times and the portal keeps asking for it.", "en"),
    ("I've already typed my postcode twice in this chat.", "en"),
    ("Ya he enviado la foto del contador tres veces.", "es"),
    ("J'ai déjà envoyé le justificatif trois fois.", "fr"),
    ("Ich habe das Formular jetzt dreimal ausgefüllt.", "de"),
    ("Já mandei o comprovante três vezes.", "pt"),
]


@pytest.mark.parametrize(("text", "lang"), REPEATED)
def test_a_repeated_step_counted_reads_negative(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "negative"


def test_a_count_of_times_that_is_not_a_repeated_step_is_not_effort() -> None:
    text = "The new version loads three times faster than the old one."
    assert customer_signals(text, locale="en").sentiment.label != "negative"
