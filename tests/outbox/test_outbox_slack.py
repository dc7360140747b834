"""`slack.message` and `slack.dm` rows delivered through the real SlackChat (slack_sdk) to
the Slack sandbox: posted once with the key in the metadata, retried after Retry-After,
failed for good on a refusal, never posted twice when an answer was lost, and delivered
exactly once by two dispatchers running at the same time."""

from __future__ import annotations

import base64
import logging
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from outbox_support import keys_in, now, rows
from sqlalchemy import Engine

from bot.outbox import (
    CLAIM_TIMEOUT,
    FAILED,
    PENDING,
    SENT,
    SLACK_DM,
    SLACK_MESSAGE,
    Dispatcher,
    DispatchResult,
    enqueue,
)
from bot.store import make_engine, session_scope
from integrations.slack.client import SlackChat
from integrations.slack.sandbox import RecordedMessage, SlackSandbox


@pytest.fixture
def slack() -> Iterator[SlackSandbox]:
    with SlackSandbox() as sandbox:
        yield sandbox


def dispatcher(engine: Engine, sandbox: SlackSandbox, **options: Any) -> Dispatcher:
    chat = SlackChat(options.pop("token", "xoxb-sandbox"), base_url=sandbox.url, timeout=5)
    return Dispatcher(
        engine, chat=chat, helpdesk=None, worker_id=options.pop("worker_id", "w1"), **options
    )


def queue(engine: Engine, key: str, target: str, kind: str = SLACK_MESSAGE, **payload: Any) -> None:
    payload.setdefault("text", f"message {key}")
    with session_scope(engine) as session:
        enqueue(session, key=key, kind=kind, target=target, payload=payload, now=now())


def test_messages_and_dms_are_posted_once_with_their_key(
    engine: Engine, slack: SlackSandbox
) -> None:
    managers = slack.channel_id("support-managers")
    queue(engine, "by-name", "#support-managers")
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*FCR* 71%"}}]
    queue(engine, "by-id", managers, blocks=blocks)
    queue(engine, "dm", "ana@example.com", kind=SLACK_DM)

    first = dispatcher(engine, slack).run_once()
    second = dispatcher(engine, slack).run_once(now() + timedelta(days=1))

    assert first == DispatchResult(sent=3) and second == DispatchResult()
    assert sorted(keys_in(slack.messages)) == ["by-id", "by-name", "dm"]
    queued = rows(engine)
    assert {r["status"] for r in queued.values()} == {SENT}
    by_ts = {m.ts: m for m in slack.messages}
    assert by_ts[queued["by-name"]["result"]["ts"]].channel == managers
    assert by_ts[queued["by-id"]["result"]["ts"]].blocks == blocks
    dm = by_ts[queued["dm"]["result"]["ts"]]
    assert dm.channel.startswith("D") and dm.text == "message dm"
    assert queued["dm"]["result"]["user"] == slack.user_id("ana@example.com")


def test_a_file_is_uploaded_after_its_message_and_a_failed_upload_does_not_repost(
    engine: Engine, slack: SlackSandbox
) -> None:
    content = b"\x89PNG\r\n\x1a\n fake chart"
    file = {
        "filename": "fcr.png",
        "content_b64": base64.b64encode(content).decode(),
        "title": "FCR this week",
        "alt_text": "FCR by day",
    }
    queue(engine, "chart", "#general", file=file)

    def fail_what_comes_next(message: RecordedMessage) -> None:
        slack.faults, slack.fail_rate = {"503"}, 1.0  # the upload's first call fails

    slack.on_message = fail_what_comes_next
    start = now()
    failed_upload = dispatcher(engine, slack, clock=lambda: start).run_once()
    between = rows(engine)["chart"]
    slack.on_message, slack.fail_rate = None, 0.0
    done = dispatcher(engine, slack).run_once(start + timedelta(hours=1))

    assert failed_upload == DispatchResult(retried=1) and done == DispatchResult(sent=1)
    assert between["status"] == PENDING and between["result"]["ts"] == slack.messages[0].ts
    assert keys_in(slack.messages) == ["chart"]
    assert [(f.filename, f.content, f.channel) for f in slack.files] == [
        ("fcr.png", content, slack.channel_id("general"))
    ]
    result = rows(engine)["chart"]["result"]
    assert result["file_id"] == slack.files[0].id and result["ts"] == slack.messages[0].ts


