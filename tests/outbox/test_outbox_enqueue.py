"""`enqueue`: a key queues once, on SQLite and PostgreSQL, inside the caller's transaction;
a malformed decision is refused where it is made."""

from __future__ import annotations

import base64

import pytest
from outbox_support import now, rows
from sqlalchemy import Engine
from sqlmodel import Session

from bot.outbox import PENDING, SLACK_DM, SLACK_MESSAGE, ZENDESK_UPDATE, OutboxError, enqueue
from bot.store import session_scope


def test_enqueuing_the_same_key_twice_queues_once(engine: Engine) -> None:
    at = now()
    with session_scope(engine) as session:
        first = enqueue(
            session, key="digest:2026-03-02", kind=SLACK_MESSAGE, target="#support",
            payload={"text": "first"}, now=at,
        )  # fmt: skip
    with engine.begin() as connection:  # a Connection works too, and a retried decision
        second = enqueue(
            connection, key="digest:2026-03-02", kind=SLACK_MESSAGE, target="#other",
            payload={"text": "second"}, now=at,
        )  # fmt: skip

    assert (first, second) == (True, False)
    queued = rows(engine)
    assert list(queued) == ["digest:2026-03-02"]
    row = queued["digest:2026-03-02"]
    assert (row["status"], row["attempts"], row["target"]) == (PENDING, 0, "#support")
    assert row["payload"] == {"text": "first"} and row["next_attempt_at"] == at


def test_enqueue_joins_the_callers_transaction_and_never_commits(engine: Engine) -> None:
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        assert enqueue(
            session, key="k1", kind=SLACK_MESSAGE, target="C1", payload={"text": "x"}, now=now()
        )
        raise RuntimeError("the decision failed after queueing")
    with Session(engine) as session:
        enqueue(
            session, key="k2", kind=SLACK_MESSAGE, target="C1", payload={"text": "y"}, now=now()
        )
        session.rollback()

    assert rows(engine) == {}


@pytest.mark.parametrize(
    ("kind", "target", "payload", "message"),
    [
        ("slack.carrier_pigeon", "C1", {"text": "x"}, "unknown outbox kind"),
        (SLACK_MESSAGE, "C1", {"blocks": []}, "needs 'text'"),
        (SLACK_MESSAGE, "C1", {"text": "x", "blocks": "no"}, "'blocks' must be a list"),
        (SLACK_MESSAGE, "C1", {"text": "x", "file": {"filename": "a.png", "title": "t",
                                                    "content_b64": "%%%"}}, "not base64"),
        (SLACK_DM, "maria", {"text": "x"}, "not an email address"),
        (ZENDESK_UPDATE, "12", {}, "nothing to do"),
        (ZENDESK_UPDATE, "twelve", {"status": "open"}, "no ticket id"),
        ("zendesk.comment", "12", {"body": "hi"}, "needs 'public'"),
        (SLACK_MESSAGE, "C1", {"text": "x", "when": now()}, "not JSON"),
    ],
)  # fmt: skip
def test_a_malformed_decision_is_refused_at_enqueue(
    engine: Engine, kind: str, target: str, payload: dict[str, object], message: str
) -> None:
    with pytest.raises(OutboxError, match=message), session_scope(engine) as session:
        enqueue(session, key="bad", kind=kind, target=target, payload=payload, now=now())

    assert rows(engine) == {}


def test_a_message_with_a_file_is_accepted(engine: Engine) -> None:
    content = base64.b64encode(b"\x89PNG...").decode()
    file = {"filename": "chart.png", "content_b64": content, "title": "FCR", "alt_text": "a chart"}
    with session_scope(engine) as session:
        assert enqueue(
            session, key="f", kind=SLACK_MESSAGE, target="C1",
            payload={"text": "x", "file": file}, now=now(),
        )  # fmt: skip

    assert rows(engine)["f"]["payload"]["file"] == file
