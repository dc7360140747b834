"""Resolution replies: read a customer message as an answer to "is it fixed now?".

A `confirm` will let the resolution flow solve the ticket, so it needs precision first:
evidence that the asked-about problem is gone (a works/fixed/arrived statement in scope, a
bare "yes", or a short acknowledgement with thanks and nothing else said) and no doubt
anywhere in the message (`bot.signals.doubt`); anything doubtful is `none`, which leaves the
ticket with the agent. `deny` wins over both: "thanks, but it still crashes" and "yes... no
wait, same error" are denials.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.signals.cues import Cues, note
from bot.signals.doubt import (
    CONTRAST,
    NOT_YET_TRIED,
    applauded,
    clause_around,
    doubt,
    flatly_negated,
    flatly_negated_at,
    grudge_about_time,
    restores,
    retried,
    self_concession,
    thanked,
    undone,
)
from bot.signals.frustration import charged, mostly_capitals
from bot.signals.patterns import compile_phrases
from bot.signals.problem import reports_problem
from bot.signals.stance import read
from bot.signals.text import fold
from bot.signals.tone import sarcastic

# "you can close" is a confirmation; "please close my account" is a customer leaving.
_NOT_ACCOUNT = (
    r"(?! (\w+ ){0,2}(account|cuenta|compte|conta|konto|subscription|suscripcion|abonnement"
    r"|assinatura|abo|contract|contrato|contrat|vertrag)s?)"
)
# A partial fix given as the answer itself: "Partly.", "En partie seulement :", "Teilweise."
_PARTIAL = (
    r"(partly|partially|en parte|a medias|parcialmente|en partie|partiellement|teilweise"
    r"|zum teil|em parte|more or less|mas o menos|plus ou moins|mehr oder weniger|mais ou menos)"
    r"( only| solamente| solo| seulement| nur| apenas)?(?= ?[.,:;!]|$)"
    r"|(partly|partially|half|en parte|parcialmente|en partie|partiellement|a moitie|teilweise"
    r"|zum teil|halb|em parte) (fixed|solved|resolved|working|works|resuelt[oa]|solucionad[oa]"
    r"|arreglad[oa]|resolu|regle|repare|gelost|behoben|resolvid[oa]|funcionando)"
)
DENY = compile_phrases(
    {
        # Part of the same thing still missing: "the rest is missing", "falta el resto", "il
        # manque toujours la moitié", "die Hälfte fehlt noch", "falta o resto".
        "part": [
            r"(rest|other half|remainder|balance) (is |are )?(still )?missing"
            r"|still missing (the rest|half|the other half|the remainder)",
            r"falta(n)? (todavia |aun )?(el resto|la mitad|la otra mitad|una parte)",
            r"manque (toujours |encore )?(la moitie|le reste|l'autre moitie|une partie)",
            r"(der rest|die (andere )?halfte|ein teil) fehlt|fehlt (noch |immer noch )?(der rest"
            r"|die (andere )?halfte)",
            r"falta(m)? (ainda )?(o resto|a metade|a outra metade|uma parte)",
        ],
        "en": [
            # The trouble named as back, never come, not even starting, or working only on a
            # condition: "the problem is back", "the code never arrives", "doesn't even open",
            # "only works if I turn the wifi off".
            r"(the )?(problem|issue|error|fault)('s| is| has come) back",
            r"never (arrives|comes through|comes|works|loads|shows up)",
            r"(does|do)( not|n't) even (open|load|start|turn on|work|connect)",
            r"only works (if|when|with)",
            # A last word that takes the good news back: "..., but the hotel has no booking.
            # So, not really."
            r"(so,? )?not really(?=\W*$)",
            # "I still need the invoice" is a new request, not the old problem.
            r"still(?! (need|want|would like|have (a|one|some|another) question|works?|working|fine"
            r"|good|ok|okay|perfect|waiting (on|for) (a |an |your |any )?(reply|answer|response"
            r"|update|call|news)|do ?n[o']?t (know|have (a|an|any) (answer|reply|update))"
            r"|intact|in place|valid|active|available|open|booked|on|piping hot))",
            r"(does ?n[o']?t|did ?n[o']?t|is ?n[o']?t|won'?t|not|never) (\w+ )?"
            r"(work|working|worked|fixed|solved|resolved|sorted|changed?|showing|show|load)",
            r"(doesn'?t|didn'?t|does not|did not) help",
            r"same (problem|error|issue)",
            # "I asked the same thing five times" is about the asking, not the fault.
            r"(does|did|doing|happens|happened|happening|get|getting|got|shows?|showing|gives"
            r"|giving|says|saying) (me )?(exactly )?(the )?same thing",
            r"nothing (has )?changed",
            r"still nothing",
            r"no luck",
            # "kept failing" persists; "I kept calling you" is the customer's effort.
            r"(keeps|kept) (?!(calling|asking|chasing|ringing|phoning|emailing|writing|messaging"
            r"|checking|refreshing)\b)(\w+ing)",
            r"(it|that) is not",
            r"it'?s not",
            r"not yet(?! (tried|tested|had (a|the) chance))",
            r"nope",
            r"unfortunately no",
            r"(logged|kicked|locked) me out again",
            r"(fails|failing|crashes|broken|broke|froze|stopped working|went down|is down) again",
            # Worked for a short while, then failed: "it held two days", "lasted an hour".
            r"(worked|lasted|held( up)?) (for )?(only |just )?(a|an|one|two|three|a couple of|\d+)"
            r" (day|days|hour|hours|week|weeks)",
            r"(partly|partially|half) (fixed|working|works|solved)",
            r"nothing (works|is working|loads|happens|has worked)",
            r"(wrong|broken|missing|damaged|faulty|failed|declined|rejected|crashed)\b[^.?!]{0,40}"
            r"[.!]? ?again",
            r"(does ?n[o']?t|did ?n[o']?t|is ?n[o']?t|won'?t|not|can'?t) (\w+ ){1,4}either",
            r"(have|has|had) ?n[o']?t (\w+ )?(seen|received|got|gotten|arrived|come|changed)",
            r"(same|the same) (result|message|screen)",
            r"(did|does) ?n[o']?t make (any|a) difference",
            r"kind of works but",
            r"(takes|took) forever",
        ],
        "es": [
            r"(el )?(problema|error|fallo) (ha vuelto|volvio|vuelve)\b",
            r"ni (siquiera )?(abre|carga|funciona|arranca|enciende|conecta)",
            r"solo funciona (si|cuando|con)",
            # "sigue funcionando bien" holds; "sigue igual" or "sigue sin" does not.
            r"sigue(?! (funcionando|bien|perfecto|perfectamente|sin (problemas|errores|fallos)))",
            r"siguen(?! (funcionando|bien|pasando con normalidad|sin (problemas|errores|fallos)))",
            r"sigo (sin|con|esperando|igual)",
            r"(todavia|aun) nada",
            r"todavia (no(?! (he|hemos) (podido|tenido|probado))|sin)",
            r"aun (no(?! (he|hemos) (podido|tenido|probado))|sin)",
            r"no funciona",
            r"no (me )?(ha|han) (llegado|funcionado|cambiado)",
            r"no se (canjea|carga|abre)",
            r"(mismo|el mismo) (error|problema)",
            r"sigue igual",
            r"pero no en",
            r"no se ha (solucionado|resuelto|arreglado)",
            r"nada ha cambiado",
            r"no (me )?(ha |han )?(llego|llegado|llegaron)",
            r"(no|sigo sin|todavia no|aun no) (he |ha )?(recibido|visto)",
            r"tampoco",
            r"(funciono|duro|aguanto|fue bien) (solo )?(un|una|dos|tres|\d+) (dia|dias|hora|horas"
            r"|semana|semanas)",
            r"(vuelto|volvio|vuelve) a (estropear|romper|fallar|caer|bloquear"
            r"|colgar"
            r"|cortar|dar (error|problemas|fallo))",
            r"(funciona|va|sale) a medias",
            r"nada funciona",
        ],
        "fr": [
            r"toujours (pas|le meme|la meme|refuse\w*|bloque\w*|en panne)",
            r"(le )?(probleme|bug|souci) (est revenu|revient|est de retour)",
            r"(fuite|probleme|bug|erreur|panne|message|souci|bruit|odeur)s? ([\w']+ ){0,4}"
            r"(est|sont) toujours la",
            r"ne (s')?(ouvre|lance|charge|marche|fonctionne|demarre) meme (pas|plus)",
            r"(ne )?(marche|fonctionne) (que|qu') (si|quand|avec|en)",
            r"ne (marche|fonctionne) (toujours )?pas",
            r"(ca|cela) (ne )?(marche|fonctionne) (toujours )?(pas|plus)",
            r"(meme|le meme) (probleme|erreur)",
            r"pas (regle|resolu)",
            r"rien n'a change",
            r"toujours rien",
            r"(toujours|encore) pas (recu|de|d')",
            r"(plante|bug\w*|bloque|crash\w*|coupe|refuse|echoue|affiche|ferme)\w* toujours",
            r"pas (non plus|mieux)",
            r"(est|sont|reste|restent) toujours (« ?)?(allume|present|bloque|affiche|visible"
            r"|en attente|coupe|debite)\w*",
            r"(j'ai|on a|il y a) toujours (le|la|les|l'|un|une|des|ce|cette|cet|ces|mon|ma|mes)",
            r"(a|ont) (tenu|marche|fonctionne|dure) (\w+ )?(un|une|deux|trois|\d+) (jour|jours"
            r"|heure|heures|semaine|semaines)",
            r"re-?(plante|bugue|crashe|coupe|tombe)\w*",
            r"rien ne (marche|fonctionne)",
            # What the screen or the statement still says, still missing, still cut off.
            r"(indique|affiche|marque|montre|dit)(nt)? toujours"
            r"|toujours (deco|deconnecte|hors ligne|en attente)\w*|disparai\w* encore",
        ],
        "de": [
            r"immer noch",
            r"(das )?(problem|fehler) ist (wieder da|zuruck)",
            r"(geht|startet|offnet|ladt|lauft) nicht (ein)?mal",
            r"(geht|funktioniert|klappt|lauft) nur(,)? (wenn|mit|im|am)",
            # "still" and "unchanged", as "immer noch": "verliert nach wie vor die Verbindung",
            # "der Fehler tritt unverändert auf".
            r"nach wie vor(?! (dankbar|zufrieden|gern\w*|bei (ihnen|euch)|kunde))",
            r"unverandert (auf|da|vorhanden|bestehen\w*|gleich|falsch|fehlerhaft)\b"
            r"|(fehler|problem|storung)\w* (\w+ ){0,6}unverandert",
            r"(geht|funktioniert|klappt) (immer noch |noch |leider )?nicht",
            r"(gleiche|selbe|gleicher|selber) (fehler\w*|problem)",
            r"noch nicht(?! (getestet|ausprobiert|probiert|dazu gekommen))",
            r"nicht (gelost|behoben)",
            r"wieder (abgesturzt|kaputt)",
            r"(immer noch|noch immer) (nicht|kein\w*)",
            r"auch nicht",
            r"(trotzdem|weiterhin|nach wie vor) (\w+ ){0,2}(nicht|kein\w*|falsch|fehler\w*)",
            r"(einen|ein|zwei|drei|\d+) (tag|tage|stunde|stunden|woche|wochen) (lang )?(lief|ging"
            r"|funktionierte|hielt)",
            r"(lief|ging|funktionierte|hielt) (es )?(nur )?(einen|zwei|drei|\d+) (tag|tage"
            r"|stunden?)",
            r"wieder (kaputt\w*|abgesturzt|ausgefallen)",
            r"nichts (geht|funktioniert|klappt|lauft)",
            # Still there after the fix: "stehen aber nach wie vor beide drauf", "bricht
            # trotzdem ab".
            r"aber nach wie vor|(stehen|steht|zeigt|zeigen|bleibt|bleiben) (\w+ )?nach wie vor"
            r"|(bricht|sturzt|hangt|friert|stockt)\w* (\w+ )?trotzdem",
        ],
        "pt": [
            r"(o )?(problema|erro) (voltou|esta de volta)",
            r"nem (sequer|mesmo) (abre|liga|funciona|carrega|arranca|conecta)",
            r"so funciona (se|quando|com)",
            r"continua(m)?(?! (funcionando|a funcionar|bem|ok|normal|perfeit\w*|sem (problemas"
            r"|erros|falhas)))",
            r"ainda nada",
            r"continuo (sem|com)",
            r"ainda (nao(?! (consegui|tive|testei|tentei|pude|deu tempo))|com|sem)",
            r"ainda (aparece|aparecem|consta|constam|mostra|mostram)",
            r"nao (esta )?funciona\w*",
            r"(mesmo|o mesmo) (erro|problema)",
            r"nada mudou",
            r"nao (foi )?resolvid\w*",
            r"tambem nao",
            r"(funcionou|durou|aguentou) (so )?(um|uma|dois|duas|tres|\d+) (dia|dias|hora|horas"
            r"|semana|semanas)",
            r"volt\w* a (dar (problema|erro)|falhar|travar|cair)",
            r"nada funciona",
        ],
        # One of several put right: "only one of the charges", "solo una de las cuotas",
        # "seulement un des colis", "nur eine der Buchungen", "só um dos reembolsos".
        "any": [
            _PARTIAL,
            r"(only|just) one of|(solo|solamente) (uno|una) de|(seulement|juste) (un|une) des"
            r"|nur (einer|eine|einen) (der|von)|(so|somente|apenas) (um|uma) (das|dos|de)",
        ],
        "relapse": [
            # The trouble back, or still there, in the forms a reply to "is it fixed?" takes.
            r"(it'?s|it is|is|was) back to \w+ing",
            r"(error|problem|issue|fault|bug|crash\w*|message|outage|drops?|dropping|noise"
            r"|light|warning|screen) (\w+ ){0,2}(came|comes|has come|is|are) back",
            r"(went|goes|gone) (straight |right )?back to",
            r"only (about )?half|none of the \w+ (have|has|are|is|came|come|show)",
            r"if by \w+ you mean|se por .{1,24} (voces )?querem dizer|si par .{1,24} vous"
            r" (entendez|voulez dire)|si por .{1,24} (entendeis|quereis decir|entienden)",
            r"(otra vez|de nuevo) (se )?(cayo|cae|falla|fallo|sale|aparece|da|corta|bloquea)",
            r"vuelve a (poner|salir|aparecer|dar|cobrar|fallar|caer|cortar|bloquear|pedir)\w*",
            r"(habeis|han|ha|has) vuelto a (cobrar|fallar|cortar|bloquear|cargar)",
            r"se suponia que (eso |esto )?ya",
            r"(de nouveau|encore|a nouveau) (l'|le |la |les |un |une )?(ecran|erreur|message|bug"
            r"|coupure|panne|probleme)",
            r"(bloque|plante|coupe|refuse|beugue)\w* encore|encore (bloque|plante|coupe)\w*",
            r"(apparait|apparaissent|affiche|reste|restent) toujours",
            r"(marchait|fonctionnait|allait)\W+ ?jusqu'a|plus de (wifi|reseau|connexion|signal"
            r"|internet|tonalite|courant)",
            r"donc non|toujours en double",
            r"rebelote|retour a la case depart|here we go again|same again|otra vez lo mismo"
            r"|vuelta a empezar|schon wieder (dasselbe|das gleiche)|tudo de novo|de volta ao"
            r" (mesmo|inicio)",
            r"weiterhin|trotzdem (\w+ )?(noch )?(nicht|nichts|kein\w*)|leider nein",
            r"gar nicht mehr|nicht mehr (rein|ins|an|auf|hoch)",
            r"nao (resolveu|deu certo|funcionou|adiantou)",
            r"toujours pareil|re-?crash\w*|seguimos igual|sigo igual|il manque encore"
            r"|manque encore",
            r"(cobrar|cobraram|cobrou|cobrando|travou|caiu|falhou) (\w+ ){0,4}(de novo|novamente"
            r"|outra vez)",
            # The state before the fix, unchanged: "same as before", "igual que antes".
            r"(same|exactly) as before|pareil qu'avant|comme avant|igual que antes|lo mismo que"
            r" antes|(genau|exakt|genauso) wie (vorher|zuvor)|igual a antes|o mesmo de antes"
            r"|igualzinho",
        ],
    }
)
CONFIRM = compile_phrases(
    {
        "more": [
            # Ways to say it works that name the ability back or the state reached.
            r"(i|we|he|she|they) (can|could) (now )?(log ?in(to)?|sign in(to)?|pay|access|connect"
            r"|print"
            r"|see|open|use|send|book|download|get in|top up)( \w+){0,3} (now|again|fine"
            r"|without (any )?(problems?|issues?|errors?))",
            r"(i|we) can (now )?(log ?in|sign in|get in|access)( \w+){0,2} now",
            r"(is|are|'s|'re|has been|have been) (now )?(unblocked|unlocked|reactivated"
            r"|restored|active|enabled|back up|set up correctly|rock solid|stable)",
            r"rock solid|no (problems?|issues?|errors?|drops?)( at all)? since",
            r"sorted (now|out)",
            # "ahora sí" and a present verb, whichever: "ahora sí sincroniza", "ahora sí
            # me deja"; "ahora sí que no" is no confirmation.
            r"ahora si,? (que )?(me |se |lo |la |nos )?(?!no\b)\w+(a|an|e|en)\b",
            r"ya (me )?(deja|puedo|puede|pueden|podemos|aparece|aparecen|se ve|funciona|va|carga"
            r"|ha llegado|llego)"
            r"(?! (mal|igual|el (mismo )?error))",
            r"(activado|activada|recibido|recibida|instalado|instalada) sin (ningun )?problema",
            r"(c'est|c) bon(?! (de|pour|a) )",
            r"(apparait|apparaissent|s'affiche|s'affichent|passe|passent) bien",
            r"(est|sont) (de nouveau |bien )?(revenue?s?|retablie?s?|debloquee?s?|reactivee?s?)",
            # Put back in service, or had again: "a bien été remis en service", "on a de
            # nouveau l'eau chaude", "j'ai à nouveau accès".
            r"(a|ont|est|sont) (bien )?(ete )?(remise?s? en (service|route|marche))"
            r"|(on a|j'ai|nous avons) (de nouveau|a nouveau) (l'\w+|le|la|les|du|de la|acces)",
            r"(tout est|tous les voyants sont) (au vert|ok|en ordre)",
            r"(j'ai|g|on a) (pu|reussi a) (me connecter|payer|acceder|ouvrir|imprimer|recuperer"
            r"|valider|telecharger)|(j'ai|g) (bien )?recupere",
            # "Hab's, danke" (got it) as the whole answer; "hab's geschafft" is an auxiliary.
            r"(hab'?s|hab es)(?=\W*($|[,.!]|danke))",
            # A few words of place or time between, never a negation: "ist heute auf meinem
            # Konto eingegangen"; a credit "ist jetzt drauf".
            r"(ist|sind) ((?!(nicht|nichts|noch|nie|kein\w*)\b)\w+ ){0,6}(angekommen|eingegangen"
            r"|eingetroffen|gutgeschrieben)"
            r"|(ist|sind) (jetzt |nun |endlich |heute )?(wieder )?drauf",
            r"(ist|sind) (heute |jetzt |nun |endlich |gerade )?(angekommen|eingegangen"
            r"|aufgelost|erledigt|gutgeschrieben|freigeschaltet|entsperrt|korrigiert)",
            r"stimm(t|en) (jetzt|nun|wieder)|(ist|sind) raus|alles erledigt",
            r"(kann|konnen) (ich|mich|wir|uns) (\w+ ){0,4}wieder|(klappt|geht|lauft|funktioniert)"
            r" (\w+ ){1,5}wieder",
            r"(agora|ja) foi(?=\W*($|[,.!]))",
            r"ja (esta|estao) (a funcionar|funcionando|liberad[oa]s?|resolvid[oa]s?|certo|ok"
            r"|normal|ativ[oa]s?)",
            # "consegui" and any infinitive: "consegui agendar", "conseguimos sincronizar".
            r"(conseguiu|consegui|conseguimos) (\w+ )?\w+(ar|er|ir)\b",
            r"(aparece|aparecem|veio|vieram|chegou|chegaram|esta|estao) (certo|certinh[oa]s?"
            r"|corret[oa]s?)",
            r"(foi|foram) (aplicad[oa]s?|liberad[oa]s?|estornad[oa]s?|creditad[oa]s?|ajustad[oa]s?"
            r"|regularizad[oa]s?"
            r"|desbloquead[oa]s?|encerrad[oa]s?|transferid[oa]s?)",
            r"(that|it|this) did it|sorted(?=\W*($|[,.!]))|(has|have|'s|'ve) been back",
            r"(passt|lauft|laufen|klappt) jetzt|(ist|sind) wieder (auf|da|drauf|online"
            r"|verfugbar)|(laufen|lauft|funktionier\w*) (\w+ ){0,3}wieder (stabil|normal)"
            r"|wieder (ganz )?normal|problemlos",
            r"(affiche|affichent) enfin|a bien ete (cloture|effectue|recu|credite|verse"
            r"|rembourse|debloque|active)e?s?",
            r"ya esta todo (bien|correcto|solucionado)|aparece (desbloquead|activad|correct)[oa]",
            r"voltou(?=\W*($|[,.!]))|passaram normalmente",
            r"(c'est|tout est|tout marche|ca marche) nickel|(est|a ete) (enfin |bien )?(valide"
            r"|accepte|approuve)e?s?",
            r"(conseguiu|consegui|conseguimos) (emitir|gerar|fazer|ver|abrir|enviar|sacar)"
            r"|(abre|carrega|entra|funciona|roda) normal",
            r"alles (da|heil|angekommen)|(liegt|liegen) (jetzt |nun |inzwischen )?vor",
            r"ya me (sincroniza|carga|abre|conecta|deja|funciona|llegan?)",
            # The customer in, as the whole answer or its clause: "estoy dentro", "bin drin",
            # "estou dentro!", "je suis bien entrée" ("dentro de la app pero..." is no answer).
            r"(estoy|estamos|estou) dentro(?=\W*($|[.!,]))|(bin|sind|bin ich|sind wir)"
            r" (jetzt |endlich |wieder )?drin(?=\W*($|[.!,]))"
            r"|(je suis|on est|nous sommes) (enfin |bien )(entree?s?|connectee?s?)\b",
            # The money given back, in so many words: "ya me devolvieron", "foi devolvido",
            # "a enfin été débloquée", "ist wieder freigegeben", "ya está en mi cuenta".
            r"ya me (han )?(devolvieron|devuelto|reembolsaron|reembolsado|abonaron|abonado)"
            r"|(dinero|reembolso|importe|abono|devolucion|fianza|deposito) (ya )?(esta|estan"
            r"|aparece) en (mi|la) cuenta",
            r"(foi|foram) (finalmente |ja )?devolvid[oa]s?|(a|ont) (enfin |deja )ete (debloque"
            r"|rembourse|credite|restitue|rendu|verse)e?s?",
            r"(ist|sind) (jetzt |nun |wieder |endlich )+freigegeben",
            # Bare "Résolu." / "Réglé !" as the answer (negated or asked, it is undone).
            r"(resolu|regle|repare)e?s?(?= ?[.!]|$)",
            # Done without trouble, in the first person: "j'ai passé le contrôle ce matin sans
            # problème", "paguei sem problemas", "he podido pagar sin ningún problema".
            r"(j'ai|on a|nous avons) ((?!(pas|jamais|rien)\b)[\w']+ ){1,6}sans (aucun )?(probleme"
            r"|souci)",
            r"(he podido|pude|hemos podido|pudimos) ((?!(no|nunca)\b)\w+ ){1,6}sin (ningun )?"
            r"problemas?",
            r"(passei|paguei|entrei|usei|conseguimos|pude) ((?!(nao|nunca)\b)\w+ ){0,6}sem "
            r"(nenhum )?problemas?",
            r"(j'ai|on a) (pu|reussi a) (lire|appeler|utiliser|retirer|consulter|voir|entrer)",
            r"(ich|wir) (kann|konnen) ((?!(nicht|nie|kein\w*|noch)\b)\w+ ){0,4}(jetzt |nun )?"
            r"endlich (\w+ )?(offnen|sehen|nutzen|einloggen|anmelden|zugreifen|bezahlen"
            r"|herunterladen|abheben|lesen)\b",
            # Done without trouble by the customer's thing or someone for them: "la app abre sin
            # problema", "il a passé les portiques sans souci", "a app abre sem problemas".
            r"(abre|carga|arranca|conecta|imprime|entra|enciende|sincroniza) sin (ningun )?"
            r"problemas?",
            r"(a|ont) ((?!(pas|jamais|rien)\b)[\w']+ ){1,6}sans (aucun )?(probleme|souci)",
            r"(abre|carrega|arranca|liga|conecta|imprime|entra|sincroniza) sem (nenhum )?"
            r"problemas?",
            # The fault itself gone: "the error has disappeared", "el cargo ya ha desaparecido",
            # "plus aucune fuite", "die Fehlermeldung ist weg", "o erro desapareceu".
            r"(error|message|warning|charge|fault|leak|banner|pop-?up)s? (has |have |is |are )?"
            r"(now |finally )?(gone|disappeared)",
            r"(cargo|cobro|recargo|error|mensaje|aviso|fallo|comision)(es|s)?\b[^.!?]{0,40}"
            r"\b(ya )?((ha|han) desaparecido|desaparecio|desaparecieron)",
            # "Plus de ..." is "no more ..." where nothing compares it ("plus de coupures que").
            r"plus aucune? (fuite|erreur|message d'erreur|coupure|bug|bruit)s?",
            r"plus (de |d')(fuite|erreur|message d'erreur|coupure|bug|bruit)s?"
            r"(?=\W*($|[,.!;]| (au|a la|a l'|sous|dans|sur|lors|quand)\b))",
            r"(fehlermeldung|fehler|meldung|warnung|abbuchung|buchung)( ist| sind)? (jetzt |endlich"
            r" |nun )?weg",
            r"(erro|mensagem|aviso|cobranca|taxa|falha)s?\b[^.!?]{0,40}\b(ja )?"
            r"(desapareceu|desapareceram)",
            # The money back where it belongs: "zurück auf meinem Konto", "la somme recréditée",
            # "foi hoje creditado na minha conta".
            r"(ist|sind) (jetzt |endlich |wieder |heute )*(zuruck )?(auf|im|in) (meinem|meiner"
            r"|dem|der) (konto|karte|account|profil|app|dashboard|postfach|portal)",
            r"(recreditee?s?|rembourse(e|es)? sur (mon|ma) (compte|carte))",
            r"(foi|foram) (hoje|ontem|ja|agora) (creditad|devolvid|estornad|reembolsad)\w*",
            # Device verbs after "ya"/"já": "ya imprime", "já dá para entrar", "já imprime".
            r"(ya|por fin) ((?!no\b)\w+ )?(imprime|abre|carga|conecta|arranca|enciende"
            r"|sincroniza|figura|calienta)\b",
            r"(ja|finalmente|agora) ((?!nao\b)\w+ )?(imprime|abre|carrega|liga|conecta|trabalha"
            r"|arranca|sincroniza|aquece)\b|ja da para",
            # Delivered, said with the thing: "the parcel turned up at lunchtime".
            r"(parcel|package|order|delivery|card|key|keys|letter|prescription|refund|cheque"
            r"|documents?) ((?!(never|not|still|yet)\b)\w+ ){0,4}(turned up|showed up|got here"
            r"|was waiting)",
            # Things delivered and here: "la commande est arrivée", "le colis est là".
            r"(colis|commande|paquet|carte|courrier|lettre) est (bien |enfin )?(arrivee?|la)\b",
            # A service had again: "vuelvo a tener internet", "voltei a ter luz", "wir haben
            # wieder Strom", "we have power again" ("on a de nouveau l'eau" is above).
            r"(vuelvo|volvemos|he vuelto|hemos vuelto) a tener (internet|luz|agua|linea|conexion"
            r"|senal|cobertura|acceso|servicio|calefaccion|gas)",
            r"(voltei|voltamos) a ter (internet|luz|agua|linha|rede|sinal|acesso|servico|gas"
            r"|aquecimento)",
            r"(habe|haben) (jetzt |endlich )?wieder (internet|strom|wasser|warmwasser|netz|empfang"
            r"|zugang|zugriff|heizung)",
            r"(we|i) (now )?have (internet|power|electricity|water|hot water|heating|heat|signal"
            r"|access|service|wifi) again",
            # Heating and hot water working again, named by the appliance: "the heating's back
            # on", "la calefacción vuelve a calentar", "le chauffe-eau chauffe de nouveau", "die
            # Heizung ist wieder warm", "o esquentador voltou a dar água quente".
            r"(heating|heater|heaters|boiler|radiators?|hot water)('s| is| are)? (back on|warm"
            r" again|hot again|working again|on again)",
            r"(calefaccion|caldera|calentador|termo|radiadores?) (ya )?(vuelve|volvio|ha vuelto)"
            r" a (calentar|dar agua caliente)",
            r"(chauffage|chauffe-eau|chaudiere|radiateurs?) (re)?chauffe(nt)? (de nouveau|a nouveau"
            r"|enfin|normalement)",
            r"(heizung|heizkorper|therme|boiler|warmwasser) (ist|sind|wird|werden) (jetzt |endlich "
            r")?wieder (warm|heiss)",
            r"(esquentador|aquecimento|caldeira|cilindro|radiadores?) (ja )?(voltou|volta) a"
            r" (aquecer|dar agua quente)",
            # A fault with nothing of it left: "il n'y a plus une goutte", "ya no hay fuga",
            # "já não há erro", "no more leaks".
            r"n'y a plus (de |d'|une |aucune? )?(fuite|goutte|erreur|coupure|bug|bruit)s?",
            r"ya no (hay|sale|aparece) (ninguna? )?(fugas?|gotas?|error(es)?|cortes?|ruidos?"
            r"|avisos?)",
            r"(ja )?nao (ha|aparece) (mais )?(nenhuma? )?(fugas?|gotas?|erros?|cortes?|barulhos?"
            r"|avisos?)",
            r"no more (leaks?|drips?|errors?|drop ?outs?|cuts?|noise)(?! (than|until)\b)",
            r"(esta|ficou) tudo (certinho|correto|certo)",
            # Received, with the thing now right: "recebi o cartão com o assento certo", "he
            # recibido el certificado con las fechas correctas", "received it with the right
            # date", "reçu avec la bonne adresse", "mit dem richtigen Datum erhalten".
            r"(received|recibido|recibir|recibi|recebi|recu|recue)\b[^.!?]{0,60}\b(with|con|com"
            r"|avec) (the |el |la |los |las |o |a |os |as |le |les )?(\w+ )?(correct|right"
            r"|correct[oa]s?|cert[oa]s?|bonn?e?s?|correcte?s?)\b",
        ],
        "en": [
            # An adverb may sit between: "it finally works", "everything now works".
            r"(it|that|this|everything|all) ?(now |finally |actually |really |just |all )?"
            r"(works|worked|is working|'s working)",
            r"(got|managed to get) (it|\w+) (working|to work|sorted|fixed)",
            # What was tried, reported as working: "the fix worked", "your workaround did it".
            r"(fix|solution|workaround|reset|reboot|restart|patch|update|steps) (\w+ )?(worked"
            r"|works|did the trick|did it)",
            r"all done",
            # Several things working, or the customer in: "the keys work", "we're in!".
            r"(keys|cards|codes|passwords|both|lights|they) (now |finally |all |both )?work"
            r"(?! (for|at|on|with|out|in|from|hard)\b)|(we'?re|i'?m) (finally )?in(?=\W*($|[.!,]))",
            r"works (now|perfectly|fine|great|again)",
            r"working (now|again|fine)",
            r"(it'?s|it is|is|all|now|been) (now )?(fixed|sorted|solved|resolved)",
            r"(fixed|sorted|solved|resolved)( now)?(?= ?[.,!]|$)",
            r"problem solved",
            r"(that|it|this) did (the trick|it)(?! again)",
            r"(fine|ok|okay|good) now",
            r"all good",
            r"confirmed",
            # A payment went through; a person who "went through everything with me" did not.
            r"went through(?! (everything|every|each|all|it|the|my|with|them|what|step|a lot"
            r"|hell)\b)",
            r"(landed|arrived|came through|is back)"
            r"(?! (\w+ ){0,2}(late|damaged|broken|cold|open|empty|without))( today| now)?",
            r"(you can|please) close" + _NOT_ACCOUNT,
            r"(shows|showing|marked|listed) as (paid|completed|resolved|active|delivered|received"
            r"|refunded|cancell?ed|approved|settled)",
            # "... but it's done": the whole answer, not "it's done nothing".
            r"(it'?s|it is|that'?s|that is) (all |finally |now )?done(?=\W*($|[.!,]))",
            r"all set",
            r"(correctly|properly|normally|fine|as expected|perfectly|smoothly) (now|again)",
            r"(loads|syncs|opens|runs|prints|fires|connects|sends|shows( up)?|goes through"
            r"|downloads|uploads|updates|appears|displays|works) (\w+ )?(correctly|properly"
            r"|normally|fine|ok|smoothly|now)",
            # "again" only after a verb of working: "the error shows up again" is a relapse.
            r"(loads|syncs|opens|runs|prints|connects|goes through|works) (\w+ )?again",
            r"(that|this|it|which|you)('s| has| have|'ve)? (now |finally |just )?(fixed|solved"
            r"|sorted|resolved) (it|the \w+)",
            r"(is|are|'s|'re) (all )?back(?! (on|in|from|at|up|with|again))",
            r"back to normal",
            r"(charge|error|warning|problem|issue|bug|message|banner|block|hold|fee|lag|delay"
            r"|duplicate)s?"
            r" (is|are|has|have) (now )?(gone|disappeared|cleared|removed)",
            # "the technician who came this morning" is a visit, not a delivery. (The look-behind
            # follows the verb: a branch that opens on a literal is skipped fast where it fails.)
            r"(arrived|received|came|landed|got it|showed up)(?<!who came)(?<!that came)"
            r"(?<!who arrived)(?<!who showed up)[^.?!]{0,30}"
            r"(today|this morning|now"
            r"|yesterday|this afternoon|this evening|last night)",
            r"(refund|money|payment|parcel|package|order|item|card|credit|replacement|code|email"
            r"|invoice|delivery|transfer|voucher)s? (has |have |is |just )?(been )?"
            r"(received|arrived"
            r"|came through|landed|showed up|credited)",
            r"received,? (thanks|thank you|cheers|many thanks)",
            r"(thanks|thank you|cheers) (so much |again )?for (sorting|fixing|resolving|solving"
            r"|getting|chasing|handling) (it|this|that)( out| sorted| fixed)?",
            r"(has|have) been (rock solid|solid|stable|fine|perfect|great|flawless|spot on)"
            r" (ever )?since",
            r"(everything|all|it)('s| is)? (working|fine|good|ok|okay|perfect|running)"
            r"( now| again| perfectly| fine)",
            # A corrective action reported done: "the charge has been reversed".
            r"(has|have) (now )?been (reversed|refunded|credited|corrected|fixed|restored|unblocked"
            r"|unlocked|reactivated)",
            # The customer confirming it in so many words: "I can confirm the fee was refunded".
            r"confirm (that )?([\w',$]+ ){0,12}(has|have|had|was|were|is|are) (now )?(been )?"
            r"(fully |successfully |already |finally )?(reversed|refunded|cancell?ed|corrected"
            r"|fixed"
            r"|updated|changed|modified|removed"
            r"|restored|unblocked|credited|processed|resolved|applied|returned|approved)",
            # Able to do it again: "I can finally log in", "now I can see the invoice" (a verb of
            # access: "now I can send you the photo" is no fix).
            r"(finally|at last) i can(?!'|not)",
            r"i can finally",
            r"(now i can|i can now) (log|sign|access|see|open|pay|use|connect|download|upload"
            r"|print|view|watch|book|enter)",
            r"(no longer|not any ?more) (crash|fail|freez|drop|disconnect|cut|log|kick|show"
            r"|error)\w*",
            r"back (in|on|into) my (account|card)",
            r"(is|are|'s|'re) (now )?(active|online|available|visible|unlocked|unblocked|enabled"
            r"|live) again",
            r"(it'?s|it is|is|are|'re) back up(?! (your|my|the|all|files|data))",
            # The money back ("the money's back", "refund is showing in my account now"); a
            # contraction is written out, the pattern opens on a word.
            r"(money|refund|deposit|funds)('s| is| are| has come) (now |finally |all )?back"
            r"(?! (\w+ ){0,2}(late|to|in|on|out|again)\b)",
            r"(refund|money|payment|deposit|credit|funds)\b[^.?!]{0,25} (is |are )?(now )?"
            r"(showing|shows|visible) (up )?(in|on) my (account|bank|statement)",
            # A service back, named ("the signal's back", "wifi is back"): the contraction is
            # written out, the pattern opens on the noun.
            r"(signal|internet|wifi|wi-fi|connection|service|power|network|broadband|line|tv"
            r"|phone|access|website|site|app)('s| is| are) (now |finally |all )?back"
            r"(?! (\w+ ){0,2}(late|to|again|down|off)\b)",
            r"(is|are|'s|'re) now (correct|right|accurate)|(is|are) (correct|right|accurate) now",
            # "the reading's been corrected": the contraction written out, opening on the noun.
            r"\w+'s been (corrected|fixed|sorted|resolved|refunded|credited|unblocked|restored"
            r"|reactivated|updated|reversed)",
            r"(i|we) can (now |finally )?(get|log|sign) (back )?(in|into|on)\b",
            r"(submits|saves|uploads|downloads|starts|boots|matches) (now|again|properly)"
            r"|now (submits|saves|uploads|downloads|starts|boots|matches)\b",
        ],
        "es": [
            r"ya (me )?(funciona|llego|aparece|lo tengo|va)",
            r"ya esta(?=\W*($|[,.!])| (solucionad|arreglad|resuelt|bien|todo|list|activ|hech"
            r"|correct|disponible|visible))",
            r"funciona (bien|perfecto)",
            r"(esta|quedo|queda) (solucionado|resuelto|arreglado)",
            r"todo (bien|correcto)",
            r"(podeis|pueden|puedes) cerrar" + _NOT_ACCOUNT,
            r"solucionado",
            r"resuelto",
            r"ya (tengo|recibi|me llego|va bien|puedo)",
            r"por fin (me )?(aparece|aparecen|funciona|llego|llegaron|va|carga)",
            r"ya (ha|han|he|hemos) recibido|ya veo (el|la|los|las|mi|mis) \w+",
            r"ya (entro|entramos|accedo|accedemos)\b|ya da (senal|internet|luz|agua|linea)",
            r"todo (esta )?(arreglado|solucionado|resuelto)",
            r"(me|nos) (han|ha) (devuelto|reembolsado|abonado|ingresado|reintegrado)",
            r"(ha|han) sido (anulad|reembolsad|devuelt|corregid|desbloquead|abonad|reactivad"
            r"|restablecid)\w*",
            r"ya (sale|salen|aparece|aparecen) (bien|correct\w*|corregid\w*|actualizad\w*)",
            r"(me )?(llego|ha llegado|he recibido) (ya )?(el|la|mi) (reembolso|devolucion|pedido"
            r"|paquete|dinero|abono|transferencia|billete|factura)",
            r"(funciona|va) (bien |perfecto )?(ya|de nuevo|otra vez)",
            # Arrived, with when: "el reembolso me llegó hoy", "lo recibí esta mañana".
            r"(llego|ha llegado|llegaron|han llegado|recibi|he recibido|entro|ha entrado)"
            r"[^.?!]{0,30}\b(hoy|esta manana|esta tarde|ayer|anoche)\b",
            r"(vuelve|volvio|ha vuelto) a funcionar",
            r"todo perfecto",
            r"(reembolso|dinero|pedido|paquete|abono|devolucion|transferencia|codigo)"
            r" (ya )?(recibid[oa]|llegad[oa]|ingresad[oa])",
            r"recibid[oa],? gracias",
            r"gracias (de nuevo |otra vez )?por (solucionarlo|arreglarlo|resolverlo|solucionar"
            r"|arreglar|resolver|gestionarlo)",
            r"todo (funciona|va|marcha) (bien|perfecto|de maravilla|genial|estupendo|ya)",
            r"(funciona|va) (de maravilla|genial|estupendamente|perfectamente)",
            r"ya (me |nos )?(deja|permite|funcionan|llegaron|aparecen|entra)",
            r"ya estan (activ|disponible|visible|bien|correct|solucionad|arreglad|resuelt"
            r"|habilitad)\w*",
            r"(por fin|ahora) (ya )?(puedo|podemos) (entrar|acceder|ver|pagar|usar|conectar"
            r"|descargar|enviar|imprimir|iniciar|abrir|reservar|llamar|hacer|conectarme)",
            r"por fin (ya )?(puedo|podemos)",
            r"ya no (se )?(corta|cae|bloquea|cuelga|reinicia|desconecta|falla|da error"
            r"|sale el error"
            r"|aparece el error)\w*",
            r"(ha|han) sido (reembolsad|anulad|corregid|devuelt|abonad|desbloquead|restablecid"
            r"|solucionad|arreglad|resuelt)\w*",
            r"confirm\w* (que )?[^.!?]{0,120}?(ya no (se )?(corta|cae|bloquea|cuelga|falla)"
            r"|(?<!no )(ha|han) sido (ya )?(reembolsad|anulad|cancelad|corregid|actualizad"
            r"|modificad"
            r"|devuelt|abonad|desbloquead|restablecid|aplicad|resuelt|solucionad|arreglad)\w*"
            r"|(?<!no )funciona\w*)",
            r"(entrado|llegado|ingresado|vuelto) (a|en) (mi|la) cuenta",
            r"(transferencia|pago|abono) (ya )?(se )?(ha )?(pasado|realizado|procesado)",
            # "la luz ha vuelto" is the service back; "ha vuelto a irse" is the cut again.
            r"(internet|linea|conexion|luz|senal|servicio|agua|cobertura) (ya )?(ha )?(vuelto"
            r"|volvio)(?! a )",
            r"(vuelto|volvio) (el |la )?(internet|linea|conexion|luz|senal|servicio|agua"
            r"|cobertura)",
            r"funcionan? (bien |ya |perfectamente )?(?= ?[.,!]|$)",
            r"(esta|estan) (activ|disponible|visible|desbloquead)\w* (otra vez|de nuevo)",
        ],
        "fr": [
            r"(ca|cela) (marche|fonctionne)",
            r"fonctionne (maintenant|bien|a nouveau)",
            r"c'est (regle|resolu|bon)",
            r"tout est (bon|regle|en ordre)",
            r"probleme resolu",
            r"(apparait|s'affiche|marche|fonctionne|passe) (bien |parfaitement )?(maintenant"
            r"|a nouveau|de nouveau)",
            r"(vous pouvez|pouvez) (fermer|clore|cloturer)" + _NOT_ACCOUNT,
            r"(bien )?(recu|arrive) (aujourd'hui|ce matin|hier)",
            r"rentre dans l'ordre",
            r"(a|ont|avons|ai) (bien |de nouveau |a nouveau |enfin )acces",
            r"(est|sont) (bien |enfin )?corrigee?s?(?! (mais|sauf))",
            r"(j'ai|on a) (pu|reussi a) (me |nous )?reconnecter",
            r"(figure|figurent|apparait|apparaissent) bien sur mon (compte|releve|espace)",
            r"(tout )?(marche|fonctionne|roule|tourne) (\w+ )?(nickel|impec\w*|parfaitement"
            r"|tres bien|a merveille|sans souci)",
            r"(bien )?recu (le|la|mon|ma|les) (remboursement|colis|commande|virement|avoir|code)",
            r"(remboursement|colis|commande|virement|avoir) (bien )?(recu|arrive)",
            r"(remboursement|colis|commande|virement|avoir|carte|courrier|lettre|paquet|billets?"
            r"|attestation)\b[^.!?]{0,40}\b(est|sont) (bien |enfin )?(arrivee?s?|parvenue?s?)",
            r"merci (d'avoir|pour avoir) (regle|resolu|corrige|repare|fait le necessaire)",
            r"re(marche|fonctionne)\w*",
            r"(marche|fonctionne)(nt)?( bien| enfin| correctement| parfaitement| de nouveau"
            r"| a nouveau)?(?= ?[.,!]|$)",
            r"(enfin|de nouveau|a nouveau) (je peux|j'arrive a)",
            r"maintenant j'arrive a",
            r"(je peux|j'arrive a) (enfin|de nouveau|a nouveau)",
            r"j'arrive maintenant a",
            r"ne (se )?(plante|coupe|bloque|bugue|deconnecte|redemarre|crashe)\w* plus",
            r"(a|ont) (bien )?ete (rembourse|credite|corrige|debloque|retabli|repare)\w*",
            r"confirm\w* (que )?[^.!?]{0,120}?(a|ont|est|sont) (bien )?(ete )?(annule|rembourse"
            r"|modifie|corrige|mis a jour|debloque|retabli|credite|applique|resolu|regle|traite"
            r"|reparti|repare)\w*",
            r"(arrive|credite|revenu)e?s? sur (mon|le) compte",
            r"(est|sont) (de nouveau|a nouveau) (actif|active|disponible|visible|debloque)\w*",
            r"(virement|paiement|transfert) (est |a )?(bien )?(passe|ete effectue"
            r"|ete valide)",
            r"(internet|la ligne|la connexion|le reseau|le courant|l'electricite|le service"
            r"|le signal)"
            r" est (enfin |bien )?revenu\w*",
        ],
        "de": [
            r"(jetzt|nun|wieder) (funktioniert|geht|klappt)",
            r"(funktioniert|geht|klappt) (jetzt|wieder|einwandfrei)",
            r"(ist )?gelost",
            r"alles (gut|in ordnung)",
            r"hat geklappt",
            r"(lauft|laufen|klappt|geht|funktioniert) (jetzt |nun )?(wieder|einwandfrei)",
            r"(wird|werden) (jetzt|nun) (\w+ )?angezeigt",
            r"(ist|sind) (jetzt |nun |endlich )?durch(?= ?[.,!]|$)",
            r"(komme?|kommen) (ich|wir) (jetzt |endlich |nun )?wieder (in|auf|rein)",
            r"komme? (jetzt |endlich )?wieder rein|passt jetzt|jetzt passt",
            r"(korrekt|richtig|wieder) angezeigt",
            r"kein\w* (einzige\w* |weitere\w* )?\w*(abbruch|abbruche|unterbrechung|unterbrechungen"
            r"|absturz|absturze|fehler|ausfall|ausfalle|storung|storungen|aussetzer) mehr",
            r"(ist|sind) (jetzt|nun|endlich|inzwischen) ((?!(nicht|noch|nie|kein\w*)\b)\w+ ){0,3}"
            r"(sichtbar|korrekt|richtig)",
            r"wurden? (jetzt |heute |endlich )?(zuruckerstattet|erstattet|gutgeschrieben"
            r"|korrigiert|freigeschaltet|entsperrt)",
            r"(wieder )?gutgeschrieben (wurde|wurden|worden)",
            # By post: "lag heute im Briefkasten", "kam gestern mit der Post".
            r"(lag|lagen|kam|kamen) (heute |gestern |endlich |jetzt )?(in der post|im briefkasten"
            r"|mit der post)",
            # The fault no longer comes: "die Fehlermeldung kommt nicht mehr".
            r"(fehlermeldung|fehler|meldung|warnung|absturz|abbruch)\w* (kommt|kommen|erscheint"
            r"|erscheinen|taucht|tauchen) (jetzt |seitdem )?(nicht mehr|keine?\w* mehr)",
            # Picture, sound, network had again: "hat wieder Bild und Ton", "haben wieder Netz".
            r"(hat|haben) (\w+ ){0,3}wieder (bild|ton|netz|strom|internet|empfang|zugang|zugriff"
            r"|warmwasser|wasser)",
            r"(ticket|anfrage|fall) (\w+ )?(schliessen|geschlossen)",
            r"(ist|sind) (jetzt |nun )?(angekommen|da|erledigt)",
            r"(geld|erstattung|ruckerstattung|gutschrift|paket|bestellung|lieferung|uberweisung)"
            r" (ist |sind )?(jetzt |nun |heute )?(angekommen|eingegangen|erhalten|da"
            r"|gutgeschrieben)",
            r"(lauft|laufen|klappt|klappen|geht|gehen|funktioniert|funktionieren) (\w+ ){0,4}"
            r"(wieder )?(einwandfrei"
            r"|problemlos|tadellos|super|perfekt)",
            r"danke (\w+ )?(furs|fur das) (losen|beheben|erledigen|reparieren|kummern)",
            r"(endlich|wieder) kann ich",
            # Done with it already: "ich konnte es in der Apotheke einlösen".
            r"(ich|wir) (konnte|konnten) ((?!(nicht|nie|kein\w*)\b)\w+ ){0,5}(einlosen|abholen"
            r"|bezahlen|einloggen"
            r"|anmelden|herunterladen|offnen|nutzen|buchen|zugreifen)\b",
            r"kann ich (jetzt |nun |endlich )?wieder",
            r"ich kann (jetzt |nun )?(endlich|wieder)",
            r"(sturzt|bricht|hangt|friert|stockt) (\w+ )?nicht mehr",
            r"kein(e|en)? (einzige[nr]? |weitere[nr]? )?(fehler|fehlermeldung|absturz|abbruch"
            r"|unterbrechung|tropfen|leck)\w* mehr",
            r"(ist|sind|wurde|wurden) (jetzt |nun |inzwischen |bereits )?(erstattet"
            r"|gutgeschrieben|zuruckgebucht|entsperrt"
            r"|behoben|korrigiert)",
            r"bestatig\w*[^.!?]{0,120}?(?<!nicht )(storniert|erstattet|korrigiert|geandert"
            r"|aktualisiert|entsperrt|freigeschaltet|gutgeschrieben|behoben|zuruckgebucht|gelost"
            r"|angekommen|eingegangen)",
            r"wieder (auf|in) (meinem|dem|unserem) konto",
            # Arrived, with when, never negated: "kam heute an", "ist heute gekommen".
            r"(kam|kamen)\b[^.?!]{0,30}\b(heute|gestern|jetzt|eben|gerade)\b|(heute|gestern|jetzt"
            r"|eben|gerade) ((?!(nicht|noch|nie|kein\w*)\b)\w+ ){0,3}(gekommen|angekommen"
            r"|erhalten|bekommen|eingegangen)",
            r"(ist|sind) (jetzt |nun )?wieder (aktiv|verfugbar|sichtbar|online|entsperrt"
            r"|freigeschaltet)",
            r"(durchgegangen|durchgelaufen)",
            r"(funktioniert|klappt|lauft)(?= ?[.,!]|$)",
            # The verb before its subject: "geht die Karte jetzt", "klappt der Login nun".
            r"(lauft|klappt|geht|funktioniert) (\w+ ){1,3}(jetzt|nun)(?! (nicht|kein\w*|gar))",
            r"(internet|leitung|verbindung|strom|netz|empfang|wlan) (ist|sind) (jetzt |endlich "
            r"|nun )?"
            r"wieder da",
        ],
        "pt": [
            r"ja (esta )?funcionando",
            r"funcionou",
            r"(agora|ja) funciona",
            r"funciona (\w+ )?(agora|perfeitamente|bem|normalmente)",
            r"(esta )?resolvido",
            r"deu certo",
            r"deu bom",
            r"voltou (o |a )?(sinal|internet|luz|energia|linha|rede|conexao|agua|servico)",
            r"tudo certo",
            r"ja (caiu|chegou|apareceu)",
            r"funcionando",
            r"voltou a funcionar",
            r"volt(ou|aram) a (aparecer|carregar|entrar|ligar)",
            r"(ja|finalmente) (consegui )?entr(ei|amos)\b",
            r"(ok|pronto|beleza),? ja deu(?=\W*$)",
            r"ja (aparece|mostra|chegou|caiu|esta certo|esta ok|recebi)",
            r"(foi|foram) (finalmente |ja |hoje )?(aprovad|liberad|confirmad)\w*",
            r"(veio|vieram) (\w+ )?(corrigid|cert|corret)[oa]s?\b",
            r"(erro|aviso|problema|mensagem)( \w+){0,3} sumiu|voltei a conseguir",
            r"ja (vem|veio|esta|saiu|sai) ((?!(nao|sem)\b)\w+ ){0,4}(corret|cert)[oa]s?\b",
            r"(pagamento|compra|transferencia|pix|transacao)( (?!(nao|nunca|ainda)\b)\w+){0,3}"
            r" (ja |finalmente )?passou"
            r"(?! (a|de|do|da|por)\b)",
            r"(podem|pode) (encerrar|fechar)" + _NOT_ACCOUNT,
            r"(reembolso|estorno|dinheiro|encomenda|pedido|pacote|transferencia)"
            r" (ja )?(recebid[oa]|chegou|caiu|entrou)",
            r"recebid[oa],? obrigad[oa]",
            r"obrigad[oa] (\w+ )?por (resolver|resolverem|tratar|tratarem|corrigir|corrigirem)",
            r"(esta |ficou )?tudo (a funcionar|funcionando|ok|em ordem|normal)",
            r"(ja|agora|finalmente) consigo",
            r"finalmente (posso|pude)",
            r"consigo (\w+ ){0,3}(de novo|novamente|agora)",
            r"(nao|ja nao) (\w+ )?(trava|cai|falha|desliga|reinicia|desconecta)\w* mais",
            r"(foi|foram) (ja |finalmente |devidamente )?(estornad|reembolsad|corrigid|desbloquead"
            r"|restabelecid"
            r"|creditad)\w*",
            r"confirm\w* (que )?[^.!?]{0,120}?((?<!nao )(foi|foram) (ja )?(estornad|reembolsad"
            r"|cancelad|corrigid|atualizad|alterad|desbloquead|restabelecid|creditad|resolvid"
            r"|aplicad)\w*|(?<!nao )volt\w+ a (ser|funcionar|aparecer|carregar)"
            r"|(?<!nao )funciona\w*)",
            r"(caiu|entrou|voltou|voltaram|cairam|entraram) (na|para a|pra) (minha )?conta",
            # Arrived, with when, or on the account: "caiu hoje", "recebi o estorno ontem", "já
            # está na conta".
            r"(chegou|chegaram|caiu|cairam|entrou|recebi)[^.?!]{0,30}\b(hoje|ontem|agora"
            r"|hoje de manha)\b|(ja )?(esta|estao) na (minha )?conta",
            r"(internet|linha|sinal|luz|energia|conexao|ligacao|net|wifi|servico|acesso|rede|agua)"
            r" (ja )?voltou"
            r"(?! a )",
            r"funciona(m)?(?= ?[.,!]|$)",
            r"(esta|estao) (ativ|disponive|visive|desbloquead)\w* (de novo|novamente)",
        ],
    }
)


# A short acknowledgement with thanks and nothing else ("got it, thanks", "vale, gracias",
# "parfait, merci", "alles klar, danke", "perfeito, obrigada") confirms; with anything more
# said ("got it, thanks, I'll try tonight") it does not.
_ACK_WORDS = (
    r"ok|okay|okey|k|kk|got it|gotcha|great|perfect|excellent|awesome|brilliant|lovely|cool"
    r"|understood|noted|fantastic|amazing|wonderful|sweet|super|nice|fab"
    r"|vale|perfecto|perfecta|genial|entendido|entendida|estupendo|listo|de acuerdo|recibido"
    r"|muy bien|guay|fenomenal"
    r"|d'accord|parfait|top|entendu|nickel|tres bien|c'est note|bien note|bien recu|impeccable"
    r"|alles klar|perfekt|prima|toll|klasse|verstanden|sehr gut|gut|passt|wunderbar"
    r"|beleza|perfeito|perfeita|otimo|otima|certo|entendi|combinado|show|legal|blz|maravilha"
)
_THANKS_WORDS = (
    r"thanks|thank you|thx|ty|cheers|appreciated|appreciate it|gracias|merci|mercis|danke"
    r"|dankeschon|dank|obrigad[oa]|valeu|brigad[oa]|agradezco|agradeco"
)
_FILLER_WORDS = (
    r"so much|a lot|very much|many|much|heaps|again|for (your|the) help|muchas|muchisimas|mil"
    r"|de nuevo|por (la|tu|su|vuestra) ayuda|beaucoup|mille|encore|pour (votre|ton) aide"
    r"|vielen|vielmals|herzlichen|besten|schon|sehr|nochmal|nochmals|fur (ihre|die|deine) hilfe"
    r"|muito|muitissimo|pela ajuda"
)
_ACK_WORD = re.compile(rf"\b(?:{_ACK_WORDS})\b")
# Words that only say the message was understood ("ok", "vale", "d'accord", "alles klar",
# "certo"): "Ok, thanks" may thank for information as well as for a fix, so, unsure, it is no
# confirmation; "perfect, thanks", "passt, danke", "got it, thanks" say more.
_UNDERSTOOD = re.compile(
    r"(?:ok|okay|okey|k|kk|understood|noted|vale|entendido|entendida|de acuerdo|d'accord"
    r"|entendu|c'est note|bien note|alles klar|verstanden|certo|entendi|combinado|ta)"
)
_THANKS_WORD = re.compile(rf"\b(?:{_THANKS_WORDS})\b")
_ACK_VOCABULARY = re.compile(rf"\b(?:{_ACK_WORDS}|{_THANKS_WORDS}|{_FILLER_WORDS})\b")
_LETTERS = re.compile(r"[^\W\d_]+")
_NAME_AT_END = re.compile(r"\b[A-ZÁÉÍÓÚÑÄÖÜÇ][a-záéíóúñäöüçàèêôãõ]+\W*$")

# A bare "yes" (or "yes, ... now", "sí, gracias") answers the question; "yes please" does not.
_YES = re.compile(r"^\W*(?:yes|yep|yeah|yup|si|oui|ja|sim)\b(?:\s*[,.!]|\W*$)")
_YES_SUPPORT = re.compile(
    r"\b(?:now|thanks?|thank you|gracias|ya|merci|maintenant|danke|jetzt|obrigad[oa]|agora)\b"
)
_PLEASE = re.compile(r"\b(?:please|por favor|s'il vous plait|bitte)\b")

_ACK = re.compile(
    r"\b(?:thanks?|thank you|appreciate\w*|ok(?:ay)?|yes|gracias|vale|si|merci|oui|danke|ja"
    r"|obrigad[oa]|valeu|sim|works?|worked|funciona\w*|marche|fonctionne|klappt|geht"
    r"|funktioniert|lauft)\b"
)
# Thanks for a thing sent ("for the tracking link", "por el número", "für die Nummer", "pelo
# código"): a noun after an article, other than the help or the fix itself. "Thanks for
# trying, but" and "thanks for your help, but" stay answers about the fix.
_INFO_THANKS = re.compile(
    r"\b(?:thanks|thank you|gracias|merci|danke|obrigad[oa]) (?:\w+ )?"
    r"(?:(?:for|por|pour|fur) (?:the|your|la|el|los|las|tu|su|vuestra|vuestro|le|les|vos|votre"
    r"|ton|ta|die|den|das|ihre|ihren|deine|a|o|os|as|seu|sua)|pela|pelo|pelas|pelos) "
    r"(?!(?:\w+ )?(?:help|fix|solution|support|assistance|effort|efforts|work|patience|time"
    r"|attempt|try|ayuda|arreglo|solucion|apoyo|esfuerzo|intento|paciencia|aide|correctif"
    r"|reparation|intervention|patience|tentative|hilfe|losung|korrektur|reparatur|unterstutzung"
    r"|muhe|geduld|versuch|ajuda|correcao|solucao|suporte|conserto|paciencia|tentativa|esforco)"
    r"\b)"
)
# A denial inside an "if" clause is a condition, not a report: "if it isn't working by
# Friday, I'm leaving". A "si," or "se," followed by a comma is a "yes".
_IF_CLAUSE = re.compile(
    r"(?:^|[.!?;,\n]\s*)(?:if|unless|wenn|falls|sofern|caso|si|se)\b(?!\s*[,.!])[^.!?;,\n]*$"
)
# A bare "no" as the whole answer, or at its head: "no", "Non, ...", "nö, ...".
_BARE_NO = re.compile(
    r"^\W*(?:no|nope|nop|nah|non|nein|nee|no[eö]|nao|negative)\b(?:\W*$|\s*[,.!;:])"
)
# Fixed or working, flatly negated: "no está arreglado", "it's not fixed".
_FIX_WORD = re.compile(
    r"\b(?:work\w*|fixed|solved|resolved|sorted|funciona\w*|arreglad[oa]|solucionad[oa]"
    r"|resuelt[oa]|marche|fonctionne|regle|resolu|repare|klappt|geht|gelost|behoben|lauft"
    r"|resolvid[oa]|consertad[oa]|certo)\b"
)
# Again, beside a failure: the fix did not hold ("broke again", "otra vez me rechazan",
# "redémarre de nouveau", "wieder abgelehnt", "trava de novo").
_AGAIN = re.compile(
    r"\b(?:again|once more|otra vez|de nuevo|nuevamente|a nouveau|de nouveau|encore une fois"
    r"|wieder|erneut|schon wieder|de novo|novamente|outra vez)\b"
)
_FAILURE = re.compile(
    r"\b(?:broke|broken|crash\w*|fail\w*|froze|frozen|freez\w*|blank|down|dead|declined"
    r"|rejected|error|stopped|disconnect\w*|kicked|locked|blocked|suspended|stuck|glitch\w*"
    r"|estrope\w*|roto|rota|falla\w*|fallo|caid[oa]|cuelga|colgad[oa]|bloque\w*|rechaz\w*"
    r"|en negro|en blanco|se corta|se cae|desconect\w*"
    r"|plant\w*|bug\w*|panne|erreur|bloqu\w*|refus\w*|blanche?s?|noir|coupe\w*|echou\w*"
    r"|kaputt\w*|absturz\w*|sturzt|abgesturzt|fehler\w*|abgelehnt|leer\w*|hangt|gesperrt"
    r"|blockiert|ausgefallen|fallt aus"
    r"|trav\w*|falh\w*|erro|problema|recusad[oa]|em branco|caiu|quebr\w*|parou)\b"
)
_NEGATIVE_AFTER = re.compile(
    r"\b(?:not|no|n't|never|nothing|nope|either|ne|pas|plus|rien|nicht|kein\w*|nie|nao|nada"
    r"|nunca|tampoco|tambem nao|sin)\b|n't\b"
)

# A verb of working or of being accepted, beside "again", is the working state restored:
# "it syncs again", "les paiements passent de nouveau", "wird wieder akzeptiert", "voltaram a
# ser aprovados", "vuelve a conectar". Verbs of appearing are left out ("the error shows up
# again" is a relapse), and so are those that also mean "happens" or "goes away" ("pasa",
# "va", "passe").
_WORKS_VERB = (
    r"(?:works?|working|loads?|loading|syncs?|syncing|connects?|connecting|runs?|running"
    r"|prints?|printing|opens?|goes through|go through|going through|accepted|approved"
    r"|funcionan?|funcionando|cargan?|cargando|sincronizan?|sincronizando|conectan?|abren?"
    r"|aceptad[oa]s?|aprobad[oa]s?|marche(?:nt)?|fonctionne(?:nt)?|synchronise(?:nt)?"
    r"|connecte(?:nt)?|ouvre(?:nt)?|passent|acceptee?s?|validee?s?|funktionier(?:t|en)"
    r"|geht(?! los)|gehen|klappt"
    r"|lauft|laufen|ladt|synchronisier(?:t|en)|verbindet|akzeptiert|angenommen|freigegeben"
    r"|funcionam|carregam?|carregando|sincronizam?|conectam?|abrem?|aprovad[oa]s?"
    r"|aceit[oa]s?|passam|passaram)"
)
_AGAIN_WORD = (
    r"(?:again|once again|de nuevo|otra vez|nuevamente|a nouveau|de nouveau|wieder|erneut"
    r"|de novo|novamente|outra vez)"
)
# The words between are the verb's own ("connects to the printer again"), never a join
# ("funcionaba y hoy otra vez" is a new sentence about the trouble).
_BETWEEN = r"(?:(?!(?:and|then|but|y|pero|luego|hoy|et|puis|mais|und|dann|aber|e|mas)\b)\w+ )"
_WORKS_AGAIN = re.compile(
    rf"\b{_WORKS_VERB} {_BETWEEN}{{0,5}}?{_AGAIN_WORD}\b"
    rf"|\b{_AGAIN_WORD} (?:etre |{_BETWEEN}{{0,2}}?){_WORKS_VERB}\b"
    # "vuelve a conectar", "voltou a carregar": the verb of coming back takes an infinitive.
    r"|\b(?:vuelve|volvio|ha vuelto|vuelven|volvieron|han vuelto|volta|voltou|voltaram|voltam)"
    r" a (?:ser |estar )?(?:funcionar|conectar|cargar|sincronizar|abrir|carregar|aceptar"
    r"|aceitar|aprovad[oa]s?|aceptad[oa]s?|aprobad[oa]s?|aceit[oa]s?)\b"
)


# Being fixed, as a clause's statement: a copula, up to a few words of its own (never a
# negator or a "still"), then a participle of putting right. "C'est réparé", "das Konto ist
# jetzt in der App entsperrt", "ya ha quedado solucionado", "ficou tudo consertado". Negated,
# hoped-for and reported statements are undone like any other (`undone`).
_QUIET = r"(?:(?!(?:not|no|never|still|yet|nicht|nie|noch|kein\w*|pas|jamais|toujours|encore"
_QUIET += r"|todavia|aun|nunca|nao|ainda|nunca|nem)\b)\w+ )"
_FIXED_PARTICIPLE = (
    r"(?:fixed|repaired|solved|resolved|unblocked|unlocked"
    r"|arreglad[oa]s?|solucionad[oa]s?|resuelt[oa]s?|reparad[oa]s?|desbloquead[oa]s?"
    r"|reglee?s?|resolue?s?|reparee?s?|debloquee?s?|behoben|gelost|repariert|erledigt|entsperrt"
    r"|freigeschaltet|resolvid[oa]s?|consertad[oa]s?)\b"
)
_FIXED_STATE = re.compile(
    r"\b(?:is|are|'s|was|were|has been|have been|got|c'?est|est|sont|a ete|ont ete|esta|estan"
    r"|quedo|queda|ha quedado|han quedado|ist|sind|wurde|wurden|hat sich|estao|foi|foram"
    rf"|ficou|ficaram) {_QUIET}{{0,5}}?{_FIXED_PARTICIPLE}"
)
# Cheap gates: most messages hold no participle of fixing and no "again", and the patterns
# above cost more than a search for either.
# (Plain literals, no word boundaries: the engine finds them many times faster.)
_FIXED_GATE = re.compile(
    r"fixed|repaired|solved|resolved|unblocked|unlocked|arreglad|solucionad|resuelt|reparad"
    r"|desbloquead|regle|resolu|repare|debloque|behoben|gelost|repariert|erledigt|entsperrt"
    r"|freigeschaltet|resolvid|consertad"
)
_AGAIN_GATE = re.compile(
    r"again|de nuevo|otra vez|nuevamente|nouveau|wieder|erneut|de novo|novamente|outra vez"
    r"|vuelv|volv|volt"
)


# A verb of working that is a noun where it stands: after a preposition or a determiner ("late
# for work again", "back at work", "the road works again", "la marche à suivre", "mot de
# passe", "la carga", "a roda"), after a verb of going or of need ("going to work again", "I
# have to work again"), or before "of" ("loads of errors again"). "Got it to work again"
# keeps its verb ("need it to work" too: `undone` reads that wish).
_NOUN_ABLE = re.compile(
    r"(?:work|works|working|run|runs|load|loads|print|prints|marche|passe|passent|marcha|carga"
    r"|roda)\b"
)
_NOUN_BEFORE = re.compile(
    r"\b(?:for|at|from|of|after|before|off|the|a|an|my|your|his|her|our|their|its|some|any"
    r"|more|much|less|road|building|engineering|maintenance|construction|repair|street|rail"
    r"|gas|water|la|une|ma|ta|sa|cette|votre|notre|de|du|el|una|mi|tu|su|del|uma|um|meu|minha"
    r"|seu|sua|da|do|(?:go|goes|going|went|gone|get|gets|getting|late|way|back|commute|drive"
    r"|walk|head|heading|return|returning|ride|cycle|rush|rushing|off|have|has|had|need|needs"
    r"|want|wants|used) to)\W+$"
)
_OF_AFTER = re.compile(r"\W+of\b")


def _noun_read(folded: str, match: re.Match[str]) -> bool:
    """Does the confirming phrase open on a verb of working that is a noun here?"""
    head = _NOUN_ABLE.match(match.group())
    if head is None:
        return False
    start = match.start()
    return bool(
        _NOUN_BEFORE.search(folded, max(0, start - 24), start)
        or _OF_AFTER.match(folded, start + head.end())
    )


@lru_cache(maxsize=64)
def _confirmations(folded: str) -> tuple[re.Match[str], ...]:
    """Every confirming phrase in the message, in order (kept for the few calls that read
    the same message)."""
    found = list(CONFIRM.finditer(folded))
    if _AGAIN_GATE.search(folded):
        found += _WORKS_AGAIN.finditer(folded)
    if _FIXED_GATE.search(folded):
        found += _FIXED_STATE.finditer(folded)
    found = [match for match in found if not _noun_read(folded, match)]
    return tuple(sorted(found, key=lambda match: match.start()))


SIGNAL = "resolution reply"


def _relapse(folded: str) -> str | None:
    """The clause where "again" sits beside a failure, unless the again is the working state
    coming back ("works again", "I can log in again")."""
    spans: list[tuple[int, int]] | None = None
    for again in _AGAIN.finditer(folded):
        clause = clause_around(folded, again.start(), again.end())
        failure = _FAILURE.search(clause)
        if not failure or flatly_negated_at(clause, failure.start()):
            continue
        if spans is None:
            spans = [match.span() for match in _confirmations(folded)]
        if not restores(folded, spans, again.start()):
            return clause
    return None


# "keeps sending me", "kept reading me the terms", "she kept cutting me off": a person or a
# bot doing something over and over is how they were treated, not the fault persisting.
_PERSON_BEFORE = re.compile(
    r"\b(?:he|she|they|you|who|person|agent|lady|guy|man|woman|staff|someone|everyone"
    r"|adviser|advisor|operator|rep|bot|chatbot|assistant)\b(?:\W+\w+)?\W*$"
)
_KEEPS = re.compile(r"(?:keeps|kept) ")


# After a contrast, what narrows the fix to part of it: "arrived, but only half", "pero
# solo uno", "mais seulement", "aber nur", "mas só".
_NARROWED = re.compile(
    r"\b(?:only|just|half|part|solo|solamente|la mitad|seulement|uniquement|moitie|nur|halfte"
    r"|so|somente|apenas|metade)\b"
)
_SENTENCE_BREAK = re.compile(rf"[.!;\n]|{CONTRAST.pattern}")
# What names the open trouble as a different matter: "the other order", "a separate claim",
# "I was asking about", "el otro pedido", "mon autre colis", "ich meinte", "o outro".
_OTHER_MATTER = re.compile(
    r"\b(?:other|another|separate|different|second|i meant|i was (?:actually )?asking about"
    r"|otro|otra|otros|otras|distint[oa]|segund[oa]|me referia|preguntaba por|autre|autres"
    r"|deuxieme|separee?|je parlais|andere\w*|zweite\w*|separate\w*|ich meinte|outro|outra"
    r"|outros|outras|estava (?:perguntando|falando))\b"
)


_ANOTHER_MATTER = "one thing confirmed, another matter still open"


# An order, ticket or invoice number: "5512", "#FD-77120", "48213-b".
# Four digits or more, or marked as one ("#448", "EC-448"); not a year, a count or an amount.
_REFERENCE = re.compile(
    r"(?<![$£€\d.,])(?:#\w*\d{3,}|\b[a-z]{1,4}-\d{3,}|\b(?!(?:19|20)\d\d\b)\d{4,})(?:-\w+)?\b"
    r"(?!\s?(?:€|\$|£|eur\b|euros?\b|%|rows|lines|items|users|people|km|kwh|mb|gb|minutes))"
)


def _other_reference(folded: str, match: re.Match[str], at: int) -> bool:
    """Between the confirmation and the trouble at `at`, a reference number that the
    confirmation's sentence does not hold: "order 5512 arrived fine, 5519 still not"."""
    begin = max(folded.rfind(mark, 0, match.start()) for mark in ".!?;\n") + 1
    own = {ref.group().lstrip("#") for ref in _REFERENCE.finditer(folded, begin, match.end())}
    stop = _SENTENCE_END_MARK.search(folded, at)
    return any(
        ref.group().lstrip("#") not in own
        for ref in _REFERENCE.finditer(folded, match.end(), stop.start() if stop else len(folded))
    )


