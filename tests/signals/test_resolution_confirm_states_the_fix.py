"""A confirm must say that the problem the customer reported is gone, or that the thing now
works. Words that only look like it do not: a noun of working ("late for work again"), a fix
that held a day and broke, praise of a product with no fault put right, thanks for a favour,
a confirmation followed by a contrast naming what is still wrong, or shouting with no fix
stated. A plain fix with an unrelated question after it, or with a grudge about the time it
took, still confirms."""

import pytest

from bot.signals.resolution import resolution_reply


@pytest.mark.parametrize(
    "text",
    [
        "Late for work again because of the bus.",
        "Off to work again after the holidays, nothing new.",
        "I have to work again this weekend.",
        "I need it to work again by Friday.",
        "Hoy la carga otra vez de madrugada.",
        "Merci pour la marche.",
        "J'ai besoin que ça marche avant lundi.",
        "A roda normal.",
    ],
)
def test_a_noun_or_a_need_of_working_is_no_fix(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, got it to work again!",
        "It works now, no need to call.",
        "La carga funciona otra vez.",
        "Ça marche, merci.",
    ],
)
def test_a_verb_of_working_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The new card arrived, thanks. That said, the PIN letter never came.",
        "Got the refund, except the delivery fee is not in it.",
        "It arrived today, only thing is the lid is cracked.",
        "Ya me llegó el pedido. Eso sí, la factura sale con otro nombre.",
        "La línea ya funciona, salvo que el fijo no da tono.",
        "Merci, le colis est bien arrivé. Par contre il manque la notice.",
        "La connexion marche, en revanche la box clignote en rouge.",
        "C'est réglé, sauf que la facture affiche l'ancien tarif.",
        "Das Paket ist angekommen, nur dass die Schrauben fehlen.",
        "Läuft wieder, bloß der Drucker meldet sich nicht.",
        "Chegou a encomenda, só que veio sem o carregador.",
        "O acesso voltou, porém a fatura ainda está errada.",
        "Funciona. No entanto, o aplicativo mostra o saldo antigo.",
    ],
)
def test_a_confirmation_then_a_reservation_naming_what_is_wrong_is_not_a_confirm(
    text: str,
) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Eso sí funciona, gracias.",
        "Par contre, maintenant ça marche, merci !",
    ],
)
def test_a_reservation_word_before_the_fix_or_as_emphasis_does_not_doubt_it(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It worked fine for a day, but now the freeze is back.",
        "It worked yesterday after the update but this morning the warning is back.",
        "Funcionó ayer, pero hoy ha vuelto el aviso.",
        "Ça marchait hier soir mais ce matin le message est revenu.",
        "Es lief gestern, aber heute ist die Meldung wieder da.",
        "Funcionou ontem, mas hoje voltou o aviso.",
    ],
)
def test_worked_then_back_at_a_new_time_is_a_relapse(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "It worked yesterday, but this morning it's back to normal after a blip.",
        "It worked, but today the engineer came back to check the box.",
    ],
)
def test_back_to_normal_or_a_person_back_is_no_relapse(text: str) -> None:
    assert resolution_reply(text) != "deny"


