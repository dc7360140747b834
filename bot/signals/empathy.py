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

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.signals.cues import Cues, note
from bot.signals.patterns import compile_named, compile_phrases
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
            r"sorry to hear (that|this|about (that|this|your experience|the (issue|problem"
            r"|trouble|inconvenience|delay)))",
            r"(please )?accept (our|my) (sincere(st)? )?apolog(y|ies)( for (the|any)"
            r" (inconvenience|trouble|delay|issue)s?( caused)?)?",
            r"sorry for (any|the) (inconvenience|trouble|delay|disruption)s?( (this|that) (may"
            r" have|has) caused| caused)?",
            r"(thank you|thanks) for bringing (this|that|it) to our attention",
            r"(we|i) (truly |really )?appreciate your (patience|understanding)",
            r"(we|i) regret any (inconvenience|trouble)",
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
            r"(le|les|te|os) (pedimos|pido) (disculpas|perdon)( por (las|los|el|la) (molestias"
            r"|inconvenientes|inconveniente|retraso)( ocasionad\w+| causad\w+)?)?",
            r"(sentimos|siento|lamento|lamentamos) (mucho |muchisimo |profundamente )?(lo"
            r" (ocurrido|sucedido)|las molestias|los inconvenientes|el inconveniente|el retraso"
            r"|la situacion|cualquier (molestia|inconveniente))( ocasionad\w+| causad\w+)?",
            r"(disculpe|disculpa|disculpen|perdone|perdona|perdonen) (por )?(las|los|el|la)"
            r" (molestias|inconvenientes|inconveniente|retraso)( ocasionad\w+| causad\w+)?",
            r"disculpas por (las|los|el|la) (molestias|inconvenientes|inconveniente|retraso)",
            r"sentimos (mucho )?(escuchar|saber|oir) (esto|eso)",
        ],
        "fr": [
            r"nous (vous prions de nous )?excus\w+",
            r"(desole|desoles) pour (la|le|les) (gene|"
            r"desagrement)\w*",
            r"gene occasionnee",
            r"nous comprenons votre (frustration|"
            r"mecontentement)",
            r"merci (pour|de) votre (patience|comprehension)",
            r"(nous sommes|je suis) (vraiment |sincerement )?(desole|desolee|desoles"
            r"|navre|navree|navres) (pour|de|d'apprendre)( (la|le|les|ce|cet|cette|ces)"
            r" (gene|desagrement|inconvenient|inconvenients|situation|retard)\w*"
            r"( occasionne\w*)?)?",
            r"(veuillez|merci de) nous excuser( pour (la|le|les|ce|cette) (gene|desagrement"
            r"|retard|inconvenient)\w*( occasionne\w*)?)?",
            r"toutes nos (excuses|confuses)",
            r"nous regrettons",
            r"nous (vous )?presentons nos excuses",
            r"desole(e|s)? (pour|de) (la|le|ce|cet|cette|les|tout) (gene|desagrement"
            r"|derangement|inconvenient|contretemps|retard|attente|souci)\w*",
        ],
        "de": [
            r"wir entschuldigen uns",
            r"entschuldigen sie (bitte )?die unannehmlichkeiten",
            r"wir bedauern",
            r"(vielen )?dank fur ihre (geduld|verstandnis)",
            r"wir verstehen ihren (frust|arger|unmut)",
            r"entschuldigen (sie )?(bitte )?die unannehmlichkeiten",
            r"wir bitten,? (sie,? )?(die|etwaige|alle) (entstandenen |etwaigen )?"
            r"(unannehmlichkeiten|umstande|verzogerung\w*) (zu )?entschuldigen",
            r"(bitte )?entschuldigen sie (bitte )?(die|etwaige|alle) (entstandenen |etwaigen )?"
            r"(unannehmlichkeiten|umstande|verzogerung\w*|storung\w*)",
            r"(es )?tut uns (sehr |wirklich |aufrichtig )?leid,? (das|dies|davon) zu (horen|lesen)",
            r"(es )?tut uns (sehr |wirklich )?leid,? (fur|wegen) (die|den|das|etwaige|alle)"
            r" (entstandenen )?(unannehmlichkeiten|umstande|verzogerung\w*|storung\w*|arger)",
            r"(wir )?(bedauern|entschuldigen uns fur) (die |alle |etwaige )?(entstandenen )?"
            r"(unannehmlichkeiten|umstande|verzogerung\w*)",
            r"(entschuldigung|verzeihung) fur (die|etwaige|alle) (entstandenen )?"
            r"(unannehmlichkeiten|umstande|verzogerung\w*)",
            r"wir verstehen,? dass (dies|das) (\w+ )?(argerlich|frustrierend|arger\w*|unangenehm)"
            r" (ist|sein muss|sein kann)",
            r"wir verstehen ihre? (frustration|enttauschung|verargerung)",
        ],
        "pt": [
            r"lamentamos",
            r"pedimos desculpas",
            r"desculpe (o|pelo) transtorno",
            r"agradecemos (a|sua) (paciencia|compreensao)",
            r"entendemos (a )?sua frustracao",
            r"(pedimos|pedimos imensas|pedimos sinceras|apresentamos as nossas)"
            r" (desculpa|desculpas)"
            r"( (pelo|pela|por|pelos|pelas|por qualquer) (\w+ )?(incomodo|transtorno|inconveniente"
            r"|inconvenientes|atraso|situacao|sucedido|ocorrido)( causad\w+)?)?",
            r"(desculpe|desculpa|desculpem)( pelo| pela| o| a)? (incomodo|transtorno|inconveniente"
            r"|atraso|demora)( causad\w+)?",
            r"(sentimos|lamentamos|lamento) (muito |imenso )?(o|pelo|pela|qualquer) (\w+ )?"
            r"(incomodo|transtorno|inconveniente|ocorrido|sucedido|atraso|situacao)( causad\w+)?",
            r"(agradecemos|obrigad[oa] pela) (a )?(sua )?(paciencia|compreensao)",
            r"compreendemos (a )?sua (frustracao|insatisfacao|preocupacao)",
            r"lamentamos (saber|ouvir) (isso|isto)",
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
            # Sparing them effort already spent; naming the trouble as no small thing.
            r"you('ve| have) already (done|tried) (everything|all|both|the \w+)",
            r"(not|n'?t) (to )?waste (any more of )?your time",
            r"(is|was|'s) no fun",
            r"(not|isn'?t|wasn'?t) how (this|it|things) (should|is supposed to|ought to) (go|work"
            r"|be)",
            r"(bounced|passed|shuffled) (around|between|from)",
            r"i know (how|that|what|this|it'?s|you'?re|you'?ve|every|how much)",
            # Sympathy exclamations and owning the failure.
            r"oh (no|dear|gosh)",
            r"what a (mess|letdown|let-down|nightmare|pain|hassle|palaver|disaster|headache"
            r"|shock|ordeal|way to start)",
            r"(that'?s|that is|this is|it'?s|it is|it was|that was) (entirely |completely |all )?"
            r"(on us|our fault|our mistake|our error)",
            r"(we|i) (really |completely )?(let you down|dropped the ball|messed up|got (this|it)"
            r" wrong)",
            r"(you )?(were|was|had been) (\w+ )?promised",
            r"sorry (that )?you (had|have|were|are|'ve|'re|got|went|lost|missed)",
            r"no wonder (you|you'?re)",
            r"(must|would|will) (be|have been) (a |an )?(real |proper |total |huge |massive |such a"
            r" )?(headache|nightmare|pain|hassle|worry|shock|blow|letdown|ordeal)",
            r"(twice|three times|\d+ times|(two|three|four|five|\d+) (\w+ )?(restarts|resets|"
            r"reboots|attempts|calls|emails|tries|hours|days|weeks)) (\w+ ){0,3}(and|but) (still"
            r"|nothing|no)",
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
            r"(menudo|vaya) (susto|disgusto|faena|lio|tela|marron|desastre|rollo)",
            r"(fue|ha sido|es) (un |el )?(error|fallo) (nuestro|por nuestra parte|mio)",
            r"(te|le|os|les) (hemos|he) fallado",
            r"(con|tienes|tiene|teneis) (toda la )?razon",
            r"(ay|oh) no",
            r"que (desastre|disgusto|mala suerte|fastidio|lio|marron|follon)",
            r"no (deberia|debio|tendria que) haber (pasado|ocurrido|sucedido)",
            r"ya (has|ha) (hecho|probado|intentado) (todo|lo que|ambas|los dos)",
            r"(debe|tiene que) (de )?(ser|estar siendo) (un|una) (pesadilla|dolor de cabeza"
            r"|quebradero de cabeza|susto|agobio|calvario)",
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
            r"a (juste|bon) titre",
            r"(c'est|c'etait) (entierement |bien |totalement )?(de )?notre (faute|erreur)",
            r"(nous vous avons|je vous ai) (laisse tomber|decu|decue)",
            r"quelle (galere|poisse|horreur|deception|misere|catastrophe|pagaille|histoire)",
            r"(oh non|mince|zut|aie)",
            r"on vous a promis",
            r"n'aurait (jamais|pas) du (arriver|se produire|se passer)",
            r"vous avez (deja )?(tout )?(fait|essaye|tente) (tout|le necessaire|ce qu'il fallait)",
            r"(ca|cela) (doit|a du) (etre|vous) (\w+ )?(un|une) (cauchemar|casse-tete|angoisse"
            r"|calvaire)",
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
            r"ich verstehe (sehr |absolut |total |vollkommen |gut )*(gut|vollkommen|absolut)?,?"
            r" (dass|wie|warum)",
            r"so ein (arger|mist|pech|chaos|arg)",
            r"was fur ein (arger|mist|pech|chaos|schreck|durcheinander)",
            r"(das )?(war|ist) (ganz |allein |eindeutig )?(unser|mein) (fehler|versaumnis)",
            r"(wir haben|ich habe) sie (\w+ )?(im stich gelassen|enttauscht)",
            r"(zu )?recht (verargert|sauer|enttauscht|verstimmt|frustriert|wutend)",
            r"(oh nein|ach je|oje|ach herrje)",
            r"man hat ihnen (\w+ )?(versprochen|zugesagt)",
            r"(hatte|hatten|durfte) (so )?(nicht|nie) (\w+ )?(passieren|vorkommen) (durfen|sollen)",
            r"sie haben (bereits |schon )?(alles|beides) (\w+ )?(versucht|getan|gemacht"
            r"|probiert)",
            r"(muss|durfte|muss ja) (\w+ )?(ein|eine) (albtraum|alptraum|nervenprobe|tortur)"
            r" (sein|gewesen sein)",
        ],
        "pt": [
            r"(isso|isto) (e|deve ser) (muito )?(urgente|frustrante|horrivel|terrivel|chato)",
            r"o erro foi nosso",
            r"(erro|culpa) noss[oa]",
            r"entendo (que|perfeitamente|sua)",
            r"(voce|vc) tem (toda )?razao",
            r"sinto muito (que|por)",
            r"imagino",
            r"(voce |vc )?tem (toda a |toda )?razao",
            r"com (toda a )?razao",
            r"que (chatice|pena|horror|seca|macada|susto|azar|desastre|confusao|trapalhada)",
            r"(a |o )?(falha|erro|culpa) (foi )?(toda )?nossa",
            r"(falhamos|falhamos consigo|falhamos com voce)",
            r"(ai|oh) nao",
            r"(prometeram-lhe|prometeram a voce|lhe prometeram|te prometeram)",
            r"(voce )?ja (fez|tentou) (tudo|todos|ambos|o que)",
            r"nao (deveria|devia|podia) ter (acontecido|ocorrido)",
            r"(deve ser|deve estar sendo|imagino que seja) (uma|um) (dor de cabeca|pesadelo"
            r"|susto|aflicao|tormento|sufoco)",
            r"(e|deve ser|deve estar sendo) (muito |bem |realmente |super )?(chato|frustrante"
            r"|exaustivo|estressante|dificil|horrivel|terrivel|complicado|angustiante|desgastante)",
        ],
    }
)

