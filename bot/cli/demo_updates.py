"""The demo's proactive-updates and nudges step: a week later, the tickets still waiting on
us are stale; their customers are told where things stand, in their language (review mode:
each draft goes to its assignee in Slack; one is approved with a signed click through the
Slack app, the others are sent when their grace period ends), and each agent gets their
nudges in one DM. The same sweeps, dispatcher and bolt app as in production."""

from __future__ import annotations

import contextlib
from collections import Counter
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text
from sqlalchemy import Engine, select

from bot.settings import Settings

if TYPE_CHECKING:
    from integrations.slack.sandbox import RecordedMessage, SlackSandbox
    from integrations.zendesk.sandbox import ZendeskSandbox

SIGNING_SECRET = "demo-signing-secret"  # the Slack sandbox signs its requests with it
GRACE_MINUTES = 30


def updates_step(
    console: Console,
    engine: Engine,
    settings: Settings,
    zendesk: ZendeskSandbox,
    slack: SlackSandbox,
) -> None:
    from pydantic import SecretStr
    from starlette.testclient import TestClient

    from bot.cli.nudges import stale_items
    from bot.outbox import Dispatcher
    from bot.policies import nudges, updates
    from bot.store.tables import PROACTIVE_UPDATES
    from integrations.slack.app import build_app
    from integrations.slack.client import SlackChat
    from integrations.slack.http import EVENTS_PATH, create_http_app
    from integrations.slack.render import render_message
    from integrations.slack.sandbox import interaction_body
    from integrations.zendesk.client import ZendeskClient
    from integrations.zendesk.helpdesk import ZendeskHelpdesk
    from integrations.zendesk.sync import sync

    console.print(
        "\n[bold]6. Proactive updates and nudges[/]: customers hear where things stand, "
        "agents hear what needs them"
    )
    settings = settings.model_copy(
        update={
            "proactive_mode": "review",
            "proactive_review_grace_minutes": GRACE_MINUTES,
            "proactive_review_default": "send",
            "slack_signing_secret": SecretStr(SIGNING_SECRET),
        }
    )
    for user in zendesk.org.users.values():  # every agent is in the Slack workspace
        if user.get("role") in ("agent", "admin") and user.get("email"):
            with contextlib.suppress(ValueError):
                slack.add_user(str(user["email"]), str(user.get("name") or "Agent"))
    client = ZendeskClient(
        zendesk.url, email=zendesk.email, api_token="sandbox", wall_clock=zendesk.now
    )
    chat = SlackChat("xoxb-sandbox", base_url=slack.url, timeout=5)
    helpdesk = ZendeskHelpdesk(zendesk.url, email=zendesk.email, api_token="sandbox")
    dispatcher = Dispatcher(engine, chat=chat, helpdesk=helpdesk, worker_id="demo")

    def now() -> datetime:
        return datetime.fromtimestamp(zendesk.now(), UTC)

    sync(engine, client)
    dms_before = len(slack.messages)
    decided = updates.sweep(engine, settings, now())
    # The drafts reach their assignees inside their nudges, batched and within the cap.
    nudged = nudges.sweep(
        engine, settings, now(), chat=chat, stale=stale_items(engine, settings, now())
    )
    dispatcher.run_once(now())
    counts = decided.counts
    held = Counter(
        d.reason.split(" (")[0] for d in decided.decisions if d.action == "held" and d.reason
    )
    console.print(
        f"   [bold]alignbot updates sweep[/] (review mode): {counts['drafted']} drafts for "
        f"their assignees; held by a guardrail: "
        + (", ".join(f"{n} {why}" for why, n in held.most_common(4)) or "none")
    )
    console.print("   [bold]alignbot nudges sweep[/]: each agent's nudges, drafts included:")
    for line in nudged.lines()[:8]:
        console.print(Text(f"     {line}"))
    received = [m for m in slack.messages[dms_before:] if m.channel.startswith("D")]
    console.print(f"   {len(received)} agent(s) got one DM each")
    with engine.connect() as connection:
        drafts = connection.execute(
            select(PROACTIVE_UPDATES.c.id, PROACTIVE_UPDATES.c.ticket_id).where(
                PROACTIVE_UPDATES.c.status == "drafted"
            )
        ).all()
    shown = next(
        (
            (draft_id, ticket_id, message)
            for draft_id, ticket_id in drafts
            if (message := _message_with(slack, "alignbot_update_send", str(draft_id), dms_before))
        ),
        None,
    )
    if shown is not None:
        _, ticket_id, message = shown
        if message is not None:
            console.print(
                f"   A DM with the draft for ticket #{ticket_id}, as its assignee sees it:"
            )
            for line in render_message(message).splitlines()[:24]:
                console.print(Text(f"     │ {line}"))
            assignee = zendesk.org.users[int(zendesk.org.tickets[ticket_id]["assignee_id"])]
            app = build_app(
                settings,
                engine,
                clock=now,
                process_before_response=True,  # the demo waits for the answer, not a thread
            )
            click = slack.block_action(
                message, "alignbot_update_send", email=str(assignee["email"])
            )
            # Signed at the demo's time (the Zendesk sandbox's clock, a week ahead by now).
            headers, body = slack.signed_request(
                interaction_body(click), timestamp=int(zendesk.now()), secret=SIGNING_SECRET
            )
            with TestClient(create_http_app(app)) as browser:
                answer = browser.post(EVENTS_PATH, content=body, headers=headers)
            console.print(
                Text(
                    f"   {assignee.get('name')} pressed Send: a Slack-signed request, checked by "
                    f"the app (HTTP {answer.status_code})"
                )
            )
    zendesk.advance(GRACE_MINUTES * 60 + 60)
    later = updates.sweep(engine, settings, now())
    console.print(
        f"   {GRACE_MINUTES} minutes later, {later.counts['sent_after_grace']} drafts nobody "
        "decided on are sent (PROACTIVE_REVIEW_DEFAULT=send)"
    )
    dispatcher.run_once(now())
    _show_updates(console, engine, zendesk)


def _message_with(
    slack: SlackSandbox, action_id: str, value: str, since: int
) -> RecordedMessage | None:
    for message in slack.messages[since:]:
        for block in message.blocks or []:
            if block.get("type") != "actions":
                continue
            for element in block.get("elements", []):
                if element.get("action_id") == action_id and element.get("value") == value:
                    return message
    return None


def _show_updates(console: Console, engine: Engine, zendesk: ZendeskSandbox) -> None:
    from bot.outbox import OUTBOX

    with engine.connect() as connection:
        sent = connection.execute(
            select(OUTBOX.c.target, OUTBOX.c.payload).where(
                OUTBOX.c.kind == "zendesk.proactive_update", OUTBOX.c.status == "sent"
            )
        ).all()
    by_language: Counter[str] = Counter()
    sample: dict[str, tuple[int, str]] = {}
    for target, payload in sent:
        ticket = zendesk.org.tickets[int(target)]
        requester = zendesk.org.users.get(int(ticket.get("requester_id") or 0)) or {}
        language = str(requester.get("locale") or "en").split("-")[0]
        by_language[language] += 1
        sample.setdefault(language, (int(target), str(payload.get("body", ""))))
    console.print(
        f"   {len(sent)} updates posted as public comments: "
        + ", ".join(f"{n} {lang}" for lang, n in by_language.most_common())
    )
    for language in ("fr", "de"):
        if language in sample:
            ticket_id, body = sample[language]
            console.print(f"   Ticket #{ticket_id}'s customer ({language}) reads:")
            for line in body.strip().splitlines()[:8]:
                console.print(Text(f"     │ {line}"))
            break
