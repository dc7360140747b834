"""A bare "ok, thanks" says only that a message was understood, and "ya está bien" closing a
complaint is "that's enough": neither confirms. A carer come hours late is a new matter.
More ways a fix is said in five languages, and a check still to come on one's own bill."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "Ok, thanks.",
        "ok merci",
        "Vale, gracias.",
        "Alles klar, danke!",
        "Certo, obrigado.",
        "Tres semanas sin teléfono y nadie me llama. Ya está bien.",
        "Der Handwerker kam erst um 14 Uhr statt um 9.",
        "A fatura do meu pai já veio corrigida. A minha só vou poder conferir amanhã.",
    ],
)
def test_not_confirmed(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Perfect, thanks!",
        "Passt, danke!",
        "Ya está bien, gracias.",
        "The booking form submits now.",
        "My balance now matches the statement.",
        "Ya entro en la aplicación sin problema.",
        "El módem ya da señal otra vez.",
        "Todo arreglado, gracias.",
        "La facture est corrigée, merci.",
        "J'ai pu me reconnecter ce matin.",
        "Komm wieder rein, danke!",
        "Die Beträge werden jetzt korrekt angezeigt.",
        "Der Kurs ist jetzt in meinem Dashboard.",
        "O pedido foi finalmente aprovado.",
        "A conta veio corrigida este mês.",
        "O aviso de erro sumiu.",
    ],
)
def test_confirmed(text: str) -> None:
    assert resolution_reply(text) == "confirm"
