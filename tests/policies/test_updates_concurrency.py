"""Two sweeps deciding at the same moment (two replicas, a retried job) decide and queue
each update once, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading

from sqlalchemy import Engine
from updates_support import NOW, add_ticket, decisions, hours, outbox, settings

from bot.policies.updates import SweepResult, sweep


def test_two_sweeps_at_once_queue_each_update_once(engine: Engine) -> None:
    for ticket in range(1, 21):
        add_ticket(engine, ticket, created=NOW - hours(30 + ticket))
    start = threading.Barrier(2, timeout=30)
    results: list[SweepResult] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait()
            results.append(sweep(engine, settings(), NOW))
        except BaseException as exc:  # reported below, with the test's failure
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == [] and len(results) == 2
    queued = [d.ticket_id for r in results for d in r.decisions if d.action == "queued"]
    assert sorted(queued) == list(range(1, 21))
    assert len(outbox(engine)) == 20 and len(decisions(engine)) == 20
    others = {d.action for r in results for d in r.decisions if d.action != "queued"}
    assert others <= {"taken", "held"}
