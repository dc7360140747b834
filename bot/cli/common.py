"""What several commands share: loading settings and opening the store."""

from __future__ import annotations

from sqlalchemy import Engine

from bot.settings import Settings, load_settings
from bot.store import open_store


def settings_and_store(**overrides: object) -> tuple[Settings, Engine]:
    settings = load_settings(**overrides)
    return settings, open_store(settings.database_url)
