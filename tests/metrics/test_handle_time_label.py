"""Handle time says which clock it read, in every rendering, whatever note stands beside it."""

from __future__ import annotations

import io

from metrics_support import Seed, madrid, report, settings
from rich.console import Console
from sqlalchemy import Engine

from bot.digest import render_blocks, render_terminal
from bot.digest.figures import label

FIELD = 360_001


def test_handle_time_is_labelled_first_resolution_time_when_no_field_is_configured(
    engine: Engine, seed: Seed
) -> None:
    seed.ticket(1, madrid(3, 8), solved=madrid(3, 10), first_resolution=30)
    seed.save()
    # Also while the period's "not final" note stands beside the source.
    for now in (madrid(3, 18), madrid(4, 7)):
        aht = report(engine, now=now).metrics["aht_minutes"]
        assert label("aht_minutes", aht) == "Handle time (first-resolution time)"
    # Configured, but no ticket carries the field: the same fallback, the same label.
    unused = report(engine, zendesk_time_tracking_field_id=FIELD).metrics["aht_minutes"]
    assert label("aht_minutes", unused) == "Handle time (first-resolution time)"

    result = report(engine)
    out = io.StringIO()
    render_terminal(result, Console(file=out, width=200), settings())
    assert "Handle time (first-resolution time)" in out.getvalue()
    slack = str(render_blocks(result, settings()).blocks)
    assert "Handle time (first-resolution time)" in slack


def test_handle_time_is_labelled_time_tracked_from_the_field(engine: Engine, seed: Seed) -> None:
    seed.ticket(1, madrid(3, 8), solved=madrid(3, 10), custom_fields={str(FIELD): 600})
    seed.save()
    aht = report(engine, zendesk_time_tracking_field_id=FIELD).metrics["aht_minutes"]
    assert label("aht_minutes", aht) == "Handle time (time tracked)"
