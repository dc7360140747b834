"""Tones a lexicon reads as positive or neutral that a support reader hears as negative.

- **Disappointment** said outright ("a bit disappointing", "me esperaba algo más", "je
  m'attendais à mieux", "hatte mir mehr erwartet", "esperava mais"), and help that was no
  help ("not very helpful", "no fue de mucha ayuda", "n'a pas été d'une grande aide", "keine
  große Hilfe", "não foi nada prestativa").
- **A grudging fix**: it works now, but the message counts what it cost ("took you nine
  days", "tres semanas para esto", "hat ja nur zwei Wochen gedauert", "só levou dez dias"),
  says it should have happened sooner or the first time, or opens with "finally".
- **Sarcasm**: praise beside what went wrong, where the praise cannot be meant: a count of
  minutes or days spent, the trouble coming back ("AGAIN", "de nuevo", "schon wieder"),
  something that no longer works at all ("not even", "ni siquiera", "nicht mal", "nem"), or
  the service's own word in scare quotes (the 'priority' support, the "update").

All patterns are matched on folded text (lower case, no accents), in all five languages at
once, as elsewhere in `bot.signals`.
"""

from __future__ import annotations

import re

from bot.signals.courtesy import FIXED, WARM_THANKS
from bot.signals.patterns import compile_phrases
from bot.signals.stance import INTERJECTION, Reading, anchors

# Counts of time or contacts: "nine days", "veinte minutos", "1h50", "drei Nachfragen".
_COUNT = (
    r"(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|forty|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte"
    r"|treinta|onze|douze|quinze|seize|elf|zwolf|funfzehn|catorze|treze"
    r"|une|deux|trois|quatre|cinq|sept|huit|neuf|dix|vingt|trente|ein|eine|einer|zwei|drei"
    r"|vier|funf|sechs|sieben|acht|neun|zehn|zwanzig|knapp \w+|um|dois|duas|quatro|sete|oito"
    r"|nove|dez|vinte|trinta)"
)
_UNIT = (
    r"(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|calls?|emails?|chats?|visits?"
    r"|minutos|horas?|dias?|semanas?|mes(es)?|llamadas|correos|visitas|ligacoes|idas"
    r"|heures?|jours?|semaines?|mois|appels|relances|minuten|stunden?|tage?n?|wochen?"
    r"|monate?n?|anrufe|nachfragen|mails)"
)
_SPAN = r"(\d+ ?h ?\d*|\d+:\d+|" + _COUNT + r" " + _UNIT + r")"