def _another_matter(folded: str, at: int) -> bool:
    """Is the trouble at `at` another matter, after one confirmed in an earlier clause?
    "Thanks, the refund for the jacket arrived. But the trousers: still nothing." leaves
    one thing open, not the fixed one broken: the answer is neither yes nor no."""
    for match in _confirmations(folded):
        if match.end() > at:
            return False
        if not undone(folded, match) and _other_reference(folded, match, at):
            return True
        between = folded[match.end() : at]
        stop = _SENTENCE_BREAK.search(between)
        if stop is None or undone(folded, match) or _NARROWED.search(between, stop.start()):
            continue
        return bool(_OTHER_MATTER.search(between, stop.start()))
    return False


# Only part of it done, said right after the contrast: "arrived, but only for half the
# amount", "pero solo una", "mais seulement la moitié", "aber nur über 11 Euro", "mas só uma".
# "but only on my laptop" names where it works, often before a question about the other
# device: that stays doubt (`none`), not a denial.
_ONLY_AFTER = re.compile(
    # English "so" ("..., so please don't") is no Portuguese "só".
    r"\W*(?:\w+\W+)?(?:only|solo|solamente|seulement|uniquement|nur|somente|apenas"
    r"|so(?= (?!please|i|we|you|it|that|far|much|many|don'?t|the)\w))\b"
    r"(?! (?:on|in|at|en|sur|dans|auf|im|am|bei|no|na|em)\b)"
)


