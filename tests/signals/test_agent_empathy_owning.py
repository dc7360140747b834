"""Owning a mistake in one's own words is authentic empathy in five languages; an error
message, a condition or boilerplate is not."""

import pytest

from bot.settings import Settings
from bot.signals.cues import Cue
from bot.signals.empathy import empathy

SCRIPTS = Settings().script_phrases


@pytest.mark.parametrize(
    "reply",
    [
        "That was our error: we charged you twice, and I have refunded the second payment.",
        "We made a mistake with your invoice and I've corrected it.",
        "The mistake was ours: we billed the wrong plan. I've refunded the difference.",
        "Apologies, that's down to us: the courier got the wrong code. I've sent a new one.",
        "We didn't keep our promise of a call back on Tuesday; I'm calling you at 3pm today.",
        "Nos equivocamos al aplicar la tarifa; ya he corregido la factura.",
        "La culpa es nuestra: enviamos el pedido a la dirección antigua. Hoy sale el nuevo.",
        "C'est une erreur de notre part : nous vous avons débité deux fois, j'ai remboursé.",
        "Nous nous sommes trompés d'adresse ; j'ai renvoyé le colis aujourd'hui.",
        "Das war ein Fehler von uns: Ich habe die zweite Zahlung erstattet.",
        "Da ist uns ein Fehler unterlaufen; ich habe die Rechnung korrigiert.",
        "Wir haben uns bei der Adresse vertan, das Paket ist heute neu verschickt.",
        "Foi um erro nosso: cobramos duas vezes e já estornei o segundo pagamento.",
        "O erro foi da nossa parte, já corrigi a fatura.",
        "The fault was a bad batch on our end; a new unit ships today.",
        "Da haben wir Mist gebaut: Die Lieferung ging an die falsche Filiale.",
        "Drei Mahnungen ohne Antwort, das hätte nicht passieren dürfen. Ich habe storniert.",
        "Isso não deveria ter acontecido; já reenviei a encomenda.",
    ],
)
def test_owning_the_mistake_and_fixing_it_is_authentic(reply):
    assert empathy(reply, SCRIPTS) == "authentic"


@pytest.mark.parametrize(
    "reply",
    [
        "Please check the error message and send me a screenshot.",
        "There was an error in the payment gateway; please try again.",
        "If we made a mistake, we will refund you.",
        "Se ha producido un error. Por favor, inténtelo de nuevo.",
        "Une erreur s'est produite, veuillez réessayer.",
        "Es ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.",
        "Ocorreu um erro, tente novamente.",
    ],
)
def test_an_error_reported_or_supposed_owns_nothing(reply):
    assert empathy(reply, SCRIPTS) == "none"


def test_german_boilerplate_with_a_comma_is_scripted():
    assert empathy("Wir bitten, die Unannehmlichkeiten zu entschuldigen.", SCRIPTS) == "scripted"


def test_explain_names_owning_the_mistake():
    cues: list[Cue] = []
    empathy("The mistake was ours: I've refunded it.", SCRIPTS, cues)
    assert [cue.rule for cue in cues] == ["owns the mistake in its own words"]
