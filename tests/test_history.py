"""A ticket's status history folds into runs: solves, reopens and the stretches between."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert, select

from bot.store.history import (
    RUNS,
    STATUS_CHANGES,
    Change,
    fallback_run,
    rebuild_runs,
    runs_of,
)
from bot.store.tables import METRICS, TICKETS

T0 = datetime(2026, 6, 1, 8, tzinfo=UTC)


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def spans(runs: list) -> list[tuple]:  # type: ignore[type-arg]
    return [(r.opened_at, r.solved_at, r.reopened_at) for r in runs]


def test_a_ticket_solved_once_has_one_run() -> None:
    runs = runs_of(at(0), [Change(at(0), "new"), Change(at(1), "open"), Change(at(5), "solved")])
    assert spans(runs) == [(at(0), at(5), None)]
    assert runs[0].prev_solved_at is None and runs[0].next_solved_at is None


def test_a_reopen_starts_a_new_run_and_links_the_solves() -> None:
    changes = [
        Change(at(0), "new"),
        Change(at(2), "solved", actor_id=7),
        Change(at(30), "open"),
        Change(at(31), "pending"),
        Change(at(40), "solved", actor_id=8),
    ]
    first, second = runs_of(at(0), changes)
    assert (first.opened_at, first.solved_at, first.reopened_at) == (at(0), at(2), at(30))
    assert (second.opened_at, second.solved_at, second.reopened_at) == (at(30), at(40), None)
    assert first.next_solved_at == at(40) and second.prev_solved_at == at(2)
    assert (first.solver_id, second.solver_id) == (7, 8)


def test_closed_continues_the_solve_and_closing_an_open_ticket_solves_it() -> None:
    solved_then_closed = [Change(at(0), "new"), Change(at(2), "solved"), Change(at(98), "closed")]
    assert spans(runs_of(at(0), solved_then_closed)) == [(at(0), at(2), None)]
    closed_directly = [Change(at(0), "open"), Change(at(3), "closed")]
    assert spans(runs_of(at(0), closed_directly)) == [(at(0), at(3), None)]


def test_changes_are_read_in_time_order_whatever_order_they_arrive_in() -> None:
    changes = [Change(at(30), "open"), Change(at(2), "solved"), Change(at(0), "new")]
    assert spans(runs_of(at(0), changes)) == [(at(0), at(2), at(30)), (at(30), None, None)]


def test_repeated_and_unknown_statuses_change_nothing() -> None:
    changes = [
        Change(at(0), "new"),
        Change(at(1), "solved"),
        Change(at(2), "solved"),
        Change(at(3), "deleted"),
    ]
    assert spans(runs_of(at(0), changes)) == [(at(0), at(1), None)]


def test_each_run_keeps_its_last_status_before_the_solve() -> None:
    changes = [
        Change(at(0), "new"),
        Change(at(1), "pending"),
        Change(at(2), "open"),
        Change(at(3), "solved"),
        Change(at(4), "closed"),
    ]
    (run,) = runs_of(at(0), changes)
    assert (run.status, run.status_at) == ("open", at(2))  # open from 2 until the solve
    reopened = [*changes[:4], Change(at(5), "hold")]
    first, second = runs_of(at(0), reopened)
    assert (first.status, second.status, second.status_at) == ("open", "hold", at(5))


def test_a_ticket_without_history_gets_one_run_from_its_current_state() -> None:
    assert fallback_run(at(0), "solved", at(4)).solved_at == at(4)
    assert fallback_run(at(0), "pending", None).solved_at is None


def test_rebuild_runs_replaces_a_tickets_runs_from_its_stored_changes(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(TICKETS),
            [
                {"id": 1, "status": "open", "created_at": at(0), "updated_at": at(30)},
                {"id": 2, "status": "solved", "created_at": at(0), "updated_at": at(9)},
            ],
        )
        conn.execute(insert(METRICS), [{"ticket_id": 2, "solved_at": at(9)}])
        conn.execute(
            insert(STATUS_CHANGES),
            [
                {"id": 11, "ticket_id": 1, "at": at(0), "status": "new"},
                {"id": 12, "ticket_id": 1, "at": at(2), "status": "solved"},
            ],
        )
        assert rebuild_runs(conn, [1, 2]) == 2
        conn.execute(
            insert(STATUS_CHANGES), [{"id": 13, "ticket_id": 1, "at": at(30), "status": "open"}]
        )
        assert rebuild_runs(conn, [1]) == 2
        rows = conn.execute(
            select(RUNS.c.ticket_id, RUNS.c.seq, RUNS.c.solved_at).order_by(
                RUNS.c.ticket_id, RUNS.c.seq
            )
        ).all()
    # Ticket 2 has no history yet: one run from its state and Zendesk's latest solve.
    assert [tuple(r) for r in rows] == [(1, 1, at(2)), (1, 2, None), (2, 1, at(9))]
