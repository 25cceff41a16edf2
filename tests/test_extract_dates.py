"""The date grammar: every form, year-less resolution, precision, stamps and traps."""

from __future__ import annotations

from datetime import date

import pytest

from monitor.extract.dates import DATES, find_dates, parse_value
from monitor.extract.intl_dates import GRAMMARS

PUB = date(2026, 10, 1)  # a Thursday

FORWARD = [
    ("month_day", "on January 29, the streamer said", "2027-01-29"),
    ("month_day_this_year", "on November 3", "2026-11-03"),
    ("published_day_itself", "on October 1", "2026-10-01"),
    ("abbrev_dot_year", "Jan. 29, 2027", "2027-01-29"),
    ("ordinal_day", "March 5th", "2027-03-05"),
    ("day_month_year", "29 January 2027", "2027-01-29"),
    ("the_day_of_month", "the 5th of March", "2027-03-05"),
    ("weekday_full_date", "Friday, January 22, 2027", "2027-01-22"),
    ("us_numeric", "1/29", "2027-01-29"),
    ("us_numeric_year", "3/14/2027", "2027-03-14"),
    ("day_first_numeric", "21/03/2027", "2027-03-21"),
    ("iso", "2027-01-29", "2027-01-29"),
    ("month_year", "March 2027", "2027-03"),
    ("month_of_year", "March of 2027", "2027-03"),
    ("bare_month_in", "arrives in March", "2027-03"),
    ("bare_month_this_year", "arrives in December", "2026-12"),
    ("spring_year", "spring 2027", "2027-spring"),
    ("autumn_is_fall", "autumn 2027", "2027-fall"),
    ("fall_of_year", "fall of 2027", "2027-fall"),
    ("this_fall", "this fall", "2026-fall"),
    ("next_summer", "next summer", "2027-summer"),
    ("in_the_winter", "in the winter", "2026-winter"),
    ("early_year", "early 2027", "2027-H1"),
    ("late_year", "late 2027", "2027-H2"),
    ("end_of_year", "the end of 2027", "2027-H2"),
    ("mid_year", "mid-2027", "2027"),
    ("first_half", "the first half of 2027", "2027-H1"),
    ("second_half", "the second half of 2027", "2027-H2"),
    ("h2_code", "H2 2027", "2027-H2"),
    ("quarter_code", "Q1 2027", "2027-Q1"),
    ("quarter_words", "the third quarter of 2027", "2027-Q3"),
    ("bare_year", "coming 2027", "2027"),
    ("later_this_year", "later this year", "2026"),
    ("early_next_year", "early next year", "2027-H1"),
    ("next_year", "next year", "2027"),
    ("this_month", "this month", "2026-10"),
    ("next_month", "next month", "2026-11"),
    ("month_of_last_year", "in October last year", "2025-10"),
    ("month_of_next_year", "in March of next year", "2027-03"),
    ("today", "premieres today", "2026-10-01"),
    ("tomorrow", "arrives tomorrow", "2026-10-02"),
    ("this_friday", "this Friday", "2026-10-02"),
    ("next_friday", "next Friday", "2026-10-02"),
    ("boxing_day", "on Boxing Day", "2026-12-26"),
    ("christmas_day", "Christmas Day", "2026-12-25"),
    ("halloween_passed_next_year", "Halloween", "2026-10-31"),
    ("thanksgiving", "Thanksgiving", "2026-11-26"),
    ("korean_full", "2027년 1월 22일", "2027-01-22"),
    ("korean_half", "2027년 하반기", "2027-H2"),
    ("japanese_month", "2026年10月より放送開始", "2026-10"),
    ("japanese_full", "2027年1月22日に配信", "2027-01-22"),
    ("korean_next_year", "내년 상반기", "2027-H1"),
    ("list_entry_colon", "November 17: Glass Harbor (season 2)", "2026-11-17"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in FORWARD], ids=[c[0] for c in FORWARD]
)
def test_forward_reading(text: str, expected: str) -> None:
    found = [d for d in find_dates(text, PUB) if not d.stamp]
    assert found, f"no date in {text!r}"
    assert found[-1].forward is not None
    assert found[-1].forward.value == expected


