"""Frustration: structures that generalise across five languages.

Every sentence here was written for this test; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from bot.signals import customer_signals


@pytest.mark.parametrize(
    "text",
    [
        "This is my third email about the same refund.",
        "Es mi tercer correo sobre la misma devolución.",
        "C'est mon troisième mail pour le même remboursement.",
        "Das ist meine dritte Nachricht zu derselben Erstattung.",
        "É o terceiro e-mail sobre o mesmo reembolso.",
        "I've called three times and nobody calls back.",
        "He llamado tres veces y nadie me devuelve la llamada.",
        "J'ai appelé trois fois et personne ne rappelle.",
        "Ich habe dreimal angerufen und niemand ruft zurück.",
        "Liguei três vezes e ninguém retorna.",
    ],
)
def test_counting_ones_own_contacts_is_frustration(text: str) -> None:
    assert customer_signals(text).frustration is True


@pytest.mark.parametrize(
    "text",
    [
        "I was charged twice for the same order, can you refund one?",
        "Me cobraron dos veces el mismo pedido, ¿podéis devolver uno?",
        "J'ai été débité deux fois, pouvez-vous rembourser ?",
        "Ich habe das Gerät dreimal neu gestartet, leider ohne Erfolg.",
        "Já reiniciei o modem três vezes e nada.",
        "I restarted the router three times, still no signal.",
    ],
)
def test_counts_of_other_things_are_not_repeated_contact(text: str) -> None:
    assert customer_signals(text).frustration is False


@pytest.mark.parametrize(
    "text",
    [
        "How many times will the payment be retried if it fails?",
        "¿Cuántas veces se reintenta el cobro?",
        "Wie oft wird die Sicherung gemacht?",
        "Quantas vezes posso alterar a data?",
    ],
)
def test_a_factual_how_many_times_is_not_exasperation(text: str) -> None:
    assert customer_signals(text).frustration is False


@pytest.mark.parametrize(
    "text",
    [
        "How many times do I have to explain this?",
        "¿Cuántas veces tengo que repetirlo?",
        "Combien de fois je dois le répéter ?",
        "Wie oft soll ich das noch erklären?",
        "Quantas vezes vou ter que repetir?",
    ],
)
def test_how_many_times_must_i_is_exasperation(text: str) -> None:
    assert customer_signals(text).frustration is True


@pytest.mark.parametrize(
    "text",
    [
        "Hoy otra vez se ha caído la conexión.",
        "O app travou de novo hoje.",
    ],
)
def test_again_about_the_fault_is_not_repeated_contact(text: str) -> None:
    assert customer_signals(text).frustration is False


@pytest.mark.parametrize(
    "text",
    [
        "If this isn't sorted by Monday I'm switching providers. I mean it.",
        "Si no lo arregláis el lunes me cambio de compañía. Lo digo en serio.",
        "Si ce n'est pas réglé lundi, je change d'opérateur. Je ne plaisante pas.",
        "Wenn das bis Montag nicht geht, wechsle ich den Anbieter. Das ist mein Ernst.",
        "Se não resolverem até segunda, troco de operadora. Estou falando sério.",
    ],
)
def test_an_ultimatum_said_to_be_meant_is_frustration(text: str) -> None:
    assert customer_signals(text).frustration is True


@pytest.mark.parametrize(
    "text",
    [
        "Hello, I would like to cancel my subscription at the end of the month, please.",
        "Hola, quisiera cancelar mi suscripción a final de mes.",
        "Bonjour, je souhaiterais résilier mon abonnement.",
        "Hallo, ich möchte meinen Vertrag kündigen.",
        "Olá, gostaria de cancelar minha assinatura.",
    ],
)
def test_a_polite_request_to_cancel_is_not_frustration(text: str) -> None:
    assert customer_signals(text).frustration is False


@pytest.mark.parametrize(
    "text",
    [
        "Does anyone even read these messages?",
        "¿Hay alguien leyendo esto?",
        "Est-ce que quelqu'un lit mes messages ?",
        "Liest das überhaupt jemand?",
        "Tem alguém lendo isso?",
        "Hello?????",
        "Any news on my refund?????",
    ],
)
def test_nobody_answering_and_long_question_piles_are_frustration(text: str) -> None:
    assert customer_signals(text).frustration is True


@pytest.mark.parametrize(
    "text",
    [
        "Estoy hartísima de esperar.",
        "Estou revoltadíssimo com isso.",
        "Ich habe echt die Nase gestrichen voll.",
    ],
)
def test_superlatives_and_idioms_name_the_feeling(text: str) -> None:
    assert customer_signals(text).frustration is True


@pytest.mark.parametrize(
    "text",
    [
        "Das WLAN geht jetzt, danke.",
        "Can you resend the IBAN please?",
        "The SEPA transfer failed, can you check?",
    ],
)
def test_a_lone_acronym_is_not_shouting(text: str) -> None:
    assert customer_signals(text).frustration is False


@pytest.mark.parametrize(
    "text",
    [
        "I do NOT want this add-on, remove it.",
    ],
)
def test_one_emphatic_not_in_capitals_is_shouting(text: str) -> None:
    assert customer_signals(text).frustration is True


@pytest.mark.parametrize(
    "text",
    [
        "I'm very disappointed that the voucher did not work.",
        "Estoy muy decepcionado con la entrega.",
        "Je suis vraiment déçu par la livraison.",
        "Ich bin sehr enttäuscht von der Lieferung.",
        "Estou muito decepcionada com a entrega.",
    ],
)
def test_disappointment_even_strong_is_not_frustration(text: str) -> None:
    signals = customer_signals(text)
    assert signals.frustration is False
    assert signals.sentiment.label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "WHY IS NOBODY ANSWERING MY EMAILS",
        "¿POR QUÉ NADIE ME CONTESTA?",
        "POURQUOI PERSONNE NE RÉPOND ?",
        "WARUM ANTWORTET NIEMAND?",
        "POR QUE NINGUÉM RESPONDE?",
    ],
)
def test_a_message_in_capitals_is_shouting_in_every_language(text: str) -> None:
    assert customer_signals(text).frustration is True


@pytest.mark.parametrize(
    "text",
    [
        "Hi, could you send me the invoice for March please? Thanks!",
        "Hola, ¿me podéis enviar la factura de marzo? Gracias.",
        "Bonjour, pouvez-vous m'envoyer la facture de mars ? Merci.",
        "Hallo, können Sie mir die Rechnung für März schicken? Danke.",
        "Olá, podem me enviar a fatura de março? Obrigado.",
        "The delivery was a day late, a bit annoying but fine.",
        "La entrega llegó un día tarde, un poco molesto.",
        "La livraison avait un jour de retard, un peu agaçant.",
        "Die Lieferung kam einen Tag zu spät, etwas ärgerlich.",
        "A entrega atrasou um dia, um pouco chato.",
        "Quiero darme de baja a final de mes, gracias.",
        "Ich möchte meinen Vertrag zum Monatsende kündigen.",
        "Quero cancelar o plano no fim do mês.",
    ],
)
def test_polite_requests_and_mild_annoyance_are_not_frustration(text: str) -> None:
    assert customer_signals(text).frustration is False
