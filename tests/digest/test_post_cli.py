"""What a new user hits with `alignbot digest --post`, through the command line: an empty or
unanalysed store is refused in one line naming the command to run, and posting again after
the store changed replaces the Slack message (one message in the channel, its text changed)
through the real slack_sdk client and dispatcher, instead of being refused."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, update
from typer.testing import CliRunner

from bot.cli import app
from bot.settings import load_settings
from bot.signals.analyze import analyze
from bot.store import make_engine
from bot.store.tables import OUTBOX, TICKETS
from integrations.slack.sandbox import SlackSandbox
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync

ORG_NOW = datetime(2026, 3, 2, tzinfo=UTC)
DAY = "2026-03-01"  # the org's last full day, with a good share of its activity


def alignbot(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed command as a user runs it: errors are printed by `main` as one line."""
    return subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "ZENDESK_", "ZENPY_", "ALIGNBOT_", "DATABASE_"))
    }
    env.update(extra)
    return env


def queued(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(OUTBOX)).scalar_one())


@pytest.fixture
def synced(db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Engine]:
    """A store holding a synced sandbox org, not analysed yet."""
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in ("ZENPY_FORCE_NETLOC", "ZENPY_FORCE_SCHEME"):
        monkeypatch.delenv(name, raising=False)
    engine = make_engine(db_url)
    with ZendeskSandbox(generate_org(tickets=150, seed=11, now=ORG_NOW)) as zendesk:
        settings = load_settings(
            zendesk_url=zendesk.url, zendesk_email=zendesk.email, zendesk_api_token="sandbox",
            zendesk_requests_per_minute=10_000, database_url=db_url,
        )  # fmt: skip
        sync(engine, settings, full=True)
    try:
        yield engine
    finally:
        engine.dispose()


def analysed(engine: Engine, db_url: str) -> None:
    analyze(engine, load_settings(database_url=db_url), datetime.now(UTC))


def test_posting_from_an_empty_store_is_refused_naming_sync(db_url: str, tmp_path: Path) -> None:
    done = alignbot("digest", "--post", env=clean_env(DATABASE_URL=db_url), cwd=tmp_path)

    assert done.returncode != 0
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "error: the store holds no tickets, so the digest would be empty: run `alignbot sync "
        "--full` (then `alignbot analyze`) first"
    ]
    engine = make_engine(db_url)
    assert queued(engine) == 0
    engine.dispose()


def test_posting_days_the_store_has_no_tickets_for_is_refused_naming_sync(
    synced: Engine, db_url: str, tmp_path: Path
) -> None:
    analysed(synced, db_url)

    done = alignbot(
        "digest", "--post", "--date", "2025-06-01", env=clean_env(DATABASE_URL=db_url), cwd=tmp_path
    )

    assert done.returncode != 0
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: no ticket in the store was active on 2025-06-01")
    assert "run `alignbot sync`" in line
    assert queued(synced) == 0


def test_posting_before_analysis_is_refused_naming_analyze_and_accepted_after_it(
    synced: Engine, db_url: str, tmp_path: Path
) -> None:
    env = clean_env(DATABASE_URL=db_url)

    refused = alignbot("digest", "--post", "--date", DAY, env=env, cwd=tmp_path)
    nothing_queued = queued(synced)
    analysed(synced, db_url)
    accepted = CliRunner().invoke(app, ["digest", "--post", "--date", DAY], env=env)

    assert refused.returncode != 0
    [line] = refused.stderr.strip().splitlines()
    assert line.startswith("error: ") and line.endswith(
        "comments in the store are not analysed yet, so the digest's human figures would be "
        "wrong: run `alignbot analyze` first"
    )
    assert nothing_queued == 0
    assert accepted.exit_code == 0, accepted.output
    assert accepted.output.strip().splitlines()[-1] == (
        f"digest for {DAY} queued for #support-managers; `alignbot dispatch` posts it"
    )
    assert queued(synced) == 1


def test_posting_again_after_the_store_changed_updates_the_same_slack_message(
    synced: Engine, db_url: str, tmp_path: Path
) -> None:
    analysed(synced, db_url)
    # Before the first post, part of the day's tickets look deleted (a later sync fixes it).
    with synced.begin() as connection:
        ids = connection.execute(select(TICKETS.c.id).order_by(TICKETS.c.id)).scalars().all()
        connection.execute(update(TICKETS).where(TICKETS.c.id.in_(ids[::2])).values(deleted=True))
    runner = CliRunner()

    with SlackSandbox() as slack:
        env = clean_env(
            DATABASE_URL=db_url, SLACK_BOT_TOKEN="xoxb-sandbox", SLACK_API_URL=slack.url
        )
        first_post = runner.invoke(app, ["digest", "--post", "--date", DAY], env=env)
        first_dispatch = runner.invoke(app, ["dispatch"], env=env)
        [first] = slack.history("#support-managers")
        with synced.begin() as connection:
            connection.execute(update(TICKETS).values(deleted=False))
        again = runner.invoke(app, ["digest", "--post", "--date", DAY], env=env)
        again_dispatch = runner.invoke(app, ["dispatch"], env=env)
        unchanged = runner.invoke(app, ["digest", "--post", "--date", DAY], env=env)
        messages = slack.history("#support-managers")
        calls, files = dict(slack.calls), list(slack.files)

    assert first_post.exit_code == 0 and first_dispatch.exit_code == 0, first_dispatch.output
    assert again.exit_code == 0, again.output
    assert again.output.strip().splitlines()[-1] == (
        f"digest for {DAY} was queued for #support-managers before; revision 2 queued to "
        "replace it: `alignbot dispatch` updates the same Slack message"
    )
    assert again_dispatch.output.strip() == "dispatched: 1 sent, 0 retried later, 0 failed"
    [message] = messages  # still one message in the channel: the same one, changed
    assert message.ts == first.ts and message.edited_ts is not None
    assert (message.text, message.blocks) != (first.text, first.blocks)
    assert calls["chat.postMessage"] == 1 and calls["chat.update"] == 1
    assert len(files) == 1  # the chart is left as first posted
    assert unchanged.output.strip().splitlines()[-1] == (
        f"digest for {DAY} is unchanged since it was queued for #support-managers; "
        "nothing new to post"
    )
    assert queued(synced) == 2
