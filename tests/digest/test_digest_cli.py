"""`alignbot digest --print --by group|agent`: a compact table per group or agent, from the
command line, with each group's figures and "too few to compare" where a sample is small."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bot.cli import app
from bot.errors import SettingsError
from bot.store import make_engine, upgrade
from tests.metrics.metrics_support import MADRID, Seed, madrid


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A SQLite store: Billing solves 3 tickets on 3 June, Shipping 1; Ana and Ben."""
    monkeypatch.chdir(tmp_path)  # no stray .env
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = make_engine(url)
    upgrade(engine)
    seed = Seed(engine)
    seed.group(360001, "Billing")
    seed.group(360002, "Shipping & <returns>")
    seed.agent(10, "Ana")
    seed.agent(11, "Ben")
    for tid in (1, 2, 3):
        seed.ticket(
            tid, madrid(3, 8), group=360001, assignee=10, solved=madrid(3, 9), first_resolution=30
        )
    seed.ticket(
        4, madrid(3, 8), group=360002, assignee=11, solved=madrid(3, 9), first_resolution=50
    )
    seed.ticket(
        5, madrid(2, 8), group=360001, assignee=10, solved=madrid(2, 9), first_resolution=40
    )
    seed.save()
    engine.dispose()
    return url


def _invoke(url: str, *args: str) -> Result:
    env = {"DATABASE_URL": url, "ALIGNBOT_TIMEZONE": MADRID, "COLUMNS": "200"}
    return CliRunner().invoke(app, ["digest", "--date", "2026-06-03", *args], env=env)


def _run(url: str, *args: str) -> tuple[int, list[str]]:
    result = _invoke(url, *args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output.splitlines()


def test_print_by_group_renders_a_compact_table_per_group(store: str) -> None:
    code, lines = _run(store, "--print", "--by", "group")
    assert code == 0
    titles = [line for line in lines if line.startswith("Group: ")]
    assert titles == ["Group: Billing", "Group: Shipping & <returns>"]
    billing = lines[lines.index("Group: Billing") : lines.index("Group: Shipping & <returns>")]
    closure = next(line for line in billing if "Closure rate" in line)
    # 3 of 3 created that day were solved; the day before 1 of 1: too few to compare.
    assert "100%" in closure and "too few to compare (n = 3)" in closure
    assert "3 of 3" in closure
    handle = next(line for line in billing if "Handle time" in line)
    assert "Handle time (first-resolution time)" in handle and "30 min" in handle
    # Only the paired figures: a KPI beside its human twin, not every metric.
    assert not any("Stale tickets" in line for line in billing)


def test_print_by_agent_renders_a_table_per_agent(store: str) -> None:
    code, lines = _run(store, "--print", "--by", "agent")
    assert code == 0
    assert [line for line in lines if line.startswith("Agent: ")] == ["Agent: Ana", "Agent: Ben"]


def test_by_takes_group_or_agent_only(store: str) -> None:
    # `alignbot` prints a SettingsError as one "error: ..." line and exits 2.
    result = _invoke(store, "--print", "--by", "team")
    assert isinstance(result.exception, SettingsError)
    assert str(result.exception) == "--by 'team': expected group or agent"
    assert "Group:" not in result.output
