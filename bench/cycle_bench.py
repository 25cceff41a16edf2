"""The 1,000-feed cycle: the project's `poll` against a naive script on one local feed farm.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/cycle_bench.py                 # N = 100, 1,000, 3,000 x W = 100, 1,000
    .venv/bin/python bench/cycle_bench.py --quick         # N = 100, 300 x W = 100, 1,000
    .venv/bin/python bench/cycle_bench.py --feeds 1000 --watches 1000 --repeat 3
    .venv/bin/python bench/cycle_bench.py --project-root /tmp/old-checkout   # "before"

The farm (a child process) serves N feeds x 50 items on 16 loopback addresses 127.0.0.1-16,
each answer 50 ms late, with ETag and 304. For every (N, W) and each repeat, on a fresh
database and a fresh farm: the project's `poll` cold (first read), warm (every feed
answers 304) and bump (10% of the feeds gain 5 items); then the naive script
(bench/naive_poll.py) the same three ways. Each run is a subprocess; the figures are its
wall time, the CPU time of its whole process tree (children are reaped, so their time is
in RUSAGE_CHILDREN) and the peak RSS of the tree (sampled every 20 ms with psutil).
Medians over the repeats; the machine may be shared, so look at the spread too.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.feedserver import FeedItem, FeedServer, rss  # noqa: E402

HOSTS = tuple(f"127.0.0.{n}" for n in range(1, 17))
ITEMS = 50
LATENCY = 0.05
BUMP_SHARE, BUMP_ITEMS = 0.10, 5
ADJECTIVES = [
    "amber",
    "ashen",
    "bitter",
    "black",
    "blue",
    "brave",
    "broken",
    "burning",
    "cold",
    "crimson",
    "dark",
    "deep",
    "distant",
    "electric",
    "empty",
    "fallen",
    "final",
    "frozen",
    "golden",
    "gray",
    "hidden",
    "hollow",
    "iron",
    "last",
    "lost",
    "lucky",
    "midnight",
    "northern",
    "pale",
    "quiet",
    "red",
    "restless",
    "rising",
    "royal",
    "rusty",
    "scarlet",
    "secret",
    "silent",
    "silver",
    "small",
    "southern",
    "stolen",
    "strange",
    "sunken",
    "twisted",
    "velvet",
    "wild",
    "winter",
    "wooden",
    "young",
]
NOUNS = [
    "anchor",
    "archive",
    "atlas",
    "bay",
    "bell",
    "bridge",
    "canyon",
    "castle",
    "circle",
    "city",
    "coast",
    "compass",
    "crown",
    "district",
    "dynasty",
    "echo",
    "empire",
    "engine",
    "estate",
    "falls",
    "field",
    "frontier",
    "garden",
    "harbor",
    "heart",
    "horizon",
    "island",
    "kingdom",
    "lantern",
    "line",
    "manor",
    "market",
    "meadow",
    "mirror",
    "mountain",
    "orchard",
    "palace",
    "passage",
    "river",
    "road",
    "shore",
    "signal",
    "station",
    "summit",
    "tower",
    "valley",
    "village",
    "voyage",
]


def show_names(count: int) -> list[str]:
    """`count` distinct made-up titles ("The Velvet Harbor"); the first W are watched."""
    rng = random.Random(5)
    pairs = [(a, n) for a in ADJECTIVES for n in NOUNS]
    rng.shuffle(pairs)
    names = [f"The {a.title()} {n.title()}" for a, n in pairs]
    while len(names) < count:  # more than the pairs: number them
        names += [f"{name} {len(names)}" for name in names[: count - len(names)]]
    return names[:count]


def article(rng: random.Random, show: str, feed: int, n: int) -> FeedItem:
    season = rng.choice((1, 2, 2, 3))
    kind = rng.random()
    if kind < 0.15:
        title, text = f"'{show}' Renewed for Season {season}", f"{show} has been renewed."
    elif kind < 0.3:
        month, day = rng.choice(("March", "May", "September")), rng.randint(1, 28)
        title = f"'{show}' Season {season} Premiere Date Set"
        text = f"Netflix has set {month} {day}, 2027 as the premiere date of {show}."
    else:
        title = f"{show}: cast, news and everything we know"
        text = (
            f"The cast of {show} talked to reporters about the new episodes, the set and "
            "the fans. Filming locations were not disclosed and the network declined to "
            "comment on the schedule. "
        ) * 2
    return FeedItem(
        title=title,
        text=text,
        link=f"https://news{feed % 40}.example/{feed}/{n}",
        published=datetime(2026, 3, 1, tzinfo=UTC) - timedelta(minutes=n * 7 + feed),
        guid=f"urn:feed{feed}:item{n}",
    )


# --- the farm (a child process, so its CPU is not counted against either poller) ---------


def serve_farm(feeds: int, shows: int) -> None:
    """Serve `feeds` feeds; read commands on stdin: `reset`, `bump SEED`, `quit`."""
    names = show_names(shows)
    servers = [FeedServer(host=h) for h in HOSTS]
    base: list[list[FeedItem]] = []
    current: list[list[FeedItem]] = []

    def publish(i: int) -> None:
        server = servers[i % len(servers)]
        server.add(f"/feed{i}.xml", rss(f"Feed {i}", current[i]), delay=LATENCY)

    for i in range(feeds):
        rng = random.Random(i)
        base.append([article(rng, rng.choice(names), i, n) for n in range(ITEMS)])
        current.append(list(base[i]))
        publish(i)
    urls = [servers[i % len(servers)].url(f"/feed{i}.xml") for i in range(feeds)]
    print(json.dumps(urls), flush=True)
    for line in sys.stdin:
        command, *rest = line.split()
        if command == "reset":
            for i in range(feeds):
                current[i] = list(base[i])
                publish(i)
        elif command == "bump":
            rng = random.Random(int(rest[0]))
            for i in rng.sample(range(feeds), max(1, round(feeds * BUMP_SHARE))):
                start = len(current[i])
                fresh = [article(rng, rng.choice(names), i, start + n) for n in range(BUMP_ITEMS)]
                current[i] = fresh + current[i]
                publish(i)
        elif command == "quit":
            break
        for server in servers:
            server.requests.clear()  # the farm keeps no history across runs
        print("ok", flush=True)


class Farm:
    def __init__(self, feeds: int, shows: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve-farm", str(feeds), str(shows)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.urls: list[str] = json.loads(self.process.stdout.readline())

    def command(self, line: str) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "ok"

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


# --- measuring one run ------------------------------------------------------------------------


def tree_rss(proc: psutil.Process) -> tuple[int, int]:
    """RSS of the process itself and of all its descendants together."""
    own = children = 0
    with contextlib.suppress(psutil.Error):
        own = proc.memory_info().rss
    try:
        family = proc.children(recursive=True)
    except psutil.Error:
        return own, 0
    for p in family:
        with contextlib.suppress(psutil.Error):  # it may have ended meanwhile
            children += p.memory_info().rss
    return own, children


def measure(cmd: list[str], cwd: Path) -> dict[str, Any]:
    """Wall, tree CPU and peak tree RSS of one subprocess run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = peak_own = peak_children = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_own, peak_children
        while not done.is_set():
            own, children = tree_rss(proc)
            # The tree's peak is the target; the parts say where to look when it is missed.
            peak = max(peak, own + children)
            peak_own = max(peak_own, own)
            peak_children = max(peak_children, children)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[:3]} exited {proc.returncode}: {err.decode()[-2000:]}")
    return {
        "wall": wall,
        "cpu": cpu,
        "rss": peak / 2**20,
        "rss_main": peak_own / 2**20,
        "rss_children": peak_children / 2**20,
        "out": out.decode(),
    }


