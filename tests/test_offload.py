"""Extraction in the parse workers: the same claims as in this process, the matcher built
once per worker, and one item's error reported for that item alone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from monitor.extract.claims import extract_item
from monitor.match.titles import TitleMatcher
from monitor.models import Item, Watch
from monitor.offload import extract_in_worker, extract_items, matcher_memo
from monitor.parse.sandbox import Sandbox

WATCHES = (Watch("Iron Orchard", 2), Watch("The Velvet Harbor", 3, aliases=("Velvet Harbor",)))
TEXTS = {
    "renewed": "Netflix has officially renewed Iron Orchard for season 2.",
    "dated": "The Velvet Harbor season 3 premieres on March 5, 2027, Netflix announced.",
    "hedged": "Iron Orchard season 2 could arrive in 2027, a rumour says.",
    "unwatched": "The Silent Meadow has been renewed for a third season.",
    "nothing": "Box office results for the weekend.",
}


def _item(uid: str, text: str) -> Item:
    return Item(
        uid=uid,
        content_hash=uid,
        title=text[:60],
        text=text,
        link=f"https://deadline.com/{uid}",
        published=datetime(2026, 5, 1, tzinfo=UTC),
    )


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    box = Sandbox(workers=1)
    yield box
    box.close()


def test_a_worker_reads_the_same_claims_as_this_process(sandbox: Sandbox) -> None:
    items = [_item(uid, text) for uid, text in TEXTS.items()]
    here = [extract_item(i, TitleMatcher(WATCHES)) for i in items]
    assert extract_in_worker(sandbox, matcher_memo(WATCHES), items) == here
    assert any(here) and not all(here)  # some items speak of a watch, some do not
    # Again on the same worker: its matcher is kept, nothing is started.
    assert extract_in_worker(sandbox, matcher_memo(WATCHES), items) == here
    assert sandbox.started == 1


@pytest.mark.parametrize(
    ("watches", "same"),
    [
        pytest.param(WATCHES, True, id="same-watchlist"),
        pytest.param(WATCHES[:1], False, id="one-watch-fewer"),
        pytest.param((WATCHES[0], Watch("The Velvet Harbor", 3)), False, id="alias-removed"),
    ],
)
def test_the_matcher_key_follows_every_field_of_the_watchlist(
    watches: tuple[Watch, ...], same: bool
) -> None:
    assert (matcher_memo(watches).key == matcher_memo(WATCHES).key) is same


class _BrokenMatcher:
    def mentions(self, text: str) -> object:
        if "Orchard" in text:
            raise ValueError("matcher bug")
        return []


def test_one_items_error_is_reported_for_that_item_only() -> None:
    items = [_item("a", TEXTS["renewed"]), _item("b", TEXTS["nothing"])]
    broken, fine = extract_items(_BrokenMatcher(), tuple(items))  # type: ignore[arg-type]
    assert isinstance(broken, str) and "ValueError: matcher bug" in broken
    assert fine == ()
