"""A small date grammar for release news, resolved against the item's published date.

Deliberately not dateparser: it reads "Season 2" as February and "1899" as a year, and
costs ~70 ms a string. Encodings follow DESIGN.md §3 and keep the stated precision.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal

from monitor.text.normalize import words
from monitor.text.scan import Tokens, branch_kind, cut, keyed

Precision = Literal["day", "month", "quarter", "half", "season", "year"]
PRECISION_RANK: dict[str, int] = {
    "year": 1,
    "season": 2,
    "half": 2,
    "quarter": 3,
    "month": 4,
    "day": 5,
}

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
SEASON_NAMES = {"spring": "spring", "summer": "summer", "fall": "fall", "autumn": "fall"}
SEASON_NAMES["winter"] = "winter"
# First and last month of each season (winter runs into the next year).
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "winter": (12, 14)}
ORDINAL_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
ORDINAL_NUMBERS.update({"1st": 1, "2nd": 2, "3rd": 3, "4th": 4})

MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])\.?"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def _mon(name: str) -> str:
    return rf"(?P<{name}>{MONTH_NAME})"


def _day(name: str) -> str:
    return rf"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"


def _year(name: str) -> str:
    return rf"(?P<{name}>20\d\d)(?!\d)"


# A month alone is a date only after one of these ("in March", "pushed to March").
_BARE_MONTH_BEFORE = (
    r"(?i:"
    + "|".join(
        rf"(?<=\b{word}{sep})"
        for word in words(
            "in from to until till by this next last since through into early mid late of"
        )
        for sep in (r"\s", "-")
    )
    + ")"
)
_PREVIOUS_WORDS_RE = re.compile(r"(?:(\w+)\s+)?(\w+)[\s-]$")

_STAMP_DATE = (
    rf"(?:{_WD},?\s+)?(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"{MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME},?\s+\d{{4}})"
)

_WORD_START = r"(?<![^\W_])"  # a date starts a word, never inside one ("Q1 January")
# Each kind of date is one named branch; a token opens only some of them (`_narrow`).
_DATE_BRANCHES = (
    rf"(?P<stamp>(?i:(?:last\s+)?(?:updated|modified|published|posted|edited)\b)\s*(?i:on\b)?"
    rf"\s*:?\s*{_STAMP_DATE})",
    rf"(?P<iso>(?<![\d/]){_year('iso_y')}-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-2]\d|3[01])(?!\d))",
    rf"(?P<md>(?:(?P<md_wd>{_WD}),?\s+)?{_mon('md_m')}\s+{_day('md_d')}"
    rf"(?:,?\s+{_year('md_y')})?)",
    # (not "season 3 February 25": the number is the season's)
    r"(?P<dm>(?i:(?<!\bseason\s)(?<!\bseries\s)(?<!\bpart\s)(?<!\bepisode\s)(?<!\bvolume\s))"
    rf"(?:(?P<dm_wd>{_WD}),?\s+)?{_day('dm_d')}\s+(?:of\s+)?{_mon('dm_m')}"
    rf"(?:,?\s+{_year('dm_y')})?)",
    rf"(?P<my>{_mon('my_m')}(?:\s+of)?,?\s+{_year('my_y')})",
    # "began in October last year", "in March of next year"
    rf"(?P<mry>{_mon('mry_m')}\s+(?:of\s+)?(?i:(?P<mry_t>this|next|last)\s+year)\b)",
    # "\n1/6 The gang's all here": a gallery's picture count opening a caption line.
    r"(?P<num>(?<![\d/.,$£€])(?:(?<!\n)|(?!\d+/\d+\s+(?-i:[A-Z])))"
    r"(?P<num_a>\d{1,2})/(?P<num_b>\d{1,2})"
    r"(?:/(?P<num_y>\d{4}|\d{2}))?(?![\d/%])(?!\s*(?:stars?|points?|rating|score)\b))",
    rf"(?P<q>Q(?P<q_n>[1-4])\s*(?:of\s+)?{_year('q_y')}|{_year('q_y2')}\s*Q(?P<q_n2>[1-4])|"
    rf"(?i:(?P<q_w>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\s+"
    rf"(?:of\s+)?){_year('q_y3')})",
    rf"(?P<h>(?i:(?P<h_w>first|second|1st|2nd|latter|back)\s+half\s+of\s+"
    rf"(?:the\s+year\s+)?){_year('h_y')}|H(?P<h_n>[12])\s*{_year('h_y2')}|"
    rf"{_year('h_y3')}\s*H(?P<h_n2>[12]))",
    rf"(?P<py>(?i:(?P<py_w>early|late|later|mid|end\s+of|start\s+of|"
    rf"beginning\s+of|middle\s+of)(?:[\s-]+in)?[\s-]+){_year('py_y')})",
    r"(?P<ry>(?i:(?:(?P<ry_w>early|late|later|mid|end\s+of|start\s+of|"
    r"beginning\s+of|(?P<ry_half>first|second)\s+half\s+of)[\s-]+)?"
    r"(?<!\bthe\s)(?P<ry_t>this|next|last)\s+year\b))",
    r"(?P<eoy>(?i:end\s+of\s+the\s+year\b))",
    rf"(?P<se>(?i:(?:(?P<se_mod>early|late|mid)[\s-]+)?(?P<se_n>spring|summer|fall|autumn|winter)"
    rf"(?:\s+of)?\s+){_year('se_y')})",
    r"(?P<rse>(?i:(?<=\bthis\s)|(?<=\bnext\s)|(?<=\blast\s)|(?<=\bthe\s)|(?<=\bcoming\s))"
    # (not a ranking: "the summer's top-rated debut")
    r"(?P<rse_n>(?i:spring|summer|fall|autumn|winter))\b(?!\s+(?:of|season)\b)(?!\s+20\d\d)(?!['’]s\b))",
    # ("the next month", "the next week": counted from the story's time, not the item's)
    r"(?P<rm>(?i:(?:later\s+|early\s+|late\s+)?(?<!\bthe\s)(?P<rm_t>this|next|last)\s+month\b))",
    # "will premiere season 12 next week": a month, when the whole week falls in one ("this
    # week" and "last week" date the report far more often than a release: not read)
    r"(?P<rw>(?i:(?:later\s+|early\s+)?(?<!\bthe\s)next\s+week\b))",
    # (not a press release's dateline: "Today STARZ released the trailer ...")
    r"(?P<td>(?i:\b(?P<td_w>today|tonight|tomorrow|yesterday)\b)"
    r"(?!,?\s+(?:[A-Z][\w+&.'-]*\s+){1,4}(?i:released|announced|revealed|unveiled|shared)\b)"
    # ("Today, horror streamer Shudder announced that ...": any subject of a reporting verb)
    r"(?!,?\s+(?:[\w+&.'-]+\s+){1,4}(?i:announced|revealed|unveiled|confirmed)\s+(?:that\b|the\b)))",
    # (not "nearer to Valentine's Day than Halloween": a rough time of year)
    r"(?P<hol>(?<!\bnearer\sto\s)(?<!\bcloser\sto\s)(?<!\bclose\sto\s)(?<!\baround\s)(?<!\bthan\s)"
    r"(?P<hol_w>Boxing\s+Day|Christmas\s+Day|Christmas\s+Eve|Christmas|"
    rf"New\s+Year'?s\s+Day|New\s+Year'?s\s+Eve|Valentine'?s\s+Day|Halloween|"
    # ("Halloweenvark", an episode's title, is no Halloween)
    rf"Thanksgiving(?:\s+Day)?)\b(?:,?\s+{_year('hol_y')})?)",
    # Korean and Japanese: "2027년 1월 29일", "2026年10月".
    rf"(?P<ko>{_year('ko_y')}[년年]\s*(?:(?P<ko_m>\d{{1,2}})[월月]\s*(?:(?P<ko_d>\d{{1,2}})[일日])?|"
    r"(?P<ko_h>상반기|하반기))?|(?<!\d)(?P<ko_m2>\d{1,2})[월月]\s*(?P<ko_d2>\d{1,2})[일日]|"
    r"(?P<ko_rel>내년|올해)\s*(?P<ko_rh>상반기|하반기)?|(?P<ko_td>오늘))",
    rf"(?P<bm>{_BARE_MONTH_BEFORE}{_mon('bm_m')}(?!\s+\d|,?\s+(?:of\s+)?20\d\d))",
    # ("airs on NBC every Wednesday": a weekly slot; "back for more Friday night chaos",
    # "his Sunday show": a weekday after a determiner describes, it dates nothing)
    # ("Sunday, 8.30pm, ABC": a clock time after it is no day of the month)
    rf"(?P<wd>(?i:(?<!\bevery\s)(?<!\beach\s)(?<!\bmore\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)"
    rf"(?<!\btheir\s)(?<!\byour\s)(?<!\bour\s))(?P<wd_n>{_WD})\b"
    rf"(?!,?\s+(?:the\s+)?(?:{MONTH_NAME}|\d(?!\d?(?:[.:]\d\d)?\s*(?i:am|pm)\b|\d?[.:]\d\d\b)))"
    # "airs on Sunday nights", "HBO's Sunday night slot": a weekly slot, not a day.
    r"(?!\s+(?:(?:night|evening|morning|afternoon|prime-?time)\s+)?(?:nights|evenings|mornings|"
    r"afternoons|slot|time-?slot|line-?up|block)\b))",
    r"(?P<yr>(?<![\d/.$#-])(?P<yr_y>20\d\d)(?![\d/]|-\d|s\b|'s\b))",
)


DATE_RE = cut(_DATE_BRANCHES, before=_WORD_START)
_MONTH_WORDS = frozenset(
    words(
        "jan january feb february mar march apr april may jun june jul july aug august sep sept "
        "september oct october nov november dec december"
    )
)
_WEEKDAY_WORDS = frozenset(words("monday tuesday wednesday thursday friday saturday sunday"))
# The kinds a token can open, by what the token is: a date regex of twenty kinds tried at
# every number in an item ("season 4", "2024") was a tenth of the English reader's time.
_DIGIT_KINDS = ("iso", "dm", "num", "q", "h", "ko", "yr")  # "2024-", "4 March", "1st half"
_BY_DIGIT = cut(_DATE_BRANCHES, _DIGIT_KINDS, before=_WORD_START)
_BY_CODE = cut(_DATE_BRANCHES, ("q", "h"), before=_WORD_START)  # "Q1 2027", "H2 2026"
_BY_MONTH = cut(_DATE_BRANCHES, ("md", "my", "mry", "bm"), before=_WORD_START)
_BY_WEEKDAY = cut(_DATE_BRANCHES, ("md", "dm", "wd"), before=_WORD_START)
_BY_WORD = cut(
    _DATE_BRANCHES,
    (k for k in map(branch_kind, _DATE_BRANCHES) if k not in ("iso", "num", "ko", "yr")),
    before=_WORD_START,
)


def _narrow(word: str) -> re.Pattern[str]:
    if word[0].isdigit():
        return _BY_DIGIT
    if word in _MONTH_WORDS:
        return _BY_MONTH
    if word in _WEEKDAY_WORDS:
        return _BY_WEEKDAY
    return _BY_CODE if word[1:].isdigit() else _BY_WORD


DATES = keyed(
    DATE_RE,
    "updated last modified published posted edited jan january feb february mar march apr "
    "april may jun june jul july aug august sep sept september oct october nov november dec "
    "december monday tuesday wednesday thursday friday saturday sunday first second third "
    "fourth latter back early late later mid end start beginning middle this next spring "
    "summer fall autumn winter today tonight tomorrow yesterday boxing christmas new "
    "valentine halloween thanksgiving",
    digits="any",
    narrow=_narrow,
)


@dataclass(frozen=True, slots=True)
class DateValue:
    """A resolved date at some precision, with the first and last day it covers."""

    value: str
    precision: Precision
    lo: date
    hi: date

    @property
    def rank(self) -> int:
        return PRECISION_RANK[self.precision]

    def covers(self, other: DateValue) -> bool:
        return self.lo <= other.lo and other.hi <= self.hi


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in the text and its two readings.

    `forward` is the next occurrence on or after the published date (announcements);
    `backward` the last one on or before it (past-tense statements). They differ only for
    year-less and relative expressions ("January 22", "Friday").
    """

    start: int
    end: int
    text: str
    forward: DateValue | None
    backward: DateValue | None
    stamp: bool = False  # "Last Updated: 12/04/2025": never a release date
    weekday_only: bool = False  # a bare "Friday": only with a present-tense verb


