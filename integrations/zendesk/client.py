"""An httpx client for Zendesk's bulk reads: the incremental exports and a few lists.

It authenticates (Basic `email/token:TOKEN`, or Bearer OAuth), keeps under a request budget
per minute (a token bucket), honours 429 `Retry-After`, retries 5xx answers, timeouts,
dropped connections and non-JSON pages with exponential backoff and jitter, clamps export
start times out of the last minute (Zendesk refuses them), and counts every request it sends.
What retrying cannot fix fails at once: a name that does not resolve, a TLS failure, a URL
that is not one (`ZendeskUnreachable`), 401/403 (`AuthError`); a refused connection gets
a few quick retries first. Tokens never reach a log line or an error message.
"""

from __future__ import annotations

import base64
import json
import logging
import random
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx

from bot import observability
from integrations.zendesk.errors import (
    AuthError,
    MalformedResponse,
    NotFound,
    RateLimited,
    RecordInvalid,
    ZendeskError,
    ZendeskUnavailable,
    ZendeskUnreachable,
)

__all__ = ["EXPORT_MIN_AGE_SECONDS", "RequestBudget", "ZendeskClient"]

log = logging.getLogger("alignbot.zendesk")

#: Zendesk refuses an export whose start_time is within the last minute; we keep this far
#: back so a few seconds of clock skew between us and Zendesk cannot trip the rule.
EXPORT_MIN_AGE_SECONDS = 65
TICKET_SIDELOADS = "users,groups,organizations,metric_sets"
RATINGS_PAGE_SIZE = 100  # the most Zendesk serves per page on list endpoints
SHOW_MANY_LIMIT = 100
#: A refused connection is retried this often, at most this long apart: enough for a server
#: that is restarting, short enough that a wrong port fails in a second or two.
REFUSED_RETRIES = 2
REFUSED_WAIT_MAX = 0.5
REFUSED = "connection refused"