def project_config(work: Path, urls: list[str], watches: list[str]) -> Path:
    text = (
        '[monitor]\ndatabase = "sqlite:///bench.db"\ninterval = "1h"\n'
        "notify_baseline = true\nworkers = 16\n"
        "[sources.google_news]\nenabled = false\n"
        "[sources.tvmaze]\nenabled = false\n"
        "[sources.netflix]\nenabled = false\n"
    )
    text += "".join(f'\n[[feeds]]\nname = "Feed {i}"\nurl = "{u}"\n' for i, u in enumerate(urls))
    text += "".join(f'\n[[watch]]\nshow = "{show}"\nseason = 2\n' for show in watches)
    path = work / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def run_round(
    farm: Farm, feeds: int, watches: list[str], project: Path, seed: int
) -> dict[str, dict[str, Any]]:
    """cold / warm / bump of the project, then of the naive script, on fresh state."""
    out: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="rm-cycle-") as tmp:
        work = Path(tmp)
        config = project_config(work, farm.urls, watches)
        poll = [sys.executable, "-m", "monitor", "-c", str(config), "poll", "--json"]
        farm.command("reset")
        for phase in ("cold", "warm", "bump"):
            if phase == "bump":
                farm.command(f"bump {seed}")
            out[f"project {phase}"] = measure(poll, project)
        spec = work / "naive.json"
        spec.write_text(json.dumps({"feeds": farm.urls, "watches": watches}))
        naive = [sys.executable, str(ROOT / "bench" / "naive_poll.py"), str(spec)]
        naive.append(str(work / "naive-state.json"))
        farm.command("reset")
        for phase in ("cold", "warm", "bump"):
            if phase == "bump":
                farm.command(f"bump {seed}")
            out[f"naive {phase}"] = measure(naive, project)
    return out


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--serve-farm":
        serve_farm(int(sys.argv[2]), int(sys.argv[3]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, nargs="*", help="N values (default 100 1000 3000)")
    ap.add_argument("--watches", type=int, nargs="*", help="W values (default 100 1000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per cell; medians are shown")
    ap.add_argument("--quick", action="store_true", help="N = 100, 300, one run each")
    ap.add_argument("--project-root", type=Path, default=ROOT, help="checkout whose poll runs")
    ap.add_argument("--json", type=Path, help="also write every run here")
    args = ap.parse_args()
    feeds_list = args.feeds or ([100, 300] if args.quick else [100, 1000, 3000])
    watches_list = args.watches or [100, 1000]
    repeat = 1 if args.quick and args.repeat == 3 else args.repeat
    shows = 5 * max(watches_list)  # most items are about shows nobody watches
    names = show_names(shows)
    results: dict[str, Any] = {}
    print(f"cores: {psutil.cpu_count()}, repeat: {repeat}, project: {args.project_root}")
    header = f"{'N':>5} {'W':>5} {'run':<13} {'wall s':>7} {'cpu s':>7} {'rss MiB':>8}"
    print(header + " (main+children peaks)   vs naive: wall  cpu")
    for feeds in feeds_list:
        farm = Farm(feeds, shows)
        try:
            for watches in watches_list:
                runs = [
                    run_round(farm, feeds, names[:watches], args.project_root, seed)
                    for seed in range(repeat)
                ]
                cell = {
                    name: {
                        k: statistics.median(r[name][k] for r in runs)
                        for k in ("wall", "cpu", "rss", "rss_main", "rss_children")
                    }
                    for name in runs[0]
                }
                results[f"{feeds}x{watches}"] = {"median": cell, "runs": runs}
                for name, m in cell.items():
                    ratio = ""
                    if name.startswith("project"):
                        peer = cell["naive " + name.split()[1]]
                        ratio = (
                            f"   {m['wall'] / peer['wall']:>10.2f} {m['cpu'] / peer['cpu']:>4.2f}"
                        )
                    print(
                        f"{feeds:>5} {watches:>5} {name:<13} {m['wall']:>7.2f} "
                        f"{m['cpu']:>7.2f} {m['rss']:>8.1f} ({m['rss_main']:>5.1f}+"
                        f"{m['rss_children']:>5.1f}){ratio}",
                        flush=True,
                    )
        finally:
            farm.close()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
