"""`alignbot outbox list`, `alignbot outbox retry` and the outbox counts of `alignbot stats`:
the outbox handled without SQL, on SQLite and PostgreSQL, with the real dispatcher and the
Slack sandbox where a row is sent again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from outbox_support import now, rows
from sqlalchemy import Engine, update
from typer.testing import CliRunner

from bot.cli import app
from bot.outbox import SLACK_MESSAGE, ZENDESK_COMMENT, ZENDESK_UPDATE, enqueue
from bot.store import make_engine, session_scope
from bot.store.tables import OUTBOX
from integrations.slack.sandbox import SlackSandbox


def clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "ZENDESK_", "ZENPY_", "DATABASE_"))
    }
    env.update(extra)
    return env


def alignbot(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """As a user runs it: `main` prints an error as one line and exits non-zero."""
    return subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


@pytest.fixture
def slack() -> Iterator[SlackSandbox]:
    with SlackSandbox() as sandbox:
        yield sandbox


@pytest.fixture
def cli(
    db_url: str, slack: SlackSandbox, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[tuple[CliRunner, dict[str, str]]]:
    monkeypatch.chdir(tmp_path)  # no stray .env
    env = clean_env(DATABASE_URL=db_url, SLACK_BOT_TOKEN="xoxb-sandbox", SLACK_API_URL=slack.url)
    yield CliRunner(), env


def queue(engine: Engine, key: str, kind: str, target: str, **payload: object) -> None:
    with session_scope(engine) as session:
        enqueue(session, key=key, kind=kind, target=target, payload=payload, now=now())


def fail(engine: Engine, key: str, error: str, **result: object) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(OUTBOX)
            .where(OUTBOX.c.idempotency_key == key)
            .values(status="failed", attempts=10, last_error=error, result=result or None)
        )


def test_outbox_list_shows_the_newest_rows_in_a_table_filtered_by_status_and_kind(
    engine: Engine, cli: tuple[CliRunner, dict[str, str]]
) -> None:
    runner, env = cli
    queue(engine, "first", SLACK_MESSAGE, "#general", text="a")
    queue(engine, "second", ZENDESK_UPDATE, "7", status="solved")
    queue(engine, "third", SLACK_MESSAGE, "#support-managers", text="c")
    fail(engine, "second", "ZendeskUnavailable: Zendesk: cannot update ticket 7 (503)")

    every = runner.invoke(app, ["outbox", "list"], env=env)
    failed = runner.invoke(app, ["outbox", "list", "--status", "failed"], env=env)
    slack_only = runner.invoke(app, ["outbox", "list", "--kind", "slack.message", "--limit", "1"],
                               env=env)  # fmt: skip
    as_json = runner.invoke(app, ["outbox", "list", "--json", "--status", "pending"], env=env)

    assert every.exit_code == 0, every.output
    lines = every.output.splitlines()
    assert lines[0] == "outbox: 2 pending, 0 sending, 0 sent, 1 failed"
    assert lines[1].split()[:2] == ["status", "tries"]
    # status, tries, kind, target, when (a date and a time), key, last error
    assert [line.split()[6] for line in lines[2:]] == ["third", "second", "first"]
    assert "cannot update ticket 7 (503)" in lines[3] and lines[3].startswith("failed ")
    assert [line.split()[0] for line in failed.output.splitlines()[2:]] == ["failed"]
    assert [line.split()[6] for line in slack_only.output.splitlines()[2:]] == ["third"]
    listed = json.loads(as_json.output)
    assert [r["key"] for r in listed] == ["third", "first"]
    assert {r["status"] for r in listed} == {"pending"} and "payload" not in listed[0]


def test_outbox_list_of_an_unknown_status_names_the_statuses(tmp_path: Path) -> None:
    env = clean_env(DATABASE_URL=f"sqlite:///{tmp_path / 'a.db'}")

    done = alignbot("outbox", "list", "--status", "lost", env=env, cwd=tmp_path)

    assert done.returncode != 0
    assert done.stderr.strip() == (
        "error: --status 'lost': choose one of pending, sending, sent, failed"
    )


def test_outbox_retry_of_a_failed_row_has_the_next_dispatch_deliver_it(
    engine: Engine, slack: SlackSandbox, cli: tuple[CliRunner, dict[str, str]]
) -> None:
    runner, env = cli
    queue(engine, "ops-note", SLACK_MESSAGE, "#ops", text="shift handover")
    refused = runner.invoke(app, ["dispatch"], env=env)  # no #ops yet: failed for good
    slack.add_channel("ops")  # the operator fixes the cause...

    retried = runner.invoke(app, ["outbox", "retry", "ops-note"], env=env)
    row = rows(engine)["ops-note"]
    delivered = runner.invoke(app, ["dispatch"], env=env)

    assert refused.exit_code == 1
    assert retried.exit_code == 0, retried.output
    lines = retried.output.strip().splitlines()
    assert lines[0].startswith("reset ops-note (slack.message to #ops): was failed after 1 "
                               "attempt: ChatError: Slack chat.postMessage (#ops) failed: "
                               "channel_not_found")  # fmt: skip
    assert lines[1] == "`alignbot dispatch` delivers it"
    assert (row["status"], row["attempts"]) == ("pending", 0)
    assert delivered.output.strip() == "dispatched: 1 sent, 0 retried later, 0 failed"
    assert [m.text for m in slack.history("#ops")] == ["shift handover"]
    assert rows(engine)["ops-note"]["status"] == "sent"


def test_outbox_retry_of_an_unknown_key_says_so_and_exits_non_zero(
    engine: Engine, db_url: str, tmp_path: Path
) -> None:
    queue(engine, "known", SLACK_MESSAGE, "#general", text="a")

    done = alignbot("outbox", "retry", "unknown", env=clean_env(DATABASE_URL=db_url), cwd=tmp_path)

    assert done.returncode != 0 and done.stdout == ""
    assert done.stderr.strip() == (
        "error: no outbox row has the key 'unknown'; `alignbot outbox list` shows them"
    )
    assert rows(engine)["known"]["status"] == "pending"


def test_outbox_retry_refuses_a_row_already_sent(
    engine: Engine, db_url: str, tmp_path: Path
) -> None:
    queue(engine, "done", SLACK_MESSAGE, "#general", text="a")
    with engine.begin() as connection:
        connection.execute(update(OUTBOX).values(status="sent", sent_at=now(), attempts=1))

    done = alignbot("outbox", "retry", "done", env=clean_env(DATABASE_URL=db_url), cwd=tmp_path)

    assert done.returncode != 0
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: outbox row done is sent, not sent again: it was sent at ")
    assert rows(engine)["done"]["status"] == "sent"


def test_outbox_retry_failed_resets_every_failed_row_but_a_comment_that_may_be_on_the_ticket(
    engine: Engine, slack: SlackSandbox, cli: tuple[CliRunner, dict[str, str]]
) -> None:
    runner, env = cli
    queue(engine, "a", SLACK_MESSAGE, "#general", text="one")
    queue(engine, "b", SLACK_MESSAGE, "#general", text="two")
    queue(engine, "c", ZENDESK_COMMENT, "42", body="Refund issued.", public=True)
    queue(engine, "d", SLACK_MESSAGE, "#general", text="pending, untouched")
    fail(engine, "a", "gave up after 10 attempts: ChatUnavailable: Slack is having trouble")
    fail(engine, "b", "ChatError: Slack chat.postMessage (#general) failed: not_in_channel",
         unknown_since=(now() - timedelta(minutes=1)).isoformat())  # fmt: skip
    fail(engine, "c", "OutcomeUnknown: check the ticket",
         unknown_since=(now() - timedelta(minutes=1)).isoformat())  # fmt: skip

    retried = runner.invoke(app, ["outbox", "retry", "--failed"], env=env)
    after = rows(engine)
    delivered = runner.invoke(app, ["dispatch"], env=env)
    nothing = runner.invoke(app, ["outbox", "retry", "--failed", "--kind", "slack.message"],
                            env=env)  # fmt: skip

    assert retried.exit_code == 1  # one row was left as it is
    out = retried.stdout.strip().splitlines()
    assert [line.split()[1] for line in out if line.startswith("reset ")] == ["a", "b"]
    assert out[-1] == "2 failed rows reset, 1 left as they are; `alignbot dispatch` delivers them"
    assert "left c (zendesk.comment to 42) as it is: an earlier attempt may have added its " \
        "comment to ticket 42" in retried.stderr  # fmt: skip
    assert [after[k]["status"] for k in "abcd"] == ["pending", "pending", "failed", "pending"]
    assert after["b"]["result"]["unknown_since"]  # kept: Slack is asked before posting again
    assert delivered.output.strip().startswith("dispatched: 3 sent")
    assert sorted(m.text for m in slack.messages) == ["one", "pending, untouched", "two"]
    assert (nothing.exit_code, nothing.output.strip()) == (0, "no failed rows")


def test_stats_shows_the_outbox_rows_by_status(
    engine: Engine, cli: tuple[CliRunner, dict[str, str]]
) -> None:
    runner, env = cli
    for key in ("a", "b", "c"):
        queue(engine, key, SLACK_MESSAGE, "#general", text=key)
    fail(engine, "c", "ChatError: no")

    as_json = runner.invoke(app, ["stats", "--json"], env=env)
    table = runner.invoke(app, ["stats"], env=env)

    assert json.loads(as_json.output)["outbox"] == {"pending": 2, "sending": 0, "sent": 0,
                                                    "failed": 1}  # fmt: skip
    assert table.exit_code == 0, table.output
    cells = [line.replace("│", " ").split() for line in table.output.splitlines()]
    assert ["pending", "2"] in cells and ["failed", "1"] in cells and ["sent", "0"] in cells
    assert "failed rows: `alignbot outbox list --status failed` says why" in table.output


def test_stats_of_a_fresh_store_counts_no_outbox_rows(db_url: str, tmp_path: Path) -> None:
    engine = make_engine(db_url)
    engine.dispose()

    done = alignbot("stats", "--json", env=clean_env(DATABASE_URL=db_url), cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outbox"] == {"pending": 0, "sending": 0, "sent": 0,
                                                 "failed": 0}  # fmt: skip
