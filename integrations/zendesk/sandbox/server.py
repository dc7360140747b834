"""A local Zendesk Support API on 127.0.0.1, speaking Zendesk's wire format.

It serves an `Org` from memory: the incremental exports (cursor tickets, time-based tickets
and ticket events), single tickets, comments, users, groups, organizations, ticket metrics,
satisfaction ratings and custom statuses, and it takes ticket updates the way Zendesk does.
Limits (the one-minute rule, the export rate limit, a global rate limit, the per-ticket
update limit) and injected faults (429, 500, 503, slow responses, dropped connections) can be
switched at runtime. docs/sandbox.md is the user's guide.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import json
import logging
import math
import random
import socket
import sys
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from integrations.loopback import LoopbackServer, MinuteWindow
from integrations.zendesk.sandbox.audits import MetadataInvalid, custom_metadata_of, served_audit
from integrations.zendesk.sandbox.automations import (
    DEFAULT_CLOSE_SOLVED_AFTER_DAYS,
    close_solved_rule,
    due_to_close,
    rule,
    rule_matches,
    status_action,
)
from integrations.zendesk.sandbox.org import (
    TICKET_STATUSES,
    Org,
    from_iso,
    html_body_for,
    iso,
    public_view,
)
from integrations.zendesk.sandbox.requesters import Requesters, asks_for_confirmation

__all__ = ["DEFAULT_FAULTS", "FAULT_KINDS", "SandboxStats", "ZendeskSandbox"]

log = logging.getLogger(__name__)

Record = dict[str, Any]

FAULT_KINDS = ("429", "500", "503", "slow", "drop")
# "slow" is opt-in: it only hurts a client that sets a timeout, and it makes every run slower.
DEFAULT_FAULTS = frozenset({"429", "500", "503", "drop"})
# After this many injected faults in a row on one request line, the next attempt succeeds,
# so a client that retries always finishes.
MAX_CONSECUTIVE_FAULTS = 3

EXPORT_PREFIX = "/api/v2/incremental/"
ONE_MINUTE = 60
SYSTEM_USER_ID = -1  # the author Zendesk gives audits made by automations


@dataclass
class SandboxStats:
    """Request counters: total, by path (without query) and by HTTP status (0 = dropped)."""

    requests: int = 0
    by_path: Counter[str] = field(default_factory=Counter)
    by_status: Counter[int] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)

    def reset(self) -> None:
        self.requests = 0
        self.by_path.clear()
        self.by_status.clear()
        self.faults.clear()


class _Reply(Exception):
    """Raised inside a route to answer at once with an error status and a Zendesk body."""

    def __init__(
        self, status: int, body: Record | None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers or {}


class _Drop(Exception):
    """Raised inside a route to close the connection without an answer."""


def _not_found() -> _Reply:
    return _Reply(404, {"error": "RecordNotFound", "description": "Not found"})


def _invalid(description: str, details: Record | None = None) -> _Reply:
    body: Record = {"error": "RecordInvalid", "description": "Record validation errors"}
    body["details"] = details or {"base": [{"description": description}]}
    return _Reply(422, body)


def _bad_param(description: str) -> _Reply:
    return _Reply(400, {"error": "InvalidPaginationParameter", "description": description})


def _encode_cursor(payload: Record) -> str:
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> Record:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise _bad_param("cursor is not valid") from exc
    if not isinstance(value, dict):
        raise _bad_param("cursor is not valid")
    return value


class ZendeskSandbox(LoopbackServer):
    """A Zendesk Support API for tests and demos, on 127.0.0.1 and a free port by default.

    Use as a context manager or call start()/stop(). Attributes a test may switch at runtime:
    `fail_rate` (share of requests answered with an injected fault), `faults` (which kinds:
    "429", "500", "503", "slow", "drop"), `retry_after` (seconds in an injected 429),
    `slow_seconds`, `export_limit_per_minute`, `requests_per_minute`,
    `ticket_updates_per_10_minutes`, `token`, `export_delay_seconds`.

    Like Zendesk, the incremental exports leave out what changed in the last
    `export_delay_seconds` before the request (Zendesk's is a minute; the default here is
    one second, the least that keeps the rule's point, so tests need not wait a minute).
    The point: a change stamped in the same second as the last item a cursor handed out
    would sort before that cursor (the order is by time, then id) and never be exported.
    """

    thread_name = "zendesk-sandbox"

    def __init__(
        self,
        org: Org,
        token: str = "sandbox",
        export_limit_per_minute: int | None = None,
        fail_rate: float = 0.0,
        seed: int = 0,
        requests_per_minute: int | None = None,
        *,
        port: int = 0,
        host: str = "127.0.0.1",
        faults: set[str] | frozenset[str] | None = None,
        retry_after: int = 1,
        slow_seconds: float = 2.0,
        ticket_updates_per_10_minutes: int | None = 30,
        clock: Any = time.time,
        export_delay_seconds: int = 1,
    ) -> None:
        if export_delay_seconds < 0:
            raise ValueError("export_delay_seconds cannot be negative")
        self.org = org
        self.export_delay_seconds = export_delay_seconds
        self.token = token
        self.export_limit_per_minute = export_limit_per_minute
        self.fail_rate = fail_rate
        self.requests_per_minute = requests_per_minute
        self.faults: set[str] = set(DEFAULT_FAULTS if faults is None else faults)
        self.retry_after = retry_after
        self.slow_seconds = slow_seconds
        self.ticket_updates_per_10_minutes = ticket_updates_per_10_minutes
        self.stats = SandboxStats()
        self.lock = threading.RLock()
        self._clock = clock
        self._random = random.Random(seed)
        super().__init__(host, port)
        self._export_window = MinuteWindow()
        self._global_window = MinuteWindow()
        self._ticket_updates: dict[tuple[int, int], deque[float]] = {}
        self._fault_streak: Counter[str] = Counter()
        self._advanced = 0.0
        self._faults_after_write: deque[str] = deque()
        self.close_solved_after_days = DEFAULT_CLOSE_SOLVED_AFTER_DAYS
        #: Automations besides the standard close (`add_automation`), by id.
        self.automations: dict[int, Record] = {}
        #: The account setting `tickets.custom_statuses_enabled`; off, custom statuses
        #: cannot be created or set on tickets.
        self.custom_statuses_enabled = True
        #: The scopes `GET /api/v2/oauth/tokens/current` says the OAuth token holds.
        self.oauth_scopes: list[str] = ["read", "write"]
        #: Simulated requesters answering confirmation requests (off until switched on).
        self.requesters = Requesters(seed=seed)

    # ----- lifecycle ------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The base URL, e.g. http://127.0.0.1:PORT (the API lives under /api/v2)."""
        return f"http://{self._host}:{self.port}"

    @property
    def netloc(self) -> str:
        """host:port, e.g. 127.0.0.1:PORT."""
        return f"{self._host}:{self.port}"

    @property
    def email(self) -> str:
        """The email of the user the API token acts as (the first admin)."""
        with self.lock:
            return str(self.org.api_user().get("email", ""))

    def now(self) -> float:
        """The sandbox's time in Unix seconds: its clock, plus what `advance` added."""
        return float(self._clock()) + self._advanced

    def advance(self, seconds: float) -> list[int]:
        """Move the sandbox's time forward by `seconds` (the clock it was given keeps
        running underneath), then run Zendesk's time-based rules as an hourly automation
        run would (`run_automations`). Returns the ids of the tickets they closed."""
        if seconds < 0:
            raise ValueError("the sandbox's time only moves forward")
        with self.lock:
            self._advanced += seconds
            return self.run_automations()

    def run_automations(self) -> list[int]:
        """Apply what Zendesk's hourly run would by now, and return the ids of the tickets
        closed:

        - the default automation "Close ticket 4 days after status is set to solved"
          (`close_solved_after_days`; Zendesk lets an admin raise it to 28, not switch it off);
        - the hard rule: a ticket solved for 28 days is closed whatever the automations say;
        - every active automation added with `add_automation` that sets a status, on the
          tickets whose conditions hold (e.g. "pending for 96 hours -> solved").

        Before them, the simulated requesters' answers due by now are posted
        (`run_requesters`), at the time each was due: they happened before this run.

        Each change is an audit by the automation (or a requester's comment), as Zendesk
        records it. They run when a test calls `advance` (or this), never by themselves: a
        generated org's solved tickets stay as generated until then.
        """
        with self.lock:
            self.run_requesters()
            now = self.now()
            due = due_to_close(self.org, now, self.close_solved_after_days)
            for ticket_id, hard in due:
                self._close_by_automation(self.org.tickets[ticket_id], int(now), hard=hard)
            for automation in sorted(self.automations.values(), key=lambda a: a["position"]):
                status = status_action(automation)
                if not automation.get("active") or status is None:
                    continue
                for ticket in list(self.org.tickets.values()):
                    if ticket.get("status") in ("closed", "deleted", status):
                        continue
                    if rule_matches(self.org, ticket, now, automation):
                        self._apply_update(
                            ticket,
                            {"status": status},
                            {"id": SYSTEM_USER_ID},
                            now,
                            rule=automation,
                        )
            return [ticket_id for ticket_id, _ in due]

    def run_requesters(self) -> list[int]:
        """Post the simulated requesters' answers due by now, each as the requester's public
        comment; returns the tickets answered (silence included: it is then forgotten)."""
        with self.lock:
            answered = []
            for answer in self.requesters.due(self.now()):
                ticket = self.org.tickets.get(answer.ticket_id)
                answered.append(answer.ticket_id)
                if answer.text is None or ticket is None or ticket.get("status") == "closed":
                    continue
                requester = self.org.users[answer.requester_id]
                update = {"comment": {"body": answer.text, "author_id": answer.requester_id}}
                # At the time it was due, but never before the ticket's last change, so the
                # ticket's history stays in order.
                at = max(answer.due, float(from_iso(str(ticket["updated_at"]))))
                self._apply_update(ticket, update, requester, at)
            return answered

    def add_automation(
        self,
        title: str,
        conditions: list[Record],
        actions: list[Record],
        *,
        any_conditions: list[Record] | None = None,
        active: bool = True,
    ) -> Record:
        """Add an automation as an admin would (Zendesk's JSON conditions and actions), e.g.
        a bump-bump-solve: `[{"field": "status", "operator": "is", "value": "pending"},
        {"field": "PENDING", "operator": "greater_than", "value": "96"}]` ->
        `[{"field": "status", "value": "solved"}]`. Returns it as the API serves it."""
        with self.lock:
            automation_id = max(self.automations, default=1) + 1
            record = rule(
                automation_id,
                title,
                conditions=conditions,
                actions=actions,
                any_conditions=any_conditions,
                active=active,
                stamp=iso(self.now()),
            )
            self.automations[automation_id] = record
            return record

    def automation_list(self) -> list[Record]:
        """Every automation, the standard close first, as GET /api/v2/automations lists them."""
        with self.lock:
            standard = close_solved_rule(self.close_solved_after_days, iso(self.now()))
            return [standard, *sorted(self.automations.values(), key=lambda a: a["position"])]

    def fail_after_next_write(self, kind: str = "500", times: int = 1) -> None:
        """Apply the next `times` ticket updates, then answer each with a fault instead of
        the result: "500", "503" or "drop" (the connection closes). This is the ambiguous
        outcome a client cannot tell from a write that never happened."""
        if kind not in ("500", "503", "drop"):
            raise ValueError(f"a fault after a write is 500, 503 or drop, not {kind!r}")
        with self.lock:
            self._faults_after_write.extend([kind] * times)

    # ----- helpers tests use to change data between syncs -----------------------------------

    def delete_ticket(self, ticket_id: int) -> None:
        """Delete a ticket as an agent would: it shows in the next export with status deleted."""
        with self.lock:
            ticket = self.org.tickets[ticket_id]
            ticket["status"] = "deleted"
            self.org.retime_ticket(ticket, int(self.now()))

    def touch_ticket(
        self,
        ticket_id: int,
        comment: str | None = None,
        *,
        author_id: int | None = None,
        public: bool = True,
        status: str | None = None,
        at: float | None = None,
    ) -> Record:
        """Change a ticket as if someone updated it in Zendesk (optionally with a comment).

        Returns the new comment (or the ticket when there is none). A customer comment moves a
        pending, on-hold or solved ticket back to open, as Zendesk does.
        """
        with self.lock:
            update: Record = {}
            if comment is not None:
                update["comment"] = {"body": comment, "public": public}
                if author_id is not None:
                    update["comment"]["author_id"] = author_id
            if status is not None:
                update["status"] = status
            ticket = self.org.tickets[ticket_id]
            actor = self.org.users.get(author_id or 0) or self.org.api_user()
            _, audit = self._apply_update(ticket, update, actor, at or self.now())
            for event in audit["events"]:
                if event.get("type") == "Comment":
                    found: Record = event
                    return found
            return ticket

    # ----- request pipeline -----------------------------------------------------------------

    def _admission(self, method: str, path: str, query: str) -> tuple[str | None, _Reply | None]:
        """Decide fault / rate limit for one request attempt. Returns (fault kind, reply)."""
        with self.lock:
            now = self.now()
            wait = self._global_window.admit(self.requests_per_minute, now)
            if wait is not None:
                return None, _Reply(
                    429,
                    {
                        "error": "APIRateLimitExceeded",
                        "description": "Number of allowed API requests per minute exceeded",
                    },
                    {"Retry-After": str(wait)},
                )
            if self.fail_rate > 0 and self.faults:
                key = f"{method} {path}?{query}"
                roll = self._random.random()
                kinds = sorted(self.faults)
                kind = kinds[self._random.randrange(len(kinds))]
                if roll < self.fail_rate and self._fault_streak[key] < MAX_CONSECUTIVE_FAULTS:
                    self._fault_streak[key] += 1
                    self.stats.faults[kind] += 1
                    return kind, None
                self._fault_streak.pop(key, None)
            if path.startswith(EXPORT_PREFIX):
                wait = self._export_window.admit(self.export_limit_per_minute, now)
                if wait is not None:
                    return None, _Reply(
                        429,
                        {
                            "error": "APIRateLimitExceeded",
                            "description": "Number of allowed incremental export API requests "
                            "per minute exceeded",
                        },
                        {"Retry-After": str(wait)},
                    )
        return None, None

    def _authenticate(self, header: str | None) -> Record | None:
        if not header:
            return None
        scheme, _, value = header.partition(" ")
        with self.lock:
            if scheme.lower() == "bearer":
                return self.org.api_user() if value.strip() == self.token else None
            if scheme.lower() != "basic":
                return None
            try:
                decoded = base64.b64decode(value.strip()).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                return None
            user, _, secret = decoded.partition(":")
            if not user.endswith("/token") or secret != self.token:
                return None
            return self.org.api_user(user[: -len("/token")])

    def route(
        self, method: str, path: str, params: dict[str, str], body: Any, base: str, actor: Record
    ) -> tuple[int, Record]:
        """Answer one authenticated request; raises _Reply for errors."""
        parts = [p for p in path.split("/") if p]
        if [p.removesuffix(".json") for p in parts] == ["sandbox", "clock"]:
            return 200, self._clock_route(method, body)
        if len(parts) < 3 or parts[0] != "api" or parts[1] != "v2":
            raise _Reply(404, {"error": "InvalidEndpoint", "description": "Not found"})
        parts = parts[2:]
        if parts:
            parts[-1] = parts[-1].removesuffix(".json")
        with self.lock:
            if method == "GET":
                return 200, self._get(parts, params, base, actor)
            if method == "PUT" and len(parts) == 2 and parts[0] == "tickets":
                answer = self._put_ticket(_int_or_404(parts[1]), body, actor)
                if self._faults_after_write:
                    kind = self._faults_after_write.popleft()
                    self.stats.faults[f"{kind} after write"] += 1
                    if kind == "drop":
                        raise _Drop
                    error = "ServiceUnavailable" if kind == "503" else "InternalServerError"
                    raise _Reply(
                        int(kind), {"error": error, "description": "Injected by the sandbox"}
                    )
                return 200, answer
            if method == "POST" and parts == ["custom_statuses"]:
                return 201, self._post_custom_status(body)
            if method == "PUT" and len(parts) == 2 and parts[0] == "custom_statuses":
                return 200, self._put_custom_status(parts[1], body)
        raise _Reply(404, {"error": "InvalidEndpoint", "description": "Not found"})

    def _clock_route(self, method: str, body: Any) -> Record:
        """The sandbox's own admin path (not Zendesk's): GET /sandbox/clock says the time,
        POST /sandbox/clock {"advance_seconds": N} moves it on, as `advance` does."""
        closed: list[int] = []
        if method == "POST":
            seconds = body.get("advance_seconds") if isinstance(body, dict) else None
            if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
                raise _Reply(
                    400,
                    {
                        "error": "InvalidValue",
                        "description": 'The body must be {"advance_seconds": N}, N >= 0',
                    },
                )
            closed = self.advance(float(seconds))
        elif method != "GET":
            raise _Reply(404, {"error": "InvalidEndpoint", "description": "Not found"})
        now = self.now()
        return {"now": iso(now), "now_unix": now, "closed_ticket_ids": closed}

    def _get(self, parts: list[str], params: dict[str, str], base: str, actor: Record) -> Record:
        org = self.org
        match parts:
            case ["incremental", "tickets", "cursor"]:
                return self._export_tickets_cursor(params, base)
            case ["incremental", "tickets"]:
                return self._export_tickets_time(params, base)
            case ["incremental", "ticket_events"]:
                return self._export_ticket_events(params, base)
            case ["tickets", "count"]:
                alive = sum(1 for t in org.tickets.values() if t.get("status") != "deleted")
                return {"count": {"value": alive, "refreshed_at": iso(self.now())}}
            case ["tickets", ticket_id]:
                return {"ticket": self._ticket(_int_or_404(ticket_id))}
            case ["tickets", ticket_id, "comments"]:
                self._ticket(_int_or_404(ticket_id))
                comments = [public_view(c) for c in org.comments.get(int(ticket_id), [])]
                if params.get("sort_order") == "desc":
                    comments.reverse()
                return self._list(comments, "comments", params, base, parts)
            case ["tickets", ticket_id, "audits"]:
                audits = [served_audit(e) for e in org.audits_of(self._ticket_id(ticket_id))]
                return self._list(audits, "audits", params, base, parts)
            case ["tickets", ticket_id, "audits", audit_id]:
                wanted = _int_or_404(audit_id)
                for event in org.audits_of(self._ticket_id(ticket_id)):
                    if event.get("id") == wanted:
                        return {"audit": served_audit(event)}
                raise _not_found()
            case ["tickets", ticket_id, "metrics"]:
                self._ticket(_int_or_404(ticket_id))
                metric = org.ticket_metrics.get(int(ticket_id))
                if metric is None:
                    raise _not_found()
                return {"ticket_metric": metric}
            case ["tickets"]:
                rows = [
                    t
                    for _, tid in org.ticket_order()
                    if (t := org.tickets[tid]).get("status") != "deleted"
                ]
                return self._list(rows, "tickets", params, base, parts)
            case ["ticket_metrics"]:
                rows = [org.ticket_metrics[k] for k in sorted(org.ticket_metrics)]
                return self._list(rows, "ticket_metrics", params, base, parts)
            case ["ticket_metrics", metric_id]:
                wanted = _int_or_404(metric_id)
                for metric in org.ticket_metrics.values():
                    if metric.get("id") == wanted:
                        return {"ticket_metric": metric}
                raise _not_found()
            case ["users", "me"]:
                return {"user": actor}
            case ["oauth", "tokens", "current"]:
                # The OAuth token's own record (ZENDESK_OAUTH_TOKEN): what it may do.
                return {"token": {"id": 1, "user_id": actor.get("id"), "scopes": self.oauth_scopes}}
            case ["users", "show_many"]:
                ids = [int(i) for i in params.get("ids", "").split(",") if i.strip().isdigit()]
                return {
                    "users": [org.users[i] for i in ids if i in org.users],
                    "next_page": None,
                    "previous_page": None,
                    "count": len(ids),
                }
            case ["users", user_id]:
                return {"user": _lookup(org.users, user_id)}
            case ["users"]:
                rows = [org.users[k] for k in sorted(org.users)]
                return self._list(rows, "users", params, base, parts)
            case ["groups"]:
                rows = [org.groups[k] for k in sorted(org.groups)]
                return self._list(rows, "groups", params, base, parts)
            case ["groups", group_id]:
                return {"group": _lookup(org.groups, group_id)}
            case ["organizations"]:
                rows = [org.organizations[k] for k in sorted(org.organizations)]
                return self._list(rows, "organizations", params, base, parts)
            case ["organizations", org_id]:
                return {"organization": _lookup(org.organizations, org_id)}
            case ["custom_statuses"]:
                rows = [org.custom_statuses[k] for k in sorted(org.custom_statuses)]
                categories = params.get("status_categories")
                if categories:
                    wanted_categories = set(categories.split(","))
                    rows = [r for r in rows if r.get("status_category") in wanted_categories]
                if "active" in params:
                    active = params["active"] == "true"
                    rows = [r for r in rows if bool(r.get("active")) == active]
                return {"custom_statuses": rows}
            case ["custom_statuses", status_id]:
                return {"custom_status": _lookup(org.custom_statuses, status_id)}
            case ["automations"] | ["automations", "active"]:
                rows = self.automation_list()
                if parts[-1] == "active":
                    rows = [r for r in rows if r.get("active")]
                return self._list(rows, "automations", params, base, parts)
            case ["automations", automation_id]:
                for row in self.automation_list():
                    if str(row["id"]) == automation_id:
                        return {"automation": row}
                raise _not_found()
            case ["account", "settings"]:
                return {"settings": {"tickets": {
                    "custom_statuses_enabled": self.custom_statuses_enabled,
                }}}  # fmt: skip
            case ["satisfaction_ratings"]:
                return self._satisfaction_ratings(params, base)
            case ["satisfaction_ratings", rating_id]:
                return {"satisfaction_rating": _lookup(org.satisfaction_ratings, rating_id)}
        raise _Reply(404, {"error": "InvalidEndpoint", "description": "Not found"})

    def _ticket_id(self, raw: str) -> int:
        """The id of a ticket that exists (404 otherwise)."""
        ticket_id = _int_or_404(raw)
        self._ticket(ticket_id)
        return ticket_id

    def _ticket(self, ticket_id: int) -> Record:
        ticket = self.org.tickets.get(ticket_id)
        if ticket is None or ticket.get("status") == "deleted":
            raise _not_found()
        return ticket

    # ----- lists: cursor pagination (page[size]) or offset pagination (page, per_page) ------

    def _list(
        self, rows: list[Record], key: str, params: dict[str, str], base: str, parts: list[str]
    ) -> Record:
        path = "/api/v2/" + "/".join(parts) + ".json"
        extra = {
            k: v
            for k, v in params.items()
            if k not in ("page[size]", "page[after]", "page[before]", "page", "per_page")
        }
        if "page[size]" in params or "page[after]" in params or "page[before]" in params:
            size = _bounded(params.get("page[size]"), 100, 100, "page[size]")
            start = 0
            if "page[after]" in params:
                start = int(_decode_cursor(params["page[after]"]).get("o", 0))
            elif "page[before]" in params:
                start = max(0, int(_decode_cursor(params["page[before]"]).get("o", 0)) - size)
            chunk = rows[start : start + size]
            end = start + len(chunk)
            has_more = end < len(rows)
            after = _encode_cursor({"o": end}) if chunk else None
            before = _encode_cursor({"o": start}) if chunk else None
            links_next = (
                f"{base}{path}?" + urlencode({**extra, "page[size]": size, "page[after]": after})
                if has_more and after
                else None
            )
            links_prev = (
                f"{base}{path}?" + urlencode({**extra, "page[size]": size, "page[before]": before})
                if start > 0 and before
                else None
            )
            return {
                key: chunk,
                "meta": {"has_more": has_more, "after_cursor": after, "before_cursor": before},
                "links": {"next": links_next, "prev": links_prev},
            }
        per_page = _bounded(params.get("per_page"), 100, 100, "per_page")
        page = _bounded(params.get("page"), 1, 1_000_000, "page")
        chunk = rows[(page - 1) * per_page : page * per_page]
        more = page * per_page < len(rows)
        next_page = (
            f"{base}{path}?" + urlencode({**extra, "page": page + 1, "per_page": per_page})
            if more
            else None
        )
        prev_page = (
            f"{base}{path}?" + urlencode({**extra, "page": page - 1, "per_page": per_page})
            if page > 1
            else None
        )
        return {key: chunk, "next_page": next_page, "previous_page": prev_page, "count": len(rows)}

    # ----- incremental exports --------------------------------------------------------------

    def _start_time(self, params: dict[str, str]) -> int:
        raw = params.get("start_time")
        if raw is None or not raw.lstrip("-").isdigit():
            raise _Reply(
                400,
                {
                    "error": "InvalidValue",
                    "description": "start_time is required and must be a Unix "
                    "epoch time in seconds",
                },
            )
        start = int(raw)
        if start > self.now() - ONE_MINUTE:
            raise _Reply(
                422,
                {
                    "error": "InvalidValue",
                    "description": "Too recent start_time. Use a start_time older than 1 minute",
                },
            )
        return start

    def _served(self, order: list[tuple[int, int]]) -> int:
        """How much of an export order (by time, then id) an export may hand out now: what
        changed before the last `export_delay_seconds`. Anything changed from now on is
        stamped later than all of it, so no cursor or end_time ever passes over a change.
        With no delay, everything is served, even what is dated ahead of the clock."""
        if not self.export_delay_seconds:
            return len(order)
        horizon = int(self.now()) - self.export_delay_seconds
        return bisect.bisect_right(order, (horizon, sys.maxsize))

    def _sideloads(self, tickets: list[Record], include: str | None) -> Record:
        out: Record = {}
        if not include:
            return out
        wanted = {w.strip() for w in include.split(",")}
        org = self.org
        if "users" in wanted:
            ids: set[int] = set()
            for t in tickets:
                for key in ("requester_id", "submitter_id", "assignee_id"):
                    value = t.get(key)
                    if isinstance(value, int):
                        ids.add(value)
            out["users"] = [org.users[i] for i in sorted(ids) if i in org.users]
        if "groups" in wanted:
            gids = {t.get("group_id") for t in tickets}
            out["groups"] = [
                org.groups[i]
                for i in sorted(g for g in gids if isinstance(g, int))
                if i in org.groups
            ]
        if "organizations" in wanted:
            oids = {t.get("organization_id") for t in tickets}
            out["organizations"] = [
                org.organizations[i]
                for i in sorted(o for o in oids if isinstance(o, int))
                if i in org.organizations
            ]
        if "metric_sets" in wanted:
            out["metric_sets"] = [
                org.ticket_metrics[t["id"]]
                for t in tickets
                if isinstance(t.get("id"), int) and t["id"] in org.ticket_metrics
            ]
        return out

    def _export_tickets_cursor(self, params: dict[str, str], base: str) -> Record:
        per_page = _bounded(params.get("per_page"), 1000, 1000, "per_page")
        order = self.org.ticket_order()
        include = params.get("include")
        exclude_deleted = params.get("exclude_deleted") == "true"
        path = f"{base}/api/v2/incremental/tickets/cursor.json?"
        keep: dict[str, Any] = {
            k: params[k] for k in ("include", "per_page", "exclude_deleted") if k in params
        }
        served = self._served(order)
        if "cursor" in params:
            position = _decode_cursor(params["cursor"])
            if position.get("d") == "b":
                hi = bisect.bisect_left(order, (int(position["t"]), int(position["i"])))
                lo = max(0, hi - per_page)
                start, stop = lo, min(hi, served)
            else:
                start = bisect.bisect_right(order, (int(position["t"]), int(position["i"])))
                stop = min(start + per_page, served)
        else:
            start = bisect.bisect_left(order, (self._start_time(params), -1))
            stop = min(start + per_page, served)
        window = order[start:stop]
        tickets = [self.org.tickets[tid] for _, tid in window]
        if exclude_deleted:
            tickets = [t for t in tickets if t.get("status") != "deleted"]
        end_of_stream = start + len(window) >= served
        body: Record = {"tickets": tickets}
        body.update(self._sideloads(tickets, include))
        after: str | None
        before: str | None
        if window:
            after = _encode_cursor({"d": "a", "t": window[-1][0], "i": window[-1][1]})
            before = _encode_cursor({"d": "b", "t": window[0][0], "i": window[0][1]})
        elif "cursor" in params:
            # Nothing new since this cursor: hand the same position back to resume from later.
            after = params["cursor"]
            before = None
        else:
            after = before = None
        body["after_cursor"] = after
        body["after_url"] = path + urlencode({"cursor": after, **keep}) if after else None
        body["before_cursor"] = before
        body["before_url"] = path + urlencode({"cursor": before, **keep}) if before else None
        body["end_of_stream"] = end_of_stream
        return body

    def _export_tickets_time(self, params: dict[str, str], base: str) -> Record:
        per_page = _bounded(params.get("per_page"), 1000, 1000, "per_page")
        start_time = self._start_time(params)
        order = self.org.ticket_order()
        served = self._served(order)
        start = bisect.bisect_left(order, (start_time, -1))
        stop = _extend_same_second(order, start, start + per_page, served)
        window = order[start:stop]
        tickets = [self.org.tickets[tid] for _, tid in window]
        end_time = _next_start(window, start_time)
        keep: dict[str, Any] = {k: params[k] for k in ("include", "per_page") if k in params}
        body: Record = {"tickets": tickets}
        body.update(self._sideloads(tickets, params.get("include")))
        body["count"] = len(tickets)
        body["end_time"] = end_time
        body["next_page"] = f"{base}/api/v2/incremental/tickets.json?" + urlencode(
            {"start_time": end_time, **keep}
        )
        body["end_of_stream"] = stop >= served
        return body

    def _export_ticket_events(self, params: dict[str, str], base: str) -> Record:
        per_page = _bounded(params.get("per_page"), 1000, 1000, "per_page")
        start_time = self._start_time(params)
        include = {w.strip() for w in (params.get("include") or "").split(",")}
        order = self.org.event_order()
        served = self._served(order)
        start = bisect.bisect_left(order, (start_time, -1))
        stop = _extend_same_second(order, start, start + per_page, served)
        window = order[start:stop]
        events = [
            self._served_event(self.org.ticket_events[i], "comment_events" in include)
            for _, i in window
        ]
        end_time = _next_start(window, start_time)
        keep: dict[str, Any] = {k: params[k] for k in ("include", "per_page") if k in params}
        return {
            "ticket_events": events,
            "next_page": f"{base}/api/v2/incremental/ticket_events.json?"
            + urlencode({"start_time": end_time, **keep}),
            "count": len(events),
            "end_time": end_time,
            "end_of_stream": stop >= served,
        }

    @staticmethod
    def _served_event(event: Record, with_comments: bool) -> Record:
        children = []
        comment_present = comment_public = False
        for child in event.get("child_events") or []:
            if isinstance(child, dict) and child.get("type") == "Comment":
                comment_present = True
                comment_public = comment_public or bool(child.get("public"))
                if with_comments:
                    served = public_view(child)
                    served = {**served, "event_type": "Comment"}
                    served.setdefault("html_body", html_body_for(str(served.get("body", ""))))
                    served.setdefault("plain_body", served.get("body"))
                    children.append(served)
            else:
                children.append(child)
        out = {k: v for k, v in event.items() if k != "child_events" and not k.startswith("_")}
        out["child_events"] = children
        if not with_comments:
            out["comment_present"] = comment_present
            out["comment_public"] = comment_public
        return out

    def _satisfaction_ratings(self, params: dict[str, str], base: str) -> Record:
        rows = sorted(
            self.org.satisfaction_ratings.values(),
            key=lambda r: (str(r.get("created_at", "")), _int_or(r.get("id"))),
        )
        for name in ("start_time", "end_time"):
            raw = params.get(name)
            if raw is None:
                continue
            if not raw.isdigit():
                raise _Reply(
                    400,
                    {"error": "InvalidValue", "description": f"{name} must be a Unix epoch time"},
                )
            bound = iso(int(raw))
            if name == "start_time":
                rows = [r for r in rows if str(r.get("created_at", "")) >= bound]
            else:
                rows = [r for r in rows if str(r.get("created_at", "")) <= bound]
        score = params.get("score")
        if score:
            wanted = {
                "received": {"good", "bad"},
                "received_with_comment": {"good", "bad"},
                "received_without_comment": {"good", "bad"},
            }.get(score, {score})
            rows = [r for r in rows if r.get("score") in wanted]
            if score == "received_with_comment":
                rows = [r for r in rows if r.get("comment")]
            if score == "received_without_comment":
                rows = [r for r in rows if not r.get("comment")]
        if params.get("sort_order") == "desc":
            rows.reverse()
        return self._list(rows, "satisfaction_ratings", params, base, ["satisfaction_ratings"])

    # ----- writes ---------------------------------------------------------------------------

    def _put_ticket(self, ticket_id: int, body: Any, actor: Record) -> Record:
        ticket = self._ticket(ticket_id)
        if not isinstance(body, dict) or not isinstance(body.get("ticket"), dict):
            raise _Reply(
                400,
                {
                    "error": "InvalidRequest",
                    "description": 'The request body must be {"ticket": {...}}',
                },
            )
        if ticket.get("status") == "closed":
            raise _invalid(
                "Status: closed prevents ticket update",
                {"status": [{"description": "Status: closed prevents ticket update"}]},
            )
        limit = self.ticket_updates_per_10_minutes
        now = self.now()
        if limit is not None:
            window = self._ticket_updates.setdefault((ticket_id, _int_or(actor.get("id"))), deque())
            while window and now - window[0] >= 600:
                window.popleft()
            if len(window) >= limit:
                raise _Reply(
                    429,
                    {
                        "error": "TooManyRequests",
                        "description": "You have exceeded the rate limit for "
                        "updating this ticket. Please wait before updating "
                        "this ticket again",
                    },
                    {"Retry-After": str(max(1, math.ceil(600 - (now - window[0]))))},
                )
            window.append(now)
        updated, audit = self._apply_update(ticket, body["ticket"], actor, now)
        return {"ticket": updated, "audit": audit}

    def _apply_update(
        self,
        ticket: Record,
        update: Record,
        actor: Record,
        at: float,
        *,
        rule: Record | None = None,
    ) -> tuple[Record, Record]:
        """Validate and apply one ticket update; returns (ticket, audit) as Zendesk does.
        With `rule`, the update is that automation's (its audit says so)."""
        org = self.org
        ts = int(at)
        events: list[Record] = []
        status_before = str(ticket.get("status"))
        new_status = update.get("status")
        custom_status_id = update.get("custom_status_id")
        try:
            custom_metadata = custom_metadata_of(update.get("metadata"))
        except MetadataInvalid as exc:
            raise _invalid(str(exc), {"metadata": [{"description": str(exc)}]}) from None
        if custom_status_id is not None and not self.custom_statuses_enabled:
            raise _invalid(
                "Custom ticket statuses are not enabled for this account",
                {"custom_status_id": [{"description": "is not enabled"}]},
            )
        if custom_status_id is not None:
            custom = org.custom_statuses.get(_int_or(custom_status_id))
            if custom is None:
                raise _invalid(
                    "Custom status is invalid",
                    {"custom_status_id": [{"description": "is invalid"}]},
                )
            category = custom.get("status_category")
            if new_status is not None and new_status != category:
                raise _invalid(
                    "Status does not match the custom status category",
                    {"status": [{"description": "does not match custom status"}]},
                )
            new_status = category
        if new_status is not None and new_status not in TICKET_STATUSES:
            raise _invalid(
                f"Status: {new_status} is not valid",
                {"status": [{"description": f"Status: {new_status} is not valid"}]},
            )

        comment_in = update.get("comment")
        comment: Record | None = None
        author: Record = {}
        if comment_in is not None:
            if not isinstance(comment_in, dict):
                raise _invalid("comment must be an object")
            body_text = comment_in.get("body")
            html_in = comment_in.get("html_body")
            if not body_text and not html_in:
                raise _invalid(
                    "Comment: cannot be blank", {"comment": [{"description": "cannot be blank"}]}
                )
            author_id = _int_or(comment_in.get("author_id"), _int_or(actor.get("id")))
            found_author = org.users.get(author_id)
            if found_author is None:
                raise _invalid("Author is invalid", {"author_id": [{"description": "invalid"}]})
            author = found_author
            public = comment_in.get("public", True) is not False
            if author.get("role") == "end-user":
                public = True
            text = str(body_text) if body_text else _strip_tags(str(html_in))
            comment = {
                "id": org.next_id("comment"),
                "type": "Comment",
                "author_id": author_id,
                "body": text,
                "html_body": str(html_in) if html_in else html_body_for(text),
                "plain_body": text,
                "public": public,
                "attachments": [],
                "audit_id": 0,
                "via": {"channel": "api", "source": {"from": {}, "to": {}, "rel": None}},
                "created_at": iso(ts),
                "metadata": {"system": {"client": "alignbot-sandbox"}, "custom": {}},
            }
            events.append(comment)
            # Zendesk: an end user's comment on a pending, on-hold or solved ticket reopens it.
            if (
                new_status is None
                and author.get("role") == "end-user"
                and status_before in ("pending", "hold", "solved")
            ):
                new_status = "open"

        if new_status is not None and new_status != status_before:
            ticket["status"] = new_status
            events.append(
                {
                    "id": org.next_id("child_event"),
                    "type": "Change",
                    "field_name": "status",
                    "value": new_status,
                    "previous_value": status_before,
                }
            )
            if custom_status_id is None:
                # The category's default status, as Zendesk sets it (closed keeps solved's).
                for custom in org.custom_statuses.values():
                    if custom.get("status_category") == new_status and custom.get("default"):
                        custom_status_id = custom["id"]
                        break
            self._update_metrics(int(ticket["id"]), status_before, new_status, ts)
        if custom_status_id is not None and custom_status_id != ticket.get("custom_status_id"):
            events.append(
                {
                    "id": org.next_id("child_event"),
                    "type": "Change",
                    "field_name": "custom_status_id",
                    "value": custom_status_id,
                    "previous_value": ticket.get("custom_status_id"),
                }
            )
            ticket["custom_status_id"] = custom_status_id

        tags_before = list(ticket.get("tags") or [])
        tags = list(tags_before)
        if isinstance(update.get("tags"), list):
            tags = [str(t) for t in update["tags"]]
        for tag in update.get("additional_tags") or []:
            if str(tag) not in tags:
                tags.append(str(tag))
        removed = {str(t) for t in update.get("remove_tags") or []}
        tags = [t for t in tags if t not in removed]
        if tags != tags_before:
            ticket["tags"] = tags
            events.append(
                {
                    "id": org.next_id("child_event"),
                    "type": "Change",
                    "field_name": "tags",
                    "value": tags,
                    "previous_value": tags_before,
                }
            )
        for name in ("priority", "assignee_id", "group_id", "type", "subject"):
            if name in update and update[name] != ticket.get(name):
                events.append(
                    {
                        "id": org.next_id("child_event"),
                        "type": "Change",
                        "field_name": name,
                        "value": update[name],
                        "previous_value": ticket.get(name),
                    }
                )
                ticket[name] = update[name]

        audit_id = org.next_id("audit")
        if comment is not None:
            comment["audit_id"] = audit_id
            org.comments.setdefault(int(ticket["id"]), []).append(comment)
            self._count_reply(int(ticket["id"]), comment, ts)
        org.retime_ticket(ticket, ts)
        via: Record = {"channel": "api", "source": {"from": {}, "to": {}, "rel": None}}
        via_label = "Web service"
        if rule is not None:
            source = {"from": {"id": rule["id"], "title": rule["title"]}, "to": {}}
            via, via_label = {"channel": "rule", "source": {**source, "rel": "automation"}}, "Rule"
        audit = self._record_audit(
            ticket, events, audit_id, int(actor["id"]), ts, via, via_label, custom_metadata
        )
        if comment is not None and self.requesters.enabled:
            self._maybe_ask_requester(ticket, comment, author, set(tags) - set(tags_before), at)
        return ticket, audit

    def _maybe_ask_requester(
        self, ticket: Record, comment: Record, author: Record, tags_added: set[str], at: float
    ) -> None:
        """Schedule the requester's answer when a staff member's public comment asks them
        to confirm the ticket is resolved."""
        if not comment["public"] or author.get("role") == "end-user":
            return
        if not asks_for_confirmation(int(ticket["id"]), str(comment["body"]), tags_added):
            return
        requester = self.org.users.get(_int_or(ticket.get("requester_id")))
        if requester is None:
            return
        self.requesters.schedule(
            int(ticket["id"]), int(requester["id"]), requester.get("locale"), at
        )

    def _record_audit(
        self,
        ticket: Record,
        events: list[Record],
        audit_id: int,
        author_id: int,
        ts: int,
        via: Record,
        via_label: str,
        custom: Record,
    ) -> Record:
        """Store one update's audit (served by the ticket event export and by the ticket's
        audits) and return it as the update's answer carries it."""
        system = {"client": "alignbot-sandbox", "location": None}
        self.org.add_event(
            {
                "id": audit_id,
                "ticket_id": ticket["id"],
                "timestamp": ts,
                "created_at": iso(ts),
                "updater_id": author_id,
                "via": via_label,
                "system": system,
                "metadata": {},
                "event_type": "Audit",
                "child_events": [
                    e
                    if e.get("type") == "Comment"
                    else {**{k: v for k, v in e.items() if k != "type"}, "event_type": "Change"}
                    for e in events
                ],
                "_via": via,
                "_custom_metadata": custom,
            }
        )
        return {
            "id": audit_id,
            "ticket_id": ticket["id"],
            "created_at": iso(ts),
            "author_id": author_id,
            "metadata": {"system": dict(system), "custom": dict(custom)},
            "via": via,
            "events": events,
        }

    def _close_by_automation(self, ticket: Record, ts: int, *, hard: bool) -> None:
        org = self.org
        title = (
            "Tickets solved for 28 days are closed"
            if hard
            else f"Close ticket {self.close_solved_after_days} days after status is set to solved"
        )
        events: list[Record] = [
            {
                "id": org.next_id("child_event"),
                "type": "Change",
                "field_name": "status",
                "value": "closed",
                "previous_value": ticket.get("status"),
            }
        ]
        ticket["status"] = "closed"
        self._update_metrics(int(ticket["id"]), "solved", "closed", ts)
        org.retime_ticket(ticket, ts)
        via = {
            "channel": "rule",
            "source": {"from": {"id": 1, "title": title}, "to": {}, "rel": "automation"},
        }
        audit_id = org.next_id("audit")
        self._record_audit(ticket, events, audit_id, SYSTEM_USER_ID, ts, via, "Rule", {})

    def _update_metrics(self, ticket_id: int, before: str, after: str, ts: int) -> None:
        metric = self.org.ticket_metrics.get(ticket_id)
        if metric is None:
            return
        metric["status_updated_at"] = iso(ts)
        metric["updated_at"] = iso(ts)
        if after == "solved":
            metric["solved_at"] = iso(ts)
        if before in ("solved",) and after in ("open", "new", "pending", "hold"):
            metric["reopens"] = int(metric.get("reopens") or 0) + 1

    def _count_reply(self, ticket_id: int, comment: Record, ts: int) -> None:
        metric = self.org.ticket_metrics.get(ticket_id)
        if metric is None:
            return
        author = self.org.users.get(_int_or(comment.get("author_id")), {})
        metric["latest_comment_added_at"] = iso(ts)
        metric["updated_at"] = iso(ts)
        if author.get("role") == "end-user":
            metric["requester_updated_at"] = iso(ts)
        else:
            metric["assignee_updated_at"] = iso(ts)
            if comment.get("public"):
                metric["replies"] = int(metric.get("replies") or 0) + 1

    def _put_custom_status(self, raw_id: str, body: Any) -> Record:
        """Update a custom status's labels, description or `active` (not its category)."""
        record = _lookup(self.org.custom_statuses, raw_id)
        data = body.get("custom_status") if isinstance(body, dict) else None
        if not isinstance(data, dict):
            raise _Reply(
                400,
                {
                    "error": "InvalidRequest",
                    "description": 'The request body must be {"custom_status": {...}}',
                },
            )
        if "active" in data and data["active"] is False and record.get("default"):
            raise _invalid(
                "A default status cannot be deactivated",
                {"active": [{"description": "cannot deactivate a default status"}]},
            )
        for name in ("agent_label", "end_user_label", "description", "end_user_description"):
            if isinstance(data.get(name), str):
                if name == "agent_label" and not data[name]:
                    raise _invalid(
                        "Agent label cannot be blank",
                        {"agent_label": [{"description": "cannot be blank"}]},
                    )
                record[name] = record[f"raw_{name}"] = data[name]
        if isinstance(data.get("active"), bool):
            record["active"] = data["active"]
        record["updated_at"] = iso(self.now())
        return {"custom_status": record}

    def _post_custom_status(self, body: Any) -> Record:
        if not self.custom_statuses_enabled:
            raise _invalid(
                "Custom ticket statuses are not enabled for this account",
                {"custom_status": [{"description": "custom ticket statuses are off"}]},
            )
        data = body.get("custom_status") if isinstance(body, dict) else None
        if not isinstance(data, dict):
            raise _Reply(
                400,
                {
                    "error": "InvalidRequest",
                    "description": 'The request body must be {"custom_status": {...}}',
                },
            )
        category = data.get("status_category")
        label = data.get("agent_label")
        if category not in ("new", "open", "pending", "hold", "solved"):
            raise _invalid(
                "Status category is invalid", {"status_category": [{"description": "is invalid"}]}
            )
        if not label:
            raise _invalid(
                "Agent label cannot be blank", {"agent_label": [{"description": "cannot be blank"}]}
            )
        stamp = iso(self.now())
        status_id = self.org.next_id("custom_status")
        record = {
            "id": status_id,
            "status_category": category,
            "agent_label": label,
            "raw_agent_label": label,
            "end_user_label": data.get("end_user_label") or label,
            "raw_end_user_label": data.get("end_user_label") or label,
            "description": data.get("description") or "",
            "raw_description": data.get("description") or "",
            "end_user_description": data.get("end_user_description") or "",
            "raw_end_user_description": data.get("end_user_description") or "",
            "active": data.get("active", True) is not False,
            "default": False,
            "created_at": stamp,
            "updated_at": stamp,
        }
        self.org.custom_statuses[status_id] = record
        return {"custom_status": record}


def _extend_same_second(order: list[tuple[int, int]], start: int, stop: int, end: int) -> int:
    """Grow a time-based page so it never ends in the middle of one second's items, and
    never past `end` (what may be served: it ends at a second's boundary)."""
    if stop >= end or stop <= start:
        return min(stop, end)
    last = order[stop - 1][0]
    while stop < end and order[stop][0] == last:
        stop += 1
    return stop


def _next_start(window: list[tuple[int, int]], start_time: int) -> int:
    """The end_time of a time-based page: the next page's start_time.

    Like Zendesk it is the last item's time (so the next page may repeat items of that second);
    when a whole page is one second, it moves past it so paging always progresses.
    """
    if not window:
        return start_time
    if window[0][0] == window[-1][0]:
        return window[-1][0] + 1
    return window[-1][0]


def _strip_tags(markup: str) -> str:
    out, inside = [], False
    for char in markup:
        if char == "<":
            inside = True
        elif char == ">":
            inside = False
        elif not inside:
            out.append(char)
    return "".join(out)


def _bounded(raw: str | None, default: int, maximum: int, name: str) -> int:
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise _bad_param(f"{name} must be a positive integer")
    return min(int(raw), maximum)


def _int_or(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _int_or_404(raw: str) -> int:
    if not raw.isdigit():
        raise _not_found()
    return int(raw)


def _lookup(table: dict[int, Record], raw: str) -> Record:
    record = table.get(_int_or_404(raw))
    if record is None:
        raise _not_found()
    return record


def _json_bytes(body: Any) -> bytes:
    """`body` as UTF-8 JSON. Text holding a lone surrogate (a fixture may: JSON's `\\ud800`
    escape is valid JSON text) cannot be UTF-8, so that answer is sent with every non-ASCII
    character escaped, as any JSON encoder that escapes them sends it."""
    try:
        return json.dumps(body, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return json.dumps(body).encode("ascii")


class _Handler(BaseHTTPRequestHandler):
    sandbox: ZendeskSandbox
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle's algorithm and the
    # client's delayed ACK add ~40 ms to every keep-alive response.
    disable_nagle_algorithm = True
    server_version = "ZendeskSandbox/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        # Per-request lines would drown test output; the counters in `stats` say the same.
        return

    def do_GET(self) -> None:
        self._handle("GET")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def _handle(self, method: str) -> None:
        sandbox = self.sandbox
        split = urlsplit(self.path)
        path = split.path
        length = int(self.headers.get("Content-Length") or 0)
        raw_body = self.rfile.read(length) if length else b""
        with sandbox.lock:
            sandbox.stats.requests += 1
            # Zendesk serves /x and /x.json alike; count both under the .json form.
            sandbox.stats.by_path[path if path.endswith(".json") else path + ".json"] += 1
        fault, reply = sandbox._admission(method, path, split.query)
        if fault == "drop":
            self._drop()
            return
        if fault == "slow":
            time.sleep(sandbox.slow_seconds)
        elif fault == "429":
            reply = _Reply(
                429,
                {
                    "error": "APIRateLimitExceeded",
                    "description": "Number of allowed API requests per minute exceeded",
                },
                {"Retry-After": str(sandbox.retry_after)},
            )
        elif fault in ("500", "503"):
            reply = _Reply(
                int(fault),
                {
                    "error": "ServiceUnavailable" if fault == "503" else "InternalServerError",
                    "description": "Injected by the sandbox",
                },
            )
            if fault == "503":
                reply.headers["Retry-After"] = str(sandbox.retry_after)
        if reply is not None:
            self._send(reply.status, reply.body, reply.headers)
            return
        actor = sandbox._authenticate(self.headers.get("Authorization"))
        if actor is None:
            self._send(
                401,
                {"error": "Couldn't authenticate you"},
                {"WWW-Authenticate": 'Basic realm="Web Password"'},
            )
            return
        params = {k: v[-1] for k, v in parse_qs(split.query, keep_blank_values=True).items()}
        body: Any = None
        if raw_body:
            try:
                body = json.loads(raw_body)
            except ValueError:
                self._send(
                    400,
                    {"error": "InvalidJSON", "description": "The request body is not valid JSON"},
                )
                return
        host = self.headers.get("Host") or sandbox.netloc
        try:
            status, payload = sandbox.route(method, path, params, body, f"http://{host}", actor)
        except _Reply as exc:
            self._send(exc.status, exc.body, exc.headers)
            return
        except _Drop:
            self._drop()
            return
        except Exception:
            # A malformed record planted by a test, or a sandbox bug: answer as Zendesk does
            # on an internal error, and leave the traceback in the log for whoever planted it.
            log.exception("sandbox failed on %s %s", method, self.path)
            self._send(500, {"error": "InternalServerError", "description": "Sandbox error"})
            return
        self._send(status, payload)

    def _drop(self) -> None:
        with self.sandbox.lock:
            self.sandbox.stats.by_status[0] += 1
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError as exc:
            log.debug("socket already gone while dropping it: %s", exc)

    def _send(
        self, status: int, body: Record | None, headers: dict[str, str] | None = None
    ) -> None:
        sandbox = self.sandbox
        with sandbox.lock:
            try:
                data = _json_bytes(body) if body is not None else b""
            except (TypeError, ValueError):
                # A value JSON cannot hold, planted in the org by hand: answer as Zendesk does
                # on an internal error (never an empty 200), traceback in the log.
                log.exception("sandbox cannot encode its answer to %s as JSON", self.path)
                status = 500
                data = _json_bytes({"error": "InternalServerError", "description": "Sandbox error"})
            sandbox.stats.by_status[status] += 1
            remaining = sandbox._global_window.remaining(sandbox.requests_per_minute, unlimited=700)
            limit = sandbox.requests_per_minute or 700
        try:
            self.send_response(status, HTTPStatus(status).phrase)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Rate-Limit", str(limit))
            self.send_header("X-Rate-Limit-Remaining", str(remaining))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError) as exc:
            # The client gave up first (a timeout on a slow response): nothing left to answer.
            log.debug("client went away before the response was written: %s", exc)
            self.close_connection = True


ZendeskSandbox.handler_class = _Handler  # defined below the sandbox it serves
