"""Helpers the Slack app tests share (no tests here): a fake domain that records what the
listeners asked of it, an executor whose work a test can wait for, and the app built against
the Slack sandbox on one fixed clock."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from slack_bolt import App
from slack_sdk import WebClient
from sqlalchemy import Engine, create_engine

from bot.settings import Settings, load_settings
from integrations.slack.app import Domain, build_app
from integrations.slack.client import SDK_LOG
from integrations.slack.sandbox import RecordedMessage, SlackSandbox

TOKEN = "xoxb-app-tests"
SIGNING_SECRET = "app-tests-signing-secret"
NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
DRAFT_ID = 7
DRAIN_SECONDS = 10.0


class Clock:
    """One present for the app and the sandbox; tests move it, nothing reads the real time."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def time(self) -> float:
        return self.now.timestamp()


@dataclass(frozen=True)
class Draft:
    id: int
    ticket_id: int
    locale: str
    body: str
    status: str
    assignee_id: int
    created_at: datetime
    due_at: datetime


@dataclass(frozen=True)
class ReviewOutcome:
    draft_id: int
    status: str
    message: str


@dataclass(frozen=True)
class QueuedItem:
    kind: str
    ticket_id: int
    summary: str
    due_at: datetime


@dataclass
class FakeDomain:
    """The domain API of the contract, in memory: every call is recorded in `calls`; a
    second review of a draft returns the first outcome, as the real one does. `gate`, when
    set, holds review_draft until the test opens it (a slow domain)."""

    drafts: dict[int, Draft] = field(default_factory=dict)
    calls: list[tuple[Any, ...]] = field(default_factory=list)
    outcomes: dict[int, ReviewOutcome] = field(default_factory=dict)
    gate: threading.Event | None = None
    failure: Exception | None = None  # raised by review_draft when set (a database outage)
    reviewed: threading.Event = field(default_factory=threading.Event)
    queued: list[QueuedItem] = field(default_factory=list)

    def get_draft(self, engine: Engine, draft_id: int) -> Draft | None:
        self.calls.append(("get_draft", draft_id))
        return self.drafts.get(draft_id)

    def review_draft(
        self,
        engine: Engine,
        draft_id: int,
        action: Literal["send", "skip"],
        *,
        slack_user_id: str,
        now: datetime,
        body: str | None = None,
    ) -> ReviewOutcome:
        self.calls.append(("review_draft", draft_id, action, slack_user_id, now, body))
        if self.failure is not None:
            raise self.failure
        if self.gate is not None and not self.gate.wait(DRAIN_SECONDS):
            raise TimeoutError("the test never opened the gate")
        if draft_id not in self.outcomes:
            status = "sent" if action == "send" else "skipped"
            message = "Sent to the customer" if action == "send" else "Skipped: nothing was sent"
            self.outcomes[draft_id] = ReviewOutcome(draft_id, status, message)
        self.reviewed.set()
        return self.outcomes[draft_id]

    def snooze(
        self, engine: Engine, *, slack_user_id: str, ticket_id: int, until: datetime, now: datetime
    ) -> None:
        self.calls.append(("snooze", slack_user_id, ticket_id, until, now))

    def queued_for(self, engine: Engine, *, slack_user_id: str, now: datetime) -> list[QueuedItem]:
        self.calls.append(("queued_for", slack_user_id, now))
        return list(self.queued)

    def context_card(
        self, engine: Engine, settings: Settings, ticket_id: int
    ) -> tuple[str, list[dict[str, Any]]]:
        self.calls.append(("context_card", ticket_id))
        text = f"Ticket #{ticket_id}: 2 earlier tickets"
        return text, [{"type": "section", "text": {"type": "plain_text", "text": text}}]

    def digest(
        self, engine: Engine, settings: Settings, now: datetime
    ) -> tuple[str, list[dict[str, Any]]]:
        self.calls.append(("digest", now))
        return "digest", [{"type": "section", "text": {"type": "mrkdwn", "text": "digest"}}]


