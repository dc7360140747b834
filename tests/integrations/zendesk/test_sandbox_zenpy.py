"""zenpy itself, pointed at the sandbox, reads and writes as it would against Zendesk.

zenpy is given the session `loopback_session` builds, whose transport adapter sends its
https://sandbox.zendesk.com requests to 127.0.0.1 over plain HTTP; nothing in the client is
replaced.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from zenpy import Zenpy
from zenpy.lib.api_objects import Comment

from integrations.zendesk.helpdesk import loopback_session
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

NOW = datetime(2026, 3, 2, tzinfo=UTC)


@pytest.fixture
def sandbox() -> Iterator[ZendeskSandbox]:
    # The sync runs right after each write, on this thread, with nothing else writing: no
    # export delay needed (the sandbox's default one second would hide the writes).
    org = generate_org(tickets=120, seed=5, now=NOW)
    with ZendeskSandbox(org, export_delay_seconds=0) as running:
        yield running


@pytest.fixture
def zenpy(sandbox: ZendeskSandbox) -> Zenpy:
    return Zenpy(
        subdomain="sandbox",
        email=sandbox.email,
        token="sandbox",
        timeout=10,
        session=loopback_session(sandbox.url),
    )


def test_zenpy_pages_through_every_ticket_with_cursor_export(
    sandbox: ZendeskSandbox, zenpy: Zenpy
) -> None:
    tickets = list(zenpy.tickets.incremental(start_time=0, paginate_by_time=False, per_page=25))

    assert sorted(t.id for t in tickets) == sorted(sandbox.org.tickets)
    stamps = [t.generated_timestamp for t in tickets]
    assert stamps == sorted(stamps), "the export is ordered by generated_timestamp"
    assert sandbox.stats.by_path["/api/v2/incremental/tickets/cursor.json"] == 5


def test_zenpy_reads_ticket_events_with_comment_bodies(
    sandbox: ZendeskSandbox, zenpy: Zenpy
) -> None:
    events = list(zenpy.tickets.events(start_time=0, include="comment_events", per_page=100))

    comments = [
        child
        for event in events
        for child in event.child_events
        if child.get("event_type") == "Comment"
    ]
    stored = sum(len(c) for c in sandbox.org.comments.values())
    assert len({c["id"] for c in comments}) == stored
    assert all("body" in c and "html_body" in c and "public" in c for c in comments)
    assert not any(k.startswith("_") for c in comments for k in c)


def test_zenpy_reads_one_ticket_its_comments_and_the_api_user(
    sandbox: ZendeskSandbox, zenpy: Zenpy
) -> None:
    ticket = zenpy.tickets(id=3)
    comments = list(zenpy.tickets.comments(ticket=3))
    me = zenpy.users.me()

    assert ticket.subject == sandbox.org.tickets[3]["subject"]
    assert [c.body for c in comments] == [c["body"] for c in sandbox.org.comments[3]]
    assert me.email == sandbox.email and me.role == "admin"


def test_a_zenpy_update_with_a_public_comment_reaches_the_org_and_the_next_sync(
    sandbox: ZendeskSandbox, zenpy: Zenpy
) -> None:
    first_sync = zenpy.tickets.incremental(start_time=0, paginate_by_time=False)
    assert len(list(first_sync)) == len(sandbox.org.tickets)
    open_id = next(t for t, v in sandbox.org.tickets.items() if v["status"] == "open")

    ticket = zenpy.tickets(id=open_id)
    ticket.comment = Comment(
        body="Here is where things stand: a new part ships today.", public=True
    )
    audit = zenpy.tickets.update(ticket)

    assert audit.ticket.id == open_id
    stored = sandbox.org.comments[open_id][-1]
    assert stored["body"].startswith("Here is where things stand") and stored["public"]
    next_page = list(zenpy.tickets.incremental(cursor=first_sync.after_cursor))
    assert [t.id for t in next_page] == [open_id]
    since = int(time.time()) - 120
    events = list(zenpy.tickets.events(start_time=since, include="comment_events"))
    bodies = [c.get("body") for e in events for c in e.child_events]
    assert "Here is where things stand: a new part ships today." in bodies


def test_zenpy_reads_satisfaction_ratings_page_by_page(
    sandbox: ZendeskSandbox, zenpy: Zenpy
) -> None:
    since = datetime(2026, 1, 1, tzinfo=UTC)
    ratings = list(zenpy.satisfaction_ratings(start_time=since, cursor_pagination=10))

    assert sorted(r.id for r in ratings) == sorted(sandbox.org.satisfaction_ratings)
    pages = sandbox.stats.by_path["/api/v2/satisfaction_ratings.json"]
    assert pages == -(-len(ratings) // 10) > 1


def test_zenpy_pages_through_the_time_based_export_too(
    sandbox: ZendeskSandbox, zenpy: Zenpy
) -> None:
    tickets = list(zenpy.tickets.incremental(start_time=0, paginate_by_time=True, per_page=40))

    assert {t.id for t in tickets} == set(sandbox.org.tickets)
    assert sandbox.stats.by_path["/api/v2/incremental/tickets.json"] >= 3
