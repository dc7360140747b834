"""Proactive updates: what they say in each language, their guardrails, and each mode."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, insert, update
from updates_support import (
    AGENT_EMAIL,
    NOW,
    add_agent,
    add_comment,
    add_ticket,
    decisions,
    hours,
    outbox,
    settings,
)

from bot.cli.nudges import stale_items
from bot.policies import nudges
from bot.policies.updates import (
    LANGUAGES,
    Templates,
    UpdateFacts,
    get_draft,
    render_update,
    review_draft,
    sweep,
)
from bot.store.tables import RESOLUTION_STATES, TICKETS
from integrations.slack.client import SlackChat
from integrations.slack.sandbox import SlackSandbox

FACTS = UpdateFacts(
    ticket_id=42,
    status="open",
    created_at=datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
    customer_update="The fix is in testing.",
    problem_status="open",
    team="Billing",
)
NEXT = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
#: A word of each language's template that the others do not use, and its date format.
EXPECTED = {
    "en": ("Where it stands", "on Fri, December 4 at 1:00\u202fPM"),
    "es": ("Situación", "el vie, 4 de diciembre a las 13:00"),
    "fr": ("Où elle en est", "le ven. 4 décembre à 13:00"),
    "de": ("Stand:", "am Fr., 4. Dezember um 13:00"),
    "pt": ("Situação", "até sex., 4 de dezembro, às 13:00"),
}

AGO = {
    "en": "3 days ago",
    "es": "hace 3 días",
    "fr": "il y a 3 jours",
    "de": "vor 3 Tagen",
    "pt": "há 3 dias",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_update_is_written_in_the_requesters_language_with_local_dates(
    language: str,
) -> None:
    text, used = render_update(
        FACTS,
        Templates(),
        locale=language,
        now=NOW,
        next_update=NEXT,
        zone=ZoneInfo("Europe/Paris"),
    )

    word, when = EXPECTED[language]
    assert used == language
    assert word in text and when in text and AGO[language] in text
    assert "#42" in text or "42" in text
    assert "The fix is in testing." in text and "Billing" in text
    assert "{" not in text and "%" not in text


def test_an_unknown_language_and_a_missing_translation_fall_back_to_english(
    tmp_path: Path,
) -> None:
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "extra.txt").write_text("Nur Deutsch {{ ticket_id }}")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "extra.txt").write_text("English {{ ticket_id }}")
    templates = Templates(tmp_path)

    text, used = render_update(
        FACTS, templates, locale="ja", now=NOW, next_update=NEXT, zone=ZoneInfo("UTC")
    )
    assert used == "en" and "Where it stands" in text
    assert templates.render("extra.txt", "fr", {"ticket_id": 1}) == ("English 1", "en")
    listing = {info.name: info for info in templates.listing()}
    assert listing["extra.txt"].missing == ("es", "fr", "pt")
    assert listing["update.txt"].missing == ()


def test_a_team_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "update.txt").write_text("{{ status.__class__.__mro__ }}")
    from jinja2.exceptions import SecurityError

    with pytest.raises(SecurityError):
        render_update(
            FACTS, Templates(tmp_path), locale="en", now=NOW, next_update=NEXT, zone=ZoneInfo("UTC")
        )


def test_without_a_team_name_the_update_names_no_internal_group() -> None:
    facts = UpdateFacts(42, "new", FACTS.created_at, None, None, None)
    text, _ = render_update(
        facts, Templates(), locale="en", now=NOW, next_update=NEXT, zone=ZoneInfo("UTC")
    )
    assert "our support team" in text
    assert "learned so far" not in text and "wider issue" not in text


def stale_ticket(engine: Engine, ticket: int = 1, **fields: object) -> None:
    add_ticket(engine, ticket, created=NOW - hours(48), **fields)  # type: ignore[arg-type]


def test_auto_mode_queues_one_public_update_however_often_it_sweeps(engine: Engine) -> None:
    stale_ticket(engine, custom_fields={"555": "Waiting for the courier."}, locale="es")

    first = sweep(engine, settings(), NOW)
    again = sweep(engine, settings(), NOW)
    later = sweep(engine, settings(), NOW + hours(2))

    assert [d.action for d in first.decisions] == ["queued"]
    assert [d.action for d in again.decisions + later.decisions] == ["held", "held"]
    (row,) = outbox(engine)
    assert row["kind"] == "zendesk.proactive_update" and row["target"] == "1"
    assert row["payload"]["public"] is True
    assert "Waiting for the courier." in row["payload"]["body"]
    assert "Hola" in row["payload"]["body"]
    (decision,) = decisions(engine)
    assert decision["status"] == "queued" and decision["locale"] == "es"


def test_a_new_update_is_allowed_after_the_interval(engine: Engine) -> None:
    stale_ticket(engine)
    sweep(engine, settings(proactive_min_interval_hours=6), NOW)

    later = sweep(engine, settings(proactive_min_interval_hours=6), NOW + hours(7))

    assert [d.action for d in later.decisions] == ["queued"]
    assert len(outbox(engine)) == 2


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"tags": ["alignbot_no_updates"]}, "opted out"),
        ({"tags": ["alignbot_awaiting_confirmation"]}, "awaiting"),
        ({"time_zone": "Asia/Tokyo"}, "quiet hours"),  # 21:00 in Tokyo at NOW
    ],
)
def test_a_guardrail_holds_the_update(
    engine: Engine, fields: dict[str, object], reason: str
) -> None:
    stale_ticket(engine, **fields)

    result = sweep(engine, settings(), NOW)

    (decision,) = result.decisions
    assert decision.action == "held" and reason in (decision.reason or "")
    assert outbox(engine) == [] and decisions(engine) == []


def test_a_ticket_awaiting_confirmation_in_the_flow_gets_no_update(engine: Engine) -> None:
    stale_ticket(engine)
    with engine.begin() as connection:
        connection.execute(
            insert(RESOLUTION_STATES).values(
                ticket_id=1, state="awaiting_confirmation", seen_ids=[], updated_at=NOW
            )
        )

    (decision,) = sweep(engine, settings(), NOW).decisions

    assert decision.action == "held" and "awaiting" in (decision.reason or "")
    assert outbox(engine) == []


def test_a_ticket_pending_on_the_customer_is_not_even_a_candidate(engine: Engine) -> None:
    stale_ticket(engine, status="pending")
    assert sweep(engine, settings(), NOW).decisions == []


def test_the_quiet_hours_are_the_requesters_own(engine: Engine) -> None:
    stale_ticket(engine, 1, time_zone="Asia/Tokyo")  # 21:00 there
    stale_ticket(engine, 2, time_zone="America/New_York")  # 07:00 there
    stale_ticket(engine, 3, time_zone="Europe/Madrid")  # 13:00 there

    result = sweep(engine, settings(), NOW)

    assert {d.ticket_id: d.action for d in result.decisions} == {
        1: "held",
        2: "held",
        3: "queued",
    }


def test_dry_run_decides_and_records_but_queues_nothing(engine: Engine) -> None:
    stale_ticket(engine)

    result = sweep(engine, settings(proactive_mode="dry_run"), NOW)

    assert [d.action for d in result.decisions] == ["dry_run"]
    assert outbox(engine) == []
    (decision,) = decisions(engine)
    assert decision["status"] == "dry_run" and "Where it stands" in decision["body"]


def review_setup(engine: Engine) -> int:
    add_agent(engine)
    stale_ticket(engine, subject="<!channel> printer")
    result = sweep(engine, settings(proactive_mode="review"), NOW)
    assert [d.action for d in result.decisions] == ["drafted"]
    (decision,) = decisions(engine)
    return int(decision["id"])


def test_review_mode_hands_the_draft_to_the_assignees_nudge_with_the_shared_buttons(
    engine: Engine,
) -> None:
    draft_id = review_setup(engine)
    assert outbox(engine) == []  # the draft waits for the nudges, under their restraint
    mode = settings(proactive_mode="review", nudge_quiet_hours="00:00-00:00")

    with SlackSandbox(clock=NOW.timestamp) as slack:
        slack.add_user(AGENT_EMAIL, "Dana")
        chat = SlackChat("xoxb-sandbox", base_url=slack.url, timeout=5)
        nudged = nudges.sweep(engine, mode, NOW, chat=chat, stale=stale_items(engine, mode, NOW))

    assert nudged.messages == 1
    (dm,) = outbox(engine)
    assert dm["kind"] == "slack.message" or dm["kind"] == "slack.dm"
    blocks = dm["payload"]["blocks"]
    actions = {
        e["action_id"]: e.get("value")
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"].startswith("alignbot_update_")
    }
    assert actions == {
        "alignbot_update_send": str(draft_id),
        "alignbot_update_edit": str(draft_id),
        "alignbot_update_skip": str(draft_id),
    }
    shown = [b["text"] for b in blocks if b["type"] == "section"]
    assert not any("<!channel>" in t["text"] for t in shown if t["type"] == "mrkdwn")
    draft = get_draft(engine, draft_id)
    assert draft is not None and draft.status == "drafted" and draft.due_at == NOW + hours(2)
    assert any(t["type"] == "plain_text" and t["text"] == draft.body[:2900] for t in shown)


def test_a_reviewed_draft_is_sent_once_with_its_edit(engine: Engine) -> None:
    draft_id = review_setup(engine)

    first = review_draft(
        engine, draft_id, "send", slack_user_id="U1", now=NOW + hours(1), body=" Edited. "
    )
    second = review_draft(engine, draft_id, "send", slack_user_id="U2", now=NOW + hours(1))
    skip = review_draft(engine, draft_id, "skip", slack_user_id="U2", now=NOW + hours(1))

    assert first.status == "queued" and first.message == "Sent to the customer"
    assert second.status == "queued" and second.message == "Already sent at 13:00 UTC"
    assert skip == second
    updates = [r for r in outbox(engine) if r["kind"] == "zendesk.proactive_update"]
    assert len(updates) == 1 and updates[0]["payload"]["body"] == "Edited."
    (decision,) = decisions(engine)
    assert decision["decided_by"] == "U1"


def test_a_skipped_draft_is_never_sent(engine: Engine) -> None:
    draft_id = review_setup(engine)

    skipped = review_draft(engine, draft_id, "skip", slack_user_id="U1", now=NOW)
    late = review_draft(engine, draft_id, "send", slack_user_id="U1", now=NOW)
    sweep(
        engine, settings(proactive_mode="review", proactive_review_default="send"), NOW + hours(3)
    )

    assert skipped.status == late.status == "skipped"
    assert outbox(engine) == []


@pytest.mark.parametrize(("default", "kinds"), [("send", 1), ("drop", 0)])
def test_an_undecided_draft_follows_the_default_after_the_grace_period(
    engine: Engine, default: str, kinds: int
) -> None:
    draft_id = review_setup(engine)
    mode = settings(proactive_mode="review", proactive_review_default=default)

    early = sweep(engine, mode, NOW + hours(1))
    late = sweep(engine, mode, NOW + hours(2))

    assert [d.action for d in early.decisions] == ["held"]  # within the interval
    assert late.decisions[0].action == f"{'sent' if default == 'send' else 'dropped'}_after_grace"
    assert len(outbox(engine)) == kinds
    draft = get_draft(engine, draft_id)
    assert draft is not None and draft.status == ("queued" if default == "send" else "dropped")


def test_an_agent_reply_ends_the_wait(engine: Engine) -> None:
    stale_ticket(engine)
    add_comment(engine, 1, NOW - hours(1))
    assert sweep(engine, settings(), NOW).decisions == []


@pytest.mark.parametrize("moved_on", ["solved", "replied"])
def test_a_draft_approved_after_the_ticket_moved_on_is_not_sent(
    engine: Engine, moved_on: str
) -> None:
    draft_id = review_setup(engine)
    if moved_on == "solved":
        with engine.begin() as connection:
            connection.execute(update(TICKETS).where(TICKETS.c.id == 1).values(status="solved"))
    else:
        add_comment(engine, 1, NOW + hours(0.5))

    outcome = review_draft(engine, draft_id, "send", slack_user_id="U1", now=NOW + hours(1))
    again = review_draft(engine, draft_id, "send", slack_user_id="U1", now=NOW + hours(1))

    assert outcome.status == "dropped" and outcome.message.startswith("Not sent: ")
    assert again.message.startswith("Not sent at 13:00 UTC: ")
    assert outbox(engine) == []


def test_a_draft_sent_by_default_waits_out_the_requesters_quiet_hours(engine: Engine) -> None:
    draft_id = review_setup(engine)  # the requester is in London: quiet from 21:00
    sending = settings(proactive_mode="review", proactive_review_default="send")

    night = sweep(engine, sending, NOW + hours(10))  # 22:00 in London
    morning = sweep(engine, sending, NOW + hours(20))  # 08:00 in London

    assert night.decisions[0].action == "held"
    assert morning.decisions[0].action == "sent_after_grace"
    draft = get_draft(engine, draft_id)
    assert draft is not None and draft.status == "queued"


def test_a_proactive_update_row_must_be_public(engine: Engine) -> None:
    from bot.outbox import OutboxError, enqueue
    from bot.store import session_scope

    with pytest.raises(OutboxError, match="public"), session_scope(engine) as session:
        enqueue(
            session,
            key="k",
            kind="zendesk.proactive_update",
            target="1",
            payload={"body": "hi", "public": False},
            now=NOW,
        )


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("stale_after_hours", {"urgent": 4}, "needs 'normal'"),
        ("stale_after_hours", {"normal": 24, "asap": 1}, "unknown priorities"),
        ("stale_after_hours", {"normal": 0}, "positive"),
        ("stale_business_hours", "weekdays", "Mon-Fri 09:00-17:00"),
        ("proactive_quiet_hours", "late", "HH:MM-HH:MM"),
        ("proactive_mode", "loud", "PROACTIVE_MODE"),
    ],
)
def test_a_wrong_setting_is_named_with_what_is_expected(
    name: str, value: object, says: str
) -> None:
    from bot.errors import SettingsError

    with pytest.raises(SettingsError, match=name.upper()) as raised:
        settings(**{name: value})
    assert says in str(raised.value)
