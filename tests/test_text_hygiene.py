"""Control and bidi characters from feeds never reach a person: messages, history, status
and the .ics file (which must still parse) all go through one sanitiser."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from monitor.sanitize import ZWSP, printable, strip_controls
from tests.conftest import run_cli
from tests.feedserver import FeedItem, FeedServer, rss
from tests.receivers import webhook

HOSTILE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("plain text", "plain text", id="plain"),
        pytest.param("red\x1b[31malert\x07", "red [31malert ", id="escape-and-bell"),
        pytest.param("nul\x00byte", "nul byte", id="nul"),
        pytest.param("c1\x85next\x9bcsi", "c1 next csi", id="c1-controls"),
        pytest.param("photo\u202egpj.exe", "photogpj.exe", id="right-to-left-override"),
        pytest.param("a\u2066b\u2069c\u200fd", "abcd", id="isolates-and-marks"),
        pytest.param("line one\nline two", "line one\nline two", id="newline-kept"),
        pytest.param("tab\there\r\n", "tab here\n", id="tab-and-crlf"),
        pytest.param("지금 우리 학교는 S2", "지금 우리 학교는 S2", id="korean-untouched"),
    ],
)
def test_strip_controls(text: str, expected: str) -> None:
    assert strip_controls(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("@everyone S2", f"@{ZWSP}everyone S2", id="everyone"),
        pytest.param("Hi @Here", f"Hi @{ZWSP}Here", id="here-any-case"),
        pytest.param("<@123>", f"<{ZWSP}@123>", id="user-mention"),
        pytest.param("two\nlines", "two lines", id="one-line"),
        pytest.param("mail a@b.example", "mail a@b.example", id="email-untouched"),
    ],
)
def test_printable_one_line(text: str, expected: str) -> None:
    assert printable(text, keep_newlines=False) == expected


SHOW = "@everyone Glass Orchard"
STORY = FeedItem(
    title=f"'{SHOW}' Season 2 Gets Premiere Date\x1b[2J\x07",
    text=(
        f"Netflix has set Friday, March 12, 2027 as the premiere date for season 2 of {SHOW}."
        "\x1b]0;pwned\x07 Read more \u202egpj.exe"
    ),
    link="https://deadline.com/2026/glass-orchard-date/\u202egpj.exe",
    published=datetime.now(UTC) - timedelta(hours=1),
)


def test_a_feed_with_control_characters_reaches_no_output(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.add("/deadline.xml", rss("Deadline\x1b[0m\u202e", [STORY]))
    with webhook() as hook:
        config = tmp_path / "config.toml"
        config.write_text(
            f"""
[monitor]
database = "sqlite:///rm.db"
notify_baseline = true
[notify]
urls = ["{hook.url()}"]
[sources.google_news]
enabled = false
[sources.tvmaze]
enabled = false
[[feeds]]
name = "Deadline"
url = "{feed_server.url("/deadline.xml")}"
trust = "trade"
[[watch]]
show = "{SHOW}"
season = 2
[calendar]
path = "cal.ics"
""",
            encoding="utf-8",
        )
        poll = run_cli("-c", str(config), "poll", cwd=tmp_path)
        assert poll.returncode == 0, poll.stderr
        assert hook.received, "the tracking summary should have been sent"
        sent = "\n".join(hook.texts())
    assert "2027" in sent  # the date went through...
    assert not HOSTILE.search(sent)  # ...and no control or bidi character with it
    assert "@everyone" not in sent

    outputs = {
        "poll": poll.stdout,
        "status": run_cli("-c", str(config), "status", cwd=tmp_path).stdout,
        "history": run_cli("-c", str(config), "history", SHOW, cwd=tmp_path).stdout,
        "check": run_cli("-c", str(config), "check", cwd=tmp_path).stdout,
    }
    for name, text in outputs.items():
        assert text.strip(), name
        assert not HOSTILE.search(text), (name, text)
        assert "@everyone" not in text, (name, text)

    ics = (tmp_path / "cal.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(ics)  # raises on an invalid file
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1 and str(events[0]["dtstart"].dt) == "2027-03-12"
    decoded = ics.decode("utf-8")
    assert not HOSTILE.search(decoded.replace("\r\n", "\n"))
    assert "\x1b" not in decoded and "\u202e" not in decoded
