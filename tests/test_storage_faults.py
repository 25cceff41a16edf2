"""Storage faults through the real CLI: damaged, foreign and missing databases, a read-only
folder, a full disk, the daemon's database removed under it, and `backup`."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from monitor.state.db import make_engine
from monitor.state.repository import Repository
from tests.conftest import run_cli
from tests.feedserver import FeedServer, rss
from tests.test_daemon_e2e import RENEWAL, DaemonProcess, wait_for

READ_COMMANDS = [
    pytest.param(("status",), id="status"),
    pytest.param(("status", "--json"), id="status-json"),
    pytest.param(("history", "Glass Orchard"), id="history"),
    pytest.param(("health",), id="health"),
    pytest.param(("calendar", "-o", "out.ics"), id="calendar"),
]
ALL_COMMANDS = [
    *READ_COMMANDS,
    pytest.param(("sources",), id="sources"),
    pytest.param(("poll",), id="poll"),
    pytest.param(("backup", "copy.db"), id="backup"),
    pytest.param(("run",), id="run"),
]


def write_config(folder: Path, db: Path, feeds: FeedServer | None = None) -> Path:
    config = folder / "config.toml"
    feed = feeds.url("/deadline.xml") if feeds else "http://127.0.0.1:9/none.xml"
    config.write_text(
        f'[monitor]\ndatabase = "sqlite:///{db}"\nnotify_baseline = false\n'
        '[notify]\nurls = ["json://127.0.0.1:9/hook"]\n'
        "[sources.google_news]\nenabled = false\n[sources.tvmaze]\nenabled = false\n"
        f'[[feeds]]\nname = "Deadline"\nurl = "{feed}"\ntrust = "trade"\n'
        '[[watch]]\nshow = "The Glass Orchard"\nseason = 2\n',
        encoding="utf-8",
    )
    return config


def garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database, it is a text file someone saved here\n" * 200)


def malformed(path: Path) -> None:
    """A real release-monitor database with its schema page overwritten past the header."""
    Repository.open(f"sqlite:///{path}").close()
    with path.open("r+b") as fh:
        fh.seek(100)
        fh.write(b"\xde\xad\xbe\xef" * 2000)


def foreign(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.commit()


def assert_one_line(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle.lower() in lines[0].lower(), lines[0]


@pytest.mark.parametrize("command", ALL_COMMANDS)
@pytest.mark.parametrize(
    ("damage", "needles"),
    [
        pytest.param(garbage, ("damaged", "restore a backup", "move the file aside"), id="garbage"),
        pytest.param(malformed, ("damaged", "restore a backup"), id="malformed"),
        pytest.param(foreign, ("not a release-monitor database",), id="foreign"),
    ],
)
def test_a_bad_database_gives_one_line_from_every_command(
    tmp_path: Path, command: tuple[str, ...], damage: object, needles: tuple[str, ...]
) -> None:
    db = tmp_path / "rm.db"
    damage(db)  # type: ignore[operator]
    config = write_config(tmp_path, db)
    result = run_cli("-c", str(config), *command, cwd=tmp_path)
    assert_one_line(result, str(db), *needles)


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_read_only_commands_never_create_a_database(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    db = tmp_path / "data" / "rm.db"
    config = write_config(tmp_path, db)
    result = run_cli("-c", str(config), *command, cwd=tmp_path)
    assert_one_line(result, str(db), "no database")
    assert not db.exists() and not db.parent.exists()


def test_sources_lists_configured_sources_without_creating_a_database(tmp_path: Path) -> None:
    db = tmp_path / "rm.db"
    result = run_cli("-c", str(write_config(tmp_path, db)), "sources", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Deadline" in result.stdout and not db.exists()


# --- read-only folder and full disk ------------------------------------------------------------


def _mount(where: Path, *options: str) -> bool:
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _unmount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder this process cannot write. As root chmod does not bind, so a read-only tmpfs
    mount stands in for it; where mounting is not allowed the test is skipped."""
    folder = tmp_path / "ro"
    if os.geteuid() != 0:
        folder.mkdir()
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    if not _mount(folder, "size=1m", "ro"):
        pytest.skip("running as root, where chmod cannot make a folder read-only, and mount fails")
    try:
        yield folder
    finally:
        _unmount(folder)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs (root only) that the test fills up."""
    folder = tmp_path / "full"
    if os.geteuid() != 0 or not _mount(folder, "size=1m"):
        pytest.skip("a small disk to fill needs a tmpfs mount, which needs root")
    try:
        yield folder
    finally:
        _unmount(folder)


def fill(folder: Path) -> None:
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as fh:
        while True:
            fh.write(b"\0" * 4096)
            fh.flush()


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(("poll",), id="poll"),
        pytest.param(("run",), id="run"),
        pytest.param(("backup", "copy.db"), id="backup"),
    ],
)
def test_a_read_only_folder_gives_one_line(
    tmp_path: Path, read_only_folder: Path, command: tuple[str, ...]
) -> None:
    db = read_only_folder / "rm.db"
    config = write_config(tmp_path, db)
    result = run_cli("-c", str(config), *command, cwd=tmp_path, timeout=60)
    needle = "no database" if command[0] == "backup" else "read-only"
    assert_one_line(result, str(read_only_folder), needle)


@pytest.mark.parametrize("command", [("poll",), ("run",)], ids=["poll", "run"])
def test_a_full_disk_gives_one_line(
    tmp_path: Path, full_disk: Path, feed_server: FeedServer, command: tuple[str, ...]
) -> None:
    feed_server.add("/deadline.xml", rss("Deadline", [RENEWAL]))
    db = full_disk / "rm.db"
    config = write_config(tmp_path, db, feed_server)
    fill(full_disk)
    result = run_cli("-c", str(config), *command, cwd=tmp_path, timeout=60)
    assert_one_line(result, str(full_disk))
    assert "full" in result.stderr or "space" in result.stderr


# --- backup -----------------------------------------------------------------------------------


def test_backup_writes_a_consistent_copy(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.add("/deadline.xml", rss("Deadline", [RENEWAL]))
    db = tmp_path / "rm.db"
    config = write_config(tmp_path, db, feed_server)
    assert run_cli("-c", str(config), "poll", cwd=tmp_path).returncode == 0
    result = run_cli("-c", str(config), "backup", "copy.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    copy = tmp_path / "copy.db"
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        seasons = conn.execute("SELECT show, season, renewal FROM season").fetchall()
    assert seasons == [("The Glass Orchard", 2, "renewed")]
    # The copy is a working database: status reads it.
    (tmp_path / "restored").mkdir()
    restored = write_config(tmp_path / "restored", copy)
    status = run_cli("-c", str(restored), "status", "--json", cwd=tmp_path)
    assert status.returncode == 0 and '"renewal": "renewed"' in status.stdout
    again = run_cli("-c", str(config), "backup", "copy.db", cwd=tmp_path)
    assert_one_line(again, "already exists")


def test_backup_on_postgresql_points_at_pg_dump(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[monitor]\ndatabase = "postgresql://rm:secret@db.invalid/rm"\n', encoding="utf-8"
    )
    result = run_cli("-c", str(config), "backup", "copy.dump", cwd=tmp_path)
    assert_one_line(result, "pg_dump")
    assert "secret" not in result.stderr


# --- the daemon's database removed or replaced ---------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("how", ["removed", "replaced"])
def test_the_daemon_stops_loudly_when_its_database_goes(
    tmp_path: Path, feed_server: FeedServer, how: str
) -> None:
    feed_server.add("/deadline.xml", rss("Deadline", [RENEWAL]))
    db = tmp_path / "rm.db"
    config = write_config(tmp_path, db, feed_server)
    text = config.read_text(encoding="utf-8").replace(
        "notify_baseline = false\n", 'notify_baseline = false\ninterval = "1s"\n'
    )
    config.write_text(text, encoding="utf-8")
    daemon = DaemonProcess(config, tmp_path / "daemon.log").start()
    try:
        wait_for(lambda: feed_server.hits("/deadline.xml") >= 1, what="a first poll")
        if how == "removed":
            db.unlink()
        else:
            moved = tmp_path / f"{uuid.uuid4().hex}.db"
            garbage(moved)
            moved.replace(db)
        assert daemon.proc is not None
        code = daemon.proc.wait(timeout=60)
    finally:
        daemon.kill()
    assert code != 0
    loud = [r for r in daemon.lines() if f"was {how}" in r["msg"]]
    assert loud and loud[0]["level"] in ("CRITICAL", "critical")
    assert str(db) in loud[0]["msg"]


def test_a_removed_database_file_is_not_created_again(tmp_path: Path) -> None:
    """A connection opened after the file is gone fails; it never makes a new empty file
    that the daemon would take for a replacement (and write into)."""
    db = tmp_path / "gone.db"
    engine = make_engine(f"sqlite:///{db}")
    engine.dispose()
    db.unlink()
    with pytest.raises(OperationalError), engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    assert not db.exists()
