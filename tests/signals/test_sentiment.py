from bot.signals import LexiconBackend, ZendeskFieldBackend, customer_signals
from bot.signals.sentiment import Sentiment


def label(text: str, locale: str) -> str:
    return customer_signals(text, locale=locale).sentiment.label


def test_english_and_spanish_polarity():
    assert label("Thank you so much, you were great!", "en") == "positive"
    assert label("Worst service ever, a total disaster.", "en") == "negative"
    assert label("¡Muchas gracias, sois geniales!", "es") == "positive"
    assert label("Un servicio pésimo, la comida llegó fría y el repartidor fue grosero.", "es") == (
        "negative"
    )


def test_negation_flips_polarity():
    assert label("That was not helpful at all.", "en") == "negative"
    assert label("La respuesta no me ayudó nada.", "es") == "negative"
    assert label("No está mal, la verdad.", "es") != "negative"


def test_but_clause_and_denial_are_negative():
    assert label("Thanks, but the app still crashes.", "en") == "negative"
    assert label("Gracias, pero la tarjeta sigue bloqueada.", "es") == "negative"


def test_emoji_carry_sentiment_and_questions_are_neutral():
    assert label("arrived 😊", "en") == "positive"
    assert label("llegó 😡", "es") == "negative"
    assert label("How do I export my invoices?", "en") == "neutral"
    assert label("¿Cómo descargo las facturas?", "es") == "neutral"


def test_quoted_agent_praise_does_not_make_the_customer_positive():
    body = "Still broken.\n\nOn Mon, Support wrote:\n> Great news, it is fixed! Thanks!"
    assert label(body, "en") == "negative"


def test_empty_text_is_neutral():
    assert LexiconBackend().score("", "en") == Sentiment("neutral", 0.0)


def test_zendesk_field_backend_uses_the_given_value_and_falls_back():
    backend = ZendeskFieldBackend()
    assert backend.score("anything", "en", field_value="Very Negative").label == "negative"
    assert backend.score("¡Genial, gracias!", "es").label == "positive"
    signals = customer_signals("ok", locale="en", backend=backend, sentiment_field="positive")
    assert signals.sentiment.label == "positive"
