"""Parse-time benchmark: a generated 200-item feed with and without the safety measures.

    python bench/parse_bench.py [--repeat 15]

Measures the median time to parse a realistic 200-item WordPress-style feed:
  * raw feedparser (bytes in, nothing else),
  * our parser without safety (feedparser + item extraction, no DTD strip/field cut),
  * with safety in this process (DTD strip + overlong field cut + items),
  * with safety and the deadline (the default: the same, in the sandboxed child).
Then the two hostile documents of issue 2 (a 112 KB entity-expansion feed, a 32 KB
<author>), with and without safety, each in a fresh killable child (30 s, 2 GiB cap).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import feedparser

from monitor.parse.feed import make_safe, parse_feed, parse_unguarded
from monitor.parse.sandbox import Sandbox, SandboxFailure, SandboxTimeout, shared_sandbox

HEADERS = {"content-type": "application/rss+xml; charset=UTF-8"}


def feed_200() -> bytes:
    items = []
    for n in range(200):
        day = 1 + n % 28
        items.append(
            f"""<item>
<title>&#8216;Show {n}&#8217; Season {n % 5 + 1}: Release Date, Cast &#038; More</title>
<link>https://www.example-tv.com/news/show-{n}-season-{n % 5 + 1}/</link>
<dc:creator><![CDATA[Writer {n % 7}]]></dc:creator>
<pubDate>Tue, {day:02d} Apr 2025 1{n % 10}:30:00 +0000</pubDate>
<category><![CDATA[News]]></category><category><![CDATA[Show {n}]]></category>
<guid isPermaLink="false">https://www.example-tv.com/?p={100000 + n}</guid>
<description><![CDATA[<p>Netflix&#8217;s series Show {n} is coming back&#8230;</p>]]></description>
<content:encoded><![CDATA[<h2>Has Show {n} been renewed?</h2>
<p>Yes. Netflix renewed <em>Show {n}</em> for season {n % 5 + 1} on March {day}, 2025.</p>
<p>Filming began in Seoul in April and is expected to wrap in the fall.</p>
<ul><li>Episodes: 8</li><li>Showrunner: Person {n}</li></ul>
<p>We don&#8217;t have a release date yet; we predict late 2026.</p>
<figure><img src="https://www.example-tv.com/img/{n}.jpg" alt="Show {n}"/></figure>
]]></content:encoded>
</item>"""
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Example TV</title>'
        "<link>https://www.example-tv.com</link><description>TV news</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def entity_bomb() -> bytes:
    head = '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY big "' + "LOL " * 2500 + '">\n]>\n'
    title = "&big;" * 20000
    return (
        f'{head}<rss version="2.0"><channel><title>T</title><item><title>{title}</title>'
        "<link>https://e.org/1</link></item></channel></rss>"
    ).encode()


def long_author() -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>x</title>'
        f"<author>{'a' * 32 * 1024}</author></item></channel></rss>"
    ).encode()


def median_ms(func: Callable[[], object], repeat: int) -> float:
    func()  # warm up (imports, the sandbox's first child)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def child_peak_mib(sandbox: Sandbox) -> str:
    """Peak RSS of the sandbox's idle child (Linux /proc), for the report."""
    try:
        pid = sandbox._idle[-1].process.pid
        status = Path(f"/proc/{pid}/status").read_text()
    except (IndexError, OSError):
        return "?"
    kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
    return f"{kib / 1024:.0f} MiB"


def in_child(body: bytes, timeout: float, *, safe: bool) -> str:
    sandbox = Sandbox(memory_limit=2 * 1024**3)
    started = time.perf_counter()
    try:
        feed = sandbox.run(parse_unguarded, body, HEADERS, None, safe=safe, timeout=timeout)
        elapsed = time.perf_counter() - started
        longest = max((len(i.title) for i in feed.items), default=0)
        peak = child_peak_mib(sandbox)
        return f"{elapsed:.2f} s, child peak RSS {peak} (longest title {longest:,} chars)"
    except SandboxTimeout:
        return f"killed at the {timeout:g} s deadline"
    except SandboxFailure as exc:
        return f"failed after {time.perf_counter() - started:.2f} s: {exc}"
    finally:
        sandbox.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--skip-unsafe", action="store_true", help="skip the hostile unsafe runs")
    args = parser.parse_args()
    body = feed_200()
    count = len(parse_feed(body, HEADERS, timeout=None).items)
    print(f"200-item feed: {len(body) / 1024:.0f} KiB, {count} items; median of {args.repeat}")
    rows = [
        (
            "raw feedparser.parse",
            lambda: feedparser.parse(io.BytesIO(body), response_headers=HEADERS),
        ),
        ("without safety (feedparser + items)", lambda: parse_unguarded(body, HEADERS, safe=False)),
        ("make_safe alone", lambda: make_safe(body)),
        ("with safety, in process", lambda: parse_feed(body, HEADERS, timeout=None)),
        ("with safety + deadline (sandbox, default)", lambda: parse_feed(body, HEADERS)),
    ]
    for label, func in rows:
        print(f"  {label:<44} {median_ms(func, args.repeat):8.1f} ms")

    for name, hostile in (("entity expansion", entity_bomb()), ("32 KB <author>", long_author())):
        print(f"{name} ({len(hostile) / 1024:.0f} KiB), each in a fresh child:")
        print(f"  with safety:    {in_child(hostile, 30, safe=True)}")
        if not args.skip_unsafe:
            print(f"  without safety: {in_child(hostile, 30, safe=False)}")
    shared_sandbox().close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
