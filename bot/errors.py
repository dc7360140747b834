"""The errors alignbot raises across its boundaries, each with a message a user can act on.

Every error raised on purpose derives from `AlignbotError`; the CLI prints it as one line::

    AlignbotError
    +-- SettingsError             a setting is missing or malformed (here)
    +-- StoreError                the database cannot be reached or migrated (here)
    +-- ChatError                 the chat port (`bot.chat`); Slack's in integrations/slack/errors
    |   +-- ChatUnavailable       transient: retry later
    |       +-- ChatRateLimited   retry after `retry_after` seconds
    +-- HelpdeskError             the helpdesk port (`bot.helpdesk`); Zendesk's in
    |   |                         integrations/zendesk/errors
    |   +-- HelpdeskUnavailable   transient: retry later
    |       +-- HelpdeskRateLimited  retry after `retry_after` seconds
    +-- OutboxError               a row cannot be queued or delivered as it is (`bot.outbox`)

Each port declares its own transient and rate-limited errors, and a rate limit is always a
kind of "unavailable": a caller that retries on `...Unavailable` retries on rate limits too.
"""

from __future__ import annotations


class AlignbotError(Exception):
    """Base of every error alignbot raises on purpose; the CLI prints its message as one line."""


class SettingsError(AlignbotError):
    """A setting is missing or malformed; the message names it."""


class StoreError(AlignbotError):
    """The database cannot be reached or brought up to date."""