def day_value(year: int, month: int, day: int) -> DateValue | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return DateValue(d.isoformat(), "day", d, d)


def month_value(year: int, month: int) -> DateValue:
    last = calendar.monthrange(year, month)[1]
    return DateValue(
        f"{year:04d}-{month:02d}", "month", date(year, month, 1), date(year, month, last)
    )


def quarter_value(year: int, quarter: int) -> DateValue:
    first = 3 * quarter - 2
    last_month = first + 2
    hi = date(year, last_month, calendar.monthrange(year, last_month)[1])
    return DateValue(f"{year:04d}-Q{quarter}", "quarter", date(year, first, 1), hi)


def half_value(year: int, half: int) -> DateValue:
    if half == 1:
        return DateValue(f"{year:04d}-H1", "half", date(year, 1, 1), date(year, 6, 30))
    return DateValue(f"{year:04d}-H2", "half", date(year, 7, 1), date(year, 12, 31))


def season_value(year: int, name: str) -> DateValue:
    first, last = SEASON_MONTHS[name]
    lo = date(year, first, 1)
    if last > 12:
        hi = date(year + 1, last - 12, calendar.monthrange(year + 1, last - 12)[1])
    else:
        hi = date(year, last, calendar.monthrange(year, last)[1])
    return DateValue(f"{year:04d}-{name}", "season", lo, hi)


