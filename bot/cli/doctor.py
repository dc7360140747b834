"""`alignbot doctor`: is this deployment ready to run? Each check prints `ok` or `problem`,
and each problem the one thing to do about it.

The checks, in order (a later one is skipped when what it needs already failed):

- settings load (`.env` and the environment);
- the database at DATABASE_URL answers, and its schema is at the newest migration;
- Zendesk: the credentials work (`GET /api/v2/users/me`), an OAuth token holds the read
  and write scopes (`GET /api/v2/oauth/tokens/current`), the user is an admin (needed by
  `alignbot zendesk setup` and to read automations), custom ticket statuses are on and
  "Awaiting confirmation" exists and is active (when RESOLUTION_MODE is not off);
  the webhook receiver's secret (served only when ZENDESK_WEBHOOK_SECRET is set);
- Slack: the bot token works (`auth.test`), it holds the scopes alignbot calls need (the
  `x-oauth-scopes` header), and the bot is a member of SLACK_DIGEST_CHANNEL;
- the customer answer links (RESOLUTION_MODE on): ALIGNBOT_LINK_SECRET and
  ALIGNBOT_PUBLIC_URL.

Exit status 0 when every check is ok, 1 when any is a problem. Nothing is changed anywhere:
the doctor reads, so it is safe to run against production at any time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from bot.chat import ChatError, ChatUnavailable
from bot.cli.app import app
from bot.errors import SettingsError, StoreError
from bot.helpdesk import HelpdeskError
from bot.resolution.setup import existing_awaiting_status
from bot.resolution.states import AWAITING_LABEL
from bot.settings import Settings, load_settings
from bot.store.db import current_revision_safe, head_revision, make_engine

__all__ = ["REQUIRED_SLACK_SCOPES", "Finding", "diagnose", "doctor_command"]

#: The bot scopes alignbot's Slack calls need (docs/slack.md, "The app a real workspace
#: needs"); `chat:write.public` and the `groups:*` scopes are optional.
REQUIRED_SLACK_SCOPES = (
    "chat:write",
    "im:write",
    "users:read",
    "users:read.email",
    "files:write",
    "channels:read",
    "channels:history",
)
#: A doctor should answer in seconds: one try per request, a short timeout.
PROBE_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class Finding:
    """One check's outcome: `ok`, what was found, and for a problem the fix to apply."""

    check: str
    ok: bool
    detail: str
    fix: str = ""


def _ok(check: str, detail: str) -> Finding:
    return Finding(check, True, detail)


def _problem(check: str, detail: str, fix: str) -> Finding:
    return Finding(check, False, detail, fix)


def diagnose(load: Callable[[], Settings] = load_settings) -> Iterator[Finding]:
    """Run every check, yielding each finding as soon as it is known (a slow network check
    does not hold back what is already printed). `load` reads the settings."""
    try:
        settings = load()
    except SettingsError as exc:
        yield _problem("settings", str(exc), "correct these in .env or the environment")
        return
    yield _ok("settings", "loaded")
    yield from _store(settings)
    yield from _zendesk(settings)
    yield from _webhook(settings)
    yield from _slack(settings)
    yield from _links(settings)


def _store(settings: Settings) -> Iterator[Finding]:
    url = settings.database_url
    # A firewalled host would otherwise hold the doctor for the system's TCP timeout.
    options: dict[str, Any] = (
        {"connect_args": {"connect_timeout": int(PROBE_TIMEOUT_SECONDS)}}
        if url.startswith("postgresql")
        else {}
    )
    engine = make_engine(url, **options)
    path = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if path and path != ":memory:" and not Path(path).exists():
        # Connecting would create the file: the doctor changes nothing, so it says so instead.
        engine.dispose()
        yield _problem(
            "database",
            f"there is no SQLite file at {path}",
            "run `alignbot db upgrade` to create it, or correct DATABASE_URL",
        )
        return
    try:
        current = current_revision_safe(engine)
    except StoreError as exc:
        yield _problem(
            "database",
            str(exc),
            "start the database or correct DATABASE_URL (postgresql://USER:PASSWORD@HOST/DB)",
        )
        return
    finally:
        engine.dispose()
    yield _ok("database", f"reachable ({engine.url.get_backend_name()})")
    head = head_revision()
    if current == head:
        yield _ok("migrations", f"at the newest revision {head}")
    else:
        yield _problem(
            "migrations",
            f"the schema is at {current or 'nothing (an empty database)'}, the newest is {head}",
            "run `alignbot db upgrade` (any other command also upgrades before it starts)",
        )


