"""`alignbot outbox list` and `alignbot outbox retry`: the outbox without SQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import typer

from bot.cli.app import outbox_app
from bot.cli.common import settings_and_store
from bot.errors import SettingsError
from bot.outbox_rows import STATUSES, list_rows, outbox_counts, retry_failed, retry_row
from bot.store.outbox import OutboxRow

ERROR_CHARS = 80  # of last_error in the table; --json has all of it


def _when(value: datetime | None) -> str:
    return f"{value.astimezone(UTC):%Y-%m-%d %H:%M:%S}" if value is not None else "-"


def _as_json(row: OutboxRow) -> dict[str, Any]:
    # The payload stays out: it can hold a whole chart, and the key and target say what it is.
    return {
        "id": row.id,
        "key": row.key,
        "kind": row.kind,
        "target": row.target,
        "status": row.status,
        "attempts": row.attempts,
        "next_attempt_at": row.next_attempt_at.isoformat(),
        "created_at": row.created_at.isoformat(),
        "sent_at": row.sent_at.isoformat() if row.sent_at else None,
        "claimed_by": row.claimed_by,
        "claimed_at": row.claimed_at.isoformat() if row.claimed_at else None,
        "last_error": row.last_error,
        "result": dict(row.result),
    }


def _when_column(row: OutboxRow) -> str:
    """The one time that matters for the row's status."""
    if row.status == "sent":
        return _when(row.sent_at)
    if row.status == "sending":
        return _when(row.claimed_at)
    if row.status == "pending":
        return _when(row.next_attempt_at)
    return _when(row.created_at)


def _table(rows: list[OutboxRow]) -> list[str]:
    """Aligned columns, one row a line, never wrapped: readable, and greppable."""
    header = ("status", "tries", "kind", "target", "when (UTC)", "key", "last error")
    lines = [
        (
            row.status,
            str(row.attempts),
            row.kind,
            row.target,
            _when_column(row),
            row.key,
            " ".join((row.last_error or "").split())[:ERROR_CHARS],
        )
        for row in rows
    ]
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header) - 1)]
    return [
        "  ".join([*(c.ljust(w) for c, w in zip(cells, widths, strict=False)), cells[-1]]).rstrip()
        for cells in [header, *lines]
    ]


@outbox_app.command("list")
def list_command(
    status: str | None = typer.Option(
        None, "--status", help=f"Only rows with this status: {', '.join(STATUSES)}."
    ),
    kind: str | None = typer.Option(None, "--kind", help="Only rows of this kind."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many, newest first."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON array."),
) -> None:
    """The newest outbox rows: what was queued, where it stands, and why it failed.

    "when" is the time that matters for the status: next attempt (pending), claim
    (sending), delivery (sent), queueing (failed).
    """
    if status is not None and status not in STATUSES:
        raise SettingsError(f"--status {status!r}: choose one of {', '.join(STATUSES)}")
    _, engine = settings_and_store()
    rows = list_rows(engine, status=status, kind=kind, limit=limit)
    if as_json:
        typer.echo(json.dumps([_as_json(row) for row in rows], indent=2))
        return
    counts = outbox_counts(engine)
    typer.echo("outbox: " + ", ".join(f"{n:,} {s}" for s, n in counts.items()))
    if not rows:
        typer.echo("no rows" + (" match" if status or kind else " queued yet"))
        return
    for line in _table(rows):
        typer.echo(line)


@outbox_app.command("retry")
def retry_command(
    key: str | None = typer.Argument(None, help="The idempotency key of the row to send again."),
    failed: bool = typer.Option(False, "--failed", help="Every failed row instead of one key."),
    kind: list[str] = typer.Option([], "--kind", help="With --failed: only rows of this kind."),
) -> None:
    """Send a failed row (or every failed row) again with the next `alignbot dispatch`.

    A reset row is pending again with its attempts back to 0, and keeps what earlier attempts
    recorded, so a Slack message that may have arrived is looked up before it is posted. Rows
    already sent, being sent, or Zendesk comments that may already be on the ticket are not
    reset, and the reason is printed. Exits 1 when a row was left alone.
    """
    if (key is None) == (not failed):
        raise SettingsError("give the key of one row, or --failed for every failed row")
    if kind and not failed:
        raise SettingsError("--kind goes with --failed")
    _, engine = settings_and_store()
    now = datetime.now(UTC)
    if key is not None:
        row = retry_row(engine, key, now=now)
        typer.echo(f"reset {_described(row)}")
        typer.echo("`alignbot dispatch` delivers it")
        return
    result = retry_failed(engine, now=now, kinds=kind)
    for row in result.reset:
        typer.echo(f"reset {_described(row)}")
    for row, reason in result.skipped:
        typer.echo(f"left {row.key} ({row.kind} to {row.target}) as it is: {reason}", err=True)
    if not result.reset and not result.skipped:
        typer.echo("no failed rows")
        return
    one = len(result.reset) == 1
    typer.echo(
        f"{len(result.reset)} failed {'row' if one else 'rows'} reset"
        + (f", {len(result.skipped)} left as they are" if result.skipped else "")
        + (f"; `alignbot dispatch` delivers {'it' if one else 'them'}" if result.reset else "")
    )
    if result.skipped:
        raise typer.Exit(1)


def _described(row: OutboxRow) -> str:
    what = f"{row.key} ({row.kind} to {row.target})"
    if row.status == "pending":
        return f"{what}: was pending, due at {_when(row.next_attempt_at)} UTC; due now"
    error = " ".join((row.last_error or "no error recorded").split())
    tries = "attempt" if row.attempts == 1 else "attempts"
    return f"{what}: was failed after {row.attempts} {tries}: {error}"
