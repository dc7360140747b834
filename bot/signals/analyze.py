"""The analysis job: signals for every new or changed comment in the store.

Incremental: a comment is analysed when it has no `comment_signals` row, when its text no
longer matches the row's `body_hash`, or when the row was written by another
`ANALYZER_VERSION`. Each batch is one transaction, so a crash loses at most the batch in
flight, and a re-run finds nothing to do: re-running changes nothing.

Conversation context comes from the store: an agent reply answers the latest earlier public
customer comment on its ticket; a customer's history is their public comments on this and
other tickets within `HISTORY_DAYS` before the message, with their channels. The
requester's Zendesk locale settles the language of short texts.

Internal notes (`public=False`) and system comments get a role-only row (`public` False for
notes, every signal NULL): they are never read as a customer's words, and the row records
that they were seen so the next run skips them.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, and_, delete, func, insert, select

from bot.settings import Settings
from bot.signals.message import agent_signals, customer_signals
from bot.signals.repetition import EarlierMessage
from bot.signals.sentiment import DEFAULT_BACKEND, SentimentBackend
from bot.signals.text import own_words
from bot.store.signals import SIGNAL_COLUMNS, CommentSignal
from bot.store.solves import refresh_solve_facts
from bot.store.tables import COMMENTS, SIGNALS, TICKETS, USERS

log = logging.getLogger(__name__)

#: Bump when a rule or lexicon changes: every comment is then analysed again.
ANALYZER_VERSION = "signals-3"
HISTORY_DAYS = 30
SCAN_SIZE = 2_000


_SIGNALS = SIGNALS
_TICKETS = TICKETS
_S = SIGNALS.c
_C = COMMENTS.c
_T = TICKETS.c
_U = USERS.c


@dataclass(frozen=True)
class AnalyzeResult:
    scanned: int  # comments looked at
    analyzed: int  # rows written (new, changed, or analysed by an older version)
    batches: int


@dataclass(frozen=True)
class AnalyzeProgress:
    """Where a run stands, after each committed batch: `done` of the `total` comments in
    the store are settled (unchanged, or analysed and committed), `analyzed` of them now."""

    done: int
    total: int
    analyzed: int


@dataclass(frozen=True)
class _Row:
    id: int
    ticket_id: int
    author_role: str
    public: bool
    channel: str
    body: str
    html_body: str | None
    created_at: datetime


def body_hash(body: str, html_body: str | None) -> str:
    digest = hashlib.sha1(body.encode("utf-8"), usedforsecurity=False)
    if html_body:
        digest.update(b"\x00" + html_body.encode("utf-8"))
    return digest.hexdigest()


def _text(row: _Row) -> str:
    return own_words(row.body, None) if row.body.strip() else own_words("", row.html_body or "")


def analyze(
    engine: Engine,
    settings: Settings,
    now: datetime,
    *,
    batch_size: int = 1_000,
    backend: SentimentBackend = DEFAULT_BACKEND,
    progress: Callable[[AnalyzeProgress], None] | None = None,
) -> AnalyzeResult:
    """Analyse every new or changed comment; commit one transaction per batch.

    `progress` is called after each batch is committed and after each stretch of unchanged
    comments; an exception it raises (Ctrl-C) stops the run with every committed batch kept.
    """
    columns = (
        _C.id,
        _C.ticket_id,
        _C.author_role,
        _C.public,
        _C.channel,
        _C.body,
        _C.html_body,
        _C.created_at,
        _S.body_hash,
        _S.analyzer_version,
    )
    scanned = analyzed = batches = 0
    last_id = -1
    pending: list[_Row] = []
    total = 0
    if progress is not None:
        with engine.connect() as conn:
            total = int(conn.execute(select(func.count()).select_from(COMMENTS)).scalar_one())

    reported = AnalyzeProgress(done=0, total=0, analyzed=0)

    def report() -> None:
        nonlocal reported
        # Comments still pending are read but not yet stored: they are not done.
        done = scanned - len(pending)
        now_at = AnalyzeProgress(done=done, total=max(total, done), analyzed=analyzed)
        if progress is not None and now_at != reported:
            reported = now_at
            progress(now_at)

    while True:
        with engine.connect() as conn:
            page = conn.execute(
                select(*columns)
                .outerjoin(_SIGNALS, _S.comment_id == _C.id)
                .where(_C.id > last_id)
                .order_by(_C.id)
                .limit(SCAN_SIZE)
            ).all()
        for record in page:
            scanned += 1
            row = _Row(*record[:8])
            stored_hash, version = record[8], record[9]
            if version != ANALYZER_VERSION or stored_hash != body_hash(row.body, row.html_body):
                pending.append(row)
        if page:
            last_id = page[-1][0]
        while len(pending) >= batch_size or (pending and not page):
            batch, pending = pending[:batch_size], pending[batch_size:]
            analyzed += _analyze_batch(engine, settings, now, batch, backend)
            batches += 1
            report()
        if page and not pending:
            report()  # a stretch with nothing (left) to analyse
        if len(page) < SCAN_SIZE and not pending:
            break
    log.info("analysed %d of %d comments in %d batches", analyzed, scanned, batches)
    return AnalyzeResult(scanned=scanned, analyzed=analyzed, batches=batches)


def _analyze_batch(
    engine: Engine,
    settings: Settings,
    now: datetime,
    batch: Sequence[_Row],
    backend: SentimentBackend,
) -> int:
    with engine.begin() as conn:
        context = _Context.load(conn, batch, settings.zendesk_sentiment_field_id)
        values = [_signal_values(row, context, settings, now, backend) for row in batch]
        conn.execute(delete(_SIGNALS).where(_S.comment_id.in_([row.id for row in batch])))
        conn.execute(insert(_SIGNALS), values)
        # The solves' stored facts read the signals: refreshed in the same transaction.
        refresh_solve_facts(conn, {row.ticket_id for row in batch})
    return len(values)


@dataclass
class _Context:
    """What a batch needs to read its comments as conversation: tickets, people, history."""

    requester: dict[int, int | None]  # ticket id -> requester id
    ticket_channel: dict[int, str]
    locale: dict[int, str | None]  # requester id -> locale
    by_requester: dict[int, list[_Row]]  # public customer comments, oldest first
    # Zendesk's own sentiment value per ticket (ZENDESK_SENTIMENT_FIELD_ID), when configured
    sentiment_field: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Any, batch: Sequence[_Row], field_id: int | None = None) -> _Context:
        ticket_ids = {row.ticket_id for row in batch}
        tickets = conn.execute(
            select(_T.id, _T.requester_id, _T.channel, _T.custom_fields).where(
                _T.id.in_(ticket_ids)
            )
        ).all()
        requester = {t[0]: t[1] for t in tickets}
        channel = {t[0]: t[2] for t in tickets}
        sentiment_field: dict[int, str] = {}
        if field_id is not None:
            for t in tickets:
                value = (t[3] or {}).get(str(field_id))
                if isinstance(value, str) and value:
                    sentiment_field[t[0]] = value
        requesters = {r for r in requester.values() if r is not None}
        locale = dict(conn.execute(select(_U.id, _U.locale).where(_U.id.in_(requesters))).all())
        earliest = min(row.created_at for row in batch) - timedelta(days=HISTORY_DAYS)
        latest = max(row.created_at for row in batch)
        history = conn.execute(
            select(
                _C.id,
                _C.ticket_id,
                _C.author_role,
                _C.public,
                _C.channel,
                _C.body,
                _C.html_body,
                _C.created_at,
                _T.requester_id,
                _T.channel,
            )
            .join(_TICKETS, _T.id == _C.ticket_id)
            .where(
                _T.requester_id.in_(requesters),
                _C.author_role == "customer",
                _C.public == True,  # noqa: E712
                _C.created_at >= earliest,
                _C.created_at <= latest,
            )
            .order_by(_C.created_at, _C.id)
        ).all()
        by_requester: dict[int, list[_Row]] = defaultdict(list)
        for record in history:
            row = _Row(*record[:8])
            if row.channel == "other":
                row = _replace_channel(row, record[9])
            by_requester[record[8]].append(row)
            channel.setdefault(row.ticket_id, record[9])
        return cls(requester, channel, locale, by_requester, sentiment_field)

    def ticket_sentiment(self, row: _Row) -> str | None:
        """Zendesk's sentiment value of the ticket, for its first customer message only."""
        value = self.sentiment_field.get(row.ticket_id)
        if value is None:
            return None
        requester = self.requester.get(row.ticket_id)
        mine = self.by_requester.get(requester, []) if requester is not None else []
        earlier_here = any(
            c.ticket_id == row.ticket_id and c.created_at < row.created_at for c in mine
        )
        return None if earlier_here else value

    def channel_of(self, row: _Row) -> str:
        return (
            row.channel
            if row.channel != "other"
            else self.ticket_channel.get(row.ticket_id, "other")
        )

    def earlier(self, row: _Row, before: datetime) -> list[_Row]:
        requester = self.requester.get(row.ticket_id)
        if requester is None:
            return []
        since = before - timedelta(days=HISTORY_DAYS)
        return [
            c
            for c in self.by_requester.get(requester, [])
            if since <= c.created_at < before and c.id != row.id
        ]

    def answered(self, reply: _Row) -> _Row | None:
        requester = self.requester.get(reply.ticket_id)
        if requester is None:
            return None
        candidates = [
            c
            for c in self.by_requester.get(requester, [])
            if c.ticket_id == reply.ticket_id and c.created_at <= reply.created_at
        ]
        return candidates[-1] if candidates else None


