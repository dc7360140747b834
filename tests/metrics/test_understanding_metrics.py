"""Understanding & clarity: does the first agent reply know the customer's history?"""

from __future__ import annotations

from datetime import date

from metrics_support import Seed, figures, madrid, report
from sqlalchemy import Engine


def test_first_replies_to_customers_with_history(engine: Engine, seed: Seed) -> None:
    seed.agent(10, "Ana")
    seed.agent(11, "Ben")
    # T1: requester 1 opened ticket 91 nine days earlier. Ana acknowledges it: counts.
    seed.ticket(91, madrid(date(2026, 5, 25), 9), requester=1)
    seed.ticket(1, madrid(3, 8), requester=1)
    seed.says(1, madrid(3, 8), author=1)
    seed.replies(1, madrid(3, 9), 10, acknowledges=True)
    # T2: an email ticket the customer also wrote to by chat. Ben ignores that history.
    seed.ticket(2, madrid(3, 8), requester=2, channel="email")
    seed.says(2, madrid(3, 8), channel="chat", author=2)
    seed.replies(2, madrid(3, 9), 11)
    # T3: requester 3 opened ticket 93 after T3 but before its first reply: history.
    # Ana acknowledges it but asks again for what the customer gave: not acknowledged.
    seed.ticket(3, madrid(3, 8), requester=3)
    seed.ticket(93, madrid(3, 8, 30), requester=3)
    seed.says(3, madrid(3, 8), author=3)
    seed.replies(3, madrid(3, 10), 10, acknowledges=True, redundant=True)
    # T4: no history at all; Ana asks a redundant question.
    seed.ticket(4, madrid(3, 8), requester=4)
    seed.says(4, madrid(3, 8), author=4)
    seed.replies(4, madrid(3, 9), 10, redundant=True)
    # T5: requester 5's other ticket is 44 days old: no history (30 days).
    seed.ticket(95, madrid(date(2026, 4, 20), 9), requester=5)
    seed.ticket(5, madrid(3, 8), requester=5)
    seed.says(5, madrid(3, 8), author=5)
    seed.replies(5, madrid(3, 9), 10, acknowledges=True)
    # T6: first reply the day before; today's reply is not a first reply.
    seed.ticket(6, madrid(2, 8), requester=6)
    seed.says(6, madrid(2, 8), author=6)
    seed.replies(6, madrid(2, 9), 11)
    seed.replies(6, madrid(3, 9), 11, acknowledges=True)
    # T7: history (ticket 97 on 1 June); Ana's internal note is not a reply, Ben's is.
    seed.ticket(97, madrid(1, 9), requester=7)
    seed.ticket(7, madrid(3, 8), requester=7)
    seed.says(7, madrid(3, 8), author=7)
    seed.note(7, madrid(3, 8, 30), 10)
    seed.replies(7, madrid(3, 9), 11, acknowledges=True)
    seed.save()
    result = report(engine)
    # With history: T1, T2, T3, T7. Acknowledged without a redundant question: T1, T7.
    # 2 / 4 = 0.5.
    assert figures(result.metrics["context_acknowledged_rate"]) == (0.5, 2, 4)
    # First replies today: T1, T2, T3, T4, T5, T7 (6). Redundant: T3, T4 (2).
    assert figures(result.metrics["redundant_question_count"]) == (2, 2, 6)
    # Ana: T1, T3, T4, T5 -> context 1/2 (T1 of T1, T3), redundant 2 of 4.
    ana = result.by_agent["10"]
    assert figures(ana["context_acknowledged_rate"]) == (0.5, 1, 2)
    assert figures(ana["redundant_question_count"]) == (2, 2, 4)
    # Ben: T2, T7 -> context 1/2 (T7), redundant 0 of 2.
    ben = result.by_agent["11"]
    assert figures(ben["context_acknowledged_rate"]) == (0.5, 1, 2)
    assert figures(ben["redundant_question_count"]) == (0, 0, 2)
    # 2 June: T6's first reply, no history (no value) and not redundant (0 of 1).
    assert result.metrics["context_acknowledged_rate"].previous is None
    assert result.metrics["redundant_question_count"].previous == 0


def test_no_first_replies_means_no_values(engine: Engine, seed: Seed) -> None:
    seed.ticket(1, madrid(3, 8))
    seed.says(1, madrid(3, 8))
    seed.save()
    result = report(engine)
    assert figures(result.metrics["context_acknowledged_rate"]) == (None, 0, 0)
    assert figures(result.metrics["redundant_question_count"]) == (None, 0, 0)
