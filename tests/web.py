"""A real HTTP server on localhost for the tests of URLs: a threaded ``http.server`` that serves
fixed answers by path, so the client under test (httpx) runs over real sockets. Never a mock
transport, never the internet.

    with Site() as site:
        site.route("/a", b"<p>hi</p>", {"Content-Type": "text/html"})
        read_article(site.url("/a"))
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from types import TracebackType

# What a route answers: (status, headers, body), or a function of the handler that answers itself.
Answer = tuple[int, dict[str, str], bytes]
Route = Answer | Callable[[BaseHTTPRequestHandler], None]


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: a client that hangs up before the body is sent (a refused PDF, a page over
        the size cap) is what several tests check, and the tests capture stderr."""


class Site:
    """A server on 127.0.0.1 with a free port; routes added before or while it runs."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []  # (path, headers) as received
        self.active = 0  # slow answers (``slow``) being given now, and the most at once
        self.most_active = 0
        self.stop = threading.Event()  # releases stalled handlers when the site closes
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with site._lock:
                    site.requests.append((self.path, dict(self.headers)))
                site.answer(self)

            def log_message(self, format: str, *args: object) -> None:
                pass  # quiet: the tests read what the client reports

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def route(
        self, path: str, body: bytes, headers: dict[str, str] | None = None, status: int = 200
    ) -> str:
        """Serve ``body`` at ``path``; returns the URL."""
        self.routes[path] = (status, headers or {}, body)
        return self.url(path)

    def handler(self, path: str, answer: Callable[[BaseHTTPRequestHandler], None]) -> str:
        self.routes[path] = answer
        return self.url(path)

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        route = self.routes.get(handler.path)
        if route is None:
            route = (404, {"Content-Type": "text/plain"}, b"no such page")
        if callable(route):
            route(handler)
            return
        status, headers, body = route
        handler.send_response(status)
        for key, value in headers.items():
            handler.send_header(key, value)
        if not any(k.lower() == "content-length" for k in headers):
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def stall(self, handler: BaseHTTPRequestHandler) -> None:
        """Accept the request and answer nothing until the site closes (at most 10 s)."""
        self.stop.wait(10)

    def slow(self, seconds: float, body: bytes) -> Callable[[BaseHTTPRequestHandler], None]:
        """An answer that takes ``seconds`` before it comes, to see how many run at once."""

        def answer(handler: BaseHTTPRequestHandler) -> None:
            with self._lock:
                self.active += 1
                self.most_active = max(self.most_active, self.active)
            time.sleep(seconds)
            with self._lock:
                self.active -= 1
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html; charset=utf-8")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

        return answer

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)
