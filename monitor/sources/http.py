"""HTTP fetching with deadlines, size caps, conditional GET and polite next-check rules.

CONTRACT (implemented in issue 2): other stages rely on these names and signatures.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import http.cookiejar
import re
import socket
import threading
import time
import zlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.connection
import urllib3.connectionpool
import urllib3.exceptions

from monitor.models import SourcePoll, SourceState
from monitor.sources.netpolicy import Resolver, refused_redirect, system_resolver

MAX_REDIRECTS = 5
MAX_DELAY = timedelta(hours=24)  # no rule may push a check further out than this
CONNECT_TIMEOUT = 10.0  # seconds, also bounded by the fetch deadline
READ_TIMEOUT = 20.0  # seconds of silence between two packets
CHUNK = 64 * 1024
ALLOWED_SCHEMES = frozenset({"http", "https"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.IGNORECASE)
_NETWORK_ERRORS = (
    requests.RequestException,
    urllib3.exceptions.HTTPError,
    http.client.HTTPException,
    OSError,
)


@dataclass(frozen=True)
class FetchResult:
    """One fetch: either a body, "not modified", or an error, plus the state to remember."""

    status: str  # "ok" | "not_modified" | "unchanged" | "error"
    state: SourceState  # updated etag/last-modified/body hash/failures/next_check/url
    body: bytes | None = None  # set when status == "ok" (new body, parse it)
    headers: dict[str, str] = field(default_factory=dict)  # lower-case keys
    http_status: int | None = None
    final_url: str | None = None
    error: str | None = None


class _FetchFailed(Exception):
    """A fetch problem with the message the user sees and an optional Retry-After."""

    def __init__(
        self,
        message: str,
        *,
        retry_after: timedelta | None = None,
        http_status: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
        self.http_status = http_status
        self.headers = headers or {}


# --- pure rules ------------------------------------------------------------------------------


def _cap(delay: timedelta) -> timedelta:
    return min(max(delay, timedelta(0)), MAX_DELAY)


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """Retry-After as seconds ("120") or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return timedelta(seconds=min(int(text), int(MAX_DELAY.total_seconds())))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(when - now, timedelta(0))


def parse_max_age(cache_control: str | None) -> timedelta | None:
    """Cache-Control max-age; None when absent."""
    if not cache_control:
        return None
    match = _MAX_AGE.search(cache_control)
    return timedelta(seconds=int(match.group(1))) if match else None


def next_check_after_success(
    now: datetime,
    interval: timedelta,
    *,
    max_age: timedelta | None = None,
    retry_after: timedelta | None = None,
) -> datetime:
    """now + the longest of interval, max-age and Retry-After (server hints capped at 24 h)."""
    hint = max(max_age or timedelta(0), retry_after or timedelta(0))
    return now + max(interval, _cap(hint))


def backoff_delay(interval: timedelta, failures: int) -> timedelta:
    """interval * 2^(failures-1), capped at 24 h (never below the interval itself)."""
    if failures <= 1:
        return interval
    return max(interval, _cap(interval * 2 ** min(failures - 1, 20)))


def next_check_after_failure(
    now: datetime, interval: timedelta, failures: int, retry_after: timedelta | None = None
) -> datetime:
    return now + max(backoff_delay(interval, failures), _cap(retry_after or timedelta(0)))


def with_ttl(state: SourceState, ttl: timedelta | None, now: datetime) -> SourceState:
    """Push next_check out to honour a feed's <ttl> (capped at 24 h)."""
    if ttl is None or ttl <= timedelta(0):
        return state
    candidate = now + _cap(ttl)
    if state.next_check is None or candidate > state.next_check:
        return replace(state, next_check=candidate)
    return state


def describe_status(code: int, reason: str | None = None) -> str:
    """A sentence for a failed HTTP status, saying what it means for the feed."""
    try:
        phrase = HTTPStatus(code).phrase
    except ValueError:
        phrase = reason or "error"
    head = f"HTTP {code} {phrase}"
    if code == 410:
        return f"{head}: the feed is gone for good; remove or replace this URL in the config"
    if code == 404:
        return f"{head}: there is no feed at this URL; check it in the config"
    if code in (401, 403):
        return f"{head}: the server refuses the request (login needed or automated clients blocked)"
    if code == 429:
        return f"{head}: the server rate-limits us; waiting before the next try"
    if code == 503:
        return f"{head}: the server is unavailable; waiting before the next try"
    if code >= 500:
        return f"{head}: the server failed; retrying later with backoff"
    return f"{head}: unexpected response"


