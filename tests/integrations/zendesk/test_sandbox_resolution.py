"""What the sandbox offers the resolution flow, through HTTP with our ZendeskClient: the
automations list in Zendesk's format, an added bump-solve automation racing the flow (and
the conditions that stop it), custom statuses that can be edited or switched off, and
simulated requesters who answer a confirmation request on the sandbox's clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.signals.resolution import resolution_reply
from integrations.zendesk.client import ZendeskClient
from integrations.zendesk.errors import RecordInvalid
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sandbox.org import iso
from integrations.zendesk.sandbox.requesters import REPLIES

ORG_NOW = datetime(2026, 3, 2, tzinfo=UTC)
HOUR = 3600
AWAITING_TAG = "alignbot_awaiting_confirmation"
PENDING_4_DAYS = [
    {"field": "status", "operator": "is", "value": "pending"},
    {"field": "PENDING", "operator": "greater_than", "value": "96"},
]
SOLVE = [{"field": "status", "value": "solved"}]


@pytest.fixture
def sandbox() -> Iterator[ZendeskSandbox]:
    start = ORG_NOW.timestamp()  # a stopped clock: only `advance` moves the sandbox's time
    with ZendeskSandbox(generate_org(tickets=40, seed=3, now=ORG_NOW), clock=lambda: start) as sb:
        yield sb


@pytest.fixture
def client(sandbox: ZendeskSandbox) -> Iterator[ZendeskClient]:
    with ZendeskClient(
        sandbox.url,
        email=sandbox.email,
        api_token="sandbox",
        requests_per_minute=10_000,
        wall_clock=sandbox.now,
        sleep=lambda _: None,
    ) as zendesk:
        yield zendesk


def open_ticket(sandbox: ZendeskSandbox, nth: int = 0) -> int:
    return [t for t, v in sandbox.org.tickets.items() if v["status"] == "open"][nth]


def put(client: ZendeskClient, ticket: int, **fields: Any) -> dict[str, Any]:
    answer = client.request("PUT", f"/api/v2/tickets/{ticket}.json", json={"ticket": fields})
    return dict(answer["ticket"])


def status_of(client: ZendeskClient, ticket: int) -> str:
    return str(client.get(f"/api/v2/tickets/{ticket}.json")["ticket"]["status"])


def ask(client: ZendeskClient, ticket: int, **extra: Any) -> None:
    """An agent's solve answered by the flow: pending, with a confirmation request."""
    body = f"Is it fixed? https://help.example.com/alignbot/r/{ticket}/abc.def"
    put(client, ticket, status="pending", comment={"body": body, "public": True}, **extra)


# ----- automations ---------------------------------------------------------------------------


def test_automations_are_listed_in_zendesk_format_with_the_standard_close(
    sandbox: ZendeskSandbox, client: ZendeskClient
) -> None:
    sandbox.add_automation("Bump-bump-solve", PENDING_4_DAYS, SOLVE)
    sandbox.add_automation("Old rule", PENDING_4_DAYS, SOLVE, active=False)

    page = client.get("/api/v2/automations.json")
    active = client.automations(active_only=True)

    assert {"automations", "next_page", "previous_page", "count"} <= set(page)
    standard = page["automations"][0]
    assert standard["title"] == "Close ticket 4 days after status is set to solved"
    assert standard["conditions"]["all"][0] == {
        "field": "status",
        "operator": "is",
        "value": "solved",
    }
    assert standard["conditions"]["any"] == [] and standard["actions"] == [
        {"field": "status", "value": "closed"}
    ]
    assert {"id", "active", "position", "created_at", "updated_at"} <= set(standard)
    assert [a["title"] for a in page["automations"]] == [
        standard["title"],
        "Bump-bump-solve",
        "Old rule",
    ]
    assert [a["title"] for a in active] == [standard["title"], "Bump-bump-solve"]


