"""The digest as a Slack message: Block Kit blocks plus a plain-text fallback.

Layout: a header, the period, alerts first, then one section per dimension (this period,
the previous one and the change of every metric, with ✅/⚠️ only when the change is beyond
its noise, "too few to compare (n = 4)" below the sample floor), a compact table per group,
example tickets, coaching notes, and a pointer to the chart, which is uploaded beside the
message as a PNG (see `bot.digest.chart` for why a PNG and not Slack's chart block).
Customer text (subjects, agent and group names from Zendesk) goes out as `plain_text` where
Block Kit allows and as `literal` mrkdwn where it does not (a subject inside its ticket's
link): one line, no markup, no mention (`bot.digest.mrkdwn`). Every text is kept under
Slack's limits, so the message is accepted whatever the data holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot.digest.figures import Figure, figure
from bot.digest.mrkdwn import escape, link, literal, plain, truncate
from bot.metrics.model import DIMENSIONS, METRIC_INFO, PAIRINGS, Metric, Report
from bot.settings import Settings

__all__ = [
    "MAX_BLOCKS",
    "MAX_FIELD_CHARS",
    "MAX_HEADER_CHARS",
    "MAX_TEXT_CHARS",
    "SlackMessage",
    "render_blocks",
]

# Slack's limits for a message (docs: Block Kit reference, chat.postMessage).
MAX_BLOCKS = 50
MAX_TEXT_CHARS = 3000  # a section's text
MAX_FIELD_CHARS = 2000  # one of a section's fields
MAX_FIELDS = 10  # fields in one section
MAX_HEADER_CHARS = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_EXAMPLES = 5
MAX_COACHING = 5
#: Groups in the compact table; the rest are named by count (`--print --by group` has all).
MAX_GROUPS = 12
#: Characters of a subject or a name shown in Slack (names are the start of a group's line).
MAX_SUBJECT_CHARS = 80
MAX_NAME_CHARS = 60
#: Characters of one coaching line (it carries an agent's name), so five always fit.
MAX_COACHING_CHARS = 500

_MARK = {"better": "✅", "worse": "⚠️", "same": "➖", "too_few": "", "unknown": ""}


@dataclass(frozen=True)
class SlackMessage:
    text: str  # the plain-text fallback: notifications, screen readers, old clients
    blocks: list[dict[str, Any]]


def _mrkdwn(text: str, limit: int = MAX_TEXT_CHARS) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": truncate(text, limit)}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": _mrkdwn(text)}


def _plain_section(text: str) -> dict[str, Any]:
    """Text shown as it is: Slack parses no mention, link or markup in plain_text."""
    return {
        "type": "section",
        "text": {"type": "plain_text", "text": truncate(text, MAX_TEXT_CHARS), "emoji": True},
    }


def _context(*texts: str) -> dict[str, Any]:
    return {
        "type": "context",
        "elements": [_mrkdwn(t) for t in texts[:MAX_CONTEXT_ELEMENTS]],
    }


def _day_span(report: Report) -> str:
    period = report.period
    if period.days == 1:
        return f"{period.start:%a %d %b %Y}"
    last_day = period.end.date() - timedelta(days=1)
    return f"{period.start:%d %b} – {last_day:%d %b %Y}"


def _field(fig: Figure, note: str | None) -> str:
    line = f"*{escape(fig.label)}*\n{fig.value}"
    if fig.verdict == "too_few":
        line += f"  (was {fig.previous}), {escape(fig.comparison)}"
    elif fig.comparison:
        mark = _MARK[fig.verdict]
        line += f"  {mark + ' ' if mark else ''}{escape(fig.comparison)} (was {fig.previous})"
    elif fig.previous != "—":
        line += f"  (was {fig.previous})"
    if fig.basis:
        line += f"\n_{fig.basis}_"
    if note:
        line += f"\n_{escape(note)}_"
    return truncate(line, MAX_FIELD_CHARS)


def _dimension_blocks(report: Report, settings: Settings) -> list[dict[str, Any]]:
    blocks = []
    for title, keys in DIMENSIONS:
        fields = []
        for key in keys:
            metric = report.metrics.get(key)
            if metric is None:
                continue
            fields.append(_mrkdwn(_field(figure(METRIC_INFO[key], metric, settings), metric.note)))
        if fields:
            blocks.append(
                {
                    "type": "section",
                    "text": _mrkdwn(f"*{title}*"),
                    "fields": fields[:MAX_FIELDS],
                }
            )
    return blocks


def _alert_text(report: Report) -> str:
    lines = [f"• {escape(alert.message)}" for alert in report.alerts]
    return "*⚠️ Where a KPI improved and the customer's experience did not*\n" + "\n".join(lines)


def _examples_text(report: Report) -> str:
    lines = []
    for ticket in report.conflict_tickets[:MAX_EXAMPLES]:
        name = f"#{ticket.ticket_id}"
        if ticket.subject:
            name += f" {plain(ticket.subject, MAX_SUBJECT_CHARS)}"
        title = link(ticket.url, name) if ticket.url else literal(name)
        feels_bad = escape(ticket.feels_bad)
        if ticket.related_ticket_id is not None and ticket.related_url:
            # "the requester opened #33 ...": the other ticket is a link too.
            other = f"#{ticket.related_ticket_id}"
            linked = link(ticket.related_url, other)
            if other in feels_bad:
                feels_bad = feels_bad.replace(other, linked, 1)
            else:
                feels_bad += f" ({linked})"
        line = f"• {title}: {escape(ticket.looks_good)}, but {feels_bad}"
        if ticket.agent:
            line += f" ({literal(ticket.agent, MAX_NAME_CHARS)})"
        lines.append(line)
    return "*Tickets that look good on a KPI and felt bad to the customer*\n" + "\n".join(lines)


def _coaching_blocks(report: Report) -> list[dict[str, Any]]:
    """A title, then the suggestions as plain text: they carry agents' names."""
    lines = [
        f"• {plain(gap.suggestion, MAX_COACHING_CHARS)}" for gap in report.agent_gaps[:MAX_COACHING]
    ]
    return [
        _section("*Coaching: where a KPI rank and the customer's experience disagree*"),
        _plain_section("\n".join(lines)),
    ]