# Owning the mistake in one's own words ("that was our error: we charged you twice"): the
# failure named as ours, not a generic "sorry for the error". A condition ("if we made a
# mistake") owns nothing.
_OWNING: dict[str, list[str]] = {
    "en": [
        r"we(?<!if we)(?<!in case we)('ve| have)? (made|make) (a|an|the|this|that|two) (\w+ )?"
        r"(mistake|error|blunder|slip)s?",
        r"(the|this|that) (mistake|error|fault|slip-up|mix-up|blunder) (was|is|lies|lay)"
        r" (all |entirely |completely |clearly )?(ours|mine|on us|on our (side|end)|with us)",
        r"(that|this|it)( one)?( is| was|'s) (entirely |all |completely |clearly )?(down to"
        r" us|on our (side|end)|our doing)",
        r"(we|i) (got|had) (it|this|that|your \w+( \w+)?) (completely |badly )?wrong",
        r"(we|i) (messed|mixed|screwed|slipped) (it |this |that |things )?up",
        r"(my|our) (bad|own (mistake|error|fault))",
        r"(an|our|my) (error|mistake|oversight) (on|at) (our|my) (side|end|part)",
        r"(problem|issue|fault|bug|glitch|error|mistake|defect|batch|mix-up)s? (was |is )?on"
        r" our (side|end)",
        r"you did (everything|nothing) (right|wrong|correctly)",
        r"(we(?<!if we)|i(?<!if i)) (didn'?t|did not|failed to) (keep|honou?r|stick to)"
        r" (our|my|that|the) (promise|word|commitment)",
        r"(promise|commitment) (we|i) (didn'?t|did not|failed to) keep",
    ],
    "es": [
        r"(nos(?<!si nos)|me(?<!si me)) (equivocamos|equivoque|hemos equivocado"
        r"|he equivocado|hemos confundido|confundimos)",
        r"(la culpa|el error|el fallo|la equivocacion) (es|fue|ha sido) (\w+ )?(nuestr[oa]"
        r"|mio|mia|de nuestra parte|por nuestra parte)",
        r"(error|fallo|equivocacion) (nuestro|mio|de nuestra parte|por nuestra parte)",
        r"(culpa|equivocacion) (nuestra|mia)",
        r"(metimos|meti|hemos metido|he metido) la pata",
        r"(promesa|compromiso|plazo) que (\w+ )?no (cumplimos|hemos cumplido|cumpli|he"
        r" cumplido)",
        r"no (cumplimos|hemos cumplido|cumpli) (lo prometido|nuestra promesa|nuestro"
        r" compromiso|el plazo|con lo)",
    ],
    "fr": [
        r"(erreur|faute|oubli) (de notre part|de ma part|de nos services|chez nous|de nos"
        r" equipes|de notre cote)",
        r"(nous nous sommes|je me suis) (\w+ )?(trompe|trompes|trompee|mal exprime)",
        r"(l'erreur|la faute|le probleme|l'oubli) (vient|venait|est|etait) (\w+ )?(de chez"
        r" nous|de notre cote|a nous|de notre part|la notre|la mienne|chez nous)",
        r"nous(?<!si nous) avons (fait|commis) (une|deux|des|cette) (\w+ )?(erreur|faute)s?",
        r"c'est (bien |entierement )?(de )?(notre|ma) faute",
        r"(promesse|engagement)s? que (nous|je) n'(avons|ai) pas (tenu|respecte)e?s?",
        r"(nous|je) n'(avons|ai) pas (tenu|respecte) (notre|nos|ma|mes|cette|cet|la|le)"
        r" (promesse|engagement|parole|delai)s?",
    ],
    "de": [
        r"(ein|einen|der|das war ein|unser) fehler (von uns|unsererseits|meinerseits|auf"
        r" unserer seite|bei uns)",
        r"((uns|mir) (ist|sind)|(ist|sind) (uns|mir)) (\w+ ){0,2}(ein |zwei )?(fehler|versehen"
        r"|irrtum) (\w+ )?(unterlaufen|passiert)",
        r"(wir haben|ich habe) uns (\w+ ){0,3}(vertan|geirrt|verrechnet|vertippt|versehen)",
        r"(der )?(fehler|irrtum) (lag|liegt) (\w+ )?(bei uns|bei mir|auf unserer seite)",
        r"(wir haben(?<!wenn wir haben)|ich habe(?<!wenn ich habe)) (\w+ ){0,3}(einen fehler"
        r" gemacht|falsch gemacht|verbockt|verwechselt)",
        r"(unser|mein) versaumnis|(unsere|meine) schuld",
        r"(wir haben|haben wir|ich habe|habe ich) (\w+ )?(mist gebaut|verbockt|vermasselt)",
        r"(versprechen|zusage|wort|frist) (\w+ ){0,2}nicht (eingehalten|gehalten)",
    ],
    "pt": [
        r"(erro|falha|culpa|engano) (foi )?(da nossa parte|do nosso lado|nosso|nossa|meu"
        r"|minha)",
        r"(o erro|a falha|a culpa|o engano) (foi|e) (\w+ )?(da nossa parte|do nosso lado"
        r"|nosso|nossa|minha|meu)",
        r"(erramos|errei|nos enganamos|me enganei|enganamo-nos|enganei-me)(?<!se erramos)"
        r"(?<!se errei)(?<!se nos enganamos)(?<!se me enganei)",
        r"(promessa|compromisso|prazo) que (\w+ )?nao (cumprimos|cumpri)",
        r"nao (cumprimos|mantivemos|cumpri) (a|o|nossa|nosso|a nossa|o nosso) (promessa"
        r"|compromisso|palavra|prazo)",
    ],
}
OWNING = compile_phrases(_OWNING)
# One language's phrases for a reply long enough for its detected language to be sure.
_OWNING_BY_LANGUAGE = {
    language: compile_phrases({language: _OWNING[language]}) for language in _OWNING
}
_SURE_WORDS = 8


