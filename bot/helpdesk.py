"""The port through which the domain writes to a helpdesk (Zendesk, in `integrations/`).

Policies and the outbox decide *what* to write; an implementation of `Helpdesk` delivers it.
The domain never imports a network client: it receives a `Helpdesk` and catches the port's
errors, which every implementation's errors derive from::

    HelpdeskError               refused for good (not found, invalid write, bad credentials)
    +-- HelpdeskUnavailable     transient (5xx, timeout, dropped connection): retry later
        +-- HelpdeskRateLimited asked to slow down: retry after `retry_after` seconds

An implementation raises subclasses of these (e.g. `integrations.zendesk.errors`), so any
caller, the outbox dispatcher included, can tell "retry" from "give up" without knowing it.

Every write may carry an idempotency `key`, which the helpdesk keeps with the write (Zendesk:
in the metadata of the ticket update's audit). `find_write(ticket_id, key)` reads it back,
so a caller whose write had no answer (a crash, a 5xx, a timeout) can ask whether it went in
before making it again: a customer is never emailed the same comment twice, and a comment is
never given up on because its outcome was unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.errors import AlignbotError

__all__ = [
    "Helpdesk",
    "HelpdeskError",
    "HelpdeskRateLimited",
    "HelpdeskUnavailable",
    "TicketWrite",
]


class HelpdeskError(AlignbotError):
    """A write (or read) to the helpdesk failed; the message says why and what to check."""


class HelpdeskUnavailable(HelpdeskError):
    """A transient failure (5xx, timeout, dropped connection): the call may be retried. It
    may also have been carried out, since the answer never came."""


class HelpdeskRateLimited(HelpdeskUnavailable):
    """The helpdesk asked us to slow down; retry after `retry_after` seconds. The call was
    not carried out. `ticket_id` is set when only that ticket is limited (it took too many
    updates), not every call to the helpdesk."""

    def __init__(self, message: str, retry_after: float, *, ticket_id: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.ticket_id = ticket_id


@dataclass(frozen=True)
class TicketWrite:
    """What a write did: the ticket's status after it, the new comment's id if any, and the
    id of the record the helpdesk keeps of the write (Zendesk: the update's audit)."""

    ticket_id: int
    status: str
    custom_status_id: int | None
    tags: tuple[str, ...]
    comment_id: int | None = None
    audit_id: int | None = None


class Helpdesk(Protocol):
    """Writes alignbot makes to tickets. Implementations raise `HelpdeskError` subclasses."""

    def add_comment(
        self, ticket_id: int, body: str, *, public: bool, key: str | None = None
    ) -> TicketWrite:
        """Add a comment: public (the customer is emailed) or an internal note. `key`, if
        given, is kept with the write for `find_write`."""
        ...

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
        """Change status, custom status and tags (`tags` replaces them; `add_tags` and
        `remove_tags` edit them), optionally with a comment, in one ticket update. `key`, if
        given, is kept with the write for `find_write`."""
        ...

    def find_write(
        self, ticket_id: int, key: str, *, since: datetime | None = None
    ) -> TicketWrite | None:
        """The write made on this ticket under `key`, or None if the ticket holds none.

        The newest writes are read first, back to `since` (when given: a write made under
        `key` is no older than the first attempt to make it) or a bounded number of pages.
        Of the write found, `comment_id` and `audit_id` are the write's own; `status`,
        `custom_status_id` and `tags` are the ticket's now. A write that changed nothing
        may leave no record (Zendesk keeps no audit for it), so None is only proof for a
        write that changes the ticket, as any with a comment does. Raises
        `HelpdeskUnavailable` (ask again later) or `HelpdeskError` when it cannot tell.
        """
        ...
