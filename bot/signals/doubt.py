"""Doubt about a confirmation: is "it works now" a fact here, and does anything else in the
message leave the problem open?

A confirming phrase is undone by its scope: negated ("never arrived", "ça marche pas"),
hoped for, conditional or future ("if it works", "it should work now", "hoffentlich"), or
someone else's claim ("you told me it went through"). A confirmation is doubted by anything
else in the message: a question, "again" (the trouble came back: "otra vez", "encore",
"wieder", "de novo"), another problem, a contrast or restriction after the good news
("but", "pero", "mais", "aber", "mas", "only"), a test still to come ("I'll try tonight"),
a tentative or partial fix ("for now", "sometimes", "teilweise"), an exception. These are
structures of the language, not phrases of any one set of messages.
"""

from __future__ import annotations

import re

from bot.signals.problem import PROBLEM

# A contrast: what follows it decides ("thanks, but it still crashes").
CONTRAST = re.compile(
    r"\b(?:but|however|though|although|pero|sin embargo|aunque|cependant|pourtant"
    r"|bien que|aber|jedoch|allerdings|obwohl|porem|contudo|embora)\b"
    # French "mais" (but); Portuguese "mais" (more) follows a degree word ("bem mais", "nem
    # mais") or leads a comparison or a Portuguese preposition ("mais do que", "mais com").
    r"|\bmais\b(?<!bem mais)(?<!nem mais)(?<!muito mais)(?<!ainda mais)(?<!nao mais)"
    r"(?<!ja mais)(?<!pouco mais)(?<!vez mais)(?<!sem mais)"
    r"(?! (?:do que|de |com |por |nada|tarde|cedo|uma|um |nenhum))"
    # Portuguese "mas" (but) opens a clause; Spanish "más" (more), folded alike, ends one or
    # follows a degree word ("lo que más", "mucho más").
    r"|\bmas\b(?<!lo que mas)(?<!lo mas)(?<!mucho mas)(?<!muy mas)(?<!vez mas)(?<!aun mas)"
    r"(?<!algo mas)(?<!nada mas)(?<!poco mas)(?<!no mas)"
    r"(?= (?!de |que |o menos|rapido|tarde|tiempo|veces)[^\W\d_])"
)
# Scope of a confirmation: the clause it sits in, cut at punctuation and contrasts.
_CLAUSE_END = re.compile(rf"[.!?;:,\n()¿¡]|{CONTRAST.pattern}")
_TOKEN = re.compile(r"[\w']+")
_JOIN = re.compile(r"and|then|y|luego|et|puis|und|dann|e|depois")
_NEGATOR = re.compile(
    r"(?:not|no|never|nothing|nobody|none|nor|neither|without|hardly|barely|cannot"
    r"|(?:do|does|did|has|have|had|is|are|was|were|wo|ca|could|would|should|ai)n'?t"
    r"|nunca|nada|ni|tampoco|sin|ne|n'\w*|pas|jamais|rien|aucune?|nicht|nie|niemals|kein\w*"
    r"|ohne|nao|nem|sem|nenhum\w*)"
)
# Negators that follow what they negate: "ça marche pas", "es funktioniert jetzt nicht".
_NEGATOR_AFTER = re.compile(r"^\W*(?:[\w']+\W+)?(?:not|pas|plus|nicht|nao|jamais|nie|never)\b")
# A hope, a condition or a future is not a fact: "if it works", "it should work now",
# "hoffentlich geht es jetzt", "a ver si funciona", "vou ver se funciona".
_HEDGE_BEFORE = re.compile(
    r"\b(?:if|whether|hope|hoped|hopefully|should|might|may|maybe|perhaps|supposedly|supposed"
    r"|will|\w+'ll|going to|wonder|ojala|espero|deberia|quizas?|tal vez|supuestamente"
    r"|a ver si|j'espere|espere|devrait|peut-etre|cense|voir si|verra si|ob|wenn|falls|hoffe"
    r"|hoffentlich|sollte|vielleicht|angeblich|wird|werde|tomara|deveria|talvez|supostamente"
    r"|vai|vou|ver se"
    # A need or a wish for it to work: "I need it to work by Friday", "necesito que funcione".
    r"|(?:need|needs|needed|want|wants|wanted) (?:it|this|that|them) to|necesito que|quiero que"
    r"|besoin que|veux que|voudrais que|preciso que|quero que"
    # A temporal clause sets a time, it does not report: "the alerts come when I already have
    # the parcel", "cuando ya lo había pagado", "quand je l'ai déjà", "sobald", "quando já".
    r"|when|whenever|cuando|quand|lorsque|sobald|quando"
    # Reported speech is someone else's claim: "you told me the refund went through".
    # "claim" the noun ("the claim number") is no one's claim: only the verb with its object.
    r"|said|says|told|claimed|claims? (?:that|it|to)|according|dice|dijo|dijeron|dicen|decia"
    r"|dit|disait|affirme"
    r"|sagt|sagten|hiess|laut|disse|disseram|diz|dizem)\b"
)
# Not knowing is not denying: "not sure it works", "no sé si funciona", "je ne sais pas si".
_UNSURE = re.compile(
    r"\b(?:sure|certain|know|knows|seguro|segura|se|sais|sait|sur|sure|sicher|weiss|sei|certeza)\b"
)
# "the crash is back" is a relapse; "the heating is back" is a fix.
_TROUBLE_SUBJECT = re.compile(
    r"\b(?:error|bug|crash|issue|problem|fault|glitch|outage|lag|delay|warning|pop-?up|charge"
    r"|fee|message)s?\W*$"
)

