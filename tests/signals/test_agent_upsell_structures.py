"""Upsell read from its structure in five languages: a pitch conditioned on how much the
customer uses something ("if you travel a lot"), a price framed as a little more each month or
trip ("for €5 more a month"), a benefit in the conditional ("you would have", "tendrías",
"vous auriez", "hätten Sie", "você teria"), "worth it" in the subjunctive, and trials and
bundles offered as a question. Describing the customer's own plan or explaining a charge is
not a pitch. Every sentence was written for this test."""

import pytest

from bot.signals.message import agent_signals
from bot.signals.upsell import is_upsell

PITCHES = [
    # A usage condition, a bigger tier and a price framed as a little more.
    "Your refund is on its way. If you stream a lot, our Ultra tier adds 4K and four screens"
    " for just £3 more a month.",
    "Si usas mucho los datos, la tarifa Ilimitada te sale por 5 € más al mes.",
    "Si vous voyagez souvent, l'option Monde couvre l'itinérance partout pour 4 € de plus"
    " par mois.",
    "Wenn Sie häufig ins Ausland fahren, deckt der Tarif Reise alle Länder ab, für 6 € mehr"
    " im Monat.",
    "Se você assiste muito, o pacote Cinema inclui os lançamentos por R$ 15 a mais por mês.",
    # Something newly available at a small extra price, after news about the case.
    "The engineer found nothing wrong. Good news: gigabit fibre is now available on your"
    " street, for only €6 extra per month.",
    "El técnico no encontró nada. Buena noticia: la fibra de 1 Gb ya llega a su calle por"
    " solo 6 € más al mes.",
    "Le technicien n'a rien trouvé. Bonne nouvelle : la fibre 2 Gb/s arrive chez vous pour"
    " seulement 5 € de plus par mois.",
    "Der Techniker hat nichts gefunden. Übrigens gibt es an Ihrer Adresse jetzt Glasfaser,"
    " für nur 7 € mehr im Monat.",
    "O técnico não encontrou nada. Boa notícia: a fibra de 1 Gb chegou à sua rua por apenas"
    " R$ 20 a mais por mês.",
    # A benefit in the conditional, mid-reply.
    "Your booking is changed. With the Explorer membership you would have free changes on"
    " every trip, for €60 a year. The new ticket is attached.",
    "Ya está cambiada la reserva. Con el Pase Viajero tendrías cambios gratis en todos los"
    " viajes por 60 € al año. Te adjunto el billete.",
    "Votre réservation est modifiée. Avec la carte Voyageur, vous auriez les échanges"
    " gratuits sur tous vos trajets pour 60 € par an.",
    "Ihre Buchung ist geändert. Mit der Reisekarte hätten Sie kostenlose Umbuchungen auf"
    " allen Fahrten, für 60 € im Jahr.",
    "A sua reserva já foi alterada. Sendo sócio Viajante, a remarcação sairia grátis em todas"
    " as suas viagens, por R$ 12 por mês.",
    # "Worth it", in the subjunctive or conditional, for someone in their situation.
    "Como trabalha de casa, talvez valha a pena o plano Escritório, com um modem de reserva.",
    "Como trabaja desde casa, quizá valga la pena el plan Oficina, con un módem de reserva.",
    "Since you work from home, the Office plan with a backup modem might be worth it.",
    # A trial or a bundle offered as a question, after an apology.
    "Sorry for the wait. Would you like to try the Family bundle free for 30 days?",
    "Perdona la espera. ¿Te gustaría probar gratis durante un mes el paquete Familia?",
    "Désolé pour l'attente. Aimeriez-vous essayer gratuitement le pack Famille pendant un mois ?",
    "Entschuldigen Sie die Wartezeit. Möchten Sie das Familienpaket einen Monat kostenlos testen?",
    "Desculpe a demora. Que tal experimentar grátis por 30 dias o pacote Família?",
    # Annual billing after an aside.
    "Apologies for the delay. Incidentally, paying yearly would save you two months' fees.",
    "Disculpa el retraso. Por cierto, con el pago anual te ahorrarías dos cuotas al año.",
    "Toutes nos excuses. Au fait, avec le paiement annuel, vous économiseriez deux mois.",
    "Entschuldigen Sie die Verzögerung. Übrigens sparen Sie mit jährlicher Zahlung zwei"
    " Monatsbeiträge.",
    "Peço desculpa pelo atraso. Aliás, com o pagamento anual você economizaria dois meses.",
    # Bundles recommended by who buys them or by price, an add-on asked as a question.
    "Sorry again for the mix-up. Many customers in your position go for the Premium bundle,"
    " which includes TV and mobile at a lower combined price.",
    "Your order has shipped. Want to add the extended warranty before it arrives? It's £19"
    " for two years.",
    "Es tut mir leid wegen der Störung. Ich kann Ihnen unser Kombipaket mit TV und Internet"
    " empfehlen, das ist günstiger als beides einzeln.",
    "Já corrigimos a cobrança. Recomendo o combo Casa, que junta internet e TV por menos.",
    "Sinto muito pelo transtorno. Você pode testar o plano Pro grátis por 14 dias.",
    # An offer for bigger households or a yearly plan, offered "if you wish".
    "Le chargeur est reparti. Si vous le souhaitez, je peux vous abonner à l'offre Famille,"
    " plus économique à partir de trois lignes.",
    "Desculpe o incômodo. Vale considerar a assinatura anual: você paga 10 meses e usa 12.",
    "Hemos repuesto el cargador. Si lo deseas, puedo activarte el plan Familia, que sale más"
    " económico con tres líneas.",
    "Das Ladegerät ist unterwegs. Wenn Sie möchten, schalte ich Ihnen den Familientarif frei,"
    " der ab drei Karten günstiger ist.",
    "Como trabajas desde casa, te podría interesar la tarifa Oficina, con un router de"
    " respaldo, por 7 € más al mes.",
    # Bundling, a yearly plan to "think about", a trial counted in days.
    "Done, the duplicate is cancelled. PS: bundling broadband with your mobile saves £10 a month.",
    "C'est réglé. Pensez à l'abonnement annuel : deux mois sont offerts.",
    "Lamentamos o ocorrido. Experimente o Premium por 30 dias sem custo.",
    "Alles erledigt. Haben Sie schon an die jährliche Abrechnung gedacht? Damit sparen Sie"
    " zwei Monatsbeiträge.",
    "Hemos arreglado la conexión. ¿Has pensado en el plan anual? Te saldría dos meses más barato.",
    # The next tier up for a little more; a second line at a discount, after a closed case.
    "We're sorry for the slow speeds. The next plan up doubles your bandwidth and is only £4 more.",
    "Nous sommes désolés pour la lenteur. La formule supérieure double le débit pour"
    " seulement 4 € de plus.",
    "Ihr Anliegen ist erledigt. Denken Sie daran: Eine zweite Karte gibt es die ersten drei"
    " Monate 50 % günstiger.",
    "Seu chamado foi encerrado. Lembre que você pode adicionar uma segunda linha com 50% de"
    " desconto nos três primeiros meses.",
    "Tu incidencia está cerrada. Recuerda que puedes añadir una segunda línea con un 50 % de"
    " descuento los tres primeros meses.",
    # A bigger tier for a benefit ("for faster speeds"), storage "if you need more".
    "Your replacement router ships today. For faster speeds, you can move up to our 500 Mb"
    " tier for €8 more per month.",
    "Lo siento por la confusión. Para más velocidad, puedes subir a la fibra de 600 Mb por 8 €"
    " más al mes.",
    "Désolé pour la confusion. Pour plus de débit, vous pouvez monter à la fibre 500 Mb pour"
    " 8 € de plus par mois.",
    "Entschuldigen Sie die Verwirrung. Für mehr Tempo können Sie auf 500 Mbit wechseln, für"
    " 8 € mehr im Monat.",
    "Desculpe a confusão. Para mais velocidade, você pode subir para a fibra de 500 Mb por"
    " R$ 30 a mais por mês.",
    "I've corrected the address. Should you want extra storage, the 2 TB add-on is available"
    " for £2.99 a month.",
    "He corregido la dirección. Si necesitas más almacenamiento, el complemento de 2 TB"
    " cuesta solo 2,99 € al mes.",
    "J'ai corrigé l'adresse. Si vous avez besoin de plus de stockage, l'extension 2 To est à"
    " seulement 2,99 € par mois.",
    "Ich habe die Adresse korrigiert. Falls Sie mehr Speicher brauchen: Die 2-TB-Erweiterung"
    " gibt es schon ab 2,99 € im Monat.",
    "Corrigi o endereço. Se precisar de mais espaço, o adicional de 2 TB sai por apenas"
    " R$ 9,90 por mês.",
]


