"""Support sentiment: facts and thanks are no feeling; disappointment, grudging fixes and
sarcasm are negative. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from bot.signals import customer_signals


def sentiment(text: str, locale: str) -> str:
    return customer_signals(text, locale=locale).sentiment.label


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("The export runs fine now, thanks.", "en"),
        ("ok, the payslip shows up now. thank you", "en"),
        ("Got it, thanks for walking me through the fee.", "en"),
        ("Ya me funciona el lector, gracias.", "es"),
        ("Entendido, gracias por la explicación del cargo.", "es"),
        ("C'est bon, le virement est passé. Merci.", "fr"),
        ("D'accord, merci pour les détails sur la franchise.", "fr"),
        ("Klappt jetzt, danke.", "de"),
        ("Alles klar, danke für die Info zur Kündigungsfrist.", "de"),
        ("Deu certo aqui, obrigado.", "pt"),
        ("Entendi, obrigada pela explicação da tarifa.", "pt"),
    ],
)
def test_a_fix_or_an_explanation_with_plain_thanks_is_neutral(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "neutral"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Perfect, the scanner connects again! 😊", "en"),
        ("The tickets arrived, thank you so much, what a relief!", "en"),
        ("¡Genial, ya puedo entrar a la banca! Mil gracias", "es"),
        ("Super, le colis est bien arrivé, merci beaucoup !", "fr"),
        ("Wunderbar, die Karte geht wieder. Vielen Dank!", "de"),
        ("Ótimo, o app voltou a funcionar 🙌", "pt"),
        ("It works, and you were so patient with me through all of it.", "en"),
    ],
)
def test_a_fix_said_with_relief_warmth_or_praise_is_positive(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "positive"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Honestly a little disappointing: the course repeats most of level one.", "en"),
        ("The agent on the phone was not very helpful, he just read me the FAQ.", "en"),
        ("Me esperaba algo más del seguro, la verdad.", "es"),
        ("Je m'attendais à mieux pour ce prix, c'est dommage.", "fr"),
        ("Ich hatte mir vom Premium-Tarif ehrlich gesagt mehr erwartet.", "de"),
        ("Esperava mais do atendimento, a moça não foi nada prestativa.", "pt"),
    ],
)
def test_disappointment_and_help_that_was_no_help_are_negative(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "negative"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Fine, the router works. It only took you twelve days.", "en"),
        ("Ya funciona la app. Cuatro semanas para esto.", "es"),
        ("Bon, ça fonctionne. Il aura fallu trois relances.", "fr"),
        ("Die Gutschrift ist da. Hat ja nur sechs Wochen gedauert.", "de"),
        ("Tá, o cartão funciona. Só levou quinze dias.", "pt"),
    ],
)
def test_a_fix_with_its_cost_counted_is_negative(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "negative"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Wonderful, forty minutes of hold music and then the line dropped.", "en"),
        ("Love that the app logs me out again every time I open a statement.", "en"),
        ("Qué bien, ahora ni siquiera puedo abrir la factura.", "es"),
        ("Bravo pour la « mise à jour » : l'appli plante au démarrage.", "fr"),
        ("Na super, jetzt geht nicht mal mehr der Login.", "de"),
        ("Parabéns pela 'melhoria' do site, agora nem consigo pagar.", "pt"),
    ],
)
def test_praise_beside_what_went_wrong_is_sarcasm(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "negative"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Great news, the refund landed in 2 days as promised!", "en"),
        ("Amazing service, thank you all so much.", "en"),
        ("Genial, funciona de nuevo. ¡Gracias!", "es"),
    ],
)
def test_praise_of_a_quick_or_returning_fix_stays_positive(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "positive"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Please have this escalated to a supervisor, I have explained it twice.", "en"),
        ("We won't be renewing the licence next year.", "en"),
        ("No queremos seguir con vosotros después de este verano.", "es"),
        ("Je voudrais parler à une vraie personne, pas à un formulaire.", "fr"),
        ("Kann ich bitte mit einem echten Mitarbeiter schreiben?", "de"),
        ("Me passa para uma pessoa, por favor, o robô não entende.", "pt"),
    ],
)
def test_asking_for_a_person_or_saying_you_will_leave_is_negative(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "negative"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        (
            "After my brother's funeral I was lost with the paperwork, and Mia was patient"
            " with every question I had. Thank you.",
            "en",
        ),
        (
            "Nach der Operation war ich völlig überfordert, aber Herr Lenz hat mir geduldig"
            " zugehört und alles erklärt.",
            "de",
        ),
    ],
)
def test_praise_of_how_they_were_treated_is_positive_whatever_sad_news_it_tells(
    text: str, locale: str
) -> None:
    assert sentiment(text, locale) == "positive"


def test_a_count_that_says_early_is_no_sarcasm() -> None:
    assert sentiment("The parcel came two days early and the lamp is lovely!", "en") == "positive"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Hi there! 😊 Could you resend my boarding pass please? Thanks so much!", "en"),
        ("¡Hola! ¿Puedo cambiar la talla del pedido? ¡Gracias y feliz semana!", "es"),
        ("Coucou ! 😊 Petite question : je peux payer en trois fois ? Merci !!", "fr"),
        ("Hallöchen! 😊 Kann ich die Lieferadresse noch ändern? Liebe Grüße", "de"),
        ("Boa tarde!! Tudo bem com vocês? Poderiam, por gentileza, me mandar o boleto?", "pt"),
    ],
)
def test_a_cheerful_request_is_neutral(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "neutral"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Brilliant, the tickets vanished from my account overnight. Great work.", "en"),
        ("Genial, me vuelve a salir el mismo aviso. Enhorabuena.", "es"),
        ("Toll, der Zug fällt aus und die App zeigt ‚pünktlich‘. Super Service.", "de"),
    ],
)
def test_praise_beside_a_failure_or_a_relapse_is_sarcasm(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "negative"


def test_some_in_english_is_no_failure() -> None:
    assert sentiment("Great, some of the photos look amazing!", "en") == "positive"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Phew, I thought the booking was gone. Thanks for checking.", "en"),
        ("Menos mal, pensaba que había perdido el billete de vuelta.", "es"),
        ("Ouf, j'avais peur d'avoir perdu mes points fidélité.", "fr"),
        ("Puh, da bin ich erleichtert, ich dachte schon, die Police ist abgelaufen.", "de"),
        ("Ufa, achei que tinha perdido a reserva. Obrigada!", "pt"),
    ],
)
def test_relief_said_outright_is_positive(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "positive"


@pytest.mark.parametrize(
    ("text", "locale", "label"),
    [
        ("Die neue Karte kam heute, das Terminal hat sie problemlos gelesen.", "de", "neutral"),
        ("Heute bestellt, morgen schon geliefert. Respekt!", "de", "positive"),
        ("Super, endlich nicht mehr nach 3 Tagen gedrosselt 😄", "de", "positive"),
    ],
)
def test_no_problem_praise_and_a_smile_are_read_as_meant(
    text: str, locale: str, label: str
) -> None:
    assert sentiment(text, locale) == label


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("You've been so patient with me, thank you, but the card still gets declined.", "en"),
        ("Vous avez été très patient avec moi, mais la box ne capte toujours pas.", "fr"),
        ("no", "en"),
        ("Nein.", "de"),
    ],
)
def test_a_denial_with_praise_or_a_bare_no_is_neutral(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "neutral"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Thank god, the reservation is still valid!", "en"),
        ("Enfin ça marche!!! 🎉 merci", "fr"),
    ],
)
def test_relief_and_a_celebrated_finally_are_positive(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "positive"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("The pasta arrived lukewarm, c'était pas terrible honestly.", "fr"),
        ("La pizza llegó a su hora, pero nada del otro mundo.", "es"),
        ("Der Kurs war ehrlich gesagt nicht so toll.", "de"),
        ("O atendimento deixou a desejar.", "pt"),
        ("The new layout is not great, the buttons moved again.", "en"),
    ],
)
def test_understated_disappointment_is_negative(text: str, locale: str) -> None:
    assert sentiment(text, locale) == "negative"


@pytest.mark.parametrize(
    ("text", "locale", "label"),
    [
        (
            "Hope you're having a lovely week 😊 Could you resend the invoice please?",
            "en",
            "neutral",
        ),
        (
            "Refund arrived, but it's half the amount. Not really what I was promised.",
            "en",
            "negative",
        ),
        ("The course is fine but I expected a bit more feedback.", "en", "negative"),
        ("Oh wonderful, fixed. Still no parcel though. Marvellous.", "en", "negative"),
    ],
)
def test_greetings_understatement_and_sarcasm_over_a_missing_thing(
    text: str, locale: str, label: str
) -> None:
    assert sentiment(text, locale) == label
