"""Alerts: a traditional metric improved while its human twin did not."""

from __future__ import annotations

import pytest
from metrics_support import Seed, madrid, report, settings
from sqlalchemy import Engine

from bot.digest.figures import figure
from bot.metrics.alerts import PAIRINGS, alerts
from bot.metrics.model import METRIC_INFO, Metric

SETTINGS = settings()
N = 400  # cases in each period: enough for the floor, and for most changes to count


def m(value: float | None, previous: float | None, n: int = N, before: int = N) -> Metric:
    """A figure on `n` cases (`before` the period before), numerators from the values."""
    return Metric(
        value,
        None if value is None else value * n,
        n,
        previous,
        None,
        True,
        None if previous is None else previous * before,
        before,
    )


def test_closure_up_while_confirmed_resolutions_fall_fires() -> None:
    # Closure 0.50 -> 0.62 (+12 pts, p < 0.001); confirmed 0.43 -> 0.40 (-3 pts).
    found = alerts(
        {"closure_rate": m(0.62, 0.5), "confirmed_resolution_rate": m(0.4, 0.43)}, SETTINGS
    )
    assert len(found) == 1
    alert = found[0]
    assert (alert.traditional, alert.human) == ("closure_rate", "confirmed_resolution_rate")
    assert alert.traditional_change == pytest.approx(0.12)
    assert alert.human_change == pytest.approx(-0.03)
    assert alert.message == (
        "Closure rate rose by 12 pts to 62% (was 50%) while confirmed resolutions fell by "
        "3 pts to 40% (was 43%), within noise: tickets are being closed without the customer "
        "saying it worked."
    )


def test_alert_text_and_table_show_the_same_number() -> None:
    # +11.5 pts reads as 12 pts in the alert and +12 pts in the table; 15.7 pts as 16.
    metrics = {"closure_rate": m(0.615, 0.5), "confirmed_resolution_rate": m(0.243, 0.4)}
    [alert] = alerts(metrics, SETTINGS)
    closure = figure(METRIC_INFO["closure_rate"], metrics["closure_rate"], SETTINGS)
    confirmed = figure(
        METRIC_INFO["confirmed_resolution_rate"], metrics["confirmed_resolution_rate"], SETTINGS
    )
    assert (closure.value, closure.change) == ("62%", "+12 pts")
    assert (confirmed.value, confirmed.change) == ("24%", "−16 pts")
    assert "rose by 12 pts to 62% (was 50%)" in alert.message
    assert "fell by 16 pts to 24% (was 40%)" in alert.message
    assert "11.5" not in alert.message and "15.7" not in alert.message


def test_no_alert_when_both_improve_or_the_traditional_one_does_not() -> None:
    both_up = {"csat_rate": m(0.9, 0.8), "sentiment_shift_rate": m(0.5, 0.4)}
    assert alerts(both_up, SETTINGS) == []
    csat_down = {"csat_rate": m(0.7, 0.8), "sentiment_shift_rate": m(0.3, 0.4)}
    assert alerts(csat_down, SETTINGS) == []
    csat_flat = {"csat_rate": m(0.8, 0.8), "sentiment_shift_rate": m(0.3, 0.4)}
    assert alerts(csat_flat, SETTINGS) == []
    unknown = {"csat_rate": m(0.8, None), "sentiment_shift_rate": m(0.3, 0.4)}
    assert alerts(unknown, SETTINGS) == []


def test_alerts_are_withheld_below_the_sample_floor_and_fire_above_it() -> None:
    # Closure 50% -> 100% with confirmations 100% -> 50%: on 4 tickets a day, nothing.
    few = {
        "closure_rate": m(1.0, 0.5, n=4, before=4),
        "confirmed_resolution_rate": m(0.5, 1.0, n=4, before=4),
    }
    assert alerts(few, SETTINGS) == []
    # The twin alone below the floor is enough to withhold it: "did not improve" is unknown.
    twin_few = {
        "closure_rate": m(1.0, 0.5, n=40, before=40),
        "confirmed_resolution_rate": m(0.5, 1.0, n=4, before=40),
    }
    assert alerts(twin_few, SETTINGS) == []
    # The same shares on 40 tickets a day: it fires.
    enough = {
        "closure_rate": m(1.0, 0.5, n=40, before=40),
        "confirmed_resolution_rate": m(0.5, 1.0, n=40, before=40),
    }
    assert [a.human for a in alerts(enough, SETTINGS)] == ["confirmed_resolution_rate"]


