"""TVmaze: structured season data (announced, dated, aired, ended) for one watched show."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from monitor.models import (
    ClaimField,
    Observation,
    PollStatus,
    SourcePoll,
    SourceState,
    Trust,
    Watch,
)
from monitor.sources.http import unusable_body
from monitor.sources.netflix import normalise_title

if TYPE_CHECKING:
    from monitor.sources.http import Fetcher

KIND = "tvmaze"
PUBLISHER = "TVmaze"
ACCEPT = "application/json"
# TVmaze's API answers with Cache-Control max-age=3600 and asks clients not to poll faster.
MIN_INTERVAL = timedelta(hours=1)
_SHOW_PATH = re.compile(r"/shows/(\d+)(?:[/?]|$)")


class ShapeError(ValueError):
    """The TVmaze answer is not a show object."""


def show_url(base_url: str, show_id: int) -> str:
    return f"{base_url.rstrip('/')}/shows/{show_id}?embed=seasons"


def search_url(base_url: str, query: str) -> str:
    return (
        f"{base_url.rstrip('/')}/singlesearch/shows?{urlencode({'q': query, 'embed': 'seasons'})}"
    )


def id_from_url(url: str | None, base_url: str) -> int | None:
    """The show id remembered in a stored `/shows/{id}` URL of this base URL."""
    if not url or not url.startswith(base_url.rstrip("/") + "/"):
        return None
    m = _SHOW_PATH.search(url[len(base_url.rstrip("/")) :])
    return int(m[1]) if m else None


@dataclass(frozen=True)
class Season:
    number: int
    premiere: date | None
    url: str | None
    season_id: int | None


@dataclass(frozen=True)
class Show:
    show_id: int
    name: str
    status: str
    ended: date | None
    url: str | None
    updated: datetime | None
    seasons: tuple[Season, ...]


def _day(value: object) -> date | None:
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_show(payload: object) -> Show:
    """The fields release-monitor reads from `/shows/{id}?embed=seasons`."""
    if not isinstance(payload, dict):
        raise ShapeError("TVmaze: unexpected response shape: expected a show object")
    show_id, name = payload.get("id"), payload.get("name")
    if not isinstance(show_id, int) or isinstance(show_id, bool) or not isinstance(name, str):
        raise ShapeError('TVmaze: unexpected response shape: no show "id" and "name"')
    embedded = payload.get("_embedded")
    raw_seasons = embedded.get("seasons") if isinstance(embedded, dict) else None
    if not isinstance(raw_seasons, list):
        raise ShapeError(
            "TVmaze: unexpected response shape: no _embedded.seasons (request ?embed=seasons)"
        )
    seasons = []
    for entry in raw_seasons:
        number = entry.get("number") if isinstance(entry, dict) else None
        if not isinstance(number, int) or isinstance(number, bool):
            continue
        url = entry.get("url")
        season_id = entry.get("id")
        seasons.append(
            Season(
                number=number,
                premiere=_day(entry.get("premiereDate")),
                url=url if isinstance(url, str) else None,
                season_id=season_id if isinstance(season_id, int) else None,
            )
        )
    updated = payload.get("updated")
    url = payload.get("url")
    return Show(
        show_id=show_id,
        name=name,
        status=str(payload.get("status") or ""),
        ended=_day(payload.get("ended")),
        url=url if isinstance(url, str) else None,
        updated=(
            datetime.fromtimestamp(updated, UTC)
            if isinstance(updated, int) and not isinstance(updated, bool) and updated > 0
            else None
        ),
        seasons=tuple(seasons),
    )


def observations_from_tvmaze(
    payload: dict[str, Any], watches: Sequence[Watch], now: datetime, *, source: str = KIND
) -> list[Observation]:
    """Claims TVmaze's season list makes about each watched season of this show.

    A listed season is renewed (TVmaze adds a season only once it is announced); its
    premiereDate is an exact date, and a past one means released. An "Ended" show without
    the watched season is cancelled only if it ended after the previous season aired: an
    "Ended" status older than that season says nothing about the next one.
    """
    show = parse_show(payload)
    today = now.astimezone(UTC).date()
    by_number = {s.number: s for s in show.seasons}
    out: list[Observation] = []

    def add(watch: Watch, field: ClaimField, value: str, url: str | None, text: str) -> None:
        out.append(
            Observation(
                show=watch.show,
                season=watch.season,
                field=field,
                value=value,
                trust=Trust.STRUCTURED,
                publisher=PUBLISHER,
                source=source,
                url=url,
                published=show.updated,
                seen_at=now,
                evidence=text,
                item_uid=f"tvmaze:{show.show_id}:{watch.season}:{field}:{value}",
            )
        )

    for watch in watches:
        season = by_number.get(watch.season)
        where = f'TVmaze lists "{show.name}" season {watch.season}'
        if season is not None:
            url = season.url or show.url
            if season.premiere is None:
                add(watch, "renewal", "renewed", url, f"{where} with no premiere date yet.")
                continue
            premiere = season.premiere.isoformat()
            add(watch, "renewal", "renewed", url, f"{where} (premiere {premiere}).")
            add(watch, "date", premiere, url, f"{where} premiering {premiere}.")
            if season.premiere < today:
                add(watch, "phase", "released", url, f"{where}: premiered {premiere}.")
            continue
        previous = by_number.get(watch.season - 1)
        if (
            show.status == "Ended"
            and show.ended is not None
            and previous is not None
            and previous.premiere is not None
            and previous.premiere <= show.ended <= today
        ):
            add(
                watch,
                "renewal",
                "cancelled",
                show.url,
                f'TVmaze marks "{show.name}" as Ended on {show.ended.isoformat()}, after '
                f"season {previous.number}, with no season {watch.season}.",
            )
    return out


def name_mismatch(watch: Watch, found_name: str, show_id: int) -> str | None:
    """A warning when TVmaze's best match for a title is not that title (nor an alias)."""
    wanted = {normalise_title(t) for t in (watch.show, *watch.aliases)}
    if normalise_title(found_name) in wanted:
        return None
    return (
        f'TVmaze matched "{watch.show}" to "{found_name}" (id {show_id}, '
        f"https://www.tvmaze.com/shows/{show_id}); if that is the wrong show, set "
        f"tvmaze_id = <the right id> in its [[watch]] entry"
    )


