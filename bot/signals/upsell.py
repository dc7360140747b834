"""Upsell pressure: an agent message pitching an upgrade, a plan, an add-on or an offer.

A pitch has a structure: an *offer* (a product, tier, pass, package, card, subscription,
add-on or plan the customer does not have yet, or an upgrade) or a *deal* (a price, a
discount, a free trial or free period) together with a *pitch cue* (a call to action, a
recommendation, benefit framing, limited-time framing). Explicit pitch phrases ("upgrade
you to", "passer à l'offre", "fazer upgrade") are enough alone. The customer's own current
plan described with what it includes, costs or when it renews ("your plan renews on the
5th", "su tarifa incluye roaming") is not an offer: possessive plan mentions are removed
before looking for one, and so is something the customer already took out ("the add-on you
activated in March", "el seguro que contrataste").

Structures that make a pitch whatever the product is called: a price framed as a little
*more* each month or trip ("for just £3 more a month", "pour seulement 7 € de plus par mois",
"für nur 8 € mehr im Monat") is an offer of something extra, when "only" or a pitch cue goes
with it (a bill that simply went up is not a pitch); a condition on how much the customer uses
something ("if you travel a lot", "si viajas a menudo", "wenn Sie häufig …") is a pitch cue; so
is a benefit in the conditional after "with …" ("with the X you would have", "con el X
tendrías", "mit der X hätten Sie") and "worth it" in the subjunctive ("talvez valha a pena").
So are a product recommended with its price ("empfehle ich ... für 29,90 €"), a move up to a
named tier put as a condition ("se subir para o nível Ouro"), an amount "less than" the parts
bought separately, months saved, and "why not ...?" (a cue that still needs an offer or deal).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.signals.cues import Cues, note
from bot.signals.patterns import compile_named, compile_phrases
from bot.signals.text import fold

# An amount of money, folded: "£3", "9,99 €", "r$ 25", "12 eur", "4 pounds".
_AMOUNT = r"(([€$£]|r\$) ?\d[\d.,]*( ?€)?|\d[\d.,]* ?(€|eur|euros?|\$|£|reais|pounds?|dollars?))"
# Explicit pitches: an upgrade offered, or an offer to activate/add something.
_STRONG_PHRASES: dict[str, list[str]] = {
    "en": [
        r"upgrad(e|ing) (you|to|your)",
        r"(want|like) me to (upgrade|add|activate|switch|enrol|enroll|sign you)",
        r"upgrade (today|now)",
    ],
    "es": [
        r"(mejorar|actualizar|pasar|pasarte|pasarse|cambiarse|cambiarte|ampliar|subir)"
        r" (a|al|de) (un |una |nuestro |nuestra |la |el |tu )?(plan|premium|pro|plus"
        r"|tarifa|paquete|modalidad|version)",
        r"te lo (activo|anado|contrato)",
        r"(quieres|quiere|queres|querrias|desea|deseas) que (te|le|os|se) (lo |la )?(active"
        r"|anada|cambie|pase|suscriba|apunte|solicite|tramite)",
    ],
    "fr": [
        r"passer (a|au|a la) (l'offre|l'abonnement|forfait|formule|premium|pro|plus"
        r"|la formule|l'option|la version)",
        r"je vous l'(active|ajoute)",
        r"(voulez-vous|souhaitez-vous|voulez vous|souhaitez vous|vous voulez|vous souhaitez"
        r"|vous desirez) que je (l'|vous |vous l')?(active|ajoute|inscrive|abonne|passe|souscrive)",
    ],
    "de": [
        r"upgrade auf",
        r"(auf|zu) (\w+[ -])?(premium|plus|pro)\S* (upgraden|wechseln)",
        r"upgraden",
        r"wechseln sie (zu|auf)",
        r"soll ich (es |das |ihnen |sie )*(\w+ )?(hinzufugen|aktivieren|buchen|freischalten"
        r"|upgraden|umstellen|dazubuchen)",
    ],
    "pt": [
        r"(mudar|migrar|passar|evoluir) para o plano",
        r"fazer (o |um )?upgrade",
        r"(quer|quiser|quiserem) que eu (o |a )?(ative|adicione|inclua|mude|subscreva|faca o pedido"
        r"|peca)",
        r"(quer|quiser|quiserem) que eu (lhe |te )?(ative|adicione|faca|envie|prepare)",
    ],
}
# Something extra offered as a question with its price: "would you like to add travel
# insurance for £12?", "¿quieres añadir el seguro por 12 € más?", "quer incluir o seguro por
# R$ 39?". The price beside the question is what makes it a sale, not a service step.
_PRICED_QUESTION = r"[^.?!\n]{0,70}\b(for|por|pour|fur|para) (only |solo |seulement |nur |so )?"
_PRICED_QUESTION += (
    r"(([€$£]|r\$) ?\d[\d.,]*|\d[\d.,]* ?(€|eur|euros?|\$|£|reais|dollars?|pounds?))"
)
_STRONG_PHRASES["en"].append(
    r"(would you like|do you want|want|shall i|should i|can i) (me )?(to )?(add|include|get"
    r"|book|throw in|put|buy|purchase|order)" + _PRICED_QUESTION
)
_STRONG_PHRASES["es"].append(
    r"(quieres|quiere|quereis|desea|deseas|te gustaria|le gustaria) (anadir|incluir|contratar"
    r"|sumar|agregar|anadirle)" + _PRICED_QUESTION
)
_STRONG_PHRASES["fr"].append(
    r"(voulez-vous|souhaitez-vous|voulez vous|souhaitez vous|vous voulez|tu veux) (y )?"
    r"(ajouter|inclure|prendre|souscrire)" + _PRICED_QUESTION
)
_STRONG_PHRASES["de"].append(
    r"(mochten|wollen|mochtest|willst) (sie|du) [^.?!\n]{0,40}(dazubuchen|hinzufugen"
    r"|dazunehmen|buchen)" + _PRICED_QUESTION
)
_STRONG_PHRASES["de"].append(
    r"(mochten|wollen|mochtest|willst) (sie|du) [^.?!\n]{0,60}\bfur (nur )?\d[\d.,]* ?(€|eur"
    r"|euro)? ?(\w+ )?(dazubuchen|hinzufugen|dazunehmen|buchen|dazu)"
)
_STRONG_PHRASES["pt"].append(
    r"(quer|gostaria de|deseja|voce quer) (incluir|adicionar|contratar|colocar|acrescentar)"
    + _PRICED_QUESTION
)
# A feature placed in a higher tier the customer can switch on: "available with the Pro
# plan, which you can activate from ...", "disponible avec le plan Pro, que vous pouvez
# activer", "I can move you over".
_STRONG_PHRASES["en"].append(
    r"i can (move|switch|upgrade|put) you (over|across|up|to|onto)( to| onto| today| now)?"
)
_STRONG_PHRASES["fr"].append(
    r"disponible (avec|dans) (le|la|l'offre|notre) (plan|formule|offre|forfait|abonnement)"
    r" \w+,? que vous pouvez (activer|souscrire|prendre)"
)
# A switch or a bundle offered with what it saves: "if you move to annual billing you get
# two months free", "si juntas fibra y móvil te ahorras", "se vocês passarem para a cobrança
# anual, ganham dois meses grátis".
_STRONG_PHRASES["en"].append(
    r"if you (switch|move|bundle|combine|go|add|upgrade|join)[^.?!\n]{0,60}\b(save|saving"
    r"|savings|free|discount|get \w+ months?)"
)
_STRONG_PHRASES["es"].append(
    # Familiar and formal: "si te pasas", "si se pasa", "si cambia a facturación anual".
    r"si (te pasas|pasas|cambias|juntas|unes|contratas|anades|optas|se pasa|pasa|cambia"
    r"|se cambia|junta|une|contrata|anade|opta)[^.?!\n]{0,60}\b(ahorr\w*|descuento|gratis"
    r"|te sale|le sale)"
    # Time or steps saved ("si cambia la contraseña, se ahorra tiempo") sell nothing.
    r"(?! (\w+ )?(tiempo|pasos|clics|trabajo|molestias|esperas?)\b)"
)
_STRONG_PHRASES["fr"].append(
    r"si vous (passez|regroupez|optez|ajoutez|souscrivez)[^.?!\n]{0,60}\b(econom\w*|gratuit\w*"
    r"|remise|reduction|offert)"
)
_STRONG_PHRASES["de"].append(
    r"wenn sie [^.?!\n]{0,60}\b(wechseln|kombinieren|bundeln|umstellen|dazubuchen)"
    r"[^.?!\n]{0,40}\b(sparen|gratis|kostenlos|rabatt|gunstiger)"
)
_STRONG_PHRASES["pt"].append(
    r"se (voce|voces|vc|vcs) (passar|passarem|mudar|mudarem|migrar|juntar|juntarem|trocar"
    r"|contratar|incluir)[^.?!\n]{0,70}\b(ganha|ganham|economiz\w*|economia|desconto"
    r"|gratis|sai mais barato)"
)
# Something extra the customer "can still add" or buy with its price, as a statement rather
# than a question: "you can still add gift wrap for £2", "todavía puede añadir el seguro por
# 3 €", "you can buy the extra storage add-on for 3 pounds a month".
_STRONG_PHRASES["en"].append(
    r"you (can|could) (\w+ )?(add|include|get|book|take out|buy|purchase|order)" + _PRICED_QUESTION
)
_STRONG_PHRASES["es"].append(
    r"(puedes|puede|podeis|podrias|podria) (\w+ )?(anadir|incluir|contratar|sumar|agregar"
    r"|comprar|adquirir|pedir)(le|lo|la)?" + _PRICED_QUESTION
)
_STRONG_PHRASES["fr"].append(
    r"vous (pouvez|pourriez) (\w+ )?(ajouter|inclure|prendre|souscrire|acheter|acquerir"
    r"|commander)" + _PRICED_QUESTION
)
_STRONG_PHRASES["de"].append(
    r"((konnen|konnten) (sie|du)|(sie|du) (konnen|konnten)) [^.?!\n]{0,60}\bfur (nur )?"
    # The verb closes the clause, after the period or the place: "für 3 € im Monat in den
    # Einstellungen kaufen".
    r"\d[\d.,]* ?(€|eur|euro)? ?(\w+ ){0,5}(dazubuchen|hinzubuchen|hinzufugen"
    r"|dazunehmen|buchen|abschliessen|dazu|kaufen|erwerben|bestellen|dazukaufen)"
)
_STRONG_PHRASES["pt"].append(
    r"(voce )?(pode|podem|poderia) (\w+ )?(adicionar|incluir|contratar|colocar|acrescentar"
    r"|comprar|adquirir)" + _PRICED_QUESTION
)
# Something offered as a question and priced in the next sentence: "Want extra legroom on
# the way back? It's £15 each way.", "¿Le interesaría añadir la maleta? Son 25 €."
_ANSWERED_PRICE = r"[^.?!\n]{0,80} ?\? ([\w']+ ){0,2}"
_ANSWERED_PRICE += r"(only |just |solo |seulement |nur |so |apenas )?" + _AMOUNT
_STRONG_PHRASES["en"].append(
    r"(would you like|do you want|want|fancy|are you interested in|interested in)" + _ANSWERED_PRICE
)
_STRONG_PHRASES["es"].append(
    r"(quieres|quiere|te gustaria|le gustaria|te interesaria|le interesaria|te interesa"
    r"|le interesa|desea|deseas)" + _ANSWERED_PRICE
)
_STRONG_PHRASES["fr"].append(
    r"(voulez-vous|souhaitez-vous|aimeriez-vous|voulez vous|souhaitez vous|ca vous dit"
    r"|cela vous interesse|ca vous interesse)" + _ANSWERED_PRICE
)
_STRONG_PHRASES["de"].append(r"(mochten|wollen|mochtest|willst) (sie|du)" + _ANSWERED_PRICE)
_STRONG_PHRASES["pt"].append(
    r"(quer|gostaria|deseja|tem interesse|te interessa|lhe interessa)" + _ANSWERED_PRICE
)
# Whoever takes something pays or saves an amount: "anyone who bundles X pays £10 less", "wer
# ... bucht, zahlt ... 15 € weniger", "quem juntar ... economiza R$ 20". A bill that is lower
# because something was removed ("you'll pay €5 less") names nobody who takes anything.
_WHOEVER_GAIN = r"[^.?!\n]{0,80}\b(%s) [^.?!\n]{0,30}" + _AMOUNT
_STRONG_PHRASES["en"].append(
    r"(anyone|everyone|customers|those|people) who" + _WHOEVER_GAIN % r"pays?|saves?"
)
_STRONG_PHRASES["es"].append(r"quien(es)?" + _WHOEVER_GAIN % r"paga|pagan|ahorra|ahorran")
_STRONG_PHRASES["fr"].append(
    r"(ceux|celles|les clients|tous ceux) qui" + _WHOEVER_GAIN % r"paient|payent|economisent"
)
_STRONG_PHRASES["de"].append(r"wer" + _WHOEVER_GAIN % r"zahlt|spart")
_STRONG_PHRASES["pt"].append(r"quem" + _WHOEVER_GAIN % r"paga|economiza|poupa")
# A move up to a higher tier, put as a condition ("if you move up to the Gold tier, ...",
# "se subir para o nível Ouro, os vidros ficam cobertos"): only verbs of going up, since a
# condition on a move down explains what the customer would lose; a numbered level
# ("nivel 5") or the next one ("el nivel siguiente") is a game's or a course's, not a tier.
_NOT_A_TIER = r"(?!((the|our|a|an) )?(\d|(next|first|last|final|bonus|siguiente|suivant"
_NOT_A_TIER += r"|seguinte|nachste)\b))"
_TIER_NAMED = r" " + _NOT_A_TIER + r"[\w+-]+"
_STRONG_PHRASES["en"].append(
    r"if you (\w+ )?(upgrade|move up|step up|go up|trade up) to (the |our |a |an )?"
    + _NOT_A_TIER
    + r"([\w+-]+ ){1,2}(level|tier|plan|package|membership|bundle|edition|cover|policy|status)"
)
_STRONG_PHRASES["es"].append(
    r"si (usted |te |se )?(sube|subes|asciende|asciendes|mejora|mejoras) (a|al) (la |el |nuestro"
    r" |nuestra |un |una )?(nivel|categoria|plan|tarifa|paquete|modalidad|cobertura|poliza"
    r"|suscripcion)" + _TIER_NAMED
)
_STRONG_PHRASES["fr"].append(
    r"si vous (montez|evoluez|passez) (au|a la|a l'|vers le|vers la|vers l') ?(niveau|palier"
    r"|statut|gamme)" + _TIER_NAMED
)
_STRONG_PHRASES["fr"].append(
    r"si vous (montez|evoluez) (au|a la|a l'|vers le|vers la|vers l') ?(formule|offre|forfait"
    r"|abonnement|plan|pack)" + _TIER_NAMED
)
_STRONG_PHRASES["de"].append(
    r"wenn sie (\w+ ){0,4}(in|auf) (die |den |das |unsere\w* )?" + _NOT_A_TIER + r"([\w-]+ )?"
    r"\w*(stufe|level"
    r"|status|tarif|paket)\w* ((?!\d)\w+ )?(aufsteigen|hochstufen|upgraden)"
)
_STRONG_PHRASES["pt"].append(
    r"se (voce |voces |vc )?(subir|subirem|evoluir|evoluirem) (para|pro) (o |a |um |uma |nosso"
    r" |nossa )?(nivel|categoria|escalao|plano|pacote|cobertura|modalidade|seguro|assinatura)"
    + _TIER_NAMED
)
# Something the agent recommends with its price ("I'd also recommend the cleaning kit for
# £24", "empfehle ich zusätzlich das Zubehörset ... für 29,90 €"): a product sold, whatever
# it is called. A charge, fee or refund between the two is advice about a bill ("I'd
# recommend disputing the fee for £30"), not a sale.
_BILLED = (
    r"refund|charge|fee|invoice|bill|payment|reembols|cargo|cobro|factura|devolucion|rembours"
    r"|frais|facture|prelevement|erstatt|gebuhr|rechnung|abbuchung|cobranca|taxa|fatura|estorno"
)
_RECOMMENDED_PRICE = r"((?!" + _BILLED + r")[^.?!\n]){0,80}\b(for|at|por|pour|a|fur|zu|para)"
_RECOMMENDED_PRICE += r" (only |just |solo |seulement |nur |apenas )?" + _AMOUNT
_RECOMMENDS = {
    "en": r"(i|we)('d| would)? (also |strongly |highly |really |personally )?(recommend|suggest)",
    "es": r"(le |te |les |os )?(recomiendo|recomendamos|aconsejo|aconsejamos|sugiero|sugerimos)",
    "fr": r"(je|nous) (vous )?(recommande|recommandons|conseille|conseillons|suggere"
    r"|suggerons)",
    "de": r"(ich empfehle|wir empfehlen|empfehle ich|empfehlen wir|rate ich|raten wir)",
    "pt": r"(recomendo|recomendamos|sugiro|sugerimos|aconselho|aconselhamos)",
}
for _name, _recommends in _RECOMMENDS.items():
    _STRONG_PHRASES[_name].append(_recommends + _RECOMMENDED_PRICE)
STRONG = compile_phrases(_STRONG_PHRASES)
# Offer: a product, tier or add-on (not the customer's own, which is removed first).
_OFFER_PHRASES: dict[str, list[str]] = {
    "en": [
        # Not "the price of your tariff": the customer's own is read apart.
        r"(our|the|an?) ((?!your )[\w+-]+ ){1,3}(plan|tier|fare|tariff|bundle|membership"
        r"|subscription|add-on|addon|care|plus|pro|pass|protection|insurance|warranty"
        r"|autoship|cover|deal|offer|package|pack|option)",
        r"premium",
        r"add-?ons?",
        r"upgrade",
        r"(pro|plus|business|gold|platinum|vip|enterprise|family|premium|annual|yearly|premier"
        r"|ultra|max|elite|unlimited)"
        r" (plan|tier|membership|version|account|package|bundle|pass|subscription|card)",
        r"\w+ ?\+ (fare|plan)",
        r"flex\+",
        r"autoship",
        r"enterprise",
        r"(support|care|protection|service|insurance) (package|plan|pack|bundle)",
        # A billing change or a bigger tier is an offer too.
        r"(annual|yearly) (billing|payments?|invoicing|subscription|plan|contract)",
        r"(higher|bigger|larger|next|top|upper) (tier|plan|package|bundle|level)",
        r"priority (shipping|support|delivery|access|boarding|line|queue|service|handling)",
        r"(pay|paying|billed|billing) (yearly|annually|once a year|for the (whole )?year)",
        r"bundl(e|es|ing)",
    ],
    "es": [
        r"(el |nuestro |un )?plan \w+",
        r"(el |nuestro |un )?combo \w+",
        r"(el |un |nuestro )?(complemento|extra|modulo) (de |\w+)",
        r"nuestr[oa]s? (\w+ )?(paquete|plan|tarifa|combo|oferta|suscripcion|seguro)\w*",
        r"con (plus|pro|premium)",
        r"premium",
        r"(nuestra |la |una )?tarifa \w+",
        r"(socio|miembro|suscripcion|cuenta|tarjeta) (plus|premium|pro|vip|oro|gold|platinum"
        r"|platino|black|business|empresa)",
        r"(la |nuestra |una )?(suscripcion|modalidad|membresia) \w+",
        r"tarjeta (oro|gold|platino|platinum|black|premium|business|empresa|plus|vip)",
        r"ampliar",
        r"(plan|tarifa|suscripcion|modalidad) (anual|superior|mas alt[oa])",
        r"(facturacion|pago|cobro|cuota|modalidad) anual",
        r"(seguro|garantia|proteccion|cobertura) (de|contra|extendida|ampliada|adicional"
        r"|premium|plus|total)",
        r"(envio|soporte|atencion|entrega) prioritari[oa]",
        r"(el |un |nuestro )?pase \w+",
        r"(pagar|pagando|pagas|paga) (al ano|una vez al ano|anualmente|todo el ano)",
    ],
    "fr": [
        r"(notre |l'|une )?offre \w+",
        r"notre (\w+ )?(pack|option|forfait|formule|abonnement|assurance)\w*",
        r"(l'|une |notre )(extension|module) \w+",
        r"forfait \w+",
        r"formule \w+",
        r"premium",
        r"abonnement \w+",
        r"(l'|une |notre )option \w+",
        r"(la |notre |une )?carte (gold|premier|platinum|infinite|business|pro|\w+ plus)",
        r"(passer|passez) a",
        r"(abonnement|forfait|formule|offre) (annuel|annuelle|superieur|superieure)",
        r"(paiement|facturation|prelevement|reglement) annuel\w*",
        r"(assurance|garantie|protection) (\w+ )?(casse|vol|ecran|etendue|supplementaire"
        r"|premium|plus|complete)",
        r"(livraison|support|assistance|traitement) prioritaire",
        r"(le |un |notre )?pass \w+",
        r"(payer|payant|payez) (a l'annee|annuellement|une fois par an)",
    ],
    "de": [
        r"mit (dem |der |unserem |unserer )?(\w+[ -])?(premium|plus|pro)",
        r"unser\w* (\w+ )?\w*(paket|tarif|abo|option|versicherung)\w*",
        r"kombi\w*",
        r"\w*(erweiterung|zusatzoption)\w*",
        r"premium",
        r"(premium|komfort|business|familien|daten|reise|spar|flat|jahres|monats|basis)?tarif"
        r"\w*",
        r"(premium|plus|komfort|business|familien|sicherheits|service|support|zusatz|daten"
        r"|reise|schutz|extra)paket\w*",
        r"(business|family|familien|gold|platin|platinum) ?plus",
        r"(business|enterprise|gold|platin|platinum)\w*",
        r"pro-\w+",
        r"(zusatz|zubuch)(?!lich)\w*",
        r"abo|abos|abonnement",
        r"mitgliedschaft",
        r"(jahres|monats|premium|familien|business|plus|pro)abo\w*",
        r"(jahres|jahrliche\w*) ?(zahlung|zahlungsweise|zahlweise|abrechnung|abbuchung"
        r"|vertrag)",
        r"(hoher|grosser|umfangreicher)\w* (tarif|paket|abo|plan|stufe)\w*",
        r"(versicherung|garantieverlangerung|zusatzschutz|displayschutz|geratschutz)",
        r"(jahrlich|jahrlicher|jahrliche) (zahlung|zahlen|abrechnung|abrechnen)\w*",
    ],
    "pt": [
        # "o plano Business", not "o plano é cobrado": a verb after "plano" names no tier.
        r"(o |nosso |um )?plano (?!(e|foi|esta|era|sera|tem|teve|inclui|custa|fica|ficou|vai"
        r"|passa|passou|nao|que|continua|terminou|mudou|atual|dele|dela)\b)\w+",
        r"(o |nosso |um )?combo \w+",
        # "o adicional X" (a noun); "sem custo adicional", "linha adicional" are adjectives.
        r"(o |um |nosso )adicional (de |\w+)",
        r"(nosso|nossa) (\w+ )?(pacote|plano|combo|oferta|assinatura|seguro)\w*",
        r"premium",
        r"pacote \w+",
        r"cartao (gold|ouro|platinum|platina|black|premium|business|plus|infinite)",
        r"(a |uma |nossa )?(assinatura|subscricao|modalidade|adesao) \w+",
        # A version is an offer only as a tier ("a versão Pro"), not "a versão 5.2 do app".
        r"(a |uma |nossa )?versao (\w+ )?(premium|pro|plus|paga|completa|profissional"
        r"|empresarial|business|ilimitada)",
        r"upgrade",
        r"(plano|assinatura|subscricao|pacote) (anual|superior|mais completo)",
        r"(pagamento|cobranca|faturamento|faturacao|mensalidade|modalidade) anual",
        r"(seguro|garantia|protecao|cobertura) (de|contra|estendida|adicional|premium"
        r"|total)",
        r"(suporte|entrega|atendimento|envio) prioritari[oa]",
        r"(o |um |nosso )?passe \w+",
        r"(sendo|se for|se fosse|como) (cliente|socio|socia|assinante|membro) \w+",
        r"(pagar|pagando|paga) (anualmente|por ano|uma vez por ano)",
    ],
}
# "Le plan Plus" in French (not "plan de paiement", read apart); a protection named as a
# German compound ("Diebstahlschutz"), not data or consumer protection.
_OFFER_PHRASES["fr"].append(r"(le |notre |un )plan (?!de |d')\w+")
_OFFER_PHRASES["de"].append(
    r"(?!daten|verbraucher|kinder|jugend|arbeits|brand|umwelt|kundigung|mieter)\w+schutz"
)
# "Add-on" is a loanword in the other languages too ("mit dem Add-on", "el add-on").
for _name in ("es", "fr", "de", "pt"):
    _OFFER_PHRASES[_name].append(r"add-?ons?")
OFFER = compile_phrases(_OFFER_PHRASES)
# Deal: a price, a discount, a free trial or free period, a saving.
_DEAL_PHRASES: dict[str, list[str]] = {
    "en": [
        r"(for|at|from) (just|only)",
        r"only (£|\$|€) ?\d+",
        r"\d+ ?% (off|discount|cheaper|less|saving|savings|back)",
        r"(save|saves|saving) (you )?(\d+|up to|(£|\$|€) ?\d+|money|on)",
        r"free (trial|for|upgrade|month|year|period|delivery|shipping)",
        r"(first|1st) (month|year|\w+ months?) (are |is )?(free|on us)",
        r"(\d+|one|two|three|four|six|twelve) (days?|weeks?|months?) (free|on us)",
        r"(try|trial) (it )?(for )?free",
        r"special (offer|price|rate)",
        r"discount(ed)?",
        r"(summer|winter|spring|black friday|flash|big) sale",
        r"promo(tion|tional)?( code| price)?",
        r"(half|reduced) price",
        r"if (you|your \w+) (\w+ ){0,2}(grow|growing|grows|ever need|need more|want more"
        r"|expand)\w*",
    ],
    "es": [
        r"por (solo|solamente|apenas|tan solo)",
        r"\d+ ?% de (descuento|dto|rebaja|ahorro)",
        r"descuento",
        r"(primer|1er|primeros|\d+) (mes|meses|ano|anos) (gratis|de regalo|sin coste)",
        r"(gratis|sin coste|de regalo) (el|los|durante) (primer|\d)",
        r"prueba gratis",
        r"(prueba(lo|la)?|pruebalo|probar(lo|la)?) gratis",
        r"gratis durante",
        r"(durante|por) (\d+|un|una|dos|tres) (dias|semanas|mes|meses) (sin coste|gratis"
        r"|sin cargo)",
        r"(dos|tres|\d+) meses (gratis|de regalo)",
        r"(te|le|os|se) (ahorra|ahorras|ahorrarias|ahorraria|ahorraras|ahorrara)",
        r"ahorr(a|as|ar|arias) (un|\d|hasta)",
        r"oferta",
        r"promocion",
        r"(a )?(mitad de precio|medio precio|precio reducido)",
    ],
    "fr": [
        r"(pour|a|a partir de) (seulement|juste)",
        r"-? ?\d+ ?% (de reduction|de remise|sur|moins cher)",
        r"-\d+ ?%",
        r"reduction",
        r"remise",
        r"(premier|1er|\d+|un|deux|trois) (mois|an|annee|jour)s? (sont |est )?(offert|gratuit)s?",
        r"(pendant )?(\d+|un|deux|trois) (jours|mois) (offerts|gratuits|sans frais)",
        r"(essai|essay\w*|test\w*) (\w+ )?gratuit\w*",
        r"gratuitement pendant",
        # Every tense a saving is promised in: "vous économiseriez", "vous économiserez".
        r"(vous )?economis(e|er|ez|erez|eriez|erait|eraient)",
        r"promotion",
        r"(moitie prix|demi-tarif|prix reduit)",
    ],
    "de": [
        r"(fur|ab) (nur|lediglich)",
        r"(schon|bereits) ab \d",
        r"nur \d+",
        r"\d+ ?% (rabatt|gunstiger|sparen|nachlass)",
        r"rabatt",
        r"\w* ?(monat|monate|wochen|tage|jahr) (\w+ )?(kostenlos|gratis|gratis testen)",
        r"kostenlos (testen|ausprobieren)",
        r"(sparen sie|sie sparen|spart ihnen)",
        r"aktionspreis|sonderangebot|angebot",
        r"(zum )?halben preis",
    ],
    "pt": [
        r"por (apenas|so|somente)",
        r"\d+ ?% de (desconto|abatimento)",
        r"desconto",
        r"(anuidade|mensalidade|primeiro mes|primeiros \d+ meses)"
        r" (gratis|gratuit\w+|oferecid\w+)",
        r"(gratis|gratuitamente) (no|durante|nos) (primeiro|\d)",
        r"(experiment\w*|test\w*) (\w+ ){0,3}(gratis|gratuitamente)",
        r"(gratis|gratuitamente) (por|durante) (\d+|um|uma) (dias|mes|meses|semanas?)",
        r"(por|durante) (\d+|um|uma|dois|tres) (dias|semanas|mes|meses) (sem custo|gratis"
        r"|de graca)",
        r"(poupa|poupe|poupam|economiza|economize|economizam|economizaria|economizariam)",
        r"oferta",
        r"promocao",
        r"(metade do preco|meio preco|preco reduzido)",
    ],
}
# Free for a while, with "free" first ("gratuit pendant 30 jours", "grátis por um mês"); a
# price "from" an amount ("a partir de 9 €"); a bill the customer "could reduce".
_DEAL_PHRASES["en"] += [
    r"(could|can|would|'d|will) (\w+ )?(reduce|lower|cut|bring down|shrink) your (\w+ )?"
    r"(bill|costs?|spend|payments?)",
]
_DEAL_PHRASES["es"] += [
    r"(\d+|un|una|dos|tres|siete|quince|treinta) (dias|semanas|meses) (gratis|sin coste"
    r"|sin cargo)",
    r"gratis (durante|por) (\d+|un|una|dos|tres) (dias|semanas|mes|meses)",
    r"a partir de " + _AMOUNT,
    r"(podrias|podria|puedes|puede|podeis) (\w+ )?(reducir|rebajar|bajar|abaratar) (\w+ )?"
    r"(tu|su|vuestra|vuestro) (\w+ )?(factura|gasto|cuota|recibo)",
]
_DEAL_PHRASES["fr"] += [
    r"gratuit\w* (pendant|durant) (\d+|un|une|deux|trois)",
    r"a partir de " + _AMOUNT,
    r"(pourriez|pouvez|pourrez) (\w+ )?(reduire|baisser|alleger|diminuer) (\w+ )?(votre|vos)"
    r" (\w+ )?(facture|budget|depense|mensualite)",
]
_DEAL_PHRASES["de"] += [
    r"(kostenlos|gratis) (fur|wahrend) (\d+|einen|eine|zwei|drei) (tage|wochen|monat|monate)",
    r"(ihre|deine) (\w+ )?(rechnung|kosten|ausgaben|monatsbeitrag\w*) (\w+ ){0,2}(senken"
    r"|reduzieren|verringern|drucken)",
]
_DEAL_PHRASES["pt"] += [
    r"(\d+|um|uma|dois|duas|tres|sete|quinze|trinta) (dias|semanas|meses) (gratis|de graca"
    r"|gratuitos|sem custo)",
    r"(gratuit[oa]s?|de graca) (por|durante) (\d+|um|uma|dois|tres) (dias|mes|meses|semanas?)",
    r"a partir de " + _AMOUNT,
    r"(poderia|pode|podem|poderiam|podera) (\w+ )?(reduzir|diminuir|baixar) (\w+ )?(a sua |sua"
    r" |a tua |o seu |seu )?(\w+ )?(fatura|conta|mensalidade|gasto)",
]
# Less than the parts bought one by one: "for less than buying them separately".
_DEAL_PHRASES["en"].append(r"for less than")
_DEAL_PHRASES["es"].append(r"por menos (de lo que|que)")
_DEAL_PHRASES["fr"].append(r"pour moins (cher )?que")
_DEAL_PHRASES["de"].append(r"(fur )?weniger als (einzeln|separat|getrennt)")
_DEAL_PHRASES["pt"].append(r"por menos (do )?que")
# An amount saved: "spart im ersten Jahr 120 €", "ahorras 40 € al año".
_DEAL_PHRASES["es"].append(r"ahorr(a|as|an|aria|arias|arian) (\w+ ){0,4}" + _AMOUNT)
_DEAL_PHRASES["fr"].append(r"econom\w+ (\w+ ){0,4}" + _AMOUNT)
_DEAL_PHRASES["de"].append(r"spar(t|en|st|en sie) (\w+ ){0,4}" + _AMOUNT)
_DEAL_PHRASES["pt"].append(r"(economiz|poup)\w+ (\w+ ){0,4}" + _AMOUNT)
# An amount less than something else the customer would pay: "£12 less than the three
# contracts", "10 € weniger als für die Einzelverträge", "12 € de moins que trois contrats
# séparés". A bill compared with an earlier one ("€5 less than last month", "que el mes
# pasado", "als im Vormonat") explains a charge, so a period or a "before" after it is no deal.
_LESS_THAN = {
    "en": r" (less|cheaper) than(?! (last|before|previously|the (previous|last|prior)|in|on)\b)",
    "es": r" menos (que|de lo que)(?! (el mes|el ano|antes|la anterior|el anterior|la ultima"
    r"|el ultimo|en|pagaba|pagabas|pago)\b)",
    "fr": r" (de )?moins (cher )?(que|qu)(?! ?'?(le mois|l'an|l'annee|avant|la precedente"
    r"|le precedent|la derniere|le dernier|en)\b)",
    "de": r" (weniger|gunstiger) als(?! (im|letzten|letzte|vorher|zuvor|bisher|in|am|vor"
    r"|beim)\b)",
    "pt": r" (a menos|mais barato) (do )?que(?! (no mes|o mes|antes|a anterior|o anterior"
    r"|a ultima|o ultimo|em|pagava)\b)",
}
for _name, _less in _LESS_THAN.items():
    _DEAL_PHRASES[_name].append(_AMOUNT + _less)
# Months or fees saved: "you'd save two months", "se ahorra dos meses", "vous économiseriez
# l'équivalent de deux mois", "sparen Sie zwei Monatsbeiträge", "economiza três mensalidades".
_SAVED_PERIODS = {
    "en": r"(save|saves|saving|you'?d save) (\w+ ){0,3}(one|two|three|\d+) (months?|monthly fees"
    r"|payments)",
    "es": r"ahorr\w+ (\w+ ){0,3}(un|una|dos|tres|\d+) (mes|meses|cuotas|mensualidades)",
    "fr": r"econom\w+ (\w+ ){0,3}(un|deux|trois|\d+) (mois|mensualites)",
    "de": r"spar\w* (sie )?(\w+ ){0,3}(einen|eine|zwei|drei|\d+) (monat\w*|jahresbeitrag\w*)",
    "pt": r"(economiz|poup)\w+ (\w+ ){0,3}(um|uma|dois|duas|tres|\d+) (mes|meses|mensalidades)",
}
for _name, _saved in _SAVED_PERIODS.items():
    _DEAL_PHRASES[_name].append(_saved)
DEAL = compile_phrases(_DEAL_PHRASES)
# A brand-like product name in the original text: "Swiftship Plus", "Gadget Care package".
_BRAND = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][\w'-]*[ -])?(?:Plus|Premium|Pro|Platinum|Gold|Business"
    r"|Enterprise|Pass|Prime|Autoship|Max|Flex)\b"
    r"|\b(?!(?:The|Your|Our|This|That|My|Das|Der|Die|Ihr|Ihre|El|La|Le|Les|Un|Une|Um|Uma|O|A)\b)"
    r"[A-Z][\w'-]*[ -](?:Package|Plan|Care|Pass|Bundle|Membership|Protect(?:ion)?|Class|Club"
    r"|Paket|Tarif)\b"
    r"|\b[A-Z][\w'-]* (?:[Cc]are|[Pp]rotection|[Ss]upport) (?:package|plan|pack|bundle)\b"
    r"|\b[A-Z]\w+-(?:Paket|Tarif|Abo)"
    r"|\b(?:[Pp]aquete|[Pp]acote|[Pp]ack|[Bb]ono|[Ss]ervicio|[Ss]ervi[çc]o|[Ss]eguro|[Ss]ervice"
    r"|[Oo]ption|[Ff]ormule|[Oo]ffre|[Cc]arte|[Tt]arjeta|[Cc]art[ãa]o|[Pp]ass|[Pp]asse) [A-Z]\w+"
)
# A price per period ("£4.99 a month", "9,99 € al mes") or per seat or order ("2 € pro
# Bestellung"): what a product costs, not a refund.
_PRICE = re.compile(
    r"(?:[€$£]|r\$) ?\d[\d.,]*(?: ?€)? ?(?:a|per|/|por|al|par|pro|im|ao|por) ?(?:month|mes|mois"
    r"|monat|day|dia|jour|tag|year|ano|an|jahr|week|semana|semaine|woche)"
    r"|\d(?<![\d.,]\d)[\d.,]* ?(?:€|eur|euros?|\$|£|pounds?|dollars?)"
    r" ?(?:a|per|/|por|al|par|pro|im|ao|de plus par"
    r"|mehr im|a mais por|mas al|more a|extra a) ?(?:month|mes|mois|monat|day|dia|jour|tag|year"
    r"|ano|an|jahr|week|semana|semaine|woche)"
    r"|(?:(?:[€$£]|r\$) ?\d[\d.,]*(?: ?€)?|\d(?<![\d.,]\d)[\d.,]* ?(?:€|eur|euros?|\$|£|pounds?"
    r"|dollars?))"
    r" (?:a|an|per|/|por|par|pro|each|je) (?:seat|user|licen[cs]e|device|usuario|utilisateur"
    r"|nutzer|licencia"
    r"|lizenz|licenca|order|booking|item|pedido|reserva|commande|reservation|bestellung|buchung"
    r"|encomenda|artikel|articulo|artigo|trip|journey|way|night|trayecto|viaje|noche|trajet"
    r"|nuit|strecke|fahrt|nacht|trecho|viagem|noite)"
)
# One more of what the customer has (a second line, card or seat): an offer only beside a price
# or a discount, since "you can add a second user from Settings" answers a how-to question.
_MORE_PHRASES: dict[str, list[str]] = {
    "en": [r"(a )?(second|another|extra|additional) (line|card|sim|user|seat|device|licen[cs]e)"],
    "es": [r"(segunda|otra) (linea|tarjeta|sim|licencia)|(linea|tarjeta|licencia) adicional"],
    "fr": [
        r"(deuxieme|seconde|autre) (ligne|carte|sim|licence)|(ligne|carte|licence)"
        r" supplementaire"
    ],
    "de": [r"(zweite|weitere|zusatzliche)\w* (karte|sim|leitung|lizenz|nutzer)\w*"],
    "pt": [r"(segunda|outra) (linha|cartao|sim|licenca)|(linha|cartao|licenca) adicional"],
}
# A price framed as a little more ("for just £3 more a month", "7 € de plus par mois"): the
# cost of something extra the customer does not have. It counts as an offer only with "only"
# or a pitch cue beside it: a bill that went up "2 € más al mes" is no pitch. One pattern for
# the five languages that opens on a digit, so the engine skips to digits: it costs a reply
# without a price nothing.
_EXTRA = re.compile(
    r"\d(?:[\d.,]*\d)?(?: ?(?:€|eur|euros?|\$|£|reais))? (?:more|extra|mas|adicionales?|de plus"
    r"|en plus|supplementaires?|mehr|zusatzlich|aufpreis|a mais|adicionais?)(?!\w)"
)
# A word every `_EXTRA` match holds ("adiciona" of "adicional(es)", "adicionais"; "plus" of
# "de plus", "en plus"; "mais" of "a mais"): a reply with none is not searched.
_EXTRA_WORDS = (
    "more",
    "extra",
    "mas",
    "adiciona",
    "plus",
    "supplementaire",
    "mehr",
    "zusatzlich",
    "aufpreis",
    "mais",
)
# "only" just before the amount: "for just £3 more", "pour seulement 7 €", "für nur 8 €".
_ONLY = re.compile(
    r"(?<!\w)(?:just|only|solo|solamente|apenas|tan solo|seulement|juste|que|nur|lediglich|so"
    r"|somente) (?:[€$£]|r\$)? ?$"
)
# A period after the extra price ("… more a month", "… de plus par mois"): a recurring price.
_PERIOD = re.compile(
    r" ?(?:a|per|/|por|al|par|pro|im|ao|each|every|cada) ?(?:month|mes|mois|monat|year|ano|an"
    r"|jahr|week|semana|semaine|woche|trip|trayecto|trajet|fahrt|trecho|viagem|night|noche"
    r"|nuit|nacht|noite)"
)
_BEFORE = 12  # characters before an amount read for "only"
# What every `_PRICE` match holds: a currency sign, "eur" (of "eur", "euro", "euros"), or a
# currency written out ("4 pounds per user").
_CURRENCIES = re.compile(r"[€$£]|eur|pound|dollar")

# Pitch cues: a call to action, a recommendation, benefit framing, a deadline.
_PITCH_PHRASES: dict[str, list[str]] = {
    "en": [
        r"did you know",
        r"have you (considered|thought about)",
        r"(could|would|will|can|it'?d|it would) save you",
        r"(shall|should|can|may) i (switch|move|sign|upgrade|add|set|activate|send|put)",
        r"want me to",
        r"would you like (me to|to (add|try|upgrade|switch|get|join))",
        r"(i|we) (can|could) (send|prepare|put together|email) (you |over )*(a |an )?"
        r"(quote|proposal|offer|link)",
        r"(i|we) (can|could) (add|set|activate|switch|upgrade|enrol|enroll|sign)",
        r"gives you",
        r"(you'?d|you would|you'?ll|you will) (get|enjoy|save|have)",
        r"comes with",
        r"check out",
        r"reply yes",
        r"just reply",
        r"while you'?re here",
        r"you (might|may|could) (also )?(like|want|be interested|consider)",
        r"(have|take) a (quick )?look at",
        r"(might|may|could) interest you",
        r"worth (considering|adding|a look|checking|it)",
        r"unlimited",
        r"dedicated",
        r"(i'?d|i would|we'?d|we would|we) (strongly |highly )?recommend",
        r"you (could|can) (add|get|switch|upgrade|try|enjoy|save|join|sign up|move up|step up"
        r"|go up)",
        # "For faster speeds": a benefit; "for more information" is none.
        r"(for|if you want|if you'?d like) (more|faster|extra|bigger|unlimited)"
        r" (?!info|details|help|questions|time)\w+",
        r"(if|should) you (ever )?need (more|extra|faster|bigger)",
        r"if you (switch|upgrade|sign up|subscribe|join|order|add it)",
        r"(get|enjoy|save) (\d+ ?%|up to)",
        r"if you'?d like( to (keep|get|add|try|upgrade))?",
        # An offer that ends soon; "your trial ends on the 15th" is no deadline of a pitch.
        r"(limited time|this week only|today only|before you go|(offer|sale|deal|promo\w*"
        r"|discount|price|pricing) ends (today|tomorrow|on|this)"
        r"|until (sunday|monday|tuesday|wednesday|thursday|friday|saturday|the end of (the )?"
        r"(week|month))|offer (ends|expires|runs)|last chance)",
        r"(customers|people|users|clients|teams|families) in your (position|situation|shoes)",
        r"(do you |would you )?want to (add|try|upgrade|switch|get|protect|join)",
        r"(at|for) a lower (\w+ )?(price|cost|rate)",
        r"(teams|companies|customers|businesses|families|people) (of|like|with) "
        r"(your|you)\w*",
        r"(usually|often|typically) (add|choose|pick|switch|upgrade)",
        r"(add|try|grab|claim|get) it (today|now)",
        r"(first|1st) month",
        r"(works out |is |would be |comes out )?cheaper",
        # Limited-time framing and a spend threshold.
        r"this (week|month|weekend)",
        r"(add|spend) (another |just |only )?([€$£] ?)?\d+",
        r"(pay|paying) less",
        # How much the customer uses something, the benefit of an offer in the conditional.
        r"if you (\w+ ){0,3}(a lot|often|frequently|regularly|heavily|every (day|week|month)"
        r"|more than (once|\w+ times))",
        r"with (the|our|a|an) ([\w+-]+ ){1,3}you('d| would| could)",
        r"would (be|come) (free|included|cheaper)",
        r"(might|may|could) be worth",
        r"consider (our|the|an?|switching|upgrading|adding|moving|going)",
    ],
    "es": [
        r"sabias que",
        r"si (te|le|os) interesa",
        r"clientes (en su situacion|en tu situacion|como usted|como tu)",
        r"(te|le|os|les) (podria|puede|podrian|pueden) interesar",
        r"(te|le|os) lo (activo|anado|preparo|envio|tramito)",
        r"(te|le|os) (preparo|preparamos|envio|enviamos|mando) (la |una )?(propuesta"
        r"|presupuesto|oferta|cotizacion)",
        r"si (quieres|quiere|quereis|desea|deseas|lo deseas|te apetece)",
        r"(quieres|quiere|quereis|deseas|desea) que (te|le|os)",
        r"prioritari\w+",
        r"(te|le|les|os) (recomiendo|recomendamos|interesa|interesaria|aconsejo)",
        r"si (contrata|se cambia|se pasa|se suscribe|se hace|te cambias|te pasas|te haces"
        r"|contratas|amplias)",
        r"tendria(s|is)? (mas|mejor|un|una|acceso|\d)",
        r"(para|si quieres|si quiere|si necesitas|si necesita|si desea|si deseas) (mas|mayor)"
        r" (?!informacion|info|detalles|ayuda|dudas|tiempo)\w+",
        r"(puedes|puede|podeis|podrias|podria) (subir|pasar|ampliar|pasarte|cambiarte|contratar"
        r"|anadir|probar|activar|disfrutar)",
        r"aprovecha\w*",
        r"(hasta|antes del?) (el )?(domingo|lunes|martes|miercoles|jueves|viernes|sabado"
        r"|fin de mes|final de mes)",
        r"(solo|unicamente) (esta semana|hoy|este mes)",
        r"por tiempo limitado",
        r"vale la pena",
        r"(vale|valdria) (la pena )?considerar",
        r"(incluye|incluido|incluida|con) (\w+ ){0,3}(sin coste|gratis|ilimitad\w+)",
        r"(pagarias|pagaria|pagarian|pagaras|pagara) menos",
        r"(esta semana|este mes|este fin de semana)",
        r"(anade|anades|gasta|gastas|suma|sumas) (otros |solo )?\d+",
        r"(mas barat[oa]|mas economic[oa]|le convendria|te convendria|le compensa"
        r"|te compensa|le saldria|te saldria)",
        r"si (\w+ ){0,2}(a menudo|mucho|con frecuencia|frecuentemente|habitualmente|a diario"
        r"|cada (dia|semana|mes)|todos los (dias|meses))",
        r"con (el|la|los|las|nuestro|nuestra|un|una) ((?!que )\w+ ){1,3}(tendrias|tendria|tendriais"
        r"|tienes|tiene|podrias|podria|pagarias|pagaria|ahorrarias|ahorraria|obtendrias"
        r"|obtendria|disfrutarias|disfrutaria|contarias|contaria)",
        r"(saldria|seria|saldrian|serian) (\w+ )?(gratis|gratuit\w+|mas barat\w+)",
        r"(valga|valdria|merece|mereceria|merezca) la pena",
        r"(piense|piensa|has pensado|ha pensado) en",
        r"(te|le|os) gustaria (probar|anadir|pasarte|pasarse|cambiarte|contratar|activar"
        r"|ampliar|suscribirte)",
    ],
    "fr": [
        r"saviez-vous",
        r"prioritaire",
        r"profitez",
        r"vous pourriez (passer|profiter|opter|ajouter|souscrire)",
        r"vous pouvez (passer|profiter|opter|ajouter|souscrire|essayer|tester|monter|evoluer)",
        r"(pour|si vous voulez|si vous souhaitez|si vous avez besoin de) (plus|davantage)"
        r" (?!(de |d')?(info|details|precisions|renseignements|aide|questions|temps))(de |d')?\w+",
        r"(je vous|nous vous) (recommande|conseille|propose|suggere)",
        r"clients (dans votre situation|comme vous|dans votre cas)",
        r"(voulez|souhaitez|aimeriez)[ -]vous",
        r"je (peux|pourrais) (vous )?(l'|envoyer|preparer|proposer|activer|ajouter|abonner"
        r"|inscrire|passer|basculer)",
        r"si vous le (souhaitez|voulez|desirez)",
        r"(pourrait|pourraient) vous interesser",
        r"jusqu'(a|au) (dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi|la fin|fin)",
        r"(seulement|uniquement) (cette semaine|aujourd'hui|ce mois)",
        r"duree limitee",
        r"(vaut|vaudrait) le coup",
        r"(vous aurez|vous beneficiez|vous beneficierez|beneficiez)",
        r"(sont |est )?inclu(s|e|es)? (: |dans )?(voulez|souhaitez|pour)",
        r"(moins cher|plus avantageu\w+|plus economique|vous reviendrait|vous reviendra)",
        r"(cette semaine|ce mois-ci|ce week-end)",
        r"(en ajoutant|ajoutez|depensez) (\w+ )?\d+",
        r"si vous (\w+ ){0,2}(souvent|beaucoup|frequemment|regulierement|tous les (jours"
        r"|mois)|chaque (jour|semaine|mois))",
        r"avec (le|la|l'|les|notre|un|une) ?(\w+ ){1,3}vous (auriez|beneficieriez"
        r"|profiteriez|economiseriez|paieriez|pourriez)",
        r"(serait|seraient) (\w+ )?(gratuit\w*|offert\w*|inclus\w*|moins cher\w*)",
        r"(vaudrait|vaille) (la peine|le coup)",
        r"(pensez|avez-vous pense|avez vous pense) a",
    ],
    "de": [
        r"(erhalten|bekommen|sichern|genießen|geniessen) sie",
        r"bevorzugt\w*",
        r"wussten sie",
        r"lohnt sich",
        r"wenn sie (es )?(mochten|wollen|wunschen)",
        r"(fur|falls sie|wenn sie) (\w+ ){0,2}(mehr|schneller\w*|zusatzliche\w*)"
        r" (?!info|details|hilfe|fragen|zeit)\w+",
        r"(konnen|konnten) sie (\w+ ){0,3}(wechseln|upgraden|aufstocken|erweitern)",
        r"(konnte|durfte) sie (\w+ )?interessieren",
        r"(ich )?empfehle (ihnen)?",
        r"empfehlen",
        r"kunden (in ihrer situation|wie sie|in ihrem fall)",
        r"soll ich",
        r"mochten sie",
        r"(jetzt|gleich|heute) (\w+ ){0,3}(testen|sichern|buchen|upgraden|wechseln"
        r"|ausprobieren|dazubuchen|hinzufugen)",
        r"(testen|sichern|buchen|probieren) sie (jetzt|gleich|heute|\w+ (\w+ )?(kostenlos"
        r"|gratis))",
        r"(nur noch )?bis (sonntag|montag|dienstag|mittwoch|donnerstag|freitag|samstag"
        r"|ende)",
        r"(sie )?(konnen|konnten) (jederzeit )?(auf|zu|ihr|ihren)",
        r"(nur|lediglich) \d+",
        r"gunstiger",
        r"(zahlen|bezahlen) sie (\w+ )?weniger",
        r"(diese woche|diesen monat|dieses wochenende)",
        r"ab \d+ ?(€|euro) (bestellwert|einkaufswert)",
        r"(wenn|falls) sie (\w+ ){0,3}(oft|ofter|haufig|haufiger|viel|regelmassig|jeden (tag"
        r"|monat)|taglich)",
        r"mit (dem|der|den|einem|einer|unserem|unserer) ([\w-]+ ){1,3}(hatten|bekamen|wurden"
        r"|konnten|sparen|zahlen|erhalten|bekommen) sie",
        r"(ware|waren) (\w+ )?(kostenlos|gratis|inklusive|gunstiger)",
        r"(konnte|wurde) sich (\w+ )?lohnen",
        r"(denken sie|haben sie (schon |bereits )?(\w+ ){0,4}gedacht) an",
        r"an (\w+ ){1,4}gedacht",
    ],
    "pt": [
        r"conheca",
        r"conhecer",
        r"que tal",
        r"oferece",
        r"sabia que",
        r"prioridade",
        r"aproveite",
        r"(recomendo|recomendamos|sugiro|sugerimos)",
        r"quer que eu",
        r"(posso|podemos) (ativar|enviar|preparar|incluir|adicionar|mudar|fazer)",
        r"(pode|podera|poderia) (fazer|mudar|passar|aderir|experimentar|ativar|ganhar|testar"
        r"|subir)",
        r"(para|se quiser|se precisar de|se precisar) (mais|maior)"
        r" (?!informac|info|detalhes|ajuda|duvidas|tempo)\w+",
        r"clientes (na sua situacao|como voce|no seu caso)",
        r"(ate|so ate) (domingo|segunda|terca|quarta|quinta|sexta|sabado|ao fim|o fim|o final)",
        r"(so|apenas) (hoje|esta semana|este mes)",
        r"por tempo limitado",
        r"vale a pena",
        r"(vale|valeria) (a pena )?considerar",
        r"se (voce )?(quiser|desejar|preferir)",
        r"(pode|poderia|podem|poderiam) (te |lhe )?interessar",
        r"(pode|podera|poderia) (adicionar|incluir|contratar)",
        r"(ganhe|ganhar|ganha|tem|teria) (\w+ ){0,2}(gratis|desconto|\d+ ?%)",
        r"(mais barat[oa]|mais em conta|pagaria menos|compensa)",
        r"(esta semana|este mes|este fim de semana)",
        r"(juntar|adicionar|gastar|somar) mais \d+",
        r"se (voce |vc )?(\w+ ){0,2}(com frequencia|muito|bastante|frequentemente|regularmente"
        r"|todo (dia|mes)|todos os (dias|meses))",
        r"com (o|a|os|as|um|uma|nosso|nossa) ((?!que )\w+ ){1,3}(voce )?(teria|teriam|tem|poderia"
        r"|economizaria|pagaria|ganharia)",
        r"(sairia|seria|ficaria|sairiam|seriam) (\w+ ){0,2}(gratis|gratuit\w+|de graca"
        r"|mais barat\w+)",
        r"(valha|valeria) a pena",
        r"(ja pensou|pense|pensou) (no|na|em)",
    ],
}
# A price compared with what the customer pays now ("£4 more than you pay now").
_PITCH_PHRASES["en"].append(r"than (what )?you('re| are)? (currently |now )?pay(ing)?")
_PITCH_PHRASES["es"].append(r"de lo que (ya |ahora )?(pagas|paga|pagais|estas pagando)")
_PITCH_PHRASES["fr"].append(r"que ce que vous (payez|reglez)")
_PITCH_PHRASES["de"].append(r"als (sie )?(jetzt|derzeit|bisher|aktuell) (\w+ )?(zahlen|bezahlen)")
_PITCH_PHRASES["pt"].append(r"do que (voce |vc )?(ja |hoje )?(paga|esta pagando)")
# Interest, sense and fit asked of the customer ("if you're interested", "se fizer sentido");
# others like them who add it ("many tenants add", "viele Kunden buchen"), customers who can
# add it; paying less; time still left to take it; a proposal or a switch the agent will
# prepare; a team that grows; cover that would follow ("would be covered"); an offer put as
# the way to avoid the problem again.
_PITCH_PHRASES["en"] += [
    r"if (you'?re|you are) interested",
    r"if (it|that|this) (makes sense|suits you|works for you|sounds (good|useful))",
    r"(many|most|lots|plenty) (of )?(our )?\w+ (add|choose|opt|pick|go for|take|combine"
    r"|upgrade|switch|bundle)",
    r"(customers|clients|members|subscribers|users) (\w+ ){0,3}(can|may) (add|get|upgrade"
    r"|switch|enjoy)",
    r"there'?s still time|don'?t miss (out|it)|take advantage",
    r"(i'?ll|i can|i will|we can|we'?ll) (\w+ )?(set up|prepare|arrange|handle|start) the"
    r" (switch|migration|move|upgrade|change)",
    r"would (also )?be (covered|protected|insured)",
    r"(to avoid|to prevent|so) (this|that|it) (from )?(happen\w* )?(again|in future|next time)",
]
_PITCH_PHRASES["es"] += [
    r"si (lo )?(desea|quiere)",
    r"si (te|le) (encaja|cuadra|convence)|si tiene sentido",
    r"(muchos|muchas|la mayoria) (de )?(nuestros |nuestras |los |las )?\w+ (anaden|eligen"
    r"|optan|contratan|combinan|se pasan|suman|agregan)",
    r"(clientes|socios|suscriptores|usuarios) (\w+ ){0,3}pueden (anadir|contratar|sumar"
    r"|disfrutar|pasarse)",
    r"(pagar|pagando|pagas|pagarias) menos",
    r"(aun|todavia) (estas|esta|estais) a tiempo|no (te|se) (lo|la) pierda",
    r"(te|le|os) (dejo|preparo|hago|tramito) (el cambio|la migracion)",
    r"si (tu |su |el |la )?(\w+ )?(crece|crecen|va a crecer|sigue creciendo)",
    r"(estaria|estarian) (\w+ ){0,3}(cubiert\w+|protegid\w+|asegurad\w+)",
    r"para (que no vuelva a (pasar|ocurrir)|evitar(lo)? (que|en el futuro))",
]
_PITCH_PHRASES["fr"] += [
    r"si (cela|ca) vous (interesse|convient|tente)|si vous etes interesse\w*",
    r"(etre|serez|seriez|etes) (\w+ )?interesse\w* par",
    r"(beaucoup|la plupart) (de |des )(nos )?\w+ (ajoutent|choisissent|optent|prennent"
    r"|souscrivent|combinent|passent)",
    r"(clients|abonnes|membres) (\w+ ){0,3}peuvent (ajouter|souscrire|profiter|beneficier"
    r"|passer)",
    r"(payer|payez|paieriez|payerez) moins",
    r"(d'en |en )?profiter|il est encore temps|ne (manquez|ratez) pas",
    r"je (vous )?(prepare|lance|fais) (la migration|le changement|le passage|la bascule)",
    r"si (votre |l'|la |le )?(\w+ )?(grandit|s'agrandit|grossit|se developpe)",
    r"(serait|seraient) (\w+ ){0,3}(couvert\w*|protege\w*|assure\w*)",
    r"pour (que cela|que ca|eviter que (cela|ca)) ne se reprodui\w+",
]
_PITCH_PHRASES["de"] += [
    r"(bei|falls sie|wenn sie) interesse",
    r"wenn (das|es) (fur sie )?(passt|sinn macht|sinnvoll ist)",
    r"(viele|die meisten) (unserer )?\w+ (erganzen|buchen|wahlen|nehmen|entscheiden"
    r"|kombinieren|wechseln)",
    r"((konnen|konnten) sie|sie (konnen|konnten)) (\w+ ){0,4}(dazubuchen|hinzubuchen"
    r"|hinzufugen|abschliessen|erganzen)",
    r"weniger (zahlen|bezahlen)",
    r"nicht verpassen|verpassen sie (es )?nicht|nutzen sie die gelegenheit|es ist noch zeit",
    r"(bereite|stelle|richte) (ich )?(\w+ ){0,2}(den wechsel|die umstellung|die migration"
    r"|das upgrade)",
    r"wenn (ihr|ihre|das|die|der) (\w+ )?(wachst|grosser wird|wachsen)",
    r"(ware|waren) (\w+ ){0,5}(abgesichert|geschutzt|versichert|mitversichert)",
    r"damit (das|dies|es) nicht (mehr|wieder|noch einmal)",
]
_PITCH_PHRASES["pt"] += [
    r"se (tiver|tiverem) interesse|se (lhe|te) interessar|caso (tenha|queira) interesse",
    r"se fizer sentido|se (te|lhe) (servir|agradar|convier)",
    r"(muitos|muitas|a maioria) (dos |das )?(nossos |nossas )?\w+ (adicionam|escolhem|optam"
    r"|contratam|combinam|incluem|mudam)",
    r"(clientes|assinantes|socios|membros) (\w+ ){0,3}podem (adicionar|incluir|contratar"
    r"|ganhar|ter|aderir)",
    r"(pagar|pagando|paga|pagam) menos",
    r"ainda (da|ha) tempo|nao perca",
    r"(posso|podemos) (te |lhe )?(mandar|enviar|preparar) (a |uma )?(proposta|oferta"
    r"|orcamento|cotacao)",
    r"(ja )?(deixo|preparo|faco) (a )?(migracao|mudanca|troca)",
    r"se (a|o|sua|seu|a sua|o seu) (\w+ )?(crescer|for crescer|crescerem|aumentar)",
    r"(estaria|estariam|ficaria|ficariam) (\w+ ){0,3}(coberto\w*|cobert[ao]s?|protegid\w*)",
    r"para (nao acontecer|evitar que (isso|isto) aconteca) (de novo|novamente|outra vez)",
]
# A tier, bundle or add-on presented with what it gives: "our X bundle includes", "the X tier
# also includes", "the X pass unlocks / doubles". The customer's own ("your plan includes")
# is read apart; "our" or "also" (what it adds to what they have) makes it an offer.
_TIER = {
    "en": r"(plan|tier|bundle|package|membership|pass|subscription|add-?on|edition|version"
    r"|premium|pro|plus|option|cover|protection)",
    "es": r"(plan|tarifa|paquete|pase|suscripcion|complemento|modalidad|bono|seguro|servicio"
    r"|premium|pro|plus|opcion|version|add-?on)",
    "fr": r"(offre|forfait|formule|abonnement|pack|pass|option|plan|premium|pro|plus|version"
    r"|extension|add-?on)",
    "de": r"\w*(tarif|paket|abo|pass|option|plan|premium|pro|plus|version|add-?on)\w*",
    "pt": r"(plano|pacote|passe|assinatura|adicional|combo|modalidade|servico|seguro|premium"
    r"|pro|plus|versao|add-?on)",
}
_GIVES = {
    "en": r"(includes|has|unlocks|doubles|gives you|adds|offers|comes with|covers|lets you"
    r"|brings)",
    "es": r"(incluye|tiene|desbloquea|duplica|le da|te da|ofrece|anade|cubre|permite|trae)",
    "fr": r"(inclut|comprend|offre|debloque|double|ajoute|donne acces a|propose|vous donne"
    r"|couvre|permet)",
    "de": r"(enthalt|beinhaltet|bietet|umfasst|schaltet|verdoppelt|hat|gibt ihnen|deckt)",
    "pt": r"(inclui|tem|desbloqueia|dobra|duplica|da|oferece|acrescenta|cobre|permite|traz)",
}
# The same, with "also" after the verb: only verbs that give, not "has" or "gives".
_ADDS = {
    "es": r"(incluye|desbloquea|duplica|ofrece|anade|cubre)",
    "fr": r"(inclut|comprend|offre|debloque|double|ajoute|donne acces a|propose)",
    "de": r"(enthalt|beinhaltet|bietet|umfasst|schaltet|verdoppelt)",
    "pt": r"(inclui|desbloqueia|dobra|duplica|oferece|acrescenta|da acesso a|traz)",
}
_PITCH_PHRASES["en"] += [
    r"our ([\w+-]+ ){0,3}" + _TIER["en"] + r" (also |even |additionally |now )?" + _GIVES["en"],
    _TIER["en"] + r" ([\w+-]+ ){0,3}(also|even|additionally) " + _GIVES["en"],
    _TIER["en"] + r" ([\w+-]+ ){0,4}(unlocks|doubles)",
]
_PITCH_PHRASES["es"] += [
    r"nuestr[oa] (\w+ ){0,3}" + _TIER["es"] + r" (\w+ ){0,2}(tambien |ademas )?" + _GIVES["es"],
    _TIER["es"] + r" (\w+ ){0,4}(tambien|ademas) " + _GIVES["es"],
    _ADDS["es"] + r" (ademas|tambien|de regalo|extra)",
    _TIER["es"] + r" (\w+ ){0,4}(desbloquea|duplica)",
]
_PITCH_PHRASES["fr"] += [
    r"notre (\w+ ){0,3}" + _TIER["fr"] + r" (\w+ ){0,3}" + _GIVES["fr"],
    _ADDS["fr"] + r" (aussi|egalement|en plus|en outre|de plus)",
    _TIER["fr"] + r" (\w+ ){0,4}(debloque|double)",
]
_PITCH_PHRASES["de"] += [
    r"unser\w* ([\w-]+ ){0,3}" + _TIER["de"] + r" (\w+ ){0,2}" + _GIVES["de"],
    _ADDS["de"] + r" (zusatzlich|ausserdem|obendrein|sogar)",
    # Opening on the word itself ("Premium-Pass schaltet"), not on a compound's head: a
    # phrase that opens on "\w*" is tried at every word.
    r"(tarif|paket|abo|pass|option|plan|premium|pro|plus|version|add-?on)\w* (\w+ ){0,4}"
    r"(schaltet|verdoppelt)",
]
_PITCH_PHRASES["pt"] += [
    r"(nosso|nossa) (\w+ ){0,3}" + _TIER["pt"] + r" (\w+ ){0,2}(tambem |ainda )?" + _GIVES["pt"],
    _ADDS["pt"] + r" (tambem|ainda|de quebra|alem disso)",
    r"tambem " + _ADDS["pt"],
    _TIER["pt"] + r" (\w+ ){0,4}(desbloqueia|dobra|duplica)",
]
# How often the customer, their team or their account needs something: "if this is something
# your team needs often", "si el equipo necesita espacio a menudo", "se a equipe precisa de
# espaço com frequência".
_PITCH_PHRASES["en"].append(
    r"if ((this|that|it)('s| is) something )?(your \w+|the \w+|they) (\w+ ){0,3}(a lot|often"
    r"|frequently|regularly|heavily|every (day|week|month))"
)
_PITCH_PHRASES["es"].append(
    r"si (\w+ ){3,5}(a menudo|con frecuencia|frecuentemente|habitualmente|a diario"
    r"|cada (dia|semana|mes)|todos los (dias|meses))"
)
_PITCH_PHRASES["fr"].append(
    r"si (tu|votre \w+|ton \w+|l'\w+|le \w+|la \w+|les \w+) (\w+ ){0,3}(souvent|frequemment"
    r"|regulierement|tous les (jours|mois)|chaque (jour|semaine|mois))"
)
_PITCH_PHRASES["de"].append(
    r"(wenn|falls) (du|ihr \w+|ihre \w+|das \w+|der \w+|die \w+) (\w+ ){0,3}(oft|haufig"
    r"|regelmassig|jeden (tag|monat)|taglich)"
)
_PITCH_PHRASES["pt"].append(
    r"se (\w+ ){3,6}(com frequencia|frequentemente|regularmente|todo (dia|mes)|todos os (dias"
    r"|meses))"
)
# An invitation to discover or look at an offer: "we invite you to discover", "discover our",
# "nous vous invitons à découvrir", "conheça", "entdecken Sie"; a benefit to be had ("pour
# bénéficier de").
_PITCH_PHRASES["en"] += [
    r"(we|i) (would like to |'d like to )?invite you to (discover|explore|try|check out|take a"
    r" look|look at|see|learn about|find out)",
    r"(discover|explore) (our|the|what)",
    r"(learn|find out|read) more about (our|the)",
    r"to (benefit from|take advantage of)",
]
_PITCH_PHRASES["es"] += [
    r"(le|te|os|les) (invito|invitamos) a (descubrir|conocer|probar|ver|echar)",
    r"descubr(a|e|an|id|ir) (nuestr\w+|el|la|los|las|lo que)",
    r"(conozca|conoce|conozcan) (nuestr\w+|el|la|los|las)",
    r"(eche|echa|echen|echar|echarle|echele) un vistazo",
    r"para (beneficiarse|beneficiarte|disfrutar) de",
]
_PITCH_PHRASES["fr"] += [
    r"(nous vous|je vous|on vous) invit\w* a (decouvrir|essayer|tester|jeter un|profiter)",
    r"decouvr(ez|ir) (notre|nos|l'|le|la|les|ce que)",
    r"(jetez|jeter|jetez-y) un (coup d'oeil|oeil)",
    r"n'hesitez pas a (decouvrir|essayer|tester|jeter|souscrire)",
    r"pour (beneficier|profiter) (de|d'|des|du)",
]
_PITCH_PHRASES["de"] += [
    r"(wir laden|ich lade) sie (\w+ )?ein",
    r"entdecken sie",
    r"(schauen|sehen) sie sich (\w+ ){0,5}an",
    r"werfen sie (\w+ )?einen blick",
    r"lernen sie (\w+ ){0,4}kennen",
]
_PITCH_PHRASES["pt"] += [
    r"(convido|convidamos) (voce |voces |o senhor |a senhora )?a (conhecer|descobrir"
    r"|experimentar|conferir)",
    r"(descubra|descubram)",
    r"(confira|confiram) (o|a|os|as|nosso|nossa)",
    r"(de|deem) uma olhada",
    r"para (aproveitar|usufruir)",
]
# Whoever takes it pays less ("wer ... im Kombi-Paket bucht, zahlt ...", "quien contrate ...");
# a switch put as a gerund with what it brings ("switching to annual billing, you save").
_PITCH_PHRASES["en"] += [
    r"(anyone|everyone|customers|those|people) who (books?|adds?|bundles?|switch(es)?|signs? up"
    r"|takes? out|combines?)",
    r"(by )?(switching|moving|upgrading|changing) (over )?to",
]
_PITCH_PHRASES["es"] += [
    r"quien(es)? (contrate|contraten|combine|combinen|se pase|se pasen|anada|anadan|junte"
    r"|junten|reserve|reserven)",
    r"(cambiandote|cambiandose|pasandote|pasandose|cambiando|pasando) (a|al)",
]
_PITCH_PHRASES["fr"] += [
    r"(ceux|celles|les clients|tous ceux) qui (souscrivent|prennent|regroupent|passent"
    r"|ajoutent|reservent|combinent)",
    r"en (passant|basculant|optant) (a|au|pour|vers)",
]
_PITCH_PHRASES["de"] += [
    r"wer ([^\s.?!]+ ){0,6}(bucht|abschliesst|wechselt|kombiniert|dazubucht|hinzubucht)"
    r"(?! hat| haben)",
    r"(mit einem|durch einen|beim) wechsel (auf|zu|in)",
]
_PITCH_PHRASES["pt"] += [
    r"quem (contratar|assinar|juntar|combinar|mudar|adicionar|reservar|aderir)",
    r"(mudando|migrando|trocando) para",
]
# An offer put for the customer's next trips or orders: "for your next trips, our X ...".
_PITCH_PHRASES["en"].append(
    r"for (your |all your )?(future|next|upcoming) (trips?|orders?|bookings?|stays?|purchases?"
    r"|journeys?|flights?|holidays?|visits?|deliveries)"
)
_PITCH_PHRASES["es"].append(
    r"para (sus |tus )?(proximos|futuros|proximas|futuras) (viajes|pedidos|reservas|compras"
    r"|estancias|vuelos|visitas|envios)"
)
_PITCH_PHRASES["fr"].append(
    r"pour (vos |tes )?(prochains?|prochaines|futurs?|futures) (voyages|commandes|reservations"
    r"|achats|sejours|vols|trajets|livraisons)"
)
_PITCH_PHRASES["de"].append(
    r"fur (ihre |deine |die )?(kunftigen?|nachsten) (reisen|bestellungen|buchungen|einkaufe"
    r"|fluge|fahrten|aufenthalte|lieferungen)"
)
_PITCH_PHRASES["pt"].append(
    r"(para|nas|nos) (as |os |suas |seus )?(proximas|proximos|futuras|futuros) (viagens|compras"
    r"|pedidos|reservas|estadias|voos|entregas)"
)
# Going further than what the customer has ("to go further", "pour aller plus loin"), and a
# figure compared with theirs ("90 days instead of 30").
_PITCH_PHRASES["en"] += [
    r"(to|if you('d like to| want to| wish to)) go further",
    r"(instead of|rather than|compared (to|with)) (your |the )?(current )?\d",
]
_PITCH_PHRASES["es"] += [
    r"(para|si (quiere|quieres|desea|deseas)) ir (mas alla|mas lejos)",
    r"(en lugar de|en vez de|frente a) (los |las |sus |tus )?(actuales )?\d",
]
_PITCH_PHRASES["fr"] += [
    r"(pour|si (vous voulez|tu veux|vous souhaitez|vous desirez)) aller plus loin",
    r"(au lieu de|au lieu des|par rapport a|par rapport aux) (vos |tes |les )?(actuels )?\d",
]
_PITCH_PHRASES["de"] += [
    r"wenn sie (noch )?mehr (wollen|mochten|brauchen|wunschen)",
    r"(statt|anstatt|anstelle von|im vergleich zu) (ihren |den |der )?(bisherigen )?\d",
]
_PITCH_PHRASES["pt"] += [
    r"(para|se (quiser|quiserem|desejar)) ir (alem|mais longe)",
    r"(em vez de|ao inves de|em comparacao com) (os |as |seus |suas )?(atuais )?\d",
]
# A tier that "adds" something is offered for what it adds, like one that unlocks.
_PITCH_PHRASES["en"].append(_TIER["en"] + r" ([\w+-]+ ){0,3}adds")
_PITCH_PHRASES["es"].append(_TIER["es"] + r" (\w+ ){0,3}(anade|agrega|suma)")
_PITCH_PHRASES["fr"].append(_TIER["fr"] + r" (\w+ ){0,3}ajoute")
_PITCH_PHRASES["de"].append(
    r"(tarif|paket|abo|pass|option|plan|premium|pro|plus)\w* (\w+ ){0,3}"
    r"(fugt|erganzt)"
)
_PITCH_PHRASES["pt"].append(_TIER["pt"] + r" (\w+ ){0,3}(acrescenta|adiciona)")
# A service or product the customer may try ("you can also try our X free for 14 days", "Sie
# können unseren X-Dienst 14 Tage kostenlos testen"): a pitch cue, a sale only beside a free
# period or another deal. The customer's own trial is read apart ("your free trial").
_PITCH_PHRASES["en"].append(r"you (can|could|might) (also |always |still )?(try|test|trial)")
_PITCH_PHRASES["es"].append(
    r"(puedes|puede|podeis|podrias|podria|pueden) (\w+ ){0,2}(probar|testear|usar gratis)"
)
_PITCH_PHRASES["fr"].append(
    r"vous (pouvez|pourriez|pourrez) (aussi |egalement |toujours |deja )?(essayer|tester)"
)
# The German verb closes the clause: a lookahead reaches it without swallowing the free period
# before it ("einen Monat kostenlos"), which the deals must still find.
_PITCH_PHRASES["de"].append(
    r"((konnen|konnten) sie|sie (konnen|konnten))(?=[^.?!\n]{0,60}\b(testen|ausprobieren)\b)"
)
_PITCH_PHRASES["pt"].append(
    r"(pode|podera|poderia|podem) (\w+ ){0,2}(experimentar|testar|usar gratis)"
)
# A suggestion put as "why not ...?" ("why not move to annual billing?", "pourquoi ne pas
# passer à ...", "warum nicht ..."): a pitch cue, which still needs an offer or a deal. In
# Spanish and Portuguese "por qué no" also asks why something fails ("por qué no funciona"),
# so only a verb of taking or trying follows it.
_PITCH_PHRASES["en"].append(
    r"why not (\w+ )?(try|switch|move|go|add|upgrade|pay|bundle|combine|take|get|join|sign up"
    r"|give|consider|treat)"
)
_PITCH_PHRASES["es"].append(
    r"por que no (se |te |le )?(prueba|pruebas|pasa|pasas|cambia|cambias|anade|anades|contrata"
    r"|contratas|opta|optas|aprovecha|aprovechas|sube|subes|junta|juntas|suma|sumas)"
)
_PITCH_PHRASES["fr"].append(r"pourquoi (ne )?pas")
_PITCH_PHRASES["de"].append(
    r"warum (nicht|(wechseln|testen|probieren|buchen|nutzen) sie (\w+ ){0,4}nicht)"
)
_PITCH_PHRASES["pt"].append(
    r"(por que|porque) nao (experimenta|experimentar|passa|passar|muda|mudar|adiciona"
    r"|adicionar|contrata|contratar|aproveita|aproveitar|assina|assinar|testa|testar|junta"
    r"|juntar)"
)
PITCH = compile_phrases(_PITCH_PHRASES)
# A goodwill upgrade already given is not a pitch.
_GOODWILL_TAIL = (
    r" (?:\w+ ){0,4}(?:descuento|abono|reembolso|remise|reduction|geste|avoir|desconto|credito"
    r"|bonus|\d+ ?%)"
)
# Per language, so that a long reply reads only its own language's.
_GOODWILL_PHRASES: dict[str, str] = {
    "en": r"(?:i'?ve|we'?ve|i have|we have|i|we) (?:\w+ ){0,3}(?:upgraded|given you an? (?:free |"
    r"complimentary )?upgrade|(?:moved|switched|downgraded|changed) you (?:to|onto|back to)"
    r" (?:the |a |an )?(?:[\w+-]+ ){0,2}(?:plan|tier|tariff|package|subscription))"
    r"|\b(?:i'?ve|we'?ve|i have|we have) (?:\w+ ){0,2}(?:applied|added|given you|credited"
    r"|issued|waived|taken) (?:\w+ ){0,4}(?:discount|credit|refund|free month|month free"
    r"|\d+ ?% (?:off|discount)|reduction)",
    # The same goodwill in es/fr/de/pt: a discount or credit already applied.
    "es": r"(?:(?:le |te |les |os )?(?:he|hemos) (?:aplicado|anadido|abonado|devuelto|hecho))"
    + _GOODWILL_TAIL,
    "fr": r"(?:(?:j'ai|nous avons|je vous ai|nous vous avons) (?:applique|accorde|ajoute|offert"
    r"|rembourse|credite))" + _GOODWILL_TAIL,
    "de": r"(?:ich habe|wir haben) (?:ihnen )?(?:\w+ ){0,4}(?:rabatt|gutschrift|nachlass"
    r"|\d+ ?%) (?:\w+ ){0,5}(?:gewahrt|gutgeschrieben|angewendet|erstattet|gegeben)",
    "pt": r"(?:apliquei|aplicamos|creditei|creditamos|dei|demos|concedi|concedemos)"
    + _GOODWILL_TAIL,
}
# The customer's own current plan (removed before looking for an offer).
_CURRENT_PLAN_PHRASES: dict[str, list[str]] = {
    "en": [
        r"(included|in|on) your (current )?plan",
        r"(the|this) ([\w+-]+ ){0,2}(plan|tier|package|subscription|membership|bundle"
        r"|tariff) (that |which )?(you'?re on|you are on|you have|you already have"
        r"|you'?ve got|you pay for)",
        # Something the customer already took out: "the add-on you activated in March".
        r"(the|this|that) ([\w+-]+ ){0,2}(plan|tier|package|subscription|membership|bundle"
        r"|tariff|add-?on|option|service|insurance|cover|pass|card|trial) (that |which )?you"
        r" (\w+ )?(activated|added|ordered|bought|booked|took out|signed up for|chose|picked"
        r"|subscribed to|requested|asked for|started|began|used|bought)",
        # What the customer's own trial or plan costs from then on: a charge described.
        r"(after that|then|afterwards|thereafter|after the trial|from then on),? ([\w']+ ){0,3}"
        r"(it'?s|it is|costs?|will be|is|you pay|you'?ll pay) " + _AMOUNT,
        # What the customer's own plan gives them is theirs: "your plan gives you priority".
        r"your (current |existing |annual |monthly )?([\w+-]+ ){0,2}(plan|tariff|subscription"
        r"|membership|package|bundle|tier) (already )?(includes?|gives you|comes with|has"
        r"|offers|covers) ([\w'+-]+ ){0,3}[\w'+-]+",
        r"your (current |existing |annual |monthly )?([\w+-]+ ){0,2}(plan|tariff|fare"
        r"|subscription|membership|package|contract|account|card|bundle|tier|premium"
        r"|trial|policy|cover)",
    ],
    "es": [
        r"(en|incluido en|incluida en) tu plan",
        r"(el|la) (plan|tarifa|suscripcion|paquete|modalidad)( \w+)? que (ya )?(tiene|tienes"
        r"|tenes|usa|usas|paga|pagas)",
        r"(su|tu) (actual )?(plan|tarifa|suscripcion|paquete|modalidad)( \w+)? (ya )?(incluye"
        r"|te da|le da|tiene|ofrece|cubre) ([\w'+-]+ ){0,3}[\w'+-]+",
        r"(su|tu|vuestra|vuestro) (actual )?(plan|tarifa|suscripcion|contrato|paquete"
        r"|tarjeta|cuenta|abono|bono|seguro|modalidad)( actual)?( \w+)?",
        r"(el|la|los|las) (\w+ ){0,2}(plan|tarifa|seguro|servicio|paquete|opcion|suscripcion"
        r"|bono|pase) (\w+ )?que (usted |ya )?(contrataste|contrato|activaste|activo|anadiste"
        r"|anadio|pediste|pidio|elegiste|eligio|solicitaste|solicito|compraste|compro"
        r"|empezaste|empezo|iniciaste|inicio)",
        r"(su|tu) (periodo de )?prueba( gratuita| gratis)?",
        r"(despues|luego|a partir de ahi|tras la prueba|a partir de entonces),? ([\w']+ ){0,3}"
        r"(son|es|cuesta|costara|seran|sera|pasa a|pagaras|pagara) " + _AMOUNT,
    ],
    "fr": [
        r"(l'offre|le forfait|la formule|l'abonnement|l'option)( \w+)? (que|dont) vous"
        r" (avez|disposez|beneficiez|payez)",
        r"(votre|ton) (forfait|abonnement|offre|formule|pack)( \w+)? (inclut|comprend|vous"
        r" donne|offre|couvre|propose) ([\w'+-]+ ){0,3}[\w'+-]+",
        r"(votre|ton|vos) (actuel(le)? )?(forfait|abonnement|offre|formule|contrat|carte"
        r"|pack|option|essai|periode d'essai|plan)s?( actuel(le)?| gratuit)?( \w+)?",
        r"(ensuite|puis|apres l'essai|apres cela|par la suite),? ([\w']+ ){0,3}(est de|coute"
        r"|sera de|passe a|sont|vous paierez|vous payerez) " + _AMOUNT,
        r"(le |la |l'|les )(\w+ ){0,2}(forfait|option|offre|formule|abonnement|assurance"
        r"|service|pack|pass|carte) (\w+ )?(que |qu')(vous avez|vous aviez|tu as|tu avais)"
        r" (\w+ )?(active|ajoute|souscrit|choisi|commande|demande|pris|achete|paye|reserve)e?s?",
    ],
    "de": [
        r"(der|das|die|den|dem) (\w+-)?\w*(tarif|paket|abo|vertrag)\w*,? (den|das|die) sie"
        r" (\w+ )?(haben|nutzen|gebucht haben|besitzen)",
        r"(ihr|ihre|dein|deine) (\w+-)?\w*(tarif|paket|abo|vertrag)\w* (beinhaltet|enthalt"
        r"|umfasst|bietet|gibt ihnen) ([\w'+-]+ ){0,3}[\w'+-]+",
        r"(ihr|ihre|ihren|ihrem|ihrer|dein|deine|deinen) (aktuelle[rnms]? |bisherige[rnms]? "
        r"|kostenlose[rnms]? |gratis )?(\w+-)?\w*(tarif|vertrag|paket|abo|abonnement|karte"
        r"|mitgliedschaft|test|plan)\w*( \w+)?",
        r"(danach|anschliessend|ab dann|nach dem test\w*),? (kostet|betragt|sind es|zahlen sie)"
        r" ([\w']+ ){0,3}" + _AMOUNT,
        r"(der|die|das|den|dem) (\w+ ){0,2}\w*(tarif|option|paket|abo|versicherung|service"
        r"|karte|pass)\w*,? (den|die|das) sie (\w+ ){0,3}(gebucht|aktiviert|bestellt"
        r"|abgeschlossen|gewahlt|hinzugefugt|beauftragt) (haben|hatten)",
    ],
    "pt": [
        r"(o|a) (plano|pacote|assinatura|tarifario)( \w+)? que (voce |vc )?(ja )?(tem|possui"
        r"|usa|paga)",
        r"(o seu|a sua|seu|sua) (atual )?(plano|assinatura|pacote)( \w+)? (ja )?(inclui|da"
        r"|lhe da|te da|tem|oferece|cobre) ([\w'+-]+ ){0,3}[\w'+-]+",
        r"(o seu|a sua|seu|sua|o teu|a tua|teu|tua) (atual )?(plano|tarifario|assinatura"
        r"|subscricao|pacote|cartao|contrato|conta|periodo de teste|teste)( atual| gratis)?"
        r"( \w+)?",
        r"(depois|em seguida|apos o teste|a partir dai|depois disso),? ([\w']+ ){0,3}(custa|e de"
        r"|sera de|passa a|fica|sao|vai pagar) ([\w']+ ){0,2}" + _AMOUNT,
        r"(o|a|os|as) (\w+ ){0,2}(plano|pacote|servico|seguro|opcao|assinatura|passe|cartao)"
        r" (\w+ )?que (voce |vc )?(ja )?(contratou|ativou|adicionou|pediu|escolheu|assinou"
        r"|comprou|solicitou)",
    ],
}
# Not a sale: a hardship payment plan, an electronic signature ("assinatura eletrônica",
# where "assinatura" is also a subscription), the customer's own tier named as where a
# limit applies ("on Pro the limit is ...").
_CURRENT_PLAN_PHRASES["en"].append(
    r"(a |an |the )?(payment|repayment|instal?ment) plan|on (\w+ ){0,2}(pro|plus|premium|basic"
    r"|business|starter) the (limit|quota|cap)"
)
_CURRENT_PLAN_PHRASES["es"].append(
    r"(un |el |su |tu )?plan de (pagos?|aplazamiento)|(un )?pago aplazado"
)
_CURRENT_PLAN_PHRASES["fr"].append(
    r"(un |l')?echeancier|(un |le |votre )?plan de (paiement|remboursement)"
)
_CURRENT_PLAN_PHRASES["de"].append(r"ratenzahlung|ratenplan|zahlungsplan")
# Something taken away ("cancel the add-on", "si quitamos ese extra", "résilier l'option",
# "die Zusatzoption gekündigt", "cancelei o adicional"): no offer of it.
_CURRENT_PLAN_PHRASES["en"].append(
    r"(cancel|cancelled|canceled|remove|removed|drop|dropped|stop|stopped|turn off|turned off"
    r"|switch off|switched off|deactivate|deactivated|end|ended) (the |your |that |this )?"
    r"([\w+-]+ ){0,2}(add-?on|plan|bundle|subscription|insurance|cover|option|package|pass"
    r"|membership|tier|protection|warranty)"
)
_CURRENT_PLAN_PHRASES["es"].append(
    r"(cancelar|cancelo|cancelado|cancele|quitar|quito|quitado|quitamos|quite|dar de baja|doy de"
    r" baja|di de baja|desactivar|desactivo|desactivado|eliminar|elimino|eliminado|elimine)"
    r" (el |la |tu |su )?(\w+ ){0,2}(complemento|plan|seguro|cobertura|opcion|paquete"
    r"|suscripcion|tarifa|bono|pase|garantia|proteccion)"
)
_CURRENT_PLAN_PHRASES["fr"].append(
    r"(resilier|resilie|annuler|annule|supprimer|supprime|retirer|retire|desactiver|desactive)"
    r" (l'|le |la |votre )?(\w+ ){0,2}(option|forfait|abonnement|assurance|offre|pack|formule"
    r"|pass|garantie|protection)"
)
_CURRENT_PLAN_PHRASES["de"].append(
    r"(die|das|den|der|ihre|ihr|ihren) (\w+-)?\w*(option|paket|abo|tarif|versicherung|schutz"
    r"|garantie)\w* (\w+ ){0,2}(gekundigt|storniert"
    r"|entfernt|deaktiviert|abbestellt|beendet)"
)
_CURRENT_PLAN_PHRASES["pt"].append(
    r"(cancelar|cancelei|cancelado|remover|removi|removido|retirar|retirei|tirar|tirei"
    r"|desativar|desativei|desativado) (o |a |seu |sua )?(\w+ ){0,2}(adicional|plano|seguro"
    r"|pacote|servico|assinatura|opcao|cobertura|garantia|protecao)"
)
# A plan pointed back to ("that plan includes ...", "ese plan incluye"): one named before,
# where it was read as the customer's or as an offer; the pointer is no new offer.
_CURRENT_PLAN_PHRASES["en"].append(
    r"(this|that) (plan|tariff|subscription|membership|package|bundle|tier)"
)
_CURRENT_PLAN_PHRASES["es"].append(
    r"(ese|este|esa|esta) (plan|tarifa|paquete|suscripcion|modalidad)"
)
_CURRENT_PLAN_PHRASES["fr"].append(r"(ce|cet|cette) (forfait|abonnement|offre|formule|plan|pack)")
_CURRENT_PLAN_PHRASES["de"].append(
    r"(dieser|diese|dieses|diesen|diesem) \w*(tarif|paket|abo|plan)\w*"
)
_CURRENT_PLAN_PHRASES["pt"].append(r"(esse|essa|este|esta) (plano|pacote|assinatura|tarifario)")
_CURRENT_PLAN_PHRASES["pt"].append(
    r"(a |pela |na )?assinatura (eletronica|digital)|(um |o )?parcelamento"
    r"|(um |o )?plano de (pagamento|parcelamento)"
)
_CURRENT_PLAN = compile_phrases(_CURRENT_PLAN_PHRASES)
# A statement of what the customer has: "you're on the X plan", "your tariff itself is ...",
# "it renews on ...", "compensation for ...". What follows it in the same clause (the plan's
# price, its "unlimited" calls) describes what they have, so the shield runs to the clause's
# end: the sentence's end, a contrast ("but") or a conditional ("if", "you could"), where an
# offer may begin.
_OWN_NOUN = {
    "en": r"(plan|tariff|subscription|membership|package|bundle|tier|contract|policy|deal)",
    "es": r"(plan|tarifa|suscripcion|paquete|modalidad|contrato|poliza|seguro|abono|cuota)",
    "fr": r"(forfait|abonnement|offre|formule|contrat|plan|pack|option|assurance)",
    "de": r"\w*(tarif|paket|abo|abonnement|vertrag|plan|mitgliedschaft|versicherung)\w*",
    "pt": r"(plano|assinatura|pacote|tarifario|contrato|seguro|mensalidade)",
}
_STATED_PHRASES: dict[str, list[str]] = {
    "en": [
        r"(you'?re|you are|you'?ve been|your (\w+ )?(account|line|number|team|business|company)"
        r" is) (currently |still |already |now )?(on|subscribed to|signed up (to|for))",
        r"your (current |existing |monthly |annual )?([\w+-]+ ){0,2}"
        + _OWN_NOUN["en"]
        + r"( itself)? (is|costs|stays|remains|renews|includes|gives|comes|has|covers|was|will|had"
        r"|went|changed|rose|increased)",
        r"(renews|will renew|auto-?renews|is renewed)",
        r"you (currently |already |now )?(have|'ve got|pay for) (the|an?|our) ([\w+-]+ ){0,3}"
        + _OWN_NOUN["en"],
        r"(compensation|a goodwill gesture|a gesture of goodwill) (for|because)",
    ],
    "es": [
        r"(estas|esta|estais|estan) (\w+ )?(en|con|suscrit[oa] a|dad[oa] de alta en)"
        r" (la|el|una|un|tu|su) " + _OWN_NOUN["es"],
        r"(su|tu|vuestra|vuestro) (\w+ )?" + _OWN_NOUN["es"] + r"( actual)?( \w+)?( actual)?"
        r" (es|son|cuesta|sigue|se renueva|incluye|tiene|cubre|queda|tuvo|subio|cambio|paso"
        r"|ha tenido|ha subido|ha cambiado|fue)",
        r"se renueva|se renovara",
        r"(tiene|tienes|tenes) (\w+ )?(contratad[oa] |activad[oa] )?(la|el|una|un) "
        + _OWN_NOUN["es"],
        r"(la |una )?compensacion (por|de)",
    ],
    "fr": [
        r"vous etes (\w+ )?(sur|abonne\w* a|inscrit\w* a|titulaire d) ?(le |la |l'|un |une "
        r"|l)?" + _OWN_NOUN["fr"],
        r"(votre|ton) (\w+ )?" + _OWN_NOUN["fr"] + r"( actuel\w*)?( \w+)?( actuel\w*)? (est|coute"
        r"|reste|se renouvelle|inclut|comprend|couvre|a eu|a change|a augmente|a ete|etait)",
        r"se renouvelle|sera renouvele\w*",
        r"vous (avez|disposez de|beneficiez de) (\w+ )?(l'|le |la |un |une )" + _OWN_NOUN["fr"],
        r"(un |le |en )?(dedommagement|geste commercial|compensation) (pour|de)",
    ],
    "de": [
        r"sie (sind|befinden sich) (\w+ )?(im|in dem|auf dem|in der) " + _OWN_NOUN["de"],
        # "Laut System haben Sie den Tarif ..." (a question opens on "Haben Sie").
        r"(sie (nutzen|haben)|(?<=\w )(nutzen|haben) sie) (\w+ )?(den|das|die|einen|ein|eine) "
        + _OWN_NOUN["de"],
        r"(ihr|ihre|dein|deine) (\w+ )?" + _OWN_NOUN["de"] + r"( selbst)? (ist|kostet|bleibt"
        r"|verlangert|beinhaltet|enthalt|umfasst|lauft|hatte|hat sich|wurde|war|stieg)",
        r"verlangert sich",
        r"(als )?(entschadigung|ausgleich|kulanz\w*) (fur|wegen)",
    ],
    "pt": [
        r"(voce esta|voces estao|vc esta|esta|estao) (\w+ )?(no|na|num|numa) " + _OWN_NOUN["pt"],
        r"(o seu|a sua|seu|sua|o teu|a tua) (\w+ )?" + _OWN_NOUN["pt"] + r"( atual)?( \w+)?"
        r"( atual)? (e|custa|continua|renova|se renova|inclui|tem|cobre|fica|teve|mudou|subiu"
        r"|passou|foi|era)",
        r"(se )?renova (automaticamente|todo|no dia|em)",
        r"(voce |vc )?(tem|possui) (\w+ )?(o|a|um|uma) " + _OWN_NOUN["pt"],
        r"(a |uma )?compensacao (pel[oa]|por|de)",
    ],
}
# A change the customer already made ("you moved from Basic to Plus on the 3rd"), a charge
# from a date on or at the full price ("from May you pay ...", "billed at the regular
# price"), a discount that has run out: what happened to what they have, in the indicative.
_STATED_PHRASES["en"] += [
    r"you(?<!if you)(?<!when you)('ve| have)? (\w+ )?(switched|moved|upgraded|downgraded|changed"
    r"|went) (\w+ ){0,5}(from|to|onto)",
    r"from (\w+ ){1,2}(on,? )?(you pay|you'?ll pay|you will pay|it costs|it will cost"
    r"|you'?ll be (billed|charged)|you will be (billed|charged))",
    r"(you pay|you'?ll pay|you will pay|(it'?s|it is|it will be|you'?re|you are|you'?ll be"
    r"|you will be) (billed|charged)) (\w+ ){0,2}(the )?(full|regular|standard|usual|normal)"
    r" (price|rate|fee|amount)",
    r"(the|your) (\w+ ){0,2}(discount|promotion|promo|offer|deal|introductory (price|rate))"
    r" (\w+ ){0,6}(ended|expired|ran out|has (ended|expired|run out)|came to an end)",
]
_STATED_PHRASES["es"] += [
    r"(se cambio|se paso|te cambiaste|te pasaste|cambio|cambiaste|paso|pasaste|se ha cambiado"
    r"|te has cambiado|ha cambiado|has cambiado|se ha pasado|te has pasado|ha pasado|has pasado)"
    r" (\S+ ){0,6}(de|del)"
    r" (\S+ ){1,3}(a|al)",
    r"(a partir de|desde) (\S+ ){1,2}(pagara|pagaras|paga|pagas|cuesta|costara|se (le |te )?"
    r"(cobra|cobrara|factura|facturara))",
    r"(pagara|pagaras|paga|pagas|se (le |te )?(cobra|cobrara|factura|facturara)) (\w+ ){0,2}"
    r"(el|la) (precio|tarifa|cuota|importe) (completo|completa|normal|habitual|regular"
    r"|estandar|integro|integra)",
    r"(el|la|su|tu) (\w+ ){0,2}(descuento|promocion|oferta|rebaja) (\w+ ){0,6}(termino"
    r"|acabo|expiro|vencio|finalizo|ha (terminado|acabado|expirado|vencido|finalizado))",
]
_STATED_PHRASES["fr"] += [
    r"vous (etes passe\w*|avez change|avez bascule|avez migre|avez opte) (\S+ ){0,6}(de|du|d')"
    r"(\S+ ){1,3}(a|au|vers|pour)",
    r"(a partir d'|a partir de|a partir du|des) ?(\S+ ){0,2}(vous paierez|vous payez"
    r"|vous payerez|il coute|il coutera|il est facture|il sera facture|vous serez facture)",
    r"(vous paierez|vous payez|vous payerez|(il|elle) (est|sera) facture\w*) (\w+ ){0,2}(le |au )?"
    r"(plein tarif|tarif normal|prix normal|tarif habituel|prix plein|tarif standard)",
    r"(la |l'|votre )(\w+ ){0,2}(remise|reduction|promotion|offre) (\w+ ){0,6}(a pris fin|est"
    r" terminee?|a expire|s'est terminee?|a ete terminee?|est arrivee? a (son terme|echeance))",
]
_STATED_PHRASES["de"] += [
    r"sie (haben|sind) ([^\s?!]+ ){0,8}(gewechselt|umgestiegen|umgestellt|hochgestuft"
    r"|upgegradet|heruntergestuft)",
    r"ab (\S+ ){1,2}(zahlen sie|kostet|betragt|wird)",
    r"(zahlen|bezahlen) sie (\w+ ){0,2}(den|die|das|ihren|ihre) (regularen|vollen|normalen"
    r"|ublichen|gewohnlichen|standard)",
    r"(der|ihr) (\w+ ){0,2}\w*(rabatt|nachlass|aktion|angebot)\w* (\w+ ){0,6}(ist|sind)?"
    r" ?(abgelaufen|ausgelaufen|beendet|endete|lief aus)",
]
_STATED_PHRASES["pt"] += [
    r"(voce|vc|voces|o senhor|a senhora) (ja )?(mudou|migrou|passou|trocou|mudaram|migraram"
    r"|passaram|trocaram) (\S+ ){0,6}(para|pro|pra)",
    r"(a partir de|desde) (\S+ ){1,2}(o plano |a assinatura )?(voce paga|voce vai pagar|pagara"
    r"|custa|e cobrad[oa]|sera cobrad[oa])",
    r"(e|sera|passa a ser|fica) (cobrad[oa]|pag[oa]) (\w+ ){0,2}(pelo|o) (valor|preco)"
    r" (cheio|integral|normal|regular|padrao)",
    r"(o|seu|o seu) (\w+ ){0,2}(desconto|promocao|oferta) (\w+ ){0,8}(terminou|acabou|expirou"
    r"|venceu|encerrou)",
]
# The customer's account or line "is on" a plan, as in English ("your account is on").
_STATED_PHRASES["es"].append(
    r"(su|tu) (cuenta|linea|empresa|equipo) (\w+ )?(esta|estan) (en|con) (la|el) " + _OWN_NOUN["es"]
)
_STATED_PHRASES["fr"].append(
    r"(votre|ton) (compte|ligne|entreprise|equipe) est (\w+ )?(sur|abonne\w* a) (le |la |l'|l)?"
    + _OWN_NOUN["fr"]
)
_STATED_PHRASES["de"].append(
    r"(ihr|ihre|dein|deine) (konto|anschluss|unternehmen|team|firma) (ist|befindet sich) (\w+ )?"
    r"(im|in dem|auf dem|in der) " + _OWN_NOUN["de"]
)
_STATED_PHRASES["pt"].append(
    r"(a sua|sua|o seu|seu) (conta|linha|empresa|equipe) (\w+ )?(esta|estao) (\w+ )?(no|na|num"
    r"|numa) " + _OWN_NOUN["pt"]
)
# A change the agent made for the customer ("nous vous avons passé à la formule X", "wir haben
# Sie in den Tarif X umgestellt"), as the English goodwill reads "moved you to".
_STATED_PHRASES["es"].append(
    r"(le|te|os) (hemos|he) (pasado|cambiado|movido|bajado|subido) (a|al|de)"
)
_STATED_PHRASES["fr"].append(
    r"(nous vous avons|je vous ai) (passe|bascule|change|transfere|migre)\w* (a|au|vers|sur|de)"
)
_STATED_PHRASES["de"].append(
    r"(haben wir|habe ich|wir haben|ich habe) sie (\w+ ){0,5}(umgestellt|gewechselt|verschoben"
    r"|heruntergestuft|hochgestuft)"
)
_STATED_PHRASES["pt"].append(
    r"(passamos|mudamos|migramos|transferimos|passei|mudei|migrei) (voce|o senhor|a senhora"
    r"|a sua conta|sua conta|o seu plano|seu plano) (para|pro)"
)
# What the customer pays now: "you now pay", "vous payez désormais", "jetzt zahlen Sie".
_STATED_PHRASES["en"].append(
    r"(you|you'?ll) now pay|you'?re now (paying|billed|charged)|you are now (paying|billed"
    r"|charged)"
)
_STATED_PHRASES["es"].append(
    r"(ahora|desde ahora) (paga|pagas|pagara|pagaras|se (le |te )?cobra)|(paga|pagas|pagara"
    r"|pagaras) (ahora|desde ahora)"
)
_STATED_PHRASES["fr"].append(
    r"vous (payez|paierez|payerez) (desormais|dorenavant|maintenant)|(desormais|dorenavant),?"
    r" vous (payez|paierez|payerez)"
)
_STATED_PHRASES["de"].append(
    r"(jetzt|nun|ab sofort|ab jetzt) (zahlen sie|kostet)|zahlen sie (jetzt|nun|ab sofort)"
)
_STATED_PHRASES["pt"].append(
    r"agora (voce |vc )?(paga|pagara|vai pagar|e cobrad[oa])|(voce |vc )?(paga|pagara|vai pagar)"
    r" (agora|a partir de agora)"
)
# Where a stated clause ends: a contrast, a conditional, a hypothetical ("you could").
_CLAUSE_BREAK_PHRASES: dict[str, list[str]] = {
    "en": [r"but|however|though|although|whereas|if|unless|could|would|you'?d|might"],
    "es": [r"pero|sin embargo|aunque|si|salvo que|podrias|podria|tendrias|tendria|saldria|seria"],
    "fr": [r"mais|cependant|toutefois|alors que|si|s'il|pourriez|auriez|pourrait|serait"],
    "de": [r"aber|jedoch|doch|wenn|falls|wahrend|konnten|hatten|wurden|wurde|ware|konnte"],
    "pt": [r"mas|porem|contudo|no entanto|se|caso|poderia|teria|poderiam|seria|sairia"],
}
_OWN_PHRASES = {
    name: _STATED_PHRASES[name] + _CURRENT_PLAN_PHRASES[name] for name in _STATED_PHRASES
}
# A dot after a day of the month ("am 1. Juli") ends no clause.
_DAY_DOT = r"(?<!\s\d\.)(?<!\s\d\d\.)"
_MONTHS = r"(?! (januar|februar|marz|april|mai|juni|juli|august|september|oktober|november"
_MONTHS += r"|dezember)\b)"
_DOT = r"\.(?=\s|$)(?:" + _DAY_DOT + "|" + _MONTHS + ")"
_CLAUSE_BREAK = re.compile(compile_phrases(_CLAUSE_BREAK_PHRASES).pattern + r"|[?!;]|\n|" + _DOT)

# An aside that turns to something else ("by the way", "por cierto", "au fait", "übrigens",
# "aliás"): a pitch when an offer follows it in the same sentence, as a pitch tacked on after
# an apology or a fix usually is.
_ASIDE_PHRASES: dict[str, list[str]] = {
    # "Also" and its kin at the start of a clause: "I have also added a note" is no aside;
    # "by the way" is one wherever it stands ("X would, by the way, ...").
    "en": [
        r"(?<!\w )(also|p\.?s\.?)",
        r"(by the way|btw|incidentally|while (i have|i'?ve got) you)",
    ],
    "es": [r"(?<!\w )(ademas|a proposito)", r"(por cierto|de paso|aprovecho para)"],
    "fr": [
        r"(?<!\w )(au fait|par ailleurs|a propos)",
        r"(d'ailleurs|en passant|j'en profite pour)",
    ],
    "de": [r"(?<!\w )(nebenbei|apropos|ausserdem)", r"ubrigens"],
    "pt": [r"(?<!\w )(a proposito|ja agora|alem disso)", r"(alias|aproveito para)"],
}
# Asides that bring in a piece of news, a reminder or another subject ("for your
# information", "pour info", "on another note", "mudando de assunto").
_ASIDE_PHRASES["en"].append(
    r"(fyi|for your information|just so you know|as a reminder|quick tip"
    r"|on (another|a different|a separate|a related) note)"
)
_ASIDE_PHRASES["es"].append(
    r"(para (tu|su) informacion|(le|te) (recordamos|recuerdo)|por otro lado|cambiando de tema)"
)
_ASIDE_PHRASES["fr"].append(
    r"(pour info\w*|petite info|au passage|(nous|je) vous rappel\w+|autre chose)"
)
_ASIDE_PHRASES["de"].append(r"(zur info\w*|kleiner tipp|wir erinnern|noch ein hinweis)")
_ASIDE_PHRASES["pt"].append(
    r"(por falar nisso|para sua informacao|(lembramos|lembrando) que|mudando de assunto"
    r"|aproveitando o contato)"
)
# A tip ("Tip:", "Dica:", "Astuce :") and "while you're at it" bring an offer in passing too.
_ASIDE_PHRASES["en"].append(
    r"((pro |top |a |one )?(tip|hint) ?:|while (you'?re|we'?re) at it|one more thing)"
)
_ASIDE_PHRASES["es"].append(r"((un )?(consejo|truco|sugerencia) ?:|ya que estamos|aprovechando)")
_ASIDE_PHRASES["fr"].append(
    r"((petit |petite |un |notre )?(astuce|conseil|bon plan) ?:|tant qu'on y est|pendant qu'on y"
    r" est|tant que vous y etes)"
)
_ASIDE_PHRASES["de"].append(
    r"((ein |unser )?tipp ?:|wenn sie (schon|gerade) dabei sind|wo wir (schon|gerade) dabei"
    r" sind|bei der gelegenheit)"
)
_ASIDE_PHRASES["pt"].append(r"((uma )?(dica|sugestao) ?:|ja que estamos|aproveitando)")
# "Worth knowing", "good to know", "à noter", "gut zu wissen", "fica a dica".
_ASIDE_PHRASES["en"].append(r"(worth knowing|good to know|heads-? ?up|note that)")
_ASIDE_PHRASES["es"].append(
    r"(bueno saberlo|conviene saber|a tener en cuenta|por si (le|te) sirve)"
)
_ASIDE_PHRASES["fr"].append(r"(a noter|bon a savoir|a savoir)")
_ASIDE_PHRASES["de"].append(r"(gut zu wissen|zu beachten|wissenswert)")
_ASIDE_PHRASES["pt"].append(r"(vale saber|bom saber|fica a dica)")
ASIDE = compile_phrases(_ASIDE_PHRASES)
_SENTENCE_END = re.compile(r"[?!]|\.(?=\s|$)|\n")
# Money given back: an aside that reports it explains a charge, it pitches nothing.
_SETTLED = re.compile(
    r"\b(?:refund\w*|reimburs\w*|credited|waived|devuelt\w*|devolvemos|reembols\w*|abonad[oa]s?"
    r"|rembours\w*|recredit\w*|erstatt\w*|gutgeschrieben|storniert|estornad[oa]s?|estorno"
    r"|creditad[oa]s?)"
)

SIGNAL = "upsell"


# Cues in two passes (offers, then deals and pitches, which often overlap an offer): each
# match says which kind it is. The customer's own plan and a goodwill upgrade are found once,
# before both: a product or price mention that starts inside them is not read.
def _kinds(*named: tuple[str, str]) -> re.Pattern[str]:
    return compile_named(*named)


@dataclass(frozen=True)
class _Passes:
    shields: re.Pattern[str]  # the customer's own plan, goodwill already given
    stated: re.Pattern[str]  # which of the customer's own are stated clauses
    offers: re.Pattern[str]
    more: re.Pattern[str]  # one more line or card: read only beside a deal
    pitches: re.Pattern[str]
    asides: re.Pattern[str]
    unpriced: re.Pattern[str]  # the pitches but a price, for a text with no currency

    def pitches_in(self, folded: str) -> re.Pattern[str]:
        """The pitches pattern for `folded`: a price needs a currency sign or "eur", and
        a text with none is spared the price's try at every character."""
        return self.pitches if _CURRENCIES.search(folded) else self.unpriced


