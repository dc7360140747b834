"""The published lexicons shipped with alignbot: where they are used, and where ours wins."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from importlib.resources import files
from pathlib import Path

import pytest

from bot.signals.lexicons import BOOSTERS, FR, NEGATORS
from bot.signals.published import (
    MIN_VALENCE,
    PUBLISHED,
    published_lexicon,
    with_published,
)
from bot.signals.sentiment import DEFAULT_BACKEND

ROOT = Path(__file__).resolve().parents[2]


def label(text: str, language: str) -> str:
    return DEFAULT_BACKEND.score(text, language).label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quel chagrin de voir le vieux cinéma fermer.", "negative"),
        ("C'est injuste pour les gens du quartier.", "negative"),
        ("Un joli cadeau pour la fête de ma sœur.", "positive"),
    ],
)
def test_french_words_only_the_published_lexicon_knows_carry_their_valence(
    text: str, expected: str
) -> None:
    assert label(text, "fr") == expected


def test_our_entry_wins_over_the_published_one() -> None:
    published = published_lexicon("fr")
    assert published["bien"] != FR["bien"]  # the two lexicons disagree on this word
    merged = with_published("fr", {"bien": FR["bien"]})
    assert merged["bien"] == FR["bien"]


def test_our_stem_keeps_every_word_it_matches_from_the_published_lexicon() -> None:
    published = published_lexicon("fr")
    covered = [word for word in published if word.startswith("horribl")]
    assert covered  # the published lexicon has its own forms of the word
    merged = with_published("fr", {"horribl*": -3.0})
    assert not any(word in merged for word in covered)


def test_grammar_and_function_words_never_take_a_published_valence() -> None:
    merged = with_published("fr", {})
    grammar = NEGATORS["fr"] | frozenset(BOOSTERS["fr"]) | {"sur", "prix", "part"}
    assert not grammar & merged.keys()


def test_weak_and_tiny_published_entries_are_left_out() -> None:
    merged = with_published("fr", {})
    assert merged  # the published lexicon is in use
    assert all(abs(value) >= MIN_VALENCE for value in merged.values())
    assert all(len(word) >= 3 for word in merged)


@pytest.mark.parametrize(
    "text",
    [
        "Mon vol part demain matin de Lyon.",  # a flight, not a theft
        "Je vous prie de trouver ci-joint la facture du mois dernier.",
        "La garantie couvre l'écran pendant deux ans.",
        "Le paiement unique de l'adhésion se fait en septembre.",  # single, not remarkable
    ],
)
def test_support_words_the_published_lexicon_reads_in_another_sense_stay_neutral(
    text: str,
) -> None:
    assert label(text, "fr") == "neutral"


def test_an_acknowledgement_is_not_praise() -> None:
    assert label("D'accord, je regarde ça demain matin.", "fr") == "neutral"
    assert label("Ok, je réessaie après le déjeuner.", "fr") == "neutral"


def test_languages_without_a_published_lexicon_keep_ours_unchanged() -> None:
    ours = {"bueno": 1.9}
    assert with_published("es", ours) is ours


def test_every_published_lexicon_ships_with_its_licence_and_notice() -> None:
    data = files("bot.signals") / "data"
    notice = (data / "NOTICE.txt").read_text(encoding="utf-8")
    for lexicon in PUBLISHED.values():
        assert (data / lexicon.file).is_file()
        assert lexicon.file in notice
        assert lexicon.licence in notice
    assert any(entry.name.startswith("LICENSE") for entry in data.iterdir())


def test_the_wheel_carries_every_file_of_the_data_directory() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["bot.signals"]
    shipped = sorted((ROOT / "bot" / "signals" / "data").iterdir())
    assert shipped
    for path in shipped:
        relative = f"data/{path.name}"
        assert any(fnmatch(relative, pattern) for pattern in patterns), relative
