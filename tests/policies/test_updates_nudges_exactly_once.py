"""Each proactive update and each nudge is delivered exactly once, whatever happens between
deciding and delivering: writes Zendesk and Slack took whose answers never came back (what a
crash after the write looks like to the next dispatcher), and two dispatchers racing on one
PostgreSQL. Counted on the sandboxes: comments on each ticket, DMs to each agent."""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select

from bot.outbox import OUTBOX, Dispatcher
from bot.policies import nudges, updates
from bot.settings import Settings
from bot.store import make_engine, upgrade
from integrations.slack.client import SlackChat
from integrations.slack.sandbox import SlackSandbox
from integrations.zendesk.client import ZendeskClient
from integrations.zendesk.helpdesk import ZendeskHelpdesk
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync

ORG_NOW = datetime(2026, 3, 2, tzinfo=UTC)
START = ORG_NOW.timestamp() + 15 * 3600


class World:
    def __init__(self, engine: Engine, zendesk: ZendeskSandbox, slack: SlackSandbox) -> None:
        self.engine, self.zendesk, self.slack = engine, zendesk, slack
        self.settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            zendesk_url=zendesk.url,
            zendesk_email=zendesk.email,
            zendesk_api_token="sandbox",
            slack_bot_token="xoxb-sandbox",
            slack_api_url=slack.url,
            proactive_mode="auto",
            nudge_quiet_hours="00:00-00:00",  # no quiet hours: every agent can be nudged now
            nudge_max_per_hour=50,
        )
        self.chat = SlackChat("xoxb-sandbox", base_url=slack.url, timeout=5)
        sync(engine, ZendeskClient(zendesk.url, email=zendesk.email, api_token="sandbox",
                                   wall_clock=zendesk.now))  # fmt: skip
        for user in zendesk.org.users.values():
            if user.get("role") in ("agent", "admin") and user.get("email"):
                with contextlib.suppress(ValueError):
                    slack.add_user(str(user["email"]), str(user.get("name") or "Agent"))

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.zendesk.now(), UTC)

    def decide(self) -> tuple[int, int]:
        """Run both sweeps; the number of updates and nudge DMs queued."""
        decided = updates.sweep(self.engine, self.settings, self.now())
        nudged = nudges.sweep(
            self.engine, self.settings, self.now(), chat=self.chat, stale=self._stale()
        )
        return decided.counts["queued"], self.queued("slack.dm") if nudged else 0

    def _stale(self) -> list[nudges.StaleItem]:
        from bot.cli.nudges import stale_items

        return stale_items(self.engine, self.settings, self.now())

    def queued(self, kind: str) -> int:
        with self.engine.connect() as connection:
            return len(connection.execute(select(OUTBOX.c.id).where(OUTBOX.c.kind == kind)).all())

    def dispatcher(self, worker: str) -> Dispatcher:
        helpdesk = ZendeskHelpdesk(self.zendesk.url, email=self.zendesk.email, api_token="sandbox")
        return Dispatcher(self.engine, chat=self.chat, helpdesk=helpdesk, worker_id=worker)

    def update_comments(self) -> Counter[int]:
        """Public comments alignbot posted as proactive updates, by ticket."""
        with self.engine.connect() as connection:
            bodies = dict(
                connection.execute(
                    select(OUTBOX.c.target, OUTBOX.c.payload).where(
                        OUTBOX.c.kind == "zendesk.proactive_update"
                    )
                ).all()
            )
        counts: Counter[int] = Counter()
        for target, payload in bodies.items():
            ticket = int(target)
            body = str(payload["body"]).strip()
            counts[ticket] = sum(
                1
                for c in self.zendesk.org.comments.get(ticket, [])
                if c.get("public") and c.get("body", "").strip() == body
            )
        return counts

    def dms(self) -> int:
        return sum(1 for m in self.slack.messages if m.channel.startswith("D"))


def make(engine: Engine) -> Iterator[World]:
    zendesk = ZendeskSandbox(generate_org(tickets=80, seed=5, now=ORG_NOW), clock=lambda: START)
    with zendesk, SlackSandbox(clock=zendesk.now) as slack:
        yield World(engine, zendesk, slack)


@pytest.fixture
def world(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.delenv("ZENPY_FORCE_NETLOC", raising=False)
    monkeypatch.delenv("ZENPY_FORCE_SCHEME", raising=False)
    yield from make(engine)


@pytest.fixture
def pg_world(
    new_postgres_database: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[World]:
    monkeypatch.delenv("ZENPY_FORCE_NETLOC", raising=False)
    monkeypatch.delenv("ZENPY_FORCE_SCHEME", raising=False)
    engine = make_engine(new_postgres_database(), pool_size=8)
    upgrade(engine)
    try:
        yield from make(engine)
    finally:
        engine.dispose()


def test_writes_taken_whose_answers_were_lost_are_delivered_once_by_the_next_dispatcher(
    world: World,
) -> None:
    updates_queued, dms_queued = world.decide()
    assert updates_queued >= 2 and dms_queued >= 1
    # The first write to each service is taken, and its answer never comes back.
    world.zendesk.fail_after_next_write("drop")
    world.slack.accept_then_fail = 1
    world.dispatcher("dies").run_once(world.now())
    world.zendesk.advance(300)  # past the claim timeout: the restarted dispatcher takes over
    world.dispatcher("restarted").run_once(world.now())

    comments = world.update_comments()
    assert len(comments) == updates_queued and set(comments.values()) == {1}
    assert world.dms() == dms_queued


def test_two_dispatchers_racing_on_postgresql_deliver_each_once(pg_world: World) -> None:
    world = pg_world
    updates_queued, dms_queued = world.decide()
    assert updates_queued >= 2 and dms_queued >= 1
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(worker: str) -> None:
        try:
            barrier.wait(timeout=10)
            world.dispatcher(worker).run_once(world.now())
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f"w{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors

    comments = world.update_comments()
    assert len(comments) == updates_queued and set(comments.values()) == {1}
    assert world.dms() == dms_queued
    # and deciding again queues nothing more
    assert world.decide() == (0, dms_queued)
