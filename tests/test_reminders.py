"""Reminders before a confirmed premiere: which are due, their identity, their text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from monitor.config import Target
from monitor.models import Evidence, SeasonState, SourceState, Trust, Watch
from monitor.notify.reminders import due_reminders, enqueue_reminders, reminder_key
from monitor.notify.render import render
from monitor.sources.netflix import observations_from_netflix
from monitor.state.repository import Repository, Routing

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
    message = render(event)
    assert message.title == "All of Us Are Dead S2: premieres in 7 days"
    assert "Friday 29 January 2027" in message.body


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


# --- through the real state database: each reminder is enqueued once --------------------------

HOOK = Target(url="json://127.0.0.1:9/hook")
MAIL = Target(url="mailto://user:secret@127.0.0.1:9?to=b@example.com", events=("reminder",))
DATES_ONLY = Target(url="json://127.0.0.1:9/dates", events=("date_announced",))
WATCH = Watch("All of Us Are Dead", 2)


@pytest.fixture
def repo(database_url: str) -> Iterator[Repository]:
    repo = Repository.open(database_url)
    yield repo
    repo.close()


def netflix_lists(repo: Repository, value: str, now: datetime) -> None:
    payload = {"items": [{"id": "s2", "name": "All of Us Are Dead: Season 2", "sortDate": value}]}
    with repo.transaction() as session:
        repo.apply(
            session,
            source="netflix",
            status="ok",
            state=SourceState(),
            items=[],
            observations=observations_from_netflix(payload, [WATCH], now),
            watches=[WATCH],
            routing=Routing((HOOK, MAIL, DATES_ONLY), render=render),
            all_sources=["netflix"],
            now=now,
        )


def reminder_titles(repo: Repository) -> list[tuple[str, str]]:
    return [(d.target_label, d.title) for d in repo.deliveries() if "premieres" in d.title]


def test_each_reminder_is_enqueued_once_per_target(repo: Repository) -> None:
    routing = Routing((HOOK, MAIL, DATES_ONLY), render=render)
    netflix_lists(repo, "2027-01-29", datetime(2027, 1, 1, 12, tzinfo=UTC))
    assert repo.seasons([WATCH])[0].release_date == "2027-01-29"

    def run(day: datetime) -> list[str]:
        return [
            e.extra["remind_days"] for e in enqueue_reminders(repo, [WATCH], [7, 1], routing, day)
        ]

    assert run(datetime(2027, 1, 21, 9, tzinfo=UTC)) == []  # 8 days before
    assert run(datetime(2027, 1, 22, 9, tzinfo=UTC)) == ["7"]
    assert run(datetime(2027, 1, 22, 10, tzinfo=UTC)) == []  # the next cycle
    assert run(datetime(2027, 1, 25, 9, tzinfo=UTC)) == []  # still due, already sent
    assert reminder_titles(repo) == [
        ("json://127.0.0.1:9/hook", "All of Us Are Dead S2: premieres in 7 days"),
        (
            "mailto://user:****@127.0.0.1:9?to=b@example.com",
            "All of Us Are Dead S2: premieres in 7 days",
        ),
    ]
    assert run(datetime(2027, 1, 28, 9, tzinfo=UTC)) == ["1"]
    assert run(datetime(2027, 1, 28, 23, tzinfo=UTC)) == []
    assert len(reminder_titles(repo)) == 4
    kinds = [h.event.kind for h in repo.history("All of Us Are Dead")]
    assert kinds.count("reminder") == 2


def test_a_moved_date_is_reminded_again(repo: Repository) -> None:
    routing = Routing((HOOK,), render=render)
    netflix_lists(repo, "2027-01-29", datetime(2027, 1, 1, 12, tzinfo=UTC))
    assert (
        len(enqueue_reminders(repo, [WATCH], [7], routing, datetime(2027, 1, 23, tzinfo=UTC))) == 1
    )
    netflix_lists(repo, "2027-02-05", datetime(2027, 1, 24, 12, tzinfo=UTC))
    assert enqueue_reminders(repo, [WATCH], [7], routing, datetime(2027, 1, 25, tzinfo=UTC)) == []
    moved = enqueue_reminders(repo, [WATCH], [7], routing, datetime(2027, 1, 29, tzinfo=UTC))
    assert [(e.new, e.extra["days"]) for e in moved] == [("2027-02-05", "7")]


def test_no_remind_days_touches_nothing(repo: Repository) -> None:
    netflix_lists(repo, "2027-01-29", datetime(2027, 1, 1, 12, tzinfo=UTC))
    before = repo.deliveries()
    assert (
        enqueue_reminders(
            repo, [WATCH], [], Routing((HOOK,), render=render), datetime(2027, 1, 28, tzinfo=UTC)
        )
        == []
    )
    assert repo.deliveries() == before
