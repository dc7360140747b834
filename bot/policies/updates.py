"""Proactive updates: the customer of a stale ticket hears where things stand, unasked.

One sweep (`sweep`) decides, for each stale ticket (`bot.policies.stale`):

1. **Whether**: the guardrails (`hold_reason`): the opt-out tag, a ticket pending on the
   customer or awaiting their confirmation (the resolution flow owns those), the
   requester's quiet hours in their Zendesk time zone, and at most one decision per ticket
   per `PROACTIVE_MIN_INTERVAL_HOURS`.
2. **What**: the update, rendered from files a support team can edit
   (`templates/updates/<lang>/<name>.txt`, Jinja2 in a sandbox) in the requester's
   language (en, es, fr, de, pt; English otherwise and where a file is missing), dates and
   durations formatted by Babel. The template sees only `UpdateFacts`, a whitelist of
   customer-safe facts: the ticket's own status and age, the customer-update field
   agents fill for customers, the status of a linked problem ticket and the group's
   customer-facing name. Comment bodies are never read, so no internal note can leak.
3. **How**, by `PROACTIVE_MODE`: `auto` queues a `zendesk.proactive_update` outbox row;
   `review` stores a draft and DMs the assignee its text with Send / Edit / Skip buttons
   (`review_draft` records their choice; a draft nobody decided on is sent or dropped
   after `PROACTIVE_REVIEW_GRACE_MINUTES`, per `PROACTIVE_REVIEW_DEFAULT`, by a later
   sweep); `dry_run` records the decision and sends nothing.

Every decision is a `proactive_updates` row under a unique key derived from the ticket, its
stale episode and the interval slot, inserted with the outbox rows in one transaction: two
sweeps at once decide (and queue) once.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time, format_timedelta
from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    select_autoescape,
)
from jinja2.sandbox import SandboxedEnvironment
from sqlalchemy import Connection, Engine, func, select, true, update
from sqlalchemy.dialects import postgresql, sqlite

from bot.digest.mrkdwn import literal, plain
from bot.outbox.deliverers import SLACK_DM, ZENDESK_PROACTIVE_UPDATE
from bot.outbox.queueing import enqueue
from bot.policies.stale import WAITING_ON_US, StaleTicket, stale_tickets
from bot.resolution.quiet import next_allowed, parse_quiet_hours, zone_or
from bot.resolution.states import AWAITING_TAG, State
from bot.settings import Settings
from bot.store.tables import COMMENTS, PROACTIVE_UPDATES, RESOLUTION_STATES, TICKETS, USERS

__all__ = [
    "LANGUAGES",
    "TEMPLATE_ROOT",
    "Decision",
    "Draft",
    "ReviewOutcome",
    "SweepResult",
    "TemplateInfo",
    "Templates",
    "TicketFacts",
    "UpdateFacts",
    "decision_key",
    "get_draft",
    "hold_reason",
    "language_of",
    "render_update",
    "review_blocks",
    "review_draft",
    "sweep",
]

log = logging.getLogger("alignbot.updates")

#: The languages updates are written in; any other falls back to English.
LANGUAGES = ("en", "es", "fr", "de", "pt")
FALLBACK = "en"
TEMPLATE_ROOT = Path(__file__).parent / "templates" / "updates"
#: The template of the update a stale ticket's customer gets.
UPDATE_TEMPLATE = "update.txt"
#: How much of the customer-update field an update quotes.
FIELD_LIMIT = 1000
#: What a Slack section's text may hold (Block Kit's limit is 3000).
SECTION_LIMIT = 2900

# Statuses of a decision (bot.store.updates).
DRAFTED, QUEUED, SKIPPED, DROPPED, DRY_RUN = "drafted", "queued", "skipped", "dropped", "dry_run"
ALIGNBOT = "alignbot"

# Block Kit action ids the Slack app listens to (issue 11's shared contract).
ACTION_SEND = "alignbot_update_send"
ACTION_EDIT = "alignbot_update_edit"
ACTION_SKIP = "alignbot_update_skip"
ACTION_OPEN = "alignbot_open_ticket"


# --- Templates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateInfo:
    """One template name, the languages that have it and those that fall back to English."""

    name: str
    languages: tuple[str, ...]
    missing: tuple[str, ...]


class Templates:
    """The update templates: a team's own directory first (`PROACTIVE_TEMPLATES_DIR`), then
    the bundled ones. Rendered in a sandbox (a template cannot reach Python objects beyond
    the strings it is given), autoescaped only for .html files: updates are plain text."""

    def __init__(self, extra_dir: str | Path | None = None) -> None:
        self.roots = [Path(extra_dir)] if extra_dir else []
        self.roots.append(TEMPLATE_ROOT)
        self.env = SandboxedEnvironment(
            loader=ChoiceLoader([FileSystemLoader(str(root)) for root in self.roots]),
            autoescape=select_autoescape(enabled_extensions=("html", "htm"), default=False),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, name: str, language: str, context: Mapping[str, Any]) -> tuple[str, str]:
        """(text, language used): `language`'s file, else English's."""
        for lang in dict.fromkeys((language, FALLBACK)):
            try:
                template = self.env.get_template(f"{lang}/{name}")
            except TemplateNotFound:
                continue
            return _tidy(template.render(**context)), lang
        raise TemplateNotFound(f"{FALLBACK}/{name}")

    def listing(self) -> list[TemplateInfo]:
        """Every template name any language has, with the languages missing it."""
        have: dict[str, set[str]] = {}
        for root in self.roots:
            for lang in LANGUAGES:
                folder = root / lang
                if folder.is_dir():
                    for path in folder.iterdir():
                        if path.is_file() and not path.name.startswith("."):
                            have.setdefault(path.name, set()).add(lang)
        return [
            TemplateInfo(
                name=name,
                languages=tuple(lang for lang in LANGUAGES if lang in langs),
                missing=tuple(lang for lang in LANGUAGES if lang not in langs),
            )
            for name, langs in sorted(have.items())
        ]


def _tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, no blank start or end."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()


def language_of(locale: str | None) -> str:
    """The update language for a Zendesk locale ("pt-BR" -> "pt"); English otherwise."""
    lang = (locale or "").replace("_", "-").split("-")[0].lower()
    return lang if lang in LANGUAGES else FALLBACK


def _babel_locale(locale: str | None, language: str) -> Locale:
    """The requester's own locale for dates ("pt-BR"), when Babel knows it and it speaks
    the update's language; else the language's default."""
    if locale:
        try:
            parsed = Locale.parse(locale.replace("-", "_"))
            if parsed.language == language:
                return parsed
        except (UnknownLocaleError, ValueError):
            pass
    return Locale.parse(language)


# --- What an update may say ----------------------------------------------------------------


@dataclass(frozen=True)
class UpdateFacts:
    """Everything an update may say: customer-safe by construction. The template context
    is made from these fields and nothing else."""

    ticket_id: int
    status: str  # the ticket's own status: new, open, hold
    created_at: datetime
    customer_update: str | None  # ZENDESK_CUSTOMER_UPDATE_FIELD_ID, written for customers
    problem_status: str | None  # the status of the linked problem ticket, if any
    team: str | None  # the group's customer-facing name (GROUP_CUSTOMER_NAMES)


def render_update(
    facts: UpdateFacts,
    templates: Templates,
    *,
    locale: str | None,
    now: datetime,
    next_update: datetime,
    zone: ZoneInfo,
) -> tuple[str, str]:
    """(text, language) of the update for `facts`, in the requester's language and zone."""
    language = language_of(locale)
    babel = _babel_locale(locale, language)
    context = {
        "ticket_id": facts.ticket_id,
        "status": facts.status,
        # "3 days ago", "hace 3 días", "vor 3 Tagen": the phrase, as each language builds it.
        "age": format_timedelta(
            facts.created_at - now, locale=babel, threshold=1.1, add_direction=True
        ),
        "opened_on": format_date(facts.created_at.astimezone(zone), "long", locale=babel),
        "customer_update": (
            plain(facts.customer_update, FIELD_LIMIT) if facts.customer_update else None
        ),
        "problem_status": facts.problem_status,
        "problem_solved": facts.problem_status in ("solved", "closed"),
        "team": facts.team,
        # The locale's own way of writing a day ("Fri, December 4", "vie, 4 de diciembre").
        "next_update_date": format_skeleton("MMMMEd", next_update, tzinfo=zone, locale=babel),
        "next_update_time": format_time(next_update, "short", tzinfo=zone, locale=babel),
    }
    return templates.render(UPDATE_TEMPLATE, language, context)


