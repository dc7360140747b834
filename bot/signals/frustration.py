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
        "counted": [
            # Three or more calls, emails or chats counted by the customer.
            r"(three|four|five|six|seven|eight|nine|ten|\d{2}|[3-9]|tres|cuatro|cinco|seis|siete"
            r"|ocho|trois|quatre|cinq|sept|huit|drei|vier|funf|sechs|sieben|acht|quatro|sete|oito)"
            r" (phone )?(calls|emails|e-mails|chats|llamadas|correos|appels|mails|courriels|anrufe"
            r"|ligacoes|chamadas)",
            r"(dreimal|viermal|funfmal|sechsmal|siebenmal|achtmal|zehnmal) (\w+ )?(angerufen"
            r"|anrufen|geschrieben|nachgefragt|gemeldet)",
        ],
        "en": [
            r"(second|third|fourth|fifth|2nd|3rd|4th|5th|\d+th) time",
            # A count of times is repeated contact when it counts contacts ("I've called three
            # times"), not when it counts anything else ("charged twice", "restarted it 3 times").
            r"(called|phoned|rang|emailed|written|wrote|contacted|asked|explained|told|chased"
            r"|messaged|reported|complained|sent|repeated) (\w+ ){0,3}(two|three|four|five|several"
            r"|many|\d+) times",
            r"how many (more )?times (\w+ ){0,2}(do|must|should|will|have|am|are) (i|we)",
            r"(told|asked|called|explained|emailed|wrote|contacted|sent) (you|this|it|them)?"
            r" ?(already|again|before|twice)",
            r"i (have|ve|'ve) (already )?(called|written|emailed|contacted|asked|explained)"
            r"( you)? (\w+ )?(times|twice|already|again)",
            r"(explain|repeat|tell you) (this|it|myself) again",
            r"already (told|called|explained|sent|asked|wrote)",
            r"still (waiting|no (reply|answer|response|one))",
            # Counting one's own contacts: "my fourth email in two weeks".
            r"(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|\d+th) (email|e-mail|message"
            r"|call|phone call|ticket|chat|complaint|request|reminder|follow-up)s?",
        ],
        "es": [
            r"(segunda|tercera|cuarta|quinta) vez",
            r"(llamado|escrito|reclamado|preguntado|explicado|dicho|enviado|mandado|contactado"
            r"|repetido|llame|escribi|reclame|pregunte|explique|dije|envie|mande) (\w+ ){0,3}(dos"
            r"|tres|cuatro|cinco|varias|muchas|\d+) veces",
            r"(dos|tres|cuatro|cinco|varias|\d+) veces (\w+ ){0,2}(he|os|les|te|lo|la|ya)"
            r" (\w+ )?(llamado|escrito|reclamado|preguntado|explicado|dicho|enviado|mandado)",
            r"ya (os|les|te|le) (lo )?(di|dije|envie|mande|explique|escribi)",
            # "Otra vez" alone is a relapse of the fault; with a contact verb it is repeat contact.
            r"(escribo|llamo|reclamo|pregunto|repito|explico|os escribo|les escribo|pido) (\w+ )?"
            r"(otra vez|de nuevo)",
            r"(otra vez|de nuevo) (os |les |te |le )?(escribo|llamo|reclamo|tengo que (escribir"
            r"|llamar|explicar|repetir|reclamar))",
            r"otra vez (lo mismo|igual)",
            r"cuantas veces (\w+ ){0,2}(tengo|tendre|debo|hay que|os|les|te|le|voy|vamos)",
            r"sigo esperando",
            r"(segundo|segunda|tercer|tercero|tercera|cuarto|cuarta|quinto|quinta|sexto|sexta)"
            r" (correo|email|e-mail|mensaje|llamada|reclamacion|ticket|queja)s?",
        ],
        "fr": [
            r"(deuxieme|troisieme|quatrieme|cinquieme) fois",
            r"(appele|ecrit|relance|signale|explique|envoye|contacte|dit|demande|reclame|repete)"
            r" (\w+ ){0,3}(deux|trois|quatre|cinq|plusieurs|\d+) fois",
            r"(deja|encore) (signale|dit|envoye|explique|appele)",
            r"combien de fois (\w+ ){0,2}(je|j'|dois|faut|faudra|vais|vous|on|nous)",
            r"(je dois|dois-je|il faut|faut-il) (\w+ ){0,3}combien de fois",
            r"(deuxieme|troisieme|quatrieme|cinquieme|sixieme|2e|3e|4e|5e|6e) (mail|e-mail|email"
            r"|message|appel(?! a)|relance|reclamation|ticket)s?",
        ],
        "de": [
            r"zum (zweiten|dritten|vierten|x-ten) mal",
            r"(zweimal|dreimal|viermal|mehrmals) (\w+ ){0,3}(angerufen|geschrieben|gemailt"
            r"|nachgefragt|erklart|gesagt|gemeldet|reklamiert|kontaktiert)",
            r"(angerufen|geschrieben|nachgefragt|erklart|gesagt|gemeldet|reklamiert) (\w+ ){0,2}"
            r"(zweimal|dreimal|viermal|mehrmals)",
            r"schon wieder",
            r"(schon|bereits) (\w+ )?(geschrieben|angerufen|geschickt|gesagt)",
            r"wie oft (noch|soll ich|muss ich|(\w+ )?ich)",
            r"(zweite|dritte|vierte|funfte|sechste)[nrs]? (mail|e-mail|email|nachricht|anruf"
            r"|beschwerde|anfrage|ticket|erinnerung)s?",
        ],
        "pt": [
            r"(segunda|terceira|quarta|quinta) vez",
            r"(liguei|escrevi|reclamei|perguntei|expliquei|falei|enviei|mandei|pedi|repeti)"
            r" (\w+ ){0,3}(duas|tres|quatro|cinco|varias|\d+) vezes",
            r"(escrevo|ligo|reclamo|pergunto|repito|explico|peco) (\w+ )?(de novo|outra vez)",
            r"(de novo|outra vez) (a mesma coisa|o mesmo)",
            r"ja (falei|enviei|mandei|liguei|expliquei|pedi)",
            r"quantas vezes (\w+ ){0,2}(tenho|vou|preciso|devo|vamos|temos|terei)",
            r"(segund|terceir|quart|quint|sext)[oa] (e-mail|email|mensagem|ligacao|chamado"
            r"|reclamacao|protocolo)s?",
        ],
    }
)
ANGER = compile_phrases(
    {
        "leaving": [
            # Threats to take the business elsewhere, in the forms customers use.
            r"tak(e|ing) (my|our) (business|money|custom) (elsewhere|somewhere else)",
            r"(bestell|kauf|buch)\w* (ich |wir )?(\w+ ){0,2}woanders",
            r"(vou|vamos|irei) (pra|para) (a |uma )?concorrente|saio dessa (operadora|empresa"
            r"|loja|seguradora)",
            r"(j'appelle|je vais voir|je passe chez|je pars chez) (un autre|une autre|la"
            r" concurrence)",
            r"(me voy|me cambio|nos vamos) (a|con) (la competencia|otra compania|otro banco)",
        ],
        "sick of": [
            r"sick (to death|and tired) of|schnauze (\w+ ){0,2}voll|die faxen dicke",
        ],
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
            # ... and so is a polite request to cancel ("I'd like to cancel ... please").
            r"cancel(?<!like to cancel)(?<!wish to cancel)(?<!want to cancel) (my|the)"
            r" (account|subscription|order)(?![^.!?\n]*(\?|please))",
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
            # An ultimatum said to be meant, and escalation beyond the company.
            r"i mean it(?= ?[.!]|$)",
            r"(i'?ll|i will|i'?m going to) (take (this|it)|go) to (the )?(ombudsman|regulator"
            r"|court|a lawyer|my lawyer|the press|small claims)",
            r"disput(e|ing) (every|all|the) (charge|payment)s?",
            # Nobody answering: "is anyone even reading these?"
            r"(is|does|will) (anyone|anybody) (\w+ )?(reading|listening|read|care|answer)\w*",
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
            r"(me cambio|cambio|cambiare|voy a cambiar|me voy a cambiar) de (compania|banco"
            r"|operador|operadora|proveedor|aseguradora|tarifa)",
            r"lo digo (muy )?en serio",
            r"(hay )?alguien (que )?(lee|leyendo|esta leyendo|escucha|escuchando|me lee|me escucha"
            r"|al otro lado)",
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
            r"je (change|changerai|vais changer) (de banque|d'operateur|de fournisseur"
            r"|de prestataire|de compagnie|d'assureur)",
            r"je ne plaisante pas",
            r"(saisis|saisir|saisirai|je vais saisir) (le mediateur|la justice|un avocat)",
            r"quelqu'un (qui )?(lit|va lire|m'entend|m'ecoute|ecoute|pour (me )?repondre)",
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
            r"(wechsle|wechsele|wechseln) (ich )?(den anbieter|die bank|den vertrag|zur konkurrenz"
            r"|zu einem anderen)",
            r"(anbieter|bank) (zu )?wechseln",
            r"(das ist mein|ich meine es|ich meine das) ernst",
            r"(liest|hort|antwortet) (\w+ ){0,3}(jemand|irgendwer)",
            r"ist (da|hier) (uberhaupt |eigentlich )?(jemand|wer)\?",
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
            r"(troco|trocar|vou trocar|mudo|vou mudar) de (operadora|banco|fornecedor|empresa"
            r"|plano de saude|seguradora)",
            r"(estou )?falando serio",
            r"(tem|ha) alguem (ai|lendo|ouvindo|que leia|que responda)",
            r"alguem (le|esta lendo|ouve|responde)",
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
# Nase voll", "estou de saco cheio"). Annoyance and worry ("molesto", "agacé", "genervt")
# count only with a strong intensifier ("really", "muy", "vraiment", "total", "muito"): "das
# nervt" or "bastante molesto" is a complaint, not high weight. Disappointment, however
# strong ("très déçue"), is sadness, not exasperation, and is left out.
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
_PT_MORE = r"(" + _PT_VERY[1:-1] + r"|bem |ja |mesmo )"
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
            + r"+(annoyed|irritated|upset|worried|stressed( out)?)",
            r"(i'?ve|i have|we'?ve|we have) (had|had it|had more than) enough",
            r"(my|our) patience (is|has) (running out|run out|worn thin|gone)",
            # At a loss, said outright: "I don't know what else to do", "ya no sé qué hacer",
            # "je ne sais plus quoi faire", "ich weiß nicht mehr, was ich tun soll", "já não sei
            # o que fazer".
            r"(i )?(don'?t|do not) know what (else )?to do( anymore| any more)?",
        ],
        "es": [
            r"(estoy|me siento|ando|estamos|me tienen|me tiene|sigo) "
            + _ES_MORE
            # A superlative names the feeling too: "indignadísimo", "hartísima".
            + r"*(hart(isim)?[oa]s?|frustrad(isim)?[oa]s?|desesperad(isim)?[oa]s?"
            r"|enfadad(isim)?[oa]s?|cabread(isim)?[oa]s?|indignad(isim)?[oa]s?"
            r"|agotad(isim)?[oa]s?|quemad(isim)?[oa]s?|furios(isim)?[oa]s?"
            r"|hasta (las narices|el gorro|la coronilla|arriba)|perdiendo la paciencia"
            r"|que exploto)",
            r"(estoy|me siento|estamos) " + _ES_VERY + r"+(molest[oa]s?|preocupad[oa]s?)",
            r"hasta (las narices|el gorro|la coronilla)",
            r"se me (acaba|agota|esta acabando|esta agotando|ha acabado) la paciencia",
            r"no puedo mas",
            r"ya no se (que|que mas) hacer|no se (que )?mas (que )?hacer",
        ],
        "fr": [
            r"(je suis|suis|je me sens|nous sommes|on est|je deviens) "
            + _FR_MORE
            + r"*(furieux|furieuse|enerve\w*|exaspere\w*|excede\w*|frustre\w*|a bout"
            r"|degoute\w*|epuise\w*|a cran|hors de moi|en colere|desespere\w*|outre\w*)",
            r"(je suis|je me sens|nous sommes) "
            + _FR_VERY
            + r"+(agace\w*|inquiet\w*|contrarie\w*)",
            r"j'en ai (vraiment |tellement |franchement )?(marre|ras le bol|assez|plein le dos)",
            r"je perds patience",
            r"je ne sais (vraiment )?plus (quoi|comment) faire",
            r"ma patience a des limites",
        ],
        "de": [
            r"(ich bin|bin|ich fuhle mich|wir sind|ich werde) "
            + _DE_MORE
            + r"*(frustriert|sauer|stinksauer|wutend|verargert|verzweifelt|entnervt"
            r"|am ende|mit den nerven am ende|emport|fassungslos|bedient)",
            r"(ich bin|wir sind) " + _DE_VERY + r"+(genervt|besorgt|verunsichert)",
            r"(die )?nase (\w+ ){0,3}voll",
            r"mir reicht(?:'?s| es)(?: jetzt| langsam| wirklich| endgultig| echt| allmahlich)*"
            r"(?=\s*[.!]|\s*$)",
            r"(ich )?(habe|hab) (echt |langsam |jetzt )?genug(?=\s*[.!]|\s*$| davon)",
            r"(mir )?platzt (gleich |bald )?der kragen",
            r"verliere (langsam |allmahlich )?(die|meine) geduld",
            r"(ich bin es|bin es|ich bin's|bin's) (so |echt |wirklich |langsam )?leid",
            r"(langsam |jetzt )?reicht (es|'s) mir( wirklich| echt| langsam)*",
            r"weiss (wirklich |echt |langsam )?nicht mehr,? was ich (noch )?(tun|machen) soll",
        ],
        "pt": [
            r"(estou|to|tou|fico|estamos|me sinto|ando) "
            + _PT_MORE
            + r"*(fart(issim)?[oa]s?|cansad(issim)?[oa]s? (de|disso)|frustrad(issim)?[oa]s?"
            r"|revoltad(issim)?[oa]s?|desesperad(issim)?[oa]s?|put(issim)?[oa]s?"
            r"|indignad(issim)?[oa]s?|de saco cheio|p da vida"
            r"|possess[oa]s?|furios[oa]s?|nervos[oa]s?)",
            r"(estou|me sinto|estamos) "
            + _PT_VERY
            + r"+(irritad[oa]s?|chatead[oa]s?|preocupad[oa]s?)",
            r"saco cheio",
            r"perdendo a paciencia|(a )?perder a paciencia|perdi a paciencia",
            r"(ja )?nao sei (mais )?o que (mais )?fazer",
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
_PILE = re.compile(r"[!?¡¿]{3,}")
_WORD = re.compile(r"\b[^\W\d_]{3,}\b")
_LONG_QUESTION_PILE = re.compile(r"\?[!?]{3,}|[!?]{3,}\?")


_SHORT_SHOUTS = frozenset({"NOW", "WHY", "YET", "NOT"})


def is_shouting(text: str) -> bool:
    """A run of capitals: two shouted words of four letters or more, or one of five or more
    (or NOW, WHY, YET, NOT). A lone four-letter word in capitals is mostly an acronym
    ("WLAN", "IBAN", "HDMI"), not a raised voice."""
    # A mostly upper-case message always contains such words, so one regex pass decides.
    long_words = 0
    for word in _SHOUT_WORD.findall(text):
        if len(word) >= 5 or word in _SHORT_SHOUTS:
            return True
        if len(word) == 4:
            long_words += 1
            if long_words == 2:
                return True
    return False


def _all_capitals(text: str) -> bool:
    shouted = len(_SHOUT_WORD.findall(text))
    return shouted >= 3 and shouted * 4 >= len(_WORD.findall(text)) * 3


def mostly_capitals(text: str) -> bool:
    """Half the words or more in capitals, three at least: a message shouted."""
    shouted = len(_SHOUT_WORD.findall(text))
    return shouted >= 3 and shouted * 2 >= len(_WORD.findall(text))


def charged(folded: str) -> str | None:
    """Frustration the words themselves say, whatever their sentiment: repeated contact,
    anger or a threat to leave, a feeling named (not negated). The words, or None."""
    repeated = REPEATED_CONTACT.search(folded)
    if repeated:
        return repeated.group()
    return _unnegated(ANGER, folded) or _unnegated(FEELING, folded)


def _unnegated(pattern: re.Pattern[str], folded: str) -> str | None:
    for match in pattern.finditer(folded):
        if not _NEGATED_ANGER.search(folded[max(0, match.start() - 12) : match.start()]):
            return match.group()
    return None


def _urgent_punctuation(text: str, folded: str, sentiment_score: float) -> str | None:
    piled = _PILED_PUNCTUATION.search(text)
    if not piled or sentiment_score >= 0.75 or _JOY.search(folded):
        return None
    # A long pile of question marks on a message with no warmth in it is pressure by itself:
    # "hello?????", "any news?????".
    if _LONG_QUESTION_PILE.search(text) and sentiment_score < 0.05:
        return piled.group()
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
    # A message in capitals ("WHY IS NOBODY ANSWERING") is raised voice without "!" too.
    if (
        is_shouting(text)
        and sentiment_score < 0.05
        and (negative or "?" in text or "!" in text or _all_capitals(text))
    ):
        note(cues, SIGNAL, "shouting (a run of capitals)")
        return True
    piles = _PILE.findall(text)
    if len(piles) >= 2 and sentiment_score < 0.5:
        note(cues, SIGNAL, "urgency: piles of ! and ? shouted", " ".join(piles))
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
