"""The outbox sender: claim due rows, send each outside any transaction, then mark it.

At-least-once: a sender killed between claiming and marking leaves a leased row that becomes
due again when the lease runs out; a row marked sent is never claimed again. Targets are
served in parallel and independently, so one failing or slow target never holds up another.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Protocol

from monitor.config import Target
from monitor.models import DeliveryReport
from monitor.notify.apprise_sink import AppriseSink, SendResult
from monitor.notify.render import Message, combine
from monitor.state.repository import Outgoing, Repository, target_key

MAX_PARALLEL_TARGETS = 4


class Sender(Protocol):
    def send(self, title: str, body: str) -> SendResult: ...


def _by_season(batch: Sequence[Outgoing]) -> list[list[Outgoing]]:
    """Rows of one season (one poll's renewal and date, say) become one message; notices,
    which have no season, go alone. Order follows the first row of each group."""
    groups: dict[object, list[Outgoing]] = {}
    for job in batch:
        key: object = ("season", job.season_id) if job.season_id is not None else job.id
        groups.setdefault(key, []).append(job)
    return list(groups.values())


def _utcnow() -> datetime:
    return datetime.now(UTC)


def deliver(
    repo: Repository,
    targets: Sequence[Target],
    now: datetime,
    *,
    retry_all: bool = False,
    sender_for: Callable[[str], Sender] = AppriseSink,
    clock: Callable[[], datetime] = _utcnow,
) -> DeliveryReport:
    """Send every due row (every pending row with `retry_all`) and record the outcome.

    Outcomes are stamped `now` plus the time spent sending, so a caller's clock rules.
    """
    started = clock()

    def moment() -> datetime:
        return now + (clock() - started)

    jobs = repo.claim(now, retry_all=retry_all)
    by_target: dict[str, list[Outgoing]] = {}
    for job in jobs:
        by_target.setdefault(job.target, []).append(job)
    target_of = {target_key(t.url): t for t in targets}

    def serve(key: str) -> tuple[int, int, str | None]:
        batch = by_target[key]
        target = target_of.get(key)
        if target is None:
            for job in batch:
                repo.mark_failed(
                    job.id, moment(), "target no longer in the config", dead=True, lease=job.lease
                )
            return 0, len(batch), f"{batch[0].target_label}: no longer in the config"
        sender = sender_for(target.url)
        sent = failed = 0
        reason: str | None = None
        config_error = False
        for group in _by_season(batch):
            if reason is not None:
                # The target just failed: later rows wait for its next attempt.
                for claimed in group:
                    repo.mark_failed(
                        claimed.id,
                        moment(),
                        f"not tried: {reason}",
                        dead=config_error,
                        lease=claimed.lease,
                    )
                    failed += 1
                continue
            # Earlier sends of this batch may have outlasted the lease: a row another sender
            # has taken since is theirs to send, not ours.
            held = [h for h in (repo.renew(c, moment()) for c in group) if h is not None]
            if not held:
                continue
            message = combine([Message(h.title, h.body) for h in held])
            result = sender.send(message.title, message.body)
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
                )
                failed += 1
            if not result.ok:
                reason = result.reason or "failed"
                config_error = result.config_error
        return sent, failed, None if reason is None else f"{batch[0].target_label}: {reason}"

    sent = failed = 0
    errors: list[str] = []
    if by_target:
        workers = min(MAX_PARALLEL_TARGETS, len(by_target))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="deliver") as pool:
            for ok, bad, error in pool.map(serve, list(by_target)):
                sent += ok
                failed += bad
                if error:
                    errors.append(error)
    counts = repo.delivery_counts()
    return DeliveryReport(
        sent=sent,
        failed=failed,
        pending=counts["pending"] + counts["sending"],
        dead=counts["dead"],
        errors=tuple(errors),
    )
