"""render_message turns Block Kit into text a person can read in a terminal."""

from __future__ import annotations

from integrations.slack.render import mrkdwn_to_text, render_message
from integrations.slack.sandbox import RecordedMessage

DIGEST_BLOCKS = [
    {"type": "header", "text": {"type": "plain_text", "text": "Misalignment digest"}},
    {
        "type": "section",
        "text": {
            "type": "mrkdwn",
            "text": "Closure rate *up*, confirmed resolution *down*. "
            "<https://example.zendesk.com/agent/tickets/42|Ticket #42> &amp; 3 more",
        },
        "fields": [
            {"type": "mrkdwn", "text": "*Closure rate* 91%"},
            {"type": "mrkdwn", "text": "*Confirmed* 48%"},
        ],
    },
    {"type": "divider"},
    {
        "type": "context",
        "elements": [
            {"type": "mrkdwn", "text": "For <#C0000000002|support-managers>"},
            {"type": "plain_text", "text": "UTC day 2026-03-01"},
        ],
    },
    {
        "type": "image",
        "image_url": "https://example.com/chart.png",
        "alt_text": "closure vs confirmed",
    },
    {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": "Open report"},
                "url": "https://example.com/report",
            },
            {"type": "button", "text": {"type": "plain_text", "text": "Snooze"}, "value": "1"},
        ],
    },
    {
        "type": "rich_text",
        "elements": [
            {
                "type": "rich_text_section",
                "elements": [
                    {"type": "text", "text": "Ask "},
                    {"type": "user", "user_id": "U0000000002"},
                    {"type": "text", "text": " about "},
                    {"type": "link", "url": "https://example.com/t/7", "text": "ticket 7"},
                ],
            },
            {
                "type": "rich_text_list",
                "style": "bullet",
                "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": "one"}]},
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": "two"}]},
                ],
            },
            {
                "type": "rich_text_quote",
                "elements": [{"type": "text", "text": "it is still broken"}],
            },
        ],
    },
]


def test_a_digest_renders_as_readable_lines_in_block_order() -> None:
    message = RecordedMessage(
        channel="C0000000002",
        ts="1700000000.000100",
        text="fallback",
        blocks=DIGEST_BLOCKS,
        metadata=None,
        thread_ts=None,
        user="U0000000000",
    )

    lines = render_message(message).splitlines()

    assert lines[:2] == ["Misalignment digest", "=" * len("Misalignment digest")]
    assert lines[2] == (
        "Closure rate *up*, confirmed resolution *down*. "
        "Ticket #42 (https://example.zendesk.com/agent/tickets/42) & 3 more"
    )
    assert lines[3].startswith("*Closure rate* 91%") and lines[3].endswith("*Confirmed* 48%")
    assert set(lines[4]) == {"─"}
    assert lines[5] == "For #support-managers  ·  UTC day 2026-03-01"
    assert lines[6] == "[image: closure vs confirmed] (https://example.com/chart.png)"
    assert lines[7] == "[ Open report ] (https://example.com/report)  [ Snooze ]"
    assert lines[8] == "Ask @U0000000002 about ticket 7 (https://example.com/t/7)"
    assert lines[9:] == ["• one", "• two", "> it is still broken"]
    assert "<" not in "\n".join(lines) and "&amp;" not in "\n".join(lines)


def test_a_message_without_blocks_shows_its_text_and_a_dict_works_too() -> None:
    assert render_message({"text": "Ping <@U0000000001>: &lt;3 tickets&gt; stale"}) == (
        "Ping @U0000000001: <3 tickets> stale"
    )
    assert render_message({"text": None}) == ""


def test_mrkdwn_controls_become_plain_text() -> None:
    assert mrkdwn_to_text("<https://a.example>") == "https://a.example"
    assert mrkdwn_to_text("<mailto:ana@example.com|ana@example.com>") == "ana@example.com"
    assert mrkdwn_to_text("<!here> look") == "@here look"
    assert mrkdwn_to_text("<!subteam^S1|@support> ok") == "@support ok"
    assert mrkdwn_to_text("<!date^1700000000^{date}|Nov 14>") == "Nov 14"
    assert mrkdwn_to_text("a &lt;b&gt; &amp;lt;") == "a <b> &lt;"
