"""Empathy in agent replies: none, scripted or authentic, and whether it met the message.

*Scripted*: the only empathy is a configured script phrase (`Settings.script_phrases`) or
generic boilerplate ("we apologize for any inconvenience", "lamentamos las molestias").
*Authentic*: the reply names this customer's feeling or situation in its own words ("being
stuck abroad with a frozen card is frightening", "qué rabia quedarte sin cena", "je
comprends que vous soyez à bout"), owns a mistake, or spares them repeating themselves.
Script phrases are removed before looking for authentic cues, so "I understand your
frustration" never counts as authentic.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from bot.signals.patterns import compile_phrases
from bot.signals.text import fold

BOILERPLATE = compile_phrases(
    {
        "en": [
            r"we (sincerely )?apologi[sz]e",
            r"(we are|we'?re|i'?m|i am) sorry for (the|any|your)"
            r" (trouble|inconvenience|delay|issue|problem)s?( caused)?",
            r"sorry for the trouble",
            r"we regret",
            r"(thank you|thanks) for your (patience|understanding)",
            r"(i|we) understand your (frustration|concern)s?",
            r"we value (you|your)",
            r"your feedback has been (passed|forwarded|shared)",
            r"we are experiencing high",
            r"sorry to hear (that|this)",
            r"apologies for (the|any) inconvenience",
            # Generic "how frustrating this must be": fits every customer, says nothing of this one.
            r"(we|i) (can |completely |totally )?understand (how|that) (frustrating|difficult"
            r"|stressful|upsetting|annoying|inconvenient) (this|that|it)"
            r" (must be|is|can be|may be)",
            r"(we|i) (can |completely |totally )?understand (how|that) (this|that|it) (must be|is"
            r"|can be|may be) (frustrating|difficult|stressful|upsetting|annoying|inconvenient)",
        ],
        "es": [
            r"lamentamos",
            r"(disculpe|disculpa|disculpen) las molestias",
            r"sentimos (las|los)"
            r" (molestias|inconvenientes)",
            r"entendemos (su|tu) (frustracion|malestar|molestia)",
            r"gracias por su (paciencia|comprension)",
            r"pedimos disculpas",
        ],
        "fr": [
            r"nous (vous prions de nous )?excus\w+",
            r"(desole|desoles) pour (la|le|les) (gene|"
            r"desagrement)\w*",
            r"gene occasionnee",
            r"nous comprenons votre (frustration|"
            r"mecontentement)",
            r"merci (pour|de) votre (patience|comprehension)",
        ],
        "de": [
            r"wir entschuldigen uns",
            r"entschuldigen sie (bitte )?die unannehmlichkeiten",
            r"wir bedauern",
            r"(vielen )?dank fur ihre (geduld|verstandnis)",
            r"wir verstehen ihren (frust|arger|unmut)",
            r"entschuldigen (sie )?(bitte )?die unannehmlichkeiten",
        ],
        "pt": [
            r"lamentamos",
            r"pedimos desculpas",
            r"desculpe (o|pelo) transtorno",
            r"agradecemos (a|sua) (paciencia|compreensao)",
            r"entendemos (a )?sua frustracao",
        ],
    }
)
AUTHENTIC = compile_phrases(
    {
        "en": [
            r"(that|this|it) (sounds|must be|must have been|is|was|'s) (\w+ )?(awful|terrible"
            r"|frustrating|stressful|frightening|scary|embarrassing|worrying|horrible|a nightmare"
            r"|rough|exhausting|upsetting|maddening|infuriating|miserable|unfair|a pain)",
            r"(awful|frightening|embarrassing|stressful|rotten|nightmare|scary|upsetting"
            r"|infuriating|worrying|humiliating|miserable)",
            r"shouldn'?t (have )?(happen\w*|had to)",
            r"should (not )?have (got|had|been|heard)",
            r"(our|my) (mistake|fault|error)",
            r"(that'?s|this is) on us",
            r"(i'?m|i am) (so |really |truly |very )?sorry (that|you|to hear (that )?you|about"
            r" (the|your)|,)",
            r"i (completely |totally |really )?(understand|get) (why|how|that)",
            r"i can (only )?imagine",
            r"(you'?re|you are) (absolutely |completely )?right",
            r"no need to (go through|explain|repeat|send)",
            r"on top of",
            r"(you'?ve|you have) had to",
            r"with (a|your) \w+ waiting",
            # Naming how this situation feels, whatever the subject of the sentence.
            r"(must|would|will) (be|have been|feel) (so |really |incredibly |very |pretty )?(awful"
            r"|terrible|frustrating|stressful|frightening|scary|worrying|maddening|annoying"
            r"|exhausting|upsetting|infuriating|disruptive|nerve-wracking|overwhelming|hard|tough"
            r"|difficult|disappointing)",
            r"(annoying|maddening|exhausting|nerve-wracking|heartbreaking|overwhelming|disruptive)",
            r"(about )?as bad as it gets",
            r"the last thing you need",
            r"i know (how|that|what|this|it'?s|you'?re|you'?ve|every|how much)",
        ],
        "es": [
            r"que (rabia|faena|pena|horror|susto|lata|mal trago)",
            r"lo (entiendo|siento mucho)",
            r"(es|debe ser|debe de ser) (muchisima |mucha |una )?(presion|frustrante|horrible|"
            r"fastidio|agotador|angustiante|un rollo)",
            r"tienes? (toda la )?razon",
            r"(un|el) error (fue )?nuestro",
            r"culpa nuestra",
            r"a cualquiera",
            r"siento (mucho )?(que|lo)",
            r"entiendo (que|perfectamente|tu|su)",
            r"no (tienes|tiene) que (repetir|explicar)",
            r"es (muy |realmente |super |tan |bastante )?(frustrante|agotador|angustiante|horrible"
            r"|estresante|desesperante|un fastidio|una faena)",
            r"es (normal|logico|comprensible) que",
            r"(lo siento|siento) (de verdad|muchisimo|mucho|de corazon)",
            r"(?:^|(?<=[.!?] ))se (que|lo (frustrante|dificil|molesto|importante))",
            r"(menudo|vaya) (susto|disgusto|faena|lio)",
        ],
        "fr": [
            r"je comprends (que|votre|tout a fait|parfaitement)",
            r"a bout",
            r"(c'est|quelle) (vraiment )?(penible|frustrant|galere|horrible)",
            r"vous avez (tout a fait )?raison",
            r"(notre|mon) (erreur|faute)",
            r"(je suis )?(vraiment )?desole(e)? (que|de)",
            r"c'est (vraiment |tres |tellement )?(epuisant|stressant|angoissant|decourageant"
            r"|rageant|enervant|insupportable|pas facile|usant|inquietant)",
            r"(vous )?en (ayez|avez) assez",
        ],
        "de": [
            r"(es )?tut mir (sehr |wirklich |aufrichtig )?leid,? dass",
            r"das ist (wirklich |sehr )?(argerlich|frustrierend|arg|arger)",
            r"ich verstehe( gut| vollkommen)?,? (dass|wie)",
            r"sie haben (vollig )?recht",
            r"(unser|mein) fehler",
            r"ist (wirklich |sehr |echt |total |naturlich )?(argerlich|frustrierend|nervig"
            r"|anstrengend|belastend|stressig|schlimm|furchtbar)",
            r"(ein )?(furchtbarer|riesiger|grosser|echter|ziemlicher) schreck",
            r"nicht allein",
            r"kann (ich )?(gut )?verstehen",
        ],
        "pt": [
            r"(isso|isto) (e|deve ser) (muito )?(urgente|frustrante|horrivel|terrivel|chato)",
            r"o erro foi nosso",
            r"(erro|culpa) nossa?",
            r"entendo (que|perfeitamente|sua)",
            r"(voce|vc) tem (toda )?razao",
            r"sinto muito (que|por)",
            r"imagino",
            r"(e|deve ser|deve estar sendo) (muito |bem |realmente |super )?(chato|frustrante"
            r"|exaustivo|estressante|dificil|horrivel|terrivel|complicado|angustiante|desgastante)",
        ],
    }
)


@lru_cache(maxsize=64)
def _scripts(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(p).strip(" .!") for p in phrases if p.strip())


def empathy(text: str, script_phrases: Iterable[str] = ()) -> str:
    """`none`, `scripted` or `authentic` for an agent reply."""
    if not text:
        return "none"
    folded = fold(text)
    scripted = False
    for phrase in _scripts(tuple(script_phrases)):
        if phrase and phrase in folded:
            folded = folded.replace(phrase, " ")
            scripted = True
    if AUTHENTIC.search(BOILERPLATE.sub(" ", folded)):
        return "authentic"
    if scripted or BOILERPLATE.search(folded):
        return "scripted"
    return "none"


def empathy_matched(empathy_label: str, answered_weight_high: bool | None) -> bool | None:
    """Did the empathy meet the weight of the answered message? None when nothing answered.

    A charged message (frustration or negative sentiment) needs authentic empathy; a calm
    one is met by any reply, since empathy it does not need is not a failure.
    """
    if answered_weight_high is None:
        return None
    return empathy_label == "authentic" if answered_weight_high else True
