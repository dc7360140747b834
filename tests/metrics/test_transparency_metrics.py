"""Transparency & control: closure, confirmed resolutions, reopens, stale tickets and
proactive updates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

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


def test_stale_reads_the_thresholds_the_sweep_reads(engine: Engine, seed: Seed) -> None:
    # Urgent, no reply since 10:00; at 13:00 it has waited 3 h: stale only under a 2 h rule.
    seed.ticket(1, madrid(3, 10), priority="urgent")
    seed.save()
    strict = {"urgent": 2, "normal": 24}
    early = report(engine, now=madrid(3, 13), stale_after_hours=strict)
    assert figures(early.metrics["stale_tickets"]) == (1, 1, 1)


def test_stale_counts_business_hours_when_the_sweep_does(engine: Engine, seed: Seed) -> None:
    # Normal, no reply since Tuesday 2 June 16:00 (Madrid); at the end of 3 June it has
    # waited 32 calendar hours but only 9 working hours (Mon-Fri 09:00-17:00): not stale.
    seed.ticket(1, madrid(2, 16))
    seed.ticket(2, madrid(1, 9))  # 24 working hours by the end of 3 June: stale
    seed.save()
    calendar = report(engine).metrics["stale_tickets"]
    business = report(engine, stale_business_hours="Mon-Fri 09:00-17:00").metrics["stale_tickets"]
    assert figures(calendar) == (2, 2, 2)
    assert figures(business) == (1, 1, 2)


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


AWAITING = "awaiting_confirmation"


def test_solves_with_resolution_events_are_judged_by_the_flow_the_others_by_the_customer(
    engine: Engine, seed: Seed
) -> None:
    seed.agent(10, "Ana")

    def solved_once(tid: int, **kwargs: Any) -> None:
        seed.ticket(tid, madrid(3, 7), assignee=10, solved=madrid(3, 10), **kwargs)
        seed.says(tid, madrid(3, 7))

    def asked(tid: int, at: datetime) -> str:
        request = f"{tid}-1"
        seed.event(tid, at, request, AWAITING, "agent_solve", from_state="open", actor="agent")
        return request

    def answered(tid: int, at: datetime, to_state: str, cause: str = "link") -> None:
        seed.event(tid, at, f"{tid}-1", to_state, cause, from_state=AWAITING)

    # No events: the customer's messages decide, as before the flow.
    solved_once(1)
    seed.says(1, madrid(3, 11), resolution="confirm")  # T1 confirmed
    solved_once(2)  # T2 never answered: unconfirmed
    solved_once(11, reopens=1)  # T11 solved at 08:00, reopened, solved at 10:00
    # T3: asked at the agent's solve, confirmed by link at 12:00; the flow then solved it
    # (its 10:00 solve moved to the pending "awaiting" status first). No customer message.
    seed.ticket(
        3,
        madrid(3, 7),
        assignee=10,
        status="solved",
        solved=madrid(3, 12),
        history=[
            (madrid(3, 7), "new"),
            (madrid(3, 10), "solved"),
            (madrid(3, 10, 1), "pending"),
            (madrid(3, 12), "solved"),
        ],
    )
    asked(3, madrid(3, 10))
    answered(3, madrid(3, 12), "confirmed")
    # T4: the customer chose to close it themselves: a customer's decision, counted confirmed.
    solved_once(4)
    asked(4, madrid(3, 10))
    answered(4, madrid(3, 13), "closed_by_customer")
    # T5: still awaiting at the day's end (confirmed at 06:00 the next morning): pending,
    # though its last message before the solve was a confirmation.
    solved_once(5)
    seed.says(5, madrid(3, 9), resolution="confirm")
    asked(5, madrid(3, 10))
    answered(5, madrid(4, 6), "confirmed", "customer_reply")
    # T6: agent override: solved at 09:00 (asked), solved again at 15:00 while awaiting.
    # The status history reads a reopen in between (the flow's pending status); the
    # events do not: closed unconfirmed, not reopened.
    seed.ticket(
        6,
        madrid(3, 7),
        assignee=10,
        status="solved",
        solved=madrid(3, 15),
        history=[
            (madrid(3, 7), "new"),
            (madrid(3, 9), "solved"),
            (madrid(3, 9, 1), "pending"),
            (madrid(3, 15), "solved"),
        ],
    )
    asked(6, madrid(3, 9))
    seed.event(6, madrid(3, 15), "6-1", "closed_unconfirmed", "agent_override", from_state=AWAITING)
    # T7: confirmed at 11:00, reopened the next morning: confirmed and reopened.
    seed.ticket(
        7,
        madrid(3, 7),
        assignee=10,
        history=[(madrid(3, 7), "new"), (madrid(3, 10), "solved"), (madrid(4, 5), "open")],
    )
    asked(7, madrid(3, 10))
    answered(7, madrid(3, 11), "confirmed", "customer_reply")
    seed.event(7, madrid(4, 5), "7-1", "reopened", "reopen", from_state="confirmed")
    # T8: a ticket the flow leaves alone: closed unconfirmed, whatever the customer wrote.
    solved_once(8)
    seed.says(8, madrid(3, 11), resolution="confirm")
    seed.event(8, madrid(3, 10), "8-1", "closed_unconfirmed", "opt_out", from_state="open")
    # T9: the customer denies: reopened, neither confirmed nor closed unconfirmed.
    seed.ticket(
        9,
        madrid(3, 7),
        assignee=10,
        history=[(madrid(3, 7), "new"), (madrid(3, 10), "solved"), (madrid(3, 11), "open")],
    )
    asked(9, madrid(3, 10))
    answered(9, madrid(3, 11), "reopened", "customer_reply")
    # T10: solved on 2 June before the flow was on (the customer confirmed by message, then
    # reopened on 3 June), solved again on 3 June under the flow and confirmed by link.
    seed.ticket(
        10,
        madrid(2, 7),
        assignee=10,
        status="solved",
        solved=madrid(3, 10),
        history=[
            (madrid(2, 7), "new"),
            (madrid(2, 10), "solved"),
            (madrid(3, 8), "open"),
            (madrid(3, 10), "solved"),
        ],
    )
    seed.says(10, madrid(2, 11), resolution="confirm")
    asked(10, madrid(3, 10))
    answered(10, madrid(3, 12), "confirmed")
    seed.save()

    result = report(engine)
    confirmed = result.metrics["confirmed_resolution_rate"]
    # Solved 3 June: T1-T11 (11). Pending: T5, so 10 judged. Confirmed: T1, T3, T4, T7,
    # T10. Closed unconfirmed: T2, T11 (by message), T6, T8 (by events). T9: neither.
    assert figures(confirmed) == (5 / 10, 5, 10)
    assert figures(result.metrics["closed_unconfirmed"]) == (4, 4, 10)
    assert confirmed.note is not None
    assert "1 solve awaiting the customer's answer" in confirmed.note
    # Reopened: T11 (history), T7 and T9 (events); not T6, whose "reopen" was the flow's.
    assert figures(result.metrics["reopened_after_solve"]) == (3, 3, 11)
    assert figures(result.by_agent["10"]["confirmed_resolution_rate"]) == (5 / 10, 5, 10)
    # 2 June: T10's solve before the flow keeps the message reading: confirmed, reopened.
    assert confirmed.previous == 1
    assert result.metrics["reopened_after_solve"].previous == 1

    # A week later T5's confirmation is known, but 3 June's figures do not move.
    later = report(engine, now=madrid(12, 8))
    for key in ("confirmed_resolution_rate", "closed_unconfirmed", "reopened_after_solve"):
        assert figures(later.metrics[key]) == figures(result.metrics[key])


def test_a_solve_awaiting_at_the_period_end_counts_once_answered_in_the_period(
    engine: Engine, seed: Seed
) -> None:
    seed.ticket(1, madrid(3, 7), solved=madrid(3, 10))
    seed.event(1, madrid(3, 10), "1-1", AWAITING, "agent_solve", from_state="open")
    seed.event(1, madrid(3, 20), "1-1", "confirmed", "link", from_state=AWAITING)
    seed.save()
    # At 15:00 the request is still awaiting: no judged solve, so no figure yet.
    early = report(engine, now=madrid(3, 15)).metrics["confirmed_resolution_rate"]
    assert figures(early) == (None, 0, 0)
    assert early.note is not None and "awaiting" in early.note
    assert figures(report(engine).metrics["confirmed_resolution_rate"]) == (1, 1, 1)


def test_a_solve_after_a_reopen_the_flow_did_not_ask_about_is_read_from_messages(
    engine: Engine, seed: Seed
) -> None:
    # Confirmed under the flow on 2 June, reopened on 3 June 08:00, then solved at 10:00
    # with the flow switched off: no request for that solve. The customer's reply denies.
    seed.ticket(
        1,
        madrid(2, 7),
        status="solved",
        solved=madrid(3, 10),
        history=[
            (madrid(2, 7), "new"),
            (madrid(2, 10), "solved"),
            (madrid(3, 8), "open"),
            (madrid(3, 10), "solved"),
        ],
    )
    seed.event(1, madrid(2, 10), "1-1", AWAITING, "agent_solve", from_state="open")
    seed.event(1, madrid(2, 11), "1-1", "confirmed", "link", from_state=AWAITING)
    seed.event(1, madrid(3, 8), "1-1", "reopened", "reopen", from_state="confirmed")
    seed.says(1, madrid(3, 11), resolution="deny")
    seed.save()
    result = report(engine)
    # 3 June: the denial, not the 2 June request's confirmation.
    assert figures(result.metrics["confirmed_resolution_rate"]) == (0, 0, 1)
    assert figures(result.metrics["closed_unconfirmed"]) == (1, 1, 1)
    # 2 June: the request confirmed, then reopened within the FCR window.
    assert result.metrics["confirmed_resolution_rate"].previous == 1
    assert result.metrics["reopened_after_solve"].previous == 1


def test_a_customer_question_sends_the_solve_back_to_the_agent_neither_confirmed_nor_closed(
    engine: Engine, seed: Seed
) -> None:
    seed.ticket(
        1,
        madrid(3, 7),
        history=[(madrid(3, 7), "new"), (madrid(3, 10), "solved"), (madrid(3, 11), "open")],
    )
    seed.event(1, madrid(3, 10), "1-1", AWAITING, "agent_solve", from_state="open")
    seed.event(1, madrid(3, 11), "1-1", "open", "customer_reply", from_state=AWAITING)
    seed.save()
    result = report(engine)
    assert figures(result.metrics["confirmed_resolution_rate"]) == (0, 0, 1)
    assert figures(result.metrics["closed_unconfirmed"]) == (0, 0, 1)
    assert figures(result.metrics["reopened_after_solve"]) == (0, 0, 1)
