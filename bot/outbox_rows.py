"""The outbox as an operator handles it, without SQL: list rows, send failed ones again.

`alignbot outbox list` and `alignbot outbox retry` call these (`outbox_counts`, from
`bot.store.stats`, is what `alignbot stats` shows). Sending again keeps the outbox's
guarantees: a row is only reset from `failed` (or made due now from `pending`), on
condition that nobody changed it since it was read, and it keeps what earlier attempts
recorded (`result`), so a Slack message that may have arrived is still looked up before it
is posted again. What cannot be sent again safely is refused with the reason: a row already
sent, one being sent, and a Zendesk comment that may already be on the ticket.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select, update

from bot.outbox import FAILED, PENDING, SENDING, SENT, ZENDESK_COMMENT, ZENDESK_UPDATE, OutboxError
from bot.store.outbox import STATUSES, OutboxRow
from bot.store.stats import outbox_counts
from bot.store.tables import OUTBOX

__all__ = [
    "STATUSES",
    "Retried",
    "UnknownKey",
    "list_rows",
    "outbox_counts",
    "retry_failed",
    "retry_row",
]


class UnknownKey(OutboxError):
    """No outbox row has this idempotency key."""


@dataclass(frozen=True)
class Retried:
    """What `retry_failed` did: the rows reset to be delivered again (as they were before the
    reset) and the rows left alone, each with the reason."""

    reset: list[OutboxRow]
    skipped: list[tuple[OutboxRow, str]]


def list_rows(
    engine: Engine,
    *,
    status: str | None = None,
    kind: str | None = None,
    limit: int = 50,
) -> list[OutboxRow]:
    """The newest `limit` rows, optionally of one status and one kind."""
    c = OUTBOX.c
    query = select(OUTBOX).order_by(c.id.desc()).limit(limit)
    if status is not None:
        query = query.where(c.status == status)
    if kind is not None:
        query = query.where(c.kind == kind)
    with engine.connect() as connection:
        return [OutboxRow.of(row) for row in connection.execute(query).mappings()]


def _refusal(row: OutboxRow) -> str | None:
    """Why `row` must not be sent again, or None when it may."""
    if row.status == SENT:
        when = f" at {row.sent_at:%Y-%m-%d %H:%M:%S} UTC" if row.sent_at else ""
        return f"it was sent{when}; sending it again would deliver it twice"
    if row.status == SENDING:
        return (
            f"{row.claimed_by or 'a dispatcher'} is delivering it; if that dispatcher died, the "
            "next `alignbot dispatch` takes it over once its claim is 5 minutes old"
        )
    comment = row.kind == ZENDESK_COMMENT or (
        row.kind == ZENDESK_UPDATE and row.payload.get("comment") is not None
    )
    if comment and "unknown_since" in row.result:
        return (
            f"an earlier attempt may have added its comment to ticket {row.target}, and Zendesk "
            "cannot be asked: check the ticket, and queue the comment under a new key if it is "
            "missing"
        )
    return None


def _reset(engine: Engine, row: OutboxRow, now: datetime) -> bool:
    """Make `row` due at `now` (a failed row also gets its attempts back); False when
    another process changed it since it was read."""
    c = OUTBOX.c
    values: dict[str, object] = {"next_attempt_at": now}
    if row.status == FAILED:
        values.update(status=PENDING, attempts=0, claimed_by=None, claimed_at=None)
    with engine.begin() as connection:
        changed = connection.execute(
            update(OUTBOX)
            .where(c.id == row.id, c.status == row.status, c.attempts == row.attempts)
            .values(**values)
        ).rowcount
    return changed == 1


def _row(engine: Engine, key: str) -> OutboxRow | None:
    with engine.connect() as connection:
        found = (
            connection.execute(select(OUTBOX).where(OUTBOX.c.idempotency_key == key))
            .mappings()
            .first()
        )
    return OutboxRow.of(found) if found is not None else None


def retry_row(engine: Engine, key: str, *, now: datetime) -> OutboxRow:
    """Send the row under `key` again with the next dispatch: a failed row is reset to
    pending with its attempts back to 0, a pending one is made due now. Returns the row as
    it was. Raises `UnknownKey`, or `OutboxError` saying why it must not be sent again."""
    row = _row(engine, key)
    if row is None:
        raise UnknownKey(f"no outbox row has the key {key!r}; `alignbot outbox list` shows them")
    refusal = _refusal(row)
    if refusal is not None:
        raise OutboxError(f"outbox row {key} is {row.status}, not sent again: {refusal}")
    if not _reset(engine, row, now):
        raise OutboxError(f"outbox row {key} changed while it was being reset; look again")
    return row


def retry_failed(engine: Engine, *, now: datetime, kinds: Sequence[str] = ()) -> Retried:
    """Reset every failed row (of `kinds`, if given) to be delivered by the next dispatch;
    the ones that must not be sent again are skipped with the reason."""
    c = OUTBOX.c
    query = select(OUTBOX).where(c.status == FAILED).order_by(c.id)
    if kinds:
        query = query.where(c.kind.in_(list(kinds)))
    with engine.connect() as connection:
        failed = [OutboxRow.of(row) for row in connection.execute(query).mappings()]
    reset: list[OutboxRow] = []
    skipped: list[tuple[OutboxRow, str]] = []
    for row in failed:
        refusal = _refusal(row)
        if refusal is not None:
            skipped.append((row, refusal))
        elif _reset(engine, row, now):
            reset.append(row)
        else:
            skipped.append((row, "it changed while it was being reset; look again"))
    return Retried(reset=reset, skipped=skipped)
