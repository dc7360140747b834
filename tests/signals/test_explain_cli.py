"""`alignbot signals explain`: each signal with the cue that produced it, through the CLI."""

from typer.testing import CliRunner

from bot.cli import app


def _explain(*args: str) -> list[str]:
    result = CliRunner().invoke(app, ["signals", "explain", *args])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def _cues_of(lines: list[str], signal_line: str) -> list[str]:
    start = lines.index(signal_line) + 1
    cues = []
    for line in lines[start:]:
        if not line.startswith("  <- "):
            break
        cues.append(line)
    return cues


def test_explain_shows_why_a_confirmation_was_doubted() -> None:
    lines = _explain("It works now, but the invoice still shows the old price?", "--locale", "en")
    assert "resolution reply: deny" in lines
    assert _cues_of(lines, "resolution reply: deny") == ['  <- says it is still broken: "still"']


def test_explain_names_the_structure_that_undid_a_spanish_confirmation() -> None:
    lines = _explain("Ya funciona, pero tarda muchísimo en cargar.", "--locale", "es")
    assert "resolution reply: none" in lines
    (cue,) = _cues_of(lines, "resolution reply: none")
    assert cue.startswith("  <- confirmation doubted: a contrast or restriction")
    assert '"pero tarda muchisimo en cargar."' in cue


def test_explain_shows_the_short_acknowledgement_that_confirms() -> None:
    lines = _explain("Perfekt, danke schön!", "--locale", "de")
    assert lines[0] == "language: de"
    assert _cues_of(lines, "resolution reply: confirm") == [
        '  <- a short acknowledgement with thanks, nothing else said: "perfekt, danke schon!"'
    ]


def test_explain_shows_the_named_feeling_behind_frustration() -> None:
    lines = _explain("Je suis vraiment à bout avec cette box.", "--locale", "fr")
    assert _cues_of(lines, "frustration: yes") == [
        '  <- names the feeling: "je suis vraiment a bout"'
    ]
    assert _cues_of(lines, "trust indicator: no") == ["  <- no cue fired"]


def test_explain_an_agent_reply_against_the_message_it_answers() -> None:
    lines = _explain(
        "We apologize for any inconvenience. Our Premium plan is 20% off this week, "
        "shall I upgrade you?",
        "--role",
        "agent",
        "--customer-text",
        "Third time I'm asking for my refund!",
    )
    assert lines[0] == "language: en"
    assert "empathy: scripted" in lines
    assert _cues_of(lines, "empathy matched: no") == ["  <- the answered message is charged"]
    assert "upsell: yes" in lines and _cues_of(lines, "upsell: yes")[0].startswith("  <- an ")


def test_explain_rejects_an_unknown_role() -> None:
    result = CliRunner().invoke(app, ["signals", "explain", "hello", "--role", "bot"])
    assert result.exit_code == 2