@dataclass(frozen=True)
class Lookup:
    show_id: int | None
    name: str | None
    error: str | None = None


def lookup_show(fetcher: Fetcher, base_url: str, watch: Watch, now: datetime) -> Lookup:
    """One `/singlesearch/shows` request (for `check`): the id and name TVmaze finds."""
    result = fetcher.fetch(
        search_url(base_url, watch.show), SourceState(), now, interval=MIN_INTERVAL, accept=ACCEPT
    )
    if result.status != "ok" or result.body is None:
        return Lookup(None, None, _fetch_error(watch.show, result.http_status, result.error))
    try:
        show = parse_show(json.loads(result.body))
    except (ValueError, UnicodeDecodeError) as exc:
        return Lookup(None, None, str(exc))
    return Lookup(show.show_id, show.name)


def lookup_warnings(
    fetcher: Fetcher, base_url: str, watches: Sequence[Watch], now: datetime
) -> list[str]:
    """For `check`: one lookup per show without a `tvmaze_id`; a warning for each show TVmaze
    does not know or knows under another name."""
    out: list[str] = []
    for source in tvmaze_sources(base_url, watches, MIN_INTERVAL):
        if source.configured_id:
            continue
        watch = source.watches[0]
        found = lookup_show(fetcher, base_url, watch, now)
        if found.error:
            out.append(found.error)
        elif found.show_id is not None and found.name is not None:
            warning = name_mismatch(watch, found.name, found.show_id)
            if warning:
                out.append(warning)
    return out


def _fetch_error(show: str, http_status: int | None, error: str | None) -> str:
    if http_status == 404:
        return (
            f'TVmaze knows no show called "{show}": set tvmaze_id in its [[watch]] entry '
            f"(find it on https://www.tvmaze.com), or add an alias TVmaze uses"
        )
    return f'TVmaze look-up of "{show}": {error or "fetch failed"}'


