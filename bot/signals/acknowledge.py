"""Acknowledged history: does an agent reply build on the customer's earlier contact or on what
they already tried or said?

Kinds of cue, per language, matched on folded text (lower case, no accents):

- *Explicit* references say by their structure that something came before, so they count
  whatever history the analyzer holds (an earlier call may have been by phone, outside the
  store): the customer's own earlier action or statement in the second person past ("you
  already reinstalled", "as you mentioned", "vous avez déjà redémarré", "Sie haben uns
  geschrieben", "você já tentou"), a tried step that did not help ("since restarting didn't
  help", "como eso no ha funcionado", "trotz Neustart"), a colleague's earlier contact ("my
  colleague Ana asked you", "mi compañera te pidió"), an earlier contact named ("your call
  yesterday", "following up on", "last time", "suite à notre échange", "wie besprochen").
- *Reported steps* built on: a sentence that opens on a reason ("Since WPS and manual entry
  both failed,", "Puisque …", "Da …") or judges the steps ("were the right steps", "war
  richtig"), when the answered message reports the customer's own past actions and the
  clause shares two words with it.
- *Contextual* cues ("earlier", "previous", "again", "yesterday", "schon", "déjà") are too
  common to mean history on their own, so they count only when there is something to
  acknowledge: earlier messages, or an answered message that says it follows earlier contact
  or steps already tried ("I already rebooted twice", "ya os lo dije ayer").
- *Earlier messages restated*: with a history held, a reason clause compared with the steps
  its messages report ("Puisque le filtre est propre"), what they told noted ("Registámos que
  a caixa chegou amolgada"), a day of the month they named ("le certificat envoyé le 2
  septembre") or a person they named as one ("your colleague Sam" → "Sam's remote reset").

A question does not acknowledge ("Have you already restarted it?" asks), except in a clause
before it ("Since you already restarted it, could you send the logs?"). Naming an identifier
(order number, reference) from the earlier messages acknowledges them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.signals.context import History, as_history, identifiers
from bot.signals.cues import Cues, note
from bot.signals.patterns import compile_phrases
from bot.signals.text import fold

__all__ = ["CONTEXTUAL", "EXPLICIT", "acknowledges_history"]

SIGNAL = "acknowledges history"

# Steps a customer tries before writing, as stems of verbs and nouns (folded).
_EN_STEP = (
    r"(restart|reboot|reinstall|re-install|reset|clear|updat|re-?pair|unplug|power.?cycl"
    r"|reconnect|re-?connect|log\w* (out|back)|sign\w* (out|back)|tri|try|attempt|step|fix)\w*"
)
_DAYS_EN = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAYS_ES = r"(lunes|martes|miercoles|jueves|viernes|sabado|domingo)"
_DAYS_FR = r"(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_DAYS_DE = r"(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
_DAYS_PT = r"(segunda|terca|quarta|quinta|sexta|sabado|domingo)(-feira)?"
_CONTACT_EN = (
    r"(ticket|call|phone call|chat|email|e-mail|message|request|report|contact|complaint|case"
    r"|conversation|reply|note|visit|enquiry|inquiry)s?"
)
_CONTACT_ES = (
    r"(mensaje|correo|llamada|chat|consulta|ticket|reclamacion|contacto|email|e-mail"
    r"|conversacion|solicitud|caso|incidencia)s?"
)
_CONTACT_FR = (
    r"(message|mail|e-mail|appel|echange|demande|ticket|courriel|reclamation|dossier|contact"
    r"|conversation|chat|entretien)s?"
)
_CONTACT_DE = (
    r"(nachricht|e-mail|mail|anfrage|anruf|ticket|reklamation|gesprach|chat|kontakt|telefonat"
    r"|schreiben)\w*"
)
_CONTACT_PT = (
    r"(mensagem|mensagens|contato|contacto|chamada|ligacao|e-mail|email|chat|conversa|chamado"
    r"|atendimento|reclamacao|solicitacao|protocolo|pedido de suporte)s?"
)
# German past participles of what a customer does or says before writing again.
_DE_DONE = (
    r"(ausprobiert|probiert|versucht|neu ?gestartet|neu ?installiert|installiert|zuruckgesetzt"
    r"|geschickt|gesendet|ubermittelt|geschrieben|gesagt|erwahnt|mitgeteilt|gemeldet|angerufen"
    r"|angegeben|beschrieben|geschildert|erklart|geloscht|aktualisiert|bezahlt|uberwiesen"
    r"|hochgeladen|angehangt|kontaktiert|durchgefuhrt|befolgt|nachgefragt|reklamiert"
    r"|zuruckgeschickt|eingereicht|getestet|ausgeschaltet|geleert|berichtet|telefoniert"
    r"|gekundigt|storniert|beantragt|angefragt|gebeten|widerrufen|abbestellt|gereinigt"
    r"|gepruft|kontrolliert|gewechselt|ausgetauscht)"
)
# Portuguese third person singular past (você) of the same.
_PT_DONE = (
    r"(tentou|enviou|mandou|disse|falou|mencionou|informou|reiniciou|reinstalou|fez|explicou"
    r"|relatou|contou|ligou|escreveu|comentou|anexou|pagou|devolveu|atualizou|limpou|seguiu"
    r"|indicou|referiu|testou|reportou|reclamou|pediu|perguntou|desligou|religou|apagou"
    r"|descreveu|partilhou|compartilhou|reinicializou|restaurou|contatou|contactou"
    r"|entrou em contato|entrou em contacto|esteve em contato|cancelou|solicitou|contratou"
    r"|abriu)"
)

# "comme indiqué dans nos conditions" points to a document, not to earlier contact.
_IN_A_DOCUMENT = (
    r"| (dans|sur) (\w+ |l')?(grille|condition|contrat|document|site|facture|tarif|brochure"
    r"|notice|fiche|page|espace|article|cgv|guide|faq)"
)

_EXPLICIT: dict[str, list[str]] = {
    "en": [
        # The customer's own earlier action or statement, second person past.
        r"you(?<!if you)(?<!once you)(?<!unless you)(?<!until you)(?<!before you)"
        r"(?<!have you)(?<!did you)(?<!do you)(?<!had you)(?<!when you)(?<!after you)"
        r"('ve| have| had)? (already |previously |just "
        r"|kindly |also |both |even )*(tried|said|told (us|me)|sent|mentioned|wrote|written"
        r"|reported|restarted|rebooted|reinstalled|re-installed|reset|cleared|updated"
        r"|re-?paired|unplugged|called|phoned|emailed|e-mailed|contacted|chatted|spoke|gave"
        r"|given|provided|attached|shared|explained|described|noted|pointed out|flagged"
        r"|raised|returned|followed|forwarded|uploaded|checked|tested|asked|reached out"
        r"|been in touch|got in touch|gone through|went through)",
        r"you('ve| have| had)? already (done|been through)",
        r"(as|like) you (\w+ )?(mentioned|said|explained|described|noted|pointed out"
        r"|reported|wrote|told (us|me)|suggested|asked|say|mention|describe|noticed|flagged"
        r"|put it)",
        r"(as|like) (i|we) (mentioned|said|explained|promised|told you|discussed|agreed"
        r"|advised)(?! (above|below))",
        r"as (mentioned|discussed|agreed|promised|advised)(?! (above|below))",
        # A tried step that did not help.
        r"(that|this|those|these|none of (that|those|these|them|it)|neither|both|it|"
        + _EN_STEP
        + r") (\w+ ){0,3}(didn'?t|did not|hasn'?t|has not|haven'?t|have not|failed to"
        r"|wasn'?t enough to) (help|fix|solve|resolve|do the trick|make (a|any) difference"
        r"|change anything|sort (it|this|things) out)",
        r"(that|those|these|none of (that|those|these|them)|neither|" + _EN_STEP + r")"
        r" (\w+ ){0,3}(didn'?t|did not|hasn'?t|has not|haven'?t|have not|failed to) work",
        r"(even after|despite|in spite of) (you )?(\w+ ){0,2}" + _EN_STEP,
        r"(restart|reboot|reinstall|reset|clear|updat|re-?pair|unplug)\w* (\w+ ){0,2}(only"
        r"|just|barely) (helped|worked|fixed)",
        # Counted attempts or contacts: what the customer already went through.
        r"(two|three|four|five|several|multiple|\d+) (restarts|reboots|resets|reinstalls"
        r"|attempts|tries|calls|contacts|emails|messages|chats) (and|about|for|on|over|later"
        r"|in)",
        r"(had|having|have had) to (write|call|contact us|chase|ask|get in touch|come back"
        r"|explain) (\w+ ){0,3}(again|twice|a second time|several times)",
        # "Sorry you had to phone us": the customer's contact, told back.
        r"you (had|'ve had|have had|needed) to (call|phone|ring|write|email|e-mail|chase"
        r"|contact|come back|get in touch|follow up|reach out)",
        r"(thanks|thank you) (\w+ )?for (calling|writing|getting in touch) (back|again)",
        # The customer's messages counted ("both of your emails"), a call named as agreed.
        r"((both|all|each) of your|your (two|three|four|several|many|\d+)) " + _CONTACT_EN,
        r"(as per|per|following|after) (our|your) (phone |earlier |last )?(call|conversation|chat"
        r"|discussion|talk)",
        r"you (told|informed|asked|showed|sent|gave) (my|our) (colleague|teammate|team"
        r"|technician|engineer|agent)",
        r"(picking up|following on|carrying on|continuing) from (your|our|the) " + _CONTACT_EN,
        r"your " + _CONTACT_EN + r" with (\w+ ){1,2}(this morning|yesterday|earlier|last \w+"
        r"|on " + _DAYS_EN + r")",
        # Our own earlier word or fix: a promise, advice, a part replaced on a date.
        r"(we|i) (told|promised|asked|advised|quoted|assured) you",
        r"(replaced|repaired|swapped|re-?issued|regenerated|fitted|installed|fixed) (\w+ ){0,2}"
        r"(on|last) (the )?(\d|" + _DAYS_EN + r"|week|month)",
        # A colleague's or an earlier contact.
        r"(my|our|a|your) (colleague|teammate|co-?worker)s?('s)? (\w+ ){0,2}(asked|told"
        r"|said|mentioned|sent|wrote|spoke|promised|explained|advised|suggested|arranged"
        r"|opened|logged|noted|emailed|called|replied|helped|handled|dealt|escalated"
        r"|flagged|passed|forwarded|requested|booked|raised|reply|note|notes|email|message"
        r"|had|was)",
        r"(the )?(agent|advisor|adviser|rep|representative|technician|engineer|person"
        r"|colleague) (you|who you) (spoke|talked|chatted|dealt)",
        r"you (spoke|talked|chatted) (\w+ ){0,3}(to|with) (my|our|one of|a|the)",
        # Thanks for what the customer already tried; a colleague's note of a given day.
        r"(thanks|thank you) (\w+ )?for (already )?(trying|having tried|going through|testing"
        r"|working through|running through) (\w+ ){0,3}(all|both|each|every|those|these|that"
        r"|the|everything|it)",
        r"notes? (from|of) (" + _DAYS_EN + r"|yesterday|last (week|time))",
        r"(following up|to follow up|as a follow-up|in follow-up|further|coming back) (on"
        r"|to) (your|our|the|my|yesterday|last|what)",
        r"(the )?last time (you|we|i)",
        r"since (we|you) last (spoke|talked|wrote|chatted)",
        r"your (previous|earlier|last|original|first|other|recent) " + _CONTACT_EN,
        r"(your|our) "
        + _CONTACT_EN
        + r" (from|on|of) (yesterday|last|earlier|"
        + _DAYS_EN
        + r"|the \d+)",
        r"(your|our) " + _CONTACT_EN + r" (yesterday|last (week|night|month|time)|earlier"
        r" (today|this week)|this morning)",
        r"(yesterday|last week|" + _DAYS_EN + r")'?s " + _CONTACT_EN,
        r"when (you|we) (called|wrote|spoke|chatted|contacted|emailed|got in touch"
        r"|reached out|phoned|reported|first|last|talked)",
        r"(we|i|you) (spoke|talked|chatted) (on the phone |by phone |earlier |before )?"
        r"(yesterday|earlier|last|on " + _DAYS_EN + r")",
        r"(hi|hello|hey),? again",
        r"(following|after) (your|our) (call|chat|conversation|visit|email|message)s? (with \w+"
        r"|on " + _DAYS_EN + r"|yesterday|last)",
        r"(the|that|those|these) (\w+ )?(reset|restart|reboot|reinstall|test|steps?|checks?"
        r"|changes?|troubleshooting|fix|update)s? you('ve| have)? (did|done|ran|made|tried"
        r"|carried out|performed|went through)",
        # "as announced in our email of 1 May" is a notice to every customer, not a contact.
        r"(?<!announced in )(?<!announced by )(?<!notified in )(?<!stated in )(?<!published in )"
        r"(the|your|our|this|that)( \w+)? " + _CONTACT_EN + r" (from|of|on|dated|sent on)"
        r" (yesterday|last|earlier|" + _DAYS_EN + r"|the \d+|\d+)",
        r"(read|went|looked|gone|going) (back )?(through|over) (the|your|our) (thread|history"
        r"|notes|messages|emails|conversation|case notes)",
        r"(had|having|have had) to chase",
        r"you (did|tried|'ve done|have done|'ve tried|have tried) (everything|all of (it|that)"
        r"|both|every step)",
        r"you('ve| have) been (bounced|passed|transferred|shuffled|sent|going back and forth)",
        r"(pick(ing)? up|carry(ing)? on|continuing) (from )?where (\w+ ){1,2}left off",
        r"taking over (from (my|our|a) colleague|your (case|ticket|request))",
        r"the (call|chat|email|conversation|visit|message) (on|from|last) ("
        + _DAYS_EN
        + r"|yesterday|last week|the \d+)",
        r"welcome back",
        r"(second|third|fourth|fifth|\d+(st|nd|rd|th)) time (you'?ve|you have|you'?re|you are"
        r") (written|contacted|called|asked|had to|writing|calling|contacting|chasing"
        r"|reporting|been in touch)",
    ],
    "es": [
        r"ya(?<!si ya)(?<!cuando ya) (me |nos |lo |la |los |las |le |les |te |se )*"
        r"\w+(aste|iste|asteis|isteis)",
        r"(como |que |lo que |las? que |los? que |el que )(me |nos |lo |la |le )*(probaste"
        r"|intentaste|reiniciaste|reinstalaste|enviaste|mandaste|dijiste|comentaste"
        r"|mencionaste|indicaste|explicaste|contaste|llamaste|escribiste|hiciste|adjuntaste"
        r"|informaste|reportaste|pediste|preguntaste|pagaste|devolviste|borraste"
        r"|actualizaste|restableciste|seguiste|describiste|detallaste)",
        r"(usted|ud\.?) (ya )?(me |nos |lo |la |le )*(probo|intento|reinicio|reinstalo|envio"
        r"|mando|dijo|comento|menciono|indico|explico|conto|llamo|escribio|hizo|adjunto"
        r"|informo|reporto|pidio|pregunto|pago|devolvio|ha \w+(ado|ido))",
        # "ya nos escribió": only forms that are not also a first person present.
        r"ya(?<!si ya) (me |nos |lo |la |le |los |las )*(escribio|dijo|hizo|pidio|probo|conto"
        r"|devolvio|describio)",
        r"ya(?<!si ya) (me |nos |lo |la |le )*(has|habeis) (\w+ado|\w+ido|hecho|dicho|escrito"
        r"|devuelto|puesto)",
        r"como (ya )?(me |nos )?(lo )?(has|ha|habeis|han) (dicho|comentado|indicado|explicado"
        r"|mencionado|contado|senalado|escrito|descrito|detallado)",
        r"como (ya )?(me|nos) (lo |la )?(dijo|comento|menciono|indico|explico|senalo|conto"
        r"|escribio|describio|detallo|adelanto|aviso)",
        r"como (ya )?(te|le|os|les) (comentamos|dijimos|indicamos|explicamos|prometimos"
        r"|adelantamos|avisamos|comente|dije|indique|explique|prometi|adelante|avise)"
        r"(?! a continuacion| abajo| en este)",
        r"(como|segun lo|tal como) (acordado|hablado|prometido|quedamos|conversado"
        r"|acordamos|hablamos)",
        r"(te|le|os|les) (dijimos|dije|prometimos|prometi|aseguramos|asegure|habiamos"
        r" (dicho|indicado|prometido|pedido|recomendado)|habia (dicho|indicado|prometido))",
        r"(tenido|tener|tenga|tengas|tuvo|tuviste) que (volver a |repetir |insistir)"
        r"(escribir|llamar|contactar|reclamar|explicar)?\w*",
        r"(tuvieras|tuviera|tuvisteis|hayas tenido|haya tenido|has tenido|ha tenido) que"
        r" (volver a )?(llamar|escribir|contactar|reclamar|insistir)\w*",
        r"gracias por (volver a (llamar|escribir|contactar)|llamar de nuevo|escribir de nuevo)",
        r"(tus|sus) " + _CONTACT_ES + r" anteriores",
        r"(volver|vuelto) a (escribirnos|llamarnos|contactarnos|reclamar)",
        r"(dos|tres|cuatro|varios|\d+) (reinicios|intentos|reinstalaciones|contactos"
        r"|llamadas|mensajes|correos) (y|por|para|sobre|despues|sin)",
        r"(sustituid|reparad|cambiad|instalad|generad|reemplazad)[oa]s? (el|del) (\d|"
        + _DAYS_ES
        + r")",
        # A tried step that did not help.
        r"(eso|esto|ello|nada de (eso|esto)|ninguno|ninguna|(el|los|la|las|tus|sus)"
        r" (reinicio|reinicios|reinstalacion|restablecimiento|pasos?|intentos?|pruebas?"
        r"|cambios?|actualizacion|borrado)|reiniciar\w*|reinstalar\w*|probar\w*|borrar\w*)"
        r" (\w+ ){0,3}no (te |le |lo |les |nos )*(ha |han )?(funcionado|servido|resuelto"
        r"|solucionado|arreglado|ayudado|funciono|sirvio|resolvio|soluciono|arreglo|ayudo"
        r"|funcionaron|sirvieron|dado resultado|dio resultado)",
        r"(incluso |aun )(despues de|tras) (haber )?(ya )?(\w+ )?(reinici|reinstal|prob"
        r"|intent|restablec|borr|actualiz)\w*",
        r"a pesar de (haber )?(\w+ )?(reinici|reinstal|intent|prob|restablec|borr|actualiz)"
        r"\w*",
        # A colleague's or an earlier contact.
        r"(mi|nuestro|nuestra|una|un|tu|su) (companero|companera|colega|agente|companeros"
        r"|companeras)( \w+)? (te |le |os |les |me |nos )?(pidio|dijo|comento|escribio|envio"
        r"|llamo|indico|explico|hablo|atendio|mando|pregunto|solicito|prometio|abrio"
        r"|gestiono|tramito|reviso|ha \w+(ado|ido)|habia)",
        r"(el|la) (agente|companero|companera|tecnico|tecnica|persona) (que|con quien|con"
        r" el que|con la que) (te |le )?(atendio|hablaste|hablo|llamo|escribio)",
        r"(tu|su) (anterior|ultim[oa]|primer[oa]?|otr[oa]) " + _CONTACT_ES,
        r"(tu|su|nuestra|nuestro) "
        + _CONTACT_ES
        + r" (anterior(es)?|de ayer|del ("
        + _DAYS_ES
        + r"|otro dia|dia \d+|\d+)|de la semana pasada|de esta manana|de hace \w+)",
        r"la (ultima|otra) vez que",
        r"(hablamos|conversamos|nos llamaste|nos llamo|hablaste con nosotros) (ayer|el "
        + _DAYS_ES
        + r"|la semana pasada|por telefono|hace)",
        r"(retomo|retomando|doy seguimiento|hago seguimiento|damos seguimiento|en seguimiento"
        r"|siguiendo con|continuando con|vuelvo a escribirte|vuelvo a escribirle) (a |de |con"
        r" )?(tu|su|nuestra|nuestro|la|el) (consulta|caso|llamada|conversacion|mensaje"
        r"|incidencia|reclamacion|ticket|chat|correo|solicitud)",
        r"(hola|buenas) (de nuevo|otra vez)",
        r"(la|el) (llamada|chat|correo|mensaje|conversacion|visita) (del|de) ("
        + _DAYS_ES
        + r"|ayer|la semana pasada|dia \d+)",
        r"(retomo|recojo|continuo) (\w+ )?(donde|desde donde) (lo )?(dejo|dejamos|dejaste)",
        # The customer's request told back: "nos pediste", "me escribiste", "volviste a".
        r"(me|nos)(?<!si me)(?<!si nos)(?<!cuando nos)(?<!cuando me) (lo |la |los |las )?"
        r"\w{2,}(aste|iste)",
        r"volviste a \w+",
        r"(me|nos)(?<!si me)(?<!si nos) (lo |la )?(has|habeis) (\w+ado|\w+ido|escrito|dicho"
        r"|hecho|devuelto|puesto)",
        r"(tus|sus) (dos|tres|cuatro|varios|varias|\d+) " + _CONTACT_ES,
        # The second person preterite of a customer's contact or step, said, not asked.
        r"(llamaste|escribiste|enviaste|mandaste|pediste|dijiste|comentaste|probaste"
        r"|intentaste|reiniciaste|hablaste|contactaste|pagaste|devolviste|cancelaste"
        r"|reclamaste|preguntaste|solicitaste|reportaste|avisaste|adjuntaste|subiste"
        r"|explicaste|indicaste)(?<!si llamaste)(?<!si escribiste)(?<!si enviaste)"
        r"(?<!si pediste)(?<!si pagaste)",
        r"gracias por (haber )?(ya )?(probado|intentado|probar|intentar|seguido|hecho|revisado"
        r"|comprobado) (\w+ ){0,3}(todo|todos|todas|eso|esto|esos|estos|esas|estas|los|las"
        r"|cada)",
        r"(nota|notas|anotacion|anotaciones) (de|del) (\w+ ){1,2}(del|de|el) ("
        + _DAYS_ES
        + r"|ayer"
        r"|la semana pasada|dia \d+)",
        r"(hablo|hablaste|hablasteis|hablamos|trato|trataste|estuvo|estuviste) (\w+ ){0,3}con"
        r" (mi|nuestra|nuestro|un|una|otro|otra) (companer[oa]s?|colega|agente|tecnic[oa])",
    ],
    "fr": [
        r"vous(?<!si vous)(?<!quand vous)(?<!lorsque vous)(?<!une fois que vous) (nous |m'"
        r"|me |l'|les |le"
        r" |la |y |en )*(avez|aviez) (deja |bien |tout |aussi |egalement |deux fois |trois"
        r" fois |plusieurs fois |vous-meme )*(essay|tent|redemarr|reinstall|reinitialis"
        r"|envoy|transmi|indiqu|mentionn|signal|dit|ecrit|appel|contact|precis|expliqu"
        r"|fourni|joint|vid|mis a jour|effectu|suivi|relanc|pay|retourn|renvoy|telephon"
        r"|communiqu|decri|test|debranch|rebranch|soulign|remont|declar|reclam|demand|parl"
        r"|resili|annul|command|souscri|nettoy|chang|verifi)\w*",
        # "vous avez bien fait de …" is "you were right to": "fait" needs "déjà".
        r"vous (l'|les |le |la )?(avez|aviez) deja (tout )?fait",
        r"vous (avez|aviez) (eu|echange avec|parle a|parle avec) (\w+ ){0,2}(collegue|conseill\w+"
        r"|agent|technicien\w*|service)",
        r"comme vous (me |nous )?(le |l')?(dites|mentionnez|indiquez|precisez|signalez"
        r"|expliquez|soulignez|decrivez)",
        r"comme (je vous l'ai|nous vous l'avons|je vous l'avais|nous vous l'avions|on vous"
        r" l'a|on vous l'avait) (\w+)",
        r"comme (convenu|indique|mentionne|evoque|annonce|promis|discute)(?! ci-| plus bas"
        + _IN_A_DOCUMENT
        + r")",
        r"ainsi que convenu",
        r"(nous|je) vous (l')?(avions|avais) (\w+ )?(dit|conseille|indique|promis|demande"
        r"|recommande|explique|propose|envoye|annonce|ecrit)e?s?",
        r"(que|qu') (nous|je) vous (avions|avais|avons|ai) (\w+ )?(conseille|recommande"
        r"|propose|indique|promis)e?s?",
        r"(nous|je) vous (l')?(avons|ai) (dit|promis|conseille|recommande)",
        r"(avoir|ayez|avez) (du|eu a) (nous )?(recontacter|relancer|rappeler|reecrire"
        r"|reexpliquer|revenir)",
        r"(deux|trois|quatre|plusieurs|\d+) (redemarrages|tentatives|essais"
        r"|reinitialisations|contacts|appels|relances|messages) (pour|et|sans|sur|au sujet)",
        r"(remplace|repare|change|installe|genere|reinitialise|echange)e?s? (le|du) (\d|"
        + _DAYS_FR
        + r")",
        # A tried step that did not help.
        r"(cela|ca|ce|tout cela|rien de tout cela|ceci|le redemarrage|la reinitialisation"
        r"|les redemarrages|les essais|vos essais|les tentatives|vos tentatives"
        r"|la reinstallation|les manipulations|la mise a jour|ces (etapes|manipulations"
        r"|essais|tentatives)) (\w+ ){0,2}n'(a|ont|avait|avaient) (\w+ )?(rien|pas) (\w+ )?"
        r"(donne|change|resolu|regle|fonctionne|marche|suffi|aide|corrige|arrange)",
        r"(malgre|meme apres) (avoir )?(\w+ ){0,2}(redemarr|reinitialis|reinstall|essai"
        r"|essay|tentative|manipulation|mise a jour|vid)\w*",
        # A colleague's or an earlier contact.
        r"(mon|ma|notre|un|une|votre) (collegue|conseiller|conseillere|agent)s? (\w+ ){0,2}"
        r"(vous |nous |m')?(a|avait|ont|avaient) (\w+ )?(demande|dit|indique|ecrit|envoye"
        r"|appele|contacte|explique|propose|promis|transmis|parle|repondu|traite|ouvert"
        r"|signale|note|precise)",
        r"(le|la) (conseiller|conseillere|collegue|agent|technicien|technicienne) (avec qui"
        r"|a qui|que) vous (avez|aviez)",
        r"(votre|vos) (precedent|precedente|precedents|precedentes|dernier|derniere|derniers"
        r"|dernieres|premier|premiere|ancien|ancienne|autre|autres) " + _CONTACT_FR,
        r"vos (deux|trois|quatre|plusieurs|\d+) " + _CONTACT_FR,
        r"merci (de nous avoir (rappele|recontacte|reecrit)|d'avoir (rappele|reecrit"
        r"|recontacte))",
        r"(votre|notre) " + _CONTACT_FR + r" (precedent\w*|d'hier|de la semaine derniere"
        r"|de ce matin|du \d+|du " + _DAYS_FR + r"|de " + _DAYS_FR + r")",
        r"suite a (votre|notre|mon|nos|vos) (appel|echange|conversation|entretien|relance"
        r"|precedent|dernier|derniere|appel telephonique|message d'hier|mail d'hier)",
        # "Je reviens vers vous dès que possible" promises a reply to come.
        r"(je|nous) (reviens|revenons) vers vous(?! (des|d'ici|rapidement|au plus vite|sous"
        r"|dans|demain|quand|lorsque))",
        r"(pour )?(faire|fais|faisons) suite a",
        r"la derniere fois (que)?",
        r"lors de (votre|notre) (dernier|derniere|precedent|precedente|appel|echange"
        r"|conversation|contact|visite)",
        r"(quand|lorsque) (vous|nous) (nous |m')?(avez|avons|aviez|avions) (appele|ecrit"
        r"|parle|echange|contacte|telephone)",
        r"(nous avons|on a|nous avions) (echange|parle|discute) (hier|la semaine|ce matin"
        r"|au telephone|par telephone|ensemble|" + _DAYS_FR + r")",
        r"rebonjour",
        r"(l'|le |la )(appel|echange|message|mail|courriel|conversation|visite) (de |du |d')("
        + _DAYS_FR
        + r"|hier|la semaine derniere)",
        r"je reprends (votre|le|ce) (dossier|demande|echange|suivi)",
        r"merci (d'avoir|pour avoir) (deja )?(tout )?(essaye|teste|tente|fait|suivi|verifie"
        r"|redemarre|reinstalle|reinitialise|applique)",
        r"notes? (de |d')(\w+ ){1,2}(de |du |d')(" + _DAYS_FR + r"|hier|la semaine derniere)",
    ],
    "de": [
        r"sie(?<!haben sie) (haben|hatten) (\d+\. |\w+ ){0,6}(bereits |schon |auch |ja )?"
        + _DE_DONE,
        r"dank\w*,? dass sie (\w+ ){0,4}" + _DE_DONE,
        r"ihre (beiden|zwei|drei|vier|mehreren|\d+) " + _CONTACT_DE,
        r"(notiz|notizen|vermerk|aktennotiz)\w* (von (frau |herrn |herr )?(\w+ ){1,2})?(vom|von"
        r"|am) (" + _DAYS_DE + r"|gestern|letzter woche|\d+)",
        # "Stellen Sie sicher, dass Sie … installiert haben" asks for a step.
        r"(da|weil|wie|dass|zumal)(?<!sicher, dass)(?<!sicher dass) sie (uns |mir )?(\w+ ){0,5}"
        + _DE_DONE
        + r" (haben"
        r"|hatten)",
        r"wie (sie )?(uns |mir )?(schon |bereits |telefonisch |gestern |am telefon )*"
        r"(geschrieben|erwahnt|mitgeteilt|beschrieben|gesagt|angegeben|geschildert|besprochen"
        r"|vereinbart|abgesprochen|angekundigt|versprochen)(?! (unten|oben|im folgenden))",
        # A tried step that did not help.
        r"(dies|das|es|beides|alles|neustart\w*|neuinstallation|zurucksetzen|versuch\w*"
        r"|update|schritt\w*|massnahme\w*) (\w+ ){0,4}(nicht|nichts|kein\w*) (\w+ )?"
        r"(geholfen|gebracht|geklappt|behoben|gelost|geandert|bewirkt)",
        r"(trotz|auch nach|selbst nach) (\w+ ){0,2}(neustart|neu ?start|neuinstall"
        r"|zurucksetz|versuch|update|aktualisier|reset|neu ?install)\w*",
        # A colleague's or an earlier contact.
        r"(kollege|kollegin|kollegen|mitarbeiter|mitarbeiterin)( \w+)? (hat|hatte|haben"
        r"|hatten)",
        r"mit (dem|der|denen) sie (\w+ )?(gesprochen|telefoniert|gechattet|geschrieben)",
        r"sie (haben|hatten) (\w+ ){0,3}mit (\w+ ){0,6}(gesprochen|telefoniert|gechattet)",
        r"(ihr|ihre|ihrer|ihrem|ihren|unser|unsere|unserem|unseren) (letzte[rnms]?"
        r"|vorherige[rnms]?|fruhere[rnms]?|erste[rnms]?|vorige[rnms]?) " + _CONTACT_DE,
        r"(ihr|ihre|ihrer|ihrem|ihren|unser|unsere|unserem|unseren) "
        + _CONTACT_DE
        + r" (von gestern|von letzter woche|vom \d+|vom "
        + _DAYS_DE
        + r"|von "
        + _DAYS_DE
        + r"|am "
        + _DAYS_DE
        + r"|gestern|letzte woche|heute morgen|von heute morgen)",
        r"(beim|bei unserem|bei ihrem) (letzten|vorherigen) (mal|kontakt|anruf|gesprach"
        r"|telefonat|chat)",
        r"(das )?letzte mal",
        r"letztes mal",
        r"(ich|wir) (melde|melden) (mich|uns) (noch ?(ein)?mal|erneut|wie versprochen"
        r"|wie angekundigt)",
        r"(wir hatten|ich hatte|wir haben|ich habe) (\w+ ){0,2}(gestern|letzte woche|am "
        + _DAYS_DE
        + r"|vorhin) (\w+ ){0,2}(telefoniert|gesprochen|geschrieben|gechattet)",
        r"(als|wo) sie (uns |mich )?(\w+ )?(angerufen|geschrieben|kontaktiert|gemeldet)"
        r" (haben|hatten)",
        r"hallo (nochmal|nochmals|erneut|wieder)",
        r"(dem|der|das|den) (anruf|telefonat|gesprach|chat|nachricht|mail|e-mail|besuch)\w*"
        r" (vom|von|am) (" + _DAYS_DE + r"|gestern|letzter woche|\d+)",
        r"(ich )?ubernehme (\w+ ){0,3}(von (meinem|meiner|ihrem) (kollegen|kollegin)|ihren"
        r" fall|ihr anliegen)",
        r"(wir|ich) (hatten|hatte|haben|habe) (ihnen|sie) (\w+ ){0,5}(gesagt|empfohlen"
        r"|geraten|zugesagt|versprochen|mitgeteilt|gebeten)",
        r"(erneut|nochmals|noch ?einmal|wieder) (\w+ ){0,2}(melden|schreiben|anrufen"
        r"|nachfragen) (mussten|musste|mussen)",
        r"(zwei|drei|vier|mehrere|\d+) (neustarts|versuche|versuchen|anfragen|anrufe"
        r"|nachrichten|kontakte) (und|wegen|zu|ohne|fur)",
        # "auf den Stand vom 12. Juni zurückgesetzt" restores a state, it names no contact.
        r"(?<!stand )(am|vom) \d+\.(\d+\.)? (\w+ ){0,2}(neu )?(generiert|erstellt|ausgetauscht"
        r"|ersetzt|repariert|installiert|eingebaut|getauscht|ausgestellt|zuruckgesetzt)\w*",
    ],
    "pt": [
        r"(voce(?<!se voce)(?<!caso voce)|vc(?<!se vc)(?<!caso vc)|o senhor|a senhora|tu)"
        r" (ja |tambem |bem )?(nos |me |lhe )?" + _PT_DONE,
        r"(voce(?<!se voce)|vc(?<!se vc)) (ja )?(tinha|havia) (\w+ )?\w+(ado|ido)",
        r"ja(?<!se voce ja)(?<!se vc ja)(?<!se ja) (nos |me )?" + _PT_DONE,
        r"ja(?<!se ja) (nos |me )?\w+(aste|este|iste)",
        r"(como|conforme) (voce |vc |o senhor |a senhora )?(ja )?(nos |me )?(disse|falou"
        r"|mencionou|comentou|explicou|relatou|informou|referiu|indicou|contou|escreveu"
        r"|descreveu|pediu|disseste|referiste|mencionaste)",
        r"(como|conforme) (combinado|conversado|falado|prometido|conversamos|falamos"
        r"|combinamos|prometemos)",
        r"(como|conforme) (ja )?(lhe |te )?(informamos|explicamos|indicamos|dissemos"
        r"|prometemos|referimos)(?! abaixo| a seguir)",
        # A tried step that did not help.
        r"(isso|isto|nada disso|o reinicio|a reinicializacao|a reinstalacao|o procedimento"
        r"|os procedimentos|as tentativas|a tentativa|os passos|a atualizacao|a limpeza"
        r"|reiniciar|reinstalar) (\w+ ){0,3}nao (resolveu|ajudou|adiantou|deu (certo"
        r"|resultado)|surtiu efeito|funcionou|mudou nada|corrigiu|resolveram|funcionaram)",
        r"(mesmo|ainda) (depois|apos) (de )?(ter )?(\w+ )?(reinici|reinstal|tent|limp"
        r"|atualiz|testa)\w*",
        r"apesar (de|do|da|dos|das) (\w+ )?(reinici|reinstal|tentativa|limpeza|atualiza)\w*",
        # A colleague's or an earlier contact.
        r"(meu|minha|nosso|nossa|um|uma|o|a) (colega|atendente|colaborador|colaboradora"
        r"|consultor|consultora)s? (\w+ ){0,2}(lhe |te |nos |me )?(pediu|disse|falou|enviou"
        r"|mandou|escreveu|ligou|explicou|informou|pediram|solicitou|tinha|havia|atendeu"
        r"|prometeu|abriu|registou|registrou|respondeu|indicou|sugeriu|orientou)",
        r"obrigad[oa] por (ja )?(ter )?(ja )?(tentado|testado|feito|verificado|reiniciado"
        r"|seguido|experimentado|tentar|testar) (\w+ ){0,3}(tudo|todos|todas|isso|esses|essas"
        r"|estes|estas|os|as|cada)",
        r"(anotacao|anotacoes|observacao|observacoes|registro|registo|nota|notas) (do|da|de)"
        r" (\w+ ){1,2}(na|no|de|do|da) (" + _DAYS_PT + r"|ontem|semana passada|dia \d+)",
        r"(falou|conversou) (\w+ ){0,3}com (o meu|a minha|um|uma|o nosso|a nossa|meu|minha|nosso"
        r"|nossa) (colega|atendente|consultor|consultora)",
        r"(sua|seu) (ultima|ultimo|anterior|primeira|primeiro|outra|outro) " + _CONTACT_PT,
        r"(sua|seu|nossa|nosso) " + _CONTACT_PT + r" (anterior(es)?|de ontem|da semana"
        r" passada|do dia \d+|de " + _DAYS_PT + r"|desta manha|de hoje cedo)",
        r"(da|na) ultima vez",
        r"(dando|em|para dar|dou|damos) (seguimento|continuidade|sequencia) (a|ao|as|aos)"
        r" (sua|seu|nossa|nosso|o seu|a sua|o nosso|a nossa)",
        r"retomando (o|a|seu|sua|nosso|nossa) (contato|contacto|conversa|chamado|pedido"
        r"|atendimento)",
        r"quando (voce|vc) (nos )?(ligou|escreveu|entrou em contato|contatou|contactou"
        r"|falou conosco)",
        r"(falamos|conversamos|nos falamos) (ontem|na semana passada|por telefone|no dia"
        r"|mais cedo|hoje cedo)",
        r"(ola|oi) (de novo|novamente)",
        r"(a|o) (ligacao|chamada|conversa|mensagem|visita|e-mail|chat) (de|da|do) ("
        + _DAYS_PT
        + r"|ontem|semana passada|dia \d+)",
        r"(lhe|te) (dissemos|disse|prometemos|prometi|garantimos|garanti|tinhamos (dito"
        r"|prometido|pedido|recomendado|indicado))",
        r"(ter|tenha|teve|tido) (que|de) (voltar a |nos )?(escrever|ligar|contactar"
        r"|contatar|reclamar|insistir|repetir)",
        r"(tenha|tenham|teve|tido|ter|precisou) (precisado )?(de )?(voltar a )?(ligar|escrever"
        r"|contactar|contatar|reclamar|insistir)",
        r"obrigad[oa] por (voltar a (ligar|escrever)|ligar de novo|escrever de novo|retornar)",
        r"(suas|seus) " + _CONTACT_PT + r" anteriores",
        r"(os seus|as suas|seus|suas) (dois|duas|tres|quatro|varios|varias|\d+) " + _CONTACT_PT,
        r"(dois|duas|tres|quatro|varios|varias|\d+) (reinicios|tentativas|reinstalacoes"
        r"|contatos|contactos|ligacoes|chamadas|mensagens) (e|pelo|pela|para|sobre|sem|depois)",
        r"(substituid|reparad|trocad|instalad|gerad)[oa]s? (em|no dia|a|dia) \d",
    ],
}
EXPLICIT = compile_phrases(_EXPLICIT)

# Words that mean history only beside earlier contact: read when there is some.
_CONTEXTUAL: dict[str, list[str]] = {
    "en": [
        r"(your|the) (previous |earlier |last )?(call|chat|email|message|ticket|request|"
        r"report|conversation|photo|receipt)s? (from|of|on|about|yesterday|last|earlier|you)",
        r"(i can see|i see|i'?ve (got|read|checked|pulled up)|looking at) (your|order)",
        r"(from|since) (yesterday|last week|this morning|monday|tuesday|wednesday|thursday"
        r"|friday|saturday|sunday|march|earlier)",
        # "the page was down earlier today" is our news: "earlier" needs a contact.
        r"(sent|mentioned|said|told (us|me)|wrote|written|called|reported|tried|explained"
        r"|asked|spoke|chatted|described|gave|provided|shared) (\w+ ){0,3}earlier",
        r"(earlier|previous(ly)?) (\w+ )?" + _CONTACT_EN,
        r"(you|we) (\w+ )?previously",
        r"previously (mentioned|reported|sent|tried|discussed|contacted|explained|said)",
        r"already (tried|sent|done|restarted|given|wrote|written|contacted|called|emailed"
        r"|reinstalled|rebooted|reset|re-?paired|cleared|asked)",
        r"(i can see|i see|i notice|i noticed|i understand) (that )?you('ve| have)? (already"
        r"|previously|wrote|contacted|called|emailed|chatted|spoke|reported|tried|sent)",
        r"(since|as|after) (the )?(reboots?|restarts?|reinstall\w*|resets?|steps|fixes) "
        r"(didn'?t|did not|haven'?t|have not|failed)",
        r"you('ve| have)? (already )?(tried|done) (both|everything|all|that|those)",
        r"(you'?ve|you have) (had to|already)",
        r"(two|three|four|\d) times now",
        r"you (sent|mentioned|told us|reported|gave us)",
        r"no need to (go through|repeat|explain|send)",
        r"(didn'?t|did not) help",
        r"from last week",
        r"'s chat",
        r"(thanks|thank you) for (getting back|the update|coming back|following up)",
        # "try again", "works again", "again later" are not history.
        r"again(?<!try again)(?<!trying again)(?<!works again)(?<!working again)"
        r"(?<!in again)(?<!with us again)(?<!contact us again)(?<!available again)"
        r"(?<!in stock again)(?! later| soon"
        # "check again next week" asks for a step to come.
        r"| tomorrow| next| in (a|an|\d+|two|three|a few)| after| once| when| if| tonight)",
    ],
    "es": [
        r"(tu|su) (chat|llamada|correo|mensaje|ticket|consulta|foto) (de|del|sobre)",
        r"veo (tu|su|el|que ya)",
        r"de ayer",
        _CONTACT_ES + r" anterior(es)?",
        r"(agente|companer[oa]|tecnic[oa]) anterior",
        r"ya (nos )?(enviaste|dijiste|probaste|reiniciaste|nos lo)",
        r"que te indicamos",
        r"como ya",
        r"gracias por (tu|su) (respuesta|actualizacion)",
        r"otra vez(?<!intentelo otra vez)(?<!intentalo otra vez)(?<!pruebe otra vez)"
        r"(?<!prueba otra vez)(?! (la semana|manana|en \w+ dias|mas tarde|despues|cuando|si|esta"
        r" noche))",
        r"por probar",
        r"(dos|tres|cuatro) veces",
        r"(despues de|tras) (reiniciar|probar|reinstalar|intentar)",
        r"(ya )?nos (escribio|escribiste|llamo|llamaste|contacto|contactaste)",
        r"(como|ya que|si) (eso|esto) no (ha )?(funcionado|funciono|servido|sirvio)",
    ],
    "fr": [
        r"votre (appel|message|mail|demande|echange) (d'hier|precedent|de)",
        r"d'hier",
        r"precedent\w*",
        # "le remboursement est déjà parti" is our news: "déjà" needs the customer.
        r"vous (\w+ ){0,3}deja",
        r"deja (\w+ ){0,2}(essay|tent|redemarr|reinstall|reinitialis|envoy|signal|ecrit"
        r"|appel|contact|dit|fait|tout)\w*",
        r"(deux|trois) fois de suite",
        # "Vérifiez de nouveau …" asks for a step to come; "vous avez de nouveau …" tells one.
        r"(?:(?<=avez )|(?<!ez ))de nouveau(?! (la semaine|demain|dans|plus tard|apres|si|quand"
        r"|ce soir))",
        r"(comme )?les (redemarrages|essais|manipulations) n'ont rien donne",
        r"apres avoir (deja )?(tout )?(redemarre|essaye|reinstalle)",
        r"je vois que vous (nous )?(avez|aviez)",
        r"vous nous (avez|aviez) (deja )?(contacte|appele|ecrit|envoye|signale|indique"
        r"|transmis|relance)",
        r"comme vous (nous )?(l'|le )?(avez|aviez) (deja )?(indique|mentionne|precise"
        r"|signale|explique|dit|ecrit)",
        r"comme (indique|mentionne|precise|convenu|signale)(?! ci-| plus haut"
        + _IN_A_DOCUMENT
        + r")",
        r"suite a votre (appel|message|mail|courriel|echange|demande|relance)",
        r"(vous|nous) (\w+ ){0,3}hier",
        r"merci (pour|de) votre (retour|reponse|relance)",
    ],
    "de": [
        r"zweimal",
        r"dreimal",
        # "Die Gutschrift ist bereits gebucht" is our news: "schon" needs the customer.
        r"(sie|ihnen) (\w+ ){0,4}(schon|bereits)",
        r"(schon|bereits) (\w+ ){0,3}" + _DE_DONE,
        r"(gestern|letzte woche) (\w+ ){0,2}(angerufen|geschrieben|gemeldet|telefoniert"
        r"|gesprochen|gechattet|mitgeteilt|geschildert)",
        r"(anruf|nachricht|mail|e-mail|telefonat|gesprach|chat|anfrage)\w* (von )?(gestern"
        r"|letzter woche)",
        r"vorherig\w*",
        r"(ihr|ihre|ihren) (anruf|e-mail|nachricht) (von|vom)",
        r"trotz (\w+ )?(neustart\w*|neu ?starten|versuch\w*)",
        r"sie haben (uns|mir) (\w+ ){0,4}(geschrieben|angerufen|kontaktiert|gemeldet"
        r"|mitgeteilt|geschickt|geschildert|geantwortet)",
        r"wie (sie )?(uns )?(schon|bereits)? ?(geschrieben|erwahnt|mitgeteilt|beschrieben"
        r"|gesagt|angegeben|geschildert|besprochen|vereinbart)",
        r"(ihrer|ihre|ihrem|ihren) (letzten|vorherigen|fruheren|ersten) (nachricht|e-mail"
        r"|anfrage|anruf|mail)",
        r"(bezug nehmend|bezugnehmend|mit bezug) auf ihr\w*",
        r"dank(e)? (fur|fuer) (ihre|die|ihr) (ruckmeldung|antwort)",
    ],
    "pt": [
        r"(que )?(voce|vc) (mandou|enviou|falou|disse|tentou)",
        r"(voce|vc|nos|conosco) (\w+ ){0,3}ontem",
        r"ontem (voce|vc|nos)",
        r"de ontem",
        _CONTACT_PT + r" anterior(es)?",
        r"(atendente|colega|agente) anterior",
        r"ja (enviou|tentou|mandou)",
        r"(dois|duas|tres) (comprovantes|vezes)",
        r"(depois de|apos) (reiniciar|tentar|reinstalar)",
        r"(como )?o (reinicio|procedimento) nao (resolveu|funcionou)",
        r"ja nos (escreveu|ligou|contatou)",
        r"vejo que (voce )?(ja )?(nos )?(contactou|contatou|ligou|escreveu|enviou|tentou"
        r"|falou|reportou|informou|mandou)",
        r"(como|conforme) (ja )?(nos )?(referiu|mencionou|indicou|disse|informou|explicou"
        r"|relatou|escreveu|combinado|indicado|referido|mencionado)",
        r"(ja )?nos (contactou|contatou|ligou|escreveu|enviou)",
        r"(na|no|pela|pelo) (sua|seu) (ultima|ultimo|anterior|mensagem|chamada|contacto"
        r"|contato|e-mail|email)",
        r"(dias|semanas) (atras|antes)",
        r"obrigad[oa] pel[oa] (seu |sua )?(retorno|resposta|atualizacao)",
    ],
}
# Earlier contact read back from the record, when there is some: the customer's contacts
# counted or dated ("your calls on Monday and Wednesday", "vos mails du 2 et du 9", "seus
# contatos dos dias 3 e 10"), something they sent "of" a date ("Ihr Schreiben vom 14. Juni"),
# the time it was asked or told ("you were told on 9 June", "wie wir letzte Woche besprochen
# haben"), a colleague who handled it ("mi compañero registró", "meine Kollegin", "o
# atendimento do meu colega"), the count of contacts ("your third call", "a terceira vez"),
# thanks for the steps the customer took ("thanks for restarting the router first").
_DATE = r"(\d{1,2}(\.|th|st|nd|rd)?|%s)"
_CONTEXTUAL["en"] += [
    r"(your|both|all|the) (\w+ ){0,2}(calls|emails|e-mails|messages|chats|contacts|tickets)"
    r" (on|from|of|in)",
    r"(your|the) (\w+ )?" + _CONTACT_EN + r" (on|from|of) (the )?" + _DATE % _DAYS_EN,
    r"you were (told|promised|advised|asked|given)",
    r"you (rang|phoned|called) (us )?(at|on|yesterday|this|last)",
    r"(my|our) (colleague|teammate|co-?worker)(?!(\s\S+){0,4}\s(will|can|could|would|going"
    r"|shall)\b)",
    r"(your|this is the|it'?s the|that'?s the|is the|was the) (second|third|fourth|fifth)"
    r" (time|call|email|message|contact|visit)",
    r"(two|three|four|five) (calls|emails|messages|chats)",
    r"(the|a) note (\w+ ){0,2}left",
    r"(nobody|no one|no-one) (\w+ )?(called|rang|got back to|contacted|phoned) you",
    r"(thanks|thank you) for (already )?(trying|doing|testing|running|restarting|rebooting"
    r"|reinstalling|clearing|resetting)",
    r"(since|as|given that) you('re| are) (using|on|running)",
    r"you('ve| have)? done (everything|all) (right|we asked|you could|that was asked|needed)",
]
_CONTEXTUAL["es"] += [
    r"(usted |tu )?(ha|has) hecho (todo lo (necesario|que (le|te) pedimos|que estaba en su"
    r" mano)|lo mas dificil|lo correcto)",
    r"(sus|tus) (\w+ )?(llamadas|mensajes|correos|chats|consultas|contactos|reclamaciones)"
    r" (del?|de los)",
    r"(tu|su) " + _CONTACT_ES + r" del? (dia )?" + _DATE % _DAYS_ES,
    r"(te|le) (dijeron|indicaron|prometieron|pidieron|comentaron)",
    r"como (te|le) (indico|dijo|comento|explico|pidio)",
    r"(mi|nuestro|nuestra) (companer[oa]|colega)(?!(\s\S+){0,4}\s(va|van|podra|puede"
    r"|llamara|contactara|escribira|revisara|enviara|confirmara)\b)",
    r"(es la|esta es la|ya es la|por) (segunda|tercera|cuarta|quinta) (vez|llamada"
    r"|reclamacion)",
    r"(dos|tres|cuatro|cinco) (cambios|llamadas|veces|reclamaciones|mensajes|correos)",
    r"(la )?nota que (dejo|dejaron|dejamos)",
    r"(todo )?lo que (has|ha|habeis) (probado|hecho|intentado)",
    r"que (nos |me )?(mando|mandaste|envio|enviaste|adjunto|adjuntaste|subio|subiste)"
    r" (el|ayer|la semana|el dia|por)",
    r"nadie (le |te )?(devolvio|devolviera|llamo|llamara|contesto|contestara|respondio"
    r"|respondiera)",
    r"gracias por (haber )?(hacer|hecho|probar|probado|intentar|intentado|reiniciar"
    r"|reiniciado|revisar|revisado|enviar|enviado)",
    r"(recibimos|hemos recibido) (el |la |los |las )?" + _DATE % _DAYS_ES,
]
_CONTEXTUAL["fr"] += [
    r"vous avez (deja )?fait (le plus (gros|dur|difficile)|le necessaire|(tout )?ce qu'il"
    r" fallait|tout ce qu'on vous a demande)",
    r"(vos|les) (deux |trois |quatre )?(appels|messages|mails|e-mails|echanges|relances"
    r"|demandes) (du|des|de)",
    r"(votre|sa|la) (appel|message|mail|reponse|demande|relance|echange) du \d+",
    r"(mon|ma|notre) (collegue|conseill\w+)(?!(\s\S+){0,4}\s(va|pourra|peut|rappellera"
    r"|contactera|recontactera|reviendra|enverra|sera)\b)",
    r"(c'est votre|votre|c'est la|c'etait la) (deuxieme|troisieme|quatrieme|cinquieme)"
    r" (appel|fois|message|relance|demande)",
    r"merci d'avoir (deja )?(\w+ )?(ajoute|reconnecte|redemarre|essaye|teste|verifie"
    r"|reinstalle|vide|nettoye|envoye|fait)",
    r"(un |votre |l')appel (de |du )?" + _DAYS_FR,
    r"(deux|trois|quatre|cinq) (messages|appels|mails|relances)",
    r"(la )?note laissee",
    r"personne ne vous (a|ait|avait) (\w+ )?(rappele|repondu|recontacte)",
    r"(nous avons|j'ai) bien recu (votre|vos) \w+ (\w+ ){0,2}(la semaine derniere|hier|le \d+"
    r"|du \d+|" + _DAYS_FR + r")",
]
_CONTEXTUAL["de"] += [
    r"sie haben (bereits |schon )?(alles (getan|richtig gemacht|gemacht)|das notige getan)",
    r"(ihren|ihre|ihrer) (beiden |zwei |drei |vier )?(anrufen|anrufe|nachrichten|e-mails"
    r"|mails|schreiben) (am|vom|von)",
    r"(ihr|ihre|ihren|ihrer) (kundigung|nachricht|e-mail|mail|anfrage|nachfrage|reklamation"
    r"|beschwerde|schreiben|anruf|widerspruch|antrag|ruckmeldung|zahlung) vom \d+",
    r"sie (uns|mir) (\S+ ){0,8}(geschrieben|angerufen|gemeldet|mitgeteilt|geschickt)"
    r" (haben|hatten)",
    r"wie (wir|ich) (\w+ ){0,5}(besprochen|vereinbart|zugesagt|angekundigt|telefoniert)",
    r"(meine|mein|meinem|meiner|unsere|unser) (kollegin|kollege|kollegen)(?!(\s\S+){0,4}\s"
    r"(wird|werden|kann|ruft|meldet|schreibt)\b)",
    r"(zum|ein|ihr|ihre|ihren) (zweite|dritte|vierte|funfte)n?s? (mal|anruf|nachricht)",
    r"(zwei|drei|vier) (anrufe|nachrichten|e-mails|mails)",
    r"dass sie sich (wieder|erneut|nochmals) melden",
    r"(die|den|das|dass)(?<!sicher, dass)(?<!sicher dass) sie (uns |mir )?(\S+ ){0,5}"
    + _DE_DONE
    + r" (haben|hatten)",
    r"(schon|bereits) (\w+ )?durch (haben|sind)",
    r"(keinen|keine) (ruckruf|antwort|ruckmeldung) (\w+ )?(bekommen|erhalten)",
    r"(notiz|vermerk) (von|ihres|ihrer|meiner|meines)",
]
_CONTEXTUAL["pt"] += [
    r"(voce |o senhor |a senhora )?(ja )?fez (tudo (certo|o que (lhe|te) pedimos|o que"
    r" podia)|o mais dificil|o necessario)",
    r"(seus|suas|os seus|as suas) (\w+ )?(ligacoes|mensagens|contatos|contactos|chamadas"
    r"|e-mails|emails|conversas|atendimentos) (dos|das|do|de)",
    r"(no|na|pelo|pela) "
    + _CONTACT_PT
    + r" (do dia|de hoje|de ontem|d[oa] \d+|de "
    + _DAYS_PT
    + r")",
    r"(o )?atendimento d[oa] (meu |minha |nosso |nossa )?(colega )?\w+ (de|do|da|na|no|em)",
    r"(meu|minha|nosso|nossa) (colega|atendente)(?!(\s\S+){0,4}\s(vai|vao|ira|pode|podera"
    r"|ligara|entrara|enviara|retornara)\b)",
    r"(voce|vc) (\w+ )?(conversou|falou) com",
    r"conversa com (o|a) \w+",
    r"(e a|essa e a|esta e a|pela|ja e a) (segunda|terceira|quarta|quinta) vez",
    r"obrigad[oa] por (ja )?(ter )?(testado|tentado|feito|reiniciado|reinstalado|enviado"
    r"|testar|tentar|fazer|reiniciar|enviar)",
    r"(lhe|te) (disseram|informaram|prometeram|pediram)",
    r"(disseram|informaram|prometeram|garantiram|pediram)-(lhe|te)\b",
    r"(duas|tres|quatro|cinco) (ligacoes|mensagens|chamadas)",
    r"ninguem (te |lhe )?(retornou|ter retornado|ligou|respondeu|deu retorno)",
    r"deixou registrad[oa]|registro da (conversa|ligacao|chamada)",
]
CONTEXTUAL = compile_phrases(_CONTEXTUAL)
# One language's phrases, for a reply long enough for its detected language to be sure: each
# phrase costs a try at every word, and a reply in one language rarely refers back in another.
_BY_LANGUAGE = {
    language: (
        compile_phrases({language: _EXPLICIT[language]}),
        compile_phrases({language: _CONTEXTUAL[language]}),
    )
    for language in _EXPLICIT
}
_SURE_WORDS = 8

# The answered message tells of steps already tried ("I already rebooted twice").
_TRIED = re.compile(
    r"\b(already|ya|deja|schon|bereits|ja)\b"
    r"|(twice|two times|dos veces|deux fois|zweimal|duas vezes|three times|tres veces|trois fois"
    r"|dreimal|tres vezes)"
)
# The answered message tells of earlier contact ("third time", "ya os lo dije ayer").
_EARLIER_CONTACT = compile_phrases(
    {
        "en": [
            r"(second|third|fourth|fifth|2nd|3rd|4th|5th) time",
            r"(already|previously) (called|wrote|written|emailed|contacted|told|sent|reported"
            r"|asked|chatted|spoke|explained)",
            r"(i|we) (called|wrote|emailed|contacted you|chatted|spoke|reported) (\w+ ){0,3}"
            r"(yesterday|last (week|month|time)|earlier|before|on " + _DAYS_EN + r")",
            r"(your|the) (agent|colleague|rep|chat|bot) (told|said|asked)",
            r"as i (said|mentioned|explained|wrote)",
        ],
        "es": [
            r"(segunda|tercera|cuarta|quinta) vez",
            r"ya (os |les |te |le |lo |se )*(dije|escribi|llame|envie|mande|comente|reporte|pedi"
            r"|explique|conte|avise)",
            r"como (ya )?(os |les |te |le )?(dije|comente|explique)",
            r"(me|nos) (dijo|dijeron|dijisteis|pidio|pidieron|pedisteis) (el|la|vuestro|vuestra"
            r"|su|tu) (agente|companer\w+|chat|tecnic\w+)",
        ],
        "fr": [
            r"(deuxieme|troisieme|quatrieme|cinquieme|2e|3e|4e) fois",
            r"(j'ai|je l'ai|je vous l'ai|nous avons|je vous ai) deja (signale|ecrit|appele"
            r"|envoye|contacte|dit|demande|explique|transmis)",
            r"comme je (vous )?(l'ai|l'avais) (dit|ecrit|explique|signale)",
        ],
        "de": [
            r"(zweite|dritte|vierte|funfte)n? mal",
            r"(schon|bereits) (\w+ ){0,3}(geschrieben|angerufen|gemeldet|geschickt|gesagt"
            r"|mitgeteilt|erklart|reklamiert)",
            r"wie (ich )?(schon|bereits) (geschrieben|gesagt|erwahnt|erklart)",
        ],
        "pt": [
            r"(segunda|terceira|quarta|quinta) vez",
            r"ja (\w+ )?(liguei|escrevi|enviei|mandei|falei|disse|reclamei|pedi|expliquei"
            r"|informei|reportei)",
            r"como (ja )?(eu )?(disse|falei|expliquei|escrevi)",
        ],
    }
)
# The end of a sentence: "?", or "." and "!" before a space (not "version 5.2").
_STOP = re.compile(r"\?|[.!](?=\s|$)|\n")
_STEPS = re.compile(
    r"(restart|reboot|reinstall|reset|clear|reinici|reinstal|redemarr|neu ?gestartet"
    r"|neustart|reiniciei|tried|probe|probado|essaye|versucht|tentei)\w*"
)


_CONDITION = re.compile(
    r"\s*(if|unless|once|in case|si|en caso de que|a menos que|wenn|falls|sobald|sofern|se"
    r"|caso|a nao ser que)\b"
)
_BUILDS_ON = re.compile(
    r"\s*(since|as|given|because|now that|seeing|following|further|after|even|despite"
    r"|como|ya que|puesto que|dado que|visto que|tras|despues|a pesar|siguiendo"
    r"|comme|puisque|etant donne|vu que|suite|apres|malgre|meme apres"
    r"|da|weil|nachdem|zumal|trotz|wie|auch nach"
    r"|ja que|uma vez que|visto que|dado que|apos|depois|apesar|mesmo|conforme)\b"
)


# A sentence that opens on a reason ("Since …,", "Como …,", "Puisque …,", "Da …,"): when its
# clause names what the customer reported doing, the reply builds on their steps.
# Opens on the sentence's end mark (the reply is read with one put before it), so that the
# engine skips to marks: it costs a reply a microsecond.
_SINCE = re.compile(
    r"[.!?\n¿¡]\s*(?:since|as|given that|now that|como|ya que|puesto que|dado que|visto que"
    r"|puisque|comme|vu que|etant donne que|da|nachdem|weil|ja que|uma vez que)\s+"
    r"([^,;:.!?\n]{3,160})"
)
# A sentence that opens on noting what the customer told ("We've noted that …", "Registámos
# que …", "Nous avons bien noté que …"): it restates what they said, not only what they did.
_NOTED = re.compile(
    r"[.!?\n¿¡]\s*(?:we(?:'ve| have)? (?:noted|recorded) that|(?:hemos )?(?:tomado nota"
    r"|registrado|anotado) (?:de )?que|nous avons (?:bien )?(?:note|pris note|enregistre) que"
    r"|wir haben (?:uns )?(?:notiert|vermerkt|festgehalten),? dass|registamos que|anotamos que"
    r"|tomamos nota de que)\s+"
    r"([^;:.!?\n]{3,200})"
)
# Steps judged ("… were the right steps", "era lo correcto", "c'était la bonne démarche", "war
# richtig", "era o certo"): with the reported steps named before it, the reply builds on them.
# Opens on the verb (the five languages' in one alternation), so that the engine skips to it.
_JUDGED = re.compile(
    r"(?:were|was|eran?|fue|fueron|c'etait|c'etaient|etait|etaient|war|waren|eram|foi|foram)"
    r" (?:exactly |absolutely |exactement |genau |vollig )?(?:the |lo |los |el |la |le |les "
    r"|o |a |os )?(?:right|correct|good|sensible|correct[oa]s?|adecuad[oa]s?|acertad[oa]s?"
    r"|bonnes?|bons?|juste|richtig|korrekt|sinnvoll|cert[oa]s?|corret[oa]s?)\b"
)
_SENTENCE_START = re.compile(r"[.!?\n¿¡][^.!?\n¿¡]*$")
# The answered message reports the customer's own actions in the past ("I cleaned", "he
# cambiado", "j'ai nettoyé", "ich habe … gereinigt", "limpei").
_REPORTED = re.compile(
    r"\bi(?:'ve| have| had)? (?:already |also |even |just )?(?:\w+ed|tried|done|made|put|set"
    r"|reset|gone|run|ran|took)\b"
    r"|\b(?:he|hemos|habia|habiamos) (?:ya )?\w+(?:ado|ido|echo|isto)\b"
    r"|\bya (?:lo |la |los |las |le )?\w+[ei]\b"
    r"|\b(?:probe|reinicie|limpie|cambie|borre|actualice|desenchufe|apague|revise|comprobe"
    r"|instale|reinstale|intente|hice)\b"
    r"|\bj'(?:ai|avais)\b|\bnous avons\b"
    r"|\b(?:ich|wir) (?:habe|haben|hatte|hatten)\b|\bhabe ich\b"
    r"|\b\w+(?<!ar|er|ir)ei\b|\bja \w+i\b|\b(?:fiz|conferi|verifiquei)\b"
)
_WORD = re.compile(r"\w{3,}")
# Function words of the five languages that two texts share without sharing a topic.
_COMMON_WORDS = {
    "en": "the and you your are was were has have had both but not this that with for from they"
    " them still now all also after before been did does just our out its any one two",
    "es": "los las del que con por para una uno esta este estan estas estos son sus tus pero muy"
    " mas todo toda bien sigue porque cuando sin sobre hay",
    "fr": "les des une est sont pas qui pour avec dans vos votre tout bien ont rien sur par mais"
    " plus toujours aussi",
    "de": "und die der das den dem des sind ist ein eine einen nicht mit sie ihr ihre auch noch"
    " aber wie bei nach von vom zum zur immer",
    "pt": "com uma dos das estao sao nao seu sua mas tudo bem tem ainda pelo pela",
}
_COMMON = frozenset(word for words in _COMMON_WORDS.values() for word in words.split())
_STEM = 5  # shared words are compared by their first letters: "manual" and "manually"


# Portuguese plurals in -ões/-ães change the stem ("cartões", "cartão"): read as the singular.
_PT_PLURAL = re.compile(r"(?:oes|aes)$")


def _stems(folded: str) -> set[str]:
    return {
        _PT_PLURAL.sub("ao", word)[:_STEM] for word in _WORD.findall(folded) if word not in _COMMON
    }


# Each earlier message's reading, kept: on a long ticket every reply reads back the same
# earlier messages, so each is read once rather than once per reply.
@lru_cache(maxsize=4096)
def _told_reading(text: str) -> tuple[frozenset[str], bool]:
    """A message's content stems, and whether it reports steps taken."""
    folded = _folded(text)
    return frozenset(_stems(folded)), _REPORTED.search(folded) is not None


