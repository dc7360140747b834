"""ZendeskHelpdesk writes through real zenpy to the sandbox, and the next incremental sync
brings the write back into the store."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import Session
from test_sync_support import NOW, client_for

from bot.helpdesk import Helpdesk, HelpdeskError
from bot.store import Comment, Ticket
from integrations.zendesk.errors import NotFound, RecordInvalid
from integrations.zendesk.helpdesk import ZendeskHelpdesk
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync


@pytest.fixture
def sandbox() -> Iterator[ZendeskSandbox]:
    # The sync runs right after each write, on this thread, with nothing else writing: no
    # export delay needed (the sandbox's default one second would hide the writes).
    org = generate_org(tickets=80, seed=6, now=NOW)
    with ZendeskSandbox(org, export_delay_seconds=0) as running:
        yield running


def test_a_written_comment_and_status_come_back_on_the_next_sync(
    engine: Engine, sandbox: ZendeskSandbox
) -> None:
    client = client_for(sandbox)
    sync(engine, client, full=True)
    helpdesk: Helpdesk = ZendeskHelpdesk(sandbox.url, email=sandbox.email, api_token="sandbox")
    ticket_id = next(t for t, v in sandbox.org.tickets.items() if v["status"] == "open")

    note = helpdesk.add_comment(ticket_id, "Internal: checking with billing.", public=False)
    update = helpdesk.update_ticket(
        ticket_id,
        status="pending",
        add_tags=["alignbot_awaiting_confirmation"],
        comment="Here is where things stand: the refund was issued today.",
    )
    result = sync(engine, client)

    assert update.status == "pending" and "alignbot_awaiting_confirmation" in update.tags
    written = [
        c
        for c in sandbox.org.comments[ticket_id]
        if c["id"] in {note.comment_id, update.comment_id}
    ]
    assert [c["public"] for c in written] == [False, True]
    assert (result.tickets, result.comments) == (1, 2)
    with Session(engine) as session:
        stored_note = session.get(Comment, note.comment_id)
        stored_update = session.get(Comment, update.comment_id)
        ticket = session.get(Ticket, ticket_id)
    assert stored_note is not None and not stored_note.public
    assert stored_note.author_role == "agent"
    assert stored_update is not None and stored_update.public
    assert stored_update.body.startswith("Here is where things stand")
    assert ticket is not None and ticket.status == "pending"
    assert "alignbot_awaiting_confirmation" in ticket.tags


def test_custom_status_and_tag_replacement_are_written(sandbox: ZendeskSandbox) -> None:
    helpdesk = ZendeskHelpdesk(sandbox.url, email=sandbox.email, api_token="sandbox")
    ticket_id = next(t for t, v in sandbox.org.tickets.items() if v["status"] == "open")

    written = helpdesk.update_ticket(ticket_id, custom_status_id=3, tags=["only_this"])

    assert (written.status, written.custom_status_id, written.tags) == (
        "pending",
        3,
        ("only_this",),
    )
    assert sandbox.org.tickets[ticket_id]["tags"] == ["only_this"]


def test_refused_writes_raise_helpdesk_errors_the_domain_can_catch(
    sandbox: ZendeskSandbox,
) -> None:
    helpdesk = ZendeskHelpdesk(sandbox.url, email=sandbox.email, api_token="sandbox")
    closed = next(t for t, v in sandbox.org.tickets.items() if v["status"] == "closed")

    with pytest.raises(RecordInvalid, match="closed prevents ticket update") as caught:
        helpdesk.add_comment(closed, "hello", public=True)
    assert isinstance(caught.value, HelpdeskError)
    with pytest.raises(NotFound):
        helpdesk.add_comment(10**9, "hello", public=True)


def test_two_helpdesks_in_one_process_each_write_to_their_own_zendesk(
    sandbox: ZendeskSandbox,
) -> None:
    with ZendeskSandbox(generate_org(tickets=80, seed=6, now=NOW)) as other:
        first = ZendeskHelpdesk(sandbox.url, email=sandbox.email, api_token="sandbox")
        second = ZendeskHelpdesk(other.url, email=other.email, api_token="sandbox")
        ticket_id = next(t for t, v in sandbox.org.tickets.items() if v["status"] == "open")

        first.add_comment(ticket_id, "to the first Zendesk", public=False)
        second.add_comment(ticket_id, "to the second Zendesk", public=False)

        def bodies(zendesk: ZendeskSandbox) -> list[str]:
            return [c.get("body", "") for c in zendesk.org.comments[ticket_id]]

        assert "to the first Zendesk" in bodies(sandbox)
        assert "to the first Zendesk" not in bodies(other)
        assert "to the second Zendesk" in bodies(other)
        assert "to the second Zendesk" not in bodies(sandbox)
    assert not any(name.startswith("ZENPY_") for name in os.environ)


def test_a_zenpy_override_left_in_the_environment_is_refused_before_any_write(
    sandbox: ZendeskSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZENPY_FORCE_NETLOC", sandbox.netloc)

    with pytest.raises(HelpdeskError, match="ZENPY_FORCE_NETLOC is set"):
        ZendeskHelpdesk("https://acme.zendesk.com", email="a@acme.test", api_token="t")
