"""The Slack sandbox speaks Slack's Web API: the real slack_sdk WebClient works against it, it
validates like Slack, and it records only what it accepted."""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from integrations.slack.sandbox import RecordedMessage, SlackSandbox

TOKEN = "xoxb-test-token"


@pytest.fixture
def sandbox() -> Iterator[SlackSandbox]:
    with SlackSandbox(TOKEN, seed=3) as running:
        yield running


@pytest.fixture
def client(sandbox: SlackSandbox) -> WebClient:
    return WebClient(token=TOKEN, base_url=sandbox.url, timeout=5, retry_handlers=[])


def slack_error(excinfo: pytest.ExceptionInfo[SlackApiError]) -> tuple[int, dict[str, Any]]:
    response = excinfo.value.response
    assert isinstance(response.data, dict)
    return response.status_code, response.data


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def test_the_url_is_a_loopback_api_base_url_with_a_trailing_slash(sandbox: SlackSandbox) -> None:
    assert sandbox.url == f"http://127.0.0.1:{sandbox.port}/api/"


def test_a_posted_message_is_answered_like_slack_and_recorded(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    blocks = [section("*Daily digest*")]
    response = client.chat_postMessage(channel="#support-managers", text="digest", blocks=blocks)

    assert response["ok"] is True
    assert response["channel"] == sandbox.channel_id("support-managers")
    assert response["message"]["text"] == "digest"
    assert response["message"]["blocks"] == blocks
    assert sandbox.messages == [
        RecordedMessage(
            channel=sandbox.channel_id("#support-managers"),
            ts=response["ts"],
            text="digest",
            blocks=blocks,
            metadata=None,
            thread_ts=None,
            user=sandbox.messages[0].user,
        )
    ]
    assert sandbox.calls["chat.postMessage"] == 1


def test_every_channel_spelling_slack_accepts_reaches_the_same_channel(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    general = sandbox.channel_id("general")
    answers = [
        client.chat_postMessage(channel=ref, text="hi")["channel"]
        for ref in ("#general", "general", general)
    ]
    ana = sandbox.user_id("ana@example.com")
    dm = client.chat_postMessage(channel=ana, text="psst")["channel"]

    assert answers == [general] * 3
    assert dm.startswith("D")
    assert dm == client.conversations_open(users=ana)["channel"]["id"]


def test_ts_values_are_unique_and_increasing(client: WebClient) -> None:
    stamps = [client.chat_postMessage(channel="#general", text=str(i))["ts"] for i in range(20)]

    assert len(set(stamps)) == 20
    assert stamps == sorted(stamps, key=float)
    assert all(len(ts.split(".")[1]) == 6 for ts in stamps)


@pytest.mark.parametrize(
    ("blocks", "pointer"),
    [
        ([section("x")] * 51, "/blocks"),
        ([section("x" * 3001)], "/blocks/0/text/text"),
        ([{"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}], "/blocks/0/text"),
        ([{"type": "header", "text": {"type": "mrkdwn", "text": "*h*"}}], "/blocks/0/text/type"),
        ([{"type": "sparkles"}], "/blocks/0/type"),
        ([{"type": "section", "text": {"type": "mrkdwn"}}], "/blocks/0/text/text"),
        ([{"type": "section", "fields": [{"type": "mrkdwn", "text": ""}]}], "/blocks/0/fields/0"),
        ([{"type": "actions", "elements": [{"type": "button"}]}], "/blocks/0/elements/0/text"),
    ],
)
def test_invalid_blocks_are_refused_with_slacks_explanation_and_not_recorded(
    sandbox: SlackSandbox, client: WebClient, blocks: list[dict[str, Any]], pointer: str
) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="#general", text="t", blocks=blocks)

    status, body = slack_error(excinfo)
    assert (status, body["error"]) == (200, "invalid_blocks")
    messages = body["response_metadata"]["messages"]
    assert any(m.startswith("[ERROR] ") and pointer in m for m in messages), messages
    assert sandbox.messages == []


def test_limits_at_the_edge_are_accepted(client: WebClient) -> None:
    blocks = [section("x" * 3000)] * 49 + [
        {"type": "header", "text": {"type": "plain_text", "text": "h" * 150}}
    ]

    assert client.chat_postMessage(channel="#general", text="t", blocks=blocks)["ok"]


def test_blocks_sent_as_a_form_field_must_be_valid_json(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        client.api_call(
            "chat.postMessage", params={"channel": "#general", "text": "t", "blocks": "[{"}
        )

    assert slack_error(excinfo)[1]["error"] == "invalid_blocks_format"


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"channel": "#nowhere", "text": "t"}, "channel_not_found"),
        ({"channel": "C9999999999", "text": "t"}, "channel_not_found"),
        ({"channel": "#general"}, "no_text"),
        ({"channel": "#general", "text": "x" * 40_001}, "msg_too_long"),
        (
            {"channel": "#general", "text": "t", "metadata": {"event_type": "x"}},
            "invalid_metadata_schema",
        ),
    ],
)
@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
def test_chat_post_message_validates_like_slack(
    sandbox: SlackSandbox, client: WebClient, kwargs: dict[str, Any], error: str
) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(**kwargs)

    status, body = slack_error(excinfo)
    assert (status, body["error"]) == (200, error)
    assert sandbox.messages == []


def test_missing_token_is_not_authed_and_a_wrong_one_is_invalid_auth(
    sandbox: SlackSandbox,
) -> None:
    anonymous = WebClient(base_url=sandbox.url, retry_handlers=[])
    wrong = WebClient(token="xoxb-wrong", base_url=sandbox.url, retry_handlers=[])

    with pytest.raises(SlackApiError) as missing:
        anonymous.chat_postMessage(channel="#general", text="t")
    with pytest.raises(SlackApiError) as refused:
        wrong.auth_test()

    assert slack_error(missing) == (200, {"ok": False, "error": "not_authed"})
    assert slack_error(refused) == (200, {"ok": False, "error": "invalid_auth"})
    assert sandbox.messages == []


def test_the_token_may_come_as_a_form_field(sandbox: SlackSandbox) -> None:
    data = f"token={TOKEN}&channel=%23general&text=form".encode()
    request = urllib.request.Request(sandbox.url + "chat.postMessage", data=data, method="POST")
    with urllib.request.urlopen(request, timeout=5) as answer:
        body = json.loads(answer.read())

    assert body["ok"] is True
    assert sandbox.messages[0].text == "form"


def test_get_with_query_parameters_works_where_slack_allows_it(sandbox: SlackSandbox) -> None:
    url = f"{sandbox.url}users.lookupByEmail?token={TOKEN}&email=ana@example.com"
    with urllib.request.urlopen(url, timeout=5) as answer:
        body = json.loads(answer.read())

    assert body["user"]["id"] == sandbox.user_id("ana@example.com")


def test_over_the_rate_limit_slack_answers_429_with_retry_after(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    sandbox.rate_limit_per_minute = 2
    client.chat_postMessage(channel="#general", text="1")
    client.chat_postMessage(channel="#general", text="2")

    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="#general", text="3")

    response = excinfo.value.response
    assert response.status_code == 429
    assert response.data == {"ok": False, "error": "ratelimited"}
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert [m.text for m in sandbox.messages] == ["1", "2"]


@pytest.mark.parametrize("kind", ["429", "500", "503"])
def test_injected_http_faults_never_record_a_message(
    sandbox: SlackSandbox, client: WebClient, kind: str
) -> None:
    sandbox.fail_rate = 1.0
    sandbox.faults = {kind}

    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="#general", text="lost")

    assert excinfo.value.response.status_code == int(kind)
    assert sandbox.messages == []
    assert sandbox.faults_injected[kind] == 1


