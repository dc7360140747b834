"""Acknowledged history: a reply that builds on what the customer already did or said, or on
an earlier contact, in five languages; and news of our own that only sounds like history."""

import pytest

from bot.signals import agent_signals
from bot.signals.acknowledge import acknowledges_history
from bot.signals.cues import Cue

EARLIER = ["I wrote yesterday about the double charge on my card."]


@pytest.mark.parametrize(
    "reply",
    [
        "Since restarting the router didn't help, I've booked an engineer for Friday.",
        "As you mentioned, the charge appears twice on your statement; I've reversed one.",
        "Given you already reinstalled the app, the fault must be on our side.",
        "You've already sent the screenshots, so there is nothing more to do on your end.",
        "Como reiniciar el módem no sirvió de nada, te envío un técnico el martes.",
        "Como nos comentaste, el cargo aparece dos veces; ya lo he anulado.",
        "Ya que reinstalaste la aplicación, el fallo es nuestro.",
        "Puisque le redémarrage n'a rien changé, j'envoie un technicien jeudi.",
        "Comme vous l’avez signalé, le montant apparaît deux fois.",
        "Vous avez déjà réinstallé l'application, le problème vient donc de chez nous.",
        "Da Sie den Router bereits neu gestartet haben, schicke ich einen Techniker.",
        "Wie Sie erwähnt haben, erscheint die Abbuchung zweimal.",
        "Der Neustart hat leider nichts gebracht, deshalb tauschen wir das Gerät.",
        "Como a reinicialização do roteador não resolveu, agendei um técnico.",
        "Como você mencionou, a cobrança aparece duas vezes.",
        "Você já reinstalou o aplicativo, então o problema é do nosso lado.",
    ],
)
def test_building_on_what_the_customer_did_or_said_is_acknowledged(reply):
    assert acknowledges_history(reply, [])


@pytest.mark.parametrize(
    "reply",
    [
        "My colleague Ana asked you for the logs last week; they arrived and show the cause.",
        "Following up on your call yesterday: the replacement left our warehouse.",
        "Mi compañera Laura te pidió los registros la semana pasada y ya los tenemos.",
        "Retomando tu llamada de ayer: el repuesto ya salió del almacén.",
        "Mon collègue Marc vous a demandé les journaux la semaine dernière.",
        "Suite à notre échange d'hier, le colis est reparti.",
        "Meine Kollegin Eva hat Sie letzte Woche um die Protokolle gebeten.",
        "Wie gestern telefonisch besprochen, ist der Ersatz unterwegs.",
        "Minha colega Ana pediu os registros na semana passada e eles chegaram.",
        "Dando seguimento à sua ligação de ontem, o pedido já foi enviado.",
    ],
)
def test_a_colleagues_or_an_earlier_contact_is_acknowledged_without_stored_history(reply):
    # The earlier contact may have been by phone, outside the store: the reply says it.
    assert acknowledges_history(reply, [])


@pytest.mark.parametrize(
    "reply",
    [
        "Two resets and a reinstall later, it is clearly not your phone.",
        "Since updating the firmware only helped for a day, I'm sending a new unit.",
        "You shouldn't have had to write to us again about this.",
        "We told you the refund would take a week and it has taken three.",
        "The thermostat replaced on 4 May should have fixed this, so we'll come back free.",
        "Le dijimos que serían dos semanas y ya van cinco.",
        "Siento que haya tenido que volver a escribirnos.",
        "La réinitialisation que nous vous avions conseillée n'était pas la bonne piste.",
        "Trois appels pour le même souci, c'est trop.",
        "Wir hatten Ihnen eine Antwort bis Freitag zugesagt.",
        "Die am 3.5. ausgetauschte Pumpe ist offenbar ebenfalls defekt.",
        "Três tentativas e nada, entendo o cansaço.",
        "Picking up where Tomás left off on Friday: the visit is confirmed.",
        "I went back through the thread: the cancellation request from 2 May was never actioned.",
        "You did everything right; a new unit ships today.",
        "Je reprends votre dossier après l'appel de lundi.",
        "Following your chat with Rafa on Sunday, I've escalated the dispute.",
        "Lamento que tenha tido de voltar a escrever.",
    ],
)
def test_counted_attempts_repeat_contact_and_our_earlier_word_are_acknowledged(reply):
    assert acknowledges_history(reply, [])


def test_a_clause_before_a_question_acknowledges_but_the_question_itself_does_not():
    assert acknowledges_history("Since you already restarted it, could you send a photo?", [])
    assert not acknowledges_history("Have you already restarted the router?", EARLIER)
    assert not acknowledges_history("Haben Sie schon versucht, die App neu zu laden?", EARLIER)
    assert not acknowledges_history("Você já atualizou o app para a versão 5.2?", EARLIER)


@pytest.mark.parametrize(
    "reply",
    [
        "Your refund has already been processed and will arrive in 3 days.",
        "Please try again later; the payment page was down earlier today.",
        "If you have already paid, please ignore this email.",
        "My colleague will call you tomorrow to arrange the visit.",
        "I'll follow up with the warehouse and write back tomorrow.",
        "El reembolso ya está hecho y lo verás en tres días.",
        "Te comento que el pedido ya salió del almacén.",
        "Le remboursement est déjà parti hier.",
        "Die Gutschrift ist bereits gebucht und wurde gestern überwiesen.",
        "O reembolso já foi feito ontem.",
        "Se você já pagou, desconsidere esta mensagem.",
        "Vielen Dank für Ihre Nachricht. Ihr Paket kommt morgen.",
        "I see the payment failed; the bank declined it.",
        "Your last order was delivered on Monday.",
        "Le technicien est déjà en route.",
    ],
)
def test_our_own_news_and_conditions_are_not_history_even_beside_earlier_contact(reply):
    assert not acknowledges_history(reply, EARLIER, "This is the third time I write!")
    assert not acknowledges_history(reply, [])


def test_contextual_words_need_something_to_acknowledge():
    reply = "I can see your order, and the refund is approved."
    assert not acknowledges_history(reply, [], "Where is my refund?")
    assert acknowledges_history(reply, ["Sent a photo of the broken lid."])
    assert acknowledges_history(reply, [], "Third time I write about this refund!")


def test_explain_names_the_cue_for_an_acknowledgement():
    cues: list[Cue] = []
    agent_signals("As you mentioned, the charge appears twice.", cues=cues)
    found = [cue for cue in cues if cue.signal == "acknowledges history"]
    assert found and found[0].evidence == "as you mentioned"


def test_signals_explain_shows_the_new_agent_cues():
    from bot.signals.explain import explain_agent, render

    lines = render(
        explain_agent(
            "We made a mistake. Since restarting didn't help, I've refunded you. By the way,"
            " our annual plan works out cheaper.",
            customer_text="I restarted it already and I'm still charged twice!",
        )
    )
    text = "\n".join(lines)
    assert "owns the mistake in its own words" in text
    assert "refers to earlier contact or what the customer did" in text
    assert "works out cheaper" in text