@pytest.mark.parametrize(
    "text",
    [
        "Since switching to you the signal has been rock solid. Should've done it sooner.",
        "The new thermostat is brilliant, I can finally see the daily usage. Really happy with it.",
        "The parcel arrived a day early, impressive!",
        "Desde que me cambié a vosotros la conexión va perfecta.",
        "Me encanta la app nueva, ya me aparecen todos los recibos.",
        "Depuis que je suis passée chez vous, tout marche nickel.",
        "Très contente de ma nouvelle box, ça marche parfaitement.",
        "Seit dem Wechsel läuft das Internet einwandfrei.",
        "Sehr zufrieden mit dem neuen Tarif, funktioniert problemlos.",
        "Desde que mudei para vocês a internet está funcionando muito bem.",
        "Adorei o aplicativo novo, funciona perfeitamente.",
        "The new meter is great, I can finally see my usage.",
        "La nueva app es genial, ya puedo ver todos mis pedidos.",
        "Le nouveau compteur est super, je peux enfin suivre ma conso.",
        "Die neue App ist super, ich kann endlich alles sehen.",
        "O app novo é ótimo, agora consigo ver tudo.",
    ],
)
def test_praise_of_a_product_or_a_switch_with_no_fault_put_right_is_not_a_confirm(
    text: str,
) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The fix worked, really happy with it.",
        "It's fixed now, thanks. Not impressed it took a week.",
        "Ya está arreglado, me encanta.",
        "Das Problem ist behoben, sehr zufrieden mit Ihnen.",
    ],
)
def test_praise_beside_a_fault_named_as_fixed_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for extending the trial, I can finally use the export.",
        "Gracias por ampliar el plazo, ya puedo entregar el trabajo.",
        "Merci d'avoir prolongé l'offre, j'ai pu valider ma commande.",
        "Danke, dass Sie die Frist verlängert haben, jetzt klappt es mit der Anmeldung.",
        "Danke für die Verlängerung! Hab's so noch geschafft.",
        "Obrigada por prorrogar o prazo, consegui enviar os documentos.",
    ],
)
def test_thanks_for_a_favour_then_what_it_allowed_is_not_a_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for resetting my password, I can log in now.",
        "Danke für die Verlängerung, und das Problem mit dem Login ist behoben.",
        "Hab's, danke.",
    ],
)
def test_thanks_for_a_fix_or_a_bare_got_it_still_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Yes, thanks. Third time I've called about this.",
        "Third time I write about this. Connects to the printer again.",
        "Ya es la tercera vez que llamo. Conecta con la impresora otra vez.",
        "C'est la troisième fois que j'appelle. Synchronise les contacts de nouveau.",
        "Zum dritten Mal schreibe ich. Verbindet sich mit dem Drucker wieder.",
        "É a terceira vez que ligo. Conecta na impressora de novo.",
    ],
)
def test_frustration_with_no_fix_plainly_stated_is_not_a_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "YES!!! IT WORKS NOW, THANK YOU",
        "Ja, die Gutschrift ist jetzt drauf. Hat nur einen Monat und fünf Anrufe gebraucht.",
        "Por fin funciona. Tres llamadas y diez días, pero bueno.",
        "Connects to the printer again, thanks.",
    ],
)
def test_a_plain_fix_confirms_whatever_the_frustration(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The refund came in today, thanks.",
        "El reembolso me llegó hoy, gracias.",
        "Le remboursement est arrivé aujourd'hui, merci.",
        "Die Erstattung ist heute auf meinem Konto eingegangen, danke.",
        "Die Rückzahlung kam heute an, danke.",
        "Das Geld ist heute gekommen, danke.",
        "Recebi o reembolso hoje, obrigado.",
        "O dinheiro já está na conta, obrigada.",
    ],
)
def test_arrived_today_with_thanks_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Die Erstattung ist noch nicht auf meinem Konto eingegangen.",
        "Das Paket ist heute nicht gekommen.",
        "O pacote não chegou hoje.",
        "O técnico que veio hoje foi ótimo.",
        "Comprei ontem à noite e chegou hoje, que rapidez!",
        "Pedí ayer por la tarde y me llegó hoy, increíble.",
    ],
)
def test_arrival_negated_a_visit_or_a_new_order_is_not_a_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Yes, I can log in now, thanks. Where do I find the course timetable?",
        "Ya está solucionado, gracias. ¿Dónde descargo las facturas del año pasado?",
        "C'est réglé, merci. Est-ce que je peux changer mon adresse de livraison ?",
        "Der Zugang ist wieder entsperrt. Kann ich eigentlich meine E-Mail-Adresse ändern?",
        "Sim, o estorno caiu ontem. Vocês podem me mandar o recibo da mensalidade?",
    ],
)
def test_a_plain_fix_then_a_question_about_something_else_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Yes I can log in now, but is it normal that it asks twice?",
        "It works now, thanks. Will it happen again?",
        "On my phone it works now. Do I have to do the same on the tablet?",
        "En el portátil ya funciona. ¿En el móvil tengo que hacer lo mismo?",
        "Ça marche, merci. Pourquoi ça plantait ?",
        "Am Laptop klappt es jetzt. Wie richte ich den Drucker ein?",
        "No notebook já está funcionando. E no celular, preciso fazer algo diferente?",
        "Alles klar, danke. Wann kommt der Techniker?",
        "Thanks, the chair arrived. The cushions weren't in the box though, are they coming?",
    ],
)
def test_a_question_that_doubts_the_fix_or_follows_a_scoped_one_is_not_a_confirm(
    text: str,
) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The claim finally shows as settled. Took a month and six calls but it's done.",
        "It's fixed, but honestly I shouldn't have had to chase it four times.",
        "Ya está arreglado, pero no debería hacer falta tanto esfuerzo.",
        "C'est réglé, mais il ne devrait pas falloir autant d'efforts pour si peu.",
        "Es ist erledigt, aber so viel Aufwand für eine Kleinigkeit.",
        "Está resolvido, mas não deveria precisar de tanto esforço.",
    ],
)
def test_a_fix_with_a_grudge_about_the_effort_confirms(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It's done nothing for the noise.",
        "The order shows as cancelled but I never asked for that.",
        "Ya llegó, pero falta el cargador.",
    ],
)
def test_done_nothing_a_wrong_status_or_something_missing_is_not_a_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The cards work, we're in! Thanks",
        "Voltou a internet aqui, muito obrigado pelo retorno.",
        "A fatura chegou certinha, obrigada.",
        "A taxa foi ajustada e o pagamento passou. Obrigado!",
        "La ligne a bien été remise en service, merci.",
        "Merci, j'ai de nouveau l'accès au portail.",
        "Der Bescheid ist da, ich konnte den Antrag online abholen. Danke!",
    ],
)
def test_more_ways_of_saying_it_is_put_right_confirm(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "They work for a bank, not for you.",
        "I'm in a meeting, will check.",
        "Te dou retorno amanhã se funcionou.",
        "J'ai de nouveau l'erreur 403.",
        "Ich konnte es leider nicht einlösen.",
    ],
)
def test_their_near_misses_do_not_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It works now, although I kept calling you for a week.",
        "Ya funciona, aunque yo me enfadé bastante al teléfono.",
        "C'est réparé, merci pour votre patience, bien que j'aie été désagréable.",
        "Der Zugang klappt wieder, danke, obwohl ich am Telefon laut geworden bin.",
        "Voltou a funcionar, obrigada, embora eu tenha perdido a paciência.",
    ],
)
def test_a_concession_about_the_writer_does_not_doubt_the_fix(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, although I still can't log in.",
        "Gracias, aunque yo sigo sin acceso.",
        "Merci, bien que je ne reçoive toujours rien.",
        "Danke, obwohl ich immer noch nicht reinkomme.",
        "It kept crashing after the update.",
    ],
)
def test_a_concession_naming_the_fault_still_denies(text: str) -> None:
    assert resolution_reply(text) == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, it arrived. One thing though: the box was open.",
        "Gracias, ya llegó. Lo único, la caja venía abierta.",
        "Merci, c'est arrivé. Petit bémol : la boîte était ouverte.",
        "Danke, ist angekommen. Einziger Haken: der Karton war offen.",
        "Obrigado, chegou. Só um detalhe: a caixa veio aberta.",
    ],
)
def test_a_confirmation_then_the_one_thing_wrong_is_not_a_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"


