"""The answer pages as HTML: plain, localised, accessible, and with no script.

Templates render in Jinja2's sandboxed environment with autoescape on, so nothing a value
holds (a token, a translated sentence) can become markup. The one stylesheet is inline
and allowed by its hash in the Content-Security-Policy (`STYLE_HASH`), so the pages need
no second request and the policy allows nothing else: no script, no image, no frame.
"""

from __future__ import annotations

import base64
import hashlib
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date
from jinja2 import PackageLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from bot.resolution.answers import RATINGS, Answer, TicketContext
from bot.resolution.links import Choice, LinkClaim, LinkRefused, Refusal
from bot.web.messages import MESSAGES

__all__ = ["CSS", "STATUS_OF", "STYLE_HASH", "Page", "Pages"]

CSS = resources.files("bot.web").joinpath("templates", "page.css").read_text("utf-8")
#: The Content-Security-Policy source that allows the inline stylesheet and nothing else.
STYLE_HASH = "'sha256-" + base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode() + "'"

#: The HTTP status of each refusal's page.
STATUS_OF = {
    Refusal.FORGED: 400,
    Refusal.OTHER_TICKET: 400,
    Refusal.UNKNOWN: 404,
    Refusal.USED: 409,
    Refusal.EXPIRED: 410,
}


@dataclass(frozen=True)
class Page:
    """A rendered page and the status it is served with."""

    html: str
    status: int
    language: str


class Pages:
    """Renders every page; `default_zone` dates a page whose requester has no time zone."""

    def __init__(self, default_zone: ZoneInfo) -> None:
        self._zone = default_zone
        self._env = SandboxedEnvironment(
            loader=PackageLoader("bot.web", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def answer_form(
        self,
        language: str,
        token: str,
        claim: LinkClaim,
        context: TicketContext,
        *,
        rating_error: bool = False,
    ) -> Page:
        """The choice the link carries and the button that records it (GET shows this)."""
        t = MESSAGES[language]
        choice = claim.choice.value
        ratings = [(n, t.get(f"rating_{n}", str(n))) for n in RATINGS]
        date = self._date(claim.expires_at, language, context)
        html = self._render(
            "answer.html",
            language,
            title=t[f"{choice}_heading"],
            ticket=t["ticket"].format(ticket=claim.ticket_id),
            token=token,
            ratings=ratings,
            rating_error=rating_error,
            button=t[f"{choice}_button"],
            valid_until=t["valid_until"].format(date=date),
        )
        return Page(html, 400 if rating_error else 200, language)

    def answered(self, language: str, answer: Answer) -> Page:
        """What was recorded (POST shows this)."""
        t = MESSAGES[language]
        lines = [t[f"{Choice(answer.choice).value}_done"]]
        if answer.rating is not None:
            lines.append(t["done_rating"].format(rating=answer.rating))
        lines.append(t["done_close_page"])
        return self.message(
            language, t["done_title"], lines, status=200, ticket_id=answer.ticket_id
        )

    def refused(self, language: str, refused: LinkRefused) -> Page:
        """Why the link cannot answer, and what the customer can do instead."""
        t = MESSAGES[language]
        reason = refused.reason
        context = refused.context
        lines: list[str]
        if reason is Refusal.FORGED:
            lines = [t["forged_body"], t["reply_hint"]]
        elif reason is Refusal.USED and refused.used_at is not None:
            used_on = self._date(refused.used_at, language, context)
            lines = [t["used_body"].format(date=used_on), t["still_need_help_hint"]]
        elif reason is Refusal.EXPIRED and refused.claim is not None:
            until = self._date(refused.claim.expires_at, language, context)
            lines = [t["expired_body"].format(date=until), t["still_need_help_hint"]]
        else:
            lines = [t["reply_hint"]]
        # Only a link for this very ticket may name it on the page.
        shows_ticket = refused.claim is not None and reason is not Refusal.OTHER_TICKET
        return self.message(
            language,
            t[f"{reason.value}_title"],
            lines,
            status=STATUS_OF[reason],
            ticket_id=refused.claim.ticket_id if shows_ticket and refused.claim else None,
        )

    def problem(self, language: str, status: int) -> Page:
        """A page for a request that is not an answer: 400, 404, 405, 413, 415 or 500."""
        t = MESSAGES[language]
        if status >= 500:
            return self.message(
                language, t["error_title"], [t["error_body"], t["reply_hint"]], status=status
            )
        title = t["not_found_title"] if status in (404, 405) else t["bad_request_title"]
        return self.message(language, title, [t["reply_hint"]], status=status)

    def message(
        self,
        language: str,
        title: str,
        lines: list[str],
        *,
        status: int,
        ticket_id: int | None = None,
    ) -> Page:
        t = MESSAGES[language]
        ticket = t["ticket"].format(ticket=ticket_id) if ticket_id is not None else ""
        html = self._render("message.html", language, title=title, lines=lines, ticket=ticket)
        return Page(html, status, language)

    def _render(self, template: str, language: str, **values: object) -> str:
        return self._env.get_template(template).render(
            lang=language, t=MESSAGES[language], css=Markup(CSS), **values
        )

    def _date(self, moment: datetime, language: str, context: TicketContext | None) -> str:
        """A day as the requester reads it: their time zone when the store has a valid one."""
        zone = self._zone
        name = context.requester_time_zone if context is not None else None
        # Zendesk also gives Rails names ("Eastern Time (US & Canada)"): those keep the default.
        if name:
            with suppress(ZoneInfoNotFoundError, ValueError):
                zone = ZoneInfo(name)
        return format_date(moment.astimezone(zone), format="long", locale=language)
