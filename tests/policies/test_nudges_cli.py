"""`alignbot nudges link|opt-out|sweep` as a user runs them, against the Slack sandbox."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from nudge_support import ANA, BEN, OTHER_CUSTOMER, Store, nudges
from sqlalchemy import Engine

from integrations.slack.sandbox import SlackSandbox


@pytest.fixture
def slack() -> Iterator[SlackSandbox]:
    with SlackSandbox() as sandbox:
        yield sandbox


def alignbot(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def env_for(db_url: str, slack: SlackSandbox, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "ZENDESK_", "ALIGNBOT_", "DATABASE_", "NUDGE_"))
    }
    env.update(
        DATABASE_URL=db_url,
        SLACK_BOT_TOKEN="xoxb-sandbox",
        SLACK_API_URL=slack.url,
        ZENDESK_URL="https://acme.zendesk.com",
        # The sweep reads the real clock: no quiet hours, so the test holds at any hour.
        NUDGE_QUIET_HOURS="00:00-00:00",
    )
    env.update(extra)
    return env


def test_a_sweep_prints_per_agent_what_it_decided_after_link_and_opt_out(
    engine: Engine, db_url: str, slack: SlackSandbox, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    store = Store(engine)
    store.people()
    for ticket_id, assignee in ((501, ANA), (503, BEN)):
        store.ticket(
            ticket_id - 1,
            assignee=None,
            requester=OTHER_CUSTOMER,
            status="solved",
            created=now - timedelta(days=9),
            updated=now - timedelta(days=9),
        )
        store.ticket(
            ticket_id,
            assignee=assignee,
            requester=OTHER_CUSTOMER,
            updated=now - timedelta(minutes=5),
        )
    env = env_for(db_url, slack)

    linked = alignbot(
        "nudges", "link", "ana@example.com", "chloe@example.com", env=env, cwd=tmp_path
    )
    opted = alignbot("nudges", "opt-out", "ben@example.com", env=env, cwd=tmp_path)
    swept = alignbot("nudges", "sweep", env=env, cwd=tmp_path)
    again = alignbot("nudges", "sweep", env=env, cwd=tmp_path)

    assert linked.returncode == 0 and opted.returncode == 0, linked.stderr + opted.stderr
    assert swept.returncode == 0, swept.stderr
    # each ticket: a context card (its requester has history) and a stale nudge (no reply)
    assert "decided: context 2, stale 2" in swept.stdout
    assert "ana@example.com: 2 nudge(s) in one DM" in swept.stdout
    assert "ben@example.com: 2 dropped (opted out)" in swept.stdout
    assert "alignbot dispatch" in swept.stdout
    assert again.returncode == 0 and "decided: none" in again.stdout
    assert {n["status"] for n in nudges(engine)} == {"sent", "dropped"}


def test_link_refuses_what_is_not_an_email(
    db_url: str, slack: SlackSandbox, tmp_path: Path
) -> None:
    done = alignbot("nudges", "link", "ana", "U123", env=env_for(db_url, slack), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == "error: 'ana' is not an email address"
