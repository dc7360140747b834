"""Benchmark the Zendesk sync: requests per 1,000 tickets, tickets per second into SQLite
and PostgreSQL, and peak memory, for generated orgs of several sizes.

    python bench/sync.py                       # 10k and 100k tickets
    python bench/sync.py --sizes 2000,10000    # quicker
    python bench/sync.py --no-readme           # print only

The sandbox runs in this process; each sync runs in a child process of its own, so its peak
RSS (VmHWM) is the sync's alone, not the sandbox's in-memory org. The client runs
with the real default page size (1,000) and a request budget high enough not to wait (the
sandbox is local): the figures are the connector's and the database's, not Zendesk's limits.
PostgreSQL gets a database of its own for each run, dropped afterwards. Writes its table
into README.md (section `sync`).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

POSTGRES_ADMIN_URL = os.environ.get(
    "ALIGNBOT_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def child(url: str, email: str, database_url: str) -> None:
    """Run one full sync and print its figures as JSON (runs in a subprocess)."""
    from bot.store import open_store
    from integrations.zendesk.client import ZendeskClient
    from integrations.zendesk.sync import sync

    engine = open_store(database_url)
    baseline = _memory_kib("VmRSS")
    client = ZendeskClient(url, email=email, api_token="sandbox", requests_per_minute=10_000)
    result = sync(engine, client, full=True)
    peak = _memory_kib("VmHWM")
    engine.dispose()
    print(
        json.dumps(
            {
                "tickets": result.tickets,
                "comments": result.comments,
                "api_calls": result.api_calls,
                "seconds": result.seconds,
                "errors": list(result.errors),
                "peak_mib": peak / 1024,
                "growth_mib": (peak - baseline) / 1024,
            }
        )
    )


def _memory_kib(field: str) -> int:
    """VmHWM (peak) or VmRSS (now) of this process, in KiB.

    Not `ru_maxrss`: Linux carries that over fork and exec, so a child of the sandbox
    process would report the sandbox's whole in-memory org as its own peak. VmHWM belongs
    to the process image that exec started, so it measures the sync alone.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # not Linux: best effort


def run_child(url: str, email: str, database_url: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", url, email, database_url],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    figures: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def postgres_database() -> tuple[str, object]:
    from sqlalchemy import create_engine, text

    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"alignbot_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", (admin, name)


def drop_postgres(handle: object) -> None:
    from sqlalchemy import text

    admin, name = handle  # type: ignore[misc]
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def measure(size: int) -> list[dict[str, object]]:
    from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

    started = time.monotonic()
    org = generate_org(tickets=size, seed=1)
    comments = sum(len(c) for c in org.comments.values())
    # A time-based export page never splits a second, so the biggest page holds at least
    # every audit of the busiest second: that, not the ticket count, sets the peak memory.
    busiest = max(Counter(e.get("timestamp") for e in org.ticket_events).values())
    print(f"  generated {size:,} tickets, {comments:,} comments in "
          f"{time.monotonic() - started:.1f} s", flush=True)  # fmt: skip
    rows = []
    with ZendeskSandbox(org) as sandbox, tempfile.TemporaryDirectory() as tmp:
        for backend in ("SQLite", "PostgreSQL"):
            handle = None
            if backend == "SQLite":
                database_url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            else:
                database_url, handle = postgres_database()
            sandbox.stats.reset()
            try:
                figures = run_child(sandbox.url, sandbox.email, database_url)
            finally:
                if handle is not None:
                    drop_postgres(handle)
            if figures["errors"] or figures["tickets"] != size or figures["comments"] != comments:
                raise SystemExit(f"incomplete sync on {backend}: {figures}")
            figures.update(
                size=size, backend=backend, requests=sandbox.stats.requests, busiest=busiest
            )
            print(f"  {backend}: {figures}", flush=True)
            rows.append(figures)
    return rows


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| tickets | comments | store | API requests | requests per 1,000 tickets "
        "| tickets/s | peak RSS of the sync | busiest second (audits) |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        size = int(r["size"])  # type: ignore[call-overload]
        requests = int(r["requests"])  # type: ignore[call-overload]
        seconds = float(r["seconds"])  # type: ignore[arg-type]
        lines.append(
            f"| {size:,} | {int(r['comments']):,} | {r['backend']} | {requests:,} "  # type: ignore[call-overload]
            f"| {requests / (size / 1000):.1f} | {size / seconds:,.0f} "
            f"| {float(r['peak_mib']):.0f} MiB | {int(r['busiest']):,} |"  # type: ignore[arg-type,call-overload]
        )
    lines.append("")
    lines.append(
        "One full sync (`sync(engine, client, full=True)`) of an org made by `generate_org`, "
        "served by the local sandbox, page size 1,000. Requests count every page of every "
        "stream (tickets with sideloads, ticket events with comment bodies, ratings at 100 a "
        "page, groups): they grow with pages, not tickets. Peak RSS is the sync's own process "
        "(VmHWM, the interpreter and libraries included). Pages are streamed and committed "
        "one at a time, never held whole, so memory follows the largest page, not the "
        "ticket count. The largest page is set by the busiest second: Zendesk's time-based "
        "ticket event export never splits a second across pages, and `generate_org` stamps "
        "about 2% of all audits with the same second (its end of period), so that one page "
        "grows with the org; with real timestamps, pages stay near 1,000 audits."
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated ticket counts")
    parser.add_argument("--no-readme", action="store_true", help="print, do not edit README")
    parser.add_argument("--child", nargs=3, metavar=("URL", "EMAIL", "DATABASE_URL"),
                        help=argparse.SUPPRESS)  # fmt: skip
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    rows = []
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        print(f"== {size:,} tickets", flush=True)
        rows.extend(measure(size))
    markdown = table(rows)
    print(markdown)
    if not args.no_readme:
        from bench.readme import write_section

        write_section("sync", markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