def _zendesk(settings: Settings) -> Iterator[Finding]:
    from integrations.zendesk.client import ZendeskClient
    from integrations.zendesk.errors import AuthError

    try:
        settings.require_zendesk()
    except SettingsError as exc:
        yield _problem("zendesk credentials", str(exc), "set them in .env (see .env.example)")
        return
    options: dict[str, Any] = {"max_retries": 0, "timeout": PROBE_TIMEOUT_SECONDS}
    with ZendeskClient.from_settings(settings, **options) as client:
        try:
            me = client.get("/api/v2/users/me.json").get("user") or {}
        except AuthError as exc:
            yield _problem(
                "zendesk credentials",
                str(exc).split(". Check")[0],
                "check ZENDESK_EMAIL and ZENDESK_API_TOKEN (Admin Center > Apps and "
                "integrations > Zendesk API), or ZENDESK_OAUTH_TOKEN",
            )
            return
        except HelpdeskError as exc:
            yield _problem("zendesk credentials", str(exc), "check ZENDESK_URL")
            return
        role = str(me.get("role") or "unknown")
        if me.get("id") is None or role == "end-user":
            yield _problem(
                "zendesk credentials",
                f"the token acts as a {role}, not an agent",
                "use an agent's (better, an admin's) email and API token",
            )
            return
        yield _ok("zendesk credentials", f"accepted (user {me.get('id')}, role {role})")
        if settings.zendesk_oauth_token is not None:
            yield from _oauth_scopes(client)
        if role == "admin":
            yield _ok("zendesk role", "admin: `alignbot zendesk setup` can run")
        else:
            yield _problem(
                "zendesk role",
                f"the API user is an {role}: `alignbot zendesk setup` and reading the "
                "automations need an admin",
                "use an admin's ZENDESK_EMAIL and ZENDESK_API_TOKEN",
            )
        if settings.resolution_mode != "off":
            yield from _custom_status(client)


def _oauth_scopes(client: Any) -> Iterator[Finding]:
    # An API token acts with its user's full rights; an OAuth token only within its scopes,
    # and alignbot reads the account and writes tickets and custom statuses.
    try:
        token = client.get("/api/v2/oauth/tokens/current.json").get("token") or {}
    except HelpdeskError as exc:
        yield _problem("zendesk scopes", str(exc), "check ZENDESK_OAUTH_TOKEN")
        return
    scopes = set(token.get("scopes") or ())
    missing = [s for s in ("read", "write") if s not in scopes]
    if missing:
        yield _problem(
            "zendesk scopes",
            f"the OAuth token lacks the {' and '.join(missing)} scope",
            "create a token with the read and write scopes (Admin Center > Apps and "
            "integrations > Zendesk API > OAuth clients), or use ZENDESK_API_TOKEN",
        )
    else:
        yield _ok("zendesk scopes", "the OAuth token may read and write")


def _custom_status(client: Any) -> Iterator[Finding]:
    try:
        tickets = client.account_settings().get("tickets")
        enabled = isinstance(tickets, dict) and tickets.get("custom_statuses_enabled") is True
        existing = existing_awaiting_status(client.custom_statuses()) if enabled else None
    except HelpdeskError as exc:
        yield _problem("custom statuses", str(exc), "run `alignbot zendesk setup` as an admin")
        return
    if not enabled:
        yield _problem(
            "custom statuses",
            "custom ticket statuses are off: tickets awaiting confirmation are shown as "
            "pending with a tag",
            "turn them on (Admin Center > Objects and rules > Tickets > Settings), then run "
            "`alignbot zendesk setup`",
        )
    elif existing is None:
        yield _problem(
            "custom statuses",
            f"there is no '{AWAITING_LABEL}' status",
            "run `alignbot zendesk setup`",
        )
    elif not existing.get("active"):
        yield _problem(
            "custom statuses",
            f"'{AWAITING_LABEL}' (id {existing.get('id')}) is inactive",
            "activate it in Admin Center > Objects and rules > Tickets > Ticket statuses",
        )
    else:
        yield _ok("custom statuses", f"'{AWAITING_LABEL}' is active (id {existing.get('id')})")


