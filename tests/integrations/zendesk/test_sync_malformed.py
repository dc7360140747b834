"""Malformed payloads are stored after repair or rejected, each with a logged reason on
`alignbot.sync`, and never stop the sync. Bad records are planted in the sandbox's org;
bad bytes and non-JSON pages come from a small corrupting proxy on loopback, standing for
a broken middlebox between us and Zendesk (the sandbox itself only serves valid JSON)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine
from sqlmodel import Session
from test_sync_support import NOW, ids

from bot.store import Comment, Ticket, TicketMetric, User
from integrations.zendesk.client import ZendeskClient
from integrations.zendesk.records import MAX_BODY_CHARS
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org
from integrations.zendesk.sync import sync


class CorruptingProxy:
    """Forwards to the sandbox; can break the next N answers of a path, or swap bytes."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.break_next: dict[str, int] = {}
        self.swap: tuple[bytes, bytes] | None = None
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                broken = proxy.break_next.get(path, 0)
                if broken:
                    proxy.break_next[path] = broken - 1
                    self._send(200, b"<html><body>502 Bad Gateway</body></html>", {})
                    return
                with httpx.Client(timeout=5) as http:
                    answer = http.get(
                        proxy.upstream + self.path,
                        headers={"Authorization": self.headers["Authorization"]},
                    )
                body = answer.content
                if proxy.swap is not None:
                    body = body.replace(*proxy.swap)
                keep = {k: v for k, v in answer.headers.items() if k.lower() == "retry-after"}
                self._send(answer.status_code, body, keep)

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> CorruptingProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def planted() -> Iterator[tuple[ZendeskSandbox, dict[str, Any]]]:
    org = generate_org(tickets=60, seed=9, now=NOW)
    tids = sorted(org.tickets)
    marks: dict[str, Any] = {}
    no_times = org.tickets[tids[0]]
    no_times.pop("created_at")
    no_times.pop("updated_at")
    marks["rejected_ticket"] = tids[0]
    org.tickets[tids[1]]["via"] = {"channel": "carrier_pigeon"}
    marks["pigeon"] = tids[1]
    org.tickets[tids[2]]["tags"] = "vip"
    org.tickets[tids[2]]["group_id"] = "20002"
    marks["repaired_ticket"] = tids[2]
    with_comments = [t for t in tids[3:] if len(org.comments[t]) >= 3]
    first, second, third = org.comments[with_comments[0]][:3]
    first["body"] = "x" * (MAX_BODY_CHARS + 5_000)
    second["body"] = "nul\x00byte and CORRUPT_ME here"
    marks["huge"], marks["dirty"] = first["id"], second["id"]
    marks["no_id_comment"] = third.pop("id")
    requester = org.tickets[tids[4]]["requester_id"]
    org.users[requester]["role"] = ["end-user"]
    marks["odd_user"] = requester
    org.ticket_metrics[tids[5]]["reply_time_in_minutes"] = "soon"
    marks["odd_metric"] = tids[5]
    rating_id = sorted(org.satisfaction_ratings)[0]
    org.satisfaction_ratings[rating_id].pop("created_at")
    org.satisfaction_ratings[rating_id].pop("updated_at")
    marks["rejected_rating"] = rating_id
    with ZendeskSandbox(org) as sandbox:
        yield sandbox, marks


def test_malformed_records_are_repaired_or_rejected_with_a_reason_and_the_sync_goes_on(
    engine: Engine,
    planted: tuple[ZendeskSandbox, dict[str, Any]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    sandbox, marks = planted
    org = sandbox.org
    caplog.set_level(logging.INFO, logger="alignbot")
    with CorruptingProxy(sandbox.url) as proxy:
        proxy.swap = (b"CORRUPT_ME", b"\xff\xfeBAD")
        proxy.break_next["/api/v2/incremental/ticket_events.json"] = 1
        client = ZendeskClient(
            proxy.url,
            email=sandbox.email,
            api_token="sandbox",
            requests_per_minute=10_000,
            backoff_base=0.001,
            page_size=50,
        )
        result = sync(engine, client, full=True)

    assert result.errors == ()
    assert result.rejected == 3  # the ticket and rating without timestamps, the id-less comment
    assert result.repaired >= 6
    assert ids(engine, "tickets") == sorted(set(org.tickets) - {marks["rejected_ticket"]})
    assert marks["rejected_rating"] not in ids(engine, "satisfaction_ratings")
    stored_comments = set(ids(engine, "comments"))
    all_comments = {c.get("id") for cs in org.comments.values() for c in cs}
    assert stored_comments == all_comments - {None}
    with Session(engine) as session:
        pigeon = session.get(Ticket, marks["pigeon"])
        repaired = session.get(Ticket, marks["repaired_ticket"])
        huge = session.get(Comment, marks["huge"])
        dirty = session.get(Comment, marks["dirty"])
        user = session.get(User, marks["odd_user"])
        metric = session.get(TicketMetric, marks["odd_metric"])
    assert pigeon is not None and (pigeon.channel, pigeon.via_channel) == (
        "other",
        "carrier_pigeon",
    )
    assert repaired is not None and repaired.tags == [] and repaired.group_id == 20002
    assert huge is not None and len(huge.body) < MAX_BODY_CHARS + 100
    assert huge.body.startswith("x" * MAX_BODY_CHARS) and "truncated by alignbot" in huge.body
    assert dirty is not None and dirty.body == "nulbyte and \ufffd\ufffdBAD here"
    assert user is not None and user.role == "end-user"
    assert metric is not None and metric.reply_time_calendar is None
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "alignbot.sync")
    assert f"rejected ticket: ticket {marks['rejected_ticket']} has neither" in logged
    assert "rejected comment: id None is not a positive number" in logged
    assert f"satisfaction rating {marks['rejected_rating']} has no created_at" in logged
    assert "unknown Zendesk channel 'carrier_pigeon'" in logged
    assert f"comment {marks['huge']}" in logged and "truncated at 65536" in logged
    assert any("not JSON" in r.getMessage() for r in caplog.records)
    assert any("non-UTF-8" in r.getMessage() for r in caplog.records)


def test_a_page_that_never_parses_stops_only_its_stream_until_the_next_sync(
    engine: Engine, planted: tuple[ZendeskSandbox, dict[str, Any]]
) -> None:
    sandbox, _ = planted
    with CorruptingProxy(sandbox.url) as proxy:
        proxy.break_next["/api/v2/satisfaction_ratings.json"] = 100
        client = ZendeskClient(
            proxy.url,
            email=sandbox.email,
            api_token="sandbox",
            requests_per_minute=10_000,
            backoff_base=0.001,
            max_retries=2,
            page_size=50,
        )
        broken = sync(engine, client, full=True)
        proxy.break_next.clear()
        healed = sync(engine, client)

    assert len(broken.errors) == 1 and "satisfaction_ratings" in broken.errors[0]
    assert "not JSON" in broken.errors[0]
    assert broken.tickets == len(sandbox.org.tickets) - 1 and broken.ratings == 0
    assert healed.errors == () and healed.ratings == len(sandbox.org.satisfaction_ratings) - 1
