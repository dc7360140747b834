"""The analysis job: signals for every new or changed comment in the store.

Incremental: a comment is analysed when it has no `comment_signals` row, when its text no
longer matches the row's `body_hash`, or when the row was written by another
`ANALYZER_VERSION`. Each batch is one transaction, so a crash loses at most the batch in
flight, and a re-run finds nothing to do: re-running changes nothing. The solve and reply
facts of a batch's tickets are refreshed in its transaction, except for a ticket the run
comes back to in a later batch: marked stale there (`defer_refresh`), it is refreshed once
when the run ends, so a ticket of 20,000 comments is not re-read after every batch.

Conversation context comes from the store: an agent reply answers the latest earlier public
customer comment on its ticket; a customer's history is their public comments on this and
other tickets within `HISTORY_DAYS` before the message, with their channels. The
requester's Zendesk locale settles the language of short texts. Each requester's history is
read once into a `bot.signals.history.Timeline` and kept while the next batch needs it, so
a comment costs the same whether its ticket holds 4 comments or 20,000.

Internal notes (`public=False`) and system comments get a role-only row (`public` False for
notes, every signal NULL): they are never read as a customer's words, and the row records
that they were seen so the next run skips them.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Engine, and_, delete, func, select

from bot.settings import Settings
from bot.signals.context import EarlierTexts, History
from bot.signals.history import Said, Timeline
from bot.signals.message import agent_signals, customer_signals
from bot.signals.sentiment import DEFAULT_BACKEND, SentimentBackend
from bot.signals.text import own_words
from bot.store.db import insert_rows
from bot.store.signals import SIGNAL_COLUMNS, CommentSignal
from bot.store.solves import defer_refresh, refresh_marked, refresh_solve_facts
from bot.store.tables import COMMENTS, SIGNALS, TICKETS, USERS

log = logging.getLogger(__name__)

#: Bump when a rule or lexicon changes: every comment is then analysed again.
ANALYZER_VERSION = "signals-11"
HISTORY_DAYS = 30
SCAN_SIZE = 2_000
#: A requester's timeline kept from an earlier batch is read again from the store once more
#: than this share of it is older than anything the batch reads (it only held memory).
STALE_SHARE = 0.5
#: Messages held in the timelines of requesters the current batch does not need, kept for a
#: later batch (a requester's tickets are seldom in consecutive batches); the least recently
#: needed are forgotten first.
HELD_MESSAGES = 100_000
#: A requester's timeline is read from this much before the batch's floor: a later batch
#: whose earliest comment is a little earlier (comments are scanned in id order, which is
#: not quite time order) then finds the timeline it needs held instead of reading it again.
#: The questions a timeline answers all take the batch's floor, so earlier messages held
#: change no answer.
LOAD_MARGIN = timedelta(days=1)
#: The collector's young-generation threshold during a run (`_long_lived_frozen`). At
#: 10,000 a run of 20,000 comments made 25 collections (6 us a comment); at 50,000 the
#: batch's context and rows mostly die before a pass reaches them: 4 collections, 3 us.
YOUNG_THRESHOLD = 50_000
_HISTORY = timedelta(days=HISTORY_DAYS)


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
    # Earlier messages read to give comments their context: rows loaded from the store and
    # messages compared for restatements. It grows with the comments analysed, not with the
    # square of a ticket's length.
    context_reads: int = 0


@dataclass(frozen=True)
class AnalyzeProgress:
    """Where a run stands, after each committed batch: `done` of the `total` comments in
    the store are settled (unchanged, or analysed and committed), `analyzed` of them now."""

    done: int
    total: int
    analyzed: int


class _Row(NamedTuple):
    """A scanned comment (a tuple: one is made for every comment the scan reads)."""

    id: int
    ticket_id: int
    author_role: str
    public: bool
    channel: str
    body: str
    html_body: str | None
    created_at: datetime
    body_hash: str  # of body and html_body: hashed once, when the scan compares it


def body_hash(body: str, html_body: str | None) -> str:
    digest = hashlib.sha1(body.encode("utf-8"), usedforsecurity=False)
    if html_body:
        digest.update(b"\x00" + html_body.encode("utf-8"))
    return digest.hexdigest()


def _words(body: str, html_body: str | None) -> str:
    return own_words(body, None) if body.strip() else own_words("", html_body or "")


def _text(row: _Row) -> str:
    return _words(row.body, row.html_body)


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
    with _long_lived_frozen():
        return _analyze(engine, settings, now, batch_size, backend, progress)


@contextmanager
def _long_lived_frozen() -> Iterator[None]:
    """Keep the collector off what outlives the run. The rule tables, lexicons, compiled
    patterns and modules are hundreds of thousands of objects that never become garbage,
    and the run's growing timelines trigger a full collection now and then that walked
    them all (4-9% of a run): frozen (`gc.freeze`), they are left out of every
    collection. The run allocates many short-lived objects per comment; a young
    generation of `YOUNG_THRESHOLD` collects them in fewer passes (each pass costs what
    survives it, a comment's context mostly) and triggers no full collection here. The
    run's own objects are still collected. A caller that froze objects of its own is left
    frozen (unfreezing would thaw theirs too); otherwise the objects are thawed, and the
    thresholds restored, when the run ends, however it ends. Runs overlapping in threads
    of one process share the change: the first sets it, the last undoes it."""
    global _gc_runs, _gc_saved
    with _gc_lock:
        if _gc_runs == 0:
            freeze = gc.isenabled() and gc.get_freeze_count() == 0
            thresholds = gc.get_threshold()
            _gc_saved = (freeze, thresholds)
            if freeze:
                gc.freeze()
            gc.set_threshold(max(thresholds[0], YOUNG_THRESHOLD), *thresholds[1:])
        _gc_runs += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_runs -= 1
            if _gc_runs == 0:
                freeze, thresholds = _gc_saved
                if freeze:
                    gc.unfreeze()
                gc.set_threshold(*thresholds)


_gc_lock = threading.Lock()
_gc_runs = 0  # runs inside `_long_lived_frozen` now
_gc_saved: tuple[bool, tuple[int, int, int]] = (False, (700, 10, 10))


def _analyze(
    engine: Engine,
    settings: Settings,
    now: datetime,
    batch_size: int,
    backend: SentimentBackend,
    progress: Callable[[AnalyzeProgress], None] | None,
) -> AnalyzeResult:
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
    timelines = _Timelines()
    deferred: set[int] = set()  # tickets whose facts wait for the end of the run
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
            row = _Row(*record[:8], body_hash(record[5], record[6]))
            stored_hash, version = record[8], record[9]
            if version != ANALYZER_VERSION or stored_hash != row.body_hash:
                pending.append(row)
        if page:
            last_id = page[-1][0]
        while len(pending) >= batch_size or (pending and not page):
            batch, pending = pending[:batch_size], pending[batch_size:]
            # A ticket with comments still to analyse in this run (one of thousands of
            # comments) has its facts refreshed once at the end, not after every batch.
            deferred |= {row.ticket_id for row in batch} & {row.ticket_id for row in pending}
            timelines.awaiting = {row.id for row in batch} | {row.id for row in pending}
            analyzed += _analyze_batch(engine, settings, now, batch, backend, timelines, deferred)
            batches += 1
            report()
        if page and not pending:
            report()  # a stretch with nothing (left) to analyse
        if len(page) < SCAN_SIZE and not pending:
            break
    refresh_marked(engine, deferred)
    log.info("analysed %d of %d comments in %d batches", analyzed, scanned, batches)
    return AnalyzeResult(
        scanned=scanned, analyzed=analyzed, batches=batches, context_reads=timelines.reads
    )


def _analyze_batch(
    engine: Engine,
    settings: Settings,
    now: datetime,
    batch: Sequence[_Row],
    backend: SentimentBackend,
    timelines: _Timelines,
    deferred: set[int],
) -> int:
    score_texts = getattr(backend, "score_texts", None)
    if callable(score_texts):
        # A model reads a batch of messages at once much faster than one at a time; the
        # backend keeps the scores for `score` (the onnx backend does).
        score_texts([_text(row) for row in batch if row.public and row.author_role == "customer"])
    with engine.begin() as conn:
        context = _Context.load(conn, batch, timelines, settings.zendesk_sentiment_field_id)
        values = [_signal_values(row, context, settings, now, backend) for row in batch]
        conn.execute(delete(_SIGNALS).where(_S.comment_id.in_([row.id for row in batch])))
        insert_rows(conn, _SIGNALS, values)
        # The solves' stored facts read the signals: refreshed in the same transaction
        # (only these tickets' own: no solve reads another ticket's signals), or marked
        # stale in it (`defer_refresh`) for a ticket the run comes back to: a reader
        # refreshes a mark left by a run that died (`refresh_pending`).
        tickets = {row.ticket_id for row in batch}
        refresh_solve_facts(conn, tickets - deferred, related=False)
        defer_refresh(conn, tickets & deferred, related=False)
    return len(values)


class _Timelines:
    """The requesters' timelines of one run, each kept for later batches (up to
    `HELD_MESSAGES` for requesters the batch does not need) and extended with only what it
    lacks (a huge ticket is read from the store once, not once per batch)."""

    def __init__(self) -> None:
        self.held: dict[int, Timeline] = {}
        self.reads = 0
        # Comments scanned and not yet analysed (the batch in hand and those pending): the
        # own words a load reads of one of them are kept in `words`, with the body they
        # were read from, until `_Context.text` takes them for its signals instead of
        # reading the comment a second time (own_words is the dearest part of a message's
        # context, and a timeline often reaches a comment before its batch does).
        self.awaiting: Collection[int] = ()
        self.words: dict[int, tuple[str, str | None, str]] = {}

    def cover(
        self, conn: Any, requesters: set[int], floor: datetime, latest: datetime
    ) -> dict[int, Timeline]:
        """Timelines holding every public customer message of `requesters` from `floor` to
        `latest`; other requesters' are kept, the least recently needed forgotten first."""
        kept: dict[int, Timeline] = {}
        fresh: set[int] = set()
        behind: dict[int, Timeline] = {}
        for requester in requesters:
            timeline = self.held.get(requester)
            if (
                timeline is None
                or timeline.start > floor
                or timeline.stale_share(floor) > STALE_SHARE
            ):
                fresh.add(requester)
                kept[requester] = Timeline(floor - LOAD_MARGIN)
                continue
            kept[requester] = timeline
            if timeline.end < latest:
                behind[requester] = timeline
        if fresh:
            self._load(conn, kept, fresh, _C.created_at >= floor - LOAD_MARGIN, latest)
        if behind:
            # One read for every timeline behind, from the earliest end among them: each
            # timeline then takes only what is later than its own end.
            ends = {requester: timeline.end for requester, timeline in behind.items()}
            since = min(ends.values())
            self._load(conn, kept, set(ends), _C.created_at > since, latest, after=ends)
        for requester in kept:
            self.held.pop(requester, None)
        others = sum(len(timeline) for timeline in self.held.values())
        for requester in list(self.held):
            if others <= HELD_MESSAGES:
                break
            others -= len(self.held.pop(requester))
        self.held.update(kept)  # last: the most recently needed
        return kept

    def _load(
        self,
        conn: Any,
        timelines: dict[int, Timeline],
        requesters: set[int],
        since: Any,
        latest: datetime,
        after: dict[int, datetime] | None = None,
    ) -> None:
        """Extend `timelines` of `requesters` with their messages `since` up to `latest`,
        each one's only after its time in `after` when given (what it already holds)."""
        found = conn.execute(
            select(
                _C.id,
                _C.ticket_id,
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
                since,
                _C.created_at <= latest,
            )
            .order_by(_C.created_at, _C.id)
        ).all()
        said: dict[int, list[Said]] = defaultdict(list)
        read = 0
        for id_, ticket_id, channel, body, html_body, created_at, requester, by in found:
            if after is not None and created_at <= after[requester]:
                continue  # held already
            read += 1
            # A comment that came by no channel of its own came by its ticket's (`by`).
            came_by = by if channel == "other" else channel
            words = _words(body, html_body)
            said[requester].append(Said(id_, ticket_id, created_at, came_by, words))
            if id_ in self.awaiting:
                self.words[id_] = (body, html_body, words)
        for requester in requesters:
            timelines[requester].extend(said.get(requester, ()), latest)
        self.reads += read


