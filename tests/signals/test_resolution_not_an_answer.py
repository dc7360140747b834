"""Denials that are not answers about the fix: a person or a bot doing something over and
over is how the customer was treated, and one matter confirmed with a different one still
open is neither a yes nor a no. A part of the same fix still failing stays a denial."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "The agent kept transferring me between departments for an hour.",
        "The virtual assistant keeps pointing me to the same FAQ, can someone help?",
        "She kept cutting me off before I could explain the issue.",
    ],
)
def test_a_person_or_bot_repeating_itself_is_not_a_denial(text: str) -> None:
    assert resolution_reply(text) != "deny"


@pytest.mark.parametrize(
    "text",
    [
        "The router keeps dropping the connection every evening.",
        "It just kept freezing after the update.",
    ],
)
def test_the_fault_repeating_itself_still_denies(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, the voucher arrived today. But I was asking about the other booking, which "
        "still shows as pending.",
        "Gracias, el abono ya ha llegado. Pero os escribía por el otro pedido, que sigue sin "
        "enviarse.",
        "Merci, le remboursement est arrivé sur mon compte. Par contre pour ma deuxième "
        "commande, toujours rien.",
        "Danke, die Gutschrift ist angekommen. Die andere Bestellung ist aber immer noch nicht "
        "verschickt.",
        "Obrigado, o reembolso já caiu. Mas eu estava perguntando do outro pedido, que ainda "
        "não saiu.",
    ],
)
def test_one_matter_confirmed_and_another_still_open_is_neither(text: str) -> None:
    assert resolution_reply(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "The emails sync again, but the calendar still doesn't load.",
        "La carte passe à nouveau, mais les retraits sont toujours refusés.",
        "Die Gutschrift ist angekommen, aber nur die Hälfte des Betrags.",
        "The refund has landed, but only for half of what I paid.",
        "Ya ha llegado el reembolso, pero solo la mitad.",
    ],
)
def test_part_of_the_same_fix_still_failing_denies(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "You refunded only one of the two fees.",
        "Habéis devuelto solo una de las cuotas.",
        "Vous avez remboursé seulement un des deux prélèvements.",
        "Es wurde nur eine der beiden Abbuchungen erstattet.",
        "Estornaram só uma das duas cobranças.",
    ],
)
def test_only_one_of_several_put_right_denies(text: str) -> None:
    assert resolution_reply(text) == "deny"


def test_a_grudge_about_the_time_taken_is_no_partial_fix() -> None:
    assert resolution_reply("It works now, but it only took you three weeks.") != "deny"
