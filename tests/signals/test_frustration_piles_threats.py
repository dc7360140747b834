"""Frustration: piles of ?/! shouted, threats to take the business elsewhere, contacts
counted, being sick of it. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from bot.signals import customer_signals


def frustrated(text: str, locale: str) -> bool:
    return customer_signals(text, locale=locale).frustration


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("where is the taxi??? the flight leaves at 7!!! answer please!!!", "en"),
        ("¿¿¿Y mi pedido??? ¡¡¡Lo necesito hoy!!!", "es"),
        ("Fix the invoice or I'm taking my business elsewhere.", "en"),
        ("Wenn das so bleibt, kaufe ich ab sofort woanders.", "de"),
        ("Se não resolverem hoje, vou pra concorrente.", "pt"),
        ("Demain j'appelle un autre opérateur, c'est fini.", "fr"),
        ("Cinco llamadas y ni una respuesta clara.", "es"),
        ("Ich habe siebenmal angerufen, jedes Mal von vorne erklärt.", "de"),
        ("I'm sick and tired of resetting this router every night.", "en"),
        ("Ich hab die Schnauze voll von diesen Abbuchungen.", "de"),
    ],
)
def test_shouted_piles_threats_counts_and_being_sick_of_it_are_frustration(
    text: str, locale: str
) -> None:
    assert frustrated(text, locale)


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("wo bleibt meine Bestellung?? sollte um 19 Uhr da sein", "de"),
        ("C'EST RÉGLÉ 😊 merci !!", "fr"),
        ("Two calls later it works, thanks!", "en"),
    ],
)
def test_a_single_pile_joy_or_two_calls_are_not_frustration(text: str, locale: str) -> None:
    assert not frustrated(text, locale)
