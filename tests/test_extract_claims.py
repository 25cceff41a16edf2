"""Claims from whole items: the English unit cases (data) and the item-level behaviour."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from monitor.extract.claims import analyse, extract_for_watch, extract_item
from monitor.match.titles import TitleMatcher
from monitor.models import Item, Watch

GH2 = Watch("Glass Harbor", 2)
GH3 = Watch("Glass Harbor", 3)
MF4 = Watch("Midnight Ferry", 4)


D = date(2026, 10, 1)  # a Thursday
# The table cases live in tests/cases/extract_en.toml (case, watch, expected, why).
CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "cases" / "extract_en.toml").read_text("utf-8")
)["case"]


def _watch(case: dict[str, Any]) -> Watch:
    show, season, *aliases = case["watch"]
    return Watch(
        show, season, tuple(aliases), part=case.get("part"), final=case.get("final", False)
    )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_en_cases(case: dict[str, Any]) -> None:
    published = date.fromisoformat(case["published"]) if "published" in case else None
    claims = extract_for_watch(case["title"], case["text"], _watch(case), published)
    assert {c.field: c.value for c in claims} == case["expected"], case["why"]
    for claim in claims:
        assert claim.evidence and claim.evidence in " ".join(
            f"{case['title']} {case['text']}".split()
        )


def test_evidence_is_the_sentence() -> None:
    claims = extract_for_watch(
        "", "Critics loved it. Glass Harbor season 2 premieres March 14, 2027.", GH2, D
    )
    assert {c.field: c.evidence for c in claims} == {
        "renewal": "Glass Harbor season 2 premieres March 14, 2027.",
        "date": "Glass Harbor season 2 premieres March 14, 2027.",
    }


def test_cancellation_contradicted_by_a_date_is_dropped() -> None:
    claims = extract_for_watch(
        "", "Glass Harbor was cancelled. Glass Harbor season 2 premieres March 14, 2027.", GH2, D
    )
    assert {c.field: c.value for c in claims} == {"date": "2027-03-14"}


def test_notes_say_why_nothing_was_claimed() -> None:
    analysis = analyse("", "Glass Harbor season 2 could arrive in late 2027.", GH2, D)
    assert analysis.claims == ()
    assert any("hedged: 'could'" in n.message for n in analysis.notes)


def test_unmentioned_show_is_explained() -> None:
    analysis = analyse("", "Midnight Ferry season 4 premieres in May 2027.", GH2, D)
    assert not analysis.mentioned


def _item(title: str, text: str, published: date) -> Item:
    when = datetime(published.year, published.month, published.day, 12, tzinfo=UTC)
    return Item("uid", "hash", title, text, published=when)


def test_item_attributes_each_watched_season_separately() -> None:
    matcher = TitleMatcher([GH2, GH3, MF4])
    item = _item(
        "Netflix renews Glass Harbor for season 3 ahead of season 2 premiere",
        "Netflix has renewed Glass Harbor for a third season. Season 2 premieres June 5, 2027.",
        D,
    )
    result = {
        wc.watch.season: {c.field: c.value for c in wc.claims} for wc in extract_item(item, matcher)
    }
    assert result == {
        2: {"renewal": "renewed", "date": "2027-06-05"},
        3: {"renewal": "renewed"},
    }


def test_item_without_any_watched_show_gives_nothing() -> None:
    matcher = TitleMatcher([GH2, MF4])
    assert extract_item(_item("Other news", "The Salt Road returns.", D), matcher) == ()


def test_item_unnumbered_final_season_goes_to_highest_watched_season() -> None:
    matcher = TitleMatcher([Watch("Midnight Ferry", 3), MF4])
    item = _item(
        "", "The final season of Midnight Ferry premieres October 3, 2026.", date(2026, 5, 1)
    )
    result = {wc.watch.season: [c.value for c in wc.claims] for wc in extract_item(item, matcher)}
    assert result.get(4) == ["renewed", "2026-10-03"]
    assert not result.get(3)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_keyed_scan_finds_what_finditer_finds(case: dict[str, Any]) -> None:
    from monitor.text import scan

    text = f"{case['title']}\n{case['text']}".replace("Glass Harbor", "############")
    tokens = scan.Tokens(text)
    for pattern in scan._REGISTRY:
        # The span and the named group that took it: a pattern narrowed to the cues a token
        # can open must match exactly as the whole alternation does.
        expected = [
            (m.span(), m.lastgroup, m.groupdict())
            for m in pattern.regex.finditer(text)
            if m.end() > m.start()
        ]
        found = [(m.span(), m.lastgroup, m.groupdict()) for m in tokens.scan(pattern)]
        assert found == expected, pattern.regex.pattern[:60]
