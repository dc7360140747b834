"""`alignbot sandbox zendesk` serves a sandbox and tells the user how to point alignbot at it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app

EXAMPLE = Path(__file__).resolve().parents[3] / "integrations/zendesk/sandbox/example_org.json"


def test_the_command_prints_the_settings_to_paste_and_stops_by_itself() -> None:
    result = CliRunner().invoke(
        app, ["sandbox", "zendesk", "--tickets", "20", "--token", "t0k", "--for", "0.3"]
    )

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    url = next(line for line in lines if line.startswith("ZENDESK_URL="))
    assert url.startswith("ZENDESK_URL=http://127.0.0.1:")
    assert "ZENDESK_API_TOKEN=t0k" in lines
    assert any(line.startswith("ZENDESK_EMAIL=") and "@" in line for line in lines)


def test_the_command_serves_a_fixture_file() -> None:
    result = CliRunner().invoke(
        app, ["sandbox", "zendesk", "--fixture", str(EXAMPLE), "--for", "0.2"]
    )

    assert result.exit_code == 0, result.output
    assert f"fixture {EXAMPLE}" in result.output
