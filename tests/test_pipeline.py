"""The pipeline over a real SQLite file and a real webhook; sources and extraction are simple
in-test stand-ins here (the end-to-end tests use the real ones)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from monitor.config import config_from_dict
from monitor.models import Claim, Item, SourcePoll, SourceState, Trust, WatchClaims
from monitor.pipeline import Runtime, poll_all, poll_source, release_day
from monitor.sources.http import Fetcher
from tests.receivers import Webhook, webhook

T0 = datetime(2026, 6, 1, 12, tzinfo=UTC)
SHOW = "Glass Harbor"


@dataclass
class ListSource:
    """A source that returns whatever items the test gives it."""

    name: str
    trust: Trust | None = Trust.TRADE
    items: list[Item] = field(default_factory=list)
    broken: bool = False
    kind: str = "test"
    interval: timedelta = timedelta(hours=2)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:9/{self.name}"

    def poll(self, fetcher: Fetcher, state: SourceState, now: datetime) -> SourcePoll:
        if self.broken:
            raise RuntimeError("parser exploded")
        return SourcePoll(
            name=self.name,
            status="ok",
            state=SourceState(etag='"1"', last_success=now, next_check=now + self.interval),
            items=tuple(self.items),
        )


def item(uid: str, text: str, publisher: str = "Deadline", day: int = 1) -> Item:
    return Item(
        uid=uid,
        content_hash=str(hash(text)),
        title=text[:40],
        text=text,
        link=f"https://{publisher.lower()}.example/{uid}",
        published=datetime(2026, 5, day, tzinfo=UTC),
        publisher=publisher,
    )


class KeywordExtractor:
    """Reads "renewed" and "premieres YYYY-MM-DD" for the one watch (counting its calls)."""

    def __init__(self, runtime_watches: Any) -> None:
        self.watch = runtime_watches[0]
        self.calls = 0

    def __call__(self, found: Item) -> tuple[WatchClaims, ...]:
        self.calls += 1
        claims = []
        if "renewed" in found.text:
            claims.append(Claim("renewal", "renewed", found.text))
        date = re.search(r"premieres (\d{4}-\d{2}-\d{2})", found.text)
        if date:
            claims.append(Claim("date", date.group(1), found.text))
        return (WatchClaims(self.watch, tuple(claims)),) if claims else ()


@pytest.fixture
def hook() -> Any:
    with webhook() as receiver:
        yield receiver


@dataclass(frozen=True)
class Place:
    """Where a test's files and database live (each test runs on both engines)."""

    folder: Path
    database: str


@pytest.fixture
def place(tmp_path: Path, database_url: str) -> Place:
    return Place(tmp_path, database_url)


def runtime(
    place: Place, hook: Webhook, sources: list[ListSource], **extra: Any
) -> tuple[Runtime, KeywordExtractor]:
    notify = {"urls": [hook.url()], **extra.pop("notify", {})}
    config = config_from_dict(
        {
            "monitor": {"database": place.database},
            "notify": notify,
            "watch": [{"show": SHOW, "season": 2}],
            **extra,
        },
        base_dir=place.folder,
    )
    extractor = KeywordExtractor(config.watches)
    return Runtime(config, sources=sources, extractor=extractor), extractor


def test_baseline_then_news_then_nothing_twice(place: Place, hook: Webhook) -> None:
    trade, blog = ListSource("trade"), ListSource("blog", trust=None)
    trade.items = [item("a", f"Netflix has renewed {SHOW}")]
    rt, extractor = runtime(place, hook, [trade, blog])
    first = poll_all(rt, T0)
    assert [e.kind for e in first.events] == ["tracking"]
    assert hook.titles == [f"{SHOW} S2: now tracking"]
    assert first.deliveries.sent == 1
    trade.items.append(item("b", f"{SHOW} premieres 2027-03-05", day=20))
    second = poll_all(rt, T0 + timedelta(hours=2))
    assert [(e.kind, e.new) for e in second.events] == [("date_announced", "2027-03-05")]
    assert hook.titles[1:] == [f"{SHOW} S2: release date announced"]
    calls = extractor.calls
    third = poll_all(rt, T0 + timedelta(hours=4))
    assert third.events == () and extractor.calls == calls  # seen items are not read again
    assert [s.new_items for s in third.sources] == [0, 0]
    assert len(hook.received) == 2
    rt.close()


