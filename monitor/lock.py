"""One daemon per database: a flock'ed lock file next to SQLite, an advisory lock on PostgreSQL."""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import zlib
from pathlib import Path
from types import TracebackType
from typing import Any

from monitor.config import mask_database_url
from monitor.errors import DatabaseLockedError, MonitorError

# A fixed advisory-lock key: "release-monitor daemon" as a signed 32-bit CRC.
PG_LOCK_KEY = zlib.crc32(b"release-monitor daemon") - (1 << 31)


def sqlite_path(database_url: str) -> Path | None:
    """The file behind a sqlite:/// URL, or None for another backend or an in-memory db."""
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if database_url.startswith(prefix):
            rest = database_url[len(prefix) :].split("?", 1)[0]
            if not rest or rest == ":memory:":
                return None
            return Path(rest)
    return None


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class DaemonLock:
    """Held for the daemon's lifetime; released on close or when the process dies."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.path: Path | None = None
        self._fd: int | None = None
        self._conn: Any = None
        self._engine: Any = None

    def acquire(self) -> DaemonLock:
        db_path = sqlite_path(self.database_url)
        if db_path is not None:
            self._acquire_file(lock_path_for(db_path))
        elif self.database_url.startswith(("postgresql", "postgres")):
            self._acquire_pg()
        return self

    def _acquire_file(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise MonitorError(
                f"{path}: cannot create the daemon's lock file ({exc.strerror or exc}); the "
                "database folder must be writable and the disk not full"
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise DatabaseLockedError(
                f"another release-monitor daemon{holder} is already running on "
                f"{path.with_name(path.name.removesuffix('.lock'))} (lock file {path}); "
                "stop it first (read-only commands like `status` keep working beside it)"
            ) from None
        # The pid is for humans reading the message above; the flock is what excludes.
        with contextlib.suppress(OSError):  # a full disk: the lock holds without the note
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
            os.fsync(fd)
        self._fd = fd
        self.path = path

    def _acquire_pg(self) -> None:
        from sqlalchemy import create_engine, text

        engine = create_engine(self.database_url, pool_size=1, max_overflow=0)
        conn = engine.connect()
        got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": PG_LOCK_KEY}).scalar()
        if not got:
            holder = conn.execute(
                text(
                    "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = :k "
                    "AND granted LIMIT 1"
                ),
                {"k": PG_LOCK_KEY & 0xFFFFFFFF},
            ).scalar()
            conn.close()
            engine.dispose()
            who = f" (PostgreSQL backend pid {holder})" if holder else ""
            # Several daemons on one PostgreSQL database (DESIGN.md §6) need leases on due
            # sources, which this release does not have yet: until then, one daemon.
            raise DatabaseLockedError(
                f"another release-monitor daemon{who} already holds advisory lock "
                f"{PG_LOCK_KEY} on {mask_database_url(self.database_url)}; stop it first "
                "(sharing one database between daemons is not supported yet)"
            )
        conn.commit()
        self._conn, self._engine = conn, engine

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
                self._engine.dispose()
            self._conn = self._engine = None

    def __enter__(self) -> DaemonLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
    except OSError:
        return ""
    if not text:
        return ""
    host = f" on {text[1]}" if len(text) > 1 else ""
    return f" (pid {text[0]}{host})"
