"""Support stance: structures that decide a customer message's sentiment whatever the words'
polarity (bot/signals/stance.py). Every sentence here was written for these tests."""

import pytest

from bot.signals import customer_signals

POLITE_REQUESTS = [
    ("Hello! Could you please tell me when my parcel will ship? Thanks so much!", "en"),
    ("Hi team, please update the phone number on my profile. Have a great day!", "en"),
    ("Good afternoon, I'd like to add my partner to the plan. Many thanks in advance.", "en"),
    ("Dear support, I would appreciate it if you could update my email. Best regards", "en"),
    ("Good morning! Just wanted to check whether my order has shipped yet. Thanks a lot :)", "en"),
    ("Please send me a copy of my contract. Much appreciated!", "en"),
    ("Hola, ¿me podéis decir cuándo llega mi pedido? ¡Muchas gracias y buen día!", "es"),
    ("Buenas tardes, quisiera cambiar la dirección de envío, por favor. Un saludo.", "es"),
    ("Estimados, les agradecería que me enviaran el contrato firmado. Saludos cordiales.", "es"),
    ("Bonjour, pourriez-vous m'envoyer la facture ? Merci beaucoup, bonne journée !", "fr"),
    ("Bonjour, je voudrais modifier mon adresse s'il vous plaît. Merci d'avance !", "fr"),
    ("Hallo, könnten Sie mir bitte die Rechnung schicken? Vielen Dank und schönen Tag!", "de"),
    ("Hallo liebes Team, wie kann ich meine Lieferadresse ändern? Danke und liebe Grüße!", "de"),
    ("Olá, gostaria de saber o prazo de entrega. Muito obrigada, tenha um ótimo dia!", "pt"),
    ("Bom dia, podem me informar o horário de funcionamento? Agradeço desde já!", "pt"),
]
QUESTIONS = [
    ("Can you tell me how to change my billing address?", "en"),
    ("Is there a discount for annual billing? Kind regards", "en"),
    ("What payment methods do you accept?", "en"),
    ("¿Se puede pagar con tarjeta de débito?", "es"),
    ("Quels sont vos horaires d'ouverture le samedi ?", "fr"),
    ("Kann ich meine Bestellung noch ändern?", "de"),
    ("Qual é o prazo de entrega para o Porto?", "pt"),
]
IRONY = [
    ("Wonderful, yet another copy-paste answer, and the export still fails.", "en"),
    ("Great, another outage on a Monday morning.", "en"),
    ("Thanks for nothing.", "en"),
    ("I just love how nobody ever answers the phone.", "en"),
    ("Fantastic, the app logged me out again. Just fantastic.", "en"),
    ("So great that I have to explain everything from scratch every time I call.", "en"),
    ("Genial, otra vez la misma respuesta automática.", "es"),
    ("Qué bien, otra semana más esperando el reembolso.", "es"),
    ("Gracias por nada, de verdad.", "es"),
    ("Super, encore une panne ce matin.", "fr"),
    ("Bravo, encore une facture erronée.", "fr"),
    ("Na toll, schon wieder keine Verbindung.", "de"),
    ("Danke für nichts.", "de"),
    ("Ótimo, de novo a mesma mensagem de erro.", "pt"),
]
EFFORT_AND_CHURN = [
    ("This is my fifth email about the same invoice.", "en"),
    ("I am writing for the fourth time about my deposit.", "en"),
    ("I have been waiting three weeks for the replacement part.", "en"),
    ("The terminal has been offline since Tuesday.", "en"),
    ("Three calls, two emails and a chat, and I still don't have an answer.", "en"),
    ("Please close my account.", "en"),
    ("I'm moving to a competitor next month.", "en"),
    ("I want to speak to a supervisor.", "en"),
    ("Can I speak to a real person please?", "en"),
    ("I want my money back.", "en"),
    ("Es la tercera vez que os escribo por la factura.", "es"),
    ("Llevo dos semanas esperando el técnico.", "es"),
    ("He enviado tres correos y nadie contesta.", "es"),
    ("Quiero dar de baja mi cuenta.", "es"),
    ("Quiero hablar con un responsable.", "es"),
    ("J'ai envoyé trois mails au service client.", "fr"),
    ("Ça fait trois semaines que j'attends ma carte.", "fr"),
    ("Je veux être remboursé.", "fr"),
    ("Je change d'opérateur à la fin du mois.", "fr"),
    ("Ich schreibe Ihnen zum dritten Mal wegen der Gutschrift.", "de"),
    ("Das ist meine vierte Nachricht zu diesem Thema.", "de"),
    ("Wir warten seit zehn Tagen auf den Techniker.", "de"),
    ("Ich kündige meinen Vertrag zum Monatsende.", "de"),
    ("Verbinden Sie mich bitte mit einem Vorgesetzten.", "de"),
    ("Já mandei quatro e-mails sobre isso.", "pt"),
    ("Faz duas semanas que estou esperando o técnico.", "pt"),
    ("Vou cancelar minha assinatura.", "pt"),
    ("Quero falar com um supervisor.", "pt"),
]
ENQUIRIES_ABOUT_LEAVING = [
    ("How do I cancel my subscription before the renewal?", "en"),
    ("What happens to my data if I close my account?", "en"),
    ("¿Cómo puedo cancelar mi suscripción?", "es"),
    ("Comment résilier mon abonnement ?", "fr"),
    ("Wie kann ich mein Abo kündigen?", "de"),
    ("Como faço para cancelar minha assinatura?", "pt"),
]
COMPLAINTS_CLOSED_WITH_THANKS = [
    ("The invoice total is wrong again and the app crashes on login. Thank you so much!", "en"),
    ("My package never arrived. Thanks in advance, have a lovely day!", "en"),
    ("The replacement screen is cracked as well. Thank you.", "en"),
    ("Todavía no me ha llegado el reembolso. ¡Muchas gracias!", "es"),
    ("El técnico no vino. Gracias, un saludo.", "es"),
    ("Le colis n'est jamais arrivé. Merci beaucoup !", "fr"),
    ("Le produit est arrivé cassé. Merci de votre retour.", "fr"),
    ("Die App stürzt bei jedem Start ab. Vielen herzlichen Dank!", "de"),
    ("Das Paket kam beschädigt an. Danke für Ihre Hilfe.", "de"),
    ("O produto veio quebrado. Obrigado pela atenção.", "pt"),
]
THANKS_FOR_WHAT_WAS_DONE = [
    ("Thank you so much, you sorted it in minutes!", "en"),
    ("Great, another happy month with you guys, thanks!", "en"),
    ("It has worked perfectly since Monday, thank you!", "en"),
    ("Love how simple the new dashboard is.", "en"),
    ("After three weeks it's finally fixed, thank you so much!", "en"),
    ("¡Muchas gracias, ya funciona todo!", "es"),
    ("Merci beaucoup, tout fonctionne parfaitement !", "fr"),
    ("Toll, es funktioniert wieder! Danke!", "de"),
    ("Muito obrigado, deu tudo certo!", "pt"),
]


