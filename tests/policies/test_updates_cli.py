"""`alignbot updates sweep` and `alignbot updates templates` on a store and settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner
from updates_support import add_ticket

from bot.cli import app
from bot.store import make_engine, upgrade


def test_templates_lists_the_languages_that_miss_a_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "holiday.txt").write_text("Bonnes fêtes")
    monkeypatch.setenv("PROACTIVE_TEMPLATES_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(app, ["updates", "templates"])

    assert result.exit_code == 0, result.output
    assert "holiday.txt: fr (missing: en, es, de, pt; English is used)" in result.output
    assert "update.txt: en, es, fr, de, pt\n" in result.output


def test_sweep_prints_each_decision_and_a_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime, timedelta

    url = f"sqlite:///{tmp_path}/store.db"
    engine = make_engine(url)
    upgrade(engine)
    # The command reads the real clock: a ticket created ten days before it is stale.
    created = datetime.now(UTC) - timedelta(days=10)
    add_ticket(engine, 5, created=created, time_zone=None)
    add_ticket(engine, 6, created=created, tags=["alignbot_no_updates"])
    engine.dispose()
    monkeypatch.chdir(tmp_path)
    for name, value in {
        "DATABASE_URL": url,
        "PROACTIVE_MODE": "dry_run",
        "PROACTIVE_QUIET_HOURS": "00:00-00:00",
    }.items():
        monkeypatch.setenv(name, value)

    result = CliRunner().invoke(app, ["updates", "sweep"])

    assert result.exit_code == 0, result.output
    assert "#5: dry_run (en)" in result.output
    assert "#6: held (opted out (tag alignbot_no_updates))" in result.output
    assert "Updates: 1 dry_run, 1 held" in result.output