DISAPPOINTED = compile_phrases(
    {
        "en": [
            r"(a )?(bit |little |quite |very |really |so |rather |somewhat |pretty )?"
            r"(disappointed|disappointing|disappointment|let ?down)",
            r"(i |we )?(expected|hoped for|was expecting) (a bit |a little |slightly |much"
            r" |a lot )?(more|better)",
            # What was expected of it, or promised: "I expected the fibre to be faster",
            # "not what you advertised".
            r"(i |we )?(expected|thought|hoped) (it|that|the \w+)( \w+)? (to be|would be)"
            r" (\w+ )?(faster|better|more|bigger|quicker|cheaper)",
            r"not what (you|was) (advertised|promised|described|sold)",
            r"not (quite |really |exactly )?(what|how) (i|we) (paid|expected|hoped|was promised"
            r"|were promised)",
            r"(a (real |bit of a )?|such a )(shame|pity)|(shame|pity) (that|it|you)",
            r"(not|never|hardly|wasn'?t|weren'?t|isn'?t|aren'?t) (very |that |exactly"
            r" |particularly |really |terribly |much |of much |a lot of |any )?(help|helpful"
            r"|use|useful)",
            r"unhelpful|useless",
            r"not (that |so |very )?(great|good|brilliant)(?! (news|either))|not the best"
            r"|a bit (rubbish|poor|meh|thin)",
        ],
        "es": [
            r"decepcion\w*|(una |que |es una )(pena|lastima)",
            r"(me )?esperaba (algo |bastante |mucho )?mas",
            r"esperaba que ([\w']+ ){0,4}(fuera|fuese|estuviera|seria) (algo |bastante |mucho )?"
            r"(mas|mejor)",
            r"no (es|era) lo que (anunciabais|anunciaban|anunciasteis|prometisteis|prometieron"
            r"|esperaba|me vendisteis|pone en la web)",
            r"no (fue|ha sido|es|era|me fue) (de )?(mucha|gran|ninguna|demasiada) (ayuda"
            r"|utilidad)",
            r"no (me )?(ayudo|ha ayudado|sirvio|ha servido) (de )?(mucho|nada)",
            r"poco util|inutil",
            r"nada del otro mundo|deja(ba|ron)? (bastante |mucho )?que desear|no (es|era|fue) para"
            r" tanto",
        ],
        "fr": [
            r"decevant\w*|(un peu |tres |vraiment |assez )?decue?s?|deception",
            r"(c'est )?dommage(?= que| qu'|\W*$|[,.!])",
            r"(je m'attendais|on s'attendait|j'esperais|je m'attendais) (a )?(mieux|plus|autre"
            r" chose)",
            r"(je pensais|j'esperais|je croyais) que ([\w']+ ){0,4}(serait|soit|etait) (plus|mieux"
            r"|moins)",
            r"(ce n'est|c'est) pas ce que (vous (annonciez|aviez annonce|promettiez|aviez promis)"
            r"|j'attendais)",
            r"(pas|n'a pas ete|n'etait pas|n'a vraiment pas ete|pas vraiment) (\w+ )?(d'une"
            r" grande|d'un grand|tres|tellement) (aide|secours|utile|aidant)",
            r"pas (tres |vraiment |du tout )?(aidant|utile)|inutile",
            r"(c'est |c'etait )?pas (tres |vraiment |super )?(terrible|top|genial|fou)|bof"
            r"|laisse a desirer",
        ],
        "de": [
            r"enttausch\w*|schade(?! ist)",
            r"(hatte|habe|hatten|haben) (mir|uns) [^.!?]{0,40}mehr (erwartet|erhofft|versprochen)",
            r"(hatte|habe) (erwartet|gedacht|gehofft), dass [^.!?]{0,40}(schneller|besser|mehr"
            r"|grosser|billiger)",
            r"nicht (das|was), was (sie|ihr) (versprochen|angekundigt|beworben)",
            r"(nicht|wenig) (sehr |besonders |wirklich |gerade |so )?hilfreich",
            r"keine (grosse |wirkliche |echte )?hilfe|nutzlos",
            r"nicht (so |besonders |wirklich )?(toll|prickelnd|berauschend|das gelbe vom ei)"
            r"|lasst zu wunschen ubrig|eher mau",
        ],
        "pt": [
            r"decepcion\w*|decepcao|(uma |que |e uma )(pena|lastima)",
            r"esperava (bem |muito |um pouco )?mais",
            r"esperava que ([\w']+ ){0,4}(fosse|estivesse|seria) (bem |muito |um pouco )?(mais"
            r"|melhor)",
            r"nao (e|era) o que (anunciaram|prometeram|esperava|me venderam)",
            r"nao (foi|e|era) (nada |muito |tao )?(prestativ[oa]|prestave(l|is)|util"
            r"|de (muita|grande) ajuda)",
            # European Portuguese: "desiludido", "que chatice", "não posso dizer que tenha sido
            # de grande ajuda".
            r"desiludid[oa]s?|desilusao|(que |uma )chatice",
            r"nao posso dizer que ([\w']+ ){0,6}(tenha sido|foi|fosse) (de )?(grande|muita)"
            r" (ajuda|utilidade)",
            r"(nao|nem) (me )?ajudou (em )?(nada|muito)|inutil",
            r"deixou (muito |bastante )?a desejar|nao (e|foi|era) (grande coisa|la essas coisas)",
        ],
    }
)
# What it cost, or that it should have come sooner, said beside a fix.
EFFORT_SPENT = compile_phrases(
    {
        "en": [
            r"(took|taken|taking|after|it'?s been) (you |us |me |them )?(only |just |nearly"
            r" |almost |over |more than |a mere )?" + _SPAN,
            _SPAN + r" (for this|for that|to (fix|sort|get|do))",
            r"(would'?ve|would have|could'?ve|could have|should'?ve|should have) (been nice|been"
            r" done|done|fixed|sorted|worked|been (\w+ ){0,3}(sooner|earlier|ago))",
            # A resigned close: "..., but oh well."
            r"but (oh )?(well|whatever)(?=\W*$)",
            r"(the )?first time|finally|at last|about time|took (you )?(long enough|ages"
            r"|forever)",
        ],
        "es": [
            r"(tardado|tardasteis|tardaron|costado|despues de|tras|llevo|han sido) (solo |casi"
            r" |mas de )?" + _SPAN,
            _SPAN + r" para (esto|eso|arreglarlo|solucionarlo)",
            r"(hicieron|hizo|ha hecho|han hecho) falta " + _SPAN,
            r"(podriais|podrian|podias|podian|deberiais|deberian|podria|deberia|tendria que"
            r"|tendriais que|tendrian que) (haberlo |haber)\w*",
            r"(pero|en fin) bueno(?=\W*$)",
            r"a la primera|por fin|al fin|ya era hora",
        ],
        "fr": [
            r"(fallu|mis|pris|apres|au bout de) (seulement |juste |presque |plus de )?" + _SPAN,
            _SPAN + r" pour (ca|cela|en arriver la|le regler)",
            r"(auriez|aurait|aurais) (pu|du)|du premier coup|enfin|pas trop tot",
            r"mais bon(?=\W*$)",
            r"il (a|aura) fallu",
        ],
        "de": [
            r"(hat|hats|hat es|nach|hat's) (ja |doch )?(nur |bloss |gerade mal |knapp |fast )?"
            + _SPAN,
            _SPAN + r" (gedauert|gebraucht)",
            r"(hatten|hatte|hattet|konnten|hattest) (sie|man|ihr|du) (das |es )?(auch |ja )?"
            r"(gleich|fruher|direkt|sofort)",
            r"beim ersten mal|endlich|wurde (auch )?zeit",
            r"aber (naja|na ja|egal|gut)(?=\W*$)",
            r"(hatte|hatten|hattet|konnte|konnten) (sie|man|ihr|du) (das |es )?(auch |ja )?"
            r"(schon )?vor " + _SPAN,
        ],
        "pt": [
            r"(levou|levaram|demorou|demoraram|depois de|apos) (so |apenas |quase |mais de )?"
            + _SPAN,
            r"(demorou|levou) (bem |muito )?mais",
            r"(so |apenas )?(precisou|precisaram|foi preciso|foram precisos) (de )?" + _SPAN,
            r"(poderiam|podiam|deveriam|poderia|deveria) ter|de primeira|finalmente|ate que enfim"
            r"|ja era hora|mas (enfim|tudo bem)(?=\W*$)",
        ],
    }
)
# Praise that sarcasm wears: the interjections, "love that", "real progress", "what
# service", "bravo", "congratulations", "very useful".
_PRAISE = compile_phrases(
    {
        "all": [
            INTERJECTION,
            r"love (that|it|how)|real progress|progress|incredible|impressive|top notch"
            r"|confidence-inspiring|(what|such) (a |an )?(great|excellent|amazing|wonderful)"
            r" (service|support)|thanks? (you )?(ever )?so much for the",
            r"que bien|utilisimo|muy util|todo un (avance|lujo)|menudo servicio|vaya servicio",
            r"quel (service|progres)|service exceptionnel|bravo|merci pour (la|le) \w+"
            r"|super (regle|efficace)|tellement (regle|efficace)",
            r"ganz grosses kino|das nenn ich|fortschritt|erstklassig\w*|wie schon|durchdacht",
            r"adorei|incrivel|sensacional|parabens|que maravilha|otimo atendimento",
            # Loving a wait or a payment: "love waiting", "me encanta esperar".
            r"(love|adore|enjoy) (\w+ )?(waiting|queu\w+|paying)|(me encanta|adoro|amo) (tener"
            r" que |ter que )?(esperar|pagar|hacer cola|ficar na fila)|j'adore (devoir )?(attendre"
            r"|payer|faire la queue)|ich liebe es,? (\w+ ){0,5}zu (warten|zahlen|bezahlen)",
        ]
    }
)
# What went wrong that praise cannot be about.
_SOUR = compile_phrases(
    {
        "all": [
            # A count is what it cost, unless it says how fast ("in 2 days", "en 10 minutos").
            r"(?<!\bin )(?<!within )(?<!\ben )(?<!\bem )(?<!\binnerhalb )"
            + _SPAN
            + r"(?! (early|earlier|ahead|before|antes|avant|en avance|fruher|vorher|eher))",
            # "encore chaud" is still hot, not again.
            r"again|yet again|de nuevo|otra vez|encore(?! (tout )?chaud)|de nouveau|schon wieder"
            r"|wieder|erneut|de novo|outra vez|novamente",
            r"still (no|not|nothing|hasn'?t|haven'?t|isn'?t|doesn'?t|can'?t)",
            r"not even|no longer|can'?t even|ni siquiera|ya ni|meme (plus|pas)|nicht (mal|mehr)"
            r"|gar nicht|nem|nao consigo|nao (da|funciona) mais",
            r"if by \w+ you mean|instead of|en vez de|au lieu de|statt|em vez de",
            r"crash\w*|logged me out|se cae|se cayo|cair|caiu|plante|absturz\w*|eiskalt|tiede"
            r"|lukewarm|fehlte|faltaba|faltou|manquait|stone cold|(arrived|came) cold"
            r"|llego frio|froid|kalt an|fallt aus|ausgefallen|cancell?ed|cancelad[oa]|annule"
            r"|disappear\w*|vanish\w*|desaparec\w*|disparai\w*|verschwind\w*|sumiu"
            r"|some (do|da|no|na)"
            r"|vuelv\w* a|volvi\w* a|voltou|volta a|revient|kommt wieder|except|excepto|sauf"
            r"|ausser|exceto",
        ]
    }
)
# Thanks for a thing: with the thing's praise in scare quotes it is sarcasm ("thanks for the
# 'quick' answer", "gracias por la «rápida» respuesta", "danke für den „schnellen“ Rückruf").
_THANKS_FOR = compile_phrases(
    {
        "all": [
            r"thanks? (you )?(\w+ )?for (the|your|this)|gracias (\w+ )?por (la|el|su|vuestra|tu"
            r"|esta|este)|merci (\w+ )?pour (la|le|votre|ce|cette)|dank\w* (\w+ )?fur (die|den"
            r"|das|ihre|eure)|obrigad[oa] (\w+ )?(pel[oa]|por (essa|esse|sua))",
        ]
    }
)
_QUOTED = re.compile(
    r"\b(?:the|your|our|this|an?|la|el|le|votre|vos|ihre|ihr|die|der|das|den|dem|ein|eine|einen"
    r"|o|a|os|as|pela|pelo|do|da|du|des|del|un|una|une|um|uma|esta|este|cette|ce|diese|dieser"
    r"|essa|esse)\s"
    "['\"\u201c\u201e\u00ab\u2018\u201a]\\s?[^\\W\\d_][^'\"\u201d\u201c\u00bb\u2019]{1,40}"
    "['\"\u201d\u201c\u00bb\u2019]"
)


