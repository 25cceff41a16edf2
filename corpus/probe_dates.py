#!/usr/bin/env python3
"""Probe: would a learned reader of date mentions find the dates the rules miss?

Usage: pip install -e '.[probe]' && python corpus/probe_dates.py [--lang en] [--c 0.3]

Not part of the extractor: a measurement kept so it can be repeated. Every date mention of an
item (English date grammar, future or today at the published date) is a candidate; a
logistic regression reads the words around it (the watched show masked, season numbers
rewritten as the watched one, a lower or a higher one), its sentence's words, its precision,
how far ahead it is, whether it is in the headline and what the rules said of the item. Only
items where the rules give no date are read (the add-on fills a gap, it never overrides), and
the model is scored out of fold: five folds by show, so every score is on shows it never saw.
The best candidate above a threshold becomes the item's date; the scorer is the corpus one.
"""

from __future__ import annotations

import argparse
import glob
import io
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.load import load_items  # noqa: E402
from corpus.probe_learned import features_text  # noqa: E402
from corpus.score import group_of, tally  # noqa: E402
from monitor.extract.dates import find_dates  # noqa: E402
from monitor.extract.explain import parse_published, run_jsonl  # noqa: E402

_WORD_RE = re.compile(r"[a-z]+|num|showx|season_\w+|[^\sa-z\d]")
_ENDS = ".!?\n"


def _masked(piece: str, record: dict[str, Any]) -> list[str]:
    """The words of a piece of the item, masked like the item probe's text."""
    shown = dict(record, title="", text=piece)
    return _WORD_RE.findall(features_text(shown).lower())


def _ahead(days: int) -> str:
    for limit, name in ((0, "past"), (8, "week"), (31, "month"), (120, "quarter"), (365, "year")):
        if days < limit:
            return name
    return "later"


def candidates(record: dict[str, Any], rules: dict[str, Any]) -> list[tuple[str, dict[str, int]]]:
    """(date value, features) for every date mention of the item not behind its published day."""
    published = parse_published(record.get("published"))
    if published is None:
        return []
    title = record.get("title") or ""
    text = f"{title}\n{record['text']}"
    mentions = [
        m
        for m in find_dates(text, published)
        if not m.stamp and not m.weekday_only and m.forward and m.forward.hi >= published
    ]
    values = len({m.forward.value for m in mentions if m.forward})
    found = []
    for m in mentions:
        assert m.forward is not None
        start = max(text.rfind(c, 0, m.start) for c in _ENDS) + 1
        ends = [i for i in (text.find(c, m.end) for c in _ENDS) if i >= 0]
        sentence = _masked(text[start : min(ends or [len(text)])], record)
        left = _masked(text[max(0, m.start - 80) : m.start], record)[-8:]
        right = _masked(text[m.end : m.end + 80], record)[:8]
        feats = {f"L:{w}": 1 for w in left} | {f"L3:{w}": 1 for w in left[-3:]}
        feats |= {f"R:{w}": 1 for w in right} | {f"R3:{w}": 1 for w in right[:3]}
        feats |= {f"S:{w}": 1 for w in sentence}
        feats |= {
            f"precision:{m.forward.precision}": 1,
            "headline": int(m.start < len(title)),
            f"ahead:{_ahead((m.forward.lo - published).days)}": 1,
            f"values:{min(values, 4)}": 1,
            f"rules-phase:{rules.get('phase')}": 1,
            f"rules-renewal:{rules.get('renewal')}": 1,
        }
        found.append((m.forward.value, feats))
    return found


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", help="corpus group (the date grammar is English)")
    parser.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    args = parser.parse_args()
    files = sorted(glob.glob(str(ROOT / "corpus/items/*.jsonl")))
    shared = ROOT.parent / "shared/corpus/real_dev.jsonl"
    files += [str(shared)] if shared.exists() else []
    rows = [r for f in files for r in load_items(Path(f), split="all") if group_of(r) == args.lang]
    lines = [json.dumps({k: v for k, v in r.items() if k not in ("gold", "note")}) for r in rows]
    said = [json.loads(o) for o in run_jsonl(lines, io.StringIO())]
    rules = [{k: o.get(k) for k in ("renewal", "date", "phase")} for o in said]
    data = []  # (row, value, features, label)
    for i, r in enumerate(rows):
        if rules[i].get("date") is None:
            for value, feats in candidates(r, rules[i]):
                data.append((i, value, feats, int(value == r["gold"].get("date"))))
    shows = sorted({rows[i]["show"] for i, *_ in data})
    random.Random(7).shuffle(shows)
    fold = {s: k % 5 for k, s in enumerate(shows)}
    score = [0.0] * len(data)
    for k in range(5):
        train = [d for d in data if fold[rows[d[0]]["show"]] != k]
        test = [j for j, d in enumerate(data) if fold[rows[d[0]]["show"]] == k]
        vec = DictVectorizer()
        model = LogisticRegression(C=args.c, max_iter=2000)
        model.fit(vec.fit_transform([d[2] for d in train]), [d[3] for d in train])
        probs = model.predict_proba(vec.transform([data[j][2] for j in test]))[:, 1]
        for j, p in zip(test, probs, strict=True):
            score[j] = p
    best: dict[int, tuple[float, str]] = {}
    for j, (i, value, _, _) in enumerate(data):
        if i not in best or score[j] > best[i][0]:
            best[i] = (score[j], value)
    print(f"{len(rows)} items, {len(data)} candidate dates ({sum(d[3] for d in data)} right)")
    s = tally(rows, rules)
    print(
        f"rules      F1 {s['f1']:.4f} P {s['p']:.3f} R {s['r']:.3f} "
        f"false alarms {s['alarms']}/{s['clean']}"
    )
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        preds = [
            dict(rules[i], date=best[i][1]) if i in best and best[i][0] >= threshold else rules[i]
            for i in range(len(rows))
        ]
        s = tally(rows, preds)
        print(
            f"+probe {threshold:.1f} F1 {s['f1']:.4f} P {s['p']:.3f} R {s['r']:.3f} "
            f"false alarms {s['alarms']}/{s['clean']}"
        )


if __name__ == "__main__":
    main()
