"""The web part over real HTTP: the daemon (`run` as a subprocess) with [web] on a free
loopback port, fed by a local feed server; then `serve` alone against the same database.

Waits poll for an outcome with a generous ceiling; nothing asserts how fast anything is.
"""

from __future__ import annotations

import html
import json
import os
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import Message
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.conftest import ROOT, run_cli
from tests.feedserver import FeedItem, FeedServer, rss
from tests.receivers import _free_port
from tests.test_daemon_e2e import DaemonProcess, wait_for

pytestmark = pytest.mark.slow

TOKEN = "s3cret-token-for-the-tests-0123"
DATED_SHOW = "The Glass Orchard"
HOSTILE_SHOW = "Lanterns of Pohang"
SCRIPT = '<script>alert("pwned")</script>'
IMG = "<img src=x onerror=alert(1)>"


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Message  # case-insensitive look-ups
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> Reply:
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as exc:
        with exc:
            return Reply(exc.code, exc.headers, exc.read())


def item(title: str, text: str, slug: str, hours_ago: float) -> FeedItem:
    return FeedItem(
        title=title,
        text=text,
        link=f"https://deadline.com/2026/{slug}/",
        published=datetime.now(UTC) - timedelta(hours=hours_ago),
    )


ITEMS = [
    item(
        f"'{DATED_SHOW}' Season 2 Gets Premiere Date",
        f"Netflix has set Friday, March 12, 2027 as the premiere date for season 2 of "
        f"{DATED_SHOW}.",
        "glass-orchard-date",
        hours_ago=2,
    ),
    # Markup as *text* in the headline (entity-escaped in the feed, so feedparser's HTML
    # sanitiser keeps it): it reaches the stored evidence as the characters `<script>`.
    item(
        f"'{HOSTILE_SHOW}' Renewed For Season 2 {html.escape(SCRIPT + IMG)}",
        f"Netflix has renewed {HOSTILE_SHOW} for a second season. {html.escape(SCRIPT)} "
        f"{html.escape(IMG)}",
        "lanterns-renewed",
        hours_ago=3,
    ),
]


def config_text(feeds: FeedServer, port: int, db: str = "rm.db") -> str:
    text = f"""
[monitor]
database = "sqlite:///{db}"
interval = "500ms"
notify_baseline = false
workers = 2

[sources.google_news]
enabled = false

[sources.tvmaze]
enabled = false

[[feeds]]
name = "Deadline {IMG}"
url = "{feeds.url("/deadline.xml")}"
trust = "trade"

[web]
listen = "127.0.0.1:{port}"
token = "{TOKEN}"
"""
    for show in (DATED_SHOW, HOSTILE_SHOW):
        text += f'\n[[watch]]\nshow = "{show}"\nseason = 2\n'
    return text


class ServeProcess(DaemonProcess):
    """`python -m monitor -c CONFIG serve --listen 127.0.0.1:PORT`, stderr to a file."""

    def __init__(self, config: Path, log: Path, port: int) -> None:
        super().__init__(config, log)
        self.port = port

    def start(self) -> ServeProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("RELEASE_MONITOR_")}
        env["PYTHONPATH"] = str(ROOT)
        command = ["-c", str(self.config), "serve", "--listen", f"127.0.0.1:{self.port}"]
        with self.log.open("ab") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "monitor", *command],
                cwd=self.config.parent,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        return self


@dataclass
class World:
    tmp: Path
    config: Path
    daemon: DaemonProcess
    base: str

    def url(self, path: str, token: bool = True) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.base}{path}{sep}token={TOKEN}" if token else f"{self.base}{path}"

    def get(self, path: str, headers: dict[str, str] | None = None) -> Reply:
        return get(self.base + path, {"Authorization": f"Bearer {TOKEN}", **(headers or {})})


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("web")
    with FeedServer() as feeds:
        feeds.add("/deadline.xml", rss("Deadline", ITEMS))
        port = _free_port()
        config = tmp / "config.toml"
        config.write_text(config_text(feeds, port), encoding="utf-8")
        daemon = DaemonProcess(config, tmp / "daemon.log").start()
        w = World(tmp, config, daemon, f"http://127.0.0.1:{port}")
        try:
            wait_for(
                lambda: _dated(w),
                timeout=60,
                what=f"the daemon's /status.json to show {DATED_SHOW}'s date",
            )
            yield w
        finally:
            daemon.kill()


