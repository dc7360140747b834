"""Frustration named outright as being at a loss or tired of it, in five languages; the same
words where nothing is felt do not count."""

import pytest

from bot.signals import customer_signals


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Three engineers later and I honestly don't know what else to do.", "en"),
        ("Ya no sé qué hacer, llevo un mes sin teléfono.", "es"),
        ("Je ne sais plus quoi faire avec ce compteur.", "fr"),
        ("Ich bin es so leid, jede Woche dasselbe.", "de"),
        ("Jetzt reicht es mir wirklich, drei Wochen ohne Antwort.", "de"),
        ("Ich weiß nicht mehr, was ich noch tun soll.", "de"),
        ("Já não sei o que fazer, ninguém me responde.", "pt"),
        ("Estou mesmo farta disto.", "pt"),
    ],
)
def test_frustrated(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).frustration


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Could you tell me what to do with the old router?", "en"),
        ("¿Qué hago con el contador viejo?", "es"),
    ],
)
def test_a_plain_question_is_no_frustration(text: str, lang: str) -> None:
    assert not customer_signals(text, locale=lang).frustration
