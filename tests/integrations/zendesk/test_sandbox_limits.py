"""The sandbox answers like Zendesk at its edges: authentication, limits, and injected faults."""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

NOW = datetime(2026, 3, 2, tzinfo=UTC)


def basic(email: str, token: str) -> dict[str, str]:
    raw = base64.b64encode(f"{email}/token:{token}".encode()).decode()
    return {"Authorization": f"Basic {raw}"}


@pytest.fixture
def sandbox() -> Iterator[ZendeskSandbox]:
    with ZendeskSandbox(
        generate_org(tickets=60, seed=2, now=NOW), token="s3cret", seed=1
    ) as running:
        yield running


@pytest.fixture
def client(sandbox: ZendeskSandbox) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=sandbox.url, headers=basic(sandbox.email, "s3cret"), timeout=5
    ) as http:
        yield http


def test_requests_without_or_with_wrong_credentials_get_zendesks_401(
    sandbox: ZendeskSandbox,
) -> None:
    url = f"{sandbox.url}/api/v2/tickets/1.json"
    anonymous = httpx.get(url)
    wrong = httpx.get(url, headers=basic(sandbox.email, "nope"))
    password_style = httpx.get(url, auth=(sandbox.email, "s3cret"))

    for response in (anonymous, wrong, password_style):
        assert response.status_code == 401
        assert response.json() == {"error": "Couldn't authenticate you"}


def test_any_email_with_the_token_or_a_bearer_token_is_let_in(sandbox: ZendeskSandbox) -> None:
    url = f"{sandbox.url}/api/v2/users/me.json"
    by_token = httpx.get(url, headers=basic("someone@else.example", "s3cret"))
    by_bearer = httpx.get(url, headers={"Authorization": "Bearer s3cret"})

    assert by_token.status_code == by_bearer.status_code == 200
    assert by_token.json()["user"]["role"] == "admin"


def test_an_export_starting_within_the_last_minute_is_refused(client: httpx.Client) -> None:
    recent = int(time.time()) - 30
    response = client.get("/api/v2/incremental/tickets/cursor.json", params={"start_time": recent})

    assert response.status_code == 422
    assert response.json()["description"].startswith("Too recent start_time")


def test_the_export_after_the_per_minute_limit_gets_429_with_retry_after(
    sandbox: ZendeskSandbox, client: httpx.Client
) -> None:
    sandbox.export_limit_per_minute = 3
    statuses = [
        client.get("/api/v2/incremental/ticket_events.json", params={"start_time": 0}).status_code
        for _ in range(3)
    ]
    limited = client.get("/api/v2/incremental/tickets/cursor.json", params={"start_time": 0})
    other = client.get("/api/v2/tickets/1.json")

    assert statuses == [200, 200, 200]
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert other.status_code == 200, "the export limit does not touch other endpoints"


def test_the_global_rate_limit_answers_429_with_retry_after(
    sandbox: ZendeskSandbox, client: httpx.Client
) -> None:
    sandbox.requests_per_minute = 5
    statuses = [client.get("/api/v2/groups.json").status_code for _ in range(7)]

    assert statuses == [200] * 5 + [429, 429]
    assert sandbox.stats.by_status[429] == 2


def test_fail_rate_injects_about_that_share_of_faults(
    sandbox: ZendeskSandbox, client: httpx.Client
) -> None:
    sandbox.fail_rate = 0.25
    sandbox.faults = {"429", "500", "503"}
    statuses = [client.get(f"/api/v2/tickets/{1 + i % 60}.json").status_code for i in range(400)]

    faults = sum(1 for s in statuses if s != 200)
    assert 0.18 < faults / len(statuses) < 0.32
    assert {429, 500, 503} <= set(statuses)
    assert sandbox.stats.requests == 400
    assert sum(sandbox.stats.faults.values()) == faults


def test_same_seed_injects_the_same_faults(sandbox: ZendeskSandbox) -> None:
    def run() -> list[int]:
        with (
            ZendeskSandbox(
                sandbox.org, token="s3cret", fail_rate=0.3, seed=42, faults={"429", "500", "503"}
            ) as again,
            httpx.Client(base_url=again.url, headers=basic(again.email, "s3cret")) as http,
        ):
            return [http.get(f"/api/v2/tickets/{i}.json").status_code for i in range(1, 41)]

    assert run() == run()


def test_a_retrying_client_always_gets_through(
    sandbox: ZendeskSandbox, client: httpx.Client
) -> None:
    sandbox.fail_rate = 1.0
    sandbox.faults = {"500"}
    attempts = []
    for _ in range(10):
        response = client.get("/api/v2/tickets/7.json")
        attempts.append(response.status_code)
        if response.status_code == 200:
            break

    assert attempts == [500, 500, 500, 200]


