#!/usr/bin/env python3
"""How far two labellers agree: a second, blind labelling of corpus items against the first.

Usage: python corpus/agreement.py SECOND.jsonl [...]

Each SECOND line is {"id", "gold", "why"}: a labeller who saw only the item (no gold, no
note, no code) and the shared labelling rules. Scored with the corpus scorer's rule,
taking the first labels as gold, per language, next to the extractor on the same items:
the two humans' agreement is the ceiling an extractor can be asked to reach.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus.load import load_items
from corpus.score import FIELDS, by_group, score, tally

ITEMS = Path(__file__).resolve().parent / "items"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args()
    second = {
        str(row["id"]): row["gold"]
        for f in args.files
        for row in map(json.loads, f.read_text(encoding="utf-8").splitlines())
    }
    first = {
        str(r["id"]): r
        for f in sorted(ITEMS.glob("*.jsonl"))
        for r in load_items(f, split="all")
        if str(r["id"]) in second
    }
    missing = sorted(set(second) - set(first))
    if missing:
        print(f"not in corpus/items: {', '.join(missing)}", file=sys.stderr)
        return 2
    groups = by_group(list(first.values()))
    print("set      n  second labeller vs first      extractor vs first")
    for name in ("en", "ko", "ja", "ko+ja", "eu", "all"):
        rows = groups.get(name)
        if not rows:
            continue
        human = tally(rows, [second[str(r["id"])] for r in rows])
        machine = score(rows)
        print(
            f"{name:6} {len(rows):3}  F1 {human['f1']:.3f} false alarms {human['alarms']}/"
            f"{human['clean']}    F1 {machine['f1']:.3f} false alarms {machine['alarms']}/"
            f"{machine['clean']}"
        )
    print("\nfields the two labellers disagree on:")
    for r in groups["all"]:
        for f in FIELDS:
            a, b = r["gold"].get(f), second[str(r["id"])].get(f)
            if a != b:
                print(f"  {r['id']} {f}: first={a} second={b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
