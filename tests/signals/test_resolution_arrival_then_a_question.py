"""After an arrival alone, a question asks about what came, unless it is marked as another
matter; after a fix stated outright, a question about something else in its own sentence
still leaves the fix confirmed."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "The new statement arrived this morning. Why is there a late fee on it?",
        "Das Paket ist heute angekommen. Warum fehlt die Rechnung darin?",
        "A fatura nova chegou hoje. Podem explicar a taxa de 3 euros?",
    ],
)
def test_an_arrival_then_a_question_about_what_came_is_open(text: str) -> None:
    assert resolution_reply(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "The refund arrived this morning. Separately, how do I update my address?",
        "El reembolso llegó ayer. Por otro lado, ¿cómo cambio mi dirección?",
        "Das Geld ist heute angekommen. Eine Frage noch: Wie ändere ich meine Adresse?",
        "It works now, thanks. How do I change my delivery address?",
    ],
)
def test_a_question_marked_as_another_matter_leaves_the_fix(text: str) -> None:
    assert resolution_reply(text) == "confirm"
