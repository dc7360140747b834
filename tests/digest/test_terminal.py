"""The digest in a terminal: the same figures and verdicts as Slack, as plain text."""

from __future__ import annotations

import io

from digest_support import SETTINGS, sample_report
from rich.console import Console

from bot.digest import render_terminal


def _printed(**kwargs: object) -> list[str]:
    out = io.StringIO()
    render_terminal(sample_report(**kwargs), Console(file=out, width=200), SETTINGS)  # type: ignore[arg-type]
    return out.getvalue().splitlines()


def test_too_few_to_compare_shows_in_the_terminal_instead_of_a_verdict() -> None:
    lines = _printed()
    [empathy] = [line for line in lines if "Authentic empathy" in line and "│" in line]
    assert "too few to compare (n = 4)" in empathy
    assert "pts" not in empathy  # no change shown to be read as one
    [closure] = [line for line in lines if "Closure rate (KPI)" in line]
    assert "+10 pts" in closure and "too few" not in closure


def test_handle_time_says_which_clock_it_read_in_the_terminal() -> None:
    [handle] = [line for line in _printed() if "Handle time" in line]
    assert "Handle time (first-resolution time)" in handle


def test_example_tickets_and_coaching_print_with_their_links() -> None:
    text = "\n".join(_printed())
    assert "https://acme.zendesk.com/agent/tickets/100" in text
    assert "fastest closer" in text
