"""A write's idempotency key travels in its ticket update's audit metadata, and
`ZendeskHelpdesk.find_write` reads it back from the ticket's audits, through real zenpy and
its session, from the sandbox over loopback."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import requests

from bot.helpdesk import Helpdesk, HelpdeskRateLimited
from integrations.zendesk.errors import NotFound, ZendeskError
from integrations.zendesk.helpdesk import AUDIT_KEY, ZendeskHelpdesk
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

ORG_NOW = datetime(2026, 3, 2, tzinfo=UTC)


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[ZendeskSandbox]:
    monkeypatch.delenv("ZENPY_FORCE_NETLOC", raising=False)
    monkeypatch.delenv("ZENPY_FORCE_SCHEME", raising=False)
    with ZendeskSandbox(generate_org(tickets=30, seed=4, now=ORG_NOW)) as running:
        yield running


def helpdesk_for(sandbox: ZendeskSandbox) -> ZendeskHelpdesk:
    return ZendeskHelpdesk(sandbox.url, email=sandbox.email, api_token="sandbox", timeout=10)


def open_ticket(sandbox: ZendeskSandbox) -> int:
    return next(t for t, v in sandbox.org.tickets.items() if v["status"] == "open")


def audits_on_the_wire(sandbox: ZendeskSandbox, ticket: int) -> list[dict]:
    """Every audit of the ticket, read as any HTTP client would, following cursor pages."""
    session = requests.Session()
    session.auth = (f"{sandbox.email}/token", "sandbox")
    url: str | None = f"{sandbox.url}/api/v2/tickets/{ticket}/audits.json?page[size]=2"
    found: list[dict] = []
    for _ in range(500):  # bounded: the test's tickets hold far fewer audits
        if url is None:
            break
        body = session.get(url, timeout=10).json()
        found.extend(body["audits"])
        url = body["links"]["next"] if body["meta"]["has_more"] else None
    return found


def test_a_writes_key_comes_back_in_the_metadata_of_its_audit(sandbox: ZendeskSandbox) -> None:
    ticket = open_ticket(sandbox)

    written = helpdesk_for(sandbox).update_ticket(
        ticket,
        status="pending",
        add_tags=["alignbot_awaiting_confirmation"],
        comment="Did this fix it for you?",
        key="resolution:7:ask",
    )

    audits = audits_on_the_wire(sandbox, ticket)
    [mine] = [a for a in audits if a["metadata"]["custom"].get(AUDIT_KEY) == "resolution:7:ask"]
    assert mine is audits[-1] and mine["id"] == written.audit_id
    assert mine["ticket_id"] == ticket and mine["via"]["channel"] == "api"
    by_type = {(e["type"], e.get("field_name")): e for e in mine["events"]}
    assert by_type[("Comment", None)]["id"] == written.comment_id
    assert by_type[("Comment", None)]["public"] is True
    assert by_type[("Change", "status")]["value"] == "pending"
    assert "alignbot_awaiting_confirmation" in by_type[("Change", "tags")]["value"]
    assert all(not a["metadata"]["custom"] for a in audits[:-1])  # only ours carries a key


def test_find_write_finds_a_keyed_comment_and_nothing_for_an_unknown_key(
    sandbox: ZendeskSandbox,
) -> None:
    helpdesk: Helpdesk = helpdesk_for(sandbox)
    ticket = open_ticket(sandbox)
    comment = helpdesk.add_comment(ticket, "Refund issued today.", public=True, key="upd:1")
    helpdesk.update_ticket(ticket, add_tags=["later"], key="tag:1")  # a newer write

    found = helpdesk.find_write(ticket, "upd:1")
    missing = helpdesk.find_write(ticket, "upd:2")

    assert found is not None
    assert (found.comment_id, found.audit_id) == (comment.comment_id, comment.audit_id)
    assert found.status == "open" and "later" in found.tags  # the ticket as it is now
    assert missing is None


def test_find_write_reads_the_newest_audits_first_and_no_further_back_than_since(
    sandbox: ZendeskSandbox,
) -> None:
    helpdesk = helpdesk_for(sandbox)
    ticket = open_ticket(sandbox)
    old = helpdesk.add_comment(ticket, "An early note.", public=False, key="early")
    for n in range(230):  # three offset pages of audits after it (touches skip the rate limit)
        sandbox.touch_ticket(ticket, f"agent note {n}", public=False)
    recent = helpdesk.add_comment(ticket, "The newest reply.", public=True, key="recent")
    sandbox.stats.reset()

    found = helpdesk.find_write(ticket, "recent", since=datetime.now(UTC) - timedelta(minutes=5))
    reads_for_newest = sandbox.stats.by_path[f"/api/v2/tickets/{ticket}/audits.json"]
    far_back = helpdesk.find_write(ticket, "early")
    not_since = helpdesk.find_write(ticket, "early", since=datetime.now(UTC) + timedelta(hours=1))

    assert found is not None and found.comment_id == recent.comment_id
    assert reads_for_newest == 2  # the count, then the last page: not every page
    assert far_back is not None and far_back.comment_id == old.comment_id
    assert not_since is None  # the audits newer than `since` do not hold it


def test_find_write_says_it_cannot_tell_rather_than_read_without_end(
    sandbox: ZendeskSandbox,
) -> None:
    helpdesk = helpdesk_for(sandbox)
    ticket = open_ticket(sandbox)
    helpdesk.add_comment(ticket, "Lost among many.", public=True, key="buried")
    for n in range(520):
        sandbox.touch_ticket(ticket, f"note {n}", public=False)

    with pytest.raises(ZendeskError, match="cannot tell whether the write buried reached"):
        helpdesk.find_write(ticket, "buried")


def test_find_write_on_a_missing_ticket_raises_not_found(sandbox: ZendeskSandbox) -> None:
    with pytest.raises(NotFound):
        helpdesk_for(sandbox).find_write(10**9, "any")


def test_a_tickets_update_limit_comes_back_at_once_as_rate_limited_with_its_retry_after(
    sandbox: ZendeskSandbox,
) -> None:
    helpdesk = helpdesk_for(sandbox)
    ticket = open_ticket(sandbox)
    sandbox.ticket_updates_per_10_minutes = 1
    helpdesk.add_comment(ticket, "first", public=False)

    started = time.monotonic()
    with pytest.raises(HelpdeskRateLimited) as caught:
        helpdesk.add_comment(ticket, "second", public=False)

    assert time.monotonic() - started < 5  # zenpy did not sleep out the 10 minutes
    assert 590 <= caught.value.retry_after <= 600
    assert caught.value.ticket_id == ticket  # only this ticket is held back
    assert [c["body"] for c in sandbox.org.comments[ticket]].count("second") == 0
