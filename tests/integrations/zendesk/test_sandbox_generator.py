"""generate_org makes an org that shows every pattern alignbot measures, the same for a seed."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from integrations.zendesk.sandbox import (
    Org,
    OrgFormatError,
    ZendeskSandbox,
    generate_org,
    load_fixture,
)
from integrations.zendesk.sandbox.generator import CUSTOMER_UPDATE_FIELD_ID, TIME_TRACKING_FIELD_ID
from integrations.zendesk.sandbox.org import from_iso
from integrations.zendesk.sandbox.phrases import SCRIPT_PHRASES

NOW = datetime(2026, 3, 2, tzinfo=UTC)
NOW_TS = int(NOW.timestamp())
DAY = 86_400
EXAMPLE = Path(__file__).resolve().parents[3] / "integrations/zendesk/sandbox/example_org.json"

TRUST_WORDS = [
    "helpful",
    "patient",
    "took care of me",
    "understood me",
    "didn't push",
    "muy amable",
    "paciente",
    "me entendió",
    "se ocupó de mí",
    "serviable",
    "hilfsbereit",
    "geduldig",
    "prestativo",
    "cuidou de mim",
]
CONFIRMATIONS = [
    "it works now",
    "ya funciona",
    "ça marche maintenant",
    "funktioniert jetzt",
    "já funciona",
]
STILL_BROKEN = [
    "still broken",
    "sigue sin funcionar",
    "toujours pas",
    "immer noch",
    "continua sem funcionar",
    "still not working",
    "sigue roto",
    "ainda está",
]
UPSELL = ["premium", "upgrade", "pro bundle"]
ANGRY = [
    "frustrated",
    "unacceptable",
    "furious",
    "ridiculous",
    "frustrada",
    "inaceptable",
    "harto",
    "exaspérée",
    "inadmissible",
    "frustriert",
    "inakzeptabel",
    "inaceitável",
]


@pytest.fixture(scope="module")
def org() -> Org:
    return generate_org(tickets=300, seed=7, now=NOW)


def requester_of(org: Org, ticket_id: int) -> int:
    return int(org.tickets[ticket_id]["requester_id"])


def by_customer(org: Org, ticket_id: int, comment: dict[str, Any]) -> bool:
    return comment["author_id"] == requester_of(org, ticket_id)


def has(text: str, words: list[str]) -> bool:
    lowered = text.lower()
    return any(w in lowered for w in words)


def test_the_same_seed_makes_the_same_org_and_another_seed_another() -> None:
    first = generate_org(tickets=80, seed=3, now=NOW).to_fixture()
    again = generate_org(tickets=80, seed=3, now=NOW).to_fixture()
    other = generate_org(tickets=80, seed=4, now=NOW).to_fixture()

    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert first["tickets"] != other["tickets"]


def test_the_org_spans_channels_statuses_languages_and_yesterday(org: Org) -> None:
    tickets = org.tickets.values()
    channels = Counter(t["via"]["channel"] for t in tickets)
    statuses = Counter(t["status"] for t in tickets)
    locales = Counter(org.users[t["requester_id"]]["locale"][:2] for t in tickets)
    yesterday = [t for t in tickets if NOW_TS - DAY <= t["generated_timestamp"] < NOW_TS]

    assert len(org.tickets) == 300
    assert {"email", "web", "chat", "voice", "native_messaging", "whatsapp"} <= set(channels)
    assert {"new", "open", "pending", "hold", "solved", "closed"} <= set(statuses)
    assert {"en", "es", "fr", "de", "pt"} <= set(locales)
    assert locales["en"] > locales["fr"] and locales["es"] > locales["de"]
    assert len(yesterday) >= 30, "managers' digest reports yesterday: it needs activity"
    assert all(t["generated_timestamp"] < NOW_TS for t in tickets), "nothing after now"
    assert {u["role"] for u in org.users.values()} == {"admin", "agent", "end-user"}
    assert all(u.get("iana_time_zone") for u in org.users.values())
    assert set(org.ticket_metrics) == set(org.tickets)


def test_rushed_solves_get_reopened_by_the_customer(org: Org) -> None:
    reopened = [
        tid
        for tid, comments in org.comments.items()
        if org.ticket_metrics[tid]["reopens"] >= 1
        and any(by_customer(org, tid, c) and has(c["body"], STILL_BROKEN) for c in comments)
    ]
    assert len(reopened) >= 10


def test_customers_come_back_and_repeat_themselves_across_channels(org: Org) -> None:
    by_requester: dict[int, list[dict[str, Any]]] = {}
    for ticket in org.tickets.values():
        by_requester.setdefault(ticket["requester_id"], []).append(ticket)
    repeat_contacts = cross_channel = 0
    for tickets in by_requester.values():
        tickets.sort(key=lambda t: t["created_at"])
        for earlier, later in itertools.pairwise(tickets):
            gap = from_iso(later["created_at"]) - from_iso(earlier["created_at"])
            solved_at = org.ticket_metrics[earlier["id"]]["solved_at"]
            if solved_at and 0 < from_iso(later["created_at"]) - from_iso(solved_at) <= 7 * DAY:
                repeat_contacts += 1
            said_before = " ".join(c["body"] for c in org.comments[earlier["id"]])
            first_message = org.comments[later["id"]][0]["body"]
            orders = [w.strip(".,:?") for w in first_message.split() if w.startswith("A-")]
            if (
                gap <= DAY
                and earlier["via"]["channel"] != later["via"]["channel"]
                and orders
                and orders[0] in said_before
            ):
                cross_channel += 1
    assert repeat_contacts >= 10
    assert cross_channel >= 10


def test_agents_reply_with_scripts_with_their_own_words_and_with_upsells(org: Org) -> None:
    scripted = authentic = upsell_to_angry = 0
    scripts = [p.lower() for p in SCRIPT_PHRASES.values()]
    for tid, comments in org.comments.items():
        first_name = org.users[requester_of(org, tid)]["name"].split(" ")[0]
        for before, reply in itertools.pairwise(comments):
            if by_customer(org, tid, reply) or not reply["public"]:
                continue
            if has(reply["body"], scripts):
                scripted += 1
            elif first_name in reply["body"] and by_customer(org, tid, before):
                authentic += 1
            if has(reply["body"], UPSELL) and has(comments[0]["body"], ANGRY):
                upsell_to_angry += 1
    assert scripted >= 15 and authentic >= 5 and upsell_to_angry >= 8


def test_customers_confirm_and_leave_trust_words(org: Org) -> None:
    confirmations = sum(
        1
        for tid, comments in org.comments.items()
        for c in comments
        if by_customer(org, tid, c) and has(c["body"], CONFIRMATIONS)
    )
    trusting_ratings = [
        r
        for r in org.satisfaction_ratings.values()
        if r["comment"] and has(r["comment"], TRUST_WORDS)
    ]
    trusting_last_messages = 0
    for tid, comments in org.comments.items():
        from_customer = [c for c in comments if by_customer(org, tid, c)]
        trusting_last_messages += has(from_customer[-1]["body"], TRUST_WORDS)
    assert confirmations >= 20
    assert len(trusting_ratings) >= 10 and trusting_last_messages >= 10
    assert {r["score"] for r in org.satisfaction_ratings.values()} >= {"good", "bad"}


def test_stale_tickets_wait_for_days_and_one_was_chased_yesterday(org: Org) -> None:
    stale = []
    for tid, ticket in org.tickets.items():
        if ticket["status"] not in ("new", "open", "hold"):
            continue
        agent_replies = [
            from_iso(c["created_at"])
            for c in org.comments[tid]
            if c["public"] and not by_customer(org, tid, c)
        ]
        waiting_since = agent_replies[-1] if agent_replies else from_iso(ticket["created_at"])
        if NOW_TS - waiting_since > 2 * DAY:
            stale.append(ticket)
    assert len(stale) >= 10
    assert any(NOW_TS - DAY <= t["generated_timestamp"] < NOW_TS for t in stale)


def test_internal_notes_and_hostile_text_are_in_the_data(org: Org) -> None:
    comments = [c for cs in org.comments.values() for c in cs]
    notes = [c for c in comments if c["public"] is False]
    bodies = " ".join(c["body"] for c in comments)

    assert len(notes) >= 30
    for marker in ("<!channel>", "<@U", "&", "<script>", "wrote:\n>", "😡"):
        assert marker in bodies


def test_an_org_round_trips_through_a_fixture_file(tmp_path: Path) -> None:
    original = generate_org(tickets=25, seed=9, now=NOW)
    path = tmp_path / "org.json"
    original.save(path)

    loaded = load_fixture(path)

    assert loaded.to_fixture() == json.loads(path.read_text())
    assert len(loaded.ticket_events) >= sum(len(c) for c in original.comments.values())


def test_the_example_fixture_serves_its_tickets_and_comments() -> None:
    org = load_fixture(EXAMPLE)
    with (
        ZendeskSandbox(org) as sandbox,
        httpx.Client(base_url=sandbox.url, headers={"Authorization": "Bearer sandbox"}) as http,
    ):
        page = http.get(
            "/api/v2/incremental/tickets/cursor.json",
            params={"start_time": 0, "include": "users,groups,metric_sets"},
        ).json()
        first = page["tickets"][0]["id"]
        comments = http.get(f"/api/v2/tickets/{first}/comments.json").json()["comments"]

    assert len(page["tickets"]) == len(org.tickets) >= 12
    assert page["end_of_stream"] is True
    assert {u["id"] for u in page["users"]} >= {t["requester_id"] for t in page["tickets"]}
    assert len(page["metric_sets"]) == len(page["tickets"])
    assert [c["body"] for c in comments] == [c["body"] for c in org.comments[first]]


def test_a_malformed_fixture_is_refused_with_where_it_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"users": [{"name": "no id"}]}))

    with pytest.raises(OrgFormatError, match=r"users\[0\]"):
        load_fixture(path)


def test_tickets_carry_handle_time_progress_notes_and_problem_links(org: Org) -> None:
    def field(ticket: dict[str, Any], field_id: int) -> Any:
        return next(f["value"] for f in ticket["custom_fields"] if f["id"] == field_id)

    tickets = list(org.tickets.values())
    handled = [t for t in tickets if field(t, TIME_TRACKING_FIELD_ID)]
    progress = [field(t, CUSTOMER_UPDATE_FIELD_ID) for t in tickets]
    notes = {c["body"] for cs in org.comments.values() for c in cs if not c["public"]}
    incidents = [t for t in tickets if t["type"] == "incident"]

    assert len(handled) >= len(tickets) * 0.8
    assert sum(1 for p in progress if p) >= 20
    assert not notes & set(progress), "the customer-safe field never holds an internal note"
    assert incidents and all(org.tickets[t["problem_id"]]["type"] == "problem" for t in incidents)
