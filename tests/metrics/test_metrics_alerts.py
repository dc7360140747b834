"""Alerts: a traditional metric improved while its human twin did not."""

from __future__ import annotations

import pytest
from metrics_support import Seed, madrid, report
from sqlalchemy import Engine

from bot.metrics.alerts import PAIRINGS, alerts
from bot.metrics.model import Metric


def m(value: float | None, previous: float | None) -> Metric:
    return Metric(value, None, 1, previous)


def test_closure_up_while_confirmed_resolutions_fall_fires() -> None:
    # Closure 0.50 -> 0.62 (+12 pts); confirmed 0.43 -> 0.40 (-3 pts).
    found = alerts({"closure_rate": m(0.62, 0.5), "confirmed_resolution_rate": m(0.4, 0.43)})
    assert len(found) == 1
    alert = found[0]
    assert (alert.traditional, alert.human) == ("closure_rate", "confirmed_resolution_rate")
    assert alert.traditional_change == pytest.approx(0.12)
    assert alert.human_change == pytest.approx(-0.03)
    assert alert.message == (
        "Closure rate rose 12.0 pts to 62.0% while confirmed resolutions fell 3.0 pts to "
        "40.0%: tickets are being closed without the customer saying it worked."
    )


def test_no_alert_when_both_improve_or_the_traditional_one_does_not() -> None:
    both_up = {"csat_rate": m(0.9, 0.8), "sentiment_shift_rate": m(0.5, 0.4)}
    assert alerts(both_up) == []
    csat_down = {"csat_rate": m(0.7, 0.8), "sentiment_shift_rate": m(0.3, 0.4)}
    assert alerts(csat_down) == []
    csat_flat = {"csat_rate": m(0.8, 0.8), "sentiment_shift_rate": m(0.3, 0.4)}
    assert alerts(csat_flat) == []
    unknown = {"csat_rate": m(0.8, None), "sentiment_shift_rate": m(0.3, 0.4)}
    assert alerts(unknown) == []


def test_lower_is_better_directions() -> None:
    # Handle time fell 12 -> 9 min (better) while FCR held at 0.8: fires.
    held = alerts({"aht_minutes": m(9.0, 12.0), "fcr_rate": m(0.8, 0.8)})
    assert [a.human for a in held] == ["fcr_rate"]
    assert held[0].traditional_change == -3.0
    assert held[0].message.startswith("Handle time fell 3.0 min to 9.0 min while ")
    assert "first-contact resolution held at 80.0%" in held[0].message
    # Containment up, repetition per journey up too (worse): fires.
    worse = alerts({"containment_rate": m(0.9, 0.8), "repetition_per_journey": m(0.5, 0.3)})
    assert worse[0].human_change == pytest.approx(0.2)
    assert "repetition per journey rose 0.20 to 0.50" in worse[0].message
    # ... and down (better): no alert.
    better = {"containment_rate": m(0.9, 0.8), "repetition_per_journey": m(0.2, 0.3)}
    assert alerts(better) == []


def test_a_human_metric_without_a_figure_does_not_count_as_improved() -> None:
    found = alerts({"solved_per_agent_day": m(14.0, 12.0), "authentic_empathy_rate": m(None, 0.5)})
    assert len(found) == 1
    assert found[0].human_change is None
    assert "authentic empathy has no figure to compare" in found[0].message


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
    result = report(engine)
    closure = [a for a in result.alerts if a.traditional == "closure_rate"]
    assert len(closure) == 1
    # Closure +16.7 pts (1/2 -> 2/3); confirmed -50 pts (1.0 -> 0.5).
    assert closure[0].traditional_change == pytest.approx(2 / 3 - 1 / 2)
    assert closure[0].human_change == -0.5
    assert "Closure rate rose" in closure[0].message


def test_the_report_stays_quiet_when_both_improve(engine: Engine, seed: Seed) -> None:
    # 2 June: closure 1/2, confirmed 0/1. 3 June: closure 2/2, confirmed 2/2.
    seed.ticket(1, madrid(2, 8), solved=madrid(2, 10))
    seed.ticket(2, madrid(2, 8))
    for tid in (3, 4):
        seed.ticket(tid, madrid(3, 8), solved=madrid(3, 10))
        seed.says(tid, madrid(3, 11), resolution="confirm")
    seed.save()
    assert [a for a in report(engine).alerts if a.traditional == "closure_rate"] == []
