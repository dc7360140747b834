"""alignbot's configuration: one pydantic-settings class, read from the environment and `.env`.

Every setting has an environment variable of the same name in upper case. `load_settings()`
turns pydantic's validation errors into a `SettingsError` whose message names the setting
and says what is wrong, one line per problem, so the CLI can print it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any, Literal
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import SettingsError

DEFAULT_DATABASE_URL = "sqlite:///alignbot.db"
SLACK_API_URL = "https://slack.com/api/"
#: The ZENDESK_URL `.env.example` ships with: set, valid, and never anyone's account.
PLACEHOLDER_ZENDESK_URL = "https://example.zendesk.com"
#: The fewest characters ALIGNBOT_LINK_SECRET may have (32 from `secrets.token_urlsafe(24)`).
MIN_LINK_SECRET_LENGTH = 32


class Settings(BaseSettings):
    """Everything configurable. See `.env.example` for a commented copy of each setting."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    # --- Zendesk -----------------------------------------------------------------------
    zendesk_url: str | None = Field(
        default=None,
        description="https://<subdomain>.zendesk.com, or http://127.0.0.1:PORT for a sandbox",
    )
    zendesk_email: str | None = None
    zendesk_api_token: SecretStr | None = None
    zendesk_oauth_token: SecretStr | None = None
    zendesk_requests_per_minute: int = Field(default=200, ge=1, le=10_000)
    zendesk_timeout_seconds: float = Field(default=30.0, gt=0)
    zendesk_max_retries: int = Field(default=8, ge=0, le=50)
    zendesk_page_size: int = Field(default=1000, ge=1, le=1000)
    zendesk_time_tracking_field_id: int | None = Field(
        default=None, description="custom ticket field holding handle time in seconds"
    )
    zendesk_customer_update_field_id: int | None = Field(
        default=None, description="custom ticket field agents fill with customer-safe progress"
    )
    zendesk_sentiment_field_id: int | None = Field(
        default=None, description="custom ticket field with Zendesk's own sentiment value"
    )

    # --- Store -------------------------------------------------------------------------
    database_url: str = DEFAULT_DATABASE_URL

    # --- Time and metrics --------------------------------------------------------------
    alignbot_timezone: str = "UTC"
    fcr_window_days: int = Field(default=7, ge=1, le=90)
    # "lexicon" (default), "zendesk_field", "onnx", or "package.module:Name" for your own.
    sentiment_backend: str = "lexicon"
    sentiment_model_path: str | None = Field(
        default=None, description="SENTIMENT_BACKEND=onnx: the exported model's directory"
    )
    script_phrases: list[str] = Field(
        default_factory=lambda: [
            "we apologize for the inconvenience",
            "we apologize for any inconvenience",
            "sorry for the inconvenience",
            "i understand your frustration",
            "we value your business",
            "lamentamos las molestias",
            "disculpe las molestias",
            "entendemos su frustración",
            "nous nous excusons pour la gêne occasionnée",
            "wir entschuldigen uns für die unannehmlichkeiten",
            "pedimos desculpas pelo transtorno",
        ]
    )

    # --- Digest: when a change counts (docs/metrics.md, "Alerts") ------------------------
    # No verdict, alert or coaching rank from fewer cases than this, in either period.
    digest_min_sample: int = Field(default=20, ge=1)
    # Per metric key, where the default does not fit the unit counted: agent-days are few
    # (eight agents make eight a day), and each is already a day of tickets.
    digest_min_sample_by_key: dict[str, int] = Field(
        default_factory=lambda: {"solved_per_agent_day": 5}
    )
    # Rates: a change counts when a two-sided two-proportion z-test gives p below this.
    digest_significance: float = Field(default=0.05, gt=0, lt=1)
    # Medians, counts and averages: a change counts when at least its kind's absolute floor
    # and at least this share of the previous value.
    digest_min_change_percent: float = Field(default=10.0, ge=0)
    digest_min_change_minutes: float = Field(default=5.0, ge=0)
    digest_min_change_count: float = Field(default=3.0, ge=0)
    digest_min_change_average: float = Field(default=0.1, ge=0)

    def min_sample(self, key: str) -> int:
        """The fewest cases a figure needs, in each period, to be compared or ranked."""
        return self.digest_min_sample_by_key.get(key, self.digest_min_sample)

    # --- Slack -------------------------------------------------------------------------
    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_api_url: str = SLACK_API_URL
    slack_digest_channel: str = "#support-managers"

    # --- The Slack app, `alignbot slack serve` (docs/slack.md) ------------------------
    # App-level token (xapp-..., scope connections:write) for Socket Mode: the app dials
    # Slack instead of Slack calling SLACK_SIGNING_SECRET-verified requests to a public URL.
    slack_app_token: SecretStr | None = None
    # The port `alignbot slack serve` listens on in HTTP mode unless --port says otherwise.
    slack_http_port: int = Field(default=3000, ge=1, le=65535)

    # --- Resolution links and `alignbot web` (docs/resolution.md) ----------------------
    # The key that signs the customer's answer links. Never logged; required wherever a
    # link is made or checked (`require_link_secret`).
    alignbot_link_secret: SecretStr | None = None
    # Earlier keys, still accepted when checking a link (never used to sign): rotate by
    # moving the old key here and setting a new ALIGNBOT_LINK_SECRET. A JSON list.
    alignbot_link_secret_fallbacks: list[SecretStr] = Field(default_factory=list)
    # How long a link works after it is made.
    alignbot_link_ttl_days: int = Field(default=14, ge=1, le=90)
    # Where `alignbot web` is reached from outside, e.g. https://help.example.com/alignbot;
    # the links put in a customer's comment start with it.
    alignbot_public_url: str | None = None
    # The port `alignbot web` listens on unless --port says otherwise.
    alignbot_http_port: int = Field(default=8080, ge=1, le=65535)

    # --- The Confirmed-vs-Closed flow (docs/resolution.md) -----------------------------
    # enforce: an agent's solve of an unconfirmed ticket becomes "Awaiting confirmation"
    # (pending) with the confirmation request; ask: the request is posted, the solve
    # stands; off: alignbot only observes.
    resolution_mode: Literal["enforce", "ask", "off"] = "enforce"
    # Days after the request at which one reminder each is sent while no answer came.
    resolution_remind_after_days: list[float] = Field(default_factory=lambda: [2.0, 5.0])
    # Days after the request at which an unanswered ticket is solved as unconfirmed.
    resolution_close_after_days: float = Field(default=7.0, gt=0, le=27)
    # No reminder inside these local hours of the requester (their Zendesk time zone, else
    # ALIGNBOT_TIMEZONE): "HH:MM-HH:MM", may wrap midnight.
    resolution_quiet_hours: str = "21:00-08:00"
    # Tickets with this tag, of these types, or in these groups are left alone.
    resolution_opt_out_tag: str = "alignbot_opt_out"
    resolution_skip_ticket_types: list[str] = Field(default_factory=list)
    resolution_skip_group_ids: list[int] = Field(default_factory=list)
    # The "Awaiting confirmation" custom status; unset: the one `alignbot zendesk setup`
    # made (kept in the store), else pending + tag alignbot_awaiting_confirmation.
    resolution_custom_status_id: int | None = Field(default=None, ge=1)

    # --- Stale tickets and proactive updates (docs/updates.md) -------------------------
    # How long a ticket of each priority may wait on us (new, open, on hold) for a public
    # agent reply before it is stale, in hours; a ticket without a priority counts as normal.
    stale_after_hours: dict[str, float] = Field(
        default_factory=lambda: {"urgent": 4.0, "high": 8.0, "normal": 24.0, "low": 48.0}
    )
    # Count those hours in working hours, e.g. "Mon-Fri 09:00-17:00" in ALIGNBOT_TIMEZONE;
    # unset: calendar hours. STALE_HOLIDAYS (a JSON list of dates) are days off.
    stale_business_hours: str | None = None
    stale_holidays: list[date] = Field(default_factory=list)
    # auto: the update is queued for the customer; review: the assignee gets the draft in
    # Slack (Send / Edit / Skip); dry_run: decided and recorded, never sent.
    proactive_mode: Literal["auto", "review", "dry_run"] = "dry_run"
    # At most one update per ticket in this many hours (drafts and dry runs count).
    proactive_min_interval_hours: float = Field(default=24.0, gt=0)
    # No update inside these local hours of the requester (their Zendesk time zone).
    proactive_quiet_hours: str = "21:00-08:00"
    # Tickets with this tag never get an update.
    proactive_opt_out_tag: str = "alignbot_no_updates"
    # review: a draft nobody decided on within this many minutes is sent or dropped.
    proactive_review_grace_minutes: int = Field(default=120, ge=1)
    proactive_review_default: Literal["send", "drop"] = "drop"
    # The name the customer reads for each group, by Zendesk group id (a JSON object); a
    # group not listed is "our support team", never its internal name.
    group_customer_names: dict[int, str] = Field(default_factory=dict)
    # A directory of a team's own update templates (<lang>/<name>.txt), read before the
    # bundled ones (bot/policies/templates/updates).
    proactive_templates_dir: str | None = None

    # --- Nudges for agents (docs/nudges.md) ---------------------------------------------
    # At most this many Slack DMs to one agent in any hour (nudges and the resolution
    # flow's "still broken" DMs alike); what is over waits for the next free slot.
    nudge_max_per_hour: int = Field(default=4, ge=1, le=100)
    # No nudge inside these local hours of the agent (their Slack time zone, else their
    # Zendesk one, else ALIGNBOT_TIMEZONE): "HH:MM-HH:MM", may wrap midnight.
    nudge_quiet_hours: str = "19:00-08:00"
    # An agent's Slack user (found by email) is looked up again after this many days.
    nudge_link_ttl_days: int = Field(default=7, ge=1, le=365)
    # {"zendesk email": "slack email or U-id"} for agents whose emails differ.
    nudge_slack_overrides: dict[str, str] = Field(default_factory=dict)
    # Agents (Zendesk emails) who asked for no nudges.
    nudge_opt_out_emails: list[str] = Field(default_factory=list)
    # How far back a sweep looks for new assignments and for replies to coach on, so the
    # first sweep does not nudge about every ticket ever assigned.
    nudge_lookback_hours: int = Field(default=24, ge=1, le=24 * 30)

    # --- The scheduler, `alignbot run` and `alignbot jobs` (docs/scheduler.md) ------------
    # How often each job runs. The periodic sync is the safety net behind the Zendesk
    # webhook; the dispatcher delivers what the other jobs queued.
    sync_interval_minutes: float = Field(default=5.0, gt=0)
    analyze_interval_minutes: float = Field(default=5.0, gt=0)
    resolution_interval_minutes: float = Field(default=10.0, gt=0)
    updates_interval_minutes: float = Field(default=30.0, gt=0)
    nudges_interval_minutes: float = Field(default=15.0, gt=0)
    dispatch_interval_seconds: float = Field(default=30.0, gt=0)
    # The digest is posted daily at this local time ("HH:MM" in ALIGNBOT_TIMEZONE), or only
    # on DIGEST_WEEKLY_ON (mon..sun) when set, covering the seven days before it.
    digest_at: str = "08:00"
    digest_weekly_on: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] | None = None
    # Replicas: a job's lease lasts this long and is renewed while the job runs; when its
    # holder dies another replica takes the job over at most this long after the last renewal.
    job_lease_seconds: float = Field(default=60.0, gt=0, le=3600)
    # A digest that could not be posted (the store not synced or analysed yet, Slack down)
    # is tried again this many minutes later.
    digest_retry_minutes: float = Field(default=10.0, gt=0, le=24 * 60)
    # A delivery claimed by a dispatcher that died is taken over after this long; it must
    # outlast one delivery (a few API calls, with their retries).
    outbox_claim_timeout_seconds: float = Field(default=120.0, ge=1, le=3600)
    # How often each process looks for due jobs (and tries to take a dead replica's lease).
    scheduler_poll_seconds: float = Field(default=15.0, ge=0.2, le=600)

    # --- `alignbot run`: the service (docs/service.md) ----------------------------------
    # The signing secret of the Zendesk webhook that posts to /zendesk/webhook (Admin Center
    # > Webhooks > the webhook > Signing secret); unset: the receiver is not served.
    zendesk_webhook_secret: SecretStr | None = None
    # /readyz fails once the tickets stream's last sync is older than this.
    ready_max_sync_age_minutes: int = Field(default=30, ge=1, le=7 * 24 * 60)
    # On SIGTERM: how long the running job and the open requests get to finish.
    shutdown_timeout_seconds: float = Field(default=30.0, gt=0, le=3600)

    # --- Logs --------------------------------------------------------------------------
    # Customer text (comment bodies, subjects, names, emails) stays out of every log line,
    # at every level, unless this asks for it: at DEBUG, slack_sdk logs whole request and
    # response bodies, which carry the digest's subjects and names and people's emails.
    log_customer_text: bool = False
    # The lowest level logged. A service (`alignbot run`) is worth running at INFO.
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "WARNING"
    # auto: one JSON object per line when standard error is not a terminal (a container,
    # a log shipper), the human format when it is; json or text force one (docs/deploy.md).
    log_format: Literal["auto", "json", "text"] = "auto"

    @field_validator("zendesk_url")
    @classmethod
    def _zendesk_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        value = value.strip().rstrip("/")
        parsed = urlparse(value)
        is_zendesk = parsed.scheme == "https" and (parsed.hostname or "").endswith(".zendesk.com")
        is_loopback = parsed.scheme == "http" and parsed.hostname in {"127.0.0.1", "localhost"}
        if not (is_zendesk or is_loopback) or parsed.path not in ("", "/"):
            raise ValueError(
                "must be https://<subdomain>.zendesk.com (or http://127.0.0.1:PORT for a sandbox)"
            )
        return value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        scheme = value.split(":", 1)[0]
        if scheme.startswith("postgres"):
            # Accept the usual spellings and use psycopg 3, the driver in the `postgres` extra.
            rest = value.split("://", 1)[1] if "://" in value else ""
            return f"postgresql+psycopg://{rest}"
        if not scheme.startswith("sqlite") or "://" not in value:
            raise ValueError("must be sqlite:///PATH or postgresql://USER@HOST:PORT/DB")
        return value

    @field_validator("alignbot_timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("must be an IANA time zone such as Europe/Madrid or UTC") from exc
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _slack_api_url(cls, value: str) -> str:
        parsed = urlparse(value)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError("must be an http(s) URL such as https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @field_validator("alignbot_public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        if value is None or value.strip() == "":
            return None
        parsed = urlparse(value.strip())
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError("must be an http(s) URL such as https://help.example.com/alignbot")
        if parsed.query or parsed.fragment:
            raise ValueError("must have no query or fragment (the links add their own path)")
        return value.strip().rstrip("/")

    @field_validator("resolution_remind_after_days")
    @classmethod
    def _remind_after(cls, value: list[float]) -> list[float]:
        if any(day <= 0 for day in value) or value != sorted(set(value)):
            raise ValueError("must be increasing positive days, e.g. [2, 5]")
        return value

    @field_validator("resolution_quiet_hours", "nudge_quiet_hours")
    @classmethod
    def _quiet_hours(cls, value: str) -> str:
        from bot.resolution.quiet import parse_quiet_hours

        parse_quiet_hours(value)
        return value

    @field_validator("stale_after_hours")
    @classmethod
    def _stale_after(cls, value: dict[str, float]) -> dict[str, float]:
        known = ("urgent", "high", "normal", "low")
        unknown = sorted(set(value) - set(known))
        if unknown:
            raise ValueError(f"unknown priorities {unknown}; use {', '.join(known)}")
        if "normal" not in value:
            raise ValueError("needs 'normal' (tickets without a priority count as normal)")
        if any(hours <= 0 for hours in value.values()):
            raise ValueError("every threshold must be a positive number of hours")
        return value

    @field_validator("stale_business_hours")
    @classmethod
    def _business_hours(cls, value: str | None) -> str | None:
        if value is None or value.strip() == "":
            return None
        from bot.policies.stale import parse_schedule

        parse_schedule(value, ZoneInfo("UTC"))
        return value.strip()

    @field_validator("digest_at")
    @classmethod
    def _digest_at(cls, value: str) -> str:
        parse_time_of_day(value)
        return value.strip()

    @field_validator("digest_weekly_on", mode="before")
    @classmethod
    def _weekday(cls, value: object) -> object:
        # An empty DIGEST_WEEKLY_ON= in a .env means daily, like an unset one.
        if isinstance(value, str):
            return value.strip().lower()[:3] or None
        return value

    @field_validator("proactive_quiet_hours")
    @classmethod
    def _proactive_quiet_hours(cls, value: str) -> str:
        from bot.resolution.quiet import parse_quiet_hours

        parse_quiet_hours(value)
        return value

    @model_validator(mode="after")
    def _reminders_before_close(self) -> Settings:
        late = [
            d for d in self.resolution_remind_after_days if d >= self.resolution_close_after_days
        ]
        if late:
            raise ValueError(
                f"RESOLUTION_REMIND_AFTER_DAYS {late} must come before "
                f"RESOLUTION_CLOSE_AFTER_DAYS ({self.resolution_close_after_days:g})"
            )
        return self

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.alignbot_timezone)

    def ticket_url(self, ticket_id: int) -> str:
        """The ticket in Zendesk's agent interface (a placeholder account when unset)."""
        base = self.zendesk_url or PLACEHOLDER_ZENDESK_URL
        return f"{base}/agent/tickets/{ticket_id}"

    def require_zendesk(self) -> None:
        """Raise `SettingsError` unless Zendesk is configured well enough to call it."""
        missing = []
        if not self.zendesk_url:
            missing.append("ZENDESK_URL is not set (https://<subdomain>.zendesk.com)")
        elif self.zendesk_url == PLACEHOLDER_ZENDESK_URL:
            missing.append(
                f"ZENDESK_URL is still {PLACEHOLDER_ZENDESK_URL}, the placeholder from "
                ".env.example: set it to your account's https://<subdomain>.zendesk.com"
            )
        if not _secret(self.zendesk_oauth_token):
            if not _secret(self.zendesk_api_token):
                missing.append("ZENDESK_API_TOKEN (or ZENDESK_OAUTH_TOKEN) is not set")
            if not self.zendesk_email:
                missing.append("ZENDESK_EMAIL is not set (the agent the API token belongs to)")
        if missing:
            raise SettingsError("; ".join(missing))

    def require_slack(self) -> None:
        """Raise `SettingsError` unless a Slack bot token is configured."""
        if self.slack_bot_token is None:
            raise SettingsError("SLACK_BOT_TOKEN is not set (a bot token, xoxb-...)")

    def require_link_secret(self) -> LinkKeys:
        """The keys that sign and check the customer's answer links; raise `SettingsError`
        unless ALIGNBOT_LINK_SECRET is set and long enough. The message never holds a key."""
        secret = _secret(self.alignbot_link_secret)
        if not secret:
            raise SettingsError(
                "ALIGNBOT_LINK_SECRET is not set (a random key of at least "
                f"{MIN_LINK_SECRET_LENGTH} characters, e.g. the output of "
                "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`)"
            )
        fallbacks = tuple(_secret(old) for old in self.alignbot_link_secret_fallbacks)
        if len(secret) < MIN_LINK_SECRET_LENGTH:
            raise SettingsError(
                f"ALIGNBOT_LINK_SECRET is too short ({len(secret)} characters): use at least "
                f"{MIN_LINK_SECRET_LENGTH}, e.g. `python -c 'import secrets; "
                "print(secrets.token_urlsafe(32))'`"
            )
        if any(not old for old in fallbacks):
            raise SettingsError("ALIGNBOT_LINK_SECRET_FALLBACKS holds an empty key; remove it")
        return LinkKeys(current=secret, fallbacks=fallbacks)

    def require_public_url(self) -> str:
        """The base URL of `alignbot web` as customers reach it, or `SettingsError`."""
        if not self.alignbot_public_url:
            raise SettingsError(
                "ALIGNBOT_PUBLIC_URL is not set (where customers reach `alignbot web`, "
                "e.g. https://help.example.com/alignbot)"
            )
        return self.alignbot_public_url


@dataclass(frozen=True, repr=False)
class LinkKeys:
    """The key that signs answer links and the older keys still accepted when checking one.
    Its repr names no key, so it can never reach a log line by accident."""

    current: str
    fallbacks: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"LinkKeys(current=***, fallbacks={len(self.fallbacks)} more)"


def parse_time_of_day(value: str) -> time:
    """ "HH:MM" (24-hour) as a `time`; `ValueError` saying what is expected otherwise."""
    hours, sep, minutes = value.strip().partition(":")
    if not (sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(f"{value!r}: expected a local time such as 08:00")
    try:
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValueError(f"{value!r}: expected a local time such as 08:00") from None


def _secret(value: SecretStr | None) -> str:
    """The secret, or "" when unset or set to nothing (`ZENDESK_API_TOKEN=` in a .env)."""
    return value.get_secret_value().strip() if value is not None else ""


def load_settings(**overrides: Any) -> Settings:
    """Read the settings; raise `SettingsError` naming each missing or malformed one."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            name = str(error["loc"][0]).upper() if error["loc"] else "settings"
            message = str(error["msg"]).removeprefix("Value error, ")
            lines.append(f"{name}: {message}")
        raise SettingsError("; ".join(lines)) from None
