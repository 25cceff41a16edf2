"""Real local servers for the daemon's end-to-end tests and the soak bench.

A feed server (ETag / 304, per-path status overrides, hit counters) and a webhook receiver
that records what Apprise's `json://` service posts. Both bind 127.0.0.1 only.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote_plus, urlsplit
from xml.sax.saxutils import escape


@dataclass
class FeedItem:
    title: str
    text: str
    link: str
    published: datetime
    guid: str = ""


def rss(title: str, items: list[FeedItem], link: str = "https://deadline.com/") -> bytes:
    """A small RSS 2.0 document."""
    entries = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.link)}</link>"
        f"<guid>{escape(i.guid or i.link)}</guid>"
        f"<pubDate>{format_datetime(i.published.astimezone(UTC), usegmt=True)}</pubDate>"
        f"<description>{escape(i.text)}</description></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<description>{escape(title)}</description>{entries}</channel></rss>"
    ).encode()


@dataclass
class FeedServer:
    """Serves `docs[path]`; `status[path]` forces an HTTP status; counts hits per path."""

    host: str = "127.0.0.1"
    docs: dict[str, bytes] = field(default_factory=dict)
    status: dict[str, int] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    queries: list[str] = field(default_factory=list)  # decoded query strings, in order
    default: bytes | None = None  # served for unknown paths (e.g. every Google News query)
    hang: set[str] = field(default_factory=set)  # paths that never answer (until shutdown)
    closing: threading.Event = field(default_factory=threading.Event)
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def set(self, path: str, body: bytes) -> None:
        with self.lock:
            self.docs[path] = body

    def hit_count(self, path: str) -> int:
        with self.lock:
            return self.hits[path]

    def handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                with server.lock:
                    server.hits[parts.path] += 1
                    server.queries.append(unquote_plus(parts.query))
                    forced = server.status.get(parts.path)
                    body = server.docs.get(parts.path, server.default)
                    hangs = parts.path in server.hang
                if hangs:
                    server.closing.wait(60)
                    return
                if forced is not None or body is None:
                    code = forced or 404
                    self.send_response(code)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


@dataclass
class Webhook:
    """Records the JSON bodies POSTed to it (Apprise `json://127.0.0.1:PORT/hook`)."""

    messages: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0
    fail: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def apprise_url(self) -> str:
        return f"json://127.0.0.1:{self.port}/hook"

    def received(self) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.messages)

    def texts(self) -> list[str]:
        return [f"{m.get('title', '')}\n{m.get('message', '')}" for m in self.received()]

    def handler(self) -> type[BaseHTTPRequestHandler]:
        hook = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                code = 500 if hook.fail else 200
                if not hook.fail:
                    try:
                        data = json.loads(raw)
                    except ValueError:
                        data = {"raw": raw.decode("utf-8", "replace")}
                    with hook.lock:
                        hook.messages.append(data)
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


@contextmanager
def serving(thing: FeedServer | Webhook, host: str = "127.0.0.1") -> Iterator[Any]:
    httpd = ThreadingHTTPServer((host, 0), thing.handler())
    httpd.daemon_threads = True
    thing.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield thing
    finally:
        if isinstance(thing, FeedServer):
            thing.closing.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
