#!/usr/bin/env python3
"""Score the extractor on labelled corpora, per language, in-process (same rules as the
shared scorer: ../shared/tools/score_extract.py).

Usage: python corpus/score.py FILE.jsonl [FILE ...] [--split tune|sealed|all] [-v]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus.load import load_items
from monitor.extract.explain import run_jsonl
from monitor.extract.language import detect

FIELDS = ("renewal", "date", "phase")


def counted(gold: dict[str, object], field: str, value: object) -> bool:
    """The scorer ignores a predicted `renewed` on an item whose gold has a date or phase (a
    dated or ongoing season is implicitly renewed)."""
    return not (
        field == "renewal"
        and value == "renewed"
        and gold.get(field) is None
        and bool(gold.get("date") or gold.get("phase"))
    )


def tally(rows: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    """Micro-F1, precision, recall, false alarms on clean items and the misses of `preds`
    (one {field: value} per row, in order) against the rows' gold."""
    tp = fp = fn = clean = alarms = 0
    misses = []
    for r, pred in zip(rows, preds, strict=True):
        gold = r["gold"]
        assert isinstance(gold, dict)
        bad = []
        for f in FIELDS:
            g, p = gold.get(f), pred.get(f)
            if not counted(gold, f, p):
                continue
            if g is not None and p == g:
                tp += 1
            else:
                if p is not None:
                    fp += 1
                if g is not None:
                    fn += 1
                if p != g:
                    bad.append(f"{f}: gold={g} got={p}")
        if all(gold.get(f) is None for f in FIELDS):
            clean += 1
            if any(pred.get(f) is not None for f in FIELDS):
                alarms += 1
        if bad:
            misses.append(
                f"{r['id']} [{r['show']} S{r['season']}] {str(r.get('title'))[:70]}\n    "
                + "; ".join(bad)
            )
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "n": len(rows),
        "f1": f1,
        "p": prec,
        "r": rec,
        "clean": clean,
        "alarms": alarms,
        "misses": misses,
    }


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Run the extractor over `rows` (as `extract --jsonl` would) and tally it."""
    lines = [
        json.dumps({k: v for k, v in r.items() if k not in ("gold", "note")}, ensure_ascii=False)
        for r in rows
    ]
    preds = {str(json.loads(out)["id"]): json.loads(out) for out in run_jsonl(lines, io.StringIO())}
    return tally(rows, [preds.get(str(r["id"]), {}) for r in rows])


def group_of(row: dict[str, Any]) -> str:
    """en, ko, ja, eu (es/it/fr/de/pt) or other, from the item's `lang` or its text."""
    lang = str(row.get("lang") or detect(f"{row.get('title') or ''}\n{row['text']}"))
    if lang in ("en", "ko", "ja"):
        return lang
    return "eu" if lang in ("es", "it", "fr", "de", "pt") else "other"


def by_group(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The rows per language group, plus "ko+ja" and "all"."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[group_of(r)].append(r)
    groups["ko+ja"] = groups.get("ko", []) + groups.get("ja", [])
    groups["all"] = rows
    return groups


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--split", default="all", choices=("tune", "sealed", "all"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    rows = [r for f in args.files for r in load_items(Path(f), split=args.split)]
    groups = by_group(rows)
    for name in ("en", "ko", "ja", "ko+ja", "eu", "other", "all"):
        part = groups.get(name)
        if not part:
            continue
        s = score(part)
        print(
            f"{name:6} n={s['n']:4}  micro-F1 {s['f1']:.3f} (P {s['p']:.3f} R {s['r']:.3f})"
            f"  false alarms {s['alarms']}/{s['clean']}"
        )
        if args.verbose and name not in ("ko+ja", "all"):
            for m in s["misses"]:
                print("  " + str(m))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
