"""Five structures a lexicon misreads, in every language:

- leaving without a negative word (taking the number to another provider, refusing the
  offers to stay, cancelling in a message that also asks what to do) reads negative;
- "finally" cheered beside a fix and praise is relief, not sarcasm;
- loving a wait or a payment beside what went wrong is sarcasm;
- pressure never put ("never pressured us", "let us think it over") is praise of treatment;
- a fix with "could have been weeks ago" or a resigned "but oh well" is a grudge.

Near misses (an enquiry about joining, real love of a product, pressure that was put, warm
thanks for a fix) keep their reading. Every sentence here was written for these tests."""

import pytest

from bot.signals import customer_signals

NEGATIVE = [
    # Leaving.
    (
        "I want to port my number to another provider. Send me the code, and no retention"
        " offers please.",
        "en",
    ),
    ("Quiero dar de baja mi línea a final de mes; me tenéis harto. ¿Qué pasos sigo?", "es"),
    ("Vamos a hacer la portabilidad a otro operador. Sin llamadas de retención, gracias.", "es"),
    ("Je veux faire la portabilité vers un autre opérateur, sans offres de fidélisation.", "fr"),
    ("Ich nehme meine Rufnummer zu einem anderen Anbieter mit. Bitte keine Halteangebote.", "de"),
    ("Quero fazer a portabilidade para outra operadora. Sem ofertas de retenção.", "pt"),
    ("Anulen mi suscripción a partir de junio, por favor.", "es"),
    ("Quisiera solicitar la baja del seguro del coche el mes que viene.", "es"),
    ("He visto una oferta mejor y me voy a cambiar.", "es"),
    ("We will migrate our whole team to a different tool next month.", "en"),
    ("Please confirm the cancellation of my subscription from the end of the month.", "en"),
    ("Nous allons migrer toute l'équipe vers un autre logiciel en mai.", "fr"),
    ("Merci de confirmer la résiliation de mon abonnement.", "fr"),
    ("Wir werden das ganze Team zu einem anderen Tool migrieren.", "de"),
    ("Vou portar minha linha para outra operadora semana que vem.", "pt"),
    ("Peço o cancelamento do meu plano a partir de julho.", "pt"),
    # Loving a wait or a payment.
    (
        "I just love waiting two hours on hold for a refund promised a month ago. Top class.",
        "en",
    ),
    ("Me encanta pagar dos veces por el mismo envío. Un servicio de diez.", "es"),
    ("J'adore attendre une heure au guichet pour un colis déjà payé. Service exceptionnel.", "fr"),
    ("Ich liebe es, eine Stunde in der Warteschleife zu warten. Toller Service.", "de"),
    ("Adoro esperar uma hora na fila por um pedido já pago. Atendimento nota dez.", "pt"),
    # A grudge beside the fix.
    (
        "OK, the calendar sync works now. Could have been done two weeks ago when I reported"
        " it, but oh well.",
        "en",
    ),
    ("Bueno, ya funciona el calendario. Podría haber sido hace diez días, pero bueno.", "es"),
    ("Bon, la synchro marche maintenant. Ça aurait pu être fait il y a dix jours, mais bon.", "fr"),
    ("Ok, a sincronização já funciona. Poderia ter sido há dez dias, mas enfim.", "pt"),
    (
        "Ok, die Synchronisierung geht jetzt. Hätte man auch vor drei Wochen hinkriegen können,"
        " aber gut.",
        "de",
    ),
    ("Certo, agora funciona. Só precisou de duas semanas e quatro chamados.", "pt"),
    ("Vale, ya funciona. Solo hicieron falta tres semanas.", "es"),
    ("Finally fixed, after three weeks and five calls. Great job.", "en"),
    # Praise beside the trouble coming back is still sarcasm.
    ("Super, schon wieder ausgefallen. Toller Service.", "de"),
    ("Top, encore une panne ce matin.", "fr"),
    # Praise of treatment found wanting.
    ("I didn't find your agent very understanding, and I had to explain it three times.", "en"),
    (
        "Je n'ai pas trouvé votre conseillère très compréhensive, j'ai dû tout répéter trois fois.",
        "fr",
    ),
    # Pressure that was put.
    ("Nos presionaron para firmar y no nos dejaron leer el contrato.", "es"),
]
POSITIVE = [
    # Relief cheered.
    (
        "FINALLY!!! I can log in again, I thought I'd lost all my notes. You guys are amazing 🙌",
        "en",
    ),
    ("¡¡POR FIN!! Ya me deja entrar, creía que había perdido las notas. ¡Sois geniales!", "es"),
    (
        "ENFIN !!! Je peux me reconnecter, je pensais avoir perdu mes notes. Vous êtes au top 🙌",
        "fr",
    ),
    (
        "ENDLICH!!! Ich komme wieder rein, ich dachte, ich hätte alle Notizen verloren. Ihr seid"
        " spitze 🙌",
        "de",
    ),
    (
        "FINALMENTE!!! Consegui entrar, pensei que tinha perdido as notas. Vocês são demais 🙌",
        "pt",
    ),
    # Pressure never put.
    (
        "The adviser never pressured us to sign and let us think it over. We felt very well"
        " looked after.",
        "en",
    ),
    (
        "El gestor nunca me presionó y me dejó pensarlo tranquilo. Me he sentido muy bien tratado.",
        "es",
    ),
    (
        "Le conseiller ne nous a jamais mis la pression, il nous a laissé réfléchir. Nous avons"
        " été très bien accueillis.",
        "fr",
    ),
    (
        "Die Beraterin hat uns nie unter Druck gesetzt und uns Bedenkzeit gegeben. Wir wurden"
        " sehr gut beraten.",
        "de",
    ),
    (
        "O corretor nunca nos pressionou, nos deixou pensar com calma. Fomos muito bem atendidos.",
        "pt",
    ),
    # "Finally" beside praise, no cost counted.
    ("Endlich sehe ich alle Rechnungen auf einen Blick, richtig gut geworden.", "de"),
    ("Finally I can see all my invoices in one place, well done.", "en"),
    (
        "Le technicien a été d'une grande gentillesse et a tout réexpliqué à ma mère sans la"
        " brusquer.",
        "fr",
    ),
    ("I felt the agent was very understanding and kind.", "en"),
    ("J'ai trouvé votre conseillère très compréhensive, merci.", "fr"),
    # Near misses that keep their warmth: coming back again, food still hot.
    ("Die Lieferung kam pünktlich und das Essen war lecker. Gerne wieder!", "de"),
    ("Pizza encore chaude à l'arrivée, livreur sympa, top !", "fr"),
    ("Me encanta la nueva app, es muy rápida.", "es"),
    ("I love the new design, so easy to use.", "en"),
    ("Ya funciona la sincronización, ¡muchísimas gracias por la ayuda!", "es"),
]
NEUTRAL = [
    ("¿Cómo funciona la portabilidad a vuestra compañía desde otra?", "es"),
    ("How do I cancel my subscription if I move abroad?", "en"),
    ("¿Cómo pido la baja del gimnasio si me mudo?", "es"),
    ("Me voy a cambiar de piso en marzo, ¿cómo actualizo la dirección?", "es"),
    ("Como funciona a portabilidade de outra operadora para vocês?", "pt"),
]


@pytest.mark.parametrize(("text", "lang"), NEGATIVE)
def test_leaving_loved_waits_and_grudges_read_negative(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "negative"


@pytest.mark.parametrize(("text", "lang"), POSITIVE)
def test_cheered_relief_and_pressure_never_put_read_positive(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "positive"


@pytest.mark.parametrize(("text", "lang"), NEUTRAL)
def test_an_enquiry_about_moving_or_cancelling_stays_neutral(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "neutral"
