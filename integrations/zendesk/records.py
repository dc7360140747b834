"""Zendesk JSON objects -> rows for the store, tolerating what a real export can hold.

Each `*_row` function returns a dict with every column of its table, or raises `Rejected`
with the reason. What can be repaired is stored and noted (`Notes.repaired`), with a log
line on the `alignbot.sync` logger saying what was done:

- an id given as a digit string is read as a number; a record without a numeric id is
  rejected (there is nothing to upsert it by), and so is a record whose id, or any id it
  refers to (requester, assignee, author, group, organization, audit...), does not fit a
  64-bit column: the database would refuse the whole page, and a reference cut to empty
  would silently move the record to nobody;
- a count or duration that does not fit its 32-bit column is stored empty;
- a missing or unreadable timestamp falls back to a sibling one (a ticket's `updated_at`
  to its `created_at` and back, a comment's to its audit's); with none left, rejected (an
  audit `timestamp` of 0 is no time: it would date the comment 1970-01-01);
- a comment whose `public` is not true or false is rejected: Zendesk always sends a JSON
  boolean, and a guess either way is wrong in a way that matters (an internal note taken
  for a reply to the customer, or a customer's message dropped from every metric);
- a value of the wrong type (a list where text belongs, text where a number belongs) is
  dropped to the column's empty value; tags that are not a list become `[]`;
- text is cleaned of NUL characters and lone surrogates (PostgreSQL refuses both), and a
  comment body longer than `MAX_BODY_CHARS` is cut there with `TRUNCATION_MARKER`;
- an unknown `via.channel` is stored as "other" and its raw value kept in `via_channel`.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from integrations.zendesk.channels import SYSTEM_CHANNELS, channel_for, raw_channel

__all__ = [
    "MAX_BODY_CHARS",
    "TRUNCATION_MARKER",
    "Notes",
    "Rejected",
    "comment_row",
    "group_row",
    "metric_row",
    "organization_row",
    "parse_time",
    "rating_row",
    "reference",
    "ticket_row",
    "user_row",
]

log = logging.getLogger("alignbot.sync")

#: Longest comment body (and html_body) stored, in characters. Zendesk caps comments at
#: 64 KB; anything longer came from somewhere else and would only slow the analysis down.
MAX_BODY_CHARS = 65_536
#: The range of the store's id columns (BIGINT on PostgreSQL, INTEGER on SQLite: 64 bits).
ID_MIN, ID_MAX = -(2**63), 2**63 - 1
#: The range of its count and duration columns (INTEGER on PostgreSQL: 32 bits).
COUNT_MIN, COUNT_MAX = -(2**31), 2**31 - 1
TRUNCATION_MARKER = "\n[truncated by alignbot: {dropped} more characters]"

Record = dict[str, Any]


class Rejected(ValueError):
    """A record that cannot be stored; the message is the reason that gets logged."""


@dataclass
class Notes:
    """What one sync pass repaired or rejected, for the log and the `SyncResult`."""

    repaired: int = 0
    rejected: int = 0
    #: Records stored dated after the present (their stream's position stays before them).
    ahead: int = 0
    unknown_channels: Counter[str] = field(default_factory=Counter)

    def repair(self, what: str, reason: str) -> None:
        self.repaired += 1
        log.warning("stored %s after repair: %s", what, reason)

    def reject(self, what: str, reason: str) -> None:
        self.rejected += 1
        log.warning("rejected %s: %s", what, reason)

    def channel(self, raw: str | None, what: str) -> str:
        mapped, known = channel_for(raw)
        if not known and raw is not None:
            if raw not in self.unknown_channels:
                log.warning(
                    "unknown Zendesk channel %r (first seen on %s), stored as other", raw, what
                )
            self.unknown_channels[raw] += 1
        return mapped


# ----- field readers -----------------------------------------------------------------------


def record_id(raw: Any, key: str = "id") -> int:
    """The record's numeric id, or `Rejected`."""
    if not isinstance(raw, dict):
        raise Rejected(f"not a JSON object but {type(raw).__name__}")
    value = raw.get(key)
    as_int = _as_int(value)
    if as_int is None or as_int <= 0:
        raise Rejected(f"{key} {_short(value)} is not a positive number")
    if as_int > ID_MAX:
        raise Rejected(f"{key} {_short(value)} does not fit a 64-bit id column")
    return as_int


