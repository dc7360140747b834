from bot.signals import customer_signals
from bot.signals.repetition import EarlierMessage


def test_repeated_contact_anger_and_shouting_are_frustration():
    for text in (
        "This is the third time I'm writing about my refund.",
        "THIS IS UNACCEPTABLE, WHERE IS MY ORDER?",
        "Es la tercera vez que escribo. Quiero mi reembolso.",
        "Estoy harta, nadie me responde.",
    ):
        assert customer_signals(text).frustration, text


def test_calm_or_denied_anger_is_not_frustration():
    assert not customer_signals("Could you update my billing address?").frustration
    assert not customer_signals("I'm not angry, just a question about fees.").frustration
    assert not customer_signals("SO HAPPY with the new app!!!").frustration
    assert not customer_signals("¿Podéis cambiar la fecha de entrega?", locale="es").frustration


def test_many_earlier_contacts_on_other_channels_raise_the_weight():
    history = [
        EarlierMessage("My card is blocked, please unblock it", "phone"),
        EarlierMessage("Card blocked again, I need it unblocked", "chat"),
    ]
    signals = customer_signals(
        "My card is blocked, I need it unblocked today.", history=history, channel="email"
    )
    assert signals.frustration
    assert signals.restatements == 2


def test_resolution_confirm_deny_none_in_english_and_spanish():
    cases = {
        "yes it works now, thank you!": "confirm",
        "That did the trick 👍": "confirm",
        "thanks, but it still crashes": "deny",
        "Nope. Same error.": "deny",
        "Sí, ya funciona. ¡Gracias!": "confirm",
        "Sigue sin funcionar.": "deny",
        "Todavía no me llega el correo.": "deny",
        "How do I change my password?": "none",
        "¿Cómo cambio la contraseña?": "none",
        "": "none",
    }
    for text, expected in cases.items():
        assert customer_signals(text).resolution_reply == expected, text


def test_resolution_reads_the_reply_not_the_quoted_question():
    body = "Yes, all good now.\n\nOn Mon, Support wrote:\n> Is it still not working?"
    assert customer_signals(body).resolution_reply == "confirm"


def test_trust_words_count_unless_negated():
    assert customer_signals("You were so patient and really understood me.").trust_indicator
    assert customer_signals("She took care of everything and never pushy.").trust_indicator
    assert customer_signals("Fue muy paciente y me entendió a la primera.").trust_indicator
    assert customer_signals("Me atendieron sin presionarme.").trust_indicator
    assert not customer_signals("Not exactly helpful.").trust_indicator
    assert not customer_signals("No fue útil la respuesta.").trust_indicator
    assert not customer_signals("Thanks!").trust_indicator
    assert not customer_signals("").trust_indicator


def test_a_word_that_ends_in_no_does_not_negate_the_trust_word_after_it():
    # "tono" and "bueno" end in "no"; only the word "no" negates.
    patient_tone = customer_signals("Me explicó todo con un tono muy paciente.", locale="es")
    assert patient_tone.trust_indicator
    assert not customer_signals("No fue nada paciente conmigo.", locale="es").trust_indicator
    assert not customer_signals("He wasn't helpful at all.").trust_indicator
