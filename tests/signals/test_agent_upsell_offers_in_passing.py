"""Upsell: offers made in passing, in five languages. Something the customer "can still add"
with its price; a saving from grouping lines ("you could lower your bill"); others who add it
("many customers add ..."); a growing team and a proposal the agent can send; a bigger tier
named as the way to avoid the problem again, with a switch the agent will prepare; an offer
asked as a question and priced in the next sentence; a free period with "free" first; an
aside that brings news ("for your information", "pour info", "por falar nisso"). The same
cues with no offer (a call "if that works for you", an app update "to avoid this happening
again", "many customers reported") are no pitch. Every sentence was written for these
tests."""

from __future__ import annotations

import pytest

from bot.signals.message import agent_signals
from bot.signals.upsell import is_upsell

PITCHES = [
    # Something the customer can still add, with its price.
    (
        "en",
        "Your parcel left the depot this morning. If you'd like, you can still add next-day"
        " insurance for £1.50.",
    ),
    ("es", "Su pedido sale hoy. Si lo prefiere, aún puede añadir el embalaje regalo por 1,50 €."),
    (
        "fr",
        "Votre colis part demain. Si vous le souhaitez, vous pouvez encore ajouter l'emballage"
        " cadeau pour 2 €.",
    ),
    (
        "de",
        "Ihr Paket geht heute raus. Sie können übrigens noch eine Geschenkverpackung für 2 €"
        " dazubuchen.",
    ),
    (
        "pt",
        "Seu pedido sai hoje e chega na sexta. Se quiser, ainda pode incluir a embalagem de"
        " presente por R$ 5.",
    ),
    # A saving from grouping what the customer has into an offer.
    (
        "en",
        "Thanks for waiting. By moving both lines onto our Household deal you could lower your"
        " monthly bill.",
    ),
    (
        "es",
        "Por cierto, uniendo la fibra y el móvil en nuestra oferta Hogar podrías bajar tu"
        " factura mensual.",
    ),
    (
        "fr",
        "En passant, en réunissant vos deux lignes dans notre forfait Duo, vous pourriez"
        " baisser votre facture.",
    ),
    (
        "pt",
        "Juntando a internet e o celular no nosso combo Família, você poderia reduzir a sua"
        " fatura.",
    ),
    # Others who add it, and what would then be covered.
    (
        "en",
        "Sorry about that. A lot of our customers add Screen Cover: for £4 a month the phone"
        " would be protected against drops.",
    ),
    (
        "es",
        "Muchos clientes añaden la Protección Pantalla: por 3 € al mes el móvil quedaría"
        " cubierto ante caídas.",
    ),
    (
        "fr",
        "Beaucoup de clients ajoutent l'option Casse : pour 3 € par mois, votre téléphone"
        " serait couvert.",
    ),
    (
        "de",
        "Viele Kunden buchen den Geräteschutz dazu – für 4 € im Monat wäre Ihr Handy auch gegen"
        " Sturz abgesichert.",
    ),
    (
        "pt",
        "Muitos dos nossos clientes adicionam a Proteção de Tela: por R$ 9 por mês, o seu"
        " aparelho ficaria coberto contra quedas e você não paga nada pelo conserto.",
    ),
    # A team that grows, and a proposal the agent can send.
    (
        "es",
        "Si tu equipo sigue creciendo, el plan Empresa permite usuarios ilimitados por una"
        " cuota fija; te preparo la propuesta.",
    ),
    (
        "de",
        "Wenn Ihr Team wächst, bietet der Business-Tarif unbegrenzte Nutzer zum Festpreis; ich"
        " kann Ihnen gern ein Angebot schicken.",
    ),
    # A bigger tier as the way to avoid the problem again, after an apology.
    (
        "en",
        "I'm sorry the export failed again, that's on us. To stop this happening again, the"
        " Business tier has priority processing for £20 more a month; if that makes sense,"
        " I'll set up the switch.",
    ),
    (
        "pt",
        "Desculpe o atraso, erro nosso. Para não acontecer de novo, o plano Plus tem suporte"
        " prioritário por R$ 20 a mais por mês; se fizer sentido, já deixo a mudança pronta.",
    ),
    # Asked as a question, priced in the next sentence.
    ("en", "Got it, the seat is changed. Want extra legroom on the return too? It's £15 each way."),
    (
        "es",
        "Listo, la reserva está cambiada. ¿Le interesaría añadir el equipaje facturado? Son"
        " 25 € por trayecto.",
    ),
    # A free period with "free" first, brought in as news.
    (
        "fr",
        "Pour info, l'offre Sérénité est gratuite pendant un mois : assistance 24h/24 incluse.",
    ),
    (
        "fr",
        "Le remboursement est en cours. Petite info : avec l'abonnement Premium, la livraison"
        " est offerte, et le premier mois est gratuit.",
    ),
    (
        "en",
        "Just so you know, the Gold membership is free for the first 14 days and includes"
        " lounge access.",
    ),
    (
        "en",
        "I've reset your password. On another note, our annual plan works out at two months"
        " free compared with paying monthly.",
    ),
    # A tier named in passing, compared with what the customer pays now; an extra the agent
    # adds "if you want me to".
    (
        "en",
        "Your replacement card is on its way. While I have you, switching to our Premier"
        " account would get you free travel insurance and no fees abroad.",
    ),
    (
        "en",
        "All fixed. Quick one: our Family Share plan lets five people use the account for £4"
        " more than what you pay now.",
    ),
    (
        "fr",
        "Votre réservation est confirmée. L'assurance annulation est disponible pour 12 € ;"
        " dites-moi si vous voulez que je l'ajoute.",
    ),
    (
        "fr",
        "Votre carte est débloquée. Vous pourriez aussi être intéressé par notre carte Gold,"
        " sans frais à l'étranger.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), PITCHES)
def test_an_offer_made_in_passing_is_a_pitch(lang: str, reply: str) -> None:
    assert is_upsell(reply, language=lang)
    assert agent_signals(reply, locale=lang).upsell


@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        ("en", "If that works for you, I'll call you on Tuesday morning."),
        ("en", "To avoid this happening again, please update the app to the latest version."),
        ("en", "Many customers have reported the same outage; engineers are on site."),
        ("es", "Si te encaja, te llamo el martes por la mañana."),
        ("es", "Para que no vuelva a pasar, revisa que la aplicación esté actualizada."),
        ("fr", "Si cela vous convient, je vous rappelle jeudi."),
        ("fr", "Le technicien passera jeudi matin, sans frais pour vous."),
        ("de", "Wenn es für Sie passt, rufe ich Sie am Dienstag an."),
        ("de", "Damit das nicht wieder passiert, aktualisieren Sie bitte die App."),
        ("pt", "Se fizer sentido, te ligo amanhã às 10h."),
        ("pt", "Para não acontecer de novo, atualize o aplicativo."),
        (
            "en",
            "We've refunded the £4.99 delivery fee. Your Delivery Pass is active until the 30th.",
        ),
        (
            "de",
            "Wir haben Ihnen die 4,99 € Versandkosten erstattet. Ihr Abo bleibt bis zum 30. aktiv.",
        ),
    ],
)
def test_the_same_cues_without_an_offer_are_no_pitch(lang: str, reply: str) -> None:
    assert not is_upsell(reply, language=lang)
