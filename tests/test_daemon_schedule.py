"""The scheduling skeleton in-process, with a stand-in pipeline (the real one is end-to-end).

These check what the pipeline cannot: due sources are polled repeatedly, never two requests
at once to one host, polite spacing, a hung fetch does not stall the tick, shutdown waits
for in-flight work, and a config edit swaps the runtime.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from monitor import daemon as daemon_mod
from monitor.config import Config, load_config
from monitor.daemon import Daemon, Ops, host_gap, host_of, tick_seconds
from monitor.models import DeliveryReport, Event, SourcePoll, SourceState, Trust
from monitor.pipeline import SourceReport
from monitor.state import leases
from monitor.state.health import HeartbeatStore
from monitor.state.repository import Repository


@dataclass(frozen=True)
class FakeSource:
    name: str
    url: str
    kind: str = "rss"
    interval: timedelta = timedelta(seconds=1)
    trust: Trust | None = None

    def poll(self, fetcher: Any, state: SourceState, now: datetime) -> SourcePoll:
        raise AssertionError("the daemon calls poll_source, never Source.poll")


class FakeRuntime:
    """Sources from the config's feeds; each is due again one interval after its poll."""

    def __init__(self, config: Config) -> None:
        self.config = config
        every = config.monitor.interval
        self._sources = [FakeSource(f.name, f.url, interval=every) for f in config.feeds]
        self.next_check: dict[str, datetime] = {}
        self.closed = False

    @property
    def sources(self) -> list[FakeSource]:
        return self._sources

    def due_sources(self, now: datetime) -> list[FakeSource]:
        return [s for s in self._sources if self.next_check.get(s.name, now) <= now]

    def close(self) -> None:
        self.closed = True


class Recorder:
    """A stand-in pipeline that records who was polled when, on which host, how concurrently."""

    def __init__(self, hang: set[str] | None = None, sleep: float = 0.0) -> None:
        self.lock = threading.Lock()
        self.calls: list[tuple[str, float, float]] = []  # name, start, end (monotonic)
        self.active: dict[str, int] = defaultdict(int)
        self.max_active: dict[str, int] = defaultdict(int)
        self.hang = hang or set()
        self.release = threading.Event()
        self.sleep = sleep
        self.runtimes: list[FakeRuntime] = []
        self.deliveries = 0

    def runtime(self, config: Config) -> FakeRuntime:
        rt = FakeRuntime(config)
        self.runtimes.append(rt)
        return rt

    def poll_source(
        self, rt: FakeRuntime, source: FakeSource, now: datetime, claim: Any = None
    ) -> tuple[SourceReport, list[Event]]:
        host = host_of(source.url)
        start = time.monotonic()
        with self.lock:
            self.active[host] += 1
            self.max_active[host] = max(self.max_active[host], self.active[host])
        try:
            if source.name in self.hang:
                self.release.wait(20)
            elif self.sleep:
                time.sleep(self.sleep)
        finally:
            with self.lock:
                self.active[host] -= 1
                self.calls.append((source.name, start, time.monotonic()))
        rt.next_check[source.name] = now + source.interval
        if claim is not None:  # as the real pipeline does when it stores the poll
            repo = Repository.open(rt.config.database_url)
            leases.release(repo.engine, [claim])
            repo.close()
        return SourceReport(source.name, "ok"), []

    def deliver_due(
        self, rt: FakeRuntime, now: datetime, hold_from: datetime | None = None
    ) -> DeliveryReport:
        self.deliveries += 1
        return DeliveryReport()

    def release_day(self, rt: FakeRuntime, now: datetime) -> list[Event]:
        return []

    def ops(self) -> Ops:
        return Ops(
            runtime=self.runtime,
            poll_source=self.poll_source,
            deliver_due=self.deliver_due,
            release_day=self.release_day,
            notices=False,
        )

    def count(self, name: str) -> int:
        with self.lock:
            return sum(1 for n, _, _ in self.calls if n == name)


def feeds_toml(feeds: list[tuple[str, str]], interval: str = "500ms") -> str:
    out = f'[monitor]\ndatabase = "sqlite:///rm.db"\ninterval = "{interval}"\nworkers = 4\n'
    out += "[sources.google_news]\nenabled = false\n[sources.tvmaze]\nenabled = false\n"
    for name, url in feeds:
        out += f'\n[[feeds]]\nname = "{name}"\nurl = "{url}"\n'
    return out