# Doubts anywhere in the message: any of them leaves the ticket with the agent.
_REPEAT = re.compile(
    r"\b(?:again|once more|twice|two times|otra vez|de nuevo|nuevamente|(?:vuelv|volvi)\w* a"
    r"|dos veces|encore|a nouveau|de nouveau|recommenc\w*|deux fois|wieder|erneut|nochmal|noch mal"
    r"|zweimal|de novo|novamente|outra vez|mais uma vez|volt\w* a|duas vezes)\b"
)
NOT_YET_TRIED = re.compile(
    # "I'll let you know" defers; "just to let you know, it works" reports back now.
    r"\b(?:tomorrow|later (?:today|on|tonight)|(?:i'll|i will|will|going to|gonna) let you know"
    r"|keep you posted|get back to you"
    r"|(?:i'll|i will|will|i'm going to|going to|gonna) (?:\w+ )?(?:try|test|check|see|look"
    r"|confirm|report)"
    # A trial still to come: "give it a proper go over the weekend", "see whether it holds".
    r"|give it a (?:\w+ )?(?:go|try|whirl|test)|see (?:whether|if) (?:it|the|this)"
    r"|(?<!esta )(?<!la )(?<!de )manana|mas tarde|(?:os|te|le) (?:digo|aviso|cuento)"
    r"|probare|mirare|revisare|comprobare|intentare|confirmare|avisare|(?:lo |la )?(?:pruebo"
    r"|reviso|compruebo)|voy a (?:probar|mirar|revisar|comprobar|intentar|ver)"
    r"|demain|plus tard|je vous (?:dis|dirai|tiens|recontacte)|je (?:vais|testerai"
    # "je reviens vers vous pour vous confirmer" reports back now; a bare "je reviens" defers.
    # "Je reviens vers vous suite à / comme promis / concernant" reports back too.
    r"|essaierai|verrai|reviens(?! vers (?:vous|toi) (?:pour|suite|comme|concernant|au sujet"
    r"|apres|car|afin)))|je teste|on verra"
    r"|(?<!guten )(?<!heute )morgen|spater|melde mich|ich werde|teste|probiere"
    # Waiting for the visit or the call that is to put it right: "I'll wait for the
    # technician", "j'attends le technicien", "espero al técnico", "warte auf den Techniker".
    r"|(?:i'll|i will|we'll|i'm|we're|i am) wait(?:ing)? for|wait for the|j'attends (?:le|la|les"
    r"|votre|donc)|on attend (?:le|la|votre)|espero (?:al|a la|el|la|su|vuestra)|esperamos"
    r" (?:al|a la|el|la)|aguardo (?:o|a|seu|sua)|aguardamos|warte (?:ich )?(?:dann )?auf"
    r"|warten (?:wir )?(?:dann )?auf"
    r"|amanha|mais tarde|(?:vou|vamos) (?:\w+ )?(?:testar|tentar|ver|verificar|conferir"
    # "obrigada pelo retorno" thanks for the reply; "te dou retorno" defers.
    r"|checar)|testarei|verificarei|(?:te |vos |lhe |lhes )aviso"
    r"|aviso (?:depois|amanha|quando|se)|te falo|(?<!pelo )(?<!pelo seu )retorno)\b"
)
# Tentative or partial: "for now", "until", "sometimes", "mostly", "a veces", "teilweise".
_TENTATIVE = re.compile(
    r"\b(?:sometimes|half the time|occasionally|intermittent\w*|on and off|mostly|almost|partly"
    r"|partially|kind of|sort of|more or less|a veces|de vez en cuando|casi|en parte"
    r"|parcialmente|mas o menos|parfois|des fois|de temps en temps|presque|en partie"
    r"|partiellement|plus ou moins|manchmal|ab und zu|zeitweise|teilweise|halbwegs"
    r"|mehr oder weniger|as vezes|de vez em quando|quase|em parte|mais ou menos"
    # German "fast" is "almost"; English "so fast" is speed.
    r"|fast(?<!so fast)(?<!very fast)(?<!super fast)(?<!really fast)(?<!too fast)"
    r"|half|halfway|a medias|la mitad|a moitie|la moitie|zur halfte|die halfte|halb|metade"
    # "at the till" is a shop's counter, not "until".
    r"|for now|so far|hopefully|fingers crossed|touch wood|until|till(?<!the till)"
    r"|por ahora|de momento"
    r"|por el momento|hasta ahora|hasta que|crucemos los dedos|pour l'instant|pour le moment"
    r"|jusqu'ici|jusqu'a|croisons les doigts|bis jetzt|vorerst|erstmal|fur den moment"
    r"|daumen drucken|por enquanto|ate agora|ate o momento|por ora|ate que|dedos cruzados"
    # Unsure of it, or working only minutes: "resolved on your side maybe", "durante cinco
    # minutos", "pendant dix minutes", "für ein paar Minuten".
    r"|maybe|perhaps|apparently|supposedly|quizas?|tal vez|a lo mejor|peut-etre|apparemment"
    r"|vielleicht|anscheinend|talvez|aparentemente"
    # Second-hand: "according to him", "según me ha dicho", "d'après elle", "laut ihm",
    # "segundo ele": the customer reports someone else's word, not what they saw.
    r"|according to (?:him|her|them|my \w+)|(?:he|she|they) (?:says|said|tells me|told me)"
    r"|segun (?:me (?:ha )?dic\w+|dice|el|ella|ellos|mi \w+)|d'apres (?:lui|elle|eux|mon|ma)"
    r"|selon (?:lui|elle|eux|mon|ma)|(?:il|elle) (?:dit|m'a dit)|laut (?:ihm|ihr|ihnen|meine\w*)"
    r"|(?:er|sie) (?:sagt|meint)|segundo (?:ele|ela|eles|o meu|a minha)|(?:ele|ela) (?:diz|disse)"
    # Until or before an event before the fault: "bis zum Update lief es", "before last
    # Tuesday everything worked", "antes de la actualización", "avant la mise à jour".
    r"|bis (?:zum|zur|vor)|before (?:last|the (?:update|upgrade|change|switch|move|outage))"
    r"|antes de(?:l| la) (?:ultim[oa]|actualizacion|cambio|apagon)|avant (?:la mise a jour"
    r"|le changement|la coupure)|vor (?:dem|der) (?:update|wechsel|umstellung|storung)"
    r"|antes d[ao] (?:ultim[oa]|atualizacao|mudanca|avaria)"
    # A first time, not a fix: "kam heute zum ersten Mal"; "first time in weeks" is a fix.
    r"|(?:for the first time|por primera vez|pour la premiere fois|zum ersten mal"
    r"|pela primeira vez)(?! (?:in|en|depuis|seit|em|ha|hace|desde)\b)"
    r"|(?:for|durante|pendant|fur|por) (?:\w+ ){0,2}(?:minutes?|mins?|minutos|minuten))\b"
)
# After the good news, "only" restricts it: "arrived, only half of it", "marche, seulement ...".
# "ni un solo corte" is "not a single cut", not a restriction.
_RESTRICTION = re.compile(
    r"\b(?:only|solo(?<!un solo)|solamente|seulement|uniquement|nur|bloss|lediglich|apenas)\b"
)
# A grudge about the time it took is not a restriction of the fix: "works, only took you
# nine days", "hat ja nur zwei Wochen gedauert", "il aura fallu douze jours", "só levou dez
# dias". The clause after the contrast holds a taking-time verb and nothing negated.
_TOOK_TIME = re.compile(
    r"\b(?:took|taken|tardad[oa]s?|tardaron|tardasteis|tardo|costado|hecho falta"
    r"|fallu|pris|gedauert|dauerte|gebraucht|brauchte|levou|levaram|demorou|demoraram"
    r"|custou)\b"
)
_SENTENCE_END = re.compile(r"[.!?\n]")
# A reservation that opens a second clause: what follows names what is still missing or wrong
# ("that said", "par contre", "en revanche", "eso sí," but not "eso sí funciona", "dennoch",
# "wobei", "no entanto", "mesmo assim"). After good news it leaves the answer open; unlike a
# plain "but" it does not make a denial of the thanks before it.
_RESERVATION = re.compile(
    r"\b(?:that said|having said that|mind you|nevertheless|nonetheless|even so|no obstante"
    r"|en cambio|dicho esto|ahora bien|eso si(?! (?:que )?(?:funciona|va|marcha|sirve|vale|es"
    r"|esta)\b)|par contre|en revanche|toutefois|neanmoins|cela dit|ceci dit|dennoch|wobei"
    r"|no entanto|entretanto|mesmo assim)\b"
)
_EXCEPT = re.compile(
    r"\b(?:except|apart from|aside from|other than|only (?:problem|issue|thing)|excepto|salvo"
    r"|solo que|a no ser|menos que|sauf|a part|hormis|excepte|si ce n'est|ausser|bis auf"
    r"|nur dass|abgesehen|exceto|so que|tirando|fora (?:isso|que)|a nao ser"
    # "The one thing", "lo único", "petit bémol", "einziger Haken", "só um detalhe".
    r"|the one (?:thing|problem|issue)|one thing though|lo unico|el unico (?:problema|pero)"
    r"|le seul (?:souci|probleme|bemol)|petit bemol|seul bemol|einzige\w* (?:haken|problem"
    r"|manko)|nur ein (?:haken|manko)|o unico (?:problema|porem|senao)|so um detalhe)\b"
)
# What a complaint about something else is made of: a broken, missing or wrong thing.
_TROUBLE = re.compile(
    r"\b(?:damaged|broken|missing|wrong|faulty|defective|incorrect|incomplete|rude|danad[oa]s?"
    # "ha hecho falta" is "it took", and "no debería hacer falta" a grudge, not "missing".
    r"|rot[oa]s?|falta(?<!que falta)(?<!hecho falta)(?<!hacer falta)\w*|incorrect[oa]s?"
    r"|equivocad[oa]s?|incomplet[oa]s?"
    r"|endommage\w*|casse\w*"
    r"|manquant\w*|manque(?:nt)?|abime\w*|errone\w*|incorrecte?s?|beschadigt\w*|kaputt\w*|fehlt|fehlen\w*"
    r"|falsch\w*|defekt\w*|unvollstandig\w*|danificad[oa]s?|quebrad[oa]s?|faltando|errad[oa]s?"
    r"|cracked|scratched|torn|leaking|dented|agrietad[oa]s?|rayad[oa]s?|fissure\w*|raye\w*"
    r"|dechire\w*|zerkratzt\w*|gerissen\w*|rachad[oa]s?|riscad[oa]s?|amassad[oa]s?"
    # Goods spoiled on the way, and a sum or a detail that is not right.
    r"|crushed|smashed|squashed|spoiled|spoilt|rotten|melted|aplastad[oa]s?|podrid[oa]s?"
    r"|derretid[oa]s?|ecrase\w*|pourri\w*|fondu\w*|zerdruckt\w*|verdorben\w*|geschmolzen"
    r"|esmagad[oa]s?|estragad[oa]s?|derretid[oa]s?|stimmt nicht|stimmen nicht|no cuadra"
    r"|ne correspond pas|nao bate)\b"
)
# "The refund went through. It didn't." A pronoun with a negated verb is a fact undone.
# A failure negated is the fix holding ("it didn't drop once"), and a wish about the past is
# a grudge ("if it hadn't taken a week").
_UNDONE_AFTER = re.compile(
    r"\b(?<!if )(?<!wish )(?:it|that|this|they)(?: still)? (?:do|does|did|has|have|had|is|are"
    r"|was|were|wo|ca)n'?t\b(?! (?:\w+ )?(?:drop|crash|fail|freez|cut|disconnect|break|glitch"
    r"|lag|stop|go down|error|flicker|hang|skip|buffer|time out)\w*)"
)
# "again" beside being able to ("I can log in again", "je peux à nouveau") is a restoration.
_ABILITY = re.compile(
    r"\b(?:can|could|able|puedo|podemos|puede|pueden|peux|peut|pouvons|kann|konnen|posso|pode"
    r"|podemos|consigo|conseguimos)\b"
)
_THANKS_NEAR = re.compile(
    r"\b(?:thanks|thank you|gracias|merci|danke|obrigad[oa]|valeu)\b(?:\W+\w+)?\W*$"
)
_THANKS_AFTER = re.compile(r"^\W*(?:\w+\W+)?(?:thanks|gracias|merci|danke|obrigad[oa])\b")


