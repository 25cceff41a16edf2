"""The contract every source kind fulfils (RSS, Google News, TVmaze, Netflix)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from monitor.models import SourcePoll, SourceState, Trust

if TYPE_CHECKING:
    from monitor.sources.http import Fetcher


class Source(Protocol):
    """One pollable thing. `poll` never raises: failures come back as status "error"."""

    @property
    def name(self) -> str: ...  # unique and stable: it keys `source_state` rows

    @property
    def kind(self) -> str: ...  # registry key: "rss", "google_news", "tvmaze", "netflix"

    @property
    def url(self) -> str: ...  # what is fetched (for health output and per-host spacing)

    @property
    def interval(self) -> timedelta: ...

    @property
    def trust(self) -> Trust | None: ...  # None: decided per item from the publisher domain

    def poll(self, fetcher: Fetcher, state: SourceState, now: datetime) -> SourcePoll: ...
