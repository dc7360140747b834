"""'Again' that is no relapse (a good state back, joy at having it again, "the other time",
trying again), and what is still wrong said with "toujours", "nach wie vor", "trotzdem", or
as part of the same thing missing."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "The charge is gone and my balance is available again. Thank you!",
        "Ya puedo entrar al portal. Gracias, no como la otra vez que nadie me respondía.",
        "Das Konto geht wieder, endlich wieder online einkaufen.",
        "Funciona. Só vi quando fui testar outra vez.",
    ],
)
def test_again_that_is_no_relapse(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It works, but the error is back again this morning.",
        "Ya puedo entrar, pero otra vez me sale el aviso.",
        "Das Konto geht, aber schon wieder kommt die Meldung.",
        "Funciona, mas voltou a dar erro outra vez.",
    ],
)
def test_again_beside_trouble_still_doubts(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "L'application affiche toujours « paiement refusé ».",
        "Mon compte est toujours « en attente » malgré vos mails.",
        "Le bouton disparaît encore quand je valide.",
        "Auf dem Auszug stehen aber nach wie vor zwei Posten.",
        "Der Download bricht trotzdem kurz vor dem Ende ab.",
        "Me llegó una parte. Falta el resto.",
        "Recebi só metade, falta o resto.",
        "Il manque toujours la moitié du montant.",
        "Half came back, the rest is still missing.",
        "Die Hälfte fehlt noch.",
        "Mais ou menos. Abre, mas nem sempre.",
    ],
)
def test_still_wrong_is_denied(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        # Another thing missing beside a fix is no denial of it.
        "Le colis est bien arrivé, merci. Par contre il me manque toujours le bon de garantie.",
        # "not even during" extends a failure said gone.
        "Keine Abbrüche mehr, auch nicht beim Streamen am Abend. Danke!",
    ],
)
def test_near_misses_are_not_denials(text: str) -> None:
    assert resolution_reply(text) != "deny"
