"""Every sentence the answer pages show, in each language alignbot speaks to customers, and
how a page picks its language.

The page speaks the requester's language: the locale the link carries, else the one the
store's users table holds for the ticket's requester, else the browser's Accept-Language
(the only hint on a page about a link that is not genuine), else English. Placeholders are
`str.format` fields; every language has exactly English's keys and fields (a test holds
them to it).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "MESSAGES", "choose_language", "language_of"]

DEFAULT_LANGUAGE = "en"

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "site_title": "Your support request",
        "ticket": "Request #{ticket}",
        "confirm_heading": "Confirm that your issue is resolved",
        "confirm_button": "Yes, my issue is resolved",
        "confirm_done": "We have recorded that your issue is resolved.",
        "need_help_heading": "Tell us you still need help",
        "need_help_button": "I still need help",
        "need_help_done": (
            "We have recorded that you still need help, and your request will be picked up again."
        ),
        "close_heading": "Close your request yourself",
        "close_button": "Close my request",
        "close_done": "We have recorded that you are closing this request yourself.",
        "rating_question": "Did this interaction feel efficient and empathetic?",
        "rating_hint": "Optional: 1 means not at all, 5 means completely.",
        "rating_1": "1 – not at all",
        "rating_5": "5 – completely",
        "rating_invalid": "Choose a number from 1 to 5, or leave the question unanswered.",
        "nothing_yet": "Nothing is recorded until you press the button.",
        "valid_until": "This link works until {date}.",
        "done_title": "Thank you",
        "done_rating": "Your rating: {rating} of 5.",
        "done_close_page": "You can close this page.",
        "forged_title": "This link is not valid",
        "forged_body": "It may have been cut short or changed when it was copied.",
        "other_ticket_title": "This link belongs to another request",
        "unknown_title": "We cannot find this request",
        "used_title": "This question has already been answered",
        "used_body": "An answer was recorded on {date}, and each question can be answered once.",
        "expired_title": "This link has expired",
        "expired_body": "It worked until {date}.",
        "reply_hint": (
            "Please open the link straight from the email about your request, or reply to "
            "that email."
        ),
        "still_need_help_hint": (
            "If you still need help, reply to the email about your request and we will pick it up."
        ),
        "bad_request_title": "This page cannot be shown",
        "not_found_title": "This page does not exist",
        "error_title": "Something went wrong on our side",
        "error_body": "Nothing was recorded. Please try again in a few minutes.",
    },
    "es": {
        "site_title": "Tu solicitud de soporte",
        "ticket": "Solicitud n.º {ticket}",
        "confirm_heading": "Confirma que tu problema está resuelto",
        "confirm_button": "Sí, mi problema está resuelto",
        "confirm_done": "Hemos registrado que tu problema está resuelto.",
        "need_help_heading": "Avísanos de que aún necesitas ayuda",
        "need_help_button": "Todavía necesito ayuda",
        "need_help_done": "Hemos registrado que aún necesitas ayuda y retomaremos tu solicitud.",
        "close_heading": "Cierra tu solicitud por tu cuenta",
        "close_button": "Cerrar mi solicitud",
        "close_done": "Hemos registrado que cierras esta solicitud por tu cuenta.",
        "rating_question": "¿Te pareció esta atención eficiente y empática?",
        "rating_hint": "Opcional: 1 significa nada, 5 significa totalmente.",
        "rating_1": "1 – nada",
        "rating_5": "5 – totalmente",
        "rating_invalid": "Elige un número del 1 al 5 o deja la pregunta sin responder.",
        "nothing_yet": "No se registra nada hasta que pulses el botón.",
        "valid_until": "Este enlace funciona hasta el {date}.",
        "done_title": "Gracias",
        "done_rating": "Tu valoración: {rating} de 5.",
        "done_close_page": "Ya puedes cerrar esta página.",
        "forged_title": "Este enlace no es válido",
        "forged_body": "Puede que se haya cortado o cambiado al copiarlo.",
        "other_ticket_title": "Este enlace pertenece a otra solicitud",
        "unknown_title": "No encontramos esta solicitud",
        "used_title": "Esta pregunta ya se respondió",
        "used_body": (
            "Se registró una respuesta el {date} y cada pregunta se puede responder una sola vez."
        ),
        "expired_title": "Este enlace ha caducado",
        "expired_body": "Funcionó hasta el {date}.",
        "reply_hint": (
            "Abre el enlace directamente desde el correo sobre tu solicitud o responde a ese "
            "correo."
        ),
        "still_need_help_hint": (
            "Si aún necesitas ayuda, responde al correo sobre tu solicitud y la retomaremos."
        ),
        "bad_request_title": "No se puede mostrar esta página",
        "not_found_title": "Esta página no existe",
        "error_title": "Algo ha fallado por nuestra parte",
        "error_body": "No se ha registrado nada. Vuelve a intentarlo en unos minutos.",
    },
    "fr": {
        "site_title": "Votre demande d’assistance",
        "ticket": "Demande n° {ticket}",
        "confirm_heading": "Confirmez que votre problème est résolu",
        "confirm_button": "Oui, mon problème est résolu",
        "confirm_done": "Nous avons noté que votre problème est résolu.",
        "need_help_heading": "Dites-nous que vous avez encore besoin d’aide",
        "need_help_button": "J’ai encore besoin d’aide",
        "need_help_done": (
            "Nous avons noté que vous avez encore besoin d’aide, et votre demande sera reprise."
        ),
        "close_heading": "Fermez vous-même votre demande",
        "close_button": "Fermer ma demande",
        "close_done": "Nous avons noté que vous fermez vous-même cette demande.",
        "rating_question": "Cet échange vous a-t-il semblé efficace et empathique\u00a0?",
        "rating_hint": "Facultatif\u00a0: 1 signifie pas du tout, 5 signifie tout à fait.",
        "rating_1": "1 – pas du tout",
        "rating_5": "5 – tout à fait",
        "rating_invalid": "Choisissez un nombre de 1 à 5, ou laissez la question sans réponse.",
        "nothing_yet": "Rien n’est enregistré tant que vous n’appuyez pas sur le bouton.",
        "valid_until": "Ce lien fonctionne jusqu’au {date}.",
        "done_title": "Merci",
        "done_rating": "Votre note\u00a0: {rating} sur 5.",
        "done_close_page": "Vous pouvez fermer cette page.",
        "forged_title": "Ce lien n’est pas valide",
        "forged_body": "Il a peut-être été tronqué ou modifié lors d’une copie.",
        "other_ticket_title": "Ce lien concerne une autre demande",
        "unknown_title": "Nous ne trouvons pas cette demande",
        "used_title": "Cette question a déjà reçu une réponse",
        "used_body": (
            "Une réponse a été enregistrée le {date}, et chaque question n’accepte qu’une réponse."
        ),
        "expired_title": "Ce lien a expiré",
        "expired_body": "Il fonctionnait jusqu’au {date}.",
        "reply_hint": (
            "Ouvrez le lien directement depuis l’e-mail concernant votre demande, ou répondez "
            "à cet e-mail."
        ),
        "still_need_help_hint": (
            "Si vous avez encore besoin d’aide, répondez à l’e-mail concernant votre demande "
            "et nous la reprendrons."
        ),
        "bad_request_title": "Cette page ne peut pas être affichée",
        "not_found_title": "Cette page n’existe pas",
        "error_title": "Un problème est survenu de notre côté",
        "error_body": "Rien n’a été enregistré. Réessayez dans quelques minutes.",
    },
    "de": {
        "site_title": "Ihre Supportanfrage",
        "ticket": "Anfrage Nr. {ticket}",
        "confirm_heading": "Bestätigen Sie, dass Ihr Problem gelöst ist",
        "confirm_button": "Ja, mein Problem ist gelöst",
        "confirm_done": "Wir haben vermerkt, dass Ihr Problem gelöst ist.",
        "need_help_heading": "Teilen Sie uns mit, dass Sie noch Hilfe brauchen",
        "need_help_button": "Ich brauche noch Hilfe",
        "need_help_done": (
            "Wir haben vermerkt, dass Sie noch Hilfe brauchen, und kümmern uns wieder um Ihre "
            "Anfrage."
        ),
        "close_heading": "Schließen Sie Ihre Anfrage selbst",
        "close_button": "Meine Anfrage schließen",
        "close_done": "Wir haben vermerkt, dass Sie diese Anfrage selbst schließen.",
        "rating_question": "War dieser Kontakt für Sie effizient und einfühlsam?",
        "rating_hint": "Optional: 1 bedeutet überhaupt nicht, 5 bedeutet voll und ganz.",
        "rating_1": "1 – überhaupt nicht",
        "rating_5": "5 – voll und ganz",
        "rating_invalid": "Wählen Sie eine Zahl von 1 bis 5 oder lassen Sie die Frage offen.",
        "nothing_yet": "Erst wenn Sie auf die Schaltfläche klicken, wird etwas gespeichert.",
        "valid_until": "Dieser Link gilt bis zum {date}.",
        "done_title": "Vielen Dank",
        "done_rating": "Ihre Bewertung: {rating} von 5.",
        "done_close_page": "Sie können diese Seite jetzt schließen.",
        "forged_title": "Dieser Link ist ungültig",
        "forged_body": "Er wurde beim Kopieren vielleicht gekürzt oder verändert.",
        "other_ticket_title": "Dieser Link gehört zu einer anderen Anfrage",
        "unknown_title": "Wir finden diese Anfrage nicht",
        "used_title": "Diese Frage wurde bereits beantwortet",
        "used_body": (
            "Am {date} wurde eine Antwort gespeichert, und jede Frage kann nur einmal "
            "beantwortet werden."
        ),
        "expired_title": "Dieser Link ist abgelaufen",
        "expired_body": "Er galt bis zum {date}.",
        "reply_hint": (
            "Öffnen Sie den Link direkt aus der E-Mail zu Ihrer Anfrage oder antworten Sie auf "
            "diese E-Mail."
        ),
        "still_need_help_hint": (
            "Wenn Sie noch Hilfe brauchen, antworten Sie auf die E-Mail zu Ihrer Anfrage, und "
            "wir kümmern uns darum."
        ),
        "bad_request_title": "Diese Seite kann nicht angezeigt werden",
        "not_found_title": "Diese Seite gibt es nicht",
        "error_title": "Bei uns ist etwas schiefgelaufen",
        "error_body": "Es wurde nichts gespeichert. Versuchen Sie es in ein paar Minuten erneut.",
    },
    "pt": {
        "site_title": "Sua solicitação de suporte",
        "ticket": "Solicitação nº {ticket}",
        "confirm_heading": "Confirme que seu problema foi resolvido",
        "confirm_button": "Sim, meu problema foi resolvido",
        "confirm_done": "Registramos que seu problema foi resolvido.",
        "need_help_heading": "Avise-nos que você ainda precisa de ajuda",
        "need_help_button": "Ainda preciso de ajuda",
        "need_help_done": (
            "Registramos que você ainda precisa de ajuda, e sua solicitação será retomada."
        ),
        "close_heading": "Encerre sua solicitação por conta própria",
        "close_button": "Encerrar minha solicitação",
        "close_done": "Registramos que você está encerrando esta solicitação por conta própria.",
        "rating_question": "Este atendimento pareceu eficiente e empático?",
        "rating_hint": "Opcional: 1 significa nada, 5 significa totalmente.",
        "rating_1": "1 – nada",
        "rating_5": "5 – totalmente",
        "rating_invalid": "Escolha um número de 1 a 5 ou deixe a pergunta sem resposta.",
        "nothing_yet": "Nada é registrado até você apertar o botão.",
        "valid_until": "Este link funciona até {date}.",
        "done_title": "Obrigado",
        "done_rating": "Sua avaliação: {rating} de 5.",
        "done_close_page": "Você já pode fechar esta página.",
        "forged_title": "Este link não é válido",
        "forged_body": "Ele pode ter sido cortado ou alterado ao ser copiado.",
        "other_ticket_title": "Este link pertence a outra solicitação",
        "unknown_title": "Não encontramos esta solicitação",
        "used_title": "Esta pergunta já foi respondida",
        "used_body": (
            "Uma resposta foi registrada em {date}, e cada pergunta só pode ser respondida uma vez."
        ),
        "expired_title": "Este link expirou",
        "expired_body": "Ele funcionou até {date}.",
        "reply_hint": (
            "Abra o link diretamente do e-mail sobre sua solicitação ou responda a esse e-mail."
        ),
        "still_need_help_hint": (
            "Se ainda precisar de ajuda, responda ao e-mail sobre sua solicitação e nós a "
            "retomaremos."
        ),
        "bad_request_title": "Esta página não pode ser exibida",
        "not_found_title": "Esta página não existe",
        "error_title": "Algo deu errado do nosso lado",
        "error_body": "Nada foi registrado. Tente novamente em alguns minutos.",
    },
}

LANGUAGES = tuple(MESSAGES)


def language_of(locale: str | None) -> str | None:
    """The supported language a locale names ("pt-BR" -> "pt", "es_419" -> "es"), or None."""
    if not locale:
        return None
    language = locale.strip().replace("_", "-").split("-", 1)[0].lower()
    return language if language in MESSAGES else None


def accept_language(header: str | None) -> list[str]:
    """The locales of an Accept-Language header, most wanted first (q=0 dropped)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")[:20]):
        locale, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        if locale and quality > 0:
            ranked.append((-quality, position, locale.strip()))
    return [locale for _, _, locale in sorted(ranked)]


def choose_language(*preferences: str | Iterable[str] | None) -> str:
    """The first supported language among the preferences, in order; English otherwise.
    Each preference is a locale, None, or a list of locales (an Accept-Language header's)."""
    for preference in preferences:
        candidates: Iterable[str | None]
        if preference is None or isinstance(preference, str):
            candidates = [preference]
        else:
            candidates = preference
        for candidate in candidates:
            language = language_of(candidate)
            if language is not None:
                return language
    return DEFAULT_LANGUAGE
