"""The sandbox keeps the Zendesk rules the resolution flow lives by: a requester's reply
reopens a pending or solved ticket, a closed ticket takes no update, a custom status of the
pending category keeps the ticket pending, and solved tickets close 4 days later (28 at
most) when the sandbox's clock is moved on. Written through real zenpy, over loopback."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import requests
from zenpy import Zenpy
from zenpy.lib.api_objects import Comment, CustomStatus, Ticket

from integrations.zendesk.errors import RecordInvalid
from integrations.zendesk.helpdesk import ZendeskHelpdesk, loopback_session
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

ORG_NOW = datetime(2026, 3, 2, tzinfo=UTC)
HOUR, DAY = 3600, 86_400


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[ZendeskSandbox]:
    monkeypatch.delenv("ZENPY_FORCE_NETLOC", raising=False)
    monkeypatch.delenv("ZENPY_FORCE_SCHEME", raising=False)
    start = ORG_NOW.timestamp()  # a stopped clock: only `advance` moves the sandbox's time
    org = generate_org(tickets=40, seed=3, now=ORG_NOW)
    with ZendeskSandbox(org, clock=lambda: start) as running:
        yield running


def zenpy_for(sandbox: ZendeskSandbox) -> Zenpy:
    return Zenpy(
        subdomain="sandbox",
        email=sandbox.email,
        token="sandbox",
        timeout=10,
        session=loopback_session(sandbox.url),
    )


def helpdesk_for(sandbox: ZendeskSandbox) -> ZendeskHelpdesk:
    return ZendeskHelpdesk(sandbox.url, email=sandbox.email, api_token="sandbox", timeout=10)


def ticket_with(sandbox: ZendeskSandbox, status: str) -> int:
    return next(t for t, v in sandbox.org.tickets.items() if v["status"] == status)


def requester_replies(sandbox: ZendeskSandbox, ticket: int, text: str) -> Ticket:
    """The requester comments, as Zendesk takes it from an API client: comment.author_id."""
    requester = sandbox.org.tickets[ticket]["requester_id"]
    update = Ticket(id=ticket)
    update.comment = Comment(body=text, author_id=requester)
    return zenpy_for(sandbox).tickets.update(update).ticket


def last_audit(sandbox: ZendeskSandbox, ticket: int) -> dict:
    session = requests.Session()
    session.auth = (f"{sandbox.email}/token", "sandbox")
    url = f"{sandbox.url}/api/v2/tickets/{ticket}/audits.json"
    count = session.get(url, timeout=10).json()["count"]
    page = session.get(url, params={"page": -(-count // 100)}, timeout=10).json()
    return dict(page["audits"][-1])


@pytest.mark.parametrize("status", ["pending", "solved"])
def test_a_requester_reply_reopens_a_pending_or_solved_ticket(
    sandbox: ZendeskSandbox, status: str
) -> None:
    ticket = ticket_with(sandbox, "open")
    helpdesk_for(sandbox).update_ticket(ticket, status=status, comment="Does it work now?")

    reopened = requester_replies(sandbox, ticket, "yes, it works now, thanks")

    assert reopened.status == "open" and reopened.custom_status_id == 2  # open's default
    comment = sandbox.org.comments[ticket][-1]
    assert comment["author_id"] == sandbox.org.tickets[ticket]["requester_id"]
    assert comment["public"] is True
    changes = [e for e in last_audit(sandbox, ticket)["events"] if e["type"] == "Change"]
    assert {"field_name": "status", "value": "open", "previous_value": status}.items() <= (
        changes[0].items()
    )


def test_an_agents_note_leaves_a_pending_ticket_pending(sandbox: ZendeskSandbox) -> None:
    ticket = ticket_with(sandbox, "open")
    helpdesk = helpdesk_for(sandbox)
    helpdesk.update_ticket(ticket, status="pending")

    written = helpdesk.add_comment(ticket, "Internal: waiting on the customer.", public=False)

    assert written.status == "pending"


def test_a_reply_to_a_closed_ticket_is_refused(sandbox: ZendeskSandbox) -> None:
    ticket = ticket_with(sandbox, "closed")
    before = len(sandbox.org.comments[ticket])

    with pytest.raises(Exception, match="closed prevents ticket update"):
        requester_replies(sandbox, ticket, "still broken")

    assert len(sandbox.org.comments[ticket]) == before
    assert sandbox.org.tickets[ticket]["status"] == "closed"


def test_awaiting_confirmation_is_a_pending_status_a_reply_reopens(
    sandbox: ZendeskSandbox,
) -> None:
    zenpy = zenpy_for(sandbox)
    created = zenpy.custom_statuses.create(
        CustomStatus(status_category="pending", agent_label="Awaiting confirmation")
    )
    ticket = ticket_with(sandbox, "open")

    waiting = helpdesk_for(sandbox).update_ticket(
        ticket, custom_status_id=created.id, comment="Is everything working again?"
    )
    served = zenpy.tickets(id=ticket)
    reopened = requester_replies(sandbox, ticket, "sí, ya funciona")

    assert created.status_category == "pending" and created.id > 5
    assert (waiting.status, waiting.custom_status_id) == ("pending", created.id)
    assert (served.status, served.custom_status_id) == ("pending", created.id)
    assert (reopened.status, reopened.custom_status_id) == ("open", 2)


def test_a_custom_status_and_a_status_of_another_category_are_refused(
    sandbox: ZendeskSandbox,
) -> None:
    ticket = ticket_with(sandbox, "open")

    with pytest.raises(RecordInvalid, match="does not match"):
        helpdesk_for(sandbox).update_ticket(ticket, status="solved", custom_status_id=3)

    assert sandbox.org.tickets[ticket]["status"] == "open"


def test_a_solved_ticket_closes_four_days_later_by_the_automation(sandbox: ZendeskSandbox) -> None:
    ticket, pending = [t for t, v in sandbox.org.tickets.items() if v["status"] == "open"][:2]
    helpdesk_for(sandbox).update_ticket(ticket, status="solved", comment="Fixed.")
    helpdesk_for(sandbox).update_ticket(pending, status="pending", comment="Any news?")

    early = sandbox.advance(4 * DAY - HOUR)
    status_early = sandbox.org.tickets[ticket]["status"]
    closed = sandbox.advance(HOUR)

    assert ticket not in early and status_early == "solved"
    assert ticket in closed and sandbox.org.tickets[ticket]["status"] == "closed"
    assert sandbox.org.tickets[pending]["status"] == "pending"  # only solved tickets close
    audit = last_audit(sandbox, ticket)
    assert audit["author_id"] == -1 and audit["via"]["source"]["rel"] == "automation"
    assert [(e["field_name"], e["value"]) for e in audit["events"]] == [("status", "closed")]
    with pytest.raises(RecordInvalid, match="closed prevents ticket update"):
        helpdesk_for(sandbox).add_comment(ticket, "Following up.", public=True)


def test_no_solved_ticket_stays_open_past_28_days_whatever_the_automation_says(
    sandbox: ZendeskSandbox,
) -> None:
    sandbox.close_solved_after_days = 60  # more than Zendesk allows: 28 still holds
    ticket = ticket_with(sandbox, "open")
    helpdesk_for(sandbox).update_ticket(ticket, status="solved")

    sandbox.advance(27 * DAY)
    status_at_27 = sandbox.org.tickets[ticket]["status"]
    sandbox.advance(DAY)

    assert status_at_27 == "solved"
    assert sandbox.org.tickets[ticket]["status"] == "closed"


def test_a_ticket_reopened_before_the_deadline_is_not_closed(sandbox: ZendeskSandbox) -> None:
    ticket = ticket_with(sandbox, "open")
    helpdesk_for(sandbox).update_ticket(ticket, status="solved")
    sandbox.advance(2 * DAY)
    requester_replies(sandbox, ticket, "still broken")

    sandbox.advance(5 * DAY)

    assert sandbox.org.tickets[ticket]["status"] == "open"


def test_the_clock_only_moves_forward(sandbox: ZendeskSandbox) -> None:
    before = sandbox.now()

    with pytest.raises(ValueError):
        sandbox.advance(-1)
    sandbox.advance(90)

    assert sandbox.now() == before + 90


def test_another_process_moves_the_clock_through_the_sandboxs_admin_path(
    sandbox: ZendeskSandbox,
) -> None:
    ticket = ticket_with(sandbox, "open")
    helpdesk_for(sandbox).update_ticket(ticket, status="solved")
    session = requests.Session()
    url = f"{sandbox.url}/sandbox/clock"

    anonymous = session.post(url, json={"advance_seconds": 4 * DAY}, timeout=10)
    session.auth = (f"{sandbox.email}/token", "sandbox")
    refused = session.post(url, json={"advance_seconds": -5}, timeout=10)
    moved = session.post(url, json={"advance_seconds": 4 * DAY}, timeout=10).json()

    assert anonymous.status_code == 401 and refused.status_code == 400
    assert moved["now_unix"] == ORG_NOW.timestamp() + 4 * DAY
    assert ticket in moved["closed_ticket_ids"]
    assert session.get(url, timeout=10).json()["now"] == "2026-03-06T00:00:00Z"


def test_more_than_a_kilobyte_of_metadata_is_refused_and_nothing_is_written(
    sandbox: ZendeskSandbox,
) -> None:
    ticket = ticket_with(sandbox, "open")
    before = len(sandbox.org.comments[ticket])
    session = requests.Session()
    session.auth = (f"{sandbox.email}/token", "sandbox")
    update = {"comment": {"body": "hello"}, "metadata": {"alignbot_key": "k" * 1100}}

    refused = session.put(
        f"{sandbox.url}/api/v2/tickets/{ticket}.json", json={"ticket": update}, timeout=10
    )

    assert refused.status_code == 422 and "1 kilobyte" in refused.text
    assert len(sandbox.org.comments[ticket]) == before
