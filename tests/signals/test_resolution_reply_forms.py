"""Resolution replies in the forms customers use: the ability or state back is a confirm, a
question on a new matter after it does not doubt it, and the trouble back or still there in
its many forms is a deny. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from bot.signals import customer_signals


def reply(text: str, locale: str) -> str:
    return customer_signals(text, locale=locale).resolution_reply


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("We can access the shared drive now, thanks.", "en"),
        ("The account is unlocked, thanks Jo.", "en"),
        ("Ahora sí me deja descargar el certificado.", "es"),
        ("La facture apparaît bien dans mon espace, merci.", "fr"),
        ("Die Rückzahlung ist heute angekommen. Danke!", "de"),
        ("Agora foi, obrigado!", "pt"),
        ("Consegui acessar o portal, valeu.", "pt"),
    ],
)
def test_the_ability_or_state_back_is_a_confirm(text: str, locale: str) -> None:
    assert reply(text, locale) == "confirm"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("It syncs fine now, thanks. Separate question: can I export to CSV?", "en"),
        ("Ya funciona, gracias. Por cierto, ¿puedo cambiar la fecha de cobro?", "es"),
        ("Ça marche, merci. Autre chose : comment changer mon mot de passe ?", "fr"),
        ("Funktioniert jetzt, danke. Andere Frage: Wo finde ich die Rechnung?", "de"),
    ],
)
def test_a_question_on_a_new_matter_after_the_fix_does_not_doubt_it(text: str, locale: str) -> None:
    assert reply(text, locale) == "confirm"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("It's fixed, isn't it? The screen still flickers for me.", "en"),
        ("Does it work now? I haven't tried yet.", "en"),
    ],
)
def test_a_question_about_the_fix_itself_still_doubts_it(text: str, locale: str) -> None:
    assert reply(text, locale) != "confirm"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("It was fine on Monday, now it's back to freezing every hour.", "en"),
        ("Same warning message came back after the reboot.", "en"),
        ("Esta mañana otra vez se cae la línea.", "es"),
        ("Me habéis vuelto a cobrar el seguro dos veces.", "es"),
        ("Tout marchait… jusqu'à ce matin. Plus de réseau du tout.", "fr"),
        ("Der Upload bricht weiterhin ab.", "de"),
        ("Leider nein, das gleiche Bild wie gestern.", "de"),
        ("Não resolveu, o app fecha sozinho.", "pt"),
    ],
)
def test_the_trouble_back_or_still_there_is_a_deny(text: str, locale: str) -> None:
    assert reply(text, locale) == "deny"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Thanks. I'm still waiting for a reply about the other booking.", "en"),
        ("I still don't know whether the repair is covered.", "en"),
    ],
)
def test_chasing_an_answer_is_no_deny(text: str, locale: str) -> None:
    assert reply(text, locale) != "deny"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Hola de nuevo: os confirmo que ya funciona la domiciliación.", "es"),
        ("Je reviens vers vous suite à votre appel : ça fonctionne, merci.", "fr"),
        ("Yep, that did it.", "en"),
        ("Passt jetzt, danke!", "de"),
        ("Voltou! Obrigada.", "pt"),
    ],
)
def test_greetings_reporting_back_and_short_answers_confirm(text: str, locale: str) -> None:
    assert reply(text, locale) == "confirm"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Ainda não consegui testar, volto a falar amanhã.", "pt"),
        ("Todavía no he podido probarlo.", "es"),
        ("Noch nicht ausprobiert, melde mich morgen.", "de"),
        ("Já foi cobrada a anuidade de novo, estou furiosa.", "pt"),
    ],
)
def test_not_yet_tried_or_a_new_charge_is_no_answer_either_way(text: str, locale: str) -> None:
    assert reply(text, locale) != "confirm"
    if "furiosa" not in text:
        assert reply(text, locale) == "none"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Fixed, sure. Now I can't even open the app. Great job.", "en"),
        ("Ah sí, arreglado. Ahora en vez de tardar no carga nada. Genial.", "es"),
        ("Ça a marché hier, et ce matin rebelote : paiement refusé.", "fr"),
    ],
)
def test_sarcasm_about_the_fix_or_a_relapse_denies(text: str, locale: str) -> None:
    assert reply(text, locale) == "deny"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("It works now. Took you long enough, but fine.", "en"),
        ("Ya funciona, pero bueno.", "es"),
        ("Ça marche, mais bon.", "fr"),
        ("Sí, ya sale bien la factura. Otra cosa, ¿puedo cambiar la fecha de cobro?", "es"),
        ("C'est nickel, la facture est rectifiée. Merci.", "fr"),
    ],
)
def test_a_grumbling_contrast_or_a_new_matter_still_confirms(text: str, locale: str) -> None:
    assert reply(text, locale) == "confirm"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Alles klar, danke für die Info zur Frist.", "de"),
        ("Oui j'ai bien reçu le mail. Par contre le lien expire vite, c'est normal ?", "fr"),
        ("Me dijeron que «ya está enviado» y no ha llegado nada.", "es"),
    ],
)
def test_information_thanks_a_new_question_or_a_quote_is_no_confirm(text: str, locale: str) -> None:
    assert reply(text, locale) != "confirm"
