"""The digest in Slack: valid Block Kit, inside Slack's limits, customer text escaped."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from digest_support import HOSTILE, SETTINGS, sample_report
from slack_sdk.models.blocks import Block

from bot.digest import render_blocks, render_chart
from bot.digest.blocks import MAX_BLOCKS, MAX_FIELD_CHARS, MAX_HEADER_CHARS, MAX_TEXT_CHARS
from bot.digest.chart import chart_alt_text
from bot.digest.mrkdwn import escape, link, truncate
from bot.metrics.model import Report


def _texts(blocks: list[dict[str, object]]) -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(blocks)
    return found


def _validate_with_slack_sdk(blocks: list[dict[str, object]]) -> None:
    for block in blocks:
        parsed = Block.parse(block)
        assert parsed is not None, f"slack_sdk does not know this block: {block}"
        parsed.validate_json()  # raises SlackObjectFormationError on a broken block


def test_digest_blocks_pass_slack_sdk_block_kit_validation() -> None:
    message = render_blocks(sample_report(), SETTINGS)
    _validate_with_slack_sdk(message.blocks)
    assert message.blocks[0]["type"] == "header"
    assert message.text.startswith("alignbot misalignment digest")


def _mrkdwn_and_plain(blocks: list[dict[str, object]]) -> tuple[str, str]:
    """Every mrkdwn text, and every plain_text text (which Slack never parses)."""
    found: dict[str, list[str]] = {"mrkdwn": [], "plain_text": []}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") in found and isinstance(node.get("text"), str):
                found[str(node["type"])].append(str(node["text"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(blocks)
    return "\n".join(found["mrkdwn"]), "\n".join(found["plain_text"])


def test_customer_text_reaches_slack_escaped_never_as_a_mention_or_link() -> None:
    report = sample_report(subject=HOSTILE, agent="<@U999>", group="<!here> & co")
    message = render_blocks(report, SETTINGS)
    mrkdwn, plain = _mrkdwn_and_plain(message.blocks)
    everything = mrkdwn + message.text
    for raw in ("<!channel>", "<@U123>", "<https://evil.example|click>", "<@U999>", "<!here>"):
        assert raw not in everything
    # Names in coaching and the group table go out as plain_text, shown as written.
    assert "<@U999>: fastest closer" in plain
    assert "<!here> & co: " in plain
    assert "&lt;!channel&gt;" in everything
    assert "&lt;@U123&gt;" in everything
    assert "&lt;https://evil.example|click&gt;" in everything
    # The one link we build ourselves is still a link.
    assert "<https://acme.zendesk.com/agent/tickets/100|#100 " in everything


def test_huge_inputs_stay_inside_slack_limits() -> None:
    report = sample_report(subject="x" * 10_000, tickets=40, alerts=200, agent="y" * 5_000, days=31)
    message = render_blocks(report, SETTINGS)
    _validate_with_slack_sdk(message.blocks)
    assert len(message.blocks) <= MAX_BLOCKS
    header = message.blocks[0]["text"]["text"]  # type: ignore[index]
    assert len(header) <= MAX_HEADER_CHARS
    for block in message.blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= MAX_TEXT_CHARS  # type: ignore[index]
            for field in block.get("fields", []):  # type: ignore[attr-defined]
                assert len(field["text"]) <= MAX_FIELD_CHARS
    assert len(message.text) <= MAX_TEXT_CHARS


def test_every_metric_key_appears_with_its_value_and_previous() -> None:
    text = "\n".join(_texts(render_blocks(sample_report(), SETTINGS).blocks))
    assert "50%" in text and "was 40%" in text  # a rate and its previous value
    assert "36 min" in text and "was 41 min" in text  # handle time, lower is better
    assert "250 of 500" in text  # the basis a reader can check


def test_a_quiet_period_says_so_instead_of_showing_alerts() -> None:
    message = render_blocks(sample_report(alerts=0, tickets=0), SETTINGS)
    text = "\n".join(_texts(message.blocks))
    assert "No KPI improved at the expense" in text
    assert "no KPI improved" in message.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a & b", "a &amp; b"),
        ("<script>", "&lt;script&gt;"),
        ("&amp;", "&amp;amp;"),  # already-escaped text is escaped again: it is text, not markup
        ("", ""),
    ],
)
def test_escape_replaces_the_three_characters_slack_reserves(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_truncate_never_splits_an_entity() -> None:
    cut = truncate(escape("a" * 8 + "&b"), 12)
    assert cut.endswith("…") and "&am…" not in cut and len(cut) <= 12


def test_link_label_cannot_close_the_link_early() -> None:
    built = link("https://acme.zendesk.com/agent/tickets/1", "a|b>c")
    assert built == "<https://acme.zendesk.com/agent/tickets/1|a¦b&gt;c>"


def test_chart_is_a_png_and_its_alt_text_names_the_lines() -> None:
    report = sample_report()
    png = render_chart(report)
    assert png is not None and png.startswith(b"\x89PNG\r\n\x1a\n")
    assert render_chart(report) == png  # same report, same bytes
    alt = chart_alt_text(report)
    assert "from 30% to 56%" in alt


def test_no_trend_means_no_chart() -> None:
    report = sample_report()
    empty = Report(
        period=report.period, previous_period=report.previous_period, metrics=report.metrics
    )
    assert render_chart(empty) is None
    assert "attached" not in json.dumps(render_blocks(empty, SETTINGS, chart_attached=False).blocks)


def test_too_few_to_compare_shows_in_slack_instead_of_a_verdict() -> None:
    message = render_blocks(sample_report(), SETTINGS)
    [empathy] = [t for t in _texts(message.blocks) if t.startswith("*Authentic empathy*")]
    # 1 of 4 against 18 of 30 would read as a 35-point fall: too few to say.
    assert "too few to compare (n = 4)" in empathy
    assert "⚠️" not in empathy and "pts" not in empathy
    # Enough cases, beyond noise: a verdict.
    [closure] = [t for t in _texts(message.blocks) if t.startswith("*Closure rate*")]
    assert "✅ +10 pts" in closure


def test_handle_time_says_which_clock_it_read_in_slack() -> None:
    text = "\n".join(_texts(render_blocks(sample_report(), SETTINGS).blocks))
    assert "*Handle time (first-resolution time)*" in text


def test_slack_shows_a_compact_line_per_group_with_names_as_plain_text() -> None:
    message = render_blocks(sample_report(group="Shipping & <!here>"), SETTINGS)
    plain = [
        b["text"]["text"]  # type: ignore[index]
        for b in message.blocks
        if b["type"] == "section" and b["text"]["type"] == "plain_text"  # type: ignore[index]
    ]
    groups = next(text for text in plain if text.startswith("Billing: "))
    lines = groups.split("\n\n")
    assert [line.split(":")[0] for line in lines] == ["Billing", "Shipping & <!here>"]
    assert "Closure rate 50% ✅ +10 pts vs Confirmed resolutions 50% ✅ +10 pts" in lines[0]
    assert "Authentic empathy 25% (n = 4)" in lines[0]
    title = next(t for t in _texts(message.blocks) if t.startswith("*By group*"))
    assert "(n = 4): too few cases to compare" in title
    _validate_with_slack_sdk(message.blocks)


def test_came_back_ticket_is_linked_too() -> None:
    report = sample_report()
    came_back = replace(
        report.conflict_tickets[0],
        feels_bad="the requester opened #733 2.0 days later",
        related_ticket_id=733,
        related_url="https://acme.zendesk.com/agent/tickets/733",
    )
    report = replace(report, conflict_tickets=[came_back])
    text = "\n".join(_texts(render_blocks(report, SETTINGS).blocks))
    assert (
        "but the requester opened <https://acme.zendesk.com/agent/tickets/733|#733> 2.0 days"
        in text
    )


def test_many_groups_stay_inside_slack_limits() -> None:
    report = sample_report()
    groups = {str(i): report.metrics for i in range(300)}
    names = {str(i): "g" * 200 for i in range(300)}
    message = render_blocks(replace(report, by_group=groups, group_names=names), SETTINGS)
    _validate_with_slack_sdk(message.blocks)
    assert len(message.blocks) <= MAX_BLOCKS
    for block in message.blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= MAX_TEXT_CHARS  # type: ignore[index]
    assert message.blocks[-1]["type"] == "context"  # the footer survived
