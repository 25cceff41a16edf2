"""Reminders before a confirmed premiere: which are due, their identity, their text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from monitor.models import Evidence, SeasonState, Trust
from monitor.notify.reminders import due_reminders, reminder_key, reminder_text

PREMIERE = date(2027, 1, 29)
NETFLIX = Evidence("Netflix", Trust.OFFICIAL, "https://about.netflix.com/x", None, "listed")


def dated(value: str | None = "2027-01-29", **kw: object) -> SeasonState:
    return SeasonState(
        "All of Us Are Dead", 2, release_date=value, evidence={"date": NETFLIX}, **kw
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("days_before", "expected"),
    [
        (10, None),
        (8, None),
        (7, 7),
        (6, 7),  # the daemon was down on the day: still sent (once, by its key)
        (2, 7),
        (1, 1),  # a 7-day reminder on the eve would be noise: only the nearest
        (0, None),  # premiere day is the `released` event's job
        (-3, None),
    ],
    ids=str,
)
def test_which_reminder_is_due(days_before: int, expected: int | None) -> None:
    found = due_reminders([dated()], [7, 1], PREMIERE - timedelta(days=days_before))
    assert [int(e.extra["remind_days"]) for e in found] == ([expected] if expected else [])


def test_reminder_event_fields() -> None:
    (event,) = due_reminders([dated()], [1, 7, 7], date(2027, 1, 22))
    assert (event.kind, event.show, event.season, event.old, event.new) == (
        "reminder",
        "All of Us Are Dead",
        2,
        None,
        "2027-01-29",
    )
    assert event.detail == "7 days before"
    assert event.sources == ("Netflix (official)",)
    assert event.link == "https://about.netflix.com/x"
    assert event.extra["key"] == "reminder:all of us are dead:2:2027-01-29:7d"
    assert event.extra["days_left"] == "7"
    assert reminder_text(event) == (
        "All of Us Are Dead S2 premieres in 7 days (Friday 29 January 2027)"
    )


def test_the_same_reminder_has_the_same_identity_every_day_it_is_due() -> None:
    keys = {
        e.extra["key"]
        for day in range(7, 1, -1)
        for e in due_reminders([dated()], [7, 1], PREMIERE - timedelta(days=day))
    }
    assert keys == {reminder_key("All of Us Are Dead", 2, "2027-01-29", 7)}


def test_a_moved_date_gets_new_reminders() -> None:
    assert reminder_key("X", 1, "2027-01-29", 7) != reminder_key("X", 1, "2027-03-05", 7)


@pytest.mark.parametrize(
    "state",
    [
        dated("2027-01"),
        dated("2027-spring"),
        dated("unannounced"),
        dated(None),
        dated(renewal="cancelled"),
        dated(phase="released"),
    ],
    ids=["month", "season-of-year", "unannounced", "no-date", "cancelled", "released"],
)
def test_no_reminder_without_a_confirmed_exact_upcoming_date(state: SeasonState) -> None:
    assert due_reminders([state], [7, 1], date(2027, 1, 28)) == []


def test_no_remind_days_no_reminders() -> None:
    assert due_reminders([dated()], [], date(2027, 1, 28)) == []


def test_tomorrow_wording() -> None:
    (event,) = due_reminders([dated()], [7, 1], date(2027, 1, 28))
    assert reminder_text(event).startswith("All of Us Are Dead S2 premieres tomorrow")