def wait_for(cond: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


@pytest.fixture
def make_daemon(tmp_path: Path) -> Iterator[Callable[..., tuple[Daemon, Recorder]]]:
    made: list[Daemon] = []

    def make(
        feeds: list[tuple[str, str]], recorder: Recorder | None = None, interval: str = "500ms"
    ) -> tuple[Daemon, Recorder]:
        path = tmp_path / "config.toml"
        path.write_text(feeds_toml(feeds, interval), encoding="utf-8")
        rec = recorder or Recorder()
        d = Daemon(path, load_config(path), ops=rec.ops(), shutdown_grace=5)
        made.append(d)
        return d, rec

    yield make
    for d in made:
        if not d.stop_event.is_set():
            d.shutdown()


@pytest.mark.parametrize(
    ("url", "gap"),
    [
        pytest.param("https://news.google.com/rss/search?q=x", 1.0, id="google-news"),
        pytest.param("https://api.tvmaze.com/shows/1", 0.5, id="tvmaze"),
        pytest.param("https://deadline.com/feed/", 0.0, id="ordinary"),
        pytest.param("https://notnews.google.com.evil/", 0.0, id="lookalike"),
    ],
)
def test_host_gap(url: str, gap: float) -> None:
    assert host_gap(host_of(url)) == gap


@pytest.mark.parametrize(
    ("interval", "tick"),
    [
        pytest.param("500ms", 0.5, id="floor"),
        pytest.param("10s", 5.0, id="half"),
        pytest.param("2h", 30.0, id="ceiling"),
    ],
)
def test_tick_seconds(tmp_path: Path, interval: str, tick: float) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f'[monitor]\ninterval = "{interval}"\n', encoding="utf-8")
    assert tick_seconds(load_config(path)) == tick


def test_polls_repeatedly_one_request_per_host(make_daemon: Any) -> None:
    feeds = [(f"a{i}", f"http://127.0.0.1:1/{i}") for i in range(3)]
    feeds += [(f"b{i}", f"http://localhost:1/{i}") for i in range(3)]
    d, rec = make_daemon(feeds, Recorder(sleep=0.05))
    d.start()
    wait_for(lambda: all(rec.count(name) >= 2 for name, _ in feeds))
    assert d.shutdown() == 0
    assert rec.max_active["127.0.0.1"] == 1
    assert rec.max_active["localhost"] == 1
    assert rec.deliveries >= 1
    repo = Repository.open(d.config.database_url)
    beat = HeartbeatStore(repo).latest()
    repo.close()
    assert beat is not None and beat.stopped_at is not None


