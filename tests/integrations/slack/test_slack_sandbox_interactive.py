"""The sandbox's half of interactivity, with the real slack_sdk: requests signed exactly as
Slack signs them, modals opened only from fresh trigger ids, and response_url replies that
edit the message a click came from."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import Clock, SignatureVerifier
from slack_sdk.webhook import WebhookClient

from integrations.slack.app import COMMAND
from integrations.slack.http import EVENTS_PATH
from integrations.slack.sandbox import RecordedMessage, SlackSandbox, form_body, interaction_body
from integrations.slack.sandbox.server import SCOPES

TOKEN = "xoxb-interactive"
SECRET = "interactive-secret"
T0 = 1_764_756_000.0  # 2025-12-03 10:00 UTC
MANIFEST = Path(__file__).resolve().parents[3] / "slack" / "manifest.yml"


class FixedClock(Clock):
    def __init__(self, now: float) -> None:
        self.at = now

    def now(self) -> float:
        return self.at


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def sandbox(clock: FixedClock) -> Iterator[SlackSandbox]:
    with SlackSandbox(TOKEN, clock=clock.now, signing_secret=SECRET) as running:
        yield running


@pytest.fixture
def client(sandbox: SlackSandbox) -> WebClient:
    return WebClient(token=TOKEN, base_url=sandbox.url, retry_handlers=[])


def button_message(client: WebClient, sandbox: SlackSandbox) -> RecordedMessage:
    client.chat_postMessage(
        channel="#general",
        text="pick",
        blocks=[
            {"type": "section", "text": {"type": "plain_text", "text": "Pick one"}},
            {
                "type": "actions",
                "block_id": "choices",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Go"},
                        "action_id": "go",
                        "value": "42",
                    }
                ],
            },
        ],
    )
    return sandbox.messages[-1]


def modal(**changes: Any) -> dict[str, Any]:
    view: dict[str, Any] = {
        "type": "modal",
        "callback_id": "edit",
        "title": {"type": "plain_text", "text": "Edit"},
        "submit": {"type": "plain_text", "text": "Send"},
        "blocks": [
            {
                "type": "input",
                "block_id": "body",
                "label": {"type": "plain_text", "text": "Text"},
                "element": {"type": "plain_text_input", "action_id": "body", "multiline": True},
            }
        ],
    }
    view.update(changes)
    return {k: v for k, v in view.items() if v is not None}


def test_a_signed_request_passes_slack_sdks_verifier_and_a_changed_byte_does_not(
    sandbox: SlackSandbox, clock: FixedClock
) -> None:
    body = interaction_body({"type": "block_actions", "text": "café & <b>"})
    headers, raw = sandbox.signed_request(body)
    verifier = SignatureVerifier(SECRET, clock=clock)

    assert headers["X-Slack-Request-Timestamp"] == str(int(T0))
    assert headers["X-Slack-Signature"].startswith("v0=")
    assert verifier.is_valid_request(raw, headers)
    assert not verifier.is_valid_request(raw + b"x", headers)
    assert not SignatureVerifier("other", clock=clock).is_valid_request(raw, headers)


def test_a_click_payload_carries_the_buttons_value_and_block_and_slacks_wire_form(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    message = button_message(client, sandbox)

    payload = sandbox.block_action(message, "go", email="ana@example.com")
    body = interaction_body(payload)

    (action,) = payload["actions"]
    assert (action["action_id"], action["block_id"], action["value"]) == ("go", "choices", "42")
    assert payload["user"]["id"] == sandbox.user_id("ana@example.com")
    assert payload["container"] == {
        "type": "message",
        "message_ts": message.ts,
        "channel_id": message.channel,
        "is_ephemeral": False,
    }
    assert body.startswith(b"payload=%7B")
    with pytest.raises(KeyError, match="no button 'gone'"):
        sandbox.block_action(message, "gone", email="ana@example.com")


def test_slash_command_fields_are_slacks(sandbox: SlackSandbox) -> None:
    fields = sandbox.slash_command("/alignbot", "ticket 5", email="ben@example.com")

    assert fields["command"] == "/alignbot" and fields["text"] == "ticket 5"
    assert fields["user_id"] == sandbox.user_id("ben@example.com")
    assert fields["channel_id"] == sandbox.channel_id("general")
    assert fields["response_url"].startswith(f"http://127.0.0.1:{sandbox.port}/actions/")
    assert b"command=%2Falignbot" in form_body(fields)


def test_views_open_records_a_modal_from_a_fresh_trigger_only_once(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    trigger = sandbox.slash_command("/alignbot", "", email="ana@example.com")["trigger_id"]

    opened = client.views_open(trigger_id=trigger, view=modal(private_metadata="7"))

    view = opened["view"]
    assert view["id"] in sandbox.views.views
    recorded = sandbox.views.views[view["id"]]
    assert (recorded.callback_id, recorded.private_metadata) == ("edit", "7")
    assert recorded.user == sandbox.user_id("ana@example.com")
    with pytest.raises(SlackApiError, match="exchanged_trigger_id"):
        client.views_open(trigger_id=trigger, view=modal())


def test_views_open_refuses_a_trigger_older_than_three_seconds_on_the_sandbox_clock(
    sandbox: SlackSandbox, client: WebClient, clock: FixedClock
) -> None:
    trigger = sandbox.slash_command("/alignbot", "", email="ana@example.com")["trigger_id"]
    clock.at = T0 + 3.5

    with pytest.raises(SlackApiError, match="expired_trigger_id"):
        client.views_open(trigger_id=trigger, view=modal())
    with pytest.raises(SlackApiError, match="invalid_trigger_id"):
        client.views_open(trigger_id="12345.67890.abcdef", view=modal())
    assert sandbox.views.views == {}


@pytest.mark.parametrize(
    ("view", "pointer"),
    [
        (modal(type="home"), "/view/type"),
        (modal(title=None), "/view/title"),
        (modal(title={"type": "plain_text", "text": "x" * 25}), "/view/title/text"),
        (modal(submit=None), "/view/submit"),
        (modal(blocks=[{"type": "nonsense"}]), "/view/blocks/0/type"),
        (modal(callback_id=5), "/view/callback_id"),
    ],
)
def test_views_open_refuses_a_malformed_view(
    sandbox: SlackSandbox, client: WebClient, view: dict[str, Any], pointer: str
) -> None:
    trigger = sandbox.slash_command("/alignbot", "", email="ana@example.com")["trigger_id"]

    with pytest.raises(SlackApiError) as refused:
        client.views_open(trigger_id=trigger, view=view)

    assert refused.value.response["error"] == "invalid_arguments"
    messages = refused.value.response["response_metadata"]["messages"]
    assert any(f"[json-pointer:{pointer}]" in m for m in messages), messages
    assert sandbox.views.views == {}


def test_views_update_replaces_the_view_and_refuses_a_stale_hash(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    trigger = sandbox.slash_command("/alignbot", "", email="ana@example.com")["trigger_id"]
    first = client.views_open(trigger_id=trigger, view=modal())["view"]

    second = client.views_update(
        view_id=first["id"], hash=first["hash"], view=modal(callback_id="edited")
    )["view"]

    assert second["id"] == first["id"] and second["hash"] != first["hash"]
    assert sandbox.views.views[first["id"]].callback_id == "edited"
    with pytest.raises(SlackApiError, match="hash_conflict"):
        client.views_update(view_id=first["id"], hash=first["hash"], view=modal())
    with pytest.raises(SlackApiError, match="not_found"):
        client.views_update(view_id="V999", view=modal())


def test_a_reply_on_the_response_url_replaces_or_deletes_the_clicked_message(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    message = button_message(client, sandbox)
    first = sandbox.block_action(message, "go", email="ana@example.com")

    WebhookClient(first["response_url"]).send(replace_original=True, text="Done")

    (edited,) = sandbox.history("#general")
    assert (edited.ts, edited.text, edited.blocks) == (message.ts, "Done", None)
    assert edited.edited_ts is not None
    second = sandbox.block_action(message, "go", email="ana@example.com", value="42")
    WebhookClient(second["response_url"]).send(delete_original=True)
    assert sandbox.history("#general") == []
    assert [r.text for r in sandbox.responses] == ["Done", None]


def test_an_unknown_response_url_is_404(sandbox: SlackSandbox) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{sandbox.port}/actions/nope",
        data=json.dumps({"text": "hi"}).encode(),
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 404


def test_the_manifest_declares_the_apps_command_urls_and_scopes() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())

    (command,) = manifest["features"]["slash_commands"]
    assert command["command"] == COMMAND
    assert command["url"].endswith(EVENTS_PATH)
    interactivity = manifest["settings"]["interactivity"]
    assert interactivity["is_enabled"] is True
    assert interactivity["request_url"].endswith(EVENTS_PATH)
    assert manifest["settings"]["socket_mode_enabled"] is False
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    # Every scope the sandbox's tokens carry (what alignbot's Web API calls need), and the
    # slash command's.
    assert set(SCOPES.split(",")) | {"commands"} <= scopes
