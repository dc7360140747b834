"""The sandbox's incremental exports leave out the last moments, as Zendesk's do (a minute
there, a second here by default): without it, a change stamped in the same second as the
last ticket a cursor handed out sorts before that cursor and is never exported."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from test_sync_support import Clock

from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

NOW = datetime(2026, 3, 2, tzinfo=UTC)
START = 1_800_000_000


@pytest.fixture
def clock() -> Clock:
    return Clock(START + 0.25)


@pytest.fixture
def sandbox(clock: Clock) -> Iterator[ZendeskSandbox]:
    with ZendeskSandbox(generate_org(tickets=40, seed=3, now=NOW), clock=clock) as running:
        yield running


@pytest.fixture
def client(sandbox: ZendeskSandbox) -> Iterator[httpx.Client]:
    raw = base64.b64encode(f"{sandbox.email}/token:sandbox".encode()).decode()
    with httpx.Client(
        base_url=sandbox.url, headers={"Authorization": f"Basic {raw}"}, timeout=5
    ) as http:
        yield http


def open_tickets(sandbox: ZendeskSandbox) -> list[int]:
    return sorted(t for t, v in sandbox.org.tickets.items() if v["status"] == "open")


def note(client: httpx.Client, ticket: int) -> None:
    body = {"ticket": {"comment": {"body": "Checked the logs.", "public": False}}}
    client.put(f"/api/v2/tickets/{ticket}.json", json=body).raise_for_status()


def cursor_page(client: httpx.Client, after: str | None = None) -> dict[str, Any]:
    params: dict[str, Any] = {"cursor": after} if after else {"start_time": 0, "per_page": 1000}
    response = client.get("/api/v2/incremental/tickets/cursor.json", params=params)
    response.raise_for_status()
    return dict(response.json())


def ids(page: dict[str, Any]) -> list[int]:
    return [int(t["id"]) for t in page["tickets"]]


def test_a_change_in_the_second_a_cursor_was_handed_out_reaches_the_next_export(
    sandbox: ZendeskSandbox, client: httpx.Client, clock: Clock
) -> None:
    low, high = open_tickets(sandbox)[0], open_tickets(sandbox)[-1]
    note(client, high)
    clock.now += 1
    first = cursor_page(client)
    note(client, low)  # stamped in the very second the cursor after `high` was handed out
    same_second = cursor_page(client, first["after_cursor"])
    clock.now += 1
    next_second = cursor_page(client, same_second["after_cursor"])

    assert ids(first)[-1] == high
    assert ids(same_second) == [] and same_second["end_of_stream"] is True
    assert ids(next_second) == [low]


def test_without_the_delay_that_change_is_lost_which_is_what_the_delay_is_for(
    sandbox: ZendeskSandbox, client: httpx.Client, clock: Clock
) -> None:
    sandbox.export_delay_seconds = 0
    low, high = open_tickets(sandbox)[0], open_tickets(sandbox)[-1]
    note(client, high)
    first = cursor_page(client)
    note(client, low)
    clock.now += 5
    later = cursor_page(client, first["after_cursor"])

    assert ids(first)[-1] == high
    assert low not in ids(later)


def test_what_changed_in_the_last_second_waits_for_the_next_export_in_both_exports(
    sandbox: ZendeskSandbox, client: httpx.Client, clock: Clock
) -> None:
    ticket = open_tickets(sandbox)[0]
    note(client, ticket)
    start = {"start_time": START - 3600}
    held = client.get("/api/v2/incremental/ticket_events.json", params=start).json()
    held_tickets = client.get("/api/v2/incremental/tickets.json", params=start).json()
    clock.now += 1
    served = client.get("/api/v2/incremental/ticket_events.json", params=start).json()
    served_tickets = client.get("/api/v2/incremental/tickets.json", params=start).json()

    assert ticket not in [e["ticket_id"] for e in held["ticket_events"]]
    assert held["end_time"] <= START - 1 and held["end_of_stream"] is True
    assert ticket not in ids(held_tickets)
    assert [e["ticket_id"] for e in served["ticket_events"]][-1] == ticket
    assert ticket in ids(served_tickets)


def test_a_negative_delay_is_refused() -> None:
    with pytest.raises(ValueError, match="export_delay_seconds"):
        ZendeskSandbox(generate_org(tickets=1, seed=1, now=NOW), export_delay_seconds=-1)
