"""The context card: what an agent should know about a requester before answering them.

For the ticket's requester: their earlier tickets and the channels they came through, what
they already told us, what we already asked and what we already answered (short quotes of
public comments, on any of their tickets), and how their mood went (the analysed sentiment
of their messages, oldest to newest). So the agent never asks again.

Only public comments are read: a card is for agents, but it is built to be safe to forward.
Every quote is customer text: `literal` makes it inert in Slack mrkdwn (`&`, `<`, `>`
escaped, no formatting, no mentions), and `plain_text` is used where Block Kit allows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select

from bot.digest.mrkdwn import link, literal, plain
from bot.settings import Settings
from bot.store.tables import COMMENTS, SIGNALS, TICKETS, USERS

__all__ = ["Card", "build_card", "card_blocks", "context_card", "has_history"]

#: How many earlier tickets and quotes of each sort a card shows.
EARLIER_TICKETS = 5
QUOTES = 3
QUOTE_CHARS = 140
_QUESTION = re.compile(r"[^.!?\n]*\?")


@dataclass(frozen=True)
class Card:
    """The facts of a context card, before rendering (texts are raw customer text)."""

    ticket_id: int
    subject: str | None
    requester: str | None
    earlier: list[tuple[int, str | None, str, str]]  # id, subject, channel, status
    channels: list[str]
    told: list[str]  # what the customer wrote
    asked: list[str]  # questions agents asked
    answered: list[str]  # what agents answered
    moods: list[str]  # sentiment labels, oldest first
    trend: str  # improving, worsening, steady, unknown


def has_history(connection: Connection, ticket_id: int) -> bool:
    """Whether the ticket's requester has another ticket in the store."""
    t = TICKETS.c
    requester = select(t.requester_id).where(t.id == ticket_id).scalar_subquery()
    row = connection.execute(
        select(t.id).where(t.requester_id == requester, t.id != ticket_id).limit(1)
    ).first()
    return row is not None


def _trend(scores: Sequence[float]) -> str:
    if len(scores) < 2:
        return "unknown"
    half = len(scores) // 2
    before = sum(scores[:half]) / half
    after = sum(scores[half:]) / (len(scores) - half)
    # A tenth of the scale either way is the least a reader would call a change.
    if after - before >= 0.1:
        return "improving"
    if before - after >= 0.1:
        return "worsening"
    return "steady"


def _first_sentence(text: str) -> str:
    match = re.match(r"\s*(.+?[.!?])(\s|$)", text, flags=re.S)
    return match.group(1) if match else text


def build_card(connection: Connection, ticket_id: int) -> Card | None:
    """The card's facts for a ticket, or None when the ticket is not in the store."""
    t, c = TICKETS.c, COMMENTS.c
    ticket = connection.execute(
        select(t.id, t.subject, t.requester_id).where(t.id == ticket_id)
    ).first()
    if ticket is None:
        return None
    requester = None
    tickets: list[Any] = []
    if ticket.requester_id is not None:
        requester = connection.execute(
            select(USERS.c.name).where(USERS.c.id == ticket.requester_id)
        ).scalar_one_or_none()
        tickets = list(
            connection.execute(
                select(t.id, t.subject, t.channel, t.status, t.created_at)
                .where(t.requester_id == ticket.requester_id, t.deleted.is_(False))
                .order_by(t.created_at.desc(), t.id.desc())
            )
        )
    earlier = [(r.id, r.subject, r.channel, r.status) for r in tickets if r.id != ticket_id]
    ids = [r.id for r in tickets] or [ticket_id]
    comments = list(
        connection.execute(
            select(
                c.id, c.author_role, c.body, SIGNALS.c.sentiment_label, SIGNALS.c.sentiment_score
            )
            .select_from(COMMENTS.outerjoin(SIGNALS, SIGNALS.c.comment_id == c.id))
            .where(c.ticket_id.in_(ids), c.public.is_(True), c.author_role != "system")
            .order_by(c.created_at, c.id)
        )
    )
    told = [r.body for r in comments if r.author_role == "customer" and r.body.strip()]
    asked: list[str] = []
    answered: list[str] = []
    for r in comments:
        if r.author_role != "agent" or not r.body.strip():
            continue
        questions = _QUESTION.findall(r.body)
        if questions:
            asked.append(questions[0].strip())
        else:
            answered.append(_first_sentence(r.body))
    customer = [r for r in comments if r.author_role == "customer" and r.sentiment_label]
    return Card(
        ticket_id=ticket_id,
        subject=ticket.subject,
        requester=requester,
        earlier=earlier[:EARLIER_TICKETS],
        channels=sorted({r.channel for r in tickets}),
        told=told[-QUOTES:],
        asked=asked[-QUOTES:],
        answered=answered[-QUOTES:],
        moods=[r.sentiment_label for r in customer][-5:],
        trend=_trend([r.sentiment_score for r in customer if r.sentiment_score is not None]),
    )


def _quotes(label: str, quotes: list[str]) -> str:
    lines = "\n".join(f"• “{literal(q, QUOTE_CHARS)}”" for q in quotes)
    return f"*{label}*\n{lines}"


TREND_WORDS = {
    "improving": "getting better",
    "worsening": "getting worse",
    "steady": "steady",
    "unknown": "not enough messages to tell",
}


def card_blocks(card: Card, settings: Settings) -> tuple[str, list[dict[str, Any]]]:
    """(fallback text, Block Kit blocks) for a card; at most 8 blocks, every customer string
    escaped or `plain_text`."""
    who = plain(card.requester or "this customer", 60)
    title = f"Context for #{card.ticket_id}: {plain(card.subject or '(no subject)', 80)}"
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": plain(title, 150)}},
    ]
    if card.earlier:
        lines = "\n".join(
            f"• {link(settings.ticket_url(tid), f'#{tid}')} "
            f"{literal(subject or '(no subject)', 80)} ({channel}, {status})"
            for tid, subject, channel, status in card.earlier
        )
        channels = ", ".join(card.channels)
        blocks.append(
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": f"*Earlier tickets from {literal(who)}* (via {channels})\n{lines}",
                },
            }
        )
    else:
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": "*No earlier tickets.*"}}
        )
    for label, quotes in (
        ("They already told us", card.told),
        ("Already asked", card.asked),
        ("Already answered", card.answered),
    ):
        if quotes:
            blocks.append(
                {"type": "section", "text": {"type": "mrkdwn", "text": _quotes(label, quotes)}}
            )
    mood = " → ".join(card.moods) if card.moods else "no analysed messages"
    blocks.append(
        {
            "type": "context",
            "elements": [
                {
                    "type": "mrkdwn",
                    "text": f"Mood: {mood} ({TREND_WORDS[card.trend]})",
                }
            ],
        }
    )
    text = (
        f"Context for #{card.ticket_id}: {len(card.earlier)} earlier ticket(s); "
        f"mood {TREND_WORDS[card.trend]}"
    )
    return text, blocks


def context_card(
    engine: Engine, settings: Settings, ticket_id: int
) -> tuple[str, list[dict[str, Any]]]:
    """(fallback text, Block Kit blocks) of the ticket's context card, for `/alignbot ticket
    N` and the assignment nudge. A ticket not in the store gets a one-line card saying so."""
    with engine.connect() as connection:
        card = build_card(connection, ticket_id)
    if card is None:
        text = f"Ticket #{ticket_id} is not in alignbot's store yet (it syncs every few minutes)."
        return text, [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]
    return card_blocks(card, settings)
