"""Upsell, by kind, in five languages: something extra the customer can buy with its price
(written out in words too, "3 pounds a month"); a billing switch offered with what it saves
or put as "why not ...?"; another service to try for free; a bundle priced below the parts
bought separately; a product the agent recommends with its price; a move up to a higher
tier put as a condition. Their near misses are no pitch: a price for what the customer
already bought, a switch already made, a "why not" or a "you can try" about a fault, the
customer's own trial, a bill lower than last month's, advice about a charge, a numbered
game level and a move down. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from bot.signals.message import agent_signals
from bot.signals.upsell import is_upsell


def _pitched(lang: str, reply: str) -> bool:
    """Both entry points agree: the signal alone and the signal among the agent's others."""
    alone = is_upsell(reply, language=lang)
    assert agent_signals(reply, locale=lang).upsell is alone
    return alone


# Something extra the customer can buy, with its price.
BOUGHT_WITH_A_PRICE = [
    (
        "en",
        "Sorry about the wait. Your Starter plan keeps 10 GB. If you need more room you can buy"
        " the Archive add-on for 3 pounds per user per month in Settings.",
    ),
    ("en", "Would you like to order the spare charging dock for 19 dollars as well?"),
    (
        "es",
        "Disculpe la espera. Si necesita más espacio, puede comprar el módulo Archivo por 3 €"
        " al mes desde Ajustes.",
    ),
    (
        "fr",
        "Désolés pour l'attente. Vous pouvez aussi acheter le module Archive pour 3 € par mois"
        " depuis les réglages.",
    ),
    (
        "de",
        "Entschuldigen Sie die Wartezeit. Sie können das Archiv-Modul für 3 € im Monat"
        " in den Einstellungen kaufen.",
    ),
    (
        "pt",
        "Desculpe a espera. Você pode comprar o módulo Arquivo por 3 € por mês nas configurações.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), BOUGHT_WITH_A_PRICE)
def test_something_extra_to_buy_with_its_price_is_a_pitch(lang: str, reply: str) -> None:
    assert _pitched(lang, reply)


NOT_BOUGHT = [
    (
        "en",
        "You bought the Archive add-on in May; the 3 pounds on this invoice is its monthly fee"
        " and nothing else was added.",
    ),
    (
        "en",
        "I've refunded the 12 pounds for the parcel that never arrived; it should reach your"
        " card in 3 to 5 days.",
    ),
    (
        "es",
        "Los 3 € de la factura son la cuota del módulo Archivo que compró en mayo; no se ha"
        " añadido nada más.",
    ),
    ("fr", "Les 3 € de la facture correspondent au module Archive acheté en mai."),
    ("de", "Die 3 € der Rechnung sind die Gebühr für das Archiv-Modul, das Sie im Mai kauften."),
    ("pt", "Os 3 € da fatura são a mensalidade do módulo Arquivo que você comprou em maio."),
]


@pytest.mark.parametrize(("lang", "reply"), NOT_BOUGHT)
def test_a_price_for_what_the_customer_already_bought_is_no_pitch(lang: str, reply: str) -> None:
    assert not _pitched(lang, reply)


# A switch of billing (or of anything) offered with what it saves, or put as "why not ...?".
SWITCH_WITH_A_SAVING = [
    (
        "en",
        "Your receipt is attached. Why not move to yearly billing? You'd save two months"
        " compared with paying monthly.",
    ),
    (
        "es",
        "Le adjunto el recibo. Si se pasa a la cuota anual, se ahorra un mes entero y paga una"
        " sola vez.",
    ),
    (
        "es",
        "Ya tiene el justificante. ¿Por qué no prueba el pago anual? Le saldría un mes gratis.",
    ),
    (
        "fr",
        "Voici votre reçu. Et si vous optez pour le prélèvement annuel, vous économiserez"
        " l'équivalent d'un mois.",
    ),
    (
        "fr",
        "La facture est corrigée. Pourquoi ne pas regrouper vos deux lignes ? Vous économiseriez"
        " 8 € par mois.",
    ),
    (
        "de",
        "Die Quittung liegt bei. Mit der jährlichen Zahlungsweise sparen Sie einen Monatsbeitrag"
        " und haben weniger Buchungen.",
    ),
    (
        "de",
        "Ihre Adresse ist geändert. Warum nicht gleich auf die Jahresabrechnung umstellen? So"
        " sparen Sie 15 € im Jahr.",
    ),
    (
        "pt",
        "Segue o recibo. Por que não passar para a cobrança anual? Você economiza duas"
        " mensalidades por ano.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), SWITCH_WITH_A_SAVING)
def test_a_billing_switch_offered_with_what_it_saves_is_a_pitch(lang: str, reply: str) -> None:
    assert _pitched(lang, reply)


NOT_A_SWITCH = [
    (
        "en",
        "You moved to yearly billing in March, so this charge covers the whole year and there"
        " is nothing more to pay.",
    ),
    ("en", "Why not restart the router first? If the light stays red, send us a photo."),
    (
        "es",
        "No sé por qué no funciona el enlace; le envío otro y, si falla, lo revisamos juntos.",
    ),
    (
        "es",
        "Su cuota anual se renueva el 3 de mayo y el importe es el mismo que el año pasado.",
    ),
    (
        "fr",
        "Vous êtes passé au prélèvement annuel en mars : ce montant couvre toute l'année.",
    ),
    ("fr", "Pourquoi ne pas réessayer demain matin ? Le serveur sera redémarré cette nuit."),
    (
        "de",
        "Sie haben im März auf jährliche Zahlweise umgestellt, daher wurde der Jahresbetrag"
        " abgebucht.",
    ),
    ("de", "Warum nicht zuerst den Router neu starten? Bleibt die Lampe rot, melden Sie sich."),
    (
        "pt",
        "Não sei por que não abre o anexo; envio de novo em PDF e, se falhar, avise-me.",
    ),
    (
        "pt",
        "A sua mensalidade anual foi cobrada no dia 3, como todos os anos, e está tudo certo.",
    ),
]


# Time saved by a change of settings is no saving sold.
NOT_A_SWITCH.append(
    (
        "es",
        "Si cambia la contraseña desde la app, se ahorra tiempo la próxima vez que entre.",
    )
)


@pytest.mark.parametrize(("lang", "reply"), NOT_A_SWITCH)
def test_a_billing_switch_already_made_or_a_why_not_about_a_fault_is_no_pitch(
    lang: str, reply: str
) -> None:
    assert not _pitched(lang, reply)


# Another service or product the customer may try for free while a fault is fixed.
TRIAL_OF_ANOTHER_SERVICE = [
    (
        "en",
        "The fix ships next week. Meanwhile you can also try our Stream Box service free for"
        " 30 days.",
    ),
    (
        "es",
        "El parche sale la semana que viene. Mientras tanto puede probar nuestro servicio Nube"
        " Juegos 30 días gratis.",
    ),
    (
        "fr",
        "Le correctif arrive la semaine prochaine. En attendant, vous pouvez essayer notre"
        " service Cloud Jeux gratuitement pendant 30 jours.",
    ),
    (
        "de",
        "Das Update kommt nächste Woche. Solange können Sie unseren Streaming-Dienst einen"
        " Monat kostenlos ausprobieren.",
    ),
    (
        "pt",
        "A correção sai na próxima semana. Até lá, você pode experimentar o nosso serviço"
        " Nuvem Jogos 30 dias grátis.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), TRIAL_OF_ANOTHER_SERVICE)
def test_a_free_trial_of_another_service_is_a_pitch(lang: str, reply: str) -> None:
    assert _pitched(lang, reply)


NOT_A_TRIAL_OFFER = [
    (
        "en",
        "Your free trial runs for 30 days, and you can try every report until it ends; nothing"
        " is charged before then.",
    ),
    ("en", "You could try signing out and back in; the sync usually starts again after that."),
    (
        "es",
        "Puede probar a cerrar sesión y volver a entrar; la sincronización suele reanudarse.",
    ),
    (
        "fr",
        "Vous pouvez essayer de vous déconnecter puis de vous reconnecter ; la synchronisation"
        " reprend en général.",
    ),
    (
        "de",
        "Ihr kostenloser Test läuft noch 30 Tage; Sie können bis dahin alle Berichte testen.",
    ),
    (
        "de",
        "Sie können die Leitung mit unserem Messwerkzeug testen; schicken Sie uns das Ergebnis.",
    ),
    (
        "pt",
        "Pode experimentar sair da conta e entrar de novo; a sincronização costuma voltar.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), NOT_A_TRIAL_OFFER)
def test_trying_a_fix_or_the_customers_own_trial_is_no_pitch(lang: str, reply: str) -> None:
    assert not _pitched(lang, reply)


# A bundle offered with what it saves against the parts bought one by one.
BUNDLE_WITH_A_SAVING = [
    (
        "en",
        "The engineer is booked for Monday. With our Home Trio bundle of broadband, TV and"
        " landline you'd pay £12 less than for the three contracts.",
    ),
    (
        "es",
        "El técnico irá el lunes. Con nuestro paquete Hogar de fibra, móvil y televisión paga"
        " 12 € menos que con los tres contratos por separado.",
    ),
    (
        "fr",
        "Le technicien passe lundi. Avec notre pack Maison (box, mobile et télévision), vous"
        " payez 12 € de moins que pour trois contrats séparés.",
    ),
    (
        "de",
        "Der Techniker kommt am Montag. Mit unserem Kombi-Paket aus Internet und Mobilfunk"
        " zahlen Sie monatlich 12 € weniger als für zwei einzelne Verträge.",
    ),
    (
        "pt",
        "O técnico vai na segunda. Com o nosso pacote Casa de internet, TV e telefone, você"
        " paga 12 € a menos do que nos três contratos separados.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), BUNDLE_WITH_A_SAVING)
def test_a_bundle_offered_with_what_it_saves_is_a_pitch(lang: str, reply: str) -> None:
    assert _pitched(lang, reply)


NOT_A_BUNDLE_OFFER = [
    (
        "en",
        "This month you pay £12 less than last month because the router rental has ended and"
        " nothing else on the bill changed.",
    ),
    (
        "es",
        "Este mes paga 12 € menos que el mes pasado porque ya terminó el alquiler del router y"
        " el resto de la factura no cambia.",
    ),
    (
        "fr",
        "Ce mois-ci, vous payez 12 € de moins que le mois dernier : la location de la box est"
        " terminée et le reste de la facture ne change pas.",
    ),
    (
        "de",
        "Diesen Monat zahlen Sie 12 € weniger als im Vormonat, weil die Routermiete endet und"
        " sich sonst nichts ändert.",
    ),
    (
        "pt",
        "Este mês você paga 12 € a menos do que no mês passado porque o aluguel do roteador"
        " acabou e o resto da fatura não mudou.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), NOT_A_BUNDLE_OFFER)
def test_a_bill_lower_than_an_earlier_one_is_no_pitch(lang: str, reply: str) -> None:
    assert not _pitched(lang, reply)


# An accessory or extra product the agent recommends, with its price.
RECOMMENDED_WITH_A_PRICE = [
    (
        "en",
        "Yes, the mixer handles bread dough on speed 2. For heavy doughs I'd also recommend"
        " the steel hook set for £24.50, which you can add at checkout.",
    ),
    (
        "es",
        "Sí, la batidora amasa pan en la velocidad 2. Para masas densas le recomiendo además"
        " el juego de ganchos de acero por 24,50 €.",
    ),
    (
        "fr",
        "Oui, le robot pétrit la pâte à pain en vitesse 2. Pour les pâtes lourdes, je vous"
        " conseille aussi le kit de crochets en acier à 24,50 €.",
    ),
    (
        "de",
        "Ja, die Küchenmaschine knetet Brotteig auf Stufe 2. Für schwere Teige empfehle ich"
        " Ihnen das Edelstahl-Hakenset für 24,50 €.",
    ),
    (
        "pt",
        "Sim, a batedeira amassa pão na velocidade 2. Para massas pesadas, recomendo também o"
        " conjunto de ganchos de aço por 24,50 €.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), RECOMMENDED_WITH_A_PRICE)
def test_an_accessory_recommended_with_its_price_is_a_pitch(lang: str, reply: str) -> None:
    assert _pitched(lang, reply)


NOT_A_RECOMMENDED_PRODUCT = [
    (
        "en",
        "I'd recommend asking your bank to cancel the duplicate charge for £24.50; we have"
        " already refunded it on our side.",
    ),
    ("en", "We recommend kneading for 8 minutes at speed 2 for about 500 g of flour."),
    (
        "es",
        "Le recomiendo revisar el cargo duplicado por 24,50 € con su banco; nosotros ya lo"
        " hemos anulado.",
    ),
    (
        "fr",
        "Je vous conseille de contester le prélèvement en double de 24,50 € auprès de votre"
        " banque ; nous l'avons déjà annulé.",
    ),
    (
        "de",
        "Ich empfehle Ihnen, die doppelte Abbuchung für 24,50 € bei Ihrer Bank zu melden;"
        " bei uns ist sie schon storniert.",
    ),
    (
        "pt",
        "Recomendo verificar com o seu banco a cobrança duplicada por 24,50 €; do nosso lado"
        " já foi estornada.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), NOT_A_RECOMMENDED_PRODUCT)
def test_advice_about_a_charge_or_a_method_is_no_pitch(lang: str, reply: str) -> None:
    assert not _pitched(lang, reply)


# A move up to a higher tier, put as a condition with what it adds.
MOVE_UP_WITH_WHAT_IT_ADDS = [
    (
        "en",
        "Sorry for the slow reply. On your current cover the excess is £80. If you move up to"
        " the Silver tier, windscreens are covered with no excess.",
    ),
    (
        "es",
        "Perdone la demora. Con su póliza actual la franquicia es de 80 €. Si sube al nivel"
        " Plata, los cristales quedan cubiertos sin franquicia.",
    ),
    (
        "fr",
        "Pardon pour l'attente. Avec votre contrat actuel, la franchise est de 80 €. Si vous"
        " passez au niveau Argent, les vitres sont couvertes sans franchise.",
    ),
    (
        "de",
        "Entschuldigen Sie die Verzögerung. Wenn Sie in die Stufe Silber aufsteigen, sind"
        " Glasschäden ohne Selbstbeteiligung abgedeckt.",
    ),
    (
        "pt",
        "Desculpe a demora. Se subir para a categoria Prata, os vidros ficam cobertos sem"
        " franquia e ganha assistência 24 horas.",
    ),
]


@pytest.mark.parametrize(("lang", "reply"), MOVE_UP_WITH_WHAT_IT_ADDS)
def test_a_move_up_to_a_higher_tier_with_what_it_adds_is_a_pitch(lang: str, reply: str) -> None:
    assert _pitched(lang, reply)


NOT_A_MOVE_UP = [
    (
        "en",
        "If you go up to level 5 before the patch, the quest may not unlock; we'll fix it on"
        " Thursday.",
    ),
    (
        "en",
        "If you move down to the Basic tier as you asked, windscreens are no longer covered"
        " from the 1st.",
    ),
    (
        "es",
        "Si sube al nivel 5 antes del parche, puede que la misión no se desbloquee; lo"
        " arreglamos el jueves.",
    ),
    (
        "fr",
        "Si vous passez au niveau 5 avant le correctif, la quête peut rester bloquée ; nous"
        " corrigeons jeudi.",
    ),
    (
        "de",
        "Wenn Sie vor dem Patch auf Stufe 5 aufsteigen, bleibt die Mission eventuell gesperrt.",
    ),
    (
        "pt",
        "Se subir para o nível 5 antes da correção, a missão pode não desbloquear; corrigimos"
        " na quinta.",
    ),
    (
        "pt",
        "Como pediu, ao passar para a categoria Básica os vidros deixam de estar cobertos a"
        " partir do dia 1.",
    ),
]


# The next level of a game is no tier either, in any language.
NOT_A_MOVE_UP += [
    ("en", "If you go up to the next level before the patch, the map may not load again."),
    ("es", "Si sube al nivel siguiente antes del parche, el mapa puede no cargar."),
    ("fr", "Si vous passez au niveau suivant avant le correctif, la carte peut ne pas charger."),
    (
        "de",
        "Wenn Sie vor dem Patch auf die nächste Stufe aufsteigen, lädt die Karte eventuell nicht.",
    ),
    ("pt", "Se subir para o nível seguinte antes da correção, o mapa pode não carregar."),
]


@pytest.mark.parametrize(("lang", "reply"), NOT_A_MOVE_UP)
def test_a_numbered_level_or_a_move_down_is_no_pitch(lang: str, reply: str) -> None:
    assert not _pitched(lang, reply)
