"""Praise as a review says it (a rating, "keep it up", a smooth experience, nothing to
fault, coming back) reads positive though a general lexicon finds no feeling in it; a
clapping or thumbs-up beside "finally" is celebration, not a grudge. Every sentence here
was written for these tests."""

import pytest

from bot.signals import customer_signals

REVIEWS = [
    ("Ten out of ten, the new booking page is twice as quick. Keep it up!", "en"),
    ("The van was spotless and the handover was quick, a really smooth process.", "en"),
    ("El montador llegó puntual y lo dejó todo recogido. Diez de diez.", "es"),
    ("Livraison à l'heure, colis soigné, rien à redire.", "fr"),
    ("Ferienwohnung wie beschrieben, Schlüsselübergabe einwandfrei. Gerne wieder!", "de"),
    ("Entrega no prazo e produto bem embalado. Nota 10.", "pt"),
    ("Por fin la app abre en un segundo, bien hecho 👏", "es"),
]


@pytest.mark.parametrize(("text", "lang"), REVIEWS)
def test_praise_as_a_review_says_it_reads_positive(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "positive"


def test_negated_review_praise_is_not_positive() -> None:
    text = "Honestly it was not a smooth experience at all."
    assert customer_signals(text, locale="en").sentiment.label != "positive"
