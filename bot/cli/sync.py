"""`alignbot sync` and `alignbot stats`: pull Zendesk into the store, and see what it holds."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.table import Table

from bot.cli.app import app
from bot.cli.common import overrides_of
from bot.cli.progress import INTERRUPTED, progress_display
from bot.errors import SettingsError
from bot.settings import load_settings
from bot.store import open_store
from bot.store.stats import store_stats

if TYPE_CHECKING:
    from integrations.zendesk.client import ZendeskClient
    from integrations.zendesk.sync import SyncProgress

log = logging.getLogger("alignbot.sync")


def _since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise SettingsError(f"--since {value!r}: expected a date such as 2026-01-31") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


@app.command("sync")
def sync_command(
    ctx: typer.Context,
    full: bool = typer.Option(
        False, "--full", help="Backfill from the beginning (or --since) instead of resuming."
    ),
    since: str | None = typer.Option(
        None, "--since", help="With --full: start at this date (YYYY-MM-DD, UTC)."
    ),
) -> None:
    """Pull tickets, comments, users, groups, metrics and ratings from Zendesk.

    Without --full it resumes every stream where the last sync (or an interrupted one)
    stopped. Shows its progress (a bar on a terminal, plain lines otherwise) and ends with
    one line saying what came in. Ctrl-C stops it; every page stored so far is kept.
    """
    from integrations.zendesk.client import ZendeskClient
    from integrations.zendesk.sync import SyncProgress, sync

    overrides = overrides_of(ctx)
    settings = load_settings()
    settings.require_zendesk()
    start = _since(since)
    engine = open_store(settings.database_url)
    full = full or start is not None
    options: dict[str, Any] = {"sleep": overrides.sleep} if overrides.sleep else {}
    if overrides.clock is not None:
        options["wall_clock"] = overrides.clock
    client = ZendeskClient.from_settings(settings, **options)
    reached = SyncProgress(stream="groups", tickets=0, comments=0, api_calls=0)
    total: int | None = None
    try:
        with client, progress_display() as display:

            def show(p: SyncProgress) -> None:
                nonlocal reached
                reached = p
                display.update(p.stream, p.tickets, total, _sync_line(p, total))
                if overrides.on_progress is not None:
                    overrides.on_progress(p)

            if full and start is None:
                total = _ticket_total(client)
            result = sync(engine, client, full=full, progress=show, since=start)
    except KeyboardInterrupt:
        typer.echo(
            f"stopped after {_tickets(reached.tickets, total)}"
            + (f" and {reached.comments:,} comments" if reached.comments else "")
            + "; the next `alignbot sync` resumes from there",
            err=True,
        )
        raise typer.Exit(INTERRUPTED) from None
    typer.echo(result.summary())
    if result.errors:
        raise typer.Exit(1)


def _tickets(done: int, total: int | None) -> str:
    return f"{done:,} of {total:,} tickets" if total is not None else f"{done:,} tickets"


def _sync_line(p: SyncProgress, total: int | None) -> str:
    return (
        f"{p.stream}: {_tickets(p.tickets, total)}, {p.comments:,} comments, "
        f"{p.api_calls:,} API calls"
    )


def _ticket_total(client: ZendeskClient) -> int | None:
    """The account's ticket count for the progress bar of a full sync, if Zendesk gives it.

    Only what stops the sync anyway (bad credentials, ZENDESK_URL leading nowhere) is raised;
    anything else costs the bar its total, not the sync.
    """
    from integrations.zendesk.errors import AuthError, ZendeskError, ZendeskUnreachable

    try:
        return client.ticket_count()
    except (AuthError, ZendeskUnreachable):
        raise
    except ZendeskError as exc:
        log.info("no ticket count from Zendesk (%s); progress shows no total", exc)
        return None


@app.command("stats")
def stats_command(
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """What the store holds: rows per table, the outbox's rows by status, and where each sync
    stream stands."""
    settings = load_settings()
    stats = store_stats(open_store(settings.database_url))
    if as_json:
        typer.echo(json.dumps(stats.as_json(), indent=2))
        return
    console = Console()
    counts = Table(show_edge=False, pad_edge=False, title="Store", title_justify="left")
    counts.add_column("rows", style="bold")
    counts.add_column("count", justify="right")
    for name, value in stats.as_json().items():
        if name not in ("streams", "outbox"):
            counts.add_row(name.replace("_", " "), f"{value:,}")
    console.print(counts)
    outbox = Table(show_edge=False, pad_edge=False, title="Outbox", title_justify="left")
    outbox.add_column("status", style="bold")
    outbox.add_column("rows", justify="right")
    for status, count in stats.outbox.items():
        outbox.add_row(status, f"{count:,}")
    console.print(outbox)
    if stats.outbox.get("failed"):
        console.print("failed rows: `alignbot outbox list --status failed` says why")
    streams = Table(show_edge=False, pad_edge=False, title="Streams", title_justify="left")
    for column in ("stream", "position", "rows synced", "last sync"):
        streams.add_column(column)
    for s in stats.streams:
        position: Any = s.start_time.isoformat() if s.start_time else None
        if s.position:
            position = f"cursor {s.position[:16]}..." if len(s.position) > 16 else s.position
        streams.add_row(
            s.stream,
            position or "-",
            f"{s.rows_synced:,}",
            f"{s.last_synced_at:%Y-%m-%d %H:%M:%S} UTC" if s.last_synced_at else "never",
        )
    if not stats.streams:
        streams.add_row("-", "never synced: run alignbot sync", "0", "never")
    console.print(streams)