_ONLY_GATE = re.compile(r"only|solo|solamente|seulement|uniquement|nur|so|somente|apenas")


def _partial_fix(folded: str) -> str | None:
    """The contrast that narrows a confirmation to part of the fix, or None."""
    if not _ONLY_GATE.search(folded):
        return None
    for contrast in CONTRAST.finditer(folded):
        if not _ONLY_AFTER.match(folded, contrast.end()):
            continue
        if grudge_about_time(folded, contrast.start(), contrast.end()):
            continue
        before = [m for m in _confirmations(folded[: contrast.start()]) if not undone(folded, m)]
        if before:
            return folded[contrast.start() :]
    return None


# Worked for a while, then the trouble again: "it was fine for two days but since Saturday
# ... again", "funcionó un rato ... pero esta mañana otra vez", "lief einen Tag lang normal.
# Heute ist der Fehler wieder da", "funcionou umas horas e caiu de novo".
_WORKED_A_WHILE = re.compile(
    r"\b(?:was fine|worked|was working|were working|was ok|came back|connected|held"
    r"|funciono|funcionaba|estuvo bien|iba bien|fue bien|parecia que ya|volvio"
    r"|marchait|fonctionnait|a marche|a fonctionne|etait revenue?|semblait"
    r"|lief|ging|funktionierte|klappte|war (?:alles )?(?:gut|ok|in ordnung)|schien"
    r"|funcionou|funcionava|deu certo|voltou|parecia)\b"
)
_THEN = re.compile(
    r"\b(?:then|but|since|until|pero|luego|despues|hasta|desde|mais|puis|depuis|jusqu'a"
    r"|aber|dann|seit|bis|heute|mas|depois|ate|desde|hoy|today|this morning|esta manana"
    r"|ce matin|aujourd'hui|hoje)\b|[.;:]"
)