def test_an_active_bump_solve_automation_solves_a_pending_ticket_after_its_hours(
    sandbox: ZendeskSandbox, client: ZendeskClient
) -> None:
    rule = sandbox.add_automation("Bump-bump-solve", PENDING_4_DAYS, SOLVE)
    ticket = open_ticket(sandbox)
    put(client, ticket, status="pending", comment={"body": "Any news?", "public": True})

    sandbox.advance(95 * HOUR)
    before = status_of(client, ticket)
    sandbox.advance(2 * HOUR)

    assert before == "pending" and status_of(client, ticket) == "solved"
    audits = client.get(f"/api/v2/tickets/{ticket}/audits.json")["audits"]
    last = audits[-1]
    assert last["via"]["source"]["rel"] == "automation"
    assert last["via"]["source"]["from"]["id"] == rule["id"]


@pytest.mark.parametrize("guard", ["tag", "custom_status"])
def test_a_condition_on_the_tag_or_custom_status_keeps_awaiting_tickets_out(
    sandbox: ZendeskSandbox, client: ZendeskClient, guard: str
) -> None:
    created = client.create_custom_status(
        status_category="pending", agent_label="Awaiting confirmation", end_user_label="Waiting"
    )
    condition = (
        {"field": "current_tags", "operator": "not_includes", "value": AWAITING_TAG}
        if guard == "tag"
        else {"field": "custom_status_id", "operator": "is_not", "value": str(created["id"])}
    )
    sandbox.add_automation("Bump-bump-solve", [*PENDING_4_DAYS, condition], SOLVE)
    awaiting, other = open_ticket(sandbox, 0), open_ticket(sandbox, 1)
    marks = {"additional_tags": [AWAITING_TAG]} if guard == "tag" else {}
    if guard == "custom_status":
        marks = {"custom_status_id": created["id"]}
    ask(client, awaiting, **marks)
    put(client, other, status="pending", comment={"body": "Any news?", "public": True})

    sandbox.advance(100 * HOUR)

    assert status_of(client, awaiting) == "pending"
    assert status_of(client, other) == "solved"


# ----- custom statuses and the account setting ----------------------------------------------


def test_a_custom_status_can_be_relabelled_and_deactivated(
    sandbox: ZendeskSandbox, client: ZendeskClient
) -> None:
    created = client.create_custom_status(
        status_category="pending", agent_label="Awaiting confirmation", end_user_label="Waiting"
    )
    path = f"/api/v2/custom_statuses/{created['id']}.json"

    client.request("PUT", path, json={"custom_status": {"end_user_label": "Confirm?"}})
    client.request("PUT", path, json={"custom_status": {"active": False}})

    stored = client.get(path)["custom_status"]
    assert stored["end_user_label"] == "Confirm?" and stored["active"] is False
    assert stored["agent_label"] == "Awaiting confirmation"


def test_custom_statuses_switched_off_are_said_and_refused(
    sandbox: ZendeskSandbox, client: ZendeskClient
) -> None:
    assert client.account_settings()["tickets"]["custom_statuses_enabled"] is True
    sandbox.custom_statuses_enabled = False

    assert client.account_settings()["tickets"]["custom_statuses_enabled"] is False
    with pytest.raises(RecordInvalid):
        client.create_custom_status(
            status_category="pending", agent_label="Awaiting confirmation", end_user_label="W"
        )
    with pytest.raises(RecordInvalid):
        put(client, open_ticket(sandbox), custom_status_id=3)


# ----- simulated requesters -----------------------------------------------------------------