def _replace_channel(row: _Row, channel: str) -> _Row:
    return _Row(
        row.id,
        row.ticket_id,
        row.author_role,
        row.public,
        channel,
        row.body,
        row.html_body,
        row.created_at,
    )


def _signal_values(
    row: _Row, context: _Context, settings: Settings, now: datetime, backend: SentimentBackend
) -> dict[str, Any]:
    requester = context.requester.get(row.ticket_id)
    locale = context.locale.get(requester) if requester is not None else None
    values: dict[str, Any] = {
        "comment_id": row.id,
        "ticket_id": row.ticket_id,
        "role": row.author_role,
        "public": row.public,
        "body_hash": body_hash(row.body, row.html_body),
        "analyzer_version": ANALYZER_VERSION,
        "analyzed_at": now,
    }
    values.update(dict.fromkeys(SIGNAL_COLUMNS))
    if not row.public or row.author_role not in ("customer", "agent"):
        return values
    text = _text(row)
    if row.author_role == "customer":
        history = [
            EarlierMessage(_text(c), context.channel_of(c))
            for c in context.earlier(row, row.created_at)
        ]
        signals = customer_signals(
            text,
            locale=locale,
            channel=context.channel_of(row),
            history=history,
            backend=backend,
            sentiment_field=context.ticket_sentiment(row),
            clean=False,
        )
        values.update(
            language=signals.language,
            sentiment_label=signals.sentiment.label,
            sentiment_score=signals.sentiment.score,
            frustration=signals.frustration,
            resolution_reply=signals.resolution_reply,
            trust_indicator=signals.trust_indicator,
            restatements=signals.restatements,
        )
        return values
    answered = context.answered(row)
    customer_text = _text(answered) if answered is not None else None
    earlier = context.earlier(row, answered.created_at) if answered is not None else []
    agent = agent_signals(
        text,
        customer_text=customer_text,
        history=[_text(c) for c in earlier],
        locale=locale,
        script_phrases=settings.script_phrases,
        backend=backend,
        clean=False,
    )
    values.update(
        language=agent.language,
        empathy=agent.empathy,
        empathy_matched=agent.empathy_matched if answered is not None else None,
        upsell=agent.upsell,
        acknowledges_history=agent.acknowledges_history,
        redundant_question=agent.redundant_question,
    )
    return values


