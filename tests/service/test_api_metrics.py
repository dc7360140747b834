"""The API counters of /metrics count what the real clients send and the 429s they get,
against the sandboxes with injected rate limits."""

from __future__ import annotations

import pytest

from bot.chat import ChatRateLimited
from bot.observability import PROCESS_REGISTRY
from integrations.slack.client import SlackChat
from integrations.slack.sandbox import SlackSandbox
from integrations.zendesk.client import ZendeskClient
from integrations.zendesk.helpdesk import ZendeskHelpdesk
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org


def counted(name: str, service: str) -> float:
    return PROCESS_REGISTRY.get_sample_value(name, {"service": service}) or 0.0


def test_zendesk_requests_and_429s_are_counted_retries_included() -> None:
    requests = counted("alignbot_api_requests_total", "zendesk")
    limited = counted("alignbot_api_rate_limited_total", "zendesk")
    org = generate_org(tickets=5, seed=1)
    with ZendeskSandbox(org, fail_rate=1.0, faults={"429"}, retry_after=0) as zendesk:
        client = ZendeskClient(
            zendesk.url, email=zendesk.email, api_token="sandbox", sleep=lambda _: None
        )
        client.get("/api/v2/incremental/tickets/cursor.json", params={"start_time": 0})
        attempts = client.api_calls

    # The sandbox answers 429 to a request line at most three times in a row.
    assert attempts == 4
    assert counted("alignbot_api_requests_total", "zendesk") - requests == 4
    assert counted("alignbot_api_rate_limited_total", "zendesk") - limited == 3


def test_zendesk_writes_through_zenpy_are_counted_too() -> None:
    requests = counted("alignbot_api_requests_total", "zendesk")
    org = generate_org(tickets=5, seed=1)
    with ZendeskSandbox(org) as zendesk:
        ticket_id = min(zendesk.org.tickets)
        helpdesk = ZendeskHelpdesk(zendesk.url, email=zendesk.email, api_token="sandbox")
        helpdesk.add_comment(ticket_id, "Looking into it.", public=False)
        answers = zendesk.stats.requests

    assert answers >= 1
    assert counted("alignbot_api_requests_total", "zendesk") - requests == answers


def test_slack_calls_and_429s_are_counted() -> None:
    requests = counted("alignbot_api_requests_total", "slack")
    limited = counted("alignbot_api_rate_limited_total", "slack")
    with SlackSandbox(rate_limit_per_minute=1) as slack:
        chat = SlackChat("xoxb-sandbox", base_url=slack.url, timeout=5)
        channel = slack.channel_ids()["#general"]
        chat.post_message(channel, text="first")
        with pytest.raises(ChatRateLimited):
            chat.post_message(channel, text="second, over the limit")

    assert counted("alignbot_api_requests_total", "slack") - requests == 2
    assert counted("alignbot_api_rate_limited_total", "slack") - limited == 1
