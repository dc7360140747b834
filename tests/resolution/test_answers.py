"""Answering by link against the store (SQLite and PostgreSQL): once, atomically, and a
refused link changes nothing."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, Engine, func, insert, select
from sqlalchemy.exc import IntegrityError

import bot.resolution.answers as answers_module
from bot.resolution.answers import Answer, answer_by_link, check_link
from bot.resolution.links import Choice, LinkRefused, Refusal
from bot.store.tables import RESOLUTION_ANSWERS, RESOLUTION_LINK_USES
from tests.resolution.resolution_support import KEYS, NOW, add_ticket, answer_tables, token


def answer(engine: Engine, text: str, ticket_id: int = 7, **kwargs: object) -> Answer:
    arguments: dict[str, object] = {"rating": None, "locale": "en", "now": NOW}
    arguments.update(kwargs)
    return answer_by_link(engine, KEYS, text, ticket_id=ticket_id, **arguments)  # type: ignore[arg-type]


def refused(engine: Engine, text: str, ticket_id: int = 7, **kwargs: object) -> Refusal:
    with pytest.raises(LinkRefused) as info:
        answer(engine, text, ticket_id, **kwargs)
    return info.value.reason


def test_an_answer_records_the_links_use_and_the_answer(engine: Engine) -> None:
    add_ticket(engine, 7)

    recorded = answer(engine, token(7, "7-1", Choice.NEED_HELP), rating=4, locale="es")

    assert (recorded.choice, recorded.rating) == (Choice.NEED_HELP, 4)
    tables = answer_tables(engine)
    assert [
        (u["request_id"], u["ticket_id"], u["choice"], u["used_at"]) for u in tables["uses"]
    ] == [("7-1", 7, "need_help", NOW)]
    assert [
        (a["ticket_id"], a["request_id"], a["choice"], a["rating"], a["via"], a["locale"])
        for a in tables["answers"]
    ] == [(7, "7-1", "need_help", 4, "link", "es")]


def test_once_a_request_is_answered_every_one_of_its_links_is_refused(engine: Engine) -> None:
    add_ticket(engine, 7)
    answer(engine, token(7, "7-1", Choice.CONFIRM))
    before = answer_tables(engine)

    for choice in Choice:
        assert refused(engine, token(7, "7-1", choice), now=NOW + timedelta(hours=1)) is (
            Refusal.USED
        )

    assert answer_tables(engine) == before
    with engine.connect() as connection, pytest.raises(LinkRefused) as info:
        check_link(connection, KEYS, token(7, "7-1"), ticket_id=7, now=NOW)
    assert info.value.used_at == NOW


def test_a_new_request_on_the_same_ticket_has_links_of_its_own(engine: Engine) -> None:
    add_ticket(engine, 7)
    answer(engine, token(7, "7-1", Choice.NEED_HELP))

    answer(engine, token(7, "7-2", Choice.CONFIRM))

    assert [u["request_id"] for u in answer_tables(engine)["uses"]] == ["7-1", "7-2"]


def test_an_expired_link_is_refused_and_records_nothing(engine: Engine) -> None:
    add_ticket(engine, 7)
    text = token(7, "7-1", expires_at=NOW)

    assert refused(engine, text, now=NOW) is Refusal.EXPIRED
    assert answer_tables(engine) == {"uses": [], "answers": []}


def test_a_link_for_a_ticket_the_store_does_not_hold_is_unknown(engine: Engine) -> None:
    assert refused(engine, token(99, "99-1"), ticket_id=99) is Refusal.UNKNOWN
    assert answer_tables(engine) == {"uses": [], "answers": []}


def test_a_link_used_on_another_tickets_page_is_refused(engine: Engine) -> None:
    add_ticket(engine, 7)
    add_ticket(engine, 8)

    assert refused(engine, token(7, "7-1"), ticket_id=8) is Refusal.OTHER_TICKET
    assert answer_tables(engine) == {"uses": [], "answers": []}


def test_a_rating_outside_one_to_five_is_refused_before_anything_is_written(
    engine: Engine,
) -> None:
    add_ticket(engine, 7)
    for rating in (0, 6, -1):
        with pytest.raises(ValueError):
            answer(engine, token(7, "7-1"), rating=rating)
    assert answer_tables(engine) == {"uses": [], "answers": []}


def test_the_hook_runs_in_the_answers_transaction_and_its_failure_undoes_it(
    engine: Engine,
) -> None:
    add_ticket(engine, 7)
    seen: list[tuple[Answer, int]] = []

    def failing_flow(connection: Connection, given: Answer) -> None:
        uses = connection.execute(select(func.count()).select_from(RESOLUTION_LINK_USES))
        seen.append((given, uses.scalar_one()))
        raise RuntimeError("the flow could not move the ticket")

    with pytest.raises(RuntimeError):
        answer(engine, token(7, "7-1"), on_answer=failing_flow)

    assert seen[0][0].request_id == "7-1" and seen[0][1] == 1  # it saw the use...
    assert answer_tables(engine) == {"uses": [], "answers": []}  # ...which was undone
    assert answer(engine, token(7, "7-1")).choice is Choice.CONFIRM  # and may answer again


def test_an_answer_that_loses_a_race_is_refused_as_used(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_ticket(engine, 7)
    # The other answer commits between this one's check and its insert: the check saw no
    # use, the insert meets the other's row on the request's key.
    with engine.begin() as connection:
        connection.execute(
            insert(RESOLUTION_LINK_USES).values(
                request_id="7-1", ticket_id=7, choice="close", used_at=NOW
            )
        )
    real_used_at = answers_module._used_at
    checks: list[str] = []

    def used_at_missing_the_first_time(connection: Connection, request_id: str) -> object:
        checks.append(request_id)
        return None if len(checks) == 1 else real_used_at(connection, request_id)

    monkeypatch.setattr(answers_module, "_used_at", used_at_missing_the_first_time)
    before = answer_tables(engine)

    with pytest.raises(LinkRefused) as info:
        answer(engine, token(7, "7-1", Choice.CONFIRM))

    assert (info.value.reason, info.value.used_at) == (Refusal.USED, NOW)
    assert answer_tables(engine) == before
    assert len(checks) == 2  # the check that missed it, and the look-up after the refusal


def _flip(text: str, position: int, bit: int) -> str:
    return text[:position] + chr(ord(text[position]) ^ (1 << bit)) + text[position + 1 :]


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    choice=st.sampled_from(Choice),
    bit=st.integers(0, 7),
    noise=st.lists(st.text(max_size=120), max_size=5),
    rating=st.none() | st.integers(1, 5),
)
def test_random_tampered_and_replayed_tokens_are_refused_and_change_nothing(
    engine: Engine, choice: Choice, bit: int, noise: list[str], rating: int | None
) -> None:
    # Each example answers a request of its own on a ticket of its own, in a store the
    # other examples share.
    ticket_id = uuid.uuid4().int % 10**12 + 1
    request_id = f"{ticket_id}-1"
    add_ticket(engine, ticket_id)
    genuine = token(ticket_id, request_id, choice)

    before = answer_tables(engine)
    tampered = [_flip(genuine, i, bit) for i in range(len(genuine))]
    truncated = [genuine[:end] for end in range(len(genuine))]
    for text in [*noise, *tampered, *truncated]:
        assert refused(engine, text, ticket_id, rating=rating) is Refusal.FORGED
    assert answer_tables(engine) == before

    answer(engine, genuine, ticket_id, rating=rating)
    after_answer = answer_tables(engine)
    assert len(after_answer["answers"]) == len(before["answers"]) + 1

    for text in (genuine, token(ticket_id, request_id, choice)):
        assert refused(engine, text, ticket_id, rating=rating) is Refusal.USED
    assert answer_tables(engine) == after_answer


def test_the_answer_tables_refuse_a_rating_outside_one_to_five(engine: Engine) -> None:
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            insert(RESOLUTION_ANSWERS).values(
                ticket_id=7,
                request_id="7-1",
                choice="confirm",
                rating=9,
                via="link",
                answered_at=NOW,
            )
        )


def test_two_clicks_at_once_record_one_answer_and_refuse_the_other(engine: Engine) -> None:
    rounds = 5
    for round_ in range(rounds):
        add_ticket(engine, 100 + round_)
    outcomes: list[str] = []

    def click(ticket_id: int, choice: Choice, start: threading.Barrier) -> None:
        start.wait(timeout=30)
        try:
            answer(engine, token(ticket_id, f"{ticket_id}-1", choice), ticket_id)
            outcomes.append("answered")
        except LinkRefused as refused:
            outcomes.append(refused.reason.value)
        except Exception as exc:  # reported below, with what it was
            outcomes.append(repr(exc))

    for round_ in range(rounds):
        start = threading.Barrier(2)
        clicks = [
            threading.Thread(target=click, args=(100 + round_, choice, start))
            for choice in (Choice.CONFIRM, Choice.NEED_HELP)
        ]
        for thread in clicks:
            thread.start()
        for thread in clicks:
            thread.join(timeout=60)
            assert not thread.is_alive()

    assert sorted(outcomes) == ["answered"] * rounds + ["used"] * rounds
    tables = answer_tables(engine)
    assert len(tables["uses"]) == len(tables["answers"]) == rounds
