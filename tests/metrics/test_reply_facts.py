"""The agent replies' stored facts (`bot.store.replies`): what each reply answered, read
once per write, and refreshed by every write they depend on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from metrics_support import Seed, figures, madrid, report
from sqlalchemy import Engine, select, update

from bot.store.history import rebuild_runs
from bot.store.replies import Other, Said, reply_facts_of
from bot.store.solves import refresh_solve_facts
from bot.store.tables import REPLY_FACTS, SIGNALS, TICKETS

T0 = datetime(2026, 6, 1, 9, tzinfo=UTC)


class _Signals:
    def __init__(self, **values: object) -> None:
        self.sentiment_label = values.get("sentiment")
        self.frustration = values.get("frustration")
        self.empathy = values.get("empathy")
        self.upsell = values.get("upsell")
        self.acknowledges_history = values.get("acknowledges")
        self.redundant_question = values.get("redundant")


def _at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_each_reply_knows_what_it_answered() -> None:
    said = [
        Said(_at(0), 1, "customer", "email", 5, _Signals(sentiment="negative")),
        Said(_at(1), 2, "customer", "email", 5, _Signals(frustration=True, sentiment="neutral")),
        Said(_at(2), 3, "customer", "email", 5, None),  # not analysed: not counted
        Said(_at(3), 4, "agent", "email", 9, _Signals(empathy="authentic")),
        Said(_at(4), 5, "customer", "chat", 5, _Signals(sentiment="positive")),
        Said(_at(5), 6, "agent", "email", 9, None),  # not analysed: no row, still a reply
        Said(_at(6), 7, "agent", "email", 9, _Signals(empathy="none", upsell=True)),
    ]
    rows = reply_facts_of(10, T0, "email", said, [])
    assert [row["comment_id"] for row in rows] == [4, 7]
    first, last = rows
    assert (first["first"], first["weighty"], first["mood"], first["history"]) == (
        True,
        2,
        "neutral",
        False,
    )
    # After a chat message on an email ticket the customer has history; the unanalysed
    # reply in between answered the positive message, so #7 answers nothing weighty.
    assert (last["first"], last["weighty"], last["mood"], last["history"]) == (
        False,
        0,
        "positive",
        True,
    )
    assert last["upsell"] is True and first["upsell"] is False


def test_history_is_another_live_ticket_of_the_thirty_days_before_the_reply() -> None:
    said = [Said(_at(60), 1, "agent", "email", 9, _Signals())]

    def history(*others: Other) -> bool:
        return bool(reply_facts_of(10, T0, "email", said, others)[0]["history"])

    assert history(Other(11, T0 - timedelta(days=29), False))
    assert not history(Other(11, T0 - timedelta(days=31), False))  # too long ago
    assert not history(Other(11, T0 - timedelta(days=2), True))  # deleted
    assert not history(Other(11, _at(61), False))  # created after the reply
    assert not history(Other(10, T0 - timedelta(days=2), False))  # the ticket itself
    assert history(Other(11, _at(30), False))  # opened after this one, before the reply


def test_writes_refresh_the_reply_facts(engine: Engine, seed: Seed) -> None:
    seed.agent(9, "Ana")
    seed.customer(5)
    seed.ticket(1, madrid(3, 8), requester=5, assignee=9)
    seed.says(1, madrid(3, 8), author=5, sentiment="negative")
    reply = seed.replies(1, madrid(3, 9), 9, empathy="scripted", acknowledges=True)
    seed.save()
    result = report(engine)
    assert figures(result.metrics["authentic_empathy_rate"]) == (0.0, 0, 1)
    assert figures(result.metrics["context_acknowledged_rate"]) == (None, 0, 0)
    # The analysis job re-reads the reply as authentic: its refresh reaches the facts.
    with engine.begin() as conn:
        conn.execute(
            update(SIGNALS).where(SIGNALS.c.comment_id == reply).values(empathy="authentic")
        )
        refresh_solve_facts(conn, [1], related=False)
    assert figures(report(engine).metrics["authentic_empathy_rate"]) == (1.0, 1, 1)
    # The sync brings an earlier ticket of the same requester: now the customer had
    # history, which the reply acknowledged.
    seed.ticket(2, madrid(1, 8), requester=5)
    seed.save()
    assert figures(report(engine).metrics["context_acknowledged_rate"]) == (1.0, 1, 1)
    # That ticket is deleted in Zendesk: no history again.
    with engine.begin() as conn:
        conn.execute(update(TICKETS).where(TICKETS.c.id == 2).values(deleted=True))
        rebuild_runs(conn, [2])
    assert figures(report(engine).metrics["context_acknowledged_rate"]) == (None, 0, 0)
    with engine.connect() as conn:
        assert conn.execute(select(REPLY_FACTS.c.comment_id)).scalars().all() == [reply]
