"""Thanks for how one was treated in a hard time reads positive whatever hard words it
recalls (an illness, a job lost, a death), unless a contrast after the praise reports what
is still wrong. Every sentence here was written for these tests."""

import pytest

from bot.signals import customer_signals

CARE_IN_HARD_TIMES = [
    (
        "After my surgery I had to move every appointment, and your staff were so understanding"
        " each time. Thank you.",
        "en",
    ),
    ("When my mother died I was lost, and the adviser took the time to go through it all.", "en"),
    (
        "Me quedé sin trabajo y tenía miedo de llamar, pero me sentí escuchada y respetada en"
        " todo momento.",
        "es",
    ),
    ("Tras el accidente de mi hijo, la agente nos trató con mucho tacto. Gracias.", "es"),
    ("Après le décès de mon frère, votre conseiller a pris le temps de tout m'expliquer.", "fr"),
    ("Nach meiner Kündigung hatte ich Angst, aber Sie haben sich Zeit für mich genommen.", "de"),
    ("Depois do enterro do meu avô, a atendente foi muito compreensiva comigo.", "pt"),
]
CARE_THEN_STILL_WRONG = [
    ("You were so understanding on the phone, but the card is still blocked today.", "en"),
    ("La agente me trató con mucho tacto, pero la transferencia sigue sin llegar.", "es"),
    ("Sie waren sehr verständnisvoll, aber leider funktioniert der Zugang immer noch nicht.", "de"),
]


@pytest.mark.parametrize(("text", "lang"), CARE_IN_HARD_TIMES)
def test_praise_of_treatment_in_a_hard_time_reads_positive(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "positive"


@pytest.mark.parametrize(("text", "lang"), CARE_THEN_STILL_WRONG)
def test_praise_then_a_contrast_with_a_failure_is_not_positive(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label != "positive"
