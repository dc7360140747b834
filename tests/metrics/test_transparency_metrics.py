"""Transparency & control: closure, confirmed resolutions, reopens, stale tickets and
proactive updates."""

from __future__ import annotations

from metrics_support import Seed, figures, madrid, report
from sqlalchemy import Engine


def test_closure_rate_counts_tickets_unsolved_at_some_moment_of_the_period(
    engine: Engine, seed: Seed
) -> None:
    seed.ticket(1, madrid(3, 8), solved=madrid(3, 23, 30))  # created and solved 3 June
    seed.ticket(2, madrid(3, 9), solved=madrid(4, 0, 30))  # solved after the day ended
    seed.ticket(3, madrid(3, 10))  # still open
    seed.ticket(4, madrid(3, 11), solved=madrid(3, 12))  # created and solved 3 June
    seed.ticket(5, madrid(2, 8), solved=madrid(2, 9))  # solved 2 June, stayed solved
    seed.ticket(6, madrid(3, 12), solved=madrid(3, 13), deleted=True)  # deleted: ignored
    seed.ticket(7, madrid(1, 8), solved=madrid(3, 15))  # backlog worked off on 3 June
    # Solved 2 June, reopened 3 June 09:00, still open at the end of 3 June.
    seed.ticket(
        8,
        madrid(1, 8),
        history=[(madrid(1, 8), "new"), (madrid(2, 10), "solved"), (madrid(3, 9), "open")],
    )
    # Solved 2 June 11:00, reopened 3 June 09:00, solved again 10:00.
    seed.ticket(
        9,
        madrid(1, 8),
        history=[
            (madrid(1, 8), "new"),
            (madrid(2, 11), "solved"),
            (madrid(3, 9), "open"),
            (madrid(3, 10), "solved"),
        ],
    )
    # Solved 3 June 10:00, reopened 20:00: not solved at the end of the day.
    seed.ticket(
        10,
        madrid(1, 8),
        history=[(madrid(1, 8), "new"), (madrid(3, 10), "solved"), (madrid(3, 20), "open")],
    )
    seed.ticket(11, madrid(4, 8))  # created after the day
    seed.ticket(12, madrid(1, 8), status="pending")  # pending is unsolved
    seed.save()
    closure = report(engine).metrics["closure_rate"]
    # Unsolved at some moment of 3 June: 1, 2, 3, 4, 7, 8, 9, 10, 12 (9).
    # Solved at its end: 1, 4, 7, 9 -> 4 / 9.
    assert figures(closure) == (4 / 9, 4, 9)
    # 2 June: unsolved at some moment: 5, 7, 8, 9, 10, 12; solved at its end: 5, 8, 9.
    assert closure.previous == 0.5


def test_confirmed_resolutions_read_the_customer_around_the_solve(
    engine: Engine, seed: Seed
) -> None:
    seed.agent(10, "Ana")
    solved = madrid(3, 10)
    for tid in range(1, 7):
        seed.ticket(tid, madrid(3, 7), assignee=10, solved=solved, reopens=int(tid == 5))
        seed.says(tid, madrid(3, 7))
    # T1: the customer's first reply after the solve confirms.
    seed.says(1, madrid(3, 11), resolution="confirm")
    # T2: it denies.
    seed.says(2, madrid(3, 11), resolution="deny")
    # T3: the customer confirmed before the final solve and has not written since.
    seed.says(3, madrid(3, 9), resolution="confirm")
    seed.replies(3, madrid(3, 9, 30), 10)
    # T4: the confirmation came after the day ended: unconfirmed in the 3 June figure.
    seed.says(4, madrid(4, 6), resolution="confirm")
    # T5: reopened once; the customer's last word before the solve was a denial.
    seed.says(5, madrid(3, 9), resolution="deny")
    # T6: the first reply after the solve is not a confirmation, though a later one is.
    seed.says(6, madrid(3, 10, 30))
    seed.says(6, madrid(3, 11), resolution="confirm")
    seed.save()
    result = report(engine)
    # Solved 3 June: 6. Confirmed: T1, T3 -> 2 / 6.
    assert figures(result.metrics["confirmed_resolution_rate"]) == (2 / 6, 2, 6)
    assert figures(result.metrics["closed_unconfirmed"]) == (4, 4, 6)
    assert figures(result.metrics["reopened_after_solve"]) == (1, 1, 6)
    assert figures(result.by_agent["10"]["closed_unconfirmed"]) == (4, 4, 6)


