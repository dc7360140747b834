"""Consistency across channels: containment and repetition per journey."""

from __future__ import annotations

from datetime import date

from metrics_support import Seed, figures, madrid, report
from sqlalchemy import Engine


def test_containment_of_solved_tickets(engine: Engine, seed: Seed) -> None:
    # T1: two email messages, nothing else from requester 1: contained.
    seed.ticket(1, madrid(3, 8), requester=1, channel="email", solved=madrid(3, 12))
    seed.says(1, madrid(3, 8), channel="email")
    seed.says(1, madrid(3, 9), channel="email")
    # T2: the customer moved from email to chat: not contained.
    seed.ticket(2, madrid(3, 8), requester=2, channel="email", solved=madrid(3, 12))
    seed.says(2, madrid(3, 8), channel="email")
    seed.says(2, madrid(3, 9), channel="chat")
    # T3: requester 3 opened ticket 30 while T3 was open: not contained.
    seed.ticket(3, madrid(1, 8), requester=3, solved=madrid(3, 12))
    seed.ticket(30, madrid(2, 8), requester=3)
    # T4: requester 4's ticket 40 (opened 30 May) was still open when T4 opened: not.
    seed.ticket(40, madrid(date(2026, 5, 30), 8), requester=4)
    seed.ticket(4, madrid(3, 8), requester=4, solved=madrid(3, 12))
    # T5: a message with no channel of its own ("other") is the ticket's channel: contained.
    seed.ticket(5, madrid(3, 8), requester=5, channel="web", solved=madrid(3, 12))
    seed.says(5, madrid(3, 8), channel="other")
    seed.says(5, madrid(3, 9), channel="web")
    # T6: requester 6's open ticket 60 is 33 days older: outside the 30 days, contained.
    seed.ticket(60, madrid(date(2026, 5, 1), 8), requester=6)
    seed.ticket(6, madrid(3, 8), requester=6, solved=madrid(3, 12))
    # T7: requester 7's ticket 70 was solved on 2 June, before T7 opened: contained.
    seed.ticket(70, madrid(1, 8), requester=7, solved=madrid(2, 8))
    seed.ticket(7, madrid(3, 8), requester=7, solved=madrid(3, 12))
    seed.save()
    containment = report(engine).metrics["containment_rate"]
    # Solved on 3 June: T1-T7. Contained: T1, T5, T6, T7 -> 4 / 7.
    assert figures(containment) == (4 / 7, 4, 7)
    # 2 June: ticket 70, alone and single-channel: 1 / 1.
    assert containment.previous == 1.0


def test_repetition_per_journey(engine: Engine, seed: Seed) -> None:
    seed.group(1, "Billing")
    seed.group(2, "Tech")
    seed.agent(10, "Ana")
    seed.ticket(1, madrid(2, 8), requester=1, group=1, channel="email")
    seed.ticket(2, madrid(3, 8), requester=1, group=2, channel="chat")
    seed.ticket(3, madrid(3, 8), requester=2, group=1)
    seed.ticket(4, madrid(3, 0), requester=3, group=2)
    # Requester 1 on 3 June: two emails, then a chat restating twice: one journey, 2.
    seed.says(1, madrid(3, 9), channel="email", author=1)
    seed.says(1, madrid(3, 10), channel="email", author=1)
    seed.says(2, madrid(3, 11), channel="chat", restatements=2, author=1)
    # Agent replies and internal notes are not the customer's journey.
    seed.replies(1, madrid(3, 10, 30), 10)
    seed.note(3, madrid(3, 9, 30), 10)
    # Requester 2: one message, nothing restated: one journey, 0.
    seed.says(3, madrid(3, 9), author=2)
    # Requester 3 at 00:30 on 3 June (22:30 UTC on 2 June): a 3 June journey, 1.
    seed.says(4, madrid(3, 0, 30), restatements=1, author=3)
    # Requester 1 on 2 June: a journey of the day before, 1.
    seed.says(1, madrid(2, 20), restatements=1, author=1)
    seed.save()
    result = report(engine)
    # 3 June: journeys (1), (2), (3) = 3; restatements 2 + 0 + 1 = 3 -> 1.0.
    repetition = result.metrics["repetition_per_journey"]
    assert figures(repetition) == (1.0, 3, 3)
    assert repetition.previous == 1.0  # 2 June: 1 restatement / 1 journey
    # Billing (tickets 1, 3): requesters 1 and 2, 0 restatements -> 0 / 2.
    assert figures(result.by_group["1"]["repetition_per_journey"]) == (0.0, 0, 2)
    # Tech (tickets 2, 4): requesters 1 and 3, 2 + 1 restatements -> 3 / 2.
    assert figures(result.by_group["2"]["repetition_per_journey"]) == (1.5, 3, 2)


def test_no_customer_messages_means_no_journeys(engine: Engine) -> None:
    result = report(engine)
    assert figures(result.metrics["repetition_per_journey"]) == (None, 0, 0)
    assert figures(result.metrics["containment_rate"]) == (None, 0, 0)
