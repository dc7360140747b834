"""Signed, expiring links by which a customer answers a confirmation request.

A link's token binds the ticket, the confirmation request it belongs to, the customer's
choice, an expiry and (optionally) the page's language, under an HMAC-SHA256 of
ALIGNBOT_LINK_SECRET::

    token = b64url(body) "." b64url(mac)          (base64url without padding)
    body  = JSON [1, ticket_id, request_id, choice, expires (Unix seconds), locale | null]
    mac   = HMAC-SHA256(key, DOMAIN + body)

Checking a token (`read_link`) refuses, with a `LinkRefused` naming the reason:

- anything that is not exactly a token made with the current key or one of the fallback
  keys (a changed, added or removed character, another encoding of the same bytes);
- a token for another ticket than the one in the link's path;
- (`LinkClaim.expired`) a token past its expiry, against the clock the caller passes.

Single use and unknown tickets are the store's to say (`bot.resolution.answers`). The token
carries no secret of the customer's and nothing that is not already in their email; it is
a capability: whoever holds it may answer that one question, once, until it expires.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.errors import AlignbotError
from bot.settings import LinkKeys

if TYPE_CHECKING:
    from bot.resolution.answers import TicketContext

__all__ = [
    "ANSWER_PATH",
    "MAX_TOKEN_LENGTH",
    "Choice",
    "LinkClaim",
    "LinkRefused",
    "Refusal",
    "answer_url",
    "issue_link",
    "read_link",
    "request_links",
]

#: Keeps these MACs from meaning anything anywhere else the same key might be used.
DOMAIN = b"alignbot.resolution-link.v1\x00"
VERSION = 1
#: No token alignbot makes is longer; anything longer is refused before it is decoded.
MAX_TOKEN_LENGTH = 400
MAX_TICKET_ID = 2**63 - 1
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
_LOCALE = re.compile(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,2}")
_B64URL = re.compile(r"[A-Za-z0-9_-]+")
#: Where `alignbot web` serves a link (bot/web/app.py implements it).
ANSWER_PATH = "/r/{ticket_id}/{token}"


class Choice(StrEnum):
    """The customer's three answers to "is your issue resolved?"."""

    CONFIRM = "confirm"  # yes, it is resolved
    NEED_HELP = "need_help"  # no, I still need help
    CLOSE = "close"  # I'll close it myself


class Refusal(StrEnum):
    """Why a link is refused; the page and the HTTP status follow from it."""

    FORGED = "forged"  # not a token we made (or changed since)
    OTHER_TICKET = "other_ticket"  # a real token, for another ticket than the link's
    UNKNOWN = "unknown"  # a real token, for a ticket the store does not hold
    USED = "used"  # the request was already answered
    EXPIRED = "expired"  # a real token past its expiry


