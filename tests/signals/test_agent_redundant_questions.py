"""Redundant questions in five languages: asking to try a step already done, whether a
setting the customer says is on is on, where they are, their address or appointment; and
questions that ask for something new."""

import pytest

from bot.signals.context import kinds_in, redundant_question


@pytest.mark.parametrize(
    ("reply", "customer", "history"),
    [
        ("Pouvez-vous redémarrer la box ?", "La box ne marche plus malgré le redémarrage.", []),
        (
            "Haben Sie schon versucht, die App neu zu installieren?",
            "Ich habe die App schon neu installiert, trotzdem Absturz.",
            [],
        ),
        ("Já experimentou reiniciar o router?", "Já reiniciei o router duas vezes.", []),
        ("Você já atualizou o app para a versão 3.1?", "Atualizei o app e continua travando.", []),
        (
            "Please make sure Bluetooth is enabled and restart the speaker.",
            "Bluetooth is on and I restarted the speaker twice.",
            [],
        ),
        (
            "¿Tiene activado el bluetooth del móvil?",
            "Tengo el bluetooth activado y no conecta.",
            [],
        ),
        ("In welchem Land befinden Sie sich gerade?", "Kein Netz.", ["Ich bin in Kanada."]),
        ("Could you tell us the address of the flat?", "No deposit.", ["Left 14 Elm Street."]),
        ("¿Podría indicarnos el número de la cita?", "No había cita.", ["Cita AB-5521, lunes."]),
        ("Avez-vous déjà essayé de vider le cache ?", "J'ai vidé le cache, rien.", []),
        ("Können Sie den Router bitte neu starten?", "Router dreimal neu gestartet.", []),
        ("What's the serial number on the unit?", "Serial is SN-448120, it won't start.", []),
        ("Could you try logging out and back in?", "Logged out and back in, no change.", []),
        ("Você já tentou desligar e ligar?", "Já desliguei e liguei o aparelho.", []),
    ],
)
def test_asking_for_what_the_customer_already_did_or_gave_is_redundant(reply, customer, history):
    assert redundant_question(reply, customer, history)


@pytest.mark.parametrize(
    ("reply", "customer"),
    [
        ("Pouvez-vous redémarrer la box ?", "La box ne marche plus depuis lundi."),
        ("Could you restart the router and tell me if the light turns green?", "Internet down."),
        ("In welchem Land befinden Sie sich gerade?", "Kein Netz, ich bin in Eile!"),
        ("Which country are you in right now?", "I'm in a hurry, nothing works."),
        ("Is your Wi-Fi turned on?", "My card is activated but payments fail."),
        ("Could you send a photo of the box?", "My order 55123 arrived damaged."),
        ("Could you log in and send a screenshot of the invoice?", "I tried everything."),
    ],
)
def test_asking_for_something_new_is_not_redundant(reply, customer):
    assert not redundant_question(reply, customer, [])


def test_a_version_number_does_not_end_the_question():
    # "5.2" used to end the sentence before its question mark, hiding the question.
    assert redundant_question("Você já atualizou para a versão 5.2?", "Já atualizei.", [])


def test_no_given_kind_spans_two_messages():
    assert "location" not in kinds_in("I'm in\nLisbon")
