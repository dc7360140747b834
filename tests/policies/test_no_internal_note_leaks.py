"""Property: whatever a ticket holds, no internal note's (or private comment's) text ever
appears in the update its customer would get, in any mode or language."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete
from updates_support import NOW, add_agent, add_comment, add_ticket, hours, outbox, settings

from bot.policies.updates import sweep
from bot.store.tables import COMMENTS, OUTBOX, PROACTIVE_UPDATES, TICKETS, USERS

#: Note text is tagged with a marker no template or fact could produce by chance.
MARKER = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=10, max_size=16).map(
    lambda s: f"QX{s}XQ"
)
WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=80)


@st.composite
def tickets(draw: st.DrawFn) -> dict[str, Any]:
    markers = draw(st.lists(MARKER, min_size=1, max_size=4))
    notes = [f"{draw(WORDS)} {marker} {draw(WORDS)}" for marker in markers]
    return {
        "notes": notes,
        "markers": markers,
        "note_roles": [draw(st.sampled_from(["agent", "customer"])) for _ in notes],
        "public": draw(st.lists(WORDS, max_size=3)),
        "customer_update": draw(st.one_of(st.none(), WORDS)),
        # Other fields may hold internal text too (a triage note field): never quoted.
        "other_field": draw(st.sampled_from(markers)),
        "locale": draw(st.sampled_from(["en", "es-ES", "fr", "de", "pt-BR", "ja", None])),
        "status": draw(st.sampled_from(["new", "open", "hold"])),
        "problem": draw(st.sampled_from([None, "open", "solved"])),
        "mode": draw(st.sampled_from(["auto", "review", "dry_run"])),
    }


def _clear(engine: Engine) -> None:
    with engine.begin() as connection:
        for table in (OUTBOX, PROACTIVE_UPDATES, COMMENTS, TICKETS, USERS):
            connection.execute(delete(table))


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=tickets())
def test_no_internal_note_text_reaches_a_customer_update(
    engine: Engine, case: dict[str, Any]
) -> None:
    _clear(engine)
    add_agent(engine)
    problem_id = None
    if case["problem"] is not None:
        problem_id = 99
        add_ticket(engine, 99, created=NOW - hours(1), status=case["problem"], locale="en")
    fields = {"555": case["customer_update"], "777": case["other_field"]}
    add_ticket(
        engine,
        1,
        created=NOW - hours(200),
        status=case["status"],
        locale=case["locale"],
        custom_fields=fields,
        problem_id=problem_id,
        group_id=3,
        subject=case["other_field"],
    )
    for public in case["public"]:
        add_comment(engine, 1, NOW - hours(150), role="customer", body=public)
    for note, role in zip(case["notes"], case["note_roles"], strict=True):
        add_comment(engine, 1, NOW - hours(100), role=role, public=False, body=note)

    result = sweep(engine, settings(proactive_mode=case["mode"]), NOW)

    assert [d.action for d in result.decisions if d.ticket_id == 1] in (
        ["queued"],
        ["drafted"],
        ["dry_run"],
    )
    customer_facing = [
        str(row["payload"].get("body", "")) for row in outbox(engine) if row["kind"] != "slack.dm"
    ]
    with engine.connect() as connection:
        customer_facing += [str(b) for b in connection.execute(PROACTIVE_UPDATES.select()).all()]
    assert customer_facing
    for text in customer_facing:
        for marker in case["markers"]:
            assert marker not in text
