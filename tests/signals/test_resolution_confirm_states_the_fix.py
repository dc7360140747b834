"""A confirm must say that the problem the customer reported is gone, or that the thing now
works. Words that only look like it do not: a noun of working ("late for work again"), a fix
that held a day and broke, praise of a product with no fault put right, thanks for a favour,
a confirmation followed by a contrast naming what is still wrong, or shouting with no fix
stated. A plain fix with an unrelated question after it, or with a grudge about the time it
took, still confirms."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "Late for work again because of the bus.",
        "Off to work again after the holidays, nothing new.",
        "I have to work again this weekend.",
        "I need it to work again by Friday.",
        "Hoy la carga otra vez de madrugada.",
        "Merci pour la marche.",
        "J'ai besoin que ça marche avant lundi.",
        "A roda normal.",
    ],
)
def test_a_noun_or_a_need_of_working_is_no_fix(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, got it to work again!",
        "It works now, no need to call.",
        "La carga funciona otra vez.",
        "Ça marche, merci.",
    ],
)
def test_a_verb_of_working_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"
