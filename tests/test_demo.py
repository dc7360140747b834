"""`alignbot demo` (what `make demo` runs): the whole product end to end on the sandboxes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app


def test_the_demo_syncs_analyses_digests_posts_to_slack_and_runs_the_resolution_flow(
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
    # the resolution flow: asked, answered in several languages, figures from the events
    assert "Confirmed vs Closed" in output
    assert "created custom status 'Awaiting confirmation'" in output
    assert "-> awaiting_confirmation (agent_solve)" in output
    assert "awaiting_confirmation -> confirmed (customer_reply)" in output
    assert "reminder_timeout" in output
    assert "confirmed_resolution_rate" in output
    # proactive updates (a review-mode draft approved with a signed click) and nudges
    flat = " ".join(output.split())  # the console wraps long lines
    assert "pressed Send: a Slack-signed request, checked by the app (HTTP 200)" in flat
    assert "updates posted as public comments" in flat
    assert "alignbot nudges sweep" in flat and "got one DM each" in flat
    # alignbot run, as its own process for a bounded time: a live cycle
    assert "alignbot run: serving on http://127.0.0.1:" in flat
    assert "its customer asked to confirm." in flat
    assert "digest for" in flat and "the process exited 0 after" in flat
    with sqlite3.connect(database) as store:
        (tickets,) = store.execute("SELECT count(*) FROM tickets").fetchone()
        (digests,) = store.execute(
            "SELECT count(*) FROM outbox WHERE status = 'sent' AND kind = 'slack.message'"
        ).fetchone()
        (unsent,) = store.execute("SELECT count(*) FROM outbox WHERE status != 'sent'").fetchone()
        causes = {row[0] for row in store.execute("SELECT DISTINCT cause FROM resolution_events")}
    assert (tickets, digests, unsent) == (300, 1, 0)
    assert {"agent_solve", "customer_reply", "link", "reminder_timeout"} <= causes
    with sqlite3.connect(database) as store:
        languages = store.execute(
            "SELECT count(DISTINCT locale) FROM proactive_updates WHERE status = 'queued'"
        ).fetchone()[0]
    assert languages >= 1


def test_the_demo_run_from_the_venv_says_how_to_put_alignbot_on_path(tmp_path: Path) -> None:
    # What `make demo` does: .venv/bin/alignbot, with .venv/bin not on PATH.
    script = Path(sys.executable).parent / "alignbot"
    bin_dir = str(script.parent)
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if p != bin_dir)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "ZENDESK_"))}
    env.update(PATH=path, COLUMNS="1000")  # one line each, as in a wide terminal

    done = subprocess.run(
        [str(script), "demo", "--tickets", "20", "--database", str(tmp_path / "demo.db")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    closing = " ".join(done.stdout.split()[-40:])  # however the terminal wrapped it
    assert f"DATABASE_URL=sqlite:///{tmp_path / 'demo.db'} alignbot stats" in closing
    assert closing.endswith(
        f"alignbot is not on your PATH yet: run . {script.parent / 'activate'} first "
        '(README, "Using it").'
    )
