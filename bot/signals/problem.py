"""Problem reports: a customer message saying something is broken, down, missing or wrong.

A general lexicon reads "the export button doesn't do anything. Chrome is fine." or "mi web
lleva caída una hora y el panel dice que todo funciona" as positive; in support such a report
is a complaint, so `customer_signals` reads a mild score on it as negative (as it does for a
denial). Patterns are per language, matched on folded text (lower case, no accents).
"""

from __future__ import annotations

from bot.signals.patterns import compile_phrases
from bot.signals.text import fold

_EN_VERBS = (
    r"(work|load|open|sync|connect|log ?in|sign ?in|start|print|send|receiv|arriv|show|download"
    r"|upload|updat|respond|go through|do anything|turn on|charg)\w*"
)
PROBLEM = compile_phrases(
    {
        "en": [
            r"(does ?n[o']?t|did ?n[o']?t|won'?t|will not|can'?t|cannot|could ?n[o']?t|is ?n[o']?t"
            r"|are ?n[o']?t|not|never) (\w+ ){0,2}" + _EN_VERBS,
            r"(keeps?|kept) (on )?(crash|fail|freez|dropp|disconnect|logging me out|restart)\w*",
            r"(crash|freez)(es|ed|ing)",
            r"(is|are|'s|been|went|goes|keeps going) (down|offline)",
            r"(an|the|same|this|getting|get|got|throws|shows|showing) error",
            r"(charged|billed) (me )?(twice|double|two times|again)",
            r"never (ordered|received|arrived|got)",
            r"(missing|wrong|damaged|faulty|defective|broken) (item|parcel|package|order|size"
            r"|colou?r|product|charge|amount|part)s?",
            r"arrived (damaged|broken|late|cold|open)",
            r"(without|no) (internet|broadband|signal|power|service|connection|wi-?fi|electricity"
            r"|heating|hot water)",
            r"(drops?|dropping|dropped) (out|every|all the time|constantly)",
            r"stopped (working|syncing|loading)",
            r"(locked|kicked|logged) out",
        ],
        "es": [
            r"no (me |se |nos )?(funciona|carga|abre|deja|llega|sincroniza|conecta|guarda|registra"
            r"|aparece|va|descarga|actualiza|enciende)\w*",
            r"no (puedo|podemos|consigo) (entrar|acceder|pagar|iniciar|conectar|descargar|ver|usar"
            r"|abrir)",
            r"se (cierra|cuelga|bloquea|congela|reinicia|cae|corta|desconecta)\w*",
            r"(esta|lleva|sigue|estan|llevan) caid[ao]s?",
            r"se (ha )?caido",
            r"sin (internet|conexion|luz|senal|linea|servicio|cobertura|agua|gas|calefaccion|wifi)",
            r"cobra\w* (dos veces|de mas|doble)",
            r"(da|dando|sale|salta) (un |el mismo )?error",
            r"(llego|vino|ha llegado) (roto|rota|danad[oa]|abierto|incompleto|tarde)",
        ],
        "fr": [
            r"ne (marche|fonctionne|charge|s'ouvre|se connecte|se synchronise|repond) (plus|pas)",
            r"(ca|cela) (ne )?(marche|fonctionne) (pas|plus)",
            r"plant(e|ent|age)",
            r"(est|sont|tombe) en panne",
            r"sans (internet|connexion|reseau|electricite|service)",
            r"impossible de (me connecter|payer|ouvrir|acceder|telecharger)",
            r"(debite|preleve|facture) (deux fois|en double)",
            r"message d'erreur",
        ],
        "de": [
            r"(funktioniert|geht|klappt|lauft|ladt|offnet|startet) (\w+ ){0,3}nicht",
            r"(sturzt|fallt) (\w+ ){0,3}(ab|aus)",
            r"kein(en)? (internet|netz|empfang|strom|zugang|zugriff)",
            r"(doppelt|zweimal) (abgebucht|belastet|berechnet)",
            r"fehlermeldung",
            r"kann (\w+ ){0,2}nicht (einloggen|anmelden|bezahlen|offnen|zugreifen)",
        ],
        "pt": [
            r"nao (esta |estao )?(funciona|carrega|abre|conecta|sincroniza|chegou|aparece|liga)\w*",
            r"(trava|travando|travou|travado)",
            r"(internet|sinal|conexao|site|sistema|app|aplicativo|servidor|rede|ligacao) (\w+ )?"
            r"(caiu|cai)",
            r"fora do ar",
            r"sem (internet|sinal|conexao|luz|servico|rede)",
            r"cobra\w* (duas vezes|em dobro)",
            r"nao consigo (entrar|acessar|pagar|logar|abrir)",
            r"(da|dando|deu) erro",
        ],
    }
)


def reports_problem(text: str) -> bool:
    """Does this customer message report something broken, down, missing or wrong?"""
    return bool(text) and PROBLEM.search(fold(text)) is not None
