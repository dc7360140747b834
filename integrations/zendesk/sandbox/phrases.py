"""What the generated customers and agents say, per language, as varied templates.

Slots: {name} (the customer's first name), {agent} (the agent's first name), {order} (an order
number like A-482913), {device}, {product}, {channel} (where the customer wrote before), {days}.
Script phrases and trust words are the ones alignbot's signals look for, on purpose.
"""

from __future__ import annotations

LANGUAGES = ("en", "es", "fr", "de", "pt")

# The script phrase each language's agents paste; a reply that is only this is "scripted".
SCRIPT_PHRASES = {
    "en": "We apologize for the inconvenience.",
    "es": "Lamentamos las molestias ocasionadas.",
    "fr": "Nous nous excusons pour la gêne occasionnée.",
    "de": "Wir entschuldigen uns für die Unannehmlichkeiten.",
    "pt": "Pedimos desculpas pelo transtorno.",
}

FIRST_NAMES = {
    "en": [
        "Emma",
        "Liam",
        "Olivia",
        "Noah",
        "Ava",
        "James",
        "Mia",
        "Lucas",
        "Grace",
        "Ethan",
        "Chloe",
        "Henry",
        "Ruby",
        "Jack",
        "Zoe",
        "Owen",
    ],
    "es": [
        "Lucía",
        "Mateo",
        "Sofía",
        "Hugo",
        "Valentina",
        "Diego",
        "Martina",
        "Javier",
        "Camila",
        "Pablo",
        "Elena",
        "Andrés",
        "Carmen",
        "Álvaro",
    ],
    "fr": [
        "Camille",
        "Louis",
        "Léa",
        "Gabriel",
        "Chloé",
        "Hugo",
        "Manon",
        "Jules",
        "Inès",
        "Arthur",
    ],
    "de": [
        "Lena",
        "Lukas",
        "Anna",
        "Felix",
        "Marie",
        "Jonas",
        "Sophie",
        "Paul",
        "Hannah",
        "Maximilian",
    ],
    "pt": [
        "Ana",
        "João",
        "Beatriz",
        "Pedro",
        "Mariana",
        "Rafael",
        "Larissa",
        "Tiago",
        "Inês",
        "Gustavo",
    ],
}
LAST_NAMES = {
    "en": [
        "Smith",
        "Johnson",
        "Brown",
        "Taylor",
        "Wilson",
        "Clarke",
        "Walker",
        "Hughes",
        "Bennett",
        "Murphy",
        "Reed",
        "Foster",
    ],
    "es": [
        "García",
        "Martínez",
        "López",
        "Sánchez",
        "Pérez",
        "Gómez",
        "Fernández",
        "Ruiz",
        "Díaz",
        "Moreno",
    ],
    "fr": ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy"],
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann"],
    "pt": ["Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Ferreira"],
}

# IANA zone -> the Rails name Zendesk puts in a user's `time_zone`.
TIME_ZONES = {
    "en": [
        ("America/New_York", "Eastern Time (US & Canada)"),
        ("America/Chicago", "Central Time (US & Canada)"),
        ("America/Los_Angeles", "Pacific Time (US & Canada)"),
        ("Europe/London", "London"),
        ("Australia/Sydney", "Sydney"),
    ],
    "es": [
        ("Europe/Madrid", "Madrid"),
        ("America/Mexico_City", "Mexico City"),
        ("America/Bogota", "Bogota"),
        ("America/Argentina/Buenos_Aires", "Buenos Aires"),
    ],
    "fr": [
        ("Europe/Paris", "Paris"),
        ("Europe/Brussels", "Brussels"),
        ("America/Toronto", "Eastern Time (US & Canada)"),
    ],
    "de": [("Europe/Berlin", "Berlin"), ("Europe/Vienna", "Vienna"), ("Europe/Zurich", "Zurich")],
    "pt": [("America/Sao_Paulo", "Brasilia"), ("Europe/Lisbon", "Lisbon")],
}
LOCALE_IDS = {"en": 1, "es": 2, "fr": 16, "de": 8, "pt": 19}
LOCALES = {"en": "en-US", "es": "es", "fr": "fr", "de": "de", "pt": "pt-BR"}

