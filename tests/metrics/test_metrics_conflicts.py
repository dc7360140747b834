"""The conflict audit: tickets that look good and feel bad; agents ranked apart."""

from __future__ import annotations

from datetime import date

from metrics_support import Seed, madrid, report, settings
from sqlalchemy import Engine

from bot.metrics.conflicts import agent_gaps
from bot.metrics.model import Metric


def test_conflict_tickets_show_each_kind_with_a_link(engine: Engine, seed: Seed) -> None:
    seed.agent(10, "Ana")
    # Solved in 12 minutes, then reopened twice.
    seed.ticket(
        1,
        madrid(3, 8),
        assignee=10,
        solved=madrid(3, 9),
        first_resolution=12,
        reopens=2,
        subject="Card declined",
    )
    # Solved in 3 hours and reopened: not "fast".
    seed.ticket(2, madrid(3, 8), solved=madrid(3, 12), first_resolution=180, reopens=1)
    # Solved 27 May (the FCR cohort for 3 June); the requester was back on 29 May.
    seed.ticket(3, madrid(date(2026, 5, 27), 8), requester=3, solved=madrid(date(2026, 5, 27), 9))
    seed.ticket(33, madrid(date(2026, 5, 29), 9), requester=3)
    # Solved, but the customer's last message was negative.
    seed.ticket(4, madrid(3, 8), solved=madrid(3, 13))
    seed.says(4, madrid(3, 8), sentiment="neutral")
    seed.says(4, madrid(3, 12), sentiment="negative")
    # Rated good, but the last message was negative (solved the day before).
    seed.ticket(5, madrid(1, 8), solved=madrid(2, 13))
    seed.says(5, madrid(2, 12), sentiment="negative")
    seed.rating(5, madrid(3, 10), "good")
    seed.save()
    tickets = report(engine, zendesk_url="https://acme.zendesk.com/").conflict_tickets
    by_id = {t.ticket_id: t for t in tickets}
    assert list(by_id) == [1, 3, 4, 5]
    fast = by_id[1]
    assert fast.url == "https://acme.zendesk.com/agent/tickets/1"
    assert (fast.subject, fast.agent) == ("Card declined", "Ana")
    assert (fast.looks_good, fast.feels_bad) == ("solved in 12 min", "reopened 2 times")
    assert by_id[3].looks_good == "solved 27 May"
    assert by_id[3].feels_bad == "the requester opened #33 2.0 days later"
    # The ticket the requester came back with is linked too.
    assert by_id[3].related_ticket_id == 33
    assert by_id[3].related_url == "https://acme.zendesk.com/agent/tickets/33"
    assert by_id[1].related_ticket_id is None and by_id[1].related_url is None
    assert by_id[4].feels_bad == "the customer's last message was negative"
    assert by_id[5].looks_good == "rated good (CSAT)"


def test_conflict_tickets_are_capped_and_have_no_link_without_a_url(
    engine: Engine, seed: Seed
) -> None:
    for tid in range(1, 9):
        seed.ticket(tid, madrid(3, 8), solved=madrid(3, 9), first_resolution=tid, reopens=1)
    seed.save()
    tickets = report(engine).conflict_tickets
    # The five fastest reopened solves, fastest first.
    assert [t.ticket_id for t in tickets] == [1, 2, 3, 4, 5]
    assert all(t.url is None for t in tickets)


SETTINGS = settings()  # the default floor: 20 cases on the human metric


def agent(solved: int, empathy: float | None, cases: int = 40) -> dict[str, Metric]:
    return {
        "solved_per_agent_day": Metric(float(solved), solved, 1),
        "authentic_empathy_rate": Metric(
            empathy, None if empathy is None else round(empathy * cases), cases
        ),
        "fcr_rate": Metric(None, 0, 0),
    }


