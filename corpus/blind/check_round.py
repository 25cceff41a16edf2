#!/usr/bin/env python3
"""Check a blind round without reading it: structure counts, and items to drop unread.

Usage: python corpus/blind/check_round.py ROUND.jsonl [...] [--used-list FILE] [--write-used FILE]

Prints, per file, the item, clean-item and show counts and every structural problem (ids
only), then the items whose show is already in a repo set, is reserved, or falls outside A-L
(ids and show names only: never the text or the gold). `--write-used FILE` writes the list of
used shows (one a line, other titles after `|`) for the writers' brief.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from corpus.load import load_items  # noqa: E402  (the repo root is on the path only now)

SHARED = REPO.parent / "shared" / "corpus"
# The titles kept for evaluation outside the repo (issue 9, "What to build").
RESERVED = (
    "A League of Their Own", "Alice in Borderland", "All of Us Are Dead", "Arcane",
    "Bridgerton", "D.P.", "Emily in Paris", "Extraordinary Attorney Woo", "For All Mankind",
    "Friends from College", "Game of Thrones", "Halo", "Hellbound", "Kingdom",
    "Lockwood & Co.", "The Glory", "The Hunting Wives", "The Last of Us", "The Leftovers",
)  # fmt: skip
FIELDS = {
    "id", "show", "season", "aliases", "published", "title", "text", "url", "gold", "note",
    "lang", "publisher", "domain",
}  # fmt: skip
DATE_RE = re.compile(r"\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|spring|summer|fall|winter))?")
PHASES = (None, "development", "pre-production", "filming", "post-production", "released")
LANGS = ("en", "ko", "ja", "es", "it", "fr", "de", "pt")


# A folded alias made only of season words ("Season Two", "second series", "terza stagione")
# names no show: an old item's alias list may hold one, and it must not match every round.
_SEASON_ONLY_RE = re.compile(
    r"(?:the|season|series|part|vol|volume|stagione|saison|staffel|temporada|시즌|シーズン|第|期"
    r"|\d+|st|nd|rd|th|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third"
    r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|prima|seconda|terza|quarta"
    r"|quinta|premiere|deuxieme|troisieme|erste|zweite|dritte|segunda|tercera|cuarta)+"
)


def fold(name: str) -> str:
    """A title reduced for comparison: case, accents and punctuation dropped."""
    text = unicodedata.normalize("NFKD", name.casefold())
    return re.sub(r"[\W_]+", "", "".join(c for c in text if not unicodedata.combining(c)))


def used_shows(extra: Path | None) -> dict[str, list[str]]:
    """Every show of the repo's sets (with its aliases), the reserved titles, and `extra`."""
    shows: dict[str, list[str]] = {name: [] for name in RESERVED}
    # (a sealed round's shows too: read for their names only, so no later round reuses them)
    files = [
        *REPO.glob("corpus/items/*.jsonl"),
        *REPO.glob("corpus/timelines/*.jsonl"),
        *REPO.glob("corpus/sealed*/*.jsonl"),
    ]
    files += [p for p in (SHARED / "real_dev.jsonl", SHARED / "dev.jsonl") if p.exists()]
    for path in files:
        for item in load_items(path):
            names = shows.setdefault(item["show"], [])
            names += [a for a in item.get("aliases", []) if a and a not in names]
    if extra is not None and extra.exists():
        for line in extra.read_text(encoding="utf-8").splitlines():
            names = [n.strip() for n in line.split("|") if n.strip()]
            if names:
                shows.setdefault(names[0], []).extend(names[1:])
    return shows


def first_letter(show: str) -> str:
    """The letter a title files under, a leading The/A/An set aside."""
    rest = re.sub(r"^(?:the|a|an)\s+", "", show.strip(), flags=re.I)
    return next((c.upper() for c in unicodedata.normalize("NFKD", rest) if c.isalnum()), "?")


def problems(item: dict[str, object]) -> list[str]:
    """What is wrong with one item's structure (field names and values, never content)."""
    out = []
    keys = set(item) - {"part"}
    if keys != FIELDS:
        out.append(f"fields {sorted(keys ^ FIELDS)}")
    gold = item.get("gold")
    if not isinstance(gold, dict) or set(gold) != {"renewal", "date", "phase"}:
        return [*out, "gold keys"]
    if gold["renewal"] not in (None, "renewed", "cancelled"):
        out.append("renewal value")
    date = gold["date"]
    if date not in (None, "unannounced") and not DATE_RE.fullmatch(str(date)):
        out.append("date value")
    if gold["phase"] not in PHASES:
        out.append("phase value")
    published = item.get("published")
    if published is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(published)):
        out.append("published is not a full date")
    if not isinstance(item.get("season"), int) or not isinstance(item.get("aliases"), list):
        out.append("season or aliases")
    if item.get("lang") not in LANGS:
        out.append("lang")
    if not 150 <= len(str(item.get("text", ""))) <= 2000:
        out.append("text length")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--used-list", type=Path, help="shows of rounds not yet in the repo")
    parser.add_argument("--write-used", type=Path, help="write the used-shows list here")
    args = parser.parse_args()
    shows = used_shows(args.used_list)
    if args.write_used:
        lines = [
            " | ".join([s, *names])
            for s, names in sorted(shows.items(), key=lambda i: i[0].lower())
        ]
        args.write_used.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} used shows written to {args.write_used}")
    known = {
        fold(n): show
        for show, names in shows.items()
        for n in (show, *names)
        if len(fold(n)) > 1 and not _SEASON_ONLY_RE.fullmatch(fold(n))
    }
    bad = 0
    flagged = []
    for path in args.files:
        items = load_items(path)
        ids = Counter(str(i.get("id")) for i in items)
        clean = sum(
            1 for i in items if isinstance(i.get("gold"), dict) and not any(i["gold"].values())
        )
        langs = Counter(str(i.get("lang")) for i in items)
        count = len({i.get("show") for i in items})
        print(f"{path}: {len(items)} items, {clean} clean, {count} shows, {dict(langs)}")
        for item in items:
            found = problems(item) + (["duplicate id"] if ids[str(item.get("id"))] > 1 else [])
            for problem in found:
                print(f"    {item.get('id')}: {problem}")
            bad += len(found)
            show = str(item.get("show"))
            why = [
                f"used as {known[fold(n)]!r}"
                for n in (show, *item.get("aliases", []))
                if fold(n) in known
            ]
            if not "A" <= first_letter(show) <= "L":
                why.append(f"files under {first_letter(show)}")
            if why:
                flagged.append(f"{item.get('id')} {show!r}: {'; '.join(sorted(set(why)))}")
    for line in flagged:
        print("drop unread:", line)
    print(f"{bad} structural problems, {len(flagged)} items to drop unread")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
