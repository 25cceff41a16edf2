"""Probe: would a learned text classifier, OR-ed with the rules, read fresh rounds better?

Usage: pip install -e '.[probe]' && python corpus/probe_learned.py [--lang en] [--train-until 60]

Not part of the extractor: a measurement kept so it can be repeated. For each field value
(released, renewed, cancelled, filming, pre-production) a TF-IDF + logistic-regression model
reads the whole item (the watched show masked, season numbers rewritten as the watched one,
a lower or a higher one) and is trained on the blind rounds up to --train-until; its
threshold is chosen on the next four rounds (with the rules' claim OR-ed in); the rest are
the test rounds. Caveat: the rules were tuned on every round, so the "rules" column flatters
them on the test rounds (the probe is compared with rules that have seen those items).
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.extract.claims import analyse  # noqa: E402
from monitor.extract.explain import parse_published, watch_from_record  # noqa: E402

TARGETS = (
    ("phase", "released"),
    ("renewal", "renewed"),
    ("renewal", "cancelled"),
    ("phase", "filming"),
    ("phase", "pre-production"),
)
_ORDINALS = {
    w: n
    for n, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
        ],
        start=1,
    )
}
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], 1
    )
}
_SEASON_NUMBER_RE = re.compile(
    r"\b(?:season|series|s)\s*-?\s*(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.I,
)
_ORDINAL_SEASON_RE = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:season|series)\b",
    re.I,
)


@dataclass(frozen=True)
class Row:
    round: int
    text: str
    gold: dict[str, str | None]
    rules: dict[str, str]


def _relative(number: int, watched: int) -> str:
    if number == watched:
        return " SEASON_SAME "
    return " SEASON_LOWER " if number < watched else " SEASON_HIGHER "


def features_text(record: dict[str, object]) -> str:
    """The item's text with the show masked and season numbers relative to the watch."""
    text = f"{record['title'] or ''} \n {record['text']}"
    names = [str(record["show"]), *(str(a) for a in record.get("aliases") or [])]  # type: ignore[attr-defined]
    for name in sorted(names, key=len, reverse=True):
        if len(name) >= 3:
            text = re.sub(re.escape(name), " SHOWX ", text, flags=re.I)
    watched = int(record["season"])  # type: ignore[call-overload]

    def numbered(m: re.Match[str]) -> str:
        raw = m.group(1).lower()
        number = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        return _relative(number, watched)

    text = _SEASON_NUMBER_RE.sub(numbered, text)
    text = _ORDINAL_SEASON_RE.sub(lambda m: _relative(_ORDINALS[m.group(1).lower()], watched), text)
    return re.sub(r"\d+", "NUM", text)


def load(lang: str) -> list[Row]:
    rows: list[Row] = []
    seen: set[str] = set()
    for path in sorted(glob.glob(str(ROOT / "corpus/items/fresh*_*.jsonl"))):
        with open(path, encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines]
        for record in records:
            if record["id"] in seen or record.get("lang", "en") != lang:
                continue
            seen.add(record["id"])
            found = re.match(r"h(\d+)", record["id"])
            if found is None:
                continue
            watch = watch_from_record(record)
            published = parse_published(record.get("published"))
            analysis = analyse(record["title"] or "", record["text"], watch, published)
            rules = {c.field: c.value for c in analysis.claims}
            rows.append(Row(int(found.group(1)), features_text(record), record["gold"], rules))
    return rows


def _score(rows: list[Row], said: list[bool], field: str, value: str) -> tuple[float, str]:
    def gold(r: Row) -> bool:
        return r.gold.get(field) == value

    def counted(r: Row) -> bool:  # the scorer: an implied renewal of a dated season is free
        return not (value == "renewed" and r.gold.get("renewal") is None and r.gold.get("date"))

    tp = sum(1 for r, s in zip(rows, said, strict=True) if s and gold(r))
    fp = sum(1 for r, s in zip(rows, said, strict=True) if s and not gold(r) and counted(r))
    fn = sum(1 for r, s in zip(rows, said, strict=True) if not s and gold(r))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, f"tp={tp:3d} fp={fp:3d} fn={fn:3d} F1={f1:.3f}"


def main() -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--train-until", type=int, default=60)
    args = parser.parse_args()
    rows = load(args.lang)
    train = [r for r in rows if r.round <= args.train_until]
    dev = [r for r in rows if args.train_until < r.round <= args.train_until + 4]
    test = [r for r in rows if r.round > args.train_until + 4]
    print(f"{args.lang}: train {len(train)} items, threshold {len(dev)}, test {len(test)}")
    cjk = args.lang in ("ko", "ja")
    vectorizer = TfidfVectorizer(
        analyzer="char_wb" if cjk else "word",
        ngram_range=(2, 4) if cjk else (1, 2),
        min_df=2,
        sublinear_tf=True,
    )
    x_train = vectorizer.fit_transform([r.text for r in train])
    x_dev = vectorizer.transform([r.text for r in dev])
    x_test = vectorizer.transform([r.text for r in test])
    for field, value in TARGETS:
        labels = [int(r.gold.get(field) == value) for r in train]
        model = LogisticRegression(C=4, max_iter=3000, class_weight="balanced")
        model.fit(x_train, labels)
        p_dev = model.predict_proba(x_dev)[:, 1]
        p_test = model.predict_proba(x_test)[:, 1]

        def said(
            rs: list[Row], probs: list[float], cut: float, field: str = field, value: str = value
        ) -> list[bool]:
            return [r.rules.get(field) == value or p > cut for r, p in zip(rs, probs, strict=True)]

        cut = max(
            (i / 20 for i in range(6, 20)),
            key=lambda c: _score(dev, said(dev, list(p_dev), c), field, value)[0],
        )
        rules = [r.rules.get(field) == value for r in test]
        print(f"{field}={value}: threshold {cut:.2f}")
        print(f"  rules          {_score(test, rules, field, value)[1]}")
        print(f"  rules or model {_score(test, said(test, list(p_test), cut), field, value)[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
