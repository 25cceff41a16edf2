"""The real daemon as a subprocess against a local feed server and a local webhook.

Intervals are a second or less, so a full story (baseline, news, live edits, a bad edit,
SIGTERM, restart) runs in seconds. Waits poll for an outcome with a generous ceiling;
nothing asserts how fast anything happened.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_cli
from tests.databases import toml_string
from tests.feedserver import FeedItem, FeedServer, rss
from tests.receivers import Webhook, webhook

pytestmark = pytest.mark.slow

SHOW = "The Glass Orchard"
NEW_SHOW = "Lanterns of Pohang"
STOP_WITHIN = 10.0
JSON_LOGS = ("--log-format", "json")


def wait_for(cond: Callable[[], Any], timeout: float = 20.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = cond()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


class DaemonProcess:
    """`python -m monitor -c CONFIG run --log-format json`, stderr captured to a file."""

    STOP_TIMEOUT = 30.0  # seconds from the signal to the exit

    def __init__(self, config: Path, log: Path, env: dict[str, str] | None = None) -> None:
        self.config, self.log, self.extra_env = config, log, env or {}
        self.proc: subprocess.Popen[bytes] | None = None
        self._offset = 0

    def start(self) -> DaemonProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("RELEASE_MONITOR_")}
        env["PYTHONPATH"] = str(ROOT)
        env.update(self.extra_env)
        self._offset = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "monitor", "-c", str(self.config), "run", *JSON_LOGS],
                cwd=self.config.parent,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        return self

    def lines(self) -> list[dict[str, Any]]:
        """This run's log records (every line must be one JSON object)."""
        with self.log.open("rb") as fh:
            fh.seek(self._offset)
            raw = fh.read().decode("utf-8")
        out = []
        for line in raw.splitlines():
            if line.strip():
                out.append(json.loads(line))
        return out

    def logged(self, needle: str) -> list[dict[str, Any]]:
        return [r for r in self.lines() if needle in r["msg"]]

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, float]:
        assert self.proc is not None
        start = time.monotonic()
        self.proc.send_signal(sig)  # nothing if it has already exited
        try:
            code = self.proc.wait(timeout=self.STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        return code, time.monotonic() - start

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def item(title: str, text: str, slug: str, hours_ago: float = 1) -> FeedItem:
    return FeedItem(
        title=title,
        text=text,
        link=f"https://deadline.com/2026/{slug}/",
        published=datetime.now(UTC) - timedelta(hours=hours_ago),
    )


RENEWAL = item(
    f"'{SHOW}' Renewed For Season 2 At Netflix",
    f"Netflix has renewed the drama {SHOW} for a second season, the streamer announced.",
    "glass-orchard-renewed",
    hours_ago=48,
)
DATED = item(
    f"'{SHOW}' Season 2 Gets Premiere Date",
    f"Netflix has set Friday, March 12, 2027 as the premiere date for season 2 of {SHOW}.",
    "glass-orchard-date",
)
DELAYED = item(
    f"'{SHOW}' Season 2 Pushed To May",
    f"Netflix has moved the premiere of {SHOW} season 2 to May 14, 2027, from March 12.",
    "glass-orchard-delay",
    hours_ago=0.5,
)


def config_text(
    feeds: FeedServer,
    hook: Webhook,
    watches: list[str],
    feed_interval: str,
    database: str = "sqlite:///rm.db",
) -> str:
    out = f"""
[monitor]
database = {toml_string(database)}
interval = "500ms"
notify_baseline = false
workers = 2

[notify]
urls = ["{hook.url()}"]

[sources.google_news]
base_url = "{feeds.url("/gn/search")}"

[sources.tvmaze]
enabled = false

[[feeds]]
name = "Deadline"
url = "{feeds.url("/deadline.xml")}"
trust = "trade"
interval = "{feed_interval}"
"""
    for show in watches:
        out += f'\n[[watch]]\nshow = "{show}"\nseason = 2\n'
    return out


@dataclass
class Servers:
    """The feed server, the webhook and the database (each test runs on both engines)."""

    feeds: FeedServer
    hook: Webhook
    database: str

    def __iter__(self) -> Iterator[Any]:
        return iter((self.feeds, self.hook))


@pytest.fixture
def servers(feed_server: FeedServer, database_url: str) -> Iterator[Servers]:
    feed_server.add_default(rss("Google News", []))
    feed_server.add("/deadline.xml", rss("Deadline", [RENEWAL]))
    with webhook() as hook:
        yield Servers(feed_server, hook, database_url)


@pytest.fixture
def daemons() -> Iterator[list[DaemonProcess]]:
    started: list[DaemonProcess] = []
    yield started
    for d in started:
        d.kill()


def messages_about(hook: Webhook, *needles: str) -> list[str]:
    return [t for t in hook.texts() if all(n in t for n in needles)]


def start_daemon(
    tmp_path: Path, servers: Servers, daemons: list[DaemonProcess], **env: str
) -> tuple[Path, DaemonProcess]:
    feeds, hook = servers
    config = tmp_path / "config.toml"
    if not config.exists():
        text = config_text(feeds, hook, [SHOW], "500ms", servers.database)
        config.write_text(text, encoding="utf-8")
    daemon = DaemonProcess(config, tmp_path / "daemon.log", env).start()
    daemons.append(daemon)
    return config, daemon


def test_daemon_lifecycle(tmp_path: Path, servers: Servers, daemons: list[DaemonProcess]) -> None:
    feeds, hook = servers
    config, first = start_daemon(tmp_path, servers, daemons)

    # It polls repeatedly, on its own; the baseline (a renewal from before) is silent.
    wait_for(lambda: feeds.hits("/deadline.xml") >= 3, what="three polls of the feed")
    assert hook.received == []

    # Health is fine while it runs. A second daemon on this SQLite file is refused; on
    # PostgreSQL one with another watchlist is. Read-only commands keep working beside it.
    health = run_cli("-c", str(config), "health", cwd=tmp_path)
    assert (health.returncode, health.stdout.splitlines()[0]) == (0, "ok"), health.stderr
    assert first.proc is not None
    if servers.database.startswith("sqlite"):
        second = run_cli("-c", str(config), "run", cwd=tmp_path, timeout=30)
        assert second.returncode == 1
        assert "already running" in second.stderr
        assert f"pid {first.proc.pid}" in second.stderr
    else:
        other = tmp_path / "other.toml"
        text = config_text(feeds, hook, [NEW_SHOW], "500ms", servers.database)
        other.write_text(text, encoding="utf-8")
        second = run_cli("-c", str(other), "run", cwd=tmp_path, timeout=30)
        assert second.returncode == 1
        assert "runs a different watchlist" in second.stderr
        assert f"(pid {first.proc.pid})" in second.stderr
        assert socket.gethostname() in second.stderr
    status = run_cli("-c", str(config), "status", "--json", cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    listing = run_cli("-c", str(config), "sources", "--json", cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    by_name = {s["name"]: s for s in json.loads(listing.stdout)}
    assert by_name["Deadline"]["last_success"] is not None
    assert by_name["Deadline"]["items_seen"] >= 1
    assert by_name["Deadline"]["failures"] == 0

    # Editing the watchlist adds a watch live: its Google News search starts.
    config.write_text(
        config_text(feeds, hook, [SHOW, NEW_SHOW], "500ms", servers.database), encoding="utf-8"
    )
    wait_for(lambda: any(NEW_SHOW in q for q in feeds.queries()), what="the new watch's search")
    assert first.logged("config reloaded")

    # An invalid edit keeps the daemon running on the last good config, logs the exact
    # error, and tells the targets once.
    good = config_text(feeds, hook, [SHOW, NEW_SHOW], "500ms", servers.database)
    config.write_text(good.replace("season = 2", "season = 0", 1), encoding="utf-8")
    rejected = wait_for(lambda: first.logged("config edit rejected"), what="the rejection")
    assert "watch[0].season: must be a whole number from 1 to 999, got 0" in rejected[0]["msg"]
    hits = feeds.hits("/deadline.xml")
    wait_for(lambda: feeds.hits("/deadline.xml") >= hits + 2, what="polls after bad edit")
    wait_for(lambda: messages_about(hook, "config"), what="the broken-config message")
    config.write_text(good, encoding="utf-8")
    wait_for(lambda: first.logged("valid again"), what="the fix to be noticed")

    # SIGTERM: in-flight work finishes, exit 0, promptly.
    code, took = first.stop(signal.SIGTERM)
    assert (code, took < STOP_WITHIN) == (0, True)
    assert first.logged("daemon stopped")
    sent = hook.texts()
    assert len(sent) == 1  # the broken-config message, nothing else

    # A restart re-sends nothing and keeps polling; SIGINT stops it the same way.
    again = DaemonProcess(config, first.log).start()
    daemons.append(again)
    polls = feeds.hits("/deadline.xml")
    wait_for(lambda: feeds.hits("/deadline.xml") >= polls + 3, what="polls after restart")
    assert hook.texts() == sent
    code, took = again.stop(signal.SIGINT)
    assert (code, took < STOP_WITHIN) == (0, True)
    stopped = run_cli("-c", str(config), "health", cwd=tmp_path)
    assert stopped.returncode == 1
    assert "daemon stopped" in stopped.stderr


def test_news_reaches_targets_across_a_restart(
    tmp_path: Path, servers: Servers, daemons: list[DaemonProcess]
) -> None:
    pytest.importorskip("monitor.extract.claims", reason="the extract stage has not landed yet")
    feeds, hook = servers
    config, first = start_daemon(tmp_path, servers, daemons)
    wait_for(lambda: feeds.hits("/deadline.xml") >= 2, what="the baseline polls")

    # A new item becomes a notification without any manual poll.
    feeds.add("/deadline.xml", rss("Deadline", [DATED, RENEWAL]))
    dated = wait_for(lambda: messages_about(hook, SHOW, "2027"), what="the date message")
    assert len(dated) == 1
    assert "March" in dated[0]
    code, _ = first.stop()
    assert code == 0
    sent_before = hook.texts()

    # While it is down the date moves; after a restart that arrives once, nothing else.
    feeds.add("/deadline.xml", rss("Deadline", [DELAYED, DATED, RENEWAL]))
    again = DaemonProcess(config, first.log).start()
    daemons.append(again)
    wait_for(lambda: messages_about(hook, SHOW, "May"), what="the delay message")
    polls = feeds.hits("/deadline.xml")
    wait_for(lambda: feeds.hits("/deadline.xml") >= polls + 3, what="more polls")
    after = hook.texts()
    assert after[: len(sent_before)] == sent_before
    assert len(after) == len(sent_before) + 1, after
    code, _ = again.stop()
    assert code == 0


def test_sigterm_during_a_hung_fetch_exits_promptly(
    tmp_path: Path, servers: Servers, daemons: list[DaemonProcess]
) -> None:
    feeds = servers.feeds
    feeds.routes["/deadline.xml"].hang = True
    _, daemon = start_daemon(tmp_path, servers, daemons, RELEASE_MONITOR_SHUTDOWN_GRACE="2")
    wait_for(lambda: feeds.hits("/deadline.xml") >= 1, what="the hung request")
    code, took = daemon.stop()
    assert (code, took < STOP_WITHIN) == (0, True)
    assert daemon.logged("stopped with work unfinished")


def test_failing_feed_sends_one_alert(
    tmp_path: Path, servers: Servers, daemons: list[DaemonProcess]
) -> None:
    feeds, hook = servers
    feeds.add("/deadline.xml", status=500)
    # Backoff doubles from the interval: 50 ms reaches 6 failures in seconds.
    (tmp_path / "config.toml").write_text(
        config_text(feeds, hook, [SHOW], "50ms", servers.database), encoding="utf-8"
    )
    _, daemon = start_daemon(tmp_path, servers, daemons)
    alerts = wait_for(lambda: messages_about(hook, "Deadline", "failing"), what="the alert")
    hits = feeds.hits("/deadline.xml")
    assert hits >= 6
    wait_for(lambda: feeds.hits("/deadline.xml") >= hits + 1, what="another failure")
    time.sleep(1.0)  # give a wrongly repeated alert the chance to be delivered
    assert len(messages_about(hook, "Deadline", "failing")) == len(alerts) == 1
    code, _ = daemon.stop()
    assert code == 0
