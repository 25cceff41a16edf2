"""Google News search feeds: one per watch; the real publisher is read from <source>."""

from __future__ import annotations

import re
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


_HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")
_JAPANESE_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@dataclass(frozen=True)
class Edition:
    """A Google News language edition and how its press writes "season N"."""

    hl: str
    gl: str
    ceid: str
    season_words: str  # "{n}" is the season number


# Korean and Japanese outlets often report first, and in their own language: a watch with
# an alias in that script also searches that edition (explicit registry, keyed by language).
EDITIONS: dict[str, Edition] = {
    "ko": Edition("ko", "KR", "KR:ko", "시즌{n}"),
    "ja": Edition("ja", "JP", "JP:ja", "{n}期 OR シーズン{n}"),
}


def local_editions(watch: Watch) -> list[tuple[str, str]]:
    """(language, alias) for each edition a watch's aliases are written for."""
    out: list[tuple[str, str]] = []
    for alias in watch.aliases:
        if _HANGUL_RE.search(alias):
            language = "ko"
        elif _JAPANESE_RE.search(alias):
            language = "ja"
        else:
            continue
        if all(lang != language for lang, _ in out):
            out.append((language, alias))
    return out


def search_query(watch: Watch, language: str | None = None, alias: str | None = None) -> str:
    """The search words for a watch: the show name in quotes and the season.

    In a local edition the name is the alias in that language and the season is written
    the way that press writes it ("시즌2", "2期").
    """
    if language is not None and alias is not None:
        name = alias.replace('"', " ").strip()
        return f'"{name}" ' + EDITIONS[language].season_words.format(n=watch.season)
    show = watch.show.replace('"', " ").strip()
    return f'"{show}" season {watch.season}'


def search_url(
    base_url: str,
    watch: Watch,
    *,
    hl: str,
    gl: str,
    ceid: str,
    language: str | None = None,
    alias: str | None = None,
) -> str:
    """base_url?q="<show>" season <n>&hl=..&gl=..&ceid=.. (percent-encoded)."""
    words = search_query(watch, language, alias)
    query = urlencode({"q": words, "hl": hl, "gl": gl, "ceid": ceid}, quote_via=quote)
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
    language: str | None = None  # a local edition (EDITIONS), searched by `alias`
    alias: str | None = None

    @property
    def name(self) -> str:
        edition = f" ({self.language})" if self.language else ""
        return f"Google News{edition}: {self.watch.show} S{self.watch.season}"

    @property
    def url(self) -> str:
        return search_url(
            self.base_url,
            self.watch,
            hl=self.hl,
            gl=self.gl,
            ceid=self.ceid,
            language=self.language,
            alias=self.alias,
        )

    @classmethod
    def local(
        cls, watch: Watch, base_url: str, interval: timedelta, language: str, alias: str
    ) -> GoogleNewsSource:
        """The search of one watch in a local edition (Korean, Japanese)."""
        e = EDITIONS[language]
        return cls(watch, base_url, interval, e.hl, e.gl, e.ceid, language=language, alias=alias)

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
