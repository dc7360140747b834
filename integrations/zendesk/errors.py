"""The errors the Zendesk connector raises, each with a message a user can act on.

They all derive from the `bot.helpdesk` port's errors, so the domain can tell a failure worth
retrying from a refusal without importing anything from `integrations/`, and the CLI prints
any of them as one line::

    ZendeskError (HelpdeskError)
    +-- AuthError                   401 / 403: check the credentials
    +-- MalformedResponse           a 2xx whose body is not the promised JSON
    +-- NotFound                    the record does not exist, or was deleted
    +-- RecordInvalid               422: Zendesk refused the write
    +-- ZendeskUnavailable (HelpdeskUnavailable)      5xx, timeouts, dropped connections
        +-- RateLimited (HelpdeskRateLimited)         429, with `retry_after`
"""

from __future__ import annotations

from bot.helpdesk import HelpdeskError, HelpdeskRateLimited, HelpdeskUnavailable

__all__ = [
    "AuthError",
    "MalformedResponse",
    "NotFound",
    "RateLimited",
    "RecordInvalid",
    "ZendeskError",
    "ZendeskUnavailable",
    "ZendeskUnreachable",
]


class ZendeskError(HelpdeskError):
    """Base of every error talking to Zendesk."""


class AuthError(ZendeskError):
    """Zendesk refused the credentials (401) or the user may not do this (403)."""


class ZendeskUnavailable(ZendeskError, HelpdeskUnavailable):
    """5xx answers, timeouts or dropped connections outlasted every retry."""


class RateLimited(ZendeskUnavailable, HelpdeskRateLimited):
    """Zendesk kept answering 429 after every retry; `retry_after` is its last advice.
    `RateLimited(message, retry_after)`."""


class MalformedResponse(ZendeskError):
    """A 2xx answer whose body is not the JSON object the endpoint promises."""


class NotFound(ZendeskError):
    """The ticket (or other record) does not exist, or was deleted."""


class RecordInvalid(ZendeskError):
    """Zendesk refused a write (422), e.g. a closed ticket or an unknown custom status."""


class ZendeskUnreachable(ZendeskError):
    """ZENDESK_URL leads nowhere: the name does not resolve, the connection is refused (after a
    short bounded retry), TLS fails, or it is not a URL. Retrying cannot fix these, so they
    are raised at once, with a message naming ZENDESK_URL."""
