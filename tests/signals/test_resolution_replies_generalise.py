"""Resolution replies: structures that decide confirm, deny or none in all five languages.

Every sentence here was written for this test; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "It stopped working again this morning after your update.",
        "The login page crashed again after the patch.",
        "It worked for a day and then the sync failed again.",
        "Ha vuelto a fallar esta mañana, otra vez el mismo aviso.",
        "Aguantó dos días y hoy otra vez se bloquea la app.",
        "L'application plante de nouveau depuis la mise à jour.",
        "Ça a tenu une journée, puis le terminal a re-planté.",
        "Seit gestern stürzt das Programm wieder ab.",
        "Einen Tag lief es, dann wurde die Zahlung wieder abgelehnt.",
        "O aplicativo travou de novo hoje cedo.",
        "Funcionou um dia e depois voltou a dar erro.",
    ],
)
def test_a_fix_that_did_not_hold_is_a_denial(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "I can log in again, the site was down yesterday but it's fine now.",
        "Es läuft wieder, der Fehler ist weg. Danke!",
        "Ya puedo entrar otra vez, gracias.",
        "Je peux à nouveau me connecter, merci !",
        "Consigo entrar de novo, obrigada!",
        "The card is active again, thanks!",
    ],
)
def test_the_working_state_coming_back_is_not_a_relapse(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    ["Nope.", "nein", "no", "Não, ainda dá erro", "Non, rien de neuf de mon côté."],
)
def test_a_bare_no_is_a_denial(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    ["It's not fixed.", "No está solucionado.", "Não está resolvido.", "Nothing works."],
)
def test_a_fix_flatly_negated_is_a_denial(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "No, I haven't had time to try it yet, will do tomorrow.",
        "Not sure it's fixed, I'll check later.",
        "No sé si funciona, lo pruebo luego.",
    ],
)
def test_not_knowing_or_not_tried_is_not_a_denial(text: str) -> None:
    assert resolution_reply(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Partly. The emails arrive but attachments are missing.",
        "En parte: el wifi va, pero el cable no.",
        "En partie seulement : le fixe marche, le mobile non.",
        "Teilweise, der Drucker geht, der Scanner nicht.",
        "Em parte, o site abre mas o app não.",
        "The bug is partly fixed.",
    ],
)
def test_a_partial_fix_is_a_denial(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "I can confirm the late fee has been refunded to my card.",
        "Le confirmo que el cargo ha sido anulado.",
        "Je vous confirme que le remboursement a bien été crédité.",
        "Hiermit bestätige ich, dass der Betrag erstattet wurde.",
        "Confirmo que o valor foi estornado.",
    ],
)
def test_a_customer_confirming_a_done_correction_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Can you confirm the refund has been processed?",
        "My booking has been cancelled without warning!",
        "I can't confirm the fee has been refunded yet.",
    ],
)
def test_a_question_or_an_unwanted_change_is_not_a_confirmation(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The app no longer crashes, thanks!",
        "Ya no se cae la conexión, gracias.",
        "La connexion ne coupe plus depuis hier, merci.",
        "Die App stürzt nicht mehr ab, danke.",
        "O app não trava mais, obrigado.",
        "Ya me deja pagar con la tarjeta.",
        "La box remarche, merci beaucoup.",
        "Endlich kann ich mich anmelden, danke!",
        "Finalmente consigo ver as faturas.",
    ],
)
def test_the_trouble_gone_or_the_ability_back_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The payment went through, took you nine days though.",
        "Funciona. Solo habéis tardado dos semanas.",
        "Ça fonctionne, mais il a fallu trois semaines.",
        "Geht wieder. Hat nur einen Monat gedauert.",
        "A linha voltou. Só levou duas semanas.",
    ],
)
def test_a_grudge_about_the_time_taken_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    ["It works, but only on my laptop.", "Funciona, pero solo en el móvil."],
)
def test_a_restriction_of_the_fix_itself_is_still_doubt(text: str) -> None:
    assert resolution_reply(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the reference number, but my package never showed up.",
        "Merci pour le numéro de dossier, mais la livraison n'a jamais eu lieu.",
        "Danke für die Bestellnummer, aber die Lieferung ist nie gekommen.",
        "Obrigada pelo protocolo, mas a entrega nunca aconteceu.",
        "If it still doesn't work tomorrow I'll call you.",
        "Si no funciona mañana os llamo.",
        "Wenn es bis Montag nicht geht, kündige ich.",
        "I still need a copy of the invoice.",
        "The courier who came today was very kind.",
        "Vou continuar como cliente, obrigado.",
    ],
)
def test_thanks_for_a_thing_conditions_and_new_requests_are_none(text: str) -> None:
    assert resolution_reply(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for trying, but it still crashes.",
        "Danke für Ihre Hilfe, aber es geht immer noch nicht.",
        "Si, sigue igual.",
    ],
)
def test_thanks_for_the_help_then_still_broken_is_a_denial(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    ["It still works fine, thanks for checking.", "Sigue funcionando bien, gracias."],
)
def test_still_working_is_not_still_broken(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Now I can send you the screenshot you asked for.",
        "Ahora puedo mandaros la foto que pedisteis.",
        "Maintenant je peux vous envoyer la capture.",
        "Jetzt kann ich Ihnen das Foto schicken.",
        "Agora posso enviar a foto que pediram.",
        "Ya están tardando demasiado en contestar.",
        "El cargo se ha realizado sin mi permiso.",
        "Le prélèvement a été effectué alors que j'avais résilié.",
        "The technician who came on Tuesday was lovely and very tidy.",
        "El técnico que vino ayer fue muy amable.",
        "O técnico que veio ontem foi muito educado.",
    ],
)
def test_being_able_to_send_a_charge_made_or_a_visit_is_not_a_confirmation(text: str) -> None:
    assert resolution_reply(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Le confirmo que el cargo no ha sido anulado.",
        "Confirmo que o valor não foi estornado.",
        "I can confirm the charge was not reversed.",
        "Das Problem wurde nicht behoben.",
        "La luz ha vuelto a irse esta noche.",
        "A internet voltou a cair.",
    ],
)
def test_a_correction_negated_or_a_service_gone_again_is_not_a_confirmation(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Solved! Many thanks.",
        "Yes that did it, thanks so much 🙏",
        "Sí, ya va. Gracias 😊",
        "Oui ça fonctionne, merci 👍",
        "Ja, läuft. Danke 👍",
        "Sim, funcionou! Obrigado 😀",
    ],
)
def test_short_confirmations_with_an_emoji_confirm(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It works on my phone but not on the laptop.",
        "Funciona en el móvil pero no en el ordenador.",
        "Ça marche sur le téléphone mais pas sur l'ordi.",
        "Auf dem Handy geht es, aber nicht am Laptop.",
        "Funciona no celular, mas não no computador.",
    ],
)
def test_working_in_one_place_but_not_another_is_a_denial(text: str) -> None:
    assert resolution_reply(text) == "deny"