@lru_cache(maxsize=4096)
def _days_in(text: str) -> frozenset[str]:
    return frozenset(_days_of_month(_folded(text)))


@lru_cache(maxsize=4096)
def _persons_in(text: str) -> frozenset[str]:
    names = set()
    for found in _NAMED_PERSON.finditer(text):
        name = found.group(1) or found.group(2)
        if not _NOT_A_NAME.match(fold(name)):
            names.add(name)
    return frozenset(names)


def _builds_on_reported(folded: str, customer_text: str, earlier: Sequence[str] = ()) -> str:
    """A reason clause or a judged sentence that shares two words with the steps the customer
    reported, in the answered message or an earlier one: "Since WPS and manual entry both
    failed," after "I tried the WPS button and typing it manually"; "Clearing the cache and
    reinstalling were the right steps". Or ""."""
    told = [text for text in (customer_text, *earlier) if text]
    if not told:
        return ""
    clauses = [clause.group(1) for clause in _SINCE.finditer("." + folded)]
    for judged in _JUDGED.finditer(folded):
        # The sentence up to the judgement.
        start = _SENTENCE_START.search(folded, 0, judged.start())
        clauses.append(folded[start.start() + 1 if start else 0 : judged.end()])
    noted = [clause.group(1) for clause in _NOTED.finditer("." + folded)]
    if not clauses and not noted:
        return ""
    said: set[str] = set()
    reported: set[str] = set()
    for text in told:
        stems, reports = _told_reading(text)
        said |= stems
        if reports:
            reported |= stems
    return next(
        (clause for clause in clauses if len(_stems(clause) & reported) >= 2),
        next((clause for clause in noted if len(_stems(clause) & said) >= 2), ""),
    )


