"""The digest in a terminal, with rich: what `alignbot digest --print` and the demo show."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from bot.digest.figures import figure
from bot.metrics.model import DIMENSIONS, METRIC_INFO, Report

__all__ = ["render_terminal"]

_STYLE = {"better": "green", "worse": "red", "same": "dim", "unknown": "dim"}


def _dimension_table(report: Report) -> Table:
    table = Table(show_edge=False, pad_edge=False, expand=False)
    table.add_column("metric")
    table.add_column("this period", justify="right")
    table.add_column("previous", justify="right")
    table.add_column("change", justify="right")
    table.add_column("based on", style="dim")
    for title, keys in DIMENSIONS:
        table.add_row(Text(title, style="bold"), "", "", "", "")
        for key in keys:
            metric = report.metrics.get(key)
            if metric is None:
                continue
            info = METRIC_INFO[key]
            fig = figure(info, metric)
            label = Text("  " + info.label)
            label.append(" (KPI)" if info.traditional else "", style="dim")
            basis = fig.basis + (f"; {metric.note}" if metric.note else "")
            table.add_row(
                label,
                fig.value,
                fig.previous,
                Text(fig.change, style=_STYLE[fig.verdict]),
                basis,
            )
    return table


def render_terminal(report: Report, console: Console) -> None:
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
    console.print(_dimension_table(report))
    if report.conflict_tickets:
        console.print(Text("\nTickets that look good on a KPI and felt bad", style="bold"))
        for ticket in report.conflict_tickets:
            line = Text(f"  #{ticket.ticket_id} ")
            line.append(ticket.subject or "", style="italic")
            line.append(f": {ticket.looks_good}, but {ticket.feels_bad}")
            if ticket.url:
                line.append(f"  {ticket.url}", style="dim")
            console.print(line)
    if report.agent_gaps:
        console.print(Text("\nCoaching", style="bold"))
        for gap in report.agent_gaps:
            console.print(Text(f"  {gap.agent}: {gap.suggestion}"))
