"""What several commands share: loading settings, opening the store, and what a caller may
swap in a command."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import typer
from sqlalchemy import Engine

from bot.settings import Settings, load_settings
from bot.store import open_store


def settings_and_store(**overrides: object) -> tuple[Settings, Engine]:
    settings = load_settings(**overrides)
    return settings, open_store(settings.database_url)


@dataclass(frozen=True)
class Overrides:
    """What a caller may swap in a command, passed as click's context object:
    `main(argv, obj=Overrides(...))` or `CliRunner().invoke(app, argv, obj=Overrides(...))`.

    Tests use it to run a command without sleeping and to stop it at a chosen point.
    """

    #: Replaces `time.sleep` between retries of Zendesk requests.
    sleep: Callable[[float], None] | None = None
    #: Replaces `time.time` as the Zendesk client's present (export start times, and the
    #: horizon past which a record counts as dated in the future).
    clock: Callable[[], float] | None = None
    #: Called with each progress report a long command receives (`SyncProgress`,
    #: `AnalyzeProgress`), after the command has shown it.
    on_progress: Callable[[Any], None] | None = None


def overrides_of(ctx: typer.Context) -> Overrides:
    return ctx.obj if isinstance(ctx.obj, Overrides) else Overrides()
