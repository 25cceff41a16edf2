"""Merge rules, table-driven: observations in, trusted state and events out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from monitor.models import Observation, SeasonState, Trust
from monitor.state.merge import merge
from monitor.state.windows import describe, window

SHOW, SEASON = "Glass Harbor", 2
NOW = datetime(2026, 9, 1, 12, tzinfo=UTC)


def obs(field: str, value: str, trust: str, publisher: str, published: str) -> Observation:
    moment = datetime.fromisoformat(published).replace(tzinfo=UTC)
    return Observation(
        show=SHOW,
        season=SEASON,
        field=field,  # type: ignore[arg-type]
        value=value,
        trust=Trust.parse(trust),
        publisher=publisher,
        source="test feed",
        url=f"https://{publisher.lower().replace(' ', '')}.example/{field}/{value}",
        published=moment,
        seen_at=moment,
        evidence=f"{publisher} says {field} is {value}",
    )


def fold(*batches: list[Observation], now: datetime = NOW) -> tuple[SeasonState, list[str]]:
    """Merge batches one poll at a time (the last at `now`); return the state and its events."""
    state = SeasonState(SHOW, SEASON)
    known: list[Observation] = []
    events: list[str] = []
    for number, batch in enumerate(batches, 1):
        result = merge(state, known, batch, now if number == len(batches) else NOW)
        state = result.state
        known += batch
        events = [f"{e.kind}:{e.detail}" if e.detail else e.kind for e in result.events]
    return state, events


TRADE_DATE = obs("date", "2027-03-05", "trade", "Deadline", "2026-06-01")
TRADE_DELAY = obs("date", "2027-06-11", "trade", "Variety", "2026-07-01")
RENEWED = obs("renewal", "renewed", "trade", "Deadline", "2026-01-10")


@dataclass(frozen=True)
class Case:
    batches: tuple[list[Observation], ...]
    renewal: str | None = None
    date: str | None = None
    phase: str | None = None
    events: tuple[str, ...] = ()
    reported: tuple[tuple[str, str], ...] = ()
    now: datetime = NOW


CASES = {
    "one trade renewal confirms": Case(([RENEWED],), renewal="renewed", events=("renewed",)),
    "one structured date confirms": Case(
        ([obs("date", "2027-03-05", "structured", "TVmaze", "2026-06-01")],),
        date="2027-03-05",
        events=("date_announced",),
    ),
    "one blog date is only reported": Case(
        ([obs("date", "2027-03-05", "blog", "Fan Blog", "2026-06-01")],),
        reported=(("date", "2027-03-05"),),
    ),
    "two blogs of one publisher are one voice": Case(
        (
            [
                obs("date", "2027-03-05", "blog", "Fan Blog", "2026-06-01"),
                obs("date", "2027-03-05", "blog", "fan  blog", "2026-06-02"),
            ],
        ),
        reported=(("date", "2027-03-05"),),
    ),
    "two publishers of lower trust confirm": Case(
        (
            [obs("date", "2027-03-05", "blog", "Fan Blog", "2026-06-01")],
            [obs("date", "2027-03-05", "press", "Daily Paper", "2026-06-02")],
        ),
        date="2027-03-05",
        events=("date_announced",),
    ),
    "a newer trade date is a delay": Case(
        ([TRADE_DATE], [TRADE_DELAY]), date="2027-06-11", events=("date_changed:delay",)
    ),
    "a newer trade date can move it earlier": Case(
        ([TRADE_DATE], [obs("date", "2027-02-01", "trade", "TVLine", "2026-07-01")]),
        date="2027-02-01",
        events=("date_changed:earlier",),
    ),
    "stale blog copies never undo a trade delay": Case(
        (
            [TRADE_DATE],
            [TRADE_DELAY],
            [
                obs("date", "2027-03-05", "blog", "Fan Blog", "2026-07-10"),
                obs("date", "2027-03-05", "press", "Daily Paper", "2026-07-11"),
                obs("date", "2027-03-05", "blog", "Stream Blog", "2026-07-12"),
            ],
        ),
        date="2027-06-11",
    ),
    "an older trade item arriving late never reverts": Case(
        (
            [TRADE_DELAY],
            [obs("date", "2027-03-05", "trade", "Deadline", "2026-06-01")],
        ),
        date="2027-06-11",
    ),
    "a newer value of lower trust does not replace": Case(
        (
            [TRADE_DATE],
            [
                obs("date", "2027-08-01", "blog", "Fan Blog", "2026-07-10"),
                obs("date", "2027-08-01", "press", "Daily Paper", "2026-07-11"),
            ],
        ),
        date="2027-03-05",
    ),
    "an older value of higher trust does not replace": Case(
        (
            [TRADE_DELAY],
            [obs("date", "2027-03-05", "official", "Netflix", "2026-06-01")],
        ),
        date="2027-06-11",
    ),
    "a less precise consistent date changes nothing": Case(
        ([TRADE_DATE], [obs("date", "2027", "official", "Netflix", "2026-08-01")]),
        date="2027-03-05",
    ),
    "a less precise month changes nothing": Case(
        ([TRADE_DATE], [obs("date", "2027-03", "trade", "Variety", "2026-08-01")]),
        date="2027-03-05",
    ),
    "a more precise consistent date refines": Case(
        (
            [obs("date", "2027-03", "official", "Netflix", "2026-06-01")],
            [obs("date", "2027-03-05", "trade", "Deadline", "2026-05-01")],
        ),
        date="2027-03-05",
        events=("date_changed:refinement",),
    ),
    "a season refined to a month": Case(
        (
            [obs("date", "2027-spring", "trade", "Deadline", "2026-06-01")],
            [obs("date", "2027-04", "trade", "Variety", "2026-06-05")],
        ),
        date="2027-04",
        events=("date_changed:refinement",),
    ),
    "a quarter outside the year is a delay": Case(
        (
            [obs("date", "2027-H1", "trade", "Deadline", "2026-06-01")],
            [obs("date", "2027-Q3", "trade", "Variety", "2026-06-05")],
        ),
        date="2027-Q3",
        events=("date_changed:delay",),
    ),
    "unannounced from the press never erases a date": Case(
        ([TRADE_DATE], [obs("date", "unannounced", "press", "Daily Paper", "2026-08-01")]),
        date="2027-03-05",
        reported=(("date", "unannounced"),),
    ),
    "unannounced from an older trade item never erases a date": Case(
        ([TRADE_DATE], [obs("date", "unannounced", "trade", "Variety", "2026-05-01")]),
        date="2027-03-05",
    ),
    "two newer blogs saying no date yet never erase a date two blogs confirmed": Case(
        (
            [
                obs("date", "2027-03-05", "blog", "Fan Blog", "2026-06-01"),
                obs("date", "2027-03-05", "press", "Daily Paper", "2026-06-02"),
            ],
            [
                obs("date", "unannounced", "blog", "Other Blog", "2026-08-01"),
                obs("date", "unannounced", "press", "Evening Paper", "2026-08-02"),
            ],
        ),
        date="2027-03-05",
    ),
    "a newer trade report that the date was pulled": Case(
        ([TRADE_DATE], [obs("date", "unannounced", "trade", "Variety", "2026-08-01")]),
        date="unannounced",
        events=("date_changed:pulled",),
    ),
    "no date yet is not news": Case(
        ([obs("date", "unannounced", "trade", "Variety", "2026-08-01")],), date="unannounced"
    ),
    "a date after no date yet is announced": Case(
        (
            [obs("date", "unannounced", "trade", "Variety", "2026-05-01")],
            [TRADE_DATE],
        ),
        date="2027-03-05",
        events=("date_announced",),
    ),
    "phases move forward on any confirmation": Case(
        (
            [obs("phase", "post-production", "trade", "Deadline", "2026-06-01")],
            [
                obs("phase", "released", "blog", "Fan Blog", "2026-05-01"),
                obs("phase", "released", "press", "Daily Paper", "2026-05-02"),
            ],
        ),
        phase="released",
        events=("released",),
    ),
    "a backward phase from an older item is ignored": Case(
        (
            [obs("phase", "post-production", "trade", "Variety", "2026-06-01")],
            [obs("phase", "filming", "trade", "Deadline", "2026-05-01")],
        ),
        phase="post-production",
    ),
    "a backward phase from a newer trusted item": Case(
        (
            [obs("phase", "post-production", "trade", "Variety", "2026-06-01")],
            [obs("phase", "filming", "trade", "Deadline", "2026-07-01")],
        ),
        phase="filming",
        events=("phase_changed:backward",),
    ),
    "a forward phase": Case(
        (
            [obs("phase", "filming", "trade", "Variety", "2026-06-01")],
            [obs("phase", "post-production", "trade", "Deadline", "2026-07-01")],
        ),
        phase="post-production",
        events=("phase_changed",),
    ),
    "cancelled after renewed by a newer trade report": Case(
        ([RENEWED], [obs("renewal", "cancelled", "trade", "Variety", "2026-08-01")]),
        renewal="cancelled",
        events=("cancelled",),
    ),
    "an old renewal never undoes a cancellation": Case(
        (
            [obs("renewal", "cancelled", "trade", "Variety", "2026-08-01")],
            [RENEWED],
        ),
        renewal="cancelled",
    ),
    "one poll with a date and its delay reports the net change": Case(
        ([TRADE_DELAY, TRADE_DATE],), date="2027-06-11", events=("date_announced",)
    ),
    "a passed exact date releases the season": Case(
        ([TRADE_DATE], []),
        date="2027-03-05",
        phase="released",
        events=("released:date passed",),
        now=datetime(2027, 3, 5, 0, 30, tzinfo=UTC),
    ),
    "a passed date and a streaming item give one release": Case(
        (
            [TRADE_DATE],
            [obs("phase", "released", "trade", "Variety", "2027-03-05")],
        ),
        date="2027-03-05",
        phase="released",
        events=("released",),
        now=datetime(2027, 3, 6, tzinfo=UTC),
    ),
    "a month that has passed does not release": Case(
        ([obs("date", "2026-08", "trade", "Deadline", "2026-06-01")],),
        date="2026-08",
        events=("date_announced",),
    ),
    "an unreadable date encoding is ignored": Case(
        ([obs("date", "soon", "official", "Netflix", "2026-06-01")],),
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_merge_rules(case: Case) -> None:
    state, events = fold(*case.batches, now=case.now)
    assert (state.renewal, state.release_date, state.phase) == (
        case.renewal,
        case.date,
        case.phase,
    )
    assert tuple(events) == case.events
    assert state.reported == dict(case.reported)


def test_merge_is_idempotent_and_reports_sources_strongest_first() -> None:
    copies = [
        obs("date", "2027-03-05", "blog", "Fan Blog", "2026-06-03"),
        obs("date", "2027-03-05", "press", "Daily Paper", "2026-06-02"),
        TRADE_DATE,
    ]
    first = merge(SeasonState(SHOW, SEASON), [], copies, NOW)
    (event,) = first.events
    assert event.sources == ("Deadline (trade)", "Daily Paper (press)", "Fan Blog (blog)")
    assert event.link == TRADE_DATE.url
    assert event.old is None and event.new == "2027-03-05" and event.at == NOW
    assert first.state.evidence["date"].publisher == "Deadline"
    assert first.state.evidence["date"].more == 2
    again = merge(first.state, copies, copies, NOW)
    assert again.events == ()
    assert again.state.updated_at == first.state.updated_at


def test_released_phase_is_not_undone_by_news_older_than_the_premiere() -> None:
    released = merge(
        SeasonState(SHOW, SEASON), [], [TRADE_DATE], datetime(2027, 3, 6, tzinfo=UTC)
    ).state
    late = obs("phase", "filming", "trade", "Variety", "2026-09-01")
    after = merge(released, [TRADE_DATE], [late], datetime(2027, 3, 7, tzinfo=UTC))
    assert after.state.phase == "released" and after.events == ()


WINDOWS = {
    "day": ("2027-01-29", date(2027, 1, 29), date(2027, 1, 29), "Friday 29 January 2027"),
    "month": ("2027-02", date(2027, 2, 1), date(2027, 2, 28), "February 2027"),
    "quarter": ("2027-Q2", date(2027, 4, 1), date(2027, 6, 30), "the second quarter of 2027 (Q2)"),
    "first half": ("2027-H1", date(2027, 1, 1), date(2027, 6, 30), "the first half of 2027"),
    "second half": ("2027-H2", date(2027, 7, 1), date(2027, 12, 31), "the second half of 2027"),
    "spring": ("2027-spring", date(2027, 3, 1), date(2027, 5, 31), "spring 2027"),
    "fall": ("2027-fall", date(2027, 9, 1), date(2027, 11, 30), "fall 2027"),
    "winter ends in its year": ("2027-winter", date(2026, 12, 1), date(2027, 2, 28), "winter 2027"),
    "year": ("2027", date(2027, 1, 1), date(2027, 12, 31), "2027"),
    "leap february": ("2028-02", date(2028, 2, 1), date(2028, 2, 29), "February 2028"),
}


@pytest.mark.parametrize(("value", "start", "end", "words"), WINDOWS.values(), ids=WINDOWS.keys())
def test_date_windows_and_words(value: str, start: date, end: date, words: str) -> None:
    found = window(value)
    assert found is not None and (found.start, found.end) == (start, end)
    assert describe(value) == words


@pytest.mark.parametrize("value", ["unannounced", "2027-13", "2027-02-30", "soon", "", "27-01"])
def test_values_without_a_window(value: str) -> None:
    assert window(value) is None
