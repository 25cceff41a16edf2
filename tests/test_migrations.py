"""Upgrades through Alembic on both engines: databases written by releases at hand-made
schema versions 1 and 2 (and 3) reach the head revision with their data, once.
Revision v3 filled `season_source`; v5 folds it into `source_state.last_read`; v6 adds
`item_note`."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from monitor.state.migrations import head
from monitor.state.repository import Repository

T0 = datetime(2026, 6, 1, 12)

# The tables a version-1 database had (as the first release created them), in portable SQL.
V1_DDL = (
    "CREATE TABLE schema_version (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)",
    "CREATE TABLE season (id INTEGER PRIMARY KEY, show VARCHAR NOT NULL, "
    "season INTEGER NOT NULL, renewal VARCHAR, release_date VARCHAR, phase VARCHAR, "
    "updated_at TIMESTAMP, created_at TIMESTAMP NOT NULL, baseline BOOLEAN NOT NULL, "
    "revision INTEGER NOT NULL, reported TEXT NOT NULL, evidence TEXT NOT NULL, "
    "CONSTRAINT uq_season_show_season UNIQUE (show, season))",
    "CREATE TABLE source_state (name VARCHAR PRIMARY KEY, url TEXT, etag TEXT, "
    "last_modified VARCHAR, body_hash VARCHAR, failures INTEGER NOT NULL, next_check TIMESTAMP, "
    "last_success TIMESTAMP, last_error TEXT, last_attempt TIMESTAMP, last_status VARCHAR)",
    "CREATE TABLE daemon_heartbeat (instance VARCHAR(200) PRIMARY KEY, pid INTEGER NOT NULL, "
    "started_at TIMESTAMP NOT NULL, last_tick TIMESTAMP NOT NULL, "
    "tick_seconds FLOAT NOT NULL, stopped_at TIMESTAMP)",
)
V2_DDL = ("ALTER TABLE season ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE",)


def write_old_database(url: str, version: int) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        for statement in V1_DDL + (V2_DDL if version >= 2 else ()):
            conn.execute(text(statement))
        conn.execute(text("INSERT INTO schema_version VALUES (1, :v)"), {"v": version})
        conn.execute(
            text(
                "INSERT INTO season (id, show, season, created_at, baseline, revision, "
                "reported, evidence, release_date) VALUES "
                "(1, 'Glass Harbor', 2, :t, FALSE, 3, '{}', '{}', '2027-03')"
            ),
            {"t": T0},
        )
        conn.execute(
            text(
                "INSERT INTO source_state (name, failures, last_success) VALUES ('Deadline', 0, :t)"
            ),
            {"t": T0},
        )
        conn.execute(
            text("INSERT INTO daemon_heartbeat VALUES ('pi', 7, :t, :t, 5.0, NULL)"), {"t": T0}
        )
    engine.dispose()


def open_concurrently(url: str, openers: int) -> list[BaseException]:
    """What `openers` threads opening the database at once raised (nothing, we hope)."""
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            Repository.open(url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(openers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return errors


@pytest.mark.parametrize("version", [1, 2], ids=["from-version-1", "from-version-2"])
def test_an_old_database_upgrades_to_head(database_url: str, version: int) -> None:
    write_old_database(database_url, version)
    repo = Repository.open(database_url)
    with repo.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head()
        season = conn.execute(text("SELECT show, release_date, active FROM season")).one()
        baseline_given = conn.execute(
            text("SELECT name FROM source_state WHERE last_read IS NOT NULL")
        ).all()
        beat = conn.execute(text("SELECT instance, host, claimed FROM daemon_heartbeat")).one()
    repo.close()
    assert "schema_version" not in tables  # Alembic's table is the only record now
    assert {"source_lease", "delivery", "item", "item_note"} <= tables
    assert "season_source" not in tables  # v5 folded it into last_read
    assert tuple(season) == ("Glass Harbor", "2027-03", True)  # watched all along
    assert [tuple(r) for r in baseline_given] == [("Deadline",)]  # v3 filled it, v5 kept it
    assert tuple(beat) == ("pi", "pi", 0)  # the host was the instance before v4
    # Opening again finds it current and keeps the data.
    again = Repository.open(database_url)
    with again.engine.connect() as conn:
        read = "SELECT count(*) FROM source_state WHERE last_read IS NOT NULL"
        assert conn.execute(text(read)).scalar() == 1
    again.close()


def test_a_current_database_opens_without_writing(database_url: str) -> None:
    Repository.open(database_url).close()
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'v99'"))
    engine.dispose()
    with pytest.raises(Exception, match="schema revision v99, newer than this release"):
        Repository.open(database_url)


def test_daemons_starting_together_migrate_once(database_url: str) -> None:
    """N openers at once: one migrates (under the advisory lock), the others find it done."""
    write_old_database(database_url, 1)
    assert open_concurrently(database_url, 4) == []
    engine = create_engine(database_url)
    with engine.connect() as conn:
        read = "SELECT count(*) FROM source_state WHERE last_read IS NOT NULL"
        assert conn.execute(text(read)).scalar() == 1
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head()
    engine.dispose()


def test_head_names_the_newest_revision_in_versions() -> None:
    """`HEAD` spares every start-up the import of Alembic; it must follow versions/."""
    from monitor.state.migrations import script_head

    assert head() == script_head()


@pytest.mark.parametrize("exists", [False, True], ids=["new-database", "current-database"])
def test_opening_a_database_without_upgrades_does_not_import_alembic(
    tmp_path: Path, exists: bool
) -> None:
    """Alembic (11 MiB) loads only when there is something to upgrade; a new database is
    stamped at head in Alembic's own table, and Alembic reads that stamp back."""
    from alembic.runtime.migration import MigrationContext

    db = tmp_path / "state.db"
    if exists:
        Repository.open(f"sqlite:///{db}").close()
    code = (
        "import sys; from monitor.state.repository import Repository; "
        f"Repository.open('sqlite:///{db}').close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head()
    engine.dispose()


def test_a_version_5_database_gains_item_notes(database_url: str) -> None:
    """Revision v6 adds `item_note` to a v5 database, keeping its data; notes written after
    go with their item (cascade), as `why` expects."""
    from monitor.models import ItemNotes, SetAside, Trust

    Repository.open(database_url).close()
    engine = create_engine(database_url)
    with engine.begin() as conn:  # as version 5 left it: no item_note, revision v5
        conn.execute(text("DROP TABLE item_note"))
        conn.execute(text("UPDATE alembic_version SET version_num = 'v5'"))
        conn.execute(
            text(
                "INSERT INTO season (show, season, created_at, baseline, active, revision, "
                "reported, evidence) VALUES ('Glass Harbor', 2, :t, FALSE, TRUE, 0, '{}', '{}')"
            ),
            {"t": T0},
        )
        conn.execute(
            text(
                "INSERT INTO item (source, uid, content_hash, watches_hash, seen_at) VALUES "
                "('Fan Blog', 'hedged', 'c1', 'w1', :t), ('Fan Blog', 'kept', 'c2', 'w1', :t)"
            ),
            {"t": T0},
        )
    engine.dispose()
    repo = Repository.open(database_url)
    with repo.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head()
        assert "item_note" in set(inspect(conn).get_table_names())
        assert conn.execute(text("SELECT count(*) FROM item")).scalar() == 2  # data kept
    hedge = SetAside("date", "hedged", "hedged: 'could' ('premiere')", "It could premiere soon.")
    notes = [
        ItemNotes(
            "Glass Harbor",
            2,
            "Fan Blog",
            uid,
            "A headline",
            f"https://b.example/{uid}",
            "b.example",
            Trust.BLOG,
            None,
            T0,
            0,
            (hedge,),
        )
        for uid in ("hedged", "kept")
    ]
    with repo.transaction() as session:
        ids = {
            ("Glass Harbor", 2): session.connection()
            .execute(text("SELECT id FROM season"))
            .scalar_one()
        }
        repo.save_notes(session, "Fan Blog", notes, ids)
    assert [(n.item_uid, n.notes) for n in repo.item_notes("Glass Harbor", 2)] == [
        ("hedged", (hedge,)),
        ("kept", (hedge,)),
    ]
    with repo.transaction() as session:  # pruning an item prunes its notes
        session.connection().execute(text("DELETE FROM item WHERE uid = 'hedged'"))
    assert [n.item_uid for n in repo.item_notes("Glass Harbor", 2)] == ["kept"]
    repo.close()


class _RefusingCursor:
    """SQLite's answer while another connection converts the file: "locked" at once, with
    no busy handler (seen under load in CI; no real setup triggers it on demand)."""

    def __init__(self, refusals: int, message: str = "database is locked") -> None:
        self.refusals = refusals
        self.message = message
        self.calls = 0

    def execute(self, sql: str) -> None:
        assert sql == "PRAGMA journal_mode = WAL"
        self.calls += 1
        if self.calls <= self.refusals:
            raise sqlite3.OperationalError(self.message)


@pytest.mark.parametrize(
    ("refusals", "message", "calls", "raises"),
    [
        (0, "database is locked", 1, False),
        (3, "database is locked", 4, False),
        (2, "database is busy", 3, False),
        (1, "disk I/O error", 1, True),
    ],
    ids=["free", "locked-thrice-then-free", "busy-then-free", "other-error-at-once"],
)
def test_switching_to_wal_waits_out_a_lock(
    refusals: int, message: str, calls: int, raises: bool
) -> None:
    from monitor.state.db import _enter_wal

    cursor = _RefusingCursor(refusals, message)
    if raises:
        with pytest.raises(sqlite3.OperationalError, match="I/O"):
            _enter_wal(cursor)
    else:
        _enter_wal(cursor)
    assert cursor.calls == calls


def test_many_openers_of_a_rollback_journal_database_all_succeed(tmp_path: Path) -> None:
    """Eight openers at once, ten times, on a file an old release left in rollback-journal
    mode: each round one converts it to WAL and every other one waits, none fails."""
    for round_ in range(10):
        url = f"sqlite:///{tmp_path / f'state{round_}.db'}"
        write_old_database(url, 1)
        assert open_concurrently(url, 8) == [], f"round {round_}"
        conn = sqlite3.connect(tmp_path / f"state{round_}.db")
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        conn.close()
