"""Acknowledged history read from structures, in five languages: thanks for what the customer
already tried, a "since …" clause that builds on the checks they reported, their request or
cancellation told back to them in the second person, a colleague's note or a talk with a
colleague on a given day. A reply that only shares words with the customer, or a question,
acknowledges nothing. Every sentence was written for this test."""

import pytest

from bot.signals import agent_signals
from bot.signals.acknowledge import acknowledges_history


@pytest.mark.parametrize(
    "reply",
    [
        "Thanks for trying all of those steps first; the fault turned out to be ours.",
        "Thank you for going through the reset and the reinstall before writing to us.",
        "Gracias por haber probado todo eso antes de escribirnos; el fallo era nuestro.",
        "Merci d'avoir déjà testé tout cela : le problème venait de notre serveur.",
        "Danke, dass Sie das alles schon ausprobiert haben; der Fehler lag bei uns.",
        "Obrigado por ter tentado todos esses passos; a falha era do nosso lado.",
    ],
)
def test_thanks_for_what_the_customer_already_tried_is_acknowledged(reply):
    assert acknowledges_history(reply, [])
    assert agent_signals(reply).acknowledges_history


# The customer's report of checks done, and a reply whose "since" clause builds on them.
BUILT_ON = [
    (
        "I cleaned the sensor and replaced the batteries, still nothing.",
        "Since the sensor and the batteries are fine, please pair the lock again from the app.",
    ),
    (
        "He limpiado el sensor y he cambiado las pilas, y sigue igual.",
        "Como el sensor y las pilas están bien, vuelve a vincular la cerradura desde la app.",
    ),
    (
        "J'ai nettoyé le capteur et changé les piles, rien à faire.",
        "Puisque le capteur et les piles sont en ordre, refaites l'appairage depuis l'appli.",
    ),
    (
        "Ich habe den Sensor gereinigt und die Batterien gewechselt, ohne Erfolg.",
        "Da Sensor und Batterien in Ordnung sind, koppeln Sie das Schloss bitte neu in der App.",
    ),
    (
        "Limpei o sensor e troquei as pilhas, e nada.",
        "Como o sensor e as pilhas estão em ordem, emparelhe a fechadura de novo pelo app.",
    ),
]


# Steps the customer reported, judged right in the reply.
JUDGED = [
    (
        "The app keeps crashing. I cleared the cache and reinstalled it.",
        "Clearing the cache and reinstalling were the right steps, but this crash comes from a"
        " bug on our side.",
    ),
    (
        "La app se cierra sola. He borrado la caché y la he reinstalado.",
        "Borrar la caché y reinstalar era lo correcto, pero el cierre viene de un fallo nuestro.",
    ),
    (
        "L'appli plante. J'ai vidé le cache et je l'ai réinstallée.",
        "Vider le cache et réinstaller, c'était la bonne démarche, mais le plantage vient d'un"
        " bug chez nous.",
    ),
    (
        "Die App stürzt ab. Ich habe den Cache geleert und sie neu installiert.",
        "Cache leeren und neu installieren war richtig, aber der Absturz liegt an einem Fehler"
        " bei uns.",
    ),
    (
        "O app fecha sozinho. Limpei o cache e reinstalei.",
        "Limpar o cache e reinstalar era o certo, mas o problema vem de uma falha nossa.",
    ),
]


@pytest.mark.parametrize(("customer", "reply"), BUILT_ON + JUDGED)
def test_a_since_clause_on_the_checks_the_customer_reported_is_acknowledged(customer, reply):
    assert acknowledges_history(reply, [], customer)
    assert agent_signals(reply, customer_text=customer).acknowledges_history


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        # The customer reported nothing done: a clause on the same words is our explanation.
        (
            "Does the sensor need new batteries?",
            "Since the sensor uses two batteries, they last about a year.",
        ),
        (
            "¿El sensor necesita pilas nuevas?",
            "Como el sensor usa dos pilas, duran alrededor de un año.",
        ),
        # A clause on something else than what the customer reported.
        (
            "I cleaned the sensor and replaced the batteries, still nothing.",
            "Since our servers were updated last night, some locks lost their pairing.",
        ),
    ],
)
def test_a_since_clause_that_does_not_build_on_reported_steps_is_not_history(customer, reply):
    assert not acknowledges_history(reply, [], customer)


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("It still crashes, third time I write!", "Please clear the cache and reinstall the app."),
        ("Sigue fallando, es la tercera vez.", "Por favor, borra la caché y reinstala la app."),
        ("Ça plante encore, troisième fois !", "Merci pour votre message. Une mise à jour sort."),
        ("Stürzt immer noch ab, zum dritten Mal!", "Bitte leeren Sie den Cache."),
        ("Continua travando, terceira vez!", "Obrigado pela mensagem. Uma nova versão sai hoje."),
    ],
)
def test_a_reply_that_ignores_the_history_is_not_history(customer, reply):
    assert not acknowledges_history(reply, ["It crashed yesterday too."], customer)