def test_agents_whose_ranks_disagree_get_a_coaching_suggestion_with_their_figures() -> None:
    # Solved: Ana 40 (#1), Ben 30 (#2), Cai 20 (#3), Dee 10 (#4).
    # Empathy: Ana 0.1 (#4), Ben 0.5 (#2), Cai 0.4 (#3), Dee 0.9 (#1).
    gaps = agent_gaps(
        {
            "11": agent(40, 0.1),
            "12": agent(30, 0.5),
            "13": agent(20, 0.4),
            "14": agent(10, 0.9),
            "15": agent(50, 0.0, cases=19),  # too few cases to rank (floor 20)
        },
        SETTINGS,
        names={"11": "Ana", "12": "Ben", "13": "Cai", "14": "Dee", "15": "Eve"},
    )
    # Gaps: Ana 3, Dee 3 (threshold: half of 4 agents = 2); Ben 0, Cai 0.
    assert [(g.agent, g.traditional_rank, g.human_rank, g.agents_ranked) for g in gaps] == [
        ("Ana", 1, 4, 4),
        ("Dee", 4, 1, 4),
    ]
    ana = gaps[0]
    assert (ana.agent_key, ana.human_metric, ana.solved) == ("11", "authentic_empathy_rate", 40)
    assert (ana.human_numerator, ana.human_denominator) == (4, 40)
    assert ana.suggestion.startswith(
        "Ana is #1 of 4 for tickets solved but #4 for authentic empathy (solved 40 (rank 1 of "
        "4); authentic empathy 4 of 40 = 10% (rank 4 of 4)): "
    )
    assert "worth sharing" in gaps[1].suggestion


def test_no_coaching_rank_from_a_handful_of_cases() -> None:
    # The same ranks on 5 cases each: nobody reaches the floor of 20.
    few = {
        str(i): agent(solved, empathy, cases=5)
        for i, (solved, empathy) in enumerate(((40, 0.0), (30, 0.6), (20, 0.4), (10, 1.0)))
    }
    assert agent_gaps(few, SETTINGS) == []
    lower = settings(digest_min_sample=5)
    assert [g.agent for g in agent_gaps(few, lower)] == ["0", "3"]


def test_a_rank_gap_within_noise_gets_no_coaching() -> None:
    # Ranks far apart, but 45% against 50-55% on 40 cases each is noise.
    close = {
        "a": agent(40, 0.45),
        "b": agent(30, 0.5),
        "c": agent(20, 0.5),
        "d": agent(10, 0.55),
    }
    assert agent_gaps(close, SETTINGS) == []


def test_no_gaps_with_fewer_than_three_ranked_agents() -> None:
    assert agent_gaps({"Ana": agent(40, 0.1), "Dee": agent(10, 0.9)}, SETTINGS) == []


def test_the_report_ranks_agents_from_its_own_figures(engine: Engine, seed: Seed) -> None:
    # Ana solves 3 and answers 3 angry messages without empathy; Ben solves 2, 1 of 3
    # authentic; Cai solves 1, 3 of 3 authentic. Ranks: solved Ana 1, Ben 2, Cai 3;
    # empathy Cai 1 (1.0), Ben 2 (0.33), Ana 3 (0.0): Ana and Cai are 2 apart (>= 2).
    for agent_id, name, solves, authentic in (
        (10, "Ana", 3, 0),
        (11, "Ben", 2, 1),
        (12, "Cai", 1, 3),
    ):
        seed.agent(agent_id, name)
        for i in range(3):
            tid = agent_id * 10 + i
            seed.ticket(
                tid, madrid(3, 8), assignee=agent_id, solved=madrid(3, 12) if i < solves else None
            )
            seed.says(tid, madrid(3, 8), sentiment="negative")
            seed.replies(
                tid, madrid(3, 9), agent_id, empathy="authentic" if i < authentic else "none"
            )
    seed.save()
    assert report(engine).agent_gaps == []  # 3 cases each: below the default floor
    gaps = report(engine, digest_min_sample=3, digest_significance=0.99).agent_gaps
    assert [(g.agent, g.traditional_rank, g.human_rank) for g in gaps] == [
        ("Ana", 1, 3),
        ("Cai", 3, 1),
    ]