def reference(value: Any, what: str, key: str) -> int | None:
    """An id one record holds of another (`ticket_id`, `author_id`...), read like `_as_int`,
    or `Rejected` when it does not fit a 64-bit column."""
    as_int = _as_int(value)
    if as_int is not None and not ID_MIN <= as_int <= ID_MAX:
        raise Rejected(f"{what}: {key} {_short(value)} does not fit a 64-bit id column")
    return as_int


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def parse_time(value: Any) -> datetime | None:
    """A Zendesk timestamp (ISO 8601, or Unix seconds) as an aware UTC datetime, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


#: Unix time 0: a zero a broken record holds where its time belongs, never a real event's time.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _after_epoch(value: datetime | None) -> datetime | None:
    return value if value is not None and value > EPOCH else None


def audit_time(audit: Record) -> datetime | None:
    """An audit's Unix `timestamp` as a time; 0 or less is no time (it would read 1970)."""
    ts = _as_int(audit.get("timestamp"))
    return parse_time(ts) if ts is not None and ts > 0 else None


def clean_text(value: str) -> str:
    """Text PostgreSQL and SQLite both accept: no NUL, no lone surrogate."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", errors="replace").decode("utf-8")
    return value


def clean_json(value: Any) -> Any:
    """`value` (parsed JSON) with every string in it, keys included, put through `clean_text`."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_json(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(str(k)): clean_json(v) for k, v in value.items()}
    return value


