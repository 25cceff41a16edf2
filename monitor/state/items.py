"""Seen items: which of a feed's items are new or edited, stored in bulk."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, bindparam, insert, select, update
from sqlmodel import Session

from monitor.models import Item, Watch
from monitor.state import db
from monitor.state.tables import ItemRow

ITEMS = ItemRow.__table__  # type: ignore[attr-defined]  # SQLModel tables are Core tables
_CHUNK = 500  # ids per IN (...): well under every driver's bound-parameter limit
# Fetch threads asking which items are new, at once: each query takes a fraction of a ms, and
# every concurrent reader holds a pooled connection whose page cache (16 MiB on SQLite)
# fills as the table grows: 16 fetch threads meant up to 15 connections and +17 MiB of RSS
# over a 3,000-feed poll.
_READERS = threading.BoundedSemaphore(2)


def watches_hash(watches: Sequence[Watch]) -> str:
    """Changes when the watchlist does, so items are read again for new watches."""
    parts = sorted(repr((w.show, w.season, w.aliases, w.part, w.final)) for w in watches)
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]


def _known(session: Session, source: str, uids: Sequence[str]) -> dict[str, tuple[int, str, str]]:
    """uid -> (row id, content hash, watches hash) of the stored items among `uids`."""
    out: dict[str, tuple[int, str, str]] = {}
    for start in range(0, len(uids), _CHUNK):
        rows = session.connection().execute(
            select(ITEMS.c.uid, ITEMS.c.id, ITEMS.c.content_hash, ITEMS.c.watches_hash).where(
                ITEMS.c.source == source, ITEMS.c.uid.in_(uids[start : start + _CHUNK])
            )
        )
        out.update({uid: (id_, content, watched) for uid, id_, content, watched in rows})
    return out


class ItemStore:
    """The `item` table, read and written in bulk (Core statements, no ORM objects)."""

    engine: Engine

    def unseen(self, source: str, items: Sequence[Item], watch_hash: str) -> list[Item]:
        """Items not read before, edited since, or read against another watchlist."""
        if not items:
            return []
        with _READERS, db.reading(self.engine) as session:
            known = _known(session, source, [i.uid for i in items])
        return [
            i
            for i in items
            if (k := known.get(i.uid)) is None or k[1:] != (i.content_hash, watch_hash)
        ]

    def save_items(
        self, session: Session, source: str, items: Sequence[Item], watch_hash: str, now: datetime
    ) -> list[int]:
        """Record items as read: one query for the known ids, one insert, one update.
        Returns the row ids of the items read before (their notes are replaced)."""
        fresh, edited = self.item_rows(session, source, items, watch_hash, now)
        write_items(session, fresh, edited)
        return [e["row_id"] for e in edited]

    def item_rows(
        self, session: Session, source: str, items: Sequence[Item], watch_hash: str, now: datetime
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The rows `write_items` inserts (new items) and updates (edited ones, whose
        `row_id`s are the items read before) to record `items` as read; one query."""
        unique = list({i.uid: i for i in items}.values())
        if not unique:
            return [], []
        known = _known(session, source, [i.uid for i in unique])
        fresh = [
            {
                "source": source,
                "uid": i.uid,
                "content_hash": i.content_hash,
                "watches_hash": watch_hash,
                "seen_at": now,
            }
            for i in unique
            if i.uid not in known
        ]
        edited = [
            {"row_id": known[i.uid][0], "content": i.content_hash, "watched": watch_hash, "at": now}
            for i in unique
            if i.uid in known
        ]
        return fresh, edited


def write_items(
    session: Session, fresh: Sequence[dict[str, Any]], edited: Sequence[dict[str, Any]]
) -> None:
    """One insert of new items and one update of edited ones (`ItemStore.item_rows`), for
    one source or for every source of a write batch at once."""
    conn = session.connection()
    if fresh:
        conn.execute(insert(ITEMS), list(fresh))
    if edited:
        conn.execute(
            update(ITEMS)
            .where(ITEMS.c.id == bindparam("row_id"))
            .values(
                content_hash=bindparam("content"),
                watches_hash=bindparam("watched"),
                seen_at=bindparam("at"),
            ),
            list(edited),
        )
