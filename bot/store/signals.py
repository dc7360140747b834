"""Stored conversation signals: one row per analysed comment (issue 3 fills it).

Metrics are SQL over these rows; nothing is re-analysed at digest time. `body_hash` and
`analyzer_version` let the analysis job skip comments whose text and analyser are unchanged,
which is what makes re-running it change nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Float, Index, true
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime

#: The signal columns of `comment_signals` (NULL on a role-only row, e.g. an internal note).
SIGNAL_COLUMNS = (
    "language",
    "sentiment_label",
    "sentiment_score",
    "frustration",
    "resolution_reply",
    "trust_indicator",
    "restatements",
    "empathy",
    "empathy_matched",
    "upsell",
    "acknowledges_history",
    "redundant_question",
)


class CommentSignal(SQLModel, table=True):
    __tablename__ = "comment_signals"
    __table_args__ = (Index("ix_comment_signals_ticket_id", "ticket_id"),)

    comment_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=False)
    )
    ticket_id: int = Field(sa_type=BigInteger)
    role: str  # customer, agent, system (copied from the comment)
    # False for internal notes: they get a role-only row (every signal NULL), never signals.
    # The server default is the one migration 0002 created the column with.
    public: bool = Field(default=True, sa_column_kwargs={"server_default": true()})
    language: str | None = None  # ISO 639-1
    # Customer messages
    sentiment_label: str | None = None  # negative, neutral, positive
    sentiment_score: float | None = Field(default=None, sa_type=Float)  # -1 .. +1
    frustration: bool | None = None  # high emotional weight
    resolution_reply: str | None = None  # confirm, deny, none
    trust_indicator: bool | None = None
    restatements: int | None = None  # times this message restates another channel's message
    # Agent replies
    empathy: str | None = None  # none, scripted, authentic
    empathy_matched: bool | None = None  # empathy matched the weight of the answered message
    upsell: bool | None = None
    acknowledges_history: bool | None = None
    redundant_question: bool | None = None
    # Bookkeeping
    body_hash: str
    analyzer_version: str
    analyzed_at: datetime = Field(sa_type=UTCDateTime)
