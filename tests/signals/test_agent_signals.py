from bot.settings import Settings
from bot.signals import agent_signals
from bot.signals.repetition import EarlierMessage, restatements

SCRIPTS = Settings().script_phrases


def empathy(reply: str, customer: str = "My card is frozen and nobody answers!") -> str:
    return agent_signals(reply, customer_text=customer, script_phrases=SCRIPTS).empathy


def test_empathy_none_scripted_authentic_in_english():
    assert empathy("Go to Settings > Team and click Invite.") == "none"
    assert empathy("We apologize for any inconvenience. Please reset your password.") == "scripted"
    assert empathy("I understand your frustration. Please wait.") == "scripted"
    assert (
        empathy("Being stuck abroad with a frozen card is frightening; I've lifted the block.")
        == "authentic"
    )


def test_empathy_none_scripted_authentic_in_spanish():
    assert empathy("En Ajustes > Facturas puedes elegirlo.") == "none"
    assert empathy("Lamentamos las molestias. Restablezca su contraseña.") == "scripted"
    assert empathy("Qué rabia quedarte sin cena por un error nuestro. Te devuelvo el importe.") == (
        "authentic"
    )


def test_custom_script_phrase_is_scripted():
    reply = "Your satisfaction is our top priority. Please reinstall."
    assert agent_signals(
        reply, script_phrases=["your satisfaction is our top priority"]
    ).empathy == ("scripted")


def test_empathy_matched_the_weight_of_the_message():
    angry = "I'm furious, this is the third time!"
    scripted = agent_signals(
        "We apologize for the inconvenience.", customer_text=angry, script_phrases=SCRIPTS
    )
    authentic = agent_signals(
        "You've had to chase this three times, that shouldn't happen.",
        customer_text=angry,
        script_phrases=SCRIPTS,
    )
    calm = agent_signals("Here is the link.", customer_text="Where can I download my invoice?")
    assert scripted.empathy_matched is False
    assert authentic.empathy_matched is True
    assert calm.empathy_matched is True


def test_upsell_in_english_and_spanish():
    assert agent_signals("Did you know our Premium plan includes priority support?").upsell
    assert agent_signals("Want me to upgrade you to Business?").upsell
    assert agent_signals("¿Sabías que con Plus tienes envíos gratis?").upsell
    assert not agent_signals("The second seat is included in your plan.").upsell
    assert not agent_signals("Tu pedido llegará mañana.").upsell
    assert not agent_signals("").upsell


def test_redundant_question_asks_for_what_was_given():
    history = ["Order GS-20931, account email kai@example.com"]
    ask = agent_signals(
        "Can you send me your order number?", customer_text="Not unlocked.", history=history
    )
    assert ask.redundant_question
    es = agent_signals(
        "¿Nos puedes indicar el número de pedido?",
        customer_text="Me cobraron dos veces el pedido 77120.",
    )
    assert es.redundant_question
    tried = agent_signals(
        "Have you tried restarting your router?",
        customer_text="I restarted the router already, still drops.",
    )
    assert tried.redundant_question


def test_a_question_for_something_new_is_not_redundant():
    reply = agent_signals(
        "Could you send a photo of the damaged box?",
        customer_text="My order 55102 arrived damaged.",
    )
    assert not reply.redundant_question
    assert not agent_signals(
        "Tell me if the payment fails.", customer_text="Card frozen"
    ).redundant_question


def test_acknowledges_history_only_when_there_is_history():
    history = ["I already called yesterday about ref TX-88120."]
    ack = agent_signals(
        "I can see your call from yesterday, no need to repeat it.", history=history
    )
    by_id = agent_signals("The charge on TX-88120 is reversed.", history=history)
    es = agent_signals(
        "Veo tu chat de ayer sobre el pedido.", history=["Ayer por chat: cobro doble"]
    )
    question = agent_signals("Have you tried restarting it?", history=["Restarted on Monday."])
    assert ack.acknowledges_history and by_id.acknowledges_history and es.acknowledges_history
    assert not question.acknowledges_history
    # A contextual cue needs history; naming the earlier call itself does not (below).
    assert not agent_signals("I can see your order.", history=[]).acknowledges_history
    assert agent_signals("I can see your call from yesterday.", history=[]).acknowledges_history


def test_restatements_count_other_channels_only():
    history = [
        EarlierMessage("Charged twice for order 77120", "chat"),
        EarlierMessage("Charged twice for order 77120", "email"),
        EarlierMessage("¿Cómo cambio la contraseña?", "phone"),
    ]
    assert restatements("Me cobraron dos veces el pedido 77120", "email", history) == 1
    assert restatements("", "email", history) == 0