# Relief said outright: "what a relief", "phew", "qué alivio", "menos mal", "ouf",
# "soulagé", "ein Stein vom Herzen", "erleichtert", "que alívio", "ufa", "ainda bem".
RELIEF = compile_phrases(
    {
        "en": [
            r"(what a|such a|huge|big) relief|relieved|phew|thank (god|goodness|heavens)",
            # A loss feared that did not happen: "I thought I'd lost everything".
            r"(i|we) (really )?thought (i|we)('d| had| would have| was going to| were going to)"
            r" lost",
        ],
        "es": [
            r"(que|menudo|un) alivio|aliviad[oa]s?|menos mal|gracias a dios",
            r"(pensaba|pense|creia|crei|pensabamos|creiamos) que (\w+ )?(habia|habiamos|iba a"
            r"|ibamos a) perder|(pensaba|pense|creia|crei|pensabamos|creiamos) que (\w+ )?"
            r"(habia|habiamos) perdido",
        ],
        "fr": [
            r"(quel|un vrai|un grand|un) soulagement|soulage\w*|ouf|dieu merci",
            r"(je pensais|je croyais|j'ai cru|on pensait|on croyait) (avoir|que j'avais|qu'on"
            r" avait) (tout )?perdu",
        ],
        "de": [
            r"(ein )?stein vom herzen|erleichter\w*|puh|gott sei dank",
            r"(ich|wir) (dachte|dachten),? (ich|wir) (hatte|hatten|habe|haben) (\w+ ){0,4}verloren",
        ],
        "pt": [
            r"(que|um) alivio|aliviad[oa]s?|ufa|ainda bem|gracas a deus",
            r"(pensei|achei|achava|pensava) que (\w+ )?(tinha|tinhamos|ia|iamos) perd(er|ido)",
        ],
    }
)
_RELIEF_ANCHORS = anchors(
    "relief relieved phew alivio aliviado aliviada aliviados aliviadas menos soulagement"
    " soulage soulagee soulages soulagees ouf stein erleichtert erleichterung puh ufa ainda"
    " thought pensaba pense creia crei pensabamos creiamos pensais croyais cru pensait croyait"
    " dachte dachten pensei achei achava pensava"
    " god goodness heavens dios dieu gott gracas"
)


