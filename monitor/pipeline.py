"""One source through every stage: fetch -> parse -> match -> extract -> state -> outbox.

CONTRACT (implemented in issue 4; the daemon of issue 5 and the CLI call only these).
Fetching and extraction run outside any transaction; each source's results are then
written in one transaction (state, seen items, observations, events, outbox rows).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlmodel import Session

from monitor.config import Config
from monitor.models import (
    DeliveryReport,
    Event,
    Item,
    Observation,
    SourcePoll,
    SourceState,
    Trust,
    WatchClaims,
)
from monitor.sources import build_fetcher, build_sources
from monitor.sources.base import Source
from monitor.sources.http import Fetcher
from monitor.sources.publishers import publisher_name, trust_for_url
from monitor.state.repository import Repository, Routing, watches_hash

Extractor = Callable[[Item], Sequence[WatchClaims]]
RATE_LIMITED_STATUSES = ("HTTP 429 ", "HTTP 503 ")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceReport:
    name: str
    status: str  # "ok" | "not_modified" | "unchanged" | "error" | "skipped"
    new_items: int = 0
    error: str | None = None


@dataclass(frozen=True)
class PollReport:
    events: tuple[Event, ...] = ()
    sources: tuple[SourceReport, ...] = ()
    deliveries: DeliveryReport = field(default_factory=DeliveryReport)
    notices: tuple[Event, ...] = ()  # source_failing / source_recovered enqueued by this poll

    def to_json(self) -> dict[str, Any]:
        """The `poll --json` shape of DESIGN.md §6."""
        return {
            "events": [
                {
                    "show": e.show,
                    "season": e.season,
                    "kind": e.kind,
                    "old": e.old,
                    "new": e.new,
                    "sources": list(e.sources),
                }
                for e in self.events
            ],
            "sources": [
                {"name": s.name, "status": s.status, "new_items": s.new_items, "error": s.error}
                for s in self.sources
            ],
            "deliveries": {
                "sent": self.deliveries.sent,
                "failed": self.deliveries.failed,
                "pending": self.deliveries.pending,
            },
        }


def _default_extractor(config: Config) -> Extractor:
    from monitor.extract.claims import extract_item
    from monitor.match.titles import TitleMatcher

    matcher = TitleMatcher(config.watches)

    def extract(item: Item) -> Sequence[WatchClaims]:
        return extract_item(item, matcher)

    return extract


def _site(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


class Runtime:
    """Everything a cycle needs, built once per config: fetcher, repository, sources, matcher.

    The daemon rebuilds it (or calls `reload`) when the watchlist changes. Tests and tools may
    pass their own sources, extractor or repository.
    """

    def __init__(
        self,
        config: Config,
        *,
        sources: Sequence[Source] | None = None,
        extractor: Extractor | None = None,
        repository: Repository | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.config = config
        self.watches = config.watches
        self.repo = repository or Repository.open(config.database_url)
        self.fetcher = fetcher or build_fetcher(config)
        self._sources = list(sources) if sources is not None else build_sources(config)
        self._extractor = extractor
        self._extractor_lock = threading.Lock()
        self.routing = Routing(tuple(config.notify.urls), config.monitor.notify_baseline)
        self.watch_hash = watches_hash(self.watches)

    @property
    def sources(self) -> list[Source]:
        return list(self._sources)

    @property
    def extract(self) -> Extractor:
        with self._extractor_lock:  # built once, on first use: the matcher compiles every watch
            if self._extractor is None:
                self._extractor = _default_extractor(self.config)
            return self._extractor

    def rate_limited(self, now: datetime) -> dict[str, datetime]:
        """Sources whose server said 429/503 and asked to wait past `now`: name -> until.

        `poll` checks every source at once, but not these: hammering a server that asked
        for a pause is how feeds get blocked.
        """
        out = {}
        for row in self.repo.source_rows():
            error = row.last_error or ""
            waiting = row.next_check is not None and row.next_check > now
            if waiting and error.startswith(RATE_LIMITED_STATUSES) and row.next_check:
                out[row.name] = row.next_check
        return out

    def due_sources(self, now: datetime) -> list[Source]:
        """Sources whose stored next_check has come (never-polled ones are due)."""
        checks = {row.name: row.next_check for row in self.repo.source_rows()}
        return [s for s in self._sources if (due := checks.get(s.name)) is None or due <= now]

    def close(self) -> None:
        self.fetcher.close()
        self.repo.close()


@dataclass(frozen=True)
class Fetched:
    """One source's poll, read and extracted, not yet stored."""

    source: Source
    poll: SourcePoll
    items: tuple[Item, ...]  # new or edited items
    observations: tuple[Observation, ...]


