"""The sandbox's data: a support org held in memory as Zendesk's own JSON objects.

`Org` keeps every record as the raw dict Zendesk would serve (so a test can plant a malformed
row by editing one), plus the sort orders the incremental exports need. The server reads and
writes it under its lock; a test may read it directly once the server is stopped or idle.
"""

from __future__ import annotations

import bisect
import html
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_CUSTOM_STATUSES",
    "Org",
    "OrgFormatError",
    "from_iso",
    "html_body_for",
    "iso",
    "load_fixture",
    "public_view",
]

Record = dict[str, Any]

STATUS_CATEGORIES = ("new", "open", "pending", "hold", "solved")
TICKET_STATUSES = ("new", "open", "pending", "hold", "solved", "closed")

# Zendesk's system statuses, one per category, as /api/v2/custom_statuses serves them.
DEFAULT_CUSTOM_STATUSES: tuple[tuple[int, str, str, str], ...] = (
    (1, "new", "New", "Open"),
    (2, "open", "Open", "Open"),
    (3, "pending", "Pending", "Awaiting your reply"),
    (4, "hold", "On-hold", "Open"),
    (5, "solved", "Solved", "Solved"),
)


class OrgFormatError(ValueError):
    """A fixture file is not the shape docs/sandbox.md describes; the message says where."""


def iso(ts: float) -> str:
    """Zendesk's timestamp format: UTC, seconds, a `Z` suffix."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def from_iso(value: str) -> int:
    """Parse a Zendesk timestamp (or any ISO 8601 one) into Unix seconds."""
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return int(parsed.timestamp())


def public_view(record: Record) -> Record:
    """A stored record as the API serves it: without the sandbox's private `_` keys."""
    if any(k.startswith("_") for k in record):
        return {k: v for k, v in record.items() if not k.startswith("_")}
    return record


def html_body_for(body: str) -> str:
    """The html_body Zendesk renders for a plain-text comment body."""
    paragraphs = [html.escape(p).replace("\n", "<br>") for p in body.split("\n\n")]
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<div class="zd-comment" dir="auto">{inner}</div>'


def _custom_status(status_id: int, category: str, agent: str, end_user: str) -> Record:
    stamp = "2020-01-01T00:00:00Z"
    return {
        "id": status_id,
        "status_category": category,
        "agent_label": agent,
        "raw_agent_label": agent,
        "end_user_label": end_user,
        "raw_end_user_label": end_user,
        "description": "",
        "raw_description": "",
        "end_user_description": "",
        "raw_end_user_description": "",
        "active": True,
        "default": True,
        "created_at": stamp,
        "updated_at": stamp,
    }


