"""`alignbot analyze`, `alignbot signals classify` and `signals explain`: conversation signals."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import typer

from bot.cli.app import app, signals_app
from bot.cli.common import overrides_of, settings_and_store
from bot.cli.progress import INTERRUPTED, progress_display


@app.command("analyze")
def analyze_command(
    ctx: typer.Context,
    batch_size: int = typer.Option(1000, min=1, max=100_000, help="Comments per transaction."),
) -> None:
    """Analyse every new or changed comment in the store (safe to re-run: it resumes).

    Shows its progress (a bar on a terminal, plain lines otherwise). Ctrl-C stops it; every
    batch analysed so far is kept.
    """
    from bot.signals.analyze import AnalyzeProgress, analyze
    from bot.signals.backends import backend_from_settings

    overrides = overrides_of(ctx)
    settings, engine = settings_and_store()
    backend = backend_from_settings(settings)
    reached = AnalyzeProgress(done=0, total=0, analyzed=0)
    try:
        with progress_display() as display:

            def show(p: AnalyzeProgress) -> None:
                nonlocal reached
                reached = p
                display.update(
                    "analyze",
                    p.done,
                    p.total,
                    f"analyze: {p.done:,} of {p.total:,} comments ({p.analyzed:,} analysed)",
                )
                if overrides.on_progress is not None:
                    overrides.on_progress(p)

            result = analyze(
                engine,
                settings,
                datetime.now(UTC),
                batch_size=batch_size,
                backend=backend,
                progress=show,
            )
    except KeyboardInterrupt:
        typer.echo(
            f"stopped after {reached.done:,} of {reached.total:,} comments "
            f"({reached.analyzed:,} analysed); the next `alignbot analyze` resumes from there",
            err=True,
        )
        raise typer.Exit(INTERRUPTED) from None
    typer.echo(
        f"analysed {result.analyzed:,} of {result.scanned:,} comments "
        f"({result.scanned - result.analyzed:,} unchanged) in {result.batches} batches"
    )


@signals_app.command("classify")
def classify_command(
    input_path: Path | None = typer.Option(
        None, "--input", help="JSON lines to read (default: standard input)."
    ),
    output_path: Path | None = typer.Option(
        None, "--output", help="Where to write JSON lines (default: standard output)."
    ),
) -> None:
    """Label messages outside the store: one JSON line in, one JSON line out."""
    from bot.settings import load_settings
    from bot.signals.backends import load_backend
    from bot.signals.classify import classify_lines

    settings = load_settings()
    # Messages outside the store carry no ticket field, so zendesk_field scores by lexicon.
    backend = load_backend(settings.sentiment_backend, model_path=settings.sentiment_model_path)
    source = input_path.open(encoding="utf-8") if input_path else sys.stdin
    target = output_path.open("w", encoding="utf-8") if output_path else sys.stdout
    try:
        for result in classify_lines(source, settings.script_phrases, backend):
            target.write(json.dumps(result, ensure_ascii=False) + "\n")
    finally:
        if input_path:
            source.close()
        if output_path:
            target.close()


class Role(StrEnum):
    customer = "customer"
    agent = "agent"


@signals_app.command("explain")
def explain_command(
    text: str = typer.Argument(..., help="The message to read."),
    role: Role = typer.Option(Role.customer, "--role", help="Who wrote it."),
    customer_text: str | None = typer.Option(
        None, "--customer-text", help="For an agent reply: the customer message it answers."
    ),
    locale: str | None = typer.Option(
        None, "--locale", help="The author's locale (settles the language of short texts)."
    ),
) -> None:
    """Print each signal of one message with the cue (rule, phrase or structure) behind it."""
    from bot.settings import load_settings
    from bot.signals.backends import load_backend
    from bot.signals.explain import explain_agent, explain_customer, render

    settings = load_settings()
    backend = load_backend(settings.sentiment_backend, model_path=settings.sentiment_model_path)
    if role is Role.agent:
        explained = explain_agent(
            text,
            customer_text=customer_text,
            locale=locale,
            script_phrases=settings.script_phrases,
            backend=backend,
        )
    else:
        explained = explain_customer(text, locale=locale, backend=backend)
    for line in render(explained):
        typer.echo(line)
