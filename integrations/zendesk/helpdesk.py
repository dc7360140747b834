"""`ZendeskHelpdesk`: the `bot.helpdesk.Helpdesk` port, delivered with zenpy.

zenpy builds every URL from `https://{subdomain}.zendesk.com`. For a real account that is
the URL we were given. For a sandbox on loopback (`http://127.0.0.1:PORT`) the helpdesk
hands zenpy a `requests` session of its own whose transport adapter sends each of those
requests to the sandbox over plain HTTP (`loopback_session`). The redirection belongs to
one client, so two helpdesks in one process can talk to two different Zendesks.

zenpy also obeys the process-wide `ZENPY_FORCE_NETLOC` / `ZENPY_FORCE_SCHEME` environment
variables, which would silently send our writes elsewhere: if either is set we refuse to
start. zenpy's own errors never leave this module: each becomes a `ZendeskError` subclass.

Idempotency keys: Zendesk keeps up to 1 KB of custom metadata with each ticket update's
audit, sent as `{"ticket": {"metadata": {...}, ...}}` and served back by
`GET /api/v2/tickets/{id}/audits` as the audit's `metadata.custom` (developer docs, Tickets,
"Setting Metadata"). zenpy's `Ticket` declares no `metadata` field, but it serialises any
attribute set on the object, so the update still goes through `tickets.update`. zenpy reads
a ticket's audits only oldest first, through every page; `find_write` wants the newest first
and a bound, so it reads them itself through zenpy's own session (the same credentials,
timeout and loopback routing) with offset pages, which Zendesk documents for this list.

zenpy waits out a 429 itself, sleeping for its whole Retry-After (a ticket's update limit
answers up to 10 minutes), which would hold an outbox claim far past its timeout. The
helpdesk gives zenpy no budget for that (`ratelimit_budget`), so the 429 comes back at once
as `RateLimited` with the Retry-After Zendesk sent, and the dispatcher schedules the retry.

At DEBUG zenpy logs each request with its payload (a comment's text) and each answer whole
(the ticket's subject, description, people): unless `LOG_CUSTOMER_TEXT=true`, those lines
are cut to the method and URL (`ZenpyBodies`).
"""

from __future__ import annotations

import logging
import math
import os
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse, urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from zenpy import Zenpy
from zenpy.lib.api_objects import Comment as ZenpyComment
from zenpy.lib.api_objects import Ticket as ZenpyTicket
from zenpy.lib.exception import (
    APIException,
    RatelimitBudgetExceeded,
    RecordNotFoundException,
    ZenpyException,
)

from bot import observability
from bot.helpdesk import TicketWrite
from integrations.zendesk.errors import (
    AuthError,
    MalformedResponse,
    NotFound,
    RateLimited,
    RecordInvalid,
    ZendeskError,
    ZendeskUnavailable,
)

__all__ = ["AUDIT_KEY", "ZendeskHelpdesk", "loopback_session"]

log = logging.getLogger("alignbot.zendesk")

