"""Nudges: each kind decided once, each restraint rule, customer words escaped, and a
batch delivered through the dispatcher to the Slack sandbox with the real client."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from nudge_support import (
    ANA,
    BEN,
    DANA,
    NOW,
    OTHER_CUSTOMER,
    Store,
    chat,
    nudges,
    outbox,
    settings,
    texts,
)
from sqlalchemy import Engine, insert

from bot.outbox import SLACK_DM, Dispatcher, enqueue
from bot.policies.nudges import (
    StaleItem,
    context_card,
    queued_for,
    snooze,
    sweep,
)
from bot.policies.people import set_preference
from bot.store.tables import PROACTIVE_UPDATES
from integrations.slack.sandbox import SlackSandbox


@pytest.fixture
def slack() -> Iterator[SlackSandbox]:
    with SlackSandbox() as sandbox:
        yield sandbox


@pytest.fixture
def store(engine: Engine) -> Store:
    s = Store(engine)
    s.people()
    return s


def dms(engine: Engine) -> list[dict]:  # type: ignore[type-arg]
    return [r for r in outbox(engine) if r["kind"] == SLACK_DM]


def with_history(store: Store, ticket_id: int, assignee: int | None = ANA) -> None:
    """A ticket whose requester wrote before, on another ticket."""
    store.ticket(
        ticket_id - 1,
        assignee=None,
        status="solved",
        subject="Old <b>issue</b>",
        channel="chat",
        created=NOW - timedelta(days=20),
    )
    store.ticket(ticket_id, assignee=assignee, updated=NOW - timedelta(hours=1))


# ----- kinds --------------------------------------------------------------------------------


def test_a_stale_ticket_nudges_its_assignee_with_review_buttons_only_with_a_draft(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    store.ticket(101)
    store.ticket(102, assignee=BEN)
    with engine.begin() as connection:  # review mode's draft of 101's update, undecided
        connection.execute(
            insert(PROACTIVE_UPDATES).values(
                id=7, decision_key="t101", ticket_id=101, status="drafted", mode="review",
                locale="en", body="We are still on it & <will> write by Friday.",
                assignee_id=ANA, created_at=NOW, due_at=NOW + timedelta(hours=2),
            )
        )  # fmt: skip
    stale = [
        StaleItem(101, ANA, timedelta(hours=30), draft_id=7),
        StaleItem(102, BEN, timedelta(hours=9)),
        StaleItem(103, None, timedelta(hours=50)),  # nobody to nudge
    ]
    result = sweep(engine, settings(), NOW, chat=chat(slack), stale=stale)

    assert result.decided["stale"] == 2
    by_target = {r["target"]: r["payload"] for r in dms(engine)}
    ana, ben = by_target["ana@example.com"], by_target["ben@example.com"]
    ana_actions = [
        e["action_id"] for b in ana["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    ben_actions = [
        e["action_id"] for b in ben["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert ana_actions == [
        "alignbot_update_send",
        "alignbot_update_edit",
        "alignbot_update_skip",
        "alignbot_open_ticket",
        "alignbot_nudge_snooze",
    ]
    send = next(e for b in ana["blocks"] if b["type"] == "actions" for e in b["elements"])
    assert send["value"] == "7"
    assert ben_actions == ["alignbot_open_ticket", "alignbot_nudge_snooze"]
    # the draft itself, verbatim, as plain_text: Slack never reads it as markup
    assert {"type": "plain_text", "text": "We are still on it & <will> write by Friday."} in [
        b["text"] for b in ana["blocks"] if b["type"] == "section"
    ]
    snooze_button = next(
        e
        for b in ben["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "alignbot_nudge_snooze"
    )
    assert json.loads(snooze_button["value"]) == {"ticket": 102, "hours": 4}
    assert "30 h" in texts(ana["blocks"])


def test_a_stale_ticket_is_nudged_once_per_time_it_goes_stale(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    store.ticket(101)
    first = [StaleItem(101, ANA, timedelta(hours=30))]
    sweep(engine, settings(), NOW, chat=chat(slack), stale=first)
    # Measured in business hours, the wait may grow by less than the clock did.
    later = NOW + timedelta(hours=2)
    again = sweep(
        engine,
        settings(),
        later,
        chat=chat(slack),
        stale=[StaleItem(101, ANA, timedelta(hours=31))],
    )
    assert again.decided["stale"] == 0 and len(dms(engine)) == 1

    # Ana replied; a day later the ticket is waiting too long again: a new nudge.
    store.comment(101, "Looking into it", role="agent", at=later)
    next_day = later + timedelta(days=1)
    anew = sweep(
        engine,
        settings(),
        next_day,
        chat=chat(slack),
        stale=[StaleItem(101, ANA, timedelta(hours=24))],
    )
    assert anew.decided["stale"] == 1 and len(dms(engine)) == 2


def test_a_new_assignment_whose_requester_has_history_gets_a_context_card_once(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    with_history(store, 201)
    store.ticket(301, assignee=ANA, requester=OTHER_CUSTOMER)  # a first-time customer
    store.comment(
        200,
        "I already rebooted the router & it still <blinks>",
        at=NOW - timedelta(days=20),
        sentiment=("negative", -0.6),
    )
    store.comment(
        200,
        "Have you tried turning it off and on again?",
        role="agent",
        at=NOW - timedelta(days=20, hours=-1),
    )
    store.comment(
        200,
        "Secret: customer is on the churn list",
        role="agent",
        public=False,
        at=NOW - timedelta(days=19),
    )
    store.comment(201, "Still broken, this is the second time", sentiment=("negative", -0.8))

    first = sweep(engine, settings(), NOW, chat=chat(slack))
    second = sweep(engine, settings(), NOW + timedelta(minutes=5), chat=chat(slack))

    assert first.decided["context"] == 1 and second.decided["context"] == 0
    [dm] = dms(engine)
    shown = texts(dm["payload"]["blocks"])
    assert dm["target"] == "ana@example.com"
    assert "#200" in shown and "chat" in shown
    assert "I already rebooted the router &amp; it still &lt;blinks&gt;" in shown
    assert "Have you tried turning it off and on again?" in shown
    assert "churn list" not in json.dumps(dm["payload"])
    assert "<blinks>" not in json.dumps(dm["payload"]) and "<b>" not in shown

    # Reassigned to Ben: Ben gets the card too.
    store.assign(201, BEN, NOW + timedelta(hours=1))
    third = sweep(engine, settings(), NOW + timedelta(hours=1), chat=chat(slack))
    assert third.decided["context"] == 1
    assert [d["target"] for d in dms(engine)] == ["ana@example.com", "ben@example.com"]


def test_the_context_card_shows_the_mood_trend_and_escapes_every_customer_string(
    engine: Engine, store: Store
) -> None:
    with_history(store, 201)
    store.comment(200, "fine thanks", at=NOW - timedelta(days=20), sentiment=("positive", 0.6))
    store.comment(201, "<!channel> *furious*", sentiment=("negative", -0.9))
    text, blocks = context_card(engine, settings(), 201)
    shown = texts(blocks)
    assert "positive → negative" in shown and "getting worse" in shown
    assert "&lt;!channel&gt;" in shown and "<!channel>" not in shown
    assert blocks[0]["type"] == "header" and blocks[0]["text"]["type"] == "plain_text"
    assert "1 earlier ticket" in text

    missing_text, _ = context_card(engine, settings(), 999)
    assert "not in alignbot's store" in missing_text


def test_coaching_after_an_upsell_to_an_upset_customer_is_kind_and_quotes_them_escaped(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    store.ticket(401)
    store.comment(401, "You charged me twice & nobody <answers>", at=NOW - timedelta(hours=3))
    reply = store.comment(
        401, "Sorry! Also, try Premium", role="agent", at=NOW - timedelta(hours=2)
    )
    store.reply_fact(reply, 401, upsell=True, mood="negative")
    store.ticket(402)
    store.comment(402, "I lost a day of work", at=NOW - timedelta(hours=3))
    scripted = store.comment(
        402, "We apologize for the inconvenience.", role="agent", at=NOW - timedelta(hours=2)
    )
    store.reply_fact(scripted, 402, empathy="scripted", weighty=1, mood="negative")
    calm = store.comment(402, "Upgrade?", role="agent", at=NOW - timedelta(hours=1))
    store.reply_fact(calm, 402, upsell=True, mood="positive")  # not while upset: no nudge

    result = sweep(engine, settings(), NOW, chat=chat(slack))

    assert result.decided["coaching"] == 2
    assert sorted(n["kind"] for n in nudges(engine)) == ["coach_empathy", "coach_upsell"]
    [dm] = dms(engine)  # both in one message
    shown = texts(dm["payload"]["blocks"])
    assert "You charged me twice &amp; nobody &lt;answers&gt;" in shown
    assert "I lost a day of work" in shown
    assert "can wait" in shown and "your own words" in shown
    for blame in ("you failed", "mistake", "wrong", "bad"):
        assert blame not in shown.lower()
    # Slack (the sandbox validates Block Kit as Slack does) accepts the message.
    sent = Dispatcher(engine, chat=chat(slack), helpdesk=None, worker_id="w").run_once(NOW)
    assert sent.sent == 1 and len(slack.messages) == 1


# ----- restraint ----------------------------------------------------------------------------


def test_several_due_nudges_for_one_agent_go_out_as_one_message(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    for t in (101, 102, 103):
        store.ticket(t)
    stale = [StaleItem(t, ANA, timedelta(hours=30)) for t in (101, 102, 103)]
    result = sweep(engine, settings(), NOW, chat=chat(slack), stale=stale)
    assert result.messages == 1 and len(dms(engine)) == 1
    assert {n["status"] for n in nudges(engine)} == {"sent"}
    assert "3 nudge(s) in one DM" in "\n".join(result.lines())


def test_the_hourly_cap_counts_the_resolution_flows_dms_and_holds_the_rest(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    store.ticket(101)
    # The resolution flow told Ana four times in the last hour that a customer still needs help.
    for i in range(4):
        with engine.begin() as c:
            enqueue(
                c,
                key=f"resolution:r{i}:reopened-dm",
                kind=SLACK_DM,
                target="ana@example.com",
                payload={"text": "still broken"},
                now=NOW - timedelta(minutes=50 - i),
            )
    result = sweep(
        engine,
        settings(nudge_max_per_hour=4),
        NOW,
        chat=chat(slack),
        stale=[StaleItem(101, ANA, timedelta(hours=30))],
    )

    [nudge] = nudges(engine)
    assert nudge["status"] == "due" and nudge["note"] == "hourly cap"
    assert nudge["due_at"] == NOW + timedelta(minutes=10)  # when the oldest leaves the hour
    assert result.messages == 0 and len(dms(engine)) == 4

    later = sweep(
        engine, settings(nudge_max_per_hour=4), NOW + timedelta(minutes=10), chat=chat(slack)
    )
    assert later.messages == 1


def test_no_nudge_in_the_agents_quiet_hours_in_their_slack_time_zone(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    slack.add_user("kenji@example.com", "Kenji", tz="Asia/Tokyo")
    store.agent(99, "Kenji", "kenji@example.com")
    store.ticket(101, assignee=99)
    # 10:00 UTC is 19:00 in Tokyo: quiet until 08:00 there, 23:00 UTC.
    sweep(
        engine, settings(), NOW, chat=chat(slack), stale=[StaleItem(101, 99, timedelta(hours=30))]
    )
    [nudge] = nudges(engine)
    assert nudge["status"] == "due" and nudge["note"] == "quiet hours"
    assert nudge["due_at"] == datetime(2026, 6, 3, 23, 0, tzinfo=UTC)
    assert dms(engine) == []

    sweep(engine, settings(), datetime(2026, 6, 3, 23, 0, tzinfo=UTC), chat=chat(slack))
    assert [d["target"] for d in dms(engine)] == ["kenji@example.com"]


def test_a_snoozed_ticket_waits_until_the_snooze_ends_and_queued_for_says_so(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    store.ticket(101)
    store.ticket(102)
    ana = slack.user_id("ana@example.com")
    # Ana is linked by an earlier sweep, then snoozes #101 from Slack.
    sweep(engine, settings(), NOW - timedelta(hours=1), chat=chat(slack))
    snooze(engine, slack_user_id=ana, ticket_id=101, until=NOW + timedelta(hours=4), now=NOW)
    stale = [StaleItem(t, ANA, timedelta(hours=30)) for t in (101, 102)]
    sweep(engine, settings(), NOW, chat=chat(slack), stale=stale)

    by_ticket = {n["ticket_id"]: n for n in nudges(engine)}
    assert by_ticket[102]["status"] == "sent"
    held = by_ticket[101]
    assert held["status"] == "due" and held["due_at"] == NOW + timedelta(hours=4)
    [queued] = queued_for(engine, slack_user_id=ana, now=NOW)
    assert (queued.kind, queued.ticket_id) == ("stale", 101)
    assert "snoozed" in queued.summary and queued.due_at == NOW + timedelta(hours=4)
    assert queued_for(engine, slack_user_id="U-nobody", now=NOW) == []

    sweep(engine, settings(), NOW + timedelta(hours=4), chat=chat(slack))
    assert len(dms(engine)) == 2


def test_agents_who_opted_out_get_nothing(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    store.ticket(101)
    store.ticket(102, assignee=BEN)
    with engine.begin() as c:
        set_preference(c, "ben@example.com", NOW, opted_out=True)
    stale = [StaleItem(101, ANA, timedelta(hours=30)), StaleItem(102, BEN, timedelta(hours=30))]
    result = sweep(
        engine,
        settings(nudge_opt_out_emails=["ANA@example.com"]),
        NOW,
        chat=chat(slack),
        stale=stale,
    )
    assert dms(engine) == []
    assert {n["status"] for n in nudges(engine)} == {"dropped"}
    assert all("dropped (opted out)" in line for line in result.lines()[1:])


def test_two_sweeps_queue_each_nudge_once(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    with_history(store, 201)
    store.ticket(101)
    stale = [StaleItem(101, ANA, timedelta(hours=30))]
    sweep(engine, settings(), NOW, chat=chat(slack), stale=stale)
    sweep(engine, settings(), NOW, chat=chat(slack), stale=stale)
    assert len(nudges(engine)) == 2 and len(dms(engine)) == 1


# ----- delivery -----------------------------------------------------------------------------


def test_a_batch_is_delivered_through_the_dispatcher_as_one_slack_dm(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    with_history(store, 201)
    store.comment(201, "Nothing works <@U123> & I'm upset", sentiment=("negative", -0.7))
    store.ticket(101)
    sweep(
        engine,
        settings(),
        NOW,
        chat=chat(slack),
        stale=[StaleItem(101, ANA, timedelta(hours=30), draft_id=3)],
    )
    dispatched = Dispatcher(engine, chat=chat(slack), helpdesk=None, worker_id="w").run_once(NOW)
    again = Dispatcher(engine, chat=chat(slack), helpdesk=None, worker_id="w").run_once(
        NOW + timedelta(hours=1)
    )

    assert dispatched.sent == 1 and again.sent == 0
    [message] = slack.messages
    assert message.channel.startswith("D")
    assert message.blocks is not None
    shown = texts(message.blocks)
    assert "#101" in shown and "#201" in shown
    assert "&lt;@U123&gt; &amp; I'm upset" in shown and "<@U123>" not in shown
    # The requester's name, customer text too, is escaped in the card.
    assert "Rita &lt;!channel&gt;" in shown


def test_two_sweeps_at_once_queue_each_batch_once(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    # On PostgreSQL the two really interleave; SQLite serialises them, which must hold too.
    for t in range(101, 111):
        store.ticket(t, assignee=ANA if t % 2 else BEN)
    stale = [StaleItem(t, ANA if t % 2 else BEN, timedelta(hours=30)) for t in range(101, 111)]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait(timeout=10)
            sweep(engine, settings(), NOW, chat=chat(slack), stale=stale)
        except BaseException as exc:  # reported below, so the test fails with it
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(nudges(engine)) == 10 and {n["status"] for n in nudges(engine)} == {"sent"}
    assert sorted(d["target"] for d in dms(engine)) == ["ana@example.com", "ben@example.com"]
    Dispatcher(engine, chat=chat(slack), helpdesk=None, worker_id="w").run_once(NOW)
    assert len(slack.messages) == 2


def test_without_slack_at_the_sweep_the_dm_targets_the_email_and_a_user_id_override_waits(
    engine: Engine, store: Store
) -> None:
    store.ticket(101)
    store.ticket(102, assignee=DANA)
    with engine.begin() as c:
        set_preference(c, "dana@zendesk.example", NOW, slack_user="U0DANA")
    stale = [StaleItem(101, ANA, timedelta(hours=30)), StaleItem(102, DANA, timedelta(hours=30))]
    sweep(engine, settings(), NOW, chat=None, stale=stale)

    assert [d["target"] for d in dms(engine)] == ["ana@example.com"]
    dana = next(n for n in nudges(engine) if n["ticket_id"] == 102)
    assert dana["status"] == "due" and dana["note"] == "needs Slack to open the DM"


def test_a_user_id_override_is_sent_to_the_dm_the_sweep_opened(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    store.ticket(102, assignee=DANA)
    chloe = slack.user_id("chloe@example.com")
    with engine.begin() as c:
        set_preference(c, "dana@zendesk.example", NOW, slack_user=chloe)
    sweep(
        engine, settings(), NOW, chat=chat(slack), stale=[StaleItem(102, DANA, timedelta(hours=30))]
    )
    Dispatcher(engine, chat=chat(slack), helpdesk=None, worker_id="w").run_once(NOW)

    [message] = slack.messages
    assert message.channel.startswith("D")
    assert slack.calls["users.lookupByEmail"] == 0
    assert "#102" in texts(message.blocks or [])


def test_coaching_reads_reply_facts_a_dead_analysis_run_left_marked_stale(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    from sqlalchemy import func, select

    from bot.store.solves import PENDING_FACTS, defer_refresh

    store.ticket(403)
    store.comment(403, "Still broken.", at=NOW - timedelta(hours=3))
    with engine.begin() as conn:  # what `alignbot analyze` leaves when killed mid-ticket
        defer_refresh(conn, [403])

    sweep(engine, settings(), NOW, chat=chat(slack))

    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(PENDING_FACTS)).scalar_one() == 0
