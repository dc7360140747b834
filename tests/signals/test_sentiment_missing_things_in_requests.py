"""A request that tells of a thing missing, lost, left behind or out of stock states a fact:
it reads neutral, though a general lexicon scores "missing", "lost" or "sold out" negative.
Lost by the service ("you lost my parcel"), time or patience lost, or a complaint beside it
still read negative; "un duplicado" asked for is a copy, not a double charge. Every sentence
here was written for these tests."""

import pytest

from bot.signals import customer_signals

CALM_REQUESTS = [
    ("Hi, the dessert is missing from my order. Could you refund it?", "en"),
    ("I left my umbrella on the train yesterday, do you have a lost property office?", "en"),
    ("Do you have these boots in size 9? The site says sold out.", "en"),
    ("I've lost my membership card, could you send me a new one please?", "en"),
    ("Hola, en mi pedido faltan las servilletas. ¿Me las podéis enviar?", "es"),
    ("Me dejé el cargador en la habitación 204. ¿Lo habéis encontrado?", "es"),
    ("¿Cuándo volverá a estar disponible la chaqueta azul? Aparece agotada.", "es"),
    (
        "Buenos días, necesito un duplicado del carné de socio porque se me ha extraviado."
        " ¿Cómo lo pido?",
        "es",
    ),
    ("Bonjour, il manque la sauce dans ma commande, pouvez-vous me la rembourser ?", "fr"),
    ("J'ai oublié mon écharpe dans le bus hier soir. Avez-vous des objets trouvés ?", "fr"),
    ("Ce modèle est épuisé en 38, allez-vous le réapprovisionner ?", "fr"),
    ("Hallo, in meiner Bestellung fehlt das Getränk. Können Sie es erstatten?", "de"),
    ("Ich habe meine Jacke im Zug liegen lassen. Gibt es ein Fundbüro?", "de"),
    ("Ist der Mantel in Größe M wieder lieferbar? Online steht ausverkauft.", "de"),
    (
        "Könnten Sie die Rechnung nochmal schicken? Sie ist bei uns irgendwie verloren gegangen.",
        "de",
    ),
    ("Olá, faltou o refrigerante no meu pedido. Podem estornar?", "pt"),
    ("Esqueci minha mochila no ônibus ontem. Vocês têm achados e perdidos?", "pt"),
    ("Esse tênis está esgotado no 40? Vai voltar ao estoque?", "pt"),
]
STILL_COMPLAINTS = [
    ("You lost my parcel and nobody answers. Where is it?", "en"),
    ("I've lost so much time on your chat today. Can anyone actually help?", "en"),
    ("Habéis perdido mi maleta y nadie me contesta. ¿Dónde está?", "es"),
    ("He perdido toda la mañana con vuestro chat. ¿Alguien me puede ayudar?", "es"),
    ("Me habéis cobrado un recibo duplicado este mes.", "es"),
    ("Vous avez perdu mon colis et personne ne répond. Où est-il ?", "fr"),
    ("Ihr habt mein Paket verloren und niemand antwortet. Wo ist es?", "de"),
    ("Vocês perderam minha mala e ninguém responde. Cadê?", "pt"),
    ("Falta la mitad del pedido y es la tercera vez que pasa. ¿Qué hacéis?", "es"),
]


@pytest.mark.parametrize(("text", "lang"), CALM_REQUESTS)
def test_a_request_about_a_missing_or_lost_thing_reads_neutral(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "neutral"


@pytest.mark.parametrize(("text", "lang"), STILL_COMPLAINTS)
def test_loss_blamed_on_the_service_or_beside_a_complaint_reads_negative(
    text: str, lang: str
) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "negative"
