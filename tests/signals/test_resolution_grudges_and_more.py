"""A confirmation is not doubted by words that only look like doubt: Portuguese "mais" and
Spanish "más" (more) are no contrast, "at the till" is no "until", a failure negated ("it
didn't drop once") is the fix holding, and a grudge about the effort it cost or the service
is not about the fault."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "Ya me llegó el certificado, que era lo que más me urgía. Gracias.",
        "Ya funciona, me quedo mucho más tranquilo. ¡Gracias!",
        "O boleto novo já apareceu, eu nem esperava mais por isso. Obrigada!",
        "Agora o limite aparece certo. Levou bem mais tempo do que devia, mas ok.",
    ],
)
def test_more_is_no_contrast(text: str) -> None:
    assert resolution_reply(text) == "confirm"


def test_at_the_till_is_no_until() -> None:
    assert resolution_reply("The card works now, paid at the till with no trouble.") == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The wifi is back and it didn't drop once overnight. Thanks!",
        "It's working now. Would have been nice if it hadn't taken so long.",
    ],
)
def test_a_failure_negated_or_a_wish_about_the_past_is_no_undoing(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It works now. But honestly, I had to call five times to get here.",
        "Ya funciona, aunque han hecho falta cuatro llamadas.",
        "Ça marche, mais il a fallu trois appels.",
        "Läuft jetzt, aber ich musste fünfmal anrufen.",
        "Considerem resolvido, mas isso não é atendimento que se preste.",
    ],
)
def test_a_grudge_about_the_effort_or_the_service_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It works now, but the sound still cuts out.",
        "Ça marche mais pas sur la tablette.",
        "It didn't work, the page is blank.",
    ],
)
def test_a_real_contrast_or_negation_still_holds(text: str) -> None:
    assert resolution_reply(text) != "confirm"
