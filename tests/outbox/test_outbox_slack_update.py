"""`slack.update` rows: a message an earlier `slack.message` row posted is replaced in place
through the real SlackChat (chat.update) in the Slack sandbox, after the message and any
earlier update, and never becomes a second message, whatever crashes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import timedelta
from typing import Any

import pytest
from outbox_support import now, rows
from sqlalchemy import Engine

from bot.outbox import (
    FAILED,
    PENDING,
    SENT,
    SLACK_MESSAGE,
    SLACK_UPDATE,
    Delivery,
    Dispatcher,
    DispatchResult,
    OutboxError,
    enqueue,
)
from bot.store import session_scope
from integrations.slack.client import SlackChat
from integrations.slack.sandbox import SlackSandbox


class Crash(Exception):
    """Stands for the process dying between the update and the mark."""


@pytest.fixture
def slack() -> Iterator[SlackSandbox]:
    with SlackSandbox() as sandbox:
        yield sandbox


def dispatcher(engine: Engine, sandbox: SlackSandbox, **options: Any) -> Dispatcher:
    chat = SlackChat("xoxb-sandbox", base_url=sandbox.url, timeout=5)
    return Dispatcher(
        engine, chat=chat, helpdesk=None, worker_id=options.pop("worker_id", "w1"), **options
    )


def queue(engine: Engine, key: str, kind: str, **payload: Any) -> None:
    with session_scope(engine) as session:
        enqueue(session, key=key, kind=kind, target="#general", payload=payload, now=now())


def update(engine: Engine, key: str, text: str, after: str) -> None:
    queue(engine, key, SLACK_UPDATE, text=text, message_key="m", after=after)


def test_updates_replace_the_message_in_place_in_the_order_they_were_queued(
    engine: Engine, slack: SlackSandbox
) -> None:
    queue(engine, "m", SLACK_MESSAGE, text="empty digest")
    update(engine, "m:v2", "partial digest", after="m")
    update(engine, "m:v3", "real digest", after="m:v2")

    result = dispatcher(engine, slack).run_once()

    assert result == DispatchResult(sent=3)
    [message] = slack.history("#general")
    assert message.text == "real digest"
    assert slack.calls["chat.postMessage"] == 1 and slack.calls["chat.update"] == 2
    queued = rows(engine)
    assert queued["m:v3"]["result"] == {"channel": message.channel, "ts": message.ts,
                                        "updated": "m"}  # fmt: skip


def test_an_update_waits_for_its_message_without_using_an_attempt(
    engine: Engine, slack: SlackSandbox
) -> None:
    queue(engine, "m", SLACK_MESSAGE, text="v1")
    update(engine, "m:v2", "v2", after="m")
    slack.faults, slack.fail_rate = {"503"}, 1.0
    start = now()

    failed = dispatcher(engine, slack, jitter=lambda: 0.0, clock=lambda: start).run_once()
    waiting = rows(engine)
    slack.fail_rate = 0.0
    early = dispatcher(engine, slack).run_once(start + timedelta(seconds=1))
    done = dispatcher(engine, slack).run_once(start + timedelta(seconds=3))

    # The message is retried in 2.5 s; the update is put back untried until then.
    assert failed == DispatchResult(retried=2)
    assert waiting["m"]["next_attempt_at"] == start + timedelta(seconds=2.5)
    assert waiting["m:v2"]["next_attempt_at"] == waiting["m"]["next_attempt_at"]
    assert waiting["m:v2"]["attempts"] == 0 and waiting["m:v2"]["status"] == PENDING
    assert early == DispatchResult()
    assert done == DispatchResult(sent=2)
    [message] = slack.messages
    assert message.text == "v2" and rows(engine)["m:v2"]["attempts"] == 1


def test_an_update_the_dispatcher_crashed_after_is_made_again_never_a_second_message(
    engine: Engine, slack: SlackSandbox
) -> None:
    queue(engine, "m", SLACK_MESSAGE, text="v1")
    assert dispatcher(engine, slack).run_once() == DispatchResult(sent=1)
    update(engine, "m:v2", "v2", after="m")

    def crash(delivery: Delivery, result: Mapping[str, Any]) -> None:
        raise Crash(delivery.key)

    with pytest.raises(Crash):  # updated in Slack, never marked
        dispatcher(engine, slack, after_send=crash).run_once()
    restarted = dispatcher(engine, slack, worker_id="w2", claim_timeout=timedelta(0))
    result = restarted.run_once()

    assert result == DispatchResult(sent=1, recovered=1)
    [message] = slack.messages
    assert message.text == "v2"
    assert slack.calls["chat.postMessage"] == 1 and slack.calls["chat.update"] == 2
    assert rows(engine)["m:v2"]["status"] == SENT


def test_an_update_whose_answer_was_lost_is_made_again_and_stays_one_message(
    engine: Engine, slack: SlackSandbox
) -> None:
    queue(engine, "m", SLACK_MESSAGE, text="v1")
    assert dispatcher(engine, slack).run_once() == DispatchResult(sent=1)
    update(engine, "m:v2", "v2", after="m")
    slack.accept_then_fail = 1  # Slack edits the message; its answer is a 500
    start = now()

    lost = dispatcher(engine, slack, jitter=lambda: 0.0).run_once(start)
    row = rows(engine)["m:v2"]
    done = dispatcher(engine, slack).run_once(start + timedelta(minutes=5))

    assert lost == DispatchResult(retried=1) and row["status"] == PENDING
    assert done == DispatchResult(sent=1)
    [message] = slack.messages
    assert message.text == "v2"
    assert slack.calls["chat.postMessage"] == 1 and slack.calls["chat.update"] == 2


def test_an_update_of_a_message_that_failed_fails_saying_to_retry_the_message(
    engine: Engine, slack: SlackSandbox
) -> None:
    with session_scope(engine) as session:
        enqueue(session, key="m", kind=SLACK_MESSAGE, target="C0999999999",
                payload={"text": "v1"}, now=now())  # fmt: skip
    update(engine, "m:v2", "v2", after="m")

    result = dispatcher(engine, slack).run_once()

    assert result == DispatchResult(failed=2)
    row = rows(engine)["m:v2"]
    assert row["status"] == FAILED and row["attempts"] == 1
    assert "never posted" in row["last_error"] and "alignbot outbox retry m" in row["last_error"]
    assert slack.messages == [] and slack.calls["chat.update"] == 0


def test_an_update_of_a_message_deleted_in_slack_fails_for_good(
    engine: Engine, slack: SlackSandbox
) -> None:
    queue(engine, "m", SLACK_MESSAGE, text="v1")
    dispatcher(engine, slack).run_once()
    slack.clear()  # the message is gone from Slack
    update(engine, "m:v2", "v2", after="m")

    result = dispatcher(engine, slack).run_once()

    assert result == DispatchResult(failed=1)
    assert "message_not_found" in rows(engine)["m:v2"]["last_error"]


def test_an_update_is_checked_when_queued(engine: Engine) -> None:
    with pytest.raises(OutboxError, match="after"):
        queue(engine, "x", SLACK_UPDATE, text="v2", message_key="m")
    with pytest.raises(OutboxError, match="file"):
        queue(engine, "x", SLACK_UPDATE, text="v2", message_key="m", after="m",
              file={"filename": "a.png", "content_b64": "", "title": "t"})  # fmt: skip
    assert rows(engine) == {}
