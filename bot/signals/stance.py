"""Stance of a support message: the structures a general lexicon misreads.

A lexicon scores words; in support, some structures decide the sentiment whatever the
words' polarity (docs/signals.md, "Sentiment: the stance of a support message"):

- **Irony**: a positive interjection followed by "another" or "again" ("great, another
  outage", "genial, otra vez", "na toll, schon wieder"), "thanks for nothing" and its kin,
  "love how ..." over a failure ("love how nobody ever calls back"): negative, unless what
  follows the frame is itself praise ("great, another happy month with you").
- **Churn and escalation**: leaving (closing the account, cancelling the subscription, moving
  to a competitor), asking for a human, a manager or a supervisor, demanding one's money back,
  a formal complaint: negative. Asked as a question or a condition ("how do I cancel?", "if I
  cancel") leaving is an enquiry, not a threat; asking for a human is not.
- **Effort**: counts of contacts spent ("five emails", "for the fourth time", "por tercera
  vez", "zum dritten Mal") are negative; counts of time spent waiting or without service
  ("waiting three weeks", "offline since Monday", "llevo dos semanas", "depuis trois jours",
  "seit zwei Tagen", "faz duas semanas que") are negative unless the words are clearly happy.
- **A failure said outright**: never came, came broken, charged wrongly ("never showed up",
  "llegó roto", "n'est jamais arrivé", "kam beschädigt an", "veio quebrado").

Courtesy and questions, which carry no sentiment of their own, are `courtesy.py`'s; the
`Reading` of a message (its folded text and its words) is shared by both.

Patterns are matched on folded text (lower case, no accents); a phrase of any language is
looked for in every message, as elsewhere (`patterns.compile_phrases`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.signals.patterns import compile_phrases

# --- counts ------------------------------------------------------------------------------
_EN_NUM = (
    r"(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|several|multiple|many|countless|numerous|a few|a couple( of)?"
    r"|a dozen|dozens of|\w+ and a half)"
)
_ES_NUM = (
    r"(\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte"
    r"|treinta|cuarenta|varios|varias|muchos|muchas|mil|unos|unas)"
)
_FR_NUM = (
    r"(\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt"
    r"|trente|quarante|plusieurs|de nombreux|de nombreuses|maintes|des dizaines d')"
)
_DE_NUM = (
    r"(\d+|ein|eine|einer|einem|einen|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf"
    r"|zwolf|funfzehn|zwanzig|dreissig|vierzig|mehrere|mehreren|etliche|etlichen|unzahlige"
    r"|unzahligen|zig|x)"
)
_PT_NUM = (
    r"(\d+|um|uma|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|quinze|vinte"
    r"|trinta|quarenta|varios|varias|muitos|muitas|inumeros|inumeras)"
)
# Two or more: "an email" is one contact, not an effort.
_TWO_UP = r"(\d{2,}|[2-9]"
_EN_MANY = (
    _TWO_UP + r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|several|multiple|many|countless|numerous|a few|a couple( of)?|a dozen|dozens of)"
)
_ES_MANY = _TWO_UP + r"|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|varios|varias"
_ES_MANY += r"|mil)"
_FR_MANY = _TWO_UP + r"|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|plusieurs"
_FR_MANY += r"|maintes)"
_DE_MANY = _TWO_UP + r"|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|zwolf|mehrere|etliche"
_DE_MANY += r"|zig|x)"
_PT_MANY = _TWO_UP + r"|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|doze|quinze|varios"
_PT_MANY += r"|varias)"
_EN_ORD = (
    r"(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|nth|hundredth"
    r"|\d+(st|nd|rd|th))"
)
_ES_ORD = r"(segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]|septim[oa]|enesim[oa]|\d+[ao])"
_FR_ORD = r"(deuxieme|troisieme|quatrieme|cinquieme|sixieme|septieme|enieme|\d+e(me)?)"
_DE_ORD = r"((zweite|dritte|vierte|funfte|sechste|siebte|x-te|n-te|zigste)n?|\d+\.)"
_PT_ORD = r"(segund[oa]|terceir[oa]|quart[oa]|quint[oa]|sext[oa]|setim[oa]|enesim[oa]|\d+[ao])"

# "two email addresses" are not two emails sent.
_NOT_ADDRESS = r"(?! ?(address|adress|account|inbox|notification|newsletter|alert)\w*)"
_EN_CONTACTS = (
    r"(e-?mails?|calls?|phone ?calls?|messages?|chats?|complaints?|reminders?|follow-?ups?"
    r"|attempts?)"
)
_ES_CONTACTS = r"(correos|e-?mails|mails|llamadas|mensajes|reclamaciones|chats|quejas|veces)"
_FR_CONTACTS = r"(mails|e-?mails|courriels|appels|messages|relances|reclamations|fois)"
_DE_CONTACTS = r"(e-?mails|mails|anrufe\w*|nachrichten|mahnungen|beschwerden|male?|versuche\w*)"
_PT_CONTACTS = r"(e-?mails|emails|ligacoes|chamadas|mensagens|reclamacoes|protocolos|vezes)"

# Contacts spent: "five emails", "for the fourth time", "this is my third call".
CONTACT_EFFORT = compile_phrases(
    {
        "en": [
            _EN_MANY + r" (different |separate |more )?" + _EN_CONTACTS + _NOT_ADDRESS,
            r"(for|is) the " + _EN_ORD + r" time",
            r"(my|our|the|a) " + _EN_ORD + r" (e-?mail|call|message|chat|complaint|reminder"
            r"|attempt|ticket|request|follow-?up)",
            r"(called|emailed|written|wrote|asked|contacted|chased|messaged|rang|phoned"
            r"|explained|reported|raised) (you |it |this |them |about this |about it )?"
            r"(" + _EN_MANY + r" times|twice|three times|over and over|repeatedly)",
            r"(spoken|talked|chatted) (to|with) " + _EN_MANY + r" (different )?(agents|people"
            r"|advisors|representatives|reps|persons)",
            r"(transferred|passed|bounced) (around|from one \w+ to another|between departments)",
            r"(opened|raised|submitted|filed|logged) " + _EN_MANY + r" (tickets|requests|cases)",
            # A step repeated: "I've now filled in the form three times", "already given it twice".
            r"(already|now|had to|having to|have to) (\w+ ){1,5}(twice|" + _EN_MANY + r" times)",
        ],
        "es": [
            r"(?<!en )" + _ES_MANY + r" " + _ES_CONTACTS,
            r"por " + _ES_ORD + r" vez",
            r"(es|esta es) (la|mi) " + _ES_ORD + r" (vez|llamada|reclamacion|queja|correo"
            r"|mensaje)",
            r"(mi|el|la) " + _ES_ORD + r" (llamada|reclamacion|queja|correo|mensaje|email)",
        ],
        "fr": [
            r"(?<!en )" + _FR_MANY + r" " + _FR_CONTACTS,
            r"pour la " + _FR_ORD + r" fois",
            r"(mon|ma|le|la) " + _FR_ORD + r" (appel|mail|e-mail|courriel|message|relance"
            r"|reclamation|fois)",
        ],
        "de": [
            _DE_MANY + r" " + _DE_CONTACTS,
            r"zum " + _DE_ORD + r" mal",
            r"(meine|mein|die|der|das) " + _DE_ORD + r" (e-mail|mail|anruf|nachricht|mahnung"
            r"|beschwerde|anfrage)",
            r"(zwei|drei|vier|funf|zehn|x|zig|etliche)mal",
        ],
        "pt": [
            r"(?<!em )" + _PT_MANY + r" " + _PT_CONTACTS,
            r"pela " + _PT_ORD + r" vez",
            r"(e|esta e|ja e) a " + _PT_ORD + r" (vez|ligacao|reclamacao|mensagem)",
            r"(minha|meu|o|a) " + _PT_ORD + r" (ligacao|reclamacao|mensagem|e-mail|email"
            r"|chamado|protocolo)",
        ],
    }
)

_EN_UNITS = r"(minutes?|mins?|hours?|hrs?|days?|weeks?|months?)"
_ES_UNITS = r"(minutos|horas?|dias?|semanas?|mes(es)?)"
_FR_UNITS = r"(minutes|heures?|jours?|semaines?|mois)"
_DE_UNITS = r"(minuten|stunden?|tag(en)?|wochen?|monat(en)?)"
_PT_UNITS = r"(minutos|horas?|dias?|semanas?|mes(es)?)"
_EN_DAYS = (
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last (week|month"
    r"|night|\w+day)|this morning|the (weekend|\d+(st|nd|rd|th)?)|early \w+|january|february"
    r"|march|april|june|july|august|september|october|november|december)"
)
_ES_DAYS = (
    r"(el )?(lunes|martes|miercoles|jueves|viernes|sabado|domingo|ayer|anteayer|la semana pasada"
    r"|el mes pasado|esta manana|el dia \d+|principios de \w+)"
)
_FR_DAYS = (
    r"(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|avant-hier|la semaine derniere"
    r"|le mois dernier|ce matin|le \d+|des (jours|semaines|mois|heures))"
)
_DE_DAYS = (
    r"(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|gestern|vorgestern|letzter"
    r" woche|letztem monat|heute morgen|anfang \w+|dem \d+\.?|tagen|wochen|monaten|stunden)"
)
_PT_DAYS = (
    r"(segunda|terca|quarta|quinta|sexta|sabado|domingo|ontem|anteontem|a semana passada"
    r"|o mes passado|hoje de manha|o dia \d+)(-feira)?"
)
# Time spent waiting or without service: "waiting three weeks", "down since Monday".
TIME_EFFORT = compile_phrases(
    {
        "en": [
            r"(waiting|waited|wait|on hold|chasing|stuck|down|offline|pending|outstanding"
            r"|without \w+|no \w+|been trying|tried|going on|dragging on) (for |over |in )?"
            r"(over |more than |almost |nearly |about |around |the (last|past) )?"
            + _EN_NUM
            + r" (more |long |whole |full )?"
            + _EN_UNITS,
            r"(it'?s|it has|that'?s|this has|has now|have now) (now |already )?been "
            r"(over |more than |almost |nearly )?" + _EN_NUM + r" " + _EN_UNITS,
            _EN_NUM + r" " + _EN_UNITS + r" (now|already|later|and counting|and still"
            r"|and nothing|and no|of (waiting|chasing|back and forth|calls|emails))",
            _EN_NUM + r" " + _EN_UNITS + r" ago[^.!?]{0,40}(still|nothing|no one|nobody"
            r"|have ?n[o']?t|has ?n[o']?t|not yet)",
            r"(waiting|down|offline|stuck|pending|broken|blocked|locked|without \w+|no \w+"
            r"|not \w+ing|n't \w+) (\w+ ){0,3}since " + _EN_DAYS,
            r"still (waiting|no |nothing|not)",
            # The unit said before: "told five days, and it's been nine."
            r"(it'?s|it has|has now|it is now) (now |already )?been (over |more than |almost )?"
            + _EN_NUM
            + r"(?=[.,!?;]|$)",
        ],
        "es": [
            r"(llevo|lleva|llevamos|llevan|ya van|van ya|desde hace) (ya )?(mas de |casi )?"
            + _ES_NUM
            + r" "
            + _ES_UNITS,
            r"hace (ya )?(mas de |casi )?" + _ES_NUM + r" " + _ES_UNITS + r" (que|esperando"
            r"|sin)",
            r"(esperando|sin \w+|caid[oa]|bloquead[oa]|parad[oa]) (\w+ ){0,3}desde " + _ES_DAYS,
            r"(sigo|seguimos|continuo|continuamos) (esperando|sin)",
            r"(y )?ya (van|son|llevo|llevamos) (mas de |casi )?" + _ES_NUM + r"(?=[.,!?;]|$)",
        ],
        "fr": [
            r"depuis (plus de |presque |bientot )?" + _FR_NUM + r" " + _FR_UNITS,
            r"(ca|cela) fait (deja |plus de |presque )?" + _FR_NUM + r" " + _FR_UNITS,
            r"(attends|attend|attendons|sans \w+|en panne|bloque\w*|coupe\w*) (\w+ ){0,3}depuis "
            + _FR_DAYS,
            r"(j'attends|nous attendons) (toujours|encore)",
            r"(on en est a|on en est deja a|ca fait (deja|maintenant)) (plus de )?"
            + _FR_NUM
            + r"(?=[.,!?;]|$)",
        ],
        "de": [
            r"(schon |bereits |nun |jetzt )?seit (uber |fast |mehr als |nun |schon )?"
            + _DE_NUM
            + r" "
            + _DE_UNITS,
            r"(warte|warten|kein\w* \w+|ohne \w+|gesperrt|blockiert|ausgefallen|offline)"
            r" (\w+ ){0,3}seit " + _DE_DAYS,
            r"(warte|warten) (immer noch|noch immer|schon|bereits)",
            r"(jetzt|inzwischen|mittlerweile) sind es (schon |bereits |uber )?"
            + _DE_NUM
            + r"(?=[.,!?;]|$)",
        ],
        "pt": [
            r"(esperando|aguardando|espero|sem \w+|fora do ar|parad[oa]|bloquead[oa]|travad[oa])"
            r" (\w+ ){0,3}(ha|faz) (mais de |quase )?" + _PT_NUM + r" " + _PT_UNITS,
            r"(ha|faz|fazem|ja sao|ja faz) (mais de |quase )?"
            + _PT_NUM
            + r" "
            + _PT_UNITS
            + r" (que|esperando|aguardando|sem)",
            r"(esperando|aguardando|sem \w+|fora do ar|bloquead[oa]) (\w+ ){0,3}desde " + _PT_DAYS,
            r"(continuo|continuamos|sigo|ainda estou) (esperando|aguardando|a espera|sem)",
            r"(e )?ja (sao|foram|vao|faz) (mais de |quase )?" + _PT_NUM + r"(?=[.,!?;]|$)",
        ],
    }
)

# --- leaving and escalating --------------------------------------------------------------
# Not a card: cancelling a lost card is a request, not a customer leaving.
_EN_ACCOUNT = r"(account|subscription|contract|membership|plan|service|policy)s?"
_ES_ACCOUNT = r"(cuenta|suscripcion|contrato|linea|poliza|servicio|tarifa|abono|plan)"
_FR_ACCOUNT = r"(compte|abonnement|contrat|forfait|ligne|assurance)"
_DE_ACCOUNT = r"(konto|abo|abonnement|vertrag|mitgliedschaft|tarif)"
_PT_ACCOUNT = r"(conta|assinatura|contrato|plano|linha|apolice)"
CHURN = compile_phrases(
    {
        "en": [
            r"(cancel|close|terminate|end|delete)(ling)? (my|our|the) (\w+ )?" + _EN_ACCOUNT,
            r"(switch|switching|move|moving|go|going|take|taking|leave|leaving) (my business |"
            r"our business |my money )?(to|over to) (another|a different|a competitor|the"
            r" competition|your competitor)",
            r"(switching|changing|moving) (providers?|banks?|carriers?|suppliers?|companies)",
            r"migrat(e|ing) (\w+ ){0,3}to (another|a different|a new|the competition)",
            r"(cancellation|closure) of (my|our|the) (\w+ )?" + _EN_ACCOUNT,
            r"take (my|our) (business|money|custom) elsewhere",
            r"(you'?ve|you have|you just) lost (a|me as a|another) customer",
            r"(i'?m|i am|we'?re|we are) (done|finished) with (you|this company|your)",
            r"(don'?t|do not|no longer) (want|wish) to (stay|remain|continue) (with|at) (you|your)"
            r"|(won'?t|will not|not going to) (be )?renew(ing)?",
            # Taking the number to another provider, and refusing the offers to stay.
            r"port(ing)? (my |our |the )?(number|line|account) (out|away|over )?(to|with) "
            r"(another|a different|a new|the other)",
            r"retention (offers?|calls?|deals?|team)",
        ],
        "es": [
            r"(cancelar|anular|cerrar|dar de baja|rescindir|cancelo|anulo|cierro|cancelen|cancelad"
            r"|anulen|anulad|cierren|cerrad) (\w+ )?(mi|la|nuestra|el) " + _ES_ACCOUNT,
            r"(solicitar|pedir|tramitar|solicito|pido|tramiten|tramitad|quiero|queria|quisiera)"
            r" (la )?baja (de|del)",
            r"(me llevo|nos llevamos) (\w+ ){0,3}a (otra|otro)|(me voy a|nos vamos a) (cambiar|ir)"
            r"( (a|con) (otra|otro|la competencia)|(?=\W*$|[.;!]))",
            r"portar (\w+ ){0,2}(numero|linea) (a|con) (otra|otro)",
            r"(me doy|darme|dadme|denme|nos damos) de baja",
            r"(me voy|me cambio|me paso|nos vamos|nos cambiamos) (a|con) (otra|otro|la"
            r" competencia)",
            r"(cambiar|cambiarme) de (compania|operador|banco|proveedor|aseguradora)",
            r"(habeis|han|has) perdido (un|a un) cliente",
            r"no (queremos|quiero|deseamos|deseo) (seguir|continuar|quedarnos|quedarme) con"
            r"|no (renovaremos|renovare|vamos a renovar|voy a renovar)",
            r"portabilidad (\w+ ){0,3}(a|con|hacia) (otra|otro|la competencia)",
            r"(ofertas?|llamadas?|propuestas?) de (retencion|permanencia|fidelizacion)",
        ],
        "fr": [
            r"(resilier|annuler|fermer|cloturer|supprimer|resilie|ferme) (mon|ma|notre|le|la) "
            + _FR_ACCOUNT,
            r"(je|nous) (\w+ )?resili\w*",
            r"(aller|vais|partir|pars|passer|passe) (voir )?(ailleurs|chez (la concurrence|un"
            r" concurrent|un autre))",
            r"(change|changer|changerai|changeons|changerons) d'(operateur|assureur|fournisseur)",
            r"(change|changer|changerai|changeons|changerons) de (banque|fournisseur|prestataire"
            r"|compagnie|mutuelle)",
            r"(vous avez|vous venez de) perdre? un client",
            r"(ne )?(souhaitons|voulons|souhaite|veux) (pas|plus) rester"
            r"|ne (renouvellerons|renouvellerai) pas",
            r"portabilite (\w+ ){0,3}(vers|chez) (un autre|une autre|la concurrence)",
            r"(migrer|basculer|passer) ([\w']+ ){0,3}(vers|chez) (un autre|une autre|la"
            r" concurrence)",
            r"(resiliation|fermeture|cloture) de (mon|ma|notre) (\w+ )?" + _FR_ACCOUNT,
            r"(offres?|appels?|propositions?) de (fidelisation|retention)",
        ],
        "de": [
            r"(kundige|kundigen|kundigung|gekundigt)",
            r"(mein|meine|unser|unsere|das|den|die) " + _DE_ACCOUNT + r" (\w+ )?(kundigen"
            r"|schliessen|loschen|beenden|auflosen)",
            r"(wechsle|wechseln|gehe|gehen) (\w+ )?(zur konkurrenz|zu einem anderen"
            r"|zu einer anderen|woanders)",
            r"(anbieter|bank|versicherung) (\w+ )?wechseln",
            r"(einen )?kunden verloren",
            r"(werde|werden|wollen|will|mochte|mochten) (\w+ )?nicht (mehr )?(bleiben|verlangern)",
            r"(migrieren|umziehen|wechseln) (\w+ ){0,3}zu (einem anderen|einer anderen|der"
            r" konkurrenz)|zu (einem anderen|einer anderen|der konkurrenz) (\w+ )?(migrieren"
            r"|umziehen|wechseln)",
            r"(rufnummer|nummer) (\w+ ){0,3}zu (einem anderen|einer anderen|der konkurrenz)"
            r" (\w+ )?mitnehmen|(ruckgewinnungs|halte|bleibe)angebot\w*",
        ],
        "pt": [
            r"(cancelar|encerrar|fechar|cancelo|encerro) (\w+ )?(minha|meu|a|o|nossa|nosso) "
            + _PT_ACCOUNT,
            r"(mudar|trocar|mudo|troco|migrar) de (operadora|banco|empresa|fornecedor|provedor"
            r"|seguradora)",
            r"(para|pra) (a )?concorrencia",
            r"(perderam|perdeu) (um|mais um) cliente",
            r"nao (quero|queremos) (mais )?(continuar|ficar) (com|na|no)"
            r"|nao (vou|vamos) renovar",
            r"portabilidade (\w+ ){0,3}(para|pra) (outra|outro|a concorrencia)",
            r"(portar|migrar|levar) (\w+ ){0,3}(para|pra) (outra|outro|a concorrencia)",
            r"(cancelamento|encerramento) (da|do) (minha |meu |nossa |nosso )?" + _PT_ACCOUNT,
            r"(ofertas?|ligacoes|propostas?) de (retencao|fidelizacao|permanencia)",
        ],
    }
)
ESCALATION = compile_phrases(
    {
        "en": [
            r"(speak|talk|chat) (to|with) (a|an|your|the|someone|somebody)"
            r" ?(real |actual |live |human |senior |more senior )?(human|person|manager"
            r"|supervisor|superior|team lead|someone in charge|somebody in charge|in charge)",
            r"(get|put|transfer|connect) me (to|through to|with) (a|an|your|the)"
            r" (real |actual |live )?(human|person|manager|supervisor)",
            r"(real|actual|live) (human|person)",
            r"escalate (this|my|the)",
            r"(formal|official) complaint",
            r"(file|make|lodge|raise) a complaint",
            r"(ombudsman|chargeback|small claims|my lawyer|legal action|trading standards)",
            r"dispute (the|this) (charge|payment)",
            r"escalated?( this| it| my \w+)? to (a|an|your|the) (manager|supervisor|team lead\w*"
            r"|senior \w+)",
        ],
        "es": [
            r"hablar con (un|una|el|la|algun|alguien|vuestro|su) ?(supervisor\w*|responsable"
            r"|encargad[oa]|humano|persona( real)?|gerente|superior|jef[ea])",
            r"(pasadme|paseme|pasenme) con",
            r"hoja de reclamaciones|reclamacion formal|poner una (reclamacion|queja|denuncia)",
            r"(abogado|denunciar\w*)",
            r"(persona|humano) (de verdad|real)|no quiero hablar con (un |una )?(robot|bot"
            r"|maquina)",
        ],
        "fr": [
            r"parler (a|avec) (un|une|le|la|votre|quelqu'un|un vrai|une vraie)"
            r" ?(vrai |vraie )?(responsable|superieur|superviseur|humain|personne|manager"
            r"|chef)",
            r"(reclamation officielle|deposer (une )?(plainte|reclamation)|mediateur|avocat)",
            r"(un|une) (vrai|vraie) (personne|humain|conseiller|conseillere)|(un|une) (conseiller"
            r"|conseillere|personne), (un|une) (vrai|vraie)",
        ],
        "de": [
            r"(mit )?(einem|einer|ihrem|ihrer|dem|der|einem echten) ?(echten )?(vorgesetzten"
            r"|verantwortlichen|menschen|teamleiter\w*|manager|supervisor|chef\w*) (sprechen"
            r"|reden|verbinden)",
            r"verbinden sie mich",
            r"mit (einem |einer |ihrer |ihrem |der |dem )?(echten |richtigen )?(menschen|person"
            r"|mitarbeiter\w*|teamleitung|vorgesetzten|chef\w*|manager\w*|supervisor) (\w+ )?"
            r"(sprechen|reden|schreiben|chatten|besprechen|verbinden)",
            r"(beschwerde einreichen|offizielle beschwerde|formelle beschwerde|anwalt"
            r"|verbraucherzentrale|schlichtungsstelle)",
        ],
        "pt": [
            r"falar com (um|uma|o|a|seu|sua|algum|alguem) ?(supervisor\w*|gerente|responsavel"
            r"|humano|pessoa( de verdade| real)?|atendente humano|superior|chefe)",
            r"(procon|reclame aqui|advogado|abrir (uma )?reclamacao|reclamacao formal)",
            r"(me )?(passa|passe|transfere|transfira|encaminha) (pra|para) (uma pessoa|um humano"
            r"|alguem|um atendente|o supervisor|a supervisora|o gerente|a gerente)"
            r"|pessoa de verdade|nao quero falar com (um |uma |o |a )?(robo|bot|maquina)",
        ],
    }
)
REFUND_DEMAND = compile_phrases(
    {
        "en": [
            r"(want|demand|expect|insist on|deserve) (a|my|the|an immediate|a full) ?(full )?"
            r"refund",
            r"refund me",
            r"(my|our|the) money back",
        ],
        "es": [
            r"(quiero|exijo|reclamo) (el |un |mi )?(reembolso|dinero de vuelta"
            r"|devolucion del dinero)",
            r"(quiero|exijo) que me devuelvan",
            r"(devuelvanme|devolvedme|me devuelvan) (el|mi) dinero",
        ],
        "fr": [
            r"(je veux|j'exige|je demande|j'attends) (a etre |d'etre |etre |un |le |mon )?"
            r"rembours\w*",
            r"remboursez-moi|rendez-moi mon argent",
        ],
        "de": [
            r"(will|mochte|verlange|fordere|erwarte) (\w+ )?(mein geld|eine (volle )?"
            r"(ruck)?erstattung)",
            r"geld zuruck",
        ],
        "pt": [
            r"(quero|exijo) (o |meu |o meu )?(dinheiro de volta|reembolso|estorno)",
            r"devolvam (o |meu |o meu )?dinheiro",
        ],
    }
)

# --- irony -------------------------------------------------------------------------------
INTERJECTION = (
    r"(oh |just |well |yeah |wow |so |how |really |na |que |quel |quelle |c'est )?"
    r"(que bien|great|wonderful|fantastic|brilliant|perfect|lovely|awesome|excellent|amazing|superb"
    r"|marvell?ous|terrific|fabulous|splendid|nice|super|cool|fab|sweet|great job|well done"
    r"|genial|perfecto|estupendo|maravilloso|fantastico|fenomenal|de lujo|buenisimo"
    r"|magnifique|formidable|merveilleux|parfait|bravo|top|chapeau|excellent|genial|chouette"
    r"|toll|klasse|prima|wunderbar|grossartig|spitze|herrlich|fantastisch|perfekt|bravo"
    r"|otimo|maravilha|perfeito|beleza|show|legal|excelente|fantastico|parabens)"
)
# "Great, another question" is friendly: an interjection before a new topic is no irony.
_NOT_TOPIC = (
    r"(?! (quick |small |last )?(question|thing|one|request|pregunta|consulta|duda|cosa"
    r"|frage|sache|pergunta|duvida|coisa|chose))"
)
# "again" right after the interjection, unless it is a "thanks again".
_AGAIN = r"again(?![,\s]*(thank|thx|cheers))"
IRONY = compile_phrases(
    {
        "en": [
            INTERJECTION
            + r"[,.!]+ ?(just |and |now )?(yet |once )?(another"
            + _NOT_TOPIC
            + r"|"
            + _AGAIN
            + r"|more of the same)",
            r"thanks? (you )?(a lot |so much )?for nothing",
            r"(just )?(love|loving|adore) (how|that|it when|the way) [^.!?]{0,60}(never|nobody"
            r"|no one|nothing|still (not|no|n't|hasn|haven|isn|doesn|won)|again|another"
            r"|keeps? (crash|fail|freez|logg|ask|break|dropp|los|charg|send|cutt)\w*"
            r"|problem|issue|error|broken|fail\w*|without|before (anyone|anybody|you)|even"
            r"|(have|had) to (explain|repeat|call|chase|wait|start|send))",
            r"(so |really |just )?(great|nice|lovely|wonderful|fantastic|brilliant) (that|how)"
            r" [^.!?]{0,60}((have|had) to (explain|repeat|call|chase|wait|start|send)|never"
            r"|nobody|no one|again|still (not|no|n't))",
            r"yeah,? right",
            # Loving what no one enjoys: waiting, paying for nothing, chasing.
            r"(love|adore|enjoy) (\w+ )?(waiting|queu(e|ing)|being (kept|put) on hold|paying (for"
            r"|twice|again|extra)|having to (wait|pay|call|chase|repeat|queue))",
            r"(so|very|really) (helpful|useful)[.!,]* ?not",
        ],
        "es": [
            INTERJECTION
            + r"[,.!]+ ?(y |ahora )?(otra vez|otro"
            + _NOT_TOPIC
            + r"|otra"
            + _NOT_TOPIC
            + r"|de nuevo|una vez mas)",
            r"gracias (\w+ )?por nada",
            r"(me encanta|me fascina|adoro) (como|que|cuando) [^.!?]{0,60}(nunca|nadie|nada"
            r"|sigue sin|otra vez|de nuevo)",
            r"(me encanta|me fascina|adoro) (tener que )?(esperar|hacer cola|pagar (dos veces|de"
            r" mas|por nada|otra vez)|llamar|reclamar|repetir)",
        ],
        "fr": [
            INTERJECTION
            + r"[,.!]+ ?(et )?(encore|un autre"
            + _NOT_TOPIC
            + r"|une autre"
            + _NOT_TOPIC
            + r"|de nouveau|rebelote)",
            r"merci (\w+ )?pour rien",
            r"merci du cadeau",
            r"j'adore (comment|quand|le fait que|qu'on) [^.!?]{0,60}(jamais|personne|rien"
            r"|toujours pas|encore (un|une))",
            r"j'adore (devoir )?(attendre|faire la queue|payer (deux fois|pour rien|encore)"
            r"|rappeler|relancer|repeter)",
        ],
        "de": [
            INTERJECTION
            + r"[,.!]+ ?(und )?(schon wieder|wieder|noch ein\w*"
            + _NOT_TOPIC
            + r"|mal wieder|erneut)",
            r"na (toll|super|prima|klasse|grossartig|wunderbar)",
            r"danke (\w+ )?fur nichts",
            r"vielen dank auch",
            r"ich liebe es,? (wie|wenn|dass) [^.!?]{0,60}(nie|niemand|nichts|immer noch nicht"
            r"|schon wieder)",
            r"ich liebe es,? (\w+ ){0,5}(zu warten|warten zu (mussen|durfen)|anzustehen"
            r"|doppelt zu (zahlen|bezahlen)|hinterherzutelefonieren)",
        ],
        "pt": [
            INTERJECTION
            + r"[,.!]+ ?(e )?(de novo|outra vez|mais um"
            + _NOT_TOPIC
            + r"|mais uma"
            + _NOT_TOPIC
            + r"|novamente)",
            r"obrigad[oa] (\w+ )?por nada",
            r"(adoro|amo) (como|quando|que) [^.!?]{0,60}(nunca|ninguem|nada|ainda nao|de novo"
            r"|outra vez)",
            r"(adoro|amo) (ter que |ter de )?(esperar|ficar na fila|pagar (duas vezes|a mais|por"
            r" nada|de novo)|ligar|reclamar|repetir)",
        ],
    }
)

SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
WORD = re.compile(r"[^\W\d_]+")


# A condition or an enquiry around leaving ("if I cancel", "si je résilie", "se eu cancelar").
_CONDITION = re.compile(
    r"\b(?:if|whether|wenn|falls|ob|caso|si(?!,)|se(?= (?:eu|voce|o|a|for|nao)))\b[^.!?]*$"
)
_EN_DEFECT = (
    r"(cracked|broken|damaged|faulty|defective|missing|wrong|torn|scratched|dented|leaking|dead"
    r"|stuck|frozen|blank|empty|incorrect|expired|declined|rejected|invalid)"
)
_ES_DEFECT = (
    r"(rot[oa]s?|danad[oa]s?|defectuos[oa]s?|rayad[oa]s?|vaci[oa]s?|equivocad[oa]s?"
    r"|incorrect[oa]s?|caducad[oa]s?|rechazad[oa]s?)"
)
_FR_DEFECT = (
    r"(cassee?s?|endommagee?s?|defectueux|defectueuses?|abimee?s?|vides?|erronee?s?|expiree?s?"
    r"|refusee?s?)"
)
_DE_DEFECT = r"(kaputt|beschadigt|defekt|zerbrochen|leer|falsch|abgelaufen|abgelehnt)"
_PT_DEFECT = (
    r"(quebrad[oa]s?|danificad[oa]s?|defeituos[oa]s?|vazi[oa]s?|errad[oa]s?|vencid[oa]s?"
    r"|recusad[oa]s?)"
)
# "un duplicado", "uma duplicada": a copy asked for (es, pt), not a double charge. Checked
# behind the word, so that the phrase still opens on a literal.
_NOT_A_COPY = (
    r"(?<!\bun duplicado)(?<!\buna duplicada)(?<!\bum duplicado)(?<!\buma duplicada)"
    r"(?<!\bel duplicado)(?<!\bla duplicada)(?<!\bo duplicado)(?<!\ba duplicada)"
)
# Something that never came, came broken, or was charged wrongly, said in any language:
# with it, a message's thanks are a closing formula ("the parcel never arrived. Thanks!").
FAILURE = compile_phrases(
    {
        "en": [
            r"(never|not|n't|still not|not yet) (\w+ )?(arrived|came|received|delivered|shown"
            r"|showed up|turned up|called back|got back)",
            r"(is|are|was|were|'s|came|arrived|looks|still) (\w+ )?" + _EN_DEFECT,
            r"(charged|billed|debited) (me )?(for|twice|again|after|even though|although)",
            # Nobody did what was due: "nobody rang", "no one has replied".
            r"(?<!without )(nobody|no one|no-one)\b(?! else)(?! (\w+ )?(rushed|pushed|pressured"
            r"|judged|made me feel|treated me like))",
        ],
        "es": [
            r"(nunca|no|todavia no|aun no) (me |nos |se )?(ha |han |he )?(llegado|llego|recibido"
            r"|recibi|aparece|aparecido|aparecio|vino|vinieron|presento|devuelto)",
            r"(sigo|seguimos) sin",
            # "un duplicado" is a copy asked for, not a double charge.
            r"duplicad[oa]" + _NOT_A_COPY,
            r"(esta|estan|llego|llegaron|vino|vinieron|viene) (\w+ )?" + _ES_DEFECT,
            r"(me|nos) (han )?(cobrado|cobraron|cobran)",
            r"(?<!sin )nadie (?!(me |nos |le )?(ha |han )?(presion|meti|juzg|hizo sentir"
            r"|trato como))\w+",
        ],
        "fr": [
            r"(n'est|ne suis|n'ai|ne sont|n'a) (toujours |jamais |pas |rien )+(arrive|recu"
            r"|livre|rembourse|venu|passe)\w*",
            r"jamais (arrive|recu|livre|venu)\w*",
            r"en double|a tort",
            r"(est|sont|arrivee?s?) (\w+ )?" + _FR_DEFECT,
            r"personne (ne|n')(?! m'a (presse|brusque|juge|mis la pression))",
        ],
        "de": [
            r"(nie|nicht|noch nicht|immer noch nicht|nichts) (\w+ )?(angekommen|erhalten"
            r"|geliefert|bekommen|erstattet|gekommen|erschienen)",
            r"doppelt",
            r"(ist|sind|kam|kamen) (\w+ ){0,2}" + _DE_DEFECT,
            r"(abgebucht|berechnet) (\w+ ){0,3}obwohl",
            r"(?<!ohne dass )(niemand|keiner)\b(?! hat mich (gedrangt|gehetzt|verurteilt))",
        ],
        "pt": [
            r"(nunca|nao|ainda nao) (me )?(chegou|chegaram|recebi|recebemos|apareceu|foi"
            r" entregue|veio|vieram)",
            r"em dobro|duplicad[oa]" + _NOT_A_COPY,
            r"(esta|estao|veio|vieram|chegou|chegaram) (\w+ )?" + _PT_DEFECT,
            r"(cobrad[oa]|cobraram|cobrou) (\w+ )?(duas vezes|a mais|indevidamente)",
            r"(?<!sem )ninguem (?!(me |nos |lhe )?(pression|apress|julg|fez sentir"
            r"|tratou como))\w+",
        ],
    }
)


def anchors(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Every phrase of a family holds one of its anchor words, so a message holding none of them
# is passed over without running the family's pattern: one set lookup instead of a scan of
# a long alternation at every position of the text (`alignbot analyze` reads thousands of
# messages a second).
_IRONY_ANCHORS = anchors(
    "another again more nothing love loving adore right helpful useful otra otro nuevo vez"
    " great nice lovely wonderful fantastic brilliant"
    " nada encanta fascina adoro encore autre nouveau rebelote rien cadeau wieder noch erneut"
    " na nichts auch liebe novo outra mais novamente amo enjoy"
)
_CHURN_ANCHORS = anchors(
    "cancel cancelling canceling close closing terminate terminating end ending delete"
    " deleting another different competitor competition provider providers bank banks"
    " carrier carriers supplier suppliers companies elsewhere lost done finished"
    " cancelar anular cerrar dar rescindir cancelo anulo cierro baja competencia otra otro"
    " compania operador banco proveedor aseguradora perdido"
    " resilier annuler fermer cloturer supprimer resilie resilierai resilions resiliez"
    " resiliation ferme ailleurs concurrence concurrent autre operateur assureur fournisseur"
    " change changer changerai changeons changerons compagnie mutuelle"
    " banque prestataire perdu perdre"
    " kundige kundigen kundigung gekundigt kundigt konkurrenz anderen woanders wechseln"
    " verloren schliessen loschen beenden auflosen"
    " cancelar encerrar fechar cancelo encerro mudar trocar mudo troco migrar concorrencia"
    " perderam perdeu"
    " stay remain continue renew renewing queremos quiero deseamos deseo renovaremos renovare"
    " migrate migrating cancellation closure cancelen cancelad anulen anulad cierren cerrad"
    " solicitar pedir tramitar solicito pido tramiten tramitad queria quisiera llevo llevamos"
    " cambiar ir portar migrer basculer passer resiliation fermeture cloture migrieren umziehen"
    " levar cancelamento encerramento"
    " port porting retention portabilidad retencion permanencia fidelizacion portabilite"
    " fidelisation rufnummer nummer ruckgewinnungsangebot ruckgewinnungsangebote halteangebot"
    " halteangebote bleibeangebot bleibeangebote portabilidade retencao fidelizacao"
    " renovar rester renouvellerons renouvellerai bleiben verlangern continuar ficar"
)
_ESCALATION_ANCHORS = anchors(
    "human person manager supervisor superior lead charge escalate complaint ombudsman"
    " chargeback claims lawyer legal standards dispute"
    " hablar pasadme paseme pasenme reclamaciones reclamacion poner abogado denunciar"
    " denunciare denunciaremos denuncia"
    " parler reclamation deposer mediateur avocat"
    " sprechen reden verbinden beschwerde anwalt verbraucherzentrale schlichtungsstelle"
    " falar procon reclame advogado reclamacao"
    " escalated escalate persona humano robot bot maquina vrai vraie personne conseiller"
    " conseillere menschen person mitarbeiter teamleitung vorgesetzten schreiben chatten"
    " besprechen passa passe transfere transfira encaminha pessoa robo"
)
_REFUND_ANCHORS = anchors(
    "refund money reembolso dinero devolucion devuelvan devuelvanme devolvedme rembourse"
    " remboursee rembourses rembourser remboursement remboursez rendez geld erstattung"
    " ruckerstattung dinheiro estorno devolvam"
)
_CONTACT_ANCHORS = anchors(
    "e mail mails email emails call calls phone message messages chat chats complaint"
    " complaints reminder reminders follow ups attempt attempts time ticket tickets request"
    " requests cases twice times over repeatedly agents people advisors representatives"
    " reps persons transferred passed bounced"
    " correos llamadas mensajes reclamaciones quejas veces vez llamada reclamacion queja correo"
    " mensaje courriels appels relances reclamations fois appel courriel relance reclamation"
    " anrufe anrufen nachrichten mahnungen beschwerden male mal versuche versuchen mahnung"
    " beschwerde anfrage anruf nachricht zweimal dreimal viermal funfmal zehnmal xmal zigmal"
    " etlichemal ligacoes chamadas mensagens reclamacoes protocolos vezes ligacao reclamacao"
    " mensagem chamado protocolo"
)
_TIME_ANCHORS = anchors(
    "minute minutes mins min hour hours hrs hr day days week weeks month months since still"
    " minutos hora horas dia dias semana semanas mes meses desde sigo seguimos continuo"
    " continuamos heure heures jour jours semaine semaines mois depuis attends attendons"
    " minuten stunde stunden tag tagen woche wochen monat monaten seit warte warten ainda"
    " tagen been van son llevo llevamos est fait sind sao foram vao faz"
)
_FAILURE_ANCHORS = anchors(
    "nobody one nadie personne niemand keiner ninguem "
    "arrived came received delivered shown llegado llego recibido recibi aparece aparecido"
    " sin duplicado duplicada arrive arrivee arrives arrivees recu recue recus recues livre"
    " livree livres livrees rembourse remboursee rembourses jamais double angekommen erhalten"
    " geliefert bekommen erstattet doppelt chegou chegaram recebi recebemos apareceu entregue"
    " dobro showed turned called got cracked broken damaged faulty defective missing wrong torn"
    " scratched dented leaking dead stuck frozen blank empty incorrect expired declined rejected"
    " invalid charged billed debited vino vinieron aparecio presento devuelto roto rota rotos"
    " rotas danado danada danados danadas defectuoso defectuosa defectuosos defectuosas rayado"
    " rayada vacio vacia equivocado equivocada incorrecto incorrecta caducado caducada"
    " rechazado rechazada cobrado cobraron cobran venu venue venus passe casse cassee casses"
    " cassees endommage endommagee endommages endommagees defectueux defectueuse defectueuses"
    " abime abimee abimes abimees vide vides errone erronee errones erronees expire expiree"
    " refuse refusee refuses refusees tort gekommen erschienen kaputt beschadigt defekt"
    " zerbrochen leer falsch abgelaufen abgelehnt abgebucht berechnet veio vieram quebrado"
    " quebrada quebrados quebradas danificado danificada defeituoso defeituosa vazio vazia"
    " errado errada vencido vencida recusado recusada cobrada cobrou"
)


@dataclass(frozen=True)
class Reading:
    """A message folded (`text.fold`) and the set of its words, read once for every rule."""

    folded: str
    words: frozenset[str]


@lru_cache(maxsize=16_384)
def read(folded: str) -> Reading:
    # A customer message is read by its stance and again by the praise and relief checks
    # after it: the reading (immutable) is kept for them.
    return Reading(folded, frozenset(WORD.findall(folded)))


@dataclass(frozen=True)
class Stance:
    """What a message does beyond its words' polarity: the rule and the words it fired on.

    `after` is what the message says after an ironic frame ("another outage"), which must not
    itself be praise ("great, another happy month with you"); empty for the other rules.
    """

    rule: str
    evidence: str
    after: str = ""


def _asked(folded: str, start: int) -> bool:
    """Is the phrase at `start` inside a question or a condition ("how do I cancel?")?"""
    end = folded.find("?", start)
    stop = min((i for i in (folded.find(c, start) for c in ".!\n") if i >= 0), default=-1)
    if end >= 0 and (stop < 0 or end < stop):
        return True
    sentence_start = max(folded.rfind(c, 0, start) for c in ".!?\n") + 1
    return _CONDITION.search(folded, sentence_start, start) is not None


def _stated(
    pattern: re.Pattern[str],
    anchors: frozenset[str],
    reading: Reading,
    in_questions: bool = False,
) -> str | None:
    if anchors.isdisjoint(reading.words):
        return None
    for match in pattern.finditer(reading.folded):
        if in_questions or not _asked(reading.folded, match.start()):
            return match.group()
    return None


# The last field: whether the phrase counts inside a question. "Can I speak to a manager?"
# escalates; "how do I cancel my plan?" or "can I get a refund?" only asks.
_COMPLAINTS = (
    ("leaving: closing the account or moving to a competitor", CHURN, _CHURN_ANCHORS, False),
    (
        "escalation: asks for a human or a manager, or a formal complaint",
        ESCALATION,
        _ESCALATION_ANCHORS,
        True,
    ),
    ("demands the money back", REFUND_DEMAND, _REFUND_ANCHORS, False),
    ("effort: contacts counted", CONTACT_EFFORT, _CONTACT_ANCHORS, False),
)


def complaint_stance(reading: Reading) -> Stance | None:
    """Irony, churn, escalation, a refund demanded or contacts counted: a complaint, whatever
    the words' polarity."""
    irony = None if _IRONY_ANCHORS.isdisjoint(reading.words) else IRONY.search(reading.folded)
    if irony:
        after = SENTENCE.match(reading.folded, irony.end())
        return Stance(
            "irony: positive words around a complaint",
            irony.group(),
            after.group() if after else "",
        )
    for rule, pattern, anchors, in_questions in _COMPLAINTS:
        found = _stated(pattern, anchors, reading, in_questions)
        if found:
            return Stance(rule, found)
    return None


def time_effort(reading: Reading) -> Stance | None:
    """Time spent waiting or without service ("three weeks now", "seit Montag ohne Netz")."""
    found = _stated(TIME_EFFORT, _TIME_ANCHORS, reading)
    return Stance("effort: time spent waiting", found) if found else None


def fails(reading: Reading) -> bool:
    """Does the message say something never came, or came twice ("nunca llegó", "doppelt")?"""
    if _FAILURE_ANCHORS.isdisjoint(reading.words):
        return False
    return FAILURE.search(reading.folded) is not None
