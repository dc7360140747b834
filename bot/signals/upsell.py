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
        "es": [r"(mejorar|actualizar|pasar) (a|al) (plan|premium|pro|plus)", r"te lo activo"],
        "fr": [r"passer (a|au) (l'offre|forfait|premium|pro|plus)", r"je vous l'active"],
        "de": [r"upgrade auf", r"wechseln sie (zu|auf)"],
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
        ],
        "es": [
            r"(el |nuestro )?plan \w+",
            r"con (plus|pro|premium)",
            r"premium",
            r"oferta",
            r"descuento",
        ],
        "fr": [r"(notre |l')?offre \w+", r"forfait \w+", r"premium", r"abonnement \w+"],
        "de": [r"mit (premium|plus|pro)", r"premium", r"tarif", r"angebot", r"paket"],
        "pt": [r"(nosso )?plano \w+", r"premium", r"oferta", r"desconto"],
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
        ],
        "es": [
            r"sabias que",
            r"incluye",
            r"tienes",
            r"si te interesa",
            r"te lo activo",
            r"prioritari\w+",
            r"sin gastos",
            r"te (recomiendo|interesa)",
        ],
        "fr": [r"saviez-vous", r"inclut", r"comprend", r"prioritaire", r"profitez"],
        "de": [r"erhalten sie", r"bevorzugt\w*", r"inklusive", r"wussten sie"],
        "pt": [r"conheca", r"inclui", r"sabia que", r"prioridade", r"aproveite"],
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
