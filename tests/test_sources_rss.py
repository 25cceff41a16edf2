"""RSS sources end to end against a real local server, the publisher table and the registry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.config import config_from_dict, load_config
from monitor.models import SourceState, Trust
from monitor.sources import BUILDERS, build_fetcher, build_sources
from monitor.sources.google_news import GoogleNewsSource
from monitor.sources.http import Fetcher
from monitor.sources.publishers import domain_of, publisher_name, trust_for_url
from monitor.sources.rss import RssSource
from tests.conftest import ROOT
from tests.feedserver import ATOM, FeedServer, fixture_feed

NOW = datetime(2025, 6, 4, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def test_rss_poll_ok_then_not_modified(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.add("/feed/", fixture_feed("wordpress.xml"))
    source = RssSource(name="What's on Netflix", url=feed_server.url("/feed/"), interval=HOUR)
    first = source.poll(fetcher, SourceState(), NOW)
    assert first.status == "ok" and first.error is None
    assert first.name == "What's on Netflix"
    assert len(first.items) == 2
    item = first.items[0]
    assert item.publisher == "What's on Netflix"
    assert item.publisher_url == "https://www.whats-on-netflix.com"
    assert trust_for_url(item.publisher_url) is Trust.TRADE
    # <ttl>60</ttl> equals the interval here; the state is ready to be stored.
    assert first.state.next_check == NOW + HOUR
    assert first.state.body_hash is not None

    second = source.poll(fetcher, first.state, NOW + HOUR)
    assert second.status == "not_modified"
    assert second.items == ()


def test_rss_ttl_longer_than_interval_pushes_next_check(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    feed_server.add("/feed", fixture_feed("wordpress.xml").replace(b"<ttl>60", b"<ttl>180"))
    source = RssSource(name="WoN", url=feed_server.url("/feed"), interval=HOUR)
    poll = source.poll(fetcher, SourceState(), NOW)
    assert poll.state.next_check == NOW + 3 * HOUR


def test_atom_items_take_the_link_domain(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.add("/tv.atom", fixture_feed("atom.xml"), content_type=ATOM)
    source = RssSource(name="Soompi", url=feed_server.url("/tv.atom"), interval=HOUR)
    poll = source.poll(fetcher, SourceState(), NOW)
    assert [i.publisher for i in poll.items] == ["Soompi", "Soompi"]
    assert poll.items[0].publisher_url == "https://www.soompi.com"


def test_malformed_feed_polls_ok_with_a_warning(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.add("/broken", fixture_feed("malformed.xml"))
    poll = RssSource(name="Broken", url=feed_server.url("/broken"), interval=HOUR).poll(
        fetcher, SourceState(), NOW
    )
    assert poll.status == "ok"
    assert len(poll.items) == 2
    assert poll.warnings and poll.warnings[0].startswith("malformed feed")


def test_http_error_is_an_error_poll(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.add("/gone", b"", status=410)
    poll = RssSource(name="Gone", url=feed_server.url("/gone"), interval=HOUR).poll(
        fetcher, SourceState(), NOW
    )
    assert poll.status == "error"
    assert poll.error is not None and "410 Gone" in poll.error
    assert poll.state.failures == 1


def test_not_a_feed_is_an_error_and_is_retried_not_skipped(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    feed_server.add("/login", fixture_feed("not_a_feed.html"), content_type="text/html")
    source = RssSource(name="Portal", url=feed_server.url("/login"), interval=HOUR)
    first = source.poll(fetcher, SourceState(), NOW)
    assert first.status == "error"
    assert first.error == "not an RSS or Atom feed (got text/html); check the URL"
    # The body that failed is not remembered: the next poll fails again, visibly,
    # instead of reporting "not_modified" or "unchanged".
    assert first.state.body_hash is None and first.state.etag is None
    second = source.poll(fetcher, first.state, NOW + HOUR)
    assert second.status == "error"
    assert second.state.failures == 2


def test_poll_never_raises_on_a_broken_fetcher() -> None:
    class Exploding(Fetcher):
        def fetch(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
            raise RuntimeError("boom")

    source = RssSource(name="X", url="http://127.0.0.1:9/feed", interval=HOUR)
    poll = source.poll(Exploding("ua"), SourceState(), NOW)
    assert poll.status == "error"
    assert poll.error == "unexpected error: RuntimeError: boom"


# --- publisher table -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "trust", "name"),
    [
        pytest.param(
            "https://about.netflix.com/en/news/x", Trust.OFFICIAL, "Netflix", id="netflix"
        ),
        pytest.param("https://www.netflix.com/tudum", Trust.OFFICIAL, "Netflix", id="www"),
        pytest.param("https://deadline.com/2025/06/x/", Trust.TRADE, "Deadline", id="deadline"),
        pytest.param("https://pmc.variety.com/a", Trust.TRADE, "Variety", id="subdomain"),
        pytest.param("hollywoodreporter.com", Trust.TRADE, "The Hollywood Reporter", id="bare"),
        pytest.param("https://TVLine.com:443/x", Trust.TRADE, "TVLine", id="case-port"),
        pytest.param(
            "https://www.whats-on-netflix.com/", Trust.TRADE, "What's on Netflix", id="won"
        ),
        pytest.param("https://api.tvmaze.com/shows/1", Trust.STRUCTURED, "TVmaze", id="tvmaze"),
        pytest.param("https://www.soompi.com/article/1", Trust.PRESS, "Soompi", id="soompi"),
        pytest.param("https://ew.com/tv/x", Trust.PRESS, "Entertainment Weekly", id="ew"),
        pytest.param("https://x.blogspot.com/p", Trust.BLOG, "Blogger", id="blog"),
        pytest.param(
            "https://unknown-news.example/a", Trust.PRESS, "unknown-news.example", id="unknown"
        ),
        pytest.param("https://notdeadline.com/", Trust.PRESS, "notdeadline.com", id="suffix-only"),
        pytest.param("", Trust.PRESS, "", id="empty"),
    ],
)
def test_publisher_table(url: str, trust: Trust, name: str) -> None:
    assert trust_for_url(url) is trust
    assert publisher_name(url) == name


def test_domain_of_strips_www_and_port() -> None:
    assert domain_of("https://WWW.Deadline.com:8443/feed") == "deadline.com"
    assert domain_of("http://[::1") == ""


# --- registry --------------------------------------------------------------------------------


def test_registry_lists_every_kind_explicitly() -> None:
    assert list(BUILDERS) == ["rss", "google_news", "tvmaze", "netflix"]


def test_build_sources_from_config() -> None:
    config = config_from_dict(
        {
            "monitor": {"interval": "3h"},
            "sources": {
                "google_news": {"base_url": "http://127.0.0.1:1/rss/search", "hl": "ko"},
                "tvmaze": {"enabled": False},
            },
            "feeds": [
                {"name": "Deadline TV", "url": "https://deadline.com/v/tv/feed/", "trust": "trade"},
                {"name": "Off", "url": "https://off.example/feed", "enabled": False},
                {"name": "Soompi", "url": "https://www.soompi.com/feed", "interval": "30m"},
            ],
            "watch": [
                {"show": "All of Us Are Dead", "season": 2},
                {"show": "Squid Game", "season": 3},
            ],
        }
    )
    sources = build_sources(config)
    assert [(s.kind, s.name) for s in sources] == [
        ("rss", "Deadline TV"),
        ("rss", "Soompi"),
        ("google_news", "Google News: All of Us Are Dead S2"),
        ("google_news", "Google News: Squid Game S3"),
    ]
    deadline, soompi, google, _ = sources
    assert (deadline.trust, deadline.interval) == (Trust.TRADE, 3 * HOUR)
    assert (soompi.trust, soompi.interval) == (None, timedelta(minutes=30))
    assert isinstance(google, GoogleNewsSource)
    assert google.url.startswith("http://127.0.0.1:1/rss/search?q=%22All%20of%20Us")
    assert "&hl=ko&" in google.url


def test_google_news_can_be_disabled() -> None:
    config = config_from_dict(
        {
            "sources": {"google_news": {"enabled": False}, "tvmaze": {"enabled": False}},
            "watch": [{"show": "Dark", "season": 4}],
        }
    )
    assert build_sources(config) == []


def test_example_config_builds() -> None:
    config = load_config(Path(ROOT / "config.example.toml"))
    sources = build_sources(config)
    names = [s.name for s in sources]
    assert len(names) == len(set(names))  # names key the stored state: must be unique
    assert all(s.url.startswith("https://") for s in sources)


def test_build_fetcher_uses_the_monitor_section() -> None:
    config = config_from_dict(
        {"monitor": {"user_agent": "me/1", "max_body_bytes": 65536, "fetch_timeout": "5s"}}
    )
    fetcher = build_fetcher(config)
    assert (fetcher.user_agent, fetcher.max_body_bytes) == ("me/1", 65536)
    assert fetcher.deadline == timedelta(seconds=5)
