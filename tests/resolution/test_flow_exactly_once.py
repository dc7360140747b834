"""Exactly once, whatever happens between deciding and sending: a crash after the sweep, an
ambiguous 5xx after Zendesk applied the write, and two sweeps and two dispatchers at once
on PostgreSQL all give one request per solve and one comment per reminder, counted on the
Zendesk sandbox."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from flow_support import DAY, World, make_world
from sqlalchemy import Engine, select

from bot.outbox import OUTBOX
from bot.store import make_engine, upgrade


def _world(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.delenv("ZENPY_FORCE_NETLOC", raising=False)
    monkeypatch.delenv("ZENPY_FORCE_SCHEME", raising=False)
    yield from make_world(engine)


@pytest.fixture
def world(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    yield from _world(engine, monkeypatch)


@pytest.fixture
def pg_world(
    new_postgres_database: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[World]:
    engine = make_engine(new_postgres_database(), pool_size=8)
    upgrade(engine)
    try:
        yield from _world(engine, monkeypatch)
    finally:
        engine.dispose()


def requests_on(world: World, ticket: int) -> int:
    return len(world.public_comments_by_us(ticket))


def test_a_crash_between_deciding_and_sending_sends_the_request_once(world: World) -> None:
    ticket = world.open_ticket()
    world.agent_solves(ticket)
    world.advance(60)
    world.sync()
    world.sweep()  # decided and queued; the process dies before dispatching
    world.sweep()  # the restarted job decides again: nothing new
    world.advance(60)
    world.sync()
    world.sweep()
    world.dispatch()
    world.dispatch()
    assert requests_on(world, ticket) == 1
    assert world.events(ticket) == [(None, "awaiting_confirmation", "agent_solve")]


@pytest.mark.parametrize("fault", ["500", "drop"])
def test_an_ambiguous_answer_after_the_write_never_sends_it_twice(world: World, fault: str) -> None:
    ticket = world.open_ticket()
    world.agent_solves(ticket)
    world.advance(60)
    world.sync()
    world.sweep()
    world.zendesk.fail_after_next_write(fault)
    first = world.dispatch()
    world.advance(120)
    second = world.dispatch()
    assert first.sent == 0 and second.sent == 1
    assert requests_on(world, ticket) == 1
    assert world.audits_with_key(ticket, ":request") == 1


def test_a_reminder_lost_to_a_5xx_is_sent_once(world: World) -> None:
    ticket = world.open_ticket()
    world.agent_solves(ticket)
    world.cycle()
    world.advance(2 * DAY)
    world.advance(60)
    world.sync()
    swept = world.sweep()
    assert swept.queued["zendesk.comment"] == 1
    world.zendesk.fail_after_next_write("503")
    world.dispatch()
    world.advance(120)
    world.dispatch()
    assert requests_on(world, ticket) == 2  # the request and one reminder


def test_two_sweeps_and_two_dispatchers_at_once_on_postgresql(pg_world: World) -> None:
    world = pg_world
    tickets = [world.open_ticket() for _ in range(4)]
    for ticket in tickets:
        world.agent_solves(ticket)
    world.advance(60)
    world.sync()

    def race(job: object, count: int = 2) -> None:
        barrier = threading.Barrier(count)
        errors: list[BaseException] = []

        def run(i: int) -> None:
            try:
                barrier.wait(timeout=10)
                job(i)  # type: ignore[operator]
            except BaseException as exc:  # surfaced below
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not errors, errors

    race(lambda i: world.sweep())
    race(lambda i: world.dispatcher(f"w{i}").run_once(world.now()))

    for ticket in tickets:
        assert requests_on(world, ticket) == 1
        assert world.events(ticket) == [(None, "awaiting_confirmation", "agent_solve")]
    with world.engine.connect() as connection:
        keys = connection.execute(select(OUTBOX.c.idempotency_key)).scalars().all()
    assert len([k for k in keys if k.endswith(":request")]) == len(tickets)

    # and the reminders, two days later, raced the same way
    world.advance(2 * DAY)
    world.advance(60)
    world.sync()
    race(lambda i: world.sweep())
    race(lambda i: world.dispatcher(f"w{i}").run_once(world.now()))
    for ticket in tickets:
        assert requests_on(world, ticket) == 2
