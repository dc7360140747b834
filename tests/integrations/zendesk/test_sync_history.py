"""The sync keeps each ticket's status history, so a past day's digest is computed from the
tickets as they were then and does not change when later activity arrives (SQLite and
PostgreSQL, over loopback, with the real client)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select
from test_sync_support import NOW, client_for

from bot.metrics.model import Metric, Period
from bot.metrics.report import build_report
from bot.settings import Settings
from bot.signals.analyze import analyze
from bot.store.history import RUNS, STATUS_CHANGES
from bot.store.tables import METRICS, TICKETS
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync

YESTERDAY = Period.yesterday(NOW, "UTC")


@pytest.fixture
def sandbox() -> Iterator[ZendeskSandbox]:
    with ZendeskSandbox(generate_org(tickets=300, seed=7, now=NOW)) as running:
        yield running


def _settings() -> Settings:
    return Settings(_env_file=None, alignbot_timezone="UTC")  # type: ignore[call-arg]


def test_the_sync_stores_every_status_change_and_the_runs_agree_with_zendesk(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    sync(engine, client_for(sandbox), full=True)
    with engine.connect() as conn:
        changes = conn.execute(select(func.count()).select_from(STATUS_CHANGES)).scalar()
        expected = sum(
            1
            for event in sandbox.org.ticket_events
            for child in event.get("child_events") or []
            if child.get("field_name") == "status"
        )
        assert changes == expected > 0
        # Each resolved ticket's last solve and reopen count match its metric set.
        runs = select(
            RUNS.c.ticket_id,
            func.max(RUNS.c.solved_at).label("last_solve"),
            (func.count() - 1).label("reopens"),
        ).group_by(RUNS.c.ticket_id)
        per_ticket = {row.ticket_id: row for row in conn.execute(runs)}
        resolved = conn.execute(
            select(TICKETS.c.id, METRICS.c.solved_at, METRICS.c.reopens)
            .join(METRICS, METRICS.c.ticket_id == TICKETS.c.id)
            .where(TICKETS.c.status.in_(("solved", "closed")))
        ).all()
    assert resolved
    for ticket_id, solved_at, reopens in resolved:
        assert (per_ticket[ticket_id].last_solve, per_ticket[ticket_id].reopens) == (
            solved_at,
            reopens,
        )


def test_a_past_digest_is_unchanged_by_later_activity(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    settings = _settings()
    sync(engine, client_for(sandbox), full=True)
    analyze(engine, settings, now=NOW)
    before = build_report(engine, settings, YESTERDAY, now=NOW)

    # Later: every ticket solved yesterday is reopened by its customer and solved again,
    # and every ticket still open is solved.
    later = NOW + timedelta(hours=2)
    with engine.connect() as conn:
        solved_yesterday = list(
            conn.execute(
                select(RUNS.c.ticket_id).where(
                    RUNS.c.solved_at >= YESTERDAY.start, RUNS.c.solved_at < YESTERDAY.end
                )
            ).scalars()
        )
    assert len(solved_yesterday) >= 5
    org = sandbox.org
    for ticket_id in solved_yesterday:
        requester = org.tickets[ticket_id]["requester_id"]
        sandbox.touch_ticket(ticket_id, "It broke again", author_id=requester, at=later.timestamp())
        sandbox.touch_ticket(ticket_id, status="solved", at=later.timestamp() + 600)
    for ticket_id, ticket in list(org.tickets.items()):
        if ticket["status"] in ("new", "open", "hold", "pending"):
            sandbox.touch_ticket(ticket_id, status="solved", at=later.timestamp() + 900)
    result = sync(engine, client_for(sandbox))
    assert result.errors == ()
    analyze(engine, settings, now=NOW)
    after = build_report(engine, settings, YESTERDAY, now=later + timedelta(hours=1))

    final = {key: m for key, m in before.metrics.items() if m.final}
    assert "closure_rate" in final and "stale_tickets" in final

    def figures(metrics: dict[str, Metric]) -> dict[str, tuple[object, ...]]:
        return {
            key: (m.value, m.numerator, m.denominator, m.previous)
            for key, m in metrics.items()
            if key in final
        }

    assert figures(after.metrics) == figures(before.metrics)
    # The trend too: its earlier days are read back as first stored, its last two are the
    # (final) figures above.
    assert after.trend == before.trend and after.trend_n == before.trend_n
    assert before.by_group and before.by_agent
    for scope in ("by_group", "by_agent"):
        was, now = getattr(before, scope), getattr(after, scope)
        for name, metrics in was.items():
            assert figures(now[name]) == figures(metrics), (scope, name)
    # Reopens are counted for FCR_WINDOW_DAYS after a solve: not final, and they did change.
    assert not before.metrics["reopened_after_solve"].final
    assert (
        after.metrics["reopened_after_solve"].numerator
        > before.metrics["reopened_after_solve"].numerator
    )