def _trust_and_publisher(source: Source, item: Item) -> tuple[Trust, str]:
    """Who said it, and how far to believe them.

    The publisher is named after its site whenever the site is known: the same outlet read
    through its own feed ("WoN feed") and through Google News ("What's on Netflix") must
    count as one voice, or one blog's rumour would look confirmed by two publishers.
    """
    site = item.publisher_url or item.link or source.url
    trust = source.trust or trust_for_url(site)
    publisher = publisher_name(site) or item.publisher or source.name
    return trust, publisher


def fetch_source(rt: Runtime, source: Source, now: datetime) -> Fetched:
    """Fetch, parse and extract one source, with no transaction open. Never raises."""
    state = rt.repo.source_state(source.name)
    if rt.repo.needs_full_read(source.name, rt.watches):
        state = replace(state, etag=None, last_modified=None, body_hash=None)
    try:
        poll = source.poll(rt.fetcher, state, now)
    except Exception as exc:  # Source.poll promises not to raise; a bug must not stop a cycle
        poll = SourcePoll(
            name=source.name,
            status="error",
            state=SourceState(
                url=state.url,
                etag=state.etag,
                last_modified=state.last_modified,
                body_hash=state.body_hash,
                failures=state.failures + 1,
                next_check=now + source.interval,
                last_success=state.last_success,
                last_error=f"internal error: {type(exc).__name__}: {exc}",
            ),
            error=f"internal error: {type(exc).__name__}: {exc}",
        )
    items = tuple(rt.repo.unseen(source.name, poll.items, rt.watch_hash))
    observations = list(poll.observations)
    unread: set[str] = set()
    for item in items:
        try:
            found = rt.extract(item)
        except Exception:  # one unreadable item must not hide the rest of the feed
            # Not marked as read: it is read again next time instead of being lost unseen.
            log.exception("%s: cannot read item %s", source.name, item.link or item.uid)
            unread.add(item.uid)
            continue
        if not found:
            continue
        trust, publisher = _trust_and_publisher(source, item)
        for watch_claims in found:
            for claim in watch_claims.claims:
                observations.append(
                    Observation(
                        show=watch_claims.watch.show,
                        season=watch_claims.watch.season,
                        field=claim.field,
                        value=claim.value,
                        trust=trust,
                        publisher=publisher,
                        source=source.name,
                        url=item.link,
                        published=item.published,
                        seen_at=now,
                        evidence=claim.evidence,
                        item_uid=item.uid,
                    )
                )
    items = tuple(i for i in items if i.uid not in unread)
    return Fetched(source, poll, items, tuple(observations))


def _report(fetched: Fetched) -> SourceReport:
    poll = fetched.poll
    return SourceReport(
        name=fetched.source.name,
        status=poll.status,
        new_items=len(fetched.items),
        error=poll.error,
    )


def store_fetched(rt: Runtime, session: Session, fetched: Fetched, now: datetime) -> list[Event]:
    """Write one source's results in the caller's transaction; the events to announce."""
    return rt.repo.apply(
        session,
        source=fetched.source.name,
        status=fetched.poll.status,
        state=fetched.poll.state,
        items=fetched.items,
        observations=fetched.observations,
        watches=rt.watches,
        routing=rt.routing,
        all_sources=[s.name for s in rt.sources],
        now=now,
    )


def poll_source(
    rt: Runtime, source: Source, now: datetime, *, dry_run: bool = False
) -> tuple[SourceReport, list[Event]]:
    """Fetch one source and carry its claims to state and outbox in one transaction."""
    fetched = fetch_source(rt, source, now)
    with rt.repo.transaction(commit=not dry_run) as session:
        events = store_fetched(rt, session, fetched, now)
    if events and not dry_run:
        refresh_calendar(rt, now)
    return _report(fetched), events


def _fetch_all(
    rt: Runtime, sources: Sequence[Source], now: datetime
) -> list[Future[list[Fetched]]]:
    """Fetch in parallel, one host at a time per worker (never two requests to one host)."""
    by_host: dict[str, list[Source]] = {}
    for source in sources:
        by_host.setdefault(_site(source.url) or source.name, []).append(source)
    pool = ThreadPoolExecutor(
        max_workers=max(1, min(rt.config.monitor.workers, len(by_host))),
        thread_name_prefix="fetch",
    )

    def run(group: list[Source]) -> list[Fetched]:
        return [fetch_source(rt, source, now) for source in group]

    futures = [pool.submit(run, group) for group in by_host.values()]
    pool.shutdown(wait=False)
    return futures


