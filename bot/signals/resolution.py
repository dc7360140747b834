"""Resolution replies: read a customer message as an answer to "is it fixed now?".

`deny` wins over `confirm`: "thanks, but it still crashes" and "yes... no wait, same error"
are denials; "sí, ya funciona" and "that did the trick" confirm; anything else is `none`.
"""

from __future__ import annotations

from bot.signals.patterns import compile_phrases
from bot.signals.text import fold

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
        ],
        "fr": [
            r"toujours (pas|le meme|la meme|refuse\w*|bloque\w*|en panne)",
            r"ne (marche|fonctionne) (toujours )?pas",
            r"(meme|le meme) (probleme|erreur)",
            r"pas (regle|resolu)",
            r"rien n'a change",
        ],
        "de": [
            r"immer noch",
            r"(geht|funktioniert|klappt) (immer noch |noch |leider )?nicht",
            r"(gleiche|selbe|gleicher|selber) (fehler\w*|problem)",
            r"noch nicht",
            r"nicht (gelost|behoben)",
            r"wieder (abgesturzt|kaputt)",
        ],
        "pt": [
            r"continua",
            r"ainda (nao|com|sem)",
            r"nao (esta )?funciona\w*",
            r"(mesmo|o mesmo) (erro|problema)",
            r"nada mudou",
            r"nao (foi )?resolvid\w*",
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
            r"(landed|arrived|came through|is back)( today| now)?",
            r"(you can|please) close",
            r"shows as completed",
            r"all set",
        ],
        "es": [
            r"ya (me )?(funciona|esta|llego|aparece|lo tengo|va)",
            r"funciona (bien|perfecto)",
            r"(esta|quedo|queda) (solucionado|resuelto|arreglado)",
            r"todo (bien|correcto)",
            r"(podeis|pueden|puedes) cerrar",
            r"solucionado",
            r"resuelto",
        ],
        "fr": [
            r"(ca|cela) (marche|fonctionne)",
            r"fonctionne (maintenant|bien|a nouveau)",
            r"c'est (regle|resolu|bon)",
            r"tout est (bon|regle|en ordre)",
            r"probleme resolu",
        ],
        "de": [
            r"(jetzt|nun|wieder) (funktioniert|geht|klappt)",
            r"(funktioniert|geht|klappt) (jetzt|wieder|einwandfrei)",
            r"(ist )?gelost",
            r"alles (gut|klar|in ordnung)",
            r"hat geklappt",
        ],
        "pt": [
            r"ja (esta )?funcionando",
            r"funcionou",
            r"(esta )?resolvido",
            r"deu certo",
            r"tudo certo",
            r"ja (caiu|chegou|apareceu)",
            r"funcionando",
        ],
    }
)


def resolution_reply(text: str) -> str:
    """`confirm`, `deny` or `none` for a customer message read as an answer to "fixed?"."""
    if not text:
        return "none"
    folded = fold(text)
    if DENY.search(folded):
        return "deny"
    if CONFIRM.search(folded):
        return "confirm"
    return "none"