def test_worked_then_the_trouble_back_in_the_present_tense_is_a_relapse() -> None:
    text = "Funcionó ayer después del arreglo, pero esta mañana vuelve el bucle de inicio."
    assert resolution_reply(text) == "deny"
    assert resolution_reply("Funcionaba, pero hoy vuelve a funcionar.") == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It works now I guess",
        "It works, I think, thanks!",
        "Ya funciona creo.",
        "Ça marche je crois.",
        "Funktioniert jetzt, glaube ich.",
        "Agora funciona, acho.",
    ],
)
def test_a_guess_tagged_on_the_fix_is_not_a_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "It works now, I think the cable was loose.",
        "Ya entra, era un fallo de la red supongo. Gracias",
    ],
)
def test_a_guess_about_the_cause_leaves_the_fix_stated(text: str) -> None:
    assert resolution_reply(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks. All good on my side, I'll wait for the technician.",
        "Vale, todo bien, espero al técnico el martes.",
        "D'accord, c'est bon pour moi, j'attends le technicien jeudi.",
        "Alles klar, danke. Dann warte ich auf den Techniker.",
        "Beleza, tudo certo, aguardo o técnico.",
    ],
)
def test_waiting_for_the_visit_that_is_to_fix_it_is_not_a_confirm(text: str) -> None:
    assert resolution_reply(text) != "confirm"
