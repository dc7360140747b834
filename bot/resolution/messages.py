"""What the resolution flow says: the public Zendesk comments the customer receives (the
request to confirm, the reminders, the closing note) and the Slack DM an assignee gets when
the customer says their issue is not resolved.

The comments speak the requester's language (en, es, fr, de, pt; "pt-BR" is pt, "es-MX" is
es, anything else English), chosen as the answer pages choose theirs
(`bot.web.messages.choose_language`), with dates written by Babel in that language and the
requester's zone. They are plain text: Zendesk's comment `body` is not HTML, and Zendesk
turns the URLs into links in its email. Each holds only what the caller passes in (names,
links, dates), never anything internal. The DM is in English, the agents' language.

Names and the customer's words are customer text: names lose control characters and line
breaks (so a name cannot start a line that reads as ours); in Slack, customer text goes out
as `plain_text`, and where it must be mrkdwn (the notification's fallback `text`) it is
escaped with `bot.digest.mrkdwn.literal`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.numbers import format_decimal

from bot.digest.mrkdwn import link, literal, plain
from bot.resolution.links import Choice
from bot.web.messages import MESSAGES as PAGE_MESSAGES
from bot.web.messages import choose_language

__all__ = [
    "MAX_QUOTE_CHARS",
    "TEXTS",
    "closing_comment",
    "denial_dm",
    "reminder_comment",
    "request_comment",
]

#: Longest customer quote in the DM: Block Kit's section text allows 3,000 characters.
MAX_QUOTE_CHARS = 2_900
#: A name longer than this is not a name; it is cut rather than let it fill the greeting.
_MAX_NAME_CHARS = 80
#: The order the choices are offered in, in every comment.
_CHOICES = (Choice.CONFIRM, Choice.NEED_HELP, Choice.CLOSE)

# Placeholders are `str.format` fields; every language has exactly English's keys and
# fields (a test holds them to it). The rating question is the answer page's own sentence
# (`rating_question` in bot.web.messages), so the email and the page ask it in the same words.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "greeting": "Hello,",
        "greeting_named": "Hello {name},",
        "solved": "We marked your request as solved. Is your issue resolved?",
        "solved_by": "{agent} marked your request as solved. Is your issue resolved?",
        "confirm": "Yes, my issue is resolved:",
        "need_help": "I still need help:",
        "close": "I'll close it myself:",
        "rating": "The page the link opens also asks: {question} (1 to 5, optional)",
        "reply": "You can also just reply to this email: we read replies too.",
        "valid_until": "These links work until {date}.",
        "close_after": "If we do not hear from you, we will close this request in {days} days.",
        "close_after_one": "If we do not hear from you, we will close this request in 1 day.",
        "reminder_1": "A reminder: your request is marked as solved. Is your issue resolved?",
        "reminder_2": (
            "A last reminder: your request is marked as solved. Is your issue resolved?"
        ),
        "close_on": "If we do not hear from you, we will close this request on {date}.",
        "closed": "We have closed this request because we did not hear back from you.",
        "reopen": "If you still need help, reply to this email and we will pick it up again.",
        "thanks": "Thank you!",
    },
    "es": {
        "greeting": "Hola:",
        "greeting_named": "Hola, {name}:",
        "solved": "Hemos marcado tu solicitud como resuelta. ¿Está resuelto tu problema?",
        "solved_by": "{agent} marcó tu solicitud como resuelta. ¿Está resuelto tu problema?",
        "confirm": "Sí, mi problema está resuelto:",
        "need_help": "Todavía necesito ayuda:",
        "close": "La cerraré yo:",
        "rating": "La página que abre el enlace también pregunta: {question} (de 1 a 5, opcional)",
        "reply": "También puedes responder a este correo: leemos las respuestas.",
        "valid_until": "Estos enlaces funcionan hasta el {date}.",
        "close_after": "Si no sabemos nada de ti, cerraremos esta solicitud en {days} días.",
        "close_after_one": "Si no sabemos nada de ti, cerraremos esta solicitud en 1 día.",
        "reminder_1": (
            "Un recordatorio: tu solicitud está marcada como resuelta. ¿Está resuelto tu problema?"
        ),
        "reminder_2": (
            "Un último recordatorio: tu solicitud está marcada como resuelta. ¿Está resuelto "
            "tu problema?"
        ),
        "close_on": "Si no sabemos nada de ti, cerraremos esta solicitud el {date}.",
        "closed": "Hemos cerrado esta solicitud porque no hemos tenido noticias tuyas.",
        "reopen": "Si aún necesitas ayuda, responde a este correo y la retomaremos.",
        "thanks": "¡Gracias!",
    },
    "fr": {
        "greeting": "Bonjour,",
        "greeting_named": "Bonjour {name},",
        "solved": (
            "Nous avons marqué votre demande comme résolue. Votre problème est-il résolu\u00a0?"
        ),
        "solved_by": (
            "{agent} a marqué votre demande comme résolue. Votre problème est-il résolu\u00a0?"
        ),
        "confirm": "Oui, mon problème est résolu\u00a0:",
        "need_help": "J’ai encore besoin d’aide\u00a0:",
        "close": "Je la fermerai moi-même\u00a0:",
        "rating": (
            "La page qu’ouvre le lien demande aussi\u00a0: {question} (de 1 à 5, facultatif)"
        ),
        "reply": (
            "Vous pouvez aussi simplement répondre à cet e-mail\u00a0: nous lisons les réponses."
        ),
        "valid_until": "Ces liens fonctionnent jusqu’au {date}.",
        "close_after": (
            "Sans nouvelles de votre part, nous fermerons cette demande dans {days}\u00a0jours."
        ),
        "close_after_one": (
            "Sans nouvelles de votre part, nous fermerons cette demande dans 1\u00a0jour."
        ),
        "reminder_1": (
            "Un rappel\u00a0: votre demande est marquée comme résolue. Votre problème est-il "
            "résolu\u00a0?"
        ),
        "reminder_2": (
            "Un dernier rappel\u00a0: votre demande est marquée comme résolue. Votre problème "
            "est-il résolu\u00a0?"
        ),
        "close_on": "Sans nouvelles de votre part, nous fermerons cette demande le {date}.",
        "closed": "Nous avons fermé cette demande, faute de nouvelles de votre part.",
        "reopen": (
            "Si vous avez encore besoin d’aide, répondez à cet e-mail et nous la reprendrons."
        ),
        "thanks": "Merci\u00a0!",
    },
    "de": {
        "greeting": "Hallo,",
        "greeting_named": "Hallo {name},",
        "solved": "Wir haben Ihre Anfrage als gelöst markiert. Ist Ihr Problem gelöst?",
        "solved_by": "{agent} hat Ihre Anfrage als gelöst markiert. Ist Ihr Problem gelöst?",
        "confirm": "Ja, mein Problem ist gelöst:",
        "need_help": "Ich brauche noch Hilfe:",
        "close": "Ich schließe sie selbst:",
        "rating": "Die Seite, die der Link öffnet, fragt außerdem: {question} (1 bis 5, optional)",
        "reply": "Sie können auch einfach auf diese E-Mail antworten: Wir lesen Antworten mit.",
        "valid_until": "Diese Links gelten bis zum {date}.",
        "close_after": (
            "Wenn wir nichts von Ihnen hören, schließen wir diese Anfrage in {days} Tagen."
        ),
        "close_after_one": (
            "Wenn wir nichts von Ihnen hören, schließen wir diese Anfrage in 1 Tag."
        ),
        "reminder_1": (
            "Eine Erinnerung: Ihre Anfrage ist als gelöst markiert. Ist Ihr Problem gelöst?"
        ),
        "reminder_2": (
            "Eine letzte Erinnerung: Ihre Anfrage ist als gelöst markiert. Ist Ihr Problem gelöst?"
        ),
        "close_on": "Wenn wir nichts von Ihnen hören, schließen wir diese Anfrage am {date}.",
        "closed": "Wir haben diese Anfrage geschlossen, da wir nichts von Ihnen gehört haben.",
        "reopen": (
            "Wenn Sie noch Hilfe brauchen, antworten Sie auf diese E-Mail, und wir kümmern "
            "uns wieder darum."
        ),
        "thanks": "Vielen Dank!",
    },
    "pt": {
        "greeting": "Olá,",
        "greeting_named": "Olá, {name},",
        "solved": "Marcamos sua solicitação como resolvida. Seu problema foi resolvido?",
        "solved_by": "{agent} marcou sua solicitação como resolvida. Seu problema foi resolvido?",
        "confirm": "Sim, meu problema foi resolvido:",
        "need_help": "Ainda preciso de ajuda:",
        "close": "Vou encerrá-la por conta própria:",
        "rating": "A página que o link abre também pergunta: {question} (de 1 a 5, opcional)",
        "reply": "Você também pode simplesmente responder a este e-mail: lemos as respostas.",
        "valid_until": "Estes links funcionam até {date}.",
        "close_after": (
            "Se não tivermos notícias suas, encerraremos esta solicitação em {days} dias."
        ),
        "close_after_one": "Se não tivermos notícias suas, encerraremos esta solicitação em 1 dia.",
        "reminder_1": (
            "Um lembrete: sua solicitação está marcada como resolvida. Seu problema foi resolvido?"
        ),
        "reminder_2": (
            "Um último lembrete: sua solicitação está marcada como resolvida. Seu problema "
            "foi resolvido?"
        ),
        "close_on": "Se não tivermos notícias suas, encerraremos esta solicitação em {date}.",
        "closed": "Encerramos esta solicitação porque não tivemos notícias suas.",
        "reopen": ("Se ainda precisar de ajuda, responda a este e-mail e nós a retomaremos."),
        "thanks": "Obrigado!",
    },
}


def request_comment(
    locale: str | None,
    links: Mapping[Choice, str],
    *,
    requester_name: str | None,
    agent_name: str | None,
    expires_at: datetime,
    zone: ZoneInfo,
    close_after_days: float,
) -> str:
    """The plain-text body of the public comment that asks the customer whether their issue
    is resolved: a greeting, who solved it, the three links (one per line, each once), the
    rating question the page asks, that a reply is read too, when the request closes on its
    own (`close_after_days` from now) and until when the links work (`expires_at`, written
    in `zone`). `links` must hold all three choices (KeyError otherwise)."""
    language = choose_language(locale)
    t = TEXTS[language]
    agent = _clean_name(agent_name)
    solved = t["solved_by"].format(agent=agent) if agent else t["solved"]
    return _paragraphs(
        _greeting(t, requester_name),
        solved,
        *_choices(t, links),
        _rating(t, language),
        t["reply"],
        _close_after(t, language, close_after_days),
        t["valid_until"].format(date=_date(expires_at, zone, language)),
        t["thanks"],
    )


def reminder_comment(
    locale: str | None,
    links: Mapping[Choice, str],
    *,
    number: int,
    requester_name: str | None,
    close_at: datetime,
    zone: ZoneInfo,
) -> str:
    """The plain-text body of reminder `number` (1 or 2, the second said to be the last):
    the question again with the same three links, that a reply is read too, and on which
    day (`close_at`, written in `zone`) the request closes without an answer."""
    if number not in (1, 2):
        raise ValueError(f"there are two reminders, 1 and 2, not {number}")
    language = choose_language(locale)
    t = TEXTS[language]
    return _paragraphs(
        _greeting(t, requester_name),
        t[f"reminder_{number}"],
        *_choices(t, links),
        _rating(t, language),
        t["reply"],
        t["close_on"].format(date=_date(close_at, zone, language)),
        t["thanks"],
    )


def closing_comment(locale: str | None, *, requester_name: str | None) -> str:
    """The plain-text note posted when the request is closed unconfirmed: closed since we
    did not hear back, and that a reply to this email brings it back (Zendesk reopens a
    solved ticket on reply, and makes a follow-up of a closed one: either way it is seen,
    so the note promises no more than that)."""
    t = TEXTS[choose_language(locale)]
    return _paragraphs(_greeting(t, requester_name), t["closed"], t["reopen"], t["thanks"])


def denial_dm(
    ticket_id: int, ticket_url: str, customer_words: str, *, subject: str | None
) -> tuple[str, list[dict[str, Any]]]:
    """The Slack DM to the assignee when the customer says their issue is not resolved:
    `(text, blocks)`, the notification's fallback text and the Block Kit blocks, in English.

    The customer's words and the subject are customer text: in the blocks they are
    `plain_text` (Slack parses no mention, link or markup there), one line, without control
    characters, cut to `MAX_QUOTE_CHARS`; in the fallback text, which Slack reads as mrkdwn,
    they are escaped (`&amp;`, `&lt;`, `&gt;`, markers replaced) and cut shorter.
    `ticket_url` must be one we built (the button's target)."""
    words = plain(customer_words, MAX_QUOTE_CHARS) or "(no words)"
    headline = f"Ticket #{ticket_id}: the customer says their issue is not resolved."
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"*{headline}*"}},
    ]
    if subject and plain(subject):
        blocks.append(
            {
                "type": "context",
                "elements": [{"type": "plain_text", "text": plain(subject, 300), "emoji": False}],
            }
        )
    blocks += [
        {"type": "section", "text": {"type": "mrkdwn", "text": "They wrote:"}},
        {"type": "section", "text": {"type": "plain_text", "text": f"“{words}”", "emoji": False}},
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Open in Zendesk"},
                    "url": ticket_url,
                    "action_id": "resolution_open_ticket",
                }
            ],
        },
    ]
    about = f" ({literal(subject, 150)})" if subject and plain(subject) else ""
    text = (
        f"Ticket #{ticket_id}{about}: the customer says their issue is not resolved: "
        f"“{literal(customer_words, 500)}” {link(ticket_url, 'Open in Zendesk')}"
    )
    return text, blocks


