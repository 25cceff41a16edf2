"""Season mentions: numbers, words, ordinals, codes, Korean, parts, final and next season."""

from __future__ import annotations

import pytest

from monitor.extract.lexicon.starts import derive
from monitor.match.seasons import (
    _SEASON_BRANCHES,
    SEASONS,
    find_seasons,
    mention_seasons,
    title_number,
)
from monitor.models import Watch

CASES = [
    ("digit", "season 2 is here", [("number", (2,))]),
    ("word", "Season Two of the show", [("number", (2,))]),
    ("ordinal_word", "the second season", [("number", (2,))]),
    ("ordinal_digits", "its 3rd season", [("number", (3,))]),
    ("hyphenated_ordinal", "a third-season order", [("number", (3,))]),
    ("sophomore", "a sophomore season", [("number", (2,))]),
    ("code_s2", "the S2 teaser", [("number", (2,))]),
    ("code_s02e01", "S02E01 recap", [("number", (2,))]),
    ("lowercase_s_is_not_code", "it's 2 weeks away", []),
    ("seasons_and", "seasons 2 and 3", [("number", (2, 3))]),
    ("seasons_range", "Seasons 1-3 are streaming", [("number", (1, 2, 3))]),
    ("seasons_comma_list", "seasons 2, 3 and 4", [("number", (2, 3, 4))]),
    ("uk_series", "series 2 of the drama", [("number", (2,))]),
    ("series_not_count", "the series two years later", []),
    ("uk_ordinal_series", "the full second series is out", [("number", (2,))]),
    ("uk_ordinal_digits_series", "its 2nd series", [("number", (2,))]),
    ("second_series_from_creator_is_a_new_show", "a second series from the creator", []),
    ("season_year_is_not_season", "the 2025 season of football", []),
    ("korean_digit", "시즌2 제작", [("number", (2,))]),
    ("korean_digit_space_particle", "시즌 3을 확정", [("number", (3,))]),
    ("korean_ordinal", "두 번째 시즌", [("number", (2,))]),
    ("japanese_ki", "TVアニメ第2期が決定", [("number", (2,))]),
    ("japanese_dai_season", "第3シーズンの配信", [("number", (3,))]),
    ("japanese_katakana_season", "シーズン2の放送", [("number", (2,))]),
    ("japanese_year_count_is_not_season", "第2回の放送", []),
    ("third_and_final", "a third and final season", [("number", (3,))]),
    ("final_unnumbered", "the final season", [("final", ())]),
    ("new_season", "the new season arrives", [("next", ())]),
    ("newest_season", "the newest season was released", [("next", ())]),
    ("third_series_of_the_sitcom", "the third series of the sitcom starts", [("number", (3,))]),
    ("second_series_of_his_career_is_not_season", "the second series of his career", []),
    ("new_episodes", "new episodes arrive Friday", [("next", ())]),
    ("another_season", "renewed for another season", [("next", ())]),
    ("after_two_seasons", "cancelled after two seasons", [("count", (2,))]),
    ("after_single_season", "axed after a single season", [("count", (1,))]),
    ("first_two_seasons", "the first two seasons", [("number", (1, 2))]),
    ("part_digit", "Part 2 arrives", [("part", (2,))]),
    ("volume_word", "Volume Two drops", [("part", (2,))]),
    ("part_roman", "Part II follows", [("part", (2,))]),
    ("two_mentions", "season 3 ahead of the season 2 finale", [("number", (3,)), ("number", (2,))]),
    ("elliptical_first", "loses the spark of the first, which aired in 2024", [("number", (1,))]),
    ("elliptical_first_one", "better than the first one.", [("number", (1,))]),
    ("elliptical_last_one", "darker than the last one.", [("previous", ())]),
    ("elliptical_a_third", "and has been greenlit for a third.", [("number", (3,))]),
    ("elliptical_a_second_is", "and a second is in development", [("number", (2,))]),
    ("a_second_trailer_is_not_season", "and a second trailer dropped", []),
    ("ordinal_episode_count_season", "its first six-episode season", [("number", (1,))]),
    ("first_time_is_not_season", "for the first time in years", []),
    ("first_to_is_not_season", "the first to arrive", []),
]


# (not the elliptical branch: its lookahead after "a " rules out "a last", which the
# derivation cannot see)
_WORD_LED = [
    b
    for b in _SEASON_BRANCHES
    if b.startswith(("(?P<count>", "(?P<first>", "(?P<sw>", "(?P<fin>", "(?P<nxt>"))
]


@pytest.mark.parametrize("branch", _WORD_LED, ids=lambda b: b[4 : b.index(">")])
def test_the_keyed_season_scan_starts_at_every_first_word_of_a_branch(branch: str) -> None:
    # The scan tries SEASON_RE only at its hand-listed start words: a new alternative
    # whose first word is missing there would never be found ("the newest season").
    starts = derive(branch)
    missing = sorted(
        w
        for w in starts.words | starts.prefixes
        if w not in SEASONS.starts and not w.startswith(SEASONS.prefixes)
    )
    assert missing == []


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_find_seasons(text: str, expected: list[tuple[str, tuple[int, ...]]]) -> None:
    assert [(s.kind, s.numbers) for s in find_seasons(text)] == expected


def test_third_and_final_is_flagged_final() -> None:
    (mention,) = find_seasons("renewed for a third and final season")
    assert mention.final and mention.numbers == (3,)


@pytest.mark.parametrize(
    ("text", "final"),
    [
        pytest.param("season 3 will be its last.", True, id="will_be_its_last"),
        pytest.param("season 3 will be its last (per Collider).", True, id="last_then_source"),
        pytest.param("season 3 will be its last (and best)", False, id="last_then_aside"),
        pytest.param("the third season is the show's final one", True, id="is_the_shows_final"),
        pytest.param("season 3 will be the final season", True, id="will_be_the_final_season"),
        pytest.param("season 3 is the last to feature Ana", False, id="last_to_feature"),
        pytest.param("season 3 is the last time we see Ana", False, id="last_time"),
        pytest.param("season 3 will be darker", False, id="plain_predicate"),
    ],
)
def test_season_stated_as_the_last_is_flagged_final(text: str, final: bool) -> None:
    mention = find_seasons(text)[0]
    assert mention.final is final and mention.numbers == (3,)


@pytest.mark.parametrize(
    ("text", "watch", "final", "expected"),
    [
        ("the final season", Watch("X", 4, final=True), 4, {4}),
        ("the final season", Watch("X", 3), 4, {4}),
        ("the new season", Watch("X", 2), None, {2}),
        ("Part 2 arrives", Watch("X", 2, part=2), None, {2}),
        ("Part 1 arrives", Watch("X", 2, part=2), None, set()),
        ("Part 2 arrives", Watch("X", 2), None, set()),
        ("season 3", Watch("X", 2), None, {3}),
    ],
    ids=[
        "final_flag",
        "final_is_highest_watched",
        "next_is_watched",
        "part_of_watch",
        "other_part",
        "part_without_watch_part",
        "number",
    ],
)
def test_mention_seasons(text: str, watch: Watch, final: int | None, expected: set[int]) -> None:
    (mention,) = find_seasons(text)
    assert mention_seasons(mention, watch, final) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#### 5 arrives in November", 5),
        ("#### 5: the final trailer", 5),
        ("#### 10 shows like it", None),
        ("#### 2026 slate", None),
    ],
    ids=["title_number_verb", "title_number_colon", "listicle_number", "year_after_title"],
)
def test_title_number(text: str, expected: int | None) -> None:
    mention = title_number(text, 4)
    assert (mention.numbers[0] if mention else None) == expected
