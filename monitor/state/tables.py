"""SQLModel tables: seasons, observations, seen items and their extraction notes, source
state, events, the outbox and the daemon's heartbeat and open notices."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Index, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

# Every table change needs an Alembic revision in monitor/state/migrations/versions/.


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in Python, naive UTC in every database (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = value
        return moment.replace(tzinfo=UTC)


class SeasonRow(SQLModel, table=True):
    """The current trusted state of one watched season."""

    __tablename__ = "season"
    __table_args__ = (UniqueConstraint("show", "season", name="uq_season_show_season"),)

    id: int | None = Field(default=None, primary_key=True)
    show: str
    season: int
    renewal: str | None = None
    release_date: str | None = None
    phase: str | None = None
    updated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # When the watch (last) appeared in the watchlist: its baseline started then.
    created_at: datetime = Field(sa_type=UTCDateTime)
    # True until every source has been polled once since the watch appeared (or kept
    # failing), then one `tracking` summary goes out. Which news is silent is decided per
    # source: its first successful read since `created_at` (`source_state.last_read` still
    # older) is its backlog for the watch.
    baseline: bool = True
    # False while the watch is out of the watchlist; nothing is read for it meanwhile, so
    # when it comes back it is baselined again instead of announcing that backlog as news.
    active: bool = True
    # Counts state changes; part of every delivery key so a change is enqueued once.
    revision: int = 0
    reported: str = Field(default="{}", sa_type=Text)  # JSON {field: value}
    evidence: str = Field(default="{}", sa_type=Text)  # JSON {field: Evidence}


class ObservationRow(SQLModel, table=True):
    __tablename__ = "observation"
    __table_args__ = (Index("ix_observation_season", "season_id"),)

    id: int | None = Field(default=None, primary_key=True)
    season_id: int = Field(foreign_key="season.id", ondelete="CASCADE")
    field: str
    value: str
    trust: int
    publisher: str
    source: str
    url: str | None = Field(default=None, sa_type=Text)
    published: datetime | None = Field(default=None, sa_type=UTCDateTime)
    seen_at: datetime = Field(sa_type=UTCDateTime)
    evidence: str = Field(default="", sa_type=Text)
    item_uid: str | None = Field(default=None, sa_type=Text)


class ItemRow(SQLModel, table=True):
    """An item already read: skipped next time unless its text or the watchlist changed."""

    __tablename__ = "item"
    __table_args__ = (UniqueConstraint("source", "uid", name="uq_item_source_uid"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str
    uid: str = Field(sa_type=Text)
    content_hash: str
    watches_hash: str  # the watchlist it was read against
    seen_at: datetime = Field(sa_type=UTCDateTime)


class ItemNoteRow(SQLModel, table=True):
    """An item that named a watched season yet claimed nothing about it (or set cues aside),
    with the extractor's reasons, for `why`. Goes with its item row (cascade)."""

    __tablename__ = "item_note"
    __table_args__ = (
        Index("ix_item_note_season", "season_id"),
        Index("ix_item_note_item", "item_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", ondelete="CASCADE")
    season_id: int = Field(foreign_key="season.id", ondelete="CASCADE")
    title: str = Field(default="", sa_type=Text)
    url: str | None = Field(default=None, sa_type=Text)
    publisher: str = Field(default="", sa_type=Text)
    trust: int
    published: datetime | None = Field(default=None, sa_type=UTCDateTime)
    seen_at: datetime = Field(sa_type=UTCDateTime)
    claims: int = 0  # claims the item made about the season
    notes: str = Field(default="[]", sa_type=Text)  # JSON [{"field","reason","why","phrase"}]


class SourceStateRow(SQLModel, table=True):
    __tablename__ = "source_state"

    name: str = Field(primary_key=True)
    url: str | None = Field(default=None, sa_type=Text)
    etag: str | None = Field(default=None, sa_type=Text)
    last_modified: str | None = None
    body_hash: str | None = None
    failures: int = 0
    next_check: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_success: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, sa_type=Text)
    last_attempt: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_status: str | None = None
    # The last poll that read the source (a READ_STATUSES outcome), written with it: a
    # season created or re-activated after this has not had this source's backlog yet.
    last_read: datetime | None = Field(default=None, sa_type=UTCDateTime)


class EventRow(SQLModel, table=True):
    __tablename__ = "event"
    __table_args__ = (Index("ix_event_show", "show"),)

    id: int | None = Field(default=None, primary_key=True)
    season_id: int | None = Field(default=None, foreign_key="season.id", ondelete="CASCADE")
    kind: str
    show: str
    season: int
    old: str | None = None
    new: str | None = None
    detail: str | None = None
    sources: str = Field(default="[]", sa_type=Text)  # JSON list of "Publisher (trust)"
    link: str | None = Field(default=None, sa_type=Text)
    at: datetime = Field(sa_type=UTCDateTime)
    # Recorded while the season was being baselined: history, never sent.
    silent: bool = False
    extra: str = Field(default="{}", sa_type=Text)  # JSON


class DeliveryRow(SQLModel, table=True):
    """The outbox: one row per (event, target); the key makes enqueueing idempotent."""

    __tablename__ = "delivery"
    __table_args__ = (
        UniqueConstraint("key", name="uq_delivery_key"),
        Index("ix_delivery_due", "status", "next_attempt"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", ondelete="CASCADE")
    key: str
    target: str  # sha256 of the target URL: the URL itself is a secret
    target_label: str  # masked URL or the target's name, for status output
    title: str = Field(sa_type=Text)
    body: str = Field(sa_type=Text)
    status: str = "pending"  # pending | sending | sent | dead
    attempts: int = 0
    created_at: datetime = Field(sa_type=UTCDateTime)
    next_attempt: datetime = Field(sa_type=UTCDateTime)
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    first_failure: datetime | None = Field(default=None, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, sa_type=Text)


class HeartbeatRow(SQLModel, table=True):
    """A daemon's liveness, for `health` and `status`: one row per daemon run."""

    __tablename__ = "daemon_heartbeat"

    # "host:pid:nonce" (before version 4: the host name alone).
    instance: str = Field(primary_key=True, max_length=200)
    pid: int
    started_at: datetime = Field(sa_type=UTCDateTime)
    last_tick: datetime = Field(sa_type=UTCDateTime)
    tick_seconds: float
    stopped_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    host: str = Field(default="", max_length=200)
    # The watchlist this daemon runs (repository.watches_hash): one watchlist per database.
    watch_hash: str | None = Field(default=None, max_length=64)
    claimed: int = 0  # sources it holds leases on right now


class SourceLeaseRow(SQLModel, table=True):
    """Who is fetching a due source right now: a claim with a token and an expiry, so several
    daemons on one database never fetch one source twice and a dead daemon's claims lapse."""

    __tablename__ = "source_lease"

    name: str = Field(primary_key=True, max_length=400)
    token: str | None = Field(default=None, max_length=64)
    holder: str | None = Field(default=None, max_length=200)  # daemon instance
    locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)


class NoticeRow(SQLModel, table=True):
    """An open daemon notice: one `source_failing` per streak, one `config_error` per file."""

    __tablename__ = "daemon_notice"

    key: str = Field(
        primary_key=True, max_length=400
    )  # "source_failing:<name>" | "config_error:<hash>"
    at: datetime = Field(sa_type=UTCDateTime)
