"""How a long command shows that it is moving: a rich bar on a terminal, plain lines otherwise.

On a terminal the bar redraws in place and disappears when the command ends. Anywhere else
(a log file, cron, CI) a redrawn bar would be noise, so the same reports become plain lines
on standard error: one when a new phase starts (a sync stream, say) and at most one every
`every` seconds within a phase, never one per page.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)

__all__ = ["INTERRUPTED", "PlainLines", "ProgressDisplay", "progress_display"]

#: The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it.
INTERRUPTED = 130

#: Seconds between two plain lines of the same phase.
PLAIN_LINE_EVERY = 10.0


class ProgressDisplay(Protocol):
    def update(self, phase: str, done: int, total: int | None, line: str) -> None:
        """`done` of `total` (None: unknown) units in `phase`; `line` says it in words."""


class PlainLines:
    """Progress as plain lines: at each new phase, then at most every `every` seconds."""

    def __init__(
        self,
        echo: Callable[[str], None],
        *,
        every: float = PLAIN_LINE_EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._echo = echo
        self._every = every
        self._clock = clock
        self._phase: str | None = None
        self._last = 0.0

    def update(self, phase: str, done: int, total: int | None, line: str) -> None:
        now = self._clock()
        if phase != self._phase or now - self._last >= self._every:
            self._echo(line)
            self._phase, self._last = phase, now


class _Bar:
    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._task = progress.add_task("starting", total=None)

    def update(self, phase: str, done: int, total: int | None, line: str) -> None:
        # A total Zendesk estimated can be passed (it leaves out deleted tickets).
        bound = max(total, done) if total is not None else None
        self._progress.update(self._task, description=line, completed=done, total=bound)


@contextmanager
def progress_display() -> Iterator[ProgressDisplay]:
    """A bar when standard error is a terminal, plain lines on it otherwise."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield PlainLines(lambda line: typer.echo(line, err=True))
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        yield _Bar(progress)
