"""The store's tables as SQLAlchemy Core `Table`s, for set-based queries and bulk writes.

SQLModel's class attributes are typed for the ORM; the sync, the analysis job, the outbox
and the metrics build Core statements, which want `Table` columns. One place makes them.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table
from sqlmodel import SQLModel

from bot.store.history import RUNS, STATUS_CHANGES
from bot.store.jobs import JobLease, JobRun
from bot.store.models import (
    Comment,
    Group,
    Organization,
    SatisfactionRating,
    SyncState,
    Ticket,
    TicketMetric,
    User,
)
from bot.store.nudges import AgentLink, Nudge, NudgeAssignment, NudgePreference, NudgeSnooze
from bot.store.outbox import OutboxMessage
from bot.store.replies import REPLY_FACTS
from bot.store.resolution import (
    ResolutionAnswer,
    ResolutionEvent,
    ResolutionFlow,
    ResolutionLinkUse,
    ResolutionState,
)
from bot.store.signals import CommentSignal
from bot.store.solves import PENDING_FACTS, SOLVE_FACTS
from bot.store.trend import TREND_FIGURES
from bot.store.updates import ProactiveUpdate

__all__ = [
    "AGENT_LINKS",
    "COMMENTS",
    "GROUPS",
    "JOB_LEASES",
    "JOB_RUNS",
    "METRICS",
    "NUDGES",
    "NUDGE_ASSIGNMENTS",
    "NUDGE_PREFERENCES",
    "NUDGE_SNOOZES",
    "ORGANIZATIONS",
    "OUTBOX",
    "PENDING_FACTS",
    "PROACTIVE_UPDATES",
    "RATINGS",
    "REPLY_FACTS",
    "RESOLUTION_ANSWERS",
    "RESOLUTION_EVENTS",
    "RESOLUTION_FLOW",
    "RESOLUTION_LINK_USES",
    "RESOLUTION_STATES",
    "RUNS",
    "SIGNALS",
    "SOLVE_FACTS",
    "STATUS_CHANGES",
    "SYNC_STATE",
    "TICKETS",
    "TREND_FIGURES",
    "USERS",
]


def _table(model: type[SQLModel]) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


TICKETS = _table(Ticket)
COMMENTS = _table(Comment)
USERS = _table(User)
GROUPS = _table(Group)
ORGANIZATIONS = _table(Organization)
METRICS = _table(TicketMetric)
RATINGS = _table(SatisfactionRating)
SYNC_STATE = _table(SyncState)
SIGNALS = _table(CommentSignal)
OUTBOX = _table(OutboxMessage)
RESOLUTION_LINK_USES = _table(ResolutionLinkUse)
RESOLUTION_ANSWERS = _table(ResolutionAnswer)
RESOLUTION_STATES = _table(ResolutionState)
RESOLUTION_EVENTS = _table(ResolutionEvent)
RESOLUTION_FLOW = _table(ResolutionFlow)
PROACTIVE_UPDATES = _table(ProactiveUpdate)
AGENT_LINKS = _table(AgentLink)
NUDGES = _table(Nudge)
NUDGE_PREFERENCES = _table(NudgePreference)
NUDGE_SNOOZES = _table(NudgeSnooze)
NUDGE_ASSIGNMENTS = _table(NudgeAssignment)
JOB_RUNS = _table(JobRun)
JOB_LEASES = _table(JobLease)