def _dated(w: World) -> bool:
    try:
        reply = w.get("/status.json")
    except OSError:  # not listening yet
        return False
    if reply.status != 200:
        return False
    return any(s["release_date"] == "2027-03-12" for s in reply.json())


def test_calendar_is_the_cli_calendar_with_etag_and_304(world: World) -> None:
    first = world.get("/calendar.ics")
    assert first.status == 200
    assert first.headers["Content-Type"].startswith("text/calendar")
    cli = run_cli("-c", str(world.config), "calendar", "-o", "-", cwd=world.tmp)
    # The same bytes as `calendar -o -` (text mode turned its CRLFs into LFs).
    assert first.body.decode("utf-8").replace("\r\n", "\n") == cli.stdout
    assert b"SUMMARY:The Glass Orchard S2 premiere" in first.body
    assert b"DTSTART;VALUE=DATE:20270312" in first.body
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]

    again = world.get("/calendar.ics")
    assert (again.status, again.headers["ETag"], again.body) == (200, etag, first.body)

    by_etag = world.get("/calendar.ics", {"If-None-Match": etag})
    assert (by_etag.status, by_etag.body) == (304, b"")
    assert by_etag.headers["ETag"] == etag
    by_date = world.get("/calendar.ics", {"If-Modified-Since": modified})
    assert (by_date.status, by_date.body) == (304, b"")
    # A stale validator gets the whole calendar again.
    stale = world.get("/calendar.ics", {"If-None-Match": '"something-else"'})
    assert (stale.status, stale.body) == (200, first.body)
    older = world.get("/calendar.ics", {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert (older.status, older.body) == (200, first.body)


def test_status_and_history_are_the_cli_documents(world: World) -> None:
    status = world.get("/status.json")
    assert status.headers["Content-Type"].startswith("application/json")
    cli = run_cli("-c", str(world.config), "status", "--json", cwd=world.tmp)
    assert status.json() == json.loads(cli.stdout)

    history = world.get("/history/The%20Glass%20Orchard.json")
    cli = run_cli("-c", str(world.config), "history", DATED_SHOW, "--json", cwd=world.tmp)
    assert history.status == 200
    assert history.json() == json.loads(cli.stdout)
    assert any(e["new"] == "2027-03-12" for e in history.json())
    # "Show S2" and any letter case, as `history` reads its argument.
    narrowed = world.get("/history/the%20glass%20orchard%20S2.json")
    cli = run_cli("-c", str(world.config), "history", "the glass orchard S2", "--json")
    assert narrowed.json() == json.loads(cli.stdout) == history.json()
    assert world.get("/history/Nobody%20Watches%20This.json").status == 404
    assert world.get("/nothing-here").status == 404


@pytest.mark.parametrize(
    ("path", "headers", "status"),
    [
        pytest.param("/status.json", {}, 401, id="no-token"),
        pytest.param("/status.json?token=wrong-token-0123456789", {}, 401, id="wrong-query"),
        pytest.param("/status.json", {"Authorization": "Bearer nope"}, 401, id="wrong-header"),
        pytest.param("/calendar.ics", {"Authorization": f"Basic {TOKEN}"}, 401, id="not-bearer"),
        pytest.param("/", {}, 401, id="page-needs-it-too"),
        pytest.param("/healthz", {}, 401, id="healthz-needs-it-too"),
        pytest.param(f"/calendar.ics?token={TOKEN}", {}, 200, id="query-token"),
        pytest.param("/status.json", {"Authorization": f"Bearer {TOKEN}"}, 200, id="header"),
        pytest.param(f"/?token={TOKEN}", {}, 200, id="page-with-query-token"),
    ],
)
def test_token_is_enforced(world: World, path: str, headers: dict[str, str], status: int) -> None:
    reply = get(world.base + path, headers)
    assert reply.status == status
    if status == 401:
        assert reply.headers["WWW-Authenticate"].startswith("Bearer")
        assert TOKEN.encode() not in reply.body
        assert b"Glass Orchard" not in reply.body


def test_writes_are_refused(world: World) -> None:
    reply = get(world.url("/status.json"), method="POST")
    assert reply.status == 405
    assert reply.headers["Allow"] == "GET, HEAD"


class Tags(HTMLParser):
    """Every start tag and attribute of a document, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def test_page_escapes_hostile_feed_text(world: World) -> None:
    wait_for(
        lambda: "renewed" in json.dumps(world.get(f"/history/{quote(HOSTILE_SHOW)}.json").json()),
        what="the hostile item's renewal to be recorded",
    )
    evidence = {s["show"]: s["evidence"] for s in world.get("/status.json").json()}
    assert SCRIPT in evidence[HOSTILE_SHOW]["renewal"]["text"]  # the hostile text is stored
    reply = world.get("/")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "script-src" not in reply.headers["Content-Security-Policy"]  # none: nothing runs
    page = reply.body.decode("utf-8")
    assert HOSTILE_SHOW in page and DATED_SHOW in page
    # The hostile markup reached the page only as text.
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert page.count("&lt;img src=x onerror=alert(1)&gt;") >= 2  # item and feed name
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in page
    parser = Tags()
    parser.feed(page)
    names = {tag for tag, _ in parser.tags}
    assert names <= {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p",
        "span", "small", "nav", "a", "main", "section", "ul", "ol", "li", "dl", "dt", "dd",
        "time", "q", "br", "div", "table", "thead", "tbody", "tr", "th", "td", "footer",
        "code",
    }  # fmt: skip
    for _tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on")
            assert not (value or "").strip().lower().startswith("javascript:")


def test_healthz_flips_to_503_while_the_daemon_stalls(world: World) -> None:
    assert world.get("/healthz").status == 200
    # Stall the daemon the way a stuck database does: hold SQLite's write lock, so every
    # heartbeat waits for it. The web part only reads (WAL), so it keeps answering.
    holder = sqlite3.connect(world.tmp / "rm.db", isolation_level=None, timeout=30)
    try:
        holder.execute("BEGIN IMMEDIATE")
        stalled = wait_for(
            lambda: (r := world.get("/healthz")).status == 503 and r,
            timeout=120,
            what="/healthz to report the stalled daemon",
        )
        assert b"last tick was" in stalled.body
        assert stalled.headers["Content-Type"].startswith("text/plain")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    wait_for(lambda: world.get("/healthz").status == 200, timeout=90, what="recovery")


def test_serve_alone_reads_the_same_database(world: World) -> None:
    """Last: stops the daemon, then `serve` answers from the database it left behind."""
    while_running = world.get("/status.json").json()
    code, _ = world.daemon.stop()
    assert code == 0
    port = _free_port()
    log = world.tmp / "serve.log"
    serve = ServeProcess(world.config, log, port).start()
    try:
        base = f"http://127.0.0.1:{port}"
        auth = {"Authorization": f"Bearer {TOKEN}"}

        def answered() -> Reply | None:
            try:
                return get(base + "/status.json", auth)
            except OSError:
                return None

        status = wait_for(answered, what="`serve` to answer")
        assert status.status == 200
        assert status.json() == while_running
        health = get(base + "/healthz", auth)
        assert health.status == 503
        assert b"daemon stopped" in health.body
        assert get(base + "/status.json").status == 401  # the token applies here too
        page = get(f"{base}/?token={TOKEN}")
        assert page.status == 200 and DATED_SHOW.encode() in page.body
        code, _ = serve.stop()
        assert code == 0
    finally:
        serve.kill()
    assert TOKEN not in log.read_text("utf-8")
