"""Title matching: every watch at once, word boundaries, common-word titles need context."""

from __future__ import annotations

import pytest

from monitor.match.titles import TitleMatcher, strictness
from monitor.models import Watch

WATCHES = (
    Watch("Glass Harbor", 2),
    Watch("Midnight Ferry", 4),
    Watch("The Salt Road", 2),
    Watch("All of Us Are Dead", 2, aliases=("지금 우리 학교는",)),
    Watch("Tidewater", 1, aliases=("유리항구",)),
    Watch("You", 5),
    Watch("Wednesday", 3),
    Watch("Monday", 2),
    Watch("Dark", 4),
    Watch("1923", 2),
    Watch("3 Body Problem", 2),
    Watch("Love & Death", 2),
    Watch("The Witcher", 5),
    Watch("The Witcher: Blood Origin", 2),
    Watch("Lupin", 4),
    Watch("Flex X Cop", 2, aliases=("재벌X형사",)),
    Watch("Doctor Cha", 2, aliases=("닥터 차정숙",)),
    Watch("Bocchi the Rock!", 2, aliases=("ぼっち・ざ・ろっく!",)),
    Watch("Ace Attorney", 2, aliases=("逆転裁判 Season2", "逆転裁判 ~その「真実」、異議あり!~")),
    Watch("Drifters", 2, aliases=("ドリフターズ 2期",)),
    Watch("Das große Backen", 2),
    Watch("Love Is in the Air", 3),
    Watch("Drag Race México", 2),
    Watch("Pokemon Horizons", 2),
    Watch("Face to Face", 2, aliases=("Face à face",)),
)
MATCHER = TitleMatcher(WATCHES)