_MONTHS = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre"
    r"|diciembre|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre"
    r"|decembre|januar|februar|marz|juni|juli|oktober|dezember|janeiro|fevereiro|marco|maio"
    r"|junho|julho|setembro|outubro|novembro|dezembro)"
)
# A day of the month named as one: with its month ("2 septembre", "June 4th", "12 de mayo"),
# or as a day ("el día 5", "no dia 3", "am 21.", "on the 2nd").
_DAY_OF_MONTH = re.compile(
    r"\b(\d{1,2})(?:\.|st|nd|rd|th|er)? (?:de )?" + _MONTHS + r"\b"
    r"|\b" + _MONTHS + r" (\d{1,2})(?:st|nd|rd|th)?\b"
    r"|\b(?:dia|day) (\d{1,2})\b"
    r"|\b(?:am|vom|seit dem) (\d{1,2})\.(?!\d)"
    r"|\bthe (\d{1,2})(?:st|nd|rd|th)\b"
)


def _days_of_month(folded: str) -> set[str]:
    return {
        next(day for day in (found[0], found[3], found[4], found[5], found[6]) if day)
        for found in _DAY_OF_MONTH.findall(folded)
    }


def _names_a_date_from(folded: str, earlier: Sequence[str]) -> str:
    """A day of the month the earlier messages named, said (not asked) in the reply: "the
    certificate you sent on 3 March" after "I sent the certificate on 3 March". Or ""."""
    if not earlier:
        return ""
    said = list(_DAY_OF_MONTH.finditer(folded))
    if not said:
        return ""  # no date in the reply: the earlier messages need no reading
    days: set[str] = set()
    for text in earlier:
        days |= _days_in(text)
    if not days:
        return ""
    for match in said:
        if _days_of_month(match.group()) & days and _affirmed(match, folded):
            return match.group()
    return ""


