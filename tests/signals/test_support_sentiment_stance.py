"""Support stance: structures that decide a customer message's sentiment whatever the words'
polarity (bot/signals/stance.py). Every sentence here was written for these tests."""

import pytest

from bot.signals import customer_signals
from bot.signals.explain import explain_customer


def label(text: str, lang: str) -> str:
    return customer_signals(text, locale=lang).sentiment.label


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hello! Could you please tell me when my parcel will ship? Thanks so much!", "en"),
        ("Hi team, please update the phone number on my profile. Have a great day!", "en"),
        ("Good afternoon, I'd like to add my partner to the plan. Many thanks in advance.", "en"),
        ("Can you tell me how to change my billing address?", "en"),
        ("Is there a discount for annual billing? Kind regards", "en"),
        ("Hola, ¿me podéis decir cuándo llega mi pedido? ¡Muchas gracias y buen día!", "es"),
        ("Buenas tardes, quisiera cambiar la dirección de envío, por favor. Un saludo.", "es"),
        ("Bonjour, pourriez-vous m'envoyer la facture ? Merci beaucoup, bonne journée !", "fr"),
        ("Hallo, könnten Sie mir bitte die Rechnung schicken? Vielen Dank und schönen Tag!", "de"),
        ("Olá, gostaria de saber o prazo de entrega. Muito obrigada, tenha um ótimo dia!", "pt"),
    ],
)
def test_a_request_with_only_politeness_is_neutral(text: str, lang: str) -> None:
    assert label(text, lang) == "neutral"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Wonderful, yet another copy-paste answer, and the export still fails.", "en"),
        ("Great, another outage on a Monday morning.", "en"),
        ("Thanks for nothing.", "en"),
        ("I just love how nobody ever answers the phone.", "en"),
        ("Genial, otra vez la misma respuesta automática.", "es"),
        ("Gracias por nada, de verdad.", "es"),
        ("Super, encore une panne ce matin.", "fr"),
        ("Na toll, schon wieder keine Verbindung.", "de"),
        ("Danke für nichts.", "de"),
        ("Ótimo, de novo a mesma mensagem de erro.", "pt"),
    ],
)
def test_positive_words_around_a_complaint_read_as_irony(text: str, lang: str) -> None:
    assert label(text, lang) == "negative"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("This is my fifth email about the same invoice.", "en"),
        ("I am writing for the fourth time about my deposit.", "en"),
        ("I have been waiting three weeks for the replacement part.", "en"),
        ("The terminal has been offline since Tuesday.", "en"),
        ("Please close my account.", "en"),
        ("I'm moving to a competitor next month.", "en"),
        ("I want to speak to a supervisor.", "en"),
        ("I want my money back.", "en"),
        ("Es la tercera vez que os escribo por la factura.", "es"),
        ("Llevo dos semanas esperando el técnico.", "es"),
        ("Quiero dar de baja mi cuenta.", "es"),
        ("Quiero hablar con un responsable.", "es"),
        ("J'ai envoyé trois mails au service client.", "fr"),
        ("J'attends le remboursement depuis deux semaines.", "fr"),
        ("Je veux parler à un responsable.", "fr"),
        ("Ich schreibe Ihnen zum dritten Mal wegen der Gutschrift.", "de"),
        ("Wir warten seit zehn Tagen auf den Techniker.", "de"),
        ("Ich kündige meinen Vertrag zum Monatsende.", "de"),
        ("Já mandei quatro e-mails sobre isso.", "pt"),
        ("Vou cancelar minha assinatura.", "pt"),
        ("Quero falar com um supervisor.", "pt"),
    ],
)
def test_effort_churn_and_escalation_are_negative(text: str, lang: str) -> None:
    assert label(text, lang) == "negative"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("How do I cancel my subscription before the renewal?", "en"),
        ("What happens to my data if I close my account?", "en"),
        ("¿Cómo puedo cancelar mi suscripción?", "es"),
        ("Comment résilier mon abonnement ?", "fr"),
        ("Wie kann ich mein Abo kündigen?", "de"),
        ("Como faço para cancelar minha assinatura?", "pt"),
    ],
)
def test_asking_how_to_leave_is_an_enquiry(text: str, lang: str) -> None:
    assert label(text, lang) == "neutral"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The invoice total is wrong again and the app crashes on login. Thank you so much!", "en"),
        ("My package never arrived. Thanks in advance, have a lovely day!", "en"),
        ("Todavía no me ha llegado el reembolso. ¡Muchas gracias!", "es"),
        ("Le colis n'est jamais arrivé. Merci beaucoup !", "fr"),
        ("Die App stürzt bei jedem Start ab. Vielen herzlichen Dank!", "de"),
    ],
)
def test_closing_thanks_does_not_make_a_complaint_positive(text: str, lang: str) -> None:
    assert label(text, lang) == "negative"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Thank you so much, you sorted it in minutes!", "en"),
        ("Great, another happy month with you guys, thanks!", "en"),
        ("It has worked perfectly since Monday, thank you!", "en"),
        ("Love how simple the new dashboard is.", "en"),
        ("¡Muchas gracias, ya funciona todo!", "es"),
        ("Merci beaucoup, tout fonctionne parfaitement !", "fr"),
        ("Vielen Dank, jetzt klappt alles wunderbar!", "de"),
        ("Muito obrigado, deu tudo certo!", "pt"),
    ],
)
def test_thanks_for_what_was_done_stays_positive(text: str, lang: str) -> None:
    assert label(text, lang) == "positive"


def test_explain_names_the_stance_that_decided() -> None:
    lines = {item.signal: item for item in explain_customer("This is my fifth email about it.")}
    sentiment = lines["sentiment"]
    assert sentiment.value.startswith("negative")
    assert any(cue.rule.startswith("effort: contacts counted") for cue in sentiment.cues)
    assert any("fifth email" in cue.evidence for cue in sentiment.cues)
