"""A real slack_bolt App runs against the Slack sandbox: its startup auth.test passes, a bad
token stops it, and a listener's `say` reaches the sandbox."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from slack_bolt import App, BoltRequest
from slack_bolt.error import BoltError
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from integrations.slack.sandbox import SlackSandbox

TOKEN = "xoxb-bolt"
SIGNING_SECRET = "bolt-signing-secret"


@pytest.fixture
def sandbox() -> Iterator[SlackSandbox]:
    with SlackSandbox(TOKEN) as running:
        yield running


def make_app(sandbox: SlackSandbox, token: str = TOKEN) -> App:
    client = WebClient(token=token, base_url=sandbox.url, retry_handlers=[])
    return App(
        client=client,
        signing_secret=SIGNING_SECRET,
        token_verification_enabled=True,
        process_before_response=True,  # run listeners inside dispatch(), not on a thread
    )


def signed_request(body: dict[str, Any]) -> BoltRequest:
    raw = json.dumps(body)
    timestamp = str(int(time.time()))
    signature = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=timestamp, body=raw)
    assert signature is not None
    headers = {
        "content-type": ["application/json"],
        "x-slack-request-timestamp": [timestamp],
        "x-slack-signature": [signature],
    }
    return BoltRequest(body=raw, headers=headers)


def test_a_bolt_app_passes_its_auth_test_at_startup(sandbox: SlackSandbox) -> None:
    make_app(sandbox)

    assert sandbox.calls["auth.test"] == 1


def test_a_bolt_app_with_a_wrong_token_fails_at_startup(sandbox: SlackSandbox) -> None:
    with pytest.raises(BoltError, match="invalid_auth"):
        make_app(sandbox, token="xoxb-not-this-one")


def test_a_listener_that_says_something_posts_it_to_the_sandbox(sandbox: SlackSandbox) -> None:
    app = make_app(sandbox)
    channel = sandbox.channel_id("support-managers")
    manager = sandbox.user_id("manager@example.com")

    @app.event("app_mention")
    def answer(event: dict[str, Any], say: Callable[..., Any]) -> None:
        say(text=f"<@{event['user']}> the digest is on its way", thread_ts=event["ts"])

    response = app.dispatch(
        signed_request(
            {
                "token": "unused",
                "team_id": "T0000000001",
                "api_app_id": "A0000000001",
                "type": "event_callback",
                "event_id": "Ev0000000001",
                "event_time": int(time.time()),
                "event": {
                    "type": "app_mention",
                    "user": manager,
                    "text": "<@U0000000000> digest?",
                    "ts": "1700000000.000100",
                    "channel": channel,
                    "event_ts": "1700000000.000100",
                },
            }
        )
    )

    assert response.status == 200
    (message,) = sandbox.messages
    assert message.channel == channel
    assert message.text == f"<@{manager}> the digest is on its way"
    assert message.thread_ts == "1700000000.000100"
