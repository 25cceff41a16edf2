"""The outbox store: one delivery row per (event, target), claimed with a lease, marked."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import Engine, func, insert, or_
from sqlmodel import Session, col, select

from monitor.config import Target, mask_secret_url, mask_urls
from monitor.models import Event, Watch
from monitor.state import db
from monitor.state.tables import DeliveryRow, EventRow


class Rendered(Protocol):
    """What the notify layer makes of an event (state stores it, never renders it)."""

    @property
    def title(self) -> str: ...

    @property
    def body(self) -> str: ...


# Passed in by the caller (monitor.notify.render.render), so state never imports notify.
Renderer = Callable[[Event], Rendered]

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


@dataclass(frozen=True)
class Routing:
    """Who hears about what: the configured targets and whether baselines are announced."""

    targets: tuple[Target, ...] = ()
    notify_baseline: bool = True
    # Makes each outbox row's message (monitor.notify.render.render); needed with targets.
    render: Renderer | None = None

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


class OutboxStore:
    """The `delivery` table."""

    engine: Engine

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
        targets = routing.targets_for(event, watch)
        if not targets:
            return 0
        if routing.render is None:
            raise ValueError("Routing.render is not set: pass monitor.notify.render.render")
        message = routing.render(event)
        rows = [
            {
                "event_id": event_id,
                "key": f"{key}:{target_key(target.url)}",
                "target": target_key(target.url),
                "target_label": target_label(target),
                "title": message.title,
                "body": message.body,
                "created_at": now,
                "next_attempt": now,
            }
            for target in targets
        ]
        session.connection().execute(insert(DeliveryRow.__table__), rows)  # type: ignore[attr-defined]
        return len(rows)

    def claim(
        self,
        now: datetime,
        *,
        retry_all: bool = False,
        lease: timedelta = LEASE,
        limit: int = 200,
        exclude: Collection[str] = (),
        created_before: datetime | None = None,
    ) -> list[Outgoing]:
        """Lease due rows to this sender (pending ones, and sending ones whose lease ran out).

        `retry_all` takes pending rows before their time too, except those a target asked
        to wait for (429 Retry-After); rows of the `exclude`d targets (busy ones) stay put,
        and so do rows created at or after `created_before` (their poll is not done yet).
        """
        with db.writing(self.engine) as session:
            query = select(DeliveryRow).where(
                col(DeliveryRow.status).in_(["pending", "sending"]),
                or_(col(DeliveryRow.lease_until).is_(None), col(DeliveryRow.lease_until) <= now),
            )
            if exclude:
                query = query.where(col(DeliveryRow.target).not_in(list(exclude)))
            if created_before is not None:
                query = query.where(col(DeliveryRow.created_at) < created_before)
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


def _holds(row: DeliveryRow, lease: datetime) -> bool:
    """Is the row still leased by the claim whose token is `lease`?"""
    return row.status == "sending" and row.lease_until == lease
