"""Reads and writes of the state tables; a state change, its events and its outbox rows are
written in one transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Engine, func, or_
from sqlmodel import Session, col, delete, select

from monitor.config import Target, mask_secret_url
from monitor.models import (
    Event,
    Evidence,
    Item,
    Observation,
    SeasonState,
    SourceState,
    Trust,
    Watch,
)
from monitor.notify.apprise_sink import mask_urls
from monitor.notify.render import render
from monitor.state import db
from monitor.state.merge import Merge, merge
from monitor.state.tables import (
    DeliveryRow,
    EventRow,
    ItemRow,
    ObservationRow,
    SeasonRow,
    SeasonSourceRow,
    SourceStateRow,
)

# Retry delays after the 1st, 2nd, ... failure; the last one repeats.
BACKOFF = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=3),
)
DEAD_AFTER = timedelta(hours=24)
LEASE = timedelta(minutes=5)  # a claimed row whose sender died becomes due again after this
MAX_RETRY_AFTER = timedelta(hours=24)  # a target's Retry-After is honoured up to this
# How a failure the target asked us to wait out is recorded: `poll` retries every pending
# row at once, except these, whose wait the target set.
RATE_LIMITED = "rate limited by the target"


def backoff(failures: int) -> timedelta:
    return BACKOFF[min(max(failures, 1), len(BACKOFF)) - 1]


def target_key(url: str) -> str:
    """Identifies a target in the database without storing its (secret) URL."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


def target_label(target: Target) -> str:
    return target.name or mask_secret_url(target.url)


def watches_hash(watches: Sequence[Watch]) -> str:
    """Changes when the watchlist does, so items are read again for new watches."""
    parts = sorted(repr((w.show, w.season, w.aliases, w.part, w.final)) for w in watches)
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Routing:
    """Who hears about what: the configured targets and whether baselines are announced."""

    targets: tuple[Target, ...] = ()
    notify_baseline: bool = True

    @property
    def wants_reports(self) -> bool:
        """Does any target take unconfirmed reports (`reported = true`)?"""
        return any(t.reported for t in self.targets)

    def targets_for(self, event: Event, watch: Watch | None) -> list[Target]:
        out = []
        for target in self.targets:
            if event.kind == "reported":
                if not target.reported:  # opt-in only
                    continue
            elif target.events is not None and event.kind not in target.events:
                continue
            # A watch with `notify` tags goes only to targets sharing one; others go everywhere.
            if watch is not None and watch.notify and not set(watch.notify) & set(target.tags):
                continue
            out.append(target)
        return out


@dataclass(frozen=True)
class Outgoing:
    """A claimed outbox row, ready to send."""

    id: int
    target: str
    target_label: str
    title: str
    body: str
    attempts: int
    # The claim's token: the row's lease_until when claimed. Only the holder of the current
    # claim may renew or mark the row, so a sender whose lease ran out cannot free or resend
    # a row another sender has taken since.
    lease: datetime
    # The season the event is about (None for daemon notices): due rows of one season and
    # target go out as one message.
    season_id: int | None = None


@dataclass(frozen=True)
class DeliveryInfo:
    id: int
    target_label: str
    title: str
    status: str
    attempts: int
    created_at: datetime
    last_error: str | None


@dataclass(frozen=True)
class HistoryEntry:
    event: Event
    silent: bool  # recorded during the baseline: history, never sent


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


def season_state(row: SeasonRow) -> SeasonState:
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


