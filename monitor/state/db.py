"""Engine creation and transactions; the only module that knows SQLite-specific SQL.

SQLite: WAL, busy_timeout, foreign keys, and write transactions that take the write lock up
front (BEGIN IMMEDIATE): in WAL mode a deferred read-then-write transaction fails with
"database is locked" at once, whatever the timeout. PostgreSQL needs none of this.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, SQLModel, select

from monitor.config import mask_database_url
from monitor.errors import MonitorError
from monitor.state.tables import SCHEMA_VERSION, SchemaVersion

BUSY_TIMEOUT_MS = 30_000
_IMMEDIATE = "release_monitor_immediate"


def _add_season_active(conn: Connection) -> None:
    # Every season of an older database was being watched as far as it knew.
    conn.exec_driver_sql("ALTER TABLE season ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE")


def _fill_season_source(conn: Connection) -> None:
    # Baselines became per (season, source): a source that had already answered since the
    # season appeared has given its backlog; any other one's first read stays silent.
    conn.exec_driver_sql(
        "INSERT INTO season_source (season_id, source, read_at) "
        "SELECT s.id, ss.name, ss.last_success FROM season s, source_state ss "
        "WHERE ss.last_success IS NOT NULL AND (NOT s.baseline OR ss.last_success >= s.created_at) "
        "AND NOT EXISTS (SELECT 1 FROM season_source x "
        "WHERE x.season_id = s.id AND x.source = ss.name)"
    )


# version -> step that upgrades a database from that version to the next one.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _add_season_active,
    2: _fill_season_source,
}


class DatabaseError(MonitorError):
    """The database cannot be opened or has a schema this release does not know."""


class NoDatabaseError(DatabaseError):
    """A read-only command found no database file: nothing has been polled yet."""


# What SQLite says -> what it means and what to do. Checked in order, first match wins.
_FAILURES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("file is not a database", "malformed", "disk image", "not a database"),
        "the database file is damaged ({detail}); restore a backup (made with "
        "`release-monitor backup FILE`) or move the file aside to start fresh",
    ),
    (
        ("database or disk is full", "no space"),
        "the disk is full ({detail}); free some space, then run again",
    ),
    (
        ("readonly", "read-only"),
        "the database or its folder is read-only ({detail}); make both writable",
    ),
    (
        ("unable to open", "permission denied", "authorization denied"),
        "cannot open the database ({detail}); check that the file and its folder exist "
        "and are readable and writable by this user",
    ),
    (
        ("disk i/o error", "i/o error"),
        "disk I/O error ({detail}): the disk may be full, read-only or failing; check it, "
        "then run again",
    ),
    (
        ("no such table", "no such column", "has no column"),
        "not a release-monitor database, or one from an unknown version ({detail}); point "
        "[monitor] database at another file, or move this one aside to start fresh",
    ),
)


def where(url: str) -> str:
    """The database as the user knows it: the SQLite file's path, else the masked URL."""
    try:
        parsed = make_url(url)
    except SQLAlchemyError:
        return mask_database_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    return mask_database_url(url)


def describe_failure(exc: BaseException, url: str) -> str:
    """One line for a storage failure: which database, what went wrong, what to do."""
    orig = getattr(exc, "orig", None) or exc
    detail = str(orig).splitlines()[0] if str(orig) else type(orig).__name__
    lowered = detail.lower()
    for needles, message in _FAILURES:
        if any(n in lowered for n in needles):
            return f"{where(url)}: {message.format(detail=detail)}"
    return f"{where(url)}: database error ({detail})"


