"""A "confirm" will solve a customer's ticket, so it needs evidence that the problem is gone
and no doubt anywhere in the message; anything doubtful is "none" (or "deny")."""

import pytest

from bot.signals.cues import Cue
from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "My parcel never arrived and nobody answers my emails.",
        "El paquete nunca llegó a mi casa.",
        "Le colis n'est jamais arrivé chez moi.",
        "Das Paket ist nie bei mir angekommen.",
        "A encomenda nunca chegou aqui.",
    ],
)
def test_a_parcel_that_never_came_is_not_a_confirmation(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It worked after your fix, but this morning it stopped again.",
        "The login error shows up again since the update.",
        "The crash is back after the update.",
        "Funcionó un día y se ha vuelto a romper.",
        "Ça marchait hier, mais ça plante encore ce matin.",
        "Es hat kurz funktioniert, jetzt ist der Fehler wieder da.",
        "Funcionou por um dia e parou de novo.",
    ],
)
def test_a_fix_that_broke_again_is_not_a_confirmation(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Perfecto, muchas gracias 😊",
        "Got it, thanks!",
        "Parfait, merci beaucoup !",
        "Passt, danke!",
        "Perfeito, obrigada!",
        "Top, merci Julie !",
    ],
)
def test_a_short_acknowledgement_with_thanks_alone_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Got it, thanks, I'll try tonight.",
        "Perfecto, gracias, lo pruebo y os cuento.",
        "Super, merci, je vais tester demain.",
        "Alles klar, danke, ich probiere es morgen.",
        "Beleza, obrigado, vou testar amanhã.",
        "Genial, gracias, sois muy majos.",
        "Thanks!",
        "Merci bien !",
        "Danke sehr!",
    ],
)
def test_thanks_alone_or_an_acknowledgement_with_more_said_does_not_confirm(text: str) -> None:
    assert resolution_reply(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the info, but I was charged a fee I never agreed to.",
        "It works now, but my invoice shows the wrong amount.",
        "Ya funciona, aunque tarda muchísimo en cargar.",
        "Ça marche, mais seulement sur l'ordinateur.",
        "Es geht jetzt, aber nur im Browser.",
        "Funcionou, mas só no computador.",
        "Everything works except the mobile app.",
        "The refund arrived, only it was half the amount.",
    ],
)
def test_a_contrast_or_exception_after_the_good_news_leaves_the_ticket_open(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Does it work now? I can't tell from here.",
        "Perfect, thanks, when will it arrive?",
        "Vale, gracias. ¿Y cuándo llega el técnico?",
        "C'est réglé ? Je ne vois aucune différence.",
    ],
)
def test_a_question_is_not_a_confirmation(text: str) -> None:
    assert resolution_reply(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, I'll try it tonight and see if it works.",
        "It should work now, I hope.",
        "Hopefully that fixes it, will check tomorrow.",
        "Lo pruebo esta noche y os digo si funciona.",
        "Je teste ce soir et je vous dis si ça marche.",
        "Ich teste es heute Abend und melde mich, ob es klappt.",
        "Vou testar amanhã e aviso se funcionou.",
        "Works for now, fingers crossed.",
        "It works half the time.",
        "O reembolso chegou pela metade.",
    ],
)
def test_hoped_for_future_or_partial_fixes_are_not_confirmations(text: str) -> None:
    assert resolution_reply(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Your agent told me the refund went through. It didn't.",
        "Me dijeron que ya estaba solucionado y no es así.",
        "Laut Ihrer Mail ist alles erledigt, das stimmt nicht.",
    ],
)
def test_someone_elses_claim_that_it_is_fixed_is_not_a_confirmation(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Please close my account, nothing works for me.",
        "Podéis cerrar mi cuenta, me voy a otra compañía.",
    ],
)
def test_asking_to_close_an_account_is_not_asking_to_close_the_ticket(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Thank you so much, it works perfectly now and I can finally log in again!",
        "Not sure what you changed but it's working now, thanks.",
        "No worries, it's fixed now.",
        "Thanks again, all sorted.",
        "The parcel arrived this afternoon, thank you.",
        "Ya tengo acceso otra vez, muchas gracias.",
        "Volvió a funcionar, gracias.",
        "Ça fonctionne à nouveau, merci encore !",
        "Alles läuft wieder, danke nochmal!",
        "Voltou a funcionar, obrigado de novo!",
        "Funciona perfeitamente agora, obrigado!",
    ],
)
def test_a_plain_statement_that_it_works_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


def test_the_cue_names_the_doubt_that_undid_a_confirmation() -> None:
    cues: list[Cue] = []
    assert resolution_reply("It works now, will check again tomorrow", cues) == "none"
    assert [cue.signal for cue in cues] == ["resolution reply"]
    assert "again" in cues[0].rule and cues[0].evidence == "again"
