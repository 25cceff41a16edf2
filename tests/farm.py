"""A feed farm for several `run` daemons on one database (tests/test_scaleout.py and
bench/scaleout.py): feeds spread over four loopback addresses, a large watchlist, two
webhook targets, and dated announcements injected while the daemons run."""

from __future__ import annotations

import itertools
import json
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.feedserver import FeedItem, FeedServer, rss
from tests.receivers import Webhook, webhook
from tests.test_daemon_e2e import DaemonProcess

HOSTS = ("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4")
WORDS = [
    "glass",
    "orchard",
    "lantern",
    "river",
    "crown",
    "signal",
    "harbor",
    "winter",
    "ember",
    "atlas",
    "velvet",
    "echo",
]
MONTHS = ("January", "March", "May", "July", "September", "November")


def show_names(n: int) -> list[str]:
    """Distinct made-up titles: two words and a number ("Glass Orchard 17")."""
    return [f"{WORDS[i % 12].title()} {WORDS[(i // 12) % 12].title()} {i}" for i in range(n)]


def announcement(show: str, n: int) -> FeedItem:
    """A trade report of a premiere date: one confirmed `date_announced` for `show` S2."""
    month, day = MONTHS[n % len(MONTHS)], 1 + n % 27
    return FeedItem(
        title=f"'{show}' Season 2 Premiere Date Set",
        text=f"Netflix has set {month} {day}, 2027 as the premiere date of {show} season 2.",
        link=f"https://deadline.com/2026/11/change-{n}",
        published=datetime.now(UTC) - timedelta(minutes=5),
    )


def evergreen(show: str, n: int) -> FeedItem:
    return FeedItem(
        title=f"Everything we know about {show} season 2",
        text=f"No release date has been confirmed for {show} season 2 yet.",
        link=f"https://blog.example/{n}/evergreen",
        published=datetime.now(UTC) - timedelta(days=3),
    )


class Daemon(DaemonProcess):
    """One daemon of the farm, its JSON log read across all its runs (a restart included)."""

    STOP_TIMEOUT = 40.0  # three daemons finishing a 1,000-watch cycle on two cores

    def __init__(self, config: Path, log: Path, level: str = "DEBUG") -> None:
        # DEBUG: one line per poll, which `polled` counts.
        super().__init__(config, log, {"RELEASE_MONITOR_LOG_LEVEL": level})

    def records(self) -> list[dict[str, Any]]:
        out = []
        for line in self.log.read_text("utf-8").splitlines():
            if line.startswith("{"):
                out.append(json.loads(line))
        return out

    def polled(self) -> Counter[str]:
        """Sources this daemon (all its runs) polled, from its log."""
        return Counter(
            r["source"]
            for r in self.records()
            if r.get("source") and "msg" in r and r["msg"].startswith("source ")
        )


@dataclass
class Farm:
    work: Path
    database: str
    feeds: int = 200
    watches: int = 1000
    interval: str = "2s"
    lease: str = "6s"
    servers: list[FeedServer] = field(default_factory=list)
    hooks: list[Webhook] = field(default_factory=list)
    paths: list[tuple[int, str]] = field(default_factory=list)  # (server index, path) per feed
    items: dict[int, list[FeedItem]] = field(default_factory=dict)
    shows: list[str] = field(default_factory=list)
    injected: list[str] = field(default_factory=list)  # shows announced, in order

    def start(self, stack: ExitStack) -> Farm:
        self.servers = [stack.enter_context(FeedServer(host=h)) for h in HOSTS]
        self.hooks = [stack.enter_context(webhook()) for _ in range(2)]
        self.shows = show_names(self.watches)
        for i in range(self.feeds):
            server = i % len(HOSTS)
            path = f"/feed{i}.xml"
            self.paths.append((server, path))
            self.items[i] = [evergreen(self.shows[(i * 7 + k) % self.watches], k) for k in range(3)]
            self.servers[server].add(path, rss(f"Feed {i}", self.items[i]))
        return self

    def config_text(self, shows: list[str] | None = None) -> str:
        urls = ", ".join(f'"{h.url()}"' for h in self.hooks)
        db = self.database.replace("\\", "\\\\").replace('"', '\\"')
        text = (
            f'[monitor]\ndatabase = "{db}"\ninterval = "{self.interval}"\n'
            f'notify_baseline = false\nworkers = 4\nlease = "{self.lease}"\n'
            f"[notify]\nurls = [{urls}]\n"
            "[sources.google_news]\nenabled = false\n[sources.tvmaze]\nenabled = false\n"
        )
        for i, (server, path) in enumerate(self.paths):
            text += f'\n[[feeds]]\nname = "Feed {i}"\nurl = "{self.servers[server].url(path)}"\n'
        for show in self.shows if shows is None else shows:
            text += f'\n[[watch]]\nshow = "{show}"\nseason = 2\n'
        return text

    def write_config(self, name: str = "config.toml", shows: list[str] | None = None) -> Path:
        path = self.work / name
        path.write_text(self.config_text(shows), encoding="utf-8")
        return path

    def daemon(self, n: int, config: Path, level: str = "DEBUG") -> Daemon:
        return Daemon(config, self.work / f"daemon{n}.log", level)

    def fetch_times(self) -> dict[str, list[float]]:
        """Arrival times of every request, per feed path (from the servers' logs)."""
        times: dict[str, list[float]] = {}
        for _server, path in self.paths:
            times.setdefault(path, [])
        for server in self.servers:
            for record in list(server.requests):
                times.setdefault(record.path, []).append(record.at)
        return {p: sorted(t) for p, t in times.items()}

    def hits(self) -> list[int]:
        return [self.servers[s].hits(p) for s, p in self.paths]

    def inject(self, n: int) -> str:
        """Announcement number n, for its own show, on feed n*4 mod feeds (spread over hosts)."""
        show = self.shows[(n * 13 + 5) % self.watches]
        feed = (n * 4 + n // 50) % self.feeds
        self.items[feed] = [announcement(show, n), *self.items[feed]]
        server, path = self.paths[feed]
        self.servers[server].add(path, rss(f"Feed {feed}", self.items[feed]))
        self.injected.append(show)
        return show

    def received(self) -> list[Counter[str]]:
        """Per target: how many messages named each announced show."""
        out = []
        for hook in self.hooks:
            counts: Counter[str] = Counter()
            for text in hook.texts():
                for show in self.injected:
                    if f"{show} S2" in text:
                        counts[show] += 1
            out.append(counts)
        return out


def wait_for(cond: Any, timeout: float, what: str, every: float = 0.25) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = cond()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(every)


def min_gap(times: list[float]) -> float | None:
    gaps = [b - a for a, b in itertools.pairwise(times)]
    return min(gaps) if gaps else None
