#!/usr/bin/env python3
"""Would a learned scorer beat the rules? Grouped cross-validation of two learned add-ons.

Usage: pip install scikit-learn   (a measurement tool's need, not a project dependency)
       python corpus/learned_probe.py corpus/items/*.jsonl ../shared/corpus/real_dev.jsonl

Two add-ons are trained on the labelled items and scored out of fold (five folds, a show's
items all in one fold, so every score is on shows the model never saw):
- veto: a logistic regression over each claim the rules make (its field and value kind, the
  language, the evidence sentence's words and word pairs, whether it is the headline or a
  question, the date's distance from the published date, the season numbers the evidence
  names, the kinds of cue the rules set aside for that field) drops claims it doubts;
- add: a logistic regression over the item's headline and text words (plus the rules' own
  claims) proposes a renewal or phase value where the rules found none.
Each prints micro-F1, precision, recall and false alarms on clean items at several
thresholds, with the rules alone as the first row; the corpus README records the result.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus.load import load_items
from corpus.score import counted, tally
from monitor.extract.claims import analyse
from monitor.extract.explain import parse_published, watch_from_record
from monitor.extract.language import detect
from monitor.match.titles import TitleMatcher

_WORD_RE = re.compile(r"[a-zà-ÿ0-9']+|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")
_SEASON_RE = r"(?:season|series|시즌|temporada|stagione|saison|staffel)\s*"


def tokens(text: str) -> list[str]:
    """Lowercase words; Korean and Japanese runs as character pairs (no spaces to split on)."""
    out: list[str] = []
    for w in _WORD_RE.findall(text.lower()):
        out += [w[i : i + 2] for i in range(max(1, len(w) - 1))] if ord(w[0]) >= 0x3040 else [w]
    return out


def bag(prefix: str, text: str) -> dict[str, int]:
    words = tokens(text)
    grams = {f"{prefix}{w}": 1 for w in words}
    grams.update({f"{prefix}{a}_{b}": 1 for a, b in pairwise(words)})
    return grams


def precision(value: str) -> str:
    for pattern, name in (
        (r"\d{4}-\d\d-\d\d", "day"),
        (r"\d{4}-\d\d", "month"),
        (r"\d{4}", "year"),
    ):
        if re.fullmatch(pattern, value):
            return name
    return re.sub(r"\d", "9", value)


def claim_features(row: dict[str, Any], claim: dict[str, str]) -> dict[str, int]:
    f, value, evidence = claim["field"], claim["value"], claim["evidence"]
    kind = precision(value) if f == "date" else value
    feats = {f"f={f}": 1, f"fv={f}={kind}": 1, f"{f}|lang={row['lang']}": 1}
    title = row["title"]
    if title and evidence.strip() and evidence.strip() in title:
        feats[f"{f}|headline"] = 1
    if "?" in evidence:
        feats[f"{f}|question"] = 1
    feats[f"{f}|len={min(len(evidence) // 80, 6)}"] = 1
    if f == "date" and row["published"] and kind == "day":
        days = (date.fromisoformat(value) - date.fromisoformat(row["published"])).days
        when = "past" if days < -3 else "now" if days <= 3 else "soon" if days <= 60 else "later"
        feats[f"date|in={when}"] = 1
    season = str(row["season"])
    if re.search(_SEASON_RE + season + r"\b", evidence, re.I):
        feats[f"{f}|own-season"] = 1
    if set(re.findall(_SEASON_RE + r"(\d+)", evidence, re.I)) - {season}:
        feats[f"{f}|other-season"] = 1
    for note in row["notes"]:
        if note["field"] == f:
            feats[f"{f}|set-aside={' '.join(note['message'].split()[:2]).lower()}"] = 1
    feats.update(bag(f"{f}|", evidence))
    return feats


def summary(rows: list[dict[str, Any]], preds: list[dict[str, str]]) -> str:
    s = tally(rows, preds)
    return (
        f"F1 {s['f1']:.4f}  P {s['p']:.3f}  R {s['r']:.3f}  false alarms {s['alarms']}/{s['clean']}"
    )


def out_of_fold(
    features: list[dict[str, int]], labels: list[Any], groups: list[str]
) -> list[dict[Any, float]]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    matrix = DictVectorizer().fit_transform(features)
    out: list[dict[Any, float]] = [{} for _ in labels]
    for train, test in GroupKFold(5).split(matrix, labels, groups):
        model = LogisticRegression(max_iter=3000).fit(matrix[train], [labels[i] for i in train])
        for i, probs in zip(test, model.predict_proba(matrix[test]), strict=True):
            out[i] = dict(zip(model.classes_, probs, strict=True))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    for path in args.files:
        for record in load_items(path):
            watch = watch_from_record(record)
            title, text = record.get("title") or "", record.get("text") or ""
            found = analyse(
                title,
                text,
                watch,
                parse_published(record.get("published")),
                matcher=TitleMatcher([watch]),
            )
            rows.append(
                {
                    **record,
                    "title": title,
                    "text": text,
                    "lang": detect(f"{title}\n{text}"),
                    "claims": [
                        {"field": c.field, "value": c.value, "evidence": c.evidence}
                        for c in found.claims
                    ],
                    "notes": [{"field": n.field, "message": n.message} for n in found.notes],
                }
            )
    print(f"{len(rows)} items; five folds by show")
    rules = [{c["field"]: c["value"] for c in r["claims"]} for r in rows]
    print(f"rules alone        {summary(rows, rules)}")

    # veto: P(claim right) per claim, out of fold
    keys, feats, labels, groups = [], [], [], []
    for i, row in enumerate(rows):
        for j, claim in enumerate(row["claims"]):
            if counted(row["gold"], claim["field"], claim["value"]):
                keys.append((i, j))
                feats.append(claim_features(row, claim))
                labels.append(int(row["gold"].get(claim["field"]) == claim["value"]))
                groups.append(row["show"].lower())
    right = dict(
        zip(keys, (p.get(1, 0.0) for p in out_of_fold(feats, labels, groups)), strict=True)
    )
    for cut in (0.2, 0.3, 0.4, 0.5):
        kept = [
            {
                c["field"]: c["value"]
                for j, c in enumerate(r["claims"])
                if right.get((i, j), 1) >= cut
            }
            for i, r in enumerate(rows)
        ]
        print(f"veto below {cut:.1f}     {summary(rows, kept)}")

    # add: P(value) per item and field where the rules are silent, out of fold
    for f in ("renewal", "phase"):
        item_feats = [
            {
                **bag("T:", r["title"]),
                **bag("W:", r["text"]),
                f"lang={r['lang']}": 1,
                **{f"rule:{c['field']}": 1 for c in r["claims"]},
            }
            for r in rows
        ]
        probs = out_of_fold(
            item_feats,
            [r["gold"].get(f) or "none" for r in rows],
            [r["show"].lower() for r in rows],
        )
        for cut in (0.9, 0.7, 0.5):
            preds = []
            for i, rule in enumerate(rules):
                value, p = max(probs[i].items(), key=lambda kv: kv[1])
                extra = {f: value} if value != "none" and p >= cut and f not in rule else {}
                preds.append({**rule, **extra})
            print(f"add {f:<7} at {cut:.1f} {summary(rows, preds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
