"""Google News: the search URL per watch, headline/publisher split, and a poll end to end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from monitor.config import load_config
from monitor.models import Item, SourceState, Trust, Watch
from monitor.sources import build_sources
from monitor.sources.google_news import (
    GoogleNewsSource,
    attribute,
    local_editions,
    search_query,
    search_url,
    strip_publisher_suffix,
)
from monitor.sources.http import Fetcher
from monitor.sources.publishers import trust_for_url
from tests.feedserver import FeedServer, fixture_feed

NOW = datetime(2025, 6, 4, 18, 0, tzinfo=UTC)
BASE = "https://news.google.com/rss/search"


@pytest.mark.parametrize(
    ("watch", "expected_q"),
    [
        pytest.param(Watch("All of Us Are Dead", 2), '"All of Us Are Dead" season 2', id="plain"),
        pytest.param(Watch("Love, Death & Robots", 4), '"Love, Death & Robots" season 4', id="amp"),
        pytest.param(Watch("Money Heist: Korea", 2), '"Money Heist: Korea" season 2', id="colon"),
        pytest.param(Watch('The "Office"', 10), '"The  Office" season 10', id="quotes-removed"),
        pytest.param(Watch("지금 우리 학교는", 2), '"지금 우리 학교는" season 2', id="hangul"),
    ],
)
def test_search_url_encodes_the_query(watch: Watch, expected_q: str) -> None:
    url = search_url(BASE, watch, hl="en-US", gl="US", ceid="US:en")
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == BASE
    assert " " not in url and '"' not in url and "&" not in parts.query.split("&hl=")[0]
    assert parse_qs(parts.query) == {
        "q": [expected_q],
        "hl": ["en-US"],
        "gl": ["US"],
        "ceid": ["US:en"],
    }


def test_search_url_keeps_an_existing_query() -> None:
    url = search_url(
        "http://127.0.0.1:8080/search?proxy=1", Watch("Dark", 1), hl="de", gl="DE", ceid="DE:de"
    )
    assert url.startswith("http://127.0.0.1:8080/search?proxy=1&q=%22Dark%22%20season%201&hl=de")


@pytest.mark.parametrize(
    ("title", "publisher", "expected"),
    [
        pytest.param("S2 Renewed - Deadline", "Deadline", "S2 Renewed", id="suffix"),
        pytest.param(
            "S2 - cast and date - Screen Rant", "Screen Rant", "S2 - cast and date", id="inner-dash"
        ),
        pytest.param("First look — Soompi", "Soompi", "First look", id="em-dash"),
        pytest.param("News - deadline", "Deadline", "News", id="case"),
        pytest.param("Deadline", "Deadline", "Deadline", id="title-is-publisher"),
        pytest.param("Renewed - Variety", "Deadline", "Renewed - Variety", id="other-publisher"),
        pytest.param("No suffix here", "Deadline", "No suffix here", id="none"),
        pytest.param("Anything - Deadline", None, "Anything - Deadline", id="no-publisher"),
    ],
)
def test_strip_publisher_suffix(title: str, publisher: str | None, expected: str) -> None:
    assert strip_publisher_suffix(title, publisher) == expected


@pytest.mark.parametrize(
    ("item", "title", "publisher", "site"),
    [
        pytest.param(
            Item(
                "u",
                "h",
                "Renewed - Deadline",
                "",
                publisher="Deadline",
                publisher_url="https://deadline.com",
            ),
            "Renewed",
            "Deadline",
            "https://deadline.com",
            id="source",
        ),
        pytest.param(
            Item("u", "h", "Renewed - Deadline", "", publisher_url="https://deadline.com/"),
            "Renewed",
            "Deadline",
            "https://deadline.com",
            id="url-only",
        ),
        pytest.param(
            Item(
                "u",
                "h",
                "Renewed - TV Blog",
                "",
                publisher="TV Blog",
                publisher_url="tvblog.example",
            ),
            "Renewed",
            "TV Blog",
            "https://tvblog.example",
            id="bare-domain",
        ),
        pytest.param(
            Item("u", "h", "Renewed - Some Paper", ""),
            "Renewed",
            "Some Paper",
            None,
            id="no-source",
        ),
    ],
)
def test_attribute(item: Item, title: str, publisher: str, site: str | None) -> None:
    got = attribute(item)
    assert (got.title, got.publisher, got.publisher_url) == (title, publisher, site)


def test_poll_a_real_world_shaped_feed(feed_server: FeedServer) -> None:
    feed_server.add("/rss/search", fixture_feed("google_news.xml"))
    source = GoogleNewsSource(
        watch=Watch("All of Us Are Dead", 2),
        base_url=feed_server.url("/rss/search"),
        interval=timedelta(hours=2),
    )
    fetcher = Fetcher("release-monitor-tests/1.0", deadline=timedelta(seconds=5))
    poll = source.poll(fetcher, SourceState(), NOW)
    assert poll.status == "ok", poll.error
    assert poll.name == "Google News: All of Us Are Dead S2"
    sent = feed_server.last_request("/rss/search")
    assert parse_qs(urlsplit(sent.path).query)["q"] == ['"All of Us Are Dead" season 2']
    got = [(i.title, i.publisher, i.publisher_url) for i in poll.items]
    assert got == [
        ("'All of Us Are Dead' Season 2 Officially Renewed at Netflix", "Deadline", "https://deadline.com"),
        ("All of Us Are Dead season 2 - release date, cast and everything we know", "Screen Rant", "https://screenrant.com"),
        ("Netflix drops first look at 'All of Us Are Dead' 2", "Soompi", "https://www.soompi.com"),
        ("Zombie school drama returns for a second run", "The Korea Herald", "https://www.koreaherald.com"),
        ("Every Netflix renewal so far this year", "What's on Netflix", "https://www.whats-on-netflix.com"),
    ]  # fmt: skip
    trusts = [trust_for_url(i.publisher_url or "") for i in poll.items]
    assert trusts == [Trust.TRADE, Trust.PRESS, Trust.PRESS, Trust.PRESS, Trust.TRADE]
    assert poll.items[0].published == datetime(2025, 6, 4, 16, 0, tzinfo=UTC)
    assert source.trust is None


@pytest.mark.parametrize(
    ("aliases", "expected"),
    [
        pytest.param((), [], id="no-alias"),
        pytest.param(("AOUAD",), [], id="latin-alias-only"),
        pytest.param(("지금 우리 학교는",), [("ko", '"지금 우리 학교는" 시즌2')], id="korean"),
        pytest.param(
            ("葬送のフリーレン",), [("ja", '"葬送のフリーレン" 2期 OR シーズン2')], id="japanese"
        ),
        pytest.param(
            ("지금 우리 학교는", "지금 우리 학교는 2", "今、私たちの学校は"),
            [("ko", '"지금 우리 학교는" 시즌2'), ("ja", '"今、私たちの学校は" 2期 OR シーズン2')],
            id="one-edition-per-language",
        ),
    ],
)
def test_local_editions(aliases: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    watch = Watch("All of Us Are Dead", 2, aliases=aliases)
    got = [
        (language, search_query(watch, language, alias))
        for language, alias in local_editions(watch)
    ]
    assert got == expected


def test_a_korean_alias_adds_a_korean_edition_search(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    """The config builds the local edition; it asks Google in Korean and reads Korean items."""
    feed_server.add(
        "/rss/search",
        b"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>q</title>
<item><title>\xec\xa7\x80\xea\xb8\x88 x - OSEN</title>
<link>https://news.google.com/rss/articles/abc</link><guid>abc</guid>
<pubDate>Wed, 04 Jun 2025 16:00:00 GMT</pubDate>
<source url="https://www.osen.co.kr">OSEN</source></item></channel></rss>""",
    )
    config_file = tmp_path / "config.toml"
    config_file.write_text(
        f"""
[sources.google_news]
base_url = "{feed_server.url("/rss/search")}"
[sources.tvmaze]
enabled = false
[[watch]]
show = "All of Us Are Dead"
season = 2
aliases = ["지금 우리 학교는"]
""",
        encoding="utf-8",
    )
    config = load_config(config_file)
    sources = [s for s in build_sources(config) if isinstance(s, GoogleNewsSource)]
    assert [s.name for s in sources] == [
        "Google News: All of Us Are Dead S2",
        "Google News (ko): All of Us Are Dead S2",
    ]
    fetcher = Fetcher("release-monitor-tests/1.0", deadline=timedelta(seconds=5))
    poll = sources[1].poll(fetcher, SourceState(), NOW)
    assert poll.status == "ok", poll.error
    query = parse_qs(urlsplit(feed_server.last_request("/rss/search").path).query)
    assert query["q"] == ['"지금 우리 학교는" 시즌2']
    assert (query["hl"], query["gl"], query["ceid"]) == (["ko"], ["KR"], ["KR:ko"])
    assert [(i.publisher, i.publisher_url) for i in poll.items] == [
        ("OSEN", "https://www.osen.co.kr")
    ]
