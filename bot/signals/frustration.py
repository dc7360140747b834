"""Emotional weight: is this customer message charged enough that a reply must meet it?

High weight comes from repeated contact ("third time", "ya os lo dije dos veces"), anger
("ridiculous", "inadmissible"), threats to leave ("never ordering again"), a feeling named
outright ("I am so fed up", "estoy harta", "j'en ai marre", "ich habe die Nase voll", "estou
farto"), shouting (a run of capitals), strong urgency with piled-up "!!!" or "???" whatever
the words' polarity, or milder urgency and pressure together with negative sentiment.
"I'm not angry" is not anger.
"""

from __future__ import annotations

import re

from bot.signals.cues import Cues, note
from bot.signals.patterns import compile_phrases
from bot.signals.text import fold

SIGNAL = "frustration"
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
            # Asking how to cancel ("how do I cancel my subscription?") is an enquiry.
            r"cancel (my|the) (account|subscription|order)(?![^.!?\n]*\?)",
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
# Customers who name the feeling outright: a first person, a state verb, intensifiers and a
# feeling word ("I'm getting really annoyed", "estoy harta", "je suis à bout", "ich bin total
# genervt", "estou farto"), or an idiom of having had enough ("j'en ai marre", "ich habe die
# Nase voll", "estou de saco cheio"). Annoyance, worry and disappointment ("molesto",
# "agacé", "genervt") count only with a strong intensifier ("really", "muy", "vraiment",
# "total", "muito"): "das nervt" or "bastante molesto" is a complaint, not high weight.
# Without the first person the word may describe someone else; "not", "no", "pas", "nicht",
# "não" before it undo it.
_EN_VERY = r"(so |really |very |extremely |completely |totally |absolutely |utterly "
_EN_VERY += r"|incredibly |seriously |deeply )"
_EN_MORE = r"(" + _EN_VERY[1:-1] + r"|beyond |quite |pretty |just |getting |becoming |growing "
_EN_MORE += r"|now )"
_ES_VERY = r"(muy |tan |super |realmente |totalmente |completamente |de verdad )"
_ES_MORE = r"(" + _ES_VERY[1:-1] + r"|bastante |ya )"
_FR_VERY = r"(tellement |vraiment |tres |trop |completement |totalement |super |hyper )"
_FR_MORE = r"(" + _FR_VERY[1:-1] + r"|assez |carrement |deja |franchement )"
_DE_VERY = r"(so |echt |total |wirklich |extrem |vollig |sehr |richtig |absolut |zutiefst )"
_DE_MORE = r"(" + _DE_VERY[1:-1] + r"|langsam |mittlerweile |inzwischen |einfach |nur noch "
_DE_MORE += r"|allmahlich |ziemlich )"
_PT_VERY = r"(tao |muito |super |completamente |totalmente |realmente |extremamente )"
_PT_MORE = r"(" + _PT_VERY[1:-1] + r"|bem |ja )"
FEELING = compile_phrases(
    {
        "en": [
            r"(i'?m|i am|i feel|i'?ve been|i have been|we'?re|we are|feeling|am) "
            + _EN_MORE
            + r"*(frustrated|exasperated|exhausted|fed up|angry|furious|livid|fuming"
            r"|pissed( off)?|mad|desperate|disgusted|outraged|appalled|sick (and tired )?of"
            r"|tired of|done with|at my wits'? end|losing (my )?patience"
            r"|at the end of my tether)",
            r"(i'?m|i am|i feel|we'?re|we are|feeling) (getting |becoming )?"
            + _EN_VERY
            + r"+(annoyed|irritated|disappointed|upset|let down|worried|stressed( out)?)",
            r"(i'?ve|i have|we'?ve|we have) (had|had it|had more than) enough",
            r"(my|our) patience (is|has) (running out|run out|worn thin|gone)",
        ],
        "es": [
            r"(estoy|me siento|ando|estamos|me tienen|me tiene|sigo) "
            + _ES_MORE
            + r"*(hart[oa]s?|frustrad[oa]s?|desesperad[oa]s?|enfadad[oa]s?|cabread[oa]s?"
            r"|indignad[oa]s?|agotad[oa]s?|quemad[oa]s?|furios[oa]s?|hasta (las narices|el gorro"
            r"|la coronilla|arriba)|perdiendo la paciencia|que exploto)",
            r"(estoy|me siento|estamos) "
            + _ES_VERY
            + r"+(molest[oa]s?|decepcionad[oa]s?|preocupad[oa]s?)",
            r"hasta (las narices|el gorro|la coronilla)",
            r"se me (acaba|agota|esta acabando|esta agotando|ha acabado) la paciencia",
            r"no puedo mas",
        ],
        "fr": [
            r"(je suis|suis|je me sens|nous sommes|on est|je deviens) "
            + _FR_MORE
            + r"*(furieux|furieuse|enerve\w*|exaspere\w*|excede\w*|frustre\w*|a bout"
            r"|degoute\w*|epuise\w*|a cran|hors de moi|en colere|desespere\w*|outre\w*)",
            r"(je suis|je me sens|nous sommes) "
            + _FR_VERY
            + r"+(agace\w*|decu\w*|inquiet\w*|contrarie\w*)",
            r"j'en ai (vraiment |tellement |franchement )?(marre|ras le bol|assez|plein le dos)",
            r"je perds patience",
            r"ma patience a des limites",
        ],
        "de": [
            r"(ich bin|bin|ich fuhle mich|wir sind|ich werde) "
            + _DE_MORE
            + r"*(frustriert|sauer|stinksauer|wutend|verargert|verzweifelt|entnervt"
            r"|am ende|mit den nerven am ende|emport|fassungslos|bedient)",
            r"(ich bin|wir sind) " + _DE_VERY + r"+(genervt|enttauscht|besorgt|verunsichert)",
            r"(die )?nase (gestrichen |echt |so was von )?voll",
            r"mir reicht(?:'?s| es)(?: jetzt| langsam| wirklich| endgultig| echt| allmahlich)*"
            r"(?=\s*[.!]|\s*$)",
            r"(ich )?(habe|hab) (echt |langsam |jetzt )?genug(?=\s*[.!]|\s*$| davon)",
            r"(mir )?platzt (gleich |bald )?der kragen",
            r"verliere (langsam |allmahlich )?(die|meine) geduld",
        ],
        "pt": [
            r"(estou|to|tou|fico|estamos|me sinto|ando) "
            + _PT_MORE
            + r"*(fart[oa]s?|cansad[oa]s? (de|disso)|frustrad[oa]s?|revoltad[oa]s?"
            r"|desesperad[oa]s?|put[oa]s?|indignad[oa]s?|de saco cheio|p da vida"
            r"|possess[oa]s?|furios[oa]s?|nervos[oa]s?)",
            r"(estou|me sinto|estamos) "
            + _PT_VERY
            + r"+(irritad[oa]s?|chatead[oa]s?|decepcionad[oa]s?|preocupad[oa]s?)",
            r"saco cheio",
            r"perdendo a paciencia",
            r"que raiva",
        ],
    }
)
# Urgency strong enough that, with piled-up "!!!" or "???", it is pressure whatever the words'
# polarity ("need it fixed ASAP!!!" reads positive to a lexicon).
STRONG_URGENCY = compile_phrases(
    {
        "en": [r"asap", r"urgent(ly)?", r"immediately", r"right (now|away)", r"emergency"],
        "es": [r"urgente", r"inmediatamente", r"ahora mismo", r"cuanto antes", r"ya mismo"],
        "fr": [r"urgent", r"urgence", r"immediatement", r"tout de suite", r"au plus vite"],
        "de": [r"sofort", r"dringend", r"umgehend", r"heute noch", r"notfall"],
        "pt": [r"urgente", r"imediatamente", r"agora mesmo", r"o quanto antes", r"emergencia"],
    }
)
NEED_TODAY = compile_phrases(
    {
        "en": [r"need (\w+ ){0,4}(now|asap|urgently|tonight|today|immediately)"],
        "es": [r"(necesito|necesitamos) (\w+ ){0,4}(ya|ahora|urgente|hoy|esta noche)"],
        "fr": [
            r"(besoin|dois|devons) (\w+ ){0,4}(maintenant|tout de suite|urgence|ce soir"
            r"|aujourd'hui)"
        ],
        "de": [r"(brauche|brauchen|muss|mussen) (\w+ ){0,4}(sofort|jetzt|heute|dringend)"],
        "pt": [r"(preciso|precisamos) (\w+ ){0,4}(agora|ja|urgente|hoje)"],
    }
)
# Joy is not pressure: "can't wait, it starts today!!!".
_JOY = re.compile(
    r"\b(?:love|excited|can'?t wait|yay|awesome|amazing|me encanta|ilusion\w*|j'adore|hate de"
    r"|freue? mich|adoro)\b"
)
_NEGATED_ANGER = re.compile(r"(not|no|n't|never|nicht|nie|pas|jamais|nao|nunca|nem) (\w+ )?$")
_SHOUT_WORD = re.compile(r"\b[A-ZÁÉÍÓÚÑÄÖÜÇÀÈÊÔ]{3,}\b")
_PILED_PUNCTUATION = re.compile(r"[!?]{2,}")


