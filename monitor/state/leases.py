"""Leases on due sources, like the outbox's: several daemons on one database fetch each due
source once. A claim is a row lock taken with `FOR UPDATE SKIP LOCKED` (PostgreSQL; SQLite
serialises writers anyway) that sets `locked_until` and a token; the holder renews it while
its fetch runs and gives it up in the transaction that stores the result. A dead daemon's
claims simply lapse, and another daemon takes the source at its next tick.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from monitor.state import db
from monitor.state.tables import SourceLeaseRow, SourceStateRow

LEASE = timedelta(seconds=60)


@dataclass(frozen=True)
class SourceClaim:
    """This daemon may fetch `name` until `until`, as long as the row still holds `token`."""

    name: str
    token: str
    until: datetime


class LeaseLost(Exception):
    """The claim lapsed and another daemon may have taken the source: store nothing."""


def _ensure_rows(session: Session, names: Sequence[str]) -> None:
    """A lease row for every source (new sources have none yet), racing daemons tolerated."""
    existing = set(
        session.exec(select(SourceLeaseRow.name).where(col(SourceLeaseRow.name).in_(names))).all()
    )
    missing = [{"name": n} for n in names if n not in existing]
    if not missing:
        return
    dialect = session.connection().dialect.name
    table = SourceLeaseRow.__table__  # type: ignore[attr-defined]
    if dialect == "postgresql":
        session.execute(postgresql.insert(table).values(missing).on_conflict_do_nothing())
    elif dialect == "sqlite":
        session.execute(sqlite.insert(table).values(missing).on_conflict_do_nothing())
    else:  # pragma: no cover - only the two engines above are supported
        session.execute(table.insert().values(missing))


def claim_due(
    engine: Engine,
    names: Sequence[str],
    holder: str,
    now: datetime,
    *,
    lease: timedelta = LEASE,
    limit: int | None = None,
) -> list[SourceClaim]:
    """Lease those of `names` that are due (next_check passed or never polled) and that no
    other daemon holds; the oldest due first."""
    if not names:
        return []
    with db.writing(engine) as session:
        _ensure_rows(session, names)
        query = (
            select(SourceLeaseRow.name)
            .outerjoin(SourceStateRow, col(SourceStateRow.name) == col(SourceLeaseRow.name))
            .where(
                col(SourceLeaseRow.name).in_(names),
                or_(
                    col(SourceLeaseRow.locked_until).is_(None),
                    col(SourceLeaseRow.locked_until) <= now,
                ),
                or_(
                    col(SourceStateRow.next_check).is_(None), col(SourceStateRow.next_check) <= now
                ),
            )
            .order_by(func.coalesce(col(SourceStateRow.next_check), now), col(SourceLeaseRow.name))
            .with_for_update(skip_locked=True, of=SourceLeaseRow)
        )
        if limit is not None:
            query = query.limit(limit)
        locked = list(session.exec(query).all())
        if not locked:
            return []
        # Read the schedule again now that the rows are ours: a daemon that stored its fetch
        # (and let go of the lease) after this statement's snapshot was taken has moved
        # next_check on, and PostgreSQL re-checks only the locked row, not the joined one.
        fresh = dict(
            session.exec(
                select(SourceStateRow.name, SourceStateRow.next_check).where(
                    col(SourceStateRow.name).in_(locked)
                )
            ).all()
        )
        claims: list[SourceClaim] = []
        until = now + lease
        for name in locked:
            due = fresh.get(name)
            if due is not None and due > now:
                continue
            token = uuid.uuid4().hex
            session.execute(
                update(SourceLeaseRow)
                .where(col(SourceLeaseRow.name) == name)
                .values(token=token, holder=holder, locked_until=until)
            )
            claims.append(SourceClaim(name, token, until))
        return claims


def renew(
    engine: Engine, claims: Iterable[SourceClaim], now: datetime, *, lease: timedelta = LEASE
) -> tuple[list[SourceClaim], list[SourceClaim]]:
    """Extend every claim still held: (renewed, lost).

    A row locked right now is being given up by this daemon's own storing transaction:
    it is skipped (not waited for, which would queue the renewal behind every store and
    could deadlock with them) and counted as held.
    """
    claims = list(claims)
    if not claims:
        return [], []
    until = now + lease
    by_name = {c.name: c for c in claims}
    with db.writing(engine) as session:
        rows = session.exec(
            select(SourceLeaseRow.name, SourceLeaseRow.token)
            .where(col(SourceLeaseRow.name).in_(sorted(by_name)))
            .with_for_update(skip_locked=True)
        ).all()
        seen: dict[str, str | None] = dict(rows)
        mine = sorted(n for n, token in seen.items() if token == by_name[n].token)
        if mine:
            session.execute(
                update(SourceLeaseRow)
                .where(col(SourceLeaseRow.name).in_(mine))
                .values(locked_until=until)
            )
    renewed = [SourceClaim(n, by_name[n].token, until) for n in mine]
    busy = [c for c in claims if c.name not in seen]  # locked by our own store: still ours
    lost = [c for c in claims if c.name in seen and seen[c.name] != c.token]
    return renewed + busy, lost


def finish(session: Session, claim: SourceClaim) -> None:
    """Give the claim up inside the transaction that stores the fetch; LeaseLost (and so a
    rollback) when another daemon holds the source now."""
    result = session.execute(
        update(SourceLeaseRow)
        .where(col(SourceLeaseRow.name) == claim.name, col(SourceLeaseRow.token) == claim.token)
        .values(token=None, holder=None, locked_until=None)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        raise LeaseLost(claim.name)


def release(engine: Engine, claims: Iterable[SourceClaim]) -> None:
    """Give claims up unfetched (shutdown, a reload): the sources are due again at once."""
    claims = list(claims)
    if not claims:
        return
    with db.writing(engine) as session:
        for claim in claims:
            session.execute(
                update(SourceLeaseRow)
                .where(
                    col(SourceLeaseRow.name) == claim.name,
                    col(SourceLeaseRow.token) == claim.token,
                )
                .values(token=None, holder=None, locked_until=None)
            )


def held(engine: Engine, now: datetime) -> dict[str, int]:
    """Live claims per holder (daemon instance)."""
    with db.reading(engine) as session:
        rows = session.exec(
            select(SourceLeaseRow.holder, func.count())
            .where(col(SourceLeaseRow.locked_until) > now, col(SourceLeaseRow.holder).is_not(None))
            .group_by(col(SourceLeaseRow.holder))
        ).all()
    return {str(holder): int(n) for holder, n in rows}
