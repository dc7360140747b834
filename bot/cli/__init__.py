"""alignbot's command line. Commands are thin: they read settings and call the domain.

This package is the composition root: it is the one place in `bot/` that wires the domain
to `integrations/` (imported inside the commands that need them), so the domain itself
never imports a network client.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

from bot.cli import demo as _demo  # noqa: F401
from bot.cli import digest as _digest  # noqa: F401
from bot.cli import dispatch as _dispatch  # noqa: F401
from bot.cli import doctor as _doctor  # noqa: F401
from bot.cli import jobs as _jobs  # noqa: F401
from bot.cli import nudges as _nudges  # noqa: F401
from bot.cli import outbox as _outbox  # noqa: F401
from bot.cli import resolution as _resolution  # noqa: F401
from bot.cli import run as _run  # noqa: F401
from bot.cli import sandbox as _sandbox  # noqa: F401
from bot.cli import signals as _signals  # noqa: F401
from bot.cli import slack as _slack  # noqa: F401
from bot.cli import store as _store  # noqa: F401  (registers commands)
from bot.cli import sync as _sync  # noqa: F401
from bot.cli import updates as _updates  # noqa: F401
from bot.cli import web as _web  # noqa: F401
from bot.cli import zendesk as _zendesk  # noqa: F401
from bot.cli.app import app
from bot.cli.common import Overrides
from bot.errors import AlignbotError, SettingsError
from bot.logs import configure_logging, is_configured_elsewhere
from bot.settings import load_settings

__all__ = ["Overrides", "app", "main"]


def main(argv: Sequence[str] | None = None, *, obj: Overrides | None = None) -> None:
    """Entry point of the `alignbot` console script (arguments default to `sys.argv`).

    Exits 0, 1 when a command did part of its work, 2 with one `error: ...` line, or 130
    when Ctrl-C stopped it. `obj` is what tests swap in (see `Overrides`).
    """
    _configure_logging()
    try:
        app(args=argv, obj=obj, prog_name="alignbot")
    except AlignbotError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)


def _configure_logging() -> None:
    """Redacted logs (JSON off a terminal) for this process, as `logging.basicConfig` did
    before: only when nobody else (pytest, an embedding application) configured logging."""
    if is_configured_elsewhere():
        return
    try:
        settings = load_settings()
    except SettingsError:
        # The command itself reports bad settings in one line; log with pattern redaction.
        settings = None
    configure_logging(settings)
