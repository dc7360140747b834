"""`alignbot zendesk setup` against the sandbox: it creates the "Awaiting confirmation"
status once and stores its id, names the automations that would solve tickets the flow is
asking about, says when custom statuses are off, and fails in one line on bad credentials."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from test_sync_support import NOW, point_cli_at
from typer.testing import CliRunner

from bot.cli import Overrides, app, main
from bot.store import make_engine
from bot.store.tables import RESOLUTION_FLOW
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

BUMP_SOLVE = (
    [
        {"field": "status", "operator": "is", "value": "pending"},
        {"field": "PENDING", "operator": "greater_than", "value": "96"},
    ],
    [{"field": "status", "value": "solved"}],
)


@pytest.fixture
def sandbox(
    db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[ZendeskSandbox]:
    with ZendeskSandbox(generate_org(tickets=10, seed=2, now=NOW)) as running:
        point_cli_at(running, db_url, monkeypatch, tmp_path)
        yield running


def flow_rows(db_url: str) -> list[Any]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(select(RESOLUTION_FLOW)).all())
    finally:
        engine.dispose()


def awaiting(sandbox: ZendeskSandbox) -> list[dict[str, Any]]:
    return [
        s
        for s in sandbox.org.custom_statuses.values()
        if s["agent_label"] == "Awaiting confirmation"
    ]


def test_first_run_creates_the_status_and_stores_it_second_run_changes_nothing(
    sandbox: ZendeskSandbox, db_url: str
) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["zendesk", "setup"])
    statuses_after_first = {k: dict(v) for k, v in sandbox.org.custom_statuses.items()}
    second = runner.invoke(app, ["zendesk", "setup"])

    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    [status] = awaiting(sandbox)
    assert status["status_category"] == "pending" and status["active"] is True
    assert status["end_user_label"] == "Awaiting your confirmation"
    assert f"created custom status 'Awaiting confirmation' (id {status['id']})" in first.output
    assert (
        f"custom status 'Awaiting confirmation' already exists (id {status['id']}): nothing to do"
        in second.output
    )
    assert "created" not in second.output and "stored" not in second.output
    assert sandbox.org.custom_statuses == statuses_after_first
    [row] = flow_rows(db_url)
    assert row.name == "default" and row.custom_status_id == status["id"]
    assert row.enabled_at is None
    assert "alignbot_awaiting_confirmation" in first.output and "need no creating" in first.output
    assert "no active automation" in first.output


def test_an_inactive_status_is_reported_not_duplicated(
    sandbox: ZendeskSandbox, db_url: str
) -> None:
    existing = sandbox.org.custom_statuses
    status_id = max(existing) + 1
    existing[status_id] = {
        **existing[3],
        "id": status_id,
        "agent_label": "Awaiting confirmation",
        "active": False,
        "default": False,
    }

    result = CliRunner().invoke(app, ["zendesk", "setup"])

    assert result.exit_code == 0, result.output
    assert len(awaiting(sandbox)) == 1
    assert f"exists but is inactive (id {status_id})" in result.output
    assert flow_rows(db_url)[0].custom_status_id == status_id


def test_an_active_bump_solve_automation_is_listed_with_its_fix(sandbox: ZendeskSandbox) -> None:
    sandbox.add_automation("Bump-bump-solve", *BUMP_SOLVE)
    guarded = [
        *BUMP_SOLVE[0],
        {
            "field": "current_tags",
            "operator": "not_includes",
            "value": "alignbot_awaiting_confirmation",
        },
    ]
    sandbox.add_automation("Guarded solve", guarded, BUMP_SOLVE[1])
    sandbox.add_automation("Switched off", *BUMP_SOLVE, active=False)

    result = CliRunner().invoke(app, ["zendesk", "setup"])

    assert result.exit_code == 0, result.output
    [line] = [ln for ln in result.output.splitlines() if ln.startswith("automation ")]
    assert "'Bump-bump-solve'" in line and "sets status solved on pending tickets" in line
    assert "Tags | Contains none of the following | alignbot_awaiting_confirmation" in line
    assert "Ticket status | Is not | Awaiting confirmation" in line
    assert "Close ticket 4 days" not in result.output  # it closes solved tickets only


def test_custom_statuses_off_means_pending_and_the_tag(
    sandbox: ZendeskSandbox, db_url: str
) -> None:
    sandbox.custom_statuses_enabled = False
    sandbox.add_automation("Bump-bump-solve", *BUMP_SOLVE)

    result = CliRunner().invoke(app, ["zendesk", "setup"])

    assert result.exit_code == 0, result.output
    assert "custom ticket statuses are off" in result.output
    assert "pending with the tag alignbot_awaiting_confirmation" in result.output
    assert awaiting(sandbox) == []
    assert flow_rows(db_url)[0].custom_status_id is None
    [fix] = [ln for ln in result.output.splitlines() if ln.startswith("automation ")]
    assert "Contains none of the following" in fix and "Is not" not in fix


def test_refused_credentials_fail_in_one_line_without_the_token(
    sandbox: ZendeskSandbox, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ZENDESK_API_TOKEN", "wrong-token")

    with pytest.raises(SystemExit) as exited:
        main(["zendesk", "setup"], obj=Overrides(sleep=lambda _: None))

    err = capsys.readouterr().err.strip().splitlines()
    assert exited.value.code == 2 and len(err) == 1
    assert err[0].startswith("error: Zendesk GET") and "401" in err[0]
    assert "wrong-token" not in err[0]
    assert awaiting(sandbox) == []


def test_missing_settings_fail_in_one_line(
    sandbox: ZendeskSandbox, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ZENDESK_URL")

    with pytest.raises(SystemExit) as exited:
        main(["zendesk", "setup"])

    err = capsys.readouterr().err.strip().splitlines()
    assert exited.value.code == 2 and len(err) == 1 and err[0].startswith("error: ZENDESK_URL")