def is_shouting(text: str) -> bool:
    """A run of capitals: a shouted word of four letters (or NOW, WHY, YET) or more."""
    # A mostly upper-case message always contains such a word, so one regex pass decides.
    return any(len(w) >= 4 or w in {"NOW", "WHY", "YET"} for w in _SHOUT_WORD.findall(text))


def _unnegated(pattern: re.Pattern[str], folded: str) -> str | None:
    for match in pattern.finditer(folded):
        if not _NEGATED_ANGER.search(folded[max(0, match.start() - 12) : match.start()]):
            return match.group()
    return None


def _urgent_punctuation(text: str, folded: str, sentiment_score: float) -> str | None:
    piled = _PILED_PUNCTUATION.search(text)
    if not piled or sentiment_score >= 0.75 or _JOY.search(folded):
        return None
    urgency = STRONG_URGENCY.search(folded) or NEED_TODAY.search(folded)
    return f"{urgency.group()} {piled.group()}" if urgency else None


def is_frustrated(
    text: str, sentiment_score: float, earlier_contacts: int = 0, cues: Cues | None = None
) -> bool:
    """High emotional weight in a customer message (`earlier_contacts`: within the window)."""
    if not text:
        return False
    folded = fold(text)
    repeated = REPEATED_CONTACT.search(folded)
    if repeated:
        note(cues, SIGNAL, "repeated contact", repeated.group())
        return True
    for rule, pattern in (("anger or a threat to leave", ANGER), ("names the feeling", FEELING)):
        found = _unnegated(pattern, folded)
        if found:
            note(cues, SIGNAL, rule, found)
            return True
    negative = sentiment_score <= -0.05
    # Shouting joy ("SO EXCITED!!!") is not frustration: capitals count unless positive.
    if is_shouting(text) and sentiment_score < 0.05 and (negative or "?" in text or "!" in text):
        note(cues, SIGNAL, "shouting (a run of capitals)")
        return True
    urgent = _urgent_punctuation(text, folded, sentiment_score)
    if urgent:
        note(cues, SIGNAL, "urgency with piled-up ! or ?", urgent)
        return True
    if not negative:
        return False
    needed = 1 if sentiment_score <= -0.5 else 2
    pressure: list[str] = []
    if earlier_contacts >= 2:
        pressure.append(f"{earlier_contacts} earlier contacts")
    piled = _PILED_PUNCTUATION.search(text)
    if piled:
        pressure.append(piled.group())
    for cue in (URGENCY, NEED_NOW, LONG_WAIT, EXASPERATION):
        if len(pressure) >= needed:
            break
        match = cue.search(folded)
        if match:
            pressure.append(match.group())
    if len(pressure) >= needed:
        note(
            cues,
            SIGNAL,
            f"negative words ({sentiment_score:+.2f}) with pressure",
            "; ".join(pressure),
        )
        return True
    return False