def relieved(reading: Reading) -> str | None:
    """Relief said outright: the words, or None."""
    if _RELIEF_ANCHORS.isdisjoint(reading.words):
        return None
    match = RELIEF.search(reading.folded)
    return match.group() if match else None


_FINALLY = re.compile(r"finally|at last|por fin|al fin|enfin|endlich|finalmente|ate que enfim")
_SMILES = "\U0001f600-\U0001f606\U0001f60a\U0001f60d\U0001f970\u263a"  # meant smiles
_SMILING = re.compile(f"[{_SMILES}]")
_CELEBRATION = re.compile(
    f"[\U0001f389\U0001f38a\U0001f64c\U0001f973\U0001f44f\U0001f44d\u2764{_SMILES}]"
    "|!{2,}|trop bien|so happy|que bien|que bom|wie schon"
)


# "Finally" cheered at the head of a message: "¡¡POR FIN!!", "ENDLICH!!!", "Finally! 🎉".
_FINALLY_WORD = re.compile(r"\b(?:" + _FINALLY.pattern + r")\b")  # not "al final"
_CHEERED_FINALLY = re.compile(r"\W*(?:" + _FINALLY.pattern + r")\s*(?:!|\W*[\U0001f389\U0001f64c])")


def disappointed(reading: Reading) -> str | None:
    """Disappointment or help that was no help, said outright: the words, or None."""
    match = DISAPPOINTED.search(reading.folded)
    return match.group() if match else None


