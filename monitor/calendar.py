"""An .ics calendar of the watched seasons' premiere dates, for calendar apps to subscribe to."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import icalendar

from monitor.config import Config
from monitor.models import Evidence, SeasonState
from monitor.notify.render import safe_link
from monitor.sanitize import printable
from monitor.state.windows import describe, window

if TYPE_CHECKING:
    from monitor.state.repository import Repository

PRODID = "-//release-monitor//release-monitor//EN"
CALENDAR_NAME = "release-monitor"
# Fixed namespace: the UID of a season must never change between runs or versions, so calendar
# apps update the event when a date moves instead of adding a second one.
UID_NAMESPACE = uuid.UUID("6f0d3c5e-3b1a-5d8e-9a51-2c1f0e7b9d41")
UID_DOMAIN = "release-monitor"
# Subscribed calendars re-read the file this often (Apple, Outlook and Google honour one of them).
REFRESH = "PT1H"

# Precisions placed as tentative events. A bare year is left out: an event on 1 January would
# look like a date nobody gave.
TENTATIVE: frozenset[str] = frozenset({"month", "season", "quarter", "half"})


@dataclass(frozen=True)
class DateWindow:
    """A release-date value (DESIGN.md §3 encoding) as the days it covers."""

    start: date
    end: date  # inclusive
    exact: bool
    label: str  # "Friday 29 January 2027", "March 2027", "spring 2027"


def date_window(value: str | None) -> DateWindow | None:
    """Where a date value goes on a calendar; None for a year, `unannounced` or junk.

    Windows come from the state stage (`monitor.state.windows`), so "winter 2027" means the
    same thing here as in the merge rules and the messages.
    """
    found = window(value)
    if value is None or found is None:
        return None
    if found.precision == "day":
        return DateWindow(found.start, found.end, True, describe(value))
    if found.precision not in TENTATIVE:
        return None
    label = describe(value)
    if found.precision == "quarter":
        label = f"{value[5:]} {value[:4]}"  # "Q1 2027" fits a title better than words
    elif found.precision == "half":
        label = label.removeprefix("the ")
    return DateWindow(found.start, found.end, False, label)


def season_uid(show: str, season: int) -> str:
    """Stable per show and season, independent of the date and of letter case."""
    key = f"{' '.join(show.split()).casefold()}\x1f{season}"
    return f"{uuid.uuid5(UID_NAMESPACE, key)}@{UID_DOMAIN}"


def _evidence(state: SeasonState) -> Evidence | None:
    # The state stage keys evidence by state field; tolerate the claim-field name too.
    return state.evidence.get("release_date") or state.evidence.get("date")


def _description(state: SeasonState, window: DateWindow, evidence: Evidence | None) -> str:
    what = "Premiere" if window.exact else "Expected premiere (not an exact date yet)"
    lines = [f"{state.show}, season {state.season}. {what}: {window.label}."]
    if evidence is not None:
        more = f" + {evidence.more} more" if evidence.more else ""
        lines.append(f"Source: {evidence.publisher} ({evidence.trust.label}){more}.")
        if evidence.text:
            lines.append(f"“{evidence.text.strip()}”")
        if evidence.url:
            lines.append(evidence.url)
    lines.append("Kept up to date by release-monitor.")
    # RFC 5545 forbids control characters; bidi overrides would disguise a link.
    return printable("\n".join(lines))


def season_event(state: SeasonState, now: datetime) -> icalendar.Event | None:
    """One all-day VEVENT for a season with a confirmed date, or None when there is nothing to
    place (no date, a bare year, `unannounced`, or a cancelled season)."""
    if state.renewal == "cancelled":
        return None
    window = date_window(state.release_date)
    if window is None:
        return None
    evidence = _evidence(state)
    label = printable(f"{state.show} S{state.season}", keep_newlines=False)
    event = icalendar.Event()
    event.add("uid", season_uid(state.show, state.season))
    # DTSTAMP is the time the information last changed, so an unchanged state writes an
    # identical file (sync tools and HTTP caches then see no change).
    stamp = (state.updated_at or now).astimezone(UTC).replace(microsecond=0)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("dtstart", window.start)
    # One day even for a window: a three-month block would cover the whole calendar.
    event.add("dtend", window.start + timedelta(days=1))
    if window.exact:
        event.add("summary", f"{label} premiere")
        event.add("status", "CONFIRMED")
    else:
        event.add("summary", f"{label} (expected {window.label})")
        event.add("status", "TENTATIVE")
    event.add("transp", "TRANSPARENT")
    event.add("description", _description(state, window, evidence))
    if evidence is not None and evidence.url:
        link = safe_link(evidence.url)
        if link:
            event.add("url", link)
    return event


def render_calendar(seasons: Sequence[SeasonState], now: datetime) -> bytes:
    """The whole .ics file: one event per dated season, ordered by show and season."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", CALENDAR_NAME)
    cal.add("x-wr-caldesc", "Premiere dates of the TV seasons you watch")
    cal.add("x-published-ttl", REFRESH)
    cal["refresh-interval"] = icalendar.vDuration(timedelta(hours=1))
    cal["refresh-interval"].params["VALUE"] = "DURATION"
    for state in sorted(seasons, key=lambda s: (s.show.casefold(), s.season)):
        event = season_event(state, now)
        if event is not None:
            cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def write_calendar(
    path: str | os.PathLike[str], seasons: Sequence[SeasonState], now: datetime
) -> Path:
    """Render and replace `path` atomically: a reader never sees half a file."""
    target = Path(path)
    data = render_calendar(seasons, now)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600; a served or synced calendar must stay readable as before.
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def calendar_path(config: Config) -> Path | None:
    """`[calendar] path`, relative to the config file's folder; None when not configured."""
    if not config.calendar.path:
        return None
    path = Path(config.calendar.path).expanduser()
    return path if path.is_absolute() else Path(config.base_dir) / path


def refresh_calendar(config: Config, repo: Repository, now: datetime) -> Path | None:
    """Rewrite the configured calendar file from the stored states (the daemon calls this
    after a poll that changed something, and once at start)."""
    path = calendar_path(config)
    if path is None:
        return None
    return write_calendar(path, repo.seasons(config.watches), now)
