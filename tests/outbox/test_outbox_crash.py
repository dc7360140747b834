"""Killing the dispatcher between send and mark, then restarting, sends no message twice
that the sandbox had already accepted, and loses none; and the killed dispatcher holds only
the few rows it had in hand, only for the claim timeout.

The dispatcher runs in a child process that SIGKILLs itself right after Slack accepted a
post and before the row is marked sent: no rollback, no cleanup, a real crash. A fresh
dispatcher (claim_timeout 0, so the dead claim counts as expired at once, or the default
timeout with an injected clock) then finishes.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from outbox_support import keys_in, now, rows
from sqlalchemy import Engine

from bot.outbox import (
    BATCH_SIZE,
    PENDING,
    SENDING,
    SENT,
    SLACK_DM,
    SLACK_MESSAGE,
    Dispatcher,
    DispatchResult,
    enqueue,
)
from bot.store import make_engine, session_scope
from integrations.slack.client import SlackChat
from integrations.slack.sandbox import SlackSandbox

KILL_SCRIPT = """
import os, signal, sys
from datetime import datetime, timedelta
from bot.outbox import Dispatcher
from bot.store import make_engine
from integrations.slack.client import SlackChat

url, db_url, kill_after = sys.argv[1], sys.argv[2], int(sys.argv[3])
sent = 0

def die(delivery, result):
    global sent
    sent += 1
    if sent >= kill_after:  # Slack has the message; the row is still 'sending'
        os.kill(os.getpid(), signal.SIGKILL)

Dispatcher(
    make_engine(db_url), chat=SlackChat("xoxb-sandbox", base_url=url), helpdesk=None,
    worker_id=f"doomed-{os.getpid()}", batch_size=4, claim_timeout=timedelta(0), after_send=die,
).run_once()
"""

# The same crash with the dispatcher's defaults (batch size, claim timeout) and its clock
# stopped at a given instant, so the test can say when its claims were made.
KILL_WITH_DEFAULTS_SCRIPT = """
import os, signal, sys
from datetime import datetime
from bot.outbox import Dispatcher
from bot.store import make_engine
from integrations.slack.client import SlackChat

url, db_url, at = sys.argv[1], sys.argv[2], datetime.fromisoformat(sys.argv[3])

def die(delivery, result):
    if delivery.key == "bulk-01":
        os.kill(os.getpid(), signal.SIGKILL)

Dispatcher(
    make_engine(db_url), chat=SlackChat("xoxb-sandbox", base_url=url), helpdesk=None,
    worker_id=f"doomed-{os.getpid()}", clock=lambda: at, after_send=die,
).run_once()
"""

KEYS = [f"msg-{n:02d}" for n in range(10)]


@pytest.fixture
def slack() -> Iterator[SlackSandbox]:
    with SlackSandbox() as sandbox:
        yield sandbox


def queue_all(engine: Engine) -> None:
    with session_scope(engine) as session:
        for n, key in enumerate(KEYS):
            dm = n % 3 == 0
            enqueue(
                session, key=key, kind=SLACK_DM if dm else SLACK_MESSAGE,
                target="chloe@example.com" if dm else "#support-managers",
                payload={"text": f"update {n}"}, now=now(),
            )  # fmt: skip


def run_doomed(
    slack: SlackSandbox, db_url: str, kill_after: int
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", KILL_SCRIPT, slack.url, db_url, str(kill_after)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def restart(engine: Engine, slack: SlackSandbox) -> Dispatcher:
    chat = SlackChat("xoxb-sandbox", base_url=slack.url)
    return Dispatcher(
        engine, chat=chat, helpdesk=None, worker_id="restarted", claim_timeout=timedelta(0)
    )


@pytest.mark.parametrize("kill_after", [1, 6])
def test_a_dispatcher_killed_between_send_and_mark_resends_nothing_and_loses_nothing(
    db_url: str, slack: SlackSandbox, kill_after: int
) -> None:
    engine = make_engine(db_url)
    queue_all(engine)

    killed = run_doomed(slack, db_url, kill_after)
    accepted_before_restart = keys_in(slack.messages)
    left = rows(engine)
    result = restart(engine, slack).run_once()
    final = rows(engine)
    engine.dispose()

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(accepted_before_restart) == kill_after
    last = accepted_before_restart[-1]
    assert left[last]["status"] == SENDING  # accepted by Slack, never marked
    assert result.recovered >= 1 and result.sent == len(KEYS) - (kill_after - 1)
    assert Counter(keys_in(slack.messages)) == Counter(KEYS)  # every one, exactly once
    assert final[last]["result"]["found"] is True
    assert {r["status"] for r in final.values()} == {SENT}


def test_a_dispatcher_killed_again_and_again_still_sends_each_message_exactly_once(
    db_url: str, slack: SlackSandbox
) -> None:
    engine = make_engine(db_url)
    queue_all(engine)
    kills = 0
    for _ in range(len(KEYS) + 1):  # each run dies after its 3rd post, until one finishes
        done = run_doomed(slack, db_url, 3)
        if done.returncode == 0:
            break
        assert done.returncode == -signal.SIGKILL, done.stderr
        kills += 1
    final = rows(engine)
    engine.dispose()

    assert kills >= 3
    assert Counter(keys_in(slack.messages)) == Counter(KEYS)
    assert {r["status"] for r in final.values()} == {SENT}


def test_a_killed_dispatcher_holds_only_the_rows_in_hand_and_only_for_two_minutes(
    db_url: str, slack: SlackSandbox
) -> None:
    engine = make_engine(db_url)
    bulk = [f"bulk-{n:02d}" for n in range(30)]
    with session_scope(engine) as session:
        for key in bulk:
            enqueue(session, key=key, kind=SLACK_MESSAGE, target="#general",
                    payload={"text": key}, now=now())  # fmt: skip
    killed_at = now()

    def restarted_at(at: datetime) -> Dispatcher:
        chat = SlackChat("xoxb-sandbox", base_url=slack.url)
        return Dispatcher(engine, chat=chat, helpdesk=None, worker_id="restarted", clock=lambda: at)

    killed = subprocess.run(
        [sys.executable, "-c", KILL_WITH_DEFAULTS_SCRIPT, slack.url, db_url, killed_at.isoformat()],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    after_kill = rows(engine)
    held = sorted(k for k, r in after_kill.items() if r["status"] == SENDING)
    just_before = restarted_at(killed_at + timedelta(minutes=2) - timedelta(seconds=1)).run_once()
    still_held = sorted(k for k, r in rows(engine).items() if r["status"] == SENDING)
    at_timeout = restarted_at(killed_at + timedelta(minutes=2)).run_once()
    final = rows(engine)
    engine.dispose()

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    # In hand: the row Slack accepted and the rest of its small batch; the others wait.
    assert "bulk-01" in held and 1 < len(held) <= BATCH_SIZE
    assert {after_kill[k]["status"] for k in bulk if k not in held} <= {SENT, PENDING}
    assert just_before == DispatchResult(sent=len(bulk) - 1 - len(held))
    assert still_held == held  # a claim younger than the timeout is left to its owner
    assert at_timeout == DispatchResult(sent=len(held), recovered=len(held))
    assert Counter(keys_in(slack.messages)) == Counter(bulk)  # every one, exactly once
    assert {r["status"] for r in final.values()} == {SENT}