def year_value(year: int) -> DateValue:
    return DateValue(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def parse_value(value: str) -> DateValue | None:
    """Read back an encoded value ("2027-03", "2027-H2", "2027-fall", ...)."""
    m = re.fullmatch(
        r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4])|-H([12])|-(spring|summer|fall|winter))?", value
    )
    if m is None:
        return None
    year = int(m.group(1))
    if m.group(3):
        return day_value(year, int(m.group(2)), int(m.group(3)))
    if m.group(2):
        month = int(m.group(2))
        return month_value(year, month) if 1 <= month <= 12 else None
    if m.group(4):
        return quarter_value(year, int(m.group(4)))
    if m.group(5):
        return half_value(year, int(m.group(5)))
    if m.group(6):
        return season_value(year, m.group(6))
    return year_value(year)


_WIRE_AFTER_RE = re.compile(r"\s*\((?:IANS|PTI|ANI|AFP|AP|Reuters|UNI|Yonhap|dpa|AAP|CP)\)")


_ANCHOR_YEAR_RE = re.compile(r"(?<![\d/.-])(20\d\d)(?![\d/])")
_PIN_YEARS = 3  # the anchor year and the two after it


def anchor_year(text: str) -> int | None:
    """The latest year an item names: what an undated item's weekday dates are read from."""
    return max(map(int, _ANCHOR_YEAR_RE.findall(text)), default=None)