def _passes(language: str | None) -> _Passes:
    """Every language's phrases, or one language's."""

    chosen = list(_GOODWILL_PHRASES) if language is None else [language]

    def phrases(by_language: dict[str, list[str]]) -> str:
        return compile_phrases({name: by_language[name] for name in chosen}).pattern

    return _Passes(
        shields=_kinds(
            ("goodwill", "|".join(rf"\b(?:{_GOODWILL_PHRASES[name]})" for name in chosen)),
            # Stated clauses in the same group: a third group costs a try at every word.
            ("own", phrases(_OWN_PHRASES)),
        ),
        stated=re.compile(phrases(_STATED_PHRASES)),
        offers=_kinds(("strong", phrases(_STRONG_PHRASES)), ("offer", phrases(_OFFER_PHRASES))),
        more=re.compile(phrases(_MORE_PHRASES)),
        pitches=_kinds(
            ("deal", phrases(_DEAL_PHRASES)),
            ("price", _PRICE.pattern),
            ("pitch", phrases(_PITCH_PHRASES)),
        ),
        asides=re.compile(phrases(_ASIDE_PHRASES)),
        unpriced=_kinds(("deal", phrases(_DEAL_PHRASES)), ("pitch", phrases(_PITCH_PHRASES))),
    )


_EVERY_LANGUAGE = _passes(None)
# One language's phrases for a reply long enough for its detected language to be sure: each
# phrase costs a try at every word.
_BY_LANGUAGE = {language: _passes(language) for language in _OFFER_PHRASES}
_SURE_WORDS = 8