# Worked, then a contrast, a new time and something back: "it worked yesterday after your fix
# but this morning the loop is back", "funcionó ayer, pero hoy ha vuelto el aviso", "ça
# marchait hier mais ce matin le message est revenu", "lief gestern, aber heute ist die Meldung
# wieder da", "funcionou ontem, mas hoje voltou o erro". What is back is the trouble: the
# working state comes back "to normal", "online", "up".
_BACK = re.compile(
    r"\b(?:(?:is|are|'s|'re|was|were|came|comes|has come|have come) back\b(?! (?:to normal"
    r"|online|up|on|in)\b)|back again|ha vuelto|han vuelto|volvio|volvieron|vuelven?(?! a )"
    r"|reaparec\w*|reapparu\w*|(?:est|sont) revenue?s?|revient|reviennent|de retour|(?:ist|sind)"
    r" (?:wieder )?da|zuruck|wieder da|zuruckgekommen|voltou|voltaram|de volta|reapareceu)\b"
)
_BACK_GATE = re.compile(
    r"back|vuelt|vuelv|volvi|reapar|reappar|revenu|revien|retour|zuruck|ist da|sind da"
    r"|wieder da|volt"
)
_NEW_TIME = re.compile(
    r"\b(?:this morning|today|tonight|this evening|last night|now|since|hoy|esta manana"
    r"|esta tarde|esta noche|anoche|ahora|desde|ce matin|aujourd'hui|ce soir|hier soir"
    r"|maintenant|depuis|heute|jetzt|seit|hoje|agora|ontem a noite)\b"
)
_SOMEONE_BACK = re.compile(
    r"\b(?:he|she|they|technician|engineer|agent|someone|courier|driver|tecnico|repartidor"
    r"|technicien|livreur|techniker|monteur|fahrer|entregador)\W+(?:\w+\W+)?$"
)


