"""RSS/Atom feeds from `[[feeds]]`: fetch, parse, and attribute each item to its publisher."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from monitor.models import Item, PollStatus, SourcePoll, SourceState, Trust
from monitor.parse.feed import DEFAULT_PARSE_TIMEOUT, FeedParseError, ParsedFeed, parse_feed
from monitor.sources.http import Fetcher, unusable_body, with_ttl

_POLL_STATUS: dict[str, PollStatus] = {"not_modified": "not_modified", "unchanged": "unchanged"}


def site_of(url: str | None) -> str | None:
    """scheme://host of a URL, or None when it has no host."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return f"{parts.scheme}://{parts.hostname}"


def fetch_feed(
    name: str,
    url: str,
    fetcher: Fetcher,
    state: SourceState,
    now: datetime,
    *,
    interval: timedelta,
    parse_timeout: float | None = DEFAULT_PARSE_TIMEOUT,
) -> tuple[SourcePoll, ParsedFeed | None]:
    """Fetch and parse one feed. The poll has no items yet; never raises."""
    try:
        result = fetcher.fetch(url, state, now, interval=interval)
        if result.status != "ok" or result.body is None:
            status = _POLL_STATUS.get(result.status, "error")
            poll = SourcePoll(name=name, status=status, state=result.state, error=result.error)
            return poll, None
        try:
            parsed = parse_feed(
                result.body, result.headers, base_url=result.final_url, timeout=parse_timeout
            )
        except FeedParseError as exc:
            return unusable_body(name, state, result.state, now, interval, str(exc)), None
        new_state = with_ttl(result.state, parsed.ttl, now)
        poll = SourcePoll(name=name, status="ok", state=new_state, warnings=parsed.warnings)
        return poll, parsed
    except Exception as exc:  # the Source contract: poll never raises
        message = f"unexpected error: {type(exc).__name__}: {exc}"
        return unusable_body(name, state, state, now, interval, message), None


@dataclass(frozen=True)
class RssSource:
    """One `[[feeds]]` entry."""

    name: str
    url: str
    interval: timedelta
    trust: Trust | None = None  # None: per item, from the publisher domain table
    parse_timeout: float | None = DEFAULT_PARSE_TIMEOUT
    kind: str = "rss"

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
        feed_site = site_of(parsed.link) or site_of(self.url)
        items = tuple(self._attribute(item, feed_site) for item in parsed.items)
        return replace(poll, items=items)

    def _attribute(self, item: Item, feed_site: str | None) -> Item:
        # An item's own <source> wins (aggregator feeds); else the feed speaks for it.
        if item.publisher and item.publisher_url:
            return item
        return replace(
            item,
            publisher=item.publisher or self.name,
            publisher_url=item.publisher_url or site_of(item.link) or feed_site,
        )
