"""Upsell: an offer put as an invitation ("we invite you to discover our X", "découvrez",
"conheça", "entdecken Sie"), as a tip ("Tip: with yearly billing ...", "Dica:", "Astuce :"),
or tucked into an aside anywhere in its sentence ("with the X add-on at £3 a month you could,
by the way, ...", "por cierto, con la cobertura X, por 6 € al mes, ..."), or put as what
whoever takes it pays ("anyone who adds X pays £10 less", "wer ... abschließt, spart ..."),
is a pitch in five languages. An invitation to read a guide, a tip on a setting, and an aside
about the customer's own plan or an app are no pitch. Every sentence was written for these
tests."""

from __future__ import annotations

import pytest

from bot.signals.message import agent_signals
from bot.signals.upsell import is_upsell

PITCHES = [
    # Invitations.
    (
        "en",
        "The export can take a few minutes at busy times. For instant exports, we invite you"
        " to discover our Priority plan.",
    ),
    ("en", "Discover our Studio tier, with unlimited projects and 1 TB of storage."),
    (
        "es",
        "Los informes grandes tardan un poco. Le invitamos a conocer nuestro plan Avanzado, con"
        " informes al instante.",
    ),
    (
        "es",
        "Descubra nuestra tarifa Viajero, pensada para quien sale al extranjero varias veces al"
        " año.",
    ),
    ("fr", "Pour bénéficier de sauvegardes quotidiennes, découvrez notre formule Sérénité."),
    ("fr", "Je vous invite à découvrir l'offre Pro, qui ajoute la signature électronique."),
    ("de", "Entdecken Sie unseren Tarif Reise Plus mit 20 GB im EU-Ausland."),
    (
        "de",
        "Schauen Sie sich gern unser Paket Sicher Plus an, mit Virenschutz für fünf Geräte.",
    ),
    ("pt", "Conheça o nosso plano Viagem, com internet em mais de 80 países."),
    (
        "pt",
        "Convidamos você a descobrir a assinatura Família, com acesso para até seis perfis.",
    ),
    # Tips.
    (
        "en",
        "You can invite members from Settings > Team. Tip: with yearly billing you pay for ten"
        " months instead of twelve.",
    ),
    (
        "es",
        "Puede invitar usuarios desde Ajustes. Consejo: pasándose a la facturación anual, se"
        " ahorra dos cuotas al año.",
    ),
    (
        "fr",
        "Vous pouvez inviter vos collègues depuis Réglages. Astuce : en passant à la facturation"
        " annuelle, vous économisez deux mois.",
    ),
    ("de", "Tipp: Mit der jährlichen Zahlung sparen Sie zwei Monatsbeiträge pro Nutzer."),
    (
        "pt",
        "Você pode convidar colegas em Ajustes. Dica: mudando para o pagamento anual, você paga"
        " dez meses em vez de doze.",
    ),
    # Asides anywhere in their sentence, and what whoever takes it pays.
    (
        "en",
        "Go to Settings and pair the second calendar. With the Sync Pro add-on at £3 a month"
        " you could, by the way, link up to eight calendars.",
    ),
    (
        "en",
        "Your booking is moved to Tuesday. While you're at it: anyone who adds airport parking"
        " this month pays £10 less.",
    ),
    (
        "es",
        "El técnico irá el martes. Por cierto, con la cobertura Hogar, por 6 € al mes, la"
        " próxima visita le saldría gratis.",
    ),
    (
        "fr",
        "Votre colis arrive demain. Avec l'option Express à 4 € par mois, toutes vos livraisons"
        " passeraient d'ailleurs en priorité.",
    ),
    (
        "de",
        "Die Störung ist behoben. Übrigens: Wer Strom und Gas zusammen bei uns abschließt,"
        " spart im ersten Jahr 120 €.",
    ),
    (
        "de",
        "Klicken Sie auf „Konto verbinden“. Mit dem Add-on „Multi“ für 3 € im Monat könnten Sie"
        " übrigens fünf Konten verbinden.",
    ),
    (
        "pt",
        "O técnico vai na terça. Aliás, com o adicional Turbo, por R$ 15 por mês, a velocidade"
        " dobraria.",
    ),
    (
        "es",
        "Ya tiene la factura corregida. Quien junte la luz y el gas con nosotros ahorra 90 € el"
        " primer año.",
    ),
    (
        "fr",
        "Votre compteur est relevé. Les clients qui regroupent électricité et gaz paient 8 € de"
        " moins chaque mois.",
    ),
    (
        "pt",
        "A fatura já foi corrigida. Quem juntar luz e gás com a gente economiza R$ 30 por mês.",
    ),
    # "Worth knowing", "à noter", "gut zu wissen", "fica a dica".
    ("en", "The file is restored. Worth knowing: the Vault add-on keeps a year of history."),
    ("fr", "C'est réglé. À noter : l'option Cloud+ double votre espace pour 2 € par mois."),
    ("de", "Erledigt. Gut zu wissen: Mit dem Tarif Plus hätten Sie doppelt so viel Volumen."),
    ("pt", "Prontinho! Fica a dica: o plano Turbo dobra a sua velocidade por mais R$ 20."),
    # The aside after the offer, in the middle of the clause.
    ("en", "The line is fixed. The Family plan covers all four phones in the house, by the way."),
    ("es", "La línea ya funciona. El plan Familia cubre los cuatro móviles de casa, por cierto."),
    ("fr", "La ligne est rétablie. Le forfait Famille couvre d'ailleurs les quatre téléphones."),
    ("de", "Die Leitung geht wieder. Der Tarif Familie deckt übrigens alle vier Handys ab."),
    ("pt", "A linha já voltou. O plano Família cobre, aliás, os quatro celulares da casa."),
]


