"""A sync stores a whole org, changes nothing when nothing changed, brings exactly what
changed, and costs pages, not tickets (on SQLite and PostgreSQL, over loopback)."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select
from sqlmodel import Session
from test_sync_support import NOW, client_for, comment_ids, ids, people_of, snapshot

from bot.store import Comment, SatisfactionRating, SyncState, Ticket, TicketMetric, User
from bot.store.stats import store_stats
from integrations.zendesk.channels import channel_for
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync


@pytest.fixture
def sandbox() -> Iterator[ZendeskSandbox]:
    # The sync runs right after each write, on this thread, with nothing else writing: no
    # export delay needed (the sandbox's default one second would hide the writes).
    org = generate_org(tickets=300, seed=7, now=NOW)
    with ZendeskSandbox(org, export_delay_seconds=0) as running:
        yield running


def test_a_full_syncs_summary_counts_the_rows_the_store_holds(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    # Pages of 50 tickets: every page sideloads the same few groups and many of the same
    # agents, which a count per page would add up again and again.
    sandbox.delete_ticket(next(iter(sandbox.org.tickets)))
    result = sync(engine, client_for(sandbox, page_size=50), full=True)
    stored = store_stats(engine)

    assert stored.tickets > 50, "several pages, each with its own sideloads"
    assert (
        result.tickets,
        result.deleted,
        result.comments,
        result.users,
        result.groups,
        result.metrics,
        result.ratings,
    ) == (
        stored.tickets,
        stored.deleted_tickets,
        stored.comments,
        stored.users,
        stored.groups,
        stored.ticket_metrics,
        stored.satisfaction_ratings,
    )
    assert f"{stored.users:,} users, {stored.groups:,} groups" in result.summary()


def test_a_full_sync_stores_every_record_of_the_org(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    org = sandbox.org
    result = sync(engine, client_for(sandbox), full=True)

    assert result.errors == () and result.rejected == 0
    assert ids(engine, "tickets") == sorted(org.tickets)
    assert ids(engine, "comments") == comment_ids(org)
    assert set(ids(engine, "users")) == people_of(org)
    assert ids(engine, "groups") == sorted(org.groups)
    assert ids(engine, "ticket_metrics") == sorted(org.ticket_metrics)
    assert ids(engine, "satisfaction_ratings") == sorted(org.satisfaction_ratings)
    assert (result.tickets, result.comments, result.ratings) == (
        len(org.tickets),
        len(comment_ids(org)),
        len(org.satisfaction_ratings),
    )
    with Session(engine) as session:
        for ticket in session.exec(select(Ticket)).scalars():
            raw = org.tickets[ticket.id]
            assert (ticket.subject, ticket.status, ticket.tags) == (
                raw["subject"],
                raw["status"],
                raw["tags"],
            )
            assert ticket.channel == channel_for(raw["via"]["channel"])[0] != "other"
            assert ticket.created_at.isoformat().replace("+00:00", "Z") == raw["created_at"]
        by_id = {c["id"]: (t, c) for t, cs in org.comments.items() for c in cs}
        for comment in session.exec(select(Comment)).scalars():
            ticket_id, raw = by_id[comment.id]
            author = org.users[raw["author_id"]]
            assert (comment.ticket_id, comment.body, comment.public) == (
                ticket_id,
                raw["body"],
                raw["public"],
            )
            expected = "customer" if author["role"] == "end-user" else "agent"
            assert comment.author_role == expected
        for user in session.exec(select(User)).scalars():
            assert user.time_zone == org.users[user.id]["iana_time_zone"]
            assert user.role == org.users[user.id]["role"]
        for metric in session.exec(select(TicketMetric)).scalars():
            raw = org.ticket_metrics[metric.ticket_id]
            assert metric.reopens == raw["reopens"] and metric.replies == raw["replies"]
            first = raw["first_resolution_time_in_minutes"]["calendar"]
            assert metric.first_resolution_time_calendar == first
        for rating in session.exec(select(SatisfactionRating)).scalars():
            raw = org.satisfaction_ratings[rating.id]
            assert (rating.score, rating.comment, rating.ticket_id) == (
                raw["score"],
                raw["comment"],
                raw["ticket_id"],
            )
    stats = store_stats(engine).as_json()
    assert stats["tickets"] == len(org.tickets) and stats["deleted_tickets"] == 0
    assert set(stats["streams"]) == {"tickets", "ticket_events", "satisfaction_ratings"}


def test_a_second_sync_with_no_changes_changes_nothing(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    client = client_for(sandbox)
    sync(engine, client, full=True)
    before = snapshot(engine)

    again = sync(engine, client)

    assert snapshot(engine) == before
    assert (again.tickets, again.comments, again.ratings, again.users) == (0, 0, 0, 0)


def test_an_incremental_sync_brings_exactly_what_changed(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    client = client_for(sandbox)
    sync(engine, client, full=True)
    before = snapshot(engine)
    org = sandbox.org
    waiting = next(t for t, v in org.tickets.items() if v["status"] == "pending")
    requester = org.tickets[waiting]["requester_id"]
    new_comment = sandbox.touch_ticket(waiting, "Any news? It still fails.", author_id=requester)
    gone = next(t for t, v in org.tickets.items() if v["status"] == "open")
    sandbox.delete_ticket(gone)

    result = sync(engine, client)

    assert (result.tickets, result.comments, result.deleted) == (2, 1, 1)
    after = snapshot(engine)
    reopen = max(after["ticket_status_changes"])  # the customer's reply: pending -> open
    assert "'pending'" in after["ticket_status_changes"][reopen]
    for table in after:
        changed = {k for k, row in after[table].items() if before[table].get(k) != row}
        expected = {
            "tickets": {waiting, gone},
            "comments": {new_comment["id"]},
            "ticket_metrics": {waiting},  # the customer's reply reopened it
            "ticket_status_changes": {reopen},
            # Its unsolved run now ends in the status the reply set (`status`, `status_at`).
            "ticket_runs": {max(k for k in after["ticket_runs"] if k[0] == waiting)},
        }.get(table, set())
        assert changed == expected, table
    with Session(engine) as session:
        reopened = session.get(Ticket, waiting)
        deleted = session.get(Ticket, gone)
        comment = session.get(Comment, new_comment["id"])
    assert reopened is not None and reopened.status == "open"
    assert deleted is not None and deleted.deleted and deleted.deleted_at is not None
    assert comment is not None and comment.author_role == "customer"
    assert comment.body == "Any news? It still fails." and comment.channel == "api"
    assert store_stats(engine).deleted_tickets == 1
    # The next pass starts within the last minute of those writes: it reads back from
    # 65 s ago (the one-minute rule) and still writes nothing twice.
    quiet = sync(engine, client)
    assert (quiet.tickets, quiet.comments, quiet.ratings) == (0, 0, 0)
    assert snapshot(engine) == after


def test_requests_grow_with_pages_not_tickets(engine: Engine) -> None:
    org = generate_org(tickets=2000, seed=3, now=NOW)
    events = len(org.ticket_events)
    with ZendeskSandbox(org) as sandbox:
        result = sync(engine, client_for(sandbox, page_size=1000), full=True)
        requests = sandbox.stats.requests

    assert result.comments == len(comment_ids(org))
    pages = (
        math.ceil(len(org.tickets) / 1000)
        + math.ceil(events / 1000)
        + math.ceil(len(org.satisfaction_ratings) / 100)
        + 1  # groups
    )
    assert requests == result.api_calls
    assert requests <= pages + 2, sandbox.stats.by_path
    assert requests / (len(org.tickets) / 1000) < 12


def test_each_stream_position_is_stored_with_its_rows(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    sync(engine, client_for(sandbox), full=True)

    with Session(engine) as session:
        states = {s.stream: s for s in session.exec(select(SyncState)).scalars()}
    assert states["tickets"].cursor and states["tickets"].end_of_stream
    assert states["tickets"].rows_synced == len(sandbox.org.tickets)
    assert states["ticket_events"].start_time is not None
    assert states["satisfaction_ratings"].rows_synced == len(sandbox.org.satisfaction_ratings)
