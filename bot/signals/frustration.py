"""Emotional weight: is this customer message charged enough that a reply must meet it?

High weight comes from repeated contact ("third time", "ya os lo dije dos veces"), anger
("ridiculous", "estoy harta", "inadmissible"), threats to leave ("never ordering again"),
shouting (a run of capitals), or urgency and piled-up punctuation together with negative
sentiment. "I'm not angry" is not anger.
"""

from __future__ import annotations

import re

from bot.signals.patterns import compile_phrases
from bot.signals.text import fold

REPEATED_CONTACT = compile_phrases(
    {
        "en": [
            r"(second|third|fourth|fifth|2nd|3rd|4th|5th|\d+th) time",
            r"(two|three|four|five|several|many|\d+) times",
            r"how many (more )?times",
            r"(told|asked|called|explained|emailed|wrote|contacted|sent) (you|this|it|them)?"
            r" ?(already|again|before|twice)",
            r"i (have|ve|'ve) (already )?(called|written|emailed|contacted|asked|explained)"
            r"( you)? (\w+ )?(times|twice|already|again)",
            r"(explain|repeat|tell you) (this|it|myself) again",
            r"already (told|called|explained|sent|asked|wrote)",
            r"still (waiting|no (reply|answer|response|one))",
        ],
        "es": [
            r"(segunda|tercera|cuarta|quinta) vez",
            r"(dos|tres|cuatro|cinco|\d+) veces",
            r"ya (os|les|te|le) (lo )?(di|dije|envie|mande|explique|escribi)",
            r"otra vez",
            r"de nuevo",
            r"cuantas veces",
            r"sigo esperando",
        ],
        "fr": [
            r"(deuxieme|troisieme|quatrieme|cinquieme) fois",
            r"(deux|trois|quatre|\d+) fois",
            r"(deja|encore) (signale|dit|envoye|explique|appele)",
            r"combien de fois",
        ],
        "de": [
            r"zum (zweiten|dritten|vierten|x-ten) mal",
            r"(zweimal|dreimal|viermal|mehrmals)",
            r"schon wieder",
            r"(schon|bereits) (\w+ )?(geschrieben|angerufen|geschickt|gesagt)",
            r"wie oft (noch)?",
        ],
        "pt": [
            r"(segunda|terceira|quarta|quinta) vez",
            r"(duas|tres|quatro|\d+) vezes",
            r"de novo",
            r"outra vez",
            r"ja (falei|enviei|mandei|liguei|expliquei|pedi)",
            r"quantas vezes",
        ],
    }
)
ANGER = compile_phrases(
    {
        "en": [
            r"ridiculous",
            r"unacceptable",
            r"outrageous",
            r"disgrace(ful)?",
            r"pathetic",
            r"furious",
            r"angry",
            r"livid",
            r"fed up",
            r"sick (and tired )?of",
            r"a joke",
            r"worst",
            r"terrible service",
            r"useless",
            r"scam",
            r"rip-?off",
            r"(never|not) (\w+ing|coming back|buying|using you) (\w+ )?again",
            r"never again",
            r"cancel (my|the) (account|subscription|order)",
            r"i'?m done",
            r"humiliat\w*",
            r"disgust\w*",
            r"incompetent",
            r"wtf",
            r"(is )?this is how you treat",
            r"(i'?m|i am|we'?re|i will|i'll|we will) (switching|leaving|moving|going) (to (another"
            r"|a different|a competitor)|providers?|elsewhere)",
            r"switch(ing)? (providers?|to a competitor|to another)",
            r"can'?t take (it|this|any ?more)",
            r"at (my|the end of my) wits'? end",
        ],
        "es": [
            r"hart[oa]s?",
            r"inaceptable",
            r"indignante",
            r"vergonzoso",
            r"una verguenza",
            r"furios[oa]",
            r"enfadad[oa]",
            r"cabread[oa]",
            r"ridiculo",
            r"en serio\??",
            r"nunca mas",
            r"una estafa",
            r"pesim[oa]",
            r"maleducad[oa]",
            r"impresentable",
            r"me tienen hart[oa]",
            r"es el colmo",
            r"inutiles?",
            r"no (lo )?aguanto mas",
            r"me (voy|cambio) (a|con) (otra|la competencia)",
        ],
        "fr": [
            r"inadmissible",
            r"inacceptable",
            r"scandaleux",
            r"honteux",
            r"marre",
            r"furieux",
            r"furieuse",
            r"n'importe quoi",
            r"plus jamais",
            r"une honte",
            r"lamentable",
            r"ras le bol",
            r"n'en peux plus",
        ],
        "de": [
            r"unverschamt",
            r"frechheit",
            r"inakzeptabel",
            r"es reicht",
            r"wutend",
            r"skandal\w*",
            r"nie wieder",
            r"unfassbar",
            r"katastrophe",
            r"sauer",
            r"halte (das|es) nicht mehr aus",
        ],
        "pt": [
            r"absurdo",
            r"inaceitavel",
            r"vergonha",
            r"palhacada",
            r"revoltad[oa]",
            r"furios[oa]",
            r"desesperad[oa]",
            r"nunca mais",
            r"descaso",
            r"ridiculo",
            r"nao aguento mais",
        ],
    }
)
URGENCY = compile_phrases(
    {
        "en": [
            r"asap",
            r"urgent(ly)?",
            r"immediately",
            r"right (now|away)",
            r"now",
            r"today",
            r"stuck",
            r"emergency",
            r"is due",
        ],
        "es": [r"urgente", r"ya", r"inmediatamente", r"ahora mismo", r"cuanto antes"],
        "fr": [r"urgent", r"immediatement", r"tout de suite", r"au plus vite"],
        "de": [r"sofort", r"dringend", r"umgehend", r"heute noch"],
        "pt": [r"urgente", r"imediatamente", r"agora", r"ja"],
    }
)
# Exasperation ("what is going on?!"), a long outage ("down for 40 minutes", "llevo tres días
# sin internet") and needing it now ("necesito una solución ya") each add pressure.
EXASPERATION = compile_phrases(
    {
        "en": [
            r"what (is|'s) going on",
            r"what is happening",
            r"how is this (possible|acceptable)",
        ],
        "es": [r"que (esta|esta) pasando", r"que pasa con"],
        "fr": [r"qu'est-ce qui se passe", r"c'est quoi ce"],
        "de": [r"was ist (da )?los", r"was soll das"],
        "pt": [r"o que (esta|ta) acontecendo"],
    }
)
_COUNT = r"(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|\w+ and a half)"
LONG_WAIT = compile_phrases(
    {
        "en": [r"(for|in) (the (last|past) )?" + _COUNT + r" (minutes|hours?|days?|weeks?)"],
        "es": [
            r"(llevo|lleva|llevamos|llevan) (\w+ )?(\d+|un|una|dos|tres|cuatro|cinco|varios"
            r"|varias) (minutos|horas?|dias?|semanas?)"
        ],
        "fr": [
            r"depuis (\d+|une?|deux|trois|quatre|cinq|plusieurs) (minutes|heures?|jours|semaines)"
        ],
        "de": [r"seit (\d+|einer|zwei|drei|vier|funf|mehreren) (minuten|stunden?|tagen|wochen?)"],
        "pt": [
            r"ha (\d+|uma?|dois|duas|tres|quatro|cinco|varios|varias) (minutos|horas?|dias"
            r"|semanas?)"
        ],
    }
)
NEED_NOW = compile_phrases(
    {
        "en": [r"(need|want) (\w+ ){0,4}(now|asap|urgently|tonight|today|immediately)"],
        "es": [r"(necesito|necesitamos|quiero) (\w+ ){0,4}(ya|ahora|urgente|hoy|esta noche)"],
        "fr": [r"(besoin|veux) (\w+ ){0,4}(maintenant|tout de suite|urgence|ce soir|aujourd'hui)"],
        "de": [r"(brauche|brauchen) (\w+ ){0,4}(sofort|jetzt|heute|dringend)"],
        "pt": [r"(preciso|precisamos|quero) (\w+ ){0,4}(agora|ja|urgente|hoje)"],
    }
)
_NEGATED_ANGER = re.compile(r"(not|no|nicht|pas|nao) (\w+ )?$")
_SHOUT_WORD = re.compile(r"\b[A-ZÁÉÍÓÚÑÄÖÜÇÀÈÊÔ]{3,}\b")
_PILED_PUNCTUATION = re.compile(r"[!?]{2,}")


