"""The dispatcher: claims due rows and delivers each exactly once.

State machine of a row (`bot.store.outbox.OutboxMessage`)::

    pending --claim--> sending --delivered----------------> sent
       ^                  |------transient error---------> pending (next_attempt_at later)
       |                  |------permanent / max_attempts-> failed (last_error says why)
       +-- dead claim ----+  (claimed longer ago than claim_timeout: taken over, "recovered")

- The claim (status `sending`, `claimed_by`, `claimed_at`, `attempts + 1`) commits before any
  network call. On PostgreSQL candidates are locked with `FOR UPDATE SKIP LOCKED`, so
  replicas never wait on each other; on both databases the claim is a conditional UPDATE on
  the row's `status` and `attempts`, so two dispatchers can never both claim a row.
- The mark (`sent`, `pending` again or `failed`) is conditional on still holding the claim.
- Transient errors are the ports' own (`ChatUnavailable`, `HelpdeskUnavailable`, and their
  rate-limited kinds `ChatRateLimited`, `HelpdeskRateLimited`): whatever implements a port
  raises subclasses of them, so no dispatcher has to be told which classes are transient.
  They come back with exponential backoff and jitter, or exactly the Retry-After asked for.
  After a rate limit the rest of the pass leaves that port alone: its other rows are put
  back, due when the Retry-After ends, without using an attempt. A rate limit of one ticket
  (`HelpdeskRateLimited.ticket_id`: it took too many updates) holds back only that row.
- A dispatcher claims a few rows at a time (`BATCH_SIZE`), what it will deliver soon, and
  renews the claims of the rows still in its hand before each delivery and at each
  checkpoint, so `claim_timeout` (`CLAIM_TIMEOUT`) only has to outlast one delivery (a few
  calls, each with its timeout). A dispatcher that dies holds only those few rows, and only
  for that long.
- A ticket takes a bounded number of writes (`TicketBudget`: Zendesk's 30 per 10 minutes).
  A helpdesk row whose ticket used its budget (counted from the outbox's own sent rows) is
  given back untried, due when the budget frees, without using an attempt: no 429 is
  provoked.
- When an earlier attempt *may* have been delivered (the process died between the call and
  the mark, or the call failed in a way that does not say whether it was accepted, e.g. a
  500 or a timeout), the row remembers since when (`result["unknown_since"]`), and the next
  attempt first asks the service, by the idempotency key the write carried: Slack by
  `Chat.find_message` (the key is in the message's metadata), Zendesk by
  `Helpdesk.find_write` (the key is in the ticket update's audit metadata). So a Slack
  message or a Zendesk comment is never sent twice and never given up on for an unknown
  outcome, and a ticket update found made is not made again over what changed since.
"""

from __future__ import annotations

import logging
import os
import random
import re
import socket
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, RowMapping, and_, func, or_, select, update

from bot.chat import Chat, ChatError, ChatRateLimited, ChatUnavailable
from bot.helpdesk import Helpdesk, HelpdeskError, HelpdeskRateLimited, HelpdeskUnavailable
from bot.outbox.budget import ZENDESK_TICKET_BUDGET, TicketBudget
from bot.outbox.deliverers import DELIVERERS, Deliverer, Delivery, Ports
from bot.outbox.errors import OutboxError, Waiting
from bot.store.outbox import FAILED, PENDING, SENDING, SENT, OutboxRow
from bot.store.tables import OUTBOX

__all__ = [
    "BATCH_SIZE",
    "CLAIM_TIMEOUT",
    "DispatchResult",
    "Dispatcher",
    "default_worker_id",
]

log = logging.getLogger("alignbot.outbox")

# Rows a dispatcher claims at a time: what it delivers in the next few seconds, so a killed
# dispatcher strands no more than these.
BATCH_SIZE = 5
# A claim not renewed for this long is its dispatcher's death. Claims in hand are renewed
# before each delivery and at each checkpoint, so this only has to outlast one delivery's
# calls between checkpoints (Slack's client times out after 10 s, Zendesk's after 30 s).
CLAIM_TIMEOUT = timedelta(minutes=2)
MAX_ERROR_CHARS = 2000
_TOKEN = re.compile(r"xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|Bearer\s+\S+", re.IGNORECASE)


