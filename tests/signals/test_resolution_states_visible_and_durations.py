"""A fix stated as a state now visible, correct, back or in the account confirms; a length
of time ("almost three weeks"), someone keeping at it "until it was sorted" and a grumbling
"mas pronto" do not doubt it. With the near misses that must stay unconfirmed."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "The postcode on my statement is correct now.",
        "Both names on the booking are now right, thanks.",
        "wifi's back since this morning",
        "The broadband is finally back, cheers.",
        "Por fin aparece la devolución en mi cuenta.",
        "Ya salen bien los datos en el certificado.",
        "La lettre de résiliation est bien arrivée chez moi, merci.",
        "Le remboursement de la franchise est arrivé hier.",
        "Die Gutschrift ist heute bei uns eingetroffen.",
        "Der Rabatt ist jetzt auf der Rechnung sichtbar.",
        "Die doppelte Gebühr wurde erstattet, danke.",
        "A app voltou a carregar as minhas faturas.",
        "Finalmente entrei na conta, obrigada!",
        "beleza, já deu",
        # A length of time, or someone keeping at it, is no doubt about the fix.
        "It works again. Almost three weeks for a new modem!",
        "Ya funciona, casi un mes para cambiar un router.",
        "Ça remarche, presque deux semaines pour un simple réglage.",
        "Es geht wieder, fast zwei Monate hat das gedauert.",
        "Já funciona, quase um mês para isto.",
        "Sorted now, thanks to Dana who stayed on the line until it was fixed.",
        "Tout fonctionne, merci à Paul qui a insisté jusqu'à ce que tout soit réglé.",
        "Já aparece o pagamento. Demorou, mas pronto.",
    ],
)
def test_confirmed(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Is the postcode on my statement correct now?",
        "The error's back since this morning.",
        "The wifi is back to dropping every hour.",
        "Todavía no aparece la devolución en mi cuenta.",
        "La lettre n'est toujours pas arrivée.",
        "Die Gutschrift ist noch nicht eingetroffen.",
        "Der Rabatt ist jetzt nicht mehr sichtbar.",
        "A app voltou a dar erro.",
        "Não consegui entrar na conta.",
        "It works, almost.",
        "Ya funciona casi siempre.",
        "It works until the laptop goes to sleep.",
    ],
)
def test_near_misses_do_not_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"
