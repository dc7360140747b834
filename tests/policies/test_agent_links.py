"""Who is who: Zendesk agents to Slack users by email through the real Slack client against
the Slack sandbox; cached, looked up again after a failed DM or the TTL, overridden for
mismatched emails."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from nudge_support import ANA, BEN, DANA, NOW, Store, chat, link_of, settings
from sqlalchemy import Engine

from bot.outbox import SLACK_DM, Dispatcher, enqueue
from bot.policies.people import resolve_agent, set_preference
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


def lookups(slack: SlackSandbox) -> int:
    return slack.calls["users.lookupByEmail"]


def test_an_agent_is_found_by_email_with_their_time_zone_and_remembered(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    slack.add_user("kenji@example.com", "Kenji", tz="Asia/Tokyo")
    store.agent(99, "Kenji", "kenji@example.com")
    with engine.begin() as c:
        first = resolve_agent(c, settings(), chat(slack), 99, NOW)
        ben = resolve_agent(c, settings(), chat(slack), BEN, NOW)
    with engine.begin() as c:
        again = resolve_agent(c, settings(), chat(slack), 99, NOW + timedelta(hours=5))

    assert first is not None and first.slack_user_id == slack.user_id("kenji@example.com")
    assert first.tz == "Asia/Tokyo" and first.dm_email == "kenji@example.com"
    # Emails compare without case: Zendesk's "Ben@Example.com" is Slack's ben@example.com.
    assert ben is not None and ben.slack_user_id == slack.user_id("ben@example.com")
    assert again == first
    assert lookups(slack) == 2  # Kenji once, Ben once: the second call read the cache


def test_a_link_is_looked_up_again_after_the_ttl(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    with engine.begin() as c:
        resolve_agent(c, settings(nudge_link_ttl_days=7), chat(slack), ANA, NOW)
    with engine.begin() as c:
        resolve_agent(c, settings(nudge_link_ttl_days=7), chat(slack), ANA, NOW + timedelta(days=6))
    assert lookups(slack) == 1
    with engine.begin() as c:
        resolve_agent(c, settings(nudge_link_ttl_days=7), chat(slack), ANA, NOW + timedelta(days=7))
    assert lookups(slack) == 2
    link = link_of(engine, ANA)
    assert link is not None and link["checked_at"] == NOW + timedelta(days=7)


def test_a_failed_dm_to_an_agent_makes_their_link_looked_up_again(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    with engine.begin() as c:
        resolve_agent(c, settings(), chat(slack), ANA, NOW)
    # A DM to Ana that Slack refuses for good (a block Block Kit does not know).
    with engine.begin() as c:
        enqueue(
            c,
            key="broken",
            kind=SLACK_DM,
            target="ana@example.com",
            payload={"text": "x", "blocks": [{"type": "nonsense"}]},
            now=NOW,
        )
    result = Dispatcher(engine, chat=chat(slack), helpdesk=None, worker_id="w").run_once(
        NOW + timedelta(minutes=1)
    )
    assert result.failed == 1
    before = lookups(slack)
    with engine.begin() as c:
        resolve_agent(c, settings(), chat(slack), ANA, NOW + timedelta(minutes=2))
    assert lookups(slack) == before + 1
    with engine.begin() as c:
        resolve_agent(c, settings(), chat(slack), ANA, NOW + timedelta(minutes=3))
    assert lookups(slack) == before + 1  # checked since the failure: cached again


def test_an_agent_slack_does_not_know_is_not_linked_and_asked_again_within_the_hour(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    with engine.begin() as c:
        dana = resolve_agent(c, settings(), chat(slack), DANA, NOW)
    assert dana is not None and dana.slack_user_id is None
    link = link_of(engine, DANA)
    assert link is not None and link["failed_at"] == NOW
    slack.add_user("dana@zendesk.example", "Dana")
    with engine.begin() as c:
        soon = resolve_agent(c, settings(), chat(slack), DANA, NOW + timedelta(minutes=30))
        later = resolve_agent(c, settings(), chat(slack), DANA, NOW + timedelta(hours=1))
    assert soon is not None and soon.slack_user_id is None
    assert later is not None and later.slack_user_id == slack.user_id("dana@zendesk.example")


def test_an_override_maps_a_mismatched_email_and_a_cli_row_wins_over_the_setting(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    by_setting = settings(nudge_slack_overrides={"Dana@zendesk.example": "chloe@example.com"})
    with engine.begin() as c:
        dana = resolve_agent(c, by_setting, chat(slack), DANA, NOW)
    assert dana is not None and dana.source == "override"
    assert dana.slack_user_id == slack.user_id("chloe@example.com")
    assert dana.dm_email == "chloe@example.com"

    with engine.begin() as c:
        set_preference(c, "dana@zendesk.example", NOW, slack_user="ben@example.com")
        dana = resolve_agent(c, by_setting, chat(slack), DANA, NOW + timedelta(minutes=1))
    assert dana is not None and dana.slack_user_id == slack.user_id("ben@example.com")


def test_an_override_by_slack_user_id_is_used_as_it_is(
    engine: Engine, store: Store, slack: SlackSandbox
) -> None:
    uid = slack.user_id("chloe@example.com")
    with engine.begin() as c:
        set_preference(c, "dana@zendesk.example", NOW, slack_user=uid)
        dana = resolve_agent(c, settings(), chat(slack), DANA, NOW)
    assert dana is not None and dana.slack_user_id == uid and dana.dm_email is None
    assert lookups(slack) == 0