@dataclass
class _Context:
    """What a batch needs to read its comments as conversation: tickets, people, history."""

    requester: dict[int, int | None]  # ticket id -> requester id
    ticket_channel: dict[int, str]
    locale: dict[int, str | None]  # requester id -> locale
    timelines: dict[int, Timeline]  # requester id -> their public customer comments
    # The earliest time this batch reads (HISTORY_DAYS before its earliest comment): a
    # timeline kept from an earlier batch may reach further back.
    floor: datetime
    run: _Timelines
    # Zendesk's own sentiment value per ticket (ZENDESK_SENTIMENT_FIELD_ID), when configured
    sentiment_field: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(
        cls, conn: Any, batch: Sequence[_Row], run: _Timelines, field_id: int | None = None
    ) -> _Context:
        ticket_ids = {row.ticket_id for row in batch}
        # The custom fields (JSON, parsed per row) only when a sentiment field reads them.
        fields = (_T.custom_fields,) if field_id is not None else ()
        tickets = conn.execute(
            select(_T.id, _T.requester_id, _T.channel, *fields).where(_T.id.in_(ticket_ids))
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
        floor = min(row.created_at for row in batch) - timedelta(days=HISTORY_DAYS)
        latest = max(row.created_at for row in batch)
        timelines = run.cover(conn, requesters, floor, latest)
        return cls(requester, channel, locale, timelines, floor, run, sentiment_field)

    def text(self, row: _Row) -> str:
        """The comment's own words: as its context load read them, when it read this body."""
        read = self.run.words.pop(row.id, None)
        if read is not None and read[0] == row.body and read[1] == row.html_body:
            return read[2]
        return _text(row)

    def timeline(self, row: _Row) -> Timeline | None:
        requester = self.requester.get(row.ticket_id)
        return self.timelines.get(requester) if requester is not None else None

    def ticket_sentiment(self, row: _Row) -> str | None:
        """Zendesk's sentiment value of the ticket, for its first customer message only."""
        value = self.sentiment_field.get(row.ticket_id)
        if value is None:
            return None
        timeline = self.timeline(row)
        if timeline is not None and timeline.asked_before(
            row.ticket_id, row.created_at, self.floor
        ):
            return None
        return value

    def channel_of(self, row: _Row) -> str:
        return (
            row.channel
            if row.channel != "other"
            else self.ticket_channel.get(row.ticket_id, "other")
        )

    def since(self, before: datetime) -> datetime:
        return max(before - _HISTORY, self.floor)

    def other_channels(self, row: _Row) -> list[Said]:
        """The customer's earlier messages on other channels than this one's, for
        restatements and earlier contacts (the latest `RESTATEMENT_WINDOW`)."""
        timeline = self.timeline(row)
        if timeline is None:
            return []
        said = timeline.other_channels(
            self.channel_of(row), self.since(row.created_at), row.created_at
        )
        self.run.reads += len(said)
        return said

    def answered(self, reply: _Row) -> tuple[Said | None, History]:
        """The customer comment a reply answers, and the customer's history before it."""
        timeline = self.timeline(reply)
        answered = (
            timeline.answered(reply.ticket_id, reply.created_at, self.floor)
            if timeline is not None
            else None
        )
        if timeline is None or answered is None:
            return None, EarlierTexts(())
        return answered, timeline.window(self.since(answered.created_at), answered.created_at)


_NO_SIGNALS: dict[str, Any] = dict.fromkeys(SIGNAL_COLUMNS)


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
        "body_hash": row.body_hash,
        "analyzer_version": ANALYZER_VERSION,
        "analyzed_at": now,
        **_NO_SIGNALS,
    }
    if not row.public or row.author_role not in ("customer", "agent"):
        return values
    text = context.text(row)
    if row.author_role == "customer":
        signals = customer_signals(
            text,
            locale=locale,
            channel=context.channel_of(row),
            # Only other channels' messages count (restatements, earlier contacts).
            history=context.other_channels(row),
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
    answered, history = context.answered(row)
    agent = agent_signals(
        text,
        customer_text=answered.text if answered is not None else None,
        history=history,
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
