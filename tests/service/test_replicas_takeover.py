"""Two `alignbot run` replicas on one PostgreSQL, with both sandboxes: the one running a job
is SIGKILLed in the middle of it, the other takes its jobs over within the lease's bound,
and every job's effects happen exactly once, counted on the sandboxes: one confirmation
request per solve, one digest in Slack."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from bot.store import make_engine, upgrade
from bot.store.tables import (
    JOB_RUNS,
    OUTBOX,
    RESOLUTION_FLOW,
    STATUS_CHANGES,
    SYNC_STATE,
    TICKETS,
)
from integrations.slack.sandbox import SlackSandbox
from integrations.zendesk.helpdesk import ZendeskHelpdesk
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from tests.service.test_run_process import LAUNCH, REPO, Lines

LEASE_SECONDS = 4
POLL_SECONDS = 0.5
# The bound: a dead holder's lease runs out, the survivor's next poll takes the job, and
# the job itself may have to wait for the jobs before it in that process.
TAKEOVER_BOUND = LEASE_SECONDS + 4 * POLL_SECONDS + 15
WAIT = 90.0  # every wait below is bounded by this


@pytest.fixture
def store(new_postgres_database: Callable[[], str]) -> Iterator[tuple[str, Engine]]:
    url = new_postgres_database()
    engine = make_engine(url)
    upgrade(engine)
    try:
        yield url, engine
    finally:
        engine.dispose()


@pytest.fixture
def sandboxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[ZendeskSandbox, SlackSandbox]]:
    monkeypatch.delenv("ZENPY_FORCE_NETLOC", raising=False)
    monkeypatch.delenv("ZENPY_FORCE_SCHEME", raising=False)
    with (
        ZendeskSandbox(generate_org(tickets=40, seed=3)) as zendesk,
        SlackSandbox() as slack,
    ):
        for user in zendesk.org.users.values():
            if user.get("role") in ("agent", "admin") and user.get("email"):
                with contextlib.suppress(ValueError):
                    slack.add_user(str(user["email"]), str(user.get("name") or "Agent"))
        yield zendesk, slack


def replica(
    tmp_path: Path, name: str, url: str, zendesk: ZendeskSandbox, slack: SlackSandbox
) -> subprocess.Popen[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "ZENDESK_", "ALIGNBOT_", "DATABASE_", "RESOLUTION_"))
    }
    minute = 0.05  # every job every 3 s
    env.update(
        PYTHONPATH=str(REPO),
        DATABASE_URL=url,
        ZENDESK_URL=zendesk.url,
        ZENDESK_EMAIL=zendesk.email,
        ZENDESK_API_TOKEN="sandbox",
        SLACK_BOT_TOKEN="xoxb-sandbox",
        SLACK_API_URL=slack.url,
        ALIGNBOT_LINK_SECRET="r" * 40,
        ALIGNBOT_PUBLIC_URL="https://help.example.com/alignbot",
        RESOLUTION_MODE="enforce",
        SYNC_INTERVAL_MINUTES=str(minute),
        ANALYZE_INTERVAL_MINUTES=str(minute),
        RESOLUTION_INTERVAL_MINUTES=str(minute),
        UPDATES_INTERVAL_MINUTES=str(minute),
        NUDGES_INTERVAL_MINUTES=str(minute),
        DISPATCH_INTERVAL_SECONDS="1",
        DIGEST_AT="00:00",  # due since midnight: the first replica to get it posts it
        DIGEST_RETRY_MINUTES=str(minute),  # until the first sync and analysis are in
        JOB_LEASE_SECONDS=str(LEASE_SECONDS),
        SCHEDULER_POLL_SECONDS=str(POLL_SECONDS),
        OUTBOX_CLAIM_TIMEOUT_SECONDS="5",
        SHUTDOWN_TIMEOUT_SECONDS="10",
    )
    (tmp_path / name).mkdir()
    # Logs go to a file: a pipe nobody reads would fill and stall the replica.
    log = (tmp_path / name / "stderr.log").open("w")
    return subprocess.Popen(
        [sys.executable, "-c", LAUNCH, "run", "--port", "0"],
        cwd=tmp_path / name,
        env=env,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )


def until(
    condition: Callable[[], object],
    what: str,
    timeout: float = WAIT,
    runs: Callable[[], object] | None = None,
) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}: {runs() if runs else ''}")


def requests_on(zendesk: ZendeskSandbox, ticket: int) -> int:
    return sum(
        1
        for c in zendesk.org.comments.get(ticket, [])
        if c.get("public") and "/alignbot/r/" in c.get("body", "")
    )


def test_a_replica_killed_mid_job_is_taken_over_within_the_bound_and_nothing_repeats(
    tmp_path: Path, store: tuple[str, Engine], sandboxes: tuple[ZendeskSandbox, SlackSandbox]
) -> None:
    url, engine = store
    zendesk, slack = sandboxes
    processes = {name: replica(tmp_path, name, url, zendesk, slack) for name in ("first", "second")}
    try:
        for process in processes.values():
            Lines(process).wait_for(r"serving on http://127\.0\.0\.1:\d+", WAIT)
        pids = {process.pid: name for name, process in processes.items()}
        # The flow is switched on by the first resolution sweep that gets through (a solve
        # before that is not asked about); then agents solve.
        until(
            lambda: _switched_on(engine),
            "the resolution flow switched on",
            runs=lambda: _runs(engine, "resolution"),
        )
        helpdesk = ZendeskHelpdesk(zendesk.url, email=zendesk.email, api_token="sandbox")
        solved = [t for t, v in sorted(zendesk.org.tickets.items()) if v["status"] == "open"][:3]
        for ticket in solved:
            helpdesk.update_ticket(ticket, status="solved", comment="Fixed on our side.")

        # Zendesk turns slow, so a sync is caught running; its holder is killed mid-job.
        zendesk.slow_seconds, zendesk.faults, zendesk.fail_rate = 2.0, {"slow"}, 1.0
        job, worker = until(lambda: _running(engine), "a job caught running")  # type: ignore[misc]
        victim = int(worker.rsplit(":", 1)[1])
        assert victim in pids, (worker, pids)
        os.kill(victim, signal.SIGKILL)
        killed_at = time.monotonic()
        processes[pids[victim]].wait(10)
        zendesk.fail_rate = 0.0
        survivor = next(p for p in processes.values() if p.pid != victim)

        until(
            lambda: _ran(engine, job, by=f":{survivor.pid}", ok=True),
            f"the survivor to run {job}",
        )
        took_over = time.monotonic() - killed_at
        until(
            lambda: all(requests_on(zendesk, t) for t in solved),
            "every request posted",
            runs=lambda: _state(engine, zendesk, solved, tmp_path),
        )
        until(lambda: _digests(slack), "the digest posted", runs=lambda: _runs(engine, "digest"))
        time.sleep(3 * POLL_SECONDS + 3)  # a few more cycles: nothing may repeat
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)

    assert took_over < TAKEOVER_BOUND
    assert [requests_on(zendesk, t) for t in solved] == [1, 1, 1]
    assert [zendesk.org.tickets[t]["status"] for t in solved] == ["pending"] * 3
    assert _digests(slack) == 1


def _running(engine: Engine) -> tuple[str, str] | None:
    with engine.connect() as connection:
        row = connection.execute(
            select(JOB_RUNS.c.job, JOB_RUNS.c.worker)
            .where(JOB_RUNS.c.outcome == "running", JOB_RUNS.c.job == "sync")
            .order_by(JOB_RUNS.c.id.desc())
        ).first()
    return (row.job, row.worker) if row else None


def _switched_on(engine: Engine) -> bool:
    with engine.connect() as connection:
        return (
            connection.execute(
                select(RESOLUTION_FLOW.c.enabled_at).where(
                    RESOLUTION_FLOW.c.enabled_at.is_not(None)
                )
            ).first()
            is not None
        )


def _ran(engine: Engine, job: str, *, by: str = "", ok: bool = False) -> bool:
    with engine.connect() as connection:
        query = select(JOB_RUNS.c.id).where(JOB_RUNS.c.job == job)
        if by:
            query = query.where(JOB_RUNS.c.worker.endswith(by))
        if ok:
            query = query.where(JOB_RUNS.c.outcome == "ok")
        return connection.execute(query.limit(1)).first() is not None


def _runs(engine: Engine, job: str) -> list[tuple[str, str]]:
    """The job's runs (outcome, summary): what a timeout says about it."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(JOB_RUNS.c.outcome, JOB_RUNS.c.summary)
            .where(JOB_RUNS.c.job == job)
            .order_by(JOB_RUNS.c.id)
        ).all()
    return [(r.outcome, r.summary) for r in rows]