def test_a_post_whose_answer_was_lost_is_found_on_retry_and_not_posted_again(
    engine: Engine, slack: SlackSandbox
) -> None:
    queue(engine, "lost", "#general")
    queue(engine, "dm-lost", "ben@example.com", kind=SLACK_DM)
    slack.accept_then_fail = 2  # both posts reach Slack; both answers are a 500
    start = now()

    lost = dispatcher(engine, slack).run_once(start)
    after_lost = rows(engine)
    retried = dispatcher(engine, slack).run_once(start + timedelta(hours=1))

    assert lost == DispatchResult(retried=2) and retried == DispatchResult(sent=2)
    assert sorted(keys_in(slack.messages)) == ["dm-lost", "lost"]
    assert slack.calls["chat.postMessage"] == 2
    assert all("unknown_since" in r["result"] for r in after_lost.values())
    queued = rows(engine)
    assert all(r["result"]["found"] for r in queued.values())
    assert {r["result"]["ts"] for r in queued.values()} == {m.ts for m in slack.messages}


def test_a_rate_limited_post_waits_for_retry_after_then_is_delivered_once(
    engine: Engine,
) -> None:
    sandbox_time = [1_800_000_000.0]
    with SlackSandbox(rate_limit_per_minute=3, clock=lambda: sandbox_time[0]) as slack:
        for n in range(5):
            queue(engine, f"m{n}", "#general")
        start = now()
        first = dispatcher(engine, slack, clock=lambda: start).run_once()
        after_first = rows(engine)
        too_early = dispatcher(engine, slack).run_once(start + timedelta(seconds=59))
        sandbox_time[0] += 60
        second = dispatcher(engine, slack).run_once(start + timedelta(seconds=60))
        posted = keys_in(slack.messages)
        calls = slack.calls["chat.postMessage"]

    # 3 posted; the 4th was told Retry-After: 60, and the 5th was not even tried.
    assert first == DispatchResult(sent=3, retried=2)
    assert too_early == DispatchResult() and second == DispatchResult(sent=2)
    assert sorted(posted) == ["m0", "m1", "m2", "m3", "m4"] and calls == 6
    waiting = [r for r in after_first.values() if r["status"] == PENDING]
    assert [r["next_attempt_at"] for r in waiting] == [start + timedelta(seconds=60)] * 2
    assert sorted(r["attempts"] for r in waiting) == [0, 1]
    assert "rate-limited" in next(r["last_error"] for r in waiting if r["attempts"] == 1)


def test_a_refused_post_fails_for_good_with_slacks_reason(
    engine: Engine, slack: SlackSandbox
) -> None:
    queue(engine, "nowhere", "C0999999999")
    queue(engine, "nobody", "nobody@example.com", kind=SLACK_DM)

    result = dispatcher(engine, slack).run_once()
    again = dispatcher(engine, slack).run_once(now() + timedelta(days=1))

    assert result == DispatchResult(failed=2) and again == DispatchResult()
    queued = rows(engine)
    assert queued["nowhere"]["status"] == FAILED and queued["nowhere"]["attempts"] == 1
    assert "channel_not_found" in queued["nowhere"]["last_error"]
    assert (
        "no Slack user has the email address nobody@example.com" in (queued["nobody"]["last_error"])
    )
    assert slack.messages == []


