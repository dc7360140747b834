"""SlackChat implements the Chat port on the real slack_sdk, against the sandbox over loopback:
what it posts, how it finds a message again, and which port error each failure becomes."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.chat import Chat, ChatError, ChatRateLimited, ChatUnavailable, PostedMessage
from bot.errors import SettingsError
from bot.settings import load_settings
from integrations.slack.client import METADATA_EVENT_TYPE, SlackChat
from integrations.slack.sandbox import SlackSandbox

TOKEN = "xoxb-client-secret-123"


@pytest.fixture
def sandbox() -> Iterator[SlackSandbox]:
    with SlackSandbox(TOKEN, seed=5) as running:
        yield running


@pytest.fixture
def chat(sandbox: SlackSandbox) -> SlackChat:
    return SlackChat(TOKEN, base_url=sandbox.url, timeout=5)


def test_post_message_lands_in_the_channel_with_the_key_in_its_metadata(
    sandbox: SlackSandbox, chat: SlackChat
) -> None:
    port: Chat = chat
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*AHT* 12 min"}}]

    posted = port.post_message(
        "#support-managers", text="digest", blocks=blocks, idempotency_key="digest:2026-03-01"
    )

    (message,) = sandbox.messages
    assert posted == PostedMessage(channel=sandbox.channel_id("support-managers"), ts=message.ts)
    assert (message.text, message.blocks) == ("digest", blocks)
    assert message.metadata == {
        "event_type": METADATA_EVENT_TYPE,
        "event_payload": {"idempotency_key": "digest:2026-03-01"},
    }


def test_post_message_to_a_user_id_goes_to_their_dm(sandbox: SlackSandbox, chat: SlackChat) -> None:
    ana = sandbox.user_id("ana@example.com")

    posted = chat.post_message(ana, text="3 tickets waiting on you")

    assert posted.channel == chat.open_direct_message(ana)
    assert posted.channel.startswith("D")


def test_find_message_finds_a_posted_message_by_its_key(
    sandbox: SlackSandbox, chat: SlackChat
) -> None:
    since = time.time() - 5
    chat.post_message("#support-managers", text="other", idempotency_key="k-other")
    posted = chat.post_message("#support-managers", text="wanted", idempotency_key="k-wanted")
    fresh = SlackChat(TOKEN, base_url=sandbox.url)  # no name cache: resolves via the list

    assert fresh.find_message("#support-managers", "k-wanted", oldest=since) == posted
    assert chat.find_message(posted.channel, "k-wanted", oldest=since) == posted
    assert fresh.find_message("#support-managers", "k-unknown", oldest=since) is None
    assert fresh.find_message("#support-managers", "k-wanted", oldest=time.time() + 60) is None
    assert sandbox.calls["conversations.list"] == 1


def test_find_message_pages_through_a_busy_channel(sandbox: SlackSandbox, chat: SlackChat) -> None:
    since = time.time() - 5
    first = chat.post_message("#general", text="the first", idempotency_key="oldest-one")
    raw = WebClient(token=TOKEN, base_url=sandbox.url, retry_handlers=[])
    for n in range(210):
        raw.chat_postMessage(channel="#general", text=f"chatter {n}")

    assert chat.find_message("#general", "oldest-one", oldest=since) == first
    assert sandbox.calls["conversations.history"] == 2


def test_find_message_in_an_unknown_channel_says_what_to_check(chat: SlackChat) -> None:
    with pytest.raises(ChatError) as excinfo:
        chat.find_message("#no-such-channel", "k", oldest=0)

    assert not isinstance(excinfo.value, ChatUnavailable)
    assert "channel_not_found" in str(excinfo.value)
    assert "#no-such-channel" in str(excinfo.value)
    assert "invite" in str(excinfo.value)


def test_a_message_accepted_whose_answer_was_lost_is_found_again_not_posted_twice(
    sandbox: SlackSandbox, chat: SlackChat
) -> None:
    since = time.time() - 5
    sandbox.accept_then_fail = 1

    with pytest.raises(ChatUnavailable):
        chat.post_message("#support-managers", text="digest", idempotency_key="once")
    found = chat.find_message("#support-managers", "once", oldest=since)

    assert len(sandbox.messages) == 1
    assert found == PostedMessage(channel=sandbox.messages[0].channel, ts=sandbox.messages[0].ts)


def test_a_rate_limit_becomes_chat_rate_limited_with_slacks_retry_after(
    sandbox: SlackSandbox, chat: SlackChat
) -> None:
    sandbox.fail_rate = 1.0
    sandbox.faults = {"429"}
    sandbox.retry_after = 7

    with pytest.raises(ChatRateLimited) as excinfo:
        chat.post_message("#general", text="too fast")

    assert excinfo.value.retry_after == 7
    assert sandbox.messages == []


def test_the_per_minute_limit_also_becomes_chat_rate_limited(
    sandbox: SlackSandbox, chat: SlackChat
) -> None:
    sandbox.rate_limit_per_minute = 1
    chat.post_message("#general", text="first")

    with pytest.raises(ChatRateLimited) as excinfo:
        chat.post_message("#general", text="second")

    assert 1 <= excinfo.value.retry_after <= 60
    assert [m.text for m in sandbox.messages] == ["first"]


@pytest.mark.parametrize("kind", ["500", "503"])
def test_a_server_error_becomes_chat_unavailable(
    sandbox: SlackSandbox, chat: SlackChat, kind: str
) -> None:
    sandbox.fail_rate = 1.0
    sandbox.faults = {kind}

    with pytest.raises(ChatUnavailable) as excinfo:
        chat.post_message("#general", text="x")

    assert not isinstance(excinfo.value, ChatRateLimited)
    assert kind in str(excinfo.value)
    assert sandbox.calls["chat.postMessage"] == 1  # slack_sdk did not retry on its own


def test_a_dropped_connection_or_a_timeout_becomes_chat_unavailable(
    sandbox: SlackSandbox,
) -> None:
    sandbox.fail_rate = 1.0
    sandbox.faults = {"drop"}
    with pytest.raises(ChatUnavailable):
        SlackChat(TOKEN, base_url=sandbox.url).post_message("#general", text="x")

    sandbox.faults = {"slow"}
    sandbox.slow_seconds = 0.5
    with pytest.raises(ChatUnavailable) as excinfo:
        SlackChat(TOKEN, base_url=sandbox.url, timeout=0.1).post_message("#general", text="x")

    assert "in time" in str(excinfo.value)
    time.sleep(0.5)
    assert sandbox.messages == []


def test_nothing_listening_becomes_chat_unavailable_naming_the_url() -> None:
    sandbox = SlackSandbox().start()
    url = sandbox.url
    sandbox.stop()

    with pytest.raises(ChatUnavailable) as excinfo:
        SlackChat("xoxb-x", base_url=url, timeout=1).lookup_user_by_email("a@example.com")

    assert url in str(excinfo.value)


def test_a_bad_token_is_a_chat_error_that_names_the_setting_not_the_token(
    sandbox: SlackSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "xoxb-wrong-secret-456"

    with pytest.raises(ChatError) as excinfo:
        SlackChat(wrong, base_url=sandbox.url).post_message("#general", text="x")

    message = str(excinfo.value)
    assert not isinstance(excinfo.value, ChatUnavailable)
    assert "invalid_auth" in message and "SLACK_BOT_TOKEN" in message
    assert wrong not in message
    assert wrong not in caplog.text
    assert wrong not in repr(SlackChat(wrong, base_url=sandbox.url))


def test_invalid_blocks_are_a_chat_error_with_slacks_explanation(
    sandbox: SlackSandbox, chat: SlackChat
) -> None:
    header = {"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}

    with pytest.raises(ChatError) as excinfo:
        chat.post_message("#general", text="x", blocks=[header])

    assert not isinstance(excinfo.value, ChatUnavailable)
    assert "invalid_blocks" in str(excinfo.value)
    assert "/blocks/0/text" in str(excinfo.value)
    assert sandbox.messages == []


def test_posting_to_an_unknown_channel_says_to_invite_the_app(chat: SlackChat) -> None:
    with pytest.raises(ChatError) as excinfo:
        chat.post_message("#ghost-town", text="x")

    assert "channel_not_found" in str(excinfo.value)
    assert "#ghost-town" in str(excinfo.value)
    assert "/invite @alignbot" in str(excinfo.value)


def test_open_direct_message_is_stable_and_lookup_by_email_finds_or_returns_none(
    sandbox: SlackSandbox, chat: SlackChat
) -> None:
    ana = chat.lookup_user_by_email("ana@example.com")

    assert ana == sandbox.user_id("ana@example.com")
    assert chat.lookup_user_by_email("stranger@example.com") is None
    assert chat.open_direct_message(ana) == chat.open_direct_message(ana)
    with pytest.raises(ChatError, match="user_not_found"):
        chat.open_direct_message("U0999999999")


def test_upload_file_shares_it_into_a_named_channel(sandbox: SlackSandbox, chat: SlackChat) -> None:
    file_id = chat.upload_file(
        "#support-managers",
        filename="trend.png",
        content=b"\x89PNG\r\n fake",
        title="Trend",
        alt_text="closure rate vs confirmed resolution",
        initial_comment="This week",
    )

    (uploaded,) = sandbox.files
    assert uploaded.id == file_id
    assert uploaded.channel == sandbox.channel_id("support-managers")
    assert (uploaded.content, uploaded.title) == (b"\x89PNG\r\n fake", "Trend")
    assert uploaded.alt_text == "closure rate vs confirmed resolution"


def test_from_settings_needs_a_token_and_uses_the_api_url(sandbox: SlackSandbox) -> None:
    with pytest.raises(SettingsError, match="SLACK_BOT_TOKEN"):
        SlackChat.from_settings(load_settings(_env_file=None, slack_bot_token=None))

    settings = load_settings(_env_file=None, slack_bot_token=TOKEN, slack_api_url=sandbox.url)
    chat = SlackChat.from_settings(settings)

    assert chat.post_message("#general", text="configured").channel.startswith("C")


def test_update_message_replaces_text_and_blocks_keeping_the_message_and_its_ts(
    sandbox: SlackSandbox, chat: SlackChat
) -> None:
    port: Chat = chat
    first = [{"type": "section", "text": {"type": "mrkdwn", "text": "*empty* digest"}}]
    second = [{"type": "section", "text": {"type": "mrkdwn", "text": "*real* digest"}}]
    posted = port.post_message("#support-managers", text="v1", blocks=first, idempotency_key="k")

    updated = port.update_message("#support-managers", posted.ts, text="v2", blocks=second)
    again = port.update_message(posted.channel, posted.ts, text="v2", blocks=second)

    (message,) = sandbox.messages
    assert updated == again == posted
    assert (message.text, message.blocks, message.ts) == ("v2", second, posted.ts)
    assert message.metadata is not None and message.edited_ts is not None
    assert sandbox.calls["chat.update"] == 2


def test_updating_a_message_that_is_gone_or_not_the_bots_is_a_chat_error_saying_why(
    sandbox: SlackSandbox, chat: SlackChat
) -> None:
    typed = sandbox.add_message("#general", "hi", email="ana@example.com")

    with pytest.raises(ChatError) as gone:
        chat.update_message("#general", "1700000000.000001", text="x")
    with pytest.raises(ChatError) as theirs:
        chat.update_message(typed.channel, typed.ts, text="x")

    assert not isinstance(gone.value, ChatUnavailable)
    assert "message_not_found" in str(gone.value) and "deleted" in str(gone.value)
    assert "cant_update_message" in str(theirs.value)


def test_a_server_error_on_update_is_chat_unavailable(
    sandbox: SlackSandbox, chat: SlackChat
) -> None:
    posted = chat.post_message("#general", text="v1")
    sandbox.faults, sandbox.fail_rate = {"500"}, 1.0

    with pytest.raises(ChatUnavailable):
        chat.update_message(posted.channel, posted.ts, text="v2")

    assert sandbox.messages[0].text == "v1"