def pinned_day(month: int, day: int, weekday: int, anchor: int) -> DateValue | None:
    """A year-less day with its weekday ("Friday, April 7") in the first year from `anchor`
    on where it falls on that weekday, or None."""
    for year in range(anchor, anchor + _PIN_YEARS):
        value = day_value(year, month, day)
        if value is not None and value.lo.weekday() == weekday:
            return value
    return None


def _pinned_by_weekday(m: re.Match[str], anchor: int) -> Readings | None:
    p = "md" if m.group("md") else "dm" if m.group("dm") else None
    if p is None or not m.group(f"{p}_wd") or m.group(f"{p}_y"):
        return None
    weekday = WEEKDAYS[m.group(f"{p}_wd").lower()]
    month, day = _month_number(m.group(f"{p}_m")), int(m.group(f"{p}_d"))
    return _same(pinned_day(month, day, weekday, anchor))


def find_dates(
    text: str, published: date | None, tokens: Tokens | None = None
) -> list[DateMention]:
    """Every date expression in `text`, resolved against `published` where it needs it."""
    found: list[DateMention] = []
    # An item with no date of its own: a weekday can still pin a year-less day to a year
    # near the latest one the item names ("Friday, October 4" after "October 2023").
    anchor = anchor_year(text) if published is None else None
    for m in (tokens or Tokens(text)).scan(DATES):
        if m.group("stamp"):
            found.append(DateMention(m.start(), m.end(), m.group(), None, None, stamp=True))
            continue
        if _WIRE_AFTER_RE.match(text, m.end()):
            # "Mumbai, June 29 (IANS)": a wire story's dateline dates the report.
            found.append(DateMention(m.start(), m.end(), m.group(), None, None, stamp=True))
            continue
        readings = _readings(m, published)
        if readings is None and anchor is not None:
            readings = _pinned_by_weekday(m, anchor)
        if readings is None:
            continue
        forward, backward, weekday_only = readings
        found.append(
            DateMention(m.start(), m.end(), m.group(), forward, backward, False, weekday_only)
        )
    return found


