"""The state database: one object over the stores of items, sources, observations and the
outbox; a state change, its events and its outbox rows are written in one transaction.

The stores live in modules named for what they keep (items.py, source_state.py,
observations.py, outbox.py); the names below are re-exported for the callers of old.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlmodel import Session

from monitor.state import db
from monitor.state.items import watches_hash
from monitor.state.observations import (
    Cycle,
    HistoryEntry,
    ObservationStore,
    WriteBatch,
    season_state,
    tracking_event,
)
from monitor.state.outbox import (
    BACKOFF,
    DEAD_AFTER,
    LEASE,
    MAX_RETRY_AFTER,
    RATE_LIMITED,
    DeliveryInfo,
    Outgoing,
    Renderer,
    Routing,
    backoff,
    target_key,
    target_label,
)
from monitor.state.source_state import BASELINE_FAILURES_TOLERATED, READ_STATUSES


class Repository(ObservationStore):
    """The state database: one per process, safe to share between threads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(
        cls,
        url: str,
        pool: db.PoolOptions | None = None,
        *,
        create: bool = True,
        read_only: bool = False,
    ) -> Repository:
        """`create=False` for read-only commands: a missing database is an error, not made;
        `read_only` (`serve`) also refuses every write at the database level."""
        return cls(db.make_engine(url, pool, create=create, read_only=read_only))

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self, *, commit: bool = True) -> Iterator[Session]:
        """One write transaction; `commit=False` rolls everything back (dry runs)."""
        with db.writing(self.engine, commit=commit) as session:
            yield session


__all__ = [
    "BACKOFF",
    "BASELINE_FAILURES_TOLERATED",
    "DEAD_AFTER",
    "LEASE",
    "MAX_RETRY_AFTER",
    "RATE_LIMITED",
    "READ_STATUSES",
    "Cycle",
    "DeliveryInfo",
    "HistoryEntry",
    "Outgoing",
    "Renderer",
    "Repository",
    "Routing",
    "WriteBatch",
    "backoff",
    "season_state",
    "target_key",
    "target_label",
    "tracking_event",
    "watches_hash",
]
