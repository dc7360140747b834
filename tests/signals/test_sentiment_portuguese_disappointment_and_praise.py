"""European Portuguese disappointment, bother, negated helpfulness and patience running out
read negative; "impressionante" reads positive."""

import pytest

from bot.signals import customer_signals


@pytest.mark.parametrize(
    "text",
    [
        "O quarto não era o das fotografias. Fiquei muito desiludida.",
        "Enviaram a cor errada. Que chatice, era para o aniversário dela.",
        "A senhora da loja não foi nada prestável.",
        "Não posso dizer que o apoio tenha sido de grande ajuda.",
        "Já liguei quatro vezes e estou a perder a paciência convosco.",
    ],
)
def test_negative(text: str) -> None:
    assert customer_signals(text, locale="pt").sentiment.label == "negative"


def test_losing_patience_is_frustration() -> None:
    assert customer_signals("Estou a perder a paciência convosco.", locale="pt").frustration


def test_impressive_is_praise() -> None:
    signals = customer_signals("Responderam em dez minutos. Impressionante!", locale="pt")
    assert signals.sentiment.label == "positive"