#: Environment variables zenpy reads whenever it builds a URL (`BaseApi._build_url`).
FORCED_BY_ENVIRONMENT = ("ZENPY_FORCE_NETLOC", "ZENPY_FORCE_SCHEME")
SANDBOX_SUBDOMAIN = "sandbox"
#: The name under the audit's `metadata.custom` that holds a write's idempotency key.
AUDIT_KEY = "alignbot_key"
#: Audits per page (Zendesk's most) and pages `find_write` reads at most, newest first.
AUDITS_PER_PAGE = 100
MAX_AUDIT_PAGES = 5


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
        # No budget for waiting out a 429: zenpy raises at once instead of sleeping.
        credentials["ratelimit_budget"] = 0
        self.url = url
        self.timeout = timeout
        self._zenpy = Zenpy(**credentials)
        self._api = f"https://{subdomain}.zendesk.com/api/v2"
        self._last_retry_after: float | None = None
        self._zenpy.tickets.session.hooks["response"].append(self._note_retry_after)
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

    def add_comment(
        self, ticket_id: int, body: str, *, public: bool, key: str | None = None
    ) -> TicketWrite:
        return self.update_ticket(ticket_id, comment=body, public=public, key=key)

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
        key: str | None = None,
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
        if key is not None:
            # Kept by Zendesk as the audit's metadata.custom; zenpy sends any attribute set.
            ticket.metadata = {AUDIT_KEY: key}
        audit = self._call(
            f"update ticket {ticket_id}", lambda: self._zenpy.tickets.update(ticket), ticket_id
        )
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
            audit_id=_int_or_none(getattr(audit.audit, "id", None)),
        )

    def find_write(
        self, ticket_id: int, key: str, *, since: datetime | None = None
    ) -> TicketWrite | None:
        what = f"read the audits of ticket {ticket_id}"
        path = f"/tickets/{ticket_id}/audits.json"
        first = self._get_json(what, path, {"per_page": AUDITS_PER_PAGE})
        count = first.get("count")
        if not isinstance(count, int):
            raise MalformedResponse(f"Zendesk: cannot {what}: the answer has no count")
        # Offset pages are oldest first: start at the last one and walk back.
        page = max(1, math.ceil(count / AUDITS_PER_PAGE))
        body = first if page == 1 else self._get_json(what, path, _page(page))
        for read in range(1, MAX_AUDIT_PAGES + 1):
            audits = body.get("audits")
            if not isinstance(audits, list):
                raise MalformedResponse(f"Zendesk: cannot {what}: the answer has no audits")
            for audit in reversed(audits):
                if not isinstance(audit, dict):
                    continue
                if _key_of(audit) == key:
                    return self._found(ticket_id, audit)
                if since is not None and _created(audit) < since:
                    return None  # older than the first attempt: the write is not there
            page -= 1
            if page < 1:
                return None
            if read < MAX_AUDIT_PAGES:
                body = self._get_json(what, path, _page(page))
        raise ZendeskError(
            f"Zendesk: cannot tell whether the write {key} reached ticket {ticket_id}: its "
            f"newest {MAX_AUDIT_PAGES * AUDITS_PER_PAGE} audits do not hold it and do not "
            "reach back to when it was made; check the ticket"
        )

    def _found(self, ticket_id: int, audit: dict[str, Any]) -> TicketWrite:
        comment_id = None
        for event in audit.get("events") or []:
            if isinstance(event, dict) and event.get("type") == "Comment":
                comment_id = _int_or_none(event.get("id"))
        ticket = self._get_json(f"read ticket {ticket_id}", f"/tickets/{ticket_id}.json").get(
            "ticket"
        )
        if not isinstance(ticket, dict):
            raise MalformedResponse(f"Zendesk: cannot read ticket {ticket_id}: no ticket")
        return TicketWrite(
            ticket_id=ticket_id,
            status=str(ticket.get("status")),
            custom_status_id=_int_or_none(ticket.get("custom_status_id")),
            tags=tuple(str(t) for t in ticket.get("tags") or ()),
            comment_id=comment_id,
            audit_id=_int_or_none(audit.get("id")),
        )

    def _get_json(
        self, what: str, path: str, params: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """GET one Zendesk API path through zenpy's session; errors as `ZendeskError`s."""
        session = self._zenpy.tickets.session
        try:
            response = session.get(self._api + path, params=params, timeout=self.timeout)
        except (requests.Timeout, requests.ConnectionError) as exc:
            raise ZendeskUnavailable(
                f"Zendesk: cannot {what}: {type(exc).__name__}; check ZENDESK_URL"
            ) from exc
        status = response.status_code
        if status == 404:
            raise NotFound(f"Zendesk: cannot {what}: not found or deleted")
        if status >= 400:
            raise _status_error(what, status, response.headers.get("Retry-After"), response.text)
        try:
            body = response.json()
        except ValueError as exc:
            raise MalformedResponse(f"Zendesk: cannot {what}: the answer is not JSON") from exc
        if not isinstance(body, dict):
            raise MalformedResponse(f"Zendesk: cannot {what}: the answer is not an object")
        return body

    def _note_retry_after(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        """A session hook, on every answer zenpy gets: count it for /metrics, and keep the
        Retry-After of a 429, which zenpy's error leaves out."""
        observability.record_api_request("zendesk")
        if response.status_code == 429:
            observability.record_rate_limited("zendesk")
            self._last_retry_after = _seconds(response.headers.get("Retry-After"))

    def _call(self, what: str, call: Any, ticket_id: int | None = None) -> Any:
        """Make a zenpy call; its errors become `ZendeskError`s. For a ticket's update, name
        the ticket: a 429 that only its own update limit explains is that ticket's alone."""
        try:
            return call()
        except RecordNotFoundException as exc:
            raise NotFound(f"Zendesk: cannot {what}: not found or deleted") from exc
        except RatelimitBudgetExceeded as exc:
            retry_after = self._last_retry_after if self._last_retry_after is not None else 60.0
            raise RateLimited(
                f"Zendesk: cannot {what} (429): rate limited; retry after {retry_after:.0f}s",
                retry_after,
                ticket_id=_ticket_limit(ticket_id, retry_after),
            ) from exc
        except APIException as exc:
            error = _api_error(what, exc)
            if isinstance(error, RateLimited):
                error.ticket_id = _ticket_limit(ticket_id, error.retry_after)
            raise error from exc
        except (requests.Timeout, requests.ConnectionError) as exc:
            raise ZendeskUnavailable(
                f"Zendesk: cannot {what}: {type(exc).__name__}; check ZENDESK_URL"
            ) from exc
        except ZenpyException as exc:
            raise ZendeskError(f"Zendesk: cannot {what}: {exc}") from exc


def _ticket_limit(ticket_id: int | None, retry_after: float) -> int | None:
    """The ticket whose own limit a 429 on its update must be: Zendesk's account limits are
    per minute, so only a ticket's 10-minute update limit asks for more than 60 seconds."""
    return ticket_id if ticket_id is not None and retry_after > 60 else None


def _page(page: int) -> dict[str, Any]:
    return {"page": page, "per_page": AUDITS_PER_PAGE}


def _key_of(audit: dict[str, Any]) -> Any:
    metadata = audit.get("metadata")
    custom = metadata.get("custom") if isinstance(metadata, dict) else None
    return custom.get(AUDIT_KEY) if isinstance(custom, dict) else None


def _created(audit: dict[str, Any]) -> datetime:
    """When an audit was made; an unreadable time counts as the newest (keep looking)."""
    stamp = audit.get("created_at")
    try:
        parsed = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return datetime.max.replace(tzinfo=UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _seconds(raw: str | None) -> float:
    try:
        return max(0.0, float(raw)) if raw is not None else 60.0
    except ValueError:
        return 60.0


def _status_error(what: str, status: int, retry_after: str | None, text: str) -> ZendeskError:
    message = f"Zendesk: cannot {what} ({status}): {text[:300]}"
    if status in (401, 403):
        return AuthError(message + ". Check ZENDESK_EMAIL and ZENDESK_API_TOKEN")
    if status == 429:
        return RateLimited(message, _seconds(retry_after))
    if status == 422:
        return RecordInvalid(message)
    if status >= 500:
        return ZendeskUnavailable(message)
    return ZendeskError(message)


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
