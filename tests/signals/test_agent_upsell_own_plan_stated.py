"""Upsell: a statement of what the customer already has ("you're on the X plan: ...", "your
tariff itself is still ...", "it renews on ... at £12 a month", compensation for an outage)
describes their plan or a charge, with its price and features in the same clause, and is no
pitch; a plan pointed back to ("that plan includes ...") is no new offer; "if you need more
time" is no benefit of a bigger plan. A contrast or a conditional after the statement can
still open a pitch. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from bot.signals.message import agent_signals
from bot.signals.upsell import is_upsell

STATED = [
    ("en", "You're on the Standard plan: 20GB of data, unlimited calls, £15 a month."),
    (
        "en",
        "Your current tariff is the Basic one, £10 a month with unlimited texts, and it renews"
        " on the 4th.",
    ),
    (
        "en",
        "Your plan itself is still £30 a month; the bill was higher because of the roaming pass"
        " you used in France.",
    ),
    ("en", "It renews every year on 1 March at £99, and nothing else is charged."),
    ("en", "The £10 credit is compensation for the outage and shows on this month's bill."),
    ("en", "Your team is on the Pro tier with unlimited projects, billed at £8 per user."),
    ("es", "Está en la tarifa Básica: 10 GB, llamadas ilimitadas y 12 € al mes."),
    ("es", "Su tarifa actual es la Fibra 300 por 30 € al mes, con llamadas ilimitadas."),
    ("es", "Los 10 € son una compensación por el corte del día 3, descontados este mes."),
    ("es", "Ese plan incluye 5 usuarios y soporte por correo; el cargo es de 20 € al mes."),
    ("fr", "Vous êtes sur le forfait Essentiel : 50 Go, appels illimités, 15 € par mois."),
    ("fr", "Votre abonnement est de 9,99 € par mois et se renouvelle le 3 de chaque mois."),
    ("fr", "Les 10 € sont un dédommagement pour la coupure du 12, déduits de ce mois-ci."),
    ("de", "Sie sind im Tarif Basis: 10 GB, Flatrate für Anrufe, 20 € im Monat."),
    ("de", "Ihr Vertrag verlängert sich am 1. Juni um zwölf Monate zu 25 € im Monat."),
    ("de", "Als Entschädigung für den Ausfall ziehen wir diesen Monat 10 € von der Rechnung ab."),
    ("pt", "Você está no plano Essencial: 20 GB, ligações ilimitadas, R$ 50 por mês."),
    ("pt", "A sua assinatura custa R$ 29,90 por mês e se renova todo dia 5, sem fidelidade."),
    ("pt", "Os R$ 10 são uma compensação pela queda do serviço, já descontados este mês."),
    # What the customer "has", read from the account.
    ("en", "I can see you have the Max plan with 100GB for £25 a month, so roaming is included."),
    ("es", "Según veo, tiene contratada la tarifa Fusión con dos líneas móviles, por 65 € al mes."),
    ("fr", "Je vois que vous avez l'offre Fibre Max à 39,99 € par mois, avec la TV incluse."),
    ("de", "Laut System haben Sie den Tarif Komfort mit 50 GB für 29,99 € im Monat."),
    (
        "pt",
        "Verifiquei aqui: você tem o plano Controle 15 GB por R$ 49,90 por mês, sem fidelidade.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), STATED)
def test_a_statement_of_the_customers_own_plan_and_its_price_is_no_pitch(
    lang: str, reply: str
) -> None:
    assert not is_upsell(reply, language=lang)
    assert not agent_signals(reply, locale=lang).upsell


@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        (
            "en",
            "If that works for you, I'll cancel the add-on today and refund the £4.99 you paid"
            " this month.",
        ),
        (
            "es",
            "Si quitamos la cobertura de viaje, que no usas, la cuota baja a 18 € al mes con el"
            " descuento que ya tienes.",
        ),
        (
            "fr",
            "Comme demandé, j'ai résilié l'option Sport : vous paierez 10 € de moins ce mois-ci.",
        ),
        (
            "de",
            "Wie gewünscht habe ich die Zusatzoption gekündigt; diesen Monat zahlen Sie 5 €"
            " weniger.",
        ),
        (
            "pt",
            "Como pediu, cancelei o pacote adicional; este mês a fatura fica R$ 20 mais barata.",
        ),
    ],
)
def test_something_taken_away_is_no_offer_of_it(lang: str, reply: str) -> None:
    assert not is_upsell(reply, language=lang)


@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        ("en", "Your membership is paused for two months; if you need more time, just tell us."),
        ("es", "Tu cuota queda congelada dos meses; si necesitas más tiempo, avísanos."),
        ("fr", "Votre abonnement est suspendu deux mois ; s'il vous faut plus de temps, dites-le."),
        ("de", "Ihr Abo ruht zwei Monate; wenn Sie mehr Zeit brauchen, melden Sie sich."),
        ("pt", "A sua assinatura fica pausada dois meses; se precisar de mais tempo, avise."),
    ],
)
def test_more_time_is_no_benefit_of_a_bigger_plan(lang: str, reply: str) -> None:
    assert not is_upsell(reply, language=lang)


@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        (
            "en",
            "You're on the Basic plan, but for just £5 more a month the Plus plan adds"
            " unlimited data.",
        ),
        (
            "en",
            "You're on the Basic plan, and the Plus plan would give you unlimited data for £5"
            " a month.",
        ),
        (
            "es",
            "Está en la tarifa Básica, pero por solo 5 € más al mes la tarifa Total le da datos"
            " ilimitados.",
        ),
        (
            "fr",
            "Vous êtes sur le forfait Essentiel, mais pour seulement 5 € de plus par mois le"
            " forfait Total vous donne la data illimitée.",
        ),
        (
            "de",
            "Sie sind im Tarif Basis, aber für nur 5 € mehr im Monat bekommen Sie mit dem Tarif"
            " Max unbegrenzte Daten.",
        ),
        (
            "pt",
            "Você está no plano Essencial, mas por apenas R$ 15 a mais por mês o plano Total"
            " libera dados ilimitados.",
        ),
    ],
)
def test_a_contrast_or_a_conditional_after_the_statement_still_opens_a_pitch(
    lang: str, reply: str
) -> None:
    assert is_upsell(reply, language=lang)
