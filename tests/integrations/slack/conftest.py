"""Fixtures the Slack app's tests share: the app's clock, a Slack sandbox on it that signs as
the app expects, and an executor whose lazy listeners a test can wait for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from integrations.slack.sandbox import SlackSandbox
from tests.integrations.slack.slack_app_support import Clock, DrainableExecutor, make_sandbox


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sandbox(clock: Clock) -> Iterator[SlackSandbox]:
    with make_sandbox(clock) as running:
        yield running


@pytest.fixture
def executor() -> Iterator[DrainableExecutor]:
    pool = DrainableExecutor()
    yield pool
    pool.shutdown(wait=True, cancel_futures=True)