def _state(engine: Engine, zendesk: ZendeskSandbox, tickets: list[int], logs: Path) -> object:
    """What a timeout waiting for the requests says, to find which step stopped: the runs
    (the first resolution ones too: the flow starts at the first that gets through), the
    flow's start, the stored tickets and their status changes, the outbox, the sync
    positions, where the sandbox's export order has the tickets, and the replicas' warnings."""
    with engine.connect() as connection:
        stored = connection.execute(
            select(TICKETS.c.id, TICKETS.c.status, TICKETS.c.updated_at).where(
                TICKETS.c.id.in_(tickets)
            )
        ).all()
        changes = connection.execute(
            select(STATUS_CHANGES.c.ticket_id, STATUS_CHANGES.c.status, STATUS_CHANGES.c.at)
            .where(STATUS_CHANGES.c.ticket_id.in_(tickets))
            .order_by(STATUS_CHANGES.c.at)
        ).all()
        flow = connection.execute(select(RESOLUTION_FLOW.c.enabled_at)).all()
        c = OUTBOX.c
        rows = connection.execute(
            select(c.kind, c.target, c.status, c.attempts, c.next_attempt_at, c.last_error)
        ).all()
        positions = connection.execute(select(SYNC_STATE)).mappings().all()
    with zendesk.lock:  # its request threads move tickets in this order
        order = list(zendesk.org.ticket_order())
    warnings = {
        log.parent.name: [
            line[:300]
            for line in log.read_text(errors="replace").splitlines()
            if '"WARNING"' in line or '"ERROR"' in line
        ][-10:]
        for log in sorted(logs.glob("*/stderr.log"))
    }
    return {
        "runs": [_runs(engine, j)[-3:] for j in ("sync", "resolution", "dispatch")],
        "first resolution runs": _runs(engine, "resolution")[:3],
        "flow enabled at": flow,
        "stored": stored,
        "status changes": changes,
        "outbox": rows,
        "positions": [dict(p) for p in positions],
        "export order": [
            (i, o) for i, o in enumerate(order) if o[1] in tickets or i >= len(order) - 6
        ],
        "warnings": warnings,
    }


def _digests(slack: SlackSandbox) -> int:
    channel = slack.channel_id("support-managers")
    return sum(1 for m in slack.messages if m.channel == channel and not m.thread_ts)
