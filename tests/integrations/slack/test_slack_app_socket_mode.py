"""Socket Mode: the app dials the sandbox (apps.connections.open with an app-level token,
then a websocket), and an envelope delivered over it reaches the same listeners as HTTP and
is acked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from slack_bolt import App

from bot.errors import SettingsError
from integrations.slack.sandbox import SlackSandbox
from integrations.slack.socket_mode import socket_mode_handler
from tests.integrations.slack.slack_app_support import (
    DRAFT_ID,
    NOW,
    Clock,
    DrainableExecutor,
    FakeDomain,
    block_texts,
    current,
    draft,
    make_app,
    post_draft_message,
)

AGENT = "chloe@example.com"
WAIT_SECONDS = 10.0


@pytest.fixture
def domain() -> FakeDomain:
    fake = FakeDomain()
    fake.drafts[DRAFT_ID] = draft()
    return fake


@pytest.fixture
def app(
    sandbox: SlackSandbox, domain: FakeDomain, clock: Clock, executor: DrainableExecutor
) -> App:
    return make_app(sandbox, domain, clock, executor, socket_mode=True)


@pytest.fixture
def connected(sandbox: SlackSandbox, app: App) -> Iterator[SlackSandbox]:
    handler = socket_mode_handler(app, sandbox.app_token)
    handler.connect()
    try:
        assert sandbox.socket_mode.wait_connected(WAIT_SECONDS), "the app never connected"
        yield sandbox
    finally:
        handler.close()


def test_a_click_delivered_over_the_websocket_reaches_the_listener_and_is_acked(
    connected: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor
) -> None:
    sandbox = connected
    message = post_draft_message(sandbox, AGENT)
    payload = sandbox.block_action(message, "alignbot_nudge_snooze", email=AGENT)

    envelope_id = sandbox.socket_mode.send_envelope("interactive", payload)
    ack = sandbox.socket_mode.wait_for_ack(envelope_id, WAIT_SECONDS)
    executor.drain()

    assert ack is not None and ack["envelope_id"] == envelope_id
    agent = sandbox.user_id(AGENT)
    assert domain.calls == [("snooze", agent, 42, NOW + timedelta(hours=4), NOW)]
    assert any("Snoozed" in text for text in block_texts(current(sandbox, message)))
    assert sandbox.calls["apps.connections.open"] == 1


def test_a_slash_command_over_the_websocket_is_answered_in_the_ack(
    connected: SlackSandbox, domain: FakeDomain, executor: DrainableExecutor
) -> None:
    sandbox = connected
    fields = sandbox.slash_command("/alignbot", "help", email=AGENT)

    envelope_id = sandbox.socket_mode.send_envelope(
        "slash_commands", dict(fields), accepts_response_payload=True
    )
    ack = sandbox.socket_mode.wait_for_ack(envelope_id, WAIT_SECONDS)
    executor.drain()

    assert ack is not None
    assert ack["payload"]["response_type"] == "ephemeral"
    assert ack["payload"]["text"].startswith("*/alignbot* answers only you")
    assert domain.calls == []


def test_apps_connections_open_refuses_the_bot_token(sandbox: SlackSandbox) -> None:
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

    client = WebClient(base_url=sandbox.url, retry_handlers=[])
    with pytest.raises(SlackApiError, match="not_allowed_token_type"):
        client.apps_connections_open(app_token=sandbox.token)
    assert sandbox.socket_mode.connected == 0


def test_socket_mode_needs_an_app_level_token(app: App) -> None:
    with pytest.raises(SettingsError, match="SLACK_APP_TOKEN"):
        socket_mode_handler(app, "xoxb-a-bot-token")
