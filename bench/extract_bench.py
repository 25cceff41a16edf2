"""Throughput of extract_item: 10,000 generated items against 10, 1,000 and 10,000 watches.

Usage: python bench/extract_bench.py [--items N] [--seed S]

The same items run against every watchlist (the lists are prefixes of one another and
the items name shows from the first ten), so the ratio shows how the per-item cost
grows with the watchlist: the target is >= 2,000 items/s and <= 1.5x between 10 and
10,000 watches.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from monitor.extract.claims import extract_item
from monitor.match.titles import MINOR_WORDS, TitleMatcher
from monitor.models import Item, Watch
from monitor.text.normalize import words

SYLLABLES = words(
    "ka ro mi na lu te so ven dar mor quin hal bre sta cor fen gil hy san lo pa rek tor vel"
)
WORDS = words(
    "the of blue harbor night city last crown quiet orchard ledger moons neon paper lantern "
    "house garden river storm silver iron glass shadow kingdom signal echo"
)
TEMPLATES = (
    "{show} has been renewed for a {ord} season at Netflix, the streamer announced {wd}.",
    "Netflix will premiere season {n} of {show} on {month} {day}, the streamer said.",
    "{show} season {n} could arrive in late {year}, according to our best guess.",
    "Production on the {ord} season of {show} officially began this week in {place}.",
    "Filming has wrapped on {show} season {n}; post-production will take several months.",
    "No release date for {show} season {n} has been confirmed yet, and the show is in "
    "pre-production.",
    "Netflix has cancelled {show} after {count} seasons, Deadline has learned.",
    "{show} has not been renewed for season {n}, and the cast is still waiting.",
    "Season {n} of {show} is now streaming on Netflix worldwide.",
    "If you loved {show}, these ten series will keep you busy while you wait.",
    "On {wd}, the studio released its second trailer for the biggest film of the season.",
)
FILLER = (
    "The series follows a group of friends in a small coastal town. Critics praised the "
    "performances and the score. The first season premiered on March 4, 2024 and was a hit. "
)
ORDINALS = ("second", "third", "fourth")
MONTHS = ("January", "March", "June", "September", "October")
WEEKDAYS = ("Monday", "Wednesday", "Friday")
PLACES = ("Seoul", "Madrid", "Vancouver", "Dublin")


def _degenerate(name: str) -> bool:
    """ "Of The", "Harbor The", "Night Night": nothing a real show would be called."""
    tokens = name.lower().split()
    if all(t in MINOR_WORDS for t in tokens) or tokens[-1] in MINOR_WORDS:
        return True
    return tokens[0] == "of" or len(set(tokens)) < len(tokens)


def show_names(count: int, rng: random.Random) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        if rng.random() < 0.5:
            name = " ".join(rng.choice(WORDS).title() for _ in range(rng.randint(2, 3)))
        else:
            name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
            name += " " + rng.choice(WORDS).title()
        if _degenerate(name):
            continue
        if name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


def make_items(names: list[str], count: int, rng: random.Random) -> list[Item]:
    base = datetime(2026, 1, 1, tzinfo=UTC)
    items = []
    for index in range(count):
        # Most items name one of the first ten shows; some name a show nobody watches.
        show = rng.choice(names[:10]) if rng.random() < 0.8 else f"Unwatched {index} Story"
        n = rng.randint(2, 4)
        fields = {
            "show": show,
            "n": n,
            "ord": ORDINALS[n - 2],
            "wd": rng.choice(WEEKDAYS),
            "month": rng.choice(MONTHS),
            "day": rng.randint(1, 28),
            "year": 2026 + rng.randint(0, 1),
            "place": rng.choice(PLACES),
            "count": n - 1,
        }
        sentences = [rng.choice(TEMPLATES).format(**fields) for _ in range(rng.randint(2, 4))]
        text = FILLER + " ".join(sentences)
        title = f"{show} season {n}: everything we know"
        published = base + timedelta(days=rng.randint(0, 365))
        items.append(Item(f"id-{index}", f"h-{index}", title, text, published=published))
    return items


def measure(items: list[Item], matcher: TitleMatcher) -> tuple[float, float, int]:
    """Items per second of CPU time (robust to other load on the machine) and of wall time."""
    cpu, wall = time.process_time(), time.perf_counter()
    claims = 0
    for item in items:
        for watch_claims in extract_item(item, matcher):
            claims += len(watch_claims.claims)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return len(items) / cpu, len(items) / wall, claims


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    names = show_names(10_000, rng)
    items = make_items(names, args.items, rng)
    chars = sum(len(i.title) + len(i.text) for i in items) / len(items)
    print(f"{len(items)} items, {chars:.0f} characters on average")
    rates = {}
    for size in (10, 1_000, 10_000):
        watches = [Watch(show=name, season=2 + i % 3) for i, name in enumerate(names[:size])]
        built = time.perf_counter()
        matcher = TitleMatcher(watches)
        build_ms = 1000 * (time.perf_counter() - built)
        measure(items[:200], matcher)  # warm-up
        rate, wall_rate, claims = measure(items, matcher)
        rates[size] = rate
        print(
            f"watchlist {size:>6}: {rate:8.0f} items/s CPU ({wall_rate:.0f}/s wall; {claims} "
            f"claims; matcher built in {build_ms:.0f} ms)"
        )
    ratio = rates[10] / rates[10_000]
    print(f"10 vs 10,000 watches: {ratio:.2f}x slower (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
