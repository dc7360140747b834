"""Replicas that start together after a deploy all come up: two `alignbot` processes that
migrate the same database at the same moment both succeed, and the schema ends current.

Each process is the real command line (`main()` of the `alignbot` script) in its own
interpreter. It imports everything first and then waits for one line on stdin; the test
writes that line to both at once, so the two reach the migrations together instead of
one being a second of imports ahead of the other. No timing is asserted.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from bot.store.db import current_revision, head_revision, make_engine, upgrade

ROUNDS = 10
# SQLite failed in its first two rounds without the lock; a fresh interpreter per process is
# most of a round's cost, so its tests run fewer rounds.
SQLITE_ROUNDS = 5
# Imports done, then held at the gate until the test says go.
GATED_ALIGNBOT = "import sys; from bot.cli import main; sys.stdin.readline(); main()"


def start_together(url: str, commands: list[list[str]], cwd: Path) -> list[tuple[int, str]]:
    """Run each command as its own `alignbot` process, released at the same moment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "ZENDESK_"))}
    env["DATABASE_URL"] = url
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    argv = [sys.executable, "-c", GATED_ALIGNBOT]
    processes = [
        subprocess.Popen([*argv, *command], cwd=cwd, env=env, text=True, **pipes)
        for command in commands
    ]
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()  # released before the next one is
    done = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        done.append((process.returncode, out + err))
    return done


def assert_current(url: str) -> None:
    engine = make_engine(url)
    try:
        assert current_revision(engine) == head_revision()
        assert {"tickets", "outbox", "ticket_status_changes"} <= set(
            inspect(engine).get_table_names()
        )
    finally:
        engine.dispose()


def test_two_replicas_starting_together_on_a_fresh_postgres_database_both_come_up(
    new_postgres_database: Callable[[], str], tmp_path: Path
) -> None:
    for _ in range(ROUNDS):
        url = new_postgres_database()

        done = start_together(url, [["db", "upgrade"], ["stats"]], tmp_path)

        assert [code for code, _ in done] == [0, 0], done
        assert_current(url)


def test_two_replicas_upgrading_an_older_postgres_database_together_both_come_up(
    new_postgres_database: Callable[[], str], tmp_path: Path
) -> None:
    for _ in range(ROUNDS):
        url = new_postgres_database()
        old = create_engine(url)
        upgrade(old, "0003")
        old.dispose()

        done = start_together(url, [["db", "upgrade"], ["stats"]], tmp_path)

        assert [code for code, _ in done] == [0, 0], done
        assert_current(url)


@pytest.mark.parametrize("start", ["fresh", "0003"])
def test_two_replicas_starting_together_on_one_sqlite_file_both_come_up(
    tmp_path: Path, start: str
) -> None:
    for n in range(SQLITE_ROUNDS):
        url = f"sqlite:///{tmp_path / f'round{n}.db'}"
        if start != "fresh":
            old = make_engine(url)
            upgrade(old, start)
            old.dispose()

        done = start_together(url, [["db", "upgrade"], ["stats"]], tmp_path)

        assert [code for code, _ in done] == [0, 0], done
        assert_current(url)
