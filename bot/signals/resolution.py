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

from bot.signals.cues import Cues, note
from bot.signals.doubt import CONTRAST, doubt, undone
from bot.signals.patterns import compile_phrases
from bot.signals.problem import reports_problem
from bot.signals.text import fold

# "you can close" is a confirmation; "please close my account" is a customer leaving.
_NOT_ACCOUNT = (
    r"(?! (\w+ ){0,2}(account|cuenta|compte|conta|konto|subscription|suscripcion|abonnement"
    r"|assinatura|abo|contract|contrato|contrat|vertrag)s?)"
)
DENY = compile_phrases(
    {
        "en": [
            r"still",
            r"(does ?n[o']?t|did ?n[o']?t|is ?n[o']?t|won'?t|not|never) (\w+ )?"
            r"(work|working|worked|fixed|solved|resolved|sorted|changed?|showing|show|load)",
            r"(doesn'?t|didn'?t|does not|did not) help",
            r"same (problem|error|issue|thing)",
            r"nothing (has )?changed",
            r"no luck",
            r"(keeps|kept) (\w+ing)",
            r"(it|that) is not",
            r"it'?s not",
            r"not yet",
            r"nope",
            r"unfortunately no",
            r"(logged|kicked|locked) me out again",
            r"(fails|failing|crashes|broken) again",
            r"(wrong|broken|missing|damaged|faulty|failed|declined|rejected|crashed)\b[^.?!]{0,40}"
            r"[.!]? ?again",
            r"(does ?n[o']?t|did ?n[o']?t|is ?n[o']?t|won'?t|not|can'?t) (\w+ ){1,4}either",
            r"(have|has|had) ?n[o']?t (\w+ )?(seen|received|got|gotten|arrived|come|changed)",
            r"(same|the same) (thing|result|message|screen)",
            r"(did|does) ?n[o']?t make (any|a) difference",
            r"kind of works but",
            r"(takes|took) forever",
        ],
        "es": [
            r"sigue",
            r"siguen",
            r"todavia (no|sin)",
            r"aun (no|sin)",
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
        ],
        "fr": [
            r"toujours (pas|le meme|la meme|refuse\w*|bloque\w*|en panne)",
            r"ne (marche|fonctionne) (toujours )?pas",
            r"(ca|cela) (ne )?(marche|fonctionne) (toujours )?(pas|plus)",
            r"(meme|le meme) (probleme|erreur)",
            r"pas (regle|resolu)",
            r"rien n'a change",
            r"toujours rien",
            r"(toujours|encore) pas (recu|de|d')",
            r"(plante|bug\w*|bloque|crash\w*|coupe|refuse|echoue|affiche|ferme)\w* toujours",
            r"pas (non plus|mieux)",
        ],
        "de": [
            r"immer noch",
            r"(geht|funktioniert|klappt) (immer noch |noch |leider )?nicht",
            r"(gleiche|selbe|gleicher|selber) (fehler\w*|problem)",
            r"noch nicht",
            r"nicht (gelost|behoben)",
            r"wieder (abgesturzt|kaputt)",
            r"(immer noch|noch immer) (nicht|kein\w*)",
            r"auch nicht",
        ],
        "pt": [
            r"continua",
            r"ainda (nao|com|sem)",
            r"nao (esta )?funciona\w*",
            r"(mesmo|o mesmo) (erro|problema)",
            r"nada mudou",
            r"nao (foi )?resolvid\w*",
            r"tambem nao",
        ],
    }
)
CONFIRM = compile_phrases(
    {
        "en": [
            r"(it|that|this|everything|all) ?(now )?(works|worked|is working|'s working)",
            r"works (now|perfectly|fine|great|again)",
            r"working (now|again|fine)",
            r"(it'?s|it is|is|all|now|been) (now )?(fixed|sorted|solved|resolved)",
            r"(fixed|sorted|solved|resolved)( now)?[.!]*$",
            r"problem solved",
            r"(that|it) did the trick",
            r"(fine|ok|okay|good) now",
            r"all good",
            r"confirmed",
            r"went through",
            r"(landed|arrived|came through|is back)"
            r"(?! (\w+ ){0,2}(late|damaged|broken|cold|open|empty|without))( today| now)?",
            r"(you can|please) close" + _NOT_ACCOUNT,
            r"shows as completed",
            r"all set",
            r"(correctly|properly|normally|fine|as expected|perfectly|smoothly) (now|again)",
            r"(loads|syncs|opens|runs|prints|fires|connects|sends|shows( up)?|goes through"
            r"|downloads|uploads|updates|appears|displays|works) (\w+ )?(correctly|properly"
            r"|normally|fine|ok|smoothly|now)",
            # "again" only after a verb of working: "the error shows up again" is a relapse.
            r"(loads|syncs|opens|runs|prints|connects|goes through|works) (\w+ )?again",
            r"(that|this|it|which|you) (has |have )?(fixed|solved|sorted|resolved) (it|the \w+)",
            r"(is|are|'s|'re) (all )?back(?! (on|in|from|at|up|with|again))",
            r"back to normal",
            r"(charge|error|warning|problem|issue|bug|message|banner|block|hold|fee|lag|delay)s?"
            r" (is|are|has|have) (now )?(gone|disappeared|cleared|removed)",
            r"(arrived|received|came|landed|got it|showed up)[^.?!]{0,30}(today|this morning|now"
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
        ],
        "es": [
            r"ya (me )?(funciona|esta|llego|aparece|lo tengo|va)",
            r"funciona (bien|perfecto)",
            r"(esta|quedo|queda) (solucionado|resuelto|arreglado)",
            r"todo (bien|correcto)",
            r"(podeis|pueden|puedes) cerrar" + _NOT_ACCOUNT,
            r"solucionado",
            r"resuelto",
            r"ya (tengo|recibi|me llego|esta|va bien|puedo)",
            r"(me )?(llego|ha llegado|he recibido) (ya )?(el|la|mi) (reembolso|devolucion|pedido"
            r"|paquete|dinero|abono|transferencia|billete|factura)",
            r"(funciona|va) (bien |perfecto )?(ya|de nuevo|otra vez)",
            r"(vuelve|volvio|ha vuelto) a funcionar",
            r"todo perfecto",
            r"(reembolso|dinero|pedido|paquete|abono|devolucion|transferencia|codigo)"
            r" (ya )?(recibid[oa]|llegad[oa]|ingresad[oa])",
            r"recibid[oa],? gracias",
            r"gracias (de nuevo |otra vez )?por (solucionarlo|arreglarlo|resolverlo|solucionar"
            r"|arreglar|resolver|gestionarlo)",
            r"todo (funciona|va|marcha) (bien|perfecto|de maravilla|genial|estupendo|ya)",
            r"(funciona|va) (de maravilla|genial|estupendamente|perfectamente)",
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
            r"(tout )?(marche|fonctionne|roule|tourne) (\w+ )?(nickel|impec\w*|parfaitement"
            r"|tres bien|a merveille|sans souci)",
            r"(bien )?recu (le|la|mon|ma|les) (remboursement|colis|commande|virement|avoir|code)",
            r"(remboursement|colis|commande|virement|avoir) (bien )?(recu|arrive)",
            r"merci (d'avoir|pour avoir) (regle|resolu|corrige|repare|fait le necessaire)",
        ],
        "de": [
            r"(jetzt|nun|wieder) (funktioniert|geht|klappt)",
            r"(funktioniert|geht|klappt) (jetzt|wieder|einwandfrei)",
            r"(ist )?gelost",
            r"alles (gut|klar|in ordnung)",
            r"hat geklappt",
            r"(lauft|laufen|klappt|geht|funktioniert) (jetzt |nun )?(wieder|einwandfrei)",
            r"(wird|werden) (jetzt|nun) (\w+ )?angezeigt",
            r"(ticket|anfrage|fall) (\w+ )?(schliessen|geschlossen)",
            r"(ist|sind) (jetzt |nun )?(angekommen|da|erledigt)",
            r"(geld|erstattung|ruckerstattung|gutschrift|paket|bestellung|lieferung|uberweisung)"
            r" (ist |sind )?(jetzt |nun |heute )?(angekommen|eingegangen|erhalten|da"
            r"|gutgeschrieben)",
            r"(lauft|laufen|klappt|geht|funktioniert) (\w+ ){0,4}(wieder )?(einwandfrei"
            r"|problemlos|tadellos|super|perfekt)",
            r"danke (\w+ )?(furs|fur das) (losen|beheben|erledigen|reparieren|kummern)",
        ],
        "pt": [
            r"ja (esta )?funcionando",
            r"funcionou",
            r"(agora|ja) funciona",
            r"funciona (\w+ )?(agora|perfeitamente|bem|normalmente)",
            r"(esta )?resolvido",
            r"deu certo",
            r"tudo certo",
            r"ja (caiu|chegou|apareceu)",
            r"funcionando",
            r"voltou a funcionar",
            r"ja (aparece|chegou|caiu|esta certo|esta ok|recebi)",
            r"(podem|pode) (encerrar|fechar)" + _NOT_ACCOUNT,
            r"(reembolso|estorno|dinheiro|encomenda|pedido|pacote|transferencia)"
            r" (ja )?(recebid[oa]|chegou|caiu|entrou)",
            r"recebid[oa],? obrigad[oa]",
            r"obrigad[oa] (\w+ )?por (resolver|resolverem|tratar|tratarem|corrigir|corrigirem)",
            r"(esta |ficou )?tudo (a funcionar|funcionando|ok|em ordem|normal)",
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
    r"|obrigad[oa]|valeu|sim|works?|worked|funciona\w*|marche|fonctionne|klappt)\b"
)
_INFO_THANKS = re.compile(
    r"\b(?:thanks|thank you|gracias|merci|danke|obrigad[oa]) (?:\w+ )?"
    r"(?:for|por|pour|fur|pela|pelo) (?:the |your |la |tu |su |vos |votre |ihre |die |a |o )?"
    r"(?:info\w*|reply|answer"
    r"|explanation|update|link|email|respuesta|explicacion|enlace|correo|reponse|explication"
    r"|lien|antwort|erklarung|auskunft|resposta|explicacao)"
)
_NEGATIVE_AFTER = re.compile(
    r"\b(?:not|no|n't|never|nothing|nope|either|ne|pas|plus|rien|nicht|kein\w*|nie|nao|nada"
    r"|nunca|tampoco|tambem nao|sin)\b|n't\b"
)

SIGNAL = "resolution reply"


def _contrast_denies(folded: str) -> str | None:
    match = CONTRAST.search(folded)
    if not match:
        return None
    before, after = folded[: match.start()], folded[match.end() :]
    if _INFO_THANKS.search(before):
        return None  # thanks for information, then a complaint: not an answer about the fix
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
    rest = _LETTERS.findall(_ACK_VOCABULARY.sub(" ", folded))
    if not rest:
        return True
    # "Perfect, thanks Mark!": a name after the thanks is still nothing else said.
    name = _NAME_AT_END.search(text)
    return len(rest) == 1 and name is not None and fold(name.group()).startswith(rest[0])


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
    deny = DENY.search(folded)
    if deny:
        note(cues, SIGNAL, "says it is still broken", deny.group())
        return "deny"
    contrast = _contrast_denies(folded)
    if contrast:
        note(cues, SIGNAL, "thanks or yes, then a contrast naming a problem", contrast)
        return "deny"
    spans: list[tuple[int, int]] = []
    first = CONFIRM.search(folded)
    for match in CONFIRM.finditer(folded, first.start()) if first else ():
        why = undone(folded, match)
        if why:
            note(cues, SIGNAL, f"confirming words {why}", match.group())
            return "none"
        spans.append(match.span())
    if spans:
        evidence, rule = folded[spans[0][0] : spans[0][1]], "says the problem is gone"
    elif _bare_yes(folded):
        spans, evidence, rule = [(0, len(folded))], folded, "a bare yes"
    elif _short_acknowledgement(text, folded):
        spans, evidence = [(0, len(folded))], folded
        rule = "a short acknowledgement with thanks, nothing else said"
    else:
        note(cues, SIGNAL, "no statement that the problem is gone")
        return "none"
    doubted = doubt(folded, spans)
    if doubted:
        note(cues, SIGNAL, f"confirmation doubted: {doubted[0]}", doubted[1])
        return "none"
    note(cues, SIGNAL, rule, evidence)
    return "confirm"