def label(text: str, lang: str) -> str:
    return customer_signals(text, locale=lang).sentiment.label


@pytest.mark.parametrize(("text", "lang"), POLITE_REQUESTS)
def test_a_request_with_only_politeness_is_neutral(text: str, lang: str) -> None:
    assert label(text, lang) == "neutral"


@pytest.mark.parametrize(("text", "lang"), QUESTIONS)
def test_a_question_asking_for_information_is_neutral(text: str, lang: str) -> None:
    assert label(text, lang) == "neutral"


@pytest.mark.parametrize(("text", "lang"), IRONY)
def test_positive_words_around_a_complaint_read_as_irony(text: str, lang: str) -> None:
    assert label(text, lang) == "negative"


@pytest.mark.parametrize(("text", "lang"), EFFORT_AND_CHURN)
def test_effort_churn_and_escalation_are_negative(text: str, lang: str) -> None:
    assert label(text, lang) == "negative"


@pytest.mark.parametrize(("text", "lang"), ENQUIRIES_ABOUT_LEAVING)
def test_asking_how_to_leave_is_an_enquiry(text: str, lang: str) -> None:
    signals = customer_signals(text, locale=lang)
    assert signals.sentiment.label == "neutral"
    assert not signals.frustration


@pytest.mark.parametrize(("text", "lang"), COMPLAINTS_CLOSED_WITH_THANKS)
def test_closing_thanks_does_not_make_a_complaint_positive(text: str, lang: str) -> None:
    assert label(text, lang) == "negative"


@pytest.mark.parametrize(("text", "lang"), THANKS_FOR_WHAT_WAS_DONE)
def test_thanks_for_what_was_done_stays_positive(text: str, lang: str) -> None:
    assert label(text, lang) == "positive"


def test_a_question_whose_positive_words_were_set_aside_is_not_shouting() -> None:
    signals = customer_signals("Is the GOLD membership worth it for a small team?", locale="en")
    assert signals.sentiment.label == "neutral"
    assert not signals.frustration


def test_a_zendesk_value_is_kept_but_the_stance_still_applies() -> None:
    polite = customer_signals(
        "Hi, could you send me the invoice? Thanks!", locale="en", sentiment_field="positive"
    )
    assert polite.sentiment.label == "positive"  # Zendesk's reading of the words stands
    leaving = customer_signals("Please close my account.", locale="en", sentiment_field="positive")
    assert leaving.sentiment.label == "negative"
