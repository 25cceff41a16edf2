"""The .ics calendar: parsed back with icalendar and checked field by field; stable UIDs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from monitor.calendar import (
    calendar_path,
    date_window,
    refresh_calendar,
    render_calendar,
    season_uid,
    write_calendar,
)
from monitor.config import CalendarSection, load_config
from monitor.models import Evidence, SeasonState, SourceState, Trust, Watch
from monitor.notify.render import render
from monitor.sources.tvmaze import observations_from_tvmaze
from monitor.state.repository import Repository, Routing
from tests.conftest import ROOT, run_cli

NOW = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
FIXTURES = Path(__file__).parent / "fixtures"
CHANGED = datetime(2026, 10, 30, 14, 5, 7, 123456, tzinfo=UTC)
DEADLINE = Evidence(
    publisher="Deadline",
    trust=Trust.TRADE,
    url="https://deadline.com/2026/10/all-of-us-are-dead-season-2-date-1236000000/",
    published=CHANGED,
    text="Netflix has set Friday, January 29 for the return of All of Us Are Dead.",
    more=2,
)


def season(show: str, number: int, date_value: str | None, **kw: object) -> SeasonState:
    return SeasonState(show, number, release_date=date_value, updated_at=CHANGED, **kw)  # type: ignore[arg-type]


def events(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


@pytest.mark.parametrize(
    ("value", "start", "exact", "label"),
    [
        ("2027-01-29", date(2027, 1, 29), True, "Friday 29 January 2027"),
        ("2027-03", date(2027, 3, 1), False, "March 2027"),
        ("2027-spring", date(2027, 3, 1), False, "spring 2027"),
        ("2027-fall", date(2027, 9, 1), False, "fall 2027"),
        ("2027-winter", date(2026, 12, 1), False, "winter 2027"),  # the winter ending in 2027
        ("2027-Q2", date(2027, 4, 1), False, "Q2 2027"),
        ("2027-H2", date(2027, 7, 1), False, "second half of 2027"),
    ],
    ids=str,
)
def test_date_window(value: str, start: date, exact: bool, label: str) -> None:
    found = date_window(value)
    assert found is not None
    assert (found.start, found.exact, found.label) == (start, exact, label)


@pytest.mark.parametrize("value", ["2027", "unannounced", None, "2027-02-30", "soon", ""])
def test_nothing_to_place(value: str | None) -> None:
    assert date_window(value) is None
    assert events(render_calendar([season("X", 1, value)], NOW)) == {}


def test_exact_date_is_a_confirmed_all_day_event() -> None:
    state = season(
        "All of Us Are Dead", 2, "2027-01-29", renewal="renewed", evidence={"date": DEADLINE}
    )
    cal = icalendar.Calendar.from_ical(render_calendar([state], NOW))
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == "-//release-monitor//release-monitor//EN"
    assert str(cal["X-WR-CALNAME"]) == "release-monitor"
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "All of Us Are Dead S2 premiere"
    assert event["DTSTART"].dt == date(2027, 1, 29)
    assert not isinstance(event["DTSTART"].dt, datetime)  # all-day: VALUE=DATE
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    assert event["DTEND"].dt == date(2027, 1, 30)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert str(event["UID"]) == season_uid("All of Us Are Dead", 2)
    assert str(event["URL"]) == DEADLINE.url
    assert event["DTSTAMP"].dt == CHANGED.replace(microsecond=0)
    assert event["LAST-MODIFIED"].dt == CHANGED.replace(microsecond=0)
    description = str(event["DESCRIPTION"])
    assert "Premiere: Friday 29 January 2027" in description
    assert "Deadline (trade) + 2 more" in description
    assert DEADLINE.text in description
    assert DEADLINE.url in description.splitlines()


@pytest.mark.parametrize(
    ("value", "summary", "start"),
    [
        ("2027-03", "Dark S4 (expected March 2027)", date(2027, 3, 1)),
        ("2027-summer", "Dark S4 (expected summer 2027)", date(2027, 6, 1)),
        ("2027-Q3", "Dark S4 (expected Q3 2027)", date(2027, 7, 1)),
        ("2027-H1", "Dark S4 (expected first half of 2027)", date(2027, 1, 1)),
    ],
    ids=["month", "season-of-year", "quarter", "half"],
)
def test_window_is_a_tentative_event_on_its_first_day(
    value: str, summary: str, start: date
) -> None:
    (event,) = events(render_calendar([season("Dark", 4, value)], NOW)).values()
    assert str(event["SUMMARY"]) == summary
    assert str(event["STATUS"]) == "TENTATIVE"
    assert event["DTSTART"].dt == start
    assert event["DTEND"].dt == start + timedelta(days=1)  # one day, not a three-month block
    assert "not an exact date yet" in str(event["DESCRIPTION"])
    assert "URL" not in event  # no evidence given, no link invented


def test_one_event_per_dated_season_cancelled_and_undated_left_out() -> None:
    states = [
        season("Squid Game", 3, "2027-06-27"),
        season("1899", 2, "2027-05-01", renewal="cancelled"),
        season("All of Us Are Dead", 2, "2027-01-29"),
        season("All of Us Are Dead", 3, None, renewal="renewed"),
        season("Bridgerton", 5, "2027-winter"),
    ]
    cal = icalendar.Calendar.from_ical(render_calendar(states, NOW))
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert summaries == [
        "All of Us Are Dead S2 premiere",
        "Bridgerton S5 (expected winter 2027)",
        "Squid Game S3 premiere",
    ]
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(set(uids)) == 3


def test_uid_depends_on_show_and_season_only() -> None:
    uid = season_uid("All of Us Are Dead", 2)
    assert uid == season_uid("all of us are  DEAD", 2)
    assert uid != season_uid("All of Us Are Dead", 3)
    assert uid != season_uid("All of Us Are Dead 2", 2)
    moved = events(render_calendar([season("All of Us Are Dead", 2, "2027-03-05")], NOW))
    first = events(render_calendar([season("All of Us Are Dead", 2, "2027-01-29")], NOW))
    assert [str(e["UID"]) for e in moved.values()] == [str(e["UID"]) for e in first.values()]
    # Pinned: a UID that changed between versions would duplicate every subscribed event.
    assert uid == "aa6d6d76-231d-56e2-bfe1-c98cfc1768a2@release-monitor"


def test_same_state_renders_identical_bytes_in_another_process(tmp_path: Path) -> None:
    states = [season("All of Us Are Dead", 2, "2027-01-29", evidence={"date": DEADLINE})]
    here = render_calendar(states, NOW)
    later = render_calendar(states, NOW + timedelta(days=3))  # DTSTAMP follows the state
    assert here == later
    script = (
        "import sys\nfrom datetime import datetime, UTC\n"
        "from monitor.calendar import render_calendar\nfrom monitor.models import SeasonState\n"
        "s = SeasonState('All of Us Are Dead', 2, release_date='2027-01-29', "
        "updated_at=datetime(2026, 10, 30, 14, 5, 7, tzinfo=UTC))\n"
        "sys.stdout.buffer.write(render_calendar([s], datetime.now(UTC)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "7"},
        capture_output=True,
        check=True,
    ).stdout
    other = events(out)["All of Us Are Dead S2 premiere"]
    mine = events(here)["All of Us Are Dead S2 premiere"]
    assert str(other["UID"]) == str(mine["UID"])
    assert other["DTSTART"].dt == mine["DTSTART"].dt


def test_write_calendar_replaces_the_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "release-monitor.ics"
    write_calendar(target, [season("Dark", 4, "2027-03")], NOW)
    assert "Dark S4 (expected March 2027)" in events(target.read_bytes())
    target.chmod(0o640)
    write_calendar(target, [season("Dark", 4, "2027-03-05")], NOW)
    assert list(events(target.read_bytes())) == ["Dark S4 premiere"]
    assert target.stat().st_mode & 0o777 == 0o640  # permissions survive the rewrite
    assert [p.name for p in target.parent.iterdir()] == ["release-monitor.ics"]  # no temp left


def test_write_calendar_leaves_the_old_file_when_it_cannot_write(tmp_path: Path) -> None:
    target = tmp_path / "cal.ics"
    write_calendar(target, [season("Dark", 4, "2027-03-05")], NOW)
    before = target.read_bytes()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError):
        write_calendar(blocker / "cal.ics", [season("Dark", 4, "2027-04-01")], NOW)
    assert target.read_bytes() == before


# --- `release-monitor calendar -o FILE.ics` on a real state database ---------------------------


def seed(tmp_path: Path) -> Path:
    """A config and a database where TVmaze dated one season and announced another."""
    config = tmp_path / "config.toml"
    config.write_text(
        '[monitor]\ndatabase = "sqlite:///state/rm.db"\n'
        '[[watch]]\nshow = "All of Us Are Dead"\nseason = 2\n'
        '[[watch]]\nshow = "All of Us Are Dead"\nseason = 3\n'
        '[[watch]]\nshow = "Dark"\nseason = 4\n',
        encoding="utf-8",
    )
    watches = [Watch("All of Us Are Dead", 2), Watch("All of Us Are Dead", 3), Watch("Dark", 4)]
    payload = json.loads((FIXTURES / "tvmaze" / "show_dated.json").read_text("utf-8"))
    payload["_embedded"]["seasons"].append(
        {"id": 1, "number": 3, "premiereDate": None, "url": "https://www.tvmaze.com/seasons/1"}
    )
    repo = Repository.open(f"sqlite:///{tmp_path / 'state' / 'rm.db'}")
    try:
        with repo.transaction() as session:
            repo.apply(
                session,
                source="tvmaze:All of Us Are Dead",
                status="ok",
                state=SourceState(),
                items=[],
                observations=observations_from_tvmaze(payload, watches, NOW),
                watches=watches,
                routing=Routing(render=render),
                all_sources=["tvmaze:All of Us Are Dead"],
                now=NOW,
            )
    finally:
        repo.close()
    return config


def test_calendar_command_writes_the_stored_dates(tmp_path: Path) -> None:
    config = seed(tmp_path)
    out = tmp_path / "public" / "tv.ics"
    result = run_cli("-c", str(config), "calendar", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"Wrote {out}: 1 premiere date(s), 0 tentative, 2 season(s) without a date to place."
    )
    (event,) = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "All of Us Are Dead S2 premiere"
    assert event["DTSTART"].dt == date(2027, 1, 29)
    assert str(event["URL"]) == "https://www.tvmaze.com/seasons/149873/all-of-us-are-dead-season-2"
    assert "TVmaze (structured)" in str(event["DESCRIPTION"])
    assert str(event["UID"]) == season_uid("All of Us Are Dead", 2)
    first = out.read_bytes()

    # A second run (another process, later) writes the same file: same UID, same bytes.
    again = run_cli("-c", str(config), "calendar", "-o", str(out))
    assert again.returncode == 0, again.stderr
    assert out.read_bytes() == first

    to_stdout = run_cli("-c", str(config), "calendar", "-o", "-")
    assert to_stdout.returncode == 0, to_stdout.stderr
    # run_cli reads text, which turns the CRLF line ends of iCalendar into LF.
    assert to_stdout.stdout.encode() == first.replace(b"\r\n", b"\n")


def test_calendar_command_reports_an_unwritable_path(tmp_path: Path) -> None:
    config = seed(tmp_path)
    (tmp_path / "file").write_text("x")
    result = run_cli("-c", str(config), "calendar", "-o", str(tmp_path / "file" / "tv.ics"))
    assert result.returncode == 1
    assert result.stderr.startswith("release-monitor: cannot write ")
    assert "Traceback" not in result.stderr


def test_calendar_path_is_relative_to_the_config_and_refreshed(tmp_path: Path) -> None:
    config_file = seed(tmp_path)
    config = load_config(config_file).model_copy(
        update={"calendar": CalendarSection(path="public/tv.ics")}
    )
    assert calendar_path(config) == tmp_path / "public" / "tv.ics"
    repo = Repository.open(config.database_url)
    try:
        written = refresh_calendar(config, repo, NOW)
    finally:
        repo.close()
    assert written == tmp_path / "public" / "tv.ics"
    assert list(events(written.read_bytes())) == ["All of Us Are Dead S2 premiere"]
    unset = config.model_copy(update={"calendar": CalendarSection()})
    assert calendar_path(unset) is None
