"""Deliveries against hostile targets on raw sockets: one that trickles, one that answers late,
one that rate-limits. Bounds on time are generous ceilings, never measurements."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.config import Target
from monitor.notify.outbox import TargetWorkers, deliver
from monitor.state.repository import RATE_LIMITED, Repository
from monitor.state.tables import DeliveryRow
from tests.conftest import run_cli
from tests.feedserver import FeedServer, rss
from tests.receivers import raw_target, webhook
from tests.test_daemon_e2e import DATED, RENEWAL, DaemonProcess, wait_for
from tests.test_outbox import T0, enqueue

TIMEOUT = timedelta(seconds=2)
HELD_ROUND = 3.0  # seconds: five 0.5 s rounds skipped in this long mean a held round
CEILING = 60.0  # seconds: far above the 2 s deadline, far below the 92-121 s of the old bug


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    repo = Repository.open(f"sqlite:///{tmp_path / 'state.db'}")
    yield repo
    repo.close()


def rows(repo: Repository) -> dict[str, DeliveryRow]:
    from sqlmodel import Session, select

    with Session(repo.engine) as session:
        return {r.target_label: r for r in session.exec(select(DeliveryRow)).all()}


def test_a_trickling_target_never_holds_back_a_healthy_one(repo: Repository) -> None:
    workers = TargetWorkers()
    with raw_target("trickle", delay=0.5) as slow, webhook() as hook:
        targets = (Target(url=slow.url(), name="slow"), Target(url=hook.url(), name="good"))
        enqueue(repo, targets, n=3)
        started = time.monotonic()
        first = deliver(repo, targets, T0, timeout=TIMEOUT, workers=workers)
        took = time.monotonic() - started
        assert took < CEILING
        assert len(hook.received) == 3  # every message reached the healthy target
        assert first.sent == 3 and first.failed == 3  # 1 past its deadline + 2 not tried
        assert slow.requests == 1  # the trickling target got one request, not three
        stuck = [r for r in rows(repo).values() if r.target_label == "slow"]
        assert stuck and stuck[0].status == "pending"
        assert "within 2 s (notify.timeout)" in str(stuck[0].last_error)
        assert stuck[0].next_attempt > T0  # retried later, with backoff

        # The next round comes while the stuck send still trickles: the slow target is
        # skipped (no second thread, no second request); the healthy one is served.
        enqueue_more(repo, targets)
        second = deliver(repo, targets, T0 + timedelta(hours=1), timeout=TIMEOUT, workers=workers)
        assert second.sent == 1 and len(hook.received) == 4
        assert slow.requests == 1


def enqueue_more(repo: Repository, targets: tuple[Target, ...]) -> None:
    from monitor.models import Event
    from monitor.notify.render import render
    from monitor.state.repository import Routing
    from monitor.state.tables import EventRow

    with repo.transaction() as session:
        event = Event(kind="renewed", show="Glass Harbor", season=3, old=None, new="renewed", at=T0)
        row = EventRow(kind=event.kind, show=event.show, season=3, at=T0)
        session.add(row)
        session.flush()
        assert row.id is not None
        repo.enqueue(session, row.id, event, "more", None, Routing(targets, render=render), T0)


def test_the_daemon_round_returns_at_once_while_a_target_hangs(repo: Repository) -> None:
    workers = TargetWorkers()
    with raw_target("trickle", delay=0.5) as slow, webhook() as hook:
        targets = (Target(url=slow.url(), name="slow"), Target(url=hook.url(), name="good"))
        enqueue(repo, targets, n=2)
        deliver(repo, targets, T0, timeout=timedelta(seconds=30), wait=False, workers=workers)
        # Returned before the slow target finished: the good one is delivered meanwhile.
        deadline = time.monotonic() + CEILING
        while len(hook.received) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(hook.received) == 2
        assert slow.requests == 1
        # Later rounds neither wait for nor pile onto the hung target.
        for minute in range(1, 4):
            deliver(repo, targets, T0 + timedelta(minutes=minute), wait=False, workers=workers)
        assert slow.requests == 1
        assert any(key for key in workers.busy())


def test_a_target_that_answers_late_gets_one_copy(repo: Repository) -> None:
    # Apprise gives up reading after 4 s by default; this target answers after 5 s. With
    # notify.timeout passed to Apprise the answer is awaited: one post, marked sent.
    with raw_target("late", delay=5.0) as late:
        targets = (Target(url=late.url()),)
        enqueue(repo, targets)
        outcome = deliver(repo, targets, T0, timeout=timedelta(seconds=20), workers=TargetWorkers())
        assert (outcome.sent, outcome.failed) == (1, 0)
        again = deliver(
            repo, targets, T0 + timedelta(hours=1), retry_all=True, workers=TargetWorkers()
        )
        assert (again.sent, again.failed) == (0, 0)
        assert (late.requests, late.answered) == (1, 1)


def test_a_send_that_succeeds_after_its_deadline_is_marked_sent(repo: Repository) -> None:
    # The deadline passes first (the row is retried later); the answer then arrives and
    # the row is marked sent, so no second copy is sent. (An explicit ?rto= in the URL is
    # the user's: Apprise then reads longer than the deadline.)
    workers = TargetWorkers()
    with raw_target("late", delay=3.0) as late:
        targets = (Target(url=late.url("hook?rto=10")),)
        enqueue(repo, targets)
        outcome = deliver(repo, targets, T0, timeout=timedelta(seconds=1), workers=workers)
        assert outcome.failed == 1
        deadline = time.monotonic() + CEILING
        while workers.busy() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert repo.delivery_counts()["sent"] == 1
        again = deliver(repo, targets, T0 + timedelta(hours=1), retry_all=True, workers=workers)
        assert again.sent == 0 and late.requests == 1


def test_retry_after_is_honoured_by_poll_and_daemon_rounds(repo: Repository) -> None:
    with raw_target("ratelimit", delay=600) as limited:
        targets = (Target(url=limited.url(), name="limited"),)
        enqueue(repo, targets, n=2)
        first = deliver(repo, targets, T0, workers=TargetWorkers())
        assert first.failed == 2 and limited.requests == 1
        row = rows(repo)["limited"]
        assert str(row.last_error).startswith(RATE_LIMITED)
        assert row.next_attempt >= T0 + timedelta(seconds=600)
        # `poll` retries pending rows at once, but not before the target's Retry-After...
        soon = T0 + timedelta(minutes=5)
        assert deliver(repo, targets, soon, retry_all=True, workers=TargetWorkers()).failed == 0
        # ...nor does the daemon's round; once it has passed, both send again.
        assert deliver(repo, targets, soon, workers=TargetWorkers()).failed == 0
        assert limited.requests == 1
        later = deliver(repo, targets, T0 + timedelta(minutes=11), workers=TargetWorkers())
        assert later.failed == 2 and limited.requests == 2


# --- through the real CLI ---------------------------------------------------------------------


def cli_config(tmp_path: Path, feeds: FeedServer, urls: list[str], timeout: str = "2s") -> Path:
    config = tmp_path / "config.toml"
    listed = ", ".join(f'"{u}"' for u in urls)
    config.write_text(
        f"""
