"""The bench runner's selection, and the gate that keeps the unseen set out of rule work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_make_bench_refuses_an_unknown_bench_by_name() -> None:
    result = run("bench/run.py", "signals", "nope")
    assert result.returncode == 2
    assert "unknown bench: nope.py" in result.stdout


def test_signals_eval_writes_the_readme_only_with_the_unseen_set(tmp_path: Path) -> None:
    (tmp_path / "support-dev").mkdir()
    result = run("bench/signals_eval.py", "--eval-dir", str(tmp_path))
    assert result.returncode == 2
    assert "pass --unseen" in result.stderr


def test_signals_eval_without_public_data_skips_and_leaves_the_readme(tmp_path: Path) -> None:
    result = run("bench/signals_eval.py", "--eval-dir", str(tmp_path / "missing"), "--unseen")
    assert result.returncode == 0
    assert "skipped" in result.stdout
