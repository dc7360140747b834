"""Plain progress lines: one when a phase starts, then at most one per interval."""

from __future__ import annotations

from bot.cli.progress import PlainLines


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_plain_lines_come_at_each_new_phase_and_then_once_per_interval() -> None:
    clock, shown = Clock(), []
    lines = PlainLines(shown.append, every=10.0, clock=clock)

    for second, phase in [(0, "tickets"), (3, "tickets"), (9, "tickets"), (10, "tickets"),
                          (11, "events"), (12, "events"), (25, "events")]:  # fmt: skip
        clock.now = second
        lines.update(phase, second, None, f"{phase} at {second}")

    assert shown == ["tickets at 0", "tickets at 10", "events at 11", "events at 25"]