@pytest.mark.parametrize(
    "reply",
    [
        "You asked us in May to close the account, and we did not do it.",
        "Nos pediste el cambio de titular en septiembre y no lo hicimos.",
        "Vous nous avez demandé la résiliation en mai et elle n'a pas été faite.",
        "Sie haben den Vertrag am 3. Mai gekündigt, und wir haben das übersehen.",
        "Você nos pediu o cancelamento em maio e ele não foi feito.",
    ],
)
def test_the_customers_request_told_back_to_them_is_acknowledged(reply):
    assert acknowledges_history(reply, [])


@pytest.mark.parametrize(
    "reply",
    [
        "According to Priya's notes from Tuesday, this was the last document we needed.",
        "I see you spoke on Tuesday with my colleague Omar about the meter.",
        "Según la nota de Carmen del viernes, solo faltaba este documento.",
        "Veo que hablaste el martes con mi compañero Luis sobre el contador.",
        "D'après la note de Julien de mardi, il ne manquait que ce justificatif.",
        "Je vois que vous avez parlé mardi avec ma collègue Inès du compteur.",
        "Laut der Notiz von Herrn Klein vom Dienstag fehlte nur noch dieses Dokument.",
        "Sie haben am Dienstag mit meiner Kollegin Jana über den Zähler gesprochen.",
        "Pela anotação da Beatriz na terça, só faltava esse documento.",
        "Vejo que você falou na terça com a minha colega Rita sobre o medidor.",
        "Según me dijo mi compañera, llamaste el viernes por la factura.",
        "Vous avez eu mon collègue au téléphone vendredi au sujet de la facture.",
        "Comme vous l'avez déjà fait, inutile de réinitialiser à nouveau la box.",
        "Vi que você já entrou em contato na sexta sobre a fatura.",
        "Es tut mir leid, dass Ihr Anruf am Mittwoch unbeantwortet blieb.",
        # Having had to contact us again, thanks for calling back, earlier emails.
        "I'm sorry you had to phone us on Friday as well; the courier confirms tomorrow.",
        "Siento que tuvieras que llamar también el viernes; el mensajero confirma mañana.",
        "Lamento que você tenha precisado ligar de novo na sexta.",
        "Thanks for calling back; the engineer has confirmed Thursday.",
        "Picking up from your chat with Leo this morning: the replacement has been booked.",
        "Tus correos anteriores llegaron a facturación y el reembolso ya está aprobado.",
        "Vos précédents courriels ont été transmis au service facturation.",
        "Seus e-mails anteriores foram encaminhados para o financeiro.",
        # The customer's messages counted, a call named as agreed, what they told a colleague.
        "I've read both of your emails about the missing refund.",
        "As per our phone call, I've cancelled the order and refunded the deposit.",
        "You told my colleague on the phone that the parcel was left outside.",
        "Nos has llamado dos veces por esto, así que lo he escalado.",
        "J'ai lu vos deux e-mails au sujet du remboursement.",
        "Ich habe Ihre beiden E-Mails zur fehlenden Erstattung gelesen.",
        "Li os seus dois e-mails sobre o reembolso.",
    ],
)
def test_a_colleagues_note_or_a_talk_with_a_colleague_is_acknowledged(reply):
    assert acknowledges_history(reply, [])


@pytest.mark.parametrize(
    "reply",
    [
        "Please add a note to your order with the delivery code.",
        "Thanks for your patience while we look into it.",
        "Have you already tried resetting the lock from the app?",
        "¿Has probado ya a reiniciar la cerradura?",
        "Merci de nous envoyer une photo de l'étiquette.",
        "Sie haben jetzt Zugriff auf alle Funktionen.",
        "Você pode pedir o cancelamento pelo aplicativo.",
        "Si nos pediste el cambio antes del día 5, se aplicará este mes.",
        "Laut unseren Unterlagen wurde das Paket am Montag zugestellt.",
        "Vous avez bien fait de nous prévenir : la facture est corrigée.",
        "Si llamaste antes del día 5, el cambio ya está aplicado.",
        "¿Llamaste al número de averías?",
    ],
)
def test_requests_news_and_questions_are_not_history(reply):
    assert not acknowledges_history(reply, [])


@pytest.mark.parametrize(
    "reply",
    [
        "Refunds take 5 to 7 working days. Please check your bank statement again next week.",
        "Los reembolsos tardan una semana. Revisa tu banco otra vez la semana que viene.",
        "Les remboursements prennent une semaine. Vérifiez de nouveau votre compte lundi.",
    ],
)
def test_a_step_asked_again_for_later_is_not_history_beside_earlier_contact(reply):
    earlier = ["I already called twice about this last week."]
    assert not acknowledges_history(reply, earlier, "Where is my refund? Third time I ask.")


def test_a_problem_back_again_told_to_the_customer_is_still_history():
    earlier = ["Ça plantait déjà lundi."]
    assert acknowledges_history("Vous avez de nouveau eu le plantage ce matin.", earlier)
