""" "Not yet" about the customer's own check (not home yet, no time to try) leaves the answer
open (`none`); "not yet" about the fault, or a failure beside it, still denies."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "They said it's sorted, but I haven't had the chance to check yet.",
        "Todavía no he tenido tiempo de mirarlo, estoy fuera.",
        "Ich habe es noch nicht getestet, mache ich am Wochenende.",
        "Ainda não cheguei a casa para ver, depois digo.",
        "Je n'ai pas encore eu le temps de vérifier.",
    ],
)
def test_not_yet_checked_is_open(text: str) -> None:
    assert resolution_reply(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Not yet, the page is still blank.",
        "Todavía no, me sigue saliendo el error.",
        "Noch nicht, die App stürzt weiter ab.",
        "Ainda não funciona, tentei e deu erro.",
    ],
)
def test_not_yet_of_the_fault_denies(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "Seems ok, thanks, but I haven't tried a payment yet.",
        "Parece que sí, gracias, pero todavía no he probado a pagar.",
        "Sieht gut aus, danke, aber noch nicht richtig getestet.",
    ],
)
def test_thanks_then_not_yet_tried_is_no_denial(text: str) -> None:
    assert resolution_reply(text) != "deny"


@pytest.mark.parametrize("text", ["Nee, leider nicht.", "Nee, geht immer noch nicht."])
def test_colloquial_no_denies(text: str) -> None:
    assert resolution_reply(text) == "deny"
