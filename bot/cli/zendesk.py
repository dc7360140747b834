"""`alignbot zendesk setup`: prepare a Zendesk account for the resolution flow.

Creates the "Awaiting confirmation" custom status (once), remembers its id in the store,
names the tags the flow uses, and lists the automations that would solve or close a ticket
while its requester is asked to confirm, with the condition to add to each. Running it again
changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer
from sqlalchemy import Engine

from bot.cli.app import zendesk_app
from bot.cli.common import overrides_of
from bot.resolution.setup import (
    AWAITING_DESCRIPTION,
    AWAITING_END_USER_LABEL,
    existing_awaiting_status,
    remember_custom_status,
    risky_automations,
)
from bot.resolution.states import (
    AWAITING_LABEL,
    AWAITING_TAG,
    CLOSED_BY_CUSTOMER_TAG,
    CONFIRMED_TAG,
    UNCONFIRMED_TAG,
)
from bot.settings import load_settings
from bot.store import open_store


@zendesk_app.command("setup")
def setup_command(ctx: typer.Context) -> None:
    """Create the "Awaiting confirmation" status and list the automations to adjust.

    Idempotent: a second run reports what exists and changes nothing. Needs an admin's
    ZENDESK_EMAIL and ZENDESK_API_TOKEN (or ZENDESK_OAUTH_TOKEN).
    """
    from integrations.zendesk.client import ZendeskClient

    overrides = overrides_of(ctx)
    settings = load_settings()
    settings.require_zendesk()
    options: dict[str, Any] = {"sleep": overrides.sleep} if overrides.sleep else {}
    engine = open_store(settings.database_url)
    with ZendeskClient.from_settings(settings, **options) as client:
        run_setup(client, engine, typer.echo)


def run_setup(client: Any, engine: Engine, echo: Callable[[str], None]) -> int | None:
    """What `alignbot zendesk setup` does, told line by line to `echo`; returns the custom
    status id the flow will use (None: pending + tag). The demo runs it too."""
    tickets = client.account_settings().get("tickets")
    enabled = isinstance(tickets, dict) and tickets.get("custom_statuses_enabled") is True
    status_id: int | None = None
    if not enabled:
        echo(
            "custom ticket statuses are off in this account: the flow will mark tickets "
            f"awaiting confirmation as pending with the tag {AWAITING_TAG}"
        )
    else:
        existing = existing_awaiting_status(client.custom_statuses())
        if existing is None:
            created = client.create_custom_status(
                status_category="pending",
                agent_label=AWAITING_LABEL,
                end_user_label=AWAITING_END_USER_LABEL,
                description=AWAITING_DESCRIPTION,
            )
            status_id = int(created["id"])
            echo(f"created custom status '{AWAITING_LABEL}' (id {status_id})")
        else:
            status_id = int(existing["id"])
            if existing.get("active"):
                echo(
                    f"custom status '{AWAITING_LABEL}' already exists (id {status_id}): "
                    "nothing to do"
                )
            else:
                echo(
                    f"custom status '{AWAITING_LABEL}' exists but is inactive (id "
                    f"{status_id}): activate it in Admin Center > Objects and rules > "
                    "Tickets > Ticket statuses"
                )
    automations = client.automations(active_only=True)
    with engine.begin() as connection:
        changed = remember_custom_status(connection, status_id)
    if changed:
        echo(f"stored custom status id {status_id} for the resolution flow")
    echo(
        f"tags the flow uses: {AWAITING_TAG}, {CONFIRMED_TAG}, {UNCONFIRMED_TAG}, "
        f"{CLOSED_BY_CUSTOMER_TAG} (Zendesk tags need no creating: they exist once used)"
    )
    risky = risky_automations(automations, status_id)
    if not risky:
        echo("no active automation solves or closes tickets awaiting confirmation")
    for rule in risky:
        echo(
            f"automation '{rule.title}' (id {rule.id}) sets status {rule.sets_status} on "
            f"pending tickets, which would end the customer's chance to answer. Fix: "
            f"{rule.fix(status_id)}"
        )
    return status_id
