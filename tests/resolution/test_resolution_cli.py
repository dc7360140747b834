"""`alignbot resolution sweep` and `alignbot resolution show` as a user runs them: what a pass
decided, a ticket's history, and one clear line for each wrong setting."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert

from bot.store.tables import STATUS_CHANGES, TICKETS, USERS

SECRET = "k" * 40


def alignbot(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def env_for(db_url: str, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("SLACK_", "ZENDESK_", "ZENPY_", "ALIGNBOT_", "DATABASE_", "RESOLUTION_")
        )
    }
    env.update(
        DATABASE_URL=db_url,
        ALIGNBOT_LINK_SECRET=SECRET,
        ALIGNBOT_PUBLIC_URL="https://help.example.com/alignbot",
        ZENDESK_URL="https://acme.zendesk.com",
    )
    env.update(extra)
    return env


def solved_ticket(engine: Engine, ticket_id: int, solved_at: datetime) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(USERS).values(id=7, name="Ana", role="end-user", locale="es", time_zone="UTC")
        )
        connection.execute(
            insert(TICKETS).values(
                id=ticket_id,
                subject="Printer offline",
                status="solved",
                channel="email",
                requester_id=7,
                tags=[],
                custom_fields={},
                created_at=solved_at - timedelta(days=1),
                updated_at=solved_at,
                deleted=False,
            )
        )
        connection.execute(
            insert(STATUS_CHANGES).values(
                id=555, ticket_id=ticket_id, at=solved_at, status="solved",
                previous_status="open", actor_id=900,
            )
        )  # fmt: skip


def test_a_sweep_asks_about_a_new_solve_and_show_prints_its_history(
    engine: Engine, db_url: str, tmp_path: Path
) -> None:
    env = env_for(db_url)
    first = alignbot("resolution", "sweep", env=env, cwd=tmp_path)  # switches the flow on
    assert first.returncode == 0, first.stderr
    solved_ticket(engine, 4217, datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=1))

    swept = alignbot("resolution", "sweep", env=env, cwd=tmp_path)
    shown = alignbot("resolution", "show", "4217", env=env, cwd=tmp_path)

    assert swept.returncode == 0, swept.stderr
    assert "#4217: - -> awaiting_confirmation (agent_solve)" in swept.stdout
    assert "queued: 1 zendesk.update" in swept.stdout
    assert "alignbot dispatch" in swept.stdout
    assert shown.returncode == 0, shown.stderr
    assert "State: awaiting_confirmation" in shown.stdout
    assert "Request 4217-555 (enforce)" in shown.stdout
    assert "- -> awaiting_confirmation  agent_solve by agent 900" in shown.stdout
    assert SECRET not in swept.stdout + swept.stderr + shown.stdout + shown.stderr


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"RESOLUTION_MODE": "off"}, "error: RESOLUTION_MODE is off"),
        ({"ALIGNBOT_LINK_SECRET": ""}, "error: ALIGNBOT_LINK_SECRET is not set"),
        ({"ALIGNBOT_PUBLIC_URL": ""}, "error: ALIGNBOT_PUBLIC_URL is not set"),
        ({"RESOLUTION_MODE": "sometimes"}, "RESOLUTION_MODE"),
        ({"RESOLUTION_QUIET_HOURS": "late"}, "RESOLUTION_QUIET_HOURS: must be HH:MM-HH:MM"),
        ({"RESOLUTION_REMIND_AFTER_DAYS": "[2, 9]"}, "must come before RESOLUTION_CLOSE_AFTER"),
    ],
)
def test_a_sweep_with_wrong_settings_says_what_to_fix_in_one_line(
    db_url: str, tmp_path: Path, extra: dict[str, str], message: str
) -> None:
    done = alignbot("resolution", "sweep", env=env_for(db_url, **extra), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_show_of_an_unknown_ticket_says_to_sync(db_url: str, tmp_path: Path) -> None:
    done = alignbot("resolution", "show", "99", env=env_for(db_url), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == "error: ticket #99 is not in the store (run `alignbot sync`)"