# A person the customer dealt with, named in their messages: after a role or title ("your
# colleague Sam", "la técnica Marta", "Frau Weber"), before what they said ("Ana disse-me",
# "Luis me dijo"), or with "he" or "she" after it in the sentence ("I sent them to Mark like he
# asked"). A capitalised word alone is not enough: products are too ("Firefox", "carte
# Vitale"), and in German every noun is.
_PERSON_NAME = r"([A-Z][a-z\u00e0-\u00ff]{2,})\b"
_ROLE = (
    r"(?i:colleague|agent|rep|representative|technician|engineer|advisor|adviser|driver|manager"
    r"|mr|mrs|ms|colega|companer[oa]|compa\u00f1er[oa]|agente|tecnic[oa]|t\u00e9cnic[oa]|asesor[a]?"
    r"|repartidor[a]?|se\u00f1or[a]?|senor[a]?|collegue|coll\u00e8gue|conseill[e\u00e8]re?"
    r"|technicien(?:ne)?|livreur|m(?=\.)|mme|madame|monsieur|senhor[a]?|atendente|estafeta|sr|sra|dona"
    r"|herrn?|frau|kollegen?|kollegin|mitarbeiter(?:in)?|techniker(?:in)?|berater(?:in)?"
    # Family the customer named ("my son Tiago", "ma fille Léa").
    r"|son|daughter|wife|husband|mother|father|mum|mom|dad|hij[oa]|espos[oa]|mujer|marido"
    r"|madre|padre|fils|fille|femme|mari|mere|m\u00e8re|pere|p\u00e8re|sohn|tochter|mann"
    r"|mutter|vater|filh[oa]|mulher|m\u00e3e|mae|pai)"
)
# What a person said, in the customer's own (unfolded) words.
_SAID = (
    r"(?:(?:me|m'|nos|te|lui|mir|uns) ?)?(?:said|told|asked|promised|dijo|prometi[o\u00f3]"
    r"|pidi[o\u00f3]|a dit|avait dit|disse|falou|prometeu|pediu|sagte|meinte|versprach)"
)
_NAMED_PERSON = re.compile(
    r"\b"
    + _ROLE
    + r"\.? "
    + _PERSON_NAME
    + r"|(?<=[\w,;] )"
    + _PERSON_NAME
    + r"(?= "
    + _SAID
    # "he" or "she" later in the sentence; in the other languages, a pronoun that said
    # something ("ele disse", "il m'a dit"): "ele", "il", "ella" alone are as often a thing.
    + r"|[^.!?\n]*\b(?:he|she|him|her)\b"
    + r"|[^.!?\n]*\b(?:ele|ela|[e\u00e9]l|ella|il|elle|er|sie) "
    + _SAID
    + r")"
)
_PERSON_WORD = re.compile(r"\b[A-Z][a-z\u00e0-\u00ff]{2,}\b")
_NOT_A_NAME = re.compile(
    r"("
    + _DAYS_EN
    + "|"
    + _DAYS_ES
    + "|"
    + _DAYS_FR
    + "|"
    + _DAYS_DE
    + "|"
    + _DAYS_PT
    + "|"
    + _MONTHS
    + r")$"
)


