"""A record dated in the future (a bad import, a clock error) is stored and logged, and no
stream's position ever runs ahead of the present: what happens after it is still synced.

The sandbox and the client share one fake clock, so "the present" is a fixed moment and
moving it forward is a line of code, never a sleep.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from test_sync_cli import run_cli
from test_sync_support import NOW, Clock, client_for, ids, point_cli_at

from bot.store import make_engine
from bot.store.tables import SYNC_STATE
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sandbox.org import from_iso, iso
from integrations.zendesk.streams import AHEAD_TOLERANCE_SECONDS
from integrations.zendesk.sync import sync

FUTURE = "2099-01-01T00:00:00Z"


@pytest.fixture
def clock() -> Clock:
    return Clock((NOW + timedelta(days=1)).timestamp())


@pytest.fixture
def future_org(clock: Clock) -> Iterator[tuple[ZendeskSandbox, dict[str, Any]]]:
    """A sandbox whose org holds one comment, one status change, one ticket and one rating
    dated 2099."""
    org = generate_org(tickets=30, seed=4, now=NOW)
    marks: dict[str, Any] = {}
    tids = sorted(org.tickets)
    # The newest comment of one ticket, and its audit (which also carries a status change).
    audit = next(
        e
        for e in reversed(org.ticket_events)
        if any(c.get("field_name") == "status" for c in e["child_events"])
        and any(c.get("type") == "Comment" for c in e["child_events"])
    )
    audit["timestamp"], audit["created_at"] = from_iso(FUTURE), FUTURE
    comment = next(c for c in audit["child_events"] if c.get("type") == "Comment")
    comment["created_at"] = FUTURE
    marks["audit"], marks["comment"] = audit["id"], comment["id"]
    marks["change"] = next(
        c["id"] for c in audit["child_events"] if c.get("field_name") == "status"
    )
    future_ticket = org.tickets[tids[0]]
    org.retime_ticket(future_ticket, from_iso(FUTURE))
    marks["ticket"] = tids[0]
    rating = org.satisfaction_ratings[sorted(org.satisfaction_ratings)[0]]
    rating["created_at"] = rating["updated_at"] = FUTURE
    marks["rating"] = rating["id"]
    org.reindex()
    marks["later_ticket"] = tids[5]
    # No export delay: it would hold back a record dated ahead of the present, and what this
    # file tests is what the sync does when an export hands one out (a clock error).
    with ZendeskSandbox(org, clock=clock, export_delay_seconds=0) as sandbox:
        yield sandbox, marks


def something_happens_later(sandbox: ZendeskSandbox, clock: Clock, ticket_id: int) -> int:
    """An hour later a customer writes on a ticket and rates another one; the rating's id."""
    clock.now += 3600
    ticket = sandbox.org.tickets[ticket_id]
    sandbox.touch_ticket(ticket_id, "any news on this?", author_id=ticket["requester_id"])
    rating_id = max(sandbox.org.satisfaction_ratings) + 1
    sandbox.org.satisfaction_ratings[rating_id] = {
        "id": rating_id,
        "ticket_id": ticket_id,
        "score": "good",
        "comment": "Thanks!",
        "created_at": iso(clock.now),
        "updated_at": iso(clock.now),
    }
    return rating_id


def positions(engine: Engine) -> dict[str, int | None]:
    with engine.connect() as conn:
        rows = conn.execute(select(SYNC_STATE.c.stream, SYNC_STATE.c.start_time)).all()
    return {stream: start for stream, start in rows}


def test_a_record_dated_in_the_future_is_stored_logged_and_holds_back_no_later_record(
    engine: Engine,
    future_org: tuple[ZendeskSandbox, dict[str, Any]],
    clock: Clock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    sandbox, marks = future_org
    caplog.set_level(logging.WARNING, logger="alignbot.sync")
    client = client_for(sandbox, wall_clock=clock)

    first = sync(engine, client, full=True)
    first_log = [r.getMessage() for r in caplog.records if "after the present" in r.getMessage()]
    caplog.clear()
    held = positions(engine)
    new_rating = something_happens_later(sandbox, clock, marks["later_ticket"])
    new_comment = sandbox.org.comments[marks["later_ticket"]][-1]["id"]
    second = sync(engine, client)
    second_log = [r.getMessage() for r in caplog.records if "after the present" in r.getMessage()]

    assert first.errors == () and first.ahead == 3, first.summary()
    assert marks["comment"] in ids(engine, "comments")
    assert marks["change"] in ids(engine, "ticket_status_changes")
    assert marks["ticket"] in ids(engine, "tickets")
    assert marks["rating"] in ids(engine, "satisfaction_ratings")
    assert len(first_log) == 3, first_log
    assert any(f"ticket {marks['ticket']} is dated 2099-01-01T00:00:00Z" in m for m in first_log)
    assert any(
        f"audit {marks['audit']} of ticket" in m
        and f"comment {marks['comment']}" in m
        and f"status change {marks['change']}" in m
        and "dated 2099-01-01T00:00:00Z" in m
        for m in first_log
    )
    assert any(
        f"satisfaction rating {marks['rating']} is dated 2099-01-01T00:00:00Z" in m
        for m in first_log
    )
    present = clock.now - 3600 + AHEAD_TOLERANCE_SECONDS
    assert all(start is None or start <= present for start in held.values()), held

    assert second.errors == () and second.ahead == 0 and second_log == []
    assert new_comment in ids(engine, "comments")
    assert new_rating in ids(engine, "satisfaction_ratings")
    assert (second.tickets, second.comments, second.ratings) == (1, 1, 1), second.summary()
    assert all(start is None or start <= clock.now for start in positions(engine).values())


def test_a_rerun_after_a_future_dated_record_writes_and_logs_nothing_new(
    engine: Engine,
    future_org: tuple[ZendeskSandbox, dict[str, Any]],
    clock: Clock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    sandbox, _ = future_org
    client = client_for(sandbox, wall_clock=clock)
    caplog.set_level(logging.WARNING, logger="alignbot")
    sync(engine, client, full=True)
    caplog.clear()

    again = sync(engine, client)

    assert (again.tickets, again.comments, again.ratings, again.ahead) == (0, 0, 0, 0)
    assert [r.getMessage() for r in caplog.records] == []


def test_sync_cli_says_a_future_dated_record_was_stored_and_a_later_sync_gets_what_followed(
    future_org: tuple[ZendeskSandbox, dict[str, Any]],
    clock: Clock,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sandbox, marks = future_org
    point_cli_at(sandbox, db_url, monkeypatch, tmp_path)

    first = run_cli(["sync", "--full"], clock=clock)
    first_out = capsys.readouterr().out.strip().splitlines()
    new_rating = something_happens_later(sandbox, clock, marks["later_ticket"])
    second = run_cli(["sync"], clock=clock)
    second_out = capsys.readouterr().out.strip().splitlines()

    assert first == 0 and first_out[-1].endswith("; 3 dated in the future, stored (see the log)")
    assert second == 0 and second_out[-1].startswith("synced 1 tickets (0 deleted), 1 comments")
    assert "dated in the future" not in second_out[-1]
    engine = make_engine(db_url)
    try:
        assert new_rating in ids(engine, "satisfaction_ratings")
    finally:
        engine.dispose()
