"""Courtesy and questions in a support message: what carries no sentiment of its own.

Thanks, please, greetings and sign-offs ("have a great day", "un saludo", "bonne journée",
"liebe Grüße", "tenha um ótimo dia"), "I'd like to", an opening positive interjection
("Great, ...") and a closing smiley are formulas; so is a question that asks for information.
In a request the rest of the message (its `body`) decides its sentiment, so a request with
only politeness is neutral; in a complaint a closing "thank you" counts for nothing
(`message.customer_signals` applies this; docs/signals.md, "the stance of a support
message"). Patterns are matched on folded text (lower case, no accents).
"""

from __future__ import annotations

import re

from bot.signals.patterns import compile_phrases
from bot.signals.stance import INTERJECTION, SENTENCE, WORD, Reading, anchors

# Formulas of courtesy: in a request or a complaint they carry no sentiment of their own.
# "thanks for fixing it" is gratitude for a deed and is not among them.
POLITENESS = compile_phrases(
    {
        "en": [
            r"(many |big )?thanks?( you)?( so much| very much| a lot| a million| heaps| again"
            r"| kindly)?( in advance| ahead| for (your|the|any) (help|time|assistance|support"
            r"|patience|attention|reply|response|quick reply|quick response|understanding))?",
            r"thx|ty|tia|cheers",
            r"please|pls|plz|kindly",
            r"(hi|hello|hey|dear|greetings|good (morning|afternoon|evening|day))( there| team"
            r"| all| guys| folks| sir( or madam)?| madam| support( team)?| customer (service"
            r"|support|care)( team)?)?",
            r"[:;]-?\)|:d|\U0001F642|\U0001F60A|\U0001F64F|\u263A\uFE0F?|\U0001F600|\U0001F603"
            r"|\U0001F44D",
            r"(have|enjoy|wish you) a (great|good|nice|lovely|wonderful|fantastic|blessed)"
            r" (day|weekend|week|evening|one|afternoon)",
            r"hope (you are|you're|you|all is|this finds you|everyone is|you've been|you're having"
            r"|you are having|you had|you have)( \w+){0,2} (well|good|great|fine|okay|lovely|nice)"
            r"( (day|week|weekend|monday|tuesday|wednesday|thursday|friday|morning|one))?",
            r"(kind|best|warm|warmest) (regards|wishes)|regards|all the best|sincerely",
            r"((i|we)('d| would) )?(really |greatly |truly )?appreciate (it|your help|any help"
            r"|your assistance|any assistance|a reply|a quick reply|your time)",
            r"(any help|your help|help) (would be|is|will be) (\w+ )?appreciated",
            r"(much |greatly |really |very much |truly )?appreciated",
            r"(i|we)('d| would) (like|love) to",
            r"(i|we)('d| would) like",
            r"sorry (to bother you|for the bother|for the trouble)",
            r"lol|haha\w*|hehe\w*|xx+",
        ],
        "es": [
            r"(muchas |mil |muchisimas )?gracias( de antemano| por adelantado| por (su|tu|vuestra)"
            r" (ayuda|atencion|tiempo|respuesta|paciencia))?",
            r"por favor|porfa|porfavor",
            r"(hola|buen(os|as) (dias|tardes|noches)|buenas|estimad[oa]s?)",
            r"(un )?saludos?( cordiales)?|atentamente|cordialmente|un abrazo",
            r"que (tenga|tengas|tengan|tengais) (un )?(buen|bonito|feliz|excelente) (dia|fin de"
            r" semana)",
            r"(me gustaria|quisiera|queria|quiero) (saber|preguntar|consultar|pedir)",
            r"me gustaria|quisiera",
            r"(les |le |os |te )?agradeceria|(les |le |os |te )?agradezco( de antemano)?",
            r"feliz (dia|semana|fin de semana|tarde|finde)|jaja\w*|jeje\w*",
        ],
        "fr": [
            r"merci( beaucoup| bien| infiniment)?( d'avance| par avance| pour (votre|ton) (aide"
            r"|retour|reponse|temps|attention))?",
            r"s'il (vous|te) plait|svp|stp",
            r"(bonjour|bonsoir|salut|madame|monsieur)",
            r"bonne (journee|soiree|fin de journee|continuation|semaine)",
            r"cordialement|bien a vous|au plaisir|salutations( distinguees)?",
            r"je vous remercie( par avance| d'avance)?",
            r"je voudrais|j'aimerais|je souhaiterais",
            r"coucou|petite question|haha\w*|mdr|lol",
        ],
        "de": [
            r"(vielen |herzlichen |besten )?dank(e)?( schon| sehr)?( im voraus| vorab)?",
            r"dankeschon",
            r"bitte",
            r"(hallo|guten (tag|morgen|abend)|sehr geehrte\w*|liebes team)",
            r"(einen )?(schonen|guten) (tag|abend|wochenende)",
            r"(mit )?(freundlichen|besten|lieben|viele|herzlichen) grussen|lg|mfg",
            r"(liebe|beste|viele|herzliche|freundliche|schone) grusse",
            r"ich (mochte|wurde gerne|hatte gerne)",
            r"hallochen|hallo zusammen|servus|moin|haha\w*",
        ],
        "pt": [
            r"(muito )?obrigad[oa]( desde ja| pela (atencao|ajuda|resposta))?",
            r"por favor|pfv",
            r"(ola|oi|bom dia|boa (tarde|noite)|prezad[oa]s?)",
            r"(tenha|tenham) um (bom|otimo|excelente) (dia|fim de semana)",
            r"atenciosamente|abracos?|cumprimentos",
            r"(gostaria|queria) (de )?(saber|perguntar|pedir)?",
            r"agradeco( desde ja| antecipadamente)?",
            r"tudo bem( com (voce|voces|vcs|vc))?|por gentileza|grat[oa]|kkk+|rs+|haha\w*",
            r"desde ja|boa semana|bom fim de semana",
        ],
    }
)
# A positive interjection opening the message as its own clause ("Great, ...", "Genial."):
# polite or ironic, never the body of a request or a complaint.
_LONEINTERJECTION = re.compile(r"^\W*" + INTERJECTION + r"\s*[,.!]+")
INTERJECTION_SENTENCE = re.compile(r"\W*" + INTERJECTION + r"\W*")

