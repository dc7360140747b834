"""Denials said with "nach wie vor", "unverändert", a closing "not really" or a bare "nop";
with the same words where they deny nothing."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "Danke, aber das Tablet startet nach wie vor jede Nacht neu.",
        "Die Störung besteht unverändert, auch nach dem Neustart.",
        "Der Fehler beim Drucken ist leider unverändert da.",
        "The app opens now, but my saved cards are gone. So, not really.",
        "nop, sigue igual",
        "Nop. Same error as before.",
    ],
)
def test_denied(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin nach wie vor gern Kunde bei Ihnen, nur eine Frage zur Rechnung.",
        "Die Adresse bleibt unverändert, bitte nur den Namen ändern.",
        "I'm not really sure where to find the invoice. Could you send it again?",
    ],
)
def test_the_same_words_deny_nothing(text: str) -> None:
    assert resolution_reply(text) != "deny"
