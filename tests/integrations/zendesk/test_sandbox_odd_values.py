"""The sandbox serves what a fixture or a test plants as Zendesk would, as JSON, however odd:
a lone surrogate in any text (JSON's `\\ud800` escape is valid JSON text) and an id that is
an object. Before, the first came back as an empty answer counted as a 200 and the second
as a 500, so the client retried and gave up instead of meeting the odd value it must handle.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine
from sqlmodel import Session
from test_sync_cli import run_cli
from test_sync_support import NOW, client_for, ids, point_cli_at

from bot.store import Comment, Group, SatisfactionRating, Ticket, User
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org, load_fixture
from integrations.zendesk.sync import sync

LONE = "\ud800"
EXPORTS = (
    "/api/v2/incremental/tickets/cursor.json?start_time=0&include=users,groups,organizations",
    "/api/v2/incremental/ticket_events.json?start_time=0&include=comment_events",
    "/api/v2/satisfaction_ratings.json?page[size]=100",
    "/api/v2/groups.json",
    "/api/v2/users.json",
    "/api/v2/users/me.json",
    "/api/v2/tickets/2/comments.json",
)


def surrogate_fixture(path: Path) -> dict[str, Any]:
    """A fixture file with a lone surrogate in every kind of text; what was planted where."""
    document = generate_org(tickets=12, seed=21, now=NOW).to_fixture()
    ticket = document["tickets"][1]
    ticket["subject"] = f"Refund {LONE} please"
    ticket["tags"] = [f"vip{LONE}"]
    ticket["via"] = {"channel": f"email{LONE}", "source": {}}
    ticket["custom_fields"] = [{"id": 360000222, "value": f"note {LONE}"}]
    comment = ticket["comments"][0]
    comment["body"] = f"It broke {LONE} again"
    requester = next(u for u in document["users"] if u["id"] == ticket["requester_id"])
    requester["name"] = f"Ana {LONE}"
    document["groups"][0]["name"] = f"Billing {LONE}"
    rating = document["satisfaction_ratings"][0]
    rating["comment"] = f"Thanks {LONE}"
    # json.dumps escapes the surrogates as \ud800: valid JSON text, as a fixture may hold.
    path.write_text(json.dumps(document))
    return {
        "ticket": ticket["id"],
        "comment": comment["id"],
        "user": requester["id"],
        "group": document["groups"][0]["id"],
        "rating": rating["id"],
    }


def test_every_endpoint_serves_a_lone_surrogate_as_a_json_escape_not_an_empty_200(
    tmp_path: Path,
) -> None:
    surrogate_fixture(tmp_path / "org.json")
    with ZendeskSandbox(load_fixture(tmp_path / "org.json")) as sandbox:
        auth = (f"{sandbox.email}/token", "sandbox")
        with httpx.Client(base_url=sandbox.url, auth=auth, timeout=5) as http:
            answers = {path: http.get(path) for path in EXPORTS}

    for path, answer in answers.items():
        assert answer.status_code == 200, path
        assert isinstance(answer.json(), dict), path  # parses: a JSON object, not b""
    exported = answers[EXPORTS[0]]
    assert "\\ud800" in exported.text
    assert f"Refund {LONE} please" in [t["subject"] for t in exported.json()["tickets"]]


def test_a_fixture_with_lone_surrogates_syncs_with_them_replaced_on_both_stores(
    engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    marks = surrogate_fixture(tmp_path / "org.json")
    caplog.set_level(logging.WARNING, logger="alignbot.sync")
    with ZendeskSandbox(load_fixture(tmp_path / "org.json")) as sandbox:
        result = sync(engine, client_for(sandbox), full=True)
        statuses = dict(sandbox.stats.by_status)

    assert result.errors == () and result.rejected == 0, result.summary()
    assert set(statuses) == {200}, statuses
    with Session(engine) as session:
        ticket = session.get(Ticket, marks["ticket"])
        comment = session.get(Comment, marks["comment"])
        user = session.get(User, marks["user"])
        group = session.get(Group, marks["group"])
        rating = session.get(SatisfactionRating, marks["rating"])
    assert ticket is not None and ticket.subject == "Refund ? please"
    assert ticket.tags == ["vip?"] and ticket.via_channel == "email?"
    assert ticket.custom_fields == {"360000222": "note ?"}
    assert comment is not None and comment.body == "It broke ? again"
    assert user is not None and user.name == "Ana ?"
    assert group is not None and group.name == "Billing ?"
    assert rating is not None and rating.comment == "Thanks ?"
    (ticket_line,) = [
        r.getMessage()
        for r in caplog.records
        if r.getMessage().startswith(f"stored ticket {marks['ticket']} after repair:")
    ]
    for field in ("subject", "via.channel", "custom_fields"):
        assert f"{field} had NUL or invalid characters" in ticket_line


def test_sync_cli_against_a_fixture_with_lone_surrogates_exits_0_and_says_what_was_repaired(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    surrogate_fixture(tmp_path / "org.json")
    with ZendeskSandbox(load_fixture(tmp_path / "org.json")) as sandbox:
        point_cli_at(sandbox, db_url, monkeypatch, tmp_path)
        code = run_cli(["sync", "--full"], sleep=lambda seconds: None)

    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert code == 0, line
    assert line.startswith("synced 12 tickets") and "0 rejected" in line
    assert "repaired (see the log)" in line and "stopped early" not in line


def test_object_valued_ids_are_served_as_json_and_rejected_by_the_sync_with_a_reason(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    org = generate_org(tickets=12, seed=22, now=NOW)
    odd = {"id": 7}
    rating_key = sorted(org.satisfaction_ratings)[0]
    org.satisfaction_ratings[rating_key]["id"] = odd
    org.users[org.api_user()["id"]]["id"] = odd  # the admin the token acts as
    comment = org.comments[sorted(org.comments)[2]][0]
    comment_id, comment["id"] = comment["id"], odd
    caplog.set_level(logging.WARNING, logger="alignbot.sync")
    with ZendeskSandbox(org) as sandbox:
        auth = ("someone@example.com/token", "sandbox")
        with httpx.Client(base_url=sandbox.url, auth=auth, timeout=5) as http:
            answers = {path: http.get(path) for path in EXPORTS}
        result = sync(engine, client_for(sandbox), full=True)
        statuses = dict(sandbox.stats.by_status)

    assert {path: a.status_code for path, a in answers.items()} == dict.fromkeys(EXPORTS, 200)
    assert set(statuses) == {200}, statuses
    assert result.errors == (), result.summary()
    assert rating_key not in ids(engine, "satisfaction_ratings")
    assert comment_id not in ids(engine, "comments")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "rejected satisfaction rating: id {'id': 7} is not a positive number" in logged
    assert "rejected comment: id {'id': 7} is not a positive number" in logged
    assert "rejected user: id {'id': 7} is not a positive number" in logged
