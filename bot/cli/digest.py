"""`alignbot digest`: the misalignment digest, as JSON, in the terminal, or to Slack."""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime, timedelta

import typer
from rich.console import Console

from bot.cli.app import app
from bot.cli.common import settings_and_store
from bot.errors import SettingsError
from bot.metrics.model import Period


def _day(option: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SettingsError(f"{option} {value!r}: expected a date such as 2026-01-31") from None


def digest_period(
    now: datetime, timezone: str, day: str | None, since: str | None, until: str | None
) -> Period:
    """The period the options name: one day, an inclusive range of days, or yesterday."""
    if day is not None and (since is not None or until is not None):
        raise SettingsError("--date cannot be combined with --since/--until")
    if day is not None:
        return Period.for_day(_day("--date", day), timezone)
    if since is None and until is None:
        return Period.yesterday(now, timezone)
    if since is None or until is None:
        raise SettingsError("--since and --until go together (both dates are included)")
    first, last = _day("--since", since), _day("--until", until)
    if last < first:
        raise SettingsError(f"--until {until} is before --since {since}")
    return Period.between(first, last + timedelta(days=1), timezone)


@app.command("digest")
def digest_command(
    day: str | None = typer.Option(
        None, "--date", help="The local day to report on (YYYY-MM-DD). Default: yesterday."
    ),
    since: str | None = typer.Option(None, "--since", help="First day of a range (YYYY-MM-DD)."),
    until: str | None = typer.Option(
        None, "--until", help="Last day of a range, included (YYYY-MM-DD)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the digest as one JSON object."),
    show: bool = typer.Option(False, "--print", help="Render the digest in the terminal."),
    post: bool = typer.Option(
        False,
        "--post",
        help="Queue it for SLACK_DIGEST_CHANNEL (`alignbot dispatch` sends it); run again to "
        "replace the posted message. Refused on an empty or unanalysed store.",
    ),
    channel: str | None = typer.Option(
        None, "--channel", help="Post to this channel instead of SLACK_DIGEST_CHANNEL."
    ),
    by: str | None = typer.Option(
        None, "--by", help="With --print: a compact table per `group` or per `agent` instead."
    ),
) -> None:
    """The misalignment digest: every KPI beside the human metric it can hide.

    Periods are local days in ALIGNBOT_TIMEZONE; the previous period of the same length is
    shown beside each figure. Without --json, --print or --post it prints.
    """
    from bot.digest import render_scopes, render_terminal
    from bot.digest.post import check_postable, queue_digest
    from bot.metrics.report import build_report

    if as_json and show:
        raise SettingsError("--json and --print both write to the terminal: choose one")
    if by is not None and by not in ("group", "agent"):
        raise SettingsError(f"--by {by!r}: expected group or agent")
    if by is not None and (as_json or post):
        raise SettingsError("--by goes with --print (the JSON has by_group and by_agent)")
    settings, engine = settings_and_store()
    now = datetime.now(UTC)
    period = digest_period(now, settings.alignbot_timezone, day, since, until)
    if post:  # before anything is printed: an empty or unanalysed store is refused in one line
        check_postable(engine, period)
    report = build_report(engine, settings, period, now=now, zendesk_url=settings.zendesk_url)
    if as_json:
        json.dump(report.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif by is not None:
        render_scopes(report, Console(), settings, "group" if by == "group" else "agent")
    elif show or not post:
        render_terminal(report, Console(), settings)
    if post:
        target = channel or settings.slack_digest_channel
        queued = queue_digest(engine, report, settings, channel=target, now=now)
        first_day = f"{period.start:%Y-%m-%d}"
        if queued.outcome == "queued":
            message = f"digest for {first_day} queued for {target}; `alignbot dispatch` posts it"
        elif queued.outcome == "update":
            message = (
                f"digest for {first_day} was queued for {target} before; revision "
                f"{queued.revision} queued to replace it: `alignbot dispatch` updates the same "
                "Slack message"
            )
        else:
            message = (
                f"digest for {first_day} is unchanged since it was queued for {target}; "
                "nothing new to post"
            )
        typer.echo(message, err=as_json)
        if queued.message_status == "failed":
            typer.echo(
                f"note: the first digest message for {first_day} failed to post (outbox row "
                f"{queued.message_key}): `alignbot outbox list --status failed` says why; once "
                "fixed, `alignbot outbox retry --failed` sends it, then its update",
                err=True,
            )
