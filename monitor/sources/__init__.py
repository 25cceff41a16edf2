"""Source registry: which kinds of source exist and how each is built from the config."""

from __future__ import annotations

from collections.abc import Callable

from monitor.config import Config
from monitor.sources.base import Source
from monitor.sources.google_news import GoogleNewsSource, local_editions
from monitor.sources.http import Fetcher
from monitor.sources.netflix import NetflixSource
from monitor.sources.rss import RssSource
from monitor.sources.tvmaze import tvmaze_sources

SourceBuilder = Callable[[Config], list[Source]]


def build_rss(config: Config) -> list[Source]:
    """One source per enabled [[feeds]] entry."""
    return [
        RssSource(
            name=feed.name,
            url=feed.url,
            interval=feed.interval or config.monitor.interval,
            trust=config.feed_trust(feed),
        )
        for feed in config.feeds
        if feed.enabled
    ]


def build_google_news(config: Config) -> list[Source]:
    """One search feed per watch when [sources.google_news] is enabled."""
    section = config.sources.google_news
    if not section.enabled:
        return []
    interval = section.interval or config.monitor.interval
    out: list[Source] = []
    for watch in config.watches:
        out.append(
            GoogleNewsSource(
                watch=watch,
                base_url=section.base_url,
                interval=interval,
                hl=section.hl,
                gl=section.gl,
                ceid=section.ceid,
            )
        )
        if section.local_editions:
            out.extend(
                GoogleNewsSource.local(watch, section.base_url, interval, language, alias)
                for language, alias in local_editions(watch)
            )
    return out


def build_tvmaze(config: Config) -> list[Source]:
    """One source per distinct watched show when [sources.tvmaze] is enabled (at most hourly)."""
    section = config.sources.tvmaze
    if not section.enabled or not config.watches:
        return []
    interval = section.interval or config.monitor.interval
    return list(tvmaze_sources(section.base_url, config.watches, interval))


def build_netflix(config: Config) -> list[Source]:
    """The Media Center list, once for every watch, when [sources.netflix] is enabled."""
    section = config.sources.netflix
    if not section.enabled or not config.watches:
        return []
    interval = section.interval or config.monitor.interval
    return [NetflixSource(section.base_url, config.watches, interval)]


# kind -> builder. Every kind of source is listed here and nowhere else.
BUILDERS: dict[str, SourceBuilder] = {
    "rss": build_rss,
    "google_news": build_google_news,
    "tvmaze": build_tvmaze,
    "netflix": build_netflix,
}


def build_sources(config: Config) -> list[Source]:
    """Every configured source, in registry order."""
    return [source for builder in BUILDERS.values() for source in builder(config)]


def build_fetcher(config: Config) -> Fetcher:
    """The process's one Fetcher, with the [monitor] user agent, body cap and deadline."""
    return Fetcher(
        config.monitor.user_agent,
        max_body_bytes=config.monitor.max_body_bytes,
        deadline=config.monitor.fetch_timeout,
        allow_private_redirects=config.monitor.allow_private_redirects,
    )
