"""`alignbot sync` and `alignbot stats` from the command line, against the sandbox."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from test_sync_support import NOW, ids, point_cli_at
from typer.testing import CliRunner

from bot.cli import Overrides, app, main
from bot.store import make_engine
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import SyncProgress

STATS_KEYS = {
    "tickets",
    "deleted_tickets",
    "comments",
    "users",
    "groups",
    "ticket_metrics",
    "satisfaction_ratings",
    "streams",
    "outbox",
}


def test_sync_full_then_incremental_then_stats_json(
    db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    org = generate_org(tickets=120, seed=8, now=NOW)
    with ZendeskSandbox(org) as sandbox:
        point_cli_at(sandbox, db_url, monkeypatch, tmp_path)
        runner = CliRunner()
        full = runner.invoke(app, ["sync", "--full"])
        again = runner.invoke(app, ["sync"])
        stats = runner.invoke(app, ["stats", "--json"])
        table = runner.invoke(app, ["stats"])

    assert full.exit_code == 0, full.output
    assert full.output.strip().splitlines()[-1].startswith(f"synced {len(org.tickets):,} tickets")
    assert again.exit_code == 0 and again.stdout.startswith("synced 0 tickets")
    data = json.loads(stats.output)
    assert set(data) == STATS_KEYS
    assert data["tickets"] == len(org.tickets) and data["deleted_tickets"] == 0
    assert data["comments"] == sum(len(c) for c in org.comments.values())
    assert data["satisfaction_ratings"] == len(org.satisfaction_ratings)
    assert data["ticket_metrics"] == len(org.ticket_metrics)
    assert set(data["streams"]) == {"tickets", "ticket_events", "satisfaction_ratings"}
    assert all(s["last_synced_at"] for s in data["streams"].values())
    assert table.exit_code == 0 and "ticket_events" in table.output


def test_sync_without_zendesk_settings_says_so_in_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZENDESK_")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'a.db'}"
    done = subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", "sync"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ZENDESK_URL is not set")


# ----- Zendesk that cannot be reached: one line, at once ------------------------------------


@pytest.fixture
def zendesk_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Credentials and a fresh SQLite store; each test sets ZENDESK_URL itself."""
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("ZENDESK_EMAIL", "agent@acme.test")
    monkeypatch.setenv("ZENDESK_API_TOKEN", "sandbox")
    monkeypatch.setenv("ZENDESK_REQUESTS_PER_MINUTE", "10000")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'store.db'}")
    yield


def run_cli(argv: list[str], **overrides: Any) -> int:
    """`alignbot ARGV` in this process, as the console script runs it; the exit code."""
    with pytest.raises(SystemExit) as exited:
        main(argv, obj=Overrides(**overrides))
    code = exited.value.code
    return code if isinstance(code, int) else 0


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_sync_against_a_closed_port_fails_in_one_line_after_a_few_quick_retries(
    zendesk_env: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    monkeypatch.setenv("ZENDESK_URL", url)
    sleeps: list[float] = []

    code = run_cli(["sync"], sleep=sleeps.append)

    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err == [
        f"error: cannot reach Zendesk at {url} (connection refused on 3 attempts): "
        "check ZENDESK_URL"
    ]
    assert len(sleeps) == 2 and sum(sleeps) <= 1.0, "two short waits, not eight long ones"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("https://nonexistent.invalid", "ZENDESK_URL: must be https://<subdomain>.zendesk.com"),
        ("https://example.zendesk.com", "placeholder from .env.example"),
        ("ftp://acme.zendesk.com", "ZENDESK_URL: must be https://<subdomain>.zendesk.com"),
    ],
)
def test_sync_with_a_url_that_leads_nowhere_says_so_before_any_request(
    zendesk_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    url: str,
    says: str,
) -> None:
    monkeypatch.setenv("ZENDESK_URL", url)
    sleeps: list[float] = []

    code = run_cli(["sync"], sleep=sleeps.append)

    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert err[0].startswith("error: ZENDESK_URL") and says in err[0]
    assert sleeps == []


def test_sync_with_a_refused_token_fails_in_one_line_after_one_request(
    zendesk_env: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sleeps: list[float] = []
    with ZendeskSandbox(generate_org(tickets=20, seed=1, now=NOW), token="right") as sandbox:
        monkeypatch.setenv("ZENDESK_URL", sandbox.url)
        monkeypatch.setenv("ZENDESK_API_TOKEN", "wrong")
        code = run_cli(["sync", "--full"], sleep=sleeps.append)
        requests = sandbox.stats.requests

    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert err[0].startswith("error: Zendesk GET") and "401" in err[0]
    assert "ZENDESK_API_TOKEN" in err[0] and "wrong" not in err[0]
    assert requests == 1 and sleeps == []


# ----- progress, and Ctrl-C ---------------------------------------------------------------

PROGRESS_LINE = re.compile(
    r"^(groups|tickets|ticket_events|comment authors|satisfaction_ratings): "
    r"[\d,]+ of 120 tickets, [\d,]+ comments, [\d,]+ API calls$"
)


@pytest.fixture
def sandbox_env(
    zendesk_env: None, monkeypatch: pytest.MonkeyPatch, db_url: str
) -> Iterator[ZendeskSandbox]:
    """A sandbox of 120 tickets served 25 a page, and an empty store (SQLite, PostgreSQL)."""
    with ZendeskSandbox(generate_org(tickets=120, seed=8, now=NOW)) as sandbox:
        monkeypatch.setenv("ZENDESK_URL", sandbox.url)
        monkeypatch.setenv("ZENDESK_EMAIL", sandbox.email)
        monkeypatch.setenv("ZENDESK_PAGE_SIZE", "25")
        monkeypatch.setenv("DATABASE_URL", db_url)
        yield sandbox


@pytest.fixture
def store(sandbox_env: ZendeskSandbox) -> Iterator[Engine]:
    engine = make_engine(os.environ["DATABASE_URL"])
    try:
        yield engine
    finally:
        engine.dispose()


def test_a_sync_off_a_terminal_shows_plain_progress_lines_on_stderr(
    sandbox_env: ZendeskSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_cli(["sync", "--full"])

    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code == 0 and out.startswith("synced 120 tickets")
    assert lines and all(PROGRESS_LINE.match(line) for line in lines), lines
    assert lines[0].startswith("groups: 0 of 120 tickets")
    assert any(line.startswith("tickets: 25 of 120 tickets") for line in lines)
    assert any(line.startswith("ticket_events: 120 of 120 tickets") for line in lines)
    assert "\x1b" not in err, "no terminal escape codes in a log"


def test_ctrl_c_says_where_the_sync_stopped_exits_130_and_keeps_what_it_stored(
    sandbox_env: ZendeskSandbox, store: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    def press_ctrl_c_after_three_ticket_pages(progress: SyncProgress) -> None:
        if progress.stream == "tickets" and progress.tickets >= 75:
            raise KeyboardInterrupt

    stopped = run_cli(["sync", "--full"], on_progress=press_ctrl_c_after_three_ticket_pages)
    last_line = capsys.readouterr().err.strip().splitlines()[-1]
    kept = ids(store, "tickets")
    resumed = run_cli(["sync"])

    assert stopped == 130
    assert last_line == (
        "stopped after 75 of 120 tickets; the next `alignbot sync` resumes from there"
    )
    assert len(kept) == 75
    assert resumed == 0 and ids(store, "tickets") == sorted(sandbox_env.org.tickets)
