"""Long-term relationships: upsells to frustrated customers, trust words in feedback."""

from __future__ import annotations

from metrics_support import Seed, figures, madrid, report
from sqlalchemy import Engine


def test_upsells_while_the_customer_is_negative(engine: Engine, seed: Seed) -> None:
    seed.agent(10, "Ana")
    seed.agent(11, "Ben")
    for tid in range(1, 6):
        seed.ticket(tid, madrid(2, 7))
    # U1: negative, and Ana pitches an upgrade: counted.
    seed.says(1, madrid(3, 8), sentiment="negative")
    seed.replies(1, madrid(3, 9), 10, upsell=True)
    # U2: a neutral customer: a pitch is fine, not examined.
    seed.says(2, madrid(3, 8), sentiment="neutral")
    seed.replies(2, madrid(3, 9), 10, upsell=True)
    # U3: negative, Ben does not pitch: examined, not counted.
    seed.says(3, madrid(3, 8), sentiment="negative")
    seed.replies(3, madrid(3, 9), 11)
    # U4: the customer's latest message before the pitch is positive: not examined.
    seed.says(4, madrid(3, 8), sentiment="negative")
    seed.says(4, madrid(3, 8, 30), sentiment="positive")
    seed.replies(4, madrid(3, 9), 10, upsell=True)
    # U5: the day before.
    seed.says(5, madrid(2, 8), sentiment="negative")
    seed.replies(5, madrid(2, 9), 11, upsell=True)
    seed.save()
    result = report(engine)
    upsells = result.metrics["upsell_during_frustration_count"]
    # 3 June: replies after a negative message: U1, U3; pitching: U1.
    assert figures(upsells) == (1, 1, 2)
    assert upsells.previous == 1
    assert figures(result.by_agent["10"]["upsell_during_frustration_count"]) == (1, 1, 1)
    assert figures(result.by_agent["11"]["upsell_during_frustration_count"]) == (0, 0, 1)


def test_trust_words_in_last_messages_and_rating_comments(engine: Engine, seed: Seed) -> None:
    # T1: the last customer message has trust words.
    seed.ticket(1, madrid(3, 7), solved=madrid(3, 12))
    seed.says(1, madrid(3, 8))
    seed.says(1, madrid(3, 11), trust=True)
    # T2: it has none.
    seed.ticket(2, madrid(3, 7), solved=madrid(3, 12))
    seed.says(2, madrid(3, 8), trust=True)
    seed.says(2, madrid(3, 11))
    # T3: the trusting message came after the day ended; the last one before had none.
    seed.ticket(3, madrid(3, 7), solved=madrid(3, 12))
    seed.says(3, madrid(3, 9))
    seed.says(3, madrid(4, 6), trust=True)
    # Rating comments, read by bot.signals.trust: one trusting, one not, two empty.
    seed.rating(1, madrid(3, 13), "good", comment="They were so patient with me, thank you")
    seed.rating(2, madrid(3, 13), "bad", comment="Took far too long.")
    seed.rating(3, madrid(3, 13), "good", comment="   ")
    seed.rating(3, madrid(3, 14), "good")
    seed.save()
    trust = report(engine).metrics["trust_indicator_rate"]
    # Last messages: T1 yes, T2 no, T3 no; comments: yes, no -> 2 / 5.
    assert figures(trust) == (0.4, 2, 5)


def test_no_feedback_means_no_trust_value(engine: Engine) -> None:
    result = report(engine)
    assert figures(result.metrics["trust_indicator_rate"]) == (None, 0, 0)
    assert figures(result.metrics["upsell_during_frustration_count"]) == (None, 0, 0)