def grudging(reading: Reading) -> str | None:
    """A fix with what it cost counted beside it (no warm thanks): the cost, or None."""
    if FIXED.search(reading.folded) is None or WARM_THANKS.search(reading.folded):
        return None
    match = EFFORT_SPENT.search(reading.folded)
    if match is None:
        return None
    # "Finally!!! 🎉 it works" is relief; "finally. eleven days" is a grudge.
    if _FINALLY.fullmatch(match.group()) and _CELEBRATION.search(reading.folded):
        return None
    # "Finally I see everything at a glance, really well done": praise beside "finally" and
    # no cost counted is relief too.
    if (
        _FINALLY.fullmatch(match.group())
        and (review_praise(reading) or _PRAISE.search(reading.folded))
        and all(_FINALLY.fullmatch(m.group()) for m in EFFORT_SPENT.finditer(reading.folded))
    ):
        return None
    return match.group()


def sarcastic(reading: Reading, text: str) -> str | None:
    """Praise beside what went wrong (a count, a relapse, scare quotes): the praise, or None."""
    if _SMILING.search(text):
        return None  # a smiling face is meant: sarcasm winks, it does not smile
    praise = _PRAISE.search(reading.folded)
    if praise is None:
        thanks = _THANKS_FOR.search(reading.folded)
        if thanks and not FIXED.search(reading.folded) and _QUOTED.search(text):
            return thanks.group()
        return None
    if _CELEBRATION.search(reading.folded) and (
        _CHEERED_FINALLY.match(reading.folded)
        or (_FINALLY_WORD.search(reading.folded) and FIXED.search(reading.folded))
    ):
        return None  # "FINALLY!!! I can log in again, you're amazing": relief, not a wink
    # "works again" is the fix itself, not a relapse; a quoted word beside a fix is a name.
    fixed = FIXED.search(reading.folded) is not None
    rest = FIXED.sub(" ", reading.folded) if fixed else reading.folded
    # A review's "gerne wieder" (gladly again) is coming back, not the trouble coming back.
    rest = REVIEW_PRAISE.sub(" ", rest)
    if _SOUR.search(rest) or (not fixed and _QUOTED.search(text)):
        return praise.group()
    return None