@dataclass(frozen=True)
class DispatchResult:
    """What one pass did. `sent` counts rows marked sent, including those found already
    delivered; `recovered` counts rows taken over from a dispatcher that died holding them
    (each is also counted as sent, retried or failed)."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    recovered: int = 0

    def __add__(self, other: DispatchResult) -> DispatchResult:
        return DispatchResult(
            self.sent + other.sent,
            self.retried + other.retried,
            self.failed + other.failed,
            self.recovered + other.recovered,
        )

    def summary(self) -> str:
        line = f"dispatched: {self.sent} sent, {self.retried} retried later, {self.failed} failed"
        if self.recovered:
            line += f" ({self.recovered} recovered from an interrupted dispatcher)"
        return line


@dataclass(frozen=True)
class _Claim:
    id: int
    key: str
    kind: str
    target: str
    payload: dict[str, Any]
    attempts: int  # after this claim
    created_at: datetime
    claimed_at: datetime
    recovered: bool
    unknown_since: datetime | None
    progress: dict[str, Any]


class _ClaimLost(Exception):
    """Another dispatcher took the row over (our claim outlived claim_timeout)."""


def default_worker_id() -> str:
    """host:pid, which tells replicas (and restarts) apart in `claimed_by`."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _scrub(text: str) -> str:
    return _TOKEN.sub("[redacted]", text)[:MAX_ERROR_CHARS]


def _describe(exc: BaseException) -> str:
    return _scrub(f"{type(exc).__name__}: {exc}")


def _utc(value: datetime | None) -> datetime | None:
    return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)


