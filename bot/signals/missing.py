"""A thing missing, lost, left behind or out of stock, told to explain a request.

"The drink is missing from my order, can you refund it?", "me dejé la mochila en el tren,
¿tienen objetos perdidos?", "il manque une pièce, pouvez-vous l'envoyer ?", "in der
Lieferung fehlt ein Teil", "está esgotado no site, vai voltar?": a request that states a fact
is neutral, though a general lexicon scores "missing", "lost" or "sold out" negative. In a
request (a question or a worded request) with no complaint, `message` scores the body
without these words, as it does a hard time in the customer's life (`tone.LIFE_EVENT`).

Who lost it matters: "you lost my parcel" blames the service and stays a complaint, so the
forms here are the customer's own ("I lost", "me dejé"), impersonal ("se ha extraviado",
"es fehlt") or the state of the thing ("missing", "agotado", "épuisé").

Matched on folded text (lower case, no accents), every language at once
(`patterns.compile_phrases`), gated by a word set so most messages skip the regex.
"""

from __future__ import annotations

from bot.signals.patterns import compile_phrases
from bot.signals.stance import anchors

# Time, patience or money lost is a complaint, not a thing mislaid ("I've lost hours").
_WASTED = (
    r"(?! (\w+ ){0,2}(time|patience|money|hours|days|weeks|faith|trust|confidence|tiempo"
    r"|paciencia|dinero|horas|dias|semanas|manana|tarde|confianza|temps|patience|argent|heures"
    r"|journees?|tempo|dinheiro|confianca))"
)
# Lost by the service ("habéis perdido", "vocês perderam") is blamed, not mislaid.
_NOT_YOURS = r"(?<!habeis )(?<!han )(?<!has )(?<!voces )(?<!voce )(?<!vcs )"
_NOT_LACK = (
    r"(?! de (respeto|seriedad|profesional\w*|educacion|respeito|seriedade|profissional\w*"
    r"|educacao))"
)
MISSING = compile_phrases(
    {
        "en": [
            r"(is|are|was|were|went|go|goes|item|items|part|parts|piece|pieces) missing"
            r"|missing (from|in)",
            r"(i|we|i'?ve|we'?ve|i have|we have|i had|we had|has been|have been|got|get) (\w+ )?"
            r"(lost|misplaced)" + _WASTED + r"|lost (and found|property)",
            r"(i|we) (left|forgot) (my|our|a|an|the)",
            r"(out of stock|sold out|unavailable)",
        ],
        "es": [
            r"(me |nos |le |les )?falta(n|ba|ban)?" + _NOT_LACK,
            r"((se (me |nos |le )?(ha|han|habia|habian) |he |hemos |habia |habiamos )"
            r"(perdido|extraviado)|" + _NOT_YOURS + r"(perdid|extraviad)[oa]s?)" + _WASTED,
            r"(me|nos) (deje|dejamos|olvide|olvidamos)",
            r"agotad[oa]s?|(sin|fuera de) (stock|existencias)",
        ],
        "fr": [
            r"(il )?(me |nous )?manque(nt)?(?! de (respect|serieux|professionnalisme|suivi))",
            r"(j'ai|nous avons|on a) (\w+ )?(perdu|egare|oublie)" + _WASTED,
            r"objets? (trouves|perdus)|egaree?s?",
            r"epuisee?s?|en rupture( de stock)?|plus en stock",
        ],
        "de": [
            r"fehl(t|en|te|ten)",
            r"(ich|wir) (habe|haben|hab) (mein\w*|unser\w*|den|die|das|einen|eine) \w+ (\w+ )?"
            r"(verloren|verlegt|vergessen|liegen lassen)",
            r"(ist|sind|ging|gingen) (\w+ ){0,3}verloren( gegangen)?|verlegt|fundburo"
            r"|liegen (ge)?lassen",
            r"ausverkauft|vergriffen|nicht (mehr )?(vorratig|lieferbar|auf lager)",
        ],
        "pt": [
            r"(falta(m|va|vam|ndo)?|faltou|faltaram)" + _NOT_LACK,
            r"(perdi|perdemos|esqueci|esquecemos|extraviei)" + _WASTED,
            _NOT_YOURS + r"(perdid|extraviad)[oa]s?" + _WASTED,
            r"esgotad[oa]s?|sem estoque|fora de estoque",
        ],
    }
)
_ANCHORS = anchors(
    "missing lost misplaced left forgot stock sold unavailable"
    " falta faltan faltaba faltaban perdido perdida perdidos perdidas extraviado extraviada"
    " extraviados extraviadas deje dejamos olvide olvidamos agotado agotada agotados agotadas"
    " existencias manque manquent perdu perdus egare egaree egarees egares oublie trouves"
    " epuise epuisee epuisees epuises rupture fehlt fehlen fehlte fehlten verloren verlegt"
    " vergessen fundburo liegen ausverkauft vergriffen vorratig lieferbar lager"
    " faltam faltava faltavam faltando faltou faltaram perdi perdemos esqueci esquecemos"
    " extraviei esgotado esgotada esgotados esgotadas estoque"
)


def says_missing(words: frozenset[str], folded: str) -> bool:
    """Does the message tell of a thing missing, lost, left behind or out of stock?"""
    return not _ANCHORS.isdisjoint(words) and MISSING.search(folded) is not None


def without_missing(folded: str) -> str:
    """`folded` with the words of a thing missing, lost or out of stock taken out."""
    return MISSING.sub(" ", folded)