def signal_summary(engine: Engine) -> dict[str, Any]:
    """Per-language sentiment counts of customer messages and counts of every signal."""
    with engine.connect() as conn:
        sentiment = conn.execute(
            select(_S.language, _S.sentiment_label, func.count())
            .where(_S.sentiment_label.is_not(None))
            .group_by(_S.language, _S.sentiment_label)
        ).all()
        rows = conn.execute(
            select(_S.role, _S.public, func.count()).group_by(_S.role, _S.public)
        ).all()
        customer = (_S.role == "customer") & (_S.public == True)  # noqa: E712
        agent = (_S.role == "agent") & (_S.public == True)  # noqa: E712

        def count(*conditions: Any) -> int:
            return int(
                conn.execute(
                    select(func.count()).select_from(CommentSignal).where(and_(*conditions))
                ).scalar_one()
            )

        signals = {
            "frustration": count(customer, _S.frustration == True),  # noqa: E712
            "resolution_confirm": count(customer, _S.resolution_reply == "confirm"),
            "resolution_deny": count(customer, _S.resolution_reply == "deny"),
            "trust_indicator": count(customer, _S.trust_indicator == True),  # noqa: E712
            "restatements": int(
                conn.execute(
                    select(func.coalesce(func.sum(_S.restatements), 0)).where(customer)
                ).scalar_one()
            ),
            "empathy_authentic": count(agent, _S.empathy == "authentic"),
            "empathy_scripted": count(agent, _S.empathy == "scripted"),
            "empathy_none": count(agent, _S.empathy == "none"),
            "empathy_missed": count(agent, _S.empathy_matched == False),  # noqa: E712
            "upsell": count(agent, _S.upsell == True),  # noqa: E712
            "acknowledges_history": count(
                agent,
                _S.acknowledges_history == True,  # noqa: E712
            ),
            "redundant_question": count(
                agent,
                _S.redundant_question == True,  # noqa: E712
            ),
        }
    by_language: dict[str, dict[str, int]] = defaultdict(
        lambda: {"negative": 0, "neutral": 0, "positive": 0}
    )
    for language, label, n in sentiment:
        by_language[language or "unknown"][label] += int(n)
    comments: dict[str, int] = defaultdict(int)
    for role, public, n in rows:
        comments[role if public else "internal"] += int(n)
    return {
        "comments": dict(comments),
        "sentiment_by_language": dict(sorted(by_language.items())),
        "signals": signals,
    }
