"""Courtesy alone is not a feeling: a message whose only warmth is a formula (thanks for
details, a sign-off beside a fact) reads neutral, while warm thanks, thanks for a deed and
thanks said with an exclamation or a smile stay positive. Every sentence here was written
for these tests."""

import pytest

from bot.signals import customer_signals

FORMULA_ONLY = [
    ("Thanks for the details.", "en"),
    ("Account number is 5531-22. Cheers", "en"),
    ("Gracias por los datos.", "es"),
    ("Merci pour le lien, je regarde ça demain.", "fr"),
    ("Danke für den Hinweis, ich schaue es mir morgen an.", "de"),
    ("Obrigado pelas informações, vou repassar ao financeiro.", "pt"),
]
MEANT_THANKS = [
    ("Thanks for sorting the address so quickly.", "en"),
    ("Thank you so much.", "en"),
    ("Gracias por arreglarlo.", "es"),
    ("Merci de m'avoir rappelé.", "fr"),
    ("Danke für den Hinweis!", "de"),
    ("Obrigada pela dica :)", "pt"),
]


@pytest.mark.parametrize(("text", "lang"), FORMULA_ONLY)
def test_thanks_that_are_only_a_formula_read_neutral(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "neutral"


@pytest.mark.parametrize(("text", "lang"), MEANT_THANKS)
def test_warm_thanks_or_thanks_for_a_deed_stay_positive(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "positive"
