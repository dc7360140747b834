"""Confirmations worded without a works/fixed word, faults that only moved, quoted fixes and
fixes that held only a while, with the near misses that must not read the same way."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        # The customer in, as the answer.
        "Estamos dentro, gracias.",
        "Endlich bin ich drin!",
        "Estou dentro, valeu.",
        "Je suis enfin connectée, merci.",
        # The money given back, in so many words.
        "The deposit's back, thank you.",
        "My refund is now showing in my bank, cheers.",
        "Ya me han devuelto el importe, gracias.",
        "El abono ya está en mi cuenta.",
        "O valor foi devolvido ontem, obrigado.",
        "Le dépôt a enfin été remboursé.",
        "Das Guthaben ist jetzt wieder freigegeben, danke.",
        # A bare "settled" as the answer.
        "Réglé !",
        # Done without trouble, in the first person.
        "J'ai retiré de l'argent hier sans aucun souci.",
        "Pude entrar en el portal sin ningún problema.",
        "Paguei a conta no multibanco sem problemas.",
        "Le courrier est bien arrivé, merci.",
        "Wir können die Rechnungen jetzt endlich herunterladen.",
    ],
)
def test_confirmed_without_a_fix_word(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Estamos dentro de la web pero no carga nada.",
        "Ich bin noch nicht drin.",
        "The deposit's back to pending again.",
        "Ya me han devuelto el pedido sin el cargador que faltaba, ¿qué hago?",
        "Rien n'est réglé.",
        "Réglé ?",
        "J'ai pas réussi, rien sans problème.",
        "No pude entrar sin problemas, me sigue fallando.",
        "Le courrier n'est pas arrivé.",
        "Wir können die Rechnungen noch nicht herunterladen.",
    ],
)
def test_near_misses_do_not_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It no longer freezes on login, but at the payment step.",
        "Ya no se bloquea al entrar, sino al pagar.",
        "Ça ne bloque plus à la connexion mais au paiement.",
        "Sie hängt jetzt nicht mehr beim Login, sondern beim Bezahlen.",
    ],
)
def test_fault_moved_elsewhere_is_denied(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "It no longer freezes on login, thanks a lot.",
        "Ya no se bloquea, gracias.",
        "Ça ne bloque plus, merci beaucoup.",
    ],
)
def test_no_longer_alone_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Merci pour votre « c'est résolu ». Chez moi rien n'a bougé.",
        "Danke für Ihr „erledigt“, die Rechnung ist trotzdem falsch.",
    ],
)
def test_quoted_fix_words_do_not_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It worked for about two hours, then the screen went black again.",
        "Hat einen Tag gehalten, dann kam die Meldung wieder.",
        "Funcionó unos minutos y luego se cortó otra vez.",
        "Ça a marché une heure, puis plus rien.",
        "Funcionou um dia e depois voltou a falhar.",
    ],
)
def test_worked_for_a_stretch_then_gave_out(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "Ça marche depuis un jour sans coupure, merci.",
        "Funciona desde hace un día sin cortes, gracias.",
    ],
)
def test_working_for_a_stretch_now_is_no_relapse(text: str) -> None:
    assert resolution_reply(text) != "deny"