def test_stale_tickets_at_the_end_of_the_period(engine: Engine, seed: Seed) -> None:
    # The day ends at 4 June 00:00 in Madrid. Thresholds: urgent 4h, high 8h, normal 24h,
    # low 48h without a public agent reply.
    seed.agent(10, "Ana")
    # S1: urgent, last reply 5 h before the end: stale.
    seed.ticket(1, madrid(3, 10), priority="urgent")
    seed.replies(1, madrid(3, 19), 10)
    # S2: urgent, last reply 3 h before: not.
    seed.ticket(2, madrid(3, 10), priority="urgent")
    seed.replies(2, madrid(3, 21), 10)
    # S3: low, new, no reply for 47 h: not.
    seed.ticket(3, madrid(2, 1), priority="low", status="new")
    # S4: low, new, no reply for 49 h: stale.
    seed.ticket(4, madrid(1, 23), priority="low", status="new")
    # S5: on hold, last public reply 26 h before; an internal note since does not count.
    seed.ticket(5, madrid(1, 8), status="hold")
    seed.replies(5, madrid(2, 22), 10)
    seed.note(5, madrid(3, 23), 10)
    # S6: pending (waiting for the customer): not in the backlog.
    seed.ticket(6, madrid(1, 8), status="pending")
    # S7: solved only after the day ended, so unsolved at its end; 28 h without reply.
    seed.ticket(7, madrid(2, 20), solved=madrid(4, 2))
    # S8: solved during the day: not in the backlog.
    seed.ticket(8, madrid(1, 8), solved=madrid(3, 15))
    # S9: high, a customer message but no agent reply for 12 h: stale.
    seed.ticket(9, madrid(3, 12), priority="high")
    seed.says(9, madrid(3, 12))
    # S10: no priority (normal), 16 h: not.
    seed.ticket(10, madrid(3, 8), priority=None)
    # S11: created after the day ended: not in its backlog.
    seed.ticket(11, madrid(4, 1))
    seed.save()
    stale = report(engine).metrics["stale_tickets"]
    # Backlog at the end: S1, S2, S3, S4, S5, S7, S9, S10 (8). Stale: S1, S4, S5, S7, S9.
    assert figures(stale) == (5, 5, 8)


def test_stale_is_measured_at_now_when_the_period_has_not_ended(engine: Engine, seed: Seed) -> None:
    # Urgent, no reply since 10:00. At 13:00 it has waited 3 h: not stale yet.
    seed.ticket(1, madrid(3, 10), priority="urgent")
    seed.save()
    early = report(engine, now=madrid(3, 13)).metrics["stale_tickets"]
    assert figures(early) == (0, 0, 1)
    assert not early.final
    assert figures(report(engine).metrics["stale_tickets"]) == (1, 1, 1)


def test_proactive_updates_sent_in_the_period(engine: Engine, seed: Seed) -> None:
    seed.group(1, "Billing")
    seed.agent(10, "Ana")
    seed.ticket(1, madrid(1, 8), group=1, assignee=10)
    seed.ticket(2, madrid(1, 8))
    kind = "zendesk.proactive_update"
    seed.outbox("1", madrid(3, 10), kind=kind, status="sent")
    seed.outbox("2", madrid(3, 11), kind=kind, status="sent")
    seed.outbox("1", None, kind=kind, status="failed")  # never sent
    seed.outbox("1", madrid(3, 12), kind="zendesk.comment", status="sent")  # another kind
    seed.outbox("1", madrid(2, 12), kind=kind, status="sent")  # the day before
    seed.save()
    result = report(engine)
    # Sent on 3 June: 2, beside the 2 tickets open that day.
    proactive = result.metrics["proactive_updates_sent"]
    assert figures(proactive) == (2, 2, 2)
    assert proactive.previous == 1
    assert figures(result.by_agent["10"]["proactive_updates_sent"]) == (1, 1, 1)
    assert figures(result.by_group["1"]["proactive_updates_sent"]) == (1, 1, 1)


def test_no_proactive_updates_is_zero_not_none(engine: Engine, seed: Seed) -> None:
    seed.ticket(1, madrid(1, 8))
    seed.save()
    assert figures(report(engine).metrics["proactive_updates_sent"]) == (0, 0, 1)
