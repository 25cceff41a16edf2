"""End to end: the CLI as a subprocess against feeds on a local HTTP server, notifying a real
local webhook and a real local SMTP server, for a fictional show, step by step."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from tests.conftest import ROOT, run_cli
from tests.feedserver import FeedServer
from tests.receivers import Mailbox, Webhook, smtp_server, webhook

pytestmark = pytest.mark.slow

SHOW = "Glass Harbor"
FEEDS = {  # path -> (feed name, trust or None for the domain table)
    "/trade.xml": ("Trade Wire", "trade"),
    "/daily.xml": ("Daily Screen", None),
    "/pulse.xml": ("Fan Pulse", "blog"),
    "/stream.xml": ("Stream Notes", "blog"),
    "/binge.xml": ("Binge Report", "press"),
}


def spoken(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


@dataclass
class Story:
    """The fictional timeline, relative to the real clock so the premiere is always ahead."""

    today: date = field(default_factory=lambda: datetime.now(UTC).date())

    @property
    def premiere(self) -> date:
        return self.today + timedelta(days=300)

    @property
    def delayed(self) -> date:
        return self.today + timedelta(days=420)

    def published(self, days_ago: int) -> datetime:
        return datetime.combine(self.today - timedelta(days=days_ago), datetime.min.time(), UTC)


@dataclass
class Feeds:
    server: FeedServer
    items: dict[str, list[str]] = field(default_factory=lambda: {p: [] for p in FEEDS})

    def add(self, path: str, guid: str, title: str, text: str, published: datetime) -> None:
        site = FEEDS[path][0].lower().replace(" ", "")
        self.items[path].append(
            "<item>"
            f"<guid>{guid}</guid><title>{escape(title)}</title>"
            f"<link>https://{site}.example/{guid}</link>"
            f"<description>{escape(text)}</description>"
            f"<pubDate>{format_datetime(published)}</pubDate>"
            "</item>"
        )
        self.publish(path)

    def publish(self, path: str) -> None:
        name = FEEDS[path][0]
        body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{name}</title><link>https://{name.lower().replace(' ', '')}.example/</link>"
            f"<description>{name}</description>{''.join(reversed(self.items[path]))}"
            "</channel></rss>"
        )
        self.server.add(path, body.encode("utf-8"))


def write_config(path: Path, server: FeedServer, targets: list[str]) -> Path:
    lines = [
        "[monitor]",
        'database = "sqlite:///state.db"',
        "[notify]",
        f"urls = {json.dumps(targets)}",
        "[sources.google_news]",
        "enabled = false",
        "[sources.tvmaze]",
        "enabled = false",
    ]
    for feed_path, (name, trust) in FEEDS.items():
        lines += ["[[feeds]]", f'name = "{name}"', f'url = "{server.url(feed_path)}"']
        if trust:
            lines.append(f'trust = "{trust}"')
    lines += ["[[watch]]", f'show = "{SHOW}"', "season = 2"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class World:
    config: Path
    feeds: Feeds
    hook: Webhook
    mail: Mailbox
    story: Story

    def cli(self, *args: str, faketime: str | None = None) -> subprocess.CompletedProcess[str]:
        if faketime is None:
            result = run_cli("-c", str(self.config), *args, cwd=self.config.parent)
        else:
            result = run_faked(faketime, "-c", str(self.config), *args, cwd=self.config.parent)
        assert result.returncode == 0, result.stderr
        return result

    def poll(self, faketime: str | None = None) -> dict[str, Any]:
        found: dict[str, Any] = json.loads(self.cli("poll", "--json", faketime=faketime).stdout)
        return found

    def status(self) -> dict[str, Any]:
        (season,) = json.loads(self.cli("status", "--json").stdout)
        assert isinstance(season, dict)
        return season

    def sent(self) -> tuple[int, int]:
        return len(self.hook.received), len(self.mail.messages)


def run_faked(when: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Like run_cli, under libfaketime's clock."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("RELEASE_MONITOR_")}
    return subprocess.run(
        ["faketime", "-f", when, sys.executable, "-m", "monitor", *args],
        cwd=cwd,
        env={**base, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


needs_faketime = pytest.mark.skipif(
    shutil.which("faketime") is None,
    reason="libfaketime's `faketime` is not installed (apt-get install faketime; .ci/run does)",
)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with FeedServer() as server, webhook() as hook, smtp_server() as mail:
        feeds = Feeds(server)
        for feed_path in FEEDS:
            feeds.publish(feed_path)
        config = write_config(tmp_path / "config.toml", server, [hook.url(), mail.url()])
        yield World(config, feeds, hook, mail, Story())


def kinds(report: dict[str, Any]) -> list[str]:
    return [e["kind"] for e in report["events"]]


@needs_faketime
def test_a_season_from_renewal_to_release(world: World) -> None:
    story, feeds = world.story, world.feeds
    trade = "/trade.xml"

    # (1) Baseline: an evergreen "everything we know" article and a trade renewal item.
    feeds.add(
        trade,
        "gh-renewed",
        f"{SHOW} Renewed for Season 2 at Netflix",
        f"Netflix has renewed {SHOW} for a second season, the streamer announced on Tuesday.",
        story.published(30),
    )
    feeds.add(
        "/daily.xml",
        "gh-evergreen",
        f"{SHOW} Season 2: Release Date, Cast, Plot and Everything We Know",
        f"{SHOW} season 2 is happening: Netflix renewed the drama. No release date has been "
        f"announced for season 2 yet. Season 1 premiered on June 3, 2025.",
        story.published(5),
    )
    report = world.poll()
    assert kinds(report) == ["tracking"]
    assert all(s["status"] == "ok" for s in report["sources"]), report["sources"]
    assert world.sent() == (1, 1)  # at most one summary per target
    assert world.hook.titles == [f"{SHOW} S2: now tracking"]
    season = world.status()
    assert (season["renewal"], season["release_date"]) == ("renewed", None)

    # (2) Noise: a season-1 recap, a listicle, a rumour, cast news, another show's date.
    feeds.add(
        "/daily.xml",
        "gh-recap",
        f"{SHOW} Season 1 Recap",
        f"Before season 2, a look back: {SHOW} season 1 premiered June 3, 2025 on Netflix.",
        story.published(4),
    )
    feeds.add(
        "/pulse.xml",
        "listicle",
        "The 25 Most Anticipated Shows",
        f"From {SHOW} to everything else, here are the series we can't wait for.",
        story.published(4),
    )
    feeds.add(
        "/binge.xml",
        "gh-rumour",
        f"{SHOW} Season 2 Could Arrive Next Year",
        f"{SHOW} season 2 could arrive in late {story.premiere.year}, insiders predict.",
        story.published(3),
    )
    feeds.add(
        "/stream.xml",
        "gh-cast",
        f"{SHOW} Season 2 Adds Two to Cast",
        f"Two actors have joined the cast of {SHOW} season 2 in recurring roles.",
        story.published(3),
    )
    feeds.add(
        trade,
        "other-date",
        "Paper Lanterns Season 3 Gets Premiere Date",
        f"Paper Lanterns season 3 premieres {spoken(story.premiere)} on Netflix.",
        story.published(3),
    )
    assert kinds(world.poll()) == []
    assert world.sent() == (1, 1)

    # (3) A trade item sets the date: exactly one message per target.
    feeds.add(
        trade,
        "gh-date",
        f"{SHOW} Season 2 Premiere Date Set at Netflix",
        f"{SHOW} season 2 premieres {spoken(story.premiere)} on Netflix.",
        story.published(2),
    )
    report = world.poll()
    assert kinds(report) == ["date_announced"]
    assert world.sent() == (2, 2)
    words = f"{story.premiere:%A} {story.premiere.day} {story.premiere:%B} {story.premiere.year}"
    mail = world.mail.subjects[-1] + "\n" + world.mail.text(-1)
    for text in (json.dumps(world.hook.received[-1]), mail):
        assert f"{SHOW} S2" in text and words in text, text
    assert world.status()["release_date"] == story.premiere.isoformat()

    # (4) Four outlets copy it: nothing.
    for number, path in enumerate(("/daily.xml", "/pulse.xml", "/stream.xml", "/binge.xml")):
        feeds.add(
            path,
            f"copy-{number}",
            f"{SHOW} Season 2 Release Date Revealed",
            f"{SHOW} season 2 premieres {spoken(story.premiere)} on Netflix.",
            story.published(1),
        )
    assert kinds(world.poll()) == []
    assert world.sent() == (2, 2)

    # (5) A trade item delays it: exactly one message each.
    feeds.add(
        trade,
        "gh-delay",
        f"{SHOW} Season 2 Delayed",
        f"Netflix has delayed {SHOW} season 2. {SHOW} season 2 now premieres "
        f"{spoken(story.delayed)} on Netflix.",
        story.published(1) + timedelta(hours=6),
    )
    report = world.poll()
    assert kinds(report) == ["date_changed"]
    assert world.sent() == (3, 3)
    assert world.hook.received[-1]["title"] == f"{SHOW} S2: release date delayed"

    # (6) An older item and newer blog copies repeat the old date: nothing, state unchanged.
    feeds.add(
        trade,
        "gh-date-early-report",
        f"{SHOW} Season 2 Premiere Date",
        f"{SHOW} season 2 premieres {spoken(story.premiere)} on Netflix.",
        story.published(10),
    )
    for path in ("/pulse.xml", "/stream.xml"):
        feeds.add(
            path,
            f"stale-{path[1:-4]}",
            f"When Does {SHOW} Season 2 Come Out?",
            f"{SHOW} season 2 premieres {spoken(story.premiere)} on Netflix.",
            story.published(0),
        )
    assert kinds(world.poll()) == []
    assert world.sent() == (3, 3)
    assert world.status()["release_date"] == story.delayed.isoformat()

    # (7) The webhook answers 500 while a phase change happens: email delivered, webhook held.
    world.hook.status = 500
    feeds.add(
        trade,
        "gh-wrapped",
        f"{SHOW} Season 2 Wraps Filming",
        f"Filming has wrapped on {SHOW} season 2, Netflix confirmed.",
        story.published(0),
    )
    report = world.poll()
    assert kinds(report) == ["phase_changed"]
    assert report["deliveries"] == {"sent": 1, "failed": 1, "pending": 1}
    assert world.sent() == (3, 4)

    # (8) The webhook is back: the held message arrives exactly once, nothing else is sent,
    # and unchanged feeds answer 304.
    world.hook.status = 200
    report = world.poll()
    assert kinds(report) == []
    assert {s["status"] for s in report["sources"]} == {"not_modified"}
    assert report["deliveries"] == {"sent": 1, "failed": 0, "pending": 0}
    assert world.sent() == (4, 4)
    assert world.hook.received[-1]["title"] == world.mail.subjects[-1]

    # (9) With the clock past the date, a "now streaming" item and the passed date give one
    # `released` message.
    feeds.add(
        trade,
        "gh-streaming",
        f"{SHOW} Season 2 Is Now Streaming",
        f"{SHOW} season 2 is now streaming on Netflix.",
        datetime.combine(story.delayed, datetime.min.time(), UTC) + timedelta(hours=8),
    )
    report = world.poll(faketime=f"@{story.delayed + timedelta(days=1)} 12:00:00")
    assert kinds(report) == ["released"]
    assert world.sent() == (5, 5)
    assert world.hook.received[-1]["title"] == f"{SHOW} S2: out now"
    history = json.loads(world.cli("history", SHOW, "--json").stdout)
    assert [h["kind"] for h in history if h["notified"]] == [
        "tracking",
        "date_announced",
        "date_changed",
        "phase_changed",
        "released",
    ]


@needs_faketime
def test_a_sender_killed_between_claim_and_mark_resends_once_after_restart(
    tmp_path: Path,
) -> None:
    with FeedServer() as server, webhook() as hook:
        feeds = Feeds(server)
        for feed_path in FEEDS:
            feeds.publish(feed_path)
        feeds.add(
            "/trade.xml",
            "gh-renewed",
            f"{SHOW} Renewed for Season 2",
            f"Netflix has renewed {SHOW} for a second season.",
            Story().published(3),
        )
        config = write_config(tmp_path / "config.toml", server, [hook.url()])
        hook.hold = threading.Event()
        base = {k: v for k, v in os.environ.items() if not k.startswith("RELEASE_MONITOR_")}
        process = subprocess.Popen(
            [sys.executable, "-m", "monitor", "-c", str(config), "poll"],
            cwd=tmp_path,
            env={**base, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert hook.arrived.wait(60), "the summary never reached the webhook"
            process.send_signal(signal.SIGKILL)  # claimed and sent, never marked
            process.wait(30)
        finally:
            if process.poll() is None:
                process.kill()
        hook.hold.set()
        hook.hold = None
        assert len(hook.received) == 1
        # Right after the crash the row is still leased to the dead sender: not sent yet.
        quick = json.loads(run_cli("-c", str(config), "poll", "--json", cwd=tmp_path).stdout)
        assert quick["deliveries"]["pending"] == 1 and len(hook.received) == 1
        # Once the lease has run out, a restarted sender sends it again (at-least-once) ...
        later = run_faked("+10m", "-c", str(config), "poll", "--json", cwd=tmp_path)
        assert json.loads(later.stdout)["deliveries"] == {"sent": 1, "failed": 0, "pending": 0}
        assert len(hook.received) == 2 and hook.titles[0] == hook.titles[1]
        # ... and a delivered row is never sent again.
        run_faked("+1d", "-c", str(config), "poll", "--json", cwd=tmp_path)
        assert len(hook.received) == 2
