"""The Slack app over real HTTP: Slack-signed requests from the sandbox reach the listeners
through uvicorn, bolt's Starlette adapter and its signature check; what the listeners do
shows up in the sandbox (the clicked message replaced, the Edit modal opened)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest

from integrations.slack.http import EVENTS_PATH, create_http_app
from integrations.slack.sandbox import SlackSandbox, interaction_body, sign
from tests.integrations.slack.slack_app_support import (
    DRAFT_ID,
    NOW,
    SIGNING_SECRET,
    Clock,
    DrainableExecutor,
    FakeDomain,
    block_texts,
    current,
    draft,
    make_app,
    post_draft_message,
)
from tests.web.web_support import serving

AGENT = "ana@example.com"


@pytest.fixture
def domain() -> FakeDomain:
    fake = FakeDomain()
    fake.drafts[DRAFT_ID] = draft()
    return fake


@pytest.fixture
def events_url(
    sandbox: SlackSandbox, domain: FakeDomain, clock: Clock, executor: DrainableExecutor
) -> Iterator[str]:
    app = make_app(sandbox, domain, clock, executor)
    with serving(create_http_app(app)) as base:  # type: ignore[arg-type]
        yield base + EVENTS_PATH


def test_a_signed_send_click_reaches_the_domain_and_replaces_the_buttons_with_the_outcome(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    message = post_draft_message(sandbox, AGENT)
    payload = sandbox.block_action(message, "alignbot_update_send", email=AGENT)

    answer = sandbox.post_to_app(events_url, interaction_body(payload))
    executor.drain()

    assert answer.status == 200
    agent = sandbox.user_id(AGENT)
    assert domain.calls == [("review_draft", DRAFT_ID, "send", agent, NOW, None)]
    edited = current(sandbox, message)
    assert edited.edited_ts is not None
    assert f"Sent to the customer (<@{agent}>)" in block_texts(edited)
    remaining = [
        element["action_id"]
        for block in edited.blocks or []
        if block["type"] == "actions"
        for element in block["elements"]
    ]
    # The draft's buttons are gone; the snooze row batched with it stays clickable.
    assert remaining == ["alignbot_nudge_snooze", "alignbot_open_ticket"]


def test_the_click_is_acknowledged_before_the_slow_review_finishes(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    domain.gate = threading.Event()
    message = post_draft_message(sandbox, AGENT)
    payload = sandbox.block_action(message, "alignbot_update_skip", email=AGENT)

    answer = sandbox.post_to_app(events_url, interaction_body(payload))

    # Slack has its 200 while the review is still held at the gate.
    assert answer.status == 200
    assert not domain.reviewed.is_set()
    assert current(sandbox, message).edited_ts is None
    domain.gate.set()
    executor.drain()
    assert domain.reviewed.is_set()
    assert any("Skipped" in text for text in block_texts(current(sandbox, message)))


@pytest.mark.parametrize(
    ("secret", "age_seconds"),
    [
        pytest.param("not-the-signing-secret", 0, id="forged signature"),
        pytest.param(SIGNING_SECRET, 5 * 60 + 1, id="timestamp over 5 minutes old"),
        pytest.param(SIGNING_SECRET, -(5 * 60 + 1), id="timestamp over 5 minutes ahead"),
    ],
)
def test_a_forged_or_stale_request_is_refused_and_changes_nothing(
    sandbox: SlackSandbox,
    domain: FakeDomain,
    executor: DrainableExecutor,
    events_url: str,
    secret: str,
    age_seconds: int,
) -> None:
    message = post_draft_message(sandbox, AGENT)
    payload = sandbox.block_action(message, "alignbot_update_send", email=AGENT)
    body = interaction_body(payload)
    headers = sign(body, secret=secret, timestamp=int(NOW.timestamp()) - age_seconds)

    answer = sandbox.post_to_app(events_url, body, headers=headers)
    executor.drain()

    assert answer.status == 401
    assert domain.calls == []
    assert current(sandbox, message) == message
    assert sandbox.responses == []


def test_a_request_signed_within_the_five_minutes_is_accepted(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    message = post_draft_message(sandbox, AGENT)
    payload = sandbox.block_action(message, "alignbot_update_skip", email=AGENT)

    answer = sandbox.post_to_app(
        events_url, interaction_body(payload), timestamp=int(NOW.timestamp()) - 5 * 60 + 1
    )
    executor.drain()

    assert answer.status == 200
    assert [call[:3] for call in domain.calls] == [("review_draft", DRAFT_ID, "skip")]


def test_a_request_without_signature_headers_is_refused(
    sandbox: SlackSandbox, domain: FakeDomain, events_url: str
) -> None:
    message = post_draft_message(sandbox, AGENT)
    payload = sandbox.block_action(message, "alignbot_update_send", email=AGENT)

    answer = sandbox.post_to_app(events_url, interaction_body(payload), headers={})

    assert answer.status == 401
    assert domain.calls == []


def test_edit_opens_the_modal_with_the_draft_and_its_submission_sends_the_edited_body(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    message = post_draft_message(sandbox, AGENT)
    click = sandbox.block_action(message, "alignbot_update_edit", email=AGENT)

    assert sandbox.post_to_app(events_url, interaction_body(click)).status == 200
    executor.drain()

    (modal,) = sandbox.views.views.values()
    assert modal.callback_id == "alignbot_update_edit_modal"
    assert modal.private_metadata == str(DRAFT_ID)
    body_input = next(b for b in modal.view["blocks"] if b.get("block_id") == "body")
    assert body_input["element"]["action_id"] == "body"
    assert body_input["element"]["initial_value"] == draft().body
    assert not [call for call in domain.calls if call[0] == "review_draft"]

    edited = "Update: the fix ships tomorrow <b>morning</b>."
    submission = sandbox.view_submission(modal.id, {"body": {"body": edited}}, email=AGENT)
    answer = sandbox.post_to_app(events_url, interaction_body(submission))
    executor.drain()

    assert answer.status == 200
    assert not answer.body  # an empty 200 closes the modal
    agent = sandbox.user_id(AGENT)
    assert domain.calls[-1] == ("review_draft", DRAFT_ID, "send", agent, NOW, edited)
    dm = sandbox.messages[-1]
    assert dm.channel != message.channel or dm.ts != message.ts
    assert dm.text == "Sent to the customer (edited)"


def test_an_empty_edit_is_refused_in_the_modal_and_nothing_is_sent(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    message = post_draft_message(sandbox, AGENT)
    click = sandbox.block_action(message, "alignbot_update_edit", email=AGENT)
    sandbox.post_to_app(events_url, interaction_body(click))
    executor.drain()
    (modal,) = sandbox.views.views.values()

    submission = sandbox.view_submission(modal.id, {"body": {"body": "   "}}, email=AGENT)
    answer = sandbox.post_to_app(events_url, interaction_body(submission))
    executor.drain()

    assert answer.status == 200
    assert answer.json() == {
        "response_action": "errors",
        "errors": {"body": "The update cannot be empty."},
    }
    assert not [call for call in domain.calls if call[0] == "review_draft"]


def test_an_edit_click_on_a_sent_draft_says_so_instead_of_opening_a_modal(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    domain.drafts[DRAFT_ID] = draft(status="sent")
    message = post_draft_message(sandbox, AGENT)
    click = sandbox.block_action(message, "alignbot_update_edit", email=AGENT)

    sandbox.post_to_app(events_url, interaction_body(click))
    executor.drain()

    assert sandbox.views.views == {}
    (reply,) = sandbox.responses
    assert reply.text == "This draft is already sent: nothing to edit."


def test_an_edit_click_handled_after_its_trigger_expired_opens_no_modal(
    sandbox: SlackSandbox,
    domain: FakeDomain,
    clock: Clock,
    executor: DrainableExecutor,
    events_url: str,
) -> None:
    message = post_draft_message(sandbox, AGENT)
    click = sandbox.block_action(message, "alignbot_update_edit", email=AGENT)
    clock.now = NOW + timedelta(seconds=4)  # Slack's trigger ids last 3 s

    assert sandbox.post_to_app(events_url, interaction_body(click)).status == 200
    executor.drain()

    assert sandbox.views.views == {}
    assert sandbox.calls["views.open"] == 1
    (reply,) = sandbox.responses
    assert reply.text == "Slack timed out opening the editor: click Edit again."
    assert current(sandbox, message) == message  # the Edit button is still there


def test_snooze_records_until_now_plus_the_buttons_hours(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    message = post_draft_message(sandbox, AGENT)
    click = sandbox.block_action(message, "alignbot_nudge_snooze", email=AGENT)

    assert sandbox.post_to_app(events_url, interaction_body(click)).status == 200
    executor.drain()

    agent = sandbox.user_id(AGENT)
    assert domain.calls == [("snooze", agent, 42, NOW + timedelta(hours=4), NOW)]
    assert any("until 2026-12-03 14:00 UTC" in t for t in block_texts(current(sandbox, message)))


def test_a_malformed_snooze_value_snoozes_nothing(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    message = post_draft_message(sandbox, AGENT)
    click = sandbox.block_action(
        message, "alignbot_nudge_snooze", email=AGENT, value='{"ticket": 42, "hours": 100000}'
    )

    assert sandbox.post_to_app(events_url, interaction_body(click)).status == 200
    executor.drain()

    assert domain.calls == []
    assert any("malformed" in t for t in block_texts(current(sandbox, message)))


def test_the_open_in_zendesk_button_is_only_acknowledged(
    sandbox: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor, events_url: str
) -> None:
    message = post_draft_message(sandbox, AGENT)
    click = sandbox.block_action(message, "alignbot_open_ticket", email=AGENT)

    answer = sandbox.post_to_app(events_url, interaction_body(click))
    executor.drain()

    assert answer.status == 200
    assert domain.calls == []
    assert current(sandbox, message) == message


def test_a_failing_review_keeps_the_buttons_and_asks_to_try_again_and_logs_no_detail(
    sandbox: SlackSandbox,
    domain: FakeDomain,
    executor: DrainableExecutor,
    events_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    domain.failure = ConnectionError("row values: customer-secret-words")
    message = post_draft_message(sandbox, AGENT)
    payload = sandbox.block_action(message, "alignbot_update_send", email=AGENT)

    answer = sandbox.post_to_app(events_url, interaction_body(payload))
    executor.drain()

    assert answer.status == 200
    assert current(sandbox, message) == message
    (reply,) = sandbox.responses
    assert reply.text == "alignbot could not record that just now: please try again in a minute."
    assert "the Slack app's send failed: ConnectionError" in caplog.text
    assert "customer-secret-words" not in caplog.text


def test_nothing_a_request_carries_is_logged(
    sandbox: SlackSandbox,
    domain: FakeDomain,
    executor: DrainableExecutor,
    events_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    message = post_draft_message(sandbox, AGENT)
    payload = sandbox.block_action(message, "alignbot_update_send", email=AGENT)
    payload["message"]["text"] = "customer-secret-words"
    body = interaction_body(payload)
    forged = sign(body, secret="forged", timestamp=int(NOW.timestamp()))

    sandbox.post_to_app(events_url, body, headers=forged)
    sandbox.post_to_app(events_url, body)
    executor.drain()

    assert "refused a request whose Slack signature" in caplog.text
    assert "customer-secret-words" not in caplog.text
    assert SIGNING_SECRET not in caplog.text
