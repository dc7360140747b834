"""Denials said as the problem back, a code that never arrives, an app that does not even
open, a fix that works only on a condition, or worked a while and gave out; with the same
words where they deny nothing."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "The problem's back since this morning.",
        "The verification email never arrives.",
        "Now the app doesn't even open.",
        "It only works if I plug the cable straight into the modem.",
        "El problema ha vuelto esta mañana.",
        "Ahora ni siquiera abre la aplicación.",
        "Solo funciona si reinicio el router cada hora.",
        "Le problème est revenu depuis hier soir.",
        "La fuite sous l'évier est toujours là.",
        "L'appli ne s'ouvre même plus.",
        "Ça ne marche que si je désactive le VPN.",
        "Das Problem ist wieder da.",
        "Die App startet nicht einmal mehr.",
        "Es geht nur, wenn ich das WLAN ausschalte.",
        "O problema voltou hoje de manhã.",
        "Agora a app nem sequer abre.",
        "Só funciona se usar os dados móveis.",
        "Funcionó un ratito, pero luego se volvió a cortar.",
        "Deu durante uns cinco minutos e depois caiu outra vez.",
    ],
)
def test_denied(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "The discount code only works on orders over £30, is that right?",
        "Vous êtes toujours là pour nous, merci.",
        "It works now, and the app even opens faster than before.",
    ],
)
def test_the_same_words_deny_nothing(text: str) -> None:
    assert resolution_reply(text) != "deny"