# Praise of how they were treated that the trust lexicon (`bot.signals.trust`) leaves out:
# understanding shown, time taken, being heard or respected, never being rushed or sold to
# ("so understanding", "con mucho tacto", "a pris le temps", "sich Zeit genommen", "me senti
# respeitada"). A message that says it is usually thanks for care in a hard time.
TREATED = compile_phrases(
    {
        "en": [
            r"(so|very|really|incredibly|extremely|super|been|was|were) (so |very |really )?"
            r"(understanding|compassionate|considerate|gentle|sympathetic|kind)",
            r"took (the|their|his|her|so much) time|never (once )?rushed|without rushing"
            r"|made (me|us|it) (feel|painless|easy)|treated (me|us|him|her) with",
            r"(felt|feel) (\w+ )?(respected|looked after|cared for|taken seriously|supported)",
            r"no hoops|(didn'?t|never|did not) (try to )?(sell|upsell)",
            # Pressure never put: "never pressured us", "let us think it over".
            r"(never|didn'?t|did not|without) (once )?(pressur(e|ed|ing)|push(ed|ing)?|hurr(y|ied"
            r"|ying)) (me|us)|(let|gave|giving|letting) (me|us) (\w+ )?(time )?(to )?(think|decide"
            r"|mull)",
            r"(felt|feel) (\w+ )?(so |very |really )?well (treated|looked after|cared for)"
            r"|(treated|looked after) (me |us )?(so |very |really )well",
        ],
        "es": [
            r"(muy|tan|super|fue|fueron|ha sido|han sido) (muy |tan )?(comprensiv[oa]s?"
            r"|cariños[oa]s?|humanos?|humanas?|cercan[oa]s?)",
            r"(con|el|por el|por su|que) (mucho |tanto )?(tacto|cariño|carino|respeto|delicadeza"
            r"|paciencia)",
            r"(explico|explicaron|escucho|escucharon|atendio|atendieron|trato|trataron)( \w+){0,3}"
            r" con (mucha |tanta |toda la )?calma",
            r"(me he sentido|me senti|me sentia|sentirme|nos sentimos) (muy |tan )?(escuchad[oa]"
            r"|comprendid[oa]|respetad[oa]|acompañad[oa]|acompanad[oa]|atendid[oa]|arropad[oa])",
            r"(no|nunca|sin) (intento |intentar |me )?(venderme|venderle|vendernos|hacerme sentir"
            r" (que|una molestia)|hecho sentir)",
            r"le (hablo|explico|repitio) (\w+ )?(despac\w*|con calma|las veces)",
            r"(nunca|no|sin) (nos |me )?(presiono|presionaron|presionarnos|presionarme|metio prisa"
            r"|metieron prisa|agobio|agobiaron)|(nos|me) (dejo|dejaron) (pensarlo|pensar|decidir"
            r"|reflexionar)",
            r"(muy|tan|super) bien (tratad|atendid)[oa]s?",
        ],
        "fr": [
            r"(tres|si|vraiment|super|a ete|ont ete|etait) (tres |si )?(comprehensi(f|ve|fs|ves)"
            r"|bienveillante?s?|humaine?s?|douces?|delicate?s?)",
            r"(a|ont|avez) pris le temps|sans (jamais )?(me |nous |le |la |les |lui )?(presser"
            r"|brusquer)",
            r"(je me suis senti|je me sentais|on s'est senti|nous nous sommes senti)e?s? (\w+ )?"
            r"(ecoutee?s?|comprise?s?|respectee?s?|prise?s? en charge|soutenue?s?)",
            r"(ne (nous|m')a jamais|ne (nous|m')ont jamais|sans jamais (nous|me)) (presse\w*|mis la"
            r" pression|mettre la pression|force\w*|bouscule\w*)|(nous|m') (a|ont) laisse (le"
            r" temps de )?(reflechir|decider)",
            r"(tres|si|super) bien (traite|accueilli|conseille)e?s?",
        ],
        "de": [
            r"(so|sehr|super|wirklich|total|war|waren) (so |sehr )?(verstandnisvoll|einfuhlsam"
            r"|menschlich|rucksichtsvoll|herzlich)",
            r"(zeit|ruhe) (fur mich |fur uns )?genommen|in ruhe erklart|ausreden lassen"
            r"|nie (gedrang\w*|gehetzt)|(ohne|nicht) (zu )?(drangeln|hetzen)",
            r"(fuhlte mich|habe mich|hab mich|fuhlten uns) (\w+ )?(verstanden|ernst genommen"
            r"|gut aufgehoben|respektiert)",
            r"nie (\w+ )?(unter )?druck (gesetzt|gemacht)|(ganz )?ohne druck|bedenkzeit"
            r"|zeit zum (nachdenken|uberlegen)",
            r"(sehr|so|super|richtig) gut (behandelt|betreut|beraten)",
        ],
        "pt": [
            r"(muito|tao|super|foi|foram) (muito |tao )?(compreensiv[oa]s?|carinhos[oa]s?"
            r"|human[oa]s?|atencios[oa]s?|educad[oa]s?)",
            r"com (muita |tanta |toda )?(paciencia|carinho|respeito|atencao)",
            r"(explicou|explicaram|ouviu|ouviram|escutou|escutaram|atendeu|atenderam|tratou"
            r"|trataram|orientou)( \w+){0,3} com (muita |tanta |toda )?calma",
            r"(nunca|nao) (me )?(apressou|pressionou|empurrou|ficou me empurrando)",
            r"(me senti|me sentir|nos sentimos) (muito |tao )?(respeitad[oa]|acolhid[oa]"
            r"|ouvid[oa]|amparad[oa]|cuidad[oa])",
            r"(nunca|nao|sem) (nos )?(pressionou|pressionaram|apressaram)|(nos|me) (deixou"
            r"|deixaram) (pensar|decidir|refletir)",
            r"(muito|tao|super) bem (tratad|atendid)[oa]s?",
        ],
    }
)
_TREATED_ANCHORS = anchors(
    "understanding compassionate considerate gentle sympathetic kind took never rushing made"
    " treated felt feel hoops sell upsell"
    " comprensivo comprensiva comprensivos comprensivas carinoso carinosa carinosos carinosas"
    " humano humana humanos humanas cercano cercana cercanos cercanas tacto carino respeto"
    " delicadeza paciencia calma sentido senti sentia sentirme sentimos venderme venderle"
    " vendernos sentir hablo explico repitio"
    " comprehensif comprehensive comprehensifs comprehensives bienveillant bienveillante"
    " bienveillants bienveillantes humain humaine humains humaines douce douces delicat"
    " delicate delicats delicates pris presser brusquer sentie sentis senties sentais"
    " verstandnisvoll einfuhlsam menschlich rucksichtsvoll herzlich genommen erklart ausreden"
    " nie drangeln hetzen verstanden aufgehoben respektiert"
    " compreensivo compreensiva compreensivos compreensivas carinhoso carinhosa carinhosos"
    " carinhosas atencioso atenciosa atenciosos atenciosas educado educada educados educadas"
    " carinho respeito atencao apressou pressionou empurrou empurrando respeitado respeitada"
    " acolhido acolhida ouvido ouvida amparado amparada cuidado cuidada"
    " pressure pressured pressuring push pushed pushing hurry hurried hurrying think decide"
    " mull"
    " presiono presionaron presionarnos presionarme prisa agobio agobiaron dejo dejaron tratado"
    " tratada tratados tratadas atendido atendida atendidos atendidas"
    " jamais laisse traite traitee traites traitees accueilli accueillie accueillis accueillies"
    " conseille conseillee conseilles conseillees druck bedenkzeit nachdenken uberlegen"
    " behandelt betreut beraten pressionaram apressaram deixou deixaram"
)
# A contrast after the praise ("so patient, but it still fails") leaves the report to decide.
_CONTRAST_AFTER = re.compile(
    r"\b(but|however|though|pero|sin embargo|mais|cependant|par contre|en revanche|aber"
    r"|allerdings|jedoch|leider|porem|no entanto|contudo|infelizmente|lamentablemente"
    r"|malheureusement|unfortunately)\b"
    # Portuguese "mas" opens a clause; Spanish "mas" (más, folded) is "more".
    r"|(?:^|[,.;:!?]\s*)mas\b"
)
_NEGATED = re.compile(r"(n't|\b(not|never|no|nunca|nada|pas|nicht|kein\w*|nao|nem))( \w+){0,2} ?$")
# Praise found wanting: "I didn't find your support very understanding", "no me pareció
# muy comprensivo", "je n'ai pas trouvé ... très compréhensif", "fand ... nicht sehr".
_NOT_FOUND = re.compile(
    r"(n't|\b(not|no|pas|nao))( \w+)? (find|found|think|thought|feel|felt|encontre|parecio"
    r"|parecieron|trouve|trouvee|achei|senti)( \w+){0,3} ?$"
)