# --- Guardrails ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TicketFacts:
    """What the guardrails and the update read of one stale ticket (never a comment)."""

    stale: StaleTicket
    subject: str | None
    tags: tuple[str, ...]
    created_at: datetime
    custom_fields: Mapping[str, Any]
    problem_status: str | None
    awaiting_confirmation: bool
    requester_locale: str | None
    requester_zone: ZoneInfo
    assignee_email: str | None
    last_decision_at: datetime | None


def hold_reason(facts: TicketFacts, settings: Settings, now: datetime) -> str | None:
    """Why no update may go out now (None: it may), checked in order."""
    if settings.proactive_opt_out_tag in facts.tags:
        return f"opted out (tag {settings.proactive_opt_out_tag})"
    if facts.stale.status == "pending":
        return "pending on the customer"
    if facts.awaiting_confirmation or AWAITING_TAG in facts.tags:
        return "awaiting the customer's confirmation (the resolution flow's)"
    interval = timedelta(hours=settings.proactive_min_interval_hours)
    if facts.last_decision_at is not None and now - facts.last_decision_at < interval:
        after = facts.last_decision_at + interval
        return f"updated {_hhmm(facts.last_decision_at)}; next one after {_hhmm(after)}"
    quiet = parse_quiet_hours(settings.proactive_quiet_hours)
    allowed = next_allowed(now, quiet, facts.requester_zone)
    if allowed > now:
        local = allowed.astimezone(facts.requester_zone)
        return f"quiet hours for the requester until {local:%H:%M} ({facts.requester_zone.key})"
    return None


