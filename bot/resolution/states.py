"""The Confirmed-vs-Closed flow's vocabulary: states, causes, tags.

    open ──agent solve──▶ awaiting_confirmation ──customer confirms (reply/link)──▶ confirmed
      ▲                      │  │  │
      │   question, new info ┘  │  └─ no answer after the reminders ─▶ closed_unconfirmed
      │                         ├─ customer denies (reply/link) ────▶ reopened
      │                         ├─ "I'll close it myself" (link) ───▶ closed_by_customer
      │                         └─ agent solves again ──────────────▶ closed_unconfirmed
      └──── any final state, when the ticket is reopened ───────────▶ reopened

`reopened` and `open` both wait on the agent; an agent's next solve asks again, under a
new request. A ticket enters the flow at its first solve after the flow was switched on.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "AWAITING_TAG",
    "CLOSED_BY_CUSTOMER_TAG",
    "CONFIRMED_TAG",
    "FINAL",
    "UNCONFIRMED_TAG",
    "Actor",
    "Cause",
    "State",
]


class State(StrEnum):
    OPEN = "open"
    AWAITING = "awaiting_confirmation"
    CONFIRMED = "confirmed"
    REOPENED = "reopened"
    CLOSED_BY_CUSTOMER = "closed_by_customer"
    CLOSED_UNCONFIRMED = "closed_unconfirmed"


#: States in which the ticket is resolved, one way or another.
FINAL = frozenset({State.CONFIRMED, State.CLOSED_BY_CUSTOMER, State.CLOSED_UNCONFIRMED})


class Cause(StrEnum):
    AGENT_SOLVE = "agent_solve"  # an agent solved the ticket: the request is asked
    CUSTOMER_REPLY = "customer_reply"  # the requester's public comment, read
    LINK = "link"  # the requester answered by a link
    REMINDER_TIMEOUT = "reminder_timeout"  # no answer after the reminders
    OPT_OUT = "opt_out"  # solved, but the ticket is one the flow leaves alone
    AGENT_OVERRIDE = "agent_override"  # an agent solved again while awaiting an answer
    REOPEN = "reopen"  # a resolved ticket was reopened (by the customer or an agent)
    ZENDESK_CLOSE = "zendesk_close"  # Zendesk closed it while awaiting (ask mode)


class Actor(StrEnum):
    AGENT = "agent"
    CUSTOMER = "customer"
    ALIGNBOT = "alignbot"
    ZENDESK = "zendesk"


AWAITING_TAG = "alignbot_awaiting_confirmation"
CONFIRMED_TAG = "resolution_confirmed"
UNCONFIRMED_TAG = "resolution_unconfirmed"
CLOSED_BY_CUSTOMER_TAG = "resolution_closed_by_customer"
#: The custom status `alignbot zendesk setup` creates (pending category).
AWAITING_LABEL = "Awaiting confirmation"