def treated_well(reading: Reading) -> str | None:
    """Praise of how they were treated (beyond the trust lexicon), not negated: the words,
    or None."""
    if _TREATED_ANCHORS.isdisjoint(reading.words):
        return None
    for match in TREATED.finditer(reading.folded):
        before = reading.folded[max(0, match.start() - 40) : match.start()]
        if (
            not _NEGATED.search(before)
            and not _NOT_FOUND.search(before)
            and not _CONTRAST_AFTER.search(reading.folded, match.end())
        ):
            return match.group()
    return None


# A hard time in the customer's life: a death, a job lost, an illness ("my father passed
# away", "me quedé sin trabajo", "au chômage", "nach der Diagnose", "fiquei desempregada"). Told
# to explain a request, these words are the customer's situation, not a feeling about the
# service: a request or question that tells them is scored without them.
LIFE_EVENT = compile_phrases(
    {
        "en": [
            r"passed away|died|death|deceased|bereave\w*|funeral|late (husband|wife|father"
            r"|mother|mum|dad|son|daughter|partner|brother|sister)",
            r"laid off|made redundant|lost (my|his|her|our) job|unemployed|out of work|redundancy",
            r"diagnos\w+|cancer|chemo\w*|surgery|in hospital|illness|seriously ill|dementia",
        ],
        "es": [
            r"falleci\w+|ha muerto|murio|muerte|difunt[oa]|defuncion|funeral|entierro",
            r"(me han |le han |nos han )?despedid[oa]s?|(el |en el |en )paro|sin trabajo"
            r"|desemplead[oa]",
            r"diagnostic\w+|cancer|quimio\w*|operacion|hospitalizad[oa]|ingresad[oa]|enfermedad",
        ],
        "fr": [
            r"decede\w*|deces|funerailles|enterrement|defunt\w*",
            r"licencie\w*|au chomage|chomage|perdu mon (emploi|travail)",
            r"diagnostic|cancer|chimio\w*|hospitalise\w*|maladie",
        ],
        "de": [
            r"verstorben\w*|gestorben|todesfall|beerdigung|trauerfall",
            r"gekundigt|arbeitslos\w*|(job|arbeit|stelle) verloren|entlassen",
            r"diagnose|krebs|chemo\w*|im krankenhaus|erkrank\w*",
        ],
        "pt": [
            r"falec\w+|morreu|obito|funeral|enterro",
            r"perdi (o|meu) emprego|desempregad[oa]|(fui )?demitid[oa]|demissao",
            r"diagnostic\w+|cancer|quimio\w*|cirurgia|internad[oa]|doenca",
        ],
    }
)


