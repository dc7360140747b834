"""The scheduled jobs: what each one does, once, and how often.

Each job is a function `(settings, engine, now) -> str` that runs one pass of an existing
command's domain function and returns its one-line summary. Like the CLI, this is a
composition root: it builds the Zendesk and Slack clients from the settings and hands them
to the domain. A job whose service is not configured raises `JobSkipped` with the reason
(recorded as "skipped", tried again at its next interval, not in a loop); any other error
is a failed run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from bot.errors import AlignbotError, SettingsError
from bot.settings import Settings, parse_time_of_day
from scheduler.schedule import DailyAt, Every, Schedule, weekday_number

JobFunction = Callable[[Settings, Engine, datetime], str]


class JobSkipped(AlignbotError):
    """The job cannot run as configured (a service without credentials, a flow switched
    off); the message says why and what to set."""


class JobFailed(AlignbotError):
    """The job ran and part of it failed; the message is its summary."""


@dataclass(frozen=True)
class Job:
    """A named job, its function and its schedule."""

    name: str
    run: JobFunction
    schedule: Schedule


def sync_job(settings: Settings, engine: Engine, now: datetime) -> str:
    """One incremental sync of every Zendesk stream."""
    try:
        settings.require_zendesk()
    except SettingsError as exc:
        raise JobSkipped(f"Zendesk is not configured: {exc}") from None
    from integrations.zendesk.sync import sync

    result = sync(engine, settings)
    if result.errors:
        raise JobFailed(result.summary())
    return result.summary()


def analyze_job(settings: Settings, engine: Engine, now: datetime) -> str:
    """Analyse every new or changed comment."""
    from bot.signals.analyze import analyze
    from bot.signals.backends import backend_from_settings

    result = analyze(engine, settings, now, backend=backend_from_settings(settings))
    return (
        f"analysed {result.analyzed:,} of {result.scanned:,} comments "
        f"({result.scanned - result.analyzed:,} unchanged)"
    )


def resolution_job(settings: Settings, engine: Engine, now: datetime) -> str:
    """One pass of the Confirmed-vs-Closed flow (queues; the dispatch job delivers)."""
    from bot.resolution.sweep import FlowOff, sweep

    try:
        return sweep(engine, settings, now).summary()
    except (FlowOff, SettingsError) as exc:
        raise JobSkipped(str(exc)) from None


def updates_job(settings: Settings, engine: Engine, now: datetime) -> str:
    """One pass of the proactive updates for stale tickets."""
    from bot.policies.updates import sweep

    return f"{settings.proactive_mode}: {sweep(engine, settings, now).summary()}"


def nudges_job(settings: Settings, engine: Engine, now: datetime) -> str:
    """One pass of the agents' nudges; without Slack they are decided but nobody is found."""
    from bot.cli.nudges import stale_items
    from bot.policies.nudges import sweep

    try:
        settings.require_slack()
    except SettingsError as exc:
        raise JobSkipped(f"Slack is not configured: {exc}") from None
    from integrations.slack.client import SlackChat

    result = sweep(
        engine,
        settings,
        now,
        chat=SlackChat.from_settings(settings),
        stale=stale_items(engine, settings, now),
    )
    return f"{result.lines()[0]}; {result.messages} DM(s) queued"


def dispatch_job(settings: Settings, engine: Engine, now: datetime) -> str:
    """Deliver every due outbox row through the services that are configured."""
    from bot.outbox import Dispatcher, default_worker_id

    chat: Any = None
    helpdesk: Any = None
    try:
        settings.require_slack()
    except SettingsError:
        pass  # Slack rows stay queued for a dispatcher that has Slack; counted below
    else:
        from integrations.slack.client import SlackChat

        chat = SlackChat.from_settings(settings)
    try:
        settings.require_zendesk()
    except SettingsError:
        pass  # likewise for Zendesk writes
    else:
        from integrations.zendesk.helpdesk import ZendeskHelpdesk

        helpdesk = ZendeskHelpdesk.from_settings(settings)
    if chat is None and helpdesk is None:
        raise JobSkipped("neither Slack nor Zendesk is configured: nothing can be delivered")
    dispatcher = Dispatcher(
        engine,
        chat=chat,
        helpdesk=helpdesk,
        worker_id=default_worker_id(),
        claim_timeout=timedelta(seconds=settings.outbox_claim_timeout_seconds),
    )
    result = dispatcher.run_once(now)
    summary = result.summary()
    blocked = sum(dispatcher.undeliverable().values())
    if blocked:
        summary += f"; {blocked} due for a service that is not configured"
    if result.failed:
        raise JobFailed(summary)
    return summary


def digest_job(settings: Settings, engine: Engine, now: datetime) -> str:
    """Queue the digest for SLACK_DIGEST_CHANNEL: yesterday, or the last seven days when
    DIGEST_WEEKLY_ON is set. The outbox key makes a repeated post an edit, never a second
    message."""
    try:
        settings.require_slack()
    except SettingsError as exc:
        raise JobSkipped(f"Slack is not configured: {exc}") from None
    from bot.digest.post import check_postable, queue_digest
    from bot.metrics.model import Period
    from bot.metrics.report import build_report

    zone = settings.alignbot_timezone
    if settings.digest_weekly_on is None:
        period = Period.yesterday(now, zone)
    else:
        today = now.astimezone(settings.timezone).date()
        period = Period.between(today - timedelta(days=7), today, zone)
    check_postable(engine, period)  # DigestNotReady: a failed run, retried later
    report = build_report(engine, settings, period, now=now, zendesk_url=settings.zendesk_url)
    channel = settings.slack_digest_channel
    queued = queue_digest(engine, report, settings, channel=channel, now=now)
    return f"digest for {period.start:%Y-%m-%d} {queued.outcome} for {channel}"


def default_jobs(settings: Settings) -> list[Job]:
    """Every job, in the order one pass runs them (each feeds the next: a sync's solves are
    analysed, swept and dispatched in the same pass)."""

    def minutes(value: float) -> Every:
        return Every(timedelta(minutes=value))

    return [
        Job("sync", sync_job, minutes(settings.sync_interval_minutes)),
        Job("analyze", analyze_job, minutes(settings.analyze_interval_minutes)),
        Job("resolution", resolution_job, minutes(settings.resolution_interval_minutes)),
        Job("updates", updates_job, minutes(settings.updates_interval_minutes)),
        Job("nudges", nudges_job, minutes(settings.nudges_interval_minutes)),
        Job("dispatch", dispatch_job, Every(timedelta(seconds=settings.dispatch_interval_seconds))),
        Job(
            "digest",
            digest_job,
            DailyAt(
                parse_time_of_day(settings.digest_at),
                settings.timezone,
                weekday_number(settings.digest_weekly_on),
            ),
        ),
    ]
