"""Any text up to 10,000 characters is handled, quickly, and keyed scans equal finditer."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.extract.claims import analyse, extract_item
from monitor.match.titles import TitleMatcher
from monitor.models import Item, Watch
from monitor.text import scan
from monitor.text.normalize import words

# Words that exercise the grammars, mixed with arbitrary text and punctuation.
VOCABULARY = words(
    "Glass Harbor season seasons 2 two second final Part 1 S02 renewed cancelled not n't "
    "hasn't will return premieres premiered released today now streaming out January March "
    "May 29 2027 2026 early late fall spring Q1 H2 first half of the in on from to could may "
    "expected filming began wrapped post-production pre-production production in development "
    "no release date has not been set Last Updated: 12/04/2025 3/14 Friday Boxing Day this "
    "next month year after when ? . , ; : ( ) ' \" - 시즌2 확정 2027년 1월 22일 ##"
)
WATCHES = [Watch("Glass Harbor", 2), Watch("Glass Harbor", 3), Watch("You", 1)]
MATCHER = TitleMatcher(WATCHES)

texts = st.one_of(
    st.text(max_size=10_000),
    st.lists(st.sampled_from(VOCABULARY), max_size=1_500).map(" ".join),
    st.lists(st.sampled_from(VOCABULARY), max_size=300).map("".join),
)


@settings(
    max_examples=60,
    deadline=5_000,  # generous: catastrophic backtracking would take far longer
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(title=st.text(max_size=300), text=texts, day=st.none() | st.dates(date(2000, 1, 1)))
def test_any_text_is_handled(title: str, text: str, day: date | None) -> None:
    analysis = analyse(title, text, WATCHES[0], day)
    assert len({c.field for c in analysis.claims}) == len(analysis.claims)
    published = datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None
    for watch_claims in extract_item(Item("u", "h", title, text, published=published), MATCHER):
        assert watch_claims.watch in WATCHES


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(VOCABULARY), max_size=200).map(" ".join))
def test_keyed_scan_equals_finditer(text: str) -> None:
    tokens = scan.Tokens(text)
    for pattern in scan._REGISTRY:
        expected = [m.span() for m in pattern.regex.finditer(text) if m.end() > m.start()]
        assert [m.span() for m in tokens.scan(pattern)] == expected, pattern.regex.pattern[:60]


@pytest.mark.parametrize(
    "text",
    [
        "a" * 10_000,
        "season " * 1_400,
        "filming on " + "x " * 4_000 + "began",
        "Glass Harbor " * 700,
        "1/" * 5_000,
        ", and" * 2_000,
        "Part 1 " * 1_400,
    ],
    ids=[
        "one_letter",
        "season_repeated",
        "long_gap",
        "title_repeated",
        "slashes",
        "clauses",
        "parts",
    ],
)
def test_pathological_inputs_finish(text: str) -> None:
    analyse("", text, WATCHES[0], date(2026, 1, 1))
