"""`ZendeskHelpdesk`: the `bot.helpdesk.Helpdesk` port, delivered with zenpy.

zenpy builds every URL from `https://{subdomain}.zendesk.com`, unless the environment
variables `ZENPY_FORCE_NETLOC` and `ZENPY_FORCE_SCHEME` are set: zenpy reads them each time
it builds a URL (`BaseApi._build_url`). They are process-wide, so:

- for a real account (`https://<subdomain>.zendesk.com`) nothing is set, and if either
  variable is already set we refuse to start (writes would silently go elsewhere);
- for a sandbox on loopback (`http://127.0.0.1:PORT`) both are set to that sandbox when the
  helpdesk is built. One process talks to one Zendesk, which is how alignbot runs.

zenpy's own errors never leave this module: each becomes a `ZendeskError` subclass.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

import requests
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

__all__ = ["ZendeskHelpdesk"]

log = logging.getLogger("alignbot.zendesk")

FORCE_NETLOC = "ZENPY_FORCE_NETLOC"
FORCE_SCHEME = "ZENPY_FORCE_SCHEME"


def _point_zenpy_at(url: str) -> str:
    """Return the subdomain for zenpy, setting the force variables for a loopback URL."""
    parsed = urlparse(url)
    host = parsed.hostname or ""
    if parsed.scheme == "https" and host.endswith(".zendesk.com"):
        for name in (FORCE_NETLOC, FORCE_SCHEME):
            if os.environ.get(name):
                raise ZendeskError(
                    f"{name} is set in the environment, so zenpy would not write to {url}; "
                    "unset it (it is only for a local sandbox)"
                )
        return host.split(".", 1)[0]
    if parsed.scheme == "http" and host in ("127.0.0.1", "localhost") and parsed.port:
        os.environ[FORCE_NETLOC] = f"{host}:{parsed.port}"
        os.environ[FORCE_SCHEME] = "http"
        return "sandbox"
    raise ZendeskError(
        f"ZENDESK_URL {url} is neither https://<subdomain>.zendesk.com nor a sandbox"
    )


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
    ) -> None:
        subdomain = _point_zenpy_at(url)
        credentials: dict[str, Any] = {"subdomain": subdomain, "timeout": timeout}
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
