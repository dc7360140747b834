"""The solves' stored facts (`bot.store.solves`): refreshed by every write they depend on,
and exact whatever the period's cap (its end, or now)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from metrics_support import Seed, figures, madrid, report, utc
from sqlalchemy import Engine, delete, insert, select, tuple_, update

from bot.store import make_engine, upgrade
from bot.store.history import rebuild_runs
from bot.store.solves import (
    PENDING_FACTS,
    SOLVE_FACTS,
    defer_refresh,
    refresh_pending,
    refresh_solve_facts,
)
from bot.store.tables import COMMENTS, RUNS, SIGNALS, TICKETS


def test_another_ticket_of_the_requester_refreshes_an_earlier_solves_containment(
    engine: Engine, seed: Seed
) -> None:
    seed.customer(5)
    seed.customer(6)
    seed.ticket(1, madrid(3, 8), requester=5, solved=madrid(3, 12))
    seed.says(1, madrid(3, 8))
    seed.save()
    assert figures(report(engine).metrics["containment_rate"]) == (1.0, 1, 1)
    # The sync writes a second ticket of the same requester, opened while #1 was open:
    # only #2's runs are rebuilt, and #1's facts follow.
    seed.ticket(2, madrid(3, 9), requester=5)
    seed.save()
    assert figures(report(engine).metrics["containment_rate"]) == (0.0, 0, 1)
    # #2 moves to another requester: #1 is contained again (its old requester's tickets
    # are refreshed too).
    with engine.begin() as conn:
        conn.execute(update(TICKETS).where(TICKETS.c.id == 2).values(requester_id=6))
        rebuild_runs(conn, [2])
    assert figures(report(engine).metrics["containment_rate"]) == (1.0, 1, 1)


def test_new_messages_and_signals_reach_the_facts_through_their_refresh(
    engine: Engine, seed: Seed
) -> None:
    seed.ticket(1, madrid(3, 8), solved=madrid(3, 12))
    seed.says(1, madrid(3, 8), sentiment="negative")
    message = seed.says(1, madrid(3, 10), sentiment="positive")
    seed.save()
    assert figures(report(engine).metrics["sentiment_shift_rate"]) == (1.0, 1, 1)
    # The analysis job re-reads the last message as negative, in one transaction with the
    # refresh of the ticket's facts.
    with engine.begin() as conn:
        conn.execute(
            update(SIGNALS)
            .where(SIGNALS.c.comment_id == message)
            .values(sentiment_label="negative")
        )
        refresh_solve_facts(conn, [1])
    assert figures(report(engine).metrics["sentiment_shift_rate"]) == (0.0, 0, 1)
    # A message deleted from the store (and its signals): the facts forget it too.
    with engine.begin() as conn:
        conn.execute(delete(SIGNALS).where(SIGNALS.c.comment_id == message))
        conn.execute(delete(COMMENTS).where(COMMENTS.c.id == message))
        refresh_solve_facts(conn, [1])
        assert conn.execute(SOLVE_FACTS.select()).one().after_last_at is None
    assert figures(report(engine).metrics["sentiment_shift_rate"]) == (0.0, 0, 1)


def test_messages_after_the_solve_count_only_before_the_days_end(
    engine: Engine, seed: Seed
) -> None:
    # Solved at noon; the customer wrote after it on the same day and again the next day,
    # on another channel: the day's figures read only what was written before midnight.
    seed.ticket(1, madrid(3, 8), solved=madrid(3, 12))
    seed.says(1, madrid(3, 8), sentiment="negative")
    seed.says(1, madrid(3, 14), sentiment="positive", resolution="confirm", trust=True)
    seed.says(1, madrid(4, 6), sentiment="negative", resolution="deny", channel="chat")
    seed.save()
    result = report(engine)
    assert figures(result.metrics["sentiment_shift_rate"]) == (1.0, 1, 1)
    assert figures(result.metrics["confirmed_resolution_rate"]) == (1.0, 1, 1)
    assert figures(result.metrics["trust_indicator_rate"]) == (1.0, 1, 1)
    assert figures(result.metrics["containment_rate"]) == (1.0, 1, 1)
    # Read at 13:00 on the day itself, only the first message was written by then.
    during = report(engine, now=madrid(3, 13))
    assert figures(during.metrics["sentiment_shift_rate"]) == (0.0, 0, 1)
    assert figures(during.metrics["confirmed_resolution_rate"]) == (0.0, 0, 1)
    # Read at 11:00 with the solve already stored (a clock behind the store's): the solve
    # counts, with the messages written by 11:00 only.
    early = report(engine, now=madrid(3, 11))
    assert figures(early.metrics["sentiment_shift_rate"]) == (0.0, 0, 1)
    assert figures(early.metrics["trust_indicator_rate"]) == (0.0, 0, 1)


def test_a_return_ticket_moving_to_another_requester_refreshes_fcr(
    engine: Engine, seed: Seed
) -> None:
    may_27 = date(2026, 5, 27)
    seed.ticket(1, madrid(may_27, 8), requester=5, solved=madrid(may_27, 10))
    seed.ticket(2, madrid(1, 9), requester=5)  # came back 5 days later
    seed.save()
    assert figures(report(engine).metrics["fcr_rate"]) == (0.0, 0, 1)
    with engine.begin() as conn:
        conn.execute(update(TICKETS).where(TICKETS.c.id == 2).values(requester_id=6))
        rebuild_runs(conn, [2])
    assert figures(report(engine).metrics["fcr_rate"]) == (1.0, 1, 1)


def test_migrating_a_store_fills_the_facts_of_its_solves(tmp_path: Path) -> None:
    # A store at 0005 (runs, no facts) gets its solves' facts from migration 0006. SQLite
    # only: the PostgreSQL test database is shared at the newest revision.
    engine = make_engine(f"sqlite:///{tmp_path}/old.db")
    upgrade(engine, "0005")
    created, solved = utc(madrid(3, 8)), utc(madrid(3, 12))
    with engine.begin() as conn:
        conn.execute(
            insert(TICKETS),
            [
                {
                    "id": t,
                    "subject": "s",
                    "status": "solved",
                    "channel": "email",
                    "requester_id": 5,
                    "tags": [],
                    "custom_fields": {},
                    "created_at": created,
                    "updated_at": solved,
                    "deleted": False,
                }
                for t in (1, 2)
            ],
        )
        conn.execute(
            insert(RUNS),
            [
                {"ticket_id": 1, "seq": 1, "opened_at": created, "solved_at": solved},
                {"ticket_id": 2, "seq": 1, "opened_at": created, "solved_at": None},
            ],
        )
        conn.execute(
            insert(COMMENTS),
            [
                {
                    "id": 10,
                    "ticket_id": 1,
                    "author_role": "customer",
                    "public": True,
                    "channel": "web",
                    "body": "",
                    "created_at": created,
                }
            ],
        )
        conn.execute(
            insert(SIGNALS),
            [
                {
                    "comment_id": 10,
                    "ticket_id": 1,
                    "role": "customer",
                    "public": True,
                    "sentiment_label": "negative",
                    "resolution_reply": "confirm",
                    "body_hash": "x",
                    "analyzer_version": "test",
                    "analyzed_at": solved,
                }
            ],
        )
    upgrade(engine)
    with engine.connect() as conn:
        [fact] = conn.execute(SOLVE_FACTS.select()).all()
    assert (fact.ticket_id, fact.seq, fact.solved_at) == (1, 1, solved)
    assert fact.parallel_with == 2  # ticket 2 was opened with it and is still open
    assert (fact.first_at, fact.first_sentiment, fact.before_reply) == (
        created,
        "negative",
        "confirm",
    )
    assert fact.after_first_at is None and fact.mixed_at is None
    engine.dispose()


def test_marked_facts_are_refreshed_before_the_digest_reads_them(
    engine: Engine, seed: Seed
) -> None:
    # A sync marks the tickets it writes and refreshes them at its end; one killed before
    # its end leaves marks, which the digest settles before it reads a fact.
    seed.ticket(1, madrid(3, 8), solved=madrid(3, 12))
    seed.says(1, madrid(3, 8), sentiment="negative")
    message = seed.says(1, madrid(3, 10), sentiment="positive")
    seed.save()
    assert figures(report(engine).metrics["sentiment_shift_rate"]) == (1.0, 1, 1)
    with engine.begin() as conn:
        conn.execute(
            update(SIGNALS)
            .where(SIGNALS.c.comment_id == message)
            .values(sentiment_label="negative")
        )
        defer_refresh(conn, [1], related=False)
    assert figures(report(engine).metrics["sentiment_shift_rate"]) == (0.0, 0, 1)
    with engine.connect() as conn:
        assert conn.execute(select(PENDING_FACTS.c.ticket_id)).all() == []


def test_a_mark_made_during_a_refresh_is_not_cleared_by_it(engine: Engine, seed: Seed) -> None:
    seed.ticket(1, madrid(3, 8), solved=madrid(3, 12))
    seed.save()
    with engine.begin() as conn:
        defer_refresh(conn, [1], related=False)
        defer_refresh(conn, [1])  # marked again, now with its requester's tickets
        row = conn.execute(select(PENDING_FACTS)).one()
    assert (row.related, row.mark) == (True, 2)
    with engine.begin() as conn:
        # A refresh that read mark 1 clears only mark 1: mark 2 stays for the next one.
        conn.execute(
            delete(PENDING_FACTS).where(
                tuple_(PENDING_FACTS.c.ticket_id, PENDING_FACTS.c.mark).in_([(1, 1)])
            )
        )
    assert refresh_pending(engine) == 1
    with engine.connect() as conn:
        assert conn.execute(select(PENDING_FACTS)).all() == []
