from bot.signals.language import detect_language, locale_language


def test_detects_english_and_spanish_sentences():
    assert detect_language("My order arrived late and the food was cold.") == "en"
    assert detect_language("Mi pedido llegó tarde y la comida estaba fría.") == "es"
    assert detect_language("Meine Bestellung ist noch nicht angekommen.") == "de"


def test_short_text_follows_the_requesters_locale():
    assert detect_language("ok gracias", "es-419") == "es"
    assert detect_language("ok", "pt-BR") == "pt"


def test_text_without_letters_has_the_locale_or_nothing():
    assert detect_language("👍", "fr") == "fr"
    assert detect_language("", None) is None
    assert locale_language("en_GB") == "en"
