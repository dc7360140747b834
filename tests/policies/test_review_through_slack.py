"""Review mode end to end, with nothing faked: the updates sweep drafts a stale ticket's
proactive update, the dispatcher DMs the draft to its assignee in the Slack sandbox, the
assignee's Send click (signed exactly as Slack signs it) goes through bolt over real HTTP
to the real domain, and the next dispatch posts the update as one public comment on the
Zendesk sandbox ticket. A second click, and a forged one, change nothing."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine, select

from bot.cli.nudges import stale_items
from bot.outbox import OUTBOX, Dispatcher
from bot.policies import nudges
from bot.policies.updates import sweep
from bot.settings import Settings
from bot.store.tables import PROACTIVE_UPDATES
from integrations.slack.app import build_app
from integrations.slack.client import SlackChat
from integrations.slack.http import EVENTS_PATH, create_http_app
from integrations.slack.sandbox import RecordedMessage, SlackSandbox, interaction_body
from integrations.zendesk.client import ZendeskClient
from integrations.zendesk.helpdesk import ZendeskHelpdesk
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync
from tests.integrations.slack.slack_app_support import DrainableExecutor
from tests.web.web_support import serving

ORG_NOW = datetime(2026, 3, 2, tzinfo=UTC)
START = ORG_NOW.timestamp() + 15 * 3600  # 15:00 UTC: daytime for most requesters
SIGNING_SECRET = "review-e2e-signing-secret"


@pytest.fixture
def world(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    monkeypatch.delenv("ZENPY_FORCE_NETLOC", raising=False)
    monkeypatch.delenv("ZENPY_FORCE_SCHEME", raising=False)
    zendesk = ZendeskSandbox(generate_org(tickets=80, seed=5, now=ORG_NOW), clock=lambda: START)
    with zendesk, SlackSandbox(clock=zendesk.now, signing_secret=SIGNING_SECRET) as slack:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            zendesk_url=zendesk.url,
            zendesk_email=zendesk.email,
            zendesk_api_token="sandbox",
            slack_bot_token="xoxb-sandbox",
            slack_api_url=slack.url,
            slack_signing_secret=SIGNING_SECRET,
            proactive_mode="review",
            proactive_review_grace_minutes=600,
            nudge_quiet_hours="00:00-00:00",  # the agents' own zones do not matter here
            nudge_max_per_hour=50,
        )
        client = ZendeskClient(
            zendesk.url, email=zendesk.email, api_token="sandbox", wall_clock=zendesk.now
        )
        sync(engine, client)
        for user in zendesk.org.users.values():  # every agent is in the Slack workspace
            if user.get("role") in ("agent", "admin") and user.get("email"):
                with contextlib.suppress(ValueError):
                    slack.add_user(str(user["email"]), str(user.get("name") or "Agent"))
        yield {"zendesk": zendesk, "slack": slack, "settings": settings, "engine": engine}


def now_of(zendesk: ZendeskSandbox) -> datetime:
    return datetime.fromtimestamp(zendesk.now(), UTC)


def dispatch(world: dict) -> None:
    zendesk, slack = world["zendesk"], world["slack"]
    Dispatcher(
        world["engine"],
        chat=SlackChat("xoxb-sandbox", base_url=slack.url, timeout=5),
        helpdesk=ZendeskHelpdesk(zendesk.url, email=zendesk.email, api_token="sandbox"),
        worker_id="e2e",
    ).run_once(now_of(zendesk))


def draft_message(slack: SlackSandbox, draft_id: int) -> RecordedMessage:
    for message in slack.messages:
        for block in message.blocks or []:
            for element in block.get("elements", []) if block.get("type") == "actions" else []:
                if element.get("action_id") == "alignbot_update_send" and element.get(
                    "value"
                ) == str(draft_id):
                    return message
    raise AssertionError(f"no DM carries draft {draft_id}")


def test_a_signed_send_click_ends_as_one_public_comment_on_the_ticket(world: dict) -> None:
    engine, zendesk, slack = world["engine"], world["zendesk"], world["slack"]
    settings = world["settings"]
    decided = sweep(engine, settings, now_of(zendesk))
    assert decided.counts["drafted"] >= 2
    chat = SlackChat("xoxb-sandbox", base_url=slack.url, timeout=5)
    stale = stale_items(engine, settings, now_of(zendesk))
    nudges.sweep(engine, settings, now_of(zendesk), chat=chat, stale=stale)
    dispatch(world)  # the drafts reach their assignees in their nudges
    with engine.connect() as connection:
        drafts = (
            connection.execute(
                select(PROACTIVE_UPDATES).where(PROACTIVE_UPDATES.c.status == "drafted")
            )
            .mappings()
            .all()
        )
    chosen, other = drafts[0], drafts[1]
    ticket_id = int(chosen["ticket_id"])
    assignee = zendesk.org.users[int(zendesk.org.tickets[ticket_id]["assignee_id"])]
    before = len(zendesk.org.comments.get(ticket_id, []))

    executor = DrainableExecutor()
    app = build_app(
        world["settings"],
        engine,
        client=WebClient(token="xoxb-sandbox", base_url=slack.url, retry_handlers=[]),
        clock=lambda: now_of(zendesk),
        executor=executor,
    )
    try:
        with serving(create_http_app(app)) as base:  # type: ignore[arg-type]
            url = base + EVENTS_PATH
            message = draft_message(slack, int(chosen["id"]))
            click = slack.block_action(
                message, "alignbot_update_send", email=str(assignee["email"])
            )
            first = slack.post_to_app(url, interaction_body(click))
            executor.drain()
            again = slack.post_to_app(url, interaction_body(click))
            executor.drain()
            forged_message = draft_message(slack, int(other["id"]))
            forged = slack.block_action(
                forged_message, "alignbot_update_send", email=str(assignee["email"])
            )
            refused = slack.post_to_app(url, interaction_body(forged), secret="not-the-secret")
            executor.drain()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    dispatch(world)

    assert (first.status, again.status, refused.status) == (200, 200, 401)
    comments = zendesk.org.comments[ticket_id][before:]
    assert len(comments) == 1 and comments[0]["public"] is True
    assert comments[0]["body"].strip() == str(chosen["body"]).strip()
    with engine.connect() as connection:
        rows = connection.execute(
            select(OUTBOX.c.kind, OUTBOX.c.status).where(
                OUTBOX.c.kind == "zendesk.proactive_update"
            )
        ).all()
        statuses = dict(
            connection.execute(select(PROACTIVE_UPDATES.c.id, PROACTIVE_UPDATES.c.status)).all()
        )
    assert rows == [("zendesk.proactive_update", "sent")]
    assert statuses[chosen["id"]] == "queued" and statuses[other["id"]] == "drafted"
