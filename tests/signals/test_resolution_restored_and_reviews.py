"""Resolution replies read by structure: a verb of working beside "again" is the working
state restored, the customer trying once more is no relapse, a report sent "to let you
know" is no promise to test later, and "claim" the noun is nobody's claim."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, the scanner connects to my laptop again.",
        "La impresora vuelve a conectar con el portátil, gracias.",
        "Merci, les paiements passent de nouveau sans souci.",
        "Danke, jetzt läuft der Drucker im Büro wieder.",
        "Obrigado, os pagamentos voltaram a ser aprovados.",
        "Parfait, la tablette se synchronise à nouveau avec le serveur.",
    ],
)
def test_a_verb_of_working_beside_again_is_the_fix_restored(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Ayer funcionaba y hoy otra vez la pantalla se queda en gris.",
        "It was working and then it froze again after lunch.",
        "Das Menü lädt kurz und dann stürzt es wieder ab.",
        "The error message shows up again when I open the tab.",
    ],
)
def test_again_joined_to_a_new_failure_is_not_a_restoration(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "I tried again this evening on the other laptop and the upload is working now.",
        "Volví a probar esta tarde y ya funciona, gracias.",
        "Ich habe es nochmal versucht und jetzt funktioniert es, danke.",
    ],
)
def test_the_customer_trying_again_is_no_relapse(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Just to let you know, the invoice page loads fine now. Thanks!",
        "Quick note to let you know the insurance claim form works now, thank you.",
    ],
)
def test_a_report_to_let_you_know_is_no_promise_to_test(text: str) -> None:
    assert resolution_reply(text) == "confirm"


def test_ill_let_you_know_still_defers() -> None:
    assert resolution_reply("It seems to work now, I'll let you know tomorrow.") == "none"