DEVICES = [
    "Pixel 8",
    "iPhone 15",
    "Galaxy S23",
    "MacBook Air",
    "ThinkPad X1",
    "iPad Air",
    "Kindle",
    "Echo Dot",
]
PRODUCTS = {
    "en": [
        "wireless headphones",
        "smart thermostat",
        "running shoes",
        "coffee grinder",
        "desk lamp",
        "yoga mat",
    ],
    "es": [
        "auriculares inalámbricos",
        "termostato inteligente",
        "zapatillas de correr",
        "molinillo de café",
        "lámpara de escritorio",
    ],
    "fr": ["casque sans fil", "thermostat connecté", "chaussures de course", "moulin à café"],
    "de": ["kabellose Kopfhörer", "smartes Thermostat", "Laufschuhe", "Kaffeemühle"],
    "pt": ["fones sem fio", "termostato inteligente", "tênis de corrida", "moedor de café"],
}

# (group key, subject, first customer message). Group keys: billing, tech, orders, account.
PROBLEMS = {
    "en": [
        (
            "orders",
            "Where is my order {order}?",
            "My order {order} was supposed to arrive on Monday and the tracking hasn't moved in "
            "five days.",
        ),
        (
            "orders",
            "Wrong item in order {order}",
            "I ordered the {product} (order {order}) but the box had something else in it.",
        ),
        (
            "billing",
            "Charged twice for order {order}",
            "I was charged twice for order {order}. Please refund the duplicate charge.",
        ),
        (
            "billing",
            "Refund not received",
            "You confirmed my refund for order {order} two weeks ago and the money is still not "
            "back on my card.",
        ),
        (
            "tech",
            "App crashes on my {device}",
            "The app crashes every time I open the settings page on my {device}.",
        ),
        (
            "tech",
            "Can't sync my {product}",
            "My {product} stopped syncing with the app after the last update. I use a {device}.",
        ),
        (
            "account",
            "Locked out of my account",
            "I can't log in: the password reset email never arrives. My email is the one on this "
            "ticket.",
        ),
        (
            "account",
            "Please cancel my subscription",
            "I want to cancel my subscription before the next renewal.",
        ),
    ],
    "es": [
        (
            "orders",
            "¿Dónde está mi pedido {order}?",
            "Mi pedido {order} tenía que llegar el lunes y el seguimiento no se mueve desde hace "
            "cinco días.",
        ),
        (
            "orders",
            "Producto equivocado en el pedido {order}",
            "Pedí {product} (pedido {order}) pero en la caja venía otra cosa.",
        ),
        (
            "billing",
            "Cobro duplicado del pedido {order}",
            "Me habéis cobrado dos veces el pedido {order}. Por favor, devolvedme el cargo "
            "duplicado.",
        ),
        (
            "tech",
            "La app se cierra en mi {device}",
            "La aplicación se cierra cada vez que abro los ajustes en mi {device}.",
        ),
        (
            "tech",
            "No se sincroniza mi {product}",
            "Mi {product} dejó de sincronizarse después de la última actualización. Uso un "
            "{device}.",
        ),
        (
            "account",
            "No puedo entrar en mi cuenta",
            "No puedo iniciar sesión: el correo para restablecer la contraseña nunca llega.",
        ),
    ],
    "fr": [
        (
            "orders",
            "Où est ma commande {order} ?",
            "Ma commande {order} devait arriver lundi et le suivi n'a pas bougé depuis cinq jours.",
        ),
        (
            "billing",
            "Double prélèvement pour la commande {order}",
            "J'ai été débité deux fois pour la commande {order}. Merci de rembourser le doublon.",
        ),
        (
            "tech",
            "L'application plante sur mon {device}",
            "L'application plante dès que j'ouvre les réglages sur mon {device}.",
        ),
        (
            "account",
            "Impossible de me connecter",
            "Je n'arrive plus à me connecter : l'e-mail de réinitialisation n'arrive jamais.",
        ),
    ],
    "de": [
        (
            "orders",
            "Wo ist meine Bestellung {order}?",
            "Meine Bestellung {order} sollte am Montag ankommen, die Sendungsverfolgung bewegt "
            "sich seit fünf Tagen nicht.",
        ),
        (
            "billing",
            "Doppelte Abbuchung für Bestellung {order}",
            "Mir wurde die Bestellung {order} zweimal abgebucht. Bitte erstatten Sie die doppelte "
            "Zahlung.",
        ),
        (
            "tech",
            "App stürzt auf meinem {device} ab",
            "Die App stürzt jedes Mal ab, wenn ich auf meinem {device} die Einstellungen öffne.",
        ),
        (
            "account",
            "Ich komme nicht in mein Konto",
            "Ich kann mich nicht anmelden: Die E-Mail zum Zurücksetzen des Passworts kommt nie an.",
        ),
    ],
    "pt": [
        (
            "orders",
            "Onde está meu pedido {order}?",
            "Meu pedido {order} deveria chegar na segunda e o rastreio não muda há cinco dias.",
        ),
        (
            "billing",
            "Cobrança duplicada do pedido {order}",
            "Fui cobrado duas vezes pelo pedido {order}. Por favor, estornem a cobrança duplicada.",
        ),
        (
            "tech",
            "O app fecha no meu {device}",
            "O aplicativo fecha toda vez que abro as configurações no meu {device}.",
        ),
        (
            "account",
            "Não consigo acessar minha conta",
            "Não consigo entrar: o e-mail de redefinição de senha nunca chega.",
        ),
    ],
}

