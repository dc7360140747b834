"""Upsell: a tier, bundle, pass or add-on the customer does not have, presented with what it
gives ("our X bundle includes ...", "the X tier also includes ...", "the X pass unlocks ...
and doubles ..."), or named after how often the customer, their team or their office needs
something ("if your office often runs out of space, the X plan has ..."), is a pitch in five
languages. The same verbs on the customer's own plan ("your plan also includes"), an unlock
code, and a "how often" with no offer ("if the error happens often, send us the log") are no
pitch. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from bot.signals.message import agent_signals
from bot.signals.upsell import is_upsell

PITCHES = [
    (
        "en",
        "Your seats are confirmed for Friday. For your next holiday, our Together bundle"
        " includes checked bags and meals for the whole group.",
    ),
    (
        "en",
        "Try clearing the cache and reloading the dashboard. The Scale tier also includes"
        " real-time syncing, should your analysts want it.",
    ),
    ("en", "The Season Pass unlocks two extra maps and doubles the weekly rewards."),
    (
        "en",
        "Deleted files stay in the bin for a month. If your office often runs out of space, the"
        " Team plan has 2 TB per person.",
    ),
    (
        "es",
        "Ya le hemos reenviado la factura. Nuestro paquete Hogar Total incluye además la"
        " asistencia técnica a domicilio.",
    ),
    ("es", "El pase Temporada desbloquea tres mapas más y duplica las recompensas semanales."),
    (
        "es",
        "Los archivos borrados siguen contando un mes. Si su equipo comparte archivos grandes a"
        " menudo, el plan Empresa tiene 2 TB por usuario.",
    ),
    (
        "fr",
        "Votre réservation est confirmée. Pour vos prochains séjours, notre formule Famille"
        " comprend le petit-déjeuner et le parking.",
    ),
    ("fr", "Le Pass Collection débloque aussi quatre tenues exclusives pour ton personnage."),
    (
        "fr",
        "L'export est en file d'attente. Si votre équipe exporte souvent de gros fichiers,"
        " l'offre Entreprise inclut des exports illimités.",
    ),
    (
        "de",
        "Der Techniker kommt am Donnerstag. Unser Paket Komfort Plus enthält zusätzlich die"
        " Wartung der Klimaanlage zweimal im Jahr.",
    ),
    ("de", "Der Premium-Pass schaltet drei weitere Karten frei und verdoppelt die Belohnungen."),
    (
        "de",
        "Gelöschte Dateien zählen noch 30 Tage mit. Wenn Ihr Team häufig große Dateien teilt,"
        " hat der Tarif Business 2 TB pro Nutzer.",
    ),
    (
        "pt",
        "Sua reserva está confirmada. Para as próximas viagens, o nosso pacote Família inclui"
        " marcação de assento e bagagem.",
    ),
    ("pt", "O passe Temporada desbloqueia três mapas extras e dobra as recompensas semanais."),
    (
        "pt",
        "Os arquivos apagados ainda contam por um mês. Se a sua empresa envia arquivos grandes"
        " com frequência, o plano Negócios tem 2 TB por usuário.",
    ),
    # Going further than what the customer has, a tier that adds, a figure compared.
    ("en", "Backups run nightly. To go further, the Vault add-on keeps 90 days instead of 30."),
    ("es", "Para ir más allá, la suscripción Estudio añade la edición en equipo."),
    ("fr", "Et pour aller plus loin, l'abonnement Pro ajoute la gestion multi-comptes."),
    ("de", "Falls Sie öfter ins Ausland reisen, enthält der Tarif Welt 10 GB Roaming."),
    ("pt", "Se você viaja bastante, o pacote Mundo inclui 10 GB de roaming."),
]


@pytest.mark.parametrize(("lang", "reply"), PITCHES)
def test_a_tier_presented_with_what_it_adds_is_a_pitch(lang: str, reply: str) -> None:
    assert is_upsell(reply, language=lang)
    assert agent_signals(reply, locale=lang).upsell


NOT_PITCHES = [
    ("en", "Your plan also includes free delivery, so the £3 fee has been refunded."),
    ("en", "The Basic plan you're on has a 5 GB limit, which is why the upload stopped."),
    ("en", "This code unlocks the phone for any network; enter it when the phone asks."),
    ("en", "If the error happens often, please send us the log file from Settings."),
    ("es", "Su tarifa incluye además llamadas ilimitadas, así que no se le cobrará nada."),
    ("es", "Si el error aparece a menudo en su equipo, envíenos una captura de pantalla."),
    ("fr", "Votre forfait comprend aussi les appels vers l'Europe, ces frais sont remboursés."),
    ("fr", "Si l'application plante souvent sur votre téléphone, réinstallez-la depuis le store."),
    ("de", "Ihr Tarif enthält zusätzlich 5 GB für das EU-Ausland, die Gebühr wurde erstattet."),
    ("de", "Wenn die Verbindung häufig abbricht, starten Sie bitte den Router neu."),
    ("pt", "O seu plano também inclui roaming nacional, por isso a cobrança foi estornada."),
    ("pt", "Se o aplicativo trava com frequência no seu celular, reinstale pela loja."),
]


@pytest.mark.parametrize(("lang", "reply"), NOT_PITCHES)
def test_the_same_verbs_on_the_customers_own_plan_or_without_an_offer_are_no_pitch(
    lang: str, reply: str
) -> None:
    assert not is_upsell(reply, language=lang)
    assert not agent_signals(reply, locale=lang).upsell
