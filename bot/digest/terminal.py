"""The digest in a terminal, with rich: what `alignbot digest --print` and the demo show.

Customer text (subjects, names) is printed as `rich.text.Text`, never parsed as rich markup,
and one line of it (`bot.digest.mrkdwn.plain`): no line break, terminal control sequence or
bidi override from Zendesk reaches the screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from bot.digest.figures import figure
from bot.digest.mrkdwn import plain
from bot.metrics.model import DIMENSIONS, METRIC_INFO, PAIRINGS, Metric, Report
from bot.settings import Settings

__all__ = ["SCOPE_KEYS", "render_scopes", "render_terminal"]

_STYLE = {"better": "green", "worse": "red", "same": "dim", "too_few": "dim", "unknown": "dim"}
#: The figures of a group's or agent's compact table: each KPI beside its human twin.
SCOPE_KEYS: tuple[str, ...] = tuple(key for pair in PAIRINGS for key in pair)


def _table() -> Table:
    table = Table(show_edge=False, pad_edge=False, expand=False)
    table.add_column("metric")
    table.add_column("this period", justify="right")
    table.add_column("previous", justify="right")
    table.add_column("change", justify="right")
    table.add_column("based on", style="dim")
    return table


def _add_rows(
    table: Table, metrics: Mapping[str, Metric], keys: Iterable[str], settings: Settings
) -> None:
    for key in keys:
        metric = metrics.get(key)
        if metric is None:
            continue
        info = METRIC_INFO[key]
        fig = figure(info, metric, settings)
        label = Text("  " + fig.label)
        label.append(" (KPI)" if info.traditional else "", style="dim")
        basis = "; ".join(part for part in (fig.basis, metric.note) if part)
        table.add_row(
            label, fig.value, fig.previous, Text(fig.comparison, style=_STYLE[fig.verdict]), basis
        )


def _dimension_table(report: Report, settings: Settings) -> Table:
    table = _table()
    for title, keys in DIMENSIONS:
        table.add_row(Text(title, style="bold"), "", "", "", "")
        _add_rows(table, report.metrics, keys, settings)
    return table


def render_scopes(
    report: Report,
    console: Console,
    settings: Settings,
    by: Literal["group", "agent"],
) -> None:
    """A compact table per group (or agent): each KPI beside its human twin."""
    scopes = report.by_group if by == "group" else report.by_agent
    names = report.group_names if by == "group" else report.agent_names
    if not scopes:
        console.print(Text(f"No {by} has figures for this period.", style="dim"))
        return

    def name(key: str) -> str:
        return plain(names.get(key) or key)

    for key in sorted(scopes, key=lambda k: name(k).casefold()):
        console.print(Text(f"\n{by.capitalize()}: ", style="bold") + Text(name(key)))
        table = _table()
        _add_rows(table, scopes[key], SCOPE_KEYS, settings)
        console.print(table)


def render_terminal(report: Report, console: Console, settings: Settings) -> None:
    """Print the digest. Text from Zendesk is printed as text, never as rich markup."""
    period = report.period
    console.print(
        Text.assemble(
            ("Misalignment digest ", "bold"),
            f"{period.start:%Y-%m-%d %H:%M} to {period.end:%Y-%m-%d %H:%M} ({period.timezone}), ",
            f"compared with {report.previous_period.start:%Y-%m-%d} to "
            f"{report.previous_period.end:%Y-%m-%d}",
        )
    )
    if report.alerts:
        console.print(
            Panel(
                Group(*(Text("• " + alert.message) for alert in report.alerts)),
                title="Alerts: a KPI improved, the customer's experience did not",
                border_style="red",
            )
        )
    else:
        console.print(Text("No KPI improved at the expense of the customer's experience.", "green"))
    console.print(_dimension_table(report, settings))
    if report.conflict_tickets:
        console.print(Text("\nTickets that look good on a KPI and felt bad", style="bold"))
        for ticket in report.conflict_tickets:
            line = Text(f"  #{ticket.ticket_id} ")
            line.append(plain(ticket.subject or ""), style="italic")
            line.append(f": {ticket.looks_good}, but {ticket.feels_bad}")
            if ticket.url:
                line.append(f"  {ticket.url}", style="dim")
            if ticket.related_url:
                line.append(f"  (#{ticket.related_ticket_id}: {ticket.related_url})", style="dim")
            console.print(line)
    if report.agent_gaps:
        console.print(Text("\nCoaching", style="bold"))
        for gap in report.agent_gaps:
            console.print(Text(f"  {plain(gap.agent)}: {plain(gap.suggestion)}"))
