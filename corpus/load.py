"""Load the project's labelled real-news corpus, and which part of it is sealed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEALED_SHOWS = HERE / "sealed_shows.json"


def sealed_shows() -> frozenset[str]:
    """Shows whose items were set aside, unread, before any rule was tuned."""
    if not SEALED_SHOWS.exists():
        return frozenset()
    return frozenset(json.loads(SEALED_SHOWS.read_text(encoding="utf-8"))["shows"])


def load_items(path: Path, split: str = "all") -> list[dict[str, Any]]:
    """Items of one JSONL file; `split` keeps the tuning part, the sealed part or all."""
    sealed = sealed_shows()
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    if split == "tune":
        return [r for r in rows if r["show"] not in sealed]
    if split == "sealed":
        return [r for r in rows if r["show"] in sealed]
    return rows
