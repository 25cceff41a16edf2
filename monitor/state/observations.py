"""Seasons: their observations, merged state, the events a change makes, and baselines.

A poll stores many sources; what every source would read again (the watched seasons, which
sources have answered) is read once per cycle (`Cycle`) and baselines are finished once at
its end. Rows are written with Core bulk statements; ORM objects only for the few seasons a
source has news about.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, bindparam, func, insert, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from monitor.models import (
    Event,
    Evidence,
    Item,
    ItemNotes,
    Observation,
    SeasonState,
    SourceState,
    Trust,
    Watch,
)
from monitor.state import db
from monitor.state.items import ItemStore, watches_hash, write_items
from monitor.state.merge import Merge, merge
from monitor.state.notes import NoteStore
from monitor.state.outbox import OutboxStore, Routing
from monitor.state.source_state import (
    SOURCES,
    Answered,
    SourceStateStore,
    has_reported,
)
from monitor.state.tables import (
    EventRow,
    NoticeRow,
    ObservationRow,
    SeasonRow,
)

OBSERVATIONS = ObservationRow.__table__  # type: ignore[attr-defined]
SEASONS = SeasonRow.__table__  # type: ignore[attr-defined]
NOTICES = NoticeRow.__table__  # type: ignore[attr-defined]
EVENTS = EventRow.__table__  # type: ignore[attr-defined]
_CHUNK = 500
# The season columns a merge changes, written back in one statement per poll.
_MERGED = ("renewal", "release_date", "phase", "updated_at", "reported", "evidence", "revision")


@dataclass
class Season:
    """One `season` row as a plain object (building ORM objects cost more than the rest of a
    source's write); `_write_seasons` writes the merged columns back."""

    id: int
    show: str
    season: int
    created_at: datetime
    renewal: str | None = None
    release_date: str | None = None
    phase: str | None = None
    updated_at: datetime | None = None
    baseline: bool = True
    active: bool = True
    revision: int = 0
    reported: str = "{}"
    evidence: str = "{}"


def _season(row: Any) -> Season:
    return Season(**row._asdict())


def _load_seasons(session: Session, ids: Sequence[int]) -> dict[int, Season]:
    """Season rows by id as plain objects (Core, outside the ORM session: nothing is
    flushed behind the caller's back; `_write_seasons` writes them)."""
    out: dict[int, Season] = {}
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), _CHUNK):
        found = session.connection().execute(
            core_select(SEASONS).where(SEASONS.c.id.in_(ids[start : start + _CHUNK]))
        )
        out.update({r.id: _season(r) for r in found})
    return out


def _write_seasons(session: Session, rows: Sequence[Season]) -> None:
    """Write the merged columns of these seasons back, one executemany."""
    if not rows:
        return
    session.connection().execute(
        update(SEASONS)
        .where(SEASONS.c.id == bindparam("row_id"))
        .values({name: bindparam(f"new_{name}") for name in _MERGED}),
        [{"row_id": r.id, **{f"new_{n}": getattr(r, n) for n in _MERGED}} for r in rows],
    )


@dataclass(frozen=True)
class HistoryEntry:
    event: Event
    silent: bool  # recorded during the baseline: history, never sent


@dataclass
class Cycle:
    """What one poll reads once instead of once per source (a cache, dropped after it).

    A source's read is a season's backlog (recorded silently) when the source had not been
    read since the season was created or re-activated: `last_read` (each source is stored
    once per cycle, so this is its read before the one being stored) against the season's
    `created_at`. `season_ids` is filled by the first write of the cycle, which creates the
    rows of new watches.
    """

    watches: tuple[Watch, ...]
    watch_hash: str
    last_read: dict[str, datetime]
    # The latest created_at of the watched seasons; None when a watch has no active season
    # yet (every source must then read in full).
    newest: datetime | None
    season_ids: dict[tuple[str, int], int] | None = None
    all_sources: tuple[str, ...] = ()
    open_notices: frozenset[str] = dataclass_field(default_factory=frozenset)
    _watch_of: dict[tuple[str, int], Watch] | None = None

    def watch_of(self) -> dict[tuple[str, int], Watch]:
        """Each watch by its (show, season), built once per cycle rather than per source."""
        if self._watch_of is None:
            self._watch_of = {w.key: w for w in self.watches}
        return self._watch_of

    def needs_full_read(self, source: str) -> bool:
        """Has this source a watched season to give its backlog for (so no conditional GET)?"""
        if not self.watches:
            return False
        read = self.last_read.get(source)
        return self.newest is None or read is None or read < self.newest


