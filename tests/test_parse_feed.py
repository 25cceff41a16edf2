"""Feed parsing: real-world shapes, hostile documents, item identity, HTML to text."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.parse import feed as feed_module
from monitor.parse.feed import (
    ENTITY_VALUE_MAX,
    SHORT_FIELD_MAX,
    TITLE_MAX,
    FeedParseError,
    make_safe,
    parse_feed,
    sha256_hex,
)
from monitor.parse.sandbox import Sandbox, SandboxTimeout, SandboxUnavailable
from monitor.parse.text import html_to_text, one_line
from tests.conftest import ROOT
from tests.feedserver import fixture_feed

RSS_HEADERS = {"Content-Type": "application/rss+xml; charset=utf-8"}


def rss(items: str, head: str = "", channel: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{head}<rss version="2.0"><channel>'
        f"<title>Test feed</title><link>https://example.org/</link>{channel}{items}"
        "</channel></rss>"
    ).encode()


# --- real-world shapes -----------------------------------------------------------------------


def test_wordpress_rss_cdata_entities_and_content_encoded() -> None:
    feed = parse_feed(fixture_feed("wordpress.xml"), RSS_HEADERS, timeout=None)
    assert feed.version == "rss20"
    assert feed.title == "What’s on Netflix"
    assert feed.ttl == timedelta(minutes=60)
    assert feed.warnings == ()
    first = feed.items[0]
    assert first.title == "‘All of Us Are Dead’ Season 2: Filming Wraps & Release Window Revealed"
    assert first.uid == "https://www.whats-on-netflix.com/?p=212345"
    assert first.published == datetime(2025, 6, 3, 14, 0, tzinfo=UTC)
    # content:encoded (the full article) wins over the excerpt; blocks keep their boundary.
    assert first.text.splitlines() == [
        "Season 2 has wrapped filming.",
        "Filming on the second season of All of Us Are Dead wrapped in Seoul last week, "
        "Netflix’s Korean arm confirmed to What’s on Netflix.",
        "Episodes: 8.",
        "Director: Lee Jae-kyoo.",
        "We don’t have a release date yet, but Netflix says the season will arrive in 2026.",
    ]
    assert "trackPageView" not in first.text and "margin" not in first.text
    assert feed.items[1].text == "Here’s what’s coming to Netflix this week."


def test_markup_feedparser_no_longer_sanitises_still_ends_as_plain_text() -> None:
    # feedparser's sanitiser is off (a fifth of the parse): html_to_text alone must keep
    # scripts, styles, comments and tags out of the text, and the words of links in.
    content = (
        "<![CDATA[<p onclick='steal()'>Season 2 is <a href='/s2'>coming</a>.</p>"
        "<script>var tracker = 1;</script><style>p { color: red }</style>"
        "<!-- hidden note --><iframe src='https://ads.example/'></iframe>"
        "<object data='x.swf'></object><p>Filming wraps in <b>May</b>.</p>]]>"
    )
    feed = parse_feed(
        rss(f"<item><title>t</title><link>/a</link><description>{content}</description></item>"),
        RSS_HEADERS,
        timeout=None,
        base_url="https://example.org/feed",
    )
    assert feed.items[0].text.splitlines() == ["Season 2 is coming.", "Filming wraps in May."]
    assert feed.items[0].link == "https://example.org/a"


def test_atom_feed() -> None:
    headers = {"Content-Type": "application/atom+xml"}
    feed = parse_feed(fixture_feed("atom.xml"), headers, timeout=None)
    assert feed.version == "atom10"
    assert feed.link == "https://www.soompi.com/"
    first, second = feed.items
    assert first.title == "“All Of Us Are Dead 2” Confirms Premiere Date"
    assert first.uid == "tag:soompi.com,2025:article/1700001"
    assert first.published == datetime(2025, 6, 4, 9, 0, tzinfo=UTC)  # +09:00 -> UTC
    assert first.text == (
        "Netflix’s “All Of Us Are Dead” season 2 will premiere on January 29, 2027.\n"
        "Park Ji Hu returns as On Jo."
    )
    # No <id>: the link identifies the entry; only <updated>: it serves as the date.
    assert second.uid == "https://www.soompi.com/article/1700002wpp/kingdom-prequel-update"
    assert second.published == datetime(2025, 6, 3, 9, 0, tzinfo=UTC)
    assert second.text == "No news yet."


def test_google_news_feed_keeps_source_for_the_source_layer() -> None:
    feed = parse_feed(fixture_feed("google_news.xml"), RSS_HEADERS, timeout=None)
    first = feed.items[0]
    assert first.title == "'All of Us Are Dead' Season 2 Officially Renewed at Netflix - Deadline"
    assert (first.publisher, first.publisher_url) == ("Deadline", "https://deadline.com")
    assert first.uid == "CBMiigFBVV95cUxPaDFkR2xxYTJ0Y2w"
    assert first.published == datetime(2025, 6, 4, 16, 0, tzinfo=UTC)
    assert len(feed.items) == 5


def test_malformed_feed_gives_readable_items_and_a_warning() -> None:
    feed = parse_feed(fixture_feed("malformed.xml"), RSS_HEADERS, timeout=None)
    assert [i.title for i in feed.items] == ["Season 2 renewed & dated", "Second item survives"]
    assert feed.items[0].published == datetime(2025, 6, 4, 8, 0, tzinfo=UTC)
    assert any(w.startswith("malformed feed (") for w in feed.warnings)


def test_an_html_page_is_not_a_feed() -> None:
    with pytest.raises(FeedParseError, match=r"not an RSS or Atom feed \(got text/html\)"):
        parse_feed(fixture_feed("not_a_feed.html"), {"Content-Type": "text/html"}, timeout=None)


def test_empty_but_valid_feed_has_no_items_and_no_error() -> None:
    feed = parse_feed(rss(""), RSS_HEADERS, timeout=None)
    assert feed.items == () and feed.warnings == ()


def test_relative_links_resolve_against_the_feed_url() -> None:
    body = rss("<item><title>A</title><link>/news/a</link></item>")
    body = body.replace(b"<link>https://example.org/</link>", b"")
    feed = parse_feed(body, RSS_HEADERS, base_url="https://site.example/feed/", timeout=None)
    assert feed.items[0].link == "https://site.example/news/a"


# --- hostile documents -----------------------------------------------------------------------


def entity_bomb() -> bytes:
    """About 112 KB: one 10 KB entity used 20,000 times (feedparser alone: 200 M chars)."""
    head = '\n<!DOCTYPE rss [\n<!ENTITY big "' + "LOL " * 2500 + '">\n]>\n'
    return rss(f"<item><title>{'&big;' * 20000}</title><link>https://e.org/1</link></item>", head)


def test_entity_expansion_feed_parses_small() -> None:
    body = entity_bomb()
    assert 100_000 < len(body) < 120_000
    feed = parse_feed(body, RSS_HEADERS, timeout=10)
    (item,) = feed.items
    assert len(item.title) <= TITLE_MAX
    assert "LOL LOL" not in item.title  # never expanded
    assert any("entity declaration" in w for w in feed.warnings)


def test_small_safe_entities_still_work() -> None:
    head = '\n<!DOCTYPE rss [\n  <!ENTITY id "tag:example.com,">\n  <!ENTITY copy "&#169;">\n]>\n'
    body = rss("<item><guid>&id;2006:/blog/</guid><title>&copy; Co</title></item>", head)
    feed = parse_feed(body, RSS_HEADERS, timeout=None)
    assert feed.items[0].uid == "tag:example.com,2006:/blog/"
    assert feed.items[0].title == "© Co"
    assert feed.warnings == ()


@pytest.mark.parametrize(
    ("declaration", "kept"),
    [
        pytest.param('<!ENTITY a "short">', True, id="short-text"),
        pytest.param('<!ENTITY a "&#8217;">', True, id="char-ref"),
        pytest.param(f'<!ENTITY a "{"x" * (ENTITY_VALUE_MAX + 1)}">', False, id="too-long"),
        pytest.param('<!ENTITY a "&b;&b;">', False, id="nested"),
        pytest.param('<!ENTITY a SYSTEM "file:///etc/passwd">', False, id="external"),
        pytest.param('<!ENTITY % a "x">', False, id="parameter"),
        pytest.param('<!ENTITY a "<b>x</b>">', False, id="markup"),
    ],
)
def test_which_entity_declarations_survive(declaration: str, kept: bool) -> None:
    body = rss("<item><title>&a;</title></item>", f"<!DOCTYPE rss [ {declaration} ]>")
    safe, warnings = make_safe(body)
    assert (b"<!ENTITY a " in safe) is kept
    assert bool(warnings) is not kept


def test_many_uses_of_a_small_entity_stay_within_budget() -> None:
    head = '<!DOCTYPE rss [ <!ENTITY e "' + "y" * ENTITY_VALUE_MAX + '"> ]>'
    body = rss(f"<item><title>{'&e;' * 50_000}</title></item>", head)  # 3.2 MB if expanded
    safe, warnings = make_safe(body)
    assert b"<!ENTITY" not in safe
    assert warnings


def test_long_author_feed_parses_with_the_author_cut() -> None:
    author = "a" * 32 * 1024
    body = rss(
        f"<item><title>T</title><author>{author}</author><link>https://e.org/1</link></item>"
    )
    feed = parse_feed(body, RSS_HEADERS, timeout=10)
    assert [i.title for i in feed.items] == ["T"]
    assert any("overlong" in w for w in feed.warnings)


@pytest.mark.parametrize(
    "element",
    [
        pytest.param("<author>{}</author>", id="author"),
        pytest.param("<dc:creator><![CDATA[{}]]></dc:creator>", id="dc-creator-cdata"),
        pytest.param('<managingEditor a="1">{}</managingEditor>', id="attribute"),
        pytest.param("<pubDate>{}</pubDate>", id="date"),
    ],
)
def test_overlong_short_fields_are_cut(element: str) -> None:
    body = rss("<item>" + element.format("b" * 20_000) + "</item>")
    safe, _ = make_safe(body)
    assert b"b" * SHORT_FIELD_MAX in safe
    assert b"b" * (SHORT_FIELD_MAX + 1) not in safe


def test_cut_never_splits_an_entity_or_a_character() -> None:
    text = "é" * 2000  # two bytes each in UTF-8
    body = rss(f"<item><author>{text}</author></item>")
    safe, _ = make_safe(body)
    safe.decode("utf-8")  # no half character left behind
    body = rss(f"<item><author>{'x' * (SHORT_FIELD_MAX - 3)}&amp;more{'x' * 900}</author></item>")
    safe, _ = make_safe(body)
    assert b"&am<" not in safe and b"&amp" not in safe.split(b"<author>")[1].split(b"<")[0][-6:]


def test_ordinary_long_content_is_not_cut() -> None:
    long_text = "word " * 5000
    body = rss(f"<item><title>T</title><description>{long_text}</description></item>")
    feed = parse_feed(body, RSS_HEADERS, timeout=None)
    assert feed.items[0].text == long_text.strip()


def test_the_sandbox_kills_work_that_passes_the_deadline() -> None:
    sandbox = Sandbox()
    try:
        started = time.monotonic()
        with pytest.raises(SandboxTimeout):
            sandbox.run(time.sleep, 30, timeout=0.5)
        assert time.monotonic() - started < 10  # killed, not waited for
        assert sandbox.run(sha256_hex, "still works", timeout=30) == sha256_hex("still works")
        with pytest.raises(ZeroDivisionError):
            sandbox.run(divmod, 1, 0, timeout=30)
    finally:
        sandbox.close()


def test_without_a_worker_process_parsing_still_happens(monkeypatch: pytest.MonkeyPatch) -> None:
    no_processes = Sandbox()
    monkeypatch.setattr("sys.executable", "/nonexistent/python3")
    with pytest.raises(SandboxUnavailable):
        no_processes.run(sha256_hex, "x", timeout=5)
    monkeypatch.setattr(feed_module, "shared_sandbox", lambda: no_processes)
    feed = parse_feed(fixture_feed("atom.xml"), {}, timeout=5)
    assert len(feed.items) == 2
    assert feed.warnings[-1].startswith("parsed without a deadline: cannot start a worker")


# --- item identity and dates -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected_uid"),
    [
        pytest.param("<guid>g-1</guid><link>https://e.org/a</link>", "g-1", id="guid"),
        pytest.param("<link>https://e.org/a</link>", "https://e.org/a", id="link"),
        pytest.param("<guid>  </guid><link>https://e.org/a</link>", "https://e.org/a", id="blank"),
        pytest.param("", "hash", id="content-hash"),
    ],
)
def test_item_identity(fields: str, expected_uid: str) -> None:
    feed = parse_feed(rss(f"<item><title>T</title>{fields}</item>"), RSS_HEADERS, timeout=None)
    (item,) = feed.items
    assert item.uid == (item.content_hash if expected_uid == "hash" else expected_uid)


def test_content_hash_changes_with_an_edit_but_uid_does_not() -> None:
    def one(title: str) -> tuple[str, str]:
        body = rss(f"<item><guid>g</guid><title>{title}</title></item>")
        (item,) = parse_feed(body, RSS_HEADERS, timeout=None).items
        return item.uid, item.content_hash

    before, after = one("Season 2 coming"), one("Season 2 dated: 3 March")
    assert before[0] == after[0] and before[1] != after[1]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        pytest.param(
            "<pubDate>Thu, 05 Jun 2025 01:30:00 +0900</pubDate>",
            datetime(2025, 6, 4, 16, 30, tzinfo=UTC),
            id="rfc822-offset",
        ),
        pytest.param(
            "<pubDate>Wed, 04 Jun 2025 12:00:00 EDT</pubDate>",
            datetime(2025, 6, 4, 16, 0, tzinfo=UTC),
            id="rfc822-zone-name",
        ),
        pytest.param(
            "<dc:date>2025-06-04T10:00:00-02:00</dc:date>",
            datetime(2025, 6, 4, 12, 0, tzinfo=UTC),
            id="w3c-dtf",
        ),
        pytest.param("<pubDate>sometime soon</pubDate>", None, id="unreadable"),
        pytest.param("", None, id="absent"),
    ],
)
def test_published_dates_are_utc(date: str, expected: datetime | None) -> None:
    body = rss(f"<item><title>T</title>{date}</item>").replace(
        b"<rss ", b'<rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
    )
    (item,) = parse_feed(body, RSS_HEADERS, timeout=None).items
    assert item.published == expected
    if item.published is not None:
        assert item.published.utcoffset() == timedelta(0)


# --- HTML to text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        pytest.param("<p>One.</p><p>Two</p>", "One.\nTwo", id="paragraphs"),
        pytest.param(
            "<h2>Renewed</h2><p>Season 2 is on.</p>", "Renewed.\nSeason 2 is on.", id="heading"
        ),
        pytest.param("<ul><li>S1 out</li><li>S2 2026</li></ul>", "S1 out.\nS2 2026", id="list"),
        pytest.param("Line one<br>Line two<br/>", "Line one.\nLine two", id="br"),
        pytest.param("It&#8217;s &amp; it&rsquo;s&nbsp;here", "It’s & it’s here", id="entities"),
        pytest.param("a <b>bold</b>  and\n\n <i>it</i>", "a bold and it", id="inline"),
        pytest.param("<p>x</p><script>alert(1)</script><style>p{}</style>", "x", id="script"),
        pytest.param("<p>Is it?</p><p>“Yes”</p><p>ok</p>", "Is it?\n“Yes”\nok", id="punct"),
        pytest.param("<div><p>nested</p></div>", "nested", id="nested"),
        pytest.param("Plain text.\n\nSecond para", "Plain text.\nSecond para", id="plain"),
        pytest.param("1 < 2 and 3 > 2", "1 < 2 and 3 > 2", id="bare-brackets"),
        pytest.param("<p>unclosed <b>bold", "unclosed bold", id="unclosed"),
        pytest.param("", "", id="empty"),
        pytest.param(None, "", id="none"),
    ],
)
def test_html_to_text(markup: str | None, expected: str) -> None:
    assert html_to_text(markup) == expected


def test_one_line_joins_blocks() -> None:
    assert one_line("<p>Headline</p><p>more</p>") == "Headline. more"


# A parent that starts a parse (3 s of "work") in a sandbox worker and prints its pid.
PARENT = """
import time
import monitor.parse.sandbox as sb
real = sb._Worker.__init__
def spy(self, *a, **k):
    real(self, *a, **k)
    print(self.process.pid, flush=True)
sb._Worker.__init__ = spy
sb.Sandbox().run(time.sleep, 3, timeout=60)
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has exited; only its reaper is missing


def test_the_parse_child_exits_quietly_when_its_parent_is_killed(tmp_path: Path) -> None:
    err = tmp_path / "stderr.txt"
    with err.open("wb") as stderr:
        parent = subprocess.Popen(
            [sys.executable, "-c", PARENT],
            stdout=subprocess.PIPE,
            stderr=stderr,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert parent.stdout is not None
        child = int(parent.stdout.readline())  # the worker is busy parsing now
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
    deadline = time.monotonic() + 30
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(child), "the worker outlived its parent"
    time.sleep(3)  # past the end of the "parse": a reply to a dead parent prints nothing
    assert "Traceback" not in err.read_text(), err.read_text()
