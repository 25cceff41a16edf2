"""Each source's fetch state (validators, schedule, failures) and whether it has answered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, insert, update
from sqlalchemy import select as select_
from sqlmodel import Session, select

from monitor.models import SourceState
from monitor.state import db
from monitor.state.tables import SourceStateRow

SOURCES = SourceStateRow.__table__  # type: ignore[attr-defined]  # SQLModel tables are Core

# Poll outcomes that read the source (its backlog is now known), unlike "error"/"skipped".
READ_STATUSES = frozenset({"ok", "not_modified", "unchanged"})

# A source that keeps failing may not hold a new watch's summary back for ever.
BASELINE_FAILURES_TOLERATED = 3


def source_state(row: SourceStateRow) -> SourceState:
    return SourceState(
        url=row.url,
        etag=row.etag,
        last_modified=row.last_modified,
        body_hash=row.body_hash,
        failures=row.failures,
        next_check=row.next_check,
        last_success=row.last_success,
        last_error=row.last_error,
    )


@dataclass(frozen=True)
class Answered:
    """What a baseline needs of a source: when it was last tried, last read, failures."""

    last_attempt: datetime | None
    last_success: datetime | None
    failures: int


def has_reported(source: Answered | None, since: datetime) -> bool:
    """Has this source given its backlog for a season created at `since`?

    Only a successful fetch counts: a source that was down during the first poll would
    otherwise deliver its backlog later as news. One that has failed several times in a row
    since then is let go, so a dead feed cannot silence a watch.
    """
    if source is None or source.last_attempt is None or source.last_attempt < since:
        return False
    if source.last_success is not None and source.last_success >= since:
        return True
    return source.failures >= BASELINE_FAILURES_TOLERATED


class SourceStateStore:
    """The `source_state` table."""

    engine: Engine

    def source_state(self, name: str) -> SourceState:
        with db.reading(self.engine) as session:
            row = session.get(SourceStateRow, name)
            return source_state(row) if row else SourceState()

    def source_rows(self) -> list[SourceStateRow]:
        with db.reading(self.engine) as session:
            return list(session.exec(select(SourceStateRow)).all())

    def source_states(self) -> dict[str, SourceState]:
        """Every stored source's state in one query (a cycle reads them once)."""
        return {row.name: source_state(row) for row in self.source_rows()}

    def last_reads(
        self, session: Session, names: Sequence[str] | None = None
    ) -> dict[str, datetime]:
        """When each source (of `names`, or every one) was last read, if ever."""
        query = select_(SOURCES.c.name, SOURCES.c.last_read).where(SOURCES.c.last_read.is_not(None))
        if names is not None:
            query = query.where(SOURCES.c.name.in_(list(names)))
        return dict(session.connection().execute(query).tuples().all())

    def save_source(
        self, session: Session, name: str, state: SourceState, status: str, now: datetime
    ) -> None:
        values = {
            "url": state.url,
            "etag": state.etag,
            "last_modified": state.last_modified,
            "body_hash": state.body_hash,
            "failures": state.failures,
            "next_check": state.next_check,
            "last_success": state.last_success,
            "last_error": state.last_error,
            "last_attempt": now,
            "last_status": status,
        }
        if status in READ_STATUSES:
            values["last_read"] = now
        conn = session.connection()
        done = conn.execute(update(SOURCES).where(SOURCES.c.name == name).values(**values))
        if not done.rowcount:
            conn.execute(insert(SOURCES).values(name=name, **values))
