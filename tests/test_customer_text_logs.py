"""Customer text stays out of the logs, at DEBUG too, unless LOG_CUSTOMER_TEXT asks for it:
a sync, the analysis, the digest's delivery to Slack and a comment's to Zendesk, over the
sandboxes and the real clients, with every record kept."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from bot.digest import queue_digest
from bot.metrics.model import Period
from bot.metrics.report import build_report
from bot.outbox import ZENDESK_COMMENT, Dispatcher, enqueue
from bot.settings import Settings
from bot.signals.analyze import analyze
from bot.store.tables import COMMENTS, GROUPS, TICKETS, USERS
from integrations.slack.client import SlackChat
from integrations.slack.sandbox import SlackSandbox
from integrations.zendesk.client import ZendeskClient
from integrations.zendesk.helpdesk import ZendeskHelpdesk
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync

NOW = datetime(2026, 3, 2, tzinfo=UTC)


def _customer_text(engine: Engine) -> set[str]:
    """Comment bodies (their start), customer emails, subjects, people's and groups' names."""
    with engine.connect() as conn:
        bodies = {b[:40] for (b,) in conn.execute(select(COMMENTS.c.body)) if len(b) >= 20}
        people = conn.execute(select(USERS.c.email, USERS.c.name, USERS.c.role)).all()
        subjects = {s for (s,) in conn.execute(select(TICKETS.c.subject)) if s and len(s) >= 12}
        groups = {g for (g,) in conn.execute(select(GROUPS.c.name)) if g and len(g) >= 5}
    emails = {email for email, _name, role in people if email and role == "end-user"}
    names = {name for _email, name, _role in people if name and " " in name}
    return bodies | emails | subjects | names | groups


def _run_at_debug(engine: Engine, caplog: pytest.LogCaptureFixture, keep: bool) -> list[str]:
    caplog.set_level(logging.DEBUG)
    with (
        ZendeskSandbox(generate_org(tickets=60, seed=7, now=NOW)) as zendesk,
        SlackSandbox() as slack,
    ):
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            zendesk_url=zendesk.url,
            zendesk_email=zendesk.email,
            zendesk_api_token="sandbox",
            slack_bot_token="xoxb-sandbox",
            slack_api_url=slack.url,
            log_customer_text=keep,
        )
        client = ZendeskClient(
            zendesk.url, email=zendesk.email, api_token="sandbox", requests_per_minute=10_000
        )
        sync(engine, client, full=True)
        analyze(engine, settings, NOW)
        period = Period.between(NOW.date() - timedelta(days=7), NOW.date(), "UTC")
        report = build_report(engine, settings, period, now=NOW, zendesk_url=zendesk.url)
        queue_digest(engine, report, settings, channel="#support-managers", now=datetime.now(UTC))
        with engine.begin() as conn:
            open_ = select(TICKETS.c.id).where(TICKETS.c.status == "open").limit(1)
            ticket = conn.execute(open_).scalar_one()
            reply = {"body": "Hi, your refund is on its way.", "public": True}
            enqueue(conn, key="reply", kind=ZENDESK_COMMENT, target=str(ticket), payload=reply,
                    now=datetime.now(UTC))  # fmt: skip
        chat = SlackChat.from_settings(settings)
        helpdesk = ZendeskHelpdesk.from_settings(settings)
        result = Dispatcher(engine, chat=chat, helpdesk=helpdesk, worker_id="t").run_once(
            datetime.now(UTC)
        )
        assert (result.sent, result.failed) == (2, 0)
        chat.lookup_user_by_email("ana@example.com")
    return [record.getMessage() for record in caplog.records]


def test_no_customer_text_reaches_the_logs_at_debug_by_default(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    logged = "\n".join(_run_at_debug(engine, caplog, keep=False))
    # The SDKs' lines are there, without their bodies.
    assert "chat.postMessage (bodies left out" in logged
    assert "PUT: " in logged and "your refund is on its way" not in logged
    leaked = {text for text in _customer_text(engine) | {"ana@example.com"} if text in logged}
    assert not leaked


def test_log_customer_text_keeps_the_sdk_bodies_when_asked(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    logged = "\n".join(_run_at_debug(engine, caplog, keep=True))
    assert "ana@example.com" in logged and "your refund is on its way" in logged
    assert any(text in logged for text in _customer_text(engine))
