"""Who is who: a Zendesk agent's Slack user, found by email and remembered.

An agent is a store `users` row with role agent or admin. Their Slack user is looked up by
email through the `Chat` port (`lookup_user`, Slack's `users.lookupByEmail`) and kept in
`agent_links` with the Slack time zone (nudges keep to the agent's quiet hours). The link is
looked up again when:

- it is older than `NUDGE_LINK_TTL_DAYS`;
- a DM to it failed since it was checked (the outbox row to its email is `failed`): the
  person may have left, or changed their Slack email;
- the override for the agent changed;
- it was not found, an hour ago or more (`RETRY_NOT_FOUND`), so a new Slack account is seen
  soon without asking Slack on every sweep.

Emails that differ between the two tools are mapped by an override: a `nudge_preferences`
row (`alignbot nudges link`) or `NUDGE_SLACK_OVERRIDES`, the row first. An override is a
Slack email (looked up as above) or a Slack user id (U…), used as it is. Agents opt out by
`NUDGE_OPT_OUT_EMAILS` or a row (`alignbot nudges opt-out`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from bot.chat import Chat, ChatError
from bot.settings import Settings
from bot.store.tables import AGENT_LINKS, NUDGE_PREFERENCES, OUTBOX, USERS

__all__ = [
    "RETRY_NOT_FOUND",
    "Agent",
    "normal_email",
    "resolve_agent",
    "set_preference",
]

log = logging.getLogger("alignbot.nudges")

#: How long "nobody in Slack has this email" is believed before asking again.
RETRY_NOT_FOUND = timedelta(hours=1)
AGENT_ROLES = ("agent", "admin")
_SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


def normal_email(email: str) -> str:
    """Emails compare without case or surrounding spaces."""
    return email.strip().lower()


@dataclass(frozen=True)
class Agent:
    """A Zendesk agent as the nudges see them.

    `dm_email` is the Slack-side email a `slack.dm` row targets (None when the override is a
    user id: then `slack_user_id` is all there is). `slack_user_id` is None when Slack has
    nobody with that email (or has not been asked: no `Chat` was given and nothing is
    cached). `tz` is the Slack time zone, else Zendesk's, else None.
    """

    zendesk_user_id: int
    name: str | None
    email: str
    dm_email: str | None
    slack_user_id: str | None
    tz: str | None
    opted_out: bool
    source: str  # lookup, override


def _preference(connection: Connection, settings: Settings, email: str) -> tuple[str | None, bool]:
    row = connection.execute(
        select(NUDGE_PREFERENCES.c.slack_user, NUDGE_PREFERENCES.c.opted_out).where(
            NUDGE_PREFERENCES.c.email == email
        )
    ).first()
    overrides = {normal_email(k): v.strip() for k, v in settings.nudge_slack_overrides.items()}
    opted = {normal_email(e) for e in settings.nudge_opt_out_emails}
    override = (row.slack_user if row is not None else None) or overrides.get(email)
    opted_out = email in opted or bool(row is not None and row.opted_out)
    return override, opted_out


def _dm_failed_since(connection: Connection, targets: list[str], since: datetime) -> bool:
    o = OUTBOX.c
    return (
        connection.execute(
            select(func.count())
            .select_from(OUTBOX)
            .where(
                o.kind == "slack.dm",
                o.status == "failed",
                func.lower(o.target).in_(targets),
                or_(o.claimed_at >= since, and_(o.claimed_at.is_(None), o.created_at >= since)),
            )
        ).scalar_one()
        > 0
    )


def _needs_check(
    connection: Connection, link: Any, wanted: str, source: str, settings: Settings, now: datetime
) -> bool:
    if link is None or link.source != source:
        return True
    if (link.slack_user_id or "") != wanted and (link.email or "") != wanted:
        return True  # the override changed since
    if link.slack_user_id is None:
        return bool(now - link.checked_at >= RETRY_NOT_FOUND)
    if now - link.checked_at >= timedelta(days=settings.nudge_link_ttl_days):
        return True
    return link.email is not None and _dm_failed_since(connection, [link.email], link.checked_at)


def _save_link(connection: Connection, values: dict[str, Any]) -> None:
    dialect = connection.dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(AGENT_LINKS).values(**values)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["zendesk_user_id"],
            set_={k: statement.excluded[k] for k in values if k != "zendesk_user_id"},
        )
    )


def resolve_agent(
    connection: Connection,
    settings: Settings,
    chat: Chat | None,
    agent_id: int,
    now: datetime,
) -> Agent | None:
    """The agent with Zendesk id `agent_id` and their Slack user, looking it up through
    `chat` when the cached link is missing or due a re-check (module doc); None when the
    store has no agent with that id and an email. A lookup that fails for a transient reason
    keeps the cached link (and logs it: nudges wait, nothing is lost)."""
    user = connection.execute(
        select(USERS.c.name, USERS.c.email, USERS.c.time_zone).where(
            USERS.c.id == agent_id, USERS.c.role.in_(AGENT_ROLES)
        )
    ).first()
    if user is None or not user.email:
        return None
    email = normal_email(user.email)
    override, opted_out = _preference(connection, settings, email)
    wanted = override or email
    by_id = _SLACK_USER_ID.match(wanted) is not None
    if not by_id:
        wanted = normal_email(wanted)
    row = connection.execute(
        select(AGENT_LINKS).where(AGENT_LINKS.c.zendesk_user_id == agent_id)
    ).first()
    source = "override" if override else "lookup"
    if chat is not None and _needs_check(connection, row, wanted, source, settings, now):
        values: dict[str, Any] = {
            "zendesk_user_id": agent_id,
            "source": source,
            "checked_at": now,
        }
        if by_id:
            values |= {"email": None, "slack_user_id": wanted, "tz": None, "failed_at": None}
            _save_link(connection, values)
        else:
            try:
                found = chat.lookup_user(wanted)
            except ChatError as exc:
                # Transient or not, the cached link (if any) is the best we have; the next
                # sweep asks again.
                log.warning("Slack lookup for agent %s failed: %s", agent_id, type(exc).__name__)
                found = None
                values = {}
            if values:
                values |= {
                    "email": wanted,
                    "slack_user_id": found.id if found else None,
                    "tz": found.tz if found else None,
                    "failed_at": None if found else now,
                }
                _save_link(connection, values)
        row = connection.execute(
            select(AGENT_LINKS).where(AGENT_LINKS.c.zendesk_user_id == agent_id)
        ).first()
    if row is None:
        # No Slack to ask and nothing cached: the deliverer looks the email up itself.
        return Agent(
            zendesk_user_id=agent_id,
            name=user.name,
            email=email,
            dm_email=None if by_id else wanted,
            slack_user_id=wanted if by_id else None,
            tz=user.time_zone,
            opted_out=opted_out,
            source=source,
        )
    return Agent(
        zendesk_user_id=agent_id,
        name=user.name,
        email=email,
        dm_email=row.email,
        slack_user_id=row.slack_user_id,
        tz=row.tz or user.time_zone,
        opted_out=opted_out,
        source=row.source,
    )


def set_preference(
    connection: Connection,
    email: str,
    now: datetime,
    *,
    slack_user: str | None = None,
    opted_out: bool | None = None,
) -> None:
    """Write an agent's override (`slack_user`: a Slack email or U-id) and/or opt-out,
    keeping whichever of the two is not given."""
    email = normal_email(email)
    values: dict[str, Any] = {"email": email, "updated_at": now}
    if slack_user is not None:
        values["slack_user"] = slack_user.strip()
    if opted_out is not None:
        values["opted_out"] = opted_out
    dialect = connection.dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(NUDGE_PREFERENCES).values(**{"opted_out": False, **values})
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["email"],
            set_={k: statement.excluded[k] for k in values if k != "email"},
        )
    )
