"""Engine creation and transactions; the only module that knows SQLite-specific SQL.

SQLite: WAL, busy_timeout, foreign keys, and write transactions that take the write lock up
front (BEGIN IMMEDIATE): in WAL mode a deferred read-then-write transaction fails with
"database is locked" at once, whatever the timeout. PostgreSQL needs none of this.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, SQLModel

from monitor.config import Config, mask_database_url
from monitor.errors import MonitorError
from monitor.state import migrations

BUSY_TIMEOUT_MS = 30_000
_IMMEDIATE = "release_monitor_immediate"


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


SQLITE_HEAP_LIMIT = 8 * 1024 * 1024  # bytes, process-wide


def _enter_wal(cursor: Any) -> None:
    """Switch the file to WAL, waiting out other connections like busy_timeout would.

    Already in WAL (every database this release made) it is a no-op. Converting a
    rollback-journal file (an old release's, a restored copy) needs an exclusive lock, and
    SQLite answers "database is locked" at once, without its busy handler, while another
    connection reads or converts the same file: daemons starting together on an old database
    failed one start in a few hundred.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if ("locked" not in text and "busy" not in text) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver level so the "begin" hook below decides how to begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _enter_wal(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    # 2 MiB of page cache per connection (SQLite's default): 16 MiB grew a 3,000-feed poll's
    # RSS by about 10 MiB as the item index filled it; pages missed come from the OS cache.
    cursor.execute("PRAGMA cache_size = -2048")
    # ... and all of SQLite's heap in this process kept near SQLITE_HEAP_LIMIT whatever the
    # number of pooled connections: without it a daemon's RSS grew with the database until
    # every pooled connection's cache was full (+12 MiB over a 15-minute soak, all of it
    # SQLite's own heap; Python's objects stayed flat). A soft limit: past it SQLite reuses
    # cached pages instead of allocating, it never fails a statement.
    cursor.execute(f"PRAGMA soft_heap_limit = {SQLITE_HEAP_LIMIT}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(_IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@dataclass(frozen=True)
class PoolOptions:
    """Connection pool and per-statement limits (PostgreSQL; SQLite ignores them)."""

    pool_size: int = 5
    max_overflow: int = 10
    statement_timeout_ms: int = 60_000  # 0: none
    lock_timeout_ms: int = 30_000  # 0: none


def pool_options(config: Config) -> PoolOptions:
    m = config.monitor
    timeout_ms = int(m.statement_timeout.total_seconds() * 1000)
    return PoolOptions(
        pool_size=m.pool_size,
        max_overflow=m.max_overflow,
        statement_timeout_ms=timeout_ms,
        lock_timeout_ms=min(timeout_ms, PoolOptions.lock_timeout_ms) if timeout_ms else 0,
    )


def _sqlite_query_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


def _pg_read_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("SET default_transaction_read_only = on")
    cursor.close()
    dbapi_connection.commit()


def make_engine(
    url: str, pool: PoolOptions | None = None, *, create: bool = True, read_only: bool = False
) -> Engine:
    """An engine for a database URL, with the per-dialect settings above; schema ensured.

    `create=False` (read-only commands) never creates a database: a missing SQLite file
    raises NoDatabaseError instead. `read_only` (the `serve` command, possibly on a read
    replica) implies it; the schema must already be current, and every connection refuses
    writes at the database level.
    """
    pool = pool or PoolOptions()
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
        # The most recently used connection first: short reads keep reusing the connections
        # whose page cache is already warm instead of filling every pooled one's 16 MiB.
        # (A file's pool; an in-memory database has a single connection.)
        if path is not None:
            kwargs["pool_use_lifo"] = True
    elif parsed.get_backend_name() == "postgresql":
        kwargs["pool_size"] = pool.pool_size
        kwargs["max_overflow"] = pool.max_overflow
        options = [
            f"-c statement_timeout={pool.statement_timeout_ms}",
            f"-c lock_timeout={pool.lock_timeout_ms}",
        ]
        own = parsed.query.get("options")  # a URL's own options (e.g. a search_path) come first
        if own:
            options.insert(0, own if isinstance(own, str) else " ".join(own))
        kwargs["connect_args"] = {"options": " ".join(options)}
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
    if path is not None:
        # The file exists now: a later connection must open it, never create a new empty one
        # where it was removed (the daemon would then see "replaced", and write into it).
        event.listen(engine, "do_connect", partial(_open_existing, path.resolve().as_uri()))
    return engine


def _open_existing(
    uri: str, dialect: Any, record: Any, cargs: list[Any], cparams: dict[str, Any]
) -> None:
    """Open the SQLite file read-write but without creating it (`mode=rw`)."""
    cargs[:] = [f"{uri}?mode=rw"]
    cparams["uri"] = True


def check_schema(engine: Engine) -> str:
    """The schema revision of a database this process may only read; an error unless current."""
    # A failure to read is described by make_engine, like ensure_schema's.
    with reading(engine) as session:
        conn = session.connection()
        if migrations.is_current(conn):
            return migrations.head()
        found = migrations.current_revision(conn)
    raise DatabaseError(
        f"database {mask_database_url(str(engine.url))} has schema revision {found}, this "
        f"release reads revision {migrations.head()}: run `release-monitor run` (or `poll`) "
        "with this release once against the primary database"
    )


def ensure_schema(engine: Engine) -> str:
    """Create the tables on first use or migrate an older schema (Alembic); the revision."""
    try:
        # The common case reads only, so `status` beside a busy daemon never waits for a lock.
        with reading(engine) as session:
            present = set(inspect(session.connection()).get_table_names())
            ours = set(SQLModel.metadata.tables)
            known = {migrations.LEGACY_TABLE, "alembic_version"}
            if present and not present & known and not present & ours:
                # Another program's database: creating our tables in it would mix the two.
                raise DatabaseError(
                    f"{where(str(engine.url))}: not a release-monitor database (it holds "
                    f"tables {', '.join(sorted(present)[:5])}); point [monitor] database at "
                    "another file"
                )
            if migrations.is_current(session.connection()):
                return migrations.head()
        with writing(engine) as session:
            return migrations.upgrade(session.connection())
    except migrations.SchemaTooNew as exc:
        raise DatabaseError(
            f"database {mask_database_url(str(engine.url))} has schema revision {exc}, "
            f"newer than this release understands ({migrations.head()}); "
            "upgrade release-monitor"
        ) from None
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