# Distress said outright: worry, fear, not knowing how to go on ("I'm worried sick", "no sé
# qué hacer", "je ne sais plus quoi faire", "weiß nicht, wie es weitergehen soll", "estou
# desesperada"). Beside a hard time it is a feeling, and the request reads negative.
DISTRESS = compile_phrases(
    {
        "en": [
            r"worried|worrying|anxious|scared|frightened|overwhelm\w*|desperate|panick\w*"
            r"|(don'?t|do not) know (what to do|how (i'?ll|i will|to) (cope|manage|pay))",
        ],
        "es": [
            r"preocupad[oa]|agobiad[oa]|angustiad[oa]|desesperad[oa]|(tengo |me da )miedo"
            r"|no se (que|como) (hacer|voy a)|(meterme|meternos) en lios|no tengo fuerzas",
        ],
        "fr": [
            r"inquiet\w*|angoiss\w*|deborde\w*|desespere\w*|(j'ai )?peur"
            r"|je ne sais (plus |pas )?(quoi faire|comment (faire|je vais))",
        ],
        "de": [
            r"sorgen|angst|verzweifelt|uberfordert|weiss (\w+ ){0,3}nicht,? wie (es|ich)",
        ],
        "pt": [
            r"preocupad[oa]|desesperad[oa]|angustiad[oa]|com medo|nao sei (o que|como) (fazer|vou)",
        ],
    }
)


def without_life_events(text: str) -> str:
    """`text` (folded) with the words of a hard time in the customer's life out, unless
    distress is said beside them."""
    if DISTRESS.search(text):
        return text
    return LIFE_EVENT.sub(" ", text)


# Praise of a product or a service as a review says it: a rating ("5 stars", "nota 10",
# "diez de diez"), "keep it up", a smooth or flawless experience, nothing to fault, coming
# back ("repetiré", "gerne wieder"). A general lexicon reads most of it as neutral.
REVIEW_PRAISE = compile_phrases(
    {
        "en": [
            r"(5|five) stars|10/10|ten out of ten|keep (it|up the good work)|keep (doing )?what"
            r" you'?re doing",
            r"(really |so |very |super )?(smooth|seamless|effortless|painless|flawless)"
            r" (experience|process|service|delivery|move|switch)|spotless|faultless",
            r"(would|will) (definitely |happily |100% )?(recommend|use you again|book again"
            r"|order again)|couldn'?t (be|have been) (happier|better)",
        ],
        "es": [
            r"(5|cinco) estrellas|diez de diez|(un |nota )(10|diez)|de diez|de lujo|sin pegas"
            r"|impecable|enhorabuena|bien hecho|repetire|lo recomiendo|os recomiendo",
        ],
        "fr": [
            r"(5|cinq) etoiles|10/10|dix sur dix|rien a redire|nickel|impeccable|au top"
            r"|je recommande|je vous recommande|chapeau|bien pense",
        ],
        "de": [
            r"(5|funf) sterne|10/10|gerne wieder|einwandfrei|sehr zufrieden|weiter so"
            r"|reibungslos|top service|empfehlenswert|ich empfehle|richtig gut geworden",
        ],
        "pt": [
            r"(5|cinco) estrelas|nota (10|dez)|dez de dez|impecavel|recomendo|show de bola"
            r"|parabens|nota mil",
        ],
    }
)


def review_praise(reading: Reading) -> str | None:
    """Praise of a product or service as a review says it, not negated: the words, or None."""
    for match in REVIEW_PRAISE.finditer(reading.folded):
        if not _NEGATED.search(reading.folded[max(0, match.start() - 20) : match.start()]):
            return match.group()
    return None
