"""The httpx client: request budget, Retry-After, retries, the one-minute rule, auth errors
that say what to check, and tokens that never reach a log line."""

from __future__ import annotations

import base64
import logging
import time

import pytest
from sqlalchemy import Engine
from test_sync_support import NOW, client_for, ids

from integrations.zendesk.client import EXPORT_MIN_AGE_SECONDS, RequestBudget, ZendeskClient
from integrations.zendesk.errors import (
    AuthError,
    RateLimited,
    ZendeskUnavailable,
    ZendeskUnreachable,
)
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync


class FakeTime:
    """A clock that moves only when someone sleeps: time passes without waiting."""

    def __init__(self, start: float) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_the_budget_never_lets_more_than_the_limit_through_in_any_minute() -> None:
    clock = FakeTime(1000.0)
    budget = RequestBudget(60, clock=clock, sleep=clock.sleep)
    sent = []
    for _ in range(300):
        budget.acquire()
        sent.append(clock.now)

    for i, start in enumerate(sent):
        in_window = sum(1 for t in sent[i:] if t < start + 60)
        assert in_window <= 60
    assert sent[-1] - sent[0] >= 4 * 60 - 10, "300 requests at 60/min take about 5 minutes"


def test_a_pause_holds_every_request_for_the_retry_after() -> None:
    clock = FakeTime(0.0)
    budget = RequestBudget(600, clock=clock, sleep=clock.sleep)
    budget.acquire()
    budget.pause(7)

    budget.acquire()

    assert clock.now >= 7


def test_the_client_waits_out_the_export_limit_as_zendesk_asks(engine: Engine) -> None:
    clock = FakeTime(time.time())
    org = generate_org(tickets=200, seed=4, now=NOW)
    with ZendeskSandbox(org, export_limit_per_minute=3, clock=clock) as sandbox:
        client = client_for(sandbox, page_size=40, clock=clock, wall_clock=clock, sleep=clock.sleep)
        result = sync(engine, client, full=True)
        limited = sandbox.stats.by_status[429]

    assert result.errors == () and ids(engine, "tickets") == sorted(org.tickets)
    assert limited >= 1 and client.retries == limited
    assert sum(s for s in clock.sleeps if s >= 1) >= 60, "it waited out whole minutes"


def test_an_export_never_starts_within_the_last_minute(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="alignbot.zendesk")
    # One clock for Zendesk and the client that never moves: reading it twice gives the same
    # second, so the test cannot depend on whether a real second ticks between two reads.
    clock = FakeTime(float(int(time.time())))
    with ZendeskSandbox(generate_org(tickets=20, seed=1, now=NOW), clock=clock) as sandbox:
        client = client_for(sandbox, clock=clock, wall_clock=clock, sleep=clock.sleep)
        now = int(clock())
        page = client.ticket_event_page(now)

    assert page["end_of_stream"] is True and sandbox.stats.by_status[422] == 0
    assert client.clamp_start_time(now) <= now - EXPORT_MIN_AGE_SECONDS
    assert any("within the last minute" in r.getMessage() for r in caplog.records)


