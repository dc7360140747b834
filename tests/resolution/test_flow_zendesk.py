"""The Confirmed-vs-Closed flow end to end against the Zendesk and Slack sandboxes, with the
real clients: every path of the state machine, in English and Spanish, checked on the
Zendesk side (status, custom status, tags, public comments, audits), in Slack, and in the
stored events. Time is the sandboxes' stopped clock, moved on by the tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from flow_support import DAY, HOUR, World, make_world
from sqlalchemy import Engine
from starlette.testclient import TestClient
from zenpy.lib.api_objects import CustomStatus

from bot.resolution.hook import flow_on_answer
from bot.web import create_app

AWAITING = "alignbot_awaiting_confirmation"
LINK = re.compile(r"https://help\.example\.com/alignbot/r/(\d+)/([A-Za-z0-9_\-.]+)")


@pytest.fixture
def world(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.delenv("ZENPY_FORCE_NETLOC", raising=False)
    monkeypatch.delenv("ZENPY_FORCE_SCHEME", raising=False)
    yield from make_world(engine)


def started(world: World, locale: str = "en-US") -> int:
    """A ticket an agent has just solved, and the cycle that asked its customer."""
    ticket = world.open_ticket(locale)
    world.agent_solves(ticket)
    cycle = world.cycle()
    assert cycle.swept.queued["zendesk.update"] >= 1
    return ticket


def links_of(body: str) -> list[tuple[int, str]]:
    return [(int(t), token) for t, token in LINK.findall(body)]


# ----- asking --------------------------------------------------------------------------


def test_an_agents_solve_becomes_awaiting_confirmation_with_the_request_in_one_update(
    world: World,
) -> None:
    ticket = started(world)

    zendesk = world.ticket(ticket)
    assert zendesk["status"] == "pending" and AWAITING in zendesk["tags"]
    [request] = world.public_comments_by_us(ticket)
    assert len(links_of(request)) == 3 and all(t == ticket for t, _ in links_of(request))
    assert "efficient and empathetic" in request
    # the status, the tag and the comment came in one update, whose audit holds the key
    assert world.audits_with_key(ticket, ":request") == 1
    assert world.events(ticket) == [(None, "awaiting_confirmation", "agent_solve")]
    assert world.state(ticket) == "awaiting_confirmation"


def test_solves_from_before_the_flow_was_switched_on_are_not_asked_about(world: World) -> None:
    solved_before = [t for t, v in world.zendesk.org.tickets.items() if v["status"] == "solved"]
    world.cycle()
    assert solved_before and all(world.events(t) == [] for t in solved_before)
    assert all(world.public_comments_by_us(t) == [] for t in solved_before)


def test_the_custom_status_is_used_where_one_is_configured(world: World) -> None:
    created = world.zenpy.custom_statuses.create(
        CustomStatus(status_category="pending", agent_label="Awaiting confirmation")
    )
    world.settings = world.settings.model_copy(update={"resolution_custom_status_id": created.id})
    ticket = started(world)
    assert world.ticket(ticket)["custom_status_id"] == created.id
    assert world.ticket(ticket)["status"] == "pending"


def test_ask_mode_posts_the_request_and_the_solve_stands(world: World) -> None:
    world.settings = world.settings.model_copy(update={"resolution_mode": "ask"})
    ticket = started(world)
    assert world.ticket(ticket)["status"] == "solved"
    assert len(world.public_comments_by_us(ticket)) == 1
    world.customer_says(ticket, "Yes, that fixed it. Thank you!")
    world.cycle()
    assert world.ticket(ticket)["status"] == "solved"
    assert "resolution_confirmed" in world.ticket(ticket)["tags"]


def test_an_opted_out_ticket_is_left_alone(world: World) -> None:
    ticket = world.open_ticket()
    world.helpdesk.update_ticket(ticket, add_tags=["alignbot_opt_out"])
    world.agent_solves(ticket)
    world.cycle()
    assert world.ticket(ticket)["status"] == "solved"
    assert world.public_comments_by_us(ticket) == []
    assert world.events(ticket) == [(None, "closed_unconfirmed", "opt_out")]


# ----- answers by reply ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "words"),
    [("en-US", "Yes, it works now, thank you!"), ("es", "Sí, ya funciona. ¡Gracias!")],
)
def test_a_confirmation_by_reply_solves_the_ticket_confirmed(
    world: World, locale: str, words: str
) -> None:
    ticket = started(world, locale)
    world.customer_says(ticket, words)
    world.cycle()

    zendesk = world.ticket(ticket)
    assert zendesk["status"] == "solved"
    assert "resolution_confirmed" in zendesk["tags"] and AWAITING not in zendesk["tags"]
    assert world.events(ticket)[-1] == ("awaiting_confirmation", "confirmed", "customer_reply")
    assert world.dms() == []


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("en-US", "Still the same error <!channel> & it did not help <https://x.example|click>"),
        ("es", "Sigue sin funcionar, me sale el mismo error <b>."),
    ],
)
def test_a_denial_reopens_and_the_assignee_gets_the_customers_words_escaped(
    world: World, locale: str, words: str
) -> None:
    ticket = started(world, locale)
    world.customer_says(ticket, words)
    world.cycle()

    zendesk = world.ticket(ticket)
    assert zendesk["status"] == "open" and AWAITING not in zendesk["tags"]
    assert world.events(ticket)[-1] == ("awaiting_confirmation", "reopened", "customer_reply")
    [dm] = world.dms()
    # Slack reads `<...>` as a mention or a link in mrkdwn: the customer's words reach it
    # escaped there, and verbatim only as plain_text, which Slack never interprets.
    mrkdwn = [dm.text] + [t for t, kind in _texts(dm.blocks) if kind == "mrkdwn"]
    for text in mrkdwn:
        assert "<!channel>" not in text and "<https://x.example|click>" not in text
        assert "<b>" not in text
    assert "&lt;" in dm.text
    assert any(f"/agent/tickets/{ticket}" in str(b) for b in dm.blocks)


def test_a_question_returns_the_ticket_and_the_next_solve_asks_again(world: World) -> None:
    ticket = started(world, "es")
    world.customer_says(ticket, "Gracias. Una pregunta más: ¿puedo cambiar también la dirección?")
    world.cycle()
    assert world.ticket(ticket)["status"] == "open"
    assert world.events(ticket)[-1] == ("awaiting_confirmation", "open", "customer_reply")

    world.agent_solves(ticket, "Sí, ya está cambiada.")
    world.cycle()
    assert world.ticket(ticket)["status"] == "pending"
    first, second = world.public_comments_by_us(ticket)
    assert {token for _, token in links_of(first)}.isdisjoint(t for _, t in links_of(second))
    assert world.events(ticket)[-1] == ("open", "awaiting_confirmation", "agent_solve")


def test_an_agent_who_solves_again_is_not_fought(world: World) -> None:
    ticket = started(world)
    world.agent_solves(ticket, "Solving this, the customer confirmed by phone.")
    world.cycle()
    world.cycle()

    assert world.ticket(ticket)["status"] == "solved"
    assert "resolution_unconfirmed" in world.ticket(ticket)["tags"]
    assert len(world.public_comments_by_us(ticket)) == 1
    assert world.events(ticket)[-1] == (
        "awaiting_confirmation",
        "closed_unconfirmed",
        "agent_override",
    )


# ----- silence -------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["en-US", "es"])
def test_silence_gets_two_reminders_then_alignbot_closes_it_not_zendesk(
    world: World, locale: str
) -> None:
    ticket = world.open_ticket(locale, time_zone="America/Mexico_City")
    world.agent_solves(ticket)
    world.cycle()
    asked_at = world.now()
    zone = ZoneInfo("America/Mexico_City")

    reminders: list[datetime] = []
    for _ in range(int(30 * DAY / (3 * HOUR))):  # 30 days, a cycle every 3 hours
        world.advance(3 * HOUR - 60)
        cycle = world.cycle()
        if cycle.swept.queued["zendesk.comment"]:
            reminders.append(world.now())

    assert len(reminders) == 2
    for sent in reminders:  # never in the requester's quiet hours (21:00-08:00 local)
        assert 8 <= sent.astimezone(zone).hour < 21
    assert (reminders[0] - asked_at).days == 2 and (reminders[1] - asked_at).days == 5
    assert len(world.public_comments_by_us(ticket)) == 3  # the request and two reminders
    assert world.events(ticket)[-1] == (
        "awaiting_confirmation",
        "closed_unconfirmed",
        "reminder_timeout",
    )
    zendesk = world.ticket(ticket)
    # Solved by alignbot on day 7, then closed by Zendesk's own automation 4 days later.
    assert zendesk["status"] == "closed" and "resolution_unconfirmed" in zendesk["tags"]
    assert len(world.events(ticket)) == 2


# ----- answers by link -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "status", "state", "tag"),
    [
        ("confirm", "solved", "confirmed", "resolution_confirmed"),
        ("close", "solved", "closed_by_customer", "resolution_closed_by_customer"),
        ("need_help", "open", "reopened", None),
    ],
)
def test_an_answer_by_link_moves_the_ticket(
    world: World, choice: str, status: str, state: str, tag: str | None
) -> None:
    ticket = started(world, "es")
    [request] = world.public_comments_by_us(ticket)
    token = next(tok for t, tok in links_of(request) if f'"{choice}"' in _body_of(tok))
    app = create_app(world.settings, world.engine, flow_on_answer(world.settings), clock=world.now)
    with TestClient(app, base_url="https://help.example.com") as browser:
        page = browser.post(f"/r/{ticket}/answer", data={"token": token, "rating": "5"})
    assert page.status_code == 200
    world.cycle()

    zendesk = world.ticket(ticket)
    assert zendesk["status"] == status and AWAITING not in zendesk["tags"]
    if tag:
        assert tag in zendesk["tags"]
    assert world.events(ticket)[-1] == ("awaiting_confirmation", state, "link")
    assert len(world.dms()) == (1 if choice == "need_help" else 0)


def _body_of(token: str) -> str:
    import base64

    body = token.split(".")[0]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode()


def _texts(node: object) -> list[tuple[str, str]]:
    """Every Block Kit text object in `node`: (text, type)."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        if node.get("type") in ("mrkdwn", "plain_text") and isinstance(node.get("text"), str):
            found.append((node["text"], node["type"]))
        for value in node.values():
            found += _texts(value)
    elif isinstance(node, list):
        for value in node:
            found += _texts(value)
    return found


def test_a_confirmed_ticket_the_customer_reopens_is_reopened_and_asked_again(
    world: World,
) -> None:
    ticket = started(world)
    world.customer_says(ticket, "Yes, it works now, thank you!")
    world.cycle()
    assert world.ticket(ticket)["status"] == "solved"

    world.advance(HOUR)
    world.customer_says(ticket, "Sorry, I have to write again: the export is empty today.")
    world.cycle()
    assert world.ticket(ticket)["status"] == "open"  # Zendesk reopened it
    assert world.events(ticket)[-1] == ("confirmed", "reopened", "reopen")

    world.agent_solves(ticket, "The export job is fixed as well.")
    world.cycle()
    assert world.ticket(ticket)["status"] == "pending"
    assert len(world.public_comments_by_us(ticket)) == 2
    assert world.events(ticket)[-1] == ("reopened", "awaiting_confirmation", "agent_solve")