class _Reader:
    """Reads one record's fields, noting each repair against that record."""

    def __init__(self, raw: Record, what: str, notes: Notes) -> None:
        self.raw = raw
        self.what = what
        self.notes = notes
        self.problems: list[str] = []

    def done(self) -> None:
        if self.problems:
            self.notes.repair(self.what, "; ".join(self.problems))

    def int_(self, key: str) -> int | None:
        value = self.raw.get(key)
        if value is None:
            return None
        as_int = _as_int(value)
        if as_int is None or isinstance(value, str):
            self.problems.append(
                f"{key} {_short(value)} is not a number"
                if as_int is None
                else f"{key} given as text"
            )
        return as_int

    def ref(self, key: str) -> int | None:
        """An id of another record: read like `int_`, and `Rejected` if out of 64-bit range."""
        as_int = self.int_(key)
        if as_int is not None and not ID_MIN <= as_int <= ID_MAX:
            raise Rejected(
                f"{self.what}: {key} {_short(self.raw.get(key))} does not fit a 64-bit id column"
            )
        return as_int

    def count(self, key: str) -> int | None:
        """A count for a 32-bit column: read like `int_`, and dropped if out of range."""
        return self._in_count_range(key, self.int_(key))

    def _in_count_range(self, key: str, value: int | None) -> int | None:
        if value is not None and not COUNT_MIN <= value <= COUNT_MAX:
            self.problems.append(f"{key} {value} is out of range")
            return None
        return value

    def dur(self, key: str, kind: str) -> int | None:
        value = self.raw.get(key)
        if value is None:
            return None
        if isinstance(value, dict):
            inner = value.get(kind)
            return None if inner is None else self._in_count_range(key, _as_int(inner))
        self.problems.append(f"{key} is not an object")
        return None

    def text(self, key: str, limit: int | None = None) -> str | None:
        value = self.raw.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            else:
                self.problems.append(f"{key} is {type(value).__name__}, not text")
                return None
        cleaned = clean_text(value)
        if cleaned != value:
            self.problems.append(f"{key} had NUL or invalid characters")
        if limit is not None and len(cleaned) > limit:
            dropped = len(cleaned) - limit
            self.problems.append(f"{key} truncated at {limit} characters ({dropped} dropped)")
            cleaned = cleaned[:limit] + TRUNCATION_MARKER.format(dropped=dropped)
        return cleaned

    def bool_(self, key: str, default: bool) -> bool:
        value = self.raw.get(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        self.problems.append(f"{key} {_short(value)} is not true/false")
        return value in (1, "true", "1", "True")

    def time(self, key: str) -> datetime | None:
        value = self.raw.get(key)
        parsed = parse_time(value)
        if parsed is None and value is not None:
            self.problems.append(f"{key} {_short(value)} is not a timestamp")
        return parsed


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# ----- one function per table ------------------------------------------------------------


def ticket_row(raw: Any, notes: Notes) -> Record:
    tid = record_id(raw)
    r = _Reader(raw, f"ticket {tid}", notes)
    created = r.time("created_at")
    updated = r.time("updated_at")
    if created is None and updated is None:
        raise Rejected(f"ticket {tid} has neither created_at nor updated_at")
    if created is None or updated is None:
        r.problems.append("a missing timestamp was taken from its sibling")
    created = created or updated
    updated = updated or created
    status = r.text("status") or "new"
    via = raw_channel(raw.get("via"))
    if via is not None and clean_text(via) != via:
        r.problems.append("via.channel had NUL or invalid characters")
        via = clean_text(via)
    tags = raw.get("tags")
    if not isinstance(tags, list):
        if tags is not None:
            r.problems.append("tags is not a list")
        tags = []
    fields = raw.get("custom_fields")
    custom: dict[str, Any] = {}
    if isinstance(fields, list):
        for item in fields:
            if isinstance(item, dict) and item.get("id") is not None:
                custom[str(item["id"])] = item.get("value")
    elif isinstance(fields, dict):
        custom = {str(k): v for k, v in fields.items()}
    cleaned_fields = clean_json(custom)
    if cleaned_fields != custom:
        r.problems.append("custom_fields had NUL or invalid characters")
    deleted = status == "deleted"
    row: Record = {
        "id": tid,
        "subject": r.text("subject", 10_000),
        "status": status,
        "custom_status_id": r.ref("custom_status_id"),
        "priority": r.text("priority"),
        "type": r.text("type"),
        "channel": notes.channel(via, f"ticket {tid}"),
        "via_channel": via,
        "requester_id": r.ref("requester_id"),
        "submitter_id": r.ref("submitter_id"),
        "assignee_id": r.ref("assignee_id"),
        "group_id": r.ref("group_id"),
        "organization_id": r.ref("organization_id"),
        "problem_id": r.ref("problem_id"),
        "tags": [clean_text(str(t)) for t in tags if t is not None],
        "custom_fields": cleaned_fields,
        "created_at": created,
        "updated_at": updated,
        "deleted": deleted,
        "deleted_at": (r.time("deleted_at") or updated) if deleted else None,
    }
    r.done()
    return row


def user_row(raw: Any, notes: Notes) -> Record:
    uid = record_id(raw)
    r = _Reader(raw, f"user {uid}", notes)
    role = r.text("role") or "end-user"
    row: Record = {
        "id": uid,
        "name": r.text("name", 1000),
        "email": r.text("email", 1000),
        "role": role,
        "locale": r.text("locale"),
        # Zendesk's `time_zone` is a Rails name ("London"); `iana_time_zone` is what we need.
        "time_zone": r.text("iana_time_zone"),
        "organization_id": r.ref("organization_id"),
        "default_group_id": r.ref("default_group_id"),
        "created_at": r.time("created_at"),
        "updated_at": r.time("updated_at"),
    }
    r.done()
    return row


def group_row(raw: Any, notes: Notes) -> Record:
    gid = record_id(raw)
    r = _Reader(raw, f"group {gid}", notes)
    row: Record = {
        "id": gid,
        "name": r.text("name", 1000) or f"group {gid}",
        "deleted": r.bool_("deleted", False),
        "created_at": r.time("created_at"),
        "updated_at": r.time("updated_at"),
    }
    r.done()
    return row


def organization_row(raw: Any, notes: Notes) -> Record:
    oid = record_id(raw)
    r = _Reader(raw, f"organization {oid}", notes)
    row: Record = {
        "id": oid,
        "name": r.text("name", 1000) or f"organization {oid}",
        "created_at": r.time("created_at"),
        "updated_at": r.time("updated_at"),
    }
    r.done()
    return row


def metric_row(raw: Any, notes: Notes) -> Record:
    tid = record_id(raw, "ticket_id")
    r = _Reader(raw, f"metric set of ticket {tid}", notes)
    row: Record = {
        "ticket_id": tid,
        "id": r.ref("id"),
        "reopens": r.count("reopens") or 0,
        "replies": r.count("replies") or 0,
        "assignee_stations": r.count("assignee_stations") or 0,
        "group_stations": r.count("group_stations") or 0,
        "reply_time_calendar": r.dur("reply_time_in_minutes", "calendar"),
        "reply_time_business": r.dur("reply_time_in_minutes", "business"),
        "first_resolution_time_calendar": r.dur("first_resolution_time_in_minutes", "calendar"),
        "first_resolution_time_business": r.dur("first_resolution_time_in_minutes", "business"),
        "full_resolution_time_calendar": r.dur("full_resolution_time_in_minutes", "calendar"),
        "full_resolution_time_business": r.dur("full_resolution_time_in_minutes", "business"),
        "agent_wait_time_calendar": r.dur("agent_wait_time_in_minutes", "calendar"),
        "requester_wait_time_calendar": r.dur("requester_wait_time_in_minutes", "calendar"),
        "on_hold_time_calendar": r.dur("on_hold_time_in_minutes", "calendar"),
        "solved_at": r.time("solved_at"),
        "assigned_at": r.time("assigned_at"),
        "initially_assigned_at": r.time("initially_assigned_at"),
        "latest_comment_added_at": r.time("latest_comment_added_at"),
        "status_updated_at": r.time("status_updated_at"),
        "created_at": r.time("created_at"),
        "updated_at": r.time("updated_at"),
    }
    r.done()
    return row


def rating_row(raw: Any, notes: Notes) -> Record:
    rid = record_id(raw)
    r = _Reader(raw, f"satisfaction rating {rid}", notes)
    created = r.time("created_at") or r.time("updated_at")
    if created is None:
        raise Rejected(f"satisfaction rating {rid} has no created_at")
    row: Record = {
        "id": rid,
        "ticket_id": r.ref("ticket_id"),
        "requester_id": r.ref("requester_id"),
        "assignee_id": r.ref("assignee_id"),
        "group_id": r.ref("group_id"),
        "score": r.text("score") or "unoffered",
        "comment": r.text("comment", MAX_BODY_CHARS),
        "reason": r.text("reason", 1000),
        "created_at": created,
        "updated_at": r.time("updated_at"),
    }
    r.done()
    return row


def comment_row(
    child: Any,
    audit: Record,
    roles: dict[int, str],
    requesters: dict[int, int | None],
    notes: Notes,
) -> Record:
    """A comment from a ticket event export's `Comment` child event.

    `roles` maps known user ids to Zendesk roles, `requesters` ticket ids to requester ids;
    see `author_role` for how a comment by a user not seen yet is classified.
    """
    cid = record_id(child)
    ticket_id = reference(audit.get("ticket_id"), f"comment {cid}", "ticket_id")
    if ticket_id is None:
        raise Rejected(f"comment {cid} belongs to no ticket (ticket_id {audit.get('ticket_id')!r})")
    public = child.get("public")
    if not isinstance(public, bool):
        raise Rejected(
            f"comment {cid}: public {_short(public)} is not true or false, so it cannot be "
            "told from an internal note"
        )
    r = _Reader(child, f"comment {cid}", notes)
    own = r.time("created_at")
    if own is not None and own <= EPOCH:
        r.problems.append(f"created_at {_short(child.get('created_at'))} is no time")
        own = None
    created = own or _after_epoch(parse_time(audit.get("created_at"))) or audit_time(audit)
    if created is None:
        raise Rejected(f"comment {cid} has no created_at, nor has its audit")
    body = r.text("body", MAX_BODY_CHARS)
    if body is None:
        body = r.text("plain_body", MAX_BODY_CHARS) or ""
    via = raw_channel(child.get("via")) or raw_channel(audit.get("via"))
    author_id = r.ref("author_id")
    row: Record = {
        "id": cid,
        "ticket_id": ticket_id,
        "author_id": author_id,
        "author_role": author_role(author_id, via, roles, requesters.get(ticket_id)),
        "public": public,
        "channel": notes.channel(via, f"comment {cid}"),
        "body": body,
        "html_body": r.text("html_body", MAX_BODY_CHARS),
        "created_at": created,
    }
    r.done()
    return row


def author_role(
    author_id: int | None, via: str | None, roles: dict[int, str], requester_id: int | None
) -> str:
    """customer, agent or system, for a comment.

    - Comments made by business rules (`via` rule, merge, closed ticket...) or by no user
      (Zendesk's author -1) are "system".
    - A known user: end-users are "customer", agents and admins "agent".
    - A user not seen yet: the ticket's requester is a "customer"; anyone else is stored as
      "customer" for now and fixed at the end of the same pass, when the sync fetches the
      users it has not seen (`/users/show_many`) and re-derives their comments' roles.
    """
    if via in SYSTEM_CHANNELS or author_id is None or author_id <= 0:
        return "system"
    role = roles.get(author_id)
    if role is not None:
        return "customer" if role == "end-user" else "agent"
    return "customer"


#: Ticket statuses Zendesk reports; a status change to anything else is rejected.
STATUSES = frozenset({"new", "open", "pending", "hold", "solved", "closed", "deleted"})


def status_change_row(child: Any, audit: Record, notes: Notes) -> Record:
    """A status change from a ticket event export's `Create` or `Change` child event whose
    `field_name` is `status` (the caller picks those). Its time is the audit's."""
    cid = record_id(child)
    what = f"status change {cid}"
    ticket_id = reference(audit.get("ticket_id"), what, "ticket_id")
    if ticket_id is None:
        raise Rejected(f"status change {cid} belongs to no ticket")
    at = _after_epoch(parse_time(audit.get("created_at"))) or audit_time(audit)
    if at is None:
        raise Rejected(f"status change {cid} has no time (its audit has no created_at)")
    status = child.get("value")
    if status not in STATUSES:
        raise Rejected(f"status change {cid} names no known status: {_short(status)}")
    previous = child.get("previous_value")
    return {
        "id": cid,
        "ticket_id": ticket_id,
        "audit_id": reference(audit.get("id"), what, "audit id"),
        "at": at,
        "status": status,
        "previous_status": previous if previous in STATUSES else None,
        "actor_id": reference(audit.get("updater_id"), what, "updater_id"),
    }
