"""The daemon's heartbeat in the database, and the pure verdict `release-monitor health` prints."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    Column,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    event,
    inspect,
    select,
    text,
)

# Own metadata: created on demand, so it needs nothing from (and changes nothing in) the
# pipeline's schema.
METADATA = MetaData()

HEARTBEAT = Table(
    "daemon_heartbeat",
    METADATA,
    Column("instance", String(200), primary_key=True),  # host name: one daemon per host
    Column("pid", Integer, nullable=False),
    Column("started_at", String(40), nullable=False),  # ISO 8601 UTC
    Column("last_tick", String(40), nullable=False),
    Column("tick_seconds", Float, nullable=False),
    Column("stopped_at", String(40), nullable=True),
)

# A heartbeat is stale after this many tick periods (never less than STALE_FLOOR, so a
# busy Raspberry Pi with one-second ticks is not declared dead for a slow write).
STALE_TICKS = 3
STALE_FLOOR = timedelta(seconds=30)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def make_engine(database_url: str) -> Engine:
    """An engine for this module's small reads and writes (busy-tolerant on SQLite)."""
    if database_url.startswith("sqlite"):
        engine = create_engine(database_url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(conn, _record):  # type: ignore[no-untyped-def]
            conn.execute("PRAGMA busy_timeout = 30000")

        return engine
    return create_engine(database_url, pool_pre_ping=True)


@dataclass(frozen=True)
class Heartbeat:
    instance: str
    pid: int
    started_at: datetime
    last_tick: datetime
    tick_seconds: float
    stopped_at: datetime | None = None


class HeartbeatStore:
    """Writes this daemon's heartbeat row; reads the freshest one for `health`."""

    def __init__(self, engine: Engine, instance: str | None = None) -> None:
        self.engine = engine
        self.instance = instance or socket.gethostname()
        self._created = False

    def _ensure(self) -> None:
        if not self._created:
            METADATA.create_all(self.engine, checkfirst=True)
            self._created = True

    def beat(self, *, pid: int, started_at: datetime, now: datetime, tick_seconds: float) -> None:
        self._ensure()
        values = {
            "pid": pid,
            "started_at": _iso(started_at),
            "last_tick": _iso(now),
            "tick_seconds": tick_seconds,
            "stopped_at": None,
        }
        with self.engine.begin() as conn:
            updated = conn.execute(
                HEARTBEAT.update().where(HEARTBEAT.c.instance == self.instance).values(values)
            ).rowcount
            if not updated:
                conn.execute(HEARTBEAT.insert().values(instance=self.instance, **values))

    def stopped(self, now: datetime) -> None:
        self._ensure()
        with self.engine.begin() as conn:
            conn.execute(
                HEARTBEAT.update()
                .where(HEARTBEAT.c.instance == self.instance)
                .values(stopped_at=_iso(now))
            )

    def latest(self) -> Heartbeat | None:
        if not inspect(self.engine).has_table(HEARTBEAT.name):
            return None
        with self.engine.connect() as conn:
            row = conn.execute(
                select(HEARTBEAT).order_by(HEARTBEAT.c.last_tick.desc()).limit(1)
            ).first()
        if row is None:
            return None
        return Heartbeat(
            instance=row.instance,
            pid=row.pid,
            started_at=_parse(row.started_at) or datetime.min.replace(tzinfo=UTC),
            last_tick=_parse(row.last_tick) or datetime.min.replace(tzinfo=UTC),
            tick_seconds=row.tick_seconds,
            stopped_at=_parse(row.stopped_at),
        )


def dead_deliveries(engine: Engine) -> int:
    """Outbox rows that gave up (24 h of failures); 0 when the outbox does not exist yet."""
    insp = inspect(engine)
    if not insp.has_table("delivery"):
        return 0
    columns = {c["name"] for c in insp.get_columns("delivery")}
    if "status" not in columns:
        return 0
    with engine.connect() as conn:
        count = conn.execute(text("SELECT COUNT(*) FROM delivery WHERE status = 'dead'")).scalar()
    return int(count or 0)


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
