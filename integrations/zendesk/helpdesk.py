"""`ZendeskHelpdesk`: the `bot.helpdesk.Helpdesk` port, delivered with zenpy.

zenpy builds every URL from `https://{subdomain}.zendesk.com`. For a real account that is
the URL we were given. For a sandbox on loopback (`http://127.0.0.1:PORT`) the helpdesk
hands zenpy a `requests` session of its own whose transport adapter sends each of those
requests to the sandbox over plain HTTP (`loopback_session`). The redirection belongs to
one client, so two helpdesks in one process can talk to two different Zendesks.

zenpy also obeys the process-wide `ZENPY_FORCE_NETLOC` / `ZENPY_FORCE_SCHEME` environment
variables, which would silently send our writes elsewhere: if either is set we refuse to
start. zenpy's own errors never leave this module: each becomes a `ZendeskError` subclass.

At DEBUG zenpy logs each request with its payload (a comment's text) and each answer whole
(the ticket's subject, description, people): unless `LOG_CUSTOMER_TEXT=true`, those lines
are cut to the method and URL (`ZenpyBodies`).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse, urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from zenpy import Zenpy
from zenpy.lib.api_objects import Comment as ZenpyComment
from zenpy.lib.api_objects import Ticket as ZenpyTicket
from zenpy.lib.exception import APIException, RecordNotFoundException, ZenpyException

from bot.helpdesk import TicketWrite
from integrations.zendesk.errors import (
    AuthError,
    NotFound,
    RateLimited,
    RecordInvalid,
    ZendeskError,
    ZendeskUnavailable,
)

__all__ = ["ZendeskHelpdesk", "loopback_session"]

log = logging.getLogger("alignbot.zendesk")

#: Environment variables zenpy reads whenever it builds a URL (`BaseApi._build_url`).
FORCED_BY_ENVIRONMENT = ("ZENPY_FORCE_NETLOC", "ZENPY_FORCE_SCHEME")
SANDBOX_SUBDOMAIN = "sandbox"


class _LoopbackAdapter(HTTPAdapter):
    """Sends each request of its session to the sandbox at `netloc` over plain HTTP.

    zenpy picks the handler of a response by finding its own base URL
    (`<subdomain>.zendesk.com`) in the request's URL, so the response carries the request
    as zenpy would have sent it to Zendesk, path and query kept.
    """

    def __init__(self, netloc: str, zendesk_netloc: str) -> None:
        super().__init__()
        self.netloc = netloc
        self.zendesk_netloc = zendesk_netloc

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        parts = urlsplit(request.url or "")
        routed = request.copy()
        routed.url = urlunsplit(("http", self.netloc, parts.path, parts.query, ""))
        response = super().send(routed, *args, **kwargs)
        request.url = urlunsplit(("https", self.zendesk_netloc, parts.path, parts.query, ""))
        response.request = request
        response.url = request.url
        return response


def loopback_session(url: str, subdomain: str = SANDBOX_SUBDOMAIN) -> requests.Session:
    """A session for `Zenpy(subdomain=subdomain, session=...)` whose requests all go to the
    sandbox at `url` (http://127.0.0.1:PORT) instead of https://<subdomain>.zendesk.com."""
    adapter = _LoopbackAdapter(urlsplit(url).netloc, f"{subdomain}.zendesk.com")
    session = requests.Session()
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def _zenpy_target(url: str) -> tuple[str, requests.Session | None]:
    """zenpy's subdomain for `url`, and the session that redirects it for a sandbox."""
    for name in FORCED_BY_ENVIRONMENT:
        if os.environ.get(name):
            raise ZendeskError(
                f"{name} is set in the environment, so zenpy would not write to {url}; "
                "unset it (alignbot points zenpy at a sandbox by itself)"
            )
    parsed = urlparse(url)
    host = parsed.hostname or ""
    if parsed.scheme == "https" and host.endswith(".zendesk.com"):
        return host.split(".", 1)[0], None
    if parsed.scheme == "http" and host in ("127.0.0.1", "localhost") and parsed.port:
        return SANDBOX_SUBDOMAIN, loopback_session(url)
    raise ZendeskError(
        f"ZENDESK_URL {url} is neither https://<subdomain>.zendesk.com nor a sandbox"
    )


class ZenpyBodies(logging.Filter):
    """Cuts zenpy's DEBUG lines that carry payloads or answers down to what was called.

    zenpy logs on a module logger of its own, shared by every client in the process, so the
    setting is the process's: the helpdesk built last (there is one) sets `verbatim`.
    """

    verbatim = False
    _REQUEST = re.compile(r"(GET|POST|PUT|PATCH|DELETE): \S+")
    _CUT = (" matched: ", "Cleaning objects: ", "Setting dirty object: ")

    def filter(self, record: logging.LogRecord) -> bool:
        if self.verbatim:
            return True
        message = record.getMessage()
        request = self._REQUEST.match(message)
        kept = request.group(0) if request else None
        for marker in self._CUT:
            if kept is None and marker in message:
                kept = message.split(marker, 1)[0] + marker.rstrip(": ")
        if kept is not None:
            record.msg = f"{kept} (left out; LOG_CUSTOMER_TEXT=true keeps it)"
            record.args = ()
        return True


ZENPY_BODIES = ZenpyBodies()
logging.getLogger("zenpy.lib.api").addFilter(ZENPY_BODIES)


class ZendeskHelpdesk:
    """Ticket writes through zenpy: comments, status, custom status, tags."""

    def __init__(
        self,
        url: str,
        *,
        email: str | None = None,
        api_token: str | None = None,
        oauth_token: str | None = None,
        timeout: float = 30.0,
        log_customer_text: bool = False,
    ) -> None:
        subdomain, session = _zenpy_target(url)
        credentials: dict[str, Any] = {"subdomain": subdomain, "timeout": timeout}
        if session is not None:
            credentials["session"] = session
        if oauth_token:
            credentials["oauth_token"] = oauth_token
        elif email and api_token:
            credentials.update(email=email, token=api_token)
        else:
            raise AuthError(
                "no Zendesk credentials: set ZENDESK_EMAIL and ZENDESK_API_TOKEN "
                "(or ZENDESK_OAUTH_TOKEN)"
            )
        self.url = url
        self._zenpy = Zenpy(**credentials)
        ZENPY_BODIES.verbatim = log_customer_text

    @classmethod
    def from_settings(cls, settings: Any) -> ZendeskHelpdesk:
        settings.require_zendesk()
        token, oauth = settings.zendesk_api_token, settings.zendesk_oauth_token
        return cls(
            settings.zendesk_url,
            email=settings.zendesk_email,
            api_token=token.get_secret_value() if token is not None else None,
            oauth_token=oauth.get_secret_value() if oauth is not None else None,
            timeout=settings.zendesk_timeout_seconds,
            log_customer_text=settings.log_customer_text,
        )

    def __repr__(self) -> str:
        return f"ZendeskHelpdesk({self.url!r})"

    def add_comment(self, ticket_id: int, body: str, *, public: bool) -> TicketWrite:
        return self.update_ticket(ticket_id, comment=body, public=public)

    def update_ticket(
        self,
        ticket_id: int,
        *,
        status: str | None = None,
        custom_status_id: int | None = None,
        tags: Sequence[str] | None = None,
        add_tags: Sequence[str] = (),
        remove_tags: Sequence[str] = (),
        comment: str | None = None,
        public: bool = True,
    ) -> TicketWrite:
        # Only the fields given are sent: Zendesk leaves the others as they are.
        fields: dict[str, Any] = {"id": ticket_id}
        if status is not None:
            fields["status"] = status
        if custom_status_id is not None:
            fields["custom_status_id"] = custom_status_id
        if tags is not None:
            fields["tags"] = list(tags)
        if add_tags:
            fields["additional_tags"] = list(add_tags)
        if remove_tags:
            fields["remove_tags"] = list(remove_tags)
        ticket = ZenpyTicket(**fields)
        if comment is not None:
            ticket.comment = ZenpyComment(body=comment, public=public)
        audit = self._call(f"update ticket {ticket_id}", lambda: self._zenpy.tickets.update(ticket))
        updated = audit.ticket
        comment_id = None
        for event in audit.audit.events or []:
            if isinstance(event, dict) and event.get("type") == "Comment":
                comment_id = int(event["id"])
        return TicketWrite(
            ticket_id=int(updated.id),
            status=str(updated.status),
            custom_status_id=updated.custom_status_id,
            tags=tuple(updated.tags or ()),
            comment_id=comment_id,
        )

    def _call(self, what: str, call: Any) -> Any:
        try:
            return call()
        except RecordNotFoundException as exc:
            raise NotFound(f"Zendesk: cannot {what}: not found or deleted") from exc
        except APIException as exc:
            raise _api_error(what, exc) from exc
        except (requests.Timeout, requests.ConnectionError) as exc:
            raise ZendeskUnavailable(
                f"Zendesk: cannot {what}: {type(exc).__name__}; check ZENDESK_URL"
            ) from exc
        except ZenpyException as exc:
            raise ZendeskError(f"Zendesk: cannot {what}: {exc}") from exc


def _api_error(what: str, exc: APIException) -> ZendeskError:
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    message = f"Zendesk: cannot {what} ({status}): {exc}"
    if status in (401, 403):
        return AuthError(message + ". Check ZENDESK_EMAIL and ZENDESK_API_TOKEN")
    if status == 429:
        retry = getattr(response, "headers", {}).get("Retry-After", "60")
        return RateLimited(message, float(retry) if str(retry).isdigit() else 60.0)
    if status == 422:
        return RecordInvalid(message)
    if status is not None and status >= 500:
        return ZendeskUnavailable(message)
    return ZendeskError(message)
