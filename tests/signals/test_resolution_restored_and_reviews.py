"""Resolution replies read by structure: a verb of working beside "again" is the working
state restored, the customer trying once more is no relapse, a report sent "to let you
know" is no promise to test later, and "claim" the noun is nobody's claim."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, the scanner connects to my laptop again.",
        "La impresora vuelve a conectar con el portátil, gracias.",
        "Merci, les paiements passent de nouveau sans souci.",
        "Danke, jetzt läuft der Drucker im Büro wieder.",
        "Obrigado, os pagamentos voltaram a ser aprovados.",
        "Parfait, la tablette se synchronise à nouveau avec le serveur.",
    ],
)
def test_a_verb_of_working_beside_again_is_the_fix_restored(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Ayer funcionaba y hoy otra vez la pantalla se queda en gris.",
        "It was working and then it froze again after lunch.",
        "Das Menü lädt kurz und dann stürzt es wieder ab.",
        "The error message shows up again when I open the tab.",
    ],
)
def test_again_joined_to_a_new_failure_is_not_a_restoration(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "I tried again this evening on the other laptop and the upload is working now.",
        "Volví a probar esta tarde y ya funciona, gracias.",
        "Ich habe es nochmal versucht und jetzt funktioniert es, danke.",
    ],
)
def test_the_customer_trying_again_is_no_relapse(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Just to let you know, the invoice page loads fine now. Thanks!",
        "Quick note to let you know the insurance claim form works now, thank you.",
    ],
)
def test_a_report_to_let_you_know_is_no_promise_to_test(text: str) -> None:
    assert resolution_reply(text) == "confirm"


def test_ill_let_you_know_still_defers() -> None:
    assert resolution_reply("It seems to work now, I'll let you know tomorrow.") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "The reminders only show up when I already have the nurse at my door.",
        "Los avisos llegan cuando ya tengo la cita hecha, no sirven de mucho.",
        "Les alertes arrivent quand j'ai déjà reçu le colis.",
        "Die Hinweise kommen erst, sobald ich schon bezahlt habe.",
    ],
)
def test_a_state_inside_a_when_clause_is_not_a_report(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The new dashboard loads much faster than before, great job.",
        "El portal nuevo funciona muchísimo mejor que el anterior. ¡Enhorabuene!",
        "La nouvelle version marche bien mieux qu'avant, bravo.",
        "Die neue Version läuft viel flüssiger als vorher, super gemacht.",
        "A nova versão funciona bem melhor do que antes, parabéns.",
    ],
)
def test_praise_by_comparison_with_before_is_a_review_not_a_fix(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "4 stars from me: the food arrived hot and on time.",
        "Mi opinión: 3 estrellas. Todo llegó bien pero el embalaje era pobre.",
        "My first order with you and everything arrived on time, lovely!",
        "Primeira compra com vocês e chegou tudo certinho, adorei.",
    ],
)
def test_a_rating_or_a_first_order_is_a_review_not_a_fix(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The connection is back and even faster than before, thanks!",
        "Ya está arreglado y la app va mejor que antes, gracias.",
        "C'est réglé, et ça tourne mieux qu'avant. Merci !",
    ],
)
def test_a_fault_named_as_put_right_confirms_beside_a_comparison(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "C'est réparé, et ça tourne mieux qu'avant. Merci !",
        "Das Konto ist jetzt im Portal entsperrt, danke.",
        "Ya ha quedado solucionado, muchas gracias.",
        "Obrigada, ficou tudo consertado.",
        "The heater is finally repaired, thank you.",
    ],
)
def test_being_fixed_as_the_clause_statement_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The heater is not repaired yet.",
        "Das Konto ist leider noch nicht entsperrt.",
        "Todavía no está solucionado.",
        "Me dijeron que ya estaba solucionado, a ver.",
    ],
)
def test_being_fixed_negated_or_reported_does_not_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Oh sure, it's fixed: the bill doubled this month. Great job.",
        "Sí, sí, solucionado: ahora me cobráis el triple. Enhorabuena.",
        "Super, c'est réglé, la page ne s'ouvre même plus. Bravo.",
        "The new search works so smoothly now, well done to the team!",
    ],
)
def test_applause_for_the_work_is_a_review_or_sarcasm_not_a_confirmation(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Okay, it finally works. Thanks.",
        "Managed to get it working, thanks a lot.",
        "Yep, that's sorted it, thank you.",
        "All done, cheers!",
        "Ahora sí carga la página de pagos, gracias.",
        "Ça fonctionne, merci pour votre aide.",
        "Jetzt klappt es, danke!",
        "Gerade eben: läuft der Drucker jetzt ohne Probleme, danke.",
        "Consegui entrar no portal agora, obrigada.",
        "Deu bom, valeu!",
        "Voltou a internet aqui, obrigado.",
    ],
)
def test_a_verb_of_working_as_the_clause_statement_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Ahora sí que no funciona nada.",
        "Não consegui entrar no portal.",
        "Läuft das Programm jetzt nicht mehr?",
        "If it finally works tomorrow I'll let you know.",
    ],
)
def test_a_verb_of_working_negated_questioned_or_hoped_does_not_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"