@dataclass
class Org:
    """A Zendesk account's data. Every value is a raw Zendesk JSON object (a dict).

    `comments` and `ticket_metrics` are keyed by ticket id; `ticket_events` holds the audits
    that /incremental/ticket_events serves, each with its `child_events` (a comment child is
    the comment dict itself; the server adds `event_type` when it serves it).
    """

    users: dict[int, Record] = field(default_factory=dict)
    groups: dict[int, Record] = field(default_factory=dict)
    organizations: dict[int, Record] = field(default_factory=dict)
    tickets: dict[int, Record] = field(default_factory=dict)
    comments: dict[int, list[Record]] = field(default_factory=dict)
    ticket_metrics: dict[int, Record] = field(default_factory=dict)
    satisfaction_ratings: dict[int, Record] = field(default_factory=dict)
    custom_statuses: dict[int, Record] = field(default_factory=dict)
    ticket_events: list[Record] = field(default_factory=list)
    subdomain: str = "sandbox"
    _ticket_order: list[tuple[int, int]] | None = field(default=None, repr=False)
    _event_order: list[tuple[int, int]] | None = field(default=None, repr=False)
    _events_by_ticket: dict[int, list[int]] | None = field(default=None, repr=False)
    _next_ids: dict[str, int] = field(default_factory=dict, repr=False)
    _staff: tuple[int, list[Record]] | None = field(default=None, repr=False)

    # ----- identity -------------------------------------------------------------------------

    def api_user(self, email: str | None = None) -> Record:
        """The user an API token acts as: the agent with that email, else the first admin."""
        if self._staff is None or self._staff[0] != len(self.users):
            # Cached: this runs on every request, and a big org has tens of thousands of users.
            people = [u for u in self.users.values() if u.get("role") in ("admin", "agent")]
            self._staff = (len(self.users), people)
        staff = self._staff[1]
        if email:
            for user in staff:
                if str(user.get("email", "")).lower() == email.lower():
                    return user
        admins = [u for u in staff if u.get("role") == "admin"] or staff
        if not admins:
            raise OrgFormatError("the org has no agent or admin user for the API token to act as")
        return min(admins, key=lambda u: _int(u.get("id")))

    def next_id(self, kind: str) -> int:
        """A fresh id for a new record of `kind` (comment, audit, child_event, custom_status)."""
        if kind not in self._next_ids:
            self._next_ids[kind] = self._max_id(kind) + 1
        value = self._next_ids[kind]
        self._next_ids[kind] = value + 1
        return value

    def _max_id(self, kind: str) -> int:
        if kind == "custom_status":
            return max(self.custom_statuses, default=100)
        if kind == "ticket":
            return max(self.tickets, default=0)
        if kind in ("comment", "audit", "ticket_event", "child_event"):
            # Comments, audits and their child events share one id space in Zendesk.
            highest = 10_000_000
            for comments in self.comments.values():
                for comment in comments:
                    highest = max(highest, _int(comment.get("id")), _int(comment.get("audit_id")))
            for event in self.ticket_events:
                highest = max(highest, _int(event.get("id")))
                for child in event.get("child_events") or []:
                    if isinstance(child, dict):
                        highest = max(highest, _int(child.get("id")))
            return highest + 1000
        return 1_000_000

    # ----- sort orders ----------------------------------------------------------------------

    def ticket_order(self) -> list[tuple[int, int]]:
        """(generated_timestamp, id) of every ticket, ascending: the incremental export order."""
        if self._ticket_order is None:
            self._ticket_order = sorted(
                (_ticket_stamp(t), int(tid)) for tid, t in self.tickets.items()
            )
        return self._ticket_order

    def event_order(self) -> list[tuple[int, int]]:
        """(timestamp, index into ticket_events) ascending: the ticket event export order."""
        if self._event_order is None:
            self._event_order = sorted(
                (_int(e.get("timestamp")), i) for i, e in enumerate(self.ticket_events)
            )
        return self._event_order

    def reindex(self) -> None:
        """Forget the sort orders; call after editing tickets or events by hand."""
        self._ticket_order = None
        self._event_order = None
        self._events_by_ticket = None

    def audits_of(self, ticket_id: int) -> list[Record]:
        """The ticket's audits (its records in `ticket_events`), oldest first."""
        if self._events_by_ticket is None:
            index: dict[int, list[int]] = {}
            for position, event in enumerate(self.ticket_events):
                index.setdefault(_int(event.get("ticket_id")), []).append(position)
            self._events_by_ticket = index
        return [self.ticket_events[i] for i in self._events_by_ticket.get(ticket_id, [])]

    def retime_ticket(self, ticket: Record, ts: int) -> None:
        """Set a ticket's updated_at/generated_timestamp and move it in the export order."""
        old = (_ticket_stamp(ticket), int(ticket["id"]))
        ticket["updated_at"] = iso(ts)
        ticket["generated_timestamp"] = ts
        if self._ticket_order is not None:
            index = bisect.bisect_left(self._ticket_order, old)
            if index < len(self._ticket_order) and self._ticket_order[index] == old:
                del self._ticket_order[index]
            bisect.insort(self._ticket_order, (ts, int(ticket["id"])))

    def add_event(self, event: Record) -> None:
        """Append an audit to the ticket event export."""
        self.ticket_events.append(event)
        if self._events_by_ticket is not None:
            self._events_by_ticket.setdefault(_int(event.get("ticket_id")), []).append(
                len(self.ticket_events) - 1
            )
        if self._event_order is not None:
            bisect.insort(
                self._event_order, (_int(event.get("timestamp")), len(self.ticket_events) - 1)
            )

    # ----- fixtures -------------------------------------------------------------------------

    def to_fixture(self) -> dict[str, Any]:
        """The org as a fixture document (see docs/sandbox.md); `load_fixture` reads it back."""
        tickets = []
        for tid in sorted(self.tickets):
            ticket = dict(self.tickets[tid])
            ticket["comments"] = list(self.comments.get(tid, []))
            tickets.append(ticket)
        return {
            "subdomain": self.subdomain,
            "users": [self.users[k] for k in sorted(self.users)],
            "groups": [self.groups[k] for k in sorted(self.groups)],
            "organizations": [self.organizations[k] for k in sorted(self.organizations)],
            "custom_statuses": [self.custom_statuses[k] for k in sorted(self.custom_statuses)],
            "tickets": tickets,
            "ticket_metrics": [self.ticket_metrics[k] for k in sorted(self.ticket_metrics)],
            "satisfaction_ratings": [
                self.satisfaction_ratings[k] for k in sorted(self.satisfaction_ratings)
            ],
        }

    def save(self, path: str | Path) -> None:
        """Write the org as a fixture file."""
        Path(path).write_text(json.dumps(self.to_fixture(), indent=1, ensure_ascii=False))


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _ticket_stamp(ticket: Record) -> int:
    stamp = ticket.get("generated_timestamp")
    if isinstance(stamp, int):
        return stamp
    updated = ticket.get("updated_at")
    if isinstance(updated, str):
        try:
            return from_iso(updated)
        except ValueError:
            return 0
    return 0


def default_custom_statuses() -> dict[int, Record]:
    return {row[0]: _custom_status(*row) for row in DEFAULT_CUSTOM_STATUSES}


