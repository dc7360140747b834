import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from bot.cli import Overrides, app, main
from bot.signals.analyze import AnalyzeProgress
from bot.store import open_store
from integrations.zendesk.client import ZendeskClient
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync


def test_classify_reads_a_file_and_writes_one_line_per_input(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        {
            "id": "c1",
            "role": "customer",
            "text": "¡Perfecto, ya funciona! Mil gracias.",
            "locale": "es",
        },
        {
            "id": "a1",
            "role": "agent",
            "text": "Did you know our Premium plan includes support?",
            "customer_text": "How do I add a user?",
        },
    ]
    source.write_text(
        "\n".join(json.dumps(x) for x in lines)
        + "\nnot json\n"
        + json.dumps({"id": "x", "role": "bot", "text": "hi"})
        + "\n"
    )
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["signals", "classify", "--input", str(source), "--output", str(target)]
    )
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in target.read_text().splitlines()]
    assert out[0] == {
        "id": "c1",
        "language": "es",
        "sentiment": out[0]["sentiment"],
        "frustration": False,
        "resolution_reply": "confirm",
        "trust_indicator": False,
    }
    assert out[0]["sentiment"]["label"] == "positive"
    assert out[1]["upsell"] is True and out[1]["empathy"] == "none"
    assert set(out[2]) == {"id", "error"} and "not JSON" in out[2]["error"]
    assert out[3]["id"] == "x" and "role" in out[3]["error"]


def test_classify_uses_stdin_and_stdout() -> None:
    line = json.dumps({"id": 7, "role": "customer", "text": "thanks, but it still crashes"})
    result = CliRunner().invoke(app, ["signals", "classify"], input=line + "\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["resolution_reply"] == "deny"


def test_analyze_command_reports_what_it_did(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'store.db'}")
    first = CliRunner().invoke(app, ["analyze"])
    assert first.exit_code == 0, first.output
    assert "analysed 0 of 0 comments" in first.stdout


@pytest.fixture
def synced_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """A SQLite store holding a small synced sandbox org, and DATABASE_URL pointing at it."""
    monkeypatch.chdir(tmp_path)  # no stray .env
    url = f"sqlite:///{tmp_path / 'store.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine = open_store(url)
    org = generate_org(tickets=60, seed=3, now=datetime(2026, 3, 2, tzinfo=UTC))
    with ZendeskSandbox(org) as sandbox:
        client = ZendeskClient(
            sandbox.url, email=sandbox.email, api_token="sandbox", requests_per_minute=10_000
        )
        with client:
            sync(engine, client, full=True)
    try:
        yield engine
    finally:
        engine.dispose()


def rows(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def run_cli(argv: list[str], **overrides: Any) -> int:
    with pytest.raises(SystemExit) as exited:
        main(argv, obj=Overrides(**overrides))
    return exited.value.code if isinstance(exited.value.code, int) else 0


def test_analyze_off_a_terminal_shows_plain_progress_lines_on_stderr(
    synced_store: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    comments = rows(synced_store, "comments")

    code = run_cli(["analyze", "--batch-size", "50"])

    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code == 0 and out.startswith(f"analysed {comments:,} of {comments:,} comments")
    assert lines, "at least the first report is shown"
    pattern = re.compile(rf"^analyze: [\d,]+ of {comments:,} comments \([\d,]+ analysed\)$")
    assert all(pattern.match(line) for line in lines), lines
    assert lines[0] == f"analyze: 50 of {comments:,} comments (50 analysed)"


def test_ctrl_c_says_where_analyze_stopped_exits_130_and_keeps_its_batches(
    synced_store: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    comments = rows(synced_store, "comments")

    def press_ctrl_c_after_two_batches(progress: AnalyzeProgress) -> None:
        if progress.analyzed >= 100:
            raise KeyboardInterrupt

    stopped = run_cli(["analyze", "--batch-size", "50"], on_progress=press_ctrl_c_after_two_batches)
    last_line = capsys.readouterr().err.strip().splitlines()[-1]
    kept = rows(synced_store, "comment_signals")
    resumed = run_cli(["analyze", "--batch-size", "50"])
    out = capsys.readouterr().out

    assert stopped == 130
    assert last_line == (
        f"stopped after 100 of {comments:,} comments (100 analysed); "
        "the next `alignbot analyze` resumes from there"
    )
    assert kept == 100
    assert resumed == 0 and out.startswith(f"analysed {comments - 100:,} of {comments:,}")
    assert rows(synced_store, "comment_signals") == comments
