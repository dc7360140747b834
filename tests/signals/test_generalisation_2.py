"""Rule fixes from the error categories of a blind set (its rows were never seen): each test
states a general rule with new sentences per language, not rows of any evaluation set."""

import pytest

from bot.settings import Settings
from bot.signals import customer_signals
from bot.signals.acknowledge import acknowledges_history
from bot.signals.context import redundant_question
from bot.signals.empathy import empathy
from bot.signals.resolution import resolution_reply
from bot.signals.sentiment import lexicon_score, vader_score
from bot.signals.upsell import is_upsell

SCRIPTS = Settings().script_phrases

# --- upsell ----------------------------------------------------------------------------

PITCHES = [
    # en: a new product with a price, a free period or a call to action
    "Your parcel is on its way. With Swiftship Plus deliveries are free for a year, "
    "only £4.99 a month - shall I set it up for you?",
    "Refund issued. By the way, our Business Pro tier comes with a dedicated account "
    "manager, and teams like yours usually add it after the first quarter.",
    "The replacement ships tomorrow. The Gadget Care package covers accidental damage for "
    "2 years, first month free if you add it today.",
    "I've fixed the login. If you'd like, I can send over a quote for the Enterprise bundle.",
    "Your seat is confirmed. Upgrade to Comfort Class for just $39 and get extra legroom!",
    "All sorted! Our annual Pet Autoship plan saves you 15% on every bag of food.",
    # es
    "Ya está corregido. Con la Tarjeta Oro tendrías un 20% de descuento en todas tus "
    "compras, ¿quieres que te la solicite?",
    "Hemos cambiado la fecha. Si os interesa, os preparo una propuesta del paquete Empresa "
    "con soporte 24/7.",
    "Listo. Puedes ampliar al plan Familia por 4,99 € al mes y compartirlo con cinco personas.",
    "Tu pedido sale hoy. Esta semana el servicio Premium tiene 3 meses gratis, ¡aprovecha!",
    # fr
    "C'est réglé. Avec l'abonnement Confort Plus, vos bagages sont inclus : voulez-vous que "
    "je l'active ?",
    "Votre colis arrive demain. Profitez de -25 % sur l'offre Famille jusqu'à vendredi.",
    "Le remboursement est fait. Vous pouvez passer à la formule Pro pour 6 € de plus par "
    "mois, le premier mois est offert.",
    # de
    "Das Problem ist behoben. Mit dem Komfort-Paket erhalten Sie 10 % Rabatt auf jede "
    "Buchung - soll ich es für Sie hinzufügen?",
    "Ihre Rechnung ist korrigiert. Testen Sie jetzt Business Plus zwei Monate kostenlos!",
    "Gern geschehen. Sie können jederzeit auf den Premium-Tarif upgraden, nur 5 € mehr.",
    # pt
    "Já está resolvido. Com o cartão Platinum tem anuidade grátis no primeiro ano, quer que "
    "eu faça o pedido?",
    "A encomenda segue hoje. Aproveite para experimentar o Pacote Família por 7,90 € por mês.",
    "Pode fazer upgrade para o plano Pro e ganhar 30% de desconto até domingo.",
]

NOT_PITCHES = [
    "Your Premium plan already includes lounge access; just show your card at the desk.",
    "Su tarifa Plus incluye llamadas ilimitadas dentro de España sin coste adicional.",
    "Votre forfait Confort comprend déjà la livraison gratuite.",
    "Ihr Tarif beinhaltet bereits 20 GB Datenvolumen im EU-Ausland.",
    "O seu plano Premium já inclui o seguro de viagem sem custo adicional.",
    "Your subscription renews on 3 May at £9.99; you can cancel any time in settings.",
    "I've refunded the €45 to your card; it should show within 5 days.",
    "Hemos reembolsado los 12,50 € del pedido 4471. ¿Necesitas algo más?",
    "Le remboursement de 30 € a été effectué hier sur votre carte.",
    "Could you send me a photo of the damaged item so I can process the refund?",
]


@pytest.mark.parametrize("text", PITCHES)
def test_pitch_of_a_new_product_with_price_or_call_to_action(text: str) -> None:
    assert is_upsell(text)


@pytest.mark.parametrize("text", NOT_PITCHES)
def test_current_plan_refund_or_plain_request_is_no_pitch(text: str) -> None:
    assert not is_upsell(text)


# --- empathy ---------------------------------------------------------------------------

SCRIPTED = [
    "We're sorry to hear about this. Please reinstall the app.",
    "Please accept our apologies for any inconvenience caused. The ticket is closed.",
    "Sentimos mucho lo sucedido. El reembolso se hará en 5 días.",
    "Le pedimos disculpas por los inconvenientes ocasionados.",
    "Nous sommes désolés pour ce désagrément. Votre dossier est transmis.",
    "Veuillez nous excuser pour la gêne occasionnée.",
    "Wir bitten die entstandenen Unannehmlichkeiten zu entschuldigen.",
    "Es tut uns leid, das zu hören. Bitte starten Sie die App neu.",
    "Bitte entschuldigen Sie die Umstände. Wir bearbeiten Ihre Anfrage.",
    "Wir bedauern die entstandenen Unannehmlichkeiten sehr.",
    "Pedimos desculpa pelo incómodo. A sua encomenda foi reenviada.",
    "Lamentamos o sucedido e agradecemos a sua compreensão.",
    "Pedimos imensas desculpas pelo inconveniente causado.",
    "Desculpe o incômodo, já estamos verificando.",
]