def first_read(last_read: datetime | None, created_at: datetime) -> bool:
    """Is a source's read, whose previous read was `last_read`, its first for a season
    created (or re-activated) at `created_at`? Then its news about it is backlog."""
    return last_read is None or last_read < created_at


@dataclass
class WriteBatch:
    """What the sources stored in one transaction share: the seasons and observations they
    touch, read once (a cache that lives as long as the transaction), and the rows they add,
    written by `ObservationStore.flush` in one statement per table."""

    seasons: dict[int, Season] = dataclass_field(default_factory=dict)
    known: dict[int, list[Observation]] = dataclass_field(default_factory=dict)
    seen: dict[int, set[tuple[str, str, str, str | None, str | None]]] = dataclass_field(
        default_factory=dict
    )
    fresh_items: list[dict[str, Any]] = dataclass_field(default_factory=list)
    edited_items: list[dict[str, Any]] = dataclass_field(default_factory=list)
    observations: list[dict[str, Any]] = dataclass_field(default_factory=list)
    silent_events: list[dict[str, Any]] = dataclass_field(default_factory=list)
    changed: dict[int, Season] = dataclass_field(default_factory=dict)
    released: set[int] = dataclass_field(default_factory=set)  # given a `released` event
    # Per source: its extraction notes, its season ids and the row ids of items read again.
    notes: list[tuple[str, tuple[ItemNotes, ...], Mapping[tuple[str, int], int], list[int]]] = (
        dataclass_field(default_factory=list)
    )

    def seen_keys(self, season_id: int) -> set[tuple[str, str, str, str | None, str | None]]:
        """The keys of the season's known observations (kept up to date by the caller)."""
        if season_id not in self.seen:
            self.seen[season_id] = {_obs_key(o) for o in self.known[season_id]}
        return self.seen[season_id]

    def clear(self) -> None:
        """Forget everything: the next transaction must read the seasons again."""
        for value in vars(self).values():
            value.clear()


# --- conversions -------------------------------------------------------------------------------


def _evidence_json(evidence: dict[str, Evidence]) -> str:
    return json.dumps({field: e.as_dict() for field, e in evidence.items()}, ensure_ascii=False)


def _evidence_from(text: str) -> dict[str, Evidence]:
    out = {}
    for field, e in json.loads(text or "{}").items():
        out[field] = Evidence(
            publisher=e["publisher"],
            trust=Trust.parse(e["trust"]),
            url=e.get("url"),
            published=datetime.fromisoformat(e["published"]) if e.get("published") else None,
            text=e.get("text", ""),
            more=int(e.get("more", 0)),
        )
    return out


def season_state(row: SeasonRow | Season) -> SeasonState:
    return SeasonState(
        show=row.show,
        season=row.season,
        renewal=row.renewal,
        release_date=row.release_date,
        phase=row.phase,
        updated_at=row.updated_at,
        reported=json.loads(row.reported or "{}"),
        evidence=_evidence_from(row.evidence),
    )


def _observation(row: Any, show: str, season: int) -> Observation:
    """An Observation from a Core row of the `observation` table."""
    return Observation(
        show=show,
        season=season,
        field=row.field,
        value=row.value,
        trust=Trust(row.trust),
        publisher=row.publisher,
        source=row.source,
        url=row.url,
        published=row.published,
        seen_at=row.seen_at,
        evidence=row.evidence,
        item_uid=row.item_uid,
    )


def _as_stored(obs: Observation) -> Observation:
    """An observation as `_observation` reads it back (UTC datetimes, Trust)."""
    return replace(
        obs,
        trust=Trust(int(obs.trust)),
        published=_utc(obs.published),
        seen_at=_utc(obs.seen_at) or obs.seen_at,
    )


