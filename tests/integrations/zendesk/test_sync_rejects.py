"""Records the store cannot hold as Zendesk sent them are rejected one by one, each with a
logged reason, and the rest of the sync goes on; a rerun does not reject them again.

Bad records are planted in the sandbox's org (every record is a plain dict) and served to
the real client over loopback.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select
from test_sync_cli import run_cli
from test_sync_support import NOW, client_for, ids, point_cli_at

from bot.store import Comment, TicketMetric, make_engine
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync

TOO_BIG = 2**64  # one past what a 64-bit column holds, several times over
JUST_TOO_BIG = 2**63


def rejections(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "alignbot.sync" and r.getMessage().startswith("rejected ")
    ]


def audit_of(org: Any, comment: dict[str, Any]) -> dict[str, Any]:
    return next(e for e in org.ticket_events if e["id"] == comment["audit_id"])


@pytest.fixture
def huge_ids() -> Iterator[tuple[ZendeskSandbox, dict[str, Any]]]:
    """An org with ids too large for a 64-bit column in every kind of record and reference."""
    org = generate_org(tickets=40, seed=12, now=NOW)
    tids = sorted(org.tickets)
    marks: dict[str, Any] = {}
    # A ticket whose own id is too large (a copy of ticket 1, comments left behind).
    twin = copy.deepcopy(org.tickets[tids[0]])
    twin["id"] = TOO_BIG
    org.tickets[TOO_BIG] = twin
    org.ticket_metrics[tids[0]]["id"] = TOO_BIG  # the metric set of ticket 1
    marks["metric_of"] = tids[0]
    org.tickets[tids[1]]["requester_id"] = JUST_TOO_BIG
    # Counts are 32-bit columns (INTEGER on PostgreSQL): too large is stored empty.
    org.ticket_metrics[tids[6]]["replies"] = 2**40
    org.ticket_metrics[tids[6]]["reply_time_in_minutes"] = {"calendar": 2**40, "business": 5}
    marks["huge_counts"] = tids[6]
    marks["bad_requester"] = tids[1]
    org.tickets[tids[2]]["group_id"] = TOO_BIG
    marks["bad_group_ref"] = tids[2]
    user = org.users[org.tickets[tids[3]]["requester_id"]]
    user["organization_id"] = TOO_BIG
    marks["bad_user"] = user["id"]
    org.groups[TOO_BIG] = {**next(iter(org.groups.values())), "id": TOO_BIG, "name": "Huge"}
    with_comments = [t for t in tids[4:] if len(org.comments[t]) >= 2]
    big_comment, big_author = org.comments[with_comments[0]][:2]
    marks["big_comment"] = big_comment["id"]
    big_comment["id"] = TOO_BIG
    big_author["author_id"] = TOO_BIG
    marks["big_author"] = big_author["id"]
    status_audit = next(
        e
        for e in org.ticket_events
        if any(c.get("field_name") == "status" and c["event_type"] == "Change"
               for c in e["child_events"])
    )  # fmt: skip
    status_audit["updater_id"] = TOO_BIG
    marks["bad_change"] = next(
        c["id"] for c in status_audit["child_events"] if c.get("field_name") == "status"
    )
    ratings = sorted(org.satisfaction_ratings)
    org.satisfaction_ratings[ratings[0]]["assignee_id"] = TOO_BIG
    marks["bad_rating"] = ratings[0]
    with ZendeskSandbox(org) as sandbox:
        yield sandbox, marks


def test_an_id_too_large_for_64_bits_rejects_its_record_and_the_rest_is_stored(
    engine: Engine,
    huge_ids: tuple[ZendeskSandbox, dict[str, Any]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    sandbox, marks = huge_ids
    org = sandbox.org
    caplog.set_level(logging.WARNING, logger="alignbot.sync")

    result = sync(engine, client_for(sandbox), full=True)

    assert result.errors == (), result.summary()
    stored_tickets = set(ids(engine, "tickets"))
    assert stored_tickets == set(org.tickets) - {
        TOO_BIG,
        marks["bad_requester"],
        marks["bad_group_ref"],
    }
    assert marks["metric_of"] not in ids(engine, "ticket_metrics")
    with Session(engine) as session:
        counts = session.get(TicketMetric, marks["huge_counts"])
    assert counts is not None and counts.replies == 0
    assert (counts.reply_time_calendar, counts.reply_time_business) == (None, 5)
    assert marks["bad_user"] not in ids(engine, "users")
    assert TOO_BIG not in ids(engine, "groups") and len(ids(engine, "groups")) == 4
    comments = set(ids(engine, "comments"))
    assert marks["big_author"] not in comments and TOO_BIG not in comments
    everything_else = {c["id"] for cs in org.comments.values() for c in cs} - {
        TOO_BIG,
        marks["big_author"],
    }
    assert comments == everything_else
    assert marks["bad_change"] not in ids(engine, "ticket_status_changes")
    assert set(ids(engine, "satisfaction_ratings")) == set(org.satisfaction_ratings) - {
        marks["bad_rating"]
    }
    logged = "\n".join(rejections(caplog))
    assert f"id {TOO_BIG} does not fit a 64-bit id column" in logged
    assert f"ticket {marks['bad_requester']}: requester_id {JUST_TOO_BIG} does not fit" in logged
    assert f"ticket {marks['bad_group_ref']}: group_id {TOO_BIG} does not fit" in logged
    assert f"user {marks['bad_user']}: organization_id {TOO_BIG} does not fit" in logged
    assert f"comment {marks['big_author']}: author_id {TOO_BIG} does not fit" in logged
    assert f"status change {marks['bad_change']}: updater_id {TOO_BIG} does not fit" in logged
    assert f"satisfaction rating {marks['bad_rating']}: assignee_id {TOO_BIG}" in logged
    assert f"metric set of ticket {marks['metric_of']}: id {TOO_BIG} does not fit" in logged
    # Each once, although the group is listed and sideloaded and the user sideloaded and
    # fetched again as a comment author.
    assert result.rejected == len(rejections(caplog)) == 10


def test_sync_cli_with_an_id_too_large_stores_the_rest_and_says_how_many_were_rejected(
    huge_ids: tuple[ZendeskSandbox, dict[str, Any]],
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sandbox, _ = huge_ids
    point_cli_at(sandbox, db_url, monkeypatch, tmp_path)

    code = run_cli(["sync", "--full"])
    line = capsys.readouterr().out.strip().splitlines()[-1]
    again = run_cli(["sync"])
    again_line = capsys.readouterr().out.strip().splitlines()[-1]

    engine = make_engine(db_url)
    try:
        stored = len(ids(engine, "tickets"))
    finally:
        engine.dispose()
    assert code == 0 and line.startswith(f"synced {stored:,} tickets"), line
    assert stored == len(sandbox.org.tickets) - 3
    assert "; 10 rejected," in line and "stopped early" not in line
    # The exports keep positions, so a rerun reads none of their rejected records again;
    # groups (listed whole on every pass) and comment authors no page sideloaded (looked
    # up again while unknown) have no position, so their two rejections come back.
    assert again == 0 and again_line.startswith("synced 0 tickets (0 deleted), 0 comments")
    assert "; 2 rejected," in again_line, again_line


@pytest.fixture
def odd_comments_and_ratings() -> Iterator[tuple[ZendeskSandbox, dict[str, Any]]]:
    """Comments whose `public` is not a boolean, one with no time anywhere, and the two
    newest ratings unstorable (so an incremental pass reads them again)."""
    org = generate_org(tickets=40, seed=13, now=NOW)
    marks: dict[str, Any] = {}
    with_comments = [t for t in sorted(org.comments) if len(org.comments[t]) >= 3]
    said_yes, said_null, timeless = org.comments[with_comments[0]][:3]
    said_yes["public"] = "yes"
    said_null["public"] = None
    timeless.pop("created_at")
    audit = audit_of(org, timeless)
    audit["created_at"], audit["timestamp"] = None, 0
    at_zero = org.comments[with_comments[1]][0]
    at_zero["created_at"] = "1970-01-01T00:00:00Z"
    zero_audit = audit_of(org, at_zero)
    zero_audit["created_at"], zero_audit["timestamp"] = "1970-01-01T00:00:00Z", 0
    marks["at_zero"] = at_zero["id"]
    marks["timeless_change"] = next(
        c["id"] for c in audit["child_events"] if c.get("field_name") == "status"
    )
    org.reindex()
    marks["said_yes"], marks["said_null"], marks["timeless"] = (
        said_yes["id"],
        said_null["id"],
        timeless["id"],
    )
    newest = sorted(org.satisfaction_ratings.values(), key=lambda r: (r["created_at"], r["id"]))
    newest[-1]["id"], newest[-2]["id"] = 0, -3
    with ZendeskSandbox(org) as sandbox:
        yield sandbox, marks


def test_comments_with_a_public_that_is_not_a_boolean_or_no_time_are_rejected_not_guessed(
    engine: Engine,
    odd_comments_and_ratings: tuple[ZendeskSandbox, dict[str, Any]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    sandbox, marks = odd_comments_and_ratings
    caplog.set_level(logging.WARNING, logger="alignbot.sync")

    result = sync(engine, client_for(sandbox), full=True)

    rejected = {marks["said_yes"], marks["said_null"], marks["timeless"], marks["at_zero"]}
    stored = set(ids(engine, "comments"))
    everything = {c["id"] for cs in sandbox.org.comments.values() for c in cs}
    assert stored == everything - rejected
    with Session(engine) as session:
        assert all(c.created_at.year > 2000 for c in session.exec(select(Comment)))
    logged = "\n".join(rejections(caplog))
    assert f"comment {marks['said_yes']}: public 'yes' is not true or false" in logged
    assert f"comment {marks['said_null']}: public None is not true or false" in logged
    assert f"comment {marks['timeless']} has no created_at, nor has its audit" in logged
    assert f"comment {marks['at_zero']} has no created_at, nor has its audit" in logged
    assert f"status change {marks['timeless_change']} has no time" in logged
    assert result.errors == () and result.rejected == 8  # and the two audits' status changes


def test_a_rerun_does_not_reject_and_log_the_same_records_again(
    engine: Engine,
    odd_comments_and_ratings: tuple[ZendeskSandbox, dict[str, Any]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    sandbox, _ = odd_comments_and_ratings
    client = client_for(sandbox)
    caplog.set_level(logging.WARNING, logger="alignbot.sync")
    first = sync(engine, client, full=True)
    first_rejections = rejections(caplog)
    caplog.clear()

    second = sync(engine, client)
    third = sync(engine, client)

    assert first.rejected == 8 and len(first_rejections) == 8
    assert any("satisfaction rating" in line for line in first_rejections)
    assert (second.rejected, third.rejected) == (0, 0)
    assert rejections(caplog) == []
    assert (second.ratings, second.comments) == (0, 0)
