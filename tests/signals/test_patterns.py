"""compile_phrases and compile_spread spread and gather phrases for speed; what they match
must not change."""

from __future__ import annotations

import re

import pytest

from bot.signals.context import _KINDS
from bot.signals.patterns import compile_phrases, compile_spread

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


REQUESTS = [
    "have you tried restarting the router?",
    "could you please try to clear the cache and log out?",
    "please make sure you turn it off and on",
    "did you try rebooting? what's your order number?",
    "could you send me your order number or the invoice number?",
    "please send a photo of the receipt and your tracking number",
    "what is the serial number, and which country are you in?",
    "where are you right now? what's the property address?",
    "can you confirm your customer number and the case reference?",
    "i restarted it twice, order 55120, ref tx-88120, tracking 1z999aa1012",
    "my address is 12 baker street, nif 12345678z, plate ab-12-cd",
    "has probado a reiniciar el router? nos puedes indicar el numero de pedido?",
    "avez-vous deja essaye de redemarrer? pourriez-vous videz le cache",
    "haben sie das gerat schon neu gestartet? bitte nennen sie die bestellnummer",
    "voce ja tentou reiniciar? qual e o numero do pedido?",
    "j'ai deja redemarre et vide le cache, commande 44871",
    "pedido 12345, ya reinicie y borre la cache",
    "",
]


def test_spread_patterns_are_found_where_the_written_ones_are() -> None:
    # Each kind's patterns in `bot.signals.context` are compiled spread: only `search` reads
    # them, and it must find them in exactly the texts the pattern as written is found in.
    texts = [*TEXTS, *REQUESTS]
    patterns = [p for pair in _KINDS.values() for p in pair]
    patterns += [p for ps in PHRASES.values() for p in ps]
    for written in patterns:
        spread, plain = compile_spread(written), re.compile(written)
        for text in texts:
            assert bool(spread.search(text)) == bool(plain.search(text)), (written, text)