def _clause_before(folded: str, start: int) -> str:
    before = folded[max(0, start - 80) : start]
    ends = list(_CLAUSE_END.finditer(before))
    return before[ends[-1].end() :] if ends else before


def _clause_after(folded: str, end: int) -> str:
    after = folded[end : end + 40]
    stop = _CLAUSE_END.search(after)
    return after[: stop.start()] if stop else after


# "no" negates a verb right after it, or after a clitic or an auxiliary ("no funciona", "no
# me deja", "no está"); before a noun it is a determiner ("no problem") or, in Portuguese,
# "in the" ("no notebook já funciona"), and negates nothing that follows the noun.
_AFTER_NO = re.compile(
    r"me|te|se|lo|la|le|les|nos|os|ha|han|he|has|hemos|habeis|esta|estan|es|son|era|fue|va"
    r"|longer|more|one|way|body|siempre|todo|todavia|aun|bien|muy|mucho|del|acaba|termina"
    r"|consigo|puedo|podemos|pude|sempre|quite|really|always|fully|completely|entirely"
)


def _negated(tokens: list[str]) -> bool:
    """Does a negator among `tokens` (the words just before a phrase) negate the phrase?"""
    for i, token in enumerate(tokens):
        if not _NEGATOR.fullmatch(token):
            continue
        if token != "no" or i == len(tokens) - 1 or _AFTER_NO.fullmatch(tokens[i + 1]):
            return True
    return False


# A guess tagged on the same clause: "it works now I guess", "funciona, creo", "ça marche je
# crois", "funktioniert, glaube ich", "funciona, acho".
_GUESSES = (
    r"(?:i guess|i think|i suppose|i believe|it seems|creo|supongo|parece|je crois|je pense"
    r"|on dirait|semble-t-il|glaube ich|denke ich|scheint es|acho)"
)
_GUESS_AFTER = re.compile(rf"\b{_GUESSES}\W*$")
# Or as a tag after a comma, ending the sentence: "funktioniert jetzt, glaube ich."
_GUESS_TAG = re.compile(rf"[^.!?\n]{{0,12}}?[, ]+{_GUESSES}\W*?(?:[.!?,;\n]|$)")


def undone(folded: str, match: re.Match[str]) -> str | None:
    """Why a confirming phrase does not state a fact here, or None when it does."""
    clause = _clause_before(folded, match.start())
    if _negated(_TOKEN.findall(clause)[-4:]):
        return "negated"
    after = _clause_after(folded, match.end())
    if _NEGATOR_AFTER.search(after):
        return "negated"
    if (
        _HEDGE_BEFORE.search(clause)
        or _GUESS_AFTER.search(after)
        or _GUESS_TAG.match(folded, match.end())
    ):
        return "hoped for, conditional or future, not a fact"
    if "back" in match.group() and _TROUBLE_SUBJECT.search(clause):
        return "the trouble itself is back"
    return None


def flatly_negated_at(folded: str, at: int) -> bool:
    """Is the word at `at` negated by one of the two words just before it, with no hedge
    ("no está arreglado", "without error"), rather than doubted ("not sure it's fixed")?"""
    clause = _clause_before(folded, at)
    if _HEDGE_BEFORE.search(clause) or _UNSURE.search(clause):
        return False
    return _negated(_TOKEN.findall(clause)[-2:])


def flatly_negated(folded: str, match: re.Match[str]) -> bool:
    """`flatly_negated_at` for a confirming phrase."""
    return flatly_negated_at(folded, match.start())


def clause_around(folded: str, start: int, end: int) -> str:
    """The clause holding folded[start:end], cut at punctuation and contrasts."""
    return _clause_before(folded, start) + folded[start:end] + _clause_after(folded, end)


def restores(folded: str, spans: list[tuple[int, int]], at: int) -> bool:
    """Is the "again" at `at` part of a confirmation ("works again", "ya tengo acceso otra
    vez", "vuelve a funcionar"), the return of the working state rather than of the trouble?"""
    for start, end in spans:
        if start <= at < end:
            return True
        between = folded[end:at]
        if 0 <= at - end <= 30 and not _CLAUSE_END.search(between):
            words = _TOKEN.findall(between)
            if len(words) <= 2 and not any(_JOIN.fullmatch(word) for word in words):
                return True
    clause = _clause_before(folded, at)
    return bool(_ABILITY.search(clause)) and not any(
        _NEGATOR.fullmatch(token) for token in _TOKEN.findall(clause)
    )