def _names_a_person_from(agent_text: str, earlier: Sequence[str]) -> str:
    """A person the earlier messages named, named again in the reply ("Sam's remote reset"
    after "your colleague Sam said he'd reset it"). Or ""."""
    if not earlier:
        return ""
    said = set(_PERSON_WORD.findall(agent_text))
    if not said:
        return ""
    names: set[str] = set()
    for text in earlier:
        if any(word in text for word in said):  # a name not in the text cannot be named in it
            names |= _persons_in(text)
    return next((name for name in sorted(names) if name in said), "")


def _earlier_texts(earlier: History) -> Sequence[str]:
    """The earlier messages' words, when the history holds them (`EarlierTexts`, a
    `bot.signals.history.Window`)."""
    texts = getattr(earlier, "texts", ())
    return texts if isinstance(texts, Sequence) else ()


def _folded(text: str) -> str:
    # Curly apostrophes ("didn’t", "l’avez") read as straight ones, as the phrases spell them.
    return fold(text).replace("\u2019", "'")


def _affirmed(match: re.Match[str], folded: str) -> bool:
    """Is the cue said, not asked? A question acknowledges only in a clause before it:
    "Since you already restarted it, could you send the logs?"."""
    clause = max(folded.rfind(mark, 0, match.start()) for mark in ",;:.!?\n¿¡") + 1
    if _CONDITION.match(folded, clause):
        return False  # "if you have already paid, ignore this"
    stop = _STOP.search(folded, match.end())
    if stop is None or stop.group() != "?":
        return True
    if not any(mark in folded[match.end() : stop.start()] for mark in ",;:"):
        return False
    # "Haben Sie schon versucht, die App neu zu installieren?" asks, comma or not: the clause
    # must open with a word that builds on something ("since", "como", "puisque", "da").
    start = max(folded.rfind(mark, 0, match.start()) for mark in ".!?\n¿¡") + 1
    return _BUILDS_ON.match(folded, start) is not None or (
        clause > start and _BUILDS_ON.match(folded, clause) is not None
    )