[monitor]
database = "sqlite:///rm.db"
notify_baseline = true
[notify]
urls = [{listed}]
timeout = "{timeout}"
[sources.google_news]
enabled = false
[sources.tvmaze]
enabled = false
[[feeds]]
name = "Deadline"
url = "{feeds.url("/deadline.xml")}"
trust = "trade"
[[watch]]
show = "The Glass Orchard"
season = 2
""",
        encoding="utf-8",
    )
    return config


def test_poll_is_not_held_by_a_trickling_target(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.add("/deadline.xml", rss("Deadline", [RENEWAL]))
    with raw_target("trickle", delay=0.5) as slow, webhook() as hook:
        config = cli_config(tmp_path, feed_server, [slow.url(), hook.url()])
        started = time.monotonic()
        result = run_cli("-c", str(config), "poll", "--json", cwd=tmp_path, timeout=CEILING)
        assert time.monotonic() - started < CEILING
        assert result.returncode == 0, result.stderr
        assert len(hook.received) == 1  # the "now tracking" summary reached the healthy target
        assert slow.requests == 1
        deliveries = json.loads(result.stdout)["deliveries"]
        assert (deliveries["sent"], deliveries["failed"], deliveries["pending"]) == (1, 1, 1)
        assert "notify.timeout" in result.stderr and "Traceback" not in result.stderr


def test_poll_leaves_a_rate_limited_feed_alone_until_its_retry_after(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.add("/deadline.xml", status=429, headers={"Retry-After": "3600"})
    with webhook() as hook:
        config = cli_config(tmp_path, feed_server, [hook.url()])
        first = run_cli("-c", str(config), "poll", cwd=tmp_path)
        assert first.returncode == 0 and "429" in first.stdout
        second = run_cli("-c", str(config), "poll", "--json", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert feed_server.hits("/deadline.xml") == 1  # not asked again
    (source,) = json.loads(second.stdout)["sources"]
    assert source["status"] == "skipped" and "rate limited" in source["error"]


def test_the_daemon_delivers_to_healthy_targets_while_one_trickles(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.add("/deadline.xml", rss("Deadline", [RENEWAL]))
    with raw_target("trickle", delay=0.5) as slow, webhook() as hook:
        config = cli_config(tmp_path, feed_server, [slow.url(), hook.url()], timeout="30s")
        text = config.read_text(encoding="utf-8").replace(
            "notify_baseline = true\n", 'notify_baseline = true\ninterval = "1s"\n'
        )
        config.write_text(text, encoding="utf-8")
        daemon = DaemonProcess(config, tmp_path / "daemon.log").start()
        try:
            wait_for(lambda: hook.received, timeout=CEILING, what="the healthy delivery")
            first_sent = datetime.now(UTC)
            # News while the slow target still hangs on its first message: delivered too,
            # without waiting for that send (which lasts up to its 30 s timeout).
            feed_server.add("/deadline.xml", rss("Deadline", [RENEWAL, DATED]))
            news_at = time.monotonic()
            wait_for(lambda: len(hook.received) >= 2, timeout=CEILING, what="the news")
            news_took = time.monotonic() - news_at
            # Watch a few more rounds while the hung send is still in flight.
            time.sleep(HELD_ROUND)
            code, _ = daemon.stop()
        finally:
            daemon.kill()
        assert code == 0
        assert slow.requests == 1
    # Normally a second or two (a tick, then a round); half the hung send's timeout is far
    # above any slow machine's tick and far below a round that waited for that send.
    assert news_took < 15.0, f"the news took {news_took:.1f} s to reach the healthy target"
    # The delivery round never waits for the hung send. A round that did would be held as
    # long as the send (seconds), and every round due meanwhile (each 0.5 s) would be
    # skipped: a run of skips. A lone skip is a slow round on a loaded machine (a tick
    # holding the store, a slow start), not the hung send's doing, so only a run counts.
    skipped = sorted(
        stamp
        for r in daemon.logged("maximum number of running instances")
        if "_deliver" in r["msg"] and (stamp := datetime.fromisoformat(r["ts"])) > first_sent
    )
    held = [
        (a, b)
        for a, b in zip(skipped, skipped[4:], strict=False)
        if (b - a).total_seconds() <= HELD_ROUND
    ]
    assert not held, f"delivery rounds skipped back to back: {[str(t) for t in skipped]}"
    assert all("Traceback" not in str(r) for r in daemon.lines())
