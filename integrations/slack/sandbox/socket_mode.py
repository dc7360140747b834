"""Socket Mode in the Slack sandbox: `apps.connections.open` hands out a `ws://` URL on
127.0.0.1, and this websocket server delivers envelopes to the app connected there and
collects its acks (https://docs.slack.dev/apis/events-api/using-socket-mode).

An envelope is `{"envelope_id", "type": "interactive" | "slash_commands" | "events_api",
"payload", "accepts_response_payload"}`; the app answers `{"envelope_id", "payload"?}`. The
websocket protocol itself is wsproto's (a sans-I/O implementation), so the sandbox only moves
bytes between it and a socket.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import uuid
from typing import Any

from wsproto import ConnectionType, WSConnection
from wsproto.connection import ConnectionState
from wsproto.events import (
    AcceptConnection,
    BytesMessage,
    CloseConnection,
    Ping,
    Request,
    TextMessage,
)

__all__ = ["SocketModeServer"]

log = logging.getLogger(__name__)

Record = dict[str, Any]

POLL_SECONDS = 0.1  # how often a blocked read looks at the stop flag
MAX_CONNECTIONS = 8


class _Connection:
    """One app connected over the websocket; `send` may be called from any thread."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.ws = WSConnection(ConnectionType.SERVER)
        self.write_lock = threading.Lock()
        self.open = False
        self.closed = threading.Event()
        self.partial: list[str] = []  # the fragments of a text message still arriving

    def send(self, event: Any) -> None:
        with self.write_lock:
            data = self.ws.send(event)
            self.sock.sendall(data)


class SocketModeServer:
    """A websocket endpoint on 127.0.0.1 and a free port; `start()` before handing out URLs."""

    def __init__(self, host: str = "127.0.0.1", *, app_id: str) -> None:
        self._host = host
        self._app_id = app_id
        self._listener: socket.socket | None = None
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._connections: list[_Connection] = []
        self.acks: dict[str, Record] = {}  # envelope_id -> what the app answered
        self.tickets: set[str] = set()

    @property
    def port(self) -> int:
        if self._listener is None:
            raise RuntimeError("the Socket Mode server is not running: call start() first")
        return int(self._listener.getsockname()[1])

    def start(self) -> None:
        if self._listener is not None:
            return
        listener = socket.create_server((self._host, 0))
        listener.settimeout(POLL_SECONDS)
        self._listener = listener
        self._spawn(self._accept_loop, "slack-socket-mode")

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.send(CloseConnection(code=1001, reason="sandbox stopping"))
            except (OSError, Exception) as exc:  # wsproto raises LocalProtocolError if closed
                log.debug("closing a Socket Mode connection failed: %s", exc)
            connection.sock.close()
        for thread in self._threads:
            thread.join(timeout=5)
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def new_url(self) -> str:
        """A fresh `ws://` URL for apps.connections.open."""
        ticket = uuid.uuid4().hex
        with self._lock:
            self.tickets.add(ticket)
        return f"ws://{self._host}:{self.port}/link/?ticket={ticket}&app_id={self._app_id}"

    @property
    def connected(self) -> int:
        with self._lock:
            return sum(1 for c in self._connections if c.open)

    def wait_connected(self, timeout: float = 5.0) -> bool:
        """True once an app is connected (and was sent its hello), within `timeout`."""
        with self._changed:
            return self._changed.wait_for(
                lambda: any(c.open for c in self._connections), timeout=timeout
            )

    def send_envelope(
        self, kind: str, payload: Record, *, accepts_response_payload: bool = False
    ) -> str:
        """Deliver one envelope to the first connected app; returns its envelope_id."""
        envelope_id = str(uuid.uuid4())
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
        }
        with self._lock:
            connection = next((c for c in self._connections if c.open), None)
        if connection is None:
            raise RuntimeError("no app is connected over Socket Mode")
        connection.send(TextMessage(data=json.dumps(envelope)))
        return envelope_id

    def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> Record | None:
        """The app's ack of an envelope, or None if none came within `timeout` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: envelope_id in self.acks, timeout=timeout)
            return self.acks.get(envelope_id)

    # ----- threads --------------------------------------------------------------------------

    def _spawn(self, target: Any, name: str, *args: Any) -> None:
        thread = threading.Thread(target=target, name=name, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # the listener was closed
            with self._lock:
                if len(self._connections) >= MAX_CONNECTIONS:
                    sock.close()
                    continue
                connection = _Connection(sock)
                self._connections.append(connection)
            sock.settimeout(POLL_SECONDS)
            self._spawn(self._serve, "slack-socket-mode-conn", connection)

    def _serve(self, connection: _Connection) -> None:
        try:
            while not self._stop.is_set() and not connection.closed.is_set():
                try:
                    data = connection.sock.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                connection.ws.receive_data(data or None)
                for event in connection.ws.events():
                    self._handle(connection, event)
                if not data:
                    break
        finally:
            connection.closed.set()
            with self._changed:
                connection.open = False
                if connection in self._connections:
                    self._connections.remove(connection)
                self._changed.notify_all()
            connection.sock.close()

    def _handle(self, connection: _Connection, event: Any) -> None:
        if isinstance(event, Request):
            connection.send(AcceptConnection())
            hello = {
                "type": "hello",
                "num_connections": 1,
                "debug_info": {"host": "sandbox", "approximate_connection_time": 3600},
                "connection_info": {"app_id": self._app_id},
            }
            connection.send(TextMessage(data=json.dumps(hello)))
            with self._changed:
                connection.open = True
                self._changed.notify_all()
        elif isinstance(event, Ping):
            connection.send(event.response())
        elif isinstance(event, CloseConnection):
            # A close frame is answered; a dropped connection (1006) has no one to answer.
            if connection.ws.state is ConnectionState.REMOTE_CLOSING:
                connection.send(event.response())
            connection.closed.set()
        elif isinstance(event, TextMessage | BytesMessage):
            chunk = event.data if isinstance(event.data, str) else event.data.decode()
            connection.partial.append(chunk)
            if not event.message_finished:
                return
            text = "".join(connection.partial)
            connection.partial.clear()
            try:
                message = json.loads(text)
            except ValueError:
                log.warning("the app sent a Socket Mode message that is not JSON")
                return
            envelope_id = message.get("envelope_id") if isinstance(message, dict) else None
            if isinstance(envelope_id, str):
                with self._changed:
                    self.acks[envelope_id] = message
                    self._changed.notify_all()
