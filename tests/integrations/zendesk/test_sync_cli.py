"""`alignbot sync` and `alignbot stats` from the command line, against the sandbox."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_sync_support import NOW
from typer.testing import CliRunner

from bot.cli import app
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

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
    monkeypatch.chdir(tmp_path)  # no stray .env
    org = generate_org(tickets=120, seed=8, now=NOW)
    with ZendeskSandbox(org) as sandbox:
        for name, value in {
            "ZENDESK_URL": sandbox.url,
            "ZENDESK_EMAIL": sandbox.email,
            "ZENDESK_API_TOKEN": "sandbox",
            "ZENDESK_REQUESTS_PER_MINUTE": "10000",
            "DATABASE_URL": db_url,
        }.items():
            monkeypatch.setenv(name, value)
        runner = CliRunner()
        full = runner.invoke(app, ["sync", "--full"])
        again = runner.invoke(app, ["sync"])
        stats = runner.invoke(app, ["stats", "--json"])
        table = runner.invoke(app, ["stats"])

    assert full.exit_code == 0, full.output
    assert full.output.strip().splitlines()[-1].startswith(f"synced {len(org.tickets):,} tickets")
    assert again.exit_code == 0 and again.output.startswith("synced 0 tickets")
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
