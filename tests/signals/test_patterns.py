"""compile_phrases spreads and gathers phrases for speed; what it matches must not change."""

from __future__ import annotations

import re

import pytest

from bot.signals.patterns import compile_phrases

PHRASES = {
    "en": [
        r"(is|are|'s|'re) (now )?back",
        r"(it|that) (works|worked)",
        r"still(?! (works|fine))",
        r"(a|(b|c)d)e",
        r"(\w+ ){0,2}done",
        r"\d+ days",
        r"(partly|half)( only)?(?= ?[.,]|$)|(partly|half) fixed",
        r"(x|y)+z",
        r"s?top",
    ],
    "es": [r"(se ha |ha )?(vuelto|volvio) a fallar", r"ya (me )?(deja|va)"],
}
TEXTS = [
    "the line is back now",
    "it's back",
    "that worked, thanks",
    "it still works fine",
    "it still crashes",
    "ae bde cde",
    "all of it done",
    "took 12 days",
    "partly. half fixed",
    "xyxz",
    "top stop",
    "se ha vuelto a fallar",
    "ya me deja entrar",
    "nothing here at all",
]


def _naive(by_language: dict[str, list[str]]) -> re.Pattern[str]:
    phrases = [p for ps in by_language.values() for p in ps]
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in phrases) + r")(?![\w])")


@pytest.mark.parametrize("text", TEXTS)
def test_compiled_phrases_match_where_the_plain_alternation_matches(text: str) -> None:
    fast, plain = compile_phrases(PHRASES), _naive(PHRASES)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
