"""More ways a fix is said (access had again, a payment gone through, a bill now right, no
more drop-outs), and what does not doubt it: a step taken as the agent said, checking
again, someone keeping at it until it made sense, a noun's "de mañana". What the company
received and "nothing arrived" confirm nothing."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "I can log back in now, thanks.",
        "The address on the policy's been corrected, thank you.",
        "Ya pueden entrar todos los alumnos a la plataforma.",
        "El casero ya ha recibido el depósito.",
        "Vale, ya veo el abono en la cuenta.",
        "Ma fille a de nouveau accès à son compte.",
        "Die Zahlung ist jetzt durch, danke.",
        "Endlich komme ich wieder in mein Konto rein!",
        "Seit heute früh keine einzige Störung mehr.",
        "A app já mostra o saldo certo.",
        "A fatura já vem com o valor correto.",
        "O pagamento da mensalidade passou finalmente.",
        "A ligação voltou e está estável.",
        "I logged out and back in as you suggested, and the warning has gone.",
        "Ich habe es gerade nochmal geprüft: die App startet wieder normal.",
        "It's fixed! Thank you for staying with me until it made sense.",
        "¡Ya me deja pagar! Justo a tiempo para el viaje de mañana.",
    ],
)
def test_confirmed(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Just checking you received my payment slip.",
        "Did you receive the photos I sent yesterday?",
        "Laut Tracking zugestellt, bei mir ist aber nichts angekommen.",
        "I can't log back in.",
        "A fatura já vem com o valor errado outra vez.",
        "O pagamento não passou.",
        "Ya no pueden entrar los alumnos.",
        "Lo pruebo mañana y os digo.",
    ],
)
def test_not_confirmed(text: str) -> None:
    assert resolution_reply(text) != "confirm"