def test_a_scripted_denial_arrives_after_its_delay_in_the_requesters_language(
    sandbox: ZendeskSandbox, client: ZendeskClient
) -> None:
    ticket = open_ticket(sandbox)
    requester = sandbox.org.tickets[ticket]["requester_id"]
    sandbox.org.users[requester]["locale"] = "es"
    sandbox.requesters.script(ticket, "no", after_seconds=HOUR)
    ask(client, ticket)
    asked_at = int(sandbox.now())

    sandbox.advance(HOUR - 1)
    early = status_of(client, ticket)
    sandbox.advance(600)  # past the answer: it is dated when it was due

    assert early == "pending" and status_of(client, ticket) == "open"
    comments = client.get(f"/api/v2/tickets/{ticket}/comments.json")["comments"]
    answer = comments[-1]
    assert answer["author_id"] == requester and answer["public"] is True
    assert answer["body"] in REPLIES["es"]["no"]
    assert answer["created_at"] == iso(asked_at + HOUR)
    sandbox.advance(2 * 60)  # out of the export's last minute
    events = client.ticket_event_page(asked_at)["ticket_events"]
    exported = [
        c
        for e in events
        if e["ticket_id"] == ticket
        for c in e["child_events"]
        if c.get("event_type") == "Comment" or c.get("type") == "Comment"
    ]
    assert exported[-1]["body"] == answer["body"]


def test_the_tag_alone_asks_and_silence_never_answers(
    sandbox: ZendeskSandbox, client: ZendeskClient
) -> None:
    tagged, silent = open_ticket(sandbox, 0), open_ticket(sandbox, 1)
    sandbox.requesters.script(tagged, "yes", after_seconds=60)
    sandbox.requesters.script(silent, "silence", after_seconds=60)
    note = {"body": "We solved it, please confirm in the email.", "public": True}
    put(client, tagged, status="pending", comment=note, additional_tags=[AWAITING_TAG])
    ask(client, silent)
    comments_before = len(sandbox.org.comments[silent])

    sandbox.advance(30 * 86_400)

    answer = sandbox.org.comments[tagged][-1]
    assert answer["author_id"] == sandbox.org.tickets[tagged]["requester_id"]
    assert resolution_reply(answer["body"]) == "confirm"
    assert len(sandbox.org.comments[silent]) == comments_before
    assert sandbox.requesters.pending == {}


def test_requesters_are_off_unless_switched_on(
    sandbox: ZendeskSandbox, client: ZendeskClient
) -> None:
    ticket = open_ticket(sandbox)
    ask(client, ticket)
    comments_before = len(sandbox.org.comments[ticket])

    sandbox.advance(3 * 86_400)

    assert len(sandbox.org.comments[ticket]) == comments_before
    assert status_of(client, ticket) == "pending"


def test_requesters_answer_the_same_way_for_the_same_seed_and_follow_the_weights() -> None:
    def behaviours(seed: int, weights: dict[str, float]) -> list[str]:
        start = ORG_NOW.timestamp()
        org = generate_org(tickets=40, seed=3, now=ORG_NOW)
        with ZendeskSandbox(org, seed=seed, clock=lambda: start) as sb:
            sb.requesters.enabled = True
            sb.requesters.weights = weights
            opened = [t for t, v in org.tickets.items() if v["status"] == "open"][:8]
            for ticket in opened:
                sb.touch_ticket(ticket, f"Confirm here: /r/{ticket}/x", status="pending")
            return [sb.requesters.pending[t].behaviour for t in opened]

    even = {"yes": 1.0, "no": 1.0, "question": 1.0, "silence": 1.0}
    first, again = behaviours(7, even), behaviours(7, even)

    assert first == again and len(set(first)) > 1
    assert set(behaviours(7, {"question": 1.0})) == {"question"}


@pytest.mark.parametrize(
    ("language", "behaviour", "text"),
    [
        (lang, b, text)
        for lang, table in REPLIES.items()
        for b, texts in table.items()
        for text in texts
    ],
)
def test_every_reply_variant_reads_as_its_behaviour(
    language: str, behaviour: str, text: str
) -> None:
    expected = {"yes": "confirm", "no": "deny", "question": "none"}[behaviour]
    assert resolution_reply(text) == expected, (language, text)