# --- body decoding ---------------------------------------------------------------------------


class _Decoder:
    """Content-Encoding decoding that never produces more than it is asked for."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._wbits = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS}.get(
            encoding, zlib.MAX_WBITS
        )
        self._obj: Any = zlib.decompressobj(self._wbits) if encoding != "identity" else None
        self._first = True

    def decode(self, data: bytes, limit: int) -> bytes:
        """Up to `limit` decoded bytes of `data` plus whatever input is still pending."""
        if self._obj is None:
            return data[:limit]
        out = b""
        pending = data
        while len(out) < limit:
            try:
                out += self._obj.decompress(pending, limit - len(out))
            except zlib.error:
                if self._first and self.encoding == "deflate":
                    # Some servers send raw deflate without the zlib header.
                    self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._first = False
                    continue
                raise
            self._first = False
            if self._obj.unconsumed_tail:
                pending = self._obj.unconsumed_tail
                continue
            if self._obj.eof and self._obj.unused_data.strip(b"\0"):
                # Concatenated gzip members: start a new decompressor for the next one.
                pending = self._obj.unused_data
                self._obj = zlib.decompressobj(self._wbits)
                continue
            break
        return out


# --- the deadline watchdog -------------------------------------------------------------------

# Sockets used by the fetch running on this thread, so its watchdog can cut them off. A
# timeout per read cannot stop a server that drips its headers one byte at a time.
_current = threading.local()


def _watch(sock: socket.socket | None) -> None:
    watchdog = getattr(_current, "watchdog", None)
    if watchdog is not None and sock is not None:
        watchdog.add(sock)


class _WatchedHTTPConnection(urllib3.connection.HTTPConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        super().request(*args, **kwargs)
        _watch(self.sock)


class _WatchedHTTPSConnection(urllib3.connection.HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        super().request(*args, **kwargs)
        _watch(self.sock)


class _WatchedHTTPPool(urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _WatchedAdapter(requests.adapters.HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _WatchedHTTPPool,
            "https": _WatchedHTTPSPool,
        }


class _Watchdog:
    """Shuts the fetch's sockets down when its total deadline passes."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._done = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)

    def __enter__(self) -> _Watchdog:
        _current.watchdog = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._done = True  # from now on the sockets may belong to someone else
        self._timer.cancel()
        _current.watchdog = None

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


# --- the fetcher -----------------------------------------------------------------------------


