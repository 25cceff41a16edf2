"""Google News search feeds: one per watch; the real publisher is read from <source>."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from urllib.parse import quote, urlencode

from monitor.models import Item, SourcePoll, SourceState, Trust, Watch
from monitor.parse.feed import DEFAULT_PARSE_TIMEOUT
from monitor.sources.http import Fetcher
from monitor.sources.publishers import domain_of, publisher_name
from monitor.sources.rss import fetch_feed, site_of

# Google titles every item "Headline - Publisher"; some publishers use other dashes.
_SEPARATORS = (" - ", " – ", " — ", " | ")


def search_query(watch: Watch) -> str:
    """The search words for a watch: the show name in quotes and the season."""
    show = watch.show.replace('"', " ").strip()
    return f'"{show}" season {watch.season}'


def search_url(base_url: str, watch: Watch, *, hl: str, gl: str, ceid: str) -> str:
    """base_url?q="<show>" season <n>&hl=..&gl=..&ceid=.. (percent-encoded)."""
    query = urlencode({"q": search_query(watch), "hl": hl, "gl": gl, "ceid": ceid}, quote_via=quote)
    joiner = "&" if "?" in base_url else "?"
    return f"{base_url}{joiner}{query}"


def strip_publisher_suffix(title: str, publisher: str | None) -> str:
    """'Headline - Publisher' -> 'Headline' when the suffix is the item's publisher."""
    if not publisher:
        return title
    wanted = publisher.strip().casefold()
    for sep in _SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and head.strip() and tail.strip().casefold() == wanted:
            return head.strip()
    return title


def attribute(item: Item) -> Item:
    """Headline without the publisher suffix; publisher name/site from <source>."""
    publisher = item.publisher
    site = site_of(item.publisher_url)
    if site is None and item.publisher_url and domain_of(item.publisher_url):
        site = f"https://{domain_of(item.publisher_url)}"  # <source url="example.com">
    if not publisher and site:
        publisher = publisher_name(site)
    title = strip_publisher_suffix(item.title, publisher)
    if publisher is None:
        # No <source>: the suffix is still the publisher in Google's convention.
        for sep in _SEPARATORS:
            head, found, tail = item.title.rpartition(sep)
            if found and head.strip() and 0 < len(tail.strip()) <= 60:
                title, publisher = head.strip(), tail.strip()
                break
    return replace(
        item,
        title=title,
        publisher=publisher,
        publisher_url=site
        or (f"https://{domain_of(item.publisher_url)}" if item.publisher_url else None),
    )


@dataclass(frozen=True)
class GoogleNewsSource:
    """The Google News search feed of one watched season."""

    watch: Watch
    base_url: str
    interval: timedelta
    hl: str = "en-US"
    gl: str = "US"
    ceid: str = "US:en"
    parse_timeout: float | None = DEFAULT_PARSE_TIMEOUT
    kind: str = "google_news"
    trust: Trust | None = None  # per item, from the publisher's domain

    @property
    def name(self) -> str:
        return f"Google News: {self.watch.show} S{self.watch.season}"

    @property
    def url(self) -> str:
        return search_url(self.base_url, self.watch, hl=self.hl, gl=self.gl, ceid=self.ceid)

    def poll(self, fetcher: Fetcher, state: SourceState, now: datetime) -> SourcePoll:
        poll, parsed = fetch_feed(
            self.name,
            self.url,
            fetcher,
            state,
            now,
            interval=self.interval,
            parse_timeout=self.parse_timeout,
        )
        if parsed is None:
            return poll
        return replace(poll, items=tuple(attribute(item) for item in parsed.items))