PHRASES: dict[str, dict[str, list[str]]] = {
    "en": {
        "greeting": ["Hi,", "Hello,", "Hi there,", "Good morning,", ""],
        "angry": [
            "This is the third time I'm writing about this and I'm really frustrated.",
            "Honestly this is unacceptable, I've wasted hours on this!!",
            "I'm furious. Nobody has helped me so far.",
            "I am so disappointed, this is ridiculous.",
        ],
        "authentic": [
            "Hi {name}, I'm {agent}. Writing three times about the same thing is exhausting, "
            "and I'm sorry you had to. I've gone through your history and I'm handling this "
            "myself from here.",
            "{name}, you're right to be upset: you did everything right and it still went "
            "wrong. I've looked into it personally and here is what I'm doing now.",
            "I can hear how much time this has cost you, {name}. That shouldn't have happened. "
            "I've taken ownership of this ticket and I'll stay on it until it's fixed.",
        ],
        "scripted": [
            "Dear customer, we apologize for the inconvenience. Please allow 3-5 business days.",
            "Hello, we apologize for the inconvenience. Your request has been forwarded to the "
            "relevant team.",
            "We apologize for the inconvenience. Please check our help center for more "
            "information.",
        ],
        "quick_fix": [
            "Please reinstall the app. Closing this ticket.",
            "This should be fixed now. Marking as solved.",
            "Try clearing your cache. Solved.",
        ],
        "ask_info": [
            "Could you send me your order number so I can look this up?",
            "Can you tell me which device and app version you're using?",
            "Could you send a screenshot of the error?",
        ],
        "ask_order": [
            "Could you please provide your order number?",
            "To help you, I need your order number and the email on the account.",
        ],
        "ack_history": [
            "Thanks {name}, I can see you already told us about order {order} on {channel}, so "
            "no need to repeat anything. I've picked it up from there.",
            "I've read your earlier conversation on {channel} about {order}; here's where it "
            "stands now.",
        ],
        "upsell": [
            "While I look into this, have you considered upgrading to our Premium plan? It "
            "includes priority support and is 20% off this week.",
            "By the way, with our Pro bundle you'd get free express shipping. Want me to "
            "upgrade you?",
        ],
        "confirm": [
            "Yes, it works now, thank you!",
            "Yes it works now 🙂 thanks a lot.",
            "Confirmed, it's working again. Thanks!",
        ],
        "still_broken": [
            "It's still broken. Nothing changed.",
            "Still not working, I did exactly what you said.",
            "No, it is still broken and you closed my ticket?!",
        ],
        "chase": [
            "Any update on this?",
            "Hello? It has been days and I've heard nothing.",
            "Is anyone looking at this? Still waiting.",
        ],
        "trust": [
            "Thank you so much, you were really patient and helpful.",
            "Thanks, {agent} took care of me and understood me right away.",
            "Really helpful, and you didn't push anything on me. Thank you!",
        ],
        "worse": [
            "This is getting worse, not better. I'm done with this company.",
            "Now I'm even more frustrated. Terrible service.",
        ],
        "repeat": [
            "I contacted you {days} days ago about this and the problem is back.",
            "Same issue as my last ticket, it came back after {days} days.",
        ],
        "cross": [
            "As I already said in {channel}, my order {order} never arrived.",
            "I already explained all this in {channel} yesterday: order {order}.",
        ],
        "hold_note": [
            "I've asked our warehouse team to check {order}; I'll update you as soon "
            "as they answer."
        ],
        "agent_close": [
            "Great, glad it's sorted! I'll mark this as solved.",
            "Perfect, thanks for confirming.",
        ],
        "csat_good": [
            "Very helpful and patient, thank you!",
            "Took care of me from start to finish.",
            "The agent understood me and didn't push anything.",
        ],
        "csat_bad": [
            "Closed my ticket without fixing anything.",
            "Stop trying to sell me things when I'm upset.",
            "I had to repeat myself three times.",
        ],
    },
    "es": {
        "greeting": ["Hola,", "Buenas,", "Buenos días,", ""],
        "angry": [
            "Es la tercera vez que escribo por esto y estoy muy frustrada.",
            "Sinceramente es inaceptable, ¡he perdido horas con esto!",
            "Estoy harto, nadie me ha ayudado hasta ahora.",
        ],
        "authentic": [
            "Hola {name}, soy {agent}. Entiendo que escribir tres veces por lo mismo agota, y "
            "siento que hayas tenido que hacerlo. He revisado tu historial y me encargo yo "
            "personalmente.",
            "{name}, tienes toda la razón en estar molesta: hiciste todo bien y aun así falló. "
            "Lo he revisado yo mismo y esto es lo que estoy haciendo.",
        ],
        "scripted": [
            "Estimado cliente, lamentamos las molestias ocasionadas. Su solicitud ha sido "
            "enviada al equipo correspondiente.",
            "Lamentamos las molestias ocasionadas. Por favor, espere de 3 a 5 días hábiles.",
        ],
        "quick_fix": [
            "Reinstale la aplicación. Cerramos el ticket.",
            "Ya debería estar solucionado. Lo marcamos como resuelto.",
        ],
        "ask_info": [
            "¿Me puedes enviar tu número de pedido?",
            "¿Qué dispositivo y versión de la app usas?",
        ],
        "ask_order": [
            "¿Podría indicarnos su número de pedido?",
            "Para ayudarle necesito su número de pedido y su correo.",
        ],
        "ack_history": [
            "Gracias {name}, veo que ya nos contaste lo del pedido {order} por {channel}, no "
            "hace falta repetirlo. Lo retomo desde ahí.",
        ],
        "upsell": [
            "Mientras lo reviso, ¿has pensado en mejorar a nuestro plan Premium? "
            "Incluye soporte prioritario y esta semana tiene un 20% de descuento."
        ],
        "confirm": [
            "Sí, ya funciona, ¡gracias!",
            "Sí, ya funciona 👍 muchas gracias.",
            "Confirmado, ya funciona.",
        ],
        "still_broken": [
            "Sigue sin funcionar, no ha cambiado nada.",
            "No, sigue roto y me habéis cerrado el ticket.",
        ],
        "chase": ["¿Hay alguna novedad?", "¿Hola? Han pasado días y no sé nada."],
        "trust": [
            "Muchas gracias, fuiste muy amable y paciente.",
            "Gracias, {agent} se ocupó de mí y me entendió enseguida.",
        ],
        "worse": [
            "Esto va a peor. Estoy harta de esta empresa.",
            "Ahora estoy aún más enfadado. Pésimo servicio.",
        ],
        "repeat": ["Os escribí hace {days} días por esto y el problema ha vuelto."],
        "cross": [
            "Como ya dije por {channel}, mi pedido {order} nunca llegó.",
            "Ya lo expliqué todo por {channel} ayer: pedido {order}.",
        ],
        "hold_note": [
            "He pedido al almacén que revise el pedido {order}; te aviso en cuanto respondan."
        ],
        "agent_close": ["¡Genial, me alegro! Lo marco como resuelto."],
        "csat_good": ["Muy amable y paciente, gracias.", "Me entendió y me ayudó mucho."],
        "csat_bad": [
            "Cerraron mi ticket sin arreglar nada.",
            "Tuve que repetirlo todo tres veces.",
        ],
    },
    "fr": {
        "greeting": ["Bonjour,", "Bonsoir,", ""],
        "angry": [
            "C'est la troisième fois que j'écris et je suis vraiment exaspérée.",
            "C'est inadmissible, j'ai perdu des heures !",
        ],
        "authentic": [
            "Bonjour {name}, je suis {agent}. Écrire trois fois pour la même chose, "
            "c'est épuisant, et je suis désolé que vous ayez dû le faire. Je m'en "
            "occupe personnellement."
        ],
        "scripted": [
            "Cher client, nous nous excusons pour la gêne occasionnée. Votre demande "
            "a été transmise."
        ],
        "quick_fix": ["Réinstallez l'application. Ticket clos."],
        "ask_info": ["Pouvez-vous m'envoyer votre numéro de commande ?"],
        "ask_order": ["Pourriez-vous nous communiquer votre numéro de commande ?"],
        "ack_history": [
            "Merci {name}, je vois que vous nous avez déjà parlé de la commande "
            "{order} sur {channel}, inutile de répéter."
        ],
        "upsell": [
            "En attendant, avez-vous pensé à passer à l'offre Premium ? Le support "
            "prioritaire est inclus."
        ],
        "confirm": ["Oui, ça marche maintenant, merci !", "Oui, c'est réglé, merci."],
        "still_broken": ["Ça ne marche toujours pas.", "Toujours en panne, rien n'a changé."],
        "chase": ["Des nouvelles ?", "Toujours rien depuis des jours..."],
        "trust": [
            "Merci beaucoup, vous avez été très patient et très serviable.",
            "{agent} s'est occupé de moi et m'a compris tout de suite.",
        ],
        "worse": ["C'est de pire en pire. Service lamentable."],
        "repeat": ["Je vous ai écrit il y a {days} jours et le problème est revenu."],
        "cross": [
            "Comme je l'ai déjà dit sur {channel}, ma commande {order} n'est jamais arrivée."
        ],
        "hold_note": ["J'ai demandé à l'entrepôt de vérifier la commande {order}."],
        "agent_close": ["Parfait, je passe le ticket en résolu."],
        "csat_good": ["Très serviable et patient.", "On s'est bien occupé de moi."],
        "csat_bad": ["Ticket fermé sans solution."],
    },
    "de": {
        "greeting": ["Hallo,", "Guten Tag,", ""],
        "angry": [
            "Ich schreibe jetzt zum dritten Mal und bin wirklich frustriert.",
            "Das ist inakzeptabel, ich habe Stunden damit verloren!",
        ],
        "authentic": [
            "Hallo {name}, hier ist {agent}. Dreimal wegen derselben Sache zu "
            "schreiben ist zermürbend, das tut mir leid. Ich kümmere mich ab jetzt "
            "persönlich darum."
        ],
        "scripted": [
            "Sehr geehrter Kunde, wir entschuldigen uns für die Unannehmlichkeiten. "
            "Ihre Anfrage wurde weitergeleitet."
        ],
        "quick_fix": ["Bitte installieren Sie die App neu. Ticket geschlossen."],
        "ask_info": ["Können Sie mir Ihre Bestellnummer schicken?"],
        "ask_order": ["Könnten Sie uns bitte Ihre Bestellnummer mitteilen?"],
        "ack_history": [
            "Danke {name}, ich sehe, dass Sie uns die Bestellung {order} schon im "
            "{channel} genannt haben; Sie müssen nichts wiederholen."
        ],
        "upsell": [
            "Übrigens: Mit unserem Premium-Tarif hätten Sie Prioritäts-Support. Soll "
            "ich Sie upgraden?"
        ],
        "confirm": ["Ja, es funktioniert jetzt, danke!", "Ja, jetzt geht es wieder."],
        "still_broken": [
            "Es geht immer noch nicht.",
            "Immer noch kaputt, nichts hat sich geändert.",
        ],
        "chase": ["Gibt es Neuigkeiten?", "Seit Tagen keine Antwort..."],
        "trust": [
            "Vielen Dank, Sie waren sehr geduldig und sehr hilfsbereit.",
            "{agent} hat sich um mich gekümmert und mich sofort verstanden.",
        ],
        "worse": ["Es wird immer schlimmer. Miserabler Service."],
        "repeat": ["Ich habe mich vor {days} Tagen gemeldet und das Problem ist wieder da."],
        "cross": ["Wie ich schon im {channel} gesagt habe: Bestellung {order} ist nie angekommen."],
        "hold_note": ["Ich habe das Lager gebeten, die Bestellung {order} zu prüfen."],
        "agent_close": ["Super, dann schließe ich das Ticket als gelöst."],
        "csat_good": ["Sehr hilfsbereit und geduldig."],
        "csat_bad": ["Ticket geschlossen, ohne etwas zu lösen."],
    },
    "pt": {
        "greeting": ["Olá,", "Oi,", "Bom dia,", ""],
        "angry": [
            "É a terceira vez que escrevo sobre isso e estou muito frustrada.",
            "Isso é inaceitável, perdi horas com isso!",
        ],
        "authentic": [
            "Oi {name}, aqui é {agent}. Escrever três vezes pela mesma coisa cansa, "
            "e sinto muito por isso. Vou cuidar disso pessoalmente a partir daqui."
        ],
        "scripted": [
            "Prezado cliente, pedimos desculpas pelo transtorno. Sua solicitação foi encaminhada."
        ],
        "quick_fix": ["Reinstale o aplicativo. Ticket encerrado."],
        "ask_info": ["Pode me enviar o número do pedido?"],
        "ask_order": ["Poderia nos informar o número do pedido?"],
        "ack_history": [
            "Obrigado {name}, vi que você já nos falou do pedido {order} pelo "
            "{channel}, não precisa repetir."
        ],
        "upsell": [
            "Enquanto verifico, já pensou em fazer upgrade para o plano Premium? Tem "
            "suporte prioritário."
        ],
        "confirm": ["Sim, já funciona, obrigado!", "Sim, já funciona agora 😊"],
        "still_broken": ["Continua sem funcionar.", "Ainda está quebrado, nada mudou."],
        "chase": ["Alguma novidade?", "Faz dias e ninguém me respondeu."],
        "trust": [
            "Muito obrigada, você foi muito paciente e muito prestativo.",
            "{agent} cuidou de mim e me entendeu na hora.",
        ],
        "worse": ["Só piora. Péssimo atendimento."],
        "repeat": ["Entrei em contato há {days} dias e o problema voltou."],
        "cross": ["Como já disse pelo {channel}, meu pedido {order} nunca chegou."],
        "hold_note": ["Pedi ao estoque para verificar o pedido {order}."],
        "agent_close": ["Ótimo! Vou marcar como resolvido."],
        "csat_good": ["Muito prestativo e paciente."],
        "csat_bad": ["Fecharam meu ticket sem resolver nada."],
    },
}