def _hhmm(at: datetime) -> str:
    return f"{at.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def decision_key(stale: StaleTicket, interval: timedelta, now: datetime) -> str:
    """The ticket, its stale episode (when its wait began) and the interval slot within it:
    equal for two sweeps deciding at once, new once the interval has passed."""
    slot = int(max(now - stale.stale_since, timedelta(0)) / interval)
    return f"{stale.ticket_id}:{int(stale.waiting_since.timestamp())}:{slot}"


# --- Review drafts -----------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """A proposed update waiting for (or past) its assignee's decision."""

    id: int
    ticket_id: int
    locale: str
    body: str
    status: str  # drafted, queued, skipped, dropped (bot.store.updates)
    assignee_id: int | None
    created_at: datetime
    due_at: datetime | None  # when the default applies if nobody decides


@dataclass(frozen=True)
class ReviewOutcome:
    """What became of a draft after a click, with a short sentence for Slack."""

    draft_id: int
    status: str
    message: str


def get_draft(engine: Engine, draft_id: int) -> Draft | None:
    """The draft with this id (any status), or None."""
    with engine.connect() as connection:
        row = connection.execute(
            select(PROACTIVE_UPDATES).where(PROACTIVE_UPDATES.c.id == draft_id)
        ).first()
    return _draft(row._mapping) if row is not None else None


def _draft(row: Mapping[Any, Any]) -> Draft:
    return Draft(
        id=int(row["id"]),
        ticket_id=int(row["ticket_id"]),
        locale=str(row["locale"]),
        body=str(row["body"]),
        status=str(row["status"]),
        assignee_id=row["assignee_id"],
        created_at=row["created_at"],
        due_at=row["due_at"],
    )


