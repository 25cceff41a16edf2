"""Regressions found in review: real SQLite files, the local feed server and webhook."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.config import Config, config_from_dict
from monitor.models import Item, WatchClaims
from monitor.pipeline import Runtime, poll_all
from tests.feedserver import FeedItem, FeedServer, rss
from tests.receivers import Webhook, webhook

T0 = datetime(2026, 6, 1, 12, tzinfo=UTC)


@pytest.fixture
def hook() -> Iterator[Webhook]:
    with webhook() as receiver:
        yield receiver


def feed_config(tmp_path: Path, hook: Webhook, feed_url: str, shows: list[str]) -> Config:
    return config_from_dict(
        {
            "monitor": {"database": "sqlite:///state.db"},
            "notify": {"urls": [hook.url()]},
            "sources": {
                "google_news": {"enabled": False},
                "tvmaze": {"enabled": False},
                "netflix": {"enabled": False},
            },
            "feeds": [{"name": "Deadline", "url": feed_url, "trust": "trade"}],
            "watch": [{"show": show, "season": 2} for show in shows],
        },
        base_dir=tmp_path,
    )


def story(guid: str, text: str, day: int) -> FeedItem:
    return FeedItem(
        title=text.split(".", maxsplit=1)[0],
        text=text,
        link=f"https://deadline.com/{guid}",
        published=datetime(2026, 5, day, tzinfo=UTC),
        guid=guid,
    )


def test_a_watch_added_later_reads_the_feed_backlog_during_its_baseline(
    tmp_path: Path, hook: Webhook, feed_server: FeedServer
) -> None:
    """A new watch's backlog in a feed that answers 304 must not come out later as news."""
    old_news = story("b1", "Netflix has officially renewed Iron Orchard for season 2.", 2)
    feed_server.add("/tv.xml", rss("Deadline", [old_news]))
    url = feed_server.url("/tv.xml")
    first = Runtime(feed_config(tmp_path, hook, url, ["Glass Harbor"]))
    assert [e.kind for e in poll_all(first, T0).events] == ["tracking"]
    first.close()

    # The user adds a watch; the feed has not changed, so it answers 304.
    rt = Runtime(feed_config(tmp_path, hook, url, ["Glass Harbor", "Iron Orchard"]))
    added = poll_all(rt, T0 + timedelta(hours=2))
    assert [(e.kind, e.show) for e in added.events] == [("tracking", "Iron Orchard")]
    assert added.events[0].extra.get("renewal") == "renewed"  # the backlog, as a summary

    # Later an unrelated story arrives: the old renewal is not news.
    unrelated = story("g1", "Glass Harbor cast member joins a new film.", 20)
    feed_server.add("/tv.xml", rss("Deadline", [unrelated, old_news]))
    later = poll_all(rt, T0 + timedelta(hours=4))
    assert later.events == ()
    rt.close()


def test_an_article_updated_in_place_with_a_new_date_is_a_delay(
    tmp_path: Path, hook: Webhook, feed_server: FeedServer
) -> None:
    """Trade sites edit the story (same guid, same pubDate) when a premiere moves."""
    first = "Netflix has set March 5, 2027 as the premiere date for Iron Orchard season 2."
    feed_server.add("/tv.xml", rss("Deadline", [story("d1", "Iron Orchard season 2 news.", 2)]))
    rt = Runtime(feed_config(tmp_path, hook, feed_server.url("/tv.xml"), ["Iron Orchard"]))
    poll_all(rt, T0)
    feed_server.add("/tv.xml", rss("Deadline", [story("d1", first, 2)]))
    announced = poll_all(rt, T0 + timedelta(hours=2))
    dates = [(e.kind, e.new) for e in announced.events if e.kind.startswith("date")]
    assert dates == [("date_announced", "2027-03-05")]
    moved = "UPDATE: Netflix has moved Iron Orchard season 2 to June 4, 2027. " + first
    feed_server.add("/tv.xml", rss("Deadline", [story("d1", moved, 2)]))
    delayed = poll_all(rt, T0 + timedelta(hours=4))
    dates = [(e.kind, e.new) for e in delayed.events if e.kind.startswith("date")]
    assert dates == [("date_changed", "2027-06-04")]
    rt.close()


def test_an_item_the_extractor_chokes_on_is_logged_and_read_again(
    tmp_path: Path, hook: Webhook, feed_server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    """An extraction crash must not silently mark an article as read for good."""
    text = "Netflix has officially renewed Iron Orchard for season 2."
    feed_server.add("/tv.xml", rss("Deadline", [story("r1", text, 2)]))
    config = feed_config(tmp_path, hook, feed_server.url("/tv.xml"), ["Iron Orchard"])
    calls: list[str] = []

    def broken(found: Item) -> tuple[WatchClaims, ...]:
        calls.append(found.uid)
        raise ValueError("extractor bug")

    rt = Runtime(config, extractor=broken)
    with caplog.at_level(logging.WARNING, logger="monitor.pipeline"):
        poll_all(rt, T0)
    assert calls and any("extractor bug" in r.getMessage() or r.exc_info for r in caplog.records)
    assert any("https://deadline.com/r1" in r.getMessage() for r in caplog.records)
    rt.close()
    # Fixed (say, after an upgrade): the article is read again and counts.
    feed_server.add("/tv.xml", rss("Deadline", [story("r1", text, 2), story("x", "Other.", 3)]))
    again = Runtime(config)
    poll_all(again, T0 + timedelta(hours=2))
    (state,) = again.repo.seasons(config.watches)
    assert state.renewal == "renewed"
    again.close()
