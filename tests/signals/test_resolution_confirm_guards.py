"""Guards on a confirmation for text the dev sets do not hold yet: a habit praised, goods
spoiled on arrival, a sum that is not right, an unsure "maybe", minutes of working."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "Really happy, the groceries arrived on time as always.",
        "El pedido llegó como siempre, sin problemas. ¡Gracias!",
        "La livraison est arrivée comme d'habitude, parfait.",
        "Die App funktioniert wie immer super.",
        "A entrega chegou como sempre, tudo certo.",
    ],
)
def test_a_habit_praised_is_not_a_fix_reported(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The box arrived today, the eggs were all smashed.",
        "El paquete llegó hoy, pero los helados derretidos.",
        "Die Rechnung ist angekommen, der Betrag stimmt nicht.",
        "O pedido chegou, as frutas estragadas.",
    ],
)
def test_arrived_spoiled_or_wrong_is_not_a_confirmation(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It's resolved on your end maybe, not on mine.",
        "Ya funciona... durante cinco minutos.",
        "Ça marche, pendant dix minutes à chaque fois.",
        "Es geht jetzt, vielleicht.",
    ],
)
def test_an_unsure_or_minutes_long_fix_is_not_a_confirmation(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "No tablet já está funcionando. E no celular, preciso refazer a configuração?",
        "No problem at all, it works now, thanks.",
    ],
)
def test_no_before_a_noun_negates_nothing_after_it(text: str) -> None:
    assert resolution_reply(text) != "deny"


@pytest.mark.parametrize(
    "text",
    ["No me funciona.", "No siempre funciona.", "No nos deja entrar todavía."],
)
def test_no_before_its_verb_or_a_clitic_still_negates(text: str) -> None:
    assert resolution_reply(text) != "confirm"
