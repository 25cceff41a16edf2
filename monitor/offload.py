"""Extraction in the parse worker processes: the title matcher built once per worker and
watchlist, each source's new items read there, on every core, instead of in the fetch
threads that share one interpreter lock with the single writer."""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.models import Item, Watch, WatchClaims
from monitor.parse.sandbox import Memo, Sandbox

if TYPE_CHECKING:
    from monitor.match.titles import TitleMatcher

# Per source, the new items of a 10 MiB feed; far above the few ms a feed takes.
EXTRACT_TIMEOUT = 60.0

# One item's outcome: its claims, or the traceback of the error that stopped its reading.
Outcome = tuple[WatchClaims, ...] | str


def build_matcher(watches: tuple[Watch, ...]) -> TitleMatcher:
    """In a worker: the matcher over the watchlist (the extraction modules load here)."""
    from monitor.match.titles import TitleMatcher

    return TitleMatcher(watches)


def extract_items(matcher: TitleMatcher, items: tuple[Item, ...]) -> list[Outcome]:
    """In a worker: each item's claims; one item's error is reported, not raised, so the
    rest of the feed still counts."""
    from monitor.extract.claims import extract_item

    out: list[Outcome] = []
    for item in items:
        try:
            out.append(extract_item(item, matcher))
        except Exception:  # reported per item to the parent, which logs it
            out.append(traceback.format_exc(limit=8))
    return out


def matcher_memo(watches: Sequence[Watch]) -> Memo:
    """The matcher of this watchlist as a worker memo, keyed by everything a watch holds."""
    frozen = tuple(watches)
    key = hashlib.sha256(repr(frozen).encode("utf-8", "surrogatepass")).hexdigest()
    return Memo(key, build_matcher, (frozen,))


def extract_in_worker(sandbox: Sandbox, memo: Memo, items: Sequence[Item]) -> list[Outcome]:
    """Each item's outcome, read in one of `sandbox`'s workers (may raise Sandbox errors)."""
    if not items:
        return []
    outcomes = sandbox.run(extract_items, tuple(items), timeout=EXTRACT_TIMEOUT, memo=memo)
    assert isinstance(outcomes, list) and len(outcomes) == len(items)
    return outcomes