def test_bad_credentials_say_which_settings_to_check_without_the_token(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with ZendeskSandbox(generate_org(tickets=20, seed=1, now=NOW)) as sandbox:
        client = client_for(sandbox, api_token="s3cr3t-wrong")
        with pytest.raises(AuthError) as caught:
            client.ticket_event_page(0)

    message = str(caught.value)
    assert "401" in message and "ZENDESK_EMAIL" in message and "ZENDESK_API_TOKEN" in message
    assert "s3cr3t" not in message and "s3cr3t" not in repr(client)
    assert client.api_calls == 1, "a 401 is not retried"


def test_oauth_tokens_are_sent_as_bearer() -> None:
    with ZendeskSandbox(generate_org(tickets=20, seed=1, now=NOW), token="oauth-tok") as sandbox:
        client = ZendeskClient(sandbox.url, oauth_token="oauth-tok")
        page = client.ticket_event_page(0)

    assert page["ticket_events"]


def test_tokens_never_reach_the_log_even_through_faults(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    token = "s3cr3t-t0ken-value"
    with ZendeskSandbox(
        generate_org(tickets=60, seed=2, now=NOW), token=token, fail_rate=0.3, seed=1
    ) as sandbox:
        sandbox.retry_after = 0
        sync(engine, client_for(sandbox, api_token=token), full=True)

    logged = "\n".join(r.getMessage() for r in caplog.records)
    encoded = base64.b64encode(f"{sandbox.email}/token:{token}".encode()).decode()
    assert "retry" in logged
    assert token not in logged and encoded not in logged


def test_5xx_and_429_that_outlast_every_retry_become_clear_errors() -> None:
    with ZendeskSandbox(generate_org(tickets=20, seed=1, now=NOW), fail_rate=1.0) as sandbox:
        sandbox.faults = {"500"}
        client = client_for(sandbox, max_retries=2)
        with pytest.raises(ZendeskUnavailable, match="ZENDESK_MAX_RETRIES"):
            client.ticket_event_page(0)
        assert client.api_calls == 3

        sandbox.faults = {"429"}
        sandbox.retry_after = 0
        with pytest.raises(RateLimited) as caught:
            client.rating_pages().__next__()
    assert caught.value.retry_after == 0
    assert "ZENDESK_REQUESTS_PER_MINUTE" in str(caught.value)


def test_a_name_that_does_not_resolve_fails_at_once_naming_zendesk_url() -> None:
    clock = FakeTime(0.0)
    # .invalid never resolves (RFC 6761), so no resolver anywhere can make this reachable.
    client = ZendeskClient(
        "https://nonexistent.invalid", api_token="t", email="a@b.test", sleep=clock.sleep
    )

    with pytest.raises(ZendeskUnreachable) as caught:
        client.ticket_event_page(0)

    assert str(caught.value) == (
        "cannot reach Zendesk at https://nonexistent.invalid (name not resolved): check ZENDESK_URL"
    )
    assert client.api_calls == 1 and clock.sleeps == []


def test_a_tls_failure_fails_at_once_naming_zendesk_url() -> None:
    clock = FakeTime(0.0)
    with ZendeskSandbox(generate_org(tickets=20, seed=1, now=NOW)) as sandbox:
        # The sandbox speaks plain HTTP: a TLS handshake with it can only fail.
        url = f"https://127.0.0.1:{sandbox.port}"
        client = ZendeskClient(url, email=sandbox.email, api_token="sandbox", sleep=clock.sleep)
        with pytest.raises(ZendeskUnreachable, match="TLS") as caught:
            client.ticket_event_page(0)

    assert str(caught.value).startswith(f"cannot reach Zendesk at {url} (TLS")
    assert str(caught.value).endswith("check ZENDESK_URL")
    assert client.api_calls == 1 and clock.sleeps == []


def test_a_url_that_is_not_one_is_refused_before_any_request() -> None:
    with pytest.raises(ZendeskUnreachable, match=r"not an http\(s\) URL.*ZENDESK_URL"):
        ZendeskClient("acme.zendesk.com", email="a@b.test", api_token="t")


def test_5xx_and_dropped_connections_are_still_retried_until_zendesk_answers() -> None:
    clock = FakeTime(0.0)
    with ZendeskSandbox(generate_org(tickets=20, seed=1, now=NOW), fail_rate=1.0) as sandbox:
        sandbox.faults = {"503", "drop"}
        sandbox.retry_after = 0
        client = client_for(sandbox, max_retries=8, sleep=clock.sleep)
        page = client.ticket_event_page(0)
        faults = sandbox.stats.requests - 1

    assert page["ticket_events"] and faults >= 1
    assert client.retries == faults and client.api_calls == faults + 1