def poll_all(
    rt: Runtime,
    now: datetime,
    *,
    dry_run: bool = False,
    progress: Callable[[SourceReport], None] | None = None,
) -> PollReport:
    """Every source now (manual `poll`), then every pending delivery at once.

    Sources whose server asked to wait (429/503 Retry-After) are skipped until then.
    """
    waiting = rt.rate_limited(now)
    reports: list[SourceReport] = [
        SourceReport(
            name=name,
            status="skipped",
            error=f"rate limited: the server asked us to wait until {until:%Y-%m-%d %H:%M} UTC",
        )
        for name, until in waiting.items()
    ]
    sources = [s for s in rt.sources if s.name not in waiting]
    futures = _fetch_all(rt, sources, now) if sources else []
    events: list[Event] = []
    if dry_run:
        # One transaction for the whole cycle (later sources see earlier ones), opened once
        # every fetch is done and rolled back.
        fetched_all = [f for future in futures for f in future.result()]
        with rt.repo.transaction(commit=False) as session:
            for fetched in fetched_all:
                events += store_fetched(rt, session, fetched, now)
                reports.append(_report(fetched))
                if progress:
                    progress(reports[-1])
            events += rt.repo.release_day(session, rt.watches, rt.routing, now)
        return PollReport(tuple(events), _in_order(reports, rt.sources), DeliveryReport())
    notices: list[Event] = []
    for future in as_completed(futures):
        for fetched in future.result():
            with rt.repo.transaction() as session:
                events += store_fetched(rt, session, fetched, now)
            reports.append(_report(fetched))
            notice = source_notice(rt, fetched.source.name, now)
            if notice is not None:
                notices.append(notice)
            if progress:
                progress(reports[-1])
    events += release_day(rt, now)
    refresh_calendar(rt, now)
    deliveries = deliver_due(rt, now, retry_all=True)
    return PollReport(tuple(events), _in_order(reports, rt.sources), deliveries, tuple(notices))


def source_notice(rt: Runtime, name: str, now: datetime) -> Event | None:
    """`source_failing` / `source_recovered` after a poll of `name`, with the daemon's rule
    (decided from the stored failure streak, so cron `poll` and `run` alert alike)."""
    from monitor.state.notices import source_alert

    try:
        return source_alert(rt.repo, rt.config, name, now)
    except Exception:  # health bookkeeping must never fail a poll
        log.exception("source health bookkeeping for %s failed", name)
        return None


def _in_order(reports: list[SourceReport], sources: Sequence[Source]) -> tuple[SourceReport, ...]:
    order = {s.name: n for n, s in enumerate(sources)}
    return tuple(sorted(reports, key=lambda r: order.get(r.name, len(order))))


def deliver_due(
    rt: Runtime, now: datetime, *, retry_all: bool = False, wait: bool = True
) -> DeliveryReport:
    """Claim due outbox rows, send each through Apprise outside any transaction, mark them.

    Each target sends on its own worker under `notify.timeout` per send; with `wait` the
    call returns when the round is done (bounded), without it at once.
    """
    from monitor.notify.outbox import deliver

    notify = rt.config.notify
    return deliver(
        rt.repo, notify.urls, now, retry_all=retry_all, timeout=notify.timeout, wait=wait
    )


def deliver_in_background(rt: Runtime, now: datetime) -> DeliveryReport:
    """The daemon's round: start every due target's worker and return at once; the report
    counts the batches finished since the previous round."""
    return deliver_due(rt, now, wait=False)


def release_day(rt: Runtime, now: datetime) -> list[Event]:
    """The date-driven work: seasons whose confirmed exact date has come become `released`
    (one event each), and `[notify] remind_days` reminders that are due are enqueued once."""
    from monitor.notify.reminders import enqueue_reminders

    with rt.repo.transaction() as session:
        events = rt.repo.release_day(session, rt.watches, rt.routing, now)
    events += enqueue_reminders(rt.repo, rt.watches, rt.config.notify.remind_days, rt.routing, now)
    if events:
        refresh_calendar(rt, now)
    return events


def refresh_calendar(rt: Runtime, now: datetime) -> None:
    """Rewrite the `[calendar] path` file, if one is configured, from the stored states."""
    from monitor import calendar

    if not rt.config.calendar.path:
        return
    try:
        calendar.refresh_calendar(rt.config, rt.repo, now)
    except OSError as exc:  # a read-only folder must not stop polling or notifying
        log.warning("cannot write the calendar file %s: %s", rt.config.calendar.path, exc)
