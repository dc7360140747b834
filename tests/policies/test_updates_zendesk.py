"""Review mode end to end on the sandboxes: the sweep drafts, the assignee's nudge with the
draft reaches Slack (the real SlackChat, Block Kit checked by the sandbox), their Send queues, and
`alignbot dispatch`'s Dispatcher writes one public comment through the real
ZendeskHelpdesk (zenpy), even when the dispatcher dies between the write and its mark."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine
from updates_support import add_agent, add_ticket, decisions, outbox, settings

from bot.cli.nudges import stale_items
from bot.outbox import SENT, Delivery, Dispatcher
from bot.policies import nudges
from bot.policies.updates import review_draft, sweep
from integrations.slack.client import SlackChat
from integrations.slack.sandbox import SlackSandbox
from integrations.zendesk.helpdesk import ZendeskHelpdesk
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

ORG_NOW = datetime(2026, 3, 2, tzinfo=UTC)


class Crash(Exception):
    """Stands for the process dying between the write and the mark."""


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[ZendeskSandbox]:
    monkeypatch.delenv("ZENPY_FORCE_NETLOC", raising=False)
    monkeypatch.delenv("ZENPY_FORCE_SCHEME", raising=False)
    with ZendeskSandbox(generate_org(tickets=30, seed=4, now=ORG_NOW)) as running:
        yield running


@pytest.fixture
def slack() -> Iterator[SlackSandbox]:
    with SlackSandbox() as running:
        yield running


def now() -> datetime:
    """Real time: the helpdesk's audit search (after a crash) compares real timestamps."""
    return datetime.now(UTC).replace(microsecond=0)


def dispatcher(
    engine: Engine, sandbox: ZendeskSandbox, slack: SlackSandbox | None = None, **options: Any
) -> Dispatcher:
    helpdesk = ZendeskHelpdesk(sandbox.url, email=sandbox.email, api_token="sandbox")
    chat = SlackChat("xoxb-sandbox", base_url=slack.url, timeout=5) if slack else None
    return Dispatcher(
        engine, chat=chat, helpdesk=helpdesk, worker_id=options.pop("worker_id", "w1"), **options
    )


def drafted_for_open_ticket(engine: Engine, sandbox: ZendeskSandbox, at: datetime) -> int:
    """An open sandbox ticket in the store, stale, drafted in review mode; its id."""
    ticket = next(t for t, v in sandbox.org.tickets.items() if v["status"] == "open")
    add_agent(engine, email="ana@example.com")  # a user of the Slack sandbox
    add_ticket(engine, ticket, created=at - timedelta(days=3), time_zone="UTC")
    review = settings(proactive_mode="review", proactive_quiet_hours="00:00-00:00")
    assert [d.action for d in sweep(engine, review, at).decisions] == ["drafted"]
    return ticket


def public_comments_with(sandbox: ZendeskSandbox, ticket: int, text: str) -> list[Any]:
    return [
        c
        for c in sandbox.org.comments[ticket]
        if text in c.get("body", "") and c.get("public", True)
    ]


def test_an_approved_draft_becomes_one_public_comment_on_the_ticket(
    engine: Engine, sandbox: ZendeskSandbox, slack: SlackSandbox
) -> None:
    at = now()
    ticket = drafted_for_open_ticket(engine, sandbox, at)
    (draft,) = decisions(engine)

    # the draft reaches its assignee in their stale-ticket nudge
    nudging = settings(proactive_mode="review", nudge_quiet_hours="00:00-00:00")
    chat = SlackChat("xoxb-sandbox", base_url=slack.url, timeout=5)
    nudges.sweep(engine, nudging, at, chat=chat, stale=stale_items(engine, nudging, at))
    delivered = dispatcher(engine, sandbox, slack).run_once(at)
    (dm,) = slack.messages
    outcome = review_draft(
        engine, draft["id"], "send", slack_user_id="U1", now=at, body="We are on it: Friday."
    )
    first = dispatcher(engine, sandbox, slack).run_once(at)
    again = review_draft(engine, draft["id"], "send", slack_user_id="U1", now=at)
    second = dispatcher(engine, sandbox, slack).run_once(at)

    assert delivered.sent == 1 and dm.channel.startswith("D")
    buttons = {
        e["action_id"]: e.get("value")
        for b in dm.blocks or []
        if b["type"] == "actions"
        for e in b["elements"]
    }
    assert buttons["alignbot_update_send"] == str(draft["id"])
    assert outcome.status == "queued" and again.message.startswith("Already sent")
    update = next(r for r in outbox(engine) if r["kind"] == "zendesk.proactive_update")
    assert update["status"] == SENT
    assert first.sent == 1 and second.sent == 0
    assert len(public_comments_with(sandbox, ticket, "We are on it: Friday.")) == 1


def test_a_crash_after_the_write_never_posts_the_update_twice(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    at = now()
    ticket = drafted_for_open_ticket(engine, sandbox, at)
    (draft,) = decisions(engine)
    review_draft(engine, draft["id"], "send", slack_user_id="U1", now=at, body="Update: soon.")

    def crash(delivery: Delivery, result: Mapping[str, Any]) -> None:
        raise Crash(delivery.key)

    with pytest.raises(Crash):
        dispatcher(engine, sandbox, after_send=crash).run_once(at)
    restarted = dispatcher(engine, sandbox, worker_id="w2", claim_timeout=timedelta(0))
    result = restarted.run_once(at + timedelta(seconds=1))

    assert result.recovered >= 1
    assert len(public_comments_with(sandbox, ticket, "Update: soon.")) == 1
