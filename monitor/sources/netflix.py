"""Netflix Media Center upcoming titles: an official date for a watched season, by exact name."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from monitor.models import Observation, PollStatus, SourcePoll, SourceState, Trust, Watch
from monitor.sources.http import unusable_body

if TYPE_CHECKING:
    from monitor.sources.http import Fetcher

KIND = "netflix"
PUBLISHER = "Netflix"
ACCEPT = "application/json, text/plain;q=0.5, */*;q=0.1"
SHAPE_ERROR = "Netflix Media Center: unexpected response shape"

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_NUM = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
# Media Center names: "Title: Season 2", "Title Season 2", "Title: Part 2", "Title: Volume 2",
# "Title: Season 3 Part 2", "Title: Season 3: Volume 1". Applied to the normalised name.
_SUFFIX = re.compile(
    rf"^(?P<title>.+?)\s+(?:(?:season|series)\s+{_NUM})?"
    rf"\s*(?:(?:part|volume|vol)\s+{_NUM})?$"
)
_NOT_SERIES = frozenset({"movie", "film", "feature", "special", "documentary film"})


class ShapeError(ValueError):
    """The Media Center answered with something other than the list it used to serve."""


def normalise_title(text: str) -> str:
    """Casefolded words only: "All of Us Are Dead: Season 2" -> "all of us are dead season 2"."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    text = re.sub(r"['’`]", "", text)  # "Grey's" == "Greys"
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _number(token: str | None) -> int | None:
    if token is None:
        return None
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]


@dataclass(frozen=True)
class TitleParts:
    title: str  # normalised
    season: int | None
    part: int | None


def split_title(name: str) -> TitleParts:
    """Split a Media Center name into the normalised show title, season and part."""
    norm = normalise_title(name)
    m = _SUFFIX.match(norm)
    if m is None or (m[2] is None and m[3] is None):
        return TitleParts(norm, None, None)
    return TitleParts(m["title"], _number(m[2]), _number(m[3]))


def matches(watch: Watch, name: str) -> bool:
    """Is this Media Center title the watched season? Exact title, never a substring.

    "Part N"/"Volume N" counts only for a watch with `part = N`; a bare title (a new series)
    only for a season-1 watch; a later part of a season is not that season's premiere.
    """
    parts = split_title(name)
    titles = {normalise_title(t) for t in (watch.show, *watch.aliases)}
    return parts.title in titles and _same_season(watch, parts)


def _same_season(watch: Watch, parts: TitleParts) -> bool:
    if parts.season is None and parts.part is None:
        return watch.season == 1 and watch.part is None
    if parts.season is None:  # "Title: Part 2"
        return watch.part is not None and parts.part == watch.part
    if parts.season != watch.season:
        return False
    return parts.part in (None, 1) or parts.part == watch.part


def _items(payload: object) -> list[dict[str, Any]]:
    if not isinstance(payload, dict):
        raise ShapeError(f"{SHAPE_ERROR}: expected a JSON object, got {_kind(payload)}")
    items = payload.get("items")
    if not isinstance(items, list):
        keys = ", ".join(sorted(str(k) for k in payload)[:8]) or "none"
        raise ShapeError(f'{SHAPE_ERROR}: no "items" list (top-level keys: {keys})')
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise ShapeError(f"{SHAPE_ERROR}: items[{index}] is {_kind(item)}, not an object")
        missing = [k for k in ("name", "sortDate") if k not in item]
        if missing:
            raise ShapeError(
                f"{SHAPE_ERROR}: items[{index}] has no {' or '.join(missing)} "
                f"(keys: {', '.join(sorted(str(k) for k in item)[:8])})"
            )
    return items


def _kind(value: object) -> str:
    names: dict[type, str] = {dict: "an object", list: "a list", str: "a string"}
    return names.get(type(value), type(value).__name__)