def _observation(row: ObservationRow, season: SeasonRow) -> Observation:
    return Observation(
        show=season.show,
        season=season.season,
        field=row.field,  # type: ignore[arg-type]  # stored from a ClaimField
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


def _source_state(row: SourceStateRow) -> SourceState:
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


class Repository:
    """The state database: one per process, safe to share between threads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, create: bool = True, read_only: bool = False) -> Repository:
        """`create=False` for read-only commands: a missing database is an error, not made;
        `read_only` (`serve`) also refuses every write at the database level."""
        return cls(db.make_engine(url, create=create, read_only=read_only))

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self, *, commit: bool = True) -> Iterator[Session]:
        """One write transaction; `commit=False` rolls everything back (dry runs)."""
        with db.writing(self.engine, commit=commit) as session:
            yield session

    # --- sources and items ------------------------------------------------------------------

    def source_state(self, name: str) -> SourceState:
        with db.reading(self.engine) as session:
            row = session.get(SourceStateRow, name)
            return _source_state(row) if row else SourceState()

    def source_rows(self) -> list[SourceStateRow]:
        with db.reading(self.engine) as session:
            return list(session.exec(select(SourceStateRow)).all())

    def needs_full_read(self, source: str, watches: Sequence[Watch]) -> bool:
        """Must this source read its whole body (no conditional GET) for a watch it has not
        given its backlog for yet?

        A 304 or an unchanged body gives no items, so a new watch's backlog would stay unread
        until the feed next changes, and then come out as news.
        """
        with db.reading(self.engine) as session:
            rows = {(r.show, r.season): r for r in session.exec(select(SeasonRow)).all()}
            read = set(
                session.exec(
                    select(SeasonSourceRow.season_id).where(SeasonSourceRow.source == source)
                ).all()
            )
        for watch in watches:
            row = rows.get(watch.key)
            if row is None or not row.active or row.id not in read:
                return True
        return False

    def unseen(self, source: str, items: Sequence[Item], watch_hash: str) -> list[Item]:
        """Items not read before, edited since, or read against another watchlist."""
        if not items:
            return []
        known: dict[str, tuple[str, str]] = {}
        uids = [i.uid for i in items]
        with db.reading(self.engine) as session:
            for start in range(0, len(uids), 500):
                rows = session.exec(
                    select(ItemRow).where(
                        ItemRow.source == source, col(ItemRow.uid).in_(uids[start : start + 500])
                    )
                ).all()
                known.update({r.uid: (r.content_hash, r.watches_hash) for r in rows})
        return [i for i in items if known.get(i.uid) != (i.content_hash, watch_hash)]

    def _save_source(
        self, session: Session, name: str, state: SourceState, status: str, now: datetime
    ) -> None:
        row = session.get(SourceStateRow, name) or SourceStateRow(name=name)
        row.url = state.url
        row.etag = state.etag
        row.last_modified = state.last_modified
        row.body_hash = state.body_hash
        row.failures = state.failures
        row.next_check = state.next_check
        row.last_success = state.last_success
        row.last_error = state.last_error
        row.last_attempt = now
        row.last_status = status
        session.add(row)

    def _save_items(
        self, session: Session, source: str, items: Sequence[Item], watch_hash: str, now: datetime
    ) -> None:
        for item in {i.uid: i for i in items}.values():
            row = session.exec(
                select(ItemRow).where(ItemRow.source == source, ItemRow.uid == item.uid)
            ).first() or ItemRow(
                source=source, uid=item.uid, content_hash="", watches_hash="", seen_at=now
            )
            row.content_hash = item.content_hash
            row.watches_hash = watch_hash
            row.seen_at = now
            session.add(row)

    # --- seasons and merging ----------------------------------------------------------------

    def _seasons(
        self, session: Session, watches: Sequence[Watch], now: datetime
    ) -> list[SeasonRow]:
        """The season rows of the watchlist, created (in baseline) for new watches.

        Rows of watches no longer listed are marked inactive; one listed again goes back into
        baseline, since whatever was published while it was away was never read.
        """
        existing = {(r.show, r.season): r for r in session.exec(select(SeasonRow)).all()}
        listed = {w.key for w in watches}
        for key, gone in existing.items():
            if gone.active and key not in listed:
                gone.active = False
                session.add(gone)
        rows = []
        for watch in watches:
            row = existing.get(watch.key)
            if row is None:
                row = SeasonRow(show=watch.show, season=watch.season, created_at=now)
                session.add(row)
                session.flush()
                existing[watch.key] = row
            elif not row.active:
                row.active = True
                row.baseline = True
                row.created_at = now
                session.add(row)
                # Nothing was read for it meanwhile: every source's next read is backlog.
                session.exec(
                    delete(SeasonSourceRow).where(col(SeasonSourceRow.season_id) == row.id)
                )
            rows.append(row)
        return rows

    def _known(self, session: Session, row: SeasonRow) -> list[Observation]:
        found = session.exec(
            select(ObservationRow)
            .where(ObservationRow.season_id == row.id)
            .order_by(col(ObservationRow.id))
        ).all()
        return [_observation(r, row) for r in found]

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
    ) -> list[Event]:
        """Record one source's poll: its state, seen items, observations, merged seasons,
        events and outbox rows. Returns the events that will be announced."""
        self._save_source(session, source, state, status, now)
        self._save_items(session, source, items, watches_hash(watches), now)
        rows = self._seasons(session, watches, now)
        by_key = {(r.show, r.season): r for r in rows}
        watch_of = {w.key: w for w in watches}
        # Seasons this source has already given its backlog for: only their news is news.
        read = set(
            session.exec(
                select(SeasonSourceRow.season_id).where(SeasonSourceRow.source == source)
            ).all()
        )
        announced: list[Event] = []
        grouped: dict[tuple[str, int], list[Observation]] = {}
        for obs in observations:
            if (obs.show, obs.season) in by_key:
                grouped.setdefault((obs.show, obs.season), []).append(obs)
        for key, new in grouped.items():
            row = by_key[key]
            known = self._known(session, row)
            seen = {_obs_key(o) for o in known}
            fresh = []
            for obs in new:
                if _obs_key(obs) not in seen:
                    seen.add(_obs_key(obs))
                    fresh.append(obs)
            if not fresh:
                continue
            for obs in fresh:
                session.add(
                    ObservationRow(
                        season_id=row.id,  # type: ignore[arg-type]  # flushed above
                        field=obs.field,
                        value=obs.value,
                        trust=int(obs.trust),
                        publisher=obs.publisher,
                        source=obs.source,
                        url=obs.url,
                        published=obs.published,
                        seen_at=obs.seen_at,
                        evidence=obs.evidence,
                        item_uid=obs.item_uid,
                    )
                )
            before = season_state(row)
            result = merge(before, known, fresh, now)
            silent = row.id not in read
            announced += self._record(
                session, row, result, watch_of.get(key), routing, now, silent=silent
            )
            if routing.wants_reports and not silent:
                announced += self._reports(
                    session, row, before, result.state, fresh, watch_of.get(key), routing, now
                )
        if status in READ_STATUSES:
            for row in rows:
                if row.id is not None and row.id not in read:  # ids exist: flushed above
                    session.add(SeasonSourceRow(season_id=row.id, source=source, read_at=now))
        announced += self._finish_baselines(session, rows, watch_of, routing, all_sources, now)
        return announced

    def release_day(
        self, session: Session, watches: Sequence[Watch], routing: Routing, now: datetime
    ) -> list[Event]:
        """Seasons whose confirmed exact date has come become released (one event each)."""
        out: list[Event] = []
        watch_of = {w.key: w for w in watches}
        for row in self._seasons(session, watches, now):
            if row.phase == "released" or not row.release_date:
                continue
            result = merge(season_state(row), self._known(session, row), [], now)
            out += self._record(
                session,
                row,
                result,
                watch_of.get((row.show, row.season)),
                routing,
                now,
                silent=row.baseline,
            )
        return out

    def _record(
        self,
        session: Session,
        row: SeasonRow,
        result: Merge,
        watch: Watch | None,
        routing: Routing,
        now: datetime,
        *,
        silent: bool,
    ) -> list[Event]:
        """Store a merge result; its events are announced unless `silent` (a backlog)."""
        state = result.state
        events = result.events
        if any(e.kind == "released" for e in events) and self._was_released(session, row):
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
        session.add(row)
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
            )
            if not silent:
                announced.append(event)
        return announced

    def _reports(
        self,
        session: Session,
        row: SeasonRow,
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

    def _was_released(self, session: Session, row: SeasonRow) -> bool:
        found = session.exec(
            select(EventRow.id).where(EventRow.season_id == row.id, EventRow.kind == "released")
        ).first()
        return found is not None

    def _finish_baselines(
        self,
        session: Session,
        rows: Sequence[SeasonRow],
        watch_of: dict[tuple[str, int], Watch],
        routing: Routing,
        all_sources: Sequence[str],
        now: datetime,
    ) -> list[Event]:
        """End the baseline of seasons every source has been polled for since they appeared."""
        pending = [r for r in rows if r.baseline]
        if not pending:
            return []
        session.flush()
        states = {
            r.name: r
            for r in session.exec(
                select(SourceStateRow).where(col(SourceStateRow.name).in_(list(all_sources)))
            ).all()
        }
        out = []
        for row in pending:
            if not all(_has_reported(states.get(name), row.created_at) for name in all_sources):
                continue
            row.baseline = False
            session.add(row)
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
        row: SeasonRow | None = None,
    ) -> int:
        """Record one event and, unless silent, its outbox rows, in the caller's transaction.

        `key` makes the outbox rows idempotent (unique with each target); `row` is the
        event's season, looked up when not given (daemon notices have none).
        """
        if row is None and event.season:
            row = session.exec(
                select(SeasonRow).where(
                    SeasonRow.show == event.show, SeasonRow.season == event.season
                )
            ).first()
        event_row = EventRow(
            season_id=row.id if row else None,
            kind=event.kind,
            show=event.show,
            season=event.season,
            old=event.old,
            new=event.new,
            detail=event.detail,
            sources=json.dumps(list(event.sources), ensure_ascii=False),
            link=event.link,
            at=event.at or now,
            silent=silent,
            extra=json.dumps(event.extra, ensure_ascii=False),
        )
        session.add(event_row)
        session.flush()
        assert event_row.id is not None  # flushed
        if not silent:
            self.enqueue(session, event_row.id, event, key, watch, routing, now)
        return event_row.id

    def enqueue(
        self,
        session: Session,
        event_id: int,
        event: Event,
        key: str,
        watch: Watch | None,
        routing: Routing,
        now: datetime,
    ) -> int:
        """One outbox row per routed target; `key` + target is unique, so never twice."""
        message = render(event)
        count = 0
        for target in routing.targets_for(event, watch):
            tkey = target_key(target.url)
            session.add(
                DeliveryRow(
                    event_id=event_id,
                    key=f"{key}:{tkey}",
                    target=tkey,
                    target_label=target_label(target),
                    title=message.title,
                    body=message.body,
                    created_at=now,
                    next_attempt=now,
                )
            )
            count += 1
        session.flush()
        return count

    # --- outbox -----------------------------------------------------------------------------

    def claim(
        self,
        now: datetime,
        *,
        retry_all: bool = False,
        lease: timedelta = LEASE,
        limit: int = 200,
        exclude: Collection[str] = (),
    ) -> list[Outgoing]:
        """Lease due rows to this sender (pending ones, and sending ones whose lease ran out).

        `retry_all` takes pending rows before their time too, except those a target asked
        to wait for (429 Retry-After); rows of the `exclude`d targets (busy ones) stay put.
        """
        with db.writing(self.engine) as session:
            query = select(DeliveryRow).where(
                col(DeliveryRow.status).in_(["pending", "sending"]),
                or_(col(DeliveryRow.lease_until).is_(None), col(DeliveryRow.lease_until) <= now),
            )
            if exclude:
                query = query.where(col(DeliveryRow.target).not_in(list(exclude)))
            if not retry_all:
                query = query.where(DeliveryRow.next_attempt <= now)
            else:
                query = query.where(
                    or_(
                        col(DeliveryRow.next_attempt) <= now,
                        col(DeliveryRow.last_error).is_(None),
                        ~col(DeliveryRow.last_error).startswith(RATE_LIMITED),
                    )
                )
            rows = session.exec(
                query.order_by(col(DeliveryRow.id)).limit(limit).with_for_update(skip_locked=True)
            ).all()
            out = []
            until = now + lease
            event_ids = [r.event_id for r in rows]
            season_of = (
                dict(
                    session.exec(
                        select(EventRow.id, EventRow.season_id).where(
                            col(EventRow.id).in_(event_ids)
                        )
                    ).all()
                )
                if event_ids
                else {}
            )
            for row in rows:
                row.status = "sending"
                row.lease_until = until
                session.add(row)
                out.append(
                    Outgoing(
                        id=row.id,  # type: ignore[arg-type]  # persisted rows have ids
                        target=row.target,
                        target_label=row.target_label,
                        title=row.title,
                        body=row.body,
                        attempts=row.attempts,
                        lease=until,
                        season_id=season_of.get(row.event_id),
                    )
                )
            return out

    def renew(self, job: Outgoing, now: datetime, lease: timedelta = LEASE) -> Outgoing | None:
        """Extend a claim just before sending; None when another sender has taken the row."""
        with db.writing(self.engine) as session:
            row = session.get(DeliveryRow, job.id)
            if row is None or not _holds(row, job.lease):
                return None
            # Strictly later than the old token, so every claim of a row has its own.
            until = max(now + lease, job.lease + timedelta(microseconds=1))
            row.lease_until = until
            session.add(row)
            return replace(job, lease=until)

    def release(self, delivery_id: int, lease: datetime) -> None:
        """Hand a claimed row back untried (its sender stopped early): no attempt counted."""
        with db.writing(self.engine) as session:
            row = session.get(DeliveryRow, delivery_id)
            if row is None or not _holds(row, lease):
                return
            row.status = "pending"
            row.lease_until = None
            session.add(row)

    def mark_sent(self, delivery_id: int, now: datetime) -> None:
        """Record a successful send, whoever's claim it was: even a late success from a stale
        claim means the message went out, and marking it sent spares a third copy."""
        with db.writing(self.engine) as session:
            row = session.get(DeliveryRow, delivery_id)
            if row is None or row.status == "sent":
                return
            row.status = "sent"
            row.sent_at = now
            row.lease_until = None
            row.attempts += 1
            session.add(row)

    def mark_failed(
        self,
        delivery_id: int,
        now: datetime,
        error: str,
        *,
        dead: bool = False,
        lease: datetime | None = None,
        retry_after: timedelta | None = None,
    ) -> str:
        """Schedule the next attempt by the backoff; dead after 24 h of failure. New status.

        With `lease` (the claim's token) nothing changes unless that claim still holds the
        row: freeing a row another sender holds would let a third one send it meanwhile.
        """
        with db.writing(self.engine) as session:
            row = session.get(DeliveryRow, delivery_id)
            if row is None or row.status == "sent":
                return "sent"
            if lease is not None and not _holds(row, lease):
                return row.status
            row.attempts += 1
            row.first_failure = row.first_failure or now
            row.last_error = mask_urls(error)[:500]  # never store a secret, whoever reports
            row.lease_until = None
            if dead or now - row.first_failure >= DEAD_AFTER:
                row.status = "dead"
            else:
                row.status = "pending"
                wait = backoff(row.attempts)
                if retry_after is not None:
                    wait = min(max(wait, retry_after), MAX_RETRY_AFTER)
                    seconds = int(wait.total_seconds())
                    row.last_error = f"{RATE_LIMITED}: retry after {seconds} s ({row.last_error})"
                    row.last_error = row.last_error[:500]
                row.next_attempt = now + wait
            session.add(row)
            return row.status

    def delivery_counts(self) -> dict[str, int]:
        with db.reading(self.engine) as session:
            rows = session.exec(
                select(DeliveryRow.status, func.count()).group_by(DeliveryRow.status)
            ).all()
        counts = {"pending": 0, "sending": 0, "sent": 0, "dead": 0}
        counts.update({status: int(n) for status, n in rows})
        return counts

    def deliveries(self, status: str | None = None) -> list[DeliveryInfo]:
        with db.reading(self.engine) as session:
            query = select(DeliveryRow).order_by(col(DeliveryRow.id))
            if status:
                query = query.where(DeliveryRow.status == status)
            return [
                DeliveryInfo(
                    id=r.id,  # type: ignore[arg-type]
                    target_label=r.target_label,
                    title=r.title,
                    status=r.status,
                    attempts=r.attempts,
                    created_at=r.created_at,
                    last_error=r.last_error,
                )
                for r in session.exec(query).all()
            ]

    # --- read models ------------------------------------------------------------------------

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
            return [] if row is None else self._known(session, row)

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


def _holds(row: DeliveryRow, lease: datetime) -> bool:
    """Is the row still leased by the claim whose token is `lease`?"""
    return row.status == "sending" and row.lease_until == lease


# Poll outcomes that read the source (its backlog is now known), unlike "error"/"skipped".
READ_STATUSES = frozenset({"ok", "not_modified", "unchanged"})

# A source that keeps failing may not hold a new watch's summary back for ever.
BASELINE_FAILURES_TOLERATED = 3


def _has_reported(source: SourceStateRow | None, since: datetime) -> bool:
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