CHANNEL_NAMES = {
    "en": {
        "chat": "chat",
        "native_messaging": "the chat widget",
        "whatsapp": "WhatsApp",
        "voice": "my phone call",
        "email": "my email",
        "web": "the web form",
    },
    "es": {
        "chat": "el chat",
        "native_messaging": "el chat",
        "whatsapp": "WhatsApp",
        "voice": "teléfono",
        "email": "correo",
        "web": "el formulario",
    },
    "fr": {
        "chat": "le chat",
        "native_messaging": "le chat",
        "whatsapp": "WhatsApp",
        "voice": "téléphone",
        "email": "e-mail",
        "web": "le formulaire",
    },
    "de": {
        "chat": "Chat",
        "native_messaging": "Chat",
        "whatsapp": "WhatsApp",
        "voice": "Telefonat",
        "email": "E-Mail",
        "web": "Webformular",
    },
    "pt": {
        "chat": "chat",
        "native_messaging": "chat",
        "whatsapp": "WhatsApp",
        "voice": "telefone",
        "email": "e-mail",
        "web": "formulário",
    },
}

# What an agent says when the problem is fixed, by group (the problem's kind).
FIXES = {
    "en": {
        "orders": [
            "I've found your parcel for {order}: the carrier had it at the wrong depot. It "
            "will be delivered tomorrow, and I've refunded the shipping.",
            "A replacement for order {order} is on its way with express shipping; the "
            "tracking link is in your email.",
        ],
        "billing": [
            "I've refunded the duplicate charge on {order}; you'll see it within 3 business days.",
            "The refund for {order} was stuck at our payment provider. I've pushed it "
            "through today.",
        ],
        "tech": [
            "Our engineers shipped a fix: please update the app on your {device} to the "
            "latest version and try again.",
            "I've reset the sync for your {product}; it should reconnect within a minute.",
        ],
        "account": [
            "I've reset your login, so the reset email should arrive within a few minutes now.",
            "Your subscription is cancelled; you won't be charged at the next renewal.",
        ],
    },
    "es": {
        "orders": [
            "He localizado tu paquete del pedido {order}: estaba en otro almacén. Llega "
            "mañana y te devolvemos el envío.",
            "Te enviamos un reemplazo del pedido {order} con envío urgente.",
        ],
        "billing": [
            "He devuelto el cargo duplicado del pedido {order}; lo verás en 3 días hábiles."
        ],
        "tech": [
            "Hemos publicado una corrección: actualiza la app en tu {device} y prueba de nuevo.",
            "He reiniciado la sincronización de tu {product}; se reconectará en un minuto.",
        ],
        "account": ["He restablecido tu acceso; el correo debería llegarte en unos minutos."],
    },
    "fr": {
        "orders": [
            "J'ai retrouvé votre colis {order} : il était au mauvais dépôt. Livraison "
            "demain, frais de port remboursés."
        ],
        "billing": [
            "J'ai remboursé le prélèvement en double de la commande {order} ; comptez 3 "
            "jours ouvrés."
        ],
        "tech": [
            "Une mise à jour corrige le problème : mettez l'application à jour sur votre {device}."
        ],
        "account": [
            "J'ai réinitialisé votre accès, l'e-mail devrait arriver d'ici quelques minutes."
        ],
    },
    "de": {
        "orders": [
            "Ich habe Ihr Paket {order} gefunden: Es lag im falschen Depot. Es kommt "
            "morgen, die Versandkosten erstatten wir."
        ],
        "billing": [
            "Ich habe die doppelte Abbuchung für {order} erstattet; sie kommt in 3 Werktagen."
        ],
        "tech": ["Ein Update behebt das: Bitte aktualisieren Sie die App auf Ihrem {device}."],
        "account": ["Ich habe Ihren Zugang zurückgesetzt; die E-Mail kommt in wenigen Minuten."],
    },
    "pt": {
        "orders": [
            "Encontrei seu pacote do pedido {order}: estava no depósito errado. Chega "
            "amanhã e o frete foi estornado."
        ],
        "billing": ["Estornei a cobrança duplicada do pedido {order}; cai em até 3 dias úteis."],
        "tech": ["Uma atualização corrige isso: atualize o app no seu {device}."],
        "account": ["Redefini seu acesso; o e-mail deve chegar em poucos minutos."],
    },
}

