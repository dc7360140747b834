"""`alignbot dispatch` from the command line: it says what it sent, and says in one line
what to set when rows are due that it has no credentials for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from outbox_support import keys_in, now, rows
from sqlalchemy import Engine, update

from bot.outbox import SLACK_DM, SLACK_MESSAGE, ZENDESK_COMMENT, enqueue
from bot.store import make_engine, session_scope, upgrade
from bot.store.tables import OUTBOX
from integrations.slack.sandbox import SlackSandbox


def alignbot(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "ZENDESK_", "ZENPY_"))
    }
    env.update(extra)
    return env


def test_dispatch_without_a_slack_token_but_slack_rows_due_fails_in_one_line(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    engine = make_engine(url)
    upgrade(engine)
    with session_scope(engine) as session:
        for key, kind, target in [("a", SLACK_MESSAGE, "#general"), ("b", SLACK_DM, "a@b.co")]:
            enqueue(session, key=key, kind=kind, target=target, payload={"text": "x"}, now=now())

    done = alignbot("dispatch", env=clean_env(DATABASE_URL=url), cwd=tmp_path)

    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines == ["error: 2 Slack messages are due but SLACK_BOT_TOKEN is not set "
                     "(a bot token, xoxb-...)"]  # fmt: skip
    assert {r["status"] for r in rows(engine).values()} == {"pending"}
    engine.dispose()


def test_dispatch_with_nothing_due_and_no_credentials_sends_nothing_and_exits_0(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"

    done = alignbot("dispatch", env=clean_env(DATABASE_URL=url), cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "dispatched: 0 sent, 0 retried later, 0 failed"


def test_dispatch_posts_what_is_due_and_says_how_many_were_sent_retried_and_failed(
    db_url: str, tmp_path: Path
) -> None:
    engine = make_engine(db_url)
    with session_scope(engine) as session:
        for key, kind, target in [
            ("a", SLACK_MESSAGE, "#general"),
            ("b", SLACK_DM, "ana@example.com"),
            ("c", SLACK_MESSAGE, "#support-managers"),
        ]:
            enqueue(session, key=key, kind=kind, target=target, payload={"text": key}, now=now())
    env = clean_env(DATABASE_URL=db_url, SLACK_API_URL="", SLACK_BOT_TOKEN="xoxb-sandbox")

    with SlackSandbox() as slack:
        env["SLACK_API_URL"] = slack.url
        slack.accept_then_fail = 1  # "a" reaches Slack but its answer is lost: retried later
        first = alignbot("dispatch", env=env, cwd=tmp_path)
        after_first = rows(engine)
        # "a" is due again (its backoff made to pass, not waited for): the dispatcher finds
        # it already in Slack and records it sent without posting it twice.
        with engine.begin() as conn:
            conn.execute(
                update(OUTBOX).where(OUTBOX.c.idempotency_key == "a").values(next_attempt_at=now())
            )
        second = alignbot("dispatch", env=env, cwd=tmp_path)
        posted = keys_in(slack.messages)
    queued = rows(engine)
    engine.dispose()

    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "dispatched: 2 sent, 1 retried later, 0 failed"
    assert after_first["a"]["status"] == "pending" and after_first["a"]["attempts"] == 1
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == "dispatched: 1 sent, 0 retried later, 0 failed"
    assert sorted(posted) == ["a", "b", "c"]
    assert queued["a"]["status"] == "sent"
    assert "xoxb-sandbox" not in first.stdout + first.stderr


def test_dispatch_exits_1_when_a_row_fails_for_good(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    engine = make_engine(url)
    upgrade(engine)
    with session_scope(engine) as session:
        enqueue(session, key="x", kind=SLACK_MESSAGE, target="C0999999999",
                payload={"text": "x"}, now=now())  # fmt: skip

    with SlackSandbox() as slack:
        env = clean_env(DATABASE_URL=url, SLACK_API_URL=slack.url, SLACK_BOT_TOKEN="xoxb-sandbox")
        done = alignbot("dispatch", env=env, cwd=tmp_path)
    engine.dispose()

    assert done.returncode == 1
    assert done.stdout.strip() == "dispatched: 0 sent, 0 retried later, 1 failed"


# ZENDESK_URL set (a .env carries it) but no credentials to go with it.
ZENDESK_WITHOUT_CREDENTIALS = {"ZENDESK_URL": "http://127.0.0.1:9"}
ZENDESK_MISSING = (
    "ZENDESK_API_TOKEN (or ZENDESK_OAUTH_TOKEN) is not set; "
    "ZENDESK_EMAIL is not set (the agent the API token belongs to)"
)


def queue(engine: Engine, *rows_: tuple[str, str, str, dict[str, object]]) -> None:
    with session_scope(engine) as session:
        for key, kind, target, payload in rows_:
            enqueue(session, key=key, kind=kind, target=target, payload=payload, now=now())


def test_dispatch_without_zendesk_credentials_delivers_the_slack_rows_and_exits_0(
    db_url: str, tmp_path: Path
) -> None:
    engine = make_engine(db_url)
    queue(engine, ("a", SLACK_MESSAGE, "#general", {"text": "a"}),
          ("b", SLACK_DM, "ana@example.com", {"text": "b"}))  # fmt: skip

    with SlackSandbox() as slack:
        env = clean_env(DATABASE_URL=db_url, SLACK_API_URL=slack.url,
                        SLACK_BOT_TOKEN="xoxb-sandbox", **ZENDESK_WITHOUT_CREDENTIALS)  # fmt: skip
        done = alignbot("dispatch", env=env, cwd=tmp_path)
        posted = keys_in(slack.messages)
    queued = rows(engine)
    engine.dispose()

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "dispatched: 2 sent, 0 retried later, 0 failed"
    assert done.stderr == ""
    assert sorted(posted) == ["a", "b"]
    assert {r["status"] for r in queued.values()} == {"sent"}


def test_dispatch_without_zendesk_credentials_sends_slack_and_names_what_zendesk_lacks(
    db_url: str, tmp_path: Path
) -> None:
    engine = make_engine(db_url)
    queue(engine, ("a", SLACK_MESSAGE, "#general", {"text": "a"}),
          ("z", ZENDESK_COMMENT, "7", {"body": "Fixed.", "public": True}))  # fmt: skip

    with SlackSandbox() as slack:
        env = clean_env(DATABASE_URL=db_url, SLACK_API_URL=slack.url,
                        SLACK_BOT_TOKEN="xoxb-sandbox", **ZENDESK_WITHOUT_CREDENTIALS)  # fmt: skip
        done = alignbot("dispatch", env=env, cwd=tmp_path)
        posted = keys_in(slack.messages)
    queued = rows(engine)
    engine.dispose()

    assert done.returncode == 2
    assert done.stdout.strip() == "dispatched: 1 sent, 0 retried later, 0 failed"
    assert done.stderr.strip().splitlines() == [
        f"error: 1 Zendesk write is due but {ZENDESK_MISSING}"
    ]
    assert posted == ["a"]
    assert queued["a"]["status"] == "sent"
    assert queued["z"]["status"] == "pending" and queued["z"]["attempts"] == 0
