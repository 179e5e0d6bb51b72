"""Hostile HTTP servers on loopback, each in a thread (stdlib ``http.server``): redirects to
internal addresses, compression bombs, a trickle, a ``/models`` that is not JSON. ``hits``
records every path that reached a server, to prove a request never did."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli

Route = Callable[[BaseHTTPRequestHandler], None]
SECRET = "internal-secret-7f3a"  # what an internal service would answer: must never show
BOMB_DECODED = 64 * 1024 * 1024  # what each bomb inflates to: 8 times the answers' limit


class Server:
    def __init__(self, host: str, routes: dict[str, Route]) -> None:
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                server.hits.append(self.path)
                length = int(self.headers.get("content-length") or 0)
                self.rfile.read(length)
                route = next((r for p, r in routes.items() if self.path.startswith(p)), None)
                (route or _secret)(self)

            do_GET = do_POST = _any

            def log_message(self, *args: object) -> None:
                return

        self._httpd = ThreadingHTTPServer((host, 0), Handler)
        self._httpd.daemon_threads = True
        self.port = int(self._httpd.server_address[1])
        self.base = f"http://{host}:{self.port}"

    def start(self) -> None:
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@contextmanager
def serve(host: str, routes: dict[str, Route]) -> Iterator[Server]:
    server = Server(host, routes)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def answer(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    for name, value in {"content-type": "application/json", **(headers or {})}.items():
        handler.send_header(name, value)
    handler.send_header("content-length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _secret(handler: BaseHTTPRequestHandler) -> None:
    answer(handler, 500, json.dumps({"error": {"message": SECRET}}).encode())


def redirect_to(location: str, status: int = 307) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        body = f"moved; {SECRET}".encode()
        answer(handler, status, body, {"location": location, "content-type": "text/plain"})

    return route


_BOMBS: dict[str, bytes] = {}


def _bomb(encoding: str) -> bytes:
    if encoding not in _BOMBS:
        zeros = bytes(BOMB_DECODED)
        packed = (
            gzip.compress(zeros, 9) if encoding == "gzip" else brotli.compress(zeros, quality=5)
        )
        _BOMBS[encoding] = packed
    return _BOMBS[encoding]


def bomb(encoding: str) -> Route:
    """A small body that inflates to ``BOMB_DECODED`` bytes."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        answer(handler, 200, _bomb(encoding), {"content-encoding": encoding})

    return route


def trickle(every_s: float, for_s: float) -> Route:
    """Headers at once, then one byte every ``every_s`` for ``for_s`` (a read timeout longer
    than ``every_s`` never fires)."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(10_000))
        handler.end_headers()
        ends = time.monotonic() + for_s
        try:
            while time.monotonic() < ends:
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(every_s)
        except OSError:
            return  # the client hung up: what the deadline is for

    return route


def text(body: str, content_type: str = "application/json") -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        answer(handler, 200, body.encode(), {"content-type": content_type})

    return route
