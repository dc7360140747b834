"""What both sandboxes share: an HTTP server on loopback, run in a daemon thread, and the
sliding window their per-minute rate limits count requests in.

`LoopbackServer` owns the lifecycle (start on 127.0.0.1 and a free port by default, stop,
use as a context manager, the bound port); a sandbox subclasses it, names its request
handler class in `handler_class` and keeps only its API.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar, Self

__all__ = ["LoopbackServer", "MinuteWindow"]

ONE_MINUTE = 60


class LoopbackServer:
    #: The request handler; each server gets a subclass bound to its sandbox (`.sandbox`).
    handler_class: ClassVar[type[BaseHTTPRequestHandler]]
    thread_name: ClassVar[str] = "sandbox"

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._host = host
        self._port = port
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def make_server(
        self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]
    ) -> ThreadingHTTPServer:
        """The server to run; override for one with limits of its own."""
        server = ThreadingHTTPServer(address, handler)
        server.daemon_threads = True
        return server

    def start(self) -> Self:
        if self._server is not None:
            return self
        handler: Any = type("_BoundHandler", (self.handler_class,), {"sandbox": self})
        server = self.make_server((self._host, self._port), handler)
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, name=self.thread_name, kwargs={"poll_interval": 0.1}
        )
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the sandbox is not running: call start() first")
        return int(self._server.server_address[1])


class MinuteWindow:
    """A sliding one-minute window of request times, for a requests-per-minute limit."""

    def __init__(self) -> None:
        self.times: deque[float] = deque()

    def admit(self, limit: int | None, now: float) -> int | None:
        """Record a request; return None if allowed, else the Retry-After seconds."""
        while self.times and now - self.times[0] >= ONE_MINUTE:
            self.times.popleft()
        if limit is not None and len(self.times) >= limit:
            return max(1, math.ceil(ONE_MINUTE - (now - self.times[0])))
        self.times.append(now)
        return None

    def remaining(self, limit: int | None, unlimited: int) -> int:
        """Requests left in the window; `unlimited` when there is no limit."""
        return unlimited if limit is None else max(0, limit - len(self.times))
