"""Emotional outcomes: CSAT beside how conversations began and ended."""

from __future__ import annotations

from metrics_support import Seed, figures, madrid, report
from sqlalchemy import Engine


def test_csat_counts_good_and_bad_ratings_of_the_local_day(engine: Engine, seed: Seed) -> None:
    seed.group(1, "Billing")
    seed.agent(10, "Ana")
    seed.ticket(1, madrid(1, 8))
    seed.rating(1, madrid(3, 10), "good", group=1, assignee=10)
    seed.rating(1, madrid(3, 11), "good")
    seed.rating(1, madrid(3, 12), "bad", group=1, assignee=10)
    seed.rating(1, madrid(3, 13), "offered")  # offered, never answered: not counted
    seed.rating(1, madrid(4, 1, 30), "good")  # 4 June in Madrid (23:30 UTC on 3 June)
    seed.rating(1, madrid(3, 0, 30), "bad")  # 3 June in Madrid (22:30 UTC on 2 June)
    seed.rating(1, madrid(2, 12), "good")  # 2 June
    seed.save()
    result = report(engine)
    # 3 June: good 2, bad 2 -> 2 / 4.
    assert figures(result.metrics["csat_rate"]) == (0.5, 2, 4)
    assert result.metrics["csat_rate"].previous == 1.0
    # The rating's own group and assignee: 1 good of 2.
    assert figures(result.by_group["1"]["csat_rate"]) == (0.5, 1, 2)
    assert figures(result.by_agent["10"]["csat_rate"]) == (0.5, 1, 2)


def test_sentiment_shift_and_worsened_conversations(engine: Engine, seed: Seed) -> None:
    solved = madrid(3, 12)
    for tid in range(1, 7):
        seed.ticket(tid, madrid(3, 7), solved=solved)
    # E1: negative, then positive: recovered.
    seed.says(1, madrid(3, 8), sentiment="negative")
    seed.says(1, madrid(3, 10), sentiment="positive")
    # E2: negative to the end.
    seed.says(2, madrid(3, 8), sentiment="negative")
    seed.says(2, madrid(3, 10), sentiment="negative")
    # E3: a single negative message: its first is its last.
    seed.says(3, madrid(3, 8), sentiment="negative")
    # E4: neutral, then negative: worsened.
    seed.says(4, madrid(3, 8), sentiment="neutral")
    seed.says(4, madrid(3, 10), sentiment="negative")
    # E5: positive throughout.
    seed.says(5, madrid(3, 8), sentiment="positive")
    seed.says(5, madrid(3, 10), sentiment="positive")
    # E6: negative; the positive message came after the day ended, so 3 June ends negative.
    seed.says(6, madrid(3, 8), sentiment="negative")
    seed.says(6, madrid(4, 6), sentiment="positive")
    seed.save()
    result = report(engine)
    # Began negative: E1, E2, E3, E6; ended positive: E1 -> 1 / 4.
    assert figures(result.metrics["sentiment_shift_rate"]) == (0.25, 1, 4)
    # Began neutral or positive: E4, E5; ended negative: E4 -> 1 of 2.
    assert figures(result.metrics["worsened_count"]) == (1, 1, 2)


def test_no_ratings_and_no_solves_means_no_values(engine: Engine) -> None:
    result = report(engine)
    for key in ("csat_rate", "sentiment_shift_rate", "worsened_count"):
        assert figures(result.metrics[key]) == (None, 0, 0)


def test_ratings_of_deleted_tickets_never_count(engine: Engine, seed: Seed) -> None:
    seed.ticket(1, madrid(3, 8), solved=madrid(3, 9))
    seed.ticket(2, madrid(3, 8), solved=madrid(3, 9), deleted=True)
    seed.rating(1, madrid(3, 10), "good", comment="You were so patient with me")
    seed.rating(2, madrid(3, 10), "bad", comment="You were patient, thanks")
    # A rating whose ticket the store does not hold yet still counts.
    seed.rating(3, madrid(3, 11), "bad")
    seed.save()
    result = report(engine)
    assert figures(result.metrics["csat_rate"]) == (0.5, 1, 2)
    # Trust words: only ticket 1's rating comment (ticket 2 is deleted; no messages).
    assert figures(result.metrics["trust_indicator_rate"]) == (1.0, 1, 1)
