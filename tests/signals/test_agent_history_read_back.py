"""Acknowledged history read back from the record, in five languages, when there is earlier
contact: the customer's contacts counted or dated ("your calls on Monday and Wednesday",
"vos mails du 2 et du 9"), something they sent named with its date ("Ihre Kündigung vom 2.
März"), what they were told ("you were told on 2 May"), a colleague who handled it, the count
of contacts ("this is the third time"), a note left, a callback that never came ("nobody
called you back"), thanks for the steps they took. A
colleague who "will call", a price list changing "for the second time", a bill "of 3 May",
"get in touch with us again", "comme indiqué dans votre grille" or "stellen Sie sicher, dass
Sie … installiert haben" are no history.
Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from bot.signals.acknowledge import acknowledges_history

HISTORY = ["I called on Monday about the missing refund.", "I emailed again on Wednesday."]


@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        (
            "en",
            "I can see your calls on Monday and Wednesday; the refund was never sent, and I've"
            " sent it now.",
        ),
        ("en", "You were told on Monday that the refund had gone, and it hadn't. It has now."),
        ("en", "Our colleague logged the refund after your call, but it stalled; it's sent now."),
        ("en", "This is the third time you've had to chase this, and I'm sorry. It's sent now."),
        (
            "es",
            "He revisado sus llamadas del lunes y del miércoles: el reembolso no se envió y ya"
            " lo he emitido.",
        ),
        ("es", "Mi compañera registró su reclamación el lunes, pero se quedó sin enviar."),
        (
            "fr",
            "Je vois vos appels de lundi et de mercredi : le remboursement n'était pas parti,"
            " c'est fait.",
        ),
        ("fr", "C'est votre troisième appel, et je le regrette : le remboursement part ce soir."),
        (
            "de",
            "Nach Ihren beiden Anrufen am Montag und Mittwoch habe ich die Erstattung heute"
            " angewiesen.",
        ),
        ("de", "Ihre Anfrage vom 3. Juni ist bei uns angekommen, wurde aber nie bearbeitet."),
        ("de", "Ihre Kündigung vom 14. März ist bei uns eingegangen und jetzt bestätigt."),
        ("de", "Die Belege, die Sie uns am 4. und am 9. Mai geschickt haben, liegen mir vor."),
        ("fr", "J'ai relu votre dossier : trois messages sans réponse, c'est inacceptable."),
        ("fr", "Je retrouve la note laissée après votre appel : le remboursement est validé."),
        ("es", "Veo la nota que dejó mi compañero el lunes: el reembolso ya está emitido."),
        ("pt", "A Carla deixou registrado o pedido de reembolso; ele já foi aprovado."),
        # A promised callback that never came.
        ("en", "I'm sorry nobody called you back after Monday; the refund is approved now."),
        (
            "es",
            "Siento que nadie le devolviera la llamada el lunes; el reembolso ya está aprobado.",
        ),
        ("fr", "Désolé que personne ne vous ait rappelé lundi : le remboursement est validé."),
        ("de", "Es tut mir leid, dass Sie keinen Rückruf bekommen haben; die Erstattung ist frei."),
        ("pt", "Desculpe ninguém ter retornado na segunda; o reembolso já foi aprovado."),
        ("es", "Tengo el justificante que nos mandó el miércoles; el reembolso ya está aprobado."),
        (
            "de",
            "Wie wir am Montag am Telefon besprochen haben, ist die Erstattung jetzt unterwegs.",
        ),
        (
            "pt",
            "Vi suas ligações de segunda e quarta: o reembolso não tinha saído, já enviei agora.",
        ),
        ("pt", "Essa é a terceira vez que você precisa cobrar isso; o reembolso sai hoje."),
    ],
)
def test_earlier_contact_read_back_acknowledges_it(lang: str, reply: str) -> None:
    assert acknowledges_history(reply, HISTORY, "Any news?", language=lang)


@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        ("en", "Thanks for trying a second charger already, that rules out the accessories."),
        ("es", "Gracias por probar con otro cargador, eso descarta los accesorios."),
        ("fr", "Merci d'avoir déjà testé un autre chargeur, cela écarte les accessoires."),
        ("pt", "Obrigado por já ter testado outro carregador, isso descarta os acessórios."),
    ],
)
def test_thanks_for_the_steps_the_customer_took_acknowledge_them(lang: str, reply: str) -> None:
    history = ["The phone won't charge, I tried another charger."]
    assert acknowledges_history(reply, history, "Still not charging.", language=lang)


@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        ("en", "My colleague from billing will call you tomorrow to go through the refund."),
        ("en", "For the second time this year our prices are changing; here is the new list."),
        ("es", "Mi compañero de facturación le llamará mañana para revisar el reembolso."),
        ("fr", "Mon collègue du service facturation vous rappellera demain."),
        ("de", "Meine Kollegin aus der Buchhaltung wird Sie morgen anrufen."),
        ("de", "Ihre Rechnung vom 3. Mai finden Sie im Kundenportal."),
        ("pt", "Meu colega do financeiro vai te ligar amanhã para ver o reembolso."),
        # An invitation to come back, a document pointed to, a step asked for.
        ("en", "Refunds take up to ten days; please get in touch with us again if it's late."),
        ("fr", "Les frais sont facturés comme indiqué dans votre grille tarifaire."),
        ("fr", "Pouvez-vous me donner la référence ? Je reviens vers vous dès réception."),
        ("de", "Bitte stellen Sie sicher, dass Sie die neueste Version installiert haben."),
    ],
)
def test_a_colleague_to_come_or_a_dated_bill_is_no_history(lang: str, reply: str) -> None:
    assert not acknowledges_history(reply, HISTORY, "Any news?", language=lang)
