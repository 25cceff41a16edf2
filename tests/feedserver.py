"""A real HTTP server on loopback for tests and benches: feeds with ETag/Last-Modified and
fault switches, and a small RSS builder.

Usage (the `feed_server` fixture of tests/conftest.py gives a started server):

    feed_server.add("/feed.xml", body)                       # 200, ETag + Last-Modified, 304s
    feed_server.add("/gone", status=410)
    feed_server.add("/busy", status=429, headers={"Retry-After": "120"})
    feed_server.add("/moved", redirect="/feed.xml", status=301)
    feed_server.add("/evil", redirect="file:///etc/passwd")
    feed_server.add("/bomb", gzip_bomb(50 * 2**20), headers={"Content-Encoding": "gzip"})
    feed_server.add("/drip", body, drip=0.05)                 # one chunk every 50 ms
    feed_server.add("/slow", body, drip=0.05, drip_headers=True)  # even the headers
    feed_server.add("/hung", body, hang=True)                 # never answers until close()
    feed_server.add_default(rss("Google News", []))           # for every unknown path
    feed_server.add("/feed.xml", rss("Deadline", [FeedItem(...)]))  # replace: new ETag
    url = feed_server.url("/feed.xml"); feed_server.hits("/feed.xml"); feed_server.requests
    feed_server.queries()                                     # decoded query strings
    FeedServer(host="127.0.0.2")                              # another loopback address
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote_plus, urlsplit
from xml.sax.saxutils import escape

FEEDS_DIR = Path(__file__).resolve().parent / "fixtures" / "feeds"

RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"


def fixture_feed(name: str) -> bytes:
    """The bytes of tests/fixtures/feeds/NAME."""
    return (FEEDS_DIR / name).read_bytes()


def gzip_bomb(decompressed_size: int) -> bytes:
    """A gzip stream of `decompressed_size` zero bytes (about 1000x smaller on the wire)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1024 * 1024)
    out = []
    remaining = decompressed_size
    while remaining > 0:
        out.append(compressor.compress(block[: min(remaining, len(block))]))
        remaining -= len(block)
    out.append(compressor.flush())
    return b"".join(out)


