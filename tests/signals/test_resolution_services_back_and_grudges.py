"""A service had again, heating working again, a fault with nothing of it left, a thing
received now right, and grudges about the company (leaving, "you could have warned me") that
do not restrict the fix; with the near misses."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "Volvemos a tener luz desde el mediodía, gracias.",
        "Voltámos a ter internet, obrigada.",
        "Wir haben endlich wieder Strom.",
        "We have hot water again, thank you!",
        "The boiler's warm again, thanks so much.",
        "La caldera vuelve a calentar, gracias.",
        "Les radiateurs chauffent de nouveau, merci.",
        "Die Therme ist wieder warm.",
        "A caldeira voltou a aquecer, obrigado.",
        "Il n'y a plus aucune fuite sous la baignoire.",
        "Ya no hay fugas en la cocina, gracias.",
        "Keine weiteren Abbrüche mehr seit gestern.",
        "Recebi a fatura nova com o NIF certo, obrigado.",
        "Received the new policy with the right address, thanks.",
        "Está tudo certinho agora, obrigada.",
        # Grudges about the company, not the fault.
        "Ça remarche. Par contre vous auriez pu me dire que le technicien venait.",
        "Es funktioniert wieder. Dass man so lange warten muss, finde ich allerdings bezeichnend.",
    ],
)
def test_confirmed(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Volvemos a tener cortes de luz cada tarde.",
        "The error is back on the screen again.",
        "The boiler's making noise again.",
        "Il n'y a plus de connexion depuis hier.",
        "Recebi a fatura nova, mas com o NIF errado.",
        "Received the new card, but with the wrong name again.",
        "Ça remarche à moitié. Par contre la télé coupe toujours.",
    ],
)
def test_near_misses_do_not_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"


def test_english_so_after_a_contrast_is_no_only() -> None:
    text = "It's working now. Took ages though, so please pass that on."
    assert resolution_reply(text) != "deny"