def test_polite_host_spacing(make_daemon: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(daemon_mod.POLITE_HOSTS, "localhost", 0.3)
    feeds = [(f"g{i}", f"http://localhost:1/{i}") for i in range(3)]
    d, rec = make_daemon(feeds)
    d.start()
    wait_for(lambda: len(rec.calls) >= 4)
    d.shutdown()
    starts = sorted(start for _, start, _ in rec.calls)
    # The gap is kept from just before each fetch; the recorder stamps its start a moment
    # later, and on a loaded machine that moment varies by a few tens of milliseconds.
    assert all(b - a >= 0.3 - 0.1 for a, b in itertools.pairwise(starts))


def test_hung_fetch_does_not_stall_other_hosts(make_daemon: Any) -> None:
    feeds = [("stuck", "http://localhost:1/hang"), ("fine", "http://127.0.0.1:1/ok")]
    d, rec = make_daemon(feeds, Recorder(hang={"stuck"}))
    d.start()
    wait_for(lambda: rec.count("fine") >= 3)
    assert rec.count("stuck") == 0  # still hanging, and never started twice
    rec.release.set()
    assert d.shutdown() == 0
    assert rec.count("stuck") == 1


def test_shutdown_waits_for_in_flight_poll(make_daemon: Any) -> None:
    d, rec = make_daemon([("slow", "http://127.0.0.1:1/slow")], Recorder(sleep=0.5))
    d.start()
    wait_for(lambda: rec.active["127.0.0.1"] == 1)
    assert d.shutdown() == 0
    assert rec.count("slow") == 1  # finished, not abandoned
    assert rec.runtimes[0].closed


def test_config_edit_swaps_runtime_and_polls_new_feed(make_daemon: Any) -> None:
    d, rec = make_daemon([("one", "http://127.0.0.1:1/1")])
    d.start()
    wait_for(lambda: rec.count("one") >= 1)
    new = feeds_toml([("one", "http://127.0.0.1:1/1"), ("two", "http://127.0.0.1:1/2")])
    d.config_path.write_text(new, encoding="utf-8")
    wait_for(lambda: rec.count("two") >= 2)
    assert len(rec.runtimes) == 2
    assert rec.runtimes[0].closed
    assert d.stats.reloads == 1
    d.shutdown()


def test_invalid_edit_keeps_running(make_daemon: Any) -> None:
    errors: list[str] = []
    rec = Recorder()
    d, _ = make_daemon([("one", "http://127.0.0.1:1/1")], rec)
    d.ops.on_config_error = lambda error, digest: errors.append(error)
    d.start()
    wait_for(lambda: rec.count("one") >= 1)
    d.config_path.write_text(feeds_toml([("one", "ftp://nope")]), encoding="utf-8")
    wait_for(lambda: bool(errors))
    before = rec.count("one")
    wait_for(lambda: rec.count("one") >= before + 2)
    d.shutdown()
    assert len(errors) == 1
    assert "feeds[0].url" in errors[0]
    assert len(rec.runtimes) == 1


def test_heartbeat_written_each_tick(make_daemon: Any) -> None:
    d, _ = make_daemon([("one", "http://127.0.0.1:1/1")])
    d.start()
    repo = Repository.open(d.config.database_url)
    store = HeartbeatStore(repo)
    wait_for(lambda: store.latest() is not None)
    first = store.latest()
    assert first is not None
    wait_for(lambda: (store.latest() or first).last_tick > first.last_tick)
    latest = store.latest()
    assert latest is not None and latest.stopped_at is None
    assert datetime.now(UTC) - latest.last_tick < timedelta(minutes=1)
    d.shutdown()
    repo.close()


class TickRecorder(Recorder):
    """Every poll enqueues a change; "slow" takes a while; each delivery round's hold is kept."""

    def __init__(self) -> None:
        super().__init__()
        self.rounds: list[tuple[float, datetime | None]] = []  # (monotonic, hold_from)

    def poll_source(
        self, rt: FakeRuntime, source: FakeSource, now: datetime, claim: Any = None
    ) -> tuple[SourceReport, list[Event]]:
        if source.name == "slow":
            time.sleep(1.5)
        report, _ = super().poll_source(rt, source, now, claim)
        change = Event(kind="renewed", show="Glass Harbor", season=2, old=None, new="renewed")
        return report, [change]

    def deliver_due(
        self, rt: FakeRuntime, now: datetime, hold_from: datetime | None = None
    ) -> DeliveryReport:
        with self.lock:
            self.rounds.append((time.monotonic(), hold_from))
        return super().deliver_due(rt, now, hold_from)


def test_a_ticks_changes_wait_for_its_last_source(make_daemon: Any) -> None:
    """One message per season per poll: while one source of a tick is still polling, the
    delivery rounds hold back what the tick enqueued; its end wakes the delivery at once."""
    feeds = [("fast", "http://127.0.0.1:1/fast"), ("slow", "http://localhost:1/slow")]
    d, rec = make_daemon(feeds, TickRecorder(), interval="1h")  # one tick polls both
    d.start()
    wait_for(lambda: rec.count("slow") == 1)
    ended = max(end for name, _, end in rec.calls if name == "slow")
    wait_for(lambda: any(at > ended and hold is None for at, hold in rec.rounds))
    assert d.shutdown() == 0
    assert (rec.count("fast"), rec.count("slow")) == (1, 1)  # the same, single tick
    during = [hold for at, hold in rec.rounds if at < ended]
    assert None not in during  # nothing enqueued by the tick could go out before its end
    woken = [at for at, hold in rec.rounds if at > ended]
    assert woken[0] - ended < d.tick_every  # woken by the tick's end, not the next round
