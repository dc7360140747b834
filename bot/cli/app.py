"""The Typer applications every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="alignbot",
    help="alignbot: close the gap between support KPIs and what customers live through.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="The store: schema migrations.", no_args_is_help=True)
sandbox_app = typer.Typer(help="Local stand-ins for Zendesk and Slack.", no_args_is_help=True)
signals_app = typer.Typer(help="Conversation signals outside the store.", no_args_is_help=True)
outbox_app = typer.Typer(
    help="The outbox: what was queued for Slack and Zendesk, and sending failed rows again.",
    no_args_is_help=True,
)
resolution_app = typer.Typer(
    help="The Confirmed-vs-Closed flow: one pass, and a ticket's history.",
    no_args_is_help=True,
)
zendesk_app = typer.Typer(
    help="Zendesk configuration the resolution flow needs.", no_args_is_help=True
)
updates_app = typer.Typer(
    help="Proactive updates for stale tickets: one pass, and the templates.",
    no_args_is_help=True,
)
app.add_typer(db_app, name="db")
app.add_typer(updates_app, name="updates")
nudges_app = typer.Typer(
    help="Nudges for agents: one pass, and an agent's Slack override and opt-out.",
    no_args_is_help=True,
)
app.add_typer(nudges_app, name="nudges")
app.add_typer(resolution_app, name="resolution")
app.add_typer(sandbox_app, name="sandbox")
slack_app = typer.Typer(help="The Slack app agents answer through.", no_args_is_help=True)
app.add_typer(slack_app, name="slack")
app.add_typer(signals_app, name="signals")
app.add_typer(outbox_app, name="outbox")
app.add_typer(zendesk_app, name="zendesk")