def _worked_then_back(folded: str) -> str | None:
    """The clause that says it worked, then, at a new time, the trouble is back, or None."""
    if not _BACK_GATE.search(folded):
        return None
    worked = _WORKED_A_WHILE.search(folded)
    if not worked:
        return None
    contrast = CONTRAST.search(folded, worked.end())
    if not contrast:
        return None
    stop = _SENTENCE_END_MARK.search(folded, contrast.end())
    end = stop.start() if stop else len(folded)
    back = _BACK.search(folded, contrast.end(), end)
    if not back or not _NEW_TIME.search(folded, contrast.end(), end):
        return None
    if _SOMEONE_BACK.search(folded, max(0, back.start() - 30), back.start()):
        return None
    return folded[worked.start() : back.end()]


_SENTENCE_END_MARK = re.compile(r"[.!?;\n]")


def _worked_then_failed(folded: str) -> str | None:
    """The sentence that says it worked a while and the trouble came back, or None."""
    return _worked_then_again(folded) or _worked_then_back(folded)


def _worked_then_again(folded: str) -> str | None:
    if not _AGAIN_GATE.search(folded):
        return None
    worked = _WORKED_A_WHILE.search(folded)
    if not worked:
        return None
    then = _THEN.search(folded, worked.end())
    if not then:
        return None
    spans = [match.span() for match in _confirmations(folded)]
    for again in _AGAIN.finditer(folded, then.end()):
        if restores(folded, spans, again.start()) or retried(folded, again):
            continue
        if not thanked(folded, again):
            return folded[worked.start() : again.end()]
    return None