BACKWARD = [
    ("yearless_past", "premiered on March 4", "2026-03-04"),
    ("yearless_later_month_is_last_year", "premiered on November 3", "2025-11-03"),
    ("bare_weekday", "premiered Friday", "2026-09-25"),
    ("last_month_name", "premiered last February", "2026-02"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in BACKWARD], ids=[c[0] for c in BACKWARD]
)
def test_backward_reading_for_past_tense(text: str, expected: str) -> None:
    (found,) = find_dates(text, PUB)
    assert found.backward is not None
    assert found.backward.value == expected


NOT_DATES = [
    ("year_1923_title", "1923 season 2"),
    ("year_1899", "the 1899 mystery"),
    ("season_word", "Season 2 arrives"),
    ("we_is_not_wednesday", "We think so"),
    ("modal_may", "it may slip"),
    ("march_verb", "fans march on"),
    ("fall_noun", "the fall of the city"),
    ("fraction", "rated 4/5 stars"),
    ("always_on", "open 24/7"),
    ("quarter_without_year", "its Q1 earnings letter"),
    ("first_quarter_adjective", "the first-quarter letter"),
    ("bare_month_name", "June is a character"),
    ("decade", "the 2020s"),
    ("clock_time_after_month", "the Oct 9:30 slot"),
    ("anaphoric_next_year", "two more seasons followed in the next year"),
    ("anaphoric_next_week", "the cliffhanger kept us coming back the next week"),
    ("anaphoric_next_month", "filming wrapped and the edit began the next month"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_DATES], ids=[c[0] for c in NOT_DATES])
def test_not_a_date(text: str) -> None:
    assert [d.text for d in find_dates(text, PUB) if not d.stamp] == []


@pytest.mark.parametrize(
    "text",
    ["Last Updated: 12/04/2025", "Updated 21/03/2023", "Published on March 3, 2026"],
    ids=["last_updated_numeric", "updated_day_first", "published_textual"],
)
def test_update_stamps_are_marked(text: str) -> None:
    (found,) = find_dates(text, PUB)
    assert found.stamp


def test_relative_dates_need_a_published_date() -> None:
    assert find_dates("arrives on January 29", None) == []
    (absolute,) = find_dates("arrives on January 29, 2027", None)
    assert absolute.forward is not None and absolute.forward.value == "2027-01-29"


def test_bare_weekday_is_flagged() -> None:
    (found,) = find_dates("arrives Friday", PUB)
    assert found.weekday_only


def test_invalid_day_is_dropped() -> None:
    assert find_dates("February 30, 2027", PUB) == []


@pytest.mark.parametrize(
    ("value", "lo", "hi"),
    [
        ("2027-03-14", date(2027, 3, 14), date(2027, 3, 14)),
        ("2027-03", date(2027, 3, 1), date(2027, 3, 31)),
        ("2027-Q2", date(2027, 4, 1), date(2027, 6, 30)),
        ("2027-H2", date(2027, 7, 1), date(2027, 12, 31)),
        ("2027-winter", date(2027, 12, 1), date(2028, 2, 29)),
        ("2027", date(2027, 1, 1), date(2027, 12, 31)),
    ],
    ids=["day", "month", "quarter", "half", "winter_spans_new_year", "year"],
)
def test_parse_value_ranges(value: str, lo: date, hi: date) -> None:
    parsed = parse_value(value)
    assert parsed is not None and (parsed.lo, parsed.hi) == (lo, hi)


