"""The port through which the domain talks to a chat tool (Slack, in `integrations/slack/`).

The digest, nudges and the dispatcher decide *what* to post; an implementation of `Chat`
delivers it. The domain never imports a network client: it receives a `Chat` and catches the port's
errors, which every implementation's errors derive from::

    ChatError               refused for good (unknown channel, invalid blocks, bad token)
    +-- ChatUnavailable     transient (5xx, timeout, dropped connection): retry later
        +-- ChatRateLimited asked to slow down: retry after `retry_after` seconds
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bot.errors import AlignbotError

__all__ = [
    "Chat",
    "ChatError",
    "ChatRateLimited",
    "ChatUnavailable",
    "ChatUser",
    "PostedMessage",
]


class ChatError(AlignbotError):
    """The chat tool refused a call for good (bad channel, invalid blocks, bad token)."""


class ChatUnavailable(ChatError):
    """A transient failure (5xx, timeout, dropped connection): the call may be retried."""


class ChatRateLimited(ChatUnavailable):
    """The chat tool asked us to slow down; retry after `retry_after` seconds."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class PostedMessage:
    """Where a message landed: the channel's id (never its name) and the message's ts."""

    channel: str
    ts: str


@dataclass(frozen=True)
class ChatUser:
    """A chat user found by email: their id and, when the tool knows it, their IANA time
    zone (nudges keep to the agent's own quiet hours)."""

    id: str
    tz: str | None = None


class Chat(Protocol):
    """The calls alignbot makes to a chat tool. Implementations raise `ChatError` subclasses."""

    def post_message(
        self,
        channel: str,
        *,
        text: str,
        blocks: Sequence[Mapping[str, Any]] | None = None,
        idempotency_key: str | None = None,
    ) -> PostedMessage:
        """Post to a channel (id or `#name`) or a DM channel id. `text` is the plain-text
        fallback (notifications, screen readers); `idempotency_key` is carried in the
        message's metadata so `find_message` can tell later whether it was accepted."""
        ...

    def find_message(
        self, channel: str, idempotency_key: str, *, oldest: float
    ) -> PostedMessage | None:
        """The message posted to `channel` since `oldest` (a Unix time) with this
        idempotency key, if any. The dispatcher asks this before re-sending a message whose
        delivery was interrupted, so a crash never posts it twice."""
        ...

    def update_message(
        self,
        channel: str,
        ts: str,
        *,
        text: str,
        blocks: Sequence[Mapping[str, Any]] | None = None,
    ) -> PostedMessage:
        """Replace the text and blocks of a message the bot posted (channel id or `#name`,
        and the message's ts); it keeps its place and ts. Doing it twice with the same
        content changes nothing, so an update whose outcome is unknown may simply be made
        again. A message that is gone or not the bot's is a `ChatError`."""
        ...

    def open_direct_message(self, user_id: str) -> str:
        """The id of the DM channel between the bot and this user."""
        ...

    def lookup_user_by_email(self, email: str) -> str | None:
        """The chat user id for an email address, or None when nobody has it."""
        ...

    def lookup_user(self, email: str) -> ChatUser | None:
        """The chat user with this email address (id and time zone), or None when nobody
        has it."""
        ...

    def upload_file(
        self,
        channel: str,
        *,
        filename: str,
        content: bytes,
        title: str,
        alt_text: str | None = None,
        initial_comment: str | None = None,
    ) -> str:
        """Upload a file into a channel; returns the file's id."""
        ...
