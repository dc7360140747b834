"""Upsell: what already happened to the customer's own plan is no pitch. A change they made
("you moved from Starter to Team on the 3rd"), a price change their plan had ("your plan
had its yearly adjustment"), a discount of theirs that ended, and a charge from a date on or
at the regular price ("from June you pay the regular price") describe the bill, with the
plan's name and price, in the past or the indicative. A pitch beside such a statement (a
contrast, a conditional) is still read. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from bot.signals.message import agent_signals
from bot.signals.upsell import is_upsell

OWN = [
    # A change the customer already made.
    (
        "en",
        "You moved from Starter to Team on 3 June, so this invoice has both: a part-month of"
        " Starter and a part-month of Team at £14.",
    ),
    (
        "es",
        "Usted se cambió de la tarifa Mini a la tarifa Maxi el día 8, por eso la factura de"
        " este mes incluye los dos importes.",
    ),
    (
        "fr",
        "Vous êtes passé de la formule Solo à la formule Duo le 4 mai ; la facture compte donc"
        " quelques jours de chaque formule.",
    ),
    (
        "de",
        "Sie haben am 3. Mai vom Tarif Start in den Tarif Profi gewechselt, daher stehen beide"
        " Beträge auf der Rechnung.",
    ),
    (
        "pt",
        "Você mudou do plano Básico para o plano Família no dia 9, por isso a fatura mostra os"
        " dois valores.",
    ),
    ("es", "Usted pasó del plan Básico al plan Plus el día 10; por eso ve dos cargos este mes."),
    # A price change the customer's own plan had.
    ("en", "Your plan had its annual adjustment in March: £12 a month on the Unlimited Max plan."),
    (
        "en",
        "Your subscription went up on 1 May, as the renewal notice said: £8.99 a month on the"
        " Premium Family plan.",
    ),
    (
        "de",
        "Ihr Vertrag hatte zum 1. Juli die jährliche Preisanpassung: 24 € im Monat im Tarif"
        " Komfort Plus.",
    ),
    (
        "pt",
        "A sua assinatura teve o reajuste anual em maio: agora são R$ 39,90 por mês no plano"
        " Família Plus.",
    ),
    # The customer's own plan named before its word for plan, and what it costs.
    (
        "fr",
        "Votre plan Équipe actuel comprend 10 sièges et 100 Go de stockage ; il est facturé"
        " 60 € par mois.",
    ),
    (
        "de",
        "Ihr Plan Team Plus umfasst zehn Nutzer und 100 GB, abgerechnet mit 60 € im Monat.",
    ),
    # A discount of theirs that ended, and the charge from then on.
    (
        "en",
        "The welcome discount on your Plus plan ended in May, so from June you pay the regular"
        " price of £20 a month.",
    ),
    (
        "es",
        "El descuento de bienvenida de su tarifa Maxi terminó en abril; a partir de mayo paga"
        " 30 € al mes.",
    ),
    (
        "fr",
        "La remise de bienvenue sur votre abonnement Plus a pris fin en mars, vous payez"
        " désormais le plein tarif de 18 €.",
    ),
    (
        "de",
        "Der Neukundenrabatt ist im Juni ausgelaufen; ab Juli zahlen Sie den regulären Preis"
        " von 35 € im Monat für Premium.",
    ),
    (
        "fr",
        "L'offre de bienvenue sur votre forfait est terminée ; vous payez désormais 25 € par mois.",
    ),
    ("de", "Ihr Aktionsrabatt ist im April ausgelaufen, jetzt zahlen Sie 25 € im Monat."),
    (
        "pt",
        "O desconto de boas-vindas do seu plano Premium terminou; a partir de junho o plano é"
        " cobrado pelo valor cheio de R$ 89,90.",
    ),
]


# A renewal of what the customer has, a charge for what they added, a product no longer sold.
OWN += [
    ("en", "Your Plus membership was renewed on 4 May for £79, the same price as last year."),
    ("en", "The charge of £12 is the Team bundle you added on 2 May, billed for the first time."),
    ("es", "Su suscripción Oro se renovó el 4 de mayo por 79 €, como el año pasado."),
    ("fr", "Les 12 € correspondent à l'option Cloud que vous avez ajoutée le 2 mai."),
    ("de", "Die 12 € sind die Zusatzoption Cloud, die Sie am 2. Mai gebucht haben."),
    ("pt", "Os R$ 12 são do pacote Cloud que você contratou no dia 2 de maio."),
    ("en", "Our Premium tier is currently unavailable in your region, sorry about that."),
    ("de", "Den Tarif Basic, den Sie erwähnen, bieten wir leider nicht mehr an."),
]


@pytest.mark.parametrize(("lang", "reply"), OWN)
def test_what_already_happened_to_the_customers_own_plan_is_no_pitch(lang: str, reply: str) -> None:
    assert not is_upsell(reply, language=lang)
    assert not agent_signals(reply, locale=lang).upsell


PITCHES = [
    (
        "en",
        "You moved to the Team plan last week. If you switched to annual billing you'd save two"
        " months.",
    ),
    (
        "es",
        "Se cambió a la tarifa Maxi el día 8. Si se pasa a la facturación anual, se ahorra dos"
        " meses.",
    ),
    (
        "fr",
        "Votre remise a pris fin en mars, mais avec l'offre Annuelle vous économiseriez 20 %.",
    ),
    (
        "de",
        "Sie haben zum Tarif Profi gewechselt. Mit der Jahreszahlung würden Sie zwei"
        " Monatsbeiträge sparen.",
    ),
    (
        "pt",
        "O desconto terminou em março, mas com o plano Anual você pagaria 15% menos por mês.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), PITCHES)
def test_a_pitch_beside_a_change_already_made_is_still_read(lang: str, reply: str) -> None:
    assert is_upsell(reply, language=lang)
    assert agent_signals(reply, locale=lang).upsell
