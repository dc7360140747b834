import json
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app


def test_classify_reads_a_file_and_writes_one_line_per_input(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        {"id": "c1", "role": "customer", "text": "Sí, ya funciona. ¡Gracias!", "locale": "es"},
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
