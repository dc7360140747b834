"""Frustration: customers who name the feeling outright, and urgency shouted with piled-up
punctuation, in all five languages; the same words negated, mild or joyful are not."""

import pytest

from bot.signals import customer_signals
from bot.signals.cues import Cue
from bot.signals.frustration import is_frustrated


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("I am so fed up with this whole thing.", "en"),
        ("Honestly I'm really frustrated, none of the steps change anything.", "en"),
        ("I'm getting really annoyed now.", "en"),
        ("Estoy harta de esperar una respuesta.", "es"),
        ("Ya estoy hasta las narices de este router.", "es"),
        ("J'en ai marre de vos excuses.", "fr"),
        ("Je suis vraiment exaspérée par ce service.", "fr"),
        ("Je suis à bout.", "fr"),
        ("Ich habe die Nase voll von dieser App.", "de"),
        ("Ich bin total genervt.", "de"),
        ("Estou farto disto.", "pt"),
        ("Estou de saco cheio com essa fatura.", "pt"),
    ],
)
def test_a_customer_who_names_the_feeling_is_frustrated(text: str, locale: str) -> None:
    assert customer_signals(text, locale=locale).frustration


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("I'm not frustrated, just curious how the export works.", "en"),
        ("No estoy enfadada, solo tengo una duda sobre la factura.", "es"),
        ("Je ne suis pas fâché, juste curieux.", "fr"),
        ("Ich bin nicht genervt, nur neugierig.", "de"),
        ("Não estou chateado, só queria saber o prazo.", "pt"),
        ("I'm a bit confused about the billing page.", "en"),
        ("Estoy preocupada por el envío, ¿podéis mirarlo?", "es"),
        ("Ich habe genug Speicherplatz auf dem Handy.", "de"),
    ],
)
def test_a_negated_or_mild_feeling_is_not_frustration(text: str, locale: str) -> None:
    assert not customer_signals(text, locale=locale).frustration


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Where is my refund??? I need it today!!", "en"),
        ("Need this sorted ASAP!!!", "en"),
        ("¿¿Dónde está mi pedido?? Lo necesito hoy!!", "es"),
        ("C'est urgent !!! Je dois payer ce soir.", "fr"),
        ("Ich brauche das heute noch!!!", "de"),
        ("Preciso disso agora!!!", "pt"),
    ],
)
def test_urgency_with_piled_up_punctuation_is_frustration(text: str, locale: str) -> None:
    assert customer_signals(text, locale=locale).frustration


@pytest.mark.parametrize(
    "text",
    [
        "Where is the settings page??",
        "Could you send the invoice today?",
        "So excited, the new plan starts today!!!",
        "Can't wait, I need it right away!!",
    ],
)
def test_piled_punctuation_without_urgency_or_with_joy_is_not_frustration(text: str) -> None:
    assert not customer_signals(text).frustration


def test_the_cue_names_the_feeling_that_was_named() -> None:
    cues: list[Cue] = []
    assert is_frustrated("Ich bin total genervt.", 0.0, cues=cues)
    assert cues == [Cue("frustration", "names the feeling", "ich bin total genervt")]