# The customer-safe progress note agents keep in a ticket field (never an internal note).
CUSTOMER_UPDATES = {
    "en": [
        "Replacement for {order} ordered; the warehouse expects it on Thursday.",
        "Engineering has reproduced the crash on {device} and is testing a fix.",
    ],
    "es": [
        "Reemplazo del pedido {order} solicitado; llega al almacén el jueves.",
        "El equipo técnico ha reproducido el fallo en {device} y prueba una solución.",
    ],
    "fr": ["Remplacement de la commande {order} demandé ; arrivée jeudi à l'entrepôt."],
    "de": ["Ersatz für {order} bestellt; das Lager erwartet ihn am Donnerstag."],
    "pt": ["Reposição do pedido {order} solicitada; chega ao estoque na quinta."],
}

# Asking the customer to confirm before the ticket counts as solved.
ASK_CONFIRM = {
    "en": [
        "Could you check and tell me if it works for you now?",
        "Can you confirm it's working on your side?",
    ],
    "es": ["¿Puedes comprobarlo y decirme si ya te funciona?"],
    "fr": ["Pouvez-vous vérifier et me dire si cela fonctionne maintenant ?"],
    "de": ["Können Sie kurz prüfen und mir sagen, ob es jetzt funktioniert?"],
    "pt": ["Pode verificar e me dizer se já funciona?"],
}

# Internal notes are written by agents for agents, in English, and must never reach customers.
INTERNAL_NOTES = [
    "INTERNAL: customer is on the refund-abuse watchlist, check with a lead before refunding.",
    "Internal note: this is caused by the outage in problem ticket; do NOT mention the outage "
    "to the customer yet.",
    "Private: escalated to tier 2. Customer threatened a chargeback; legal is aware.",
    "Note to self: warehouse says the parcel was lost, carrier claim CL-99812 open.",
]

# Added to a customer's message to test escaping: Slack control sequences, HTML, ampersands,
# a quoted earlier email, emoji. Mostly symbols, so the message keeps its language.
TRICKY_SUFFIXES = [
    "<!channel> <@U123ABC> {order} & <b>URGENT</b> 😡😡",
    "<script>alert('x')</script> R&D <https://example.com|link> 🙏",
    "\n\nOn Mon, 3 Nov 2025 at 09:12, Support <support@example.com> wrote:\n> "
    "We apologize for the inconvenience.\n> Ticket {order} & co.",
    "<!here> <#C024BE7LR> &amp; &lt;tag&gt; 👍🏽",
]
