"""One daemon per SQLite file: the second one is refused with a message naming the holder;
none on PostgreSQL, where daemons share the database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from monitor.errors import DatabaseLockedError
from monitor.lock import DaemonLock, lock_path_for, sqlite_path
from tests.databases import pg_server_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("sqlite:////data/rm.db", Path("/data/rm.db"), id="absolute"),
        pytest.param("sqlite:///rel.db", Path("rel.db"), id="relative"),
        pytest.param("sqlite:///:memory:", None, id="memory"),
        pytest.param("postgresql://u@h/db", None, id="postgres"),
    ],
)
def test_sqlite_path(url: str, expected: Path | None) -> None:
    assert sqlite_path(url) == expected


def test_second_lock_is_refused_and_names_the_pid(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rm.db'}"
    with DaemonLock(url) as first:
        assert first.path == lock_path_for(tmp_path / "rm.db")
        with pytest.raises(DatabaseLockedError) as err:
            DaemonLock(url).acquire()
        message = str(err.value)
        assert f"pid {os.getpid()}" in message
        assert str(first.path) in message
    # Released: a new daemon may start.
    with DaemonLock(url):
        pass


def test_other_database_is_independent(tmp_path: Path) -> None:
    with DaemonLock(f"sqlite:///{tmp_path / 'a.db'}"), DaemonLock(f"sqlite:///{tmp_path / 'b.db'}"):
        pass


def test_stale_lock_file_of_a_dead_process_does_not_block(tmp_path: Path) -> None:
    lock_path_for(tmp_path / "rm.db").write_text("999999 gone-host\n")
    with DaemonLock(f"sqlite:///{tmp_path / 'rm.db'}"):
        pass


def test_postgres_takes_no_exclusive_lock() -> None:
    """Several daemons share one PostgreSQL database (leases, not a lock)."""
    url = pg_server_url()
    with DaemonLock(url) as first, DaemonLock(url) as second:
        assert first.path is None and second.path is None
