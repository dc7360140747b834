"""`zendesk.comment` and `zendesk.update` rows delivered through the real ZendeskHelpdesk
(zenpy) to the Zendesk sandbox: written once, retried on rate limits, failed for good on a
refusal, never commented twice after a crash or an answer lost after the write (the
ticket's audits are asked for the row's key), and kept within a ticket's update budget."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from outbox_support import now, rows
from sqlalchemy import Engine

from bot.outbox import (
    FAILED,
    PENDING,
    SENT,
    ZENDESK_COMMENT,
    ZENDESK_UPDATE,
    Delivery,
    Dispatcher,
    DispatchResult,
    TicketBudget,
    enqueue,
)
from bot.store import session_scope
from integrations.zendesk.helpdesk import ZendeskHelpdesk
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

ORG_NOW = datetime(2026, 3, 2, tzinfo=UTC)


class Crash(Exception):
    """Stands for the process dying between the write and the mark."""


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[ZendeskSandbox]:
    monkeypatch.delenv("ZENPY_FORCE_NETLOC", raising=False)
    monkeypatch.delenv("ZENPY_FORCE_SCHEME", raising=False)
    with ZendeskSandbox(generate_org(tickets=30, seed=4, now=ORG_NOW)) as running:
        yield running


def ticket_with(sandbox: ZendeskSandbox, status: str) -> int:
    return next(t for t, v in sandbox.org.tickets.items() if v["status"] == status)


def dispatcher(engine: Engine, sandbox: ZendeskSandbox, **options: Any) -> Dispatcher:
    helpdesk = ZendeskHelpdesk(sandbox.url, email=sandbox.email, api_token="sandbox")
    # Told nothing about Zendesk's errors: it retries on the Helpdesk port's own.
    return Dispatcher(
        engine, chat=None, helpdesk=helpdesk, worker_id=options.pop("worker_id", "w1"), **options
    )


def queue(engine: Engine, key: str, kind: str, ticket: int, payload: dict[str, Any]) -> None:
    with session_scope(engine) as session:
        enqueue(session, key=key, kind=kind, target=str(ticket), payload=payload, now=now())


def bodies(sandbox: ZendeskSandbox, ticket: int, text: str) -> int:
    return sum(1 for c in sandbox.org.comments[ticket] if text in c.get("body", ""))


def test_a_comment_and_an_update_are_written_once(engine: Engine, sandbox: ZendeskSandbox) -> None:
    ticket = ticket_with(sandbox, "open")
    queue(
        engine, "note", ZENDESK_COMMENT, ticket, {"body": "Checking with billing.", "public": False}
    )
    queue(engine, "hold", ZENDESK_UPDATE, ticket, {"status": "pending", "add_tags": ["alignbot"]})

    first = dispatcher(engine, sandbox).run_once()
    second = dispatcher(engine, sandbox).run_once()

    assert first == DispatchResult(sent=2) and second == DispatchResult()
    assert bodies(sandbox, ticket, "Checking with billing.") == 1
    assert sandbox.org.tickets[ticket]["status"] == "pending"
    assert "alignbot" in sandbox.org.tickets[ticket]["tags"]
    queued = rows(engine)
    assert queued["note"]["status"] == SENT and queued["note"]["result"]["comment_id"]
    assert queued["hold"]["result"]["status"] == "pending"


def test_a_refused_write_fails_for_good_with_the_reason(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    queue(
        engine,
        "late",
        ZENDESK_COMMENT,
        ticket_with(sandbox, "closed"),
        {"body": "hi", "public": True},
    )

    result = dispatcher(engine, sandbox).run_once()
    again = dispatcher(engine, sandbox).run_once(now() + timedelta(days=1))

    assert result == DispatchResult(failed=1) and again == DispatchResult()
    row = rows(engine)["late"]
    assert row["status"] == FAILED and row["attempts"] == 1
    assert "closed prevents ticket update" in row["last_error"]


def test_a_rate_limited_write_is_retried_after_retry_after_and_written_once(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    ticket = ticket_with(sandbox, "open")
    queue(engine, "reply", ZENDESK_COMMENT, ticket, {"body": "Refund issued.", "public": True})
    sandbox.faults, sandbox.fail_rate, sandbox.retry_after = {"429"}, 1.0, 0
    start = now()

    limited = dispatcher(engine, sandbox).run_once(start)
    sandbox.fail_rate = 0.0
    retried = dispatcher(engine, sandbox).run_once(start + timedelta(seconds=1))

    assert limited == DispatchResult(retried=1) and retried == DispatchResult(sent=1)
    assert bodies(sandbox, ticket, "Refund issued.") == 1
    row = rows(engine)["reply"]
    assert row["attempts"] == 2 and "429" in row["last_error"]
    assert "unknown_since" not in (row["result"] or {})  # a 429 was not written


def test_a_5xx_on_an_update_without_comment_is_retried_with_backoff_and_made(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    ticket = ticket_with(sandbox, "open")
    queue(engine, "solve", ZENDESK_UPDATE, ticket, {"status": "solved"})
    sandbox.faults, sandbox.fail_rate = {"500"}, 1.0
    start = now()

    failed = dispatcher(engine, sandbox, jitter=lambda: 0.0, clock=lambda: start).run_once()
    row = rows(engine)["solve"]
    sandbox.fail_rate = 0.0
    early = dispatcher(engine, sandbox).run_once(start + timedelta(seconds=1))
    done = dispatcher(engine, sandbox).run_once(start + timedelta(seconds=3))

    assert failed == DispatchResult(retried=1)
    assert row["status"] == PENDING and row["next_attempt_at"] == start + timedelta(seconds=2.5)
    assert early == DispatchResult() and done == DispatchResult(sent=1)
    assert sandbox.org.tickets[ticket]["status"] == "solved"


def test_after_a_crash_a_comment_found_on_the_ticket_is_not_sent_twice(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    ticket = ticket_with(sandbox, "open")
    queue(engine, "reply", ZENDESK_COMMENT, ticket, {"body": "Shipped today.", "public": True})
    queue(engine, "tag", ZENDESK_UPDATE, ticket, {"add_tags": ["vip"]})

    def crash(delivery: Delivery, result: Mapping[str, Any]) -> None:
        raise Crash(delivery.key)

    with pytest.raises(Crash):  # dies after the comment was written, before the mark
        dispatcher(engine, sandbox, after_send=crash, batch_size=2).run_once()
    restarted = dispatcher(engine, sandbox, worker_id="w2", claim_timeout=timedelta(0))
    result = restarted.run_once()

    assert result == DispatchResult(sent=2, recovered=2)
    assert bodies(sandbox, ticket, "Shipped today.") == 1
    assert "vip" in sandbox.org.tickets[ticket]["tags"]
    reply = rows(engine)["reply"]
    assert reply["status"] == SENT and reply["result"]["found"] is True
    [comment] = [c for c in sandbox.org.comments[ticket] if c["body"] == "Shipped today."]
    assert reply["result"]["comment_id"] == comment["id"]
    assert rows(engine)["tag"]["status"] == SENT


@pytest.mark.parametrize("fault", ["500", "drop"])
def test_a_comment_whose_answer_was_lost_after_the_write_is_found_not_sent_again(
    engine: Engine, sandbox: ZendeskSandbox, fault: str
) -> None:
    ticket = ticket_with(sandbox, "open")
    queue(engine, "ask", ZENDESK_UPDATE, ticket,
          {"status": "pending", "comment": "Is it working now?", "public": True})  # fmt: skip
    sandbox.fail_after_next_write(fault)  # applied, then answered with the fault
    start = now()

    lost = dispatcher(engine, sandbox, jitter=lambda: 0.0, clock=lambda: start).run_once()
    row = rows(engine)["ask"]
    found = dispatcher(engine, sandbox).run_once(start + timedelta(minutes=1))

    assert lost == DispatchResult(retried=1)
    assert row["status"] == PENDING and row["result"]["unknown_since"]
    assert found == DispatchResult(sent=1)
    assert bodies(sandbox, ticket, "Is it working now?") == 1
    done = rows(engine)["ask"]
    assert done["status"] == SENT and done["result"]["found"] is True
    assert done["result"]["status"] == "pending" and done["attempts"] == 2


def test_a_status_change_found_made_is_not_made_again_over_a_customers_reply(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    ticket = ticket_with(sandbox, "open")
    queue(engine, "wait", ZENDESK_UPDATE, ticket,
          {"status": "pending", "add_tags": ["alignbot_awaiting_confirmation"]})  # fmt: skip
    sandbox.fail_after_next_write("503")
    start = now()

    lost = dispatcher(engine, sandbox, jitter=lambda: 0.0, clock=lambda: start).run_once()
    requester = sandbox.org.tickets[ticket]["requester_id"]
    sandbox.touch_ticket(ticket, "still broken", author_id=requester)  # reopens it
    found = dispatcher(engine, sandbox).run_once(start + timedelta(minutes=1))

    assert lost == DispatchResult(retried=1) and found == DispatchResult(sent=1)
    assert rows(engine)["wait"]["result"]["found"] is True
    assert sandbox.org.tickets[ticket]["status"] == "open"  # the reply's reopen stands


def test_a_comment_whose_first_attempt_never_arrived_is_sent_once_after_looking(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    ticket = ticket_with(sandbox, "open")
    queue(engine, "reply", ZENDESK_COMMENT, ticket, {"body": "On its way.", "public": True})
    sandbox.faults, sandbox.fail_rate = {"500"}, 1.0  # refused before anything is written
    start = now()

    failed = dispatcher(engine, sandbox, jitter=lambda: 0.0, clock=lambda: start).run_once()
    sandbox.fail_rate = 0.0
    sandbox.stats.reset()
    sent = dispatcher(engine, sandbox).run_once(start + timedelta(minutes=1))

    assert failed == DispatchResult(retried=1) and sent == DispatchResult(sent=1)
    assert sandbox.stats.by_path[f"/api/v2/tickets/{ticket}/audits.json"] == 1  # asked first
    assert bodies(sandbox, ticket, "On its way.") == 1
    assert "found" not in rows(engine)["reply"]["result"]


def test_a_ticket_past_its_update_budget_waits_instead_of_meeting_a_429(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    ticket, other = [t for t, v in sandbox.org.tickets.items() if v["status"] == "open"][:2]
    sandbox.ticket_updates_per_10_minutes = 3  # the sandbox would answer the 4th with 429
    for n in range(5):
        queue(engine, f"note-{n}", ZENDESK_COMMENT, ticket, {"body": f"note {n}", "public": False})
    queue(engine, "elsewhere", ZENDESK_COMMENT, other, {"body": "other", "public": False})
    budget = TicketBudget(writes=3, window=timedelta(minutes=10))
    start = now()

    first = dispatcher(engine, sandbox, ticket_budget=budget, clock=lambda: start).run_once()
    waiting = rows(engine)

    assert first == DispatchResult(sent=4, retried=2)
    assert 429 not in sandbox.stats.by_status
    assert [waiting[f"note-{n}"]["status"] for n in range(5)] == [SENT] * 3 + [PENDING] * 2
    assert waiting["elsewhere"]["status"] == SENT  # another ticket has its own budget
    for key in ("note-3", "note-4"):
        assert waiting[key]["attempts"] == 0
        assert waiting[key]["next_attempt_at"] == waiting["note-0"]["sent_at"] + budget.window

    later = start + budget.window + timedelta(seconds=1)
    sandbox.advance(600)  # Zendesk's own window has passed too
    second = dispatcher(engine, sandbox, ticket_budget=budget, clock=lambda: later).run_once()

    assert second == DispatchResult(sent=2)
    assert [bodies(sandbox, ticket, f"note {n}") for n in range(5)] == [1] * 5


def test_a_write_still_failing_at_max_attempts_fails_with_the_last_error(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    queue(engine, "solve", ZENDESK_UPDATE, ticket_with(sandbox, "open"), {"status": "solved"})
    sandbox.faults, sandbox.fail_rate = {"500"}, 1.0
    start = now()

    first = dispatcher(engine, sandbox, max_attempts=2).run_once(start)
    second = dispatcher(engine, sandbox, max_attempts=2).run_once(start + timedelta(hours=1))

    assert first == DispatchResult(retried=1) and second == DispatchResult(failed=1)
    row = rows(engine)["solve"]
    assert row["status"] == FAILED and row["attempts"] == 2
    assert row["last_error"].startswith("gave up after 2 attempts: ZendeskUnavailable")


@pytest.mark.parametrize("fault", ["503", "drop"])
def test_a_dispatcher_told_nothing_about_zendesk_retries_its_transient_errors_later(
    engine: Engine, sandbox: ZendeskSandbox, fault: str
) -> None:
    # The dispatcher is given only the Helpdesk port: a 503 or a dropped connection must
    # reach it as the port's HelpdeskUnavailable, which it retries, not as a refusal.
    ticket = ticket_with(sandbox, "open")
    queue(engine, "tag", ZENDESK_UPDATE, ticket, {"add_tags": ["escalated"]})
    sandbox.faults, sandbox.fail_rate, sandbox.retry_after = {fault}, 1.0, 0
    start = now()

    failed = dispatcher(engine, sandbox, jitter=lambda: 0.0, clock=lambda: start).run_once()
    row = rows(engine)["tag"]
    sandbox.fail_rate = 0.0
    done = dispatcher(engine, sandbox).run_once(start + timedelta(minutes=1))

    assert failed == DispatchResult(retried=1)
    assert row["status"] == PENDING and row["next_attempt_at"] > start
    assert row["last_error"].startswith("ZendeskUnavailable")
    assert done == DispatchResult(sent=1)
    assert "escalated" in sandbox.org.tickets[ticket]["tags"]


def test_zendesk_errors_are_the_helpdesk_ports_transient_and_rate_limited_errors() -> None:
    from bot.helpdesk import HelpdeskError, HelpdeskRateLimited, HelpdeskUnavailable
    from integrations.zendesk.errors import NotFound, RateLimited, ZendeskUnavailable

    limited = RateLimited("Zendesk kept rate-limiting", 7.0)
    assert isinstance(limited, HelpdeskRateLimited) and isinstance(limited, HelpdeskUnavailable)
    assert isinstance(limited, ZendeskUnavailable) and limited.retry_after == 7.0
    assert isinstance(ZendeskUnavailable("x"), HelpdeskUnavailable)
    assert not isinstance(NotFound("x"), HelpdeskUnavailable)
    assert isinstance(NotFound("x"), HelpdeskError)


def test_a_ticket_rate_limited_by_zendesk_holds_back_its_own_row_not_other_tickets(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    # Another integration writing as the same user used up the ticket's 10-minute budget.
    busy, other = [t for t, v in sandbox.org.tickets.items() if v["status"] == "open"][:2]
    sandbox.ticket_updates_per_10_minutes = 1
    ZendeskHelpdesk(sandbox.url, email=sandbox.email, api_token="sandbox").add_comment(
        busy, "someone else's note", public=False
    )
    queue(engine, "busy", ZENDESK_COMMENT, busy, {"body": "Any news?", "public": True})
    queue(engine, "other", ZENDESK_COMMENT, other, {"body": "Fixed.", "public": True})
    start = now()

    result = dispatcher(engine, sandbox, clock=lambda: start).run_once()

    assert result == DispatchResult(sent=1, retried=1)
    held = rows(engine)["busy"]
    assert held["status"] == PENDING and "429" in held["last_error"]
    assert start + timedelta(seconds=590) <= held["next_attempt_at"]
    assert held["next_attempt_at"] <= start + timedelta(seconds=600)
    assert bodies(sandbox, other, "Fixed.") == 1  # the helpdesk was not paused for it