# A request in words ("please", "could you", "puede", "pourriez", "können Sie").
REQUEST = compile_phrases(
    {
        "en": [
            r"(can|could|would|will) (you|u|someone|somebody|anyone)",
            r"(can|could|may) (i|we)",
            r"i need|we need|is it possible|i was wondering|let me know|help me|how (do|can|to)",
            r"please|pls|plz|kindly|(i|we)('d| would) (like|love)|you could|appreciate it if",
            r"(wanted|want|like|love) to (check|ask|know|see|find out)|(just )?checking (on"
            r"|whether|if)|thanks? (you )?in advance|much appreciated",
        ],
        "es": [
            r"(puede|puedes|podria|podrias|podeis|pueden|podrian)",
            r"necesito|necesitamos|(se|es) (puede|posible)|como (puedo|hago|se)",
            r"por favor|porfa|me gustaria|quisiera|queria (saber|preguntar|pedir)",
            r"agradeceria|gracias de antemano|gracias por adelantado",
        ],
        "fr": [
            r"(pouvez|pourriez|peux|pourrais)[ -](vous|tu|je)",
            r"j'ai besoin|comment (je|faire)|s'il vous plait|svp|je voudrais|j'aimerais",
            r"merci (d'avance|par avance)",
        ],
        "de": [
            r"(konnen|konnten|wurden) sie",
            r"ich brauche|wie kann ich|ist es moglich|bitte|ich mochte|ich hatte gerne",
            r"im voraus|vorab",
        ],
        "pt": [
            r"(pode|poderia|podem|poderiam|consegue|conseguem)",
            r"preciso|precisamos|como (faco|posso)|e possivel|por favor|gostaria|queria saber",
            r"desde ja|antecipadamente",
        ],
    }
)
# A question that asks for information carries no sentiment; one that exclaims ("?!",
# "???"), asks "why", seeks agreement ("isn't it?", "¿verdad?", "oder?", "né?") or is one or
# two words ("Seriously?") is an evaluation and stays in the body.
_EVALUATING_QUESTION = re.compile(
    r"[!?]\?|\?!|\b(?:why|how come|por ?que|pourquoi|warum|wieso|weshalb)\b"
    r"|\b(?:is|are|was|do|does|did|has|have|can|could|would|will)n'?t (?:it|that|they|we|you|he"
    r"|she|i)\W*$|\b(?:right|no|verdad|n'est-ce pas|oder|nicht wahr|ne|nao e)\W*$"
    r"|[:;]-?[()dp]|[\U0001F300-\U0001FAFF\u2600-\u27BF]"
)
_SAYS_SOMETHING = re.compile(r"[^\W\d_]|[:;]-?[()dp]|[\U0001F300-\U0001FAFF\u2600-\u27BF]")


def _neutral_question(sentence: str) -> bool:
    if "?" not in sentence or _EVALUATING_QUESTION.search(sentence):
        return False
    return len(WORD.findall(sentence)) >= 3


# Something that never came or does not work, said in any language: with it, a message's
# thanks are a closing formula ("the parcel never arrived. Thanks!").

