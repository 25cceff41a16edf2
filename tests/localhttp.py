"""A real HTTP server on 127.0.0.1 serving canned JSON routes, for the TVmaze/Netflix tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Routes:
    """Path (with query) -> reply; every request is recorded as (path, headers)."""

    base: str = ""
    replies: dict[str, Reply] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def set(self, path: str, body: bytes, status: int = 200, **headers: str) -> None:
        self.replies[path] = Reply(
            body, status, {k.replace("_", "-"): v for k, v in headers.items()}
        )

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


@contextmanager
def serve() -> Iterator[Routes]:
    routes = Routes()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with lock:
                routes.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                reply = routes.replies.get(self.path, Reply(b'{"name":"Not Found"}', 404))
            etag = reply.headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(reply.body)))
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(reply.body)

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    routes.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield routes
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
