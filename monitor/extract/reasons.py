"""Short machine reasons for the extractor's notes, so `why` can say "hedged" or "history".

The notes themselves (`Note.message`, `why: "sentence"`) are the extractor's one wording of
why a cue was set aside, the same lines `extract` prints; this module only sorts them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from monitor.models import Note, SetAside

# How many set-aside cues are kept per (item, watch): enough to explain it, never a novel.
MAX_NOTES: Final = 12

# reason -> the words `why` prints for it
LABELS: Final[dict[str, str]] = {
    "question": "question",
    "hedged": "hedged",
    "history": "ignored as history",
    "background": "background, not news",
    "negated": "negated",
    "other_part": "other part",
    "other_season": "other season",
    "no_season": "no season named",
    "other_show": "other show",
    "spinoff": "spinoff or film",
    "future": "not begun yet",
    "not_release_date": "not a release date",
    "conflict": "contradicts the item",
    "language": "language not read",
    "other": "set aside",
}

# Checked in order on the "why" part of a note; the first match names the reason.
_RULES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (reason, re.compile(pattern))
    for reason, pattern in (
        ("question", r"^(?:a question\b|asked, not stated)"),
        ("hedged", r"^hedged\b|^a guess after\b|\bis said by\b"),
        ("history", r"^history\b|^released in the past\b"),
        ("background", r"^background\b"),
        ("negated", r"^negated\b"),
        ("other_part", r"dates the first part|is for another part|dates a later batch"),
        ("other_season", r"^about season \d|\bis about season \d"),
        ("no_season", r"no season named|does not say which season|does not name this season"),
        (
            "other_show",
            r"^about another show|another show in a list|^a list of other titles|"
            r"^cancellation of something else|^not said of the show",
        ),
        ("spinoff", r"\bspin-?off\b"),
        ("future", r"^future\b|^planned, not begun|\bweeks away\b"),
        (
            "not_release_date",
            r"is the date of something else|dates the report|is when it was moved|"
            r"^not a release date|has been called off|^an episode's date",
        ),
        ("conflict", r"^cancelled, yet\b"),
        ("language", r"language that is not read"),
    )
)


def split_note(message: str) -> tuple[str, str]:
    """(why, sentence) of a note written `why: "sentence"`; (message, "") when it has none."""
    head, sep, tail = message.partition(': "')
    if sep and tail.endswith('"'):
        return head, tail[:-1]
    return message, ""


def reason_of(why: str) -> str:
    """The short machine reason of a note's "why" part ("other" when no rule knows it)."""
    for reason, pattern in _RULES:
        if pattern.search(why):
            return reason
    return "other"


def set_aside(notes: Iterable[Note]) -> tuple[SetAside, ...]:
    """The notes as stored: reason, wording and sentence; repeats dropped, at most MAX_NOTES."""
    out: list[SetAside] = []
    seen: set[tuple[str, str]] = set()
    for note in notes:
        if (note.field, note.message) in seen:
            continue
        seen.add((note.field, note.message))
        why, phrase = split_note(note.message)
        out.append(SetAside(note.field, reason_of(why), why, phrase))
        if len(out) >= MAX_NOTES:
            break
    return tuple(out)
