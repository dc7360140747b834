"""One order confirmed and another, with its own number, still open: neither yes nor no.
A count, an amount or a year is no reference number."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "Order 5512 arrived fine, but I'm still waiting on 5519.",
        "The refund for invoice 20931 came through, thanks. Invoice 20977 is still unpaid though.",
        "Danke, Bestellung 4411 ist angekommen. 4419 noch nicht.",
        "Le colis 88120 est bien arrivé, merci. Le 88127 n'est toujours pas là.",
    ],
)
def test_another_order_still_open_is_neither_yes_nor_no(text: str) -> None:
    assert resolution_reply(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "The export runs now but it still stops after 1500 rows.",
        "The refund arrived, but only 45 € of the 120 €, the rest is still missing.",
        "Some photos came back, but the whole 2021 album is still missing.",
    ],
)
def test_a_count_an_amount_or_a_year_is_no_other_order(text: str) -> None:
    assert resolution_reply(text) == "deny"
