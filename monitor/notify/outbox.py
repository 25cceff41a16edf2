"""The outbox sender: claim due rows, hand each target's rows to that target's own worker.

At-least-once: a sender killed between claiming and marking leaves a leased row that becomes
due again when the lease runs out; a row marked sent is never claimed again.

Isolation: every target sends on its own worker thread, one message at a time, and every
send has a total deadline (`notify.timeout`). A send past its deadline is given up on and
retried with backoff; its target stays busy (skipped by later rounds, its rows untouched)
until the stuck send returns. So a hung target holds one thread and nothing else: never
another target, the poll, or the next delivery round.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from monitor.config import Target
from monitor.models import DeliveryReport
from monitor.notify.apprise_sink import AppriseSink, SendResult
from monitor.notify.render import Message, combine
from monitor.state.outbox import LEASE
from monitor.state.repository import Outgoing, Repository, target_key

DEFAULT_TIMEOUT = timedelta(seconds=30)


class Sender(Protocol):
    def send(self, title: str, body: str) -> SendResult: ...


SenderFactory = Callable[[str, float], Sender]


def _by_season(batch: Sequence[Outgoing]) -> list[list[Outgoing]]:
    """Rows of one season (one poll's renewal and date, say) become one message; notices,
    which have no season, go alone. Order follows the first row of each group."""
    groups: dict[object, list[Outgoing]] = {}
    for job in batch:
        key: object = ("season", job.season_id) if job.season_id is not None else job.id
        groups.setdefault(key, []).append(job)
    return list(groups.values())


def _apprise(url: str, timeout: float) -> Sender:
    return AppriseSink(url, timeout=timeout)


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class _Outcome:
    sent: int = 0
    failed: int = 0
    error: str | None = None


class TargetWorkers:
    """Which targets are busy in this process, and what their finished batches did.

    One per process (`shared_workers()`), so a target stuck in one round is skipped by the
    next one even after a config reload rebuilt everything else.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[str, threading.Thread] = {}  # target key -> its batch worker
        self._stuck: dict[str, threading.Thread] = {}  # target key -> a send past its deadline
        self._finished: list[_Outcome] = []

    def busy(self) -> set[str]:
        with self._lock:
            for table in (self._running, self._stuck):
                for key in [k for k, t in table.items() if not t.is_alive()]:
                    del table[key]
            return set(self._running) | set(self._stuck)

    def start(self, key: str, work: Callable[[], _Outcome]) -> threading.Thread:
        def run() -> None:
            outcome = _Outcome(error="internal error")
            try:
                outcome = work()
            finally:
                with self._lock:
                    self._finished.append(outcome)
                    if self._running.get(key) is threading.current_thread():
                        del self._running[key]

        # Daemon threads: a process that exits (the end of `poll`) must not wait for a hung
        # target; the row it was sending is retried, which is the documented window.
        thread = threading.Thread(target=run, name=f"deliver-{key[:8]}", daemon=True)
        with self._lock:
            self._running[key] = thread
        thread.start()
        return thread

    def stuck(self, key: str, thread: threading.Thread) -> None:
        with self._lock:
            self._stuck[key] = thread

    def take_finished(self) -> list[_Outcome]:
        with self._lock:
            out, self._finished = self._finished, []
            return out

    def wait_idle(self, seconds: float) -> bool:
        """Wait for running batches (not stuck sends) to end; False when time ran out."""
        deadline = time.monotonic() + seconds
        with self._lock:
            threads = list(self._running.values())
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in threads)


_shared: TargetWorkers | None = None
_shared_lock = threading.Lock()


def shared_workers() -> TargetWorkers:
    global _shared  # noqa: PLW0603 - one registry of busy targets per process is the point
    with _shared_lock:
        if _shared is None:
            _shared = TargetWorkers()
        return _shared


def _bounded_send(
    sender: Sender, message: Message, seconds: float, on_late_success: Callable[[], None]
) -> tuple[SendResult | None, threading.Thread]:
    """Send on a thread of its own; None when no answer came within `seconds`.

    Apprise's timeouts are per read: a target that answers one byte a second never trips
    them, so the total deadline is kept here. A send that succeeds after its deadline
    still marks its row sent, which spares a copy when the row would be retried.
    """
    lock = threading.Lock()
    box: dict[str, object] = {}
    done = threading.Event()

    def work() -> None:
        try:
            result = sender.send(message.title, message.body)
        except Exception as exc:  # a sender bug is a failed send, never a dead worker
            result = SendResult(False, f"internal error: {type(exc).__name__}")
        with lock:
            box["result"] = result
            late = box.get("late", False)
        done.set()
        if late and result.ok:
            on_late_success()

    thread = threading.Thread(target=work, name="send", daemon=True)
    thread.start()
    done.wait(seconds)
    with lock:
        result = box.get("result")
        if result is None:
            box["late"] = True
            return None, thread
    assert isinstance(result, SendResult)
    return result, thread


