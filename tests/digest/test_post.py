"""The digest's way to Slack: queued once per channel and period, delivered by the dispatcher
to the Slack sandbox over the real client, escaped, with its chart."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from digest_support import HOSTILE, SETTINGS, sample_report
from sqlalchemy import Engine, func, select

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
    assert queue_digest(engine, report, SETTINGS, channel="#support-managers", now=now)
    assert not queue_digest(engine, report, SETTINGS, channel="#support-managers", now=now)
    assert queue_digest(
        engine, report, SETTINGS, channel="#leads", now=now
    )  # another channel: its own
    assert _queued(engine) == 2


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
