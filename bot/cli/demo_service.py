"""The demo's last step: everything above, as the one service a team deploys. `alignbot run`
starts as its own process for a bounded time against a fresh Zendesk sandbox and the Slack
sandbox, with short job intervals, and runs a live cycle: the sync, a solve seen and its
confirmation asked, stale tickets updated, nudges sent, the digest posted."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text
from sqlalchemy import Engine, select

from bot.store import open_store
from bot.store.tables import JOB_RUNS

if TYPE_CHECKING:
    from integrations.slack.sandbox import SlackSandbox

RUN_SECONDS = 18
EVERY_FEW_SECONDS = "0.05"  # minutes: every job every 3 s, so a short run sees them all


def service_step(console: Console, database: Path, slack: SlackSandbox, seed: int) -> None:
    from integrations.zendesk.helpdesk import ZendeskHelpdesk
    from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

    console.print(
        f"\n[bold]7. alignbot run[/]: all of it as one service, for {RUN_SECONDS} s, on a fresh "
        "store and a fresh Zendesk sandbox"
    )
    store = database.with_name(f"{database.stem}-run.db")
    for suffix in ("", "-wal", "-shm", "-journal", ".run.lock"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    with ZendeskSandbox(generate_org(tickets=200, seed=seed + 1)) as zendesk:
        for user in zendesk.org.users.values():
            if user.get("role") in ("agent", "admin") and user.get("email"):
                with contextlib.suppress(ValueError):
                    slack.add_user(str(user["email"]), str(user.get("name") or "Agent"))
        messages_before = len(slack.messages)
        process = _launch(store, zendesk.url, zendesk.email, slack.url)
        lines: list[str] = []
        reader = threading.Thread(target=_read, args=(process, lines), daemon=True)
        reader.start()
        solved = None
        try:
            if _wait(lambda: any("serving on" in line for line in lines), 60):
                console.print(Text(f"   {next(x for x in lines if 'serving on' in x).strip()}"))
                engine = open_store(f"sqlite:///{store}")
                _wait(lambda: _ran(engine, "resolution"), 30)  # the flow is switched on
                helpdesk = ZendeskHelpdesk(zendesk.url, email=zendesk.email, api_token="sandbox")
                solved = next(
                    t for t, v in sorted(zendesk.org.tickets.items())
                    if v["status"] == "open" and v.get("assignee_id")
                )  # fmt: skip
                helpdesk.update_ticket(solved, status="solved", comment="Fixed on our side.")
                console.print(f"   An agent solves ticket #{solved} in Zendesk.")
            process.wait(RUN_SECONDS + 40)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(10)
        reader.join(5)
        engine = open_store(f"sqlite:///{store}")
        _show_runs(console, engine)
        if solved is not None:
            status = zendesk.org.tickets[solved]["status"]
            asked = any(
                "/r/" in c.get("body", "") and c.get("public")
                for c in zendesk.org.comments.get(solved, [])
            )
            console.print(
                f"   Ticket #{solved}: {status} now, its customer "
                + ("asked to confirm." if asked else "not asked yet (the run ended first).")
            )
        posted = Counter(
            "a DM" if m.channel.startswith("D") else "a channel message"
            for m in slack.messages[messages_before:]
        )
        console.print(
            "   Slack received "
            + (", ".join(f"{n} x {what}" for what, n in posted.items()) or "nothing")
            + f"; the process exited {process.returncode} after {RUN_SECONDS} s."
        )


def _launch(store: Path, zendesk_url: str, email: str, slack_url: str) -> subprocess.Popen[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "ZENDESK_", "ALIGNBOT_", "DATABASE_", "PROACTIVE_"))
    }
    env.update(
        DATABASE_URL=f"sqlite:///{store}",
        ZENDESK_URL=zendesk_url,
        ZENDESK_EMAIL=email,
        ZENDESK_API_TOKEN="sandbox",
        SLACK_BOT_TOKEN="xoxb-sandbox",
        SLACK_API_URL=slack_url,
        ALIGNBOT_LINK_SECRET=secrets.token_urlsafe(32),
        ALIGNBOT_PUBLIC_URL="http://127.0.0.1:8080",
        PROACTIVE_MODE="auto",
        SYNC_INTERVAL_MINUTES=EVERY_FEW_SECONDS,
        ANALYZE_INTERVAL_MINUTES=EVERY_FEW_SECONDS,
        RESOLUTION_INTERVAL_MINUTES=EVERY_FEW_SECONDS,
        UPDATES_INTERVAL_MINUTES=EVERY_FEW_SECONDS,
        NUDGES_INTERVAL_MINUTES=EVERY_FEW_SECONDS,
        DISPATCH_INTERVAL_SECONDS="1",
        SCHEDULER_POLL_SECONDS="0.5",
        DIGEST_AT="00:00",  # due since midnight: posted at start, once
        DIGEST_RETRY_MINUTES=EVERY_FEW_SECONDS,
        NUDGE_QUIET_HOURS="00:00-00:00",
        LOG_LEVEL="WARNING",
    )
    return subprocess.Popen(
        [sys.executable, "-c", "from bot.cli import main; main()", "run", "--port", "0",
         "--for-seconds", str(RUN_SECONDS)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def _read(process: subprocess.Popen[str], lines: list[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)


def _wait(condition: Callable[[], object], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _ran(engine: object, job: str) -> bool:
    with engine.connect() as connection:  # type: ignore[attr-defined]
        return (
            connection.execute(select(JOB_RUNS.c.id).where(JOB_RUNS.c.job == job)).first()
            is not None
        )


def _show_runs(console: Console, engine: Engine) -> None:
    with engine.connect() as connection:
        rows = connection.execute(
            select(JOB_RUNS.c.job, JOB_RUNS.c.outcome, JOB_RUNS.c.summary).order_by(JOB_RUNS.c.id)
        ).all()
    runs: Counter[str] = Counter(r.job for r in rows)
    console.print("   What its jobs did (`alignbot jobs` shows the same):")
    for job in ("sync", "analyze", "resolution", "updates", "nudges", "dispatch", "digest"):
        told = [r.summary for r in rows if r.job == job and r.outcome == "ok" and _says(r.summary)]
        last = told[0] if told else next((r.summary for r in rows if r.job == job), "")
        console.print(Text(f"     {job:<10} {runs[job]:>3} run(s)  {_short(last)}"))


def _says(summary: str) -> bool:
    """Whether a run did something worth showing (its first such run is shown)."""
    numbers = re.findall(r"\d+", summary)
    return bool(numbers) and any(n != "0" for n in numbers)


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