@pytest.mark.parametrize(("lang", "reply"), PITCHES)
def test_an_offer_as_an_invitation_a_tip_or_an_aside_is_a_pitch(lang: str, reply: str) -> None:
    assert is_upsell(reply, language=lang)
    assert agent_signals(reply, locale=lang).upsell


NOT_PITCHES = [
    ("en", "Take a look at the attached guide; it walks you through the settings."),
    ("en", "We invite you to check the status page for updates over the next hour."),
    ("en", "Tip: restart the router before you run the speed test again."),
    (
        "en",
        "By the way, your plan already includes the roaming you used, so nothing extra was"
        " charged.",
    ),
    ("es", "Le invitamos a consultar la guía de instalación en nuestra web."),
    ("es", "Consejo: apague el router un minuto antes de volver a probar."),
    ("fr", "Nous vous invitons à consulter notre page d'aide pour la marche à suivre."),
    ("fr", "Astuce : videz le cache du navigateur avant de réessayer."),
    ("de", "Schauen Sie sich bitte die Anleitung im Anhang an."),
    ("de", "Tipp: Starten Sie die App nach dem Update einmal neu."),
    ("de", "Übrigens ist Ihre Rechnung jetzt auch in der App abrufbar."),
    ("pt", "Confira o passo a passo no link abaixo."),
    ("pt", "Dica: desligue o modem por um minuto antes de testar de novo."),
    (
        "pt",
        "Aliás, o seu plano já inclui o roaming usado, então nada foi cobrado a mais.",
    ),
    ("fr", "Votre formule couvre d'ailleurs déjà le bris de glace, sans supplément."),
    # A bill lower because something was removed names nobody who takes an offer.
    ("en", "I've removed the add-on as you asked, so you'll pay £4 less this month."),
    ("es", "He quitado el seguro como pidió; este mes pagará 4 € menos en la factura."),
    ("pt", "Removi o adicional como pediu, então este mês você paga R$ 12 a menos."),
    ("de", "Ihr Tarif deckt übrigens schon alle vier Handys im Haushalt ab."),
]


@pytest.mark.parametrize(("lang", "reply"), NOT_PITCHES)
def test_an_invitation_a_tip_or_an_aside_with_no_offer_is_no_pitch(lang: str, reply: str) -> None:
    assert not is_upsell(reply, language=lang)
    assert not agent_signals(reply, locale=lang).upsell
