"""The digest's way to Slack: queued once per channel and period, delivered by the dispatcher
to the Slack sandbox over the real client, escaped, with its chart."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from digest_support import HOSTILE, SETTINGS, sample_report
from sqlalchemy import Engine, func, select, update

from bot.digest import queue_digest
from bot.outbox import OUTBOX, Dispatcher
from integrations.slack.client import SlackChat
from integrations.slack.sandbox import SlackSandbox


@pytest.fixture
def slack() -> Iterator[SlackSandbox]:
    with SlackSandbox() as sandbox:
        yield sandbox


def _queued(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(OUTBOX)).scalar_one())


def test_queueing_the_same_digest_twice_queues_it_once(engine: Engine) -> None:
    now = datetime.now(UTC)
    report = sample_report()
    first = queue_digest(engine, report, SETTINGS, channel="#support-managers", now=now)
    again = queue_digest(engine, report, SETTINGS, channel="#support-managers", now=now)
    other = queue_digest(
        engine, report, SETTINGS, channel="#leads", now=now
    )  # another channel: its own
    assert (first.outcome, again.outcome, other.outcome) == ("queued", "unchanged", "queued")
    assert again.key == first.key and again.revision == 1
    assert _queued(engine) == 2


def test_a_changed_digest_queues_the_next_revision_as_an_update_of_the_first_message(
    engine: Engine,
) -> None:
    now = datetime.now(UTC)
    channel = "#support_managers"
    first = queue_digest(engine, sample_report(tickets=0), SETTINGS, channel=channel, now=now)
    second = queue_digest(engine, sample_report(tickets=2), SETTINGS, channel=channel, now=now)
    same = queue_digest(engine, sample_report(tickets=2), SETTINGS, channel=channel, now=now)
    third = queue_digest(engine, sample_report(tickets=3), SETTINGS, channel=channel, now=now)
    back = queue_digest(engine, sample_report(tickets=0), SETTINGS, channel=channel, now=now)

    assert [q.outcome for q in (first, second, same, third, back)] == [
        "queued", "update", "unchanged", "update", "update"
    ]  # fmt: skip
    assert [q.revision for q in (first, second, third, back)] == [1, 2, 3, 4]
    with engine.connect() as connection:
        found = connection.execute(
            select(OUTBOX.c.idempotency_key, OUTBOX.c.kind, OUTBOX.c.payload).order_by(OUTBOX.c.id)
        ).all()
    assert [(key, kind) for key, kind, _ in found] == [
        (first.key, "slack.message"),
        (first.key + ":v2", "slack.update"),
        (first.key + ":v3", "slack.update"),
        (first.key + ":v4", "slack.update"),
    ]
    assert [p["after"] for _, _, p in found[1:]] == [first.key, second.key, third.key]
    assert {p["message_key"] for _, _, p in found[1:]} == {first.key}
    assert "file" in found[0][2] and not any("file" in p for _, _, p in found[1:])


def test_the_digest_reaches_slack_escaped_with_its_chart(
    engine: Engine, slack: SlackSandbox
) -> None:
    now = datetime.now(UTC)
    queue_digest(
        engine, sample_report(subject=HOSTILE), SETTINGS, channel="#support-managers", now=now
    )
    chat = SlackChat("xoxb-sandbox", base_url=slack.url)
    result = Dispatcher(engine, chat=chat, helpdesk=None, worker_id="test").run_once(now)

    assert (result.sent, result.failed) == (1, 0)
    [message] = slack.messages
    assert message.channel == slack.channel_id("support-managers")
    posted = json.dumps(message.blocks) + (message.text or "")
    assert "<!channel>" not in posted and "<@U123>" not in posted
    assert "&lt;!channel&gt;" in posted
    [chart] = slack.files
    assert chart.content.startswith(b"\x89PNG")
    assert chart.channel == message.channel
    # Dispatching again sends nothing more.
    again = Dispatcher(engine, chat=chat, helpdesk=None, worker_id="test").run_once(now)
    assert again.sent == 0 and len(slack.messages) == 1


def test_requeueing_says_when_the_first_message_failed_to_post(engine: Engine) -> None:
    now = datetime.now(UTC)
    first = queue_digest(engine, sample_report(tickets=1), SETTINGS, channel="#ops", now=now)
    with engine.begin() as connection:
        connection.execute(update(OUTBOX).values(status="failed", last_error="not_in_channel"))

    again = queue_digest(engine, sample_report(tickets=2), SETTINGS, channel="#ops", now=now)

    assert (first.message_status, again.message_status) == ("pending", "failed")
    assert again.outcome == "update" and again.message_key == first.key