class TvmazeSource:
    """One show on TVmaze, serving every watched season of it."""

    def __init__(
        self,
        base_url: str,
        watches: Sequence[Watch],
        interval: timedelta,
        show_id: int | None = None,
    ) -> None:
        if not watches:
            raise ValueError("a TVmaze source needs at least one watch")
        self.base_url = base_url.rstrip("/")
        self.watches = tuple(watches)
        self.show = self.watches[0].show
        self.configured_id = show_id or next(
            (w.tvmaze_id for w in self.watches if w.tvmaze_id), None
        )
        self._interval = max(interval, MIN_INTERVAL)
        self._found_id: int | None = None

    @property
    def name(self) -> str:
        return f"{KIND}:{self.show}"

    @property
    def kind(self) -> str:
        return KIND

    @property
    def show_id(self) -> int | None:
        return self.configured_id or self._found_id

    @property
    def url(self) -> str:
        show_id = self.show_id
        return show_url(self.base_url, show_id) if show_id else search_url(self.base_url, self.show)

    @property
    def interval(self) -> timedelta:
        return self._interval

    @property
    def trust(self) -> Trust | None:
        return Trust.STRUCTURED

    def _prepare(self, state: SourceState) -> tuple[int | None, SourceState]:
        """Which show to read, and the state to fetch it with.

        A looked-up id is remembered as the stored URL, so a restart does not search again;
        a configured `tvmaze_id` always wins over it.
        """
        remembered = id_from_url(state.url, self.base_url)
        if self.configured_id:
            if remembered not in (None, self.configured_id):
                state = _forget(state)
            return self.configured_id, state
        if remembered:
            self._found_id = remembered
            return remembered, state
        if state.url:  # a stale URL from another base_url: search again
            state = _forget(state)
        return None, state

    def poll(self, fetcher: Fetcher, state: SourceState, now: datetime) -> SourcePoll:
        show_id, state = self._prepare(state)
        searching = show_id is None
        url = (
            search_url(self.base_url, self.show)
            if searching
            else show_url(self.base_url, show_id or 0)
        )
        try:
            result = fetcher.fetch(url, state, now, interval=self._interval, accept=ACCEPT)
        except Exception as exc:  # the contract says poll never raises
            return unusable_body(self.name, state, state, now, self._interval, f"TVmaze: {exc}")
        if result.status == "error":
            message = (
                _fetch_error(self.show, result.http_status, result.error)
                if searching
                else f"TVmaze: {result.error or 'fetch failed'}"
            )
            return SourcePoll(self.name, "error", result.state, error=message)
        if result.status != "ok" or result.body is None:
            status: PollStatus = "not_modified" if result.status == "not_modified" else "unchanged"
            return SourcePoll(self.name, status, result.state)
        try:
            payload = json.loads(result.body)
            observations = observations_from_tvmaze(payload, self.watches, now, source=self.name)
            show = parse_show(payload)
        except (ValueError, UnicodeDecodeError) as exc:
            message = str(exc) if isinstance(exc, ShapeError) else f"TVmaze: not JSON ({exc})"
            return unusable_body(self.name, state, result.state, now, self._interval, message[:300])
        new_state = result.state
        warnings: tuple[str, ...] = ()
        if searching:
            self._found_id = show.show_id
            # Remember the id; the search's validators do not apply to the show URL.
            new_state = replace(_forget(new_state), url=show_url(self.base_url, show.show_id))
            warning = name_mismatch(self.watches[0], show.name, show.show_id)
            warnings = (warning,) if warning else ()
        return SourcePoll(
            self.name, "ok", new_state, observations=tuple(observations), warnings=warnings
        )


def _forget(state: SourceState) -> SourceState:
    """The state without what belonged to another URL (validators, body hash, redirect)."""
    return replace(
        state, url=None, redirected_from=None, etag=None, last_modified=None, body_hash=None
    )


def tvmaze_sources(
    base_url: str, watches: Sequence[Watch], interval: timedelta
) -> list[TvmazeSource]:
    """One source per distinct show among the watches (several seasons share one fetch)."""
    groups: dict[str, list[Watch]] = {}
    for watch in watches:
        groups.setdefault(" ".join(watch.show.split()).casefold(), []).append(watch)
    return [TvmazeSource(base_url, group, interval) for group in groups.values()]