# The customer trying once more is no relapse: "I tried again this morning", "volví a
# probar", "j'ai réessayé de nouveau", "nochmal versucht", "tentei de novo".
_RETRY_BEFORE = re.compile(
    r"\b(?:tried|try|trying|retried|intente|probe|intentado|probado|essaye|reessaye|teste"
    r"|versucht|probiert|getestet|tentei|testei|tentamos|intentar|probar|essayer|tester"
    r"|versuchen|probieren|tentar|testar)\W+(?:\w+\W+)?$"
)
_RETRY_AFTER = re.compile(
    r"^\W*(?:\w+\W+)?(?:try|tried|checked|probar|intentar|probarlo|intentarlo|comprobado"
    r"|essayer|tester|verifie|versucht|probiert|getestet|gepruft|nachgesehen|nachgeschaut"
    r"|tentar|testar|verifiquei|conferi)\b"
)


def retried(folded: str, match: re.Match[str]) -> bool:
    """Is the "again" at `match` the customer trying once more ("I tried again")?"""
    return bool(
        _RETRY_BEFORE.search(folded[max(0, match.start() - 40) : match.start()])
        or _RETRY_AFTER.search(folded[match.end() : match.end() + 40])
    )


def thanked(folded: str, match: re.Match[str]) -> bool:
    """Is the "again" at `match` gratitude repeated ("thanks again", "encore merci")?"""
    # "thanks again", "encore merci": gratitude repeated, not trouble.
    before, after = folded[: match.start()], folded[match.end() :]
    return bool(_THANKS_NEAR.search(before) or _THANKS_AFTER.search(after))


# A concession about the customer's own conduct: "although I kept asking", "aunque yo me
# enfadé", "bien que j'aie insisté", "obwohl ich laut geworden bin", "embora eu tenha
# insistido". It excuses the writer; it says nothing of the fix.
_SELF_CONCESSION = re.compile(
    r"\b(?:although|though|even though|aunque|bien que|quoique|obwohl|obgleich|embora|mesmo que)"
    r"\W+(?:i|i'm|i've|i'd|yo|je|j'\w*|ich|eu)\b"
)


_STILL = frozenset({"still", "again", "sigo", "sigue", "toujours", "encore", "immer", "ainda"})


def self_concession(folded: str, start: int) -> bool:
    """Is the contrast at `start` a concession about the writer's own conduct, with nothing
    negated in its sentence ("obwohl ich laut geworden bin", not "although I still can't")?"""
    if not _SELF_CONCESSION.match(folded, start):
        return False
    stop = _SENTENCE_END.search(folded, start)
    sentence = folded[start : stop.start() if stop else len(folded)]
    tokens = _TOKEN.findall(sentence)
    return not any(_NEGATOR.fullmatch(token) or token in _STILL for token in tokens)


def grudge_about_time(folded: str, start: int, end: int) -> bool:
    """Does the contrast at folded[start:end] only grumble ("but fine", "only took you nine
    days"), rather than restrict the fix?"""
    # The sentence from the contrast on, or the whole sentence for a trailing "though".
    stop = _SENTENCE_END.search(folded, end)
    rest = folded[end : stop.start() if stop else len(folded)]
    if not rest.strip(" ,"):
        rest = folded[_sentence_start(folded, start) : start]
    if self_concession(folded, start):
        return True  # "... obwohl ich ständig nachfragen musste": the writer, not the fix
    if _GRUDGE.match(rest.strip(" ,")) or _FED_UP.search(rest):
        return True  # "... but fine", "pero en fin", "mais bon", "but I'm fed up with you"
    return bool(_TOOK_TIME.search(rest)) and not any(
        _NEGATOR.fullmatch(token) for token in _TOKEN.findall(rest)
    )


# A contrast that only grumbles: "but fine", "but whatever", "pero bueno", "mais bon",
# "aber gut", "mas ok", "mas pronto"; or names a feeling about the company, not the fault.
_GRUDGE = re.compile(
    r"(?:fine|whatever|ok|okay|oh well|anyway|bueno|en fin|vale|bon|passons|enfin bref|gut"
    r"|naja|egal|tudo bem|enfim|beleza|pronto)\b\W*$"
)
_FED_UP = re.compile(
    r"\b(?:fed up|sick of|furious|livid|annoyed|quemad\w*|hart[oa]s?|cabread\w*|harto"
    r"|marre|furieu\w*|agace\w*|nase voll|schnauze voll|sauer|genervt|saco cheio|irritad\w*"
    r"|cansad[oa]|should (?:have|'ve) (?:been )?(?:done|fixed|sorted)|could have (?:been )?"
    r"(?:done|fixed|sorted)|podriais haber\w*|aurait pu|hatte man|poderiam ter|precisava mesmo"
    # The effort it cost or the service, not the fault: "I had to call seven times", "cinco
    # llamadas", "trois appels", "fünfmal nachfragen", "isso não é atendimento".
    r"|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dos|tres|cuatro|cinco|seis"
    r"|siete|varias|deux|trois|quatre|cinq|six|sept|plusieurs|duas|quatro|sete|varias)"
    r" (?:times|calls|chats|emails|veces|llamadas|correos|fois|appels|mails|vezes|ligacoes"
    r"|chamados|protocolos)"
    r"|(?:zwei|drei|vier|funf|sechs|sieben|acht|zehn|\d+)mal|anrufe|atendimento"
    # What it should not have cost: "I shouldn't have had to", "il ne devrait pas falloir
    # autant d'efforts", "no debería hacer falta tanto", "so viel Aufwand", "tanto esforço".
    r"|should ?n[o']?t (?:have )?(?:had to|take|need|be this)|so much effort|this hard"
    r"|ne devrait pas (?:falloir|etre)|n'aurait pas du|autant d'efforts?|no deberia (?:hacer"
    r" falta|costar|ser tan)|tanto esfuerzo|sollte nicht so|so viel aufwand|nao deveria"
    r" (?:precisar|ser tao)|tanto esforco"
    r"|customer service|atencion al cliente|service client|kundenservice"
    # Leaving, or a verdict on the company, not on the fault: "I'll order elsewhere", "je ne
    # louerai plus jamais chez vous", "bestelle woanders", "peço noutro lado", "vous auriez pu
    # prévenir", "bezeichnend für Ihren Laden".
    r"|elsewhere|somewhere else|en otro (?:sitio|lado)|en otra parte|ailleurs|woanders"
    r"|noutro lado|em outro lugar|noutra loja|(?:plus|nunca|nie) (?:jamais|mais|wieder|mas)"
    r"(?: \w+)? (?:chez vous|con ustedes|bei ihnen|convosco|com voces)"
    r"|auriez pu|could have (?:told|warned|let)|podrian haber (?:avisado|dicho)"
    r"|hatten (?:sie|ihr) (?:\w+ )?(?:sagen|bescheid|melden)|poderiam ter (?:avisado|dito)"
    r"|bezeichnend|typical of you|tipico de ustedes|typique de chez vous|tipico de voces)"
)


_CLAUSE_BREAK = re.compile(r"[,;:.!?\n]|\b(?:but|pero|mais|aber|mas|and|y|et|und|e)\b")
# What was missing or lost, named as what came back ("the missing points are back"); a fault
# as the subject ("the error shows up again") is no such name.
_ABSENT = re.compile(
    r"(?:\w+ )*(?:missing|lost|falta\w*|perdid\w*|manqu\w*|perdu\w*|fehlend\w*|verloren\w*"
    r"|sumid\w*|desaparecid\w*|faltante\w*)"
)