def review_draft(
    engine: Engine,
    draft_id: int,
    action: Literal["send", "skip"],
    *,
    slack_user_id: str,
    now: datetime,
    body: str | None = None,
) -> ReviewOutcome:
    """Send (with `body` when the reviewer edited it) or skip a draft.

    `send` queues the `zendesk.proactive_update` row in the transaction that marks the
    draft. Only the first decision counts: a later click (or one racing it) changes and
    queues nothing and returns what the first decision did.
    """
    if action not in ("send", "skip"):
        raise ValueError(f"action must be 'send' or 'skip', not {action!r}")
    edited = body.strip() if body is not None else None
    if edited == "":
        return ReviewOutcome(draft_id, DRAFTED, "An update cannot be empty: nothing was sent")
    with engine.begin() as connection:
        decided = _decide(connection, draft_id, action, by=slack_user_id, now=now, body=edited)
        if decided is not None:
            return decided
        row = connection.execute(
            select(PROACTIVE_UPDATES).where(PROACTIVE_UPDATES.c.id == draft_id)
        ).first()
    if row is None:
        return ReviewOutcome(draft_id, "missing", "This draft no longer exists")
    return _already(row._mapping)


def _decide(
    connection: Connection,
    draft_id: int,
    action: Literal["send", "skip", "drop"],
    *,
    by: str,
    now: datetime,
    body: str | None = None,
) -> ReviewOutcome | None:
    """Move a draft still `drafted` to queued (queueing the update) or skipped/dropped;
    None when it is not (or no longer) a draft."""
    p = PROACTIVE_UPDATES.c
    moot = None
    if action == "send":
        moot = _moot(connection, draft_id)
        if moot is not None:
            action = "drop"
    status = {"send": QUEUED, "skip": SKIPPED, "drop": DROPPED}[action]
    values: dict[str, Any] = {"status": status, "decided_at": now, "decided_by": by}
    if moot is not None:
        values["reason"] = moot
    elif action == "drop":
        values["reason"] = "nobody decided within the grace period"
    if body is not None:
        values["body"] = body
    changed = connection.execute(
        update(PROACTIVE_UPDATES)
        .where(p.id == draft_id, p.status == DRAFTED)
        .values(**values)
        .returning(p.ticket_id, p.body, p.decision_key)
    ).first()
    if changed is None:
        return None
    if moot is not None:
        return ReviewOutcome(draft_id, status, f"Not sent: {moot}")
    if action != "send":
        message = (
            "Skipped: the customer gets no update this time"
            if action == "skip"
            else "Dropped: nobody decided within the grace period"
        )
        return ReviewOutcome(draft_id, status, message)
    key = _outbox_key(str(changed.decision_key))
    enqueue(
        connection,
        key=key,
        kind=ZENDESK_PROACTIVE_UPDATE,
        target=str(changed.ticket_id),
        payload={"body": str(changed.body), "public": True},
        now=now,
    )
    connection.execute(update(PROACTIVE_UPDATES).where(p.id == draft_id).values(outbox_key=key))
    return ReviewOutcome(draft_id, QUEUED, "Sent to the customer")


def _moot(connection: Connection, draft_id: int) -> str | None:
    """Why a draft should no longer go out (the ticket moved on since it was drafted), as
    the store knows it; None when it still should."""
    p, t, c = PROACTIVE_UPDATES.c, TICKETS.c, COMMENTS.c
    row = connection.execute(
        select(p.ticket_id, t.status, t.tags, p.created_at)
        .select_from(PROACTIVE_UPDATES.join(TICKETS, t.id == p.ticket_id))
        .where(p.id == draft_id)
    ).first()
    if row is None:
        return None
    if row.status not in WAITING_ON_US:
        return f"the ticket is {row.status} now"
    if AWAITING_TAG in (row.tags or ()):
        return "the ticket awaits the customer's confirmation now"
    replied = connection.execute(
        select(func.count())
        .select_from(COMMENTS)
        .where(
            c.ticket_id == row.ticket_id,
            c.author_role == "agent",
            c.public == true(),
            c.created_at > row.created_at,
        )
    ).scalar_one()
    return "an agent has replied to the customer since" if replied else None


def _already(row: Mapping[Any, Any]) -> ReviewOutcome:
    """The outcome of a draft decided before, said as such."""
    status, at = str(row["status"]), row["decided_at"]
    when = f" at {at.astimezone(UTC):%H:%M} UTC" if at is not None else ""
    by = " by alignbot (grace period over)" if row["decided_by"] == ALIGNBOT else ""
    message = {
        QUEUED: f"Already sent{when}{by}",
        SKIPPED: f"Already skipped{when}",
        DROPPED: f"Not sent{when}: {row['reason'] or 'nobody decided in time'}",
        DRY_RUN: "A dry run: nothing is sent",
    }.get(status, f"Already {status}{when}")
    return ReviewOutcome(int(row["id"]), status, message)


