"""Soak the real daemon: 100 watches, 50 feeds on local servers, accelerated intervals.

Runs `release-monitor run` as a subprocess for an hour-equivalent of polling cycles (by
default 60 cycles: an hour at a one-minute interval) while feeds keep gaining items, and
samples the daemon's resident memory (VmRSS) over time.

    .venv/bin/python bench/soak.py                    # 100 watches, 50 feeds, 60 cycles
    .venv/bin/python bench/soak.py --cycles 10        # a quick look

Prints one line per sample and a summary (RSS after warm-up, peak, end, growth).

Delivery isolation: the daemon notifies `--healthy` local webhooks plus one hostile target
on a raw socket that reads each request and then answers one byte every 2 s (a trickle,
`--no-trickle` to leave it out). The summary gives the messages each healthy target got,
their delay from enqueue to delivery (p50/p99, from the outbox rows), and how many
requests the trickling target managed to tie up.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.feedserver import FeedItem, FeedServer, rss  # noqa: E402
from tests.receivers import raw_target, webhook  # noqa: E402

HOSTS = ("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4")
WARM_CYCLES = 5
WORDS = ("glass orchard lantern river crown signal harbor winter ember atlas velvet echo").split()  # noqa: SIM905
PUBLISHERS = ("deadline.com", "variety.com", "tvline.com", "whats-on-netflix.com", "blog.example")


def show_names(n: int) -> list[str]:
    rng = random.Random(7)
    names: set[str] = set()
    while len(names) < n:
        names.add(" ".join(w.title() for w in rng.sample(WORDS, 2)) + f" {len(names)}")
    return sorted(names)


def article(rng: random.Random, show: str, n: int) -> FeedItem:
    season = rng.choice((1, 2, 2, 3))
    kind = rng.random()
    if kind < 0.2:
        title, text = f"'{show}' Renewed For Season {season}", f"{show} has been renewed."
    elif kind < 0.4:
        day = rng.randint(1, 28)
        month = rng.choice(("March", "May", "September", "November"))
        title = f"'{show}' Season {season} Premiere Date Set"
        text = (
            f"Netflix has set {month} {day}, 2027 as the premiere date of {show} season {season}."
        )
    elif kind < 0.5:
        title, text = f"'{show}' Season {season} Wraps Filming", "Production has wrapped."
    else:
        title = f"Everything we know about {show} season {season}"
        text = f"No release date has been confirmed for {show} season {season} yet. " * 5
    domain = rng.choice(PUBLISHERS)
    return FeedItem(
        title=title,
        text=text,
        link=f"https://{domain}/{n}/{show.lower().replace(' ', '-')}",
        published=datetime.now(UTC) - timedelta(minutes=rng.randint(0, 600)),
    )


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def children_kib(pid: int) -> int:
    """Resident memory of the daemon's child processes (the feed-parsing sandbox)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            total += rss_kib(int(child)) or 0
    return total


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report_deliveries(db: Path, hooks: list[object], trickle: object | None) -> None:
    """Messages per healthy target and their enqueue-to-sent delay, from the outbox."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(
            "SELECT target_label, status, created_at, sent_at FROM delivery"
        ).fetchall()
    by_target: dict[str, dict[str, int]] = {}
    delays: list[float] = []
    for label, status, created, sent in rows:
        by_target.setdefault(label, {}).setdefault(status, 0)
        by_target[label][status] += 1
        if label.startswith("healthy") and sent:
            gap = datetime.fromisoformat(sent) - datetime.fromisoformat(created)
            delays.append(gap.total_seconds())
    for label in sorted(by_target):
        counts = ", ".join(f"{n} {status}" for status, n in sorted(by_target[label].items()))
        print(f"  {label}: {counts}")
    received = [len(h.received) for h in hooks]  # type: ignore[attr-defined]
    print(f"healthy targets received {received} messages")
    if delays:
        print(
            f"healthy delivery delay (enqueue to sent): p50 {percentile(delays, 0.5):.2f} s, "
            f"p99 {percentile(delays, 0.99):.2f} s, max {max(delays):.2f} s, "
            f"mean {statistics.fmean(delays):.2f} s over {len(delays)} messages"
        )
    if trickle is not None:
        print(f"trickling target: {trickle.requests} requests tied up")  # type: ignore[attr-defined]


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress in logs
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--watches", type=int, default=100)
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--cycles", type=int, default=60, help="polling cycles (60 = 1 h at 1 min)")
    ap.add_argument("--interval", default="2s", help="accelerated per-source interval")
    ap.add_argument("--sample", type=float, default=5.0, help="seconds between RSS samples")
    ap.add_argument("--churn", type=float, default=0.5, help="seconds between new items")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--healthy", type=int, default=3, help="healthy webhook targets")
    ap.add_argument("--no-trickle", action="store_true", help="leave out the trickling target")
    ap.add_argument("--notify-timeout", default="30s", help="[notify] timeout")
    args = ap.parse_args()

    shows = show_names(args.watches)
    rng = random.Random(11)
    work = Path(tempfile.mkdtemp(prefix="rm-soak-"))
    with ExitStack() as stack:
        servers = [stack.enter_context(FeedServer(host=h)) for h in HOSTS]
        for server in servers:
            server.add_default(rss("GN", []))
        hooks = [stack.enter_context(webhook()) for _ in range(args.healthy)]
        trickle = None if args.no_trickle else stack.enter_context(raw_target("trickle", delay=2))
        targets = [f'{{ url = "{h.url()}", name = "healthy {n}" }}' for n, h in enumerate(hooks)]
        if trickle is not None:
            targets.append(f'{{ url = "{trickle.url()}", name = "trickle" }}')
        feed_items: dict[tuple[int, str], list[FeedItem]] = {}
        feed_urls = []
        for i in range(args.feeds):
            server = servers[i % len(servers)]
            path = f"/feed{i}.xml"
            items = [article(rng, rng.choice(shows), n) for n in range(20)]
            feed_items[(i % len(servers), path)] = items
            server.add(path, rss(f"Feed {i}", items))
            feed_urls.append(server.url(path))
        google = servers[0]
        google.add_default(rss("Google News", [article(rng, shows[0], n) for n in range(10)]))

        config = work / "config.toml"
        text = (
            '[monitor]\ndatabase = "sqlite:///soak.db"\n'
            f'interval = "{args.interval}"\nnotify_baseline = true\nworkers = 4\n'
            f"[notify]\nurls = [{', '.join(targets)}]\n"
            f'timeout = "{args.notify_timeout}"\n'
            f'[sources.google_news]\nbase_url = "{google.url("/gn/search")}"\n'
            "[sources.tvmaze]\nenabled = false\n"
        )
        for i, url in enumerate(feed_urls):
            text += f'\n[[feeds]]\nname = "Feed {i}"\nurl = "{url}"\n'
        for show in shows:
            text += f'\n[[watch]]\nshow = "{show}"\nseason = 2\n'
        config.write_text(text, encoding="utf-8")

        stop_churn = threading.Event()

        def churn() -> None:
            n = 1000
            while not stop_churn.wait(args.churn):
                (s, path), items = rng.choice(list(feed_items.items()))
                n += 1
                items.insert(0, article(rng, rng.choice(shows), n))
                del items[30:]
                servers[s].add(path, rss(path, items))

        threading.Thread(target=churn, daemon=True).start()

        env = {k: v for k, v in os.environ.items() if not k.startswith("RELEASE_MONITOR_")}
        env["PYTHONPATH"] = str(ROOT)
        env["RELEASE_MONITOR_LOG_LEVEL"] = "DEBUG"  # one line per poll, to count cycles
        log = work / "daemon.log"
        with log.open("wb") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", "monitor", "-c", str(config), "run", "--log-format", "json"],
                cwd=work,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        sources = args.watches + args.feeds
        start = time.monotonic()
        samples: list[tuple[float, int, int, int]] = []
        print(f"work folder {work}; {sources} sources; target {args.cycles} cycles")
        print(f"{'t(s)':>6} {'polls':>7} {'cycles':>6} {'RSS MiB':>8} {'+children':>9}")
        polls = 0
        try:
            while proc.poll() is None:
                time.sleep(args.sample)
                polls = sum(1 for line in log.open("rb") if b'"msg": "source ' in line)
                kib = rss_kib(proc.pid)
                if kib is None:
                    break
                kids = children_kib(proc.pid)
                elapsed = time.monotonic() - start
                samples.append((elapsed, polls, kib, kids))
                print(
                    f"{elapsed:6.0f} {polls:7d} {polls / sources:6.1f} {kib / 1024:8.1f} "
                    f"{(kib + kids) / 1024:9.1f}"
                )
                if polls >= args.cycles * sources:
                    break
        finally:
            stop_churn.set()
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                code = proc.wait(30)
            else:
                code = proc.returncode
        errors = [
            json.loads(line)
            for line in log.read_text().splitlines()
            if line.startswith("{") and '"level": "error"' in line
        ]
        if not samples:
            print("the daemon died before the first sample; see", log)
            return 1
        # Imports, the compiled matcher and the parse workers settle in the first cycles.
        warm = next((s for s in samples if s[1] >= WARM_CYCLES * sources), samples[0])
        peak = max(samples, key=lambda s: s[2])
        end = samples[-1]
        cycles = end[1] / sources
        print(
            f"\nsummary: {end[1]} polls = {cycles:.1f} cycles in {end[0]:.0f} s; "
            f"{sum(len(h.received) for h in hooks)} notifications to {len(hooks)} healthy "
            f"targets; {len(errors)} error lines; exit {code}"
        )
        print(
            f"RSS after {warm[1] / sources:.0f} cycles {warm[2] / 1024:.1f} MiB, "
            f"peak {peak[2] / 1024:.1f} MiB, "
            f"end {end[2] / 1024:.1f} MiB; growth after warm-up "
            f"{(end[2] - warm[2]) / 1024:+.1f} MiB over {cycles - warm[1] / sources:.0f} cycles"
        )
        first = samples[0]
        print(f"first sample ({first[1] / sources:.1f} cycles): {first[2] / 1024:.1f} MiB")
        print(
            f"with child processes: after warm-up {(warm[2] + warm[3]) / 1024:.1f} MiB, "
            f"peak {max(s[2] + s[3] for s in samples) / 1024:.1f} MiB, "
            f"end {(end[2] + end[3]) / 1024:.1f} MiB"
        )
        report_deliveries(work / "soak.db", hooks, trickle)
        if not args.keep:
            for path in sorted(work.glob("*")):
                path.unlink()
            work.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