# The step the customer took as told ("logged out and back in like you said", "comme
# indiqué", "wie empfohlen", "como me dijisteis", "como indicaram"): its words are no fault.
_AS_TOLD = re.compile(
    r"\b(?:like|as) you (?:said|suggested|told me|advised)|as (?:suggested|advised|instructed)"
    r"|como (?:me )?(?:dijisteis|dijiste|dijo|indicasteis|indicaste|indico|sugeristeis)"
    r"|comme (?:indique|conseille|vous (?:me )?l'av(?:ez|iez) (?:dit|conseille|indique))"
    r"|wie (?:empfohlen"
    r"|besprochen|vorgeschlagen|angegeben)|como (?:indicaram|sugeriram|disseram|me disse"
    r"|indicou|sugeriu)\b"
)


def _sentence_start(folded: str, at: int) -> int:
    """Where the sentence holding `at` begins."""
    return max(folded.rfind(mark, 0, at) for mark in ".!?\n") + 1


def _as_told(folded: str, match: re.Match[str]) -> bool:
    """Is the problem phrase in the sentence of a step taken as the agent told?"""
    begin = _sentence_start(folded, match.start())
    stop = _SENTENCE_END.search(folded, match.end())
    return _AS_TOLD.search(folded, begin, stop.start() if stop else len(folded)) is not None


def _outside(match: re.Match[str], spans: list[tuple[int, int]], folded: str) -> bool:
    """Is the problem phrase outside the confirmation? "the error is gone" holds one inside
    it; "the missing gems are back", "le remboursement des boissons manquantes apparaît",
    "die fehlenden Edelsteine sind wieder da" name, just before it, what was put right."""
    if any(match.start() < end and start < match.end() for start, end in spans):
        return False
    after = [start for start, _ in spans if start >= match.end()]
    return not (
        after
        and _ABSENT.fullmatch(match.group())
        and min(after) - match.end() <= 40
        and not _CLAUSE_BREAK.search(folded, match.end(), min(after))
    )