def _outbox_key(key: str) -> str:
    return f"proactive:{key}"


def review_blocks(
    draft_id: int,
    ticket_id: int,
    *,
    subject: str | None,
    body: str,
    due_at: datetime,
    default: str,
    ticket_url: str | None,
) -> tuple[str, list[dict[str, Any]]]:
    """(fallback text, Block Kit blocks) of the review DM: the draft as plain text, and
    Send / Edit / Skip (and Open in Zendesk) under the shared action ids."""
    fate = "sent" if default == "send" else "dropped"
    title = f"#{ticket_id}" + (f" {literal(subject, 120)}" if subject else "")
    intro = (
        f"*{title}* has waited too long for a public reply. Here is a proposed update for "
        f"the customer; unless you decide, it is {fate} at "
        f"<!date^{int(due_at.timestamp())}^{{time}}|{due_at:%H:%M} UTC>."
    )
    value = str(draft_id)
    buttons: list[dict[str, Any]] = [
        _button("Send", ACTION_SEND, value, style="primary"),
        _button("Edit", ACTION_EDIT, value),
        _button("Skip", ACTION_SKIP, value),
    ]
    if ticket_url:
        buttons.append(
            {
                "type": "button",
                "action_id": ACTION_OPEN,
                "text": {"type": "plain_text", "text": "Open in Zendesk"},
                "url": ticket_url,
            }
        )
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": intro}},
        {
            "type": "section",
            "text": {"type": "plain_text", "text": _cut(body, SECTION_LIMIT), "emoji": False},
        },
        {"type": "actions", "block_id": f"alignbot_update_{draft_id}", "elements": buttons},
    ]
    return f"Proposed update for ticket #{ticket_id}: Send, Edit or Skip", blocks


def _button(label: str, action_id: str, value: str, *, style: str | None = None) -> dict[str, Any]:
    button: dict[str, Any] = {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": label},
        "value": value,
    }
    if style:
        button["style"] = style
    return button


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- The sweep ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """What the sweep decided for one ticket: `action` is queued, drafted, dry_run, held
    (a guardrail, in `reason`), sent_after_grace / dropped_after_grace (an old draft), or
    taken (another sweep decided it first)."""

    ticket_id: int
    action: str
    reason: str | None = None
    language: str | None = None


@dataclass
class SweepResult:
    decisions: list[Decision] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(d.action for d in self.decisions)

    @property
    def queued(self) -> int:
        """Rows queued for `alignbot dispatch` (updates and review DMs)."""
        counts = self.counts
        return counts["queued"] + counts["drafted"] + counts["sent_after_grace"]

    @property
    def lines(self) -> list[str]:
        out = []
        for d in self.decisions:
            detail = ", ".join(x for x in (d.language, d.reason) if x)
            out.append(f"#{d.ticket_id}: {d.action}" + (f" ({detail})" if detail else ""))
        return out

    def summary(self) -> str:
        counts = self.counts
        if not counts:
            return "No stale ticket needs an update."
        return "Updates: " + ", ".join(f"{n} {action}" for action, n in sorted(counts.items()))


def sweep(
    engine: Engine,
    settings: Settings,
    now: datetime,
    *,
    templates: Templates | None = None,
) -> SweepResult:
    """One pass: settle review drafts past their grace period, then decide for each stale
    ticket and queue what the mode says (`alignbot dispatch` delivers). Each ticket's
    decision commits on its own."""
    templates = templates or Templates(settings.proactive_templates_dir)
    result = SweepResult()
    result.decisions.extend(_settle_drafts(engine, settings, now))
    with engine.connect() as connection:
        stale = stale_tickets(connection, settings, now)
        facts = _facts(connection, settings, stale)
    for ticket in facts:
        result.decisions.append(_decide_ticket(engine, settings, templates, ticket, now))
    return result