def _utc(moment: datetime | None) -> datetime | None:
    """As `tables.UTCDateTime` stores and reads it back."""
    if moment is None:
        return None
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _obs_key(obs: Observation) -> tuple[str, str, str, str | None, str | None]:
    return (obs.field, obs.value, obs.publisher.casefold(), obs.url, obs.item_uid)


def _event(row: EventRow) -> Event:
    return Event(
        kind=row.kind,  # type: ignore[arg-type]  # stored from an EventKind
        show=row.show,
        season=row.season,
        old=row.old,
        new=row.new,
        sources=tuple(json.loads(row.sources or "[]")),
        link=row.link,
        detail=row.detail,
        at=row.at,
        extra=json.loads(row.extra or "{}"),
    )


def _observation_values(season_id: int, obs: Observation) -> dict[str, Any]:
    return {
        "season_id": season_id,
        "field": obs.field,
        "value": obs.value,
        "trust": int(obs.trust),
        "publisher": obs.publisher,
        "source": obs.source,
        "url": obs.url,
        "published": obs.published,
        "seen_at": obs.seen_at,
        "evidence": obs.evidence,
        "item_uid": obs.item_uid,
    }


class ObservationStore(ItemStore, NoteStore, SourceStateStore, OutboxStore):
    """Seasons, observations, events: the merge of one source's poll into the state."""

    engine: Engine

    # --- a cycle ----------------------------------------------------------------------------

    def start_cycle(
        self,
        watches: Sequence[Watch],
        all_sources: Sequence[str],
        *,
        only: Sequence[str] | None = None,
        notices: bool = True,
    ) -> Cycle:
        """Read once what every source of this poll needs (one query each); `only` limits
        the sources' read times to those named."""
        watches = tuple(watches)
        with db.reading(self.engine) as session:
            conn = session.connection()
            active = {
                (show, season): created
                for show, season, created in conn.execute(
                    core_select(SEASONS.c.show, SEASONS.c.season, SEASONS.c.created_at).where(
                        SEASONS.c.active
                    )
                )
            }
            created = [active.get(w.key) for w in watches]
            newest = None if None in created else max(created, default=None)  # type: ignore[type-var]
            last_read = self.last_reads(session, only)
            open_notices: frozenset[str] = frozenset()
            if notices:
                open_notices = frozenset(conn.execute(core_select(NOTICES.c.key)).scalars())
        return Cycle(
            watches,
            watches_hash(watches),
            last_read,
            newest,
            None,
            tuple(all_sources),
            open_notices,
        )

    def needs_full_read(self, source: str, watches: Sequence[Watch]) -> bool:
        """Must this source read its whole body (no conditional GET) for a watch it has not
        given its backlog for yet?

        A 304 or an unchanged body gives no items, so a new watch's backlog would stay unread
        until the feed next changes, and then come out as news. (A poll asks its `Cycle`.)
        """
        return self.start_cycle(watches, (), only=[source], notices=False).needs_full_read(source)

    def _ensure_seasons(
        self, session: Session, watches: Sequence[Watch], now: datetime
    ) -> dict[tuple[str, int], int]:
        """The season ids of the watchlist, rows created (in baseline) for new watches.

        Rows of watches no longer listed are marked inactive; one listed again goes back into
        baseline from `now`, since whatever was published while it was away was never read
        (every source's next read of it is backlog: see `first_read`). Core statements:
        one query, and a bulk insert or update only when the watchlist changed.
        """
        conn = session.connection()
        query = core_select(SEASONS.c.id, SEASONS.c.show, SEASONS.c.season, SEASONS.c.active)
        existing = {(show, season): (id_, on) for id_, show, season, on in conn.execute(query)}
        listed = {w.key for w in watches}
        gone = [id_ for key, (id_, on) in existing.items() if on and key not in listed]
        back = [existing[w.key][0] for w in watches if w.key in existing and not existing[w.key][1]]
        new = [key for key in dict.fromkeys(w.key for w in watches) if key not in existing]
        if not (gone or back or new):
            return {key: id_ for key, (id_, _on) in existing.items() if key in listed}
        session.flush()  # loaded season objects must not overwrite what changes below
        for start in range(0, len(gone), _CHUNK):
            conn.execute(
                update(SEASONS)
                .where(SEASONS.c.id.in_(gone[start : start + _CHUNK]))
                .values(active=False)
            )
        for start in range(0, len(back), _CHUNK):
            conn.execute(
                update(SEASONS)
                .where(SEASONS.c.id.in_(back[start : start + _CHUNK]))
                .values(active=True, baseline=True, created_at=now)
            )
        if new:
            conn.execute(
                insert(SEASONS),
                [{"show": show, "season": season, "created_at": now} for show, season in new],
            )
        for obj in list(session.identity_map.values()):
            if isinstance(obj, SeasonRow):
                session.expire(obj)
        ids = {(show, season): id_ for id_, show, season, _on in conn.execute(query)}
        return {key: ids[key] for key in listed}

    def _seasons(self, session: Session, watches: Sequence[Watch], now: datetime) -> list[Season]:
        """The season rows of the watchlist (plain objects: `_write_seasons`), in its order."""
        ids = self._ensure_seasons(session, watches, now)
        rows = _load_seasons(session, list(ids.values()))
        return [rows[ids[w.key]] for w in watches if w.key in ids]

    def _season_ids(
        self, session: Session, watches: Sequence[Watch], now: datetime, cycle: Cycle | None
    ) -> dict[tuple[str, int], int]:
        if cycle is not None and cycle.season_ids is not None:
            return cycle.season_ids
        ids = self._ensure_seasons(session, watches, now)
        if cycle is not None:
            cycle.season_ids = ids
        return ids

    def _known(
        self, session: Session, rows: Sequence[Season | SeasonRow]
    ) -> dict[int, list[Observation]]:
        """Every stored observation of these seasons, by season id, in the order read."""
        out: dict[int, list[Observation]] = {r.id or 0: [] for r in rows}
        names = {r.id: (r.show, r.season) for r in rows}
        ids = list(out)
        for start in range(0, len(ids), _CHUNK):
            found = session.connection().execute(
                core_select(OBSERVATIONS)
                .where(OBSERVATIONS.c.season_id.in_(ids[start : start + _CHUNK]))
                .order_by(OBSERVATIONS.c.id)
            )
            for r in found:
                show, season = names[r.season_id]
                out[r.season_id].append(_observation(r, show, season))
        return out

    def apply(
        self,
        session: Session,
        *,
        source: str,
        status: str,
        state: SourceState,
        items: Sequence[Item],
        observations: Sequence[Observation],
        watches: Sequence[Watch],
        routing: Routing,
        all_sources: Sequence[str],
        now: datetime,
        cycle: Cycle | None = None,
        notes: Sequence[ItemNotes] = (),
        batch: WriteBatch | None = None,
    ) -> list[Event]:
        """Record one source's poll: its state, seen items and their extraction notes,
        observations, merged seasons, events and outbox rows. Returns the events that will
        be announced.

        Within a `cycle` the caller finishes baselines once, at its end (`finish_baselines`);
        without one they are finished here. With a `batch` (several sources in this
        transaction) the bulk rows wait for the caller's `flush`; without one they are
        written before this returns.
        """
        own = batch is None
        batch = WriteBatch() if batch is None else batch
        # The source's previous read, before this one is recorded: what it has given its
        # backlog for (a season created since has not had it yet).
        if cycle is not None:
            last_read = cycle.last_read.get(source)
        else:
            last_read = self.last_reads(session, [source]).get(source)
        self.save_source(session, source, state, status, now)
        fresh_items, edited_items = self.item_rows(
            session, source, items, cycle.watch_hash if cycle else watches_hash(watches), now
        )
        batch.fresh_items += fresh_items
        batch.edited_items += edited_items
        ids = self._season_ids(session, watches, now, cycle)
        if notes or edited_items:
            # Written once the items are (the notes name their rows): at the batch's flush.
            reread = [e["row_id"] for e in edited_items]
            batch.notes.append((source, tuple(notes), ids, reread))
        watch_of = cycle.watch_of() if cycle else {w.key: w for w in watches}
        grouped: dict[tuple[str, int], list[Observation]] = {}
        for obs in observations:
            if (obs.show, obs.season) in ids:
                grouped.setdefault((obs.show, obs.season), []).append(obs)
        self._load_into(session, batch, [ids[key] for key in grouped])
        announced: list[Event] = []
        for key, new in grouped.items():
            row = batch.seasons[ids[key]]
            known = batch.known[row.id]
            seen = batch.seen_keys(row.id)
            fresh = []
            for obs in new:
                if _obs_key(obs) not in seen:
                    seen.add(_obs_key(obs))
                    fresh.append(obs)
            if not fresh:
                continue
            batch.observations += [_observation_values(row.id, obs) for obs in fresh]
            before = season_state(row)
            result = merge(before, known, fresh, now)
            known.extend(_as_stored(obs) for obs in fresh)  # as the next source reads them
            # Only news of seasons this source has given its backlog for is news.
            silent = first_read(last_read, row.created_at)
            announced += self._record(
                session,
                row,
                result,
                watch_of.get(key),
                routing,
                now,
                silent=silent,
                batch=batch,
            )
            batch.changed[row.id] = row
            if routing.wants_reports and not silent:
                announced += self._reports(
                    session, row, before, result.state, fresh, watch_of.get(key), routing, now
                )
        if own:
            self.flush(session, batch)
        if cycle is None:
            announced += self.finish_baselines(session, watches, routing, all_sources, now)
        return announced

    def _load_into(self, session: Session, batch: WriteBatch, ids: Sequence[int]) -> None:
        """Read the seasons (and their observations) of `ids` the batch has not read yet."""
        loaded = _load_seasons(session, [i for i in ids if i not in batch.seasons])
        batch.seasons.update(loaded)
        batch.known.update(self._known(session, list(loaded.values())))

    def flush(self, session: Session, batch: WriteBatch) -> None:
        """Write what a batch of sources holds back: one statement per table."""
        write_items(session, batch.fresh_items, batch.edited_items)
        for source, notes, ids, reread in batch.notes:
            self.save_notes(session, source, notes, ids, reread)
        conn = session.connection()
        if batch.observations:
            conn.execute(insert(OBSERVATIONS), batch.observations)
        if batch.silent_events:
            conn.execute(insert(EVENTS), batch.silent_events)
        _write_seasons(session, list(batch.changed.values()))
        batch.clear()

    def release_day(
        self, session: Session, watches: Sequence[Watch], routing: Routing, now: datetime
    ) -> list[Event]:
        """Seasons whose confirmed exact date has come become released (one event each)."""
        out: list[Event] = []
        watch_of = {w.key: w for w in watches}
        rows = [r for r in self._seasons(session, watches, now) if r.phase != "released"]
        rows = [r for r in rows if r.release_date]
        known = self._known(session, rows)
        for row in rows:
            result = merge(season_state(row), known[row.id], [], now)
            out += self._record(
                session,
                row,
                result,
                watch_of.get((row.show, row.season)),
                routing,
                now,
                silent=row.baseline,
            )
        _write_seasons(session, rows)
        return out

    def _record(
        self,
        session: Session,
        row: Season,
        result: Merge,
        watch: Watch | None,
        routing: Routing,
        now: datetime,
        *,
        silent: bool,
        batch: WriteBatch | None = None,
    ) -> list[Event]:
        """Put a merge result on `row` (the caller writes it: `_write_seasons`); its events are
        announced unless `silent` (a backlog: then into the `batch`, when given, for the
        caller to insert at once)."""
        state = result.state
        events = result.events
        if any(e.kind == "released" for e in events) and self._was_released(session, row, batch):
            # Announced once per season: a step back and a return (a re-derived release
            # after a part 2 report, say) change the state, not what users were told.
            events = tuple(e for e in events if e.kind != "released")
        row.renewal = state.renewal
        row.release_date = state.release_date
        row.phase = state.phase
        row.updated_at = state.updated_at
        row.reported = json.dumps(state.reported, ensure_ascii=False)
        row.evidence = _evidence_json(state.evidence)
        if events:
            row.revision += 1
        announced = []
        for found in events:
            event = found
            if found.kind == "released" and state.release_date:
                event = replace(found, extra={**found.extra, "release_date": state.release_date})
            self.add_event(
                session,
                event,
                key=f"{row.id}:{row.revision}:{event.kind}",
                watch=watch,
                routing=routing,
                now=now,
                silent=silent,
                row=row,
                pending=batch.silent_events if batch is not None else None,
            )
            if found.kind == "released" and batch is not None:
                batch.released.add(row.id)
            if not silent:
                announced.append(event)
        return announced

    def _reports(
        self,
        session: Session,
        row: Season,
        before: SeasonState,
        after: SeasonState,
        fresh: Sequence[Observation],
        watch: Watch | None,
        routing: Routing,
        now: datetime,
    ) -> list[Event]:
        """One labelled `reported` event per value a lesser outlet newly reports (for targets
        with `reported = true`); the confirmed alert still comes when it is confirmed."""
        out = []
        for field, value in sorted(after.reported.items()):
            if before.reported.get(field) == value:
                continue
            said = [o for o in fresh if o.field == field and o.value == value]
            if not said:  # surfaced by a change elsewhere, not reported by this poll
                continue
            lead = max(said, key=lambda o: (o.trust, o.published or o.seen_at))
            event = Event(
                kind="reported",
                show=row.show,
                season=row.season,
                old=_field_of(after, field),
                new=value,
                sources=(f"{lead.publisher} ({lead.trust.label})",),
                link=lead.url,
                detail=field,
                at=now,
                extra={"evidence": lead.evidence[:300]},
            )
            self.add_event(
                session,
                event,
                key=f"{row.id}:reported:{field}:{value}",
                watch=watch,
                routing=routing,
                now=now,
                row=row,
            )
            out.append(event)
        return out

    def _was_released(self, session: Session, row: Season, batch: WriteBatch | None) -> bool:
        if batch is not None and row.id in batch.released:  # its event is not written yet
            return True
        query = core_select(EVENTS.c.id).where(
            EVENTS.c.season_id == row.id, EVENTS.c.kind == "released"
        )
        return session.connection().execute(query.limit(1)).first() is not None

    def finish_baselines(
        self,
        session: Session,
        watches: Sequence[Watch],
        routing: Routing,
        all_sources: Sequence[str],
        now: datetime,
    ) -> list[Event]:
        """End the baseline of seasons every source has been polled for since they appeared.

        One query for the seasons in baseline, one for the sources; a poll calls it once.
        """
        conn = session.connection()
        in_baseline = core_select(SEASONS).where(SEASONS.c.baseline, SEASONS.c.active)
        pending = [_season(r) for r in conn.execute(in_baseline)]
        if not pending:
            return []
        answered = {
            name: Answered(last_attempt, last_success, int(failures or 0))
            for name, last_attempt, last_success, failures in conn.execute(
                core_select(
                    SOURCES.c.name,
                    SOURCES.c.last_attempt,
                    SOURCES.c.last_success,
                    SOURCES.c.failures,
                )
            )
        }
        watch_of = {w.key: w for w in watches}
        done: dict[datetime, bool] = {}  # seasons added together share one answer
        out = []
        for row in pending:
            if row.created_at not in done:
                done[row.created_at] = all(
                    has_reported(answered.get(name), row.created_at) for name in all_sources
                )
            if not done[row.created_at]:
                continue
            row.baseline = False
            conn.execute(update(SEASONS).where(SEASONS.c.id == row.id).values(baseline=False))
            if not routing.notify_baseline:
                continue
            event = tracking_event(season_state(row), now)
            self.add_event(
                session,
                event,
                # One summary per baseline: a watch re-added later gets a fresh one.
                key=f"{row.id}:tracking:{row.created_at.isoformat()}",
                watch=watch_of.get((row.show, row.season)),
                routing=routing,
                now=now,
                row=row,
            )
            out.append(event)
        return out

    def add_event(
        self,
        session: Session,
        event: Event,
        *,
        key: str,
        watch: Watch | None,
        routing: Routing,
        now: datetime,
        silent: bool = False,
        row: Season | None = None,
        pending: list[dict[str, Any]] | None = None,
    ) -> int | None:
        """Record one event and, unless silent, its outbox rows, in the caller's transaction.

        `key` makes the outbox rows idempotent (unique with each target); `row` is the
        event's season, looked up when not given (daemon notices have none). A silent event
        goes into `pending` when given (the caller inserts them at once; no id then).
        """
        conn = session.connection()
        season_id = row.id if row else None
        if row is None and event.season:
            season_id = conn.execute(
                core_select(SEASONS.c.id).where(
                    SEASONS.c.show == event.show, SEASONS.c.season == event.season
                )
            ).scalar()
        values = {
            "season_id": season_id,
            "kind": event.kind,
            "show": event.show,
            "season": event.season,
            "old": event.old,
            "new": event.new,
            "detail": event.detail,
            "sources": json.dumps(list(event.sources), ensure_ascii=False),
            "link": event.link,
            "at": event.at or now,
            "silent": silent,
            "extra": json.dumps(event.extra, ensure_ascii=False),
        }
        if silent and pending is not None:
            pending.append(values)
            return None
        key_of = conn.execute(insert(EVENTS).values(**values)).inserted_primary_key
        assert key_of is not None  # a single-row insert
        event_id = int(key_of[0])
        if not silent:
            self.enqueue(session, event_id, event, key, watch, routing, now)
        return event_id

    def seasons(self, watches: Sequence[Watch]) -> list[SeasonState]:
        """The state of every watched season, in watchlist order (empty if never polled)."""
        with db.reading(self.engine) as session:
            rows = {(r.show, r.season): r for r in session.exec(select(SeasonRow)).all()}
        return [
            season_state(rows[w.key]) if w.key in rows else SeasonState(w.show, w.season)
            for w in watches
        ]

    def observations(self, show: str, season: int) -> list[Observation]:
        """Every stored claim about one season, in the order it was read."""
        with db.reading(self.engine) as session:
            row = session.exec(
                select(SeasonRow).where(SeasonRow.show == show, SeasonRow.season == season)
            ).first()
            return [] if row is None else self._known(session, [row])[row.id or 0]

    def history(self, show: str | None = None, season: int | None = None) -> list[HistoryEntry]:
        """Recorded events of a show (case-insensitive; every season-bound event when None),
        oldest first; `season` narrows it to one season."""
        query = select(EventRow)
        if show is not None:
            query = query.where(func.lower(EventRow.show) == show.strip().lower())
        else:
            query = query.where(EventRow.show != "")
        if season is not None:
            query = query.where(EventRow.season == season)
        with db.reading(self.engine) as session:
            rows = session.exec(query.order_by(col(EventRow.at), col(EventRow.id))).all()
        return [HistoryEntry(_event(r), r.silent) for r in rows]

    def recent_history(self, limit: int) -> list[HistoryEntry]:
        """The latest `limit` events of every show, newest first (the web page's "last changes")."""
        with db.reading(self.engine) as session:
            rows = session.exec(
                select(EventRow)
                .order_by(col(EventRow.at).desc(), col(EventRow.id).desc())
                .limit(limit)
            ).all()
        return [HistoryEntry(_event(r), r.silent) for r in rows]


