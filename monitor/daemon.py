"""`release-monitor run`: APScheduler jobs that call the pipeline, plus lifecycle and reloads."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlsplit

from apscheduler.executors.pool import ThreadPoolExecutor as JobExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.exc import SQLAlchemyError

from monitor import memory, pipeline
from monitor.config import Config, mask_database_url, mask_secret_url
from monitor.lock import sqlite_path
from monitor.models import DeliveryReport, Event
from monitor.notify.notices import config_error, config_fixed, source_alert
from monitor.notify.outbox import shared_workers
from monitor.reload import ConfigWatcher, Reload, restart_only_changes, smallest_interval
from monitor.sources.base import Source
from monitor.state import daemons, leases
from monitor.state.db import describe_failure, pool_options
from monitor.state.health import HeartbeatStore
from monitor.state.repository import Repository, watches_hash
from monitor.state.retry import retrying
from monitor.state.source_health import reschedule

log = logging.getLogger("monitor.daemon")

# Hosts that throttle or ban eager clients: seconds between two requests to them.
POLITE_HOSTS: dict[str, float] = {
    "news.google.com": 1.0,
    "api.tvmaze.com": 0.5,  # documented limit: 20 calls per 10 s
}
TICK_MIN = 0.5
TICK_MAX = 30.0
SHUTDOWN_GRACE = 8.0  # SIGTERM to exit, at most (Docker's default kill timeout is 10 s)
ENV_SHUTDOWN_GRACE = "RELEASE_MONITOR_SHUTDOWN_GRACE"  # seconds, for a longer `docker stop -t`
FULL_CONFIG_CHECK = 30.0  # hash the config at least this often even if its stat looks unchanged
STOP_POLL = 1.0  # seconds between two looks at the stop flag in the main thread
WAIT_LOG_EVERY = 30.0  # seconds between two "waiting for the other daemons" lines


def utcnow() -> datetime:
    return datetime.now(UTC)


def tick_seconds(config: Config) -> float:
    """Half the smallest interval, kept within [0.5 s, 30 s]: a due source waits at most that."""
    half = smallest_interval(config).total_seconds() / 2
    return max(TICK_MIN, min(TICK_MAX, half))


def grace_from_env(environ: dict[str, str] | None = None) -> float:
    env = os.environ if environ is None else environ
    try:
        value = float(env.get(ENV_SHUTDOWN_GRACE, ""))
    except ValueError:
        return SHUTDOWN_GRACE
    return value if value > 0 else SHUTDOWN_GRACE


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def host_gap(host: str) -> float:
    for polite, gap in POLITE_HOSTS.items():
        if host == polite or host.endswith("." + polite):
            return gap
    return 0.0


@dataclass
class Ops:
    """The pipeline functions the daemon calls (swappable so scheduling is testable alone)."""

    runtime: Callable[[Config], Any] = pipeline.Runtime
    poll_source: Callable[..., tuple[pipeline.SourceReport, list[Event]]] = pipeline.poll_source
    # Returns at once: a slow target finishes on its own worker, never holding the job.
    deliver_due: Callable[..., DeliveryReport] = pipeline.deliver_in_background
    release_day: Callable[..., list[Event]] = pipeline.release_day
    # Health messages through the outbox (source failing/recovered, broken config).
    notices: bool = True
    on_config_error: Callable[[str, str], None] | None = None  # observer: (error, digest)


# How long the deliveries of a tick's changes wait for the rest of its sources, at most: a
# season's changes from several sources of one tick go out as one message, yet a long host
# queue (Google News spaces its searches) never holds news for more than this.
HOLD_FOR_TICK = timedelta(seconds=60)


@dataclass(eq=False)  # each tick is its own: compared by identity
class _TickSet:
    """The sources one tick handed out: while any runs, what they enqueue waits for the rest."""

    start: datetime
    left: int  # hosts still polling
    events: bool = False  # something was enqueued: deliver when the last host is done


@dataclass
class Stats:
    ticks: int = 0
    polls: int = 0
    errors: int = 0
    events: int = 0
    sent: int = 0
    reloads: int = 0
    host_waits: list[float] = field(default_factory=list)


class Daemon:
    """Owns the scheduler, the fetch pool, the runtime and the config watcher."""

    def __init__(
        self,
        config_path: Path,
        config: Config,
        *,
        ops: Ops | None = None,
        clock: Callable[[], datetime] = utcnow,
        shutdown_grace: float | None = None,
    ) -> None:
        self.config_path = config_path
        self.config = config
        self._hashed: tuple[Config | None, str] = (None, "")  # (config, its watchlist's hash)
        self.ops = ops or Ops()
        self.clock = clock
        self.shutdown_grace = shutdown_grace or grace_from_env()
        self.stats = Stats()
        self.started_at = clock()
        self.tick_every = tick_seconds(config)
        self.watcher = ConfigWatcher(config_path, config)
        self.repo: Repository | None = None
        self.heartbeat: HeartbeatStore | None = None
        self.host = daemons.this_host()
        self.instance = daemons.new_instance(self.host)
        self._claims: dict[str, leases.SourceClaim] = {}  # guarded by _lock
        self._waiting_logged = 0.0
        self._release_day_waiting = False
        self.rt: Any = None
        self.web: Any = None  # the [web] part, when configured
        self.stop_event = threading.Event()
        self._stop_reason = "stop"  # the signal's name once one arrives
        self._hold = threading.Event()  # set: host runs stop after their current source
        self._rt_lock = threading.Lock()  # held by jobs that use the runtime outside the pool
        self._lock = threading.Lock()  # guards the bookkeeping below
        self._inflight: set[str] = set()
        self._busy_hosts: set[str] = set()
        self._host_last: dict[str, float] = {}
        self._futures: set[Future[None]] = set()
        self._ticks: list[_TickSet] = []  # ticks whose sources are still being polled
        self._pending: Config | None = None
        self._last_full_check = time.monotonic()
        self._jobs_running = 0
        self._jobs_idle = threading.Condition(self._lock)
        self.exit_code = 0
        self._db_file = sqlite_path(config.database_url)
        self._db_identity: tuple[int, int] | None = None
        self.pool = ThreadPoolExecutor(
            max_workers=config.monitor.workers, thread_name_prefix="poll"
        )
        self.scheduler = BackgroundScheduler(
            jobstores={"default": MemoryJobStore()},
            executors={"default": JobExecutor(max_workers=3)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
            timezone=UTC,
        )

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        self.repo = Repository.open(self.config.database_url, pool_options(self.config))
        self._db_identity = self._identity()
        if self.config.web.listen:
            from monitor.web import web_server

            # Bound before anything runs: a taken port stops the start, clearly.
            self.web = web_server(self.repo, lambda: self.config, self.config.web.listen)
        now = self.clock()
        repo = self.repo
        retrying(
            lambda: daemons.register(
                repo.engine,
                instance=self.instance,
                host=self.host,
                pid=os.getpid(),
                watch_hash=self.watch_hash,
                tick_seconds=self.tick_every,
                now=now,
                database=mask_database_url(self.config.database_url),
            ),
            what="registering the daemon",
        )
        self.heartbeat = HeartbeatStore(self.repo, self.instance, self.host)
        self.rt = self.ops.runtime(self.config)
        self._beat(now)
        log.info(
            "daemon started: %d sources, %d watches, tick every %gs, %d workers",
            len(self.rt.sources),
            len(self.config.watch),
            self.tick_every,
            self.config.monitor.workers,
        )
        memory.settle()
        self._add_jobs()
        self.scheduler.start()
        if self.web is not None:
            self.web.start()

    def _add_jobs(self) -> None:
        start = datetime.now(UTC)
        self.scheduler.add_job(
            self._job(self._tick),
            "interval",
            seconds=self.tick_every,
            jitter=self.tick_every / 10,
            id="tick",
            next_run_time=start,
        )
        self.scheduler.add_job(
            self._job(self._renew),
            "interval",
            seconds=self.config.monitor.lease.total_seconds() / 3,
            id="renew",
        )
        self.scheduler.add_job(
            self._job(self._deliver),
            "interval",
            seconds=self.tick_every,
            jitter=self.tick_every / 10,
            id="deliver",
            next_run_time=start + timedelta(seconds=0.5),
        )
        # Release day at start-up (catching up on days the daemon was down) and daily.
        self.scheduler.add_job(
            self._job(self._release_day),
            "cron",
            hour=0,
            minute=5,
            jitter=60,
            id="release_day",
            next_run_time=start,
        )

    def _job(self, func: Callable[[], None]) -> Callable[[], None]:
        """Count running jobs (so shutdown can wait for them) and never let one kill the loop."""

        def run() -> None:
            with self._lock:
                self._jobs_running += 1
            try:
                func()
            except SQLAlchemyError as exc:  # full disk, read-only folder, damaged file
                log.error(
                    "%s failed: %s",
                    func.__name__.lstrip("_"),
                    describe_failure(exc, self.config.database_url),
                )
            except Exception:
                log.exception("%s failed", func.__name__.lstrip("_"))
            finally:
                with self._lock:
                    self._jobs_running -= 1
                    self._jobs_idle.notify_all()

        run.__name__ = func.__name__
        run.__qualname__ = func.__qualname__  # what APScheduler names the job in its log
        return run

    def request_stop(self, signum: int | None = None, _frame: FrameType | None = None) -> None:
        if self.stop_event.is_set():
            log.warning("second stop signal: exiting now")
            logging.shutdown()
            os._exit(1)
        self._stop_reason = signal.Signals(signum).name if signum else "stop"
        self.stop_event.set()

    def run_forever(self) -> int:
        """Start, block until SIGTERM/SIGINT or a fatal storage fault, stop; the exit status."""
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self.request_stop)
        self.start()
        # Short waits, not one long one: a signal the kernel hands to another thread only
        # sets a flag, and the main thread runs the handler when it next wakes up.
        while not self.stop_event.wait(STOP_POLL):
            pass
        # Logged here, not in the handler: a handler that logs can deadlock on a logging
        # lock held by the code it interrupted.
        if self.exit_code == 0:  # a fatal fault has already said why
            log.info(
                "%s received: finishing in-flight work (at most %gs)",
                self._stop_reason,
                self.shutdown_grace,
            )
        return self.shutdown()

    def shutdown(self) -> int:
        """Stop scheduling, let in-flight polls and jobs finish (bounded), close everything."""
        deadline = time.monotonic() + self.shutdown_grace
        self.stop_event.set()
        self._hold.set()
        self.scheduler.shutdown(wait=False)
        if self.web is not None:
            self.web.stop(timeout=min(2.0, self.shutdown_grace / 4))
        self._wait_for_polls(deadline)
        with self._lock:
            while self._jobs_running and time.monotonic() < deadline:
                self._jobs_idle.wait(max(0.0, deadline - time.monotonic()))
        # A tick that was running when the stop came may have handed out polls meanwhile
        # (they stop after their current source): wait for those too.
        self._wait_for_polls(deadline)
        with self._lock:
            busy = sorted(self._inflight)
            jobs = self._jobs_running
        # Sends run on their targets' own workers, outside the jobs: let them finish too.
        if not shared_workers().wait_idle(max(0.0, deadline - time.monotonic())):
            jobs += 1
        now = self.clock()
        try:
            # Not into a database file that was removed or replaced under us.
            if self.heartbeat is not None and self.exit_code == 0:
                self.heartbeat.stopped(now)
            if self.repo is not None:
                # Sources claimed but not fetched are due again at once for the others.
                with self._lock:
                    unfinished = [c for n, c in self._claims.items() if n not in self._inflight]
                leases.release(self.repo.engine, unfinished)
        except Exception as exc:
            log.warning("could not record the stop in the database: %s", exc)
        if busy or jobs:
            # A fetch past its deadline or a hung send: its transaction was never committed,
            # so the source stays due and the delivery stays pending for the next start.
            log.warning(
                "stopped with work unfinished after %gs (sources: %s; jobs: %d); "
                "it will be retried at the next start",
                self.shutdown_grace,
                ", ".join(busy) or "none",
                jobs,
            )
            logging.shutdown()
            os._exit(self.exit_code)
        self.pool.shutdown(wait=True)
        if self.rt is not None:
            self.rt.close()
        if self.repo is not None:
            self.repo.close()
        log.info(
            "daemon stopped: %d ticks, %d polls, %d errors, %d events, %d sent",
            self.stats.ticks,
            self.stats.polls,
            self.stats.errors,
            self.stats.events,
            self.stats.sent,
        )
        return self.exit_code

    @property
    def watch_hash(self) -> str:
        """The watchlist's hash (in every heartbeat), computed once per config, not per tick."""
        if self._hashed[0] is not self.config:
            self._hashed = (self.config, watches_hash(self.config.watches))
        return self._hashed[1]

    def _wait_for_polls(self, deadline: float) -> None:
        with self._lock:
            futures = set(self._futures)
        for future in futures:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            # A failure was already logged by the worker; here we only wait.
            with contextlib.suppress(Exception):
                future.result(timeout=remaining)

    # --- jobs ----------------------------------------------------------------------------------

    def _beat(self, now: datetime) -> None:
        if self.heartbeat is None:
            return
        heartbeat = self.heartbeat
        with self._lock:
            claimed = len(self._claims)
        try:
            retrying(
                lambda: heartbeat.beat(
                    pid=os.getpid(),
                    started_at=self.started_at,
                    now=now,
                    tick_seconds=self.tick_every,
                    watch_hash=self.watch_hash,
                    claimed=claimed,
                ),
                what="heartbeat",
                attempts=2,
            )
        except Exception as exc:  # a locked database must not stop polling
            log.warning("could not record the heartbeat: %s", exc)

    def _others_disagree(self, now: datetime) -> bool:
        """Does a live daemon on this database run another watchlist (an edit not picked up
        by all yet)? Then nobody polls, so no baseline is recorded for a half-known edit."""
        assert self.repo is not None
        mine = self.watch_hash
        theirs = daemons.conflicts(daemons.live_daemons(self.repo.engine, now), mine, self.instance)
        if theirs and time.monotonic() - self._waiting_logged >= WAIT_LOG_EVERY:
            self._waiting_logged = time.monotonic()
            log.warning(
                "polling paused: the daemon on %s runs another watchlist; waiting until every "
                "daemon on this database has the same [[watch]] list",
                ", ".join(d.describe() for d in theirs),
            )
        return bool(theirs)

    def _claim(self, now: datetime) -> list[tuple[Source, leases.SourceClaim]]:
        """Lease this tick's due sources (those no other daemon holds, on idle hosts)."""
        assert self.repo is not None
        with self._lock:
            candidates = {
                s.name: s
                for s in self.rt.due_sources(now)
                if s.name not in self._inflight and host_of(s.url) not in self._busy_hosts
            }
        if not candidates:
            return []
        repo = self.repo
        claims = retrying(
            lambda: leases.claim_due(
                repo.engine,
                sorted(candidates),
                self.instance,
                now,
                lease=self.config.monitor.lease,
            ),
            what="claiming due sources",
        )
        with self._lock:
            for claim in claims:
                self._claims[claim.name] = claim
        return [(candidates[c.name], c) for c in claims]

    def _renew(self) -> None:
        """Keep the leases of running fetches alive (a dead daemon's simply lapse)."""
        if self.repo is None:
            return
        with self._lock:
            held = list(self._claims.values())
        if not held:
            return
        repo = self.repo
        renewed, lost = retrying(
            lambda: leases.renew(repo.engine, held, self.clock(), lease=self.config.monitor.lease),
            what="renewing leases",
        )
        with self._lock:
            for claim in renewed:
                if claim.name in self._claims:
                    self._claims[claim.name] = claim
            for claim in lost:
                self._claims.pop(claim.name, None)
        for claim in lost:
            log.warning("lease on %s lapsed before it could be renewed", claim.name)

    def _identity(self) -> tuple[int, int] | None:
        if self._db_file is None:
            return None
        try:
            info = os.stat(self._db_file)
        except FileNotFoundError:
            return None
        return info.st_dev, info.st_ino

    def _database_still_there(self) -> bool:
        """Is the database file the one opened at start? Checked every tick.

        SQLite keeps writing into a deleted file (its open handle) and into the old inode of
        a replaced one: all history after that would be lost silently. Stop loudly instead.
        """
        if self._db_file is None or self._db_identity is None:
            return True
        now = self._identity()
        if now == self._db_identity:
            return True
        what = "removed" if now is None else "replaced by another file"
        self.fatal(
            f"database file {self._db_file} was {what} while the daemon ran; stopping so "
            "nothing is written into a file that is gone. Restore it from a backup (or "
            "leave the new one), then start the daemon again"
        )
        return False

    def fatal(self, message: str) -> None:
        """Log one loud line and stop with a non-zero exit status."""
        log.critical("%s", message)
        self.exit_code = 1
        self.stop_event.set()

    def _tick(self) -> None:
        if self.stop_event.is_set():
            return
        if not self._database_still_there():
            return
        now = self.clock()
        self.stats.ticks += 1
        self._check_config(now)
        if self._pending is not None and not self._swap(now):
            self._beat(now)
            return
        self._beat(now)
        if self._others_disagree(now):
            return
        if self._release_day_waiting:  # held back while the daemons disagreed
            self._release_day_waiting = False
            self._wake("release_day")
        by_host: dict[str, list[Source]] = {}
        for source, _claim in self._claim(now):
            by_host.setdefault(host_of(source.url), []).append(source)
        if not by_host:
            return
        tick = _TickSet(now, len(by_host))
        with self._lock:
            self._ticks.append(tick)
            for host, sources in by_host.items():
                self._busy_hosts.add(host)
                self._inflight.update(s.name for s in sources)
                future = self.pool.submit(self._run_host, self.rt, host, sources, tick)
                self._futures.add(future)
                future.add_done_callback(functools.partial(self._forget, tick))

    def _forget(self, tick: _TickSet, future: Future[None]) -> None:
        with self._lock:
            self._futures.discard(future)
            tick.left -= 1
            done = tick.left <= 0
            if done:
                self._ticks.remove(tick)
        if done:
            memory.trim()  # what the tick's fetch threads freed goes back to the system
        if done and tick.events:
            # The tick's last source is stored: its changes go out, one message per season.
            self._wake("deliver")

    def _hold_from(self, now: datetime) -> datetime | None:
        """Outbox rows enqueued from this moment on wait: their tick is still polling."""
        with self._lock:
            starts = [t.start for t in self._ticks if t.start > now - HOLD_FOR_TICK]
        return min(starts, default=None)

    def _run_host(self, rt: Any, host: str, sources: list[Source], tick: _TickSet) -> None:
        """One host's due sources, one request at a time, spaced for polite hosts."""
        gap = host_gap(host)
        try:
            for source in sources:
                if self._hold.is_set():
                    break
                if gap:
                    wait = self._host_last.get(host, 0.0) + gap - time.monotonic()
                    if wait > 0 and self._hold.wait(wait):
                        break
                self._host_last[host] = time.monotonic()
                try:
                    self._poll_one(rt, source, tick)
                finally:
                    with self._lock:
                        self._inflight.discard(source.name)
                        self._claims.pop(source.name, None)
        finally:
            with self._lock:
                left = [self._claims.pop(s.name) for s in sources if s.name in self._claims]
                self._inflight.difference_update(s.name for s in sources)
                self._busy_hosts.discard(host)
            if left and self.repo is not None:  # held back by a reload or a stop: due again
                with contextlib.suppress(Exception):
                    leases.release(self.repo.engine, left)

    def _poll_one(self, rt: Any, source: Source, tick: _TickSet | None = None) -> None:
        now = self.clock()
        with self._lock:
            claim = self._claims.get(source.name)
        try:
            report, events = self.ops.poll_source(rt, source, now, claim=claim)
        except SQLAlchemyError as exc:  # the source is fine; storing its results failed
            self.stats.errors += 1
            log.error(
                "poll of %s could not be stored: %s",
                source.name,
                describe_failure(exc, self.config.database_url),
            )
            return
        except Exception:
            self.stats.errors += 1
            log.exception("poll of %s crashed", source.name)
            return
        self.stats.polls += 1
        if report.status == "error":
            self.stats.errors += 1
            log.warning(
                "source %s failed: %s", source.name, report.error, extra={"source": source.name}
            )
        else:
            # Most polls find nothing new (304 or the same body): keep those out of INFO.
            level = logging.INFO if report.new_items or report.status == "ok" else logging.DEBUG
            log.log(
                level,
                "source %s: %s, %d new items",
                source.name,
                report.status,
                report.new_items,
                extra={"source": source.name},
            )
        if self.repo is not None and self.ops.notices:
            try:
                alert = source_alert(self.repo, self.config, source.name, now)
            except Exception:
                log.exception("source health bookkeeping for %s failed", source.name)
            else:
                if alert is not None:
                    log.warning("%s: %s", alert.kind, alert.new, extra={"source": source.name})
                    self._delivery_due(tick)
        for ev in events:
            self.stats.events += 1
            log.info(
                "event %s: %s S%d %s -> %s",
                ev.kind,
                ev.show,
                ev.season,
                ev.old or "unknown",
                ev.new or "unknown",
                extra={"event": ev.kind},
            )
        if events:
            self._delivery_due(tick)

    def _delivery_due(self, tick: _TickSet | None) -> None:
        """Something was enqueued: deliver now, or when the tick's last source is stored."""
        if tick is None or tick.start <= self.clock() - HOLD_FOR_TICK:
            self._wake("deliver")
            return
        with self._lock:
            tick.events = True
            running = tick in self._ticks
        if not running:  # finished meanwhile
            self._wake("deliver")

    def _wake(self, job_id: str) -> None:
        # While shutting down the job is gone; the outbox row simply stays pending.
        with contextlib.suppress(Exception):
            self.scheduler.modify_job(job_id, next_run_time=datetime.now(UTC))

    def _deliver(self) -> None:
        if self.stop_event.is_set():
            return
        with self._rt_lock:
            hold_from = self._hold_from(self.clock())
            report = retrying(
                lambda: self.ops.deliver_due(self.rt, self.clock(), hold_from=hold_from),
                what="delivering",
            )
        self.stats.sent += report.sent
        if report.sent or report.failed:
            log.info(
                "deliveries: %d sent, %d failed, %d pending",
                report.sent,
                report.failed,
                report.pending,
            )

    def _release_day(self) -> None:
        if self.stop_event.is_set():
            return
        # It writes the season rows of this daemon's watchlist: not while another live
        # daemon runs a different one (the next tick that finds them agreeing runs it).
        if self.repo is not None and self._others_disagree(self.clock()):
            self._release_day_waiting = True
            return
        with self._rt_lock:
            events = retrying(
                lambda: self.ops.release_day(self.rt, self.clock()), what="release day"
            )
        for ev in events:
            log.info("event %s: %s S%d (%s)", ev.kind, ev.show, ev.season, ev.new or "unknown")
        if events:
            self._wake("deliver")

    # --- live config ---------------------------------------------------------------------------

    def _check_config(self, now: datetime) -> None:
        full = time.monotonic() - self._last_full_check >= FULL_CONFIG_CHECK
        if full:
            self._last_full_check = time.monotonic()
        outcome = self.watcher.check(full=full)
        if outcome is None:
            return
        if outcome.error is not None:
            self._config_broken(outcome, now)
            return
        assert outcome.config is not None
        if outcome.config is self.config:
            log.info("%s is valid again; nothing to reload", self.config_path)
            self._config_fixed()
            return
        blocked = restart_only_changes(self.config, outcome.config)
        if blocked:
            log.error(
                "%s: changing %s needs a restart; keeping the running config",
                self.config_path,
                ", ".join(blocked),
            )
            self.watcher.current = self.config
            return
        self._pending = outcome.config
        self._hold.set()

    def _config_broken(self, outcome: Reload, now: datetime) -> None:
        error = outcome.error or "invalid config"
        log.error(
            "config edit rejected, still running the last good config: %s",
            error,
            extra={"config": str(self.config_path)},
        )
        if self.ops.on_config_error is not None:
            self.ops.on_config_error(error, outcome.digest)
        if self.repo is not None and self.ops.notices:
            try:
                notice = config_error(
                    self.repo, self.config, str(self.config_path), error, outcome.digest, now
                )
            except Exception:
                log.exception("could not notify about the broken config")
            else:
                if notice is not None:
                    self._wake("deliver")

    def _config_fixed(self) -> None:
        if self.repo is not None and self.ops.notices:
            try:
                config_fixed(self.repo)
            except Exception:
                log.exception("could not clear the broken-config notice")

    def _swap(self, now: datetime) -> bool:
        """Apply the pending config once no poll and no job holds the old runtime."""
        new = self._pending
        assert new is not None
        with self._lock:
            if self._inflight:
                return False
        if not self._rt_lock.acquire(blocking=False):
            return False
        try:
            try:
                fresh = self.ops.runtime(new)
            except Exception as exc:
                log.error("could not apply the new config, keeping the old one: %s", exc)
                self.watcher.current = self.config
                self._pending = None
                self._hold.clear()
                return True
            old_rt, old_config = self.rt, self.config
            before = {s.name: s.interval for s in old_rt.sources}
            self.rt, self.config, self._pending = fresh, new, None
            old_rt.close()
        finally:
            self._rt_lock.release()
        self._hold.clear()
        self.stats.reloads += 1
        self._describe_reload(old_config, new)
        self._config_fixed()
        changed = [s.name for s in self.rt.sources if before.get(s.name, s.interval) != s.interval]
        if changed and self.repo is not None:
            try:
                reschedule(self.repo.engine, changed, now)
                log.info("interval changed, checking again now: %s", ", ".join(sorted(changed)))
            except Exception:
                log.exception("rescheduling after the reload failed")
        every = tick_seconds(new)
        if every != self.tick_every:
            self.tick_every = every
            for job_id in ("tick", "deliver"):
                self.scheduler.reschedule_job(
                    job_id, trigger="interval", seconds=every, jitter=every / 10
                )
        return True

    def _describe_reload(self, old: Config, new: Config) -> None:
        before = {w.label for w in old.watches}
        after = {w.label for w in new.watches}
        added, removed = sorted(after - before), sorted(before - after)
        feeds_before = {f.name for f in old.feeds}
        feeds_after = {f.name for f in new.feeds}
        log.info(
            "config reloaded: %d watches (+%d -%d), %d feeds (+%d -%d), tick every %gs%s%s",
            len(after),
            len(added),
            len(removed),
            len(feeds_after),
            len(feeds_after - feeds_before),
            len(feeds_before - feeds_after),
            tick_seconds(new),
            f"; now watching {', '.join(added)}" if added else "",
            f"; stopped watching {', '.join(removed)}" if removed else "",
        )


def describe_targets(config: Config) -> list[str]:
    return [mask_secret_url(t.url) for t in config.notify.urls]


def default_ops() -> Ops:
    """The real pipeline, plus the daemon's own health bookkeeping."""
    return Ops()