Span = tuple[int, int]


class _Shields:
    """A reply's shields (`_shield`), searched for on first need: a reply in which no offer,
    pitch or aside matches (most replies) never needs them."""

    __slots__ = ("_folded", "_passes", "_spans")

    def __init__(self, folded: str, passes: _Passes) -> None:
        self._folded = folded
        self._passes = passes
        self._spans: list[Span] | None = None

    @property
    def spans(self) -> list[Span]:
        if self._spans is None:
            folded, stated = self._folded, self._passes.stated
            self._spans = [
                _shield(match, folded, stated) for match in self._passes.shields.finditer(folded)
            ]
        return self._spans


def _outside(
    pattern: re.Pattern[str], folded: str, shields: _Shields, start: int = 0, end: int = -1
) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in `folded[start:end]` that do not start inside a shield; the
    search resumes at the shield's end, as if the shield had been matched first."""
    end = len(folded) if end < 0 else end
    while start <= end:
        match = pattern.search(folded, start, end)
        if match is None:
            return
        spans = shields.spans
        # Most replies hold no shield: the scan is skipped.
        shield = (
            next((stop for begin, stop in spans if begin <= match.start() < stop), -1)
            if spans
            else -1
        )
        if shield >= 0:
            start = shield
            continue
        yield match
        start = match.end() if match.end() > match.start() else match.start() + 1


