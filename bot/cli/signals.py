"""`alignbot analyze` and `alignbot signals classify`: conversation signals."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import typer

from bot.cli.app import app, signals_app
from bot.cli.common import settings_and_store


@app.command("analyze")
def analyze_command(
    batch_size: int = typer.Option(1000, min=1, max=100_000, help="Comments per transaction."),
) -> None:
    """Analyse every new or changed comment in the store (safe to re-run: it resumes)."""
    from bot.signals.analyze import analyze
    from bot.signals.backends import backend_from_settings

    settings, engine = settings_and_store()
    backend = backend_from_settings(settings)
    result = analyze(engine, settings, datetime.now(UTC), batch_size=batch_size, backend=backend)
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
    backend = load_backend(settings.sentiment_backend)
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