def _marker(
    repo: Repository, rows: list[int], moment: Callable[[], datetime]
) -> Callable[[], None]:
    def mark() -> None:
        for row in rows:
            repo.mark_sent(row, moment())

    return mark


def deliver(
    repo: Repository,
    targets: Sequence[Target],
    now: datetime,
    *,
    retry_all: bool = False,
    timeout: timedelta = DEFAULT_TIMEOUT,
    wait: bool = True,
    sender_for: SenderFactory = _apprise,
    clock: Callable[[], datetime] = _utcnow,
    workers: TargetWorkers | None = None,
    lease: timedelta = LEASE,
    hold_from: datetime | None = None,
) -> DeliveryReport:
    """Send every due row (every pending row with `retry_all`) and record the outcome.

    Rows of a target whose worker is still busy from an earlier round are left alone. With
    `wait` the call returns once this round's targets are done, or after twice the send
    timeout at most (a target still sending then is left to finish on its own); without it
    (the daemon) it returns at once. The report counts every batch finished by then.
    Outcomes are stamped `now` plus the time spent sending, so a caller's clock rules.
    Rows created at or after `hold_from` are left for a later round.
    """
    pool = workers or shared_workers()
    seconds = timeout.total_seconds()
    started = clock()

    def moment() -> datetime:
        return now + (clock() - started)

    # A lease outlives the longest send, so no other sender takes a row still in flight;
    # the claims of a dead sender lapse after `lease` (`[monitor] lease`) plus that.
    lease = lease + timeout
    jobs = repo.claim(
        now, retry_all=retry_all, exclude=pool.busy(), lease=lease, created_before=hold_from
    )
    by_target: dict[str, list[Outgoing]] = {}
    for job in jobs:
        by_target.setdefault(job.target, []).append(job)
    target_of = {target_key(t.url): t for t in targets}
    stop = threading.Event()

    def serve(key: str) -> _Outcome:
        batch = by_target[key]
        target = target_of.get(key)
        label = batch[0].target_label
        if target is None:
            for job in batch:
                repo.mark_failed(
                    job.id, moment(), "target no longer in the config", dead=True, lease=job.lease
                )
            return _Outcome(0, len(batch), f"{label}: no longer in the config")
        sender = sender_for(target.url, seconds)
        sent = failed = 0
        reason: str | None = None
        config_error = False
        wait_for: timedelta | None = None  # the target's Retry-After, for every row of it
        for group in _by_season(batch):
            if stop.is_set():
                # The caller stopped waiting: hand the rows back untouched for the next round.
                for claimed in group:
                    repo.release(claimed.id, claimed.lease)
                continue
            if reason is not None:
                # The target just failed: later rows wait for its next attempt.
                for claimed in group:
                    repo.mark_failed(
                        claimed.id,
                        moment(),
                        f"not tried: {reason}",
                        dead=config_error,
                        lease=claimed.lease,
                        retry_after=wait_for,
                    )
                    failed += 1
                continue
            # Earlier sends of this batch may have outlasted the lease: a row another sender
            # has taken since is theirs to send, not ours.
            held = [h for h in (repo.renew(c, moment(), lease) for c in group) if h is not None]
            if not held:
                continue
            message = combine([Message(h.title, h.body) for h in held])
            result, thread = _bounded_send(
                sender, message, seconds, _marker(repo, [h.id for h in held], moment)
            )
            if result is None:
                reason = f"no complete answer within {seconds:g} s (notify.timeout); will retry"
                pool.stuck(key, thread)
                for job in held:
                    repo.mark_failed(job.id, moment(), reason, lease=job.lease)
                    failed += 1
                continue
            for job in held:
                if result.ok:
                    repo.mark_sent(job.id, moment())
                    sent += 1
                    continue
                # A wrong URL cannot start working: give up at once (status and health show
                # it) instead of retrying for a day. Fixing the URL makes it a new target.
                repo.mark_failed(
                    job.id,
                    moment(),
                    result.reason or "failed",
                    dead=result.config_error,
                    lease=job.lease,
                    retry_after=result.retry_after,
                )
                failed += 1
            if not result.ok:
                reason = result.reason or "failed"
                config_error = result.config_error
                wait_for = result.retry_after
        return _Outcome(sent, failed, None if reason is None else f"{label}: {reason}")

    threads = [pool.start(key, functools.partial(serve, key)) for key in by_target]
    if wait:
        limit = time.monotonic() + 2 * seconds
        for thread in threads:
            thread.join(max(0.0, limit - time.monotonic()))
        stop.set()
    outcomes = pool.take_finished()
    counts = repo.delivery_counts()
    return DeliveryReport(
        sent=sum(o.sent for o in outcomes),
        failed=sum(o.failed for o in outcomes),
        pending=counts["pending"] + counts["sending"],
        dead=counts["dead"],
        errors=tuple(o.error for o in outcomes if o.error),
    )
