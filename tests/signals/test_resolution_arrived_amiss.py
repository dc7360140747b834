"""An arrival confirms a fix only when its sentence does not say how it arrived: late,
early, on time, cold, damaged or incomplete reports a new matter; hot or fresh reviews a
delivery, unless it came so "this time".
Arrivals at a time of day ("early this morning", "esta tarde") and faults denied ("nothing
broken") still confirm."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "The replacement lamp arrived with the shade cracked down one side.",
        "My shopping came two hours late and the ice cream had melted.",
        "The cake was delivered the day after the party, which rather defeats the point.",
        "The 7:40 coach turned up on time for once. Small miracles.",
        "El pedido llegó frío y con una bebida de menos.",
        "La maleta llegó rota, con la cremallera arrancada.",
        "El técnico llegó con tres horas de retraso y sin la pieza.",
        "Le colis est arrivé abîmé, le carton était complètement écrasé.",
        "Le repas est arrivé tiède, encore une fois.",
        "Le bus est arrivé en avance et il est reparti sans moi.",
        "Das Paket ist beschädigt angekommen, die Ecke ist eingedrückt.",
        "Die Pizza kam kalt und eine halbe Stunde zu spät.",
        "Der Techniker kam pünktlich, das muss man sagen.",
        "A encomenda chegou danificada, com a caixa toda amassada.",
        "O jantar chegou frio e faltava a sobremesa.",
        "O autocarro chegou atrasado outra vez.",
        # Food praised as it came reviews a delivery.
        "Dinner arrived piping hot and the rider was lovely.",
        "La compra llegó fresca y bien empaquetada.",
        "Die Brötchen kamen heute frisch und warm an.",
    ],
)
def test_an_arrival_said_to_be_late_early_or_damaged_confirms_nothing(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The refund arrived early this morning, thanks.",
        "The parcel arrived today, nothing broken, all there.",
        "El reembolso me llegó esta tarde, gracias.",
        "Ya me ha llegado el paquete, sin ningún daño.",
        "Le virement est bien arrivé ce matin, merci.",
        "Das Geld ist heute angekommen, danke.",
        "Die neue Karte ist angekommen und funktioniert.",
        "O reembolso chegou hoje à tarde, obrigada.",
        "A encomenda chegou hoje, nada partido. Obrigado!",
        "The hot water came back this morning, thanks.",
        "After a week of cold showers the hot water finally came back today.",
        # A redo: "this time" it came as it should, the fix.
        "The replacement pizza arrived hot this time, thanks.",
        "La nouvelle commande est arrivée chaude cette fois, merci.",
    ],
)
def test_an_arrival_at_a_time_of_day_or_without_fault_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"
