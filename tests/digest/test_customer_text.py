"""Customer text in the digest is shown as what it is: never a line, a list item, a quote,
formatting, a link or a mention of its own, in Slack's blocks, its fallback or the terminal.

The property: render the digest twice, once with harmless placeholders and once with an
arbitrary string in every place the digest puts customer text (ticket subjects, the agent of
an example ticket, the coaching line's agent, group names). The markup skeleton of every
mrkdwn text (its lines, what each line starts with, and every character Slack reads as
markup) must be the same in both, and every plain_text must have the same number of lines:
whatever the string holds, it added no structure of its own.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from digest_support import SETTINGS, sample_report
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.digest import queue_digest, render_blocks, render_terminal
from bot.digest.mrkdwn import literal, plain
from bot.metrics.model import Report
from bot.outbox import Dispatcher
from integrations.slack.client import SlackChat
from integrations.slack.sandbox import SlackSandbox

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
SLACK_SEQUENCES = [
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U123>",
    "<#C123>",
    "<!subteam^S123>",
    "<http://x|y>",
    "<https://evil.example|Verify your account>",
    "<mailto:a@b.c|mail>",
    "&lt;!channel&gt;",
    "&amp;",
    "*bold*",
    "_italic_",
    "~strike~",
    "`code`",
    "```block```",
    "> quote",
    "&gt; quote",
    "• item",
    "- item",
    "1. item",
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\t",
    "\x1b[31m",
    "\x00",
]

customer_strings = st.lists(
    st.one_of(
        st.text(),
        st.sampled_from(SLACK_SEQUENCES),
        st.sampled_from(list(BIDI + ZERO_WIDTH)),
        st.characters(categories=["Cs"]),  # lone surrogates
        st.characters(categories=["Cc", "Cf", "Zl", "Zp"]),
    ),
    max_size=12,
).map("".join)

# What Slack reads as markup in mrkdwn, once its three entities are taken out.
_ENTITY = re.compile(r"&(?:amp|lt|gt);")
# (`|` is markup only inside a `<...>`, which customer text can never open.)
_MARKUP = frozenset("*_~`<>")
_LINE_START = re.compile(r"[ \t]*(&gt;|>|•|◦|▪|-|\+|\d+\.)?")
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _report(text: str) -> Report:
    report = sample_report(subject=text, agent=text, group=text)
    # Alerts are our own sentences; the shared sample puts the subject in them.
    alerts = [replace(a, message="Closure rate rose 10 pts") for a in report.alerts]
    tickets = list(report.conflict_tickets)
    tickets[1] = replace(tickets[1], url=None)  # a ticket shown without its link
    return replace(report, alerts=alerts, conflict_tickets=tickets)


def _text_objects(node: Any, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every (type, text) of the blocks' text objects, in order."""
    if isinstance(node, dict):
        if node.get("type") in ("mrkdwn", "plain_text") and isinstance(node.get("text"), str):
            found.append((node["type"], node["text"]))
        for value in node.values():
            _text_objects(value, found)
    elif isinstance(node, list):
        for item in node:
            _text_objects(item, found)
    return found


def _skeleton(kind: str, text: str) -> list[tuple[str, str]]:
    """Per line: how it starts and the markup characters in it (plain_text: lines only)."""
    if kind == "plain_text":
        return [("", "") for _ in text.split("\n")]
    lines = []
    for line in text.split("\n"):
        start = _LINE_START.match(line)
        bare = _ENTITY.sub("", line)
        lines.append(
            ((start.group(1) or "") if start else "", "".join(c for c in bare if c in _MARKUP))
        )
    return lines


def _posted(report: Report) -> list[tuple[str, str]]:
    """Everything alignbot posts for this report: the blocks' texts and the fallback."""
    message = render_blocks(report, SETTINGS)
    return [*_text_objects(message.blocks, []), ("mrkdwn", message.text)]


