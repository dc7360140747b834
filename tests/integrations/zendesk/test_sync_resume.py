"""A sync killed anywhere, mid-page included (by an exception from the write hook, or by
SIGKILL in a child process), resumes to exactly the store a clean sync makes; and a sync
through 20% failing responses still ends with the complete data set."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest
from sqlalchemy import Engine
from test_sync_support import NOW, client_for, comment_ids, ids, snapshot

from bot.store import make_engine
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync


class Killed(Exception):
    """Stands for the process dying: nothing after it runs, the open transaction is lost."""


def kill_after(rows: int):  # type: ignore[no-untyped-def]
    def hook(table: str, written: int) -> None:
        if written >= rows:
            raise Killed(f"killed after {written} rows (last table {table})")

    return hook


@pytest.fixture(scope="module")
def org_and_clean(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The org, the snapshot of a clean sync of it, and how many rows that sync wrote."""
    from bot.store import upgrade

    org = generate_org(tickets=240, seed=11, now=NOW)
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.db'}")
    upgrade(engine)
    written: list[int] = []
    with ZendeskSandbox(org) as sandbox:
        sync(engine, client_for(sandbox), full=True, on_write=lambda t, n: written.append(n))
    clean = snapshot(engine)
    engine.dispose()
    return org, clean, written[-1]


@pytest.mark.parametrize("fraction", [0.0, 0.13, 0.5, 0.77, 0.99])
def test_a_sync_killed_at_any_row_resumes_to_the_clean_store(
    engine: Engine,
    org_and_clean,
    fraction: float,  # type: ignore[no-untyped-def]
) -> None:
    org, clean, total = org_and_clean
    with ZendeskSandbox(org) as sandbox:
        client = client_for(sandbox)
        with pytest.raises(Killed):
            sync(engine, client, full=True, on_write=kill_after(max(1, int(total * fraction))))

        resumed = sync(engine, client)

    assert resumed.errors == ()
    assert snapshot(engine) == clean


def test_a_sync_killed_again_and_again_still_gets_everything(
    engine: Engine,
    org_and_clean,  # type: ignore[no-untyped-def]
) -> None:
    org, clean, total = org_and_clean
    kills = 0
    with ZendeskSandbox(org) as sandbox:
        client = client_for(sandbox)
        for _ in range(200):  # bounded; each pass dies after 400 rows (more than one page holds)
            try:
                sync(engine, client, on_write=kill_after(400))
                break
            except Killed:
                kills += 1

    assert kills >= total // 400 // 2, "the hook must really have interrupted many passes"
    assert snapshot(engine) == clean


def test_a_full_sync_through_failing_responses_gets_everything(engine: Engine) -> None:
    org = generate_org(tickets=300, seed=5, now=NOW)
    with ZendeskSandbox(org, fail_rate=0.2, seed=3) as sandbox:
        sandbox.faults = {"429", "500", "503", "drop", "slow"}
        sandbox.retry_after = 0  # Retry-After: 0 keeps the test fast; it is still honoured
        sandbox.slow_seconds = 0.6
        client = client_for(sandbox, timeout=0.3, max_retries=8, page_size=20)
        result = sync(engine, client, full=True)
        faults = sum(sandbox.stats.faults.values())
        kinds = set(sandbox.stats.faults)

    assert result.errors == ()
    assert faults >= 10 and kinds == {"429", "500", "503", "drop", "slow"}
    assert client.retries >= faults
    assert ids(engine, "tickets") == sorted(org.tickets)
    assert ids(engine, "comments") == comment_ids(org)
    assert ids(engine, "satisfaction_ratings") == sorted(org.satisfaction_ratings)
    assert ids(engine, "ticket_metrics") == sorted(org.ticket_metrics)


KILL_SCRIPT = """
import os, signal, sys
from bot.store import make_engine
from integrations.zendesk.client import ZendeskClient
from integrations.zendesk.sync import sync

url, email, db_url, rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

def die(table, written):
    if written >= rows:
        os.kill(os.getpid(), signal.SIGKILL)  # no rollback, no cleanup: a real crash

client = ZendeskClient(url, email=email, api_token="sandbox", requests_per_minute=10_000,
                       page_size=50)
sync(make_engine(db_url), client, full=True, on_write=die)
"""


@pytest.mark.parametrize("fraction", [0.3, 0.8])
def test_a_sync_process_killed_with_sigkill_mid_page_resumes_to_the_clean_store(
    db_url: str,
    org_and_clean,
    fraction: float,  # type: ignore[no-untyped-def]
) -> None:
    org, clean, total = org_and_clean
    with ZendeskSandbox(org) as sandbox:
        killed = subprocess.run(
            [sys.executable, "-c", KILL_SCRIPT, sandbox.url, sandbox.email, db_url,
             str(int(total * fraction))],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        engine = make_engine(db_url)
        try:
            partial = snapshot(engine)
            resumed = sync(engine, client_for(sandbox))
            final = snapshot(engine)
        finally:
            engine.dispose()

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert 0 < sum(map(len, partial.values())) < sum(map(len, clean.values()))
    assert resumed.errors == ()
    assert final == clean
