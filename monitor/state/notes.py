"""Extraction notes: the items that named a watched season yet claimed nothing (or set cues
aside), stored in bulk with the items, read back by `why`."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Engine, delete, insert, select
from sqlmodel import Session

from monitor.models import ItemNotes, SetAside, Trust
from monitor.state import db
from monitor.state.items import ITEMS
from monitor.state.tables import ItemNoteRow, SeasonRow

NOTES = ItemNoteRow.__table__  # type: ignore[attr-defined]  # SQLModel tables are Core tables
SEASONS = SeasonRow.__table__  # type: ignore[attr-defined]
_CHUNK = 500  # ids per IN (...): well under every driver's bound-parameter limit


def _notes_json(notes: Sequence[SetAside]) -> str:
    return json.dumps(
        [{"field": n.field, "reason": n.reason, "why": n.why, "phrase": n.phrase} for n in notes],
        ensure_ascii=False,
    )


def _notes_from(text: str) -> tuple[SetAside, ...]:
    return tuple(
        SetAside(n["field"], n["reason"], n["why"], n["phrase"]) for n in json.loads(text or "[]")
    )


class NoteStore:
    """The `item_note` table: written by each source's store transaction, read by `why`."""

    engine: Engine

    def save_notes(
        self,
        session: Session,
        source: str,
        notes: Sequence[ItemNotes],
        season_ids: Mapping[tuple[str, int], int],
        reread: Sequence[int] = (),
    ) -> None:
        """Replace the notes of items read again (`reread`: their item ids) and add `notes`:
        one query for the items' ids and one insert, only when there is something to write."""
        conn = session.connection()
        for start in range(0, len(reread), _CHUNK):
            conn.execute(delete(NOTES).where(NOTES.c.item_id.in_(reread[start : start + _CHUNK])))
        wanted = [n for n in notes if (n.show, n.season) in season_ids]
        if not wanted:
            return
        uids = list(dict.fromkeys(n.item_uid for n in wanted))
        item_ids: dict[str, int] = {}
        for start in range(0, len(uids), _CHUNK):
            rows = conn.execute(
                select(ITEMS.c.uid, ITEMS.c.id).where(
                    ITEMS.c.source == source, ITEMS.c.uid.in_(uids[start : start + _CHUNK])
                )
            )
            item_ids.update((uid, id_) for uid, id_ in rows)
        values: list[dict[str, Any]] = [
            {
                "item_id": item_ids[n.item_uid],
                "season_id": season_ids[(n.show, n.season)],
                "title": n.title,
                "url": n.url,
                "publisher": n.publisher,
                "trust": int(n.trust),
                "published": n.published,
                "seen_at": n.seen_at,
                "claims": n.claims,
                "notes": _notes_json(n.notes),
            }
            for n in wanted
            if n.item_uid in item_ids  # an item not recorded as read has no notes either
        ]
        if values:
            conn.execute(insert(NOTES), values)

    def item_notes(self, show: str, season: int) -> list[ItemNotes]:
        """The stored notes of one season, in the order they were read."""
        query = (
            select(NOTES, ITEMS.c.source, ITEMS.c.uid)
            .join(ITEMS, ITEMS.c.id == NOTES.c.item_id)
            .join(SEASONS, SEASONS.c.id == NOTES.c.season_id)
            .where(SEASONS.c.show == show, SEASONS.c.season == season)
            .order_by(NOTES.c.seen_at, NOTES.c.id)
        )
        with db.reading(self.engine) as session:
            rows = session.connection().execute(query).all()
        return [
            ItemNotes(
                show=show,
                season=season,
                source=r.source,
                item_uid=r.uid,
                title=r.title,
                url=r.url,
                publisher=r.publisher,
                trust=Trust(r.trust),
                published=r.published,
                seen_at=r.seen_at,
                claims=r.claims,
                notes=_notes_from(r.notes),
            )
            for r in rows
        ]
