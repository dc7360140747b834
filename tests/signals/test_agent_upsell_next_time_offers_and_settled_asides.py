"""Upsell: an offer put for the customer's next trips or orders ("for your next trips, the X
subscription gives ...") is a pitch in five languages. An aside that reports money given back
("by the way, the Premium charge was refunded"), a change the agent made at the customer's
request with what they now pay ("nous vous avons passé à la formule X : vous paierez ..."),
and something the customer bought ("le Pass que tu as acheté") are no pitch. Every sentence
was written for these tests."""

from __future__ import annotations

import pytest

from bot.signals.message import agent_signals
from bot.signals.upsell import is_upsell

PITCHES = [
    (
        "en",
        "Your bags are on the next flight. For future trips, the Plus membership covers a second"
        " checked bag.",
    ),
    (
        "es",
        "Su maleta llega mañana. Para sus próximos viajes, el bono Frecuente le da acceso a la"
        " sala VIP.",
    ),
    (
        "fr",
        "Votre colis est reparti. Pour vos prochaines commandes, l'abonnement Express vous"
        " livre le lendemain.",
    ),
    (
        "de",
        "Ihr Koffer kommt morgen. Für Ihre nächsten Reisen deckt das Premium-Paket ein zweites"
        " Gepäckstück ab.",
    ),
    (
        "pt",
        "Seu pedido chega amanhã. Para as próximas compras, a assinatura Prime dá frete grátis"
        " em todos os pedidos.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), PITCHES)
def test_an_offer_for_the_next_trips_or_orders_is_a_pitch(lang: str, reply: str) -> None:
    assert is_upsell(reply, language=lang)
    assert agent_signals(reply, locale=lang).upsell


NOT_PITCHES = [
    # Money given back, in an aside.
    ("en", "By the way, the Premium charge you asked about has been refunded in full."),
    ("es", "Por cierto, el cargo del plan Plus ya se le ha devuelto en la tarjeta."),
    ("fr", "Au fait, les frais de l'option Sport vous ont été remboursés hier."),
    ("de", "Übrigens wurde die Gebühr für das Premium-Abo vollständig erstattet."),
    ("pt", "Aliás, a cobrança do plano Premium já foi estornada no seu cartão."),
    # A change the agent made at the customer's request, and what they pay from then on.
    (
        "fr",
        "Comme demandé, nous vous avons passé à la formule Essentiel : vous paierez 9 € par mois.",
    ),
    (
        "de",
        "Wie gewünscht haben wir Sie in den Tarif Basis umgestellt; ab Juni zahlen Sie 10 € im"
        " Monat.",
    ),
    ("es", "Como pidió, le hemos pasado a la tarifa Básica; desde junio pagará 15 € al mes."),
    (
        "pt",
        "Como pedido, passamos você para o plano Básico; a partir de junho você paga R$ 39,90.",
    ),
    # Something the customer bought.
    ("fr", "Le Pass Premium que tu as acheté débloque les tenues au niveau 10."),
    ("en", "The Premium Pass you bought unlocks the outfits at level 10."),
    # "For your next orders" with no offer.
    ("en", "For future orders, please use the new address in your account settings."),
    ("de", "Für Ihre nächsten Bestellungen nutzen Sie bitte die neue Lieferadresse."),
]


@pytest.mark.parametrize(("lang", "reply"), NOT_PITCHES)
def test_money_given_back_a_change_made_or_something_bought_is_no_pitch(
    lang: str, reply: str
) -> None:
    assert not is_upsell(reply, language=lang)
    assert not agent_signals(reply, locale=lang).upsell
