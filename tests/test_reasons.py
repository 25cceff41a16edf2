"""The short machine reasons `why` stores for the extractor's notes (a pure table)."""

from __future__ import annotations

import pytest

from monitor.extract.reasons import MAX_NOTES, reason_of, set_aside, split_note
from monitor.models import Note

# The extractor's own wordings (claims.py and lexical.py) -> the reason `why` names.
WORDINGS = [
    ("a question ('renewed')", "question"),
    ("asked, not stated", "question"),
    ("hedged: 'could' ('premiere')", "hedged"),
    ("hedged: 'renewed or almost'", "hedged"),
    ("a guess after 'no date yet' ('arrive')", "hedged"),
    ("'October 31' is said by 'a fan wiki claiming'", "hedged"),
    ("history: 2026-02-08 is before the published date", "history"),
    ("history: 2021-05 is before the item", "history"),
    ("history: released in the past", "history"),
    ("history: 'wrapped' months ago", "history"),
    ("background, not news ('renewed')", "background"),
    ("negated: 'has not been renewed'", "negated"),
    ("negated", "negated"),
    ("'June 11' dates the first part, not part 2", "other_part"),
    ("date 'June 11' is for another part", "other_part"),
    ("'2027' dates a later batch of episodes", "other_part"),
    ("about season 1, not 2", "other_season"),
    ("date 'June 23, 2027' is about season 3", "other_season"),
    ("'filming' is about season 1 and 2", "other_season"),
    ("'June 11': no season named", "no_season"),
    ("'out now' does not say which season is out", "no_season"),
    ("released, but the sentence does not name this season", "no_season"),
    ("about another show", "other_show"),
    ("said of another show in a list", "other_show"),
    ("a list of other titles", "other_show"),
    ("cancellation of something else", "other_show"),
    ("not said of the show ('cancelled')", "other_show"),
    ("about a spinoff or film, not the show ('renewed')", "spinoff"),
    ("about a film, spin-off or game, not the season", "spinoff"),
    ("future: 'will begin filming'", "future"),
    ("planned, not begun", "future"),
    ("'premiere' is weeks away: not on air yet", "future"),
    ("'March 3' is the date of something else", "not_release_date"),
    ("'June 1' dates the report, not the release", "not_release_date"),
    ("'May 2' is when it was moved, not the new date", "not_release_date"),
    ("not a release date ('June 1')", "not_release_date"),
    ("'June 1' has been called off", "not_release_date"),
    ("an episode's date, not the season's", "not_release_date"),
    ("cancelled, yet the item dates the season", "conflict"),
    ("written in a language that is not read (other)", "language"),
    ("something the table does not know yet", "other"),
]


@pytest.mark.parametrize(("why", "reason"), WORDINGS, ids=[w for w, _ in WORDINGS])
def test_each_wording_names_its_reason(why: str, reason: str) -> None:
    assert reason_of(why) == reason


@pytest.mark.parametrize(
    ("message", "why", "phrase"),
    [
        pytest.param(
            "hedged: 'could' ('premiere'): \"It could premiere on June 1.\"",
            "hedged: 'could' ('premiere')",
            "It could premiere on June 1.",
            id="why-and-sentence",
        ),
        pytest.param(
            'about another show: "Netflix renewed Dark: "a hit", it said."',
            "about another show",
            'Netflix renewed Dark: "a hit", it said.',
            id="quotes-inside-the-sentence",
        ),
        pytest.param(
            "written in a language that is not read (other)",
            "written in a language that is not read (other)",
            "",
            id="no-sentence",
        ),
    ],
)
def test_a_note_splits_into_why_and_sentence(message: str, why: str, phrase: str) -> None:
    assert split_note(message) == (why, phrase)


def test_repeats_are_dropped_and_the_list_is_capped() -> None:
    hedged = Note("date", "hedged: 'may' ('arrive'): \"It may arrive.\"")
    many = [Note("renewal", f'about another show: "Show {n} renewed."') for n in range(30)]
    kept = set_aside([hedged, hedged, *many])
    assert len(kept) == MAX_NOTES
    assert kept[0].reason == "hedged" and kept[0].phrase == "It may arrive."
    assert [n.reason for n in kept[1:]] == ["other_show"] * (MAX_NOTES - 1)