def test_a_broken_source_is_reported_and_the_others_still_count(
    place: Place, hook: Webhook
) -> None:
    good, bad = ListSource("good"), ListSource("bad", broken=True)
    good.items = [item("a", f"Netflix has renewed {SHOW}")]
    rt, _ = runtime(place, hook, [good, bad])
    report = poll_all(rt, T0)
    statuses = {s.name: (s.status, s.error) for s in report.sources}
    assert statuses["good"] == ("ok", None)
    assert statuses["bad"][0] == "error" and "parser exploded" in str(statuses["bad"][1])
    (row,) = [r for r in rt.repo.source_rows() if r.name == "bad"]
    assert row.failures == 1 and row.next_check == T0 + timedelta(hours=2)
    assert [s.name for s in rt.due_sources(T0 + timedelta(hours=1))] == []
    assert [s.name for s in rt.due_sources(T0 + timedelta(hours=3))] == ["good", "bad"]
    rt.close()


def test_a_dry_run_stores_and_sends_nothing(place: Place, hook: Webhook) -> None:
    source = ListSource("trade", items=[item("a", f"Netflix has renewed {SHOW}")])
    rt, _ = runtime(place, hook, [source])
    dry = poll_all(rt, T0, dry_run=True)
    assert [e.kind for e in dry.events] == ["tracking"]
    assert hook.received == [] and rt.repo.source_rows() == []
    assert [e.kind for e in poll_all(rt, T0).events] == ["tracking"]
    rt.close()


def test_an_edited_item_is_read_again(place: Place, hook: Webhook) -> None:
    source = ListSource("trade", items=[item("a", f"{SHOW} news")])
    rt, extractor = runtime(place, hook, [source])
    poll_source(rt, source, T0)
    source.items = [item("a", f"{SHOW} premieres 2027-03-05 (updated)")]
    _, events = poll_source(rt, source, T0 + timedelta(hours=2))
    assert extractor.calls == 2
    assert [e.kind for e in events] == ["date_announced"]
    rt.close()


def test_release_day_fires_once(place: Place, hook: Webhook) -> None:
    source = ListSource("trade", items=[item("a", f"{SHOW} premieres 2027-03-05")])
    rt, _ = runtime(place, hook, [source])
    poll_all(rt, T0)
    assert release_day(rt, datetime(2027, 3, 4, tzinfo=UTC)) == []
    (event,) = release_day(rt, datetime(2027, 3, 5, 8, tzinfo=UTC))
    assert (event.kind, event.new) == ("released", "released")
    assert release_day(rt, datetime(2027, 3, 6, tzinfo=UTC)) == []
    rt.close()


def test_reminders_and_the_calendar_follow_the_confirmed_date(place: Place, hook: Webhook) -> None:
    source = ListSource("trade", items=[item("a", f"Netflix has renewed {SHOW}")])
    rt, _ = runtime(
        place, hook, [source], notify={"remind_days": [7, 1]}, calendar={"path": "tv.ics"}
    )
    poll_all(rt, T0)
    ics = place.folder / "tv.ics"
    assert ics.exists() and b"2027" not in ics.read_bytes()  # no date yet, no event
    source.items.append(item("b", f"{SHOW} premieres 2027-03-05", day=20))
    poll_all(rt, T0 + timedelta(hours=2))
    assert b"DTSTART;VALUE=DATE:20270305" in ics.read_bytes()
    assert poll_all(rt, datetime(2027, 2, 25, tzinfo=UTC)).events == ()
    week = poll_all(rt, datetime(2027, 2, 26, 9, tzinfo=UTC))
    assert [(e.kind, e.extra.get("days")) for e in week.events] == [("reminder", "7")]
    assert poll_all(rt, datetime(2027, 2, 27, 9, tzinfo=UTC)).events == ()  # once each
    eve = poll_all(rt, datetime(2027, 3, 4, 9, tzinfo=UTC))
    assert [e.kind for e in eve.events] == ["reminder"]
    assert hook.titles[2:] == [f"{SHOW} S2: premieres in 7 days", f"{SHOW} S2: premieres tomorrow"]
    rt.close()


def test_one_outlet_through_two_routes_is_one_voice(place: Place, hook: Webhook) -> None:
    # Its own feed and Google News both relay the same blog: that is not two publishers.
    own_feed, google = ListSource("Blog feed", trust=None), ListSource("Google News", trust=None)
    rt, _ = runtime(place, hook, [own_feed, google])
    poll_all(rt, T0)
    text = f"{SHOW} premieres 2027-03-05"
    own_feed.items = [replace(item("a", text, "Blog Feed"), publisher_url="https://blog.example")]
    google.items = [replace(item("b", text, "Blog Example"), publisher_url="https://blog.example")]
    report = poll_all(rt, T0 + timedelta(hours=2))
    assert report.events == ()
    (state,) = rt.repo.seasons(rt.watches)
    assert state.release_date is None and state.reported == {"date": "2027-03-05"}
    rt.close()
