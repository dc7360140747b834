"""The customer's answers to a confirmation request, and the single use of its links.

A confirmation request (one question to the customer after an agent solves their ticket)
carries three signed links (`bot.resolution.links`). Whichever of them is used first answers
the request; every link of that request is spent from then on:

- `resolution_link_uses`: one row per answered request (`request_id` is its primary key),
  written in the same transaction as the answer. The key is what makes a link single-use,
  even when two clicks race: the second insert fails on it.
- `resolution_answers`: what the customer said (the choice, the optional 1-5 rating) and
  through which way (`via`: "link" here; the resolution flow will add replies).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Column, Index, SmallInteger
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime


class ResolutionLinkUse(SQLModel, table=True):
    """The answered confirmation request whose links are spent."""

    __tablename__ = "resolution_link_uses"
    __table_args__ = (Index("ix_resolution_link_uses_ticket_id", "ticket_id"),)

    request_id: str = Field(primary_key=True, max_length=64)
    ticket_id: int = Field(sa_type=BigInteger)
    choice: str = Field(max_length=16)  # one of bot.resolution.links.Choice
    used_at: datetime = Field(sa_type=UTCDateTime)


class ResolutionAnswer(SQLModel, table=True):
    """One answer of a customer to a confirmation request."""

    __tablename__ = "resolution_answers"
    __table_args__ = (
        Index("ix_resolution_answers_ticket_id", "ticket_id"),
        Index("ix_resolution_answers_request_id", "request_id"),
        Index("ix_resolution_answers_answered_at", "answered_at"),
        CheckConstraint("rating BETWEEN 1 AND 5", name="ck_resolution_answers_rating"),
    )

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(sa_type=BigInteger)
    request_id: str = Field(max_length=64)
    choice: str = Field(max_length=16)  # one of bot.resolution.links.Choice
    # "Did this interaction feel efficient and empathetic?", 1-5; None when not answered.
    rating: int | None = Field(default=None, sa_column=Column(SmallInteger, nullable=True))
    via: str = Field(default="link", max_length=16)  # link (reply: the resolution flow)
    locale: str | None = Field(default=None, max_length=16)  # the page's language
    answered_at: datetime = Field(sa_type=UTCDateTime)
