"""The demo's Confirmed-vs-Closed step: agents solve tickets in five languages, alignbot asks
each customer, the sandbox's simulated customers answer (yes, no, a question, silence, one by
link), and a week passes on the sandbox's clock: reminders, closes, and the figures they make.

Everything goes the way it will in production: sync, `resolution sweep`, `dispatch` and the
answer page, with the real clients against the sandboxes. Only the time is the sandbox's.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from pydantic import SecretStr
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine, select

from bot.cli.zendesk import run_setup
from bot.metrics.model import Period
from bot.metrics.report import build_report
from bot.resolution.sweep import sweep
from bot.settings import Settings
from bot.store.tables import RESOLUTION_EVENTS

if TYPE_CHECKING:
    from integrations.slack.sandbox import SlackSandbox
    from integrations.zendesk.sandbox import ZendeskSandbox

HOUR = 3600
#: What each demo customer will do, by language: the sandbox's requesters are scripted so
#: that every path shows in a short run ("link": they press "Yes, resolved" on the page).
PLAN = {
    "en": ("yes", "silence"),
    "es": ("yes", "no"),
    "fr": ("question", "yes"),
    "de": ("link", "no"),
    "pt": ("yes", "silence"),
}
AGENT_REPLY = {
    "en": "I have reset your access; you should be able to log in again now.",
    "es": "He restablecido su acceso; ya debería poder iniciar sesión.",
    "fr": "J'ai réinitialisé votre accès ; vous devriez pouvoir vous connecter.",
    "de": "Ich habe Ihren Zugang zurückgesetzt; Sie sollten sich jetzt anmelden können.",
    "pt": "Redefini o seu acesso; já deve conseguir entrar novamente.",
}
LINK = re.compile(r"(https?://\S+/r/(\d+)/([A-Za-z0-9_\-.]+))")


def resolution_step(
    console: Console,
    engine: Engine,
    settings: Settings,
    zendesk: ZendeskSandbox,
    slack: SlackSandbox,
) -> None:
    from bot.outbox import Dispatcher
    from integrations.slack.client import SlackChat
    from integrations.slack.render import render_message
    from integrations.zendesk.client import ZendeskClient
    from integrations.zendesk.helpdesk import ZendeskHelpdesk
    from integrations.zendesk.sync import sync

    console.print(
        "\n[bold]5. Confirmed vs Closed[/]: a ticket is resolved when its customer says so"
    )
    public_url = "http://127.0.0.1:8080"
    settings = settings.model_copy(
        update={
            "resolution_mode": "enforce",
            # A key for this run only: the links below are signed with it.
            "alignbot_link_secret": SecretStr(secrets.token_urlsafe(32)),
            "alignbot_public_url": public_url,
        }
    )
    client = ZendeskClient(
        zendesk.url,
        email=zendesk.email,
        api_token="sandbox",
        requests_per_minute=10_000,
        wall_clock=zendesk.now,
    )
    helpdesk = ZendeskHelpdesk(zendesk.url, email=zendesk.email, api_token="sandbox")
    chat = SlackChat("xoxb-sandbox", base_url=slack.url, timeout=5)
    dispatcher = Dispatcher(engine, chat=chat, helpdesk=helpdesk, worker_id="demo")

    def now() -> datetime:
        return datetime.fromtimestamp(zendesk.now(), UTC)

    console.print("   [bold]alignbot zendesk setup[/]:")
    run_setup(client, engine, lambda line: console.print(Text(f"     {line}")))
    sync(engine, client)
    sweep(engine, settings, now())  # the flow starts now: earlier solves are not asked about
    started = now()

    tickets = _pick_tickets(zendesk)
    for _, ticket_id in tickets:  # the assignees are in the Slack workspace, by email
        agent = zendesk.org.users[int(zendesk.org.tickets[ticket_id]["assignee_id"])]
        with contextlib.suppress(ValueError):  # already there
            slack.add_user(str(agent["email"]), str(agent.get("name") or "Agent"))
    link_tickets = []
    seen: Counter[str] = Counter()
    silent: list[int] = []  # customers who never answer, reminders included
    for language, ticket_id in tickets:
        behaviour = PLAN[language][seen[language]]
        seen[language] += 1
        if behaviour == "link":
            zendesk.requesters.script(ticket_id, "silence")
            link_tickets.append(ticket_id)
        elif behaviour == "silence":
            silent.append(ticket_id)
        else:
            zendesk.requesters.script(ticket_id, behaviour, after_seconds=_delay(behaviour))
        helpdesk.update_ticket(ticket_id, status="solved", comment=AGENT_REPLY[language])
    languages = {ticket_id: language for language, ticket_id in tickets}
    console.print(
        f"   Agents solve {len(tickets)} tickets, two in each of "
        f"{', '.join(sorted({lang for lang, _ in tickets}))}."
    )

    def cycle(label: str) -> Counter[str]:
        for ticket_id in silent:  # each reminder would draw a new answer otherwise
            zendesk.requesters.script(ticket_id, "silence")
        zendesk.advance(60)
        sync(engine, client)
        swept = sweep(engine, settings, now())
        dispatcher.run_once(now())
        for line in swept.lines:
            ticket_id = int(line.split(":")[0].lstrip("#"))
            console.print(Text(f"   {label:>7}  {line}  ({languages.get(ticket_id, '?')})"))
        return swept.queued

    cycle("day 0")
    _show_request(console, zendesk, tickets)

    answered_by_link = False
    for step in range(1, 8 * 4 + 1):  # eight days, a cycle every six hours
        zendesk.advance(6 * HOUR - 60)
        label = f"day {step * 6 // 24}"
        if not answered_by_link and step == 2:
            for ticket_id in link_tickets:
                _answer_by_link(console, engine, settings, zendesk, ticket_id, now)
            answered_by_link = True
        cycle(label)

    dms = [m for m in slack.messages if m.channel.startswith("D")]
    console.print(f"\n   The assignees got {len(dms)} Slack DM(s) from customers who said no:")
    for message in dms[:2]:
        console.print(Text(render_message(message)))
    _show_outcomes(console, engine, started)
    _show_figures(console, engine, settings, started, now())


def _delay(behaviour: str) -> float:
    return {"yes": 5 * HOUR, "no": 14 * HOUR, "question": 20 * HOUR}.get(behaviour, 0)


def _pick_tickets(zendesk: ZendeskSandbox) -> list[tuple[str, int]]:
    """Two open, assigned tickets per language, whose requester speaks it."""
    org = zendesk.org
    chosen: list[tuple[str, int]] = []
    wanted = Counter({language: len(plan) for language, plan in PLAN.items()})
    for ticket_id, ticket in sorted(org.tickets.items()):
        requester = org.users.get(int(ticket.get("requester_id") or 0)) or {}
        language = str(requester.get("locale") or "en").split("-")[0]
        if (
            ticket.get("status") == "open"
            and ticket.get("assignee_id")
            and requester.get("role") == "end-user"
            and wanted[language] > 0
        ):
            chosen.append((language, ticket_id))
            wanted[language] -= 1
    return chosen


def _show_request(
    console: Console, zendesk: ZendeskSandbox, tickets: list[tuple[str, int]]
) -> None:
    if not tickets:
        return
    language, ticket_id = next(((lang, t) for lang, t in tickets if lang == "es"), tickets[0])
    ticket = zendesk.org.tickets[ticket_id]
    body = next(
        c["body"] for c in reversed(zendesk.org.comments[ticket_id]) if "/r/" in c.get("body", "")
    )
    console.print(
        f"\n   Ticket #{ticket_id} is now {ticket['status']} (custom status "
        f"{ticket.get('custom_status_id')}, tags {', '.join(ticket.get('tags') or [])}); "
        f"its customer ({language}) was emailed:"
    )
    shown = LINK.sub(lambda m: m.group(1)[:60] + "…", body)
    for line in shown.splitlines():
        console.print(Text(f"     │ {line}"))
    console.print()


def _answer_by_link(
    console: Console,
    engine: Engine,
    settings: Settings,
    zendesk: ZendeskSandbox,
    ticket_id: int,
    now: Any,
) -> None:
    from starlette.testclient import TestClient

    from bot.resolution.hook import flow_on_answer
    from bot.web import create_app

    body = next(
        c["body"] for c in reversed(zendesk.org.comments[ticket_id]) if "/r/" in c.get("body", "")
    )
    confirm_url = LINK.findall(body)[0][0]  # the first link is "yes, resolved"
    token = confirm_url.rsplit("/", 1)[1]
    app = create_app(settings, engine, flow_on_answer(settings), clock=now)
    with TestClient(app, base_url=settings.require_public_url()) as browser:
        page = browser.get(f"/r/{ticket_id}/{token}")
        answer = browser.post(f"/r/{ticket_id}/answer", data={"token": token, "rating": "5"})
    console.print(
        Text(
            f"           #{ticket_id}: the customer opened the link (GET {page.status_code}: "
            f"nothing recorded yet), pressed the button (POST {answer.status_code}), rated 5/5"
        )
    )


def _show_outcomes(console: Console, engine: Engine, since: datetime) -> None:
    with engine.connect() as connection:
        rows = connection.execute(
            select(RESOLUTION_EVENTS.c.to_state, RESOLUTION_EVENTS.c.cause).where(
                RESOLUTION_EVENTS.c.at >= since - timedelta(minutes=5)
            )
        ).all()
    table = Table(title="   Transitions recorded", title_justify="left", show_edge=False)
    table.add_column("to", style="bold")
    table.add_column("cause")
    table.add_column("count", justify="right")
    for (state, cause), count in sorted(Counter((r.to_state, r.cause) for r in rows).items()):
        table.add_row(state, cause, str(count))
    console.print(table)


def _show_figures(
    console: Console, engine: Engine, settings: Settings, since: datetime, now: datetime
) -> None:
    zone = settings.alignbot_timezone
    period = Period.between(
        since.astimezone(settings.timezone).date(),
        now.astimezone(settings.timezone).date() + timedelta(days=1),
        zone,
    )
    report = build_report(engine, settings, period, now=now)
    console.print(
        f"\n   Transparency figures for {period.start:%d %b} to {now:%d %b} (the flow's week), "
        "from the events above for the tickets it asked about:"
    )
    for key in ("confirmed_resolution_rate", "closed_unconfirmed", "reopened_after_solve"):
        metric = report.metrics.get(key)
        if metric is None:
            continue
        value = (
            "-"
            if metric.value is None
            else (f"{metric.value:.0%}" if key.endswith("rate") else f"{metric.value:g}")
        )
        console.print(
            Text(
                f"     {key:<27} {value:>5}  ({metric.numerator:g} of {metric.denominator:g} "
                f"solves){'  ' + metric.note if metric.note else ''}"
            )
        )