def _settle_drafts(engine: Engine, settings: Settings, now: datetime) -> list[Decision]:
    """Send or drop the drafts past their grace period, as PROACTIVE_REVIEW_DEFAULT says;
    one to be sent waits, still a draft, while its requester is in their quiet hours."""
    p, t, u = PROACTIVE_UPDATES.c, TICKETS.c, USERS.c
    with engine.connect() as connection:
        due = connection.execute(
            select(p.id, p.ticket_id, u.time_zone)
            .select_from(
                PROACTIVE_UPDATES.outerjoin(TICKETS, t.id == p.ticket_id).outerjoin(
                    USERS, u.id == t.requester_id
                )
            )
            .where(p.status == DRAFTED, p.due_at <= now)
            .order_by(p.id)
        ).all()
    action: Literal["send", "drop"] = (
        "send" if settings.proactive_review_default == "send" else "drop"
    )
    quiet = parse_quiet_hours(settings.proactive_quiet_hours)
    decisions = []
    for draft_id, ticket_id, time_zone in due:
        zone = zone_or(time_zone, settings.timezone)
        if action == "send" and next_allowed(now, quiet, zone) > now:
            decisions.append(
                Decision(int(ticket_id), "held", "the draft waits out the requester's quiet hours")
            )
            continue
        with engine.begin() as connection:
            outcome = _decide(connection, int(draft_id), action, by=ALIGNBOT, now=now)
        if outcome is None:
            continue
        if outcome.status == QUEUED:
            decisions.append(Decision(int(ticket_id), "sent_after_grace", "nobody decided"))
        else:
            reason = outcome.message.removeprefix("Not sent: ")
            decisions.append(Decision(int(ticket_id), "dropped_after_grace", reason))
    return decisions


