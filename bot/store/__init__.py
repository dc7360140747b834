"""The store: SQLModel tables, engines and sessions, Alembic migrations."""

from bot.store.db import make_engine, open_store, session_scope, upgrade
from bot.store.history import TicketRun, TicketStatusChange
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
from bot.store.replies import ReplyFact
from bot.store.resolution import (
    ResolutionAnswer,
    ResolutionEvent,
    ResolutionFlow,
    ResolutionLinkUse,
    ResolutionState,
)
from bot.store.signals import CommentSignal
from bot.store.solves import PendingFacts, SolveFact
from bot.store.trend import TrendFigure
from bot.store.updates import ProactiveUpdate

__all__ = [
    "AgentLink",
    "Comment",
    "CommentSignal",
    "Group",
    "JobLease",
    "JobRun",
    "Nudge",
    "NudgeAssignment",
    "NudgePreference",
    "NudgeSnooze",
    "Organization",
    "OutboxMessage",
    "PendingFacts",
    "ProactiveUpdate",
    "ReplyFact",
    "ResolutionAnswer",
    "ResolutionEvent",
    "ResolutionFlow",
    "ResolutionLinkUse",
    "ResolutionState",
    "SatisfactionRating",
    "SolveFact",
    "SyncState",
    "Ticket",
    "TicketMetric",
    "TicketRun",
    "TicketStatusChange",
    "TrendFigure",
    "User",
    "make_engine",
    "open_store",
    "session_scope",
    "upgrade",
]
