"""The JSON documents of `status --json` and `history --json` (shared with the web part),
and how a "Show S2" argument names a watched show and season."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from monitor.models import SeasonState, Watch

if TYPE_CHECKING:  # the CLI imports this module at start-up: no SQL stack for `--help`
    from monitor.state.repository import HistoryEntry


def iso_time(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.isoformat(timespec="seconds")


SEASON_SUFFIX = re.compile(r"\s*(?:S|season\s*)(\d{1,3})\s*$", re.IGNORECASE)


def resolve_show(text: str, watches: Sequence[Watch]) -> tuple[str, int | None] | None:
    """ "Wednesday S2", "wednesday season 2", an alias -> (show as watched, season or None).

    None when nothing in the watchlist answers to it.
    """

    def named(name: str) -> str | None:
        wanted = " ".join(name.split()).casefold()
        for watch in watches:
            if wanted in {" ".join(n.split()).casefold() for n in (watch.show, *watch.aliases)}:
                return watch.show
        return None

    whole = named(text)
    if whole is not None:
        return whole, None
    match = SEASON_SUFFIX.search(text)
    if match:
        show = named(text[: match.start()])
        if show is not None:
            return show, int(match.group(1))
    return None


def history_query(text: str, watches: Sequence[Watch]) -> tuple[str, int | None, bool]:
    """(show, season or None, watched?) for a `history SHOW` argument; a show no longer
    watched may still have stored history under its own name."""
    found = resolve_show(text, watches)
    if found is not None:
        return found[0], found[1], True
    match = SEASON_SUFFIX.search(text)
    name = SEASON_SUFFIX.sub("", text).strip() or text
    return name, int(match.group(1)) if match else None, False


def season_json(season: SeasonState) -> dict[str, Any]:
    """One watch of `status --json` (confirmed values top-level, `null` when unknown)."""
    return {
        "show": season.show,
        "season": season.season,
        "renewal": season.renewal,
        "release_date": season.release_date,
        "phase": season.phase,
        "updated_at": iso_time(season.updated_at),
        "reported": dict(season.reported),
        "evidence": {name: e.as_dict() for name, e in season.evidence.items()},
    }


def status_document(seasons: Sequence[SeasonState]) -> list[dict[str, Any]]:
    return [season_json(season) for season in seasons]


def history_json(entry: HistoryEntry) -> dict[str, Any]:
    """One change of `history --json`."""
    event = entry.event
    return {
        "at": iso_time(event.at),
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
