"""A fix stated by post, back in the account, credited again, the fault no longer coming,
picture or network had again, or money returned; a problem word naming, just before the
fix, what was put right ("the missing points are back") does not doubt it. With near
misses."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "Die neue Karte lag heute im Briefkasten, danke.",
        "Der Bescheid kam gestern mit der Post.",
        "Die Punkte sind wieder in meinem Profil.",
        "Der Betrag wurde mir gestern wieder gutgeschrieben worden, danke.",
        "Die Warnung erscheint seitdem nicht mehr.",
        "Wir haben seit heute früh wieder Strom.",
        "Das Geld ist heute Vormittag auf meinem alten Konto eingegangen.",
        "Me han devuelto los 40 euros, gracias.",
        "El recargo ha sido anulado, muchas gracias.",
        "Le virement figure bien sur mon compte.",
        "Os pontos voltaram pra minha conta!",
        "The missing points are back in my account, thanks!",
        "Las fotos que me faltaban ya aparecen en el álbum.",
        "Die fehlenden Punkte sind wieder in meinem Account.",
    ],
)
def test_confirmed(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Die Karte lag nicht im Briefkasten.",
        "Die Warnung erscheint immer noch.",
        "Wir haben immer noch keinen Strom.",
        "No me han devuelto nada todavía.",
        "Le virement ne figure toujours pas sur mon compte.",
        "The points are back, but the missing voucher is still not there.",
    ],
)
def test_near_misses_do_not_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"
