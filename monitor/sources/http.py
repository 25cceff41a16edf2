"""HTTP fetching with deadlines, size caps, conditional GET and polite next-check rules.

CONTRACT (implemented in issue 2): other stages rely on these names and signatures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from monitor.models import SourceState


@dataclass(frozen=True)
class FetchResult:
    """One fetch: either a body, "not modified", or an error, plus the state to remember."""

    status: str  # "ok" | "not_modified" | "unchanged" | "error"
    state: SourceState  # updated etag/last-modified/body hash/failures/next_check/url
    body: bytes | None = None  # set when status == "ok" (new body, parse it)
    headers: dict[str, str] = field(default_factory=dict)  # lower-case keys
    http_status: int | None = None
    final_url: str | None = None
    error: str | None = None


class Fetcher:
    """Shared requests Session; one instance per process, thread-safe for concurrent fetches."""

    def __init__(
        self,
        user_agent: str,
        *,
        max_body_bytes: int = 10 * 1024 * 1024,
        deadline: timedelta = timedelta(seconds=30),
    ) -> None:
        self.user_agent = user_agent
        self.max_body_bytes = max_body_bytes
        self.deadline = deadline

    def fetch(
        self,
        url: str,
        state: SourceState,
        now: datetime,
        *,
        interval: timedelta,
        accept: str = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
    ) -> FetchResult:
        """GET `url` (or state.url after a permanent redirect) under every HTTP rule.

        Never raises for network/HTTP problems: returns status "error" with a message and a
        state whose failures/next_check implement the backoff. `next_check` honours interval,
        Cache-Control max-age, Retry-After (capped at 24 h) and backoff; the feed's <ttl> is
        applied by the caller with `with_ttl()` after parsing.
        """
        raise NotImplementedError("issue 2")


def with_ttl(state: SourceState, ttl: timedelta | None, now: datetime) -> SourceState:
    """Push next_check out to honour a feed's <ttl> (capped at 24 h)."""
    raise NotImplementedError("issue 2")
