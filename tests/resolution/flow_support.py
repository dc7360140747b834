"""The resolution flow end to end, as the tests drive it (no tests here): the Zendesk and
Slack sandboxes on one stopped clock, the real clients (ZendeskClient for the sync, zenpy
for the writes, slack_sdk for the DM), the store, and one `cycle()` = sync, sweep, dispatch,
exactly as the scheduler will run them."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from zenpy import Zenpy
from zenpy.lib.api_objects import Comment, Ticket

from bot.outbox import Dispatcher, DispatchResult
from bot.resolution.sweep import SweepResult, sweep
from bot.settings import Settings
from bot.store.tables import RESOLUTION_EVENTS, RESOLUTION_STATES
from integrations.slack.client import SlackChat
from integrations.slack.sandbox import SlackSandbox
from integrations.zendesk.client import ZendeskClient
from integrations.zendesk.helpdesk import ZendeskHelpdesk, loopback_session
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync

HOUR, DAY = 3600, 86_400
ORG_NOW = datetime(2026, 3, 2, tzinfo=UTC)
START = ORG_NOW.timestamp() + 10 * HOUR  # 10:00 UTC: outside the default quiet hours
SECRET = "s" * 40
PUBLIC_URL = "https://help.example.com/alignbot"
AGENT_EMAIL = "agent.flow@example.com"


def settings_for(zendesk: ZendeskSandbox, slack: SlackSandbox, **more: Any) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        zendesk_url=zendesk.url,
        zendesk_email=zendesk.email,
        zendesk_api_token="sandbox",
        slack_bot_token="xoxb-sandbox",
        slack_api_url=slack.url,
        alignbot_link_secret=SECRET,
        alignbot_public_url=PUBLIC_URL,
        **more,
    )


@dataclass
class Cycle:
    swept: SweepResult
    sent: DispatchResult


@dataclass
class World:
    engine: Engine
    zendesk: ZendeskSandbox
    slack: SlackSandbox
    settings: Settings
    worker: str = "w1"
    client: ZendeskClient = field(init=False)

    def __post_init__(self) -> None:
        self.client = ZendeskClient(
            self.zendesk.url,
            email=self.zendesk.email,
            api_token="sandbox",
            requests_per_minute=10_000,
            wall_clock=self.zendesk.now,
            sleep=lambda _: None,
        )
        self.helpdesk = ZendeskHelpdesk(
            self.zendesk.url, email=self.zendesk.email, api_token="sandbox", timeout=10
        )
        self.zenpy = Zenpy(
            subdomain="sandbox",
            email=self.zendesk.email,
            token="sandbox",
            timeout=10,
            session=loopback_session(self.zendesk.url),
        )

    # ----- time and the jobs ----------------------------------------------------------

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.zendesk.now(), UTC)

    def advance(self, seconds: float) -> None:
        self.zendesk.advance(seconds)

    def sync(self) -> None:
        sync(self.engine, self.client)

    def sweep(self) -> SweepResult:
        return sweep(self.engine, self.settings, self.now())

    def dispatcher(self, worker: str | None = None) -> Dispatcher:
        chat = SlackChat("xoxb-sandbox", base_url=self.slack.url, timeout=5)
        return Dispatcher(
            self.engine, chat=chat, helpdesk=self.helpdesk, worker_id=worker or self.worker
        )

    def dispatch(self) -> DispatchResult:
        return self.dispatcher().run_once(self.now())

    def cycle(self) -> Cycle:
        """One scheduled round: sync, sweep, dispatch (a minute later: the sync reads
        what happened up to a minute ago, as Zendesk's exports do)."""
        self.advance(60)
        self.sync()
        swept = self.sweep()
        return Cycle(swept, self.dispatch())

    # ----- people -----------------------------------------------------------------------

    def open_ticket(self, locale: str = "en-US", time_zone: str = "UTC") -> int:
        """An open ticket whose requester speaks `locale`, assigned to an agent Slack knows."""
        org = self.zendesk.org
        ticket_id = next(
            t
            for t, v in sorted(org.tickets.items())
            if v["status"] == "open"
            and v.get("assignee_id")
            and org.users.get(v.get("requester_id"), {}).get("role") == "end-user"
            and not getattr(self, "_taken", set()).__contains__(t)
        )
        self.__dict__.setdefault("_taken", set()).add(ticket_id)
        ticket = org.tickets[ticket_id]
        requester = org.users[ticket["requester_id"]]
        requester["locale"] = locale
        # Zendesk gives a Rails name in time_zone and the IANA one beside it.
        requester["iana_time_zone"] = time_zone or "UTC"
        assignee = org.users[ticket["assignee_id"]]
        email = assignee.get("email") or AGENT_EMAIL
        with contextlib.suppress(ValueError):  # already there: one agent, several tickets
            self.slack.add_user(email, assignee.get("name") or "Agent")
        return ticket_id

    def agent_solves(self, ticket_id: int, reply: str = "This is fixed now.") -> None:
        self.helpdesk.update_ticket(ticket_id, status="solved", comment=reply, public=True)

    def customer_says(self, ticket_id: int, text: str) -> None:
        requester = self.zendesk.org.tickets[ticket_id]["requester_id"]
        update = Ticket(id=ticket_id)
        update.comment = Comment(body=text, author_id=requester)
        self.zenpy.tickets.update(update)

    # ----- what happened ----------------------------------------------------------------

    def ticket(self, ticket_id: int) -> dict[str, Any]:
        return self.zendesk.org.tickets[ticket_id]

    def public_comments_by_us(self, ticket_id: int, marker: str = "/r/") -> list[str]:
        """Public comments alignbot posted carrying answer links."""
        return [
            c["body"]
            for c in self.zendesk.org.comments.get(ticket_id, [])
            if c.get("public") and marker in c.get("body", "")
        ]

    def events(self, ticket_id: int) -> list[tuple[str | None, str, str]]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(
                    RESOLUTION_EVENTS.c.from_state,
                    RESOLUTION_EVENTS.c.to_state,
                    RESOLUTION_EVENTS.c.cause,
                )
                .where(RESOLUTION_EVENTS.c.ticket_id == ticket_id)
                .order_by(RESOLUTION_EVENTS.c.id)
            ).all()
        return [tuple(r) for r in rows]  # type: ignore[misc]

    def state(self, ticket_id: int) -> str | None:
        with self.engine.connect() as connection:
            return connection.execute(
                select(RESOLUTION_STATES.c.state).where(RESOLUTION_STATES.c.ticket_id == ticket_id)
            ).scalar()

    def dms(self) -> list[Any]:
        return [m for m in self.slack.messages if m.channel.startswith("D")]

    def audits_with_key(self, ticket_id: int, fragment: str) -> int:
        """How many of the ticket's audits carry an alignbot key containing `fragment`."""
        return sum(
            1
            for audit in self.zendesk.org.audits_of(ticket_id)
            if fragment in str((audit.get("_custom_metadata") or {}).get("alignbot_key", ""))
        )


def make_world(engine: Engine) -> Iterator[World]:
    """Both sandboxes on one stopped clock at START, the org synced, and the flow switched
    on by a first sweep (earlier solves are not asked about). A fixture's body."""
    org = generate_org(tickets=60, seed=11, now=ORG_NOW)
    zendesk = ZendeskSandbox(org, clock=lambda: START)
    with zendesk, SlackSandbox(clock=zendesk.now) as slack:
        made = World(engine, zendesk, slack, settings_for(zendesk, slack))
        made.sync()
        made.sweep()
        yield made