def events_from_comments(org: Org) -> None:
    """Build the ticket event export from the comments: one audit per comment.

    The first audit of a ticket carries Create events; a comment dict may name the status the
    ticket moved to with it under the sandbox-only key `_status_after` (dropped when served).
    """
    for tid in sorted(org.comments):
        ticket = org.tickets.get(tid, {})
        previous_status = "new"
        for index, comment in enumerate(org.comments[tid]):
            if not isinstance(comment, dict):
                continue
            created = comment.get("created_at")
            ts = from_iso(created) if isinstance(created, str) else 0
            children: list[Record] = []
            if index == 0:
                for name in ("status", "priority", "subject"):
                    children.append(
                        {
                            "id": org.next_id("child_event"),
                            "event_type": "Create",
                            "field_name": name,
                            "value": ticket.get(name) if name != "status" else "new",
                        }
                    )
            # The server tells comment children by their type; Zendesk always sends one.
            comment.setdefault("type", "Comment")
            children.append(comment)
            status_after = comment.get("_status_after")
            if isinstance(status_after, str) and status_after != previous_status:
                children.append(
                    {
                        "id": org.next_id("child_event"),
                        "event_type": "Change",
                        "field_name": "status",
                        "value": status_after,
                        "previous_value": previous_status,
                    }
                )
                previous_status = status_after
            audit_id = comment.get("audit_id") or org.next_id("audit")
            comment["audit_id"] = audit_id
            org.ticket_events.append(
                {
                    "id": audit_id,
                    "ticket_id": tid,
                    "timestamp": ts,
                    "created_at": created,
                    "updater_id": comment.get("author_id"),
                    "via": _via_label(comment.get("via")),
                    "system": {"client": "sandbox", "location": None},
                    "metadata": {},
                    "event_type": "Audit",
                    "child_events": children,
                }
            )
    org.reindex()


_VIA_LABELS = {
    "email": "Mail",
    "web": "Web form",
    "chat": "Chat",
    "voice": "Voice",
    "api": "Web service",
    "native_messaging": "Messaging",
    "whatsapp": "WhatsApp",
}


def _via_label(via: Any) -> str:
    channel = via.get("channel") if isinstance(via, dict) else None
    return _VIA_LABELS.get(str(channel), "Web form")


def _by_id(rows: Any, where: str) -> dict[int, Record]:
    if rows is None:
        return {}
    if not isinstance(rows, list):
        raise OrgFormatError(f"{where} must be a list of objects")
    out: dict[int, Record] = {}
    for position, row in enumerate(rows):
        if not isinstance(row, dict) or "id" not in row:
            raise OrgFormatError(f"{where}[{position}] must be an object with an id")
        try:
            out[int(row["id"])] = row
        except (TypeError, ValueError) as exc:
            raise OrgFormatError(f"{where}[{position}]: id {row['id']!r} is not a number") from exc
    return out


def load_fixture(path: str | Path) -> Org:
    """Read a fixture file (Zendesk's own object shapes; see docs/sandbox.md) into an Org.

    Tickets carry their comments under `comments`; ticket metric sets may be given as
    `ticket_metrics` or `metric_sets`. The ticket event export is derived from the comments.
    """
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise OrgFormatError(f"cannot read fixture {path}: {exc}") from exc
    if not isinstance(document, dict):
        raise OrgFormatError(f"fixture {path} must be a JSON object")
    return org_from_document(document)


def org_from_document(document: dict[str, Any]) -> Org:
    """Build an Org from a fixture document already parsed from JSON."""
    org = Org(subdomain=str(document.get("subdomain") or "sandbox"))
    org.users = _by_id(document.get("users"), "users")
    org.groups = _by_id(document.get("groups"), "groups")
    org.organizations = _by_id(document.get("organizations"), "organizations")
    org.custom_statuses = _by_id(document.get("custom_statuses"), "custom_statuses") or (
        default_custom_statuses()
    )
    tickets = _by_id(document.get("tickets"), "tickets")
    for tid, ticket in tickets.items():
        comments = ticket.pop("comments", [])
        if not isinstance(comments, list):
            raise OrgFormatError(f"ticket {tid}: comments must be a list")
        org.comments[tid] = comments
        if "generated_timestamp" not in ticket:
            ticket["generated_timestamp"] = _ticket_stamp(ticket)
    org.tickets = tickets
    metrics = document.get("ticket_metrics", document.get("metric_sets"))
    for position, metric in enumerate(metrics or []):
        if not isinstance(metric, dict) or not str(metric.get("ticket_id", "")).isdigit():
            raise OrgFormatError(f"ticket_metrics[{position}] must be an object with a ticket_id")
        org.ticket_metrics[int(metric["ticket_id"])] = metric
    org.satisfaction_ratings = _by_id(document.get("satisfaction_ratings"), "satisfaction_ratings")
    events_from_comments(org)
    return org
