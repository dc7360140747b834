"""`alignbot demo` (what `make demo` runs): the whole product end to end on the sandboxes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app


def test_the_demo_syncs_analyses_digests_and_posts_to_slack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    database = tmp_path / "demo.db"
    result = CliRunner().invoke(
        app, ["demo", "--tickets", "300", "--seed", "3", "--database", str(database)]
    )

    assert result.exit_code == 0, result.output
    output = result.output
    assert "300 tickets" in output  # every ticket of the sandbox org came in
    assert "Customer sentiment by language" in output
    assert "Misalignment digest" in output
    assert "1 message(s) sent, 0 to retry, 0 failed" in output
    assert "what C0000000002 received" in output  # the Slack sandbox's #support-managers
    assert "alignbot-digest-" in output and ".png" in output  # the chart went with it
    with sqlite3.connect(database) as store:
        (tickets,) = store.execute("SELECT count(*) FROM tickets").fetchone()
        (sent,) = store.execute("SELECT count(*) FROM outbox WHERE status = 'sent'").fetchone()
    assert (tickets, sent) == (300, 1)