def parse_sort_date(value: object) -> date | None:
    """sortDate as "2027-01-29", "2027-01-29T08:00:00Z" or epoch milliseconds."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 10**11 else value
        try:
            return datetime.fromtimestamp(seconds, UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}(?:$|[T ])", value.strip()):
        # The calendar date as Netflix wrote it; converting to UTC could move it a day.
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def observations_from_netflix(
    payload: object,
    watches: Sequence[Watch],
    now: datetime,
    *,
    source: str = KIND,
    url: str | None = None,
) -> list[Observation]:
    """Official date claims for the watched seasons listed in a Media Center payload.

    Raises ShapeError when the payload is not `{"items": [{"name", "sortDate", ...}]}`.
    """
    # Index the listing by normalised title once: cost grows with items + watches, not both.
    by_title: dict[str, list[tuple[TitleParts, dict[str, Any]]]] = {}
    for item in _items(payload):
        name = item.get("name")
        kind = str(item.get("type") or "").strip().casefold()
        if isinstance(name, str) and kind not in _NOT_SERIES:
            parts = split_title(name)
            by_title.setdefault(parts.title, []).append((parts, item))
    out: list[Observation] = []
    for watch in watches:
        titles = dict.fromkeys(normalise_title(t) for t in (watch.show, *watch.aliases))
        listed = [
            (parts, item)
            for title in titles
            for parts, item in by_title.get(title, ())
            if _same_season(watch, parts)
        ]
        for _parts, item in listed:
            day = parse_sort_date(item.get("sortDate"))
            if day is None:
                continue
            out.append(_observation(watch, item, day, now, source, url))
            break  # one claim per watch: the first dated listing of it
    return out


def _observation(
    watch: Watch, item: dict[str, Any], day: date, now: datetime, source: str, url: str | None
) -> Observation:
    name = item["name"]
    link = item.get("url") if isinstance(item.get("url"), str) else None
    if not (link and re.match(r"https?://", link)):
        link = url
    value = day.isoformat()
    return Observation(
        show=watch.show,
        season=watch.season,
        field="date",
        value=value,
        trust=Trust.OFFICIAL,
        publisher=PUBLISHER,
        source=source,
        url=link,
        # First sight of the listing: the repository keeps the first copy of an observation
        # (same value, publisher, url, item_uid), so a re-read listing is not re-dated.
        published=now,
        seen_at=now,
        evidence=f'Netflix Media Center lists "{name}" for {value}.',
        item_uid=f"netflix:{item.get('id', name)}:{value}",
    )


class NetflixSource:
    """The Media Center upcoming list, polled once for every watch."""

    def __init__(self, base_url: str, watches: Sequence[Watch], interval: timedelta) -> None:
        self._url = base_url
        self.watches = tuple(watches)
        self._interval = interval

    @property
    def name(self) -> str:
        return KIND

    @property
    def kind(self) -> str:
        return KIND

    @property
    def url(self) -> str:
        return self._url

    @property
    def interval(self) -> timedelta:
        return self._interval

    @property
    def trust(self) -> Trust | None:
        return Trust.OFFICIAL

    def poll(self, fetcher: Fetcher, state: SourceState, now: datetime) -> SourcePoll:
        try:
            result = fetcher.fetch(self._url, state, now, interval=self._interval, accept=ACCEPT)
        except Exception as exc:  # the contract says poll never raises
            return unusable_body(
                self.name, state, state, now, self._interval, f"Netflix Media Center: {exc}"
            )
        if result.status == "error":
            message = result.error or "fetch failed"
            return SourcePoll(
                self.name, "error", result.state, error=f"Netflix Media Center: {message}"
            )
        if result.status != "ok" or result.body is None:
            status: PollStatus = "not_modified" if result.status == "not_modified" else "unchanged"
            return SourcePoll(self.name, status, result.state)
        try:
            payload = json.loads(result.body)
        except (ValueError, UnicodeDecodeError) as exc:
            return unusable_body(
                self.name,
                state,
                result.state,
                now,
                self._interval,
                f"{SHAPE_ERROR}: not JSON ({str(exc)[:120]})",
            )
        try:
            found = observations_from_netflix(
                payload, self.watches, now, source=self.name, url=result.final_url or self._url
            )
        except ShapeError as exc:
            return unusable_body(self.name, state, result.state, now, self._interval, str(exc))
        return SourcePoll(self.name, "ok", result.state, observations=tuple(found))
