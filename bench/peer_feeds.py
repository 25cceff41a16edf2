"""Robustness run: every document of feedparser's test corpus through our fetch + parse layers.

    python bench/peer_feeds.py /work/shared/peer/feedparser-tests [--in-process]

Each document is served by a real HTTP server on 127.0.0.1 (with the response headers its
"Header:" comment lines ask for) and polled through RssSource.poll: Fetcher.fetch, then
parse_feed in the sandboxed child with its deadline (or in this process with
--in-process, which lets tracemalloc see the parser's memory). Reports outcomes, time per
feed and peak memory. Exit status 1 if any exception escaped or a last-resort handler fired.
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from monitor.models import SourceState
from monitor.parse.sandbox import shared_sandbox
from monitor.sources.http import Fetcher
from monitor.sources.rss import RssSource
from tests.feedserver import FeedServer

_HEADER = re.compile(rb"^Header:\s*([\w-]+):\s*(.*?)\s*$", re.MULTILINE)


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "LICENSE")


def declared_headers(body: bytes) -> dict[str, str]:
    comment_end = body.find(b"-->")
    head = body[: comment_end if comment_end != -1 else 2000]
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in _HEADER.findall(head)}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--in-process", action="store_true", help="parse without the sandbox")
    parser.add_argument("-v", "--verbose", action="store_true", help="name each failing file")
    args = parser.parse_args()
    paths = documents(args.folder)
    if not paths:
        print(f"no documents under {args.folder}", file=sys.stderr)
        return 2

    now = datetime(2025, 6, 4, tzinfo=UTC)
    fetcher = Fetcher("release-monitor-bench/1.0", deadline=timedelta(seconds=10))
    statuses: Counter[str] = Counter()
    escaped: list[str] = []
    last_resort: list[str] = []
    errors: Counter[str] = Counter()
    times: list[float] = []
    slowest: tuple[float, str] = (0.0, "")
    items = warned = 0
    tracemalloc.start()
    with FeedServer() as server:
        for index, path in enumerate(paths):
            body = path.read_bytes()
            headers = declared_headers(body)
            content_type = headers.pop("Content-type", headers.pop("Content-Type", None))
            server.add(f"/{index}", body, content_type=content_type, headers=headers)
            source = RssSource(
                name=str(path.relative_to(args.folder)),
                url=server.url(f"/{index}"),
                interval=timedelta(hours=1),
                parse_timeout=None if args.in_process else 10.0,
            )
            started = time.perf_counter()
            try:
                poll = source.poll(fetcher, SourceState(), now)
            except BaseException as exc:  # the thing this run exists to catch
                escaped.append(f"{source.name}: {type(exc).__name__}: {exc}")
                continue
            elapsed = time.perf_counter() - started
            times.append(elapsed)
            slowest = max(slowest, (elapsed, source.name))
            statuses[poll.status] += 1
            items += len(poll.items)
            warned += bool(poll.warnings)
            if poll.error:
                errors[poll.error.split(";")[0][:70]] += 1
                if args.verbose:
                    print(f"  {source.name}: {poll.error}")
                if poll.error.startswith("unexpected error"):
                    last_resort.append(f"{source.name}: {poll.error}")
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    shared_sandbox().close()  # children must exit before their rusage is counted
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    mode = (
        "in-process parse" if args.in_process else "sandboxed parse (child process, 10 s deadline)"
    )
    print(f"peer corpus: {len(paths)} documents from {args.folder} ({mode})")
    print(f"  statuses: {dict(statuses)}; items: {items}; polls with warnings: {warned}")
    for message, count in errors.most_common(8):
        print(f"  error x{count}: {message}")
    print(f"  exceptions escaped: {len(escaped)}; last-resort handler fired: {len(last_resort)}")
    for line in (escaped + last_resort)[:10]:
        print(f"    {line}")
    median, p99 = statistics.median(times) * 1000, percentile(times, 0.99) * 1000
    print(
        f"  time per feed (fetch + parse): median {median:.1f} ms, p99 {p99:.1f} ms, "
        f"max {slowest[0] * 1000:.1f} ms ({slowest[1]})"
    )
    print(f"  total {sum(times):.1f} s")
    print(
        f"  peak memory: python heap (tracemalloc) {traced_peak / 2**20:.1f} MiB, "
        f"max RSS this process {self_rss:.0f} MiB, max RSS parse child {child_rss:.0f} MiB"
    )
    return 1 if escaped or last_resort else 0


if __name__ == "__main__":
    sys.exit(main())
