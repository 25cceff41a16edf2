"""The web part's pure pieces: the [web] config rule, conditional GET, the token check, and
the page's escaping of everything that comes from feeds."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from monitor.config import config_from_dict, is_loopback, parse_listen
from monitor.errors import ConfigError
from monitor.models import Event, Evidence, SeasonState, Trust
from monitor.state.db import DatabaseError
from monitor.state.health import HeartbeatStore
from monitor.state.repository import HistoryEntry, Repository
from monitor.state.source_health import FAILING_AFTER, SourceHealth
from monitor.web.app import not_modified, token_ok
from monitor.web.page import PageData, date_text, evidence_groups, ordered_sources, render_page

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
TOKEN = "0123456789abcdef-token"


@pytest.mark.parametrize(
    ("web", "problem"),
    [
        pytest.param({}, None, id="off-by-default"),
        pytest.param({"listen": "127.0.0.1:8686"}, None, id="loopback-no-token"),
        pytest.param({"listen": "localhost:8686"}, None, id="localhost-no-token"),
        pytest.param({"listen": "[::1]:8686"}, None, id="ipv6-loopback"),
        pytest.param({"listen": "0.0.0.0:8686", "token": TOKEN}, None, id="public-with-token"),
        pytest.param(
            {"listen": "0.0.0.0:8686"}, "web.token: required when web.listen", id="public-bare"
        ),
        pytest.param({"listen": ":8686"}, "web.token: required", id="all-addresses-bare"),
        pytest.param({"listen": "[::]:8686"}, "web.token: required", id="ipv6-any-bare"),
        pytest.param({"listen": "tv.lan:8686"}, "web.token: required", id="hostname-bare"),
        pytest.param(
            {"listen": "0.0.0.0:8686", "token": "short"},
            "web.token: must be at least 16 characters",
            id="weak-token",
        ),
        pytest.param({"listen": "8686"}, 'web.listen: must be "HOST:PORT"', id="no-host"),
        pytest.param({"listen": "127.0.0.1:70000"}, "web.listen: port must be", id="bad-port"),
        pytest.param({"listen": 8686}, "web.listen: must be a string", id="not-a-string"),
        pytest.param(
            {"lisen": "127.0.0.1:1"}, 'web.lisen: unknown key (did you mean "listen"?)', id="typo"
        ),
    ],
)
def test_web_config(web: dict[str, object], problem: str | None) -> None:
    if problem is None:
        config = config_from_dict({"web": web}, "config.toml")
        assert config.web.listen == web.get("listen")
        return
    with pytest.raises(ConfigError) as caught:
        config_from_dict({"web": web}, "config.toml")
    assert f"config.toml: {problem}" in str(caught.value)
    assert TOKEN not in str(caught.value)


@pytest.mark.parametrize(
    ("listen", "host", "port", "loopback"),
    [
        pytest.param("127.0.0.1:8686", "127.0.0.1", 8686, True, id="v4-loopback"),
        pytest.param("127.8.9.10:1", "127.8.9.10", 1, True, id="v4-loopback-range"),
        pytest.param("[::1]:80", "::1", 80, True, id="v6-loopback"),
        pytest.param(":8686", "0.0.0.0", 8686, False, id="empty-host-is-all"),
        pytest.param("192.168.1.5:8686", "192.168.1.5", 8686, False, id="lan"),
        pytest.param("LOCALHOST:9", "LOCALHOST", 9, True, id="localhost-any-case"),
    ],
)
def test_parse_listen(listen: str, host: str, port: int, loopback: bool) -> None:
    assert parse_listen(listen) == (host, port)
    assert is_loopback(host) is loopback


STAMP = datetime(2026, 11, 30, 8, 15, 30, tzinfo=UTC)
STAMP_HTTP = "Mon, 30 Nov 2026 08:15:30 GMT"


@pytest.mark.parametrize(
    ("if_none_match", "if_modified_since", "expected"),
    [
        pytest.param("", "", False, id="unconditional"),
        pytest.param('"abc"', "", True, id="etag-match"),
        pytest.param('W/"abc"', "", True, id="weak-etag-match"),
        pytest.param('"x", "abc"', "", True, id="etag-in-list"),
        pytest.param("*", "", True, id="star"),
        pytest.param('"other"', "", False, id="etag-differs"),
        pytest.param("", STAMP_HTTP, True, id="not-modified-since"),
        pytest.param("", "Tue, 01 Dec 2026 00:00:00 GMT", True, id="later-date"),
        pytest.param("", "Sun, 29 Nov 2026 00:00:00 GMT", False, id="earlier-date"),
        pytest.param("", "yesterday", False, id="unparsable-date"),
        # If-None-Match decides when present (RFC 9110 §13.2.2).
        pytest.param('"other"', STAMP_HTTP, False, id="etag-wins-over-date"),
    ],
)
def test_not_modified(if_none_match: str, if_modified_since: str, expected: bool) -> None:
    assert not_modified('"abc"', STAMP, if_none_match, if_modified_since) is expected


@pytest.mark.parametrize(
    ("expected", "authorization", "query", "ok"),
    [
        pytest.param(None, "", None, True, id="no-token-configured"),
        pytest.param(TOKEN, "", None, False, id="missing"),
        pytest.param(TOKEN, f"Bearer {TOKEN}", None, True, id="header"),
        pytest.param(TOKEN, f"bearer  {TOKEN} ", None, True, id="header-any-case"),
        pytest.param(TOKEN, "", TOKEN, True, id="query"),
        pytest.param(TOKEN, "", TOKEN + "x", False, id="query-longer"),
        pytest.param(TOKEN, "Bearer wrong", TOKEN, False, id="wrong-header-wins"),
        pytest.param(TOKEN, f"Basic {TOKEN}", None, False, id="basic-scheme"),
        pytest.param(TOKEN, "", "", False, id="empty-query"),
    ],
)
def test_token_ok(expected: str | None, authorization: str, query: str | None, ok: bool) -> None:
    assert token_ok(expected, authorization, query) is ok


@pytest.mark.parametrize(
    ("value", "words", "precision"),
    [
        pytest.param("2027-03-12", "Friday 12 March 2027", "exact day", id="day"),
        pytest.param("2027-03", "March 2027", "month only", id="month"),
        pytest.param("2027-Q2", "the second quarter of 2027 (Q2)", "quarter only", id="quarter"),
        pytest.param("2027-H2", "the second half of 2027", "half-year only", id="half"),
        pytest.param("2027-fall", "fall 2027", "season only", id="season"),
        pytest.param("2027", "2027", "year only", id="year"),
        pytest.param("unannounced", "no date announced", "sources say no date yet", id="none"),
        pytest.param(None, "not announced", "", id="unknown"),
    ],
)
def test_date_text(value: str | None, words: str, precision: str) -> None:
    assert date_text(value) == (words, precision)


def test_failing_sources_come_first() -> None:
    rows = [
        SourceHealth("B ok", "rss", "u", last_success=NOW),
        SourceHealth("A new", "rss", "u"),
        SourceHealth("Z failing", "rss", "u", failures=FAILING_AFTER, last_error="HTTP 500"),
        SourceHealth("C retrying", "rss", "u", failures=1, last_error="timeout"),
    ]
    order = [r.name for r in ordered_sources(rows)]
    assert order == ["Z failing", "C retrying", "A new", "B ok"]


def test_one_article_behind_two_fields_is_listed_once() -> None:
    shared = Evidence("Deadline", Trust.TRADE, "https://deadline.com/a", NOW, "Renewed, dated.")
    other = Evidence("Variety", Trust.TRADE, "https://variety.com/b", NOW, "Now filming.")
    season = SeasonState("Dark", 2, evidence={"renewal": shared, "date": shared, "phase": other})
    groups = evidence_groups(season)
    assert [(fields, e.publisher) for fields, e in groups] == [
        (["renewal", "date"], "Deadline"),
        (["phase"], "Variety"),
    ]


HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)>\u202egpj.exe\x1b[2J'


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def hostile_page() -> str:
    evidence = Evidence(
        publisher=f"Evil {HOSTILE}",
        trust=Trust.PRESS,
        url=f"javascript:alert(3)//{HOSTILE}",
        published=NOW,
        text=f"It is renewed {HOSTILE}",
        more=1,
    )
    season = SeasonState(
        show=f"Show {HOSTILE}",
        season=2,
        renewal="renewed",
        release_date="2027-03",
        phase="filming",
        updated_at=NOW - timedelta(hours=3),
        reported={"date": HOSTILE, "phase": HOSTILE},
        evidence={"renewal": evidence, "date": evidence},
    )
    event = Event(
        kind="renewed",
        show=f"Show {HOSTILE}",
        season=2,
        old=None,
        new="renewed",
        sources=(f"Evil {HOSTILE} (press)",),
        link=f"https://evil.example/{HOSTILE}",
        at=NOW,
    )
    source = SourceHealth(
        f"Feed {HOSTILE}", "rss", "u", failures=2, last_error=f"HTTP 500 {HOSTILE}"
    )
    data = PageData(
        seasons=[season],
        changes=[HistoryEntry(event, silent=False)],
        sources=[source],
        healthy=False,
        health_reason=f"stale {HOSTILE}",
        now=NOW,
        link_suffix=f"?token={HOSTILE}",
    )
    return render_page(data)


def test_page_escapes_every_field_from_feeds() -> None:
    page = hostile_page()
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "javascript:" not in page.lower()  # a non-http link is not a link at all
    assert "\u202e" not in page and "\x1b" not in page  # the project's sanitiser ran too
    parser = Tags()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag not in {"script", "img", "iframe", "object", "embed", "form", "base"}
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag != "a":
            continue
        href = attrs.get("href") or ""
        assert href.startswith(("https://", "calendar.ics", "status.json", "healthz")), href


def test_page_shows_a_newcomer_what_is_known() -> None:
    page = hostile_page()
    assert "March 2027 <small>(month only)</small>" in page
    assert 'data-field="phase">filming' in page
    assert "3 hours ago" in page
    assert "reported, not confirmed" in page
    assert '<span class="health bad"' in page
    assert "1 failing" in page


def test_read_only_repository_refuses_writes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rm.db'}"
    Repository.open(url).close()  # the daemon created the schema
    repo = Repository.open(url, read_only=True)
    try:
        assert repo.seasons(()) == []
        with pytest.raises(OperationalError, match="readonly"):
            HeartbeatStore(repo).beat(pid=1, started_at=NOW, now=NOW, tick_seconds=1)
    finally:
        repo.close()


def test_read_only_repository_needs_a_current_schema(tmp_path: Path) -> None:
    sqlite3.connect(tmp_path / "empty.db").close()
    with pytest.raises(DatabaseError, match="run `release-monitor run`"):
        Repository.open(f"sqlite:///{tmp_path / 'empty.db'}", read_only=True)
