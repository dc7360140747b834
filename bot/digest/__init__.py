"""The manager digest: a metrics `Report` rendered for Slack, the terminal and JSON.

The digest *is* `bot.metrics.model.Report`; this package only renders and queues it:
`render_blocks` (Block Kit and a plain-text fallback), `render_chart` (the 14-day PNG),
`render_terminal` (rich; `render_scopes` per group or agent), `queue_digest` (an outbox
row for the dispatcher to post).
JSON is `Report.as_json()`.
"""

from bot.digest.blocks import SlackMessage, render_blocks
from bot.digest.chart import chart_alt_text, render_chart
from bot.digest.mrkdwn import escape, literal, plain
from bot.digest.post import digest_key, queue_digest
from bot.digest.terminal import render_scopes, render_terminal

__all__ = [
    "SlackMessage",
    "chart_alt_text",
    "digest_key",
    "escape",
    "literal",
    "plain",
    "queue_digest",
    "render_blocks",
    "render_chart",
    "render_scopes",
    "render_terminal",
]