def _clean_name(name: str | None) -> str:
    """A name as one line without control characters; empty when nothing is left."""
    return plain(name, _MAX_NAME_CHARS) if name else ""


def _greeting(t: Mapping[str, str], requester_name: str | None) -> str:
    # The first name only: "Hello Ana," reads as a person wrote it; a full name reads as a form.
    cleaned = _clean_name(requester_name)
    first = cleaned.split(" ", 1)[0] if cleaned else ""
    return t["greeting_named"].format(name=first) if first else t["greeting"]


def _choices(t: Mapping[str, str], links: Mapping[Choice, str]) -> list[str]:
    # Each choice's label on one line and its URL alone on the next, so that the email's
    # auto-linking cannot run the label into the URL.
    return [f"{t[choice.value]}\n{links[choice]}" for choice in _CHOICES]


def _rating(t: Mapping[str, str], language: str) -> str:
    return t["rating"].format(question=PAGE_MESSAGES[language]["rating_question"])


def _close_after(t: Mapping[str, str], language: str, days: float) -> str:
    if days == 1:
        return t["close_after_one"]
    return t["close_after"].format(days=format_decimal(days, locale=language))


def _date(moment: datetime, zone: ZoneInfo, language: str) -> str:
    if moment.tzinfo is None:
        # A naive time would be read in the server's zone, silently a day off for some.
        raise ValueError("dates in customer texts must be timezone-aware")
    return format_date(moment.astimezone(zone), format="long", locale=language)


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(parts)
