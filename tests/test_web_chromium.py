"""The status page as a browser renders it: headless Chromium against the real daemon.

Chromium (Debian's `chromium` package; `.ci/run` installs it) loads `/`, and the test reads
the DOM it built. Screenshots at a phone and a desktop size go to the test's tmp folder;
set RELEASE_MONITOR_SCREENSHOTS=DIR to also keep them (docs/ holds the README's).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.feedserver import FeedItem, FeedServer, rss
from tests.receivers import _free_port
from tests.test_daemon_e2e import DaemonProcess, wait_for
from tests.test_web_e2e import get

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("chromium") is None,
        reason="headless Chromium is not installed (apt-get install chromium; .ci/run does)",
    ),
]

SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
# Only with RELEASE_MONITOR_SCREENSHOTS: the whole page, and the dark scheme, to look at.
EXTRA_SHOTS = {
    "phone-full": ((390, 2900), ()),
    "desktop-dark": (
        (1280, 1500),
        ("--force-dark-mode", "--blink-settings=preferredColorScheme=0"),
    ),
}


def item(
    title: str, text: str, slug: str, hours_ago: float, site: str = "deadline.com"
) -> FeedItem:
    return FeedItem(
        title=title,
        text=text,
        link=f"https://{site}/2026/{slug}/",
        published=datetime.now(UTC) - timedelta(hours=hours_ago),
    )


TRADE = [
    item(
        "'The Glass Orchard' Season 2 Gets Premiere Date",
        "Netflix has set Friday, March 12, 2027 as the premiere date for season 2 of "
        "The Glass Orchard.",
        "glass-orchard-date",
        hours_ago=5,
    ),
    item(
        "Filming Begins On 'The Glass Orchard' Season 2",
        "Production on season 2 of The Glass Orchard is now underway in Seoul, Netflix said.",
        "glass-orchard-filming",
        hours_ago=30,
    ),
    item(
        "'Paper Kingdom' Season 2 Set For March 2027 At Netflix",
        "Netflix has renewed Paper Kingdom for a second season, which will premiere in March 2027.",
        "paper-kingdom",
        hours_ago=50,
    ),
    item(
        "'Northern Wake' Canceled At Hulu After Two Seasons",
        "Hulu has cancelled Northern Wake; there will be no season 3.",
        "northern-wake",
        hours_ago=70,
    ),
]
BLOG = [
    item(
        "'Quiet Harbor' Season 4 Release Date Set For June 5, 2027",
        "Quiet Harbor season 4 will premiere on June 5, 2027, the network announced.",
        "quiet-harbor",
        hours_ago=8,
        site="tv-gossip.example",
    ),
]
WATCHES = [
    ("The Glass Orchard", 2),
    ("Paper Kingdom", 2),
    ("Northern Wake", 3),
    ("Quiet Harbor", 4),
    ("Velvet Static", 2),
]


def config_text(feeds: FeedServer, port: int) -> str:
    text = f"""
[monitor]
database = "sqlite:///rm.db"
interval = "500ms"
notify_baseline = false

[sources.google_news]
enabled = false

[sources.tvmaze]
enabled = false

[[feeds]]
name = "Deadline"
url = "{feeds.url("/deadline.xml")}"
trust = "trade"

[[feeds]]
name = "Some TV blog"
url = "{feeds.url("/blog.xml")}"
trust = "blog"

[[feeds]]
name = "Variety"
url = "{feeds.url("/variety.xml")}"
trust = "trade"

[web]
listen = "127.0.0.1:{port}"
"""
    for show, season in WATCHES:
        text += f'\n[[watch]]\nshow = "{show}"\nseason = {season}\n'
    return text


@pytest.fixture
def page_url(tmp_path: Path) -> Iterator[str]:
    with FeedServer() as feeds:
        feeds.add("/deadline.xml", rss("Deadline", TRADE))
        feeds.add("/blog.xml", rss("Some TV blog", BLOG, link="https://example.org/"))
        feeds.add("/variety.xml", status=500)
        port = _free_port()
        config = tmp_path / "config.toml"
        config.write_text(config_text(feeds, port), encoding="utf-8")
        daemon = DaemonProcess(config, tmp_path / "daemon.log").start()
        base = f"http://127.0.0.1:{port}"

        def ready() -> bool:
            try:
                seasons = get(base + "/status.json").json()
            except OSError:
                return False
            known = {s["show"]: s for s in seasons}
            return (
                known["The Glass Orchard"]["phase"] == "filming"
                and known["Northern Wake"]["renewal"] == "cancelled"
                and "date" in known["Quiet Harbor"]["reported"]
                and feeds.hits("/variety.xml") >= 2
            )

        try:
            wait_for(ready, timeout=60, what="the daemon to read every feed")
            yield base + "/"
        finally:
            daemon.kill()


def chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    return subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class Seasons(HTMLParser):
    """show -> {field: text} from the cards of the rendered DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.seasons: dict[str, dict[str, str]] = {}
        self.sources: dict[str, str] = {}
        self._show: str | None = None
        self._field: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "li" and "season" in (a.get("class") or "").split():
            self._show = f"{a['data-show']} S{a['data-season']}"
            self.seasons[self._show] = {}
        if tag == "tr" and a.get("data-source"):
            self.sources[str(a["data-source"])] = str(a.get("data-status"))
        if self._show and tag == "dd" and a.get("data-field"):
            self._field = a["data-field"]
            self.seasons[self._show][self._field] = ""
            self._depth = 0
        elif self._field and tag not in ("br",):
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self._field and tag == "dd" and self._depth == 0:
            self._field = None
        elif self._field:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._show and self._field:
            self.seasons[self._show][self._field] += data


def test_page_in_headless_chromium(page_url: str, tmp_path: Path) -> None:
    dumped = chromium(tmp_path, page_url, "--dump-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = Seasons()
    dom.feed(dumped.stdout)
    seasons = dom.seasons
    assert list(seasons) == [f"{show} S{n}" for show, n in WATCHES]  # watchlist order

    orchard = seasons["The Glass Orchard S2"]
    assert orchard["renewal"] == "renewed"
    assert orchard["release_date"] == "Friday 12 March 2027 (exact day)"
    assert orchard["phase"] == "filming"
    assert seasons["Paper Kingdom S2"]["release_date"] == "March 2027 (month only)"
    assert seasons["Northern Wake S3"]["renewal"] == "cancelled"
    # One blog is not enough: reported, shown apart from the (unknown) confirmed value.
    harbor = seasons["Quiet Harbor S4"]["release_date"]
    assert harbor.startswith("not announced")
    assert "reported, not confirmed: Saturday 5 June 2027" in harbor
    assert seasons["Velvet Static S2"] == {
        "renewal": "unknown",
        "release_date": "not announced",
        "phase": "unknown",
    }
    # Failing sources first.
    assert list(dom.sources) == ["Variety", "Deadline", "Some TV blog"]
    assert dom.sources["Variety"] in ("error", "failing")
    # Evidence names its publisher and links the article.
    assert 'href="https://deadline.com/2026/glass-orchard-date/"' in dumped.stdout
    assert "Deadline (trade)" in dumped.stdout

    keep = os.environ.get("RELEASE_MONITOR_SCREENSHOTS")
    shots = {name: (size, ()) for name, size in SIZES.items()}
    if keep:
        shots.update(EXTRA_SHOTS)
    for name, ((width, height), flags) in shots.items():
        shot = tmp_path / f"web-{name}.png"
        done = chromium(
            tmp_path, page_url, f"--screenshot={shot}", f"--window-size={width},{height}", *flags
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, Path(keep) / shot.name)
