"""The outbox: every side effect alignbot decides on is queued, then delivered exactly once.

Deciding and delivering are split. Whatever decides to post a Slack message or write to a
ticket calls `enqueue()` inside the transaction that records the decision, under an
idempotency key: the row commits with the decision or not at all, and deciding twice (a
retried job, a second replica) queues once. A `Dispatcher` then delivers what is due.

- `queueing`: `enqueue()`.
- `deliverers`: one deliverer per kind of row (`DELIVERERS`), each through the port it
  names (`Chat` or `Helpdesk`), and what a deliverer is given (`Delivery`, `Ports`).
- `dispatcher`: claiming, renewing and marking rows (`Dispatcher`), with the state machine.
- `budget`: how many writes one ticket may take in a window (`TicketBudget`).
- `errors`: what the outbox raises.

The package imports no network client: a dispatcher is given a `Chat` and a `Helpdesk`.
Every public name is importable from `bot.outbox` itself.
"""

from bot.outbox.budget import ZENDESK_TICKET_BUDGET, TicketBudget
from bot.outbox.deliverers import (
    DELIVERERS,
    SLACK_DM,
    SLACK_MESSAGE,
    SLACK_UPDATE,
    ZENDESK_COMMENT,
    ZENDESK_PROACTIVE_UPDATE,
    ZENDESK_UPDATE,
    Deliverer,
    Delivery,
    Ports,
)
from bot.outbox.dispatcher import (
    BATCH_SIZE,
    CLAIM_TIMEOUT,
    Dispatcher,
    DispatchResult,
    default_worker_id,
)
from bot.outbox.errors import OutboxError, OutcomeUnknown, Waiting
from bot.outbox.queueing import enqueue
from bot.store.outbox import FAILED, PENDING, SENDING, SENT, OutboxRow
from bot.store.tables import OUTBOX

__all__ = [
    "BATCH_SIZE",
    "CLAIM_TIMEOUT",
    "DELIVERERS",
    "FAILED",
    "OUTBOX",
    "PENDING",
    "SENDING",
    "SENT",
    "SLACK_DM",
    "SLACK_MESSAGE",
    "SLACK_UPDATE",
    "ZENDESK_COMMENT",
    "ZENDESK_PROACTIVE_UPDATE",
    "ZENDESK_TICKET_BUDGET",
    "ZENDESK_UPDATE",
    "Deliverer",
    "Delivery",
    "DispatchResult",
    "Dispatcher",
    "OutboxError",
    "OutboxRow",
    "OutcomeUnknown",
    "Ports",
    "TicketBudget",
    "Waiting",
    "default_worker_id",
    "enqueue",
]