class RequestBudget:
    """A token bucket that keeps a client under `per_minute` requests in any minute.

    It holds at most a tenth of the minute's budget as a burst and refills the rest evenly,
    so no 60-second window sees more than `per_minute` requests. `pause(seconds)` empties it
    after a 429, so the next request waits as Zendesk asked. Clock and sleep are injectable.
    """

    def __init__(
        self,
        per_minute: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.per_minute = per_minute
        self.capacity = float(max(1, per_minute // 10))
        self.rate = max(per_minute - self.capacity, 1.0) / 60.0  # tokens per second
        self._clock = clock
        self._sleep = sleep
        self._tokens = self.capacity
        self._stamp = clock()
        self._paused_until = 0.0
        self.waited = 0.0

    def _refill(self, now: float) -> None:
        self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    def acquire(self) -> float:
        """Take one request's token, sleeping first if none is left; return the wait."""
        now = self._clock()
        wait = max(0.0, self._paused_until - now)
        self._refill(now)
        if self._tokens < 1.0:
            wait = max(wait, (1.0 - self._tokens) / self.rate)
        if wait > 0:
            self._sleep(wait)
            self.waited += wait
            now = self._clock()
            self._refill(now)
            # The sleep bought exactly one token (a fake clock may not have moved at all).
            self._tokens = max(self._tokens, 1.0)
        self._tokens -= 1.0
        return wait

    def pause(self, seconds: float) -> None:
        """Send nothing for `seconds` (Zendesk said Retry-After) and start again from empty."""
        now = self._clock()
        self._paused_until = max(self._paused_until, now + seconds)
        self._tokens = 0.0
        self._stamp = now


class ZendeskClient:
    """Zendesk's read API for the sync, over one keep-alive httpx connection pool."""

    def __init__(
        self,
        base_url: str,
        *,
        email: str | None = None,
        api_token: str | None = None,
        oauth_token: str | None = None,
        requests_per_minute: int = 200,
        timeout: float = 30.0,
        max_retries: int = 8,
        page_size: int = 1000,
        backoff_base: float = 0.5,
        backoff_max: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        if oauth_token:
            authorization = f"Bearer {oauth_token}"
        elif email and api_token:
            authorization = "Basic " + _b64(f"{email}/token:{api_token}")
        else:
            raise AuthError(
                "no Zendesk credentials: set ZENDESK_EMAIL and ZENDESK_API_TOKEN "
                "(or ZENDESK_OAUTH_TOKEN)"
            )
        self.base_url = base_url.rstrip("/")
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ZendeskUnreachable(
                f"cannot reach Zendesk at {self.base_url!r} (not an http(s) URL): check ZENDESK_URL"
            )
        self.max_retries = max_retries
        self.page_size = page_size
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.budget = RequestBudget(requests_per_minute, clock=clock, sleep=sleep)
        self._wall_clock = wall_clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout),
            headers={
                "Authorization": authorization,
                "Accept": "application/json",
                "User-Agent": "alignbot/0.1",
            },
        )
        #: Every request sent, retries included: what Zendesk counts against the rate limit.
        self.api_calls = 0
        self.retries = 0
        #: Pages whose bytes were not valid UTF-8 (decoded with U+FFFD in their place).
        self.repaired_pages = 0

    @classmethod
    def from_settings(cls, settings: Any, **overrides: Any) -> ZendeskClient:
        """Build a client from `bot.settings.Settings`, checked with `require_zendesk()` first."""
        settings.require_zendesk()
        secret = settings.zendesk_api_token
        oauth = settings.zendesk_oauth_token
        options: dict[str, Any] = {
            "email": settings.zendesk_email,
            "api_token": secret.get_secret_value() if secret is not None else None,
            "oauth_token": oauth.get_secret_value() if oauth is not None else None,
            "requests_per_minute": settings.zendesk_requests_per_minute,
            "timeout": settings.zendesk_timeout_seconds,
            "max_retries": settings.zendesk_max_retries,
            "page_size": settings.zendesk_page_size,
        }
        options.update(overrides)
        return cls(settings.zendesk_url, **options)

    def __repr__(self) -> str:
        return f"ZendeskClient({self.base_url!r}, api_calls={self.api_calls})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ZendeskClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ----- one request, with budget and retries --------------------------------------------

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self.backoff_max, self.backoff_base * 2.0**attempt)
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)  # "equal jitter"

    def get(self, path: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """GET a JSON object from `path` (relative to the base URL), retrying what is transient."""
        return self.request("GET", path, params=params)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Send one request (a JSON body with `json`) and return the JSON object answered,
        retrying what is transient. A write retried after a 5xx may have happened once
        already: callers writing through here must be idempotent or check first."""
        last_problem = ""
        retry_after: float | None = None
        refused = 0
        for attempt in range(self.max_retries + 1):
            if attempt:
                self.retries += 1
            self.budget.acquire()
            self.api_calls += 1
            observability.record_api_request("zendesk")
            wait: float
            try:
                response = self._http.request(method, path, params=params, json=json)
            except httpx.TimeoutException:
                last_problem, retry_after = "timed out", None
                wait = self._backoff(attempt)
            except httpx.TransportError as exc:
                reason = _unreachable(exc)
                if reason == REFUSED and refused < min(REFUSED_RETRIES, self.max_retries):
                    refused += 1  # a server restarting refuses for a moment
                    wait = min(REFUSED_WAIT_MAX, self._backoff(attempt))
                elif reason is not None:
                    if reason == REFUSED and attempt:
                        reason += f" on {attempt + 1} attempts"
                    raise ZendeskUnreachable(
                        f"cannot reach Zendesk at {self.base_url} ({reason}): check ZENDESK_URL"
                    ) from None
                else:
                    wait = self._backoff(attempt)
                last_problem, retry_after = f"connection failed ({type(exc).__name__})", None
            else:
                status = response.status_code
                if 200 <= status < 300:
                    data = self._decode(response)
                    if data is not None:
                        return data
                    last_problem, retry_after = "answered with a page that is not JSON", None
                    wait = self._backoff(attempt)
                elif status == 429 or status >= 500:
                    retry_after = _retry_after(response)
                    last_problem = f"answered {status}"
                    wait = retry_after if retry_after is not None else self._backoff(attempt)
                    if status == 429:
                        observability.record_rate_limited("zendesk")
                        self.budget.pause(wait)
                else:
                    raise _client_error(method, path, response)
            if attempt == self.max_retries:
                break
            log.info(
                "Zendesk %s %s %s; retry %d of %d in %.2f s",
                method, path, last_problem, attempt + 1, self.max_retries, wait,
            )  # fmt: skip
            if wait > 0:
                self._sleep(wait)
        tries = self.max_retries + 1
        if last_problem.startswith("answered 429"):
            raise RateLimited(
                f"Zendesk kept rate-limiting {method} {path} after {tries} attempts; lower "
                "ZENDESK_REQUESTS_PER_MINUTE or try again later",
                retry_after if retry_after is not None else 60.0,
            )
        if "not JSON" in last_problem:
            raise MalformedResponse(
                f"Zendesk {method} {path} {last_problem} on each of {tries} attempts"
            )
        raise ZendeskUnavailable(
            f"Zendesk {method} {path} {last_problem} on each of {tries} attempts; check "
            "ZENDESK_URL and https://status.zendesk.com, or raise ZENDESK_MAX_RETRIES"
        )

    def ticket_count(self) -> int | None:
        """How many tickets the account holds (Zendesk's estimate, refreshed now and then),
        or None when it does not say; enough for a progress bar, not for arithmetic."""
        page = self.get("/api/v2/tickets/count.json")
        count = page.get("count")
        value = count.get("value") if isinstance(count, dict) else None
        return value if isinstance(value, int) and value >= 0 else None

    def _decode(self, response: httpx.Response) -> dict[str, Any] | None:
        raw = response.content
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            # Keep the page: one bad byte in one comment must not cost the whole export.
            log.warning(
                "Zendesk page %s had non-UTF-8 bytes at offset %d; replaced with U+FFFD",
                response.request.url.path, exc.start,
            )  # fmt: skip
            self.repaired_pages += 1
            text = raw.decode("utf-8", errors="replace")
        try:
            data = json.loads(text)
        except ValueError as exc:
            log.warning(
                "Zendesk page %s is not JSON (%s; starts %r)",
                response.request.url.path, exc, text[:80],
            )  # fmt: skip
            return None
        if not isinstance(data, dict):
            log.warning("Zendesk page %s is JSON but not an object", response.request.url.path)
            return None
        return data

    # ----- the exports ---------------------------------------------------------------------

    def now(self) -> float:
        """The present as this client sees it (Unix seconds, from its `wall_clock`)."""
        return float(self._wall_clock())

    def clamp_start_time(self, start_time: int) -> int:
        """An export start_time Zendesk accepts: not negative, not within the last minute."""
        latest = int(self.now()) - EXPORT_MIN_AGE_SECONDS
        if start_time > latest:
            log.info(
                "export start_time %d is within the last minute, which Zendesk refuses; "
                "starting from %d instead (rows already stored are skipped or re-written)",
                start_time, latest,
            )  # fmt: skip
            return latest
        return max(0, start_time)

    def _export(self, path: str, params: dict[str, Any]) -> dict[str, Any]:
        """One export page; a 'Too recent start_time' refusal (clock skew) moves back once."""
        try:
            return self.get(path, params)
        except RecordInvalid as exc:
            if "start_time" not in params or "too recent" not in str(exc).lower():
                raise
            params = {**params, "start_time": max(0, int(params["start_time"]) - 300)}
            log.info("Zendesk said start_time is too recent; retrying 5 minutes earlier")
            return self.get(path, params)

    def ticket_pages(
        self, *, cursor: str | None = None, start_time: int = 0
    ) -> Iterator[dict[str, Any]]:
        """Pages of the cursor-based incremental ticket export, with users, groups,
        organizations and metric sets sideloaded. Each page has `after_cursor` and
        `end_of_stream`; the iterator stops after the page that ends the stream."""
        params: dict[str, Any] = {"per_page": self.page_size, "include": TICKET_SIDELOADS}
        if cursor:
            params["cursor"] = cursor
        else:
            params["start_time"] = self.clamp_start_time(start_time)
        for _ in range(10_000_000):  # bounded: a stream ends long before this
            page = self._export("/api/v2/incremental/tickets/cursor.json", params)
            yield page
            after = page.get("after_cursor")
            if page.get("end_of_stream") or not after or after == params.get("cursor"):
                return
            params = {
                "per_page": self.page_size,
                "include": TICKET_SIDELOADS,
                "cursor": after,
            }

    def ticket_event_page(self, start_time: int) -> dict[str, Any]:
        """One page of the time-based ticket event export, comment bodies included."""
        return self._export(
            "/api/v2/incremental/ticket_events.json",
            {
                "start_time": self.clamp_start_time(start_time),
                "include": "comment_events",
                "per_page": self.page_size,
            },
        )

    def rating_pages(self, *, start_time: int = 0) -> Iterator[dict[str, Any]]:
        """Pages of satisfaction ratings created at or after `start_time`, oldest first.

        Zendesk has no incremental export for ratings; its list endpoint with `start_time`
        and cursor pagination (100 a page) is the bulk read it offers.
        """
        params: dict[str, Any] = {"page[size]": RATINGS_PAGE_SIZE, "sort_order": "asc"}
        if start_time > 0:
            params["start_time"] = start_time
        for _ in range(10_000_000):
            page = self.get("/api/v2/satisfaction_ratings.json", params)
            yield page
            meta = page.get("meta") if isinstance(page.get("meta"), dict) else {}
            after = meta.get("after_cursor") if meta else None
            if not meta or not meta.get("has_more") or not after:
                return
            params = {**params, "page[after]": after}

    def users_by_id(self, ids: list[int]) -> list[dict[str, Any]]:
        """Users by id, 100 per request (for comment authors no ticket sideloaded)."""
        found: list[dict[str, Any]] = []
        for start in range(0, len(ids), SHOW_MANY_LIMIT):
            chunk = ids[start : start + SHOW_MANY_LIMIT]
            page = self.get("/api/v2/users/show_many.json", {"ids": ",".join(map(str, chunk))})
            users = page.get("users")
            if isinstance(users, list):
                found.extend(u for u in users if isinstance(u, dict))
        return found

    # ----- account configuration (for `alignbot zendesk setup`) -------------------------------

    def custom_statuses(self) -> list[dict[str, Any]]:
        """Every custom ticket status of the account, active or not (Zendesk does not page them)."""
        rows = self.get("/api/v2/custom_statuses.json").get("custom_statuses")
        return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []

    def create_custom_status(
        self,
        *,
        status_category: str,
        agent_label: str,
        end_user_label: str,
        description: str = "",
        end_user_description: str = "",
    ) -> dict[str, Any]:
        """Create a custom ticket status; returns it as Zendesk answered (with its `id`)."""
        body = {
            "custom_status": {
                "status_category": status_category,
                "agent_label": agent_label,
                "end_user_label": end_user_label,
                "description": description,
                "end_user_description": end_user_description,
                "active": True,
            }
        }
        created = self.request("POST", "/api/v2/custom_statuses.json", json=body)
        record = created.get("custom_status")
        if not isinstance(record, dict) or not isinstance(record.get("id"), int):
            raise MalformedResponse("Zendesk created a custom status but did not say its id")
        return record

    def automations(self, *, active_only: bool = True) -> list[dict[str, Any]]:
        """The account's automations (only the active ones by default), every page."""
        path = "/api/v2/automations/active.json" if active_only else "/api/v2/automations.json"
        found: list[dict[str, Any]] = []
        params: dict[str, Any] | None = {"per_page": 100}
        for _ in range(1000):  # bounded: Zendesk allows 500 automations per account
            page = self.get(path, params)
            rows = page.get("automations")
            if isinstance(rows, list):
                found.extend(r for r in rows if isinstance(r, dict))
            next_page = page.get("next_page")
            if not isinstance(next_page, str) or not next_page:
                break
            path, params = next_page.removeprefix(self.base_url), None
        return found

    def account_settings(self) -> dict[str, Any]:
        """The account's settings object (`settings`), e.g. `tickets.custom_statuses_enabled`."""
        settings = self.get("/api/v2/account/settings.json").get("settings")
        return settings if isinstance(settings, dict) else {}

    def group_pages(self) -> Iterator[list[dict[str, Any]]]:
        """Every group (a handful of pages at most), so groups no ticket names are known."""
        params: dict[str, Any] = {"page[size]": 100}
        for _ in range(100_000):
            page = self.get("/api/v2/groups.json", params)
            groups = page.get("groups")
            yield [g for g in groups if isinstance(g, dict)] if isinstance(groups, list) else []
            meta = page.get("meta") if isinstance(page.get("meta"), dict) else {}
            if not meta or not meta.get("has_more") or not meta.get("after_cursor"):
                return
            params = {"page[size]": 100, "page[after]": meta["after_cursor"]}


def _unreachable(exc: httpx.TransportError) -> str | None:
    """Why `exc` means ZENDESK_URL leads nowhere, or None when a retry may still succeed.

    httpx wraps the socket's own error (through httpcore), so the chain is searched for it.
    """
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "not an http(s) URL"
    cause: BaseException | None = exc
    for _ in range(10):
        if cause is None:
            break
        if isinstance(cause, socket.gaierror):
            return "name not resolved"
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"TLS certificate refused: {cause.verify_message}"
        if isinstance(cause, ssl.SSLError):
            return f"TLS failed: {cause.reason or cause}"
        if isinstance(cause, ConnectionRefusedError):
            return REFUSED
        cause = cause.__cause__ or cause.__context__
    return None


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _retry_after(response: httpx.Response) -> float | None:
    raw = response.headers.get("Retry-After")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        return None


def _description(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(body, dict):
        parts = [str(body.get(k)) for k in ("error", "description") if body.get(k)]
        details = body.get("details")
        if isinstance(details, dict):
            for field, problems in details.items():
                for problem in problems if isinstance(problems, list) else []:
                    if isinstance(problem, dict) and problem.get("description"):
                        parts.append(f"{field}: {problem['description']}")
        return "; ".join(parts) or str(body)[:200]
    return str(body)[:200]


def _client_error(method: str, path: str, response: httpx.Response) -> ZendeskError:
    status = response.status_code
    what = f"Zendesk {method} {path} answered {status}: {_description(response)}"
    if status in (401, 403):
        return AuthError(
            f"{what}. Check ZENDESK_EMAIL and ZENDESK_API_TOKEN (or ZENDESK_OAUTH_TOKEN), "
            "and that the user is an agent or admin allowed to use the API"
        )
    if status == 404:
        return NotFound(what)
    if status == 422:
        return RecordInvalid(what)
    return ZendeskError(what)
