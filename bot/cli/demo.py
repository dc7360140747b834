"""`alignbot demo`: the whole product on the bundled sandboxes, with nothing to configure.

It starts the Zendesk sandbox with a generated support org and the Slack sandbox, syncs the
org into a fresh SQLite store, analyses every conversation, builds yesterday's digest, prints
it, queues it for Slack, delivers it and shows what reached Slack. Each step prints what it
did, so a newcomer can see the data flow of the README happen.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine, func
from sqlmodel import Session, select

from bot.cli.app import app
from bot.settings import Settings, load_settings
from bot.store import Ticket, User, open_store

if TYPE_CHECKING:
    from collections.abc import Callable

    from integrations.slack.sandbox import SlackSandbox

console = Console()


def _table(title: str, counts: Counter[str], total: int) -> Table:
    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    table.add_column(title.split()[-1], style="bold")
    table.add_column("tickets", justify="right")
    table.add_column("share", justify="right")
    for name, count in counts.most_common():
        table.add_row(name, f"{count:,}", f"{count / total:.0%}" if total else "-")
    return table


def _ticket_breakdown(engine: Engine) -> tuple[Table, Table, Table]:
    with Session(engine) as session:
        by_channel = Counter(
            dict(
                session.exec(
                    select(Ticket.channel, func.count())
                    .where(Ticket.deleted == False)  # noqa: E712
                    .group_by(Ticket.channel)
                ).all()
            )
        )
        by_status = Counter(
            dict(session.exec(select(Ticket.status, func.count()).group_by(Ticket.status)).all())
        )
        locales = session.exec(
            select(User.locale, func.count())
            .join(Ticket, Ticket.requester_id == User.id)  # type: ignore[arg-type]
            .where(Ticket.deleted == False)  # noqa: E712
            .group_by(User.locale)
        ).all()
    by_language: Counter[str] = Counter()
    for locale, count in locales:
        by_language[(locale or "unknown").split("-")[0]] += count
    total = sum(by_channel.values())
    return (
        _table("Tickets by channel", by_channel, total),
        _table("Tickets by status", by_status, sum(by_status.values())),
        _table("Tickets by language", by_language, total),
    )


#: The hour (UTC) the demo's day starts at, whatever the hour it is run: nudges keep agents'
#: quiet hours and updates keep requesters', so a demo run at night would nudge nobody. The
#: sandbox's clock starts there and runs on with the wall clock (and the demo's `advance`s).
DEMO_START_HOUR = 9


def demo_clock(midnight: datetime, started: float) -> Callable[[], float]:
    """Unix seconds for the demo: `midnight` plus `DEMO_START_HOUR`, plus the time since
    `started` (a `time.monotonic()` reading)."""
    start = (midnight + timedelta(hours=DEMO_START_HOUR)).timestamp()
    return lambda: start + (time.monotonic() - started)


@app.command()
def demo(
    tickets: int = typer.Option(1500, min=20, max=200_000, help="Tickets in the generated org."),
    seed: int = typer.Option(42, help="Same seed, same org."),
    database: Path = typer.Option(
        Path("alignbot-demo.db"), help="SQLite file for the demo store (recreated each run)."
    ),
) -> None:
    """Run alignbot end to end on the bundled Zendesk and Slack sandboxes."""
    from integrations.slack.sandbox import SlackSandbox
    from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
    from integrations.zendesk.sandbox.generator import (
        CUSTOMER_UPDATE_FIELD_ID,
        TIME_TRACKING_FIELD_ID,
    )

    started = time.monotonic()
    midnight = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    clock = demo_clock(midnight, started)
    now = datetime.fromtimestamp(clock(), UTC)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    console.rule("[bold]alignbot demo")
    console.print(
        "Everything below runs on this machine: a Zendesk sandbox, a Slack sandbox and a "
        f"SQLite store at [bold]{database}[/]. No account, no credentials."
    )

    org = generate_org(tickets=tickets, seed=seed, now=midnight)
    with ZendeskSandbox(org, clock=clock) as zendesk, SlackSandbox() as slack:  # on 127.0.0.1
        settings = load_settings(
            zendesk_url=zendesk.url,
            zendesk_email="demo@alignbot.invalid",
            zendesk_api_token="sandbox",
            database_url=f"sqlite:///{database}",
            slack_bot_token="xoxb-sandbox",
            # The generated tickets carry a time-tracking app's field and a customer-safe
            # progress field, as a configured account would.
            zendesk_time_tracking_field_id=TIME_TRACKING_FIELD_ID,
            zendesk_customer_update_field_id=CUSTOMER_UPDATE_FIELD_ID,
            slack_api_url=slack.url,
        )
        engine = open_store(settings.database_url)
        console.print(
            f"\n[bold]1. Zendesk sandbox[/] at {zendesk.url} ({tickets:,} tickets, seed {seed})"
        )
        _sync_step(engine, settings)
        _signals_step(engine, settings, now)
        _digest_step(engine, settings, now, slack)
        from bot.cli.demo_resolution import resolution_step

        resolution_step(console, engine, settings, zendesk, slack)
        from bot.cli.demo_updates import updates_step

        updates_step(console, engine, settings, zendesk, slack)
        from bot.cli.demo_service import service_step

        service_step(console, database, slack, seed)
    console.rule(f"done in {time.monotonic() - started:.1f} s")
    console.print(
        f"The store is kept: try [bold]DATABASE_URL=sqlite:///{database} alignbot stats[/] or "
        f"[bold]DATABASE_URL=sqlite:///{database} alignbot digest --print[/]."
    )
    setup = _path_setup()
    if setup is not None:
        # `make demo` runs .venv/bin/alignbot, which is not on PATH: say how to put it there,
        # as README ("Using it") does, rather than teach a path nobody types.
        console.print(
            f'alignbot is not on your PATH yet: run [bold]{setup}[/] first (README, "Using it").'
        )


def _path_setup() -> str | None:
    """The command that puts this `alignbot` on PATH, or None when it already is there."""
    invoked = Path(sys.argv[0])
    found = shutil.which("alignbot")
    if invoked.name != "alignbot" or (
        found is not None and Path(found).resolve() == invoked.resolve()
    ):
        return None
    activate = invoked.parent / "activate"
    if not activate.is_file():
        return "pipx install '.[postgres]'"
    try:
        return f". {activate.absolute().relative_to(Path.cwd())}"
    except ValueError:
        return f". {activate.absolute()}"


def _sync_step(engine: Engine, settings: Settings) -> None:
    from integrations.zendesk.sync import sync

    console.print("\n[bold]2. Sync[/]: incremental exports into the store")
    result = sync(engine, settings, full=True)
    by_channel, by_status, by_language = _ticket_breakdown(engine)
    console.print(
        f"   {result.tickets:,} tickets, {result.comments:,} comments, {result.users:,} users, "
        f"{result.groups:,} groups, {result.metrics:,} metric sets, {result.ratings:,} ratings "
        f"in {result.seconds:.1f} s with {result.api_calls:,} API calls"
        + (f" ({result.rejected} rows rejected, see the log)" if result.rejected else "")
    )
    for table in (by_channel, by_status, by_language):
        console.print(table)


def _signals_step(engine: Engine, settings: Settings, now: datetime) -> None:
    from bot.signals.analyze import analyze, signal_summary

    console.print("\n[bold]3. Signals[/]: every comment analysed once, stored for the metrics")
    started = time.monotonic()
    result = analyze(engine, settings, now)
    seconds = time.monotonic() - started
    summary = signal_summary(engine)
    comments = summary["comments"]
    console.print(
        f"   {result.analyzed:,} comments analysed in {seconds:.1f} s: "
        f"{comments.get('customer', 0):,} from customers, {comments.get('agent', 0):,} from "
        f"agents, {comments.get('internal', 0):,} internal notes (never shown to customers)"
    )
    sentiment = Table(
        title="Customer sentiment by language",
        title_justify="left",
        show_edge=False,
        pad_edge=False,
    )
    for column in ("language", "negative", "neutral", "positive"):
        sentiment.add_column(column, justify="left" if column == "language" else "right")
    for language, counts in summary["sentiment_by_language"].items():
        sentiment.add_row(
            language, *(f"{counts[k]:,}" for k in ("negative", "neutral", "positive"))
        )
    console.print(sentiment)
    signals = Table(title="Signals found", title_justify="left", show_edge=False, pad_edge=False)
    signals.add_column("signal")
    signals.add_column("messages", justify="right")
    for name, count in summary["signals"].items():
        signals.add_row(name.replace("_", " "), f"{count:,}")
    console.print(signals)


def _digest_step(engine: Engine, settings: Settings, now: datetime, slack: SlackSandbox) -> None:
    from bot.digest import queue_digest, render_terminal
    from bot.metrics.model import Period
    from bot.metrics.report import build_report
    from bot.outbox import Dispatcher
    from integrations.slack.client import SlackChat
    from integrations.slack.render import render_message

    period = Period.yesterday(now, settings.alignbot_timezone)
    console.print(f"\n[bold]4. Digest[/] for {period.start:%A %d %B %Y} ({period.timezone})")
    started = time.monotonic()
    report = build_report(engine, settings, period, now=now, zendesk_url=settings.zendesk_url)
    seconds = time.monotonic() - started
    render_terminal(report, console, settings)
    console.print(f"   computed in {seconds:.2f} s")

    console.print(
        f"\n[bold]5. Slack[/]: queued in the outbox, delivered by the dispatcher to {slack.url}"
    )
    queue_digest(engine, report, settings, channel=settings.slack_digest_channel, now=now)
    chat = SlackChat.from_settings(settings)
    result = Dispatcher(engine, chat=chat, helpdesk=None, worker_id="demo").run_once(now)
    console.print(
        f"   {result.sent} message(s) sent, {result.retried} to retry, {result.failed} failed"
    )
    for message in slack.messages:
        console.rule(f"what {message.channel} received", style="dim")
        console.print(Text(render_message(message)))
    for upload in slack.files:
        console.print(
            f"   + file {upload.filename!r} ({len(upload.content):,} bytes) in {upload.channel}"
        )
