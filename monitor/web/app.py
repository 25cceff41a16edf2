"""The read-only WSGI application: routes, the token check, and conditional GET."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qs, quote

from monitor.calendar import render_calendar
from monitor.config import Config
from monitor.models import SeasonState
from monitor.sources import build_sources
from monitor.state.documents import history_document, history_query, status_document
from monitor.state.health import HeartbeatStore, dead_deliveries, verdict
from monitor.state.repository import Repository
from monitor.state.source_health import source_health
from monitor.web.page import CONTENT_SECURITY_POLICY, PageData, render_page

log = logging.getLogger("monitor.web")

RECENT_CHANGES = 15
JSON = "application/json; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
HTML = "text/html; charset=utf-8"
CALENDAR = "text/calendar; charset=utf-8"
# Sent with every answer: nothing here may be sniffed, framed, or leak the URL (with its
# token) to the sites the page links to.
COMMON_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
)
REASONS = {
    200: "OK",
    304: "Not Modified",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    500: "Internal Server Error",
    503: "Service Unavailable",
}

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    content_type: str
    headers: tuple[tuple[str, str], ...] = ()
    etag: bool = True  # add an ETag (and answer If-None-Match with 304)
    last_modified: datetime | None = None


def utcnow() -> datetime:
    return datetime.now(UTC)


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC).replace(microsecond=0), usegmt=True)


def not_modified(
    etag: str | None, last_modified: datetime | None, if_none_match: str, if_modified_since: str
) -> bool:
    """RFC 9110 §13.1: If-None-Match (weak comparison) decides when present; otherwise
    If-Modified-Since against Last-Modified, to the second."""
    if if_none_match.strip():
        if etag is None:
            return False
        wanted = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in wanted or etag.removeprefix("W/") in wanted
    if not if_modified_since.strip() or last_modified is None:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return last_modified.replace(microsecond=0) <= since


def token_ok(expected: str | None, authorization: str, query_token: str | None) -> bool:
    """No token configured: open (loopback only, enforced by the config). Otherwise the
    `Authorization: Bearer` header or `?token=` must match, compared in constant time."""
    if expected is None:
        return True
    given = None
    scheme, _, value = authorization.strip().partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        given = value.strip()
    elif query_token is not None:
        given = query_token
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def last_change(seasons: Iterable[SeasonState]) -> datetime | None:
    stamps = [s.updated_at for s in seasons if s.updated_at is not None]
    if not stamps:
        return None
    latest = max(stamps)
    return latest if latest.tzinfo else latest.replace(tzinfo=UTC)


def json_body(data: object) -> bytes:
    # The same serialisation as the CLI's --json output.
    return (json.dumps(data, ensure_ascii=False, default=str) + "\n").encode("utf-8")


def _error(status: int, message: str) -> Response:
    return Response(status, json_body({"error": message}), JSON, etag=False)


def _path(environ: Mapping[str, Any]) -> str:
    # PEP 3333: PATH_INFO holds the percent-decoded bytes as latin-1 characters.
    raw = str(environ.get("PATH_INFO") or "/")
    try:
        return raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return raw


class WebApp:
    """`/`, `/calendar.ics`, `/status.json`, `/history/{show}.json`, `/healthz`; reads only.

    `config` is a callable so the daemon's live reloads (watches, token) apply at once.
    """

    def __init__(
        self,
        repo: Repository,
        config: Callable[[], Config],
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.repo = repo
        self.config = config
        self.clock = clock

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        path = _path(environ)
        query = parse_qs(str(environ.get("QUERY_STRING", "")), keep_blank_values=True)
        config = self.config()
        query_token = query.get("token", [None])[-1]
        if method not in ("GET", "HEAD"):
            response = _error(405, "read-only: only GET and HEAD")
            response = Response(405, response.body, JSON, (("Allow", "GET, HEAD"),), etag=False)
        elif not token_ok(
            config.web.token, str(environ.get("HTTP_AUTHORIZATION", "")), query_token
        ):
            response = Response(
                401,
                json_body({"error": "token required: Authorization: Bearer TOKEN or ?token="}),
                JSON,
                (("WWW-Authenticate", 'Bearer realm="release-monitor"'),),
                etag=False,
            )
        else:
            suffix = f"?token={quote(query_token, safe='')}" if query_token else ""
            try:
                response = self.route(path, config, suffix)
            except Exception:
                log.exception("web request for %s failed", path)
                response = _error(500, "internal error (see the daemon's log)")
        log.debug("%s %s -> %d", method, path, response.status)  # never the query: token
        return self._send(environ, start_response, response, private=config.web.token is not None)

    def _send(
        self,
        environ: Mapping[str, Any],
        start_response: StartResponse,
        response: Response,
        *,
        private: bool,
    ) -> list[bytes]:
        headers = list(COMMON_HEADERS)
        # Always revalidate (cheap with the ETag); a token-protected answer is nobody
        # else's to cache.
        headers.append(("Cache-Control", "private, no-cache" if private else "no-cache"))
        etag = etag_of(response.body) if response.etag and response.status == 200 else None
        if etag:
            headers.append(("ETag", etag))
        if response.last_modified is not None:
            headers.append(("Last-Modified", http_date(response.last_modified)))
        headers.extend(response.headers)
        status, body = response.status, response.body
        if status == 200 and not_modified(
            etag,
            response.last_modified,
            str(environ.get("HTTP_IF_NONE_MATCH", "")),
            str(environ.get("HTTP_IF_MODIFIED_SINCE", "")),
        ):
            status, body = 304, b""
        else:
            headers.append(("Content-Type", response.content_type))
        headers.append(("Content-Length", str(len(body))))
        start_response(f"{status} {REASONS.get(status, '')}", headers)
        return [body]

    # --- routes --------------------------------------------------------------------------------

    def route(self, path: str, config: Config, suffix: str) -> Response:
        if path == "/":
            return self.page(config, suffix)
        if path == "/calendar.ics":
            return self.calendar(config)
        if path == "/status.json":
            return Response(200, json_body(status_document(self._seasons(config))), JSON)
        if path == "/healthz":
            return self.healthz()
        if path.startswith("/history/") and path.endswith(".json"):
            return self.history(config, path[len("/history/") : -len(".json")])
        return _error(404, f"no such page: {path} (try /, /calendar.ics, /status.json)")

    def _seasons(self, config: Config) -> list[SeasonState]:
        return self.repo.seasons(config.watches)

    def calendar(self, config: Config) -> Response:
        seasons = self._seasons(config)
        return Response(
            200,
            render_calendar(seasons, self.clock()),
            CALENDAR,
            (("Content-Disposition", 'inline; filename="release-monitor.ics"'),),
            last_modified=last_change(seasons),
        )

    def history(self, config: Config, show: str) -> Response:
        # The same reading of SHOW as `history SHOW`: "Dark S2", an alias, any letter case.
        name, season, known = history_query(show, config.watches)
        entries = self.repo.history(name, season)
        if not entries and not known:
            return _error(404, f'no history for "{show}"')
        return Response(200, json_body(history_document(entries)), JSON)

    def _health(self) -> tuple[bool, str]:
        try:
            beat = HeartbeatStore(self.repo).latest()
            dead = dead_deliveries(self.repo)
        except Exception as exc:
            log.warning("health check could not read the database: %s", exc)
            return False, "the database cannot be read"
        return verdict(beat, dead, self.clock())

    def healthz(self) -> Response:
        healthy, reason = self._health()
        body = (reason + "\n").encode("utf-8")
        return Response(200 if healthy else 503, body, TEXT, etag=False)

    def page(self, config: Config, suffix: str) -> Response:
        healthy, reason = self._health()
        data = PageData(
            seasons=self._seasons(config),
            changes=self.repo.recent_history(RECENT_CHANGES),
            sources=source_health(self.repo.engine, build_sources(config)),
            healthy=healthy,
            health_reason=reason,
            now=self.clock(),
            link_suffix=suffix,
        )
        return Response(
            200,
            render_page(data).encode("utf-8"),
            HTML,
            (("Content-Security-Policy", CONTENT_SECURITY_POLICY),),
        )
