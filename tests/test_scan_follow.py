"""The keyed scan's next-word gate: which tokens may follow a match's first word."""

from __future__ import annotations

import re

import pytest

from monitor.extract.lexicon.starts import keyed_regex
from monitor.text.follow import second_words
from monitor.text.scan import Tokens

CASES = [
    # (pattern, first token, admitted next tokens, refused next tokens)
    (r"\bthe\s+(?:first|second)\s+season\b", "the", ["first", "second"], ["show", None]),
    (r"\bseason\s*-?\s*\d{1,2}\b", "season", ["2", "12"], ["of", "123", "two"]),
    (r"\bwon't\s+return\b", "won", ["t"], ["not"]),
    (r"\brenewed\s+##\s+for\b", "renewed", ["for"], ["by"]),
    (r"\bpredict\w*\s+season\b", "predicted", None, None),  # first word cut short: no gate
    (r"\brenewed\b", "renewed", None, None),  # one-word match: anything may follow
    (r"\bgets\s+(?:[\w-]+\s+)?season\b", "gets", None, None),  # any word may come next
    (r"\bin\s+develop\w*", "in", ["development", "developing"], ["production"]),
    (r"\bset\s+for\s+(?:a|the)\b", "set", ["for"], ["to"]),
]


@pytest.mark.parametrize(
    ("pattern", "first", "admitted", "refused"), CASES, ids=[c[0][:30] for c in CASES]
)
def test_second_words(
    pattern: str, first: str, admitted: list[str] | None, refused: list[str | None] | None
) -> None:
    gate = second_words(re.compile(pattern, re.I), first)
    if admitted is None:
        assert gate is None
        return
    assert gate is not None
    assert all(gate.admits(token) for token in admitted)
    assert not any(gate.admits(token) for token in refused or [])


@pytest.mark.parametrize(
    "text",
    [
        "The first season, then the second season and the show.",
        "Season 2 and season-3 and season 12 and Season Two and season2.",
        "It won't return; it won't.",
    ],
    ids=["ordinals", "numbers", "apostrophe"],
)
def test_a_gated_scan_finds_what_finditer_finds(text: str) -> None:
    for pattern in (
        r"\bthe\s+(?:first|second)\s+season\b",
        r"\bseason\s*-?\s*\d{1,2}\b",
        r"\bwon't\s+return\b",
    ):
        regex = re.compile(pattern, re.I)
        scanned = keyed_regex(regex)
        expected = [m.span() for m in regex.finditer(text) if m.end() > m.start()]
        assert [m.span() for m in Tokens(text).scan(scanned)] == expected