class Fetcher:
    """Shared requests Session; one instance per process, thread-safe for concurrent fetches."""

    def __init__(
        self,
        user_agent: str,
        *,
        max_body_bytes: int = 10 * 1024 * 1024,
        deadline: timedelta = timedelta(seconds=30),
        allow_private_redirects: bool = False,
        resolver: Resolver = system_resolver,
    ) -> None:
        self.user_agent = user_agent
        self.allow_private_redirects = allow_private_redirects
        self.resolver = resolver
        self.max_body_bytes = max_body_bytes
        self.deadline = deadline
        self.session = requests.Session()
        # Cookies are state shared between threads and sources; feeds need none.
        self.session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
        adapter = _WatchedAdapter(pool_connections=16, pool_maxsize=16, max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        self.session.close()

    def fetch(
        self,
        url: str,
        state: SourceState,
        now: datetime,
        *,
        interval: timedelta,
        accept: str = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
    ) -> FetchResult:
        """GET `url` (or state.url after a permanent redirect) under every HTTP rule.

        Never raises for network/HTTP problems: returns status "error" with a message and a
        state whose failures/next_check implement the backoff. `next_check` honours interval,
        Cache-Control max-age, Retry-After (capped at 24 h) and backoff; the feed's <ttl> is
        applied by the caller with `with_ttl()` after parsing.
        """
        if state.redirected_from is not None and state.redirected_from != url:
            # The configured URL changed: what was learnt about the old one no longer holds.
            state = replace(
                state, url=None, etag=None, last_modified=None, body_hash=None, redirected_from=None
            )
        watchdog = _Watchdog(self.deadline.total_seconds())
        try:
            with watchdog:
                return self._fetch(url, state, now, interval, accept)
        except _FetchFailed as exc:
            failure = _FetchFailed(self._deadline_message()) if watchdog.fired else exc
            return self._failed(state, now, interval, failure)
        except Exception as exc:  # the contract: a fetch never raises
            failure = _FetchFailed(f"unexpected error: {type(exc).__name__}: {exc}")
            return self._failed(state, now, interval, failure)

    def _failed(
        self, state: SourceState, now: datetime, interval: timedelta, exc: _FetchFailed
    ) -> FetchResult:
        failures = state.failures + 1
        new_state = replace(
            state,
            failures=failures,
            last_error=exc.message,
            next_check=next_check_after_failure(now, interval, failures, exc.retry_after),
        )
        return FetchResult(
            status="error",
            state=new_state,
            error=exc.message,
            http_status=exc.http_status,
            headers=exc.headers,
        )

    def _fetch(
        self, url: str, state: SourceState, now: datetime, interval: timedelta, accept: str
    ) -> FetchResult:
        started = time.monotonic()
        limit = self.deadline.total_seconds()
        current = state.url or url
        permanent_target: str | None = None
        all_permanent = True
        headers = {
            "User-Agent": self.user_agent,
            "Accept": accept,
            "Accept-Encoding": "gzip, deflate",
        }
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        for hop in range(MAX_REDIRECTS + 1):
            scheme = urlsplit(current).scheme.lower()
            if scheme not in ALLOWED_SCHEMES:
                where = "redirect to" if hop else "fetch"
                raise _FetchFailed(
                    f"refusing to {where} a {scheme or 'schemeless'}:// URL: "
                    "only http and https are allowed"
                )
            remaining = limit - (time.monotonic() - started)
            if remaining <= 0:
                raise _FetchFailed(self._deadline_message())
            try:
                response = self.session.get(
                    current,
                    headers=headers,
                    stream=True,
                    allow_redirects=False,
                    timeout=(min(CONNECT_TIMEOUT, remaining), min(READ_TIMEOUT, remaining)),
                )
            except requests.Timeout:
                raise _FetchFailed(self._timeout_message()) from None
            except _NETWORK_ERRORS as exc:
                raise _FetchFailed(_network_message(exc)) from None
            try:
                code = response.status_code
                lower = {k.lower(): v for k, v in response.headers.items()}
                if code in _REDIRECTS:
                    location = lower.get("location")
                    if not location:
                        raise _FetchFailed(f"HTTP {code} redirect without a Location header")
                    previous, current = current, urljoin(current, location.strip())
                    if not self.allow_private_redirects:
                        refused = refused_redirect(previous, current, self.resolver)
                        if refused:
                            raise _FetchFailed(refused, http_status=code)
                    all_permanent = all_permanent and code in _PERMANENT
                    if all_permanent:
                        permanent_target = current
                    continue
                return self._answer(
                    response, code, lower, state, now, interval, current, permanent_target, url,
                    started,
                )  # fmt: skip
            finally:
                response.close()
        raise _FetchFailed(f"too many redirects (more than {MAX_REDIRECTS})")

    def _answer(
        self,
        response: requests.Response,
        code: int,
        headers: dict[str, str],
        state: SourceState,
        now: datetime,
        interval: timedelta,
        final_url: str,
        permanent_target: str | None,
        configured_url: str,
        started: float,
    ) -> FetchResult:
        retry_after = parse_retry_after(headers.get("retry-after"), now)
        if code >= 400:
            raise _FetchFailed(
                describe_status(code, response.reason),
                retry_after=retry_after if code in (429, 503) else None,
                http_status=code,
                headers=headers,
            )
        moved = {}
        if permanent_target is not None:
            moved = {"url": permanent_target, "redirected_from": configured_url}
        next_check = next_check_after_success(
            now,
            interval,
            max_age=parse_max_age(headers.get("cache-control")),
            retry_after=retry_after,
        )
        healthy = replace(
            state, failures=0, last_error=None, last_success=now, next_check=next_check, **moved
        )
        if code == 304:
            return FetchResult(
                status="not_modified",
                state=replace(
                    healthy,
                    etag=headers.get("etag") or state.etag,
                    last_modified=headers.get("last-modified") or state.last_modified,
                ),
                headers=headers,
                http_status=code,
                final_url=final_url,
            )
        if not 200 <= code < 300:
            raise _FetchFailed(describe_status(code, response.reason), http_status=code)
        body = self._read_body(response, headers, started)
        body_hash = hashlib.sha256(body).hexdigest()
        status = "unchanged" if body_hash == state.body_hash else "ok"
        new_state = replace(
            healthy,
            body_hash=body_hash,
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
        )
        return FetchResult(
            status=status,
            state=new_state,
            body=body if status == "ok" else None,
            headers=headers,
            http_status=code,
            final_url=final_url,
        )

    def _read_body(
        self, response: requests.Response, headers: dict[str, str], started: float
    ) -> bytes:
        encoding = headers.get("content-encoding", "identity").strip().lower() or "identity"
        if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise _FetchFailed(f"unsupported Content-Encoding {encoding!r}")
        decoder = _Decoder(encoding)
        cap = self.max_body_bytes
        limit = self.deadline.total_seconds()
        raw = response.raw
        # read1 returns as soon as any bytes arrive, so a slow drip cannot outlast the
        # deadline between two checks (urllib3 < 2.3 lacks it: read small pieces instead).
        read1 = getattr(raw, "read1", None)
        parts: list[bytes] = []
        size = 0
        try:
            while True:
                remaining = limit - (time.monotonic() - started)
                if remaining <= 0:
                    raise _FetchFailed(self._deadline_message())
                _set_socket_timeout(raw, min(READ_TIMEOUT, remaining))
                chunk = (
                    read1(CHUNK, decode_content=False)
                    if read1 is not None
                    else raw.read(1024, decode_content=False)
                )
                if not chunk:
                    break
                decoded = decoder.decode(chunk, cap - size + 1)
                size += len(decoded)
                if size > cap:
                    raise _FetchFailed(
                        f"response body larger than {_size(cap)} (after decompression); "
                        "stopped reading"
                    )
                parts.append(decoded)
            watchdog = getattr(_current, "watchdog", None)
            if (watchdog is not None and watchdog.fired) or time.monotonic() - started > limit:
                # The watchdog shut the socket: what looks like the end is a cut-off body.
                raise _FetchFailed(self._deadline_message())
        except _FetchFailed:
            raise
        except zlib.error:
            raise _FetchFailed(f"response body is not valid {encoding} data") from None
        except (requests.Timeout, urllib3.exceptions.TimeoutError, TimeoutError):
            raise _FetchFailed(self._timeout_message()) from None
        except _NETWORK_ERRORS as exc:
            raise _FetchFailed(_network_message(exc)) from None
        return b"".join(parts)

    def _deadline_message(self) -> str:
        return (
            f"took longer than {self.deadline.total_seconds():g} s in total "
            "(server too slow); stopped"
        )

    def _timeout_message(self) -> str:
        return "timed out waiting for the server"


def _set_socket_timeout(raw: Any, seconds: float) -> None:
    # Best effort: the per-read timeout shrinks with the deadline so one silent read
    # cannot overrun it.
    sock = getattr(getattr(raw, "connection", None), "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.settimeout(max(seconds, 0.01))


def _size(n: int) -> str:
    if n >= 1024 * 1024 and n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MiB"
    if n >= 1024 and n % 1024 == 0:
        return f"{n // 1024} KiB"
    return f"{n} bytes"


def _network_message(exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, requests.exceptions.SSLError):
        return "TLS/SSL error: the server's certificate could not be verified"
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return f"invalid URL: {text[:200]}"
    if isinstance(exc, requests.ConnectionError):
        if "Name or service not known" in text or "getaddrinfo" in text or "NameResolution" in text:
            return "cannot resolve the host name (DNS)"
        if "refused" in text.lower():
            return "connection refused by the server"
        return f"connection failed: {type(exc).__name__}"
    return f"network error: {type(exc).__name__}: {text[:200]}"


def unusable_body(
    name: str,
    before: SourceState,
    fetched: SourceState,
    now: datetime,
    interval: timedelta,
    message: str,
) -> SourcePoll:
    """A fetched body that could not be used (unparsable feed, unexpected JSON): a failure
    counted and backed off like a network one.

    The validators and body hash of the last body that *was* used are kept: with the new
    ones, the next poll would get a 304 or an "unchanged" body and report a broken source
    as healthy.
    """
    failures = before.failures + 1
    state = replace(
        fetched,
        etag=before.etag,
        last_modified=before.last_modified,
        body_hash=before.body_hash,
        failures=failures,
        last_error=message,
        last_success=before.last_success,
        next_check=next_check_after_failure(now, interval, failures),
    )
    return SourcePoll(name=name, status="error", state=state, error=message)
