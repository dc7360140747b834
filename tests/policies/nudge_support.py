"""Helpers the nudge tests share (no tests here): a hand-made store of agents, customers,
tickets and comments, the settings, and the Slack sandbox with the real client."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, select

from bot.settings import Settings
from bot.store.tables import (
    AGENT_LINKS,
    COMMENTS,
    NUDGES,
    OUTBOX,
    REPLY_FACTS,
    SIGNALS,
    TICKETS,
    USERS,
)
from integrations.slack.client import SlackChat
from integrations.slack.sandbox import SlackSandbox

#: A Wednesday, 10:00 UTC: 11:00 in London (the sandbox's default zone), outside quiet hours.
NOW = datetime(2026, 6, 3, 10, 0, tzinfo=UTC)
ANA, BEN, CHLOE = 11, 12, 13  # agents, in the sandbox's Slack too
DANA = 14  # an agent whose Zendesk email Slack does not know
CUSTOMER, OTHER_CUSTOMER = 21, 22


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {"alignbot_timezone": "UTC", "zendesk_url": "https://acme.zendesk.com"}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def chat(sandbox: SlackSandbox) -> SlackChat:
    return SlackChat("xoxb-sandbox", base_url=sandbox.url, timeout=5)


class Store:
    """Rows inserted at once, with defaults that keep each test to what it is about."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.next_comment = 1000

    def people(self) -> None:
        with self.engine.begin() as c:
            c.execute(
                insert(USERS),
                [
                    {"id": ANA, "name": "Ana Souza", "email": "ana@example.com", "role": "agent"},
                    {"id": BEN, "name": "Ben Carter", "email": "Ben@Example.com", "role": "agent"},
                    {"id": CHLOE, "name": "Chloé", "email": "chloe@example.com", "role": "admin"},
                    {"id": DANA, "name": "Dana", "email": "dana@zendesk.example", "role": "agent"},
                    {"id": CUSTOMER, "name": "Rita <!channel>", "email": None, "role": "end-user"},
                    {"id": OTHER_CUSTOMER, "name": "Sam", "email": None, "role": "end-user"},
                ],
            )

    def agent(self, user_id: int, name: str, email: str) -> None:
        with self.engine.begin() as c:
            c.execute(insert(USERS).values(id=user_id, name=name, email=email, role="agent"))

    def ticket(
        self,
        ticket_id: int,
        *,
        assignee: int | None = ANA,
        requester: int = CUSTOMER,
        status: str = "open",
        subject: str = "Printer on fire",
        channel: str = "email",
        created: datetime = NOW - timedelta(days=1),
        updated: datetime = NOW - timedelta(days=3),  # outside the lookback: no "new assignment"
    ) -> int:
        with self.engine.begin() as c:
            c.execute(
                insert(TICKETS).values(
                    id=ticket_id,
                    subject=subject,
                    status=status,
                    channel=channel,
                    requester_id=requester,
                    assignee_id=assignee,
                    tags=[],
                    custom_fields={},
                    created_at=created,
                    updated_at=updated,
                )
            )
        return ticket_id

    def assign(self, ticket_id: int, assignee: int | None, at: datetime) -> None:
        with self.engine.begin() as c:
            c.execute(
                TICKETS.update()
                .where(TICKETS.c.id == ticket_id)
                .values(assignee_id=assignee, updated_at=at)
            )

    def comment(
        self,
        ticket_id: int,
        body: str,
        *,
        role: str = "customer",
        public: bool = True,
        at: datetime = NOW - timedelta(hours=2),
        author: int | None = None,
        sentiment: tuple[str, float] | None = None,
    ) -> int:
        self.next_comment += 1
        cid = self.next_comment
        with self.engine.begin() as c:
            c.execute(
                insert(COMMENTS).values(
                    id=cid,
                    ticket_id=ticket_id,
                    author_id=author
                    if author is not None
                    else (CUSTOMER if role == "customer" else ANA),
                    author_role=role,
                    public=public,
                    channel="email",
                    body=body,
                    created_at=at,
                )
            )
            if sentiment is not None:
                c.execute(
                    insert(SIGNALS).values(
                        comment_id=cid,
                        ticket_id=ticket_id,
                        role=role,
                        public=public,
                        sentiment_label=sentiment[0],
                        sentiment_score=sentiment[1],
                        body_hash="x",
                        analyzer_version="test",
                        analyzed_at=at,
                    )
                )
        return cid

    def reply_fact(
        self,
        comment_id: int,
        ticket_id: int,
        *,
        author: int = ANA,
        at: datetime = NOW - timedelta(hours=1),
        mood: str | None = "negative",
        upsell: bool = False,
        empathy: str | None = "none",
        weighty: int = 1,
    ) -> None:
        with self.engine.begin() as c:
            c.execute(
                insert(REPLY_FACTS).values(
                    comment_id=comment_id,
                    ticket_id=ticket_id,
                    created_at=at,
                    author_id=author,
                    first=False,
                    history=False,
                    mood=mood,
                    weighty=weighty,
                    empathy=empathy,
                    upsell=upsell,
                    acknowledges=False,
                    redundant=False,
                )
            )


def nudges(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as c:
        return [dict(r) for r in c.execute(select(NUDGES).order_by(NUDGES.c.id)).mappings()]


def outbox(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as c:
        return [dict(r) for r in c.execute(select(OUTBOX).order_by(OUTBOX.c.id)).mappings()]


def link_of(engine: Engine, agent_id: int) -> dict[str, Any] | None:
    with engine.connect() as c:
        row = (
            c.execute(select(AGENT_LINKS).where(AGENT_LINKS.c.zendesk_user_id == agent_id))
            .mappings()
            .first()
        )
    return dict(row) if row else None


def texts(blocks: list[dict[str, Any]]) -> str:
    """Every text a person reads in these blocks, joined."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("text"), str):
                found.append(value["text"])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(blocks)
    return "\n".join(found)