class DrainableExecutor(ThreadPoolExecutor):
    """A thread pool that remembers what it ran, so a test can wait for the listeners (and
    their lazy work) to finish instead of sleeping."""

    def __init__(self) -> None:
        super().__init__(max_workers=4, thread_name_prefix="slack-app-test")
        self._futures: list[Future[Any]] = []
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future = super().submit(fn, *args, **kwargs)
        with self._lock:
            self._futures.append(future)
        return future

    def drain(self, timeout: float = DRAIN_SECONDS) -> None:
        """Wait until everything submitted so far has finished; raise what any of it raised."""
        with self._lock:
            futures = list(self._futures)
        done, pending = wait(futures, timeout=timeout)
        if pending:
            raise TimeoutError(f"{len(pending)} listener(s) still running after {timeout} s")
        for future in done:
            error = future.exception()
            if error is not None:
                raise error


def draft(status: str = "drafted", body: str = "We are still on it & <will> update you.") -> Draft:
    return Draft(
        id=DRAFT_ID,
        ticket_id=42,
        locale="en",
        body=body,
        status=status,
        assignee_id=9001,
        created_at=NOW,
        due_at=NOW,
    )


def settings() -> Settings:
    return load_settings(
        slack_bot_token=TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        _env_file=None,
    )


def make_sandbox(clock: Clock) -> SlackSandbox:
    return SlackSandbox(TOKEN, clock=clock.time, signing_secret=SIGNING_SECRET)


def make_app(
    sandbox: SlackSandbox,
    domain: Domain,
    clock: Clock,
    executor: DrainableExecutor,
    *,
    engine: Engine | None = None,
    socket_mode: bool = False,
) -> App:
    # As SlackChat builds it in production: slack_sdk logs through alignbot's filtered logger.
    client = WebClient(token=TOKEN, base_url=sandbox.url, retry_handlers=[], logger=SDK_LOG)
    return build_app(
        settings(),
        engine or create_engine("sqlite://"),
        client=client,
        clock=clock,
        domain=domain,
        executor=executor,
        socket_mode=socket_mode,
    )


def post_draft_message(sandbox: SlackSandbox, email: str = "ana@example.com") -> RecordedMessage:
    """The review-mode message an assignee gets, with the contract's buttons."""
    client = WebClient(token=TOKEN, base_url=sandbox.url, retry_handlers=[])
    client.chat_postMessage(
        channel=sandbox.user_id(email),
        text="Draft update for ticket #42",
        blocks=[
            {
                "type": "section",
                "block_id": "draft-text",
                "text": {"type": "plain_text", "text": "We are still on it & <will> update you."},
            },
            {
                "type": "actions",
                "block_id": f"draft-{DRAFT_ID}",
                "elements": [
                    _button("Send now", "alignbot_update_send", str(DRAFT_ID)),
                    _button("Edit", "alignbot_update_edit", str(DRAFT_ID)),
                    _button("Skip", "alignbot_update_skip", str(DRAFT_ID)),
                ],
            },
            {
                "type": "actions",
                "block_id": "nudge-42",
                "elements": [
                    _button("Snooze 4 h", "alignbot_nudge_snooze", '{"ticket": 42, "hours": 4}'),
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Open in Zendesk"},
                        "action_id": "alignbot_open_ticket",
                        "url": "https://example.zendesk.com/agent/tickets/42",
                    },
                ],
            },
        ],
    )
    return sandbox.messages[-1]


def _button(label: str, action_id: str, value: str) -> dict[str, Any]:
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": label},
        "action_id": action_id,
        "value": value,
    }


def current(sandbox: SlackSandbox, message: RecordedMessage) -> RecordedMessage:
    """The message as the sandbox holds it now (after any edit)."""
    return next(m for m in sandbox.messages if m.ts == message.ts and m.channel == message.channel)


def block_texts(message: RecordedMessage) -> list[str]:
    texts = []
    for block in message.blocks or []:
        for element in block.get("elements") or []:
            if isinstance(element, dict) and isinstance(element.get("text"), str):
                texts.append(element["text"])
    return texts
