"""Nobody did what was due ("nobody rang", "nadie me ha contestado", "personne ne m'a
rappelé", "niemand hat sich gemeldet", "ninguém apareceu") is a failure: the message reads
negative however calm or polite its words. Every sentence here was written for these
tests."""

import pytest

from bot.signals import customer_signals

NOBODY_DID = [
    ("The technician was due this morning and nobody came. Could you rebook me please?", "en"),
    ("I was told someone would phone me on Tuesday, but no one did.", "en"),
    ("Me dijeron que me llamarían ayer y nadie me ha llamado. ¿Podéis mirarlo?", "es"),
    ("On devait me rappeler lundi et personne ne l'a fait. Merci de vérifier.", "fr"),
    ("Mir wurde ein Rückruf zugesagt, aber niemand hat sich gemeldet. Danke.", "de"),
    ("Marcaram a visita para hoje de manhã e ninguém apareceu. Obrigado.", "pt"),
]


@pytest.mark.parametrize(("text", "lang"), NOBODY_DID)
def test_nobody_doing_what_was_due_reads_negative(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "negative"


def test_nobody_after_without_is_not_a_failure() -> None:
    text = "It all went through without anyone chasing me, and nobody else needed to sign."
    assert customer_signals(text, locale="en").sentiment.label != "negative"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("When my wife was ill nobody rushed me, and the staff were so understanding.", "en"),
        ("Cuando perdí el trabajo nadie me presionó y me sentí escuchada.", "es"),
        ("Quando fiquei doente, ninguém me pressionou e foram muito compreensivos.", "pt"),
    ],
)
def test_nobody_pressing_them_is_praise_not_a_failure(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "positive"