def test_a_dropped_connection_closes_the_socket_without_a_response(
    sandbox: ZendeskSandbox, client: httpx.Client
) -> None:
    sandbox.fail_rate = 1.0
    sandbox.faults = {"drop"}

    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/api/v2/tickets/1.json")
    assert sandbox.stats.by_status[0] == 1


def test_a_slow_response_outlasts_a_client_timeout(sandbox: ZendeskSandbox) -> None:
    sandbox.fail_rate = 1.0
    sandbox.faults = {"slow"}
    sandbox.slow_seconds = 0.6

    with pytest.raises(httpx.ReadTimeout):
        httpx.get(
            f"{sandbox.url}/api/v2/tickets/1.json",
            headers=basic(sandbox.email, "s3cret"),
            timeout=0.2,
        )


def test_a_closed_ticket_cannot_be_updated(sandbox: ZendeskSandbox, client: httpx.Client) -> None:
    closed = next(t for t, v in sandbox.org.tickets.items() if v["status"] == "closed")
    before = len(sandbox.org.comments[closed])

    response = client.put(
        f"/api/v2/tickets/{closed}.json",
        json={"ticket": {"comment": {"body": "hello", "public": True}}},
    )

    assert response.status_code == 422
    assert "closed" in response.text
    assert len(sandbox.org.comments[closed]) == before


def test_a_customer_comment_on_a_pending_ticket_sets_it_back_to_open(
    sandbox: ZendeskSandbox, client: httpx.Client
) -> None:
    pending = next(t for t, v in sandbox.org.tickets.items() if v["status"] == "pending")
    requester = sandbox.org.tickets[pending]["requester_id"]

    response = client.put(
        f"/api/v2/tickets/{pending}.json",
        json={"ticket": {"comment": {"body": "sí, ya funciona", "author_id": requester}}},
    )

    assert response.status_code == 200
    body = response.json()
    assert body["ticket"]["status"] == "open"
    changes = [e for e in body["audit"]["events"] if e["type"] == "Change"]
    assert {"field_name": "status", "value": "open", "previous_value": "pending"}.items() <= (
        changes[0].items()
    )


def test_an_agent_update_sets_custom_status_and_tags(
    sandbox: ZendeskSandbox, client: httpx.Client
) -> None:
    created = client.post(
        "/api/v2/custom_statuses.json",
        json={
            "custom_status": {"status_category": "pending", "agent_label": "Awaiting confirmation"}
        },
    )
    status_id = created.json()["custom_status"]["id"]
    open_id = next(t for t, v in sandbox.org.tickets.items() if v["status"] == "open")

    response = client.put(
        f"/api/v2/tickets/{open_id}.json",
        json={
            "ticket": {
                "custom_status_id": status_id,
                "additional_tags": ["alignbot_awaiting"],
                "comment": {"body": "Did this fix it for you?", "public": True},
            }
        },
    )

    assert created.status_code == 201
    ticket = response.json()["ticket"]
    assert ticket["status"] == "pending" and ticket["custom_status_id"] == status_id
    assert "alignbot_awaiting" in ticket["tags"]
    listed = client.get("/api/v2/custom_statuses.json").json()["custom_statuses"]
    assert "Awaiting confirmation" in [s["agent_label"] for s in listed]


def test_too_many_updates_to_one_ticket_get_429(
    sandbox: ZendeskSandbox, client: httpx.Client
) -> None:
    sandbox.ticket_updates_per_10_minutes = 2
    open_id = next(t for t, v in sandbox.org.tickets.items() if v["status"] == "open")
    statuses = [
        client.put(
            f"/api/v2/tickets/{open_id}.json", json={"ticket": {"additional_tags": [f"t{i}"]}}
        ).status_code
        for i in range(3)
    ]

    assert statuses == [200, 200, 429]


def test_a_deleted_ticket_shows_in_the_export_as_deleted_and_is_gone_otherwise(
    sandbox: ZendeskSandbox, client: httpx.Client
) -> None:
    sandbox.export_delay_seconds = 0  # exported at once, not a second later
    sandbox.delete_ticket(5)
    page = client.get(
        "/api/v2/incremental/tickets/cursor.json", params={"start_time": 0, "per_page": 1000}
    ).json()

    last = page["tickets"][-1]
    assert (last["id"], last["status"]) == (5, "deleted")
    assert page["end_of_stream"] is True and page["after_cursor"]
    assert client.get("/api/v2/tickets/5.json").status_code == 404
