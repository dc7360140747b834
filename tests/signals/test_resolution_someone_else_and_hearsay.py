"""What is not the customer's own fix seen with their own eyes confirms nothing: someone
else's service or device, a fix reported second-hand, what worked until an event before the
fault, a first visit, a person who "went through everything". With what still confirms."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "My neighbour's broadband works perfectly, same street, same cabinet.",
        "My friend is with another provider and her signal is fine indoors.",
        "Mi vecina tiene la misma caldera y a ella le funciona perfectamente.",
        "Chez mon collègue la mise à jour fonctionne parfaitement, pas chez moi.",
        "Bei meiner Nachbarin funktioniert das Internet einwandfrei.",
        "O meu colega usa a mesma app e no telemóvel dele funciona bem.",
        "The account is unlocked now, according to my husband. I haven't looked yet.",
        "Según me ha dicho mi hija, ya funciona la tarjeta.",
        "Laut meinem Mann funktioniert die Heizung wieder, ich bin noch im Büro.",
        "Bis zum Update gestern lief die App völlig problemlos.",
        "The new cleaner came for the first time today, could she come on Fridays instead?",
        "La nueva cuidadora vino por primera vez hoy, muy maja.",
        "Thank you, Priya went through everything with me twice and never rushed me.",
    ],
)
def test_not_the_customers_own_fix_confirms_nothing(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The payment went through this morning, thanks.",
        "It worked for the first time in weeks, thank you!",
        "Ya funciona, por primera vez en meses. ¡Gracias!",
        "Sync works again, also on my colleagues' laptops. Thanks!",
        "The parcel was at the neighbour's all along, it arrived this morning. Thanks!",
    ],
)
def test_the_customers_own_fix_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "My colleague restarted the router and now it works, thanks.",
        "Mi compañero reinició el router y ya funciona.",
    ],
)
def test_a_fix_done_by_someone_the_customer_knows_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"
