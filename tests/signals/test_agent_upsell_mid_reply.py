"""Upsell placed mid-reply, after an apology or a fix, in five languages; and what is not a
pitch: the customer's own plan, a refund, goodwill already given, a change they asked for."""

import pytest

from bot.signals.cues import Cue
from bot.signals.upsell import is_upsell


@pytest.mark.parametrize(
    "reply",
    [
        "Sorry about the outage yesterday. By the way, the annual plan works out cheaper.",
        "I'm sorry for the delay. Also, with our priority support add-on you skip the queue.",
        "Apologies for the double charge. Switching to yearly billing would save you two months.",
        "The refund is on its way. While I have you, our Pro plan includes phone support.",
        "Sorry for the trouble. Have you thought about adding Priority Shipping next time?",
        "Glad it works. The Advanced Analytics Path bundle is 25% off this month.",
        "If your team is growing, the Team plan adds shared folders for €4 per seat.",
        "Por cierto, si te pasas a la fibra de 1 Gb, los primeros meses salen a mitad de precio.",
        "Lo siento mucho por el retraso. Por cierto, con el plan anual pagarías menos.",
        "Disculpe el error. Además, podría añadir el seguro de pantalla a su pedido.",
        "Désolé pour ce retard. Au fait, l'abonnement annuel vous reviendrait moins cher.",
        "C'est corrigé. Au fait, la formule supérieure inclut le support prioritaire.",
        "Entschuldigen Sie die Verzögerung. Übrigens: Mit dem Jahresabo zahlen Sie weniger.",
        "Das ist behoben. Übrigens wäre der größere Tarif für Sie günstiger.",
        "Desculpe o atraso. Aliás, o plano anual sai mais barato para você.",
        "O envio custa 6 €. Se juntar mais 10 € fica grátis, e os brinquedos estão em promoção"
        " esta semana!",
    ],
)
def test_a_pitch_after_an_apology_or_an_aside_is_upsell(reply):
    assert is_upsell(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Your annual plan renews on 4 June at the same price.",
        "I've refunded the €12 to your card; it shows in 3-5 days.",
        "Sorry for the delay. By the way, your order left the warehouse this morning.",
        "Also, the refund of 20 € was issued today.",
        "I've moved you to the basic plan as you asked and refunded the difference.",
        "Sorry for the outage; I've applied a 20% discount to this month's bill.",
        "Your refund will arrive this week.",
        "Por cierto, su tarifa actual incluye roaming en la UE.",
        "Lo siento mucho; le he aplicado un descuento del 20 % este mes.",
        "Au fait, votre abonnement annuel se renouvelle le 3 mai.",
        "Désolé ; je vous ai accordé une remise de 10 % ce mois-ci.",
        "Übrigens: Ihr Jahresabo verlängert sich am 1. Mai.",
        "Entschuldigung; wir haben Ihnen 10 % Rabatt für diesen Monat gutgeschrieben.",
        "Aliás, o reembolso já foi feito.",
        "Desculpe; apliquei um desconto de 20% este mês.",
        "Also, the Premium plan you are on includes phone support.",
        "I have also added a note to your account about the Pro plan.",
        "Por cierto, el plan Pro que tiene ya incluye soporte telefónico.",
        "Au fait, l'offre Pro que vous avez inclut le support.",
        "Übrigens: Der Pro-Tarif, den Sie haben, enthält den Support.",
        "Aliás, o plano Pro que você tem já inclui suporte.",
    ],
)
def test_the_customers_own_plan_a_refund_or_goodwill_is_not_a_pitch(reply):
    assert not is_upsell(reply)


def test_explain_names_the_aside_and_the_offer():
    cues: list[Cue] = []
    is_upsell("Done. By the way, our Business tier has unlimited seats.", cues)
    assert cues and "business tier" in cues[0].evidence
