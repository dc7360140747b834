"""`sync()`: one pass of every stream into the store, incremental or from the beginning.

    from integrations.zendesk.sync import sync
    result = sync(engine, settings)            # or a ZendeskClient
    result = sync(engine, client, full=True)   # backfill from the beginning (or `since`)

Streams run in order: groups, tickets (with users, groups, organizations, metric sets),
ticket events (comments), comment authors no ticket named, satisfaction ratings. A stream
that fails (Zendesk down beyond every retry, a page that never parses) is logged, named in
`SyncResult.errors` and left at its last committed page; the other streams still run. Bad
credentials (`AuthError`) and a ZENDESK_URL that leads nowhere (`ZendeskUnreachable`) stop
the whole pass at once: every stream would fail the same way.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from bot.store.solves import refresh_pending
from integrations.zendesk.client import ZendeskClient
from integrations.zendesk.errors import AuthError, ZendeskError, ZendeskUnreachable
from integrations.zendesk.streams import Pass

__all__ = ["SyncProgress", "SyncResult", "sync"]

log = logging.getLogger("alignbot.sync")


@dataclass(frozen=True)
class SyncResult:
    """What one pass stored (distinct rows per table: a user sideloaded on three pages
    counts once), what it rejected, and what it cost."""

    tickets: int = 0
    comments: int = 0
    users: int = 0
    groups: int = 0
    metrics: int = 0
    ratings: int = 0
    deleted: int = 0
    rejected: int = 0
    api_calls: int = 0
    seconds: float = 0.0
    repaired: int = 0
    errors: tuple[str, ...] = ()
    #: Records stored although dated after the present (a bad import, a clock error); each
    #: is logged, and its stream's position is not moved past it.
    ahead: int = 0

    def summary(self) -> str:
        """One line for a terminal."""
        line = (
            f"synced {self.tickets:,} tickets ({self.deleted:,} deleted), "
            f"{self.comments:,} comments, {self.users:,} users, {self.groups:,} groups, "
            f"{self.metrics:,} metric sets, {self.ratings:,} ratings "
            f"with {self.api_calls:,} API calls in {self.seconds:.1f} s"
        )
        if self.rejected or self.repaired:
            line += f"; {self.rejected} rejected, {self.repaired} repaired (see the log)"
        if self.ahead:
            line += f"; {self.ahead} dated in the future, stored (see the log)"
        if self.errors:
            line += f"; {len(self.errors)} stream(s) stopped early: " + " | ".join(self.errors)
        return line


@dataclass(frozen=True)
class SyncProgress:
    """Running totals after each page, for a progress bar."""

    stream: str
    tickets: int
    comments: int
    api_calls: int


def sync(
    engine: Engine,
    settings_or_client: Any,
    full: bool = False,
    progress: Callable[[SyncProgress], None] | None = None,
    *,
    since: datetime | None = None,
    on_write: Callable[[str, int], None] | None = None,
) -> SyncResult:
    """Run one pass of every stream into the store at `engine` and say what it did.

    `settings_or_client` is a `bot.settings.Settings` (a client is built from it and closed
    afterwards) or a `ZendeskClient`. `full=True` ignores the stored positions and reads
    everything from `since` (default: the beginning); an interrupted full sync is resumed
    by a plain incremental one. `on_write` is the test hook described on `Pass.on_write`.
    """
    started = time.monotonic()
    owned = not isinstance(settings_or_client, ZendeskClient)
    client = ZendeskClient.from_settings(settings_or_client) if owned else settings_or_client
    calls_before = client.api_calls

    def report(state: Pass, stream: str) -> None:
        if progress is not None:
            progress(
                SyncProgress(
                    stream=stream,
                    tickets=state.total("tickets"),
                    comments=state.total("comments"),
                    api_calls=client.api_calls - calls_before,
                )
            )

    state = Pass(
        engine=engine,
        client=client,
        full=full,
        since=int(since.timestamp()) if since is not None else 0,
        on_write=on_write,
        on_page=report,
    )
    steps: list[tuple[str, Callable[[], None]]] = [
        ("groups", state.sync_groups),
        ("tickets", state.sync_tickets),
        ("ticket_events", state.sync_ticket_events),
        ("comment authors", state.sync_unknown_authors),
        ("satisfaction_ratings", state.sync_ratings),
    ]
    try:
        for name, step in steps:
            try:
                step()
            except (AuthError, ZendeskUnreachable):
                raise
            except ZendeskError as exc:
                log.error("stream %s stopped at its last committed page: %s", name, exc)
                state.errors.append(f"{name}: {exc}")
            report(state, name)
        # The stored facts of every ticket this pass wrote, each refreshed once (the
        # streams marked them in the transactions of their writes: bot.store.solves).
        refresh_pending(engine)
    finally:
        if owned:
            client.close()
    return SyncResult(
        tickets=state.total("tickets"),
        comments=state.total("comments"),
        users=state.total("users"),
        groups=state.total("groups"),
        metrics=state.total("metrics"),
        ratings=state.total("ratings"),
        deleted=state.total("deleted"),
        rejected=state.notes.rejected,
        api_calls=client.api_calls - calls_before,
        seconds=time.monotonic() - started,
        repaired=state.notes.repaired + client.repaired_pages,
        errors=tuple(state.errors),
        ahead=state.notes.ahead,
    )