# The Korean and European grammars' relative forms, each read against its own published day.
INTL = [
    ("ko_bare_day_before_airing", "ko", "26일부터 방송한다", "2010-02-21", "2010-02-26"),
    ("ko_this_month_day", "ko", "이달 29일 낮 12시 공개된다", "2023-12-21", "2023-12-29"),
    ("ko_next_month", "ko", "내달 초 방송", "2019-03-11", "2019-04"),
    ("ko_this_month", "ko", "이달 말 공개된다", "2023-03-02", "2023-03"),
    ("ko_that_day_premiere", "ko", "이날 오후 9시 40분 첫 방송", "2024-08-02", "2024-08-02"),
    ("ko_one_day_ahead", "ko", "첫 방송을 하루 앞둔", "2025-02-04", "2025-02-05"),
    ("ko_day_gone_by", "ko", "지난 16일 처음 전파를 탄", "2018-07-17", "2018-07-16"),
    ("ko_day_gone_by_last_month", "ko", "지난 26일 방송된", "2024-07-05", "2024-06-26"),
    ("ko_last_month_day", "ko", "지난달 26일 방송된", "2024-07-05", "2024-06-26"),
    ("pt_weekday_and_day", "pt", "estreia nesta segunda-feira (15)", "2025-09-12", "2025-09-15"),
    ("es_this_weekday", "es", "se estrena este miércoles a las 22:35h", "2020-10-06", "2020-10-07"),
    ("pt_this_weekday", "pt", "estreia-se esta segunda-feira", "2025-08-22", "2025-08-25"),
    ("fr_this_weekday", "fr", "ce dimanche sur TF1", "2020-10-06", "2020-10-11"),
    ("pt_weekday_day_month", "pt", "que estreiam domingo (21/2)", "2021-02-19", "2021-02-21"),
    (
        "pt_next_thursday_day",
        "pt",
        "a partir da próxima quinta, dia 27",
        "2023-04-20",
        "2023-04-27",
    ),
    ("es_el_dia", "es", "El día 23 regresa", "2018-07-02", "2018-07-23"),
    ("es_month_then_day", "es", "Ya en julio, el día 21, vuelve", "2018-06-01", "2018-07-21"),
    ("it_bare_month", "it", "da aprile in esclusiva su Sky", "2024-03-07", "2024-04"),
    # part of a year-less month, or the month named as such: the month
    ("pt_early_month", "pt", "chega ao vídeo no início de fevereiro", "2022-01-10", "2022-02"),
    ("it_mid_month", "it", "la messa in onda è fissata a metà maggio", "2016-04-06", "2016-05"),
    ("it_start_of_month", "it", "arriva all'inizio di marzo", "2022-01-10", "2022-03"),
    ("es_late_month", "es", "se estrenará a finales de marzo", "2022-01-10", "2022-03"),
    ("fr_mid_month", "fr", "diffusée à la mi-mars sur TF1", "2022-01-10", "2022-03"),
    ("fr_month_named", "fr", "arrive au mois d'avril", "2022-01-10", "2022-04"),
    ("de_end_of_month", "de", "startet Ende Februar bei RTL", "2021-01-10", "2021-02"),
    ("pt_month_named", "pt", "tem estreia prevista para o mês de abril", "2020-03-05", "2020-04"),
    # the end of this year: its second half
    ("pt_end_of_this_year", "pt", "prevista a estreia no final deste ano", "2020-06-10", "2020-H2"),
    ("es_end_of_this_year", "es", "llegará a finales de este año", "2020-06-10", "2020-H2"),
    ("fr_end_of_this_year", "fr", "diffusée à la fin de cette année", "2020-06-10", "2020-H2"),
    ("it_end_of_this_year", "it", "arriva alla fine di quest'anno", "2020-06-10", "2020-H2"),
    ("it_next_autumn", "it", "arriverà soltanto il prossimo autunno", "2014-01-24", "2014-fall"),
    ("fr_next_year", "fr", "elle reviendra l'année prochaine", "2021-06-01", "2022"),
    ("de_next_year", "de", "im nächsten Jahr bei Prime Video", "2019-09-12", "2020"),
    ("de_end_of_year", "de", "Ende des Jahres startet die Serie", "2021-09-01", "2021-H2"),
    ("fr_weekday_full_date", "fr", "dès le jeudi 15/05/2025 à 21h10", "2025-04-01", "2025-05-15"),
    ("ja_two_digit_year_release", "ja", "第2期、21年放送決定", "2020-06-01", "2021"),
    ("ko_this_fall_one_word", "ko", "시즌2를 올가을 방송하기로", "2017-03-21", "2017-fall"),
    ("ko_month_gone_by", "ko", "지난 2월부터 촬영에 돌입해", "2012-05-17", "2012-02"),
    ("ko_month_gone_by_last_year", "ko", "지난 11월부터 촬영", "2012-05-17", "2011-11"),
    ("ko_month_day_gone_by", "ko", "지난 10월 3일 처음 공개", "2025-11-02", "2025-10-03"),
    ("ko_month_day_gone_by_last_year", "ko", "지난 12월 29일 공개", "2024-01-02", "2023-12-29"),
    ("ko_next_year_month_day", "ko", "내년 1월 9일 일본 TV에서 공개", "2025-12-08", "2026-01-09"),
    ("ja_era_year_day", "ja", "平成30年7月10日(火)から放送", "2018-06-01", "2018-07-10"),
    ("ja_first_era_year_month", "ja", "令和元年10月スタート", "2019-06-01", "2019-10"),
    ("ja_bare_day_ni_start", "ja", "時代劇「X」が15日にスタートする", "2016-07-14", "2016-07-15"),
]


