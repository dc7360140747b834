"""`alignbot updates sweep` and `alignbot updates templates`: one pass of the proactive
updates (decide and queue; `alignbot dispatch` delivers), and which templates each
language has."""

from __future__ import annotations

from datetime import UTC, datetime

import typer

from bot.cli.app import updates_app
from bot.cli.common import settings_and_store
from bot.policies.updates import Templates, sweep
from bot.settings import load_settings


@updates_app.command("sweep")
def sweep_command() -> None:
    """Run one pass: settle review drafts past their grace period, then decide for each
    stale ticket (queued, drafted for review, dry run, or held by a guardrail). Prints
    each decision and a summary."""
    settings, engine = settings_and_store()
    result = sweep(engine, settings, datetime.now(UTC))
    typer.echo(f"Mode: {settings.proactive_mode}")
    for line in result.lines:
        typer.echo(line)
    typer.echo(result.summary())
    if result.queued:
        typer.echo("Run `alignbot dispatch` to deliver what was queued.")


@updates_app.command("templates")
def templates_command() -> None:
    """List the update templates, the languages that have each, and those that fall back
    to English because they miss it."""
    settings = load_settings()
    templates = Templates(settings.proactive_templates_dir)
    typer.echo("Template directories (first wins): " + ", ".join(map(str, templates.roots)))
    incomplete = 0
    for info in templates.listing():
        line = f"{info.name}: {', '.join(info.languages)}"
        if info.missing:
            incomplete += 1
            line += f" (missing: {', '.join(info.missing)}; English is used)"
        typer.echo(line)
    if not incomplete:
        typer.echo("Every template is translated into every language.")
