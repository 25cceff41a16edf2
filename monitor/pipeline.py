"""One source through every stage: fetch -> parse -> match -> extract -> state -> outbox.

CONTRACT (implemented in issue 4; the daemon of issue 5 and the CLI call only these).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from monitor.config import Config
from monitor.models import Event
from monitor.sources.base import Source


@dataclass(frozen=True)
class SourceReport:
    name: str
    status: str  # "ok" | "not_modified" | "unchanged" | "error" | "skipped"
    new_items: int = 0
    error: str | None = None


@dataclass(frozen=True)
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    pending: int = 0


@dataclass(frozen=True)
class PollReport:
    events: tuple[Event, ...] = ()
    sources: tuple[SourceReport, ...] = ()
    deliveries: DeliveryReport = field(default_factory=DeliveryReport)

    def to_json(self) -> dict[str, Any]:
        """The `poll --json` shape of DESIGN.md §6."""
        return {
            "events": [
                {
                    "show": e.show,
                    "season": e.season,
                    "kind": e.kind,
                    "old": e.old,
                    "new": e.new,
                    "sources": list(e.sources),
                }
                for e in self.events
            ],
            "sources": [
                {"name": s.name, "status": s.status, "new_items": s.new_items, "error": s.error}
                for s in self.sources
            ],
            "deliveries": {
                "sent": self.deliveries.sent,
                "failed": self.deliveries.failed,
                "pending": self.deliveries.pending,
            },
        }


class Runtime:
    """Everything a cycle needs, built once per config: fetcher, repository, sources, matcher.

    The daemon rebuilds it (or calls `reload`) when the watchlist changes.
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        raise NotImplementedError("issue 4")

    @property
    def sources(self) -> list[Source]:
        raise NotImplementedError("issue 4")

    def due_sources(self, now: datetime) -> list[Source]:
        """Sources whose stored next_check has come (never-polled ones are due)."""
        raise NotImplementedError("issue 4")

    def close(self) -> None:
        raise NotImplementedError("issue 4")


def poll_source(
    rt: Runtime, source: Source, now: datetime, *, dry_run: bool = False
) -> tuple[SourceReport, list[Event]]:
    """Fetch one source and carry its claims to state and outbox in one transaction."""
    raise NotImplementedError("issue 4")


def poll_all(
    rt: Runtime,
    now: datetime,
    *,
    dry_run: bool = False,
    progress: Callable[[SourceReport], None] | None = None,
) -> PollReport:
    """Every source now (manual `poll`), then every pending delivery at once."""
    raise NotImplementedError("issue 4")


def deliver_due(rt: Runtime, now: datetime, *, retry_all: bool = False) -> DeliveryReport:
    """Claim due outbox rows, send each through Apprise outside any transaction, mark them."""
    raise NotImplementedError("issue 4")


def release_day(rt: Runtime, now: datetime) -> list[Event]:
    """Seasons whose confirmed exact date has come become `released` (one event each)."""
    raise NotImplementedError("issue 4")