@pytest.mark.parametrize(
    ("language", "text", "published", "expected"),
    [c[1:] for c in INTL],
    ids=[c[0] for c in INTL],
)
def test_intl_relative_dates(language: str, text: str, published: str, expected: str) -> None:
    found = GRAMMARS[language](text, date.fromisoformat(published))
    assert [f.value.value for f in found] == [expected]


# A weekday date beside a reporting verb dates the news, not the season.
@pytest.mark.parametrize(
    "text",
    [
        "Na manhã desta quarta (10), a Netflix anunciou quando estreia",
        "A Netflix confirmou nesta segunda-feira, dia 13, que a série voltará",
    ],
    ids=["verb_after", "verb_before"],
)
def test_intl_weekday_date_of_an_announcement_is_no_date(text: str) -> None:
    assert GRAMMARS["pt"](text, date(2024, 1, 11)) == []


def test_intl_this_weekday_of_an_announcement_is_no_date() -> None:
    text = (
        "Ce mardi, au lendemain de la diffusion du dernier épisode, le diffuseur a donc "
        "annoncé une saison 2"
    )
    assert GRAMMARS["fr"](text, date(2024, 4, 16)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It premiered in 2021. Season 3 debuts Friday, April 7.", "2023-04-07"),
        ("First aired in 2023. It returns Friday, October 4.", "2024-10-04"),
        ("It premiered in 2021. Season 3 debuts April 7.", None),
        ("Season 3 debuts Friday, April 7.", None),
    ],
    ids=["weekday-pins-year", "weekday-pins-later-year", "no-weekday-no-year", "no-year-named"],
)
def test_undated_item_weekday_pins_the_year(text: str, expected: str | None) -> None:
    days = [d.forward.value for d in find_dates(text, None) if d.forward]
    found = [value for value in days if "-" in value]  # not the bare year
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arrivata nel 2021, torna sabato 8 aprile.", "2023-04-08"),
        ("Llegó en febrero de 2021 y se estrena este viernes 7 de abril.", "2023-04-07"),
        ("Estreou em 2021 e volta na sexta-feira, 7 de abril.", "2023-04-07"),
    ],
    ids=["it-saturday", "es-friday", "pt-friday-feira"],
)
def test_undated_european_weekday_pins_the_year(text: str, expected: str) -> None:
    days = [f.value.value for f in GRAMMARS["it"](text, None) if f.value.precision == "day"]
    assert days == [expected]


def test_a_holiday_inside_a_word_is_no_date() -> None:
    # "Halloweenvark" (an episode's title): the keyed scan never tried it, but the grammar
    # itself must agree, or a full scan would find a Halloween there.
    text = "The latest episode was Halloweenvark Part 3: Mali-Boo!"
    assert [m.group() for m in DATES.regex.finditer(text)] == []


@pytest.mark.parametrize(
    ("published", "expected"),
    [(date(2020, 2, 25), ["2020-02-29"]), (date(2021, 2, 25), [])],
    ids=["leap_year_reads_its_own_29th", "other_year_reads_none"],
)
def test_yearless_leap_day(published: date, expected: list[str]) -> None:
    found = find_dates("premieres on 29th February", published)
    assert [d.forward.value for d in found if d.forward is not None] == expected