@dataclass(frozen=True)
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
class Route:
    """What one path answers. Change the fields between requests to script a scenario."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = RSS
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answered with 304 when If-None-Match matches
    last_modified: str | None = None  # answered with 304 when If-Modified-Since matches
    redirect: str | None = None  # Location (relative to the server, or absolute)
    gzip: bool = False  # compress `body` and say so
    drip: float | None = None  # send the body in small pieces, sleeping this long between
    drip_size: int = 1
    drip_headers: bool = False  # drip the status line and headers too, not just the body
    delay: float = 0.0  # sleep before answering at all
    hang: bool = False  # never answer (until the server closes)
    handler: Callable[[RequestRecord], Route] | None = None  # compute the answer per request


@dataclass(frozen=True)
class RequestRecord:
    method: str
    path: str  # with query string
    headers: dict[str, str]  # lower-case keys
    at: float = field(default_factory=time.monotonic)  # when it arrived


class FeedServer:
    """A threading HTTP server on an ephemeral port of `host` (any 127.x.y.z on Linux)."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.default: Route | None = None  # answers paths without a route (else 404)
        self.requests: list[RequestRecord] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else keep-alive requests wait 40 ms for ACKs

            def do_GET(self) -> None:
                server._handle(self)

            def do_HEAD(self) -> None:
                server._handle(self)

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output clean

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://{host}:{self.port}"
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    # --- scripting ---

    def url(self, path: str) -> str:
        return self.base_url + path

    def add(
        self,
        path: str,
        body: bytes = b"",
        *,
        conditional: bool = True,
        **options: object,
    ) -> Route:
        """Serve `body` at `path`. conditional: also send ETag/Last-Modified and answer 304.

        Adding a path again replaces its route (a changed body gets a new ETag).
        """
        route = self._route(body, conditional, options)
        self.routes[path] = route
        return route

    def add_default(
        self, body: bytes = b"", *, conditional: bool = True, **options: object
    ) -> Route:
        """What every path without its own route answers (e.g. each Google News search)."""
        self.default = self._route(body, conditional, options)
        return self.default

    @staticmethod
    def _route(body: bytes, conditional: bool, options: dict[str, object]) -> Route:
        route = Route(body=body, **options)  # type: ignore[arg-type]
        if conditional and route.status == 200 and route.redirect is None:
            route.etag = route.etag or f'"{hashlib.sha1(body).hexdigest()[:16]}"'
            route.last_modified = route.last_modified or formatdate(1_700_000_000, usegmt=True)
        return route

    def add_json(self, path: str, body: bytes, status: int = 200, **headers: str) -> None:
        """Serve `body` as JSON at `path` (query included), with ETag/Last-Modified and 304s.
        Header names may use underscores for dashes (`Cache_Control="max-age=3600"`)."""
        named = {k.replace("_", "-"): v for k, v in headers.items()}
        self.add(path, body, status=status, content_type="application/json", headers=named)

    def paths(self) -> list[str]:
        """The paths requested so far, in order."""
        return [r.path for r in self.requests]

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if urlsplit(r.path).path == path)

    def queries(self) -> list[str]:
        """The decoded query string of every request so far, in order."""
        with self._lock:
            return [unquote_plus(urlsplit(r.path).query) for r in self.requests]

    def last_request(self, path: str) -> RequestRecord:
        with self._lock:
            return [r for r in self.requests if urlsplit(r.path).path == path][-1]

    def close(self) -> None:
        self._stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FeedServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- serving ---

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        record = RequestRecord(
            method=h.command, path=h.path, headers={k.lower(): v for k, v in h.headers.items()}
        )
        with self._lock:
            self.requests.append(record)
        route = self.routes.get(h.path) or self.routes.get(urlsplit(h.path).path) or self.default
        if route is None:
            self._send(h, 404, b"not found", {"Content-Type": "text/plain"})
            return
        if route.handler is not None:
            route = route.handler(record)
        if route.hang:
            self._stopping.wait()
            h.close_connection = True  # no answer, so no next request on this connection
            return
        if route.delay:
            self._stopping.wait(route.delay)
        headers = dict(route.headers)
        if route.redirect is not None:
            headers["Location"] = route.redirect
            self._send(h, route.status if 300 <= route.status < 400 else 302, b"", headers)
            return
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        not_modified = (route.etag and record.headers.get("if-none-match") == route.etag) or (
            route.last_modified
            and not route.etag
            and record.headers.get("if-modified-since") == route.last_modified
        )
        if route.status == 200 and not_modified:
            self._send(h, 304, b"", headers)
            return
        body = route.body
        if route.gzip:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        if route.content_type and "Content-Type" not in headers:
            headers["Content-Type"] = route.content_type
        if route.drip is not None:
            self._drip(h, route, body, headers)
            return
        self._send(h, route.status, body, headers)

    def _send(
        self, h: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]
    ) -> None:
        try:
            h.send_response(status)
            for key, value in headers.items():
                h.send_header(key, value)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            if h.command != "HEAD":
                h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _drip(
        self, h: BaseHTTPRequestHandler, route: Route, body: bytes, headers: dict[str, str]
    ) -> None:
        try:
            h.close_connection = True
            if route.drip_headers:
                lines = [f"HTTP/1.1 {route.status} Whatever", "Connection: close"]
                lines += [f"{k}: {v}" for k, v in headers.items()]
                body = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
            else:
                h.send_response(route.status)
                for key, value in headers.items():
                    h.send_header(key, value)
                h.send_header("Connection", "close")
                h.end_headers()
            for start in range(0, len(body), route.drip_size):
                if self._stopping.is_set():
                    return
                h.wfile.write(body[start : start + route.drip_size])
                h.wfile.flush()
                time.sleep(route.drip or 0)
        except (BrokenPipeError, ConnectionResetError):
            pass