AUTHENTIC = [
    "You've written three times and were told each time it would be fixed, and it wasn't "
    "- I completely understand you're fed up.",
    "Oh no, a cracked screen on day one, what a letdown! I'm sending a new one today.",
    "Two hours on hold and then cut off - that's on us, and I'm sorry.",
    "I can see you already rang on Monday and were promised a refund by Friday.",
    "Four resets and still no signal while you're travelling - must be a real headache.",
    "Tienes toda la razón en estar molesta: te cobramos dos veces y nadie te respondió.",
    "¡Qué faena quedarte sin luz el fin de semana! Fue culpa nuestra.",
    "Quelle galère, trois jours sans téléphone ! C'est de notre faute, je m'en occupe.",
    "Vous êtes mécontent, à juste titre : la livraison avait deux semaines de retard.",
    "So ein Ärger, das Paket lag drei Tage im Regen! Das war unser Fehler.",
    "Ich verstehe sehr gut, dass Sie nach drei Anrufen verärgert sind.",
    "Tem toda a razão em estar chateada: ligou duas vezes e ninguém lhe respondeu.",
    "Que chatice ficar sem internet durante as férias! A falha foi nossa.",
]


@pytest.mark.parametrize("text", SCRIPTED)
def test_boilerplate_apology_formulas_are_scripted(text: str) -> None:
    assert empathy(text, SCRIPTS) == "scripted"


@pytest.mark.parametrize("text", AUTHENTIC)
def test_validation_of_this_customers_situation_is_authentic(text: str) -> None:
    assert empathy(text, SCRIPTS) == "authentic"


# --- context: acknowledgement and redundant questions ----------------------------------

HISTORY = ["Ich habe am Montag angerufen, Bestellnummer 55821."]


@pytest.mark.parametrize(
    "reply",
    [
        "Je vois que vous nous avez déjà écrit lundi ; le remboursement part aujourd'hui.",
        "Comme vous nous l'avez signalé, la facture était en double.",
        "Sie haben uns bereits am Montag angerufen, danke für Ihre Geduld.",
        "Wie Sie schon erwähnt haben, fehlt ein Artikel.",
        "Vejo que já nos ligou na segunda-feira; o estorno foi feito.",
        "Como já referiu, a fatura veio em duplicado.",
        "Conforme nos indicou, o pacote chegou danificado.",
    ],
)
def test_acknowledgement_families_in_fr_de_pt(reply: str) -> None:
    assert acknowledges_history(reply, ["earlier message"], "")


@pytest.mark.parametrize(
    ("reply", "customer"),
    [
        (
            "Pourriez-vous nous communiquer votre numéro de commande ?",
            "Ma commande 88412 n'est jamais arrivée.",
        ),
        ("Merci de nous indiquer votre référence client.", "Client n° 440912, facture fausse."),
        (
            "Könnten Sie uns Ihre Bestellnummer mitteilen?",
            "Bestellnummer 55821: das Paket fehlt.",
        ),
        (
            "Bitte senden Sie uns Ihre Kundennummer.",
            "Meine Kundennummer ist 7733190, die Rechnung stimmt nicht.",
        ),
        (
            "Poderia indicar o número da encomenda?",
            "A encomenda 20931 chegou sem o carregador.",
        ),
        ("Pode enviar-nos o seu NIF, por favor?", "O meu NIF é 234567890 e a fatura está errada."),
        (
            "Could you tell us your licence plate?",
            "My car registration is AB12 CDE and I was fined twice.",
        ),
    ],
)
def test_requests_for_given_identifiers_in_fr_de_pt(reply: str, customer: str) -> None:
    assert redundant_question(reply, customer, [])


def test_request_for_an_identifier_not_given_is_not_redundant() -> None:
    assert not redundant_question(
        "Könnten Sie uns Ihre Bestellnummer mitteilen?", "Das Paket fehlt.", []
    )
    assert not redundant_question(
        "Poderia indicar o número da encomenda?", "A encomenda chegou sem o carregador.", []
    )


# --- sentiment and resolution ----------------------------------------------------------


def test_degree_adverbs_are_not_praise() -> None:
    assert vader_score("The new update is pretty disappointing.") < -0.05
    assert vader_score("The support was pretty good.") > 0.05
    assert lexicon_score("La entrega fue bien lenta.", "es") <= 0
    assert lexicon_score("A entrega foi bem demorada e chata.", "pt") < 0


@pytest.mark.parametrize(
    "text",
    [
        "Money received, thanks for sorting it!",
        "Got it, everything is working now.",
        "Parcel arrived this afternoon, cheers for chasing it.",
        "Reembolso recibido, gracias por resolverlo.",
        "Todo funciona de maravilla desde la actualización.",
        "Tout fonctionne nickel depuis hier 👍",
        "Bien reçu le remboursement, merci d'avoir réglé ça.",
        "Geld ist angekommen, danke fürs Erledigen!",
        "Läuft seit dem Update wieder einwandfrei 👍",
        "Reembolso recebido, obrigada por resolverem!",
        "Está tudo a funcionar desde ontem.",
    ],
)
def test_past_outcome_with_thanks_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


def test_pretty_disappointing_message_is_negative() -> None:
    assert customer_signals("Honestly the delivery was pretty disappointing.").sentiment.label == (
        "negative"
    )
