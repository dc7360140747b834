"""ZendeskHelpdesk writes through real zenpy to the sandbox, and the next incremental sync
brings the write back into the store."""

from __future__ import annotations

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
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[ZendeskSandbox]:
    # ZendeskHelpdesk sets these for a loopback URL; restore the environment afterwards.
    monkeypatch.delenv("ZENPY_FORCE_NETLOC", raising=False)
    monkeypatch.delenv("ZENPY_FORCE_SCHEME", raising=False)
    with ZendeskSandbox(generate_org(tickets=80, seed=6, now=NOW)) as running:
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
