"""The pages a customer's answer link opens, as a Starlette app (`alignbot web` serves it).

    GET  /r/{ticket_id}/{token}   shows the choice and a form; changes nothing
    POST /r/{ticket_id}/answer    records the answer the form's token carries

A GET never changes state: mail scanners and link previews open every link in an email,
so only the button (a form POST) records. The form needs no CSRF token of its own: the
link's token, sent in the POST body, is the capability. A page on another site can only
post a token it already holds, and holding one is already the right to answer that one
question once; the pages set no cookie, so a forged cross-site post carries nothing extra.

Every response carries a Content-Security-Policy that allows the inline stylesheet (by
hash) and nothing else, no referrer (the token is in the URL), no caching, no framing.
Bodies are capped at `MAX_BODY_BYTES`. Tokens never reach a log line: the request log
prints a link's path without its token.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import parse_qs

from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.resolution.answers import (
    RATINGS,
    Answer,
    OnAnswer,
    TicketContext,
    answer_by_link,
    check_link,
    record_only,
)
from bot.resolution.links import MAX_TOKEN_LENGTH, LinkClaim, LinkRefused
from bot.settings import LinkKeys, Settings
from bot.web.messages import accept_language, choose_language
from bot.web.pages import STYLE_HASH, Page, Pages

__all__ = ["MAX_BODY_BYTES", "SECURITY_HEADERS", "create_app", "utc_now"]

log = logging.getLogger("alignbot.web")

#: The largest request body accepted: a form holds a token and a rating, far below this.
MAX_BODY_BYTES = 4096
FORM_TYPE = "application/x-www-form-urlencoded"

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        f"default-src 'none'; style-src {STYLE_HASH}; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Robots-Tag": "noindex, nofollow",
}

_TOKEN_IN_PATH = re.compile(r"^(.*/r/[0-9]+/)(?!answer$)[^/]+$")


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(
    settings: Settings,
    engine: Engine,
    on_answer: OnAnswer = record_only,
    *,
    clock: Callable[[], datetime] = utc_now,
) -> Starlette:
    """The answer pages over the store at `engine`. `on_answer` is the resolution flow's
    hook, run in the answer's transaction (default: record the answer, nothing more);
    `clock` is the present links expire against. Raises `SettingsError` without
    ALIGNBOT_LINK_SECRET."""
    keys = settings.require_link_secret()
    pages = Pages(settings.timezone)

    async def show(request: Request) -> Response:
        ticket_id: int = request.path_params["ticket_id"]
        token: str = request.path_params["token"]
        browser = accept_language(request.headers.get("accept-language"))
        try:
            claim, context = await run_in_threadpool(_check, engine, keys, token, ticket_id, clock)
        except LinkRefused as refused:
            return _html(pages.refused(_language_of_refusal(refused, browser), refused))
        language = _language(claim, context, browser)
        return _html(pages.answer_form(language, token, claim, context))

    async def submit(request: Request) -> Response:
        ticket_id: int = request.path_params["ticket_id"]
        browser = accept_language(request.headers.get("accept-language"))
        fallback = choose_language(browser)
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != FORM_TYPE:
            return _html(pages.problem(fallback, 415))
        body = await _read_body(request)
        if body is None:
            return _html(pages.problem(fallback, 413))
        try:
            form = parse_qs(body.decode("utf-8", "replace"), max_num_fields=10)
        except ValueError:  # more fields than any form of ours has
            return _html(pages.problem(fallback, 400))
        token = form.get("token", [""])[0]
        rating_text = form.get("rating", [""])[0].strip()
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return _html(pages.problem(fallback, 400))
        try:
            claim, context = await run_in_threadpool(_check, engine, keys, token, ticket_id, clock)
        except LinkRefused as refused:
            return _html(pages.refused(_language_of_refusal(refused, browser), refused))
        language = _language(claim, context, browser)
        rating = _rating(rating_text)
        if rating_text and rating is None:
            return _html(pages.answer_form(language, token, claim, context, rating_error=True))

        def record() -> Answer:
            return answer_by_link(
                engine,
                keys,
                token,
                ticket_id=ticket_id,
                rating=rating,
                locale=language,
                now=clock(),
                on_answer=on_answer,
            )

        try:
            answer = await run_in_threadpool(record)
        except LinkRefused as refused:  # answered, or expired, since the check above
            return _html(pages.refused(language, refused))
        log.info(
            "ticket %s: request %s answered %s by link", ticket_id, claim.request_id, claim.choice
        )
        return _html(pages.answered(language, answer))

    async def problem(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 400
        language = choose_language(accept_language(request.headers.get("accept-language")))
        return _html(pages.problem(language, status))

    app = Starlette(
        routes=[
            Route("/r/{ticket_id:int}/answer", submit, methods=["POST"]),
            Route("/r/{ticket_id:int}/{token:str}", show, methods=["GET"]),
        ],
        exception_handlers={HTTPException: problem},
    )
    app.add_middleware(Guard, pages=pages)
    return app


def _check(
    engine: Engine, keys: LinkKeys, token: str, ticket_id: int, clock: Callable[[], datetime]
) -> tuple[LinkClaim, TicketContext]:
    with engine.connect() as connection:
        return check_link(connection, keys, token, ticket_id=ticket_id, now=clock())


def _language(claim: LinkClaim, context: TicketContext, browser: list[str]) -> str:
    return choose_language(claim.locale, context.requester_locale, browser)


def _language_of_refusal(refused: LinkRefused, browser: list[str]) -> str:
    claim_locale = refused.claim.locale if refused.claim is not None else None
    requester = refused.context.requester_locale if refused.context is not None else None
    return choose_language(claim_locale, requester, browser)


def _rating(text: str) -> int | None:
    if text.isascii() and text.isdigit() and int(text) in RATINGS:
        return int(text)
    return None


async def _read_body(request: Request) -> bytes | None:
    """The body, or None once it passes `MAX_BODY_BYTES` (a body sent without a length)."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            return None
    return bytes(body)


def _html(page: Page) -> HTMLResponse:
    headers = {"Content-Language": page.language}
    return HTMLResponse(page.html, status_code=page.status, headers=headers)


class Guard:
    """Around every request: refuses a declared body over `MAX_BODY_BYTES` before it is
    read, adds `SECURITY_HEADERS` to every response, answers an unexpected error with the
    localised error page, and logs each request with any token cut from its path."""

    def __init__(self, app: ASGIApp, pages: Pages) -> None:
        self.app = app
        self.pages = pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status: list[int] = []

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        headers = Headers(scope=scope)
        language = choose_language(accept_language(headers.get("accept-language")))
        path = _TOKEN_IN_PATH.sub(r"\1…", scope.get("path", ""))
        length = headers.get("content-length")
        try:
            if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
                await _html(self.pages.problem(language, 413))(scope, receive, send_guarded)
            else:
                await self.app(scope, receive, send_guarded)
        except Exception:
            # Safe to answer rather than raise: whatever failed ran inside the answer's
            # transaction, which rolled back, so the page can truly say nothing was
            # recorded. The log names the path without its token, never the body.
            log.exception("%s %s failed", scope.get("method"), path)
            if status:
                raise  # the response had begun: the server can only drop the connection
            await _html(self.pages.problem(language, 500))(scope, receive, send_guarded)
        log.info("%s %s %s", scope.get("method"), path, status[0] if status else "-")
