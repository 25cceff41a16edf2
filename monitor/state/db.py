"""Engine creation and transactions; the only module that knows SQLite-specific SQL.

SQLite: WAL, busy_timeout, foreign keys, and write transactions that take the write lock up
front (BEGIN IMMEDIATE): in WAL mode a deferred read-then-write transaction fails with
"database is locked" at once, whatever the timeout. PostgreSQL needs none of this.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
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


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine for a database URL, with the per-dialect settings above; schema ensured.

    `read_only` (the `serve` command, possibly on a read replica): the schema must already be
    current, and every connection refuses writes at the database level.
    """
    try:
        parsed = make_url(url)
    except SQLAlchemyError:
        raise DatabaseError(f"cannot parse database URL {mask_database_url(url)}") from None
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if is_sqlite and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
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
        check_schema(engine)
    else:
        ensure_schema(engine)
    return engine


def check_schema(engine: Engine) -> int:
    """The schema version of a database this process may only read; an error unless current."""
    try:
        with reading(engine) as session:
            present = set(inspect(session.connection()).get_table_names())
            known = "schema_version" in present
            row = session.exec(select(SchemaVersion)).first() if known else None
    except OperationalError as exc:
        raise DatabaseError(
            f"cannot open database {mask_database_url(str(engine.url))}: {exc.orig}"
        ) from None
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
            # A table missing at the current version (a pre-release database) is created below.
            if present >= set(SQLModel.metadata.tables):
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
    except OperationalError as exc:
        raise DatabaseError(
            f"cannot open database {mask_database_url(str(engine.url))}: {exc.orig}"
        ) from None


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
