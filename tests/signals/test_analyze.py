import gc
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from bot.settings import Settings
from bot.signals.analyze import (
    ANALYZER_VERSION,
    AnalyzeProgress,
    _long_lived_frozen,
    analyze,
    signal_summary,
)
from bot.store import Comment, CommentSignal, Ticket, User

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
T0 = NOW - timedelta(days=2)


def _seed(engine: Engine) -> None:
    def at(minutes: int) -> datetime:
        return T0 + timedelta(minutes=minutes)

    with Session(engine) as session:
        session.add(User(id=1, name="Marta", role="end-user", locale="es"))
        session.add(User(id=2, name="Agent", role="agent", locale="en-US"))
        session.add(
            Ticket(id=10, requester_id=1, channel="chat", created_at=at(0), updated_at=at(0))
        )
        session.add(
            Ticket(id=11, requester_id=1, channel="email", created_at=at(60), updated_at=at(90))
        )
        comments = [
            Comment(
                id=100,
                ticket_id=10,
                author_id=1,
                author_role="customer",
                channel="chat",
                body="Me cobraron dos veces el pedido 77120.",
                created_at=at(0),
            ),
            Comment(
                id=101,
                ticket_id=11,
                author_id=1,
                author_role="customer",
                channel="email",
                body="Es la tercera vez que escribo: me cobraron dos veces el pedido 77120.\n\n"
                "El lun., 9 mar. 2026, Soporte escribió:\n> Lamentamos las molestias",
                created_at=at(60),
            ),
            Comment(
                id=102,
                ticket_id=11,
                author_id=2,
                author_role="agent",
                public=False,
                channel="email",
                body="Customer is furious, refund her. Upgrade to Plus?",
                created_at=at(61),
            ),
            Comment(
                id=103,
                ticket_id=11,
                author_id=2,
                author_role="agent",
                channel="email",
                body="Hola, ¿nos puedes indicar el número de pedido?",
                created_at=at(62),
            ),
            Comment(
                id=104,
                ticket_id=11,
                author_id=1,
                author_role="customer",
                channel="email",
                body="ok",
                created_at=at(90),
            ),
        ]
        session.add_all(comments)
        session.commit()


def _rows(engine: Engine) -> dict[int, CommentSignal]:
    with Session(engine) as session:
        return {row.comment_id: row for row in session.exec(select(CommentSignal)).all()}


def test_analysis_reads_each_comment_in_its_conversation(engine: Engine) -> None:
    _seed(engine)
    result = analyze(engine, Settings(), NOW, batch_size=2)
    assert (result.scanned, result.analyzed) == (5, 5)
    rows = _rows(engine)
    restated = rows[101]
    assert restated.language == "es" and restated.sentiment_label == "negative"
    assert restated.frustration is True and restated.restatements == 1
    reply = rows[103]
    assert reply.redundant_question is True  # the order number was in the answered message
    assert reply.empathy == "none" and reply.empathy_matched is False
    assert rows[104].language == "es"  # too short to tell: the requester's locale
    assert rows[104].analyzer_version == ANALYZER_VERSION


def test_internal_notes_get_role_only_rows(engine: Engine) -> None:
    _seed(engine)
    analyze(engine, Settings(), NOW)
    note = _rows(engine)[102]
    assert note.public is False and note.role == "agent"
    assert note.upsell is None and note.empathy is None and note.sentiment_label is None


def test_rerun_changes_nothing_and_only_changed_comments_are_redone(engine: Engine) -> None:
    _seed(engine)
    analyze(engine, Settings(), NOW)
    before = {k: v.model_dump() for k, v in _rows(engine).items()}
    again = analyze(engine, Settings(), NOW + timedelta(hours=1))
    assert again.analyzed == 0
    assert {k: v.model_dump() for k, v in _rows(engine).items()} == before
    with Session(engine) as session:
        comment = session.get(Comment, 104)
        assert comment is not None
        comment.body = "Sigue sin funcionar."
        session.add(comment)
        session.commit()
    changed = analyze(engine, Settings(), NOW + timedelta(hours=2))
    assert changed.analyzed == 1
    assert _rows(engine)[104].resolution_reply == "deny"


def test_an_interrupted_run_resumes_where_it_stopped(engine: Engine) -> None:
    _seed(engine)
    analyze(engine, Settings(), NOW)
    with Session(engine) as session:  # as if the last batches never committed
        for comment_id in (103, 104):
            row = session.get(CommentSignal, comment_id)
            session.delete(row)
        session.commit()
    assert analyze(engine, Settings(), NOW).analyzed == 2
    assert len(_rows(engine)) == 5


def test_signal_summary_counts_per_language_and_signal(engine: Engine) -> None:
    _seed(engine)
    analyze(engine, Settings(), NOW)
    summary = signal_summary(engine)
    assert summary["comments"] == {"customer": 3, "agent": 1, "internal": 1}
    assert summary["sentiment_by_language"]["es"]["negative"] == 2
    assert summary["signals"]["redundant_question"] == 1
    assert summary["signals"]["upsell"] == 0  # the internal note's pitch is never counted
    assert summary["signals"]["restatements"] == 1


def test_a_run_leaves_the_collector_as_it_found_it(engine: Engine) -> None:
    # The run freezes the long-lived objects and raises the young threshold: both are
    # undone when it ends, also when it ends in an error (here the progress callback's).
    _seed(engine)
    thresholds = gc.get_threshold()
    seen: list[tuple[int, int]] = []

    def stop(progress: AnalyzeProgress) -> None:
        seen.append((gc.get_freeze_count(), gc.get_threshold()[0]))
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        analyze(engine, Settings(), NOW, batch_size=2, progress=stop)
    assert seen and seen[0][0] > 0 and seen[0][1] >= thresholds[0]
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == thresholds
    analyze(engine, Settings(), NOW)
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == thresholds


def test_a_caller_s_frozen_objects_stay_frozen(engine: Engine) -> None:
    _seed(engine)
    gc.freeze()
    try:
        analyze(engine, Settings(), NOW)
        assert gc.get_freeze_count() > 0  # not thawed (some may have been freed)
    finally:
        gc.unfreeze()


def test_overlapping_runs_undo_the_collector_change_once_the_last_one_ends() -> None:
    thresholds = gc.get_threshold()
    first, second = _long_lived_frozen(), _long_lived_frozen()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the other run is still going: still frozen
    assert gc.get_freeze_count() > 0 and gc.get_threshold()[0] >= thresholds[0]
    second.__exit__(None, None, None)
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == thresholds
