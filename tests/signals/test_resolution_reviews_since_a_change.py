"""Praise of a plan or product since the customer's own change, or as handier than another
way, is a review, not a fix confirmed; a fix named beside it still confirms."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "Since the switch to fibre the streaming has been smooth all week.",
        "The self-service kiosk worked well, far quicker than the counter.",
        "Desde el cambio de tarifa la fibra funciona de maravilla, ni un corte.",
        "La firma digital funciona bien, mucho más cómoda que ir a la oficina.",
        "Depuis qu'on a la box Plus, le wifi marche nickel dans toute la maison.",
        "Le paiement sans contact marche très bien, plus pratique que les espèces.",
        "Seit dem Tarifwechsel läuft das Internet super stabil, keine Aussetzer mehr.",
        "Das Online-Formular funktioniert gut, viel bequemer als das Faxgerät.",
        "Desde que mudamos para o plano Plus a internet funciona perfeitamente.",
        "O check-in online funcionou muito bem, bem mais prático que o balcão.",
    ],
)
def test_a_review_since_the_customers_own_change_is_no_confirmation(text: str) -> None:
    assert resolution_reply(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Since your fix this morning it works again, thanks.",
        "Desde que cambiasteis el router ya funciona otra vez.",
        "Seit dem Wechsel des Routers geht es wieder, danke.",
    ],
)
def test_a_fix_named_beside_the_change_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "A bit of feedback: the new checkout page in the app is great, works like a dream.",
        "Os dejo mi opinión: la web nueva funciona de maravilla.",
        "Petit retour : le nouveau portail client marche à merveille.",
        "Kleines Feedback: Die neue Version der Banking-App läuft super.",
        "Deixo aqui a minha opinião: a app nova funciona que é uma maravilha.",
        "First time ordering from you and everything arrived today in perfect shape.",
        "Es la primera vez que compro aquí y todo ha llegado perfecto.",
    ],
)
def test_feedback_new_things_praised_and_first_orders_are_reviews(text: str) -> None:
    assert resolution_reply(text) == "none"