Readings = tuple[DateValue | None, DateValue | None, bool]


def _same(value: DateValue | None) -> Readings | None:
    return (value, value, False) if value is not None else None


def _month_number(word: str) -> int:
    return MONTHS[word[:3].lower()]


# "this / next / last year" (or month, or "October last year"): how far from the item's.
_SHIFT: Final = {"this": 0, "next": 1, "last": -1}


def _readings(m: re.Match[str], pub: date | None) -> Readings | None:
    g = m.group
    if g("iso"):
        return _same(day_value(int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))))
    if g("md") or g("dm"):
        p = "md" if g("md") else "dm"
        month, day = _month_number(g(f"{p}_m")), int(g(f"{p}_d"))
        if g(f"{p}_y"):
            return _same(day_value(int(g(f"{p}_y")), month, day))
        return _yearless_day(month, day, pub)
    if g("my"):
        return _same(month_value(int(g("my_y")), _month_number(g("my_m"))))
    if g("mry") and pub is not None:
        shift = _SHIFT[g("mry_t").lower()]
        return _same(month_value(pub.year + shift, _month_number(g("mry_m"))))
    if g("num"):
        return _numeric(int(g("num_a")), int(g("num_b")), g("num_y"), pub)
    if g("q"):
        return _quarter(m)
    if g("h"):
        return _half(m)
    if g("py"):
        return _same(_part_of_year(g("py_w"), int(g("py_y"))))
    if g("se"):
        name = SEASON_NAMES[g("se_n").lower()]
        return _same(season_value(int(g("se_y")), name))
    if g("yr"):
        return _same(year_value(int(g("yr_y"))))
    if g("ko"):
        return _korean(m, pub)
    if g("hol"):
        return _holiday(g("hol_w"), g("hol_y"), pub)
    if pub is None:
        return None
    return _relative(m, pub)


_NAME_GOES_ON_RE = re.compile(r"\s+[A-Z][a-z]")


