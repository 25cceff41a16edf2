"""Frozen dataclasses that carry data between the pipeline stages."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

ClaimField = Literal["renewal", "date", "phase"]
CLAIM_FIELDS: tuple[ClaimField, ...] = ("renewal", "date", "phase")

RENEWAL_VALUES = ("renewed", "cancelled")
PHASES = ("development", "pre-production", "filming", "post-production", "released")


class Trust(enum.IntEnum):
    """How far a source is believed; higher wins (DESIGN.md §2)."""

    BLOG = 1
    PRESS = 2
    STRUCTURED = 3
    TRADE = 4
    OFFICIAL = 5

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Trust:
        return cls[text.strip().upper()]


TRUST_NAMES = tuple(t.label for t in sorted(Trust, reverse=True))


@dataclass(frozen=True)
class Watch:
    """One watched season, as the pure stages see it (built from the config)."""

    show: str
    season: int
    aliases: tuple[str, ...] = ()
    part: int | None = None  # Netflix "Part 2"/"Volume 2" counts as this season
    final: bool = False  # the watched season is known to be the final one
    tvmaze_id: int | None = None
    notify: tuple[str, ...] = ()  # routing tags: targets with one of these tags get its events

    @property
    def key(self) -> tuple[str, int]:
        return (self.show, self.season)

    @property
    def label(self) -> str:
        return f"{self.show} S{self.season}"


@dataclass(frozen=True)
class Item:
    """One feed entry reduced to plain text; the unit the extractor reads."""

    uid: str  # identity: guid -> link -> content hash
    content_hash: str  # hash of title + text, to notice edits of a known item
    title: str
    text: str  # plain text, HTML removed
    link: str | None = None
    published: datetime | None = None  # timezone-aware UTC
    publisher: str | None = None  # display name, e.g. "Deadline"
    publisher_url: str | None = None  # site of the publisher, used for the trust table


@dataclass(frozen=True)
class Claim:
    """One statement about one season: field, encoded value (DESIGN.md §3), evidence."""

    field: ClaimField
    value: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Note:
    """Why a trigger did not become a claim (`extract` explains with these; `why` shows them)."""

    field: ClaimField
    message: str


@dataclass(frozen=True)
class WatchClaims:
    """The claims an item makes about one watched season, and the cues it set aside."""

    watch: Watch
    claims: tuple[Claim, ...]
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class SetAside:
    """One cue an item's extraction set aside: its field, a short machine reason ("hedged",
    "history", ...), the extractor's own wording of why (as `extract` prints it) and the
    sentence it was read in."""

    field: ClaimField
    reason: str
    why: str
    phrase: str


@dataclass(frozen=True)
class ItemNotes:
    """An item that named a watched season yet claimed nothing (or set cues aside): kept so
    `why` can show it beside the items that made claims."""

    show: str
    season: int
    source: str
    item_uid: str
    title: str
    url: str | None
    publisher: str
    trust: Trust
    published: datetime | None
    seen_at: datetime
    claims: int  # how many claims the item made about the season
    notes: tuple[SetAside, ...]


@dataclass(frozen=True)
class Observation:
    """A claim with its provenance, ready to be stored and merged."""

    show: str
    season: int
    field: ClaimField
    value: str
    trust: Trust
    publisher: str  # who said it ("Deadline", "TVmaze", "Netflix")
    source: str  # which configured source delivered it
    url: str | None
    published: datetime | None
    seen_at: datetime
    evidence: str
    item_uid: str | None = None


@dataclass(frozen=True)
class SourceState:
    """What the fetch layer remembers about one source between polls."""

    url: str | None = None  # a permanent redirect target replaces the configured URL
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    failures: int = 0  # consecutive
    next_check: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    # The configured URL that `url` was redirected from; when the config names a different
    # URL, the remembered redirect (and etag/body hash) no longer apply.
    redirected_from: str | None = None


PollStatus = Literal["ok", "not_modified", "unchanged", "error", "skipped"]


@dataclass(frozen=True)
class SourcePoll:
    """The outcome of polling one source once."""

    name: str
    status: PollStatus
    state: SourceState  # to persist
    items: tuple[Item, ...] = ()  # news items for match/extract
    observations: tuple[Observation, ...] = ()  # claims of structured sources (TVmaze, Netflix)
    error: str | None = None
    warnings: tuple[str, ...] = ()


EventKind = Literal[
    "tracking",
    "renewed",
    "cancelled",
    "date_announced",
    "date_changed",
    "phase_changed",
    "released",
    "reminder",
    "source_failing",
    "source_recovered",
    "config_error",
    "reported",  # an unconfirmed value, only to targets with `reported = true`
]


@dataclass(frozen=True)
class Event:
    """A real change of a season's trusted state (or a daemon health message)."""

    kind: EventKind
    show: str
    season: int
    old: str | None
    new: str | None
    sources: tuple[str, ...] = ()  # publishers with trust, strongest first
    link: str | None = None
    detail: str | None = None  # e.g. "delay", "earlier", "refinement"
    at: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Evidence:
    """Why a value is believed: the strongest observation behind it."""

    publisher: str
    trust: Trust
    url: str | None
    published: datetime | None
    text: str
    more: int = 0  # how many other publishers agree

    def as_dict(self) -> dict[str, object]:
        """The JSON shape stored in the database and printed by `status --json`."""
        return {
            "publisher": self.publisher,
            "trust": self.trust.label,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "text": self.text,
            "more": self.more,
        }


@dataclass(frozen=True)
class SeasonState:
    """The trusted state of one watched season (what `status` shows and the calendar reads).

    Top-level values are confirmed only; unconfirmed ones live in `reported`.
    """

    show: str
    season: int
    renewal: str | None = None
    release_date: str | None = None  # DESIGN.md §3 date encoding
    phase: str | None = None
    updated_at: datetime | None = None
    reported: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    evidence: dict[str, Evidence] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class DeliveryReport:
    """What one delivery run did (the `deliveries` part of `poll --json`)."""

    sent: int = 0
    failed: int = 0
    pending: int = 0  # still waiting after this run (due later or leased)
    dead: int = 0  # rows given up on after 24 h of failure (all time)
    errors: tuple[str, ...] = ()  # one line per failing target, secrets masked