def _field_of(state: SeasonState, field: str) -> str | None:
    return {"renewal": state.renewal, "date": state.release_date, "phase": state.phase}.get(field)


def tracking_event(state: SeasonState, now: datetime) -> Event:
    """The one summary sent when a watch has been polled for the first time."""
    extra: dict[str, str] = {}
    parts = []
    for field, value in (
        ("renewal", state.renewal),
        ("release_date", state.release_date),
        ("phase", state.phase),
    ):
        if value is not None:
            extra[field] = value
            parts.append(f"{field}={value}")
        short = "date" if field == "release_date" else field
        evidence = state.evidence.get(short)
        if value is not None and evidence is not None:
            extra[f"{short}_by"] = f"{evidence.publisher} ({evidence.trust.label})"
            extra[f"{short}_more"] = str(evidence.more)
    if state.reported:
        extra["reported"] = ", ".join(f"{k}: {v}" for k, v in sorted(state.reported.items()))
    sources = tuple(
        f"{e.publisher} ({e.trust.label})"
        for e in sorted(state.evidence.values(), key=lambda e: -e.trust)
    )
    lead = max(state.evidence.values(), key=lambda e: e.trust, default=None)
    return Event(
        kind="tracking",
        show=state.show,
        season=state.season,
        old=None,
        new="; ".join(parts) or "nothing confirmed yet",
        sources=tuple(dict.fromkeys(sources)),
        link=lead.url if lead else None,
        at=now,
        extra=extra,
    )