CASES = [
    ("plain", "Glass Harbor season 2 gets a date", {"Glass Harbor"}),
    # a title of common words, written in lower case inside Japanese brackets
    (
        "common_words_in_brackets",
        "待ち望んでいた『Love is in the air』のシーズン3制作決定",
        {"Love Is in the Air"},
    ),
    ("common_words_unquoted", "love is in the air tonight", set()),
    ("plain_lowercase", "fans of glass harbor rejoice", {"Glass Harbor"}),
    ("possessive", "Glass Harbor's second season is coming", {"Glass Harbor"}),
    (
        "quoted_curly",
        "Netflix renews \u2018All Of Us Are Dead\u2019 for season 2",
        {"All of Us Are Dead"},
    ),
    ("trailing_colon", "All of Us Are Dead: season 2 release date", {"All of Us Are Dead"}),
    ("cased_title_lowercase_prose", "we are all of us are dead tired", set()),
    (
        "cased_title_short_word_lowercase",
        "Love is in the Air, perché non ci sarà una terza stagione",
        {"Love Is in the Air"},
    ),
    ("cased_title_as_prose", "Love is in the air at the studio this spring.", set()),
    ("korean_alias", "지금 우리 학교는 시즌2 제작 확정", {"All of Us Are Dead"}),
    ("korean_alias_with_particle", "유리항구가 시즌2로 돌아온다", {"Tidewater"}),
    ("korean_alias_spaced_x", "재벌 X 형사 시즌2 제작 확정", {"Flex X Cop"}),
    ("korean_alias_times_sign", "'재벌×형사' 시즌2 제작 확정", {"Flex X Cop"}),
    ("korean_alias_without_its_space", "닥터차정숙 시즌2 확정", {"Doctor Cha"}),
    ("korean_alias_part_is_not_it", "재벌 출신 형사 드라마", set()),
    ("japanese_alias_in_katakana", "『ボッチ・ザ・ロック』第2シーズン発表", {"Bocchi the Rock!"}),
    ("japanese_alias_without_its_mark", "ぼっち・ざ・ろっくの2期が決定", {"Bocchi the Rock!"}),
    ("japanese_alias_other_kana_word", "ボッチの一人旅", set()),
    ("alias_with_season_names_bare_title", "「逆転裁判」シーズン2が放送開始", {"Ace Attorney"}),
    ("alias_with_cohort_names_bare_title", "アニメ「ドリフターズ」が7日、始まる", {"Drifters"}),
    ("alias_with_subtitle_names_bare_title", "『逆転裁判』第2期の新PV", {"Ace Attorney"}),
    ("bare_title_too_short_is_not_kept", "ドリの話", set()),
    (
        "two_shows",
        "Glass Harbor and Midnight Ferry lead the slate",
        {"Glass Harbor", "Midnight Ferry"},
    ),
    ("without_leading_the", "Salt Road season 2 starts filming", {"The Salt Road"}),
    ("ampersand_as_and", "Love and Death season 2 is dated", {"Love & Death"}),
    (
        "longest_title_wins",
        "The Witcher: Blood Origin season 2 is cancelled",
        {"The Witcher: Blood Origin"},
    ),
    ("shorter_title_alone", "The Witcher season 5 wraps filming", {"The Witcher"}),
    ("word_boundary_prefix", "Glass Harbors of the north", set()),
    ("word_boundary_lupine", "Lupine flowers bloom in the spring", set()),
    ("single_word_capitalised", "Lupin season 4 starts shooting in Paris", {"Lupin"}),
    ("you_pronoun", "You can watch the trailer below.", set()),
    ("you_quoted", "Netflix renews 'You' for a fifth season", {"You"}),
    ("you_with_season", "You season 5 premieres in April", {"You"}),
    ("wednesday_weekday", "On Wednesday, Netflix said it would raise prices.", set()),
    ("wednesday_last", "The trailer dropped last Wednesday.", set()),
    ("wednesday_possessive_netflix", "Netflix's Wednesday is back for more", {"Wednesday"}),
    ("wednesday_star", "Wednesday star Jenna Ortega teases the new season", {"Wednesday"}),
    ("wednesday_appositive", "Wednesday, the Addams Family comedy, returns", {"Wednesday"}),
    ("monday_season_of", "Season 2 of Monday has started shooting", {"Monday"}),
    ("monday_on", "The studio confirmed on Monday that the film is delayed.", set()),
    ("dark_lowercase", "It was a dark time for the studio.", set()),
    ("dark_season", "Dark season 4 is not happening, the creators say", {"Dark"}),
    ("year_title_in_prose", "In 1923, the family moved west.", set()),
    ("year_title_quoted", "'1923' season 2 sets its premiere", {"1923"}),
    ("year_title_season", "1923 season 2 premieres in February", {"1923"}),
    ("digit_title", "3 Body Problem season 2 is filming in London", {"3 Body Problem"}),
    ("digit_title_physics", "the three-body problem has no closed solution", set()),
    ("common_word_starts_longer_title", "the second season of Dark Matter arrives in May", set()),
    ("common_word_quoted_longer_title", "Netflix renews 'Dark Matter' for season 2", set()),
    ("common_word_ends_quoted_longer_title", "'Black Dark' Renewed for Season 2 at Hulu", set()),
    (
        "common_word_ends_longer_title",
        "Hulu renewed the sitcom Velvet Dark for a second season.",
        set(),
    ),
    ("common_word_after_possessive", "Netflix greenlights Hulu's Dark season 4", {"Dark"}),
    ("common_word_after_platform", "the Netflix Dark season 4 trailer is out", {"Dark"}),
    ("common_word_quoted_after_platform", "Netflix's 'Dark' Season 4 Gets a Date", {"Dark"}),
    ("common_word_sentence_start", "Dark season 4 is coming. Dark returns in May.", {"Dark"}),
    ("common_word_quoted_with_season", "'Dark Season 4' trailer is here", {"Dark"}),
    ("common_word_then_platform", "the second season of Dark Netflix ordered", {"Dark"}),
    ("title_case_headline_is_no_evidence", "Dark Showrunners Confirm Season 4 Is Off", {"Dark"}),
    # a title with ß is found as written (titles and text are casefolded alike)
    ("eszett_title", "Die zweite Staffel von „Das große Backen“ startet", {"Das große Backen"}),
    ("eszett_spelled_ss", "Das grosse Backen: zweite Staffel", {"Das große Backen"}),
    # accents are dropped on both sides: outlets write "Mexico", "Pokémon" as they like
    ("accent_dropped_in_text", "Drag Race Mexico season 2 premieres June 20", {"Drag Race México"}),
    ("accent_added_in_text", "Pokémon Horizons season 2 is coming", {"Pokemon Horizons"}),
    ("accent_as_written", "Drag Race México season 2 premieres June 20", {"Drag Race México"}),
    # an accented word is no common English word: "Face à face" needs no title case
    ("accented_alias_lowercase", "les enquêtes « Face à face » reviennent", {"Face to Face"}),
    ("accented_alias_unaccented", "les enquêtes « Face a face » reviennent", {"Face to Face"}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_match(text: str, expected: set[str]) -> None:
    found = {w.show for w in MATCHER.match("", text)}
    assert found == expected


def test_mentions_give_offsets_into_the_text() -> None:
    text = "News: Glass Harbor season 2 and Midnight Ferry."
    spans = {m.show: text[m.start : m.end] for m in MATCHER.mentions(text)}
    assert spans == {"glass harbor": "Glass Harbor", "midnight ferry": "Midnight Ferry"}


def test_several_watches_of_one_show_all_match() -> None:
    matcher = TitleMatcher([Watch("Glass Harbor", 2), Watch("Glass Harbor", 3)])
    assert [w.season for w in matcher.match("Glass Harbor news", "")] == [2, 3]


def test_cost_does_not_depend_on_other_titles() -> None:
    # A title sharing its first word with thousands of others still matches exactly.
    watches = [Watch(f"The Show Number {i}", 1) for i in range(2000)] + [Watch("The Show", 1)]
    matcher = TitleMatcher(watches)
    assert [w.show for w in matcher.match("The Show Number 1999 returns", "")] == [
        "The Show Number 1999"
    ]


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (("you",), "strict"),
        (("1923",), "strict"),
        (("lupin",), "cased"),
        (("all", "of", "us", "are", "dead"), "cased"),
        (("3", "body", "problem"), "cased"),
        (("glass", "harbor"), "plain"),
    ],
    ids=["common_word", "number", "rare_word", "all_common_words", "digits_and_words", "distinct"],
)
def test_strictness(tokens: tuple[str, ...], expected: str) -> None:
    assert strictness(tokens) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TVE confirma la temporada 3 de HIT, la serie de Daniel Grao", True),
        ("the hit show returns", False),
        ("BIG HIT SHOW RETURNS FOR SEASON 3", False),
    ],
    ids=["capitals-amid-lower-case", "lower-case-word", "all-capitals-headline"],
)
def test_common_word_title_in_capitals(text: str, expected: bool) -> None:
    assert bool(TitleMatcher([Watch("Hit", 3)]).match("", text)) is expected
