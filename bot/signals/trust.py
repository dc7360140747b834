"""Trust indicators: words and phrases in customer feedback that say the customer felt
helped, heard and not pushed ("you were patient", "me entendió", "didn't push any extras").

A negated quality is not trust: "not exactly helpful" and "no fue útil" do not count;
a negated pressure is: "never pushy", "sin presionarme".
"""

from __future__ import annotations

import re

from bot.signals.cues import Cues, note
from bot.signals.patterns import compile_phrases
from bot.signals.text import fold

TRUST = compile_phrases(
    {
        "en": [
            r"helpful",
            r"patient(ly)?",
            r"understood (me|my|what)",
            r"listened",
            r"(felt|feel) (heard|listened to|understood)",
            r"took (good )?care of",
            r"explained (everything|it|things) (so )?clearly",
            r"trust(ed|worthy)?",
            r"reliable",
            r"(?<!be )(?<!being )honest",  # not the hedge "to be honest", "being honest"
            r"professional",
            r"caring",
            r"kind(?! (regards|wishes))",  # not the sign-off "kind regards"
            r"respectful",
            r"(will|would) recommend",
            r"went (above|the extra mile)",
            r"reassur\w+",
        ],
        "es": [
            r"paciente",
            r"paciencia",
            r"me (entendio|entendieron|escucho|escucharon)",
            r"amables?",
            r"atent[oa]s?",
            r"(se nota que )?se preocupa\w*",
            r"utiles?",
            r"me ayudaron mucho",
            r"me ayudo mucho",
            r"confian\w+",
            r"(?<!ser )honest[oa]s?",  # not the hedge "para ser honesto"
            r"profesional(es)?",
            r"me atendi\w+ (genial|muy bien|de maravilla)",
            r"recomiendo",
        ],
        "fr": [
            r"patient(e|s)?",
            r"a l'ecoute",
            r"aimables?",
            r"m'(a|avez|ont) (bien )?compris",
            r"serviables?",
            r"professionnel\w*",
            r"confiance",
            r"pris soin",
            r"rassur\w+",
        ],
        "de": [
            r"hilfsbereit",
            r"geduldig",
            r"hilfreich",
            r"(hat|haben) mich verstanden",
            r"freundlich",
            r"kompetent",
            r"vertrauen",
            r"zugehort",
            r"gekummert",
        ],
        "pt": [
            r"atencios[oa]s?",
            r"pacientes?",
            r"prestativ[oa]s?",
            r"me (entendeu|entenderam)",
            r"me (escutou|ouviu|ouviram)",
            r"gentis?",
            r"confian\w+",
            r"cuidaram",
            r"ajudaram muito",
            r"uteis",
            r"util",
        ],
    }
)
NO_PRESSURE = compile_phrases(
    {
        "en": [
            r"(didn'?t|did not|never|not|wasn'?t|without) (\w+ )?(push\w*|pressur\w+|rush\w*)",
            r"no (pressure|hard sell)",
        ],
        "es": [r"sin (presionar\w*|presion|prisa\w*|agobiar\w*)", r"no me (presionaron|presiono)"],
        "fr": [r"sans (pression|me (presser|brusquer|forcer))"],
        "de": [r"ohne (druck|mich zu drangen)", r"nicht gedrangt"],
        "pt": [r"sem (pressao|me pressionar|pressa)"],
    }
)
_NEGATION_BEFORE = re.compile(
    # Whole words only: "tono" or "presiono" ends in "no" but negates nothing.
    r"(?:\b(?:not|never|no|nunca|nada|pas|nicht|kein\w*|nao|nem)\b|n't)"
    r"( \w+){0,2} ?$"
)


def has_trust_indicator(text: str, cues: Cues | None = None) -> bool:
    """Does this customer message contain a trust word or phrase, not negated?"""
    if not text:
        return False
    folded = fold(text)
    pressure = NO_PRESSURE.search(folded)
    if pressure:
        note(cues, "trust indicator", "not pushed", pressure.group())
        return True
    for match in TRUST.finditer(folded):
        if not _NEGATION_BEFORE.search(folded[max(0, match.start() - 25) : match.start()]):
            note(cues, "trust indicator", "a trust word or phrase", match.group())
            return True
        note(cues, "trust indicator", "a trust word negated", match.group())
    return False
