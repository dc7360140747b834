"""Zendesk's webhook signature: how a request posted to /zendesk/webhook is known to come
from Zendesk, recently, and once.

Zendesk signs each webhook request with the webhook's signing secret (Admin Center > Apps
and integrations > Webhooks > the webhook > Signing secret):

    X-Zendesk-Webhook-Signature            base64(HMAC-SHA256(secret, timestamp + body))
    X-Zendesk-Webhook-Signature-Timestamp  the timestamp signed, e.g. 2021-03-25T05:09:27Z

(developer.zendesk.com/documentation/webhooks/verifying). The timestamp and the raw body are
concatenated with no separator; the secret is used as its text, not base64-decoded.

`verify` checks the signature and that the timestamp is within `MAX_SKEW` of now, either
way; `ReplayGuard` remembers the signatures accepted within that window, so the same signed
request posted again is recognised. Outside the window a replay is refused as stale.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections import OrderedDict
from datetime import UTC, datetime, timedelta

__all__ = [
    "MAX_SKEW",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "ReplayGuard",
    "WebhookRefused",
    "sign",
    "verify",
]

SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature"
TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp"
#: How far a request's timestamp may be from now, in the past or the future (clock skew).
MAX_SKEW = timedelta(minutes=5)


class WebhookRefused(Exception):
    """The request is not a fresh, genuine Zendesk webhook; `reason` says which check failed
    (it names no secret and no body, so it may be logged and answered)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature Zendesk sends for `body` posted at `timestamp`."""
    digest = hmac.new(secret.encode(), timestamp.encode() + body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def verify(
    secret: str, signature: str | None, timestamp: str | None, body: bytes, now: datetime
) -> datetime:
    """Return the request's signed time, or raise `WebhookRefused` when a header is
    missing, the signature does not match, or the time is more than `MAX_SKEW` from `now`.
    The signature is checked first, so an unsigned request learns nothing about the clock."""
    if not signature or not timestamp:
        raise WebhookRefused("missing signature headers")
    if not hmac.compare_digest(sign(secret, timestamp, body), signature.strip()):
        raise WebhookRefused("signature does not match")
    signed_at = _parse_timestamp(timestamp)
    if signed_at is None:
        raise WebhookRefused("unreadable signature timestamp")
    if abs(now - signed_at) > MAX_SKEW:
        raise WebhookRefused("signature timestamp outside the allowed window")
    return signed_at


def _parse_timestamp(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class ReplayGuard:
    """Remembers accepted signatures until their timestamps leave the window (`MAX_SKEW`).

    In-process memory: across replicas a replay may reach another process and be accepted
    there once more, which costs one more incremental sync and nothing else (syncing is
    idempotent and triggering it is coalesced). At most `capacity` signatures are kept; past
    it the oldest are forgotten, and a replay of one of those is accepted again, with the
    same harmless effect.
    """

    def __init__(self, capacity: int = 10_000) -> None:
        self.capacity = capacity
        self._seen: OrderedDict[str, datetime] = OrderedDict()

    def first_time(self, signature: str, signed_at: datetime, now: datetime) -> bool:
        """True the first time `signature` is seen within the window; remembers it."""
        self._forget_expired(now)
        if signature in self._seen:
            return False
        self._seen[signature] = signed_at + MAX_SKEW
        while len(self._seen) > self.capacity:
            self._seen.popitem(last=False)
        return True

    def forget(self, signature: str) -> None:
        """Forget `signature`: the request it signed was accepted but not acted on, so
        Zendesk's retry of it must be taken."""
        self._seen.pop(signature, None)

    def _forget_expired(self, now: datetime) -> None:
        expired = [key for key, until in self._seen.items() if until < now]
        for key in expired:
            del self._seen[key]
