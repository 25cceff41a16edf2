#!/usr/bin/env python3
"""Decide, once and blind, which shows of the corpus are sealed for held-out scoring.

A show is sealed when sha256(SEED + show) falls in the lowest 30% — a fixed-seed random
draw per show, so a show is all in or all out whatever file its items are in, and adding
a file never moves a show already decided. Shows of ../shared/corpus/real_dev.jsonl (which
rules are tuned on) and of the replay timelines are never sealed. Prints counts only: the
sealed items are not to be read before the one first-sight score.

Usage: python corpus/seal.py corpus/items/*.jsonl
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

SEED = "release-monitor-corpus-2026-12-04"
SEALED_PERCENT = 30
HERE = Path(__file__).resolve().parent
REAL_DEV = HERE.parent.parent / "shared" / "corpus" / "real_dev.jsonl"


def drawn(show: str) -> bool:
    digest = hashlib.sha256(f"{SEED}\n{show.casefold()}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 100 < SEALED_PERCENT


def main(paths: list[str]) -> int:
    never = set()
    if REAL_DEV.exists():
        never |= {
            json.loads(line)["show"] for line in REAL_DEV.open(encoding="utf-8") if line.strip()
        }
    for timeline in (HERE / "timelines").glob("*.jsonl"):
        never |= {
            json.loads(line)["show"] for line in timeline.open(encoding="utf-8") if line.strip()
        }
    shows: dict[str, int] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                show = json.loads(line)["show"]
                shows[show] = shows.get(show, 0) + 1
    sealed = sorted(s for s in shows if s not in never and drawn(s))
    items = sum(shows.values())
    sealed_items = sum(shows[s] for s in sealed)
    (HERE / "sealed_shows.json").write_text(
        json.dumps(
            {"seed": SEED, "percent": SEALED_PERCENT, "shows": sealed}, ensure_ascii=False, indent=1
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(sealed)} of {len(shows)} shows sealed: {sealed_items} of {items} items")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
