"""Killing the dispatcher right after Zendesk took a public comment and before its row was
marked, then restarting, comments on no ticket twice and leaves none out: the restarted
dispatcher finds the comment in the ticket's audits by the row's key.

The dispatcher runs in a child process (real zenpy, the sandbox in this process over
loopback) that SIGKILLs itself from the hook called after a delivery returned: no rollback,
no cleanup, a real crash.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from outbox_support import now, rows

from bot.outbox import SENDING, SENT, ZENDESK_COMMENT, Dispatcher, enqueue
from bot.store import make_engine, session_scope
from integrations.zendesk.helpdesk import ZendeskHelpdesk
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

KILL_SCRIPT = """
import os, signal, sys
from datetime import timedelta
from bot.outbox import Dispatcher
from bot.store import make_engine
from integrations.zendesk.helpdesk import ZendeskHelpdesk

url, email, db_url, kill_after = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
written = 0

def die(delivery, result):
    global written
    written += 1
    if written >= kill_after:  # Zendesk has the comment; the row is still 'sending'
        os.kill(os.getpid(), signal.SIGKILL)

Dispatcher(
    make_engine(db_url), chat=None,
    helpdesk=ZendeskHelpdesk(url, email=email, api_token="sandbox", timeout=10),
    worker_id=f"doomed-{os.getpid()}", batch_size=3, claim_timeout=timedelta(0),
    after_send=die,
).run_once()
"""

ORG_NOW = datetime(2026, 3, 2, tzinfo=UTC)


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[ZendeskSandbox]:
    monkeypatch.delenv("ZENPY_FORCE_NETLOC", raising=False)
    monkeypatch.delenv("ZENPY_FORCE_SCHEME", raising=False)
    with ZendeskSandbox(generate_org(tickets=30, seed=4, now=ORG_NOW)) as running:
        yield running


@pytest.mark.parametrize("kill_after", [1, 3])
def test_a_dispatcher_killed_after_zendesk_took_a_comment_sends_no_comment_twice(
    db_url: str, sandbox: ZendeskSandbox, kill_after: int
) -> None:
    engine = make_engine(db_url)
    tickets = [t for t, v in sandbox.org.tickets.items() if v["status"] == "open"][:4]
    texts = {f"ask-{t}": f"Is it working now? (ticket {t})" for t in tickets}
    with session_scope(engine) as session:
        for ticket in tickets:
            key = f"ask-{ticket}"
            payload = {"body": texts[key], "public": True}
            enqueue(session, key=key, kind=ZENDESK_COMMENT, target=str(ticket), payload=payload,
                    now=now())  # fmt: skip

    killed = subprocess.run(
        [sys.executable, "-c", KILL_SCRIPT, sandbox.url, sandbox.email, db_url, str(kill_after)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    left = rows(engine)
    helpdesk = ZendeskHelpdesk(sandbox.url, email=sandbox.email, api_token="sandbox", timeout=10)
    restarted = Dispatcher(
        engine, chat=None, helpdesk=helpdesk, worker_id="restarted", claim_timeout=timedelta(0)
    )
    result = restarted.run_once()
    final = rows(engine)
    engine.dispose()

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    doomed = [k for k, r in left.items() if r["status"] == SENDING]
    last = f"ask-{tickets[kill_after - 1]}"
    assert last in doomed  # Zendesk took it; the row was never marked
    assert result.recovered == len(doomed)
    for ticket in tickets:  # every comment, exactly once
        body = texts[f"ask-{ticket}"]
        assert [c["body"] for c in sandbox.org.comments[ticket]].count(body) == 1
    assert final[last]["result"]["found"] is True
    assert {r["status"] for r in final.values()} == {SENT}