# Told it was fixed, and it is not: "they keep saying it's resolved and it isn't", "me dizem
# que está resolvido e não está", "me dijeron que estaba arreglado y no", "on m'a dit que
# c'était réglé, ce n'est pas le cas", "es hieß, es sei behoben, ist es aber nicht".
_TOLD_FIXED_NOT = re.compile(
    r"\b(?:told|said|saying|says|tell|dizem|disseram|dijeron|dicen|decis|dit|disent|sagt\w*"
    r"|hiess|heisst)\b[^.!?]{0,50}\b(?:fixed|resolved|solved|sorted|resolvid\w*|arreglad\w*"
    r"|solucionad\w*|resuelt\w*|regle\w*|resolu\w*|behoben|gelost)\b[^.!?]{0,12}\b(?:and|but|e|y"
    r"|pero|mas|et|mais|und|aber|ist|es)\b[^.!?]{0,12}(?:\bnot\b|n't\b|\bnao\b|\bno\b|\bpas\b"
    r"|\bnicht\b)"
)

_TOLD_GATE = re.compile(
    r"fixed|solved|sorted|arreglad|solucionad|resuelt|regle|resolu|resolvid|behoben|gelost"
)


# Worked for a stretch of time, then gave out: "it held for about an hour, then...", "hat
# ungefähr eine Stunde gehalten, dann ...", "funcionou durante uma hora e depois ...". The
# stretch must be followed by a "then" in the same sentence: "works for a day now" is no relapse.
_FOR_A_WHILE = re.compile(
    r"\b(?:worked|held|lasted|was fine|funciono|funcionaba|duro|aguanto|a marche|a fonctionne"
    r"|a tenu|a dure|funcionou|durou|aguentou|deu|hat|hielt|lief|ging|funktionierte)\b"
    r"[^.!?;]{0,25}?\b(?:an?|one|two|few|\d+|une?|un|una|unos|unas|quelques|eine|einen"
    r"|ein paar|zwei|uma|umas|uns|half an?|media)(?: \w+)? (?:hour|day|minute|hora|dia|minuto"
    r"|heure|jour|journee|minute|stunde|tag|minute|rato|ratito|moment|momento|weile|while)\w*"
    r"\b[^.!?;]{0,40}?\b(?:then|and then|before|but|dann|danach|bevor|aber|puis|avant de"
    r"|mais|luego|despues|y luego|pero|depois|e depois|antes de|mas)\b"
)
_FOR_A_WHILE_GATE = re.compile(
    r"hour|day|minut|hora|dia|heure|jour|stunde|tag|rato|moment|weile|while"
)


