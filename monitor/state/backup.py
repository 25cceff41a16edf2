"""`release-monitor backup FILE`: a consistent copy of the SQLite database, taken live."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from monitor.state.db import DatabaseError, NoDatabaseError, describe_failure, sqlite_file


def pg_dump_hint(url: str) -> str:
    return (
        "this database is PostgreSQL: back it up with its own tool, e.g. "
        "`pg_dump --format=custom --file=FILE DBNAME` (restore with pg_restore)"
    )


def backup_sqlite(url: str, target: Path) -> int:
    """Copy the database behind `url` to `target` with SQLite's online backup API.

    The copy is consistent even while the daemon writes (the API restarts a pass when the
    source changes under it), and the source is opened read-only, so a missing database is
    reported, never created. Returns the size of the copy in bytes.
    """
    source_path = sqlite_file(url)
    if source_path is None:
        raise DatabaseError(pg_dump_hint(url))
    if not source_path.exists():
        raise NoDatabaseError(f"{source_path}: no database to back up yet")
    if target.exists():
        raise DatabaseError(f"{target} already exists; choose a new file name")
    if target.resolve() == source_path.resolve():
        raise DatabaseError(f"{target} is the database itself; choose another file")
    partial = target.with_name(target.name + ".partial")
    try:
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as exc:
        raise DatabaseError(describe_failure(exc, url)) from None
    try:
        tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master")}
        # Alembic's table since version 4; the hand-made one before.
        if not tables & {"alembic_version", "schema_version"}:
            raise DatabaseError(
                f"{source_path}: not a release-monitor database; point [monitor] database at "
                "the right file"
            )
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            # A damaged source would make a damaged copy: say so rather than hand one over.
            verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                raise DatabaseError(
                    f"{source_path}: the database is damaged ({verdict}); no backup written"
                )
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            copy.close()
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise DatabaseError(describe_failure(exc, url)) from None
    except OSError as exc:
        raise DatabaseError(f"{target}: cannot write the backup ({exc.strerror or exc})") from None
    finally:
        source.close()
        with contextlib.suppress(OSError):
            partial.unlink()
    return target.stat().st_size
