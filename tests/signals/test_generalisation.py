"""General rule fixes found with the held-out set (bench/data/support-heldout): each test
states a rule with new sentences, in English and Spanish at least, not rows of either set."""

from bot.settings import Settings
from bot.signals import agent_signals, customer_signals
from bot.signals.acknowledge import acknowledges_history
from bot.signals.context import redundant_question
from bot.signals.resolution import resolution_reply
from bot.signals.sentiment import lexicon_score, vader_score
from bot.signals.upsell import is_upsell

SCRIPTS = Settings().script_phrases


def sentiment(text: str, lang: str) -> str:
    return customer_signals(text, locale=lang).sentiment.label


def empathy(reply: str) -> str:
    return agent_signals(reply, customer_text="It broke again!", script_phrases=SCRIPTS).empathy


# --- sentiment -------------------------------------------------------------------------


def test_problem_report_is_negative_even_with_positive_words() -> None:
    assert sentiment("The print button doesn't do anything. Safari is fine though.", "en") == (
        "negative"
    )
    assert sentiment("La app se cierra sola cada vez que voy a pagar.", "es") == "negative"
    assert sentiment("Mi tienda lleva caída desde esta mañana.", "es") == "negative"


def test_negation_does_not_cross_a_sentence_or_comma() -> None:
    # "nicht" ends its clause; "Fehler" after the full stop stays negative.
    assert lexicon_score("Nein, klappt immer noch nicht. Gleicher Fehler.", "de") < -0.05
    assert lexicon_score("No. Está perfecto.", "es") > 0.05


def test_post_verbal_negation_in_german_and_spoken_french() -> None:
    assert lexicon_score("Die App funktioniert leider nicht", "de") < 0
    assert lexicon_score("ça marche pas", "fr") < 0


def test_prefix_entries_do_not_swallow_unrelated_words() -> None:
    assert lexicon_score("Ich habe eine Frage zu meiner Bestellung", "de") == 0.0
    assert lexicon_score("Quiero utilizar otro contenido", "es") == 0.0
    assert lexicon_score("Le vol de demain est à 9h", "fr") == 0.0


def test_greetings_and_requests_are_not_praise() -> None:
    assert sentiment("Buenas tardes, adjunto el recibo del mes.", "es") == "neutral"
    assert sentiment("Good morning, attached is the form.", "en") == "neutral"
    assert sentiment("Please change the address on my account.", "en") == "neutral"


def test_emoji_count_in_english_and_are_not_negated() -> None:
    assert vader_score("all done 💪") > vader_score("all done")
    assert vader_score("the sync won't start 😞") < 0


# --- resolution replies ----------------------------------------------------------------


def test_thanks_but_negative_clause_is_a_denial() -> None:
    assert resolution_reply("Appreciate the help, but the label doesn't print either.") == "deny"
    assert resolution_reply("Gracias, pero la factura no aparece tampoco.") == "deny"
    assert resolution_reply("Merci, mais l'appli plante toujours.") == "deny"


def test_bare_yes_confirms_but_yes_please_does_not() -> None:
    assert resolution_reply("yes!") == "confirm"
    assert resolution_reply("Sí, gracias") == "confirm"
    assert resolution_reply("Yes, the page shows up now.") == "confirm"
    assert resolution_reply("Yes please, cancel it.") == "none"
    assert resolution_reply("Yes, I have another question about my bill.") == "none"


def test_confirmations_in_other_words() -> None:
    assert resolution_reply("The upload runs smoothly now.") == "confirm"
    assert resolution_reply("That solved it, thanks.") == "confirm"
    assert resolution_reply("The warning is gone.") == "confirm"
    assert resolution_reply("Me ha llegado el reembolso, gracias.") == "confirm"
    assert resolution_reply("Ya tengo acceso otra vez.") == "confirm"
    assert resolution_reply("Die App läuft wieder.") == "confirm"
    assert resolution_reply("O app voltou a funcionar.") == "confirm"


def test_late_arrival_is_not_a_confirmation() -> None:
    assert resolution_reply("The courier arrived two hours late.") == "none"


def test_not_received_is_a_denial() -> None:
    assert resolution_reply("I haven't received the voucher.") == "deny"
    assert resolution_reply("Aún no he recibido el bono.") == "deny"


# --- frustration -----------------------------------------------------------------------


def test_threat_to_leave_and_cannot_take_it_are_frustration() -> None:
    assert customer_signals("Sort this out or I'm switching providers.").frustration
    assert customer_signals("No aguanto más con este router.", locale="es").frustration


def test_long_outage_with_exasperation_is_frustration() -> None:
    assert customer_signals("Email has been down for 3 hours. What is going on?!").frustration
    text = "Llevamos dos días sin conexión y nadie responde. Necesitamos una solución ya."
    assert customer_signals(text, locale="es").frustration


# --- upsell ----------------------------------------------------------------------------


def test_soft_pitches_are_upsells() -> None:
    assert is_upsell("For backups you could add our Vault add-on for just $3 a month.")
    assert is_upsell("Check out our winter sale: 30% off all annual plans!")
    assert is_upsell("Le recomiendo nuestra tarifa Max, que incluye datos ilimitados.")
    assert is_upsell("Si se hace socio Premium por 5 € al mes, el envío es gratis.")


def test_stating_the_customers_plan_is_not_an_upsell() -> None:
    assert not is_upsell("Your plan renews on the 12th; nothing to do on your side.")
    assert not is_upsell("Your annual premium of $400 is due on 1 June.")
    assert not is_upsell("Su tarifa se renueva el día 3 de cada mes.")


# --- empathy ---------------------------------------------------------------------------


def test_generic_how_frustrating_is_scripted() -> None:
    assert empathy("We understand how frustrating this must be. Please reinstall.") == "scripted"
    assert empathy("Entendemos tu frustración. Reinstala la app, por favor.") == "scripted"


def test_naming_this_situation_is_authentic() -> None:
    assert empathy("Losing a week of photos right before a wedding must be awful.") == "authentic"
    assert empathy("I know every hour offline costs you bookings, so I'm on it.") == "authentic"
    assert empathy("Es normal que esté cansado después de tres llamadas.") == "authentic"
    assert empathy("Quedarse sin calefacción en enero es muy frustrante.") == "authentic"


# --- context ---------------------------------------------------------------------------


def test_asking_again_for_tracking_or_booking_is_redundant() -> None:
    assert redundant_question(
        "Could you share the tracking number?", "Parcel tracking 1Z99887766 never came.", []
    )
    assert redundant_question(
        "Please provide your booking reference.", "Hi", ["Asked about booking KL-55123."]
    )
    assert redundant_question(
        "Indíquenos el localizador de la reserva.", "Hola", ["Reserva QX-4410 cancelada."]
    )


def test_acknowledging_steps_the_customer_already_tried() -> None:
    customer = "The printer is offline. I already restarted it twice."
    assert acknowledges_history("Since the restarts didn't help, I've reset it.", [], customer)
    # A contextual word needs something to acknowledge; a step that did not help says it.
    assert not acknowledges_history("I reset it again.", [], "Hi.")
    assert acknowledges_history("I reset it again.", [], customer)
    cliente = "La impresora no conecta, ya la reinicié dos veces."
    assert acknowledges_history("Después de reiniciar dos veces, toca cambiarla.", [], cliente)