# Not yet, of the customer's own checking: "I haven't been home yet to see", "todavía no me
# ha dado tiempo a probarlo", "noch nicht richtig getestet", "ainda não cheguei a casa para
# ver", "pas encore pu vérifier". Not yet checked is no denial (the answer is `none`).
_YET_GATE = re.compile(r"yet|todavia|aun|noch|ainda|encore|tampoco|haven|hasn")
_UNTESTED = re.compile(
    r"\b(?:tried|tested|test|try|check\w*|see|seen|been home|got home|had (?:a|the) chance"
    r"|probar\w*|probado|comprobar\w*|mirar\w*|tiempo|pasado por casa|intentar|intentado"
    r"|getestet|testen|ausprobiert|probiert|gepruft|nachgesehen|nachschauen|geschaut"
    r"|nachgeschaut|zeit|im keller|zu hause|essaye\w*|verifie\w*|regarde\w*|teste\w*"
    r"|le temps|rentree?|testar|testei|tentei|tentar|verificar|cheguei|chegar|tempo|para ver)\b"
)
# The end of a clause: a sentence mark or a contrast.
_CLAUSE_STOP = re.compile(rf"[.!?;\n]|{CONTRAST.pattern}")


def _untested(folded: str, start: int, end: int) -> bool:
    """Is the "not yet" at folded[start:end] about the customer's own check, not the fault?"""
    stop = _CLAUSE_STOP.search(folded, end, end + 50)
    window = folded[start : stop.start() if stop else end + 50]
    return bool(_UNTESTED.search(window)) and not _FAILURE.search(window)


# "Keine Unterbrechung mehr, auch nicht beim Anruf": "not even" extends a failure said gone.
_GONE_BEFORE = re.compile(r"\b(?:kein\w*|nicht) (?:\w+ ){0,3}mehr\W+$")


def _denial(folded: str) -> tuple[str, str] | None:
    """Why the message says the problem is still there, as (rule, evidence), or None."""
    for deny in DENY.finditer(folded):
        if _KEEPS.match(deny.group()) and _PERSON_BEFORE.search(
            folded, max(0, deny.start() - 30), deny.start()
        ):
            continue
        if _YET_GATE.search(deny.group()) and _untested(folded, deny.start(), deny.end()):
            continue
        if deny.group() == "auch nicht" and _GONE_BEFORE.search(
            folded, max(0, deny.start() - 60), deny.start()
        ):
            continue
        if _IF_CLAUSE.search(folded, 0, deny.start()):
            continue
        if _another_matter(folded, deny.start()):
            return _ANOTHER_MATTER, deny.group()
        return "says it is still broken", deny.group()
    if _BARE_NO.search(folded) and not NOT_YET_TRIED.search(folded):
        return "a bare no", folded[:20]
    relapse = _relapse(folded)
    if relapse:
        return "the trouble came back after the fix", relapse
    partial = _partial_fix(folded)
    if partial:
        return "only part of it put right", partial
    told = _TOLD_GATE.search(folded) and _TOLD_FIXED_NOT.search(folded)
    if told and not _untested(folded, told.start(), told.end()):
        return "told it was fixed, and it is not", told.group()
    worked = _worked_then_failed(folded)
    if worked:
        return "worked a while, then the trouble again", worked
    if _FOR_A_WHILE_GATE.search(folded):
        stretch = _FOR_A_WHILE.search(folded)
        if stretch:
            return "worked for a stretch of time, then gave out", stretch.group()
    return None


def _contrast_denies(folded: str) -> str | None:
    match = CONTRAST.search(folded)
    if not match:
        return None
    before, after = folded[: match.start()], folded[match.end() :]
    if self_concession(folded, match.start()):
        return None  # "thanks ..., although I was rude on the phone": the writer's conduct
    if _INFO_THANKS.search(before):
        return None  # thanks for information, then a complaint: not an answer about the fix
    if _untested(folded, match.start(), match.end() + 1):
        return None  # "..., but I haven't tried paying yet": not checked, not broken
    if _ACK.search(before) and (_NEGATIVE_AFTER.search(after) or reports_problem(after)):
        return folded[match.start() :]
    return None


def _bare_yes(folded: str) -> bool:
    if not _YES.search(folded) or _PLEASE.search(folded):
        return False
    return len(folded.split()) <= 3 or bool(_YES_SUPPORT.search(folded))


def _short_acknowledgement(text: str, folded: str) -> bool:
    if len(folded.split()) > 10 or not (_ACK_WORD.search(folded) and _THANKS_WORD.search(folded)):
        return False
    if all(_UNDERSTOOD.fullmatch(ack.group()) for ack in _ACK_WORD.finditer(folded)):
        return False
    rest = _LETTERS.findall(_ACK_VOCABULARY.sub(" ", folded))
    if not rest:
        return True
    # "Perfect, thanks Mark!": a name after the thanks is still nothing else said.
    name = _NAME_AT_END.search(text)
    return len(rest) == 1 and name is not None and fold(name.group()).startswith(rest[0])


# What sarcasm about a fix says went wrong: something no longer possible, or worse than
# before ("now I can't even open it", "en vez de no cargar", "if by fixed you mean").
_SOUR_FIX = re.compile(
    r"\b(?:not|no longer|can'?t|cannot|instead of|if by|ya ni|ni siquiera|no puedo|en vez de"
    r"|ahora|plus|meme pas|au lieu de|nicht mehr|gar nicht|kein\w*|statt|nem|nao consigo"
    r"|em vez de|se por|agora)\b"
)


# Sarcasm about a fix, in two shapes: an ironic "oh yes" / "na super" opening a message that
# applauds the work ("Ah oui, c'est réglé ... Bravo, du beau travail"), or the fix itself in
# scare quotes ("your „fix“", "la « solución »").
_IRONIC_OPENER = re.compile(
    r"^\W*(?:ah|oh|na|ah bah)\W+(?:oui|si|sim|yes|sure|super|great|toll|klasse|brilliant"
    r"|genial|otimo|bravo)\b"
)
# "if by 'works' you mean", "wenn man unter „läuft“ versteht", "si por «funciona» entiendes",
# "si par « réglé » vous entendez", "se por «funcionar» entendes": the fix word mocked.
_IF_BY = re.compile(
    r"\b(?:if by|wenn man unter|wenn sie unter|si por|si par|se por) [^.!?]{0,40}?"
    r"\b(?:you mean|versteht|verstehen|entiendes|entiende|entendeis|vous entendez|tu entends"
    r"|entendes|entende)\b"
)
_QUOTED_FIX = re.compile(
    r"[„“\"'«‘] ?(?:fix|fixed|correctif|arreglo|solucion|solution|losung|reparatur|conserto"
    r"|correcao|solucao) ?[“”\"'»’]"
)