def test_a_dropped_connection_gets_no_answer_and_records_nothing(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    sandbox.fail_rate = 1.0
    sandbox.faults = {"drop"}

    with pytest.raises(OSError):
        client.chat_postMessage(channel="#general", text="lost")

    assert sandbox.messages == []


def test_a_slow_fault_outlasts_a_short_client_timeout_and_records_nothing(
    sandbox: SlackSandbox,
) -> None:
    sandbox.slow_seconds = 0.5
    sandbox.fail_rate = 1.0
    sandbox.faults = {"slow"}
    impatient = WebClient(token=TOKEN, base_url=sandbox.url, timeout=0.1, retry_handlers=[])  # type: ignore[arg-type]

    with pytest.raises(TimeoutError):
        impatient.chat_postMessage(channel="#general", text="late")

    time.sleep(0.6)
    assert sandbox.messages == []


def test_a_retrying_client_gets_through_after_a_few_injected_faults(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    sandbox.fail_rate = 1.0
    outcomes = []
    for _ in range(4):
        try:
            client.chat_postMessage(channel="#general", text="eventually")
            outcomes.append("ok")
        except SlackApiError:
            outcomes.append("fault")

    assert outcomes == ["fault", "fault", "fault", "ok"]
    assert len(sandbox.messages) == 1


def test_accept_then_fail_records_the_message_but_answers_500(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    sandbox.accept_then_fail = 1

    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="#general", text="accepted")
    client.chat_postMessage(channel="#general", text="normal")

    assert excinfo.value.response.status_code == 500
    assert [m.text for m in sandbox.messages] == ["accepted", "normal"]
    assert sandbox.accept_then_fail == 0


def test_conversations_open_returns_the_same_dm_for_the_same_user(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    ana = sandbox.user_id("ana@example.com")
    ben = sandbox.user_id("ben@example.com")

    first = client.conversations_open(users=ana)
    again = client.conversations_open(users=ana)
    other = client.conversations_open(users=ben)

    assert first["channel"]["id"].startswith("D")
    assert again["channel"]["id"] == first["channel"]["id"]
    assert again["already_open"] is True
    assert other["channel"]["id"] != first["channel"]["id"]
    with pytest.raises(SlackApiError) as excinfo:
        client.conversations_open(users="U9999999999")
    assert slack_error(excinfo)[1]["error"] == "user_not_found"


def test_lookup_by_email_finds_people_and_says_users_not_found_otherwise(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    added = sandbox.add_user("dana@example.com", "Dana Novak")

    found = client.users_lookupByEmail(email="Manager@Example.com")
    dana = client.users_lookupByEmail(email="dana@example.com")
    with pytest.raises(SlackApiError) as excinfo:
        client.users_lookupByEmail(email="nobody@example.com")

    assert found["user"]["id"] == sandbox.user_id("manager@example.com")
    assert found["user"]["profile"]["email"] == "manager@example.com"
    assert dana["user"]["id"] == added
    assert slack_error(excinfo) == (200, {"ok": False, "error": "users_not_found"})


def test_conversations_list_pages_with_a_cursor(sandbox: SlackSandbox, client: WebClient) -> None:
    for n in range(5):
        sandbox.add_channel(f"team-{n}")
    names: list[str] = []
    cursor = None
    pages = 0
    while True:
        page = client.conversations_list(limit=3, cursor=cursor)
        names += [c["name"] for c in page["channels"]]
        pages += 1
        cursor = page["response_metadata"]["next_cursor"]
        if not cursor:
            break

    assert pages == 3
    assert sorted(names) == sorted(
        ["general", "support-managers"] + [f"team-{n}" for n in range(5)]
    )


def test_history_is_newest_first_paged_and_carries_metadata_when_asked(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    channel = sandbox.channel_id("general")
    before = time.time() - 1
    for n in range(5):
        client.chat_postMessage(
            channel=channel,
            text=f"m{n}",
            metadata={"event_type": "alignbot_outbox", "event_payload": {"n": n}},
        )
    client.chat_postMessage(channel="#support-managers", text="elsewhere")

    seen: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = client.conversations_history(
            channel=channel, oldest=str(before), limit=2, include_all_metadata=True, cursor=cursor
        )
        seen += page["messages"]
        cursor = page["response_metadata"]["next_cursor"]
        assert page["has_more"] is bool(cursor)
        if not cursor:
            break
    plain = client.conversations_history(channel=channel)

    assert [m["text"] for m in seen] == ["m4", "m3", "m2", "m1", "m0"]
    assert [m["metadata"]["event_payload"]["n"] for m in seen] == [4, 3, 2, 1, 0]
    assert all("metadata" not in m for m in plain["messages"])
    newest = seen[0]["ts"]
    assert client.conversations_history(channel=channel, oldest=newest)["messages"] == []
    with pytest.raises(SlackApiError) as excinfo:
        client.conversations_history(channel="#general")
    assert slack_error(excinfo)[1]["error"] == "channel_not_found"


def test_files_upload_v2_works_end_to_end_and_is_recorded(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    channel = sandbox.channel_id("support-managers")
    content = bytes(range(256)) * 40

    response = client.files_upload_v2(
        channel=channel,
        filename="trend.png",
        content=content,
        title="Closure vs confirmed resolution",
        alt_txt="a line chart",
        initial_comment="This week's chart",
    )

    assert response["file"]["id"].startswith("F")
    assert response["file"]["title"] == "Closure vs confirmed resolution"
    (uploaded,) = sandbox.files
    assert uploaded.id == response["file"]["id"]
    assert (uploaded.filename, uploaded.title, uploaded.channel) == (
        "trend.png",
        "Closure vs confirmed resolution",
        channel,
    )
    assert uploaded.content == content
    assert (uploaded.alt_text, uploaded.initial_comment) == ("a line chart", "This week's chart")
    assert sandbox.calls["files.getUploadURLExternal"] == 1
    assert sandbox.calls["files.completeUploadExternal"] == 1


def test_completing_an_upload_that_never_happened_is_refused(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        client.files_completeUploadExternal(files=[{"id": "F0000000123", "title": "x"}])

    assert slack_error(excinfo)[1]["error"] == "file_not_found"


def test_unknown_methods_are_named_in_the_answer(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        client.api_call("chat.sendCarrierPigeon")

    assert slack_error(excinfo)[1]["error"] == "unknown_method"


def test_the_sandbox_binds_loopback_only_and_stops_cleanly() -> None:
    sandbox = SlackSandbox().start()
    port = sandbox.port
    try:
        assert sandbox.url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{sandbox.url}api.test", timeout=5) as answer:
            assert json.loads(answer.read()) == {"ok": True}
    finally:
        sandbox.stop()

    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/api.test", timeout=1)


def test_chat_update_changes_a_message_in_place_as_slack_does(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    posted = client.chat_postMessage(
        channel="#general", text="first", blocks=[section("*first*")],
        metadata={"event_type": "alignbot_outbox", "event_payload": {"idempotency_key": "k"}},
    )  # fmt: skip
    channel, ts = posted["channel"], posted["ts"]

    text_only = client.chat_update(channel=channel, ts=ts, text="second")
    after_text = sandbox.history("#general")[0]
    emptied = client.chat_update(channel=channel, ts=ts, text="third", blocks=[])
    after_empty = sandbox.history("#general")[0]

    assert text_only["ok"] and (text_only["channel"], text_only["ts"]) == (channel, ts)
    assert text_only["text"] == "second" and text_only["message"]["edited"]["ts"] > ts
    # Blocks left out are kept; an empty array removes them; the metadata stays.
    assert (after_text.text, after_text.blocks) == ("second", [section("*first*")])
    assert (after_empty.text, after_empty.blocks) == ("third", None)
    assert after_empty.metadata == {"event_type": "alignbot_outbox",
                                    "event_payload": {"idempotency_key": "k"}}  # fmt: skip
    assert emptied["ts"] == ts and len(sandbox.messages) == 1


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ({"channel": "#general", "text": "x"}, "channel_not_found"),  # ids only, as Slack
        ({"channel": "C0000000001", "ts": "1.000001", "text": "x"}, "message_not_found"),
        ({"channel": "C0000000002", "text": "x"}, "message_not_found"),  # another channel's
        ({"channel": "C0000000001", "text": "x", "blocks": [{"type": "nope"}]}, "invalid_blocks"),
        ({"channel": "C0000000001"}, "no_text"),
        ({"channel": "C0000000001", "text": "x" * 40_001}, "msg_too_long"),
    ],
)
def test_chat_update_refuses_like_slack_and_leaves_the_message_alone(
    sandbox: SlackSandbox, client: WebClient, arguments: dict[str, Any], code: str
) -> None:
    posted = client.chat_postMessage(channel="#general", text="unchanged")
    arguments = {"ts": posted["ts"], **arguments}

    with pytest.raises(SlackApiError) as excinfo:
        client.chat_update(**arguments)

    status, body = slack_error(excinfo)
    assert (status, body["error"]) == (200, code)
    assert [m.text for m in sandbox.messages] == ["unchanged"]


def test_chat_update_of_a_persons_message_is_cant_update_message(
    sandbox: SlackSandbox, client: WebClient
) -> None:
    typed = sandbox.add_message("#general", "hello team", email="ana@example.com")

    with pytest.raises(SlackApiError) as excinfo:
        client.chat_update(channel=typed.channel, ts=typed.ts, text="edited by the bot")

    assert slack_error(excinfo)[1]["error"] == "cant_update_message"
    assert sandbox.history("#general")[0].text == "hello team"