def _reports_a_fault(folded: str, match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    """Does the problem phrase at `match` report a fault beside the confirmation? Not when it
    is inside it or names what was put right (`_outside`), is a step taken as told, or is
    denied ("without any error")."""
    return (
        _outside(match, spans, folded)
        and not _as_told(folded, match)
        and not _WITHOUT.search(folded, max(0, match.start() - 30), match.start())
    )


# Every doubt but a reported problem in one pass; `_RULES` gives the order in which a doubt
# is reported. Each pattern opens with a word boundary: one look-behind for all of them
# scans in half the time of a boundary per alternative.
_RULES = {
    "repeat": "again: the trouble came back or happened twice",
    "problem": "another problem reported beside it",
    "undone": "a negated fact beside it",
    "contrast": "a contrast or restriction after the confirmation",
    "not_yet": "not tried yet: future or an intention to test",
    "tentative": "tentative: for now, so far, until",
    "exception": "an exception to the confirmation",
}
_KINDS = (
    ("exception", _EXCEPT),
    ("repeat", _REPEAT),
    ("problem", _TROUBLE),
    ("undone", _UNDONE_AFTER),
    ("contrast", CONTRAST),
    ("reservation", _RESERVATION),
    ("restriction", _RESTRICTION),
    ("not_yet", NOT_YET_TRIED),
    ("tentative", _TENTATIVE),
)
# "almost three weeks", "casi un mes", "presque deux jours", "fast drei Wochen", "quase um
# mês": how long it took, not a partial fix; "until it was sorted", "hasta que quedó
# resuelto", "jusqu'à ce que tout soit réglé": someone kept at it, no time limit on the fix.
_ALMOST = re.compile(r"almost|casi|presque|fast|quase")
_DURATION_AFTER = re.compile(
    r"\W+(?:\w+\W+){0,2}?(?:days?|weeks?|months?|hours?|years?|dias?|semanas?|mes|meses|horas?"
    r"|anos?|jours?|semaines?|mois|heures?|ans|annees?|tagen?|wochen?|monate?n?|stunden?"
    r"|jahren?)\b"
)
_UNTIL = re.compile(r"until|till|hasta que|jusqu'a|ate que")
_DONE_AFTER = re.compile(
    r"\W+(?:\w+\W+){0,5}?(?:sorted|fixed|resolved|solved|done|regle\w*|resolu\w*|resuelt\w*"
    r"|solucionad\w*|arreglad\w*|erledigt|gelost|behoben|resolvid\w*|made sense|understood"
    r"|entendi\w*|compris|verstanden|percebi|funcion\w*|worked|marche|funktioniert)\b"
)


def _measure_or_persistence(folded: str, match: re.Match[str]) -> bool:
    """Is this tentative word a length of time ("almost three weeks") or someone keeping at it
    until the fix ("until everything was sorted"), not a doubt about the fix?"""
    word = match.group()
    if _ALMOST.fullmatch(word):
        return _DURATION_AFTER.match(folded, match.end()) is not None
    if _UNTIL.fullmatch(word):
        return _DONE_AFTER.match(folded, match.end()) is not None
    return False


_BOUNDARY = r"\b"
_DOUBTS = re.compile(
    r"(?<![\w])(?:"
    + "|".join(f"(?P<{name}>{pattern.pattern.removeprefix(_BOUNDARY)})" for name, pattern in _KINDS)
    + ")"
)


# A new matter after the answer: "Separate question — ...", "Por cierto, ...", "Autre chose :",
# "Andere Sache:", "Aproveitando, ...": a question there asks about that, not about the fix.
_NEW_TOPIC = re.compile(
    r"\b(?:(?:a |one )?(?:separate|another|different|unrelated|quick|other|new) (?:question"
    r"|thing|matter)|one more thing|(?:also|and)(?=,)|by the way|btw|while i have you"
    r"|separately(?=,)|on another note|por otro lado|d'autre part|ausserdem|ansonsten"
    r"|por outro lado|alem disso"
    r"|por cierto|otra (?:cosa|pregunta|consulta|duda)|aparte de eso|aprovecho"
    r"|autre (?:chose|question)|par ailleurs|au fait|une autre question|petite question"
    r"|au passage|(?:separate|other|another) thing|while i'?ve got you|while i have you"
    r"|sinon"
    r"|andere (?:sache|frage)|noch eine frage|ubrigens|eine frage noch|nebenbei"
    r"|kurze frage(?: noch)?"
    r"|aproveitando|outra (?:coisa|pergunta|duvida)|alias|a proposito)\b"
)
# "without any error message", "sin ningún problema", "ohne Fehler", "nothing broken": a
# trouble denied.
_WITHOUT = re.compile(
    r"\b(?:without|no|nothing|sin|nada|sans|rien(?: de)?|ohne|nichts|sem|kein\w*|aucun\w*"
    r"|ningun\w*|nenhum\w*)\s+(?:\w+\s+){0,2}$"
)


# "Hola de nuevo", "hi again", "re-bonjour", "hallo nochmal", "olá de novo": a greeting.
_GREETED_AGAIN = re.compile(
    r"^\W*(?:hi|hello|hey|hola|buenas|bonjour|salut|hallo|guten tag|ola|oi|bom dia|boa tarde)"
    r"\W+(?:\w+\W+)?(?:again|de nuevo|otra vez|encore|de nouveau|nochmal|noch mal|wieder"
    r"|de novo|novamente)\b"
)


# A review of the product or the service, not a report on a fault: a comparison with before
# ("smoother than the old version", "mejor que antes", "schneller als früher"), a star
# rating, a first order, a habit. Its "works" or "arrived" praises; it answers no "is it fixed?".
_REVIEW = re.compile(
    r"\b(?:than (?:before|it used to|the old|the previous|the last)|que antes"
    r"|que (?:la|el|lo) (?:anterior|de antes)|qu'avant|que (?:l'ancien|le precedent"
    r"|la precedente)\w*|als (?:vorher|fruher|zuvor|die alte|der alte|das alte)"
    r"|do que antes|que (?:o|a) anterior|better|mejor|mejores|mieux|meilleure?s?|besser\w*"
    r"|melhor(?:es)?"
    r"|\d (?:out of \d|stars?|estrellas?|etoiles?|sterne|sternen|estrelas?)"
    r"|(?:my|our) first (?:order|delivery|purchase|booking)|first time (?:ordering|using)"
    r"|(?:mi|nuestro|nuestra|el|la) prim(?:er|era) (?:pedido|compra|entrega|reserva)"
    r"|(?:ma|notre|la) premiere (?:commande|livraison|reservation)"
    r"|(?:meine|unsere|die) erste (?:bestellung|lieferung|buchung)"
    r"|(?:meu|nosso|o|a|minha|nossa) primeir[oa] (?:pedido|compra|entrega|reserva)"
    # A habit is praised, not a fault reported gone: "arrived on time as always".
    r"|as always|as usual|like always|for years|como siempre|como de costumbre"
    # In use for years: "we've used it for two years", "depuis deux ans", "seit drei Jahren".
    r"|for (?:\d+|two|three|four|five|several|many) years|depuis (?:\d+|deux|trois|quatre"
    r"|cinq|plusieurs) ans|seit (?:\d+|zwei|drei|vier|funf|mehreren|vielen) jahren"
    r"|(?:hace|desde hace) (?:\d+|dos|tres|cuatro|cinco|varios|muchos) anos"
    r"|ha (?:\d+|dois|tres|quatro|cinco|varios|muitos) anos"
    # A first order with no article before it: "First order with you and all perfect".
    r"|first (?:order|delivery|purchase|booking) (?:with|from)|prim(?:er|era) (?:pedido|compra"
    r"|entrega|reserva) con|premiere (?:commande|livraison) (?:chez|avec)|erste bestellung"
    r" (?:bei|mit)|primeir[oa] (?:pedido|compra|encomenda) (?:com|convosco|na|no)"
    r"|desde hace anos|comme d'habitude|comme toujours|depuis des annees|wie immer|wie gewohnt"
    r"|seit jahren|como sempre|como de costume|ha anos"
    # A new customer's review: "since switching", "should've done it years ago", "desde que me
    # cambié", "depuis que je suis passé chez vous", "seit dem Wechsel", "desde que mudei".
    r"|since (?:i |we )?(?:switched|switching|moved over|joined|signed up)|switched (?:over )?"
    r"(?:to|from)|(?:should|could)(?:'ve| have) (?:done|switched|made) (?:it|this|the switch"
    r"|the move)|desde que (?:me )?(?:cambie|pase|contrate)|depuis que (?:je suis|j'ai|nous"
    r" sommes) (?:passee?s? chez|change|souscrit)|j'aurais du (?:le faire|changer)|seit (?:ich"
    r"|wir) (?:gewechselt|umgestiegen)|seit dem wechsel|desde que (?:mudei|troquei|migrei"
    r"|contratei)|devia ter (?:mudado|trocado|feito isso)"
    # Since the customer's own change of plan or provider, said with a noun or "we": "since
    # the switch", "desde el cambio de tarifa", "depuis qu'on a la box", "seit dem
    # Tarifwechsel", "desde que mudamos para o plano".
    r"|since (?:the |my |our )?(?:switch|move|plan change|tariff change|change of plan)"
    r"|since (?:moving|changing|upgrading|switching) (?:to|over)"
    r"|desde (?:el|la) (?:cambio|migracion|paso) (?:de|a|al)\b|desde que (?:nos |me )?"
    r"(?:cambiamos|pasamos|mudamos|contratamos|tenemos|tengo)"
    r"|depuis (?:le|la) (?:changement|passage|migration) (?:de|a|vers|d')|depuis qu'(?:on a"
    r"|on est|nous avons)|depuis que (?:j'ai|nous avons) (?:la|le|l'|pris)"
    r"|seit (?:dem|der) (?:tarifwechsel|anbieterwechsel|wechsel|umstieg|umstellung)"
    r"|seit (?:ich|wir) (?:den|die|das) \w+ (?:haben|nutzen)"
    r"|desde que (?:mudamos|passamos|trocamos|contratamos|temos|tenho)"
    r"|desde a (?:mudanca|troca|migracao) (?:de|para)"
    # Easier or handier than another way: "so much easier than queuing", "más cómodo que",
    # "plus pratique que", "bequemer als", "mais prático do que".
    r"|(?:easier|quicker|simpler|handier|more convenient|more practical) than"
    r"|mas (?:comod[oa]s?|facil(?:es)?|rapid[oa]s?|practic[oa]s?|sencill[oa]s?) que"
    r"|plus (?:pratiques?|simples?|rapides?|faciles?) que"
    r"|(?:bequemer|einfacher|schneller|praktischer) als"
    r"|mais (?:pratic[oa]s?|facil|faceis|rapid[oa]s?|simples|comod[oa]s?) (?:do )?que"
    # An order placed a day ago and delivered: a first delivery praised, not a fault fixed.
    r"|(?:ordered|bought) (?:it |this |them )?(?:yesterday|last night|this morning)"
    r"|(?:compre|pedi|encargue) (?:\w+ )?(?:ayer|anoche|esta manana)|(?:commandee?s?|achetee?s?)"
    r" (?:\w+ )?(?:hier|ce matin)|(?:gestern|heute morgen) (?:\w+ )?(?:bestellt|gekauft)"
    r"|(?:comprei|pedi|encomendei) (?:\w+ )?(?:ontem|hoje)"
    # Contentment with the thing itself, not with a fault gone: "really happy with it", "love
    # the", "me encanta", "très contente de", "zufrieden mit", "adorei", "impressive".
    r"|(?:happy|pleased|delighted|chuffed) with|love (?:it|the|my)|content[oa] con|me encanta"
    r"|contente? (?:de|du)|j'adore|zufrieden (?:mit|damit)|begeistert|satisfeit[oa] com|adorei"
    r"|amei|impressive|impressed|impresionante|impressionnant|beeindruckend|impressionante"
    # A new thing praised as such: "the new meter is great", "la app nueva es genial", "le
    # nouveau compteur est super", "die neue App ist toll", "o app novo é ótimo".
    r"|(?:the|my|our) new (?:\w+ ){0,3}\w+ (?:is|are|'s) (?:great|brilliant|amazing|fantastic"
    r"|excellent|superb|awesome|lovely)|(?:la|el|mi) (?:nuev[oa] (?:\w+ ){0,3}\w+|\w+ nuev[oa])"
    r" (?:es|esta|va|funciona) (?:genial|estupend[oa]|fantastic[oa]|increible|una maravilla"
    r"|de maravilla|de lujo|fenomenal|rapidisim[oa])|(?:le|la|mon|ma) nouve(?:au|l|lle)"
    r" (?:\w+ ){0,3}\w+ (?:est|marche|fonctionne) (?:super|geniale?|top|excellent|parfait"
    r"|a merveille)|(?:die|der|das|mein|meine) neue\w* (?:\w+ ){0,3}\w+ (?:ist|lauft"
    r"|funktioniert) (?:super|toll|klasse|genial|spitze|prima)|(?:o|a|meu|minha) (?:\w+ nov[oa]"
    r"|nov[oa] (?:\w+ ){0,3}\w+) (?:e|esta|funciona) (?:otim[oa]|excelente|incrivel|demais|show"
    r"|uma maravilha)"
    # Feedback offered as such: "a bit of feedback", "os dejo mi opinión", "petit retour",
    # "kleines Feedback", "deixo a minha opinião".
    r"|(?:some |a bit of |quick |little |small )?feedback(?! (?:from|on my|yet))"
    r"|(?:os|les) dejo mi opinion|mi opinion sincera|(?:un )?petit retour|mon avis sur"
    r"|(?:kleines|kurzes) feedback|meine meinung|deixo (?:aqui )?(?:a minha )?opiniao"
    # A first time ordering or using: "primera vez que pido", "first time ordering".
    r"|first time (?:i'?ve |i )?(?:ordered|ordering|using|used|buying|booked)"
    r"|primera vez que (?:pido|compro|uso|reservo)|premiere fois que (?:je commande|j'achete"
    r"|j'utilise|je reserve)|(?:das )?erste mal,? dass ich (?:bestelle|kaufe|buche)"
    r"|primeira vez que (?:peco|compro|uso|reservo))"
)
# "not impressed", "no contento con", "pas contente de", "nicht zufrieden mit": no praise.
_NOT_BEFORE = re.compile(r"\b(?:not|no|pas|nicht|nao)\W+$")


def _review(folded: str) -> re.Match[str] | None:
    for match in _REVIEW.finditer(folded):
        if not _NOT_BEFORE.search(folded, max(0, match.start() - 8), match.start()):
            return match
    return None


# Applause for the work or the team ("bravo", "great job", "enhorabuena a todos", "gute
# Arbeit", "parabéns"): a review of a release, or sarcasm about a fix that made things worse.
# Whoever confirms a fix thanks someone; applause answers no "is it fixed?".
_APPLAUSE = re.compile(
    r"\b(?:bravo|great job|good job|well done|great work|nice work|kudos|hats off"
    r"|buen trabajo|gran trabajo|bien hecho|enhorabuena|felicidades|beau travail|bon travail"
    r"|chapeau|gute arbeit|grossartige arbeit|tolle arbeit|toll gemacht|super gemacht"
    r"|gut gemacht|otimo trabalho|bom trabalho|parabens)\b"
)


# Thanks for a favour (an extension, extra time, an exception): what the customer then managed
# is the favour used, not a fault put right. "Thanks for extending the offer, I made it",
# "gracias por ampliar el plazo", "merci d'avoir prolongé", "danke, dass ihr verlängert habt",
# "obrigada por prorrogar".
_FAVOUR = re.compile(
    r"\b(?:thanks?|thank you|cheers|gracias|merci|danke|obrigad[oa]|valeu)\b[^.!?]{0,40}?"
    r"\b(?:extend\w*|extension|prolong\w*|(?:more|extra) (?:time|days|week)|an exception"
    r"|ampli\w*|alarga\w*|prorroga\w*|extendi\w*|extension|(?:mas|unos) dias|una excepcion"
    r"|prolonge\w*|prolongation|rallonge\w*|une exception|delai supplementaire|verlanger\w*"
    r"|eine ausnahme|mehr zeit|prorroga\w*|prorrogacao|estend\w*|prolonga\w*|uma excecao"
    r"|mais (?:tempo|dias|prazo))\b"
)


# Someone else's service or device working ("my neighbour's fibre works fine", "bei meinem
# Kollegen hat es funktioniert", "chez un autre opérateur"): a comparison or hearsay, not the
# customer's problem gone. A friend who fixed it ("my colleague restarted it") is not; family
# is not named, as a customer often writes for a parent or child, but Portuguese "dele/dela"
# (his, hers) says whose it is.
_SOMEONE_ELSE = re.compile(
    r"\b(?:(?:my|our) (?:neighbou?r|friend|colleague|co-?worker|flatmate|roommate)s?'s?"
    r"(?= (?!(?:fixed|sorted|reset|restarted|rebooted|reinstalled|changed|swapped|replaced"
    r"|installed|set|did|helped|managed|got)\b))"
    r"|(?:another|other|a different) (?:provider|operator|network|company)"
    r"|(?:a|de|en casa de|para|con) (?:mi|mis|nuestr[oa]s?) (?:vecin[oa]s?|amig[oa]s?"
    r"|companer[oa]s?|colegas?)|otr[oa] (?:operador|compania|empresa)"
    r"|(?:chez|de|pour|avec) (?:mon|ma|mes|notre|nos) (?:voisine?s?|amie?s?|copains?|copines?"
    r"|collegues?)|(?:un )?autre (?:operateur|fournisseur)"
    r"|(?:bei|von) (?:meinem|meiner|unserem|unserer) (?:nachbar\w*|freund\w*|kolleg\w*)"
    r"|ander\w* anbieter"
    r"|(?:do|da|no|na|para o|para a|pro|pra|com o|com a) (?:meu|minha|nosso|nossa)"
    r" (?:vizinh[oa]|amig[oa]|colega)s?|outr[oa] (?:operadora|fornecedor|empresa)"
    # Who has or uses the same thing: "my neighbour has the same boiler", "mi vecina tiene",
    # "mon collègue utilise", "mein Kollege hat", "o meu colega usa"; "a ella le funciona",
    # "no telemóvel dele".
    r"|(?:neighbou?r|friend|colleague|co-?worker)s? (?:has|have|uses|use|is with|are with)"
    r"|(?:vecin[oa]|amig[oa]|companer[oa]|colega)s? (?:tiene|tienen|usa|usan|esta con)"
    r"|a (?:el|ella|ellos|ellas) (?:le|les) (?:funciona|va)"
    r"|(?:voisine?|amie?|collegue)s? (?:a|ont|utilise|utilisent|est chez|sont chez)"
    r"|(?:nachbar|freund|kolleg)\w* (?:hat|haben|nutzt|nutzen|ist bei|sind bei)"
    r"|(?:vizinh[oa]|amig[oa]|colega)s? (?:tem|usa|usam|esta com)|dele|dela|deles|delas)\b"
)


def _someone_else(folded: str, spans: list[tuple[int, int]]) -> re.Match[str] | None:
    """A third person or another provider named before the first confirmation, in its
    sentence ("also on my colleagues' devices" after it only widens the fix)."""
    start = min(spans)[0]
    return _SOMEONE_ELSE.search(folded, _sentence_start(folded, start), start)


def applauded(folded: str) -> bool:
    """Does the message applaud the work or the team?"""
    return _APPLAUSE.search(folded) is not None


# What names a fault put right: the review rule stands back where one is named ("the box is
# back and faster than before").
_FIX_NAMED = re.compile(
    r"\b(?:fix\w*|solved|resolved|sorted|back|again|restored|unblocked|unlocked|reactivated"
    r"|arreglad\w*|solucionad\w*|resuelt\w*|vuelto|volvio|de nuevo|otra vez|desbloquead\w*"
    r"|regle\w*|resolu\w*|repare\w*|revenue?s?|retabli\w*|de nouveau|a nouveau|debloque\w*"
    r"|behoben|gelost|wieder|entsperrt|repariert|resolvid\w*|consertad\w*|voltou|voltaram"
    r"|de novo|novamente)\b"
)


# What ties a question back to the fix: the fix or the trouble named, a pronoun for it, or a
# doubt about it ("is that normal?", "will it happen again?", "¿es normal?", "pourquoi ?",
# "warum?", "isso é normal?"). A question without any of them asks about something else.
_ABOUT_THE_FIX = re.compile(
    r"\b(?:it|this|that|normal|again|still|why|sure|permanent\w*|happen\w*|cause\w*|fix\w*"
    r"|work\w*|error|problem|issue|broke\w*|supposed|should|safe|ok|okay|right"
    r"|esto|eso|otra vez|de nuevo|todavia|aun|por que|seguro|permanente|pasa|pasara|paso"
    r"|causa|arregl\w*|funciona\w*|fallo|deberia|bien"
    r"|ca|cela|ceci|encore|toujours|pourquoi|sur|definiti\w*|regle|marche|fonctionne|erreur"
    r"|probleme|bug|devrait"
    r"|wieder|immer|noch|warum|sicher|dauerhaft|passier\w*|ursache|behoben|funktionier\w*|geht"
    r"|klappt|fehler|sollte|richtig"
    r"|isso|isto|de novo|novamente|ainda|porque|certeza|definitiv\w*|acontec\w*|resolv\w*"
    r"|erro|problema|deveria|certo"
    # The same again elsewhere, or something wrong named: "do I do the same on the tablet?",
    # "lo mismo", "aussi", "auch", "também"; "weren't in the box", "missing".
    r"|same|too|also|as well|mismo|misma|tambien|meme|aussi|gleiche|selbe|auch|ebenfalls"
    r"|mesmo|mesma|tambem|not|no|nao|nicht|kein\w*|pas|ne|missed|missing|falta\w*|manque\w*"
    r"|fehl\w*)\b|n't\b"
)
# A confirmation scoped to one place or device ("on my phone it works", "en el móvil ya va",
# "sur l'ordi ça marche", "am Laptop klappt es", "no notebook funciona"): a question after it
# is about the others.
_SCOPED = re.compile(
    r"\b(?:on|in) (?:the|my|our|his|her) \w+|\b(?:en|sur|dans|auf|am|im|no|na) (?:el|la|mi"
    r"|le|l'|mon|ma|dem|der|meinem|meiner)?\b"
)
_QUESTION_SENTENCE = re.compile(r"[^.!?\n]*\?")
_OPENS_ON_CONTRAST = re.compile(rf"\W*(?:{CONTRAST.pattern}|{_RESERVATION.pattern})")


def _separate_question(folded: str, spans: list[tuple[int, int]]) -> int | None:
    """Where a question about another matter begins, in a sentence of its own after a message
    that opens on the fix ("I can log in now, thanks. Where do I find my invoices?"), or None
    when a question may doubt the fix ("it works, but is that normal?") or the fix is only
    part of the message."""
    begin, after = min(spans)[0], max(end for _, end in spans)
    first = folded.find("?", after)
    if first < 0 or len(_TOKEN.findall(folded, 0, begin)) > 8:
        return None
    start = max(folded.rfind(mark, 0, first) for mark in ".!\n") + 1
    if start <= after or not folded[after:start].strip(" ,;:-"):
        return None  # the question shares the confirmation's sentence
    if _SCOPED.search(folded, 0, start):
        return None
    question = folded[start : first + 1]
    if _OPENS_ON_CONTRAST.match(question) or _ABOUT_THE_FIX.search(question):
        return None
    return start


# "again" that is no trouble: a good state back ("available again", "de nuevo disponible" is
# read by `restores`), joy at having it again ("endlich wieder", "enfin de nouveau"), or "the
# other time" ("como la otra vez", "da outra vez"), a past episode named.
_AGAIN_NOT_TROUBLE = re.compile(
    r"\b(?:(?:available|active|online|visible|normal|stable|accessible|usable|unlocked"
    r"|unblocked|disponibles?|activ[oa]s?|visibles?|normales?|estables?|accesibles?|actife?s?"
    r"|stables?|verfugbar|aktiv|sichtbar|stabil|disponive(?:l|is)|ativ[oa]s?|visive(?:l|is)"
    r"|estave(?:l|is))|endlich|finally|por fin|enfin|finalmente|la|da|na|a)\W+$"
)


def doubt(
    folded: str, spans: list[tuple[int, int]], stated: bool = False
) -> tuple[str, str] | None:
    """The first reason to doubt a confirmation, as (rule, evidence), or None. `stated`: the
    spans state the fix (not a bare yes or an acknowledgement), so a question about another
    matter in a sentence of its own may follow."""
    first_end = min(end for _, end in spans)
    review = _review(folded)
    if review and not _FIX_NAMED.search(folded):
        return "a review of the product or service, no fault put right", review.group()
    favour = _FAVOUR.search(folded)
    if favour and not _FIX_NAMED.search(folded):
        return "thanks for a favour, no fault put right", favour.group()
    other = _someone_else(folded, spans)
    if other:
        return "someone else's service or device, not the customer's", other.group()
    applause = _APPLAUSE.search(folded)
    if applause:
        return "applause for the work: a review or sarcasm, not a fix reported", applause.group()
    if "?" in folded:
        topic = _NEW_TOPIC.search(folded, first_end)
        if topic:
            if folded.find("?", 0, topic.start()) >= 0:
                return "a question: something is still open", "?"
            folded = folded[: topic.start()]  # what follows is another matter
        else:
            # A question of its own about something else is set aside; what follows it
            # still counts. Any other question leaves the problem open.
            start = _separate_question(folded, spans) if stated else None
            end = folded.find("?", start) + 1 if start is not None else 0
            if start is None or "?" in folded[end:]:
                return "a question: something is still open", "?"
            folded = folded[:start] + folded[end:]
    found: dict[str, str] = {}
    for match in _DOUBTS.finditer(folded):
        kind = match.lastgroup or ""
        if kind in found:
            continue
        if kind == "repeat" and (
            restores(folded, spans, match.start())
            or _AGAIN_NOT_TROUBLE.search(folded, max(0, match.start() - 40), match.start())
            or thanked(folded, match)
            or retried(folded, match)
            or _GREETED_AGAIN.search(folded, 0, match.end())
        ):
            continue
        if kind == "tentative" and _measure_or_persistence(folded, match):
            continue
        if kind == "problem" and not _reports_a_fault(folded, match, spans):
            continue
        if kind in ("contrast", "reservation", "restriction"):
            if (
                match.start() < first_end
                # "... was down yesterday but it's fine now": the contrast leads to the fix.
                or any(start > match.start() for start, _ in spans)
                or grudge_about_time(folded, match.start(), match.end())
            ):
                continue
            kind, evidence = "contrast", folded[match.start() :]
        else:
            evidence = match.group()
        found.setdefault(kind, evidence)
    if "problem" not in found:
        for match in PROBLEM.finditer(folded):
            if _reports_a_fault(folded, match, spans):
                found["problem"] = match.group()
                break
    for kind, rule in _RULES.items():
        if kind in found:
            return rule, found[kind]
    return None
