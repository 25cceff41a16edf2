"""The poll cycle's plumbing: fetch lanes per host, the parse sandbox's bound and recycling,
and fetches against a real local server with `monitor.per_host`."""

from __future__ import annotations

import operator
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from monitor.config import config_from_dict
from monitor.parse.sandbox import Memo, Sandbox
from monitor.pipeline import Runtime, lanes, poll_all
from tests.feedserver import FeedItem, FeedServer, RequestRecord, Route, rss

T0 = datetime(2026, 6, 1, 12, tzinfo=UTC)


@dataclass(frozen=True)
class Named:
    name: str
    url: str


def _sources(spec: str) -> list[Named]:
    """ "a1 a2 b1" -> sources a1, a2 on host a and b1 on host b."""
    return [Named(n, f"http://{n[0]}.example/{n}") for n in spec.split()]


@pytest.mark.parametrize(
    ("spec", "per_host", "expected"),
    [
        pytest.param("a1 a2 a3", 1, [["a1", "a2", "a3"]], id="one-host-one-lane"),
        pytest.param("a1 a2 a3 a4", 2, [["a1", "a3"], ["a2", "a4"]], id="one-host-two-lanes"),
        pytest.param("a1 a2 b1", 1, [["a1", "a2"], ["b1"]], id="a-lane-per-host"),
        pytest.param("a1 b1", 8, [["a1"], ["b1"]], id="never-more-lanes-than-sources"),
        pytest.param("a1 a2 b1 b2", 2, [["a1"], ["b1"], ["a2"], ["b2"]], id="hosts-interleaved"),
        pytest.param("", 1, [], id="nothing"),
    ],
)
def test_lanes(spec: str, per_host: int, expected: list[list[str]]) -> None:
    got = lanes(_sources(spec), per_host)  # type: ignore[arg-type]  # only name and url used
    assert [[s.name for s in lane] for lane in got] == expected


def test_sandbox_recycles_workers_after_k_parses() -> None:
    sandbox = Sandbox(workers=1, recycle_after=2)
    try:
        assert [sandbox.run(operator.mul, n, 2, timeout=30) for n in range(5)] == [0, 2, 4, 6, 8]
        assert sandbox.started == 3  # 2 + 2 + 1 calls
    finally:
        sandbox.close()


def test_sandbox_memo_is_built_once_per_worker_and_key() -> None:
    """A Memo's value lives in the worker: `iadd` grows the same list call after call, a new
    key starts a new one, and a recycled worker builds it again."""
    sandbox = Sandbox(workers=1, recycle_after=4)
    first, second = Memo("first", list), Memo("second", list)
    try:
        calls = [
            sandbox.run(operator.iadd, [n], timeout=30, memo=memo)
            for n, memo in enumerate([first, first, first, second, first])
        ]
        assert calls == [[0], [0, 1], [0, 1, 2], [3], [4]]  # 5th call: a new worker
        assert sandbox.started == 2
    finally:
        sandbox.close()


def test_sandbox_memo_that_fails_to_build_is_built_again_next_time() -> None:
    sandbox = Sandbox(workers=1)
    try:
        with pytest.raises(ValueError, match="invalid literal"):
            sandbox.run(operator.add, 1, timeout=30, memo=Memo("n", int, ("x",)))
        assert sandbox.run(operator.add, 1, timeout=30, memo=Memo("n", int, ("41",))) == 42
        assert sandbox.started == 1
    finally:
        sandbox.close()


def test_sandbox_runs_at_most_its_workers_at_once() -> None:
    sandbox = Sandbox(workers=2, recycle_after=1000)
    results: list[int] = []
    try:
        threads = [
            threading.Thread(
                target=lambda n=n: results.append(sandbox.run(operator.mul, n, 2, timeout=60))
            )
            for n in range(6)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results) == [0, 2, 4, 6, 8, 10]
        assert sandbox.started <= 2  # six callers, two processes at most
    finally:
        sandbox.close()


DELAY = 0.4  # each answer waits this long: requests that overlap arrive closer than this


def _farm(server: FeedServer, count: int, arrivals: list[float]) -> list[str]:
    body = rss(
        "Feed",
        [FeedItem("Nothing watched here", "No show.", "https://x.example/1", T0 - timedelta(1))],
    )

    def answer(record: RequestRecord) -> Route:
        arrivals.append(time.monotonic())
        return Route(body=body, delay=DELAY, etag='"same"')

    urls = []
    for i in range(count):
        server.add(f"/f{i}.xml", handler=answer)
        urls.append(server.url(f"/f{i}.xml"))
    return urls


def _runtime(tmp_path: Path, urls: list[str], per_host: int) -> Runtime:
    config = config_from_dict(
        {
            "monitor": {"database": "sqlite:///state.db", "workers": 8, "per_host": per_host},
            "sources": {
                "google_news": {"enabled": False},
                "tvmaze": {"enabled": False},
                "netflix": {"enabled": False},
            },
            "feeds": [{"name": f"Feed {i}", "url": u} for i, u in enumerate(urls)],
            "watch": [{"show": "Glass Harbor", "season": 2}],
        },
        base_dir=tmp_path,
    )
    return Runtime(config)


def test_per_host_one_never_overlaps_requests_to_a_host(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    arrivals: list[float] = []
    rt = _runtime(tmp_path, _farm(feed_server, 4, arrivals), per_host=1)
    try:
        report = poll_all(rt, T0)
    finally:
        rt.close()
    assert [s.status for s in report.sources] == ["ok"] * 4
    gaps = [b - a for a, b in pairwise(arrivals)]
    assert len(arrivals) == 4 and min(gaps) >= DELAY * 0.9  # one after the other


def test_per_host_two_fetches_two_at_once(tmp_path: Path, feed_server: FeedServer) -> None:
    arrivals: list[float] = []
    rt = _runtime(tmp_path, _farm(feed_server, 4, arrivals), per_host=2)
    try:
        report = poll_all(rt, T0)
        again = poll_all(rt, T0 + timedelta(hours=3))  # the stored state is complete
    finally:
        rt.close()
    assert [s.status for s in report.sources] == ["ok"] * 4
    assert [s.status for s in again.sources] == ["not_modified"] * 4
    gaps = sorted(b - a for a, b in pairwise(arrivals[:4]))
    assert gaps[0] < DELAY  # two lanes: some requests overlapped


def test_a_failed_write_stops_the_fetchers_instead_of_leaving_them_blocked(
    tmp_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up mid-poll: the error goes up (the CLI prints it) and no fetch thread
    stays blocked on the full queue, which would keep the process from exiting."""
    from sqlalchemy.exc import OperationalError

    from monitor import pipeline

    monkeypatch.setattr(pipeline, "QUEUE_BOUND", 1)
    rt = _runtime(tmp_path, _farm(feed_server, 6, []), per_host=1)

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT", {}, Exception("database or disk is full"))

    monkeypatch.setattr(rt.repo, "save_source", full_disk)
    try:
        with pytest.raises(OperationalError, match="disk is full"):
            poll_all(rt, T0)
        fetchers = [t for t in threading.enumerate() if t.name.startswith("fetch")]
        for thread in fetchers:
            thread.join(timeout=60)
        assert not [t for t in fetchers if t.is_alive()]
        # Stopped before its next source: not every feed was fetched.
        assert len(feed_server.requests) < 6
    finally:
        rt.close()
