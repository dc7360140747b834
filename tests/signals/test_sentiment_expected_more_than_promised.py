"""What the customer expected of it, or what was promised, not met: disappointment, negative,
in five languages."""

import pytest

from bot.signals import customer_signals


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "I expected the new plan to be a lot faster. It's fine, but not what you advertised.",
            "en",
        ),
        (
            "Esperaba que la batería fuera mejor. No está mal, pero no es lo que anunciabais.",
            "es",
        ),
        (
            "Je pensais que la connexion serait plus rapide. Ce n'est pas ce que vous annonciez.",
            "fr",
        ),
        (
            "Hatte erwartet, dass das Paket schneller ist. Nicht das, was Sie versprochen haben.",
            "de",
        ),
        ("Esperava que a internet fosse bem mais rápida. Não é o que anunciaram.", "pt"),
    ],
)
def test_expected_more_is_negative(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "negative"
