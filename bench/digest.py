"""Benchmark the digest: time to compute a full `Report` (every metric, overall, per group and
per agent, alerts, conflicts, the 14-day trend) over stores of 100k and 1M tickets, on SQLite
and on PostgreSQL.

    python bench/digest.py                      # 100k and 1M tickets
    python bench/digest.py --runs 20000@60      # quicker: 20k tickets over 60 days
    python bench/digest.py --no-readme          # print only

Stores are filled directly (PostgreSQL by COPY, SQLite by executemany) with a synthetic
support org: N tickets over D days, three public comments each (customer, agent, customer)
with their stored signals, metric sets, status histories (and the runs folded from them; a
tenth of the solved tickets were reopened once), the solves' stored facts, satisfaction
ratings, 10 groups, 200 agents and repeat requesters. A digest reads the reported day, the day
before and the 14 days of its trend, so its cost grows mostly with the tickets per day: the
default runs put 1M tickets both into 60 days (16,700 a day, a very large support org) and
into a year (2,700 a day). PostgreSQL is vacuumed and analysed after the fill, as
autovacuum would. Filling is not timed; the digest for yesterday (the org's last day) is:
first on a store that has stored no trend day yet, then as the daily schedule runs it (the
day before's digest ran first, untimed). Writes its table into README.md (section
`digest`). PostgreSQL by default; `--stores postgres,sqlite` adds SQLite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, Table, create_engine, text  # noqa: E402

from bot.store.history import Change, runs_of  # noqa: E402
from bot.store.solves import refresh_all  # noqa: E402

POSTGRES_ADMIN_URL = os.environ.get(
    "ALIGNBOT_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
NOW = datetime(2026, 11, 25, tzinfo=UTC)
DAYS = 60
AGENTS = 200
GROUPS = 10
BACKLOG_DAYS = 21
BATCH = 20_000
CHANNELS = ("email", "web", "chat", "phone", "messaging")
SENTIMENT = (("negative", -0.6), ("neutral", 0.0), ("positive", 0.6))


def _tables() -> dict[str, Table]:
    from sqlmodel import SQLModel

    import bot.store  # noqa: F401  (registers every table)

    return dict(SQLModel.metadata.tables)


def _rows(tickets: int, days: int = DAYS, seed: int = 1) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) pairs of a synthetic org, streamed: memory stays flat at any size."""
    rnd = random.Random(seed)
    for group in range(1, GROUPS + 1):
        yield "groups", {"id": group, "name": f"Group {group}", "deleted": False}
    for agent in range(1, AGENTS + 1):
        yield (
            "users",
            {
                "id": agent,
                "name": f"Agent {agent}",
                "email": f"agent{agent}@example.com",
                "role": "agent",
                "locale": "en-US",
                "default_group_id": 1 + agent % GROUPS,
            },
        )
    requesters = max(tickets // 3, 10)
    for user in range(1, requesters + 1):
        yield (
            "users",
            {
                "id": 10_000 + user,
                "name": f"Customer {user}",
                "email": f"c{user}@example.net",
                "role": "end-user",
                "locale": rnd.choice(("en-US", "es", "fr", "de", "pt-BR")),
            },
        )
    span = days * 86_400
    comment_id = change_id = 0
    for ticket in range(1, tickets + 1):
        created = NOW - timedelta(seconds=rnd.randrange(span))
        agent = rnd.randrange(1, AGENTS + 1)
        # A real backlog is recent: a fifth of the last three weeks' tickets are still open,
        # older ones have all been solved (a year-old open ticket is a rarity, not 20%).
        solved = rnd.random() < 0.8 or created < NOW - timedelta(days=BACKLOG_DAYS)
        solved_at = created + timedelta(minutes=rnd.randrange(10, 4_000)) if solved else None
        if solved_at and solved_at > NOW:
            solved_at, solved = None, False
        status = (
            rnd.choice(("solved", "closed"))
            if solved
            else rnd.choice(("new", "open", "pending", "hold"))
        )
        channel = rnd.choice(CHANNELS)
        yield (
            "tickets",
            {
                "id": ticket,
                "subject": f"Ticket {ticket}",
                "status": status,
                "priority": rnd.choice(("low", "normal", "normal", "high", "urgent")),
                "channel": channel,
                "via_channel": channel,
                "requester_id": 10_000 + rnd.randrange(1, requesters + 1),
                "assignee_id": agent,
                "group_id": 1 + agent % GROUPS,
                "tags": [],
                "custom_fields": {},
                "created_at": created,
                "updated_at": solved_at or created,
                "deleted": False,
            },
        )
        reopens = 1 if solved and rnd.random() < 0.1 else 0
        history = [(created, "new")]
        if solved_at is not None:
            if reopens:  # solved a third of the way, reopened two thirds of the way
                third = (solved_at - created) / 3
                history += [(created + third, "solved"), (created + 2 * third, "open")]
            history.append((solved_at, "solved"))
            if status == "closed" and solved_at + timedelta(days=4) < NOW:
                history.append((solved_at + timedelta(days=4), "closed"))
        elif status != "new":
            history.append((created + timedelta(minutes=5), status))
        for at, new_status in history:
            change_id += 1
            yield (
                "ticket_status_changes",
                {"id": change_id, "ticket_id": ticket, "at": at, "status": new_status},
            )
        for run in runs_of(
            created, [Change(at, st, None, i) for i, (at, st) in enumerate(history)]
        ):
            yield "ticket_runs", run.row(ticket)
        yield (
            "ticket_metrics",
            {
                "ticket_id": ticket,
                "id": ticket,
                "reopens": reopens,
                "replies": 1,
                "assignee_stations": 1,
                "group_stations": 1,
                "first_resolution_time_calendar": (
                    int((solved_at - created).total_seconds() // 60) if solved_at else None
                ),
                "full_resolution_time_calendar": (
                    int((solved_at - created).total_seconds() // 60) if solved_at else None
                ),
                "solved_at": solved_at,
                "created_at": created,
                "updated_at": solved_at or created,
            },
        )
        stamp = created
        for role in ("customer", "agent", "customer"):
            comment_id += 1
            stamp = stamp + timedelta(minutes=rnd.randrange(1, 600))
            yield (
                "comments",
                {
                    "id": comment_id,
                    "ticket_id": ticket,
                    "author_id": agent if role == "agent" else None,
                    "author_role": role,
                    "public": True,
                    "channel": channel,
                    "body": "…",
                    "created_at": stamp,
                },
            )
            label, score = rnd.choice(SENTIMENT)
            signal: dict[str, Any] = {
                "comment_id": comment_id,
                "ticket_id": ticket,
                "role": role,
                "public": True,
                "language": "en",
                "body_hash": "x",
                "analyzer_version": "bench",
                "analyzed_at": NOW,
                "created_at": stamp,
            }
            if role == "customer":
                signal |= {
                    "sentiment_label": label,
                    "sentiment_score": score,
                    "frustration": label == "negative" and rnd.random() < 0.5,
                    "resolution_reply": rnd.choice(("confirm", "deny", "none", "none")),
                    "trust_indicator": rnd.random() < 0.1,
                    "restatements": 1 if rnd.random() < 0.05 else 0,
                }
            else:
                signal |= {
                    "empathy": rnd.choice(("none", "scripted", "authentic")),
                    "empathy_matched": rnd.random() < 0.5,
                    "upsell": rnd.random() < 0.03,
                    "acknowledges_history": rnd.random() < 0.3,
                    "redundant_question": rnd.random() < 0.1,
                }
            yield "comment_signals", signal
        if solved and rnd.random() < 0.15:
            yield (
                "satisfaction_ratings",
                {
                    "id": ticket,
                    "ticket_id": ticket,
                    "assignee_id": agent,
                    "group_id": 1 + agent % GROUPS,
                    "score": "good" if rnd.random() < 0.8 else "bad",
                    "comment": None,
                    "created_at": solved_at,
                },
            )


def _naive(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, list | dict):
        return json.dumps(value)
    return value


def fill(engine: Engine, tickets: int, days: int = DAYS) -> None:
    """Write the synthetic org, batch by batch, by COPY on PostgreSQL."""
    tables = _tables()
    buffers: dict[str, list[dict[str, Any]]] = {}

    def flush(name: str) -> None:
        rows = buffers.pop(name, [])
        if not rows:
            return
        table = tables[name]
        columns = [c.name for c in table.columns if c.name in rows[0] or not c.nullable]
        columns = [c for c in columns if c in _all_keys(rows)]
        if engine.dialect.name == "postgresql":
            raw = engine.raw_connection()
            try:
                cursor = raw.cursor()
                with cursor.copy(  # type: ignore[attr-defined]
                    f'COPY "{name}" ({", ".join(columns)}) FROM STDIN'
                ) as copy:
                    for row in rows:
                        copy.write_row([_naive(row.get(c)) for c in columns])
                raw.commit()
            finally:
                raw.close()
        else:
            with engine.begin() as conn:
                conn.execute(table.insert(), [{c: row.get(c) for c in columns} for row in rows])

    for name, row in _rows(tickets, days):
        if name not in tables:
            continue
        known = {c.name for c in tables[name].columns}
        buffers.setdefault(name, []).append({k: v for k, v in row.items() if k in known})
        if len(buffers[name]) >= BATCH:
            flush(name)
    for name in list(buffers):
        flush(name)
    # The solves' stored facts, as the sync and the analysis job keep them (bot.store.solves).
    with engine.begin() as conn:
        refresh_all(conn)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))


def _all_keys(rows: list[dict[str, Any]]) -> set[str]:
    keys: set[str] = set()
    for row in rows[:200]:
        keys.update(row)
    return keys


def time_digest(engine: Engine) -> tuple[float, float]:
    """(first, daily): the digest for yesterday on a store that has stored no trend day yet,
    then as a daily digest runs it: the day before's digest stored the trend days final
    then (`bot.store.trend`), so this one computes only the two days it reports."""
    from bot.metrics.model import Period
    from bot.metrics.report import build_report
    from bot.settings import load_settings
    from bot.store.tables import TREND_FIGURES

    settings = load_settings(database_url="sqlite:///unused.db", zendesk_url=None)
    url = "https://acme.zendesk.com"

    def digest(now: datetime) -> float:
        started = time.perf_counter()
        build_report(engine, settings, Period.yesterday(now, "UTC"), now=now, zendesk_url=url)
        return time.perf_counter() - started

    def forget() -> None:
        with engine.begin() as conn:
            conn.execute(TREND_FIGURES.delete())

    forget()
    first = digest(NOW)
    forget()
    digest(NOW - timedelta(days=1))  # yesterday's run, not timed
    return first, digest(NOW)


def run(size: int, days: int, backend: str) -> dict[str, Any]:
    from bot.store import make_engine, upgrade

    if backend == "sqlite":
        directory = tempfile.mkdtemp(prefix="alignbot-bench-")
        url = f"sqlite:///{directory}/digest.db"
        admin = None
        name = ""
    else:
        admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
        name = f"alignbot_bench_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    engine = make_engine(url)
    try:
        upgrade(engine)
        started = time.perf_counter()
        fill(engine, size, days)
        filled = time.perf_counter() - started
        first, daily = time_digest(engine)
        return {
            "tickets": size,
            "days": days,
            "store": backend,
            "fill_s": filled,
            "first": first,
            "daily": daily,
        }
    finally:
        engine.dispose()
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


#: (tickets, days) -> the time a daily PostgreSQL digest should stay under.
TARGETS = {(1_000_000, 365): 2.0, (1_000_000, 60): 3.0}


def _targets(results: list[dict[str, Any]]) -> str:
    """Whether each measured PostgreSQL run met its target, in words."""
    said = []
    for r in results:
        target = TARGETS.get((r["tickets"], r["days"]))
        if target is None or r["store"] != "postgres":
            continue
        verdict = "meets" if r["daily"] < target else "does not meet"
        said.append(
            f"{r['tickets']:,} tickets over {r['days']} days {verdict} its {target:.0f} s "
            f"target on PostgreSQL ({r['daily']:.2f} s daily; {r['first']:.2f} s for a first "
            "digest)."
        )
    return " ".join(said)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs",
        default="100000@60,1000000@365,1000000@60",
        help="comma-separated TICKETS@DAYS",
    )
    parser.add_argument("--stores", default="postgres")
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    results = []
    for spec in args.runs.split(","):
        size, _, days = spec.partition("@")
        for backend in args.stores.split(","):
            result = run(int(size), int(days or DAYS), backend)
            print(json.dumps(result), flush=True)
            results.append(result)
    table = [
        "| tickets | over | tickets a day | store | daily digest | first digest "
        "| filling (not timed) |",
        "| ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for r in results:
        store = "PostgreSQL" if r["store"] == "postgres" else "SQLite"
        table.append(
            f"| {r['tickets']:,} | {r['days']} days | {r['tickets'] // r['days']:,} | {store} "
            f"| {r['daily']:.2f} s | {r['first']:.2f} s "
            f"| {r['fill_s']:.0f} s |"
        )
    note = (
        "One `build_report` for yesterday: every metric for the day and the day before, "
        "overall, per group (10) and per agent (200), alerts, conflict examples and the 14-day "
        "trend. Synthetic store: tickets spread over the days shown, three public comments each "
        "with stored signals, status histories with their runs and solve facts, metric sets "
        "and ratings. *Daily* is the digest as the schedule runs it: the day before's "
        "digest stored the trend days that were final then (its own day before included), "
        "so it computes only the two days it reports. *First* is a digest on a store with "
        "no trend day stored yet (the first run after filling, every trend day computed). "
        "The cost grows "
        "with the tickets a day and, less, with the size of the store. "
        + _targets(results)
        + " PostgreSQL runs with this machine's defaults (128 MB shared_buffers)."
    )
    markdown = "\n".join(table) + "\n\n" + note
    print(markdown)
    if not args.no_readme:
        from bench.readme import write_section

        write_section("digest", markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
