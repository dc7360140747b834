"""Upsell: something extra offered as a question with its price, a switch offered with what
it saves, a tier the agent can move the customer to; and what is no sale (a hardship payment
plan, an electronic signature, the customer's own tier). Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.signals.upsell import is_upsell


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Done, seat 12A is yours. Would you like to add priority boarding for £9?", "en"),
        ("Listo. ¿Quieres añadir la garantía ampliada por 19 € más?", "es"),
        ("C'est noté. Voulez-vous ajouter l'assurance annulation pour 15 € ?", "fr"),
        ("Erledigt. Möchten Sie die Reiserücktrittsversicherung für 24 € dazubuchen?", "de"),
        ("Pronto! Quer incluir a proteção de tela por R$ 29?", "pt"),
        ("If you switch to yearly billing you get two months free.", "en"),
        ("Si juntas la fibra y el móvil te ahorras 12 € al mes.", "es"),
        ("Se você passar para o plano anual, ganha um mês grátis.", "pt"),
        ("The Team tier runs reports instantly, and I can move you over today.", "en"),
    ],
)
def test_a_priced_extra_a_saving_switch_or_a_tier_move_is_a_pitch(text: str, lang: str) -> None:
    assert is_upsell(text, language=lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I've set up a payment plan of £30 a month from June, with no fees.", "en"),
        ("Le he preparado un plan de pagos de 20 € al mes sin intereses.", "es"),
        ("É só assinar pela assinatura eletrônica até sexta.", "pt"),
        ("On Pro the limit is 500 calls an hour; above it you'll get an error.", "en"),
    ],
)
def test_a_payment_plan_a_signature_or_the_customers_own_tier_is_no_pitch(
    text: str, lang: str
) -> None:
    assert not is_upsell(text, language=lang)