_COURTESY_ANCHORS = anchors(
    "thanks thank thx ty tia cheers please pls plz kindly hi hello hey dear greetings good"
    " day weekend week evening one afternoon hope regards wishes best sincerely appreciate"
    " appreciated like love sorry"
    " gracias favor porfa porfavor hola buenos buenas estimado estimada estimados estimadas"
    " saludo saludos atentamente cordialmente abrazo tenga tengas tengan tengais gustaria"
    " quisiera queria quiero agradeceria agradezco"
    " merci plait svp stp bonjour bonsoir salut madame monsieur bonne bien plaisir salutations"
    " cordialement"
    " remercie voudrais aimerais souhaiterais"
    " dank danke dankeschon bitte hallo guten geehrte geehrter geehrten geehrtes liebes"
    " schonen grussen grusse lg mfg mochte wurde hatte herzlichen"
    " obrigado obrigada pfv ola oi bom boa prezado prezada prezados prezadas tenha tenham"
    " atenciosamente abraco abracos cumprimentos gostaria"
    " agradeco"
    " lol haha hahaha hehe xx xxx feliz jaja jajaja coucou petite mdr hallochen zusammen servus"
    " moin tudo gentileza grato grata kkk kkkk rs desde semana"
)


_REQUEST_ANCHORS = anchors(
    "can could would will may need possible wondering let help how please pls plz kindly like"
    " puede puedes podria podrias podeis pueden podrian necesito necesitamos posible como favor"
    " porfa gustaria quisiera queria pouvez pourriez peux pourrais besoin comment plait svp"
    " voudrais aimerais konnen konnten wurden brauche wie moglich bitte mochte hatte pode"
    " poderia podem poderiam consegue conseguem preciso precisamos possivel gostaria"
    " love appreciate wanted want checking advance appreciated agradeceria antemano"
    " adelantado avance voraus vorab ja antecipadamente"
)


# That something works or was done, said as a fact ("it works now", "ya funciona", "c'est
# bon", "passt", "deu certo", "shows the right number"): news, not a feeling.
FIXED = compile_phrases(
    {
        "en": [
            # Not "working days" (business days), a count of time.
            r"(it'?s |it is |all |that'?s |everything'?s )?(works?|working(?! (days?|hours?"
            r"|weeks?))|worked|fixed|sorted|resolved|solved|good to go|back up|up and running)"
            r"( now| again| for me)?",
            r"(it'?s|it is|all|all is|that'?s|everything'?s|everything is) (ok|okay|fine|good)"
            r"( now)?",
            r"(shows?|showing|displays?|appears?) (\w+ ){0,4}(right|correct)|correctly|properly"
            r"|as expected|successfully",
            r"arrived|came through|went through|gone through|shows? up|landed",
            r"(runs?|running|loads?|loading|connects?|syncs?|syncing|prints?|opens?)"
            r" (fine|ok|okay|properly|correctly|normally|again)",
        ],
        "es": [
            r"(ya )?(funciona|funcionan|funcionando|va|anda|listo|arreglado|solucionado|resuelto"
            r"|bien|correcto|correctamente)( de nuevo| otra vez| bien)?",
            r"vuelve a (funcionar|ir|andar|cargar|conectar)|(ya )?(llego|ha llegado|aparece)",
            r"ya (esta|aparece|aparecen|se ve|me deja|me llego|me ha llegado|llego|puedo)",
        ],
        "fr": [
            r"(c'est|ca y est|tout est) (bon|ok|regle|en ordre|rentre dans l'ordre)",
            r"(ca )?(marche|fonctionne|refonctionne|remarche)( bien| de nouveau| a nouveau)?",
            r"regle|resolu|corrige|bien (recu|arrive|passe)|bien|correctement|ok",
            r"(est|sont) (bien )?(arrive|arrivee|passe|passee|recu|recue|apparu)e?s?",
        ],
        "de": [
            r"(es )?(funktioniert|klappt|geht|passt|lauft)( jetzt| wieder| alles)?",
            r"(ist )?(behoben|gelost|erledigt|in ordnung|korrekt|richtig)|hab's|habs|ok|okay",
            r"(ist|sind) (jetzt |endlich |nun |schon )?(da|angekommen|eingegangen|drauf)"
            r"|angekommen|eingegangen|problemlos|ohne probleme",
        ],
        "pt": [
            r"(ja |agora )?(funciona|funcionou|funcionando|esta a funcionar|deu certo|foi"
            r"|resolvido|resolveu|certo|certinho|correto|corretamente|ok)( de novo| novamente)?"
            r"|tudo certo",
            r"voltou a (funcionar|carregar|conectar|abrir)|(ja )?chegou|caiu na conta",
        ],
    }
)
# That an explanation was taken in ("got it", "entendido", "compris", "alles klar",
# "entendi"): an acknowledgement, not a feeling.
NOTED = compile_phrases(
    {
        "en": [
            r"got it|makes sense|noted|understood(?! (me|us|what|my|our))",
            r"(that'?s )?clear( now)?",
        ],
        "es": [r"entendido|de acuerdo|vale|claro|ok|okey"],
        "fr": [r"compris|d'accord|entendu|ok|c'est (plus |beaucoup plus )?clair"],
        "de": [r"verstanden|alles klar|okay|ok|klar"],
        "pt": [r"entendi|entendido|beleza|blz|de acordo|ok"],
    }
)
# Warmth beside a fix: an opening "Perfect, ..." / "¡Genial!", a smiling emoji, or thanks
# that are more than a formula ("thanks a lot!", "¡mil gracias!", "merci beaucoup !").
WARM_THANKS = compile_phrases(
    {
        "en": [
            r"thanks? (you )?(so much|a lot|a million|very much|heaps|loads|ever so much)",
            r"many thanks|huge thanks|big thanks|thank you thank you|cheers mate",
        ],
        "es": [r"(muchas|mil|muchisimas) gracias|gracias mil|un millon de gracias"],
        "fr": [r"merci (beaucoup|infiniment|mille fois)|mille mercis|un grand merci"],
        "de": [r"(vielen|herzlichen|tausend) dank|danke (schon|vielmals|sehr)|dankeschon"],
        "pt": [r"muito obrigad[oa]|obrigadao|valeu demais|mil vezes obrigad[oa]"],
    }
)
# Thanks for a deed ("thanks for sorting it", "gracias por arreglarlo", "merci de l'avoir
# fait", "danke, dass ihr ...", "obrigado por resolver"): gratitude, not a formula.
DEED_THANKS = compile_phrases(
    {
        "en": [
            r"(thanks?|thank you|grateful|appreciate it)( \w+){0,2} for (\w+ing|all|everything)",
        ],
        "es": [
            r"(gracias|agradezco|agradecid[oa]s?) (\w+ )?por (\w+(ar|er|ir)(lo|la|me|nos)?|todo)\b"
        ],
        "fr": [r"merci (\w+ )?(de|d'|pour) (m'avoir|nous avoir|l'avoir|avoir|tout)"],
        "de": [r"dank\w*( \w+){0,3},? (dass|fur (alles|ihre hilfe|eure hilfe|die hilfe))"],
        "pt": [r"(obrigad[oa]s?|agradeco|grat[oa]) (\w+ )?(por|pela|pelo) (\w+(ar|er|ir)\b|tudo)"],
    }
)
_WARM_SIGN = re.compile(
    "[\U0001f600-\U0001f60d\U0001f642\U0001f917\U0001f389\U0001f64c\U0001f44c\U0001f44d"
    "\U0001f970\U0001f973\u263a\u2764]|[:;]-?[)d]"
)


