"""A hard time told to explain a request (a death, a job lost, an illness) is the
customer's situation, not a feeling about the service: the request reads neutral, unless
distress is said beside it. Every sentence here was written for these tests."""

import pytest

from bot.signals import customer_signals

CALM_REQUESTS = [
    ("My grandfather died in May. Could you tell me how to close his savings account?", "en"),
    ("I was laid off last month. Can I move my payment date to the 28th?", "en"),
    (
        "Mi tía falleció la semana pasada. ¿Qué documentos necesitáis para dar de baja su línea?",
        "es",
    ),
    ("Me han despedido y querría saber si puedo pausar la suscripción. Gracias.", "es"),
    ("Mon père est décédé en juin. Quels papiers faut-il pour clôturer son contrat ?", "fr"),
    ("Meine Mutter ist verstorben. Welche Unterlagen brauchen Sie für die Kündigung?", "de"),
    ("Fui demitida este mês. É possível adiar a parcela de julho?", "pt"),
]
DISTRESSED_REQUESTS = [
    ("I lost my job last week and I'm really worried. Can I pause my loan payments?", "en"),
    ("Me he quedado en paro y estoy muy agobiada. ¿Puedo aplazar la cuota?", "es"),
]


@pytest.mark.parametrize(("text", "lang"), CALM_REQUESTS)
def test_a_calm_request_explained_by_a_hard_time_reads_neutral(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "neutral"


@pytest.mark.parametrize(("text", "lang"), DISTRESSED_REQUESTS)
def test_distress_beside_a_hard_time_reads_negative(text: str, lang: str) -> None:
    assert customer_signals(text, locale=lang).sentiment.label == "negative"
