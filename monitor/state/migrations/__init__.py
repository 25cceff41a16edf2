"""Schema migrations with Alembic, run at start-up (once, under an advisory lock on PostgreSQL).

A new database is created from the models and stamped at the head revision. A database of
the hand-made `schema_version` era (versions 1 to 3) is stamped at its version's revision
("v1".."v3") and upgraded; revision v4 drops that table, so Alembic's `alembic_version` is
the only record from then on.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import (
    Column,
    Connection,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    inspect,
    text,
)
from sqlmodel import SQLModel

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

HERE = Path(__file__).resolve().parent
# "release-monitor migrate" as a signed 32-bit CRC: N daemons starting at once migrate once.
MIGRATE_LOCK_KEY = zlib.crc32(b"release-monitor migrate") - (1 << 31)
LEGACY_TABLE = "schema_version"
# The newest revision in versions/ (a test checks it against Alembic's own reading). Alembic
# is imported only to upgrade: it costs 11 MiB of RSS in every process that opens a current
# database (`poll`, the daemon, `status`).
HEAD = "v6"


class SchemaTooNew(Exception):
    """The database was migrated by a newer release (a revision this one does not know)."""


def alembic_config(connection: Connection) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    return HEAD


def script_head() -> str | None:
    """The head revision as Alembic reads it from versions/ (what HEAD must say)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(HERE)).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory(str(HERE)).walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    """The stored revision: Alembic's, else "v<N>" from the hand-made table, else None."""
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" in tables:
        rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if rev is not None:
            return str(rev)
    if LEGACY_TABLE in tables:
        version = conn.execute(text(f"SELECT version FROM {LEGACY_TABLE}")).scalar()
        if version is not None:
            return f"v{int(version)}"
    return None


def is_current(conn: Connection) -> bool:
    """Nothing to do (the common case, checked without any lock)."""
    present = set(inspect(conn).get_table_names())
    return present >= set(SQLModel.metadata.tables) and current_revision(conn) == head()


def _stamp_new(conn: Connection) -> None:
    """`alembic stamp head` on a database just created from the models: Alembic's own
    version table, written without loading Alembic (every first `poll` creates one)."""
    version = Table(
        "alembic_version",
        MetaData(),
        Column("version_num", String(32), nullable=False),
        PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
    )
    version.create(conn, checkfirst=True)
    conn.execute(version.insert().values(version_num=HEAD))


def upgrade(conn: Connection) -> str:
    """Bring the schema to head inside the caller's transaction; returns the revision."""
    if conn.dialect.name == "postgresql":
        # Held to the end of the transaction; a second daemon waits here, then finds the
        # schema current and does nothing.
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATE_LOCK_KEY})
    rev = current_revision(conn)
    if rev is None:
        SQLModel.metadata.create_all(conn)
        _stamp_new(conn)
        return head()
    from alembic import command

    cfg = alembic_config(conn)
    if rev not in known_revisions():
        raise SchemaTooNew(rev)
    if "alembic_version" not in set(inspect(conn).get_table_names()):
        command.stamp(cfg, rev)
    command.upgrade(cfg, "head")
    # Tables a pre-release database lacks (it was stamped with a version it did not fully
    # have); each revision above only alters what exists.
    SQLModel.metadata.create_all(conn)
    return head()