@pytest.mark.parametrize("reply", PITCHES)
def test_a_pitch_is_read_from_its_structure(reply):
    assert is_upsell(reply)


@pytest.mark.parametrize("reply", PITCHES)
def test_the_pitch_is_read_in_a_reply_of_any_length_with_its_language(reply):
    # agent_signals narrows the phrases to the detected language of a long reply.
    assert agent_signals(reply).upsell


@pytest.mark.parametrize(
    "reply",
    [
        "Your current plan includes 20 GB of data and renews on the 5th of each month.",
        "You were charged €4.99 a month because the music add-on you activated in March"
        " renewed on the 1st.",
        "You're on the annual plan, so the next payment is due in June.",
        "Your bill is £3 more a month from May because the price of your tariff changed.",
        "Tu tarifa actual incluye 30 GB y se renueva el día 3 de cada mes.",
        "El cargo de 9,99 € al mes corresponde al seguro que contrataste en marzo.",
        "Su factura sube 2 € más al mes porque terminó la promoción de bienvenida.",
        "Votre forfait actuel comprend 100 Go et se renouvelle le 12 de chaque mois.",
        "Le prélèvement de 7 € par mois correspond à l'option que vous avez activée en janvier.",
        "Ihr aktueller Tarif enthält 10 GB und verlängert sich am 1. jedes Monats.",
        "Die 4,99 € im Monat sind die Gebühr für die Option, die Sie im März gebucht haben.",
        "Ihre Rechnung ist ab Mai 2 € mehr im Monat, weil der Willkommensrabatt ausgelaufen ist.",
        "O seu plano atual inclui 50 GB e renova no dia 8 de cada mês.",
        "A cobrança de R$ 9,90 por mês é do serviço que você contratou em janeiro.",
        "If you travel often, remember to update the app before each trip.",
        "Si viajas a menudo, recuerda actualizar la aplicación antes de cada viaje.",
        "The replacement would be free under your warranty; it ships tomorrow.",
        "Your Pro plan includes version history; you'll find it under Settings.",
        "You're on the monthly plan, which is why you were charged on the 3rd.",
        "Su paquete incluye fibra, móvil y TV; la factura de este mes es de 55 €.",
        "Les 9 € prélevés correspondent à votre abonnement mensuel.",
        "Ihr Kombipaket enthält TV und Internet; der Betrag von 40 € wird monatlich abgebucht.",
        "A cobrança de R$ 59 é a mensalidade do seu plano, debitada todo dia 10.",
        # A one-off extra on a bill, for something the customer ordered.
        "The extra €5 on this bill is a one-off charge for the replacement SIM you ordered.",
        "El cargo extra de 5 € es la tarjeta SIM de reemplazo que pediste.",
        "Les 5 € en plus sur cette facture correspondent à la carte SIM de remplacement que"
        " vous avez commandée.",
        "Die 5 € zusätzlich auf dieser Rechnung sind die Ersatz-SIM, die Sie bestellt haben.",
        "Os R$ 5 a mais nesta fatura são do chip de reposição que você pediu.",
        # What the customer's own plan gives them; "for more information".
        "Your Premium plan gives you priority support, so you were moved to the front of the"
        " queue.",
        "Tu plan Premium te da soporte prioritario; por eso te atendimos primero.",
        "Votre forfait Premium inclut l'assistance prioritaire : c'est pour cela que vous êtes"
        " passé en premier.",
        "Ihr Premium-Tarif beinhaltet bevorzugten Support; deshalb waren Sie sofort dran.",
        "Sua assinatura Premium inclui suporte prioritário, por isso foi atendido primeiro.",
        "For more information about the discount, see our website.",
        "Pour plus d'informations sur la remise, consultez le site.",
        "Para mais informações sobre o desconto, veja o site.",
        "The €8 increase is because your 12-month discount ended in May.",
        "El aumento de 8 € se debe a que terminó tu descuento de 12 meses en mayo.",
        # A change to a higher tier made as the customer asked.
        "Your plan was changed to the higher tier on the 3rd as you requested, and the"
        " difference is on this bill.",
        "Wir haben Ihren Tarif wie gewünscht am 3. auf die höhere Stufe umgestellt; die"
        " Differenz steht auf dieser Rechnung.",
        "Mudamos o seu plano para o superior no dia 3, como pediu; a diferença está nesta fatura.",
        # The customer's own trial and what it costs afterwards.
        "The trial you started on the 1st ends on the 15th; after that it's €9.99 a month"
        " unless you cancel.",
        "La prueba gratuita que empezaste termina el día 15; después son 9,99 € al mes.",
        "Votre essai gratuit se termine le 15 ; ensuite l'abonnement est de 9,99 € par mois.",
        "Ihr kostenloser Testmonat endet am 15.; danach kostet das Abo 9,99 € im Monat.",
        "O seu período de teste grátis termina dia 15; depois a assinatura custa R$ 29,90 por mês.",
    ],
)
def test_the_customers_own_plan_or_a_charge_explained_is_not_a_pitch(reply):
    assert not is_upsell(reply)
    assert not agent_signals(reply).upsell


@pytest.mark.parametrize(
    "reply",
    [
        "You can add a second user from Settings > Team.",
        "Puedes añadir otra línea desde la app.",
        "Vous pouvez ajouter une deuxième ligne depuis l'appli.",
        "Sie können eine zweite Karte in der App bestellen.",
        "Você pode adicionar uma segunda linha pelo app.",
    ],
)
def test_one_more_line_without_a_price_answers_a_how_to_question(reply):
    assert not is_upsell(reply)
