"""`/alignbot` through bolt: each subcommand answers only the person who typed it, the slow
ones after an immediate "working on it" ack, on the response_url Slack gave."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Engine

from integrations.slack.app import HELP, ModuleDomain
from integrations.slack.http import EVENTS_PATH, create_http_app
from integrations.slack.sandbox import SlackSandbox, form_body
from tests.integrations.slack.slack_app_support import (
    NOW,
    Clock,
    DrainableExecutor,
    FakeDomain,
    QueuedItem,
    make_app,
)
from tests.web.web_support import serving

AGENT = "ben@example.com"


@pytest.fixture
def domain() -> FakeDomain:
    return FakeDomain()


@pytest.fixture
def events_url(
    sandbox: SlackSandbox, domain: FakeDomain, clock: Clock, executor: DrainableExecutor
) -> Iterator[str]:
    app = make_app(sandbox, domain, clock, executor)
    with serving(create_http_app(app)) as base:  # type: ignore[arg-type]
        yield base + EVENTS_PATH


def run(sandbox: SlackSandbox, url: str, executor: DrainableExecutor, text: str) -> object:
    fields = sandbox.slash_command("/alignbot", text, email=AGENT, channel="support-managers")
    answer = sandbox.post_to_app(url, form_body(fields))
    executor.drain()
    assert answer.status == 200
    return answer.json()


def test_ticket_answers_with_the_context_card_only_to_the_agent(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    ack = run(sandbox, events_url, executor, "ticket #42")

    assert ack == {"response_type": "ephemeral", "text": "Working on it…"}
    assert domain.calls == [("context_card", 42)]
    (reply,) = sandbox.responses
    assert reply.body["response_type"] == "ephemeral"
    assert reply.text == "Ticket #42: 2 earlier tickets"
    assert reply.body["blocks"][0]["text"]["text"] == "Ticket #42: 2 earlier tickets"
    assert sandbox.messages == []  # nothing posted where others would see it


def test_ticket_without_a_number_asks_for_one(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    run(sandbox, events_url, executor, "ticket soon")

    assert domain.calls == []
    (reply,) = sandbox.responses
    assert reply.text == "Which ticket? `/alignbot ticket 123`"


def test_queue_lists_what_is_queued_for_the_agent_soonest_first_and_escaped(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    domain.queued = [
        QueuedItem("nudge.stale", 9, "Printer <!channel> on fire", NOW + timedelta(hours=2)),
        QueuedItem("update.draft", 7, "Draft for ticket 7", NOW + timedelta(minutes=5)),
    ]

    run(sandbox, events_url, executor, "queue")

    assert domain.calls == [("queued_for", sandbox.user_id(AGENT), NOW)]
    (reply,) = sandbox.responses
    assert reply.text is not None
    lines = reply.text.splitlines()
    assert lines[0] == "*Queued for you* (2):"
    assert "ticket #7" in lines[1] and "ticket #9" in lines[2]
    assert "&lt;!channel&gt;" in lines[2] and "<!channel>" not in reply.text


def test_queue_with_nothing_queued_says_so(
    sandbox: SlackSandbox, executor: DrainableExecutor, events_url: str
) -> None:
    run(sandbox, events_url, executor, "queue")

    (reply,) = sandbox.responses
    assert reply.text == "Nothing is queued for you."


def test_digest_answers_with_the_digest_for_now(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    run(sandbox, events_url, executor, "digest")

    assert domain.calls == [("digest", NOW)]
    (reply,) = sandbox.responses
    assert reply.body["response_type"] == "ephemeral"


@pytest.mark.parametrize("text", ["", "help", "what is this"])
def test_help_and_anything_unknown_answer_with_the_help_at_once(
    sandbox: SlackSandbox,
    domain: FakeDomain,
    executor: DrainableExecutor,
    events_url: str,
    text: str,
) -> None:
    ack = run(sandbox, events_url, executor, text)

    assert ack == {"response_type": "ephemeral", "text": HELP}
    assert domain.calls == []
    assert sandbox.responses == []


def test_the_real_digest_answers_on_an_empty_store(
    sandbox: SlackSandbox, clock: Clock, executor: DrainableExecutor, engine: Engine
) -> None:
    app = make_app(sandbox, ModuleDomain(), clock, executor, engine=engine)
    with serving(create_http_app(app)) as base:  # type: ignore[arg-type]
        run(sandbox, base + EVENTS_PATH, executor, "digest")

    (reply,) = sandbox.responses
    assert reply.text is not None and reply.text.startswith("alignbot misalignment digest for")
    assert reply.body["blocks"][0]["type"] == "header"


def test_what_a_command_answers_is_not_logged(
    sandbox: SlackSandbox,
    domain: FakeDomain,
    executor: DrainableExecutor,
    events_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    domain.queued = [
        QueuedItem("nudge.stale", 9, "customer-secret-words, and more", NOW),
    ]

    run(sandbox, events_url, executor, "queue")
    run(sandbox, events_url, executor, "help")

    assert "customer-secret-words" in (sandbox.responses[0].text or "")
    assert "Responding with status: 200 (body left out)" in caplog.text
    assert "customer-secret-words" not in caplog.text
    assert "answers only you" not in caplog.text