def _webhook(settings: Settings) -> Iterator[Finding]:
    # The receiver (`alignbot run`, /zendesk/webhook) is served only with a secret, so an
    # unset secret is a choice (the periodic sync alone), not a fault; a short one is.
    secret = getattr(settings, "zendesk_webhook_secret", None)
    value = secret.get_secret_value().strip() if secret is not None else ""
    if not value:
        yield _ok(
            "zendesk webhook",
            "not served (ZENDESK_WEBHOOK_SECRET unset): solves are seen at the next sync",
        )
    elif len(value) < 16:
        yield _problem(
            "zendesk webhook",
            f"ZENDESK_WEBHOOK_SECRET is only {len(value)} characters",
            "copy the webhook's signing secret from Admin Center > Apps and integrations > "
            "Webhooks > the webhook > Signing secret",
        )
    else:
        yield _ok("zendesk webhook", "signing secret set: /zendesk/webhook is served")


def _slack(settings: Settings) -> Iterator[Finding]:
    from integrations.slack.client import SlackChat

    if settings.slack_bot_token is None or not settings.slack_bot_token.get_secret_value():
        yield _problem(
            "slack token",
            "SLACK_BOT_TOKEN is not set",
            "set SLACK_BOT_TOKEN=xoxb-... (OAuth & Permissions at https://api.slack.com/apps)",
        )
        return
    chat = SlackChat(
        settings.slack_bot_token.get_secret_value(),
        base_url=settings.slack_api_url,
        timeout=PROBE_TIMEOUT_SECONDS,
    )
    try:
        scopes = chat.granted_scopes()
    except ChatUnavailable as exc:
        yield _problem("slack token", str(exc), "check SLACK_API_URL and the network to Slack")
        return
    except ChatError as exc:
        yield _problem(
            "slack token",
            str(exc),
            "set SLACK_BOT_TOKEN to the app's Bot User OAuth Token (xoxb-...), reinstalling "
            "the app if it was revoked",
        )
        return
    yield _ok("slack token", "accepted (auth.test)")
    missing = [s for s in REQUIRED_SLACK_SCOPES if s not in scopes]
    if missing:
        yield _problem(
            "slack scopes",
            f"the bot token lacks {', '.join(missing)}",
            "add them under OAuth & Permissions > Bot Token Scopes, then reinstall the app",
        )
    else:
        yield _ok("slack scopes", "every scope alignbot needs is granted")
    channel = settings.slack_digest_channel
    try:
        member = chat.is_member(channel)
    except ChatError as exc:
        yield _problem(
            "slack channel",
            str(exc),
            "create the channel or correct SLACK_DIGEST_CHANNEL",
        )
        return
    if member:
        yield _ok("slack channel", f"the bot is in {channel}")
    else:
        yield _problem(
            "slack channel",
            f"the bot is not a member of {channel}",
            f"invite it: type `/invite @alignbot` in {channel}",
        )


def _links(settings: Settings) -> Iterator[Finding]:
    if settings.resolution_mode == "off":
        yield _ok("answer links", "RESOLUTION_MODE=off: no link is sent")
        return
    for check, require, fix in (
        (
            "link secret",
            settings.require_link_secret,
            "set ALIGNBOT_LINK_SECRET to the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`",
        ),
        (
            "public url",
            settings.require_public_url,
            "set ALIGNBOT_PUBLIC_URL to where customers reach alignbot, "
            "e.g. https://help.example.com/alignbot",
        ),
    ):
        try:
            require()
        except SettingsError as exc:
            yield _problem(check, str(exc).split(" (")[0], fix)
        else:
            yield _ok(check, "set")


@app.command("doctor")
def doctor_command() -> None:
    """Check settings, database, migrations, Zendesk and Slack; print each problem with its
    fix. Exits 1 when any check finds a problem. Changes nothing."""
    problems = 0
    for finding in diagnose():
        if finding.ok:
            typer.echo(f"ok       {finding.check}: {finding.detail}")
        else:
            problems += 1
            typer.echo(f"problem  {finding.check}: {finding.detail}")
            typer.echo(f"         fix: {finding.fix}")
    if problems:
        typer.echo(f"{problems} problem{'s' if problems > 1 else ''} found")
        raise typer.Exit(1)
    typer.echo("all checks passed")
