"""The Confirmed-vs-Closed flow's foundations: the customer's answer by signed link.

`links` makes and checks the tokens; `answers` checks them against the store and records
an answer once. The web pages that serve them are in `bot.web`; see docs/resolution.md.
"""

from bot.resolution.answers import (
    RATINGS,
    Answer,
    OnAnswer,
    TicketContext,
    answer_by_link,
    check_link,
    record_only,
)
from bot.resolution.links import (
    Choice,
    LinkClaim,
    LinkRefused,
    Refusal,
    answer_url,
    issue_link,
    read_link,
    request_links,
)

__all__ = [
    "RATINGS",
    "Answer",
    "Choice",
    "LinkClaim",
    "LinkRefused",
    "OnAnswer",
    "Refusal",
    "TicketContext",
    "answer_by_link",
    "answer_url",
    "check_link",
    "issue_link",
    "read_link",
    "record_only",
    "request_links",
]
