"""The default jobs drive the real domain against both sandboxes: one pass syncs, analyses,
sweeps and queues the digest, the next dispatch posts it, and a later pass the same day
posts nothing twice. Without Zendesk and Slack each job says why it is skipped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from scheduler_support import settings
from sqlalchemy import Engine

from bot.store import make_engine
from integrations.slack.sandbox import SlackSandbox
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from scheduler import build_scheduler

ORG_NOW = datetime(2026, 3, 2, tzinfo=UTC)
SECRET = "k" * 40


@pytest.fixture
def store(db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Engine]:
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in ("ZENPY_FORCE_NETLOC", "ZENPY_FORCE_SCHEME"):
        monkeypatch.delenv(name, raising=False)
    engine = make_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


def test_the_default_jobs_run_the_domain_against_both_sandboxes(store: Engine, db_url: str) -> None:
    with (
        ZendeskSandbox(generate_org(tickets=60, seed=5, now=ORG_NOW)) as zendesk,
        SlackSandbox() as slack,
    ):
        config = settings(
            database_url=db_url,
            zendesk_url=zendesk.url,
            zendesk_email=zendesk.email,
            zendesk_api_token="sandbox",
            zendesk_requests_per_minute=10_000,
            slack_bot_token="xoxb-sandbox",
            slack_api_url=slack.url,
            alignbot_link_secret=SECRET,
            alignbot_public_url="https://help.example.com/alignbot",
        )
        svc = build_scheduler(config, store, worker="w:1")
        morning = ORG_NOW + timedelta(hours=9)

        first = svc.run_pending_once(morning)
        second = svc.run_pending_once(morning + timedelta(seconds=31))
        later = svc.run_pending_once(morning + timedelta(hours=3))
        posted = slack.history("#support-managers")

    outcomes = {run.job: (run.outcome, run.summary) for run in first}
    assert list(outcomes) == [
        "sync", "analyze", "resolution", "updates", "nudges", "dispatch", "digest"
    ]  # fmt: skip
    assert all(outcome == "ok" for outcome, _ in outcomes.values()), outcomes
    assert outcomes["sync"][1].startswith("synced 60 tickets")
    assert outcomes["digest"][1] == "digest for 2026-03-01 queued for #support-managers"
    assert [r.job for r in second] == ["dispatch"]
    assert "digest" not in {r.job for r in later}
    assert len(posted) == 1


def test_without_zendesk_or_slack_each_job_that_needs_them_is_skipped_with_the_reason(
    store: Engine, db_url: str
) -> None:
    svc = build_scheduler(settings(database_url=db_url), store, worker="w:1")

    runs = svc.run_pending_once(ORG_NOW + timedelta(hours=9))

    skipped = {r.job: r.summary for r in runs if r.outcome == "skipped"}
    assert skipped == {
        "sync": "Zendesk is not configured: ZENDESK_URL is not set "
        "(https://<subdomain>.zendesk.com); ZENDESK_API_TOKEN (or ZENDESK_OAUTH_TOKEN) is not "
        "set; ZENDESK_EMAIL is not set (the agent the API token belongs to)",
        "resolution": skipped["resolution"],
        "nudges": "Slack is not configured: SLACK_BOT_TOKEN is not set (a bot token, xoxb-...)",
        "dispatch": "neither Slack nor Zendesk is configured: nothing can be delivered",
        "digest": "Slack is not configured: SLACK_BOT_TOKEN is not set (a bot token, xoxb-...)",
    }
    assert "ALIGNBOT_LINK_SECRET is not set" in skipped["resolution"]
    assert {r.job: r.outcome for r in runs}["analyze"] == "ok"
