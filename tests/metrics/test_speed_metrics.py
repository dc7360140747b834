"""Speed & effort: handle time, solved per agent-day, first-contact resolution (FCR)."""

from __future__ import annotations

from datetime import date

from metrics_support import MADRID, NOW, Seed, figures, madrid, report, settings
from sqlalchemy import Engine

from bot.metrics.model import Period
from bot.metrics.report import build_report

FIELD = 360_001
MAY_27 = date(2026, 5, 27)


def test_handle_time_is_the_median_of_the_time_tracking_field_in_minutes(
    engine: Engine, seed: Seed
) -> None:
    seed.agent(10, "Ana")
    # Tracked seconds 300, 600, 1200 -> 5, 10, 20 minutes: median 10.
    for tid, seconds in ((1, 300), (2, "600"), (3, 1200)):
        seed.ticket(
            tid,
            madrid(3, 8),
            assignee=10,
            solved=madrid(3, 9),
            first_resolution=60,
            custom_fields={str(FIELD): seconds},
        )
    # Not numeric, and solved the day before: neither counts today.
    seed.ticket(4, madrid(3, 8), solved=madrid(3, 9), custom_fields={str(FIELD): "n/a"})
    seed.ticket(5, madrid(2, 8), solved=madrid(2, 9), custom_fields={str(FIELD): 3000})
    seed.save()
    aht = report(engine, zendesk_time_tracking_field_id=FIELD).metrics["aht_minutes"]
    # value 10 min; numerator None (a median); denominator 3 tickets with a value.
    assert figures(aht) == (10.0, None, 3)
    # The day before: one tracked ticket of 3000 s = 50 min.
    assert aht.previous == 50.0
    assert aht.note is not None and "time-tracking" in aht.note


def test_handle_time_falls_back_to_first_resolution_time(engine: Engine, seed: Seed) -> None:
    # First resolution 30, 50, 70, 90 minutes: median (50 + 70) / 2 = 60.
    for tid, minutes in ((1, 30), (2, 50), (3, 70), (4, 90)):
        seed.ticket(tid, madrid(3, 8), solved=madrid(3, 10), first_resolution=minutes)
    seed.save()
    unset = report(engine).metrics["aht_minutes"]
    assert figures(unset) == (60.0, None, 4)
    assert unset.note == "median first-resolution time"
    # Configured, but no ticket solved that day carries the field: the same fallback.
    unused = report(engine, zendesk_time_tracking_field_id=FIELD).metrics["aht_minutes"]
    assert figures(unused) == (60.0, None, 4)
    assert unused.note is not None and "no time-tracking values" in unused.note


def test_handle_time_median_per_agent(engine: Engine, seed: Seed) -> None:
    seed.agent(10, "Ana")
    seed.agent(11, "Ben")
    # Ana: 10, 20 -> median 15. Ben: 40 -> 40. Overall 10, 20, 40 -> 20.
    for tid, agent, minutes in ((1, 10, 10), (2, 10, 20), (3, 11, 40)):
        seed.ticket(
            tid, madrid(3, 8), assignee=agent, solved=madrid(3, 9), first_resolution=minutes
        )
    seed.save()
    result = report(engine)
    assert result.metrics["aht_minutes"].value == 20.0
    assert figures(result.by_agent["10"]["aht_minutes"]) == (15.0, None, 2)
    assert figures(result.by_agent["11"]["aht_minutes"]) == (40.0, None, 1)


def test_solves_count_on_the_local_day_not_the_utc_day(engine: Engine, seed: Seed) -> None:
    seed.agent(10, "Ana")
    # 23:30 in Madrid on 3 June (21:30 UTC): 3 June.
    seed.ticket(1, madrid(3, 8), assignee=10, solved=madrid(3, 23, 30), first_resolution=10)
    # 01:30 in Madrid on 4 June is 23:30 UTC on 3 June: the UTC day would say 3 June.
    seed.ticket(2, madrid(3, 8), assignee=10, solved=madrid(4, 1, 30), first_resolution=20)
    # 00:30 in Madrid on 3 June is 22:30 UTC on 2 June: it belongs to 3 June.
    seed.ticket(3, madrid(2, 8), assignee=10, solved=madrid(3, 0, 30), first_resolution=30)
    seed.save()
    result = report(engine, now=madrid(4, 9))
    # Tickets 1 and 3: 2 solved by Ana on one agent-day.
    assert figures(result.metrics["solved_per_agent_day"]) == (2.0, 2, 1)
    assert figures(result.metrics["aht_minutes"]) == (20.0, None, 2)  # median of 10, 30