def _mocked_fix(folded: str) -> str | None:
    if _QUOTED_FIX.search(folded):
        return "the fix in scare quotes"
    if _IF_BY.search(folded):
        return "the fix word mocked: if by it you mean"
    if _IRONIC_OPENER.search(folded) and applauded(folded):
        return "an ironic opening and applause for the work"
    return None


_OPEN_QUOTE = re.compile(r"[«“„\"‘‚][ ]?$")
_CLOSE_QUOTE = re.compile(r"[ ]?[»”“\"’]")


def _quoted(folded: str, match: re.Match[str]) -> bool:
    """Is the confirming phrase someone else's words, quoted back ("merci pour ce « c'est
    réparé »", "your „erledigt“")?"""
    start, end = match.span()
    return bool(
        _OPEN_QUOTE.search(folded, max(0, start - 2), start)
        and _CLOSE_QUOTE.match(folded, end, end + 2)
    )


# A fault no longer where it was, but somewhere else instead: "it no longer crashes at start
# but at checkout", "ya no se cuelga al abrir, sino al pagar", "ne plante plus au démarrage
# mais au paiement", "stürzt nicht mehr beim Start ab, sondern erst an der Kasse".
_NO_LONGER = re.compile(r"\b(?:no longer|any ?more|ya no|plus|nicht mehr|kein\w* mehr|mais)\b")
_MOVED = re.compile(
    r"[^.!?;]{0,40}?(?:\bsondern\b|\bsino\b|,? but (?:now |only |just )?(?:when|at|on|in"
    r"|after)\b|,? mais (?:maintenant |seulement |juste )?(?:a|au|quand|lors|apres)\b|,? mas "
    r"(?:agora |so )?(?:quando|no|na|ao|depois)\b|,? pero (?:ahora |solo )?(?:al|en|cuando)\b)"
)


# An arrival read as the fix only when nothing in its sentence says how it arrived: late or
# early, on time, cold, damaged, incomplete. "The flowers arrived a day after the birthday",
# "la commande est arrivée froide", "der Zug kam mit 20 Minuten Verspätung", "chegou com
# atraso" report a new matter or review a service; "the refund arrived this morning" is a fix.
_ARRIVAL = re.compile(
    r"\b(?:arrived|arrives|came|landed|delivered|turned up|showed up|llego|llegado|llegaron"
    r"|llegan|llega|entregad[oa]s?|arrivee?s?|livree?s?|kam|kamen|angekommen|geliefert"
    r"|eingetroffen|chegou|chegaram|chegam|chega|entregue)\b"
)
_AMISS = re.compile(
    r"\b(?:late|delayed|(?:days?|hours?|weeks?) (?:after|late)|early(?! (?:this |in the |on )?"
    r"(?:morning|hours))|ahead of|on time|before the (?:\w+ )?(?:time|slot|window)|cold"
    r"|lukewarm|damaged|broken|crushed|dented|smashed|soaked|wet|melted|leaking|torn|opened"
    r"|wrong|incomplete|half empty|missing|spoiled|spoilt"
    r"|(?<!\bla )(?<!\ba )(?<!\besta )(?<!\bda )(?<!\bna )(?<!\bde )tarde|con retraso"
    r"|retrasad[oa]s?|(?:dias?|horas|semanas) (?:despues|tarde)|a tiempo|antes de (?:la )?hora"
    r"|puntual|fri[oa]s?|rot[oa]s?|danad[oa]s?|abiert[oa]s?|mojad[oa]s?|equivocad[oa]s?"
    r"|incomplet[oa]s?|en mal estado|aplastad[oa]s?|derretid[oa]s?|faltaba\w*|falta\w*"
    r"|en retard|avec (?:\w+ )?(?:\w+ )?retard|(?:jours?|heures|semaines) (?:apres|plus tard)"
    r"|a l'heure|en avance|froide?s?|tiede?s?|cassee?s?|abimee?s?|endommagee?s?|ouverte?s?"
    r"|mouillee?s?|incomplete?s?|en mauvais etat|ecrasee?s?|fondue?s?|manquai\w*|manque\w*"
    r"|verspatet|verspatung|zu spat|(?:tage?|stunden|wochen) (?:nach|zu spat|spater)"
    r"|erst (?:um|am|gegen|nach) \d|statt (?:um|am) \d|instead of (?:at )?\d|en vez de (?:a )?las"
    r" \d|au lieu de \d|em vez das \d"
    r"|punktlich|zu fruh|vor der (?:\w+ )?zeit|kalt|lauwarm|kaputt|beschadigt|zerbrochen"
    r"|nass|offen|falsch|unvollstandig|zerdruckt|geschmolzen|fehlt\w*"
    r"|atrasad[oa]s?|atraso|(?:dias?|horas|semanas) (?:depois|atrasad\w*)|a tempo"
    r"|adiantad[oa]s?|antes d[ao] hora|pontua(?:l|is)|partid[oa]s?|danificad[oa]s?"
    r"|estragad[oa]s?|amassad[oa]s?|aberto|molhad[oa]s?|errad[oa]s?|faltava\w*)\b"
)
# Food praised as it came, after the verb ("arrived piping hot", "llegó fresca", "kamen
# frisch an"): a review of a delivery, not a fix. Before it, "the hot water came back" is one.
_CAME_FRESH = re.compile(
    r"\W+(?:\w+\W+){0,2}?(?:piping hot|hot|fresh|calientes?|frescos?|frescas?|chaude?s?|frais"
    r"|fraiche|heiss|frisch|quentes?)\b"
)
# "Just checking you received my meter reading", "avez-vous bien reçu", "habt ihr ...
# erhalten": what the company received is no fix the customer reports.
_SECOND_PERSON = re.compile(
    r"\b(?:you|you've|you have|did you|have you|vous avez|avez-vous|ihr habt|habt ihr"
    r"|haben sie)\W+(?:bien\W+)?$"
)
_ENOUGH = re.compile(r"ya esta bien\W*$")
_THIS_TIME = re.compile(r"\b(?:this time|esta vez|cette fois|diesmal|dieses mal|desta vez)\b")
# "nothing broken", "sin daños ni retrasos", "rien de cassé", "nichts kaputt": no fault.
_AMISS_DENIED = re.compile(
    r"\b(?:not|nothing|no|never|sin|nada|ni|sans|rien|pas|nicht|nichts|kein\w*|ohne|sem|nem"
    r"|nao)\W+(?:\w+\W+){0,2}$"
)


_TWO_WORDS_BEFORE = re.compile(r"(?:\w+\W+){1,2}$")


def _arrived_amiss(folded: str, match: re.Match[str]) -> str | None:
    """The words saying an arrival came late, early, on time or in a bad state, if any."""
    arrival = _ARRIVAL.search(match.group())
    if arrival is None:
        return None
    at, end = match.start() + arrival.start(), match.start() + arrival.end()
    stop = _CLAUSE_STOP.search(folded, end)
    after = stop.start() if stop else len(folded)
    # Before the verb only the two words next to it ("ist beschädigt angekommen", "kam zu
    # spät"): further back, "after a week of cold showers the hot water came back" is the
    # trouble before the fix.
    near = _TWO_WORDS_BEFORE.search(folded, max(0, at - 32), at)
    before = max(
        [near.start() if near else at]
        + [found.end() for found in _CLAUSE_STOP.finditer(folded, max(0, at - 32), at)]
    )
    if _THIS_TIME.search(folded, before, after):
        return None  # "the new meal arrived hot this time": a redo, the fix
    fresh = _CAME_FRESH.match(folded, end, after)
    if fresh:
        return folded[at : fresh.end()]
    for amiss in _AMISS.finditer(folded, before, min(after, end + 64)):
        if not _AMISS_DENIED.search(folded, max(0, amiss.start() - 24), amiss.start()):
            return folded[min(at, amiss.start()) : max(end, amiss.end())]
    return None


def _fault_moved(folded: str, match: re.Match[str]) -> str | None:
    if not _NO_LONGER.search(match.group()):
        return None
    moved = _MOVED.match(folded, match.end())
    return folded[match.start() : moved.end()] if moved else None


def resolution_reply(text: str, cues: Cues | None = None) -> str:
    """`confirm`, `deny` or `none` for a customer message read as an answer to "fixed?".

    `confirm` needs evidence that the asked-about problem is gone (a works/fixed/arrived
    statement that is not negated, hoped for or conditional; a bare "yes"; or a short
    acknowledgement with thanks and nothing else) and no doubt anywhere in the message.
    """
    if not text:
        note(cues, SIGNAL, "empty message")
        return "none"
    folded = fold(text)
    deny = _denial(folded)
    if deny:
        rule, evidence = deny
        note(cues, SIGNAL, rule, evidence)
        return "none" if rule == _ANOTHER_MATTER else "deny"
    if _FIX_WORD.search(folded) and _SOUR_FIX.search(folded) and sarcastic(read(folded), text):
        # "Fixed perfectly, if by fixed you mean it now crashes": praise of the fix, worn as
        # sarcasm beside what went wrong, denies it.
        note(cues, SIGNAL, "sarcasm about the fix", folded[:60])
        return "deny"
    mocked = _mocked_fix(folded)
    if mocked:
        note(cues, SIGNAL, "sarcasm about the fix", mocked)
        return "deny"
    contrast = _contrast_denies(folded)
    if contrast:
        note(cues, SIGNAL, "thanks or yes, then a contrast naming a problem", contrast)
        return "deny"
    spans: list[tuple[int, int]] = []
    plain = False  # a statement of the fix, not only a verb beside "again"
    for match in _confirmations(folded):
        plain = plain or match.re is not _WORKS_AGAIN
        why = undone(folded, match)
        if why == "negated" and flatly_negated(folded, match) and _FIX_WORD.search(match.group()):
            note(cues, SIGNAL, "says it is not fixed", folded[: match.end()][-60:])
            return "deny"
        if why:
            note(cues, SIGNAL, f"confirming words {why}", match.group())
            return "none"
        if _quoted(folded, match):
            note(
                cues,
                SIGNAL,
                "confirming words in quotation marks, not the customer's own",
                match.group(),
            )
            return "none"
        if _ENOUGH.match(folded, match.start()) and folded[: match.start()].strip():
            # "Si el lunes no tengo la fibra, me voy. Ya está bien.": that's enough, said last.
            note(cues, SIGNAL, "'ya está bien' closing a complaint: enough, not fixed", "")
            return "none"
        if _SECOND_PERSON.search(folded, max(0, match.start() - 16), match.start()):
            note(cues, SIGNAL, "what the company received, not the customer's fix", match.group())
            return "none"
        amiss = _arrived_amiss(folded, match)
        if amiss:
            note(cues, SIGNAL, "arrived late, early or in a bad state: a new matter", amiss)
            return "none"
        moved = _fault_moved(folded, match)
        if moved:
            note(cues, SIGNAL, "no longer there, but somewhere else instead", moved)
            return "deny"
        spans.append(match.span())
    if (
        spans
        and _INFO_THANKS.search(folded)
        and all(_ACK_WORD.fullmatch(folded[start:end].strip(" ,.!")) for start, end in spans)
    ):
        # "Alles klar, danke für die Info": an explanation taken in, not a fix confirmed.
        note(cues, SIGNAL, "thanks for information, nothing said of a fix", folded[:60])
        return "none"
    if spans:
        evidence, rule = folded[spans[0][0] : spans[0][1]], "says the problem is gone"
    elif _bare_yes(folded):
        # The "yes" itself is the evidence: what follows it may still doubt it.
        yes = _YES.match(folded)
        spans = [(0, yes.end() if yes else len(folded))]
        evidence, rule = folded, "a bare yes"
    elif _short_acknowledgement(text, folded):
        spans, evidence = [(0, len(folded))], folded
        rule = "a short acknowledgement with thanks, nothing else said"
    else:
        note(cues, SIGNAL, "no statement that the problem is gone")
        return "none"
    # An arrival alone followed by a question ("The new bill arrived today. Can you explain
    # the charge?") asks about what came: only a question marked as another matter ("Separate
    # question:", "Aproveitando", "Eine Frage noch") is set aside after it.
    stated = (
        rule == "says the problem is gone"
        and not all(_ACK_WORD.fullmatch(folded[start:end].strip(" ,.!")) for start, end in spans)
        and not all(_ARRIVAL.search(folded, start, end) for start, end in spans)
    )
    doubted = doubt(folded, spans, stated)
    if doubted:
        note(cues, SIGNAL, f"confirmation doubted: {doubted[0]}", doubted[1])
        return "none"
    if not plain:
        # Shouting or frustration said outright, with only a "yes", thanks, or a verb beside
        # "again" for evidence: "FOURTH TIME ... late for work again" states no fix.
        heat = "mostly in capitals" if mostly_capitals(text) else charged(folded)
        if heat:
            note(cues, SIGNAL, "frustration with no fix plainly stated", heat)
            return "none"
    note(cues, SIGNAL, rule, evidence)
    return "confirm"