def _relative(m: re.Match[str], pub: date) -> Readings | None:
    g = m.group
    if g("ry"):
        shift = _SHIFT[g("ry_t").lower()]
        year = pub.year + shift
        if g("ry_half"):
            return _same(half_value(year, 1 if g("ry_half").lower() == "first" else 2))
        return _same(_part_of_year(g("ry_w"), year))
    if g("eoy"):
        return _same(half_value(pub.year, 2))
    if g("rse"):
        if g("rse_n")[0].isupper() and _NAME_GOES_ON_RE.match(m.string, m.end()):
            return None  # "The Falcon and the Winter Soldier": a title, not a season
        return _same(_relative_season(_modifier(m), SEASON_NAMES[g("rse_n").lower()], pub))
    if g("rm"):
        shift = _SHIFT[g("rm_t").lower()]
        index = pub.year * 12 + pub.month - 1 + shift
        return _same(month_value(index // 12, index % 12 + 1))
    if g("rw"):
        monday = pub + timedelta(days=7 - pub.weekday())
        sunday = monday + timedelta(days=6)
        if (monday.year, monday.month) != (sunday.year, sunday.month):
            return None  # a week across two months names neither
        return _same(month_value(monday.year, monday.month))
    if g("td"):
        shift = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[g("td_w").lower()]
        d = pub + timedelta(days=shift)
        return _same(DateValue(d.isoformat(), "day", d, d))
    if g("bm"):
        return _bare_month(_modifier(m), _month_number(g("bm_m")), pub)
    if g("wd"):
        return _weekday(_modifier(m), WEEKDAYS[g("wd_n").lower()], pub)
    return None


def _modifier(m: re.Match[str]) -> str:
    """The word(s) just before a bare month, weekday or season: "next", "this coming"."""
    before = _PREVIOUS_WORDS_RE.search(m.string, max(0, m.start() - 24), m.start())
    if before is None:
        return ""
    first, last = (before.group(1) or "").lower(), before.group(2).lower()
    return f"{first} {last}" if (first, last) == ("this", "coming") else last


# How far back a year-less day is still the one just gone rather than next year's.
JUST_GONE_DAYS = 14


def forward_day(month: int, day: int, pub: date | None) -> DateValue | None:
    """A year-less day read forward from the published day: the next such day, unless it
    is one of the last two weeks ("premiering on NBC on September 25" in an item of the 26th,
    "1月8日深夜に放送され" of 9 January): nobody dates next year's premiere without its year."""
    if pub is None:
        return None
    value = day_value(pub.year, month, day)
    if value is not None and value.lo < pub and (pub - value.lo).days > JUST_GONE_DAYS:
        value = day_value(pub.year + 1, month, day)
    return value


def backward_day(month: int, day: int, pub: date) -> DateValue | None:
    """A year-less day read back from the published day: the last such day on or before it
    ("premiered on March 4", "지난 10월 3일")."""
    year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    return day_value(year, month, day)


def _yearless_day(month: int, day: int, pub: date | None) -> Readings | None:
    if pub is None:
        return None
    if (month, day) == (2, 29):
        # "premieres on 29th February" in an item of a leap year: that year's (a year-less
        # leap day four years off is no date anyone writes); in any other year, no reading.
        leap = day_value(pub.year, 2, 29)
        return None if leap is None else (leap, leap, False)
    forward, backward = forward_day(month, day, pub), backward_day(month, day, pub)
    if forward is None or backward is None:
        return None
    return forward, backward, False


def _numeric(a: int, b: int, year_text: str | None, pub: date | None) -> Readings | None:
    if year_text is None:
        if 1 <= a <= 12 and 1 <= b <= 31:
            return _yearless_day(a, b, pub)
        return None
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    if not 2000 <= year <= 2099:
        return None
    if a <= 12:
        return _same(day_value(year, a, b))
    if b <= 12:  # day first (21/03/2023)
        return _same(day_value(year, b, a))
    return None


def _quarter(m: re.Match[str]) -> Readings | None:
    g = m.group
    if g("q_n"):
        return _same(quarter_value(int(g("q_y")), int(g("q_n"))))
    if g("q_n2"):
        return _same(quarter_value(int(g("q_y2")), int(g("q_n2"))))
    return _same(quarter_value(int(g("q_y3")), ORDINAL_NUMBERS[g("q_w").lower()]))


def _half(m: re.Match[str]) -> Readings | None:
    g = m.group
    if g("h_n"):
        return _same(half_value(int(g("h_y2")), int(g("h_n"))))
    if g("h_n2"):
        return _same(half_value(int(g("h_y3")), int(g("h_n2"))))
    word = g("h_w").lower()
    return _same(half_value(int(g("h_y")), 1 if word in ("first", "1st") else 2))


def _part_of_year(word: str | None, year: int) -> DateValue:
    if word is None:
        return year_value(year)
    word = " ".join(word.lower().split())
    if word.startswith("the "):
        word = word[4:]
    if word in ("early", "start of", "beginning of"):
        return half_value(year, 1)
    if word in ("late", "end of"):
        return half_value(year, 2)
    return year_value(year)  # "mid", "later", "middle of": no finer encoding


def _relative_season(word: str, name: str, pub: date) -> DateValue:
    if word == "last":
        year = pub.year if season_value(pub.year, name).hi < pub else pub.year - 1
        return season_value(year, name)
    if word == "next":
        year = pub.year if season_value(pub.year, name).lo > pub else pub.year + 1
        return season_value(year, name)
    if word == "this" and name != "winter":
        # "that we premiered this spring" in August: this year's spring, gone by
        return season_value(pub.year, name)
    year = pub.year if season_value(pub.year, name).hi >= pub or name == "winter" else pub.year + 1
    return season_value(year, name)


def _bare_month(word: str, month: int, pub: date) -> Readings:
    ahead = pub.year if month >= pub.month else pub.year + 1
    behind = pub.year if month <= pub.month else pub.year - 1
    if word == "last":
        value = month_value(behind if month != pub.month else pub.year - 1, month)
        return value, value, False
    if word == "next":
        value = month_value(ahead if month != pub.month else pub.year + 1, month)
        return value, value, False
    if word == "since":
        value = month_value(behind, month)
        return value, value, False
    return month_value(ahead, month), month_value(behind, month), False


def _weekday(mode: str, weekday: int, pub: date) -> Readings:
    ahead = pub + timedelta(days=(weekday - pub.weekday()) % 7)
    behind = pub - timedelta(days=(pub.weekday() - weekday) % 7)
    if mode == "next" and ahead == pub:
        ahead += timedelta(days=7)
    if mode == "last" and behind == pub:
        behind -= timedelta(days=7)
    fwd = DateValue(ahead.isoformat(), "day", ahead, ahead)
    back = DateValue(behind.isoformat(), "day", behind, behind)
    if mode == "last":
        return back, back, False
    if mode in ("this", "next", "coming", "this coming"):
        return fwd, fwd, False
    return fwd, back, True


def _holiday_date(name: str, year: int) -> tuple[int, int]:
    key = " ".join(name.lower().replace("'", "").split())
    if key.startswith("thanksgiving"):
        first = date(year, 11, 1)
        thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return 11, thursday.day
    table = {
        "boxing day": (12, 26),
        "christmas day": (12, 25),
        "christmas": (12, 25),
        "christmas eve": (12, 24),
        "new years day": (1, 1),
        "new years eve": (12, 31),
        "valentines day": (2, 14),
        "halloween": (10, 31),
    }
    return table[key]


def _holiday(name: str, year_text: str | None, pub: date | None) -> Readings | None:
    if year_text:
        month, day = _holiday_date(name, int(year_text))
        return _same(day_value(int(year_text), month, day))
    if pub is None:
        return None
    month, day = _holiday_date(name, pub.year)
    forward = day_value(pub.year, month, day)
    backward = forward
    if forward is not None and forward.lo < pub:
        month, day = _holiday_date(name, pub.year + 1)
        forward = day_value(pub.year + 1, month, day)
    elif forward is not None and forward.lo > pub:
        month, day = _holiday_date(name, pub.year - 1)
        backward = day_value(pub.year - 1, month, day)
    return forward, backward, False


def _korean(m: re.Match[str], pub: date | None) -> Readings | None:
    g = m.group
    if g("ko_y"):
        year = int(g("ko_y"))
        if g("ko_d"):
            return _same(day_value(year, int(g("ko_m")), int(g("ko_d"))))
        if g("ko_m"):
            month = int(g("ko_m"))
            return _same(month_value(year, month)) if 1 <= month <= 12 else None
        if g("ko_h"):
            return _same(half_value(year, 1 if g("ko_h") == "상반기" else 2))
        return _same(year_value(year))
    if g("ko_m2"):
        month, day = int(g("ko_m2")), int(g("ko_d2"))
        return _yearless_day(month, day, pub) if 1 <= month <= 12 else None
    if pub is None:
        return None
    if g("ko_td"):
        return _same(DateValue(pub.isoformat(), "day", pub, pub))
    year = pub.year + (1 if g("ko_rel") == "내년" else 0)
    if g("ko_rh"):
        return _same(half_value(year, 1 if g("ko_rh") == "상반기" else 2))
    return _same(year_value(year))
