"""One source through every stage: fetch -> parse -> match -> extract -> state -> outbox.

CONTRACT (implemented in issue 4; the daemon of issue 5 and the CLI call only these).
Fetching and extraction run outside any transaction; each source's results are then
written in one transaction (state, seen items, observations, events, outbox rows).
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlmodel import Session

from monitor import memory
from monitor.config import Config
from monitor.models import (
    DeliveryReport,
    Event,
    Item,
    ItemNotes,
    Observation,
    SourcePoll,
    SourceState,
    Trust,
    WatchClaims,
)
from monitor.notify.render import render
from monitor.offload import Outcome, extract_in_worker, matcher_memo
from monitor.parse.sandbox import (
    SandboxFailure,
    SandboxTimeout,
    SandboxUnavailable,
    shared_sandbox,
)
from monitor.sources import build_fetcher, build_sources
from monitor.sources.base import Source
from monitor.sources.http import Fetcher
from monitor.sources.publishers import publisher_name, trust_for_url
from monitor.state import leases
from monitor.state.db import pool_options
from monitor.state.repository import Cycle, Repository, Routing, WriteBatch, watches_hash
from monitor.state.retry import retrying

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
        self.repo = repository or Repository.open(config.database_url, pool_options(config))
        self.fetcher = fetcher or build_fetcher(config)
        self._sources = list(sources) if sources is not None else build_sources(config)
        # Named once: every stored source passes the list on (it was rebuilt per source).
        self.source_names = tuple(s.name for s in self._sources)
        self._extractor = extractor
        # The default extractor runs in the parse workers (`_extract`); a given one here.
        self.offloaded = extractor is None
        self.matcher_memo = matcher_memo(self.watches)
        self._extractor_lock = threading.Lock()
        self.routing = Routing(
            tuple(config.notify.urls), config.monitor.notify_baseline, render=render
        )
        self.watch_hash = watches_hash(self.watches)
        # Set for the length of one `poll_all`: what every source would otherwise read again.
        self.cycle: Cycle | None = None
        self.cycle_states: dict[str, SourceState] = {}

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
        # Within a cycle the states are already loaded (start_cycle).
        states = self.cycle_states if self.cycle is not None else self.repo.source_states()
        for name, state in states.items():
            limited = (state.last_error or "").startswith(RATE_LIMITED_STATUSES)
            if limited and state.next_check is not None and state.next_check > now:
                out[name] = state.next_check
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
    notes: tuple[ItemNotes, ...] = ()  # what items that named a watch set aside, and why


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
    cycle = rt.cycle
    if cycle is not None:
        state = rt.cycle_states.get(source.name) or SourceState()
        full_read = cycle.needs_full_read(source.name)
    else:
        state = rt.repo.source_state(source.name)
        full_read = rt.repo.needs_full_read(source.name, rt.watches)
    if full_read:
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
    notes: list[ItemNotes] = []
    unread: set[str] = set()
    for item, found in zip(items, _extract(rt, source, items), strict=True):
        if isinstance(found, str):  # one unreadable item must not hide the rest of the feed
            # Not marked as read: it is read again next time instead of being lost unseen.
            log.error("%s: cannot read item %s:\n%s", source.name, item.link or item.uid, found)
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
            if watch_claims.notes or not watch_claims.claims:
                notes.append(_item_notes(source, item, watch_claims, trust, publisher, now))
    items = tuple(i for i in items if i.uid not in unread)
    return Fetched(source, poll, items, tuple(observations), tuple(notes))


def _item_notes(
    source: Source,
    item: Item,
    found: WatchClaims,
    trust: Trust,
    publisher: str,
    now: datetime,
) -> ItemNotes:
    """What `why` keeps of an item that named a watch but claimed nothing, or set cues aside."""
    from monitor.extract.reasons import set_aside

    return ItemNotes(
        show=found.watch.show,
        season=found.watch.season,
        source=source.name,
        item_uid=item.uid,
        title=item.title,
        url=item.link,
        publisher=publisher,
        trust=trust,
        published=item.published,
        seen_at=now,
        claims=len(found.claims),
        notes=set_aside(found.notes),
    )


def _extract(rt: Runtime, source: Source, items: Sequence[Item]) -> list[Outcome]:
    """Each item's claims, or the traceback of its reading's error. The default extractor
    runs in the parse workers (all cores; the matcher built once per worker); a test's own
    extractor, or no worker process, reads here."""
    if rt.offloaded and items:
        try:
            return extract_in_worker(shared_sandbox(), rt.matcher_memo, items)
        except SandboxUnavailable:
            pass
        except (SandboxTimeout, SandboxFailure) as exc:
            # Read here instead, as before there were workers: no news is lost to a worker.
            log.warning("%s: reading items in a worker failed (%s)", source.name, exc)
    out: list[Outcome] = []
    for item in items:
        try:
            out.append(tuple(rt.extract(item)))
        except Exception:
            out.append(traceback.format_exc(limit=8))
    return out


def _report(fetched: Fetched) -> SourceReport:
    poll = fetched.poll
    return SourceReport(
        name=fetched.source.name,
        status=poll.status,
        new_items=len(fetched.items),
        error=poll.error,
    )


def store_fetched(
    rt: Runtime,
    session: Session,
    fetched: Fetched,
    now: datetime,
    batch: WriteBatch | None = None,
) -> list[Event]:
    """Write one source's results in the caller's transaction; the events to announce.

    Within a poll cycle (`rt.cycle`) baselines are finished once at its end, not here; with
    a `batch` the bulk rows wait for `rt.repo.flush(session, batch)`."""
    return rt.repo.apply(
        session,
        source=fetched.source.name,
        status=fetched.poll.status,
        state=fetched.poll.state,
        items=fetched.items,
        observations=fetched.observations,
        watches=rt.watches,
        routing=rt.routing,
        all_sources=rt.source_names,
        now=now,
        cycle=rt.cycle,
        notes=fetched.notes,
        batch=batch,
    )


def poll_source(
    rt: Runtime,
    source: Source,
    now: datetime,
    *,
    dry_run: bool = False,
    claim: leases.SourceClaim | None = None,
) -> tuple[SourceReport, list[Event]]:
    """Fetch one source and carry its claims to state and outbox in one transaction.

    With a `claim` (the daemon's lease on the source) that transaction also gives the lease
    up, and stores nothing if the lease was lost meanwhile (another daemon has the source).
    """
    fetched = fetch_source(rt, source, now)

    def store() -> list[Event]:
        with rt.repo.transaction(commit=not dry_run) as session:
            if claim is not None:
                leases.finish(session, claim)
            return store_fetched(rt, session, fetched, now)

    try:
        events = retrying(store, what=f"storing {source.name}")
    except leases.LeaseLost:
        log.warning("%s: lease lost during the fetch; another daemon has it now", source.name)
        return SourceReport(source.name, "skipped", error="lease lost"), []
    if events and not dry_run:
        refresh_calendar(rt, now)
    return _report(fetched), events


# Finished sources waiting for the writer, at most: fetchers wait when it is behind.
QUEUE_BOUND = 64
# Sources stored per write transaction: few commits, yet short enough that `status` or a
# second `poll` never waits long for the lock.
WRITE_BATCH = 50
# How long the writer waits for a batch to fill: the parse workers, not the writer, set the
# pace of a cold poll, and a source written alone costs as many statements as fifty.
WRITE_LINGER = 0.5
SWITCH_INTERVAL = 0.0002  # seconds (Python's default: 0.005)
_DONE = None  # a lane's last word on the queue


def lanes(sources: Sequence[Source], per_host: int) -> list[list[Source]]:
    """Split sources into lanes run one source at a time: at most `per_host` lanes per host,
    interleaved across hosts so the workers start on different hosts."""
    by_host: dict[str, list[Source]] = {}
    for source in sources:
        by_host.setdefault(_site(source.url) or source.name, []).append(source)
    per_lane = [
        [group[i::per_host] for i in range(min(per_host, len(group)))] for group in by_host.values()
    ]
    out: list[list[Source]] = []
    for depth in range(max((len(g) for g in per_lane), default=0)):
        out += [g[depth] for g in per_lane if depth < len(g)]
    return out


class Fetching:
    """The fetchers' side of a cycle: a bounded queue of finished sources, one `None` per lane
    when it is done, and a flag that stops the lanes before their next source."""

    def __init__(self) -> None:
        self.done: queue.Queue[Fetched | None] = queue.Queue(maxsize=QUEUE_BOUND)
        self.lanes_left = 0
        self.stop = threading.Event()

    def batches(self) -> Iterator[list[Fetched]]:
        """What the fetchers finished, in batches of up to WRITE_BATCH: waits for the first,
        then for more until the batch is full or WRITE_LINGER has passed (fewer, larger
        writes: one statement per table per batch)."""
        while self.lanes_left:
            batch: list[Fetched] = []
            item = self.done.get()
            until = time.monotonic() + WRITE_LINGER
            while True:
                if item is _DONE:
                    self.lanes_left -= 1
                else:
                    batch.append(item)
                if len(batch) >= WRITE_BATCH or not self.lanes_left:
                    break
                try:
                    item = self.done.get(timeout=max(0.0, until - time.monotonic()))
                except queue.Empty:
                    break
            if batch:
                yield batch

    def cancel(self) -> None:
        """Stop the lanes and empty the queue until each has finished, so none blocks on it
        for ever (the writer gave up)."""
        self.stop.set()
        while self.lanes_left:
            if self.done.get() is _DONE:
                self.lanes_left -= 1


def _fetch_all(rt: Runtime, sources: Sequence[Source], now: datetime) -> Fetching:
    """Fetch, parse and extract in parallel (never more than `monitor.per_host` requests to
    one host at once); finished sources come out of the returned bounded queue."""
    todo = lanes(sources, rt.config.monitor.per_host)
    fetching = Fetching()
    fetching.lanes_left = len(todo)
    done = fetching.done
    pool = ThreadPoolExecutor(
        max_workers=max(1, min(rt.config.monitor.workers, len(todo))),
        thread_name_prefix="fetch",
    )

    def run(lane: list[Source]) -> None:
        try:
            for source in lane:
                if fetching.stop.is_set():
                    break
                done.put(fetch_source(rt, source, now))
        finally:
            done.put(_DONE)

    for lane in todo:
        pool.submit(run, lane)
    pool.shutdown(wait=False)
    return fetching


def start_cycle(rt: Runtime, sources: Sequence[Source]) -> None:
    """Read once what every source of this poll needs: watched seasons, who answered."""
    rt.cycle = rt.repo.start_cycle(rt.watches, rt.source_names)
    rt.cycle_states = rt.repo.source_states()


def end_cycle(rt: Runtime) -> None:
    rt.cycle = None
    rt.cycle_states = {}


def poll_all(
    rt: Runtime,
    now: datetime,
    *,
    dry_run: bool = False,
    progress: Callable[[SourceReport], None] | None = None,
) -> PollReport:
    """Every source now (manual `poll`), then every pending delivery at once.

    Fetching, parsing and extraction run in parallel; this thread is the single writer,
    storing finished sources in batches while the others go on. Sources whose server
    asked to wait (429/503 Retry-After) are skipped until then.
    """
    sources = rt.sources
    start_cycle(rt, sources)
    switch = sys.getswitchinterval()
    # A thread whose worker replied (or whose query returned) gets the interpreter back
    # within 0.2 ms instead of 5 ms; meanwhile it holds a parse slot and a core sits idle.
    # 1,000 feeds cold: 25 s at 5 ms, 22 s at 1 ms, 19.5 s at 0.2 ms, same CPU.
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        return _poll_cycle(rt, sources, now, dry_run=dry_run, progress=progress)
    finally:
        sys.setswitchinterval(switch)
        end_cycle(rt)


def _poll_cycle(
    rt: Runtime,
    sources: Sequence[Source],
    now: datetime,
    *,
    dry_run: bool,
    progress: Callable[[SourceReport], None] | None,
) -> PollReport:
    waiting = rt.rate_limited(now)
    reports: list[SourceReport] = [
        SourceReport(
            name=name,
            status="skipped",
            error=f"rate limited: the server asked us to wait until {until:%Y-%m-%d %H:%M} UTC",
        )
        for name, until in waiting.items()
    ]
    sources = [s for s in sources if s.name not in waiting]
    fetching = _fetch_all(rt, sources, now) if sources else Fetching()
    try:
        return _write_cycle(rt, fetching, reports, now, dry_run=dry_run, progress=progress)
    except BaseException:
        # Storing failed (full disk, read-only file...) and the error goes up to the caller;
        # the fetchers must not stay blocked on the full queue meanwhile.
        fetching.cancel()
        raise


def _write_cycle(
    rt: Runtime,
    fetching: Fetching,
    reports: list[SourceReport],
    now: datetime,
    *,
    dry_run: bool,
    progress: Callable[[SourceReport], None] | None,
) -> PollReport:
    """The single writer: store what the fetchers finish, batch by batch."""
    events: list[Event] = []
    all_names = rt.source_names
    if dry_run:
        # One transaction for the whole cycle (later sources see earlier ones), rolled back.
        with rt.repo.transaction(commit=False) as session:
            for batch in fetching.batches():
                events += _store_batch(rt, session, batch, now)
                for fetched in batch:
                    reports.append(_report(fetched))
                    if progress:
                        progress(reports[-1])
            events += rt.repo.finish_baselines(session, rt.watches, rt.routing, all_names, now)
            events += rt.repo.release_day(session, rt.watches, rt.routing, now)
        return PollReport(tuple(events), _in_order(reports, rt.sources), DeliveryReport())
    notices: list[Event] = []
    for batch in fetching.batches():
        with rt.repo.transaction() as session:
            events += _store_batch(rt, session, batch, now)
        for fetched in batch:
            reports.append(_report(fetched))
            if _may_alert(rt, fetched):
                notice = source_notice(rt, fetched.source.name, now)
                if notice is not None:
                    notices.append(notice)
            if progress:
                progress(reports[-1])
        del batch[:]  # stored and reported: the items' memory goes back before the next batch
        memory.trim()
    _release_workers()
    with rt.repo.transaction() as session:
        events += rt.repo.finish_baselines(session, rt.watches, rt.routing, all_names, now)
    events += release_day(rt, now)
    refresh_calendar(rt, now)
    deliveries = deliver_due(rt, now, retry_all=True)
    return PollReport(tuple(events), _in_order(reports, rt.sources), deliveries, tuple(notices))


def _store_batch(
    rt: Runtime, session: Session, batch: Sequence[Fetched], now: datetime
) -> list[Event]:
    """Store finished sources in the caller's transaction, their bulk rows written together
    (one statement per table for the whole batch); the events to announce."""
    held = WriteBatch()
    events: list[Event] = []
    for fetched in batch:
        events += store_fetched(rt, session, fetched, now, held)
    rt.repo.flush(session, held)
    return events


def _release_workers() -> None:
    """Every source of a manual poll is read: its parse workers (about 30 MiB each) need not
    outlive the fetch phase (the daemon's ticks reuse theirs instead)."""
    shared_sandbox().close()


def _may_alert(rt: Runtime, fetched: Fetched) -> bool:
    """Can this poll open or close a source notice? (Most cannot: no query needed.)"""
    from monitor.state.source_health import FAILING_AFTER

    cycle = rt.cycle
    if cycle is None:
        return True
    is_open = f"source_failing:{fetched.source.name}" in cycle.open_notices
    return is_open or fetched.poll.state.failures >= FAILING_AFTER


def source_notice(rt: Runtime, name: str, now: datetime) -> Event | None:
    """`source_failing` / `source_recovered` after a poll of `name`, with the daemon's rule
    (decided from the stored failure streak, so cron `poll` and `run` alert alike)."""
    from monitor.notify.notices import source_alert

    try:
        return source_alert(rt.repo, rt.config, name, now)
    except Exception:  # health bookkeeping must never fail a poll
        log.exception("source health bookkeeping for %s failed", name)
        return None


def _in_order(reports: list[SourceReport], sources: Sequence[Source]) -> tuple[SourceReport, ...]:
    order = {s.name: n for n, s in enumerate(sources)}
    return tuple(sorted(reports, key=lambda r: order.get(r.name, len(order))))


def deliver_due(
    rt: Runtime,
    now: datetime,
    *,
    retry_all: bool = False,
    wait: bool = True,
    hold_from: datetime | None = None,
) -> DeliveryReport:
    """Claim due outbox rows, send each through Apprise outside any transaction, mark them.

    Each target sends on its own worker under `notify.timeout` per send; with `wait` the
    call returns when the round is done (bounded), without it at once. Rows enqueued at or
    after `hold_from` wait for a later round (the daemon's tick that made them still runs).
    """
    from monitor.notify.outbox import deliver

    notify = rt.config.notify
    # The claims of a dead sender lapse after `[monitor] lease`, as source claims do.
    return deliver(
        rt.repo,
        notify.urls,
        now,
        retry_all=retry_all,
        timeout=notify.timeout,
        wait=wait,
        lease=rt.config.monitor.lease,
        hold_from=hold_from,
    )


def deliver_in_background(
    rt: Runtime, now: datetime, *, hold_from: datetime | None = None
) -> DeliveryReport:
    """The daemon's round: start every due target's worker and return at once; the report
    counts the batches finished since the previous round. Rows enqueued from `hold_from` on
    wait until the tick that made them has stored all its sources (one message per season)."""
    return deliver_due(rt, now, wait=False, hold_from=hold_from)


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
    if not rt.config.calendar.path:
        return
    from monitor import calendar  # icalendar only when there is a calendar to write

    try:
        calendar.refresh_calendar(rt.config, rt.repo, now)
    except OSError as exc:  # a read-only folder must not stop polling or notifying
        log.warning("cannot write the calendar file %s: %s", rt.config.calendar.path, exc)