class LinkRefused(AlignbotError):
    """A link that may not answer: `reason` says why. A genuine token's `claim` is kept
    (all but FORGED), with its ticket's `context` once the store was read, and `used_at`
    when it was USED: the page about the refusal speaks the customer's language from them.
    """

    def __init__(
        self,
        reason: Refusal,
        message: str,
        *,
        claim: LinkClaim | None = None,
        context: TicketContext | None = None,
        used_at: datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.claim = claim
        self.context = context
        self.used_at = used_at


@dataclass(frozen=True)
class LinkClaim:
    """What a genuine token says."""

    ticket_id: int
    request_id: str
    choice: Choice
    expires_at: datetime
    locale: str | None = None

    def expired(self, now: datetime) -> bool:
        return now >= self.expires_at


def issue_link(
    keys: LinkKeys,
    *,
    ticket_id: int,
    request_id: str,
    choice: Choice,
    expires_at: datetime,
    locale: str | None = None,
) -> str:
    """A token for one choice of one confirmation request, signed with the current key."""
    if not 0 < ticket_id <= MAX_TICKET_ID:
        raise ValueError(f"ticket_id must be a positive 64-bit integer, not {ticket_id}")
    if not _REQUEST_ID.fullmatch(request_id):
        raise ValueError("request_id must be 1-64 characters of A-Z a-z 0-9 . _ : -")
    if locale is not None and not _LOCALE.fullmatch(locale):
        raise ValueError(f"locale must look like 'es' or 'pt-BR', not {locale!r}")
    if expires_at.tzinfo is None:
        raise ValueError("expires_at must carry a time zone")
    expires = int(expires_at.timestamp())
    body = json.dumps(
        [VERSION, ticket_id, request_id, Choice(choice).value, expires, locale],
        separators=(",", ":"),
    ).encode()
    return f"{_encode(body)}.{_encode(_mac(keys.current, body))}"


def read_link(keys: LinkKeys, token: str, *, ticket_id: int) -> LinkClaim:
    """The claim of a genuine token for `ticket_id`; `LinkRefused` (FORGED, OTHER_TICKET)
    otherwise. The expiry is the caller's to check against its clock (`LinkClaim.expired`)."""
    body = _verified_body(keys, token)
    claim = _claim_of(body)
    if claim is None:
        # Signed by us yet not a claim we understand: only a key shared with something else
        # could make one, so it is as good as forged.
        raise LinkRefused(Refusal.FORGED, "the link's contents are not a valid answer link")
    if claim.ticket_id != ticket_id:
        raise LinkRefused(
            Refusal.OTHER_TICKET,
            f"the link belongs to another ticket than #{ticket_id}",
            claim=claim,
        )
    return claim


def answer_url(base_url: str, ticket_id: int, token: str) -> str:
    """The full link a customer clicks: `base_url` is ALIGNBOT_PUBLIC_URL."""
    return base_url.rstrip("/") + ANSWER_PATH.format(ticket_id=ticket_id, token=token)


def request_links(
    keys: LinkKeys,
    base_url: str,
    *,
    ticket_id: int,
    request_id: str,
    now: datetime,
    ttl: timedelta,
    locale: str | None = None,
) -> dict[Choice, str]:
    """The three links of one confirmation request, valid for `ttl` from `now`."""
    expires_at = now + ttl
    return {
        choice: answer_url(
            base_url,
            ticket_id,
            issue_link(
                keys,
                ticket_id=ticket_id,
                request_id=request_id,
                choice=choice,
                expires_at=expires_at,
                locale=locale,
            ),
        )
        for choice in Choice
    }


def _mac(key: str, body: bytes) -> bytes:
    return hmac.new(key.encode(), DOMAIN + body, hashlib.sha256).digest()


def _encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _decode(text: str) -> bytes | None:
    """The bytes of canonical unpadded base64url, or None. Canonical: the one spelling
    `_encode` gives, so no two tokens carry the same bytes (base64 ignores a last
    character's spare bits, which would otherwise let a changed token pass)."""
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        return None
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    return data if _encode(data) == text else None


def _verified_body(keys: LinkKeys, token: str) -> bytes:
    forged = LinkRefused(Refusal.FORGED, "the link is not one alignbot made, or was changed")
    if not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH or token.count(".") != 1:
        raise forged
    body_text, mac_text = token.split(".")
    body, mac = _decode(body_text), _decode(mac_text)
    if body is None or mac is None:
        raise forged
    # Every key is tried, so how long checking takes does not tell which key matched.
    matched = False
    for key in (keys.current, *keys.fallbacks):
        matched |= hmac.compare_digest(_mac(key, body), mac)
    if not matched:
        raise forged
    return body


def _claim_of(body: bytes) -> LinkClaim | None:
    try:
        fields = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(fields, list) or len(fields) != 6 or fields[0] != VERSION:
        return None
    _, ticket_id, request_id, choice, expires, locale = fields
    valid = (
        type(ticket_id) is int
        and 0 < ticket_id <= MAX_TICKET_ID
        and isinstance(request_id, str)
        and _REQUEST_ID.fullmatch(request_id) is not None
        and choice in {c.value for c in Choice}
        and type(expires) is int
        and 0 <= expires < 2**40
        and (locale is None or (isinstance(locale, str) and _LOCALE.fullmatch(locale)))
    )
    if not valid:
        return None
    return LinkClaim(
        ticket_id=ticket_id,
        request_id=request_id,
        choice=Choice(choice),
        expires_at=datetime.fromtimestamp(expires, UTC),
        locale=locale,
    )