def _assert_adds_no_structure(
    posted: list[tuple[str, str]], baseline: list[tuple[str, str]]
) -> None:
    assert [kind for kind, _ in posted] == [kind for kind, _ in baseline]
    for (kind, got), (_, expected) in zip(posted, baseline, strict=True):
        assert _skeleton(kind, got) == _skeleton(kind, expected), got
        invisible = {c for c in got if unicodedata.category(c) in _INVISIBLE} - {"\n"}
        assert not invisible, f"{invisible!r} reached Slack in {got!r}"
        if kind == "mrkdwn":  # plain_text shows `<!channel>` as written, and pings no one
            for mention in ("<!", "<@", "<#", "<mailto:"):
                assert mention not in got


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(customer_strings)
def test_no_customer_string_adds_a_line_formatting_a_link_or_a_mention(text: str) -> None:
    _assert_adds_no_structure(_posted(_report(text)), _posted(_report("Refund")))


@settings(max_examples=300, deadline=None)
@given(customer_strings)
def test_literal_and_plain_give_one_line_of_visible_text(text: str) -> None:
    for shown in (plain(text), literal(text)):
        assert "\n" not in shown and "\r" not in shown
        assert not {c for c in shown if unicodedata.category(c) in _INVISIBLE}
        assert shown == shown.strip()
    assert not set(_ENTITY.sub("", literal(text))) & _MARKUP


def test_a_subject_cannot_fake_a_bold_alert_line_with_a_link() -> None:
    subject = "Refund\n• *URGENT: your account is suspended* <https://evil.example|verify>"
    message = render_blocks(_report(subject), SETTINGS)
    [examples] = [t for k, t in _text_objects(message.blocks, []) if t.startswith("*Tickets")]
    lines = examples.split("\n")
    assert len(lines) == 4  # the title and one line per ticket, as with any subject
    assert all(line.startswith("• ") for line in lines[1:])
    assert "*URGENT" not in examples and "∗URGENT: your account is suspended∗" in examples
    assert "<https://evil.example" not in examples
    assert "&lt;https://evil.example|verify&gt;" in examples


def test_bidi_overrides_and_zero_width_characters_never_reach_slack() -> None:
    subject = "Invoice \u202egpj.exe\u202c for \u200bAna\ufeff"
    message = render_blocks(_report(subject), SETTINGS)
    everything = "".join(t for _, t in _text_objects(message.blocks, [])) + message.text
    assert not set(BIDI + ZERO_WIDTH) & set(everything)
    assert "Invoice gpj.exe for Ana" in everything


def test_the_terminal_prints_customer_text_on_one_line_without_controls() -> None:
    out = io.StringIO()
    report = _report("Refund\n\x1b[2J\u202eevil\u2028[bold]x[/bold]")
    render_terminal(report, Console(file=out, width=300, color_system=None), SETTINGS)
    printed = out.getvalue()
    assert "\x1b" not in printed and "\u202e" not in printed and "\u2028" not in printed
    [line] = [line for line in printed.splitlines() if "#100" in line]
    assert "Refund [2Jevil [bold]x[/bold]" in line


HOSTILE_SUBJECT = (
    "Refund\n• *URGENT* <!channel> your account is \u202esuspended\u202c: "
    "<https://evil.example|verify here> `now`\u200b\n> signed, Support"
)


def test_a_hostile_subject_read_back_from_slack_adds_nothing_to_the_message(
    engine: Engine,
) -> None:
    now = datetime.now(UTC)
    with SlackSandbox() as slack:
        queue_digest(engine, _report("Refund"), SETTINGS, channel="#general", now=now)
        queue_digest(
            engine, _report(HOSTILE_SUBJECT), SETTINGS, channel="#support-managers", now=now
        )
        chat = SlackChat("xoxb-sandbox", base_url=slack.url)
        result = Dispatcher(engine, chat=chat, helpdesk=None, worker_id="test").run_once(now)
        assert (result.sent, result.failed) == (2, 0)

        client = WebClient(token="xoxb-sandbox", base_url=slack.url)

        def read_back(channel: str) -> list[tuple[str, str]]:
            history = client.conversations_history(channel=slack.channel_id(channel))
            [message] = history["messages"]
            return [*_text_objects(message["blocks"], []), ("mrkdwn", message["text"])]

        baseline, posted = read_back("#general"), read_back("#support-managers")
    _assert_adds_no_structure(posted, baseline)
    everything = "\n".join(text for _, text in posted)
    assert "∗URGENT∗ &lt;!channel&gt; your account is suspended:" in everything
