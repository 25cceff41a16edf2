"""The JSON documents of `status --json` and `history --json`, shared with the web part."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from monitor.models import SeasonState
from monitor.state.repository import HistoryEntry


def season_json(season: SeasonState) -> dict[str, Any]:
    """One watch of `status --json` (confirmed values top-level, `null` when unknown)."""
    return {
        "show": season.show,
        "season": season.season,
        "renewal": season.renewal,
        "release_date": season.release_date,
        "phase": season.phase,
        "updated_at": season.updated_at.isoformat() if season.updated_at else None,
        "reported": dict(season.reported),
        "evidence": {name: e.as_dict() for name, e in season.evidence.items()},
    }


def status_document(seasons: Sequence[SeasonState]) -> list[dict[str, Any]]:
    return [season_json(season) for season in seasons]


def history_json(entry: HistoryEntry) -> dict[str, Any]:
    """One change of `history --json`."""
    event = entry.event
    return {
        "at": event.at.isoformat() if event.at else None,
        "show": event.show,
        "season": event.season,
        "kind": event.kind,
        "old": event.old,
        "new": event.new,
        "detail": event.detail,
        "sources": list(event.sources),
        "link": event.link,
        "notified": not entry.silent,
    }


def history_document(entries: Sequence[HistoryEntry]) -> list[dict[str, Any]]:
    return [history_json(entry) for entry in entries]
