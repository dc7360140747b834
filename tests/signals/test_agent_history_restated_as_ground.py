"""A reply that builds on the customer's earlier messages without saying "you already": it
restates what they did as the ground for its next step, names a date or a person from those
messages, or notes what they told. Each kind needs the earlier messages: with none, the same
words acknowledge nothing."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.signals.acknowledge import acknowledges_history
from bot.signals.history import Said, Timeline

# (language, earlier messages, reply): the reply restates what the earlier messages reported
# as the reason for its next step, in a clause that opens on "since", "puesto que", "puisque",
# "da" or "como".
RESTATED_AS_GROUND = [
    (
        "en",
        ["I've descaled the kettle twice.", "I also swapped the fuse in the plug."],
        "Since the kettle is descaled and the fuse is new, the heating element is the likely"
        " fault. We'll send a replacement kettle today.",
    ),
    (
        "es",
        ["He purgado todos los radiadores.", "También he comprobado la presión de la caldera."],
        "Puesto que los radiadores están purgados y la presión de la caldera es correcta,"
        " enviaremos un técnico el jueves por la mañana.",
    ),
    (
        "fr",
        ["J'ai changé les piles de la télécommande.", "J'ai aussi rebranché le décodeur."],
        "Puisque les piles sont neuves et que le décodeur a été rebranché, nous vous"
        " envoyons un nouveau boîtier cette semaine.",
    ),
    (
        "de",
        ["Ich habe den Drucker vom Strom getrennt.", "Die Patronen habe ich auch gewechselt."],
        "Da die Patronen neu sind und der Drucker vom Strom getrennt war, liegt der Fehler am"
        " Druckkopf. Wir tauschen das Gerät kostenlos aus.",
    ),
    (
        "pt",
        ["Troquei o cabo de rede.", "Também reiniciei o modem duas vezes."],
        "Como o cabo de rede é novo e o modem foi reiniciado, a avaria está na linha. Vamos"
        " enviar um técnico amanhã de manhã.",
    ),
    (
        "pt",
        ["Tentei pagar com o cartão de crédito e deu erro.", "Com outro cartão, o mesmo erro."],
        # "cartões" is the plural of "cartão": the same word.
        "Como os cartões deram erro, gerámos uma referência multibanco para a encomenda.",
    ),
]

# (language, earlier messages, reply): a day of the month from the earlier messages, named.
DATE_NAMED = [
    (
        "en",
        ["I posted a photo of the meter on 3 March."],
        "The meter photo from 3 March is with our billing team, and the corrected bill will"
        " follow this week.",
    ),
    (
        "es",
        ["Os mandé los justificantes el día 9."],
        "Los justificantes del día 9 están en revisión y tendrá respuesta en cinco días.",
    ),
    (
        "fr",
        ["Je vous ai transmis l'attestation le 14 mars."],
        "L'attestation du 14 mars est validée, et votre dossier sera clos sous huit jours.",
    ),
    (
        "de",
        ["Am 17. habe ich die Belege hochgeladen."],
        "Die am 17. hochgeladenen Belege liegen der Sachbearbeitung vor, die Entscheidung"
        " folgt bis Freitag.",
    ),
    (
        "pt",
        ["Enviei as faturas a 8 de maio."],
        "As faturas de 8 de maio foram analisadas e o reembolso segue esta semana.",
    ),
]

# (language, earlier messages, reply): a person the customer dealt with, named again.
PERSON_NAMED = [
    (
        "en",
        ["Your engineer Priya said the part was on order."],
        "Priya's order for the part was cancelled by the supplier, so I've placed a new one"
        " with delivery on Friday.",
    ),
    (
        "en",
        ["I gave the spare key to Tomasz because he asked for it."],
        "Tomasz has the spare key and will let the plumber in at nine.",
    ),
    (
        "es",
        ["El técnico Jorge me dijo que volvería el martes."],
        "Jorge no pudo volver por una baja; he reservado otra visita para el lunes a las diez.",
    ),
    (
        "fr",
        ["Le conseiller Hugo m'a dit que le virement partait."],
        "Hugo avait bien lancé le virement, mais la banque l'a bloqué : il repart aujourd'hui.",
    ),
    (
        "de",
        ["Frau Keller hat mir eine Gutschrift zugesagt."],
        "Die Gutschrift von Frau Keller ist heute gebucht worden, Sie sehen sie morgen.",
    ),
    (
        "pt",
        ["Falei com o Duarte e ele disse que ligava de volta."],
        "O Duarte ficou de baixa nesse dia; sou eu quem trata agora do seu pedido.",
    ),
]

# (language, earlier messages, reply): other ways of building on what the customer told.
OTHER_KINDS = [
    # What they told, noted.
    (
        "pt",
        ["A caixa chegou rasgada pelo transportador."],
        "Registámos que a caixa chegou rasgada. Envie-nos, por favor, uma foto do produto.",
    ),
    # What they were told, in the European Portuguese enclitic form.
    (
        "pt",
        ["Garantiram-me que a encomenda chegava na sexta."],
        "Disseram-lhe que chegava na sexta e não chegou; a encomenda sai hoje por estafeta.",
    ),
    # What they did, credited.
    (
        "fr",
        ["J'ai rempli le formulaire mais je ne sais pas quoi joindre."],
        "Vous avez fait le plus gros : il reste à joindre un justificatif de domicile.",
    ),
    (
        "de",
        ["Ich habe den Antrag und das Attest eingereicht."],
        "Sie haben alles getan, was nötig war: das Attest lag nur in der falschen Akte.",
    ),
]

PITCHES = RESTATED_AS_GROUND + DATE_NAMED + PERSON_NAMED + OTHER_KINDS


@pytest.mark.parametrize(("language", "earlier", "reply"), PITCHES)
def test_reply_building_on_the_earlier_messages_acknowledges_them(
    language: str, earlier: list[str], reply: str
) -> None:
    assert acknowledges_history(reply, earlier, language=language)


@pytest.mark.parametrize(("language", "earlier", "reply"), PITCHES)
def test_the_same_reply_with_no_earlier_messages_acknowledges_nothing(
    language: str, earlier: list[str], reply: str
) -> None:
    assert not acknowledges_history(reply, [], language=language)


def test_a_question_whose_clause_builds_on_the_earlier_mail_acknowledges_it() -> None:
    # The clause after the greeting opens on "suite à": the question builds on the mail.
    earlier = ["Je vous ai écrit mardi au sujet de la facture."]
    building = "Bonjour, suite à votre mail de mardi, pourriez-vous nous joindre la facture ?"
    asking = "Bonjour, pourriez-vous nous renvoyer votre mail de mardi ?"
    assert acknowledges_history(building, earlier, language="fr")
    assert not acknowledges_history(asking, earlier, language="fr")


def test_the_analysis_jobs_timeline_window_reads_as_the_texts_do() -> None:
    language, earlier, reply = DATE_NAMED[2]
    start = datetime(2026, 3, 1, tzinfo=UTC)
    timeline = Timeline(start)
    said = [
        Said(number, 7, start + timedelta(hours=number), "email", text)
        for number, text in enumerate(earlier, start=1)
    ]
    timeline.extend(said, start + timedelta(days=1))
    window = timeline.window(start, start + timedelta(days=1))
    assert acknowledges_history(reply, window, language=language)
    assert not acknowledges_history(reply, timeline.window(start, start), language=language)


NEAR_MISSES = [
    # A reason that shares nothing with what the customer reported.
    (
        "en",
        ["I've descaled the kettle twice."],
        "Since our warehouse is closed on Sundays, the replacement ships on Monday.",
    ),
    (
        "es",
        ["He purgado todos los radiadores."],
        "Puesto que mañana es festivo, el técnico irá el jueves.",
    ),
    # A date the customer never named, or one asked about.
    (
        "fr",
        ["Je vous ai transmis l'attestation le 14 mars."],
        "Votre dossier sera clos le 21 mars au plus tard.",
    ),
    (
        "en",
        ["I posted a photo of the meter on 3 March."],
        "Was the photo taken on 3 March or later?",
    ),
    # A product, not a person; a German noun, not a name.
    ("en", ["I tried it in Safari and in Opera."], "Please try Safari in a private window."),
    ("pt", ["Testei no Firefox e no Chrome."], "Pode testar no Firefox em modo privado."),
    ("de", ["Die Rechnung ist falsch."], "Die Rechnung wird bis Freitag korrigiert."),
    # A state restored "as of" a date, a notice to every customer.
    (
        "de",
        [],
        "Ich habe Ihr Konto auf den Stand vom 3. März zurückgesetzt, also vor dem Fehler.",
    ),
    (
        "en",
        [],
        "The price changed on 1 June, as announced in our email of 1 May to all members.",
    ),
]


@pytest.mark.parametrize(("language", "earlier", "reply"), NEAR_MISSES)
def test_near_misses_acknowledge_nothing(language: str, earlier: list[str], reply: str) -> None:
    assert not acknowledges_history(reply, earlier, language=language)
