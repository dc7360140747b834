"""Reply facts: what the digest needs to know about each public agent reply.

Three agent-side figures look at every public agent reply of a period together with the
messages around it: whether it was the ticket's first reply and the customer had history
(understanding), how the customer's latest message before it felt (upsell during
frustration), and which upset customer messages it answered (empathy). Reading those
messages again for every reply at digest time was a large part of the digest's time, so
`reply_facts` keeps, per analysed public agent reply, the facts that do not depend on the
period it is counted in:

- `first`: no public agent reply on the ticket comes before it;
- `history`: the requester had another live ticket created in the `HISTORY_DAYS` before the
  ticket and before this reply, or wrote on this ticket, before it, through a channel other
  than the ticket's own;
- `mood`: the sentiment of the latest analysed public customer message before it;
- `weighty`: how many analysed public customer messages with negative sentiment or
  frustration it answers (those after the previous public agent reply);
- the reply's own signals (`empathy`, `upsell`, `acknowledges`, `redundant`).

"Before" is by (time, id), as everywhere in the metrics. The facts are refreshed with the
solve facts (`bot.store.solves.refresh_solve_facts`), in the transaction of every write
they depend on: the ticket, its comments and signals, and the requester's other tickets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import BigInteger, Boolean, Column, Index, Integer, Table
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime

#: How far back another ticket from the same requester counts as earlier contact.
HISTORY_DAYS = 30


class ReplyFact(SQLModel, table=True):
    """One analysed public agent reply and its period-independent facts."""

    __tablename__ = "reply_facts"
    __table_args__ = (
        Index("ix_reply_facts_created_at", "created_at"),
        Index("ix_reply_facts_ticket_id", "ticket_id"),
    )

    comment_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=False)
    )
    ticket_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    created_at: datetime = Field(sa_type=UTCDateTime)
    author_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    first: bool = Field(sa_column=Column(Boolean, nullable=False))
    history: bool = Field(sa_column=Column(Boolean, nullable=False))
    mood: str | None = None
    weighty: int = Field(sa_column=Column(Integer, nullable=False))
    empathy: str | None = None
    upsell: bool = Field(sa_column=Column(Boolean, nullable=False))
    acknowledges: bool = Field(sa_column=Column(Boolean, nullable=False))
    redundant: bool = Field(sa_column=Column(Boolean, nullable=False))


REPLY_FACTS: Table = ReplyFact.__table__  # type: ignore[attr-defined]


class Said(NamedTuple):
    """A public comment of a ticket as the reply facts read it: a customer message or an
    agent reply, with its signals when analysed (`signals` None when not). A tuple: every
    refresh makes one per comment of its tickets."""

    at: datetime
    id: int
    role: str  # customer or agent
    channel: str | None
    author_id: int | None
    signals: Any = None  # a row with the signal columns, when analysed


@dataclass(frozen=True)
class Other:
    """Another ticket of the requester: its id, creation and whether it is deleted."""

    ticket_id: int
    created_at: datetime
    deleted: bool


def reply_facts_of(
    ticket_id: int,
    created_at: datetime,
    ticket_channel: str | None,
    said: Sequence[Said],
    others: Iterable[Other],
) -> list[dict[str, Any]]:
    """The `reply_facts` rows of one ticket; `said` is its public customer messages and
    agent replies ordered by (time, id)."""
    since = created_at - timedelta(days=HISTORY_DAYS)
    # Only the earliest counts: another ticket created before a reply.
    earliest = min(
        (
            other.created_at
            for other in others
            if other.ticket_id != ticket_id and not other.deleted and other.created_at >= since
        ),
        default=None,
    )
    rows = []
    first = True
    mood: str | None = None
    weighty = 0
    other_channel = False
    for comment in said:
        s = comment.signals
        if comment.role == "customer":
            if (
                ticket_channel is not None
                and comment.channel not in (None, "other")
                and comment.channel != ticket_channel
            ):
                other_channel = True
            if s is not None:
                mood = s.sentiment_label
                if s.sentiment_label == "negative" or s.frustration is True:
                    weighty += 1
            continue
        if s is not None:
            history = other_channel or (earliest is not None and earliest < comment.at)
            rows.append(
                {
                    "comment_id": comment.id,
                    "ticket_id": ticket_id,
                    "created_at": comment.at,
                    "author_id": comment.author_id,
                    "first": first,
                    "history": history,
                    "mood": mood,
                    "weighty": weighty,
                    "empathy": s.empathy,
                    "upsell": s.upsell is True,
                    "acknowledges": s.acknowledges_history is True,
                    "redundant": s.redundant_question is True,
                }
            )
        first = False
        weighty = 0
    return rows
