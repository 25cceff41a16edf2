"""One daemon per SQLite file: a flock'ed lock file next to it.

PostgreSQL takes no such lock: several daemons share one database there, with leases on due
sources and deliveries (monitor/state/leases.py) and one watchlist (monitor/state/daemons.py).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
from pathlib import Path
from types import TracebackType

from monitor.errors import DatabaseLockedError, MonitorError


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

    def acquire(self) -> DaemonLock:
        db_path = sqlite_path(self.database_url)
        if db_path is not None:
            self._acquire_file(lock_path_for(db_path))
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

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

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