def _chunks(items: Sequence[StaleTicket], size: int = 500) -> Iterable[Sequence[StaleTicket]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _facts(
    connection: Connection, settings: Settings, stale: Sequence[StaleTicket]
) -> list[TicketFacts]:
    """What the guardrails and the update read, for each stale ticket, a few queries per
    500 tickets. Comment bodies are never selected."""
    t, u, p = TICKETS.c, USERS.c, PROACTIVE_UPDATES.c
    problems = TICKETS.alias("problem")
    found: list[TicketFacts] = []
    for chunk in _chunks(stale):
        ids = [s.ticket_id for s in chunk]
        tickets = {
            int(row.id): row
            for row in connection.execute(
                select(
                    t.id,
                    t.subject,
                    t.tags,
                    t.custom_fields,
                    t.created_at,
                    problems.c.status.label("problem_status"),
                )
                .select_from(TICKETS.outerjoin(problems, problems.c.id == t.problem_id))
                .where(t.id.in_(ids))
            )
        }
        people = {s.requester_id for s in chunk} | {s.assignee_id for s in chunk}
        users = {
            int(row.id): row
            for row in connection.execute(
                select(u.id, u.email, u.locale, u.time_zone).where(
                    u.id.in_([x for x in people if x is not None])
                )
            )
        }
        awaiting = set(
            connection.execute(
                select(RESOLUTION_STATES.c.ticket_id).where(
                    RESOLUTION_STATES.c.ticket_id.in_(ids),
                    RESOLUTION_STATES.c.state == State.AWAITING.value,
                )
            ).scalars()
        )
        last = {
            int(ticket): at
            for ticket, at in connection.execute(
                select(p.ticket_id, func.max(p.created_at))
                .where(p.ticket_id.in_(ids))
                .group_by(p.ticket_id)
            )
        }
        for s in chunk:
            row = tickets[s.ticket_id]
            requester = users.get(s.requester_id) if s.requester_id is not None else None
            assignee = users.get(s.assignee_id) if s.assignee_id is not None else None
            found.append(
                TicketFacts(
                    stale=s,
                    subject=row.subject,
                    tags=tuple(row.tags or ()),
                    created_at=row.created_at,
                    custom_fields=dict(row.custom_fields or {}),
                    problem_status=row.problem_status,
                    awaiting_confirmation=s.ticket_id in awaiting,
                    requester_locale=requester.locale if requester is not None else None,
                    requester_zone=zone_or(
                        requester.time_zone if requester is not None else None, settings.timezone
                    ),
                    assignee_email=assignee.email if assignee is not None else None,
                    last_decision_at=last.get(s.ticket_id),
                )
            )
    return found


def update_facts(facts: TicketFacts, settings: Settings) -> UpdateFacts:
    """The whitelist an update is written from: nothing else of the ticket reaches it."""
    field_id = settings.zendesk_customer_update_field_id
    value = facts.custom_fields.get(str(field_id)) if field_id is not None else None
    group = facts.stale.group_id
    return UpdateFacts(
        ticket_id=facts.stale.ticket_id,
        status=facts.stale.status,
        created_at=facts.created_at,
        customer_update=value.strip() if isinstance(value, str) and value.strip() else None,
        problem_status=facts.problem_status,
        team=settings.group_customer_names.get(int(group)) if group is not None else None,
    )


def _decide_ticket(
    engine: Engine, settings: Settings, templates: Templates, facts: TicketFacts, now: datetime
) -> Decision:
    ticket = facts.stale.ticket_id
    reason = hold_reason(facts, settings, now)
    if reason is not None:
        return Decision(ticket, "held", reason)
    interval = timedelta(hours=settings.proactive_min_interval_hours)
    body, language = render_update(
        update_facts(facts, settings),
        templates,
        locale=facts.requester_locale,
        now=now,
        next_update=now + interval,
        zone=facts.requester_zone,
    )
    mode = settings.proactive_mode
    key = decision_key(facts.stale, interval, now)
    grace = timedelta(minutes=settings.proactive_review_grace_minutes)
    status = {"auto": QUEUED, "review": DRAFTED, "dry_run": DRY_RUN}[mode]
    note = None
    if mode == "review" and not facts.assignee_email:
        note = "no assignee email to review it: the default applies after the grace period"
    with engine.begin() as connection:
        draft_id = _record(
            connection,
            key=key,
            ticket=ticket,
            status=status,
            mode=mode,
            language=language,
            body=body,
            reason=note,
            assignee=facts.stale.assignee_id,
            outbox_key=_outbox_key(key) if mode == "auto" else None,
            now=now,
            due_at=now + grace if mode == "review" else None,
        )
        if draft_id is None:
            return Decision(ticket, "taken", "another sweep decided it")
        if mode == "auto":
            enqueue(
                connection,
                key=_outbox_key(key),
                kind=ZENDESK_PROACTIVE_UPDATE,
                target=str(ticket),
                payload={"body": body, "public": True},
                now=now,
            )
        elif mode == "review" and facts.assignee_email:
            text, blocks = review_blocks(
                draft_id,
                ticket,
                subject=facts.subject,
                body=body,
                due_at=now + grace,
                default=settings.proactive_review_default,
                ticket_url=(
                    f"{settings.zendesk_url}/agent/tickets/{ticket}"
                    if settings.zendesk_url
                    else None
                ),
            )
            enqueue(
                connection,
                key=f"proactive-review:{key}",
                kind=SLACK_DM,
                target=facts.assignee_email,
                payload={"text": text, "blocks": blocks},
                now=now,
            )
    if mode == "dry_run":
        log.info("dry run: ticket %s would get an update (%s)", ticket, language)
    return Decision(ticket, status, note, language)


def _ticket_url(settings: Settings, ticket: int) -> str | None:
    return f"{settings.zendesk_url}/agent/tickets/{ticket}" if settings.zendesk_url else None


def _record(connection: Connection, **row: Any) -> int | None:
    """Insert the decision unless its key is taken; its id, or None when it was."""
    values = {
        "decision_key": row["key"],
        "ticket_id": row["ticket"],
        "status": row["status"],
        "mode": row["mode"],
        "locale": row["language"],
        "body": row["body"],
        "reason": row["reason"],
        "assignee_id": row["assignee"],
        "outbox_key": row["outbox_key"],
        "created_at": row["now"],
        "due_at": row["due_at"],
    }
    insert: Any = (postgresql if connection.dialect.name == "postgresql" else sqlite).insert
    statement = (
        insert(PROACTIVE_UPDATES)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["decision_key"])
        .returning(PROACTIVE_UPDATES.c.id)
    )
    found = connection.execute(statement).scalar()
    return int(found) if found is not None else None