# Validating the customer's emotion ("I understand you're angry") is authentic when the reply
# also restates concrete facts of their situation (numbers, repeats, when, where); alone, it
# could be said to anyone.
VALIDATE = compile_phrases(
    {
        "en": [
            r"(understand|get|see) (that |why )?(you'?re|you are|you were|you feel|you must be"
            r"|you'?d be) (\w+ )?(angry|upset|frustrated|fed up|annoyed|furious|disappointed"
            r"|worried|stressed|cross|livid|unhappy|exasperated)",
            r"(understandably|rightly|of course you'?re) (\w+ )?(angry|upset|frustrated|annoyed)",
        ],
        "es": [
            r"(entiendo|comprendo) (perfectamente |totalmente )?(que (estes|este|esteis|se"
            r" sienta|te sientas) )?(\w+ )?(molest\w+|enfadad\w+|cabread\w+|harta|harto"
            r"|frustrad\w+|preocupad\w+|indignad\w+)",
        ],
        "fr": [
            r"(comprends|comprenons) (tout a fait |parfaitement |bien )?(que vous soyez|votre)"
            r" (\w+ )?(agace|fache|mecontent|enerve|decu|inquiet|colere|exaspere)\w*",
        ],
        "de": [
            r"(verstehe|verstehen) (\w+ ){0,3}(verargert|sauer|enttauscht|wutend|frustriert"
            r"|verunsichert|besorgt|genervt)",
            r"(verargert|sauer|enttauscht|wutend|frustriert|verunsichert|besorgt|genervt)\w*"
            r" (sind|waren|sein)?,? (kann|konnen) (ich|wir) (\w+ )?(gut |voll |absolut |sehr gut )?"
            r"(nachvollziehen|verstehen)",
        ],
        "pt": [
            r"(entendo|compreendo) (perfeitamente |totalmente )?(que (esteja|estejas|fique) )?"
            r"(\w+ )?(chatead\w+|irritad\w+|zangad\w+|frustrad\w+|preocupad\w+|revoltad\w+)",
        ],
    }
)
SPECIFIC = re.compile(
    r"\d|\b(?:twice|again|yesterday|already|still|abroad|two|three|four|five|dos|tres|cuatro"
    r"|veces|otra vez|ayer|ya|todavia|deux|trois|quatre|fois|hier|deja|encore|zweimal|dreimal"
    r"|zwei|drei|vier|gestern|schon|bereits|wieder|noch|duas|dois|vezes|ontem|ja|ainda)\b"
)


