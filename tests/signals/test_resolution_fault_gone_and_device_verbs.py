"""A fix stated as the fault gone, the money back where it belongs, a device verb after
"ya"/"já", a thing done without trouble, or a delivery that turned up, confirms; what went
missing on the customer, a comparison and a question do not."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "The red warning banner has gone, thanks.",
        "That duplicate charge has finally disappeared from my statement.",
        "El recargo de la factura ya ha desaparecido.",
        "Plus aucune coupure depuis lundi, merci.",
        "Plus de message d'erreur, merci beaucoup.",
        "Die Warnung ist jetzt weg, danke!",
        "A mensagem de erro já desapareceu.",
        "Das Pfand ist wieder auf meinem Konto.",
        "La caution a été recréditée hier.",
        "O valor foi ontem creditado, obrigado.",
        "El portátil ya conecta con la impresora.",
        "A televisão já liga, obrigada!",
        "Já dá para pagar com o cartão.",
        "La tablet arranca sin problema desde ayer.",
        "Ma fille a validé son inscription ce matin sans souci.",
        "The keys turned up at reception this morning.",
    ],
)
def test_confirmed(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "My saved playlists have disappeared since the update.",
        "Me han desaparecido las fotos del álbum.",
        "Os meus pontos desapareceram da conta.",
        "Il y a plus de coupures que le mois dernier.",
        "Plus de coupures que jamais cette semaine.",
        "Is the warning gone now?",
        "¿Ya imprime o tengo que reinstalar el driver?",
        "El portátil ya no conecta con la impresora.",
        "The keys never turned up.",
    ],
)
def test_near_misses_do_not_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"