def _refers_back(customer_text: str) -> bool:
    """Does the answered message follow earlier contact or steps already tried?"""
    folded = _folded(customer_text)
    if _EARLIER_CONTACT.search(folded):
        return True
    return bool(_STEPS.search(folded) and _TRIED.search(folded))


def _first_affirmed(pattern: re.Pattern[str], folded: str) -> re.Match[str] | None:
    for match in pattern.finditer(folded):
        if _affirmed(match, folded):
            return match
    return None


def acknowledges_history(
    agent_text: str,
    history: Sequence[str] | History,
    customer_text: str = "",
    cues: Cues | None = None,
    language: str | None = None,
) -> bool:
    """Does the reply refer to the customer's earlier contact or what they already tried?

    `language`, the reply's detected language, narrows the phrases read to that language's
    when the reply is long enough for the detection to be sure.
    """
    if not agent_text:
        return False
    folded = _folded(agent_text)
    explicit_phrases, contextual_phrases = EXPLICIT, CONTEXTUAL
    if language in _BY_LANGUAGE and folded.count(" ") >= _SURE_WORDS:
        explicit_phrases, contextual_phrases = _BY_LANGUAGE[language]
    explicit = _first_affirmed(explicit_phrases, folded)
    if explicit:
        note(cues, SIGNAL, "refers to earlier contact or what the customer did", explicit.group())
        return True
    earlier = as_history(history)
    texts = _earlier_texts(earlier) if earlier else ()
    built_on = _builds_on_reported(folded, customer_text, texts)
    if built_on:
        note(cues, SIGNAL, "builds on the steps the customer reported", built_on.strip())
        return True
    dated = _names_a_date_from(folded, texts)
    if dated:
        note(cues, SIGNAL, "names a date from the earlier messages", dated)
        return True
    person = _names_a_person_from(agent_text, texts)
    if person:
        note(cues, SIGNAL, "names a person from the earlier messages", person)
        return True
    if not earlier and not _refers_back(customer_text):
        return False
    if earlier.names_any(identifiers(agent_text)):
        note(cues, SIGNAL, "names an identifier from the earlier contact")
        return True
    contextual = _first_affirmed(contextual_phrases, folded)
    if contextual:
        note(cues, SIGNAL, "refers to the earlier contact", contextual.group())
        return True
    return False