class Dispatcher:
    """Claims due outbox rows and delivers them through the ports it was given.

    Rows whose port this dispatcher lacks (no `chat` for `slack.*`, no `helpdesk` for
    `zendesk.*`) are left untouched for a dispatcher that has it; `undeliverable()` counts
    them. It claims `batch_size` rows at a time and renews the claims it holds before each
    delivery and at each checkpoint; `claim_timeout` must exceed the longest stretch of calls
    between two renewals: a claim older than that is taken as its dispatcher's death.
    `ticket_budget` bounds the writes to one ticket (None: unbounded).
    `after_send` is a test hook called after a delivery returned and before it is marked.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        chat: Chat | None,
        helpdesk: Helpdesk | None,
        worker_id: str,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        claim_timeout: timedelta = CLAIM_TIMEOUT,
        max_attempts: int = 10,
        batch_size: int = BATCH_SIZE,
        backoff_base: timedelta = timedelta(seconds=5),
        backoff_cap: timedelta = timedelta(minutes=30),
        jitter: Callable[[], float] = random.random,
        deliverers: Mapping[str, Deliverer] | None = None,
        ticket_budget: TicketBudget | None = ZENDESK_TICKET_BUDGET,
        after_send: Callable[[Delivery, Mapping[str, Any]], None] | None = None,
    ) -> None:
        if max_attempts < 1 or batch_size < 1:
            raise ValueError("max_attempts and batch_size must be at least 1")
        self.engine = engine
        self.ports = Ports(chat=chat, helpdesk=helpdesk)
        self.worker_id = worker_id
        self.clock = clock
        self.claim_timeout = claim_timeout
        self.max_attempts = max_attempts
        self.batch_size = batch_size
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.jitter = jitter
        self.deliverers = dict(DELIVERERS if deliverers is None else deliverers)
        self.ticket_budget = ticket_budget
        self.after_send = after_send

    # -- what is due --------------------------------------------------------------------

    def deliverable_kinds(self) -> list[str]:
        """The kinds this dispatcher has both a deliverer and the port for."""
        have = {"chat": self.ports.chat is not None, "helpdesk": self.ports.helpdesk is not None}
        return sorted(k for k, d in self.deliverers.items() if have.get(d.port, False))

    def _due(self, now: datetime) -> Any:
        c = OUTBOX.c
        return or_(
            and_(c.status == PENDING, c.next_attempt_at <= now),
            and_(c.status == SENDING, c.claimed_at <= now - self.claim_timeout),
        )

    def undeliverable(self, now: datetime | None = None) -> dict[str, int]:
        """Due rows per kind this dispatcher cannot deliver (no port, or unknown kind)."""
        now = now or self.clock()
        c = OUTBOX.c
        query = (
            select(c.kind, func.count())
            .where(self._due(now), c.kind.not_in(self.deliverable_kinds()))
            .group_by(c.kind)
        )
        with self.engine.connect() as connection:
            return {str(kind): int(n) for kind, n in connection.execute(query).all()}

    # -- one pass -----------------------------------------------------------------------

    def run_once(self, now: datetime | None = None) -> DispatchResult:
        """Deliver every row due at `now` (default: the clock) and return what happened.

        Time inside the pass advances with the clock from `now`; a row rescheduled during
        the pass is not attempted again in it.
        """
        started = self.clock()
        base = now or started

        def current() -> datetime:
            return base + max(timedelta(0), self.clock() - started)

        total = DispatchResult()
        done: set[int] = set()
        # A port that answered "rate limited" is left alone until its Retry-After is over:
        # the rest of the pass does not hammer it, its rows wait without using an attempt.
        paused: dict[str, datetime] = {}
        while True:
            kinds = [
                kind
                for kind in self.deliverable_kinds()
                if self.deliverers[kind].port not in paused
            ]
            if not kinds:
                return total
            claims, seen = self._claim(current(), kinds, done)
            if not seen:
                return total  # none due (rows another dispatcher won first: read again)
            done.update(claim.id for claim in claims)
            while claims:
                claims = self._renew(claims, current())
                if not claims:
                    break
                claim, claims = claims[0], claims[1:]
                port = self.deliverers[claim.kind].port
                if port in paused:
                    total = total + self._defer(claim, paused[port])
                    continue
                if port == "helpdesk":
                    budget_frees = self._ticket_budget_frees(claim, current())
                    if budget_frees is not None:
                        total = total + self._defer(claim, budget_frees)
                        continue
                outcome, rate_limited_until = self._deliver(claim, current)
                total = total + outcome
                if rate_limited_until is not None:
                    paused[port] = rate_limited_until

    def _claim(
        self, now: datetime, kinds: Sequence[str], done: set[int]
    ) -> tuple[list[_Claim], int]:
        """Claim up to batch_size due rows; also say how many were due when read."""
        c = OUTBOX.c
        query = (
            select(OUTBOX)
            .where(self._due(now), c.kind.in_(kinds))
            .order_by(c.next_attempt_at, c.id)
            .limit(self.batch_size)
        )
        if done:
            query = query.where(c.id.not_in(sorted(done)))
        if self.engine.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        claims: list[_Claim] = []
        with self.engine.begin() as connection:
            candidates = connection.execute(query).mappings().all()
            for row in candidates:
                taken = connection.execute(
                    update(OUTBOX)
                    .where(
                        c.id == row["id"], c.status == row["status"], c.attempts == row["attempts"]
                    )
                    .values(
                        status=SENDING,
                        claimed_by=self.worker_id,
                        claimed_at=now,
                        attempts=row["attempts"] + 1,
                    )
                )
                if taken.rowcount != 1:
                    continue  # another dispatcher claimed it since we read it (SQLite)
                claims.append(self._claim_of(row, now))
        return claims, len(candidates)

    def _claim_of(self, row: RowMapping, now: datetime) -> _Claim:
        progress = dict(row["result"] or {})
        unknown_since = None
        if isinstance(progress.get("unknown_since"), str):
            unknown_since = datetime.fromisoformat(progress["unknown_since"])
        recovered = row["status"] == SENDING
        if recovered:
            dead_claim = row["claimed_at"]
            log.warning(
                "outbox row %s (key %s): taking over from %s, whose claim of %s expired",
                row["id"],
                row["idempotency_key"],
                row["claimed_by"],
                dead_claim,
            )
            if unknown_since is None or (dead_claim is not None and dead_claim < unknown_since):
                unknown_since = dead_claim
            if unknown_since is not None:
                progress["unknown_since"] = unknown_since.isoformat()
        return _Claim(
            id=row["id"],
            key=row["idempotency_key"],
            kind=row["kind"],
            target=row["target"],
            payload=dict(row["payload"] or {}),
            attempts=row["attempts"] + 1,
            created_at=row["created_at"],
            claimed_at=now,
            recovered=recovered,
            unknown_since=unknown_since,
            progress=progress,
        )

    def _mark(self, claim: _Claim, **values: Any) -> bool:
        with self.engine.begin() as connection:
            changed = connection.execute(
                update(OUTBOX).where(self._holding(claim)).values(**values)
            ).rowcount
        if changed != 1:
            log.warning(
                "outbox row %s (key %s): another dispatcher took it over before it was marked; "
                "it checks before sending again",
                claim.id,
                claim.key,
            )
        return changed == 1

    def _holding(self, claim: _Claim) -> Any:
        """Where the row is still this dispatcher's, under this claim."""
        c = OUTBOX.c
        return and_(
            c.id == claim.id,
            c.status == SENDING,
            c.claimed_by == self.worker_id,
            c.attempts == claim.attempts,
        )

    def _renew(self, claims: Sequence[_Claim], now: datetime) -> list[_Claim]:
        """The claims still in hand, made fresh together once they are a quarter of the
        claim timeout old, so no replica takes over a row waiting its turn in this batch;
        a claim another dispatcher has already taken over is dropped."""
        if self.claim_timeout and all(
            now - claim.claimed_at <= self.claim_timeout / 4 for claim in claims
        ):
            return list(claims)
        kept = []
        with self.engine.begin() as connection:
            for claim in claims:
                renewed = connection.execute(
                    update(OUTBOX).where(self._holding(claim)).values(claimed_at=now)
                ).rowcount
                if renewed == 1:
                    kept.append(replace(claim, claimed_at=now))
                else:
                    log.warning(
                        "outbox row %s (key %s): another dispatcher took it over while it "
                        "waited in this batch; left to it",
                        claim.id,
                        claim.key,
                    )
        return kept

    def _ticket_budget_frees(self, claim: _Claim, now: datetime) -> datetime | None:
        """When the ticket a helpdesk row writes to may take another write, if not now."""
        if self.ticket_budget is None:
            return None
        c = OUTBOX.c
        kinds = [kind for kind, d in self.deliverers.items() if d.port == "helpdesk"]
        query = select(c.sent_at).where(
            c.kind.in_(kinds),
            c.target == claim.target,
            c.status == SENT,
            c.sent_at > now - self.ticket_budget.window,
        )
        with self.engine.connect() as connection:
            written = [_utc(t) for t in connection.execute(query).scalars()]
        frees = self.ticket_budget.next_write_at([t for t in written if t is not None], now)
        if frees is not None:
            log.info(
                "outbox row %s (key %s): ticket %s took %s writes in %s; due again at %s",
                claim.id,
                claim.key,
                claim.target,
                self.ticket_budget.writes,
                self.ticket_budget.window,
                frees,
            )
        return frees

    def lookup(self, key: str) -> OutboxRow | None:
        """The row queued under `key` as it is now, or None."""
        with self.engine.connect() as connection:
            row = (
                connection.execute(select(OUTBOX).where(OUTBOX.c.idempotency_key == key))
                .mappings()
                .first()
            )
        return OutboxRow.of(row) if row is not None else None

    def _when_final(self, row: OutboxRow, now: datetime) -> datetime:
        """When a row another one waits for may be final: when it is due (pending), or a
        backoff step from now (being sent, by this or another dispatcher)."""
        if row.status == PENDING:
            return max(_utc(row.next_attempt_at) or now, now)
        return now + self.backoff_base

    def _defer(self, claim: _Claim, until: datetime) -> DispatchResult:
        """Give a claimed row back untried, due at `until`; the attempt is not counted."""
        self._mark(
            claim,
            status=PENDING,
            attempts=claim.attempts - 1,
            next_attempt_at=until,
            result=claim.progress or None,
            claimed_by=None,
            claimed_at=None,
        )
        return DispatchResult(retried=1, recovered=int(claim.recovered))

    def _deliver(
        self, claim: _Claim, now: Callable[[], datetime]
    ) -> tuple[DispatchResult, datetime | None]:
        """Deliver one claimed row and mark it; also say until when its port is rate
        limited, if it answered so."""
        recovered = int(claim.recovered)
        deliverer = self.deliverers[claim.kind]
        progress = dict(claim.progress)

        def checkpoint(more: dict[str, Any]) -> None:
            progress.update(more)
            # Renewed too: the calls after a checkpoint get a whole claim timeout. The claim's
            # own claimed_at stays the attempt's start, which is what unknown_since records.
            if not self._mark(claim, result=progress, claimed_at=now()):
                raise _ClaimLost

        delivery = Delivery(
            id=claim.id,
            key=claim.key,
            kind=claim.kind,
            target=claim.target,
            payload=claim.payload,
            attempt=claim.attempts,
            created_at=claim.created_at,
            unknown_since=claim.unknown_since,
            progress=dict(progress),
            checkpoint=checkpoint,
            lookup=self.lookup,
        )
        try:
            result = deliverer.deliver(delivery, self.ports)
        except _ClaimLost:
            return DispatchResult(recovered=recovered), None
        except Waiting as waiting:
            log.info("outbox row %s (key %s): %s", claim.id, claim.key, waiting)
            return self._defer(claim, self._when_final(waiting.row, now())), None
        except Exception as exc:
            outcome, until = self._failed_attempt(claim, progress, exc, now())
            return outcome + DispatchResult(recovered=recovered), until
        if self.after_send is not None:
            self.after_send(delivery, result)
        self._mark(claim, status=SENT, sent_at=now(), result=result)
        log.info("outbox row %s (key %s) sent: %s", claim.id, claim.key, result)
        return DispatchResult(sent=1, recovered=recovered), None

    def _failed_attempt(
        self, claim: _Claim, progress: dict[str, Any], exc: Exception, now: datetime
    ) -> tuple[DispatchResult, datetime | None]:
        error = _describe(exc)
        retry_after: float | None = None
        maybe_delivered = False
        port_wide = True
        if isinstance(exc, ChatRateLimited | HelpdeskRateLimited):
            transient, retry_after = True, exc.retry_after  # asked to wait: it was not done
            # A ticket that took too many updates holds back its own rows, not the port.
            port_wide = not (isinstance(exc, HelpdeskRateLimited) and exc.ticket_id is not None)
        elif isinstance(exc, ChatUnavailable | HelpdeskUnavailable):
            transient, maybe_delivered = True, True  # no answer: it may have been done
        elif isinstance(exc, ChatError | HelpdeskError | OutboxError):
            transient = False
        else:  # a bug or an error the port let through: retried, and logged in full
            log.error(
                "outbox row %s (key %s): unexpected %s",
                claim.id,
                claim.key,
                type(exc).__name__,
                exc_info=exc,
            )
            transient, maybe_delivered = True, True
        paused_until = None
        if retry_after is not None:
            retry_after = max(0.0, retry_after)
            if port_wide:
                paused_until = now + timedelta(seconds=retry_after)
        if maybe_delivered and "unknown_since" not in progress:
            progress["unknown_since"] = claim.claimed_at.isoformat()
        if transient and claim.attempts < self.max_attempts:
            if retry_after is not None:
                delay = timedelta(seconds=retry_after)
            else:
                exponential = self.backoff_base * (2 ** min(claim.attempts - 1, 30))
                delay = min(self.backoff_cap, exponential) * (0.5 + 0.5 * self.jitter())
            log.warning(
                "outbox row %s (key %s, %s) attempt %s failed: %s; retrying in %.1fs",
                claim.id,
                claim.key,
                claim.kind,
                claim.attempts,
                error,
                delay.total_seconds(),
            )
            self._mark(
                claim,
                status=PENDING,
                next_attempt_at=now + delay,
                last_error=error,
                result=progress or None,
                claimed_by=None,
                claimed_at=None,
            )
            return DispatchResult(retried=1), paused_until
        if transient:
            error = _scrub(f"gave up after {claim.attempts} attempts: {error}")
        log.error("outbox row %s (key %s, %s) failed: %s", claim.id, claim.key, claim.kind, error)
        self._mark(claim, status=FAILED, last_error=error, result=progress or None)
        return DispatchResult(failed=1), paused_until