def is_shouting(text: str) -> bool:
    """A run of capitals: a shouted word of four letters (or NOW, WHY, YET) or more."""
    # A mostly upper-case message always contains such a word, so one regex pass decides.
    return any(len(w) >= 4 or w in {"NOW", "WHY", "YET"} for w in _SHOUT_WORD.findall(text))


def _angry(folded: str) -> bool:
    for match in ANGER.finditer(folded):
        if not _NEGATED_ANGER.search(folded[max(0, match.start() - 12) : match.start()]):
            return True
    return False


def is_frustrated(text: str, sentiment_score: float, earlier_contacts: int = 0) -> bool:
    """High emotional weight in a customer message (`earlier_contacts`: within the window)."""
    if not text:
        return False
    folded = fold(text)
    if REPEATED_CONTACT.search(folded) or _angry(folded):
        return True
    negative = sentiment_score <= -0.05
    # Shouting joy ("SO EXCITED!!!") is not frustration: capitals count unless positive.
    if is_shouting(text) and sentiment_score < 0.05 and (negative or "?" in text or "!" in text):
        return True
    if not negative:
        return False
    needed = 1 if sentiment_score <= -0.5 else 2
    pressure = (earlier_contacts >= 2) + bool(_PILED_PUNCTUATION.search(text))
    for cue in (URGENCY, NEED_NOW, LONG_WAIT, EXASPERATION):
        if pressure >= needed:
            break
        pressure += bool(cue.search(folded))
    return pressure >= needed
