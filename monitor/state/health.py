"""The daemon's heartbeat in the database, and the pure verdict `release-monitor health` prints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import col, select

from monitor.state import db
from monitor.state.daemons import STALE_FLOOR, STALE_TICKS, new_instance, this_host
from monitor.state.repository import Repository
from monitor.state.tables import DeliveryRow, HeartbeatRow

__all__ = ["STALE_FLOOR", "STALE_TICKS", "Heartbeat", "HeartbeatStore", "verdict"]


@dataclass(frozen=True)
class Heartbeat:
    instance: str
    pid: int
    started_at: datetime
    last_tick: datetime
    tick_seconds: float
    stopped_at: datetime | None = None


class HeartbeatStore:
    """Writes this daemon's heartbeat row; reads the freshest one of a host for `health`."""

    def __init__(
        self, repo: Repository, instance: str | None = None, host: str | None = None
    ) -> None:
        self.repo = repo
        self.host = host or this_host()
        self.instance = instance or new_instance(self.host)

    def beat(
        self,
        *,
        pid: int,
        started_at: datetime,
        now: datetime,
        tick_seconds: float,
        watch_hash: str | None = None,
        claimed: int = 0,
    ) -> None:
        with self.repo.transaction() as session:
            row = session.get(HeartbeatRow, self.instance)
            if row is None:
                row = HeartbeatRow(
                    instance=self.instance,
                    pid=pid,
                    started_at=started_at,
                    last_tick=now,
                    tick_seconds=tick_seconds,
                )
            row.pid, row.started_at, row.last_tick = pid, started_at, now
            row.tick_seconds, row.stopped_at = tick_seconds, None
            row.host, row.claimed = self.host, claimed
            if watch_hash is not None:
                row.watch_hash = watch_hash
            session.add(row)

    def stopped(self, now: datetime) -> None:
        with self.repo.transaction() as session:
            row = session.get(HeartbeatRow, self.instance)
            if row is not None:
                row.stopped_at = now
                session.add(row)

    def latest(self, host: str | None = None) -> Heartbeat | None:
        """The freshest heartbeat, of `host`'s daemons when given."""
        with db.reading(self.repo.engine) as session:
            query = select(HeartbeatRow)
            if host is not None:
                query = query.where(HeartbeatRow.host == host)
            row = session.exec(query.order_by(col(HeartbeatRow.last_tick).desc()).limit(1)).first()
        if row is None:
            return None
        return Heartbeat(
            instance=row.host or row.instance,  # named by host for humans
            pid=row.pid,
            started_at=row.started_at,
            last_tick=row.last_tick,
            tick_seconds=row.tick_seconds,
            stopped_at=row.stopped_at,
        )


def dead_deliveries(repo: Repository) -> int:
    """Outbox rows that gave up (24 h of failures)."""
    with db.reading(repo.engine) as session:
        count = session.exec(
            select(func.count()).select_from(DeliveryRow).where(DeliveryRow.status == "dead")
        ).one()
    return int(count)


def _ago(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 120:
        return f"{seconds}s ago"
    if seconds < 7200:
        return f"{seconds // 60}m ago"
    if seconds < 172800:
        return f"{seconds // 3600}h ago"
    return f"{seconds // 86400}d ago"


def verdict(beat: Heartbeat | None, dead: int, now: datetime) -> tuple[bool, str]:
    """(healthy, one-line reason) from the freshest heartbeat and the dead-delivery count."""
    if beat is None:
        return False, "no daemon has run on this database yet (start `release-monitor run`)"
    if beat.stopped_at is not None and beat.stopped_at >= beat.last_tick:
        return False, f"daemon stopped {_ago(now - beat.stopped_at)} (pid {beat.pid})"
    limit = max(timedelta(seconds=beat.tick_seconds * STALE_TICKS), STALE_FLOOR)
    age = now - beat.last_tick
    if age > limit:
        return False, (
            f"daemon's last tick was {_ago(age)} (pid {beat.pid} on {beat.instance}); "
            f"expected one every {beat.tick_seconds:g}s"
        )
    if dead:
        plural = "y" if dead == 1 else "ies"
        return False, f"{dead} dead deliver{plural} (see `release-monitor status`)"
    return True, "ok"