def _compact(key: str, metric: Metric | None, settings: Settings) -> str:
    if metric is None:
        return ""
    fig = figure(METRIC_INFO[key], metric, settings)
    text = f"{fig.label} {fig.value}"
    if fig.verdict in ("better", "worse"):
        text += f" {_MARK[fig.verdict]} {fig.change}"
    elif fig.verdict == "too_few":
        # "(n = 4)": the section's title says it means too few to compare.
        text += " " + fig.comparison.removeprefix("too few to compare ")
    return text


def group_lines(report: Report, settings: Settings) -> list[str]:
    """One line per group: each KPI beside its human twin, verdicts only beyond noise."""
    lines = []
    for key in sorted(report.by_group, key=lambda k: report.group_name(k).casefold()):
        metrics = report.by_group[key]
        pairs = [
            " vs ".join(
                part for part in (_compact(k, metrics.get(k), settings) for k in pair) if part
            )
            for pair in PAIRINGS
        ]
        name = plain(report.group_name(key), MAX_NAME_CHARS)
        lines.append(f"{name}: " + "; ".join(p for p in pairs if p))
    return lines


def _group_blocks(report: Report, settings: Settings) -> list[dict[str, Any]]:
    lines = group_lines(report, settings)
    if not lines:
        return []
    shown = lines[:MAX_GROUPS]
    body = "\n\n".join(shown)
    if len(lines) > len(shown):
        body += (
            f"\n\n… and {len(lines) - len(shown)} more groups (alignbot digest --print --by group)"
        )
    return [
        _section(
            "*By group*: each KPI beside its human twin. ✅/⚠️ only where a change is beyond "
            "its noise; (n = 4): too few cases to compare."
        ),
        _plain_section(body),
    ]


def fallback_text(report: Report) -> str:
    """One or two lines that stand for the whole digest where blocks are not shown."""
    text = f"alignbot misalignment digest for {_day_span(report)}"
    if report.alerts:
        text += f": {len(report.alerts)} alert{'s' if len(report.alerts) > 1 else ''}. "
        text += " ".join(escape(alert.message) for alert in report.alerts[:3])
    else:
        text += ": no KPI improved at the customer's expense."
    return truncate(text, MAX_TEXT_CHARS)


def render_blocks(
    report: Report, settings: Settings, *, chart_attached: bool = True
) -> SlackMessage:
    """The digest for Slack. `chart_attached` says whether the chart PNG goes with it."""
    period, previous = report.period, report.previous_period
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {
                "type": "plain_text",
                "text": truncate(f"Misalignment digest · {_day_span(report)}", MAX_HEADER_CHARS),
            },
        },
        _context(
            f"{period.start:%Y-%m-%d %H:%M} to {period.end:%Y-%m-%d %H:%M} "
            f"({escape(period.timezone)}), compared with {previous.start:%Y-%m-%d} to "
            f"{previous.end:%Y-%m-%d}. Each KPI stands beside the human metric it can hide."
        ),
    ]
    if report.alerts:
        blocks.append(_section(_alert_text(report)))
    else:
        blocks.append(_section("✅ No KPI improved at the expense of the customer's experience."))
    blocks.append({"type": "divider"})
    blocks.extend(_dimension_blocks(report, settings))
    blocks.extend(_group_blocks(report, settings))
    if report.conflict_tickets:
        blocks.append({"type": "divider"})
        blocks.append(_section(_examples_text(report)))
    if report.agent_gaps:
        blocks.extend(_coaching_blocks(report))
    footer = "Figures: `alignbot digest --json`; every cohort is defined in docs/metrics.md."
    if chart_attached:
        footer = "📈 The 14-day chart of KPIs beside their human twins is attached. " + footer
    blocks.append(_context(footer))
    return SlackMessage(text=fallback_text(report), blocks=blocks[:MAX_BLOCKS])
