"""Denials in the forms a relapse takes: it worked a while and the trouble came back, it is
the same as before, or the customer was told it was fixed and it is not."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "It was fine for a week, but since Monday the screen flickers again.",
        "Estuvo bien dos días, pero desde ayer la impresora se atasca otra vez.",
        "Ça marchait lundi, puis depuis mercredi l'écran reste noir de nouveau.",
        "Es lief drei Tage lang ohne Probleme. Heute hängt die Kamera wieder.",
        "Funcionava de manhã, mas à tarde a tela ficou preta de novo.",
    ],
)
def test_worked_a_while_then_the_trouble_again_denies(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "The power came back this morning. Thanks again for the help!",
        "It worked after the restart and I tried again later, still fine, thank you.",
        "Funcionó después del reinicio y ahora va de nuevo perfecto, gracias.",
    ],
)
def test_thanks_again_a_retry_or_the_fix_restored_is_no_relapse(text: str) -> None:
    assert resolution_reply(text) != "deny"


@pytest.mark.parametrize(
    "text",
    [
        "Same as before, the page freezes as soon as I log in.",
        "Igual que antes, la app se cierra al abrir el menú.",
        "Pareil qu'avant : la connexion saute toutes les heures.",
        "Genau wie vorher, der Drucker zieht kein Papier ein.",
        "Igual a antes, o aplicativo trava na tela inicial.",
    ],
)
def test_the_same_as_before_denies(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "Third time you've told me it's resolved and it isn't.",
        "Ya me dijeron que estaba solucionado y no lo está.",
        "Vocês disseram que estava resolvido e não está.",
    ],
)
def test_told_it_was_fixed_and_it_is_not_denies(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "Oh sure, it's resolved: now the app won't even open. Great job.",
        "Ah sí, solucionado: ahora me llegan tres facturas. Enhorabuena.",
        "Ah oui, c'est réglé, je ne vois plus rien du tout. Bravo.",
        "Na super, jetzt ist alles gelöscht. Gute Arbeit.",
        "Thanks for your 'fix', the printer is worse than ever.",
        "Obrigado pela 'solução', agora nem liga mais.",
    ],
)
def test_sarcasm_about_the_fix_denies(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "Oh great, it works now! Thank you so much.",
        "Ah oui, ça marche maintenant, merci beaucoup !",
    ],
)
def test_a_glad_oh_yes_without_applause_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"
