"""A trial still to come, a state before an earlier date, years of use, a first order and
the fix word mocked ("if by works you mean") confirm nothing; with what still confirms."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "The replacement battery came this morning. I'll give it a proper test tonight.",
        "Got the new router, thanks, I'll see whether it holds the signal upstairs.",
        "Before the update everything worked perfectly on my phone.",
        "Antes de la actualización la app funcionaba perfectamente.",
        "Avant la mise à jour tout marchait bien.",
        "Vor dem Update lief alles einwandfrei.",
        "We've used your booking tool for three years and it works really well.",
        "On utilise votre appli depuis trois ans, elle fonctionne très bien.",
        "Seit drei Jahren nutzen wir die Software, sie läuft super.",
        "First order with you and everything was perfect.",
        "Primera compra con vosotros y todo perfecto.",
    ],
)
def test_not_a_fix_confirmed(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Works great, if by great you mean it logs me out every five minutes.",
        "Läuft prima – wenn man unter „prima“ versteht, dass es ständig abstürzt.",
        "Funciona, si por funcionar entiendes que se cierra cada dos minutos.",
    ],
)
def test_the_fix_word_mocked_denies(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "It works again, I'll keep an eye on it over the weekend but you can close the ticket.",
        "Since the update this morning everything works again, thanks.",
    ],
)
def test_still_confirmed(text: str) -> None:
    assert resolution_reply(text) == "confirm"
