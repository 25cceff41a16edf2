"""The daemons sharing one database: each run registers a heartbeat row (host, pid, watchlist
hash, sources claimed); a daemon whose watchlist differs from a live one's is refused, and
the live ones poll only while they all run the same watchlist."""

from __future__ import annotations

import os
import socket
import uuid
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, text
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from monitor.errors import WatchlistConflictError
from monitor.state import db
from monitor.state.tables import HeartbeatRow

# A heartbeat is stale after this many tick periods (never less than STALE_FLOOR, so a
# busy Raspberry Pi with one-second ticks is not declared dead for a slow write).
STALE_TICKS = 3
STALE_FLOOR = timedelta(seconds=30)
FORGET_AFTER = timedelta(days=7)  # rows of daemons gone this long are deleted
REGISTER_LOCK_KEY = zlib.crc32(b"release-monitor register") - (1 << 31)


@dataclass(frozen=True)
class DaemonInfo:
    instance: str
    host: str
    pid: int
    started_at: datetime
    last_tick: datetime
    tick_seconds: float
    watch_hash: str | None
    claimed: int
    stopped_at: datetime | None = None

    def describe(self) -> str:
        return f"{self.host} (pid {self.pid})"


def this_host() -> str:
    return socket.gethostname()


def new_instance(host: str | None = None, pid: int | None = None) -> str:
    """One id per daemon run: several may share a host (and, in containers, a pid)."""
    return f"{host or this_host()}:{pid or os.getpid()}:{uuid.uuid4().hex[:8]}"


def stale_after(tick_seconds: float) -> timedelta:
    return max(timedelta(seconds=tick_seconds * STALE_TICKS), STALE_FLOOR)


def is_live(info: DaemonInfo, now: datetime) -> bool:
    if info.stopped_at is not None and info.stopped_at >= info.last_tick:
        return False
    return now - info.last_tick <= stale_after(info.tick_seconds)


def _info(row: HeartbeatRow) -> DaemonInfo:
    return DaemonInfo(
        instance=row.instance,
        host=row.host or row.instance,
        pid=row.pid,
        started_at=row.started_at,
        last_tick=row.last_tick,
        tick_seconds=row.tick_seconds,
        watch_hash=row.watch_hash,
        claimed=row.claimed,
        stopped_at=row.stopped_at,
    )


def all_daemons(engine: Engine) -> list[DaemonInfo]:
    with db.reading(engine) as session:
        rows = session.exec(select(HeartbeatRow).order_by(col(HeartbeatRow.last_tick).desc()))
        return [_info(r) for r in rows.all()]


def live_daemons(engine: Engine, now: datetime) -> list[DaemonInfo]:
    """Daemons that ticked recently, by host then pid."""
    live = [d for d in all_daemons(engine) if is_live(d, now)]
    return sorted(live, key=lambda d: (d.host, d.pid, d.instance))


def conflicts(others: Iterable[DaemonInfo], watch_hash: str, me: str) -> list[DaemonInfo]:
    """Live daemons (other than `me`) that run another watchlist."""
    return [
        d
        for d in others
        if d.instance != me and d.watch_hash is not None and d.watch_hash != watch_hash
    ]


def conflict_message(theirs: list[DaemonInfo], host: str, database: str) -> str:
    names = ", ".join(d.describe() for d in theirs)
    return (
        f"refusing to start on {host}: the daemon on {names} runs a different watchlist "
        f"on {database}. All daemons on one database must share one [[watch]] list: copy "
        f"the [[watch]] entries from the config on {theirs[0].host} into this one (or edit "
        "both alike), or stop that daemon first, then start this one again"
    )


def register(
    engine: Engine,
    *,
    instance: str,
    host: str,
    pid: int,
    watch_hash: str,
    tick_seconds: float,
    now: datetime,
    database: str,
) -> None:
    """Record this daemon's first heartbeat, unless a live daemon runs another watchlist
    (WatchlistConflictError naming both hosts). Starts are serialised on PostgreSQL, so two
    daemons with different watchlists starting together cannot both get in."""
    with db.writing(engine) as session:
        conn = session.connection()
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": REGISTER_LOCK_KEY})
        session.execute(
            delete(HeartbeatRow).where(col(HeartbeatRow.last_tick) < now - FORGET_AFTER)
        )
        rows = [_info(r) for r in session.exec(select(HeartbeatRow)).all()]
        theirs = conflicts([d for d in rows if is_live(d, now)], watch_hash, instance)
        if theirs:
            raise WatchlistConflictError(conflict_message(theirs, host, database))
        session.add(
            HeartbeatRow(
                instance=instance,
                host=host,
                pid=pid,
                started_at=now,
                last_tick=now,
                tick_seconds=tick_seconds,
                watch_hash=watch_hash,
                claimed=0,
            )
        )


def _ago(delta: timedelta) -> str:
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 120:
        return f"{seconds}s ago"
    if seconds < 7200:
        return f"{seconds // 60}m ago"
    return f"{seconds // 3600}h ago"


def daemon_lines(live: list[DaemonInfo], claimed: dict[str, int], now: datetime) -> list[str]:
    """One line per live daemon, for `status` and `health` (pure)."""
    if not live:
        return ["no daemon is running on this database"]
    return [
        f"daemon on {d.host} (pid {d.pid}): last tick {_ago(now - d.last_tick)}, "
        f"{claimed.get(d.instance, 0)} source(s) claimed, up since {d.started_at:%Y-%m-%d %H:%M}Z"
        for d in live
    ]


def describe_live(engine: Engine, now: datetime) -> list[str]:
    from monitor.state.leases import held

    return daemon_lines(live_daemons(engine, now), held(engine, now), now)