def test_errors_are_logged_with_the_row_and_key_and_never_the_token(
    engine: Engine, slack: SlackSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    queue(engine, "secret-test", "#general")
    caplog.set_level(logging.DEBUG)

    result = dispatcher(engine, slack, token="xoxb-1234-wrong-token").run_once()

    assert result == DispatchResult(failed=1)
    row = rows(engine)["secret-test"]
    assert "invalid_auth" in row["last_error"]
    assert f"outbox row {row['id']} (key secret-test" in caplog.text
    assert "1234-wrong-token" not in caplog.text + row["last_error"]


def test_two_dispatchers_at_once_deliver_every_row_exactly_once(
    db_url: str, slack: SlackSandbox
) -> None:
    engines = [make_engine(db_url) for _ in range(2)]
    for n in range(40):
        queue(engines[0], f"row-{n:02d}", "#general" if n % 2 else "ana@example.com",
              kind=SLACK_MESSAGE if n % 2 else SLACK_DM)  # fmt: skip

    def slow(message: RecordedMessage) -> None:
        time.sleep(0.005)  # each post takes a while, so the two dispatchers interleave

    slack.on_message = slow
    start = threading.Barrier(2)
    results: dict[str, DispatchResult] = {}

    def work(worker: str, engine: Engine) -> None:
        start.wait()
        results[worker] = dispatcher(engine, slack, worker_id=worker, batch_size=3).run_once()

    threads = [threading.Thread(target=work, args=(f"w{i}", e)) for i, e in enumerate(engines)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    queued = rows(engines[0])
    for engine in engines:
        engine.dispose()

    assert Counter(keys_in(slack.messages)) == Counter({f"row-{n:02d}": 1 for n in range(40)})
    assert sum(r.sent for r in results.values()) == 40
    assert {r["status"] for r in queued.values()} == {SENT}
    # Which worker got how many rows is up to the scheduler (on a loaded CI machine one may
    # take them all), so only exactly-once delivery is asserted, never the split.


def test_a_dispatcher_whose_claim_was_taken_over_leaves_the_row_to_the_new_owner(
    engine: Engine, slack: SlackSandbox
) -> None:
    queue(engine, "slow", "#general")
    takeover: list[DispatchResult] = []

    def stalled_past_the_claim_timeout(delivery: Any, result: Any) -> None:
        takeover.append(dispatcher(engine, slack, worker_id="w2", claim_timeout=timedelta(0))
                        .run_once())  # fmt: skip

    first = dispatcher(engine, slack, after_send=stalled_past_the_claim_timeout).run_once()

    assert takeover == [DispatchResult(sent=1, recovered=1)]
    assert first == DispatchResult(sent=1)  # it did send; its mark was refused
    assert keys_in(slack.messages) == ["slow"]
    row = rows(engine)["slow"]
    assert (row["status"], row["claimed_by"], row["result"]["found"]) == (SENT, "w2", True)


def test_a_slow_dispatcher_renews_the_claims_in_its_hand_so_no_replica_takes_them_over(
    engine: Engine, slack: SlackSandbox
) -> None:
    for n in range(5):
        queue(engine, f"row-{n}", "#general")
    clock = [now()]
    others: list[DispatchResult] = []

    def each_post_takes_half_the_claim_timeout(delivery: Any, result: Any) -> None:
        clock[0] += CLAIM_TIMEOUT / 2
        at = clock[0]
        others.append(dispatcher(engine, slack, worker_id="w2", clock=lambda: at).run_once())

    slow = dispatcher(
        engine, slack, clock=lambda: clock[0], after_send=each_post_takes_half_the_claim_timeout
    ).run_once()

    # Without renewal the rows waiting their turn would look dead after two posts.
    assert slow == DispatchResult(sent=5)
    assert others == [DispatchResult()] * 5
    assert Counter(keys_in(slack.messages)) == Counter(f"row-{n}" for n in range(5))
    assert {(r["status"], r["claimed_by"]) for r in rows(engine).values()} == {(SENT, "w1")}


def test_a_posted_message_renews_its_claim_so_a_slow_upload_is_not_taken_over(
    engine: Engine, slack: SlackSandbox
) -> None:
    chart = base64.b64encode(b"\x89PNG\r\n\x1a\n fake chart").decode()
    queue(engine, "chart", "#general", file={"filename": "c.png", "content_b64": chart,
                                             "title": "FCR"})  # fmt: skip
    clock = [now()]
    others: list[DispatchResult] = []

    def the_post_takes_most_of_the_claim_timeout(message: RecordedMessage) -> None:
        clock[0] += CLAIM_TIMEOUT * 3 / 4

    def the_upload_takes_half_of_it(delivery: Any, result: Any) -> None:
        clock[0] += CLAIM_TIMEOUT / 2
        at = clock[0]
        others.append(dispatcher(engine, slack, worker_id="w2", clock=lambda: at).run_once())

    slack.on_message = the_post_takes_most_of_the_claim_timeout
    slow = dispatcher(
        engine, slack, clock=lambda: clock[0], after_send=the_upload_takes_half_of_it
    ).run_once()

    # 1.25 claim timeouts after the claim, but only half of one after the message was posted.
    assert others == [DispatchResult()]
    assert slow == DispatchResult(sent=1)
    assert keys_in(slack.messages) == ["chart"] and len(slack.files) == 1
    row = rows(engine)["chart"]
    assert (row["status"], row["claimed_by"]) == (SENT, "w1")