def test_a_kpi_change_within_noise_raises_no_alert() -> None:
    # Closure 50% -> 56% on 50 tickets each: p ≈ 0.55, noise.
    noisy = {
        "closure_rate": m(0.56, 0.5, n=50, before=50),
        "confirmed_resolution_rate": m(0.3, 0.5, n=50, before=50),
    }
    assert alerts(noisy, SETTINGS) == []


def test_lower_is_better_directions() -> None:
    # Handle time fell 12 -> 6 min (better) while FCR held at 0.8: fires.
    aht = Metric(6.0, None, N, 12.0, "median first-resolution time", True, None, N)
    held = alerts({"aht_minutes": aht, "fcr_rate": m(0.8, 0.8)}, SETTINGS)
    assert [a.human for a in held] == ["fcr_rate"]
    assert held[0].traditional_change == -6.0
    assert held[0].message.startswith(
        "Handle time (first-resolution time) fell by 6 min to 6 min (was 12 min) while "
    )
    assert "first-contact resolution held at 80% (was 80%)" in held[0].message
    # Containment up, repetition per journey up too (worse): fires.
    worse = alerts(
        {"containment_rate": m(0.9, 0.8), "repetition_per_journey": m(0.5, 0.3)}, SETTINGS
    )
    assert worse[0].human_change == pytest.approx(0.2)
    assert "repetition per journey rose by 0.20 to 0.50 (was 0.30)" in worse[0].message
    # ... and down (better): no alert.
    better = {"containment_rate": m(0.9, 0.8), "repetition_per_journey": m(0.2, 0.3)}
    assert alerts(better, SETTINGS) == []


def test_a_human_metric_without_a_figure_withholds_the_alert() -> None:
    # Nothing measured is not "did not improve": there is nothing to compare.
    found = alerts(
        {"solved_per_agent_day": m(14.0, 12.0), "authentic_empathy_rate": m(None, 0.5)},
        SETTINGS,
    )
    assert found == []


def test_every_pairing_is_traditional_beside_human() -> None:
    from bot.metrics.model import METRIC_INFO

    for traditional, human in PAIRINGS:
        assert METRIC_INFO[traditional].traditional
        assert not METRIC_INFO[human].traditional


def test_the_report_alerts_when_closure_rises_and_confirmations_do_not(
    engine: Engine, seed: Seed
) -> None:
    # 2 June: 2 tickets created, 1 solved that day (closure 1/2), confirmed by the customer
    # (confirmed 1/1). 3 June: 2 created and solved, ticket 2 still open (closure 2/3), one
    # confirmed (1/2).
    seed.ticket(1, madrid(2, 8), solved=madrid(2, 10))
    seed.says(1, madrid(2, 11), resolution="confirm")
    seed.ticket(2, madrid(2, 8))
    seed.ticket(3, madrid(3, 8), solved=madrid(3, 10))
    seed.says(3, madrid(3, 11), resolution="confirm")
    seed.ticket(4, madrid(3, 8), solved=madrid(3, 10))
    seed.says(4, madrid(3, 11), resolution="deny")
    seed.save()
    # Two tickets a day are far below the default floor: no alert.
    assert [a for a in report(engine).alerts if a.traditional == "closure_rate"] == []
    # With the floor at 1 and no significance test to speak of, the report's own figures
    # (and their previous samples) reach the alert.
    result = report(engine, digest_min_sample=1, digest_significance=0.99)
    closure = [a for a in result.alerts if a.traditional == "closure_rate"]
    assert len(closure) == 1
    # Closure +16.7 pts (1/2 -> 2/3); confirmed -50 pts (1.0 -> 0.5).
    assert closure[0].traditional_change == pytest.approx(2 / 3 - 1 / 2)
    assert closure[0].human_change == -0.5
    assert "Closure rate rose by 17 pts to 67% (was 50%)" in closure[0].message


def test_the_report_stays_quiet_when_both_improve(engine: Engine, seed: Seed) -> None:
    # 2 June: closure 1/2, confirmed 0/1. 3 June: closure 2/2, confirmed 2/2.
    seed.ticket(1, madrid(2, 8), solved=madrid(2, 10))
    seed.ticket(2, madrid(2, 8))
    for tid in (3, 4):
        seed.ticket(tid, madrid(3, 8), solved=madrid(3, 10))
        seed.says(tid, madrid(3, 11), resolution="confirm")
    seed.save()
    quiet = report(engine, digest_min_sample=1, digest_significance=0.99).alerts
    assert [a for a in quiet if a.traditional == "closure_rate"] == []