def sqlite_file(url: str) -> Path | None:
    try:
        parsed = make_url(url)
    except SQLAlchemyError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver level so the "begin" hook below decides how to begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(_IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_query_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


def _pg_read_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("SET default_transaction_read_only = on")
    cursor.close()
    dbapi_connection.commit()


def make_engine(url: str, *, create: bool = True, read_only: bool = False) -> Engine:
    """An engine for a database URL, with the per-dialect settings above; schema ensured.

    `create=False` (read-only commands) never creates a database: a missing SQLite file
    raises NoDatabaseError instead. `read_only` (the `serve` command, possibly on a read
    replica) implies it; the schema must already be current, and every connection refuses
    writes at the database level.
    """
    create = create and not read_only
    try:
        parsed = make_url(url)
    except SQLAlchemyError:
        raise DatabaseError(f"cannot parse database URL {mask_database_url(url)}") from None
    is_sqlite = parsed.get_backend_name() == "sqlite"
    path = sqlite_file(url)
    if path is not None and not create and not path.exists():
        raise NoDatabaseError(
            f"{path}: no database yet (nothing has been polled); run `release-monitor poll` "
            "or start the daemon with `release-monitor run`"
        )
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"{path}: cannot create the database folder ({exc.strerror or exc}); create "
                "it or choose another [monitor] database path"
            ) from None
        # SQLite says only "unable to open database file": name the cause it cannot see.
        # (access() reports a read-only file system even to root.)
        if create and not os.access(path.parent, os.W_OK):
            raise DatabaseError(
                f"{path}: the database folder is read-only or not writable by this user "
                "(SQLite needs to write its journal beside the file); make it writable or "
                "choose another [monitor] database path"
            )
    kwargs: dict[str, Any] = {"pool_pre_ping": not is_sqlite}
    if is_sqlite:
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    try:
        engine = create_engine(url, **kwargs)
    except (SQLAlchemyError, ImportError) as exc:
        raise DatabaseError(
            f"cannot open database {mask_database_url(url)}: {type(exc).__name__}: {exc}"
        ) from None
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    if read_only:
        event.listen(engine, "connect", _sqlite_query_only if is_sqlite else _pg_read_only)
    try:
        if read_only:
            check_schema(engine)
        else:
            ensure_schema(engine)
    except DatabaseError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(describe_failure(exc, url)) from None
    return engine


def check_schema(engine: Engine) -> int:
    """The schema version of a database this process may only read; an error unless current."""
    # A failure to read is described by make_engine, like ensure_schema's.
    with reading(engine) as session:
        present = set(inspect(session.connection()).get_table_names())
        known = "schema_version" in present
        row = session.exec(select(SchemaVersion)).first() if known else None
    found = row.version if row is not None else None
    if found != SCHEMA_VERSION or not present >= set(SQLModel.metadata.tables):
        raise DatabaseError(
            f"database {mask_database_url(str(engine.url))} has schema version {found}, this "
            f"release reads version {SCHEMA_VERSION}: run `release-monitor run` (or `poll`) "
            "with this release once against the primary database"
        )
    return found


def ensure_schema(engine: Engine) -> int:
    """Create the tables on first use, record the schema version, migrate older ones."""
    try:
        # The common case reads only, so `status` beside a busy daemon never waits for a lock.
        with reading(engine) as session:
            present = set(inspect(session.connection()).get_table_names())
            ours = set(SQLModel.metadata.tables)
            if present and "schema_version" not in present and not present & ours:
                # Another program's database: creating our tables in it would mix the two.
                raise DatabaseError(
                    f"{where(str(engine.url))}: not a release-monitor database (it holds "
                    f"tables {', '.join(sorted(present)[:5])}); point [monitor] database at "
                    "another file"
                )
            # A table missing at the current version (a pre-release database) is created below.
            if present >= ours:
                row = session.exec(select(SchemaVersion)).first()
                if row is not None and row.version == SCHEMA_VERSION:
                    return row.version
        with writing(engine) as session:
            SQLModel.metadata.create_all(session.connection())
            row = session.exec(select(SchemaVersion)).first()
            if row is None:
                session.add(SchemaVersion(id=1, version=SCHEMA_VERSION))
                return SCHEMA_VERSION
            if row.version > SCHEMA_VERSION:
                raise DatabaseError(
                    f"database {mask_database_url(str(engine.url))} has schema version "
                    f"{row.version}, newer than this release understands ({SCHEMA_VERSION}); "
                    "upgrade release-monitor"
                )
            while row.version < SCHEMA_VERSION:
                MIGRATIONS[row.version](session.connection())
                row.version += 1
            session.add(row)
            return row.version
    except SQLAlchemyError as exc:
        raise DatabaseError(describe_failure(exc, str(engine.url))) from None


@contextmanager
def writing(engine: Engine, *, commit: bool = True) -> Iterator[Session]:
    """A write transaction: commit on success, roll back on error; SQLite locks up front.

    `commit=False` always rolls back (dry runs see their own writes, then forget them).
    """
    bound = engine.execution_options(**{_IMMEDIATE: True})
    with Session(bound, expire_on_commit=False) as session:
        if not commit:
            try:
                yield session
            finally:
                session.rollback()
            return
        with session.begin():
            yield session


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    """A read-only session (a deferred transaction that is never committed)."""
    with Session(engine, expire_on_commit=False) as session:
        yield session
