"""`alignbot db ...`: the store's schema."""

from __future__ import annotations

import typer

from bot.cli.app import db_app
from bot.settings import load_settings
from bot.store.db import current_revision_safe, head_revision, make_engine, upgrade


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Bring the database at DATABASE_URL up to the newest schema."""
    settings = load_settings()
    engine = make_engine(settings.database_url)
    before = current_revision_safe(engine)
    upgrade(engine)
    typer.echo(f"database at revision {head_revision()} (was {before or 'empty'})")
