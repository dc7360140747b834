"""What the outbox raises.

AlignbotError (bot.errors)
+-- OutboxError       a row cannot be queued or delivered as it is: permanent, the row
    |                 fails with this message
    +-- OutcomeUnknown  an earlier attempt may have been delivered and cannot be checked
Waiting               not an error: a row must wait for another one (never leaves the
                      dispatcher)
"""

from __future__ import annotations

from bot.errors import AlignbotError
from bot.store.outbox import OutboxRow

__all__ = ["OutboxError", "OutcomeUnknown", "Waiting"]


class OutboxError(AlignbotError):
    """A row cannot be queued or delivered as it is (unknown kind, malformed payload):
    permanent, the row is marked failed with this message."""


class OutcomeUnknown(OutboxError):
    """An earlier attempt may have been delivered and the service cannot be asked; sending
    again could duplicate it, so the row fails and the message says what to check."""


class Waiting(Exception):
    """Raised by a deliverer before any call when a row it must follow is not final yet
    (pending or being sent): its row goes back untried, due when that row may be done."""

    def __init__(self, row: OutboxRow) -> None:
        super().__init__(f"waiting for outbox row {row.key} ({row.status})")
        self.row = row