def without_facts(rest: str) -> str:
    """`rest` with statements that something works or was done, or was understood, out."""
    return NOTED.sub(" ", FIXED.sub(" ", rest))


def warm_fix(reading: Reading) -> bool:
    """A fix said with warmth: an opening positive interjection, a smile, or warm thanks."""
    if FIXED.search(reading.folded) is None:
        return False
    return (
        _LONEINTERJECTION.search(reading.folded) is not None
        or _WARM_SIGN.search(reading.folded) is not None
        or WARM_THANKS.search(reading.folded) is not None
    )


def requests(reading: Reading) -> bool:
    """A request in words ("please", "could you", "puede", "pourriez-vous", "bitte")."""
    if _REQUEST_ANCHORS.isdisjoint(reading.words):
        return False
    return REQUEST.search(reading.folded) is not None


def has_courtesy(reading: Reading) -> bool:
    """Thanks, please, a greeting, a sign-off or a lone positive interjection."""
    if _LONEINTERJECTION.search(reading.folded) is not None:
        return True
    if _COURTESY_ANCHORS.isdisjoint(reading.words):
        return False
    return POLITENESS.search(reading.folded) is not None


def body(reading: Reading, complaint: bool = False) -> tuple[str, bool]:
    """The message without courtesy formulas, an opening interjection and questions asking
    for information: what it says, for scoring (empty when nothing else is said); and
    whether such a question was set aside. In a `complaint`, a sentence that is only a
    positive interjection ("Just fantastic.") is irony wherever it stands, and goes too."""
    kept = []
    asks = False
    for sentence in SENTENCE.findall(_LONEINTERJECTION.sub(". ", reading.folded)):
        if _neutral_question(sentence):
            asks = True
            continue
        if complaint and INTERJECTION_SENTENCE.fullmatch(sentence):
            continue
        rest = POLITENESS.sub(" ", sentence)
        if _SAYS_SOMETHING.search(rest):
            kept.append(rest)
    return " ".join(kept), asks