def _shield(match: re.Match[str], folded: str, stated: re.Pattern[str]) -> Span:
    """A shield's span: a stated clause runs to the clause's end."""
    clause = stated.match(folded, match.start()) if match.lastgroup == "own" else None
    if clause is None:
        return match.start(), match.end()
    stop = _CLAUSE_BREAK.search(folded, clause.end())
    return match.start(), stop.start() if stop else len(folded)


def is_upsell(text: str, cues: Cues | None = None, language: str | None = None) -> bool:
    """Does this agent message pitch an upgrade, plan, add-on or offer? (`language`, when
    known, narrows the phrases to that language's for a reply long enough to be sure.)"""
    if not text:
        return False
    folded = fold(text)
    passes = _EVERY_LANGUAGE
    if language in _BY_LANGUAGE and folded.count(" ") >= _SURE_WORDS:
        passes = _BY_LANGUAGE[language]
    shielded = _Shields(folded, passes)
    offers = {match.lastgroup: match.group() for match in _outside(passes.offers, folded, shielded)}
    if "strong" in offers:
        note(cues, SIGNAL, "an explicit pitch", offers["strong"])
        return True
    pitches_pattern = passes.pitches_in(folded)
    pitches = {
        match.lastgroup: match.group() for match in _outside(pitches_pattern, folded, shielded)
    }
    extra = _EXTRA.search(folded) if any(word in folded for word in _EXTRA_WORDS) else None
    if extra:
        only = _ONLY.search(folded, max(0, extra.start() - _BEFORE), extra.start())
        if only or "pitch" in pitches:
            # "for only €7 more a month": something extra the customer does not have yet.
            offers.setdefault("offer", extra.group())
            pitches["extra"] = extra.group()
            if only or _PERIOD.match(folded, extra.end()):
                pitches.setdefault("price", extra.group())
    deal = "deal" in pitches or "price" in pitches
    if not (deal or "pitch" in pitches):
        aside = _offer_after_aside(folded, passes, shielded)
        if not aside:
            return False
        pitches["pitch"] = aside
    if deal and "offer" not in offers:
        more = next(_outside(passes.more, folded, shielded), None)
        if more:
            offers["offer"] = more.group()
    offer = "offer" in offers
    if not offer and not shielded.spans:
        brand = _BRAND.search(text)
        if brand:
            offers["offer"], offer = brand.group(), True
    upsell = (offer and deal) or ((offer or deal) and "pitch" in pitches)
    if not upsell and "pitch" not in pitches:
        aside = _offer_after_aside(folded, passes, shielded)
        if aside:
            pitches["pitch"], upsell = aside, True
    if upsell and cues is not None:
        found = {**offers, **pitches}
        named = [
            f"{kind}: {found[kind]}"
            for kind in ("offer", "deal", "price", "extra", "pitch")
            if kind in found
        ]
        note(cues, SIGNAL, "an offer or a deal, with a pitch cue", "; ".join(named))
    return upsell


def _offer_after_aside(folded: str, passes: _Passes, shielded: _Shields) -> str:
    """The aside and an offer or a price in its sentence ("by the way, our Pro plan", "with
    the X add-on for £4 a month you could, by the way, ..."), or ""."""
    for aside in passes.asides.finditer(folded):
        start = 0
        for before in _SENTENCE_END.finditer(folded, 0, aside.start()):
            start = before.end()
        stop = _SENTENCE_END.search(folded, aside.end())
        end = stop.start() if stop else len(folded)
        if _SETTLED.search(folded, start, end):
            continue  # "by the way, the X charge was refunded": a charge explained
        for match in _outside(passes.offers, folded, shielded, start, end):
            return f"{aside.group()} ... {match.group()}"
        for match in _outside(passes.pitches_in(folded), folded, shielded, start, end):
            if match.lastgroup == "price":
                return f"{aside.group()} ... {match.group()}"
    return ""