def test_solved_per_agent_day_counts_each_agent_once_a_day(engine: Engine, seed: Seed) -> None:
    seed.group(1, "Billing")
    seed.group(2, "Tech")
    seed.agent(10, "Ana")
    seed.agent(11, "Ben")
    # Ana solves 2 Billing and 1 Tech ticket on 3 June; Ben 1 Tech ticket; one unassigned.
    seed.ticket(1, madrid(3, 8), group=1, assignee=10, solved=madrid(3, 9))
    seed.ticket(2, madrid(3, 8), group=1, assignee=10, solved=madrid(3, 10))
    seed.ticket(3, madrid(3, 8), group=2, assignee=10, solved=madrid(3, 11))
    seed.ticket(4, madrid(3, 8), group=2, assignee=11, solved=madrid(3, 12))
    seed.ticket(5, madrid(3, 8), group=2, solved=madrid(3, 12))
    seed.save()
    result = report(engine)
    # Overall: 4 assigned solves / 2 agent-days (Ana, Ben) = 2.0.
    assert figures(result.metrics["solved_per_agent_day"]) == (2.0, 4, 2)
    # Billing: Ana's 2 / 1 agent-day; Tech: 2 (Ana 1, Ben 1) / 2 agent-days = 1.0.
    assert figures(result.by_group["1"]["solved_per_agent_day"]) == (2.0, 2, 1)
    assert figures(result.by_group["2"]["solved_per_agent_day"]) == (1.0, 2, 2)
    assert figures(result.by_agent["10"]["solved_per_agent_day"]) == (3.0, 3, 1)
    assert figures(result.by_agent["11"]["solved_per_agent_day"]) == (1.0, 1, 1)


def test_agent_days_over_a_two_day_period(engine: Engine, seed: Seed) -> None:
    seed.agent(10, "Ana")
    seed.agent(11, "Ben")
    # Ana solves on 2 and 3 June (3 tickets), Ben on 3 June only (1 ticket).
    seed.ticket(1, madrid(2, 8), assignee=10, solved=madrid(2, 9))
    seed.ticket(2, madrid(3, 8), assignee=10, solved=madrid(3, 9))
    seed.ticket(3, madrid(3, 8), assignee=10, solved=madrid(3, 10))
    seed.ticket(4, madrid(3, 8), assignee=11, solved=madrid(3, 9))
    seed.save()
    period = Period.between(date(2026, 6, 2), date(2026, 6, 4), MADRID)
    result = build_report(engine, settings(), period, now=NOW)
    # 4 solves / 3 agent-days (Ana 2 June, Ana 3 June, Ben 3 June).
    assert figures(result.metrics["solved_per_agent_day"]) == (4 / 3, 4, 3)
    assert figures(result.by_agent["10"]["solved_per_agent_day"]) == (1.5, 3, 2)


def fcr_store(seed: Seed) -> None:
    """Solves on 27 May, seven days before 3 June, and what happened after them."""
    seed.agent(10, "Ana")
    # Clean: never reopened, requester 1 never came back.
    seed.ticket(1, madrid(MAY_27, 8), requester=1, assignee=10, solved=madrid(MAY_27, 10))
    # Reopened once.
    seed.ticket(
        2, madrid(MAY_27, 8), requester=2, assignee=10, solved=madrid(MAY_27, 11), reopens=1
    )
    # Requester 3 opened ticket 30 on 1 June, 5 days after the solve: came back.
    seed.ticket(3, madrid(MAY_27, 8), requester=3, assignee=10, solved=madrid(MAY_27, 12))
    seed.ticket(30, madrid(1, 9), requester=3)
    # Requester 4 came back on 3 June 13:00, 7 days and 1 hour after the solve: too late.
    seed.ticket(4, madrid(MAY_27, 8), requester=4, assignee=10, solved=madrid(MAY_27, 12))
    seed.ticket(40, madrid(3, 13), requester=4)
    # Solved on 3 June itself: its window is open, FCR does not look at it yet.
    seed.ticket(5, madrid(3, 8), requester=5, assignee=10, solved=madrid(3, 9))


def test_fcr_covers_the_tickets_solved_a_window_earlier(engine: Engine, seed: Seed) -> None:
    fcr_store(seed)
    seed.save()
    fcr = report(engine).metrics["fcr_rate"]
    # Solved 27 May: tickets 1-4. First contact: 1 and 4 (ticket 40 came after 7 days).
    # 2 / 4 = 0.5.
    assert figures(fcr) == (0.5, 2, 4)
    assert fcr.final
    assert fcr.note is not None and "27 May" in fcr.note and "7 days earlier" in fcr.note
    # A three-day window moves the cohort to 31 May: nothing solved then.
    assert figures(report(engine, fcr_window_days=3).metrics["fcr_rate"]) == (None, 0, 0)


def test_fcr_is_not_final_until_the_window_closes(engine: Engine, seed: Seed) -> None:
    fcr_store(seed)
    seed.save()
    # For 3 June the cohort is 27 May; its window closes at 4 June 00:00 in Madrid.
    early = report(engine, now=madrid(3, 23)).metrics["fcr_rate"]
    assert not early.final
    assert early.note is not None and early.note.startswith("not final")
    assert early.as_json()["final"] is False
    late = report(engine, now=madrid(4, 0, 0)).metrics["fcr_rate"]
    assert late.final and "final" not in late.as_json()


def test_an_empty_period_has_no_values(engine: Engine) -> None:
    result = report(engine)
    for key in ("aht_minutes", "solved_per_agent_day", "fcr_rate"):
        metric = result.metrics[key]
        assert metric.value is None and metric.previous is None
        assert metric.denominator == 0
    assert result.metrics["aht_minutes"].numerator is None
