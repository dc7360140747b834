"""Upsell pressure: an agent message pitching an upgrade, a plan, an add-on or an offer.

A pitch is an offer word (upgrade, premium, plan/tier/add-on, a product tier name) together
with selling language ("did you know", "have you considered", "could save you", "want me to
switch you?"), or an explicit upgrade. Mentioning the customer's current plan
("included in your plan") is not a pitch.
"""

from __future__ import annotations

from bot.signals.patterns import compile_phrases
from bot.signals.text import fold

UPGRADE = compile_phrases(
    {
        "en": [r"upgrad(e|ing) (you|to|your)", r"upgrade\?", r"want me to upgrade"],
        "es": [
            r"(mejorar|actualizar|pasar|pasarse|cambiarse) (a|al) (un |nuestro )?(plan|premium|pro"
            r"|plus|tarifa)",
            r"te lo activo",
        ],
        "fr": [r"passer (a|au) (l'offre|forfait|premium|pro|plus)", r"je vous l'active"],
        "de": [r"upgrade auf", r"wechseln sie (zu|auf)", r"(ein|das|zum) upgrade"],
        "pt": [r"(mudar|migrar|passar) para o plano", r"quer que eu ative"],
    }
)
OFFER = compile_phrases(
    {
        "en": [
            r"(our|the) [\w+-]+ (plan|tier|fare|tariff|package|bundle|membership|subscription"
            r"|add-on|addon|care|plus|pro)",
            r"premium",
            r"add-on",
            r"(pro|plus|business|gold"
            r"|platinum|vip|enterprise) (plan|tier|membership|version|account)",
            r"\w+ ?\+ (fare|plan)",
            r"flex\+",
            r"special offer",
            r"discount",
            r"\d+ ?% off",
            r"(summer|winter|spring|black friday|flash|big) sale",
            r"promo(tion)?",
        ],
        "es": [
            r"(el |nuestro )?plan \w+",
            r"con (plus|pro|premium)",
            r"premium",
            r"oferta",
            r"descuento",
            r"(nuestra )?tarifa \w+",
            r"(socio|miembro|suscripcion|cuenta) (plus|premium|pro|vip|oro|gold)",
        ],
        "fr": [
            r"(notre |l')?offre \w+",
            r"forfait \w+",
            r"premium",
            r"abonnement \w+",
            r"reduction",
            r"remise",
        ],
        "de": [r"mit (premium|plus|pro)", r"premium", r"tarif", r"angebot", r"paket"],
        "pt": [r"(nosso )?plano \w+", r"premium", r"oferta", r"desconto", r"pacote \w+"],
    }
)
PITCH = compile_phrases(
    {
        "en": [
            r"did you know",
            r"have you considered",
            r"(could|would|will|can) save you",
            r"(shall|should|can) i (switch|move|sign|upgrade)",
            r"want me to",
            r"includes?",
            r"gives you",
            r"check out",
            r"reply yes",
            r"while you'?re here",
            r"by the way",
            r"you (might|may|could) (like|want|be interested)",
            r"unlimited",
            r"priority",
            r"dedicated",
            r"(i'?d|i would|we'?d|we would|we) (strongly )?recommend",
            r"you (could|can) (add|get|switch|upgrade|try|enjoy|save)",
            r"(for|at) (just|only) ",
            r"if you (switch|upgrade|sign up|subscribe|join|order) (today|now|this week)",
            r"(get|enjoy|save) (\d+ ?%|up to)",
            r"if you'?d like to (keep|get|add|try|upgrade)",
            r"(limited time|this week only|today only|before you go)",
        ],
        "es": [
            r"sabias que",
            r"incluye",
            r"tienes",
            r"si te interesa",
            r"te lo activo",
            r"prioritari\w+",
            r"sin gastos",
            r"(te|le|les|os) (recomiendo|recomendamos|interesa|interesaria)",
            r"por (solo|solamente|apenas)",
            r"si (contrata|se cambia|se pasa|se suscribe|se hace|te cambias|te pasas|te haces)",
            r"(primer|1er) mes gratis",
            r"tendria(s)? (mas|mejor)",
        ],
        "fr": [
            r"saviez-vous",
            r"inclut",
            r"comprend",
            r"prioritaire",
            r"profitez",
            r"(pour|a) seulement",
            r"vous pourriez (passer|profiter|opter)",
            r"(je vous|nous vous) (recommande|conseille)",
        ],
        "de": [
            r"erhalten sie",
            r"bevorzugt\w*",
            r"inklusive",
            r"wussten sie",
            r"bekommen sie",
            r"lohnt sich",
            r"(fur|ab) (nur|lediglich)",
            r"(ich )?empfehle (ihnen)?",
        ],
        "pt": [
            r"conheca",
            r"conhecer",
            r"que tal",
            r"inclui",
            r"oferece",
            r"sabia que",
            r"prioridade",
            r"aproveite",
            r"por (apenas|so|somente)",
            r"(recomendo|recomendamos)",
        ],
    }
)
_CURRENT_PLAN = compile_phrases(
    {"en": [r"(included|in|on) your (current )?plan"], "es": [r"(en|incluido en) tu plan"]}
)


def is_upsell(text: str) -> bool:
    """Does this agent message pitch an upgrade, plan, add-on or offer?"""
    if not text:
        return False
    folded = fold(text)
    if UPGRADE.search(folded):
        return True
    offers = [m for m in OFFER.finditer(folded) if not _CURRENT_PLAN.search(m.group(0))]
    if not offers or (_CURRENT_PLAN.search(folded) and len(offers) == 1):
        return False
    return bool(PITCH.search(folded))
