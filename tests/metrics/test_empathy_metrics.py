"""Tone & empathy: the reply to a customer's heavy message, authentic or scripted."""

from __future__ import annotations

from metrics_support import Seed, figures, madrid, report
from sqlalchemy import Engine


def test_replies_to_heavy_messages(engine: Engine, seed: Seed) -> None:
    seed.agent(10, "Ana")
    seed.agent(11, "Ben")
    for tid in range(1, 10):
        seed.ticket(tid, madrid(2, 8))
    # T1: negative, answered with authentic empathy.
    seed.says(1, madrid(3, 8), sentiment="negative")
    seed.replies(1, madrid(3, 9), 10, empathy="authentic")
    # T2: frustrated though neutral; Ben's reply is only a script.
    seed.says(2, madrid(3, 8), frustration=True)
    seed.replies(2, madrid(3, 9), 11, empathy="scripted")
    # T3: two negative messages, one reply with no empathy: two misses.
    seed.says(3, madrid(3, 8), sentiment="negative")
    seed.says(3, madrid(3, 8, 30), sentiment="negative")
    seed.replies(3, madrid(3, 9), 10)
    # T4: positive: not heavy, not counted.
    seed.says(4, madrid(3, 8), sentiment="positive")
    seed.replies(4, madrid(3, 9), 10, empathy="authentic")
    # T5: Ana's internal note answers nothing; Ben's reply does.
    seed.says(5, madrid(3, 8), sentiment="negative")
    seed.note(5, madrid(3, 8, 10), 10)
    seed.replies(5, madrid(3, 9), 11, empathy="authentic")
    # T6: negative, unanswered: not counted until it is.
    seed.says(6, madrid(3, 8), sentiment="negative")
    # T7: written late on 2 June, answered at 00:30 on 3 June (22:30 UTC on 2 June).
    seed.says(7, madrid(2, 22), sentiment="negative")
    seed.replies(7, madrid(3, 0, 30), 10, empathy="authentic")
    # T8: 2 June, answered with a script the same day: the previous period.
    seed.says(8, madrid(2, 10), sentiment="negative")
    seed.replies(8, madrid(2, 11), 11, empathy="scripted")
    # T9: two rounds: authentic, then nothing.
    seed.says(9, madrid(3, 8), sentiment="negative")
    seed.replies(9, madrid(3, 9), 10, empathy="authentic")
    seed.says(9, madrid(3, 10), sentiment="negative")
    seed.replies(9, madrid(3, 11), 10)
    seed.save()
    result = report(engine)
    # Heavy messages answered on 3 June: T1, T2, T3 (2), T5, T7, T9 (2) = 8.
    # Authentic: T1, T5, T7, T9's first = 4 -> 4 / 8 = 0.5. Scripted only: T2 = 1.
    assert figures(result.metrics["authentic_empathy_rate"]) == (0.5, 4, 8)
    assert figures(result.metrics["scripted_only_count"]) == (1, 1, 8)
    # 2 June: T8, scripted: 0 / 1 authentic, 1 scripted.
    assert result.metrics["authentic_empathy_rate"].previous == 0.0
    assert result.metrics["scripted_only_count"].previous == 1
    # Ana answered T1, T3 (2), T7, T9 (2): 3 authentic of 6.
    assert figures(result.by_agent["10"]["authentic_empathy_rate"]) == (0.5, 3, 6)
    assert figures(result.by_agent["10"]["scripted_only_count"]) == (0, 0, 6)
    # Ben answered T2 (script) and T5 (authentic).
    assert figures(result.by_agent["11"]["authentic_empathy_rate"]) == (0.5, 1, 2)
    assert figures(result.by_agent["11"]["scripted_only_count"]) == (1, 1, 2)


def test_no_heavy_messages_means_no_value(engine: Engine, seed: Seed) -> None:
    seed.agent(10, "Ana")
    seed.ticket(1, madrid(3, 8))
    seed.says(1, madrid(3, 8), sentiment="neutral")
    seed.replies(1, madrid(3, 9), 10, empathy="scripted")
    seed.save()
    result = report(engine)
    assert figures(result.metrics["authentic_empathy_rate"]) == (None, 0, 0)
    assert figures(result.metrics["scripted_only_count"]) == (None, 0, 0)
