"""Source health: what `sources` shows, and when a failing source is worth one alert."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Engine, func
from sqlmodel import col, select

from monitor.config import mask_secret_url
from monitor.sources.base import Source
from monitor.state import db
from monitor.state.tables import ItemRow, SourceStateRow

# Consecutive failed checks before a source is reported as failing (one alert per streak).
FAILING_AFTER = 6

AlertKind = Literal["source_failing", "source_recovered"]


@dataclass(frozen=True)
class SourceHealth:
    name: str
    kind: str
    url: str  # masked when it carries credentials
    last_success: datetime | None = None
    last_error: str | None = None
    failures: int = 0
    next_check: datetime | None = None
    items_seen: int = 0
    last_status: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "url": self.url,
            "status": self.status,
            "last_success": _iso(self.last_success),
            "last_error": self.last_error,
            "failures": self.failures,
            "next_check": _iso(self.next_check),
            "items_seen": self.items_seen,
        }

    @property
    def status(self) -> str:
        """never polled | ok | failing (alerted) | error (retrying)."""
        if self.last_status is None and self.last_success is None and not self.failures:
            return "new"
        if self.failures >= FAILING_AFTER:
            return "failing"
        if self.failures:
            return "error"
        return "ok"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else _aware(moment).isoformat(timespec="seconds")


def _aware(value: Any) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(moment, datetime)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _opt(value: Any) -> datetime | None:
    return None if value is None else _aware(value)


def masked_url(url: str) -> str:
    """A source URL for display: credentials and token parameters hidden."""
    authority = url.split("://", 1)[-1].split("/", 1)[0]
    lowered = url.lower()
    secret_param = any(f"{k}=" in lowered for k in ("token", "key", "secret", "password"))
    return mask_secret_url(url) if "@" in authority or secret_param else url


def source_health(engine: Engine, sources: Iterable[Source]) -> list[SourceHealth]:
    """One row per configured source, joined with what the store remembers about it."""
    with db.reading(engine) as session:
        states = {row.name: row for row in session.exec(select(SourceStateRow)).all()}
        rows = session.exec(
            select(ItemRow.source, func.count()).group_by(col(ItemRow.source))
        ).all()
        items = {name: int(count) for name, count in rows}
    out = []
    for source in sources:
        row = states.get(source.name)
        out.append(
            SourceHealth(
                name=source.name,
                kind=source.kind,
                url=masked_url(source.url),
                last_success=_opt(row.last_success) if row else None,
                last_error=row.last_error if row else None,
                failures=int(row.failures or 0) if row else 0,
                next_check=_opt(row.next_check) if row else None,
                items_seen=items.get(source.name, 0),
                last_status=row.last_status if row else None,
            )
        )
    return out


def alert_transition(failures: int, alerted: bool) -> AlertKind | None:
    """Pure: one `source_failing` when a streak reaches the threshold, one recovery after."""
    if failures >= FAILING_AFTER and not alerted:
        return "source_failing"
    if failures == 0 and alerted:
        return "source_recovered"
    return None


def reschedule(engine: Engine, names: Iterable[str], now: datetime) -> int:
    """Make sources due now (their interval changed: the next check follows the new one)."""
    wanted = sorted(set(names))
    if not wanted:
        return 0
    with db.writing(engine) as session:
        rows = session.exec(
            select(SourceStateRow).where(col(SourceStateRow.name).in_(wanted))
        ).all()
        for row in rows:
            row.next_check = now
            session.add(row)
        return len(rows)


def failures_of(engine: Engine, name: str) -> tuple[int, str | None]:
    """The stored consecutive failures and last error of one source (0 when never polled)."""
    with db.reading(engine) as session:
        row = session.get(SourceStateRow, name)
    if row is None:
        return 0, None
    return int(row.failures or 0), row.last_error


def _relative(moment: datetime | None, now: datetime, *, due: bool = False) -> str:
    if moment is None:
        return "due" if due else "-"
    if due and moment <= now:
        return "due"
    seconds = int((moment - now).total_seconds())
    span = abs(seconds)
    text = (
        f"{span}s"
        if span < 120
        else f"{span // 60}m"
        if span < 7200
        else f"{span // 3600}h"
        if span < 172800
        else f"{span // 86400}d"
    )
    return f"in {text}" if seconds > 0 else ("now" if span < 1 else f"{text} ago")


def render_table(rows: list[SourceHealth], now: datetime) -> list[str]:
    """The human-readable `sources` listing: one aligned line per source."""
    if not rows:
        return ["no sources configured (add [[feeds]] or [[watch]] entries)"]
    header = ("SOURCE", "KIND", "STATUS", "FAIL", "LAST OK", "NEXT", "ITEMS", "LAST ERROR")
    table_rows = [
        (
            row.name,
            row.kind,
            row.status,
            str(row.failures),
            _relative(row.last_success, now),
            _relative(row.next_check, now, due=True),
            str(row.items_seen),
            (row.last_error or "")[:80] if row.failures else "",
        )
        for row in rows
    ]
    widths = [max(len(r[i]) for r in (header, *table_rows)) for i in range(len(header) - 1)]
    return [
        (
            "  ".join(cell.ljust(width) for cell, width in zip(r[:-1], widths, strict=True))
            + ("  " + r[-1] if r[-1] else "")
        ).rstrip()
        for r in (header, *table_rows)
    ]