# One pass: boilerplate comes first, so that a match consumes its span and the generic
# "we understand how frustrating this must be" is never read as authentic.
_CUES = compile_named(
    ("boilerplate", BOILERPLATE.pattern),
    ("authentic", AUTHENTIC.pattern),
    ("validate", VALIDATE.pattern),
)


@lru_cache(maxsize=64)
def _scripts(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(p).strip(" .!") for p in phrases if p.strip())


def empathy(
    text: str,
    script_phrases: Iterable[str] = (),
    cues: Cues | None = None,
    language: str | None = None,
) -> str:
    """`none`, `scripted` or `authentic` for an agent reply (`language`, when known, narrows
    the phrases owning a mistake to that language's for a reply long enough to be sure)."""
    if not text:
        return "none"
    folded = fold(text)
    scripted = ""
    for phrase in _scripts(tuple(script_phrases)):
        if phrase and phrase in folded:
            folded = folded.replace(phrase, " ")
            scripted = phrase
    kinds = {match.lastgroup: match.group() for match in _CUES.finditer(folded)}
    owning_phrases = OWNING
    if language in _OWNING_BY_LANGUAGE and folded.count(" ") >= _SURE_WORDS:
        owning_phrases = _OWNING_BY_LANGUAGE[language]
    owning = owning_phrases.search(folded)
    if owning:
        note(cues, "empathy", "owns the mistake in its own words", owning.group())
        return "authentic"
    if "authentic" in kinds:
        note(cues, "empathy", "names this customer's feeling or situation", kinds["authentic"])
        return "authentic"
    specific = SPECIFIC.search(folded) if "validate" in kinds else None
    if specific:
        evidence = f"{kinds['validate']}; {specific.group()}"
        note(cues, "empathy", "a validation beside concrete facts of the case", evidence)
        return "authentic"
    if scripted or "boilerplate" in kinds:
        rule = "a configured script phrase" if scripted else "boilerplate"
        note(cues, "empathy", rule, scripted or kinds["boilerplate"])
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
