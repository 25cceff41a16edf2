"""Date grammars for Korean, Japanese and the Romance/German languages, keeping precision.

Each grammar returns (start, end, DateValue) for every date expression in a text. Year-less
and relative dates ("10월 25일", "1月16日", "venerdì 11 giugno", "내년 상반기", "今秋") resolve
against the published date: the next such date on or after it. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from monitor.extract.dates import (
    JUST_GONE_DAYS,
    DateValue,
    anchor_year,
    backward_day,
    day_value,
    forward_day,
    half_value,
    month_value,
    pinned_day,
    quarter_value,
    season_value,
    year_value,
)


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    value: DateValue


Grammar = Callable[[str, date | None], list[Found]]
Groups = dict[str, Any]  # a match's groupdict(): a group is None when it did not take part

_Y = r"(?P<y>20\d\d)"


def _forward_month(month: int, pub: date | None) -> DateValue | None:
    """A year-less month ("오는 12월", "10月"): the next one on or after the published day."""
    if pub is None or not 1 <= month <= 12:
        return None
    year = pub.year if month >= pub.month else pub.year + 1
    return month_value(year, month)


def _relative_year(word: str, pub: date | None) -> int | None:
    if pub is None:
        return None
    offset = {
        "지난해": -1,
        "작년": -1,
        "올해": 0,
        "금년": 0,
        "내년": 1,
        "연내": 0,
        "今年": 0,
        "来年": 1,
        "今": 0,
        "来": 1,
    }.get(word)
    return None if offset is None else pub.year + offset


def _scan(
    pattern: re.Pattern[str],
    text: str,
    pub: date | None,
    read: Callable[[Groups, date | None], DateValue | None],
) -> list[Found]:
    """Every match of a language's date pattern that `read` resolves, overlaps dropped."""
    found = []
    for m in pattern.finditer(text):
        value = read(m.groupdict(), pub)
        if value is not None:
            found.append(Found(m.start(), m.end(), value))
    return _drop_range_ends(text, _drop_overlaps(found))


def _pinning(
    read: Callable[[Groups, date | None], DateValue | None],
    weekday_day: Callable[[Groups], tuple[int, int, int] | None],
    text: str,
    pub: date | None,
    anchor: int | None,
) -> Callable[[Groups, date | None], DateValue | None]:
    """`read`, and in an item with no date of its own, a year-less day that names its weekday
    ("viernes 7 de abril", "6月26日(木)") pinned to the first year from the latest one the item
    names (`anchor`, else this text's) on which it falls on that weekday."""
    year = anchor if anchor is not None or pub is not None else anchor_year(text)
    if pub is not None or year is None:
        return read

    def pinned(g: Groups, pub: date | None) -> DateValue | None:
        value = read(g, pub)
        found = weekday_day(g) if value is None else None
        return value if found is None else pinned_day(*found, year)

    return pinned


# "2021年1月〜3月", "7월부터 9월까지": the second date ends a run that began at the first.
_RANGE_SEP_RE = re.compile(r"\s*(?:[〜~～\-–—]|から|부터|에서)\s*")


def _drop_range_ends(text: str, found: list[Found]) -> list[Found]:
    """A date that closes a range is no date of its own (a year-less one would resolve
    forward on its own, "〜3月" read as next March); the range's start stands for it."""
    out: list[Found] = []
    for f in found:
        if out and _RANGE_SEP_RE.fullmatch(text, out[-1].end, f.start):
            continue
        out.append(f)
    return out


def _drop_overlaps(found: list[Found]) -> list[Found]:
    """Longest match wins where two readings overlap ("2026年1月16日" over "2026年")."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


# --- Korean ---------------------------------------------------------------------------
_KO_SEASONS: Final = {"봄": "spring", "여름": "summer", "가을": "fall", "겨울": "winter"}
_KO_DAYS_AHEAD: Final = {"하루": 1, "이틀": 2, "사흘": 3}
_KO_DAYS_FROM_TODAY: Final = {"어제": -1, "내일": 1, "모레": 2}
_KO_RE = re.compile(
    rf"{_Y}\s*년\s*(?P<m>\d{{1,2}})\s*월\s*(?P<d>\d{{1,2}})\s*일"
    r"|(?<!\d)(?P<m2>\d{1,2})\s*월\s*(?P<d2>\d{1,2})\s*일"
    r"|(?<![\d/])(?P<ms>\d{1,2})/(?P<ds>\d{1,2})\s*\([월화수목금토일]\)"
    rf"|{_Y.replace('y', 'y3')}\s*년\s*(?P<m3>\d{{1,2}})\s*월"
    # "내년 1월", "내년 1월 9일": a month (or a day) of the year before or after the item's
    r"|(?P<r3>지난해|작년|올해|금년|내년)\s*(?P<m3r>\d{1,2})\s*월(?:\s*(?P<d3r>\d{1,2})\s*일)?"
    rf"|(?:(?P<y4>20\d\d)\s*년|(?P<r4>올해|금년|내년))\s*(?P<h>상반기|하반기|연말|연초|초|말)"
    rf"|(?:(?P<y5>20\d\d)\s*년|(?P<r5>올해|금년|내년))?\s*(?<!\d)(?P<q>[1-4])\s*분기"
    rf"|(?:(?P<y6>20\d\d)\s*년|(?P<r6>올해|금년|내년))\s*(?P<s>봄|여름|가을|겨울)"
    # "올가을 방송하기로": this year's season, in one word
    r"|올(?P<s2>봄|여름|가을|겨울)"
    r"|오늘\s*\(\s*(?P<today>\d{1,2})\s*일\s*\)"
    # "내일(16일) 오후 4시에 처음 공개되는", "어제(28일) 방송된": a day beside the item's
    r"|(?P<rel>내일|어제|모레)\s*\(\s*(?P<reld>\d{1,2})\s*일\s*\)"
    r"|(?:다음\s*달|내달)\s*(?P<dn>\d{1,2})\s*일"
    r"|(?:이달|이번\s*달)\s*(?P<dt>\d{1,2})\s*일"
    # "내달 초 방송", "이달 말 공개된다": the month after the item's, or its own
    r"|(?P<mo>다음\s*달|내달|이달|이번\s*달)(?!\s*\d)"
    # "지난 10월 3일 처음 공개": a month and day gone by
    r"|지난\s*(?P<pm>\d{1,2})\s*월\s*(?P<pd>\d{1,2})\s*일"
    # "지난 2월부터 촬영에 돌입해": a month gone by
    r"|지난\s*(?P<pmo>\d{1,2})\s*월(?!\s*\d)"
    # "지난 16일 처음 전파를 탄", "지난달 26일 방송된": a day gone by
    r"|지난\s*달\s*(?P<dlm>\d{1,2})\s*일|지난\s*(?P<dl>\d{1,2})\s*일"
    # "첫 방송을 하루 앞둔": the day after the item's (a premiere counted down to)
    r"|(?<=을|를)\s*(?P<ahead>하루|이틀|사흘)\s*(?:을\s*)?앞(?:두|둔)"
    r"|오는\s*(?P<do>\d{1,2})\s*일"
    r"|(?:오는\s*)(?P<m7>\d{1,2})\s*월(?!\s*\d)"
    r"|(?<!\d)(?P<m8>\d{1,2})\s*월(?!\s*\d)"
    r"|(?P<y9>20\d\d)\s*년"
    # ("올해 안에 공개", "연내 공개": within this year; a bare "올해" in a roundup is too loose)
    r"|(?P<r10>내년|올해(?=\s*(?:안에|중에?|내에?)\s)|연내)(?:\s*중)?"
    # "호주에서 \"하반기 방영\"": a half with no year, the next such half
    r"|(?<![년\d])(?P<hb>상반기|하반기)"
    # "오늘 밤 10시 첫 방송된다": today, when a premiere follows at once
    r"|(?P<tod>오늘|이날)(?=\s*(?:밤|저녁|오후|오전|낮)?\s*(?:\d{1,2}\s*시(?:\s*\d{1,2}\s*분)?)?\s*"
    r"(?:첫\s*방송|첫방|첫\s*선|처음\s*(?:공개|방송)|막을\s*올|첫\s*공개(?!\s*(?:된|되는|한|하는)?\s*(?:티저|예고|포스터|스틸|영상|사진))))"
    # "30일 오전 처음 공개된", "1일 베일을 벗은", "3일 디즈니+에서 공개된": a bare day right
    # before a release gone by (not "21일 베일을 벗는다", one still ahead)
    # (no other date between: "24일 \"2월 26일 예정이었던 첫 방송을 연기\"")
    r"|(?<![\d월./~\-])(?P<dbp>\d{1,2})\s*일(?=(?:(?!\d\s*[일월])[^.\n]){0,20}?"
    r"(?:(?:처음|첫\s*회|첫\s*방송|첫\s*공개|첫\s*선)[^.\n]{0,8}?(?:된(?![다대])|됐|되었|했|인(?!다)|였)"
    r"|베일을\s*벗(?:은|었)|(?:공개|방송|방영)(?:된(?![다대])|됐|되었)(?!\s*(?:티저|예고|포스터|스틸|영상|사진))"
    r"|전파를\s*(?:탄(?![다대])|탔)))"
    # "22일 시즌4 첫방송을 시작", "17·18일 첫 방송": a bare day right before a premiere
    r"|(?<![\d월./~\-])(?P<db>\d{1,2})(?:\s*[·,]\s*\d{1,2})?\s*일(?:\s*\([월화수목금토일]\))?"
    # (an hour and channels may stand between: "18일 오후 8시 50분 올리브TV와 tvN에서 방송",
    # "19일 자사 OTT '바바요'(babayo)를 통해 '다이다이' 1회를 공개한다")
    r"(?=(?:(?!\d\s*[일월])[^.\n]){0,44}?(?:첫\s*방송|첫방|첫\s*선|전파를\s*(?:타는|탄다|타며)|시청할\s*수\s*있"
    # ("21일 베일을 벗는다": an unveiling still ahead)
    r"|베일을\s*벗(?:는다|습니다|을\s*예정)"
    r"|(?:부터\s*)?(?:방송|방영|공개)"
    r"(?:된다|한다|됩니다|합니다|될\s*예정|할\s*예정|을\s*시작|를\s*시작)"
    # "16일 시즌2로 돌아온다": a season's return on that day
    r"|(?:시즌\s*\d+|새\s*시즌)(?:으로|로)\s*(?:다시\s*)?(?:돌아|찾아)(?:온다|옵니다)))"
    # "첫 방송은 9일 오후 11시.": the premiere named first, its bare day after
    r"|(?:(?<=첫\s방송은\s)|(?<=첫방송은\s)|(?<=첫방은\s)|(?<=첫\s공개는\s))(?P<dba>\d{1,2})\s*일"
    r"(?=\s*(?:\([월화수목금토일]\)\s*)?(?:(?:오후|오전|밤|저녁)\s*\d{1,2}\s*시|[.\n]|$))"
)


def korean(text: str, pub: date | None) -> list[Found]:
    return _scan(_KO_RE, text, pub, _read_korean)


def _read_korean(g: Groups, pub: date | None) -> DateValue | None:
    value: DateValue | None = None
    if g["y"]:
        value = day_value(int(g["y"]), int(g["m"]), int(g["d"]))
    elif g["m2"]:
        value = forward_day(int(g["m2"]), int(g["d2"]), pub)
    elif g["ms"]:  # "12/7(수)": month/day with the weekday
        value = forward_day(int(g["ms"]), int(g["ds"]), pub)
    elif g["y3"]:
        value = _month(int(g["y3"]), int(g["m3"]))
    elif g["r3"]:
        year = _relative_year(g["r3"], pub)
        if year is not None:
            month = int(g["m3r"])
            value = day_value(year, month, int(g["d3r"])) if g["d3r"] else _month(year, month)
    elif g["h"]:
        year = int(g["y4"]) if g["y4"] else _relative_year(g["r4"], pub)
        if year is not None:
            value = half_value(year, 1 if g["h"] in ("상반기", "연초", "초") else 2)
    elif g["q"]:
        year = int(g["y5"]) if g["y5"] else _relative_year(g["r5"] or "올해", pub)
        if year is not None:
            value = quarter_value(year, int(g["q"]))
    elif g["s"]:
        year = int(g["y6"]) if g["y6"] else _relative_year(g["r6"], pub)
        if year is not None:
            value = season_value(year, _KO_SEASONS[g["s"]])
    elif g["s2"]:
        if pub is not None:
            value = season_value(pub.year, _KO_SEASONS[g["s2"]])
    elif g["dn"]:
        value = _next_month_day(int(g["dn"]), pub)
    elif g["mo"]:
        if pub is not None:
            index = pub.year * 12 + pub.month - (1 if g["mo"].startswith("이") else 0)
            value = _month(index // 12, index % 12 + 1)
    elif g["do"]:
        value = _coming_day(int(g["do"]), pub)
    elif g["pm"]:
        value = None if pub is None else backward_day(int(g["pm"]), int(g["pd"]), pub)
    elif g["pmo"]:
        if pub is not None:
            month = int(g["pmo"])
            value = _month(pub.year if month <= pub.month else pub.year - 1, month)
    elif g["dl"] or g["dlm"]:
        if pub is not None:
            value = _past_day(int(g["dl"] or g["dlm"]), pub, this_month=bool(g["dl"]))
    elif g["dt"]:
        if pub is not None and int(g["dt"]) >= pub.day - JUST_GONE_DAYS:
            value = day_value(pub.year, pub.month, int(g["dt"]))
    elif g["ahead"]:
        if pub is not None:
            ahead = pub + timedelta(days=_KO_DAYS_AHEAD[g["ahead"]])
            value = day_value(ahead.year, ahead.month, ahead.day)
    elif g["rel"]:
        if pub is not None:
            near = pub + timedelta(days=_KO_DAYS_FROM_TODAY[g["rel"]])
            if near.day == int(g["reld"]):
                value = day_value(near.year, near.month, near.day)
    elif g["today"]:
        if pub is not None and pub.day == int(g["today"]):
            value = day_value(pub.year, pub.month, pub.day)
    elif g["m7"] or g["m8"]:
        value = _forward_month(int(g["m7"] or g["m8"]), pub)
    elif g["y9"]:
        value = year_value(int(g["y9"]))
    elif g["r10"]:  # "내년 중 공개될 예정": next year alone ("올해" in a roundup is too loose)
        year = _relative_year(g["r10"], pub)
        value = None if year is None else year_value(year)
    elif g["tod"]:
        value = None if pub is None else day_value(pub.year, pub.month, pub.day)
    elif g["dbp"]:
        value = None if pub is None else _past_day(int(g["dbp"]), pub, this_month=True)
    elif g["db"] or g["dba"]:
        value = _nearby_day(int(g["db"] or g["dba"]), pub)
    elif g["hb"] and pub is not None:
        half = 1 if g["hb"] == "상반기" else 2
        value = half_value(pub.year if half == 2 or pub.month <= 6 else pub.year + 1, half)
    return value


# --- Japanese -------------------------------------------------------------------------
_JA_SEASONS: Final = {"春": "spring", "夏": "summer", "秋": "fall", "冬": "winter"}
# "平成30年7月10日", "令和元年": an era year (Heisei 1 = 1989, Reiwa 1 = 2019)
_ERA_START: Final = {"平成": 1988, "令和": 2018}
_JA_RE = re.compile(
    # ("2024年1月21(日)22時から": the weekday in brackets stands for 日)
    rf"{_Y}\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*(?:日|(?=[(（][月火水木金土日][)）]))"
    r"|(?P<era>平成|令和)\s*(?P<eran>\d{1,2}|元)\s*年\s*(?:(?P<em>\d{1,2})\s*月\s*(?:(?P<ed>\d{1,2})\s*日)?)?"
    # (its weekday, if any, read ahead: "6月26日(木)" pins an undated item's year)
    # (not the month of a year the first branch does not read: "1998年04月13日(月)")
    r"|(?<!\d)(?<!\d年)(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日(?:(?=\s*[(（](?P<wd2>[月火水木金土日])[)）]))?"
    rf"|(?P<y3>20\d\d)\s*年\s*(?P<m3>\d{{1,2}})\s*月"
    # "2013年4~6月放送": a run of months; it began in the first
    rf"|(?P<yr>20\d\d)\s*年\s*(?P<mr>\d{{1,2}})\s*[~〜～\-–]\s*\d{{1,2}}\s*月"
    r"|(?<!\d)(?P<yy>\d\d)\s*年の?\s*(?P<myy>\d{1,2})\s*月"
    # "21年放送決定", "26年に配信": a two-digit year right before a release word
    r"|(?<![\d年])(?P<yb>[12]\d)\s*年(?=\s*(?:に|内|中)?\s*(?:放送|配信|公開|スタート|開始))"
    # "2024年初夏" (early summer) is summer
    rf"|(?:(?P<y4>20\d\d)\s*年?\s*|(?P<r4>今年|来年|今|来))(?:初|晩)?(?P<s>春|夏|秋|冬)"
    # "来年3月に放送", "今年10月": a month of this or next year
    r"|(?P<rm>今年|来年)\s*(?P<rmm>\d{1,2})\s*月(?!\s*\d)"
    rf"|(?P<y5>20\d\d)\s*年\s*(?P<h>前半|後半|初頭|末)"
    r"|(?<![\d年])(?P<m6>\d{1,2})\s*月(?!\s*\d)"
    r"|(?P<y7>20\d\d)\s*年"
    # "本日よりスタート", "今夜24時から放送": today, when a release follows at once
    r"|(?P<tod>本日|今夜|今晩)(?=\s*(?:\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?)?\s*(?:より|から)?\s*"
    r"(?:放送|配信|スタート|開始|放映)(?!され|した))"
    # "13日(金)より放送開始", "19日スタート": a bare day right before a release
    # "今月3日から", "来月8日より": a day of this or next month
    r"|(?P<tm>今月|来月)\s*(?P<tmd>\d{1,2})\s*日"
    # "10日深夜から順次スタート", "7日深夜から順次放送": the late-night slot is still that day
    r"|(?<![\d月/])(?P<db>\d{1,2})\s*日(?:\s*[(（][月火水木金土日][)）])?"
    # ("21日20:00～配信スタート": a clock time, and a tilde for "from")
    r"(?=[、,]?\s*(?:深夜|夜|朝|午後|午前)?\s*(?:\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?|\d{1,2}:\d{2})?\s*"
    # ("22日20時よりプライム会員向けに独占配信": who may watch stands between)
    # ("10日から、WOWOWで放送される": a comma may follow the から; "15日にスタートする": a start
    # word may follow に)
    r"(?:(?:より|から|[~〜～])\s*[、,]?\s*[^。、\n]{0,20}?(?:放送|配信|スタート|放映|始ま)"
    r"|(?:に\s*)?(?:スタート|放送開始|配信開始|始ま(?:る|ります))))"
    # "4.13スタート", "6・7スタート", "4/13(日)より放送": month and day, right before a release
    # ("3/18~世界独占配信": a tilde is "from", and who may watch can stand between)
    r"|(?<![\d./・])(?P<dm>\d{1,2})[./・](?P<dd>\d{1,2})(?![\d./・])(?:\s*[(（][月火水木金土日][)）])?"
    r"(?=\s*(?:(?:より|から|[~〜～])\s*)?(?:[^。、\n\d]{0,8}?)(?:放送|配信|スタート|放映|開始))"
)


# "2018年以降に延期": "this year or later" bounds a date, it is none.
_OR_LATER_RE = re.compile(r"\s*(?:以降|以後)")


_JA_WEEKDAY_NUMBER: Final = {w: i for i, w in enumerate("月火水木金土日")}


def japanese(text: str, pub: date | None, anchor: int | None = None) -> list[Found]:
    read = _pinning(_read_japanese, _ja_weekday_day, text, pub, anchor)
    return [f for f in _scan(_JA_RE, text, pub, read) if not _OR_LATER_RE.match(text, f.end)]


def _ja_weekday_day(g: Groups) -> tuple[int, int, int] | None:
    """ "6月26日(木)": month, day and weekday of a year-less day that names its weekday."""
    if g["m2"] and g["wd2"]:
        return int(g["m2"]), int(g["d2"]), _JA_WEEKDAY_NUMBER[g["wd2"]]
    return None


def _read_japanese(g: Groups, pub: date | None) -> DateValue | None:
    value: DateValue | None = None
    if g["y"]:
        value = day_value(int(g["y"]), int(g["m"]), int(g["d"]))
    elif g["era"]:
        era_year = _ERA_START[g["era"]] + (1 if g["eran"] == "元" else int(g["eran"]))
        if g["ed"]:
            value = day_value(era_year, int(g["em"]), int(g["ed"]))
        else:
            value = _month(era_year, int(g["em"])) if g["em"] else year_value(era_year)
    elif g["m2"]:
        value = forward_day(int(g["m2"]), int(g["d2"]), pub)
    elif g["y3"]:
        value = _month(int(g["y3"]), int(g["m3"]))
    elif g["yr"]:
        value = _month(int(g["yr"]), int(g["mr"]))
    elif g["yy"]:
        value = _month(2000 + int(g["yy"]), int(g["myy"]))  # "25年の7月"
    elif g["yb"]:
        value = year_value(2000 + int(g["yb"]))
    elif g["s"]:
        year = int(g["y4"]) if g["y4"] else _relative_year(g["r4"], pub)
        if year is not None:
            value = season_value(year, _JA_SEASONS[g["s"]])
    elif g["h"]:
        value = half_value(int(g["y5"]), 1 if g["h"] in ("前半", "初頭") else 2)
    elif g["m6"]:
        value = _forward_month(int(g["m6"]), pub)
    elif g["y7"]:
        value = year_value(int(g["y7"]))
    elif g["tod"]:
        value = None if pub is None else day_value(pub.year, pub.month, pub.day)
    elif g["rm"]:
        year = _relative_year(g["rm"], pub)
        value = None if year is None else _month(year, int(g["rmm"]))
    elif g["tm"]:
        if pub is not None:
            if g["tm"] == "今月":
                value = day_value(pub.year, pub.month, int(g["tmd"]))
            else:
                value = _next_month_day(int(g["tmd"]), pub)
    elif g["db"]:
        value = _nearby_day(int(g["db"]), pub)
    elif g["dm"]:
        value = forward_day(int(g["dm"]), int(g["dd"]), pub)
    return value


# --- Spanish, Italian, French, German, Portuguese ----------------------------------
_MONTH_NAMES: Final[dict[str, int]] = {}
for _names in (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
):
    for _i, _name in enumerate(_names.split()):
        _MONTH_NAMES[_name] = _i + 1
_MONTH_NAMES.update({"setiembre": 9, "jänner": 1})
_SEASON_WORDS: Final = {
    "primavera": "spring",
    "verano": "summer",
    "otoño": "fall",
    "invierno": "winter",
    "estate": "summer",
    "autunno": "fall",
    "inverno": "winter",
    "printemps": "spring",
    "été": "summer",
    "automne": "fall",
    "hiver": "winter",
    "frühling": "spring",
    "frühjahr": "spring",
    "sommer": "summer",
    "herbst": "fall",
    "winter": "winter",
    "verão": "summer",
    "outono": "fall",
}
_EARLY: Final = frozenset(
    ("principios", "inicios", "comienzos", "inizio", "début", "anfang", "início")
)
_LATE: Final = frozenset(("finales", "fines", "fine", "fin", "ende", "final"))
_MON_ALT = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_MON = "(?P<{0}>" + _MON_ALT + ")"
# One weekday table: its names (Portuguese ones without "-feira", which the patterns allow
# after them) and their numbers for pinning an undated item's year.
_EU_WEEKDAY_NUMBER: Final = {
    **dict.fromkeys(("lunes", "lunedì", "lundi", "montag", "segunda-feira"), 0),
    **dict.fromkeys(("martes", "martedì", "mardi", "dienstag", "terça-feira"), 1),
    **dict.fromkeys(
        ("miércoles", "miercoles", "mercoledì", "mercredi", "mittwoch", "quarta-feira"), 2
    ),
    **dict.fromkeys(("jueves", "giovedì", "jeudi", "donnerstag", "quinta-feira"), 3),
    **dict.fromkeys(("viernes", "venerdì", "vendredi", "freitag", "sexta-feira"), 4),
    **dict.fromkeys(("sábado", "sabado", "sabato", "samedi", "samstag"), 5),
    **dict.fromkeys(("domingo", "domenica", "dimanche", "sonntag"), 6),
}
_WEEKDAYS = "|".join(
    sorted({w.removesuffix("-feira") for w in _EU_WEEKDAY_NUMBER}, key=len, reverse=True)
)


# "desta quarta (10), a Netflix anunciou": a weekday date right before a reporting verb is
# when the news broke, not when the season airs (the verb within `reach` characters).
def _not_announced(reach: int) -> str:
    return (
        rf"(?![^.;]{{0,{reach}}}?\b(?:anunci|confirm|revel|annunc|annonc|gab\s|gibt\s|bekannt|"
        r"k[üu]ndig|verk[üu]nd|informou|inform[óo]|divulg))"
    )


_NOT_ANNOUNCED = _not_announced(40)
_SEASON_ALT = "|".join(sorted(_SEASON_WORDS, key=len, reverse=True))


def _today(n: int) -> str:
    """Today or tomorrow in the European languages, as groups tod<n> and tom<n>."""
    return (
        rf"(?:(?P<tod{n}>hoy|oggi|heute|aujourd'hui|hoje)|(?P<tom{n}>mañana|domani|(?-i:morgen)"
        r"|demain|amanhã))\b"
    )


_EU_RE = re.compile(
    # "este viernes 7 de abril": the weekday can pin the year of an undated item's day
    r"(?:\b(?P<ewd>"
    + "|".join(sorted(_EU_WEEKDAY_NUMBER, key=len, reverse=True))
    + r")\s*,?\s+(?:el\s+|le\s+|il\s+|den\s+|o\s+|dia\s+)?(?=\d))?"
    r"(?<!\d)(?P<d>\d{1,2})(?:\.|º|°|er)?\s*(?:de\s+)?"
    + _MON.format("m")
    + r"(?:\s*(?:de|del|,)?\s*(?P<y>20\d\d))?"
    + r"|"
    + _MON.format("m2")
    + r"\s+(?P<d2>\d{1,2})(?!\d)(?:\s*,\s*(?P<y2>20\d\d))?"  # not "juin 20|25"
    + r"|"
    + _MON.format("m3")
    + r"\s*(?:de\s+|del\s+|di\s+)?(?P<y3>20\d\d)"
    + r"|(?P<s>"
    + _SEASON_ALT
    + r")\s+(?:de\s+|del\s+|di\s+|du\s+|de\s+l'|)(?P<y4>20\d\d)"
    + r"|(?:a\s+|al\s+|à\s+la\s+|au\s+|em\s+|no\s+|)"
    + r"(?P<h>principios|inicios|comienzos|finales|fines"
    + r"|inizio|fine|début|fin|anfang|ende|início|final)\s+(?:de\s+|del\s+|dell'|di\s+|du\s+|"
    + r"d'|des\s+jahres\s+)?(?:anno\s+|año\s+|ano\s+)?(?P<y5>20\d\d)"
    + r"|(?<![\d/.])(?P<d6>\d{1,2})[./](?P<m6>\d{1,2})[./](?P<y6>20\d\d)"
    + r"|\b(?:en|nel|in|im|em|no|dans|pour|para|per|entro\s+il|durante|"
    + r"(?:en\s+algún|a\s+lo\s+largo|nel\s+corso|au\s+cours|ao\s+longo)\s+(?:momento\s+)?de[l]?"
    + r"|(?:dans\s+le\s+)?courant\s+de(?:\s+l'année)?)"
    + r"\s+(?:el\s+|o\s+|l'|)"
    + r"(?P<y7>20\d\d)\b"
    # "estreia nesta segunda-feira (15)", "domingo (21/2)", "lunedì 20", "la próxima
    # quinta, dia 27": a weekday and a day of the month near the published day
    + r"|(?P<rep>\b(?:anunci|confirm|revel|annunc|annonc|inform|divulg)\w*\s+(?:\w+\s+)?)?"
    + r"\b(?:"
    + _WEEKDAYS
    + r")(?:-feira)?\s*(?:,\s*|\(\s*)?(?:(?:o\s+|el\s+)?d[ií]a\s+)?"
    + r"(?P<dw>\d{1,2})(?:/(?P<mw>\d{1,2}))?(?![/\d])(?!\s*(?:\.\s*|º\s*|de\s+|di\s+)?(?:"
    + _MON_ALT
    + r"|\d))"
    + _NOT_ANNOUNCED
    # "se estrena este miércoles", "ce dimanche sur TF1", "questo venerdì", "diesen Freitag",
    # "nesta quinta-feira": the weekday's next day from the published one (no day number)
    + r"|\b(?:este|esta|ce|questo|questa|diesen|neste|nesta|est[ea]\s+pr[óo]xim[oa]"
    + r"|el\s+pr[óo]ximo|la\s+pr[óo]xima|il\s+prossimo|la\s+prossima|le\s+prochain"
    + r"|(?:am\s+)?kommenden)\s+(?P<tw>"
    + _WEEKDAYS
    + r")(?:-feira)?\b(?!\s*(?:,\s*|\(\s*)?(?:(?:o\s+|el\s+)?d[ií]a\s+)?\d)"
    # ("Ce mardi, au lendemain de la diffusion du dernier épisode, le diffuseur a donc annoncé
    # une saison 2": the day of the news, further from its verb than a dated weekday is)
    + _not_announced(90)
    # "en julio, el día 21": the day of the month just named
    + r"|\b(?:en|a|em|in)\s+(?P<mj>"
    + _MON_ALT
    + r")\s*,\s*(?:o|el|il|le)\s+d[ií]a\s+(?P<dj>\d{1,2})\b"
    + r"|\b(?:o|el|il|le)\s+d[ií]a\s+(?P<dd>\d{1,2})\b(?!\s*(?:de\s+|del\s+)?(?:"
    + _MON_ALT
    + r"|/))"
    + _NOT_ANNOUNCED
    # "da aprile", "ab März", "em março": a month with no year, the next one; also a part
    # of it or the month named as such ("a principios de marzo", "a metà maggio", "début
    # mars", "Anfang März", "no início de fevereiro", "nel mese di aprile", "au mois d'avril")
    + r"|\b(?:(?:da|dal|dès|ab|im|desde|a\s+partir\s+de|em|en|in|a|ad"
    + r"|principios\s+de|mediados\s+de|finales\s+de|fines\s+de|(?:el\s+)?mes\s+de"
    + r"|inizio(?:\s+di)?|met[àa]|fine|mese\s+di|d[ée]but|fin|courant|Anfang|Mitte|Ende"
    + r"|in[íi]cio\s+de|meados\s+de|(?:fim|final)\s+de|m[êe]s\s+de)\s+|mois\s+d'|mi-)(?P<mb>"
    + _MON_ALT
    + r")\b(?!\s*(?:de\s+|del\s+|di\s+)?\d)"
    # "l'année prochaine", "im nächsten Jahr", "el año que viene"
    + r"|(?P<ny>l'ann[ée]e\s+prochaine|l'an\s+prochain|(?:el\s+)?pr[óo]ximo\s+a[ñn]o"
    + r"|el\s+a[ñn]o\s+que\s+viene|(?:l'|il\s+)?anno\s+prossimo|(?:il\s+)?prossimo\s+anno"
    + r"|(?:im\s+)?n[äa]chsten\s+jahr|n[äa]chstes\s+jahr|(?:no\s+)?pr[óo]ximo\s+ano"
    + r"|ano\s+que\s+vem)\b"
    # "il prossimo autunno", "l'automne prochain", "im nächsten Herbst"
    + r"|\b(?:pr[óo]xim[oa]|prossim[oa]|n[äa]chsten)\s+(?P<ns>"
    + _SEASON_ALT
    + r")\b"
    + r"|\b(?P<ns2>"
    + _SEASON_ALT
    + r")\s+(?:prochain|prossimo|que\s+viene)\b"
    # "Ende des Jahres", "a finales de año", "fin d'année": late in the published year
    # (and "this" year's: "a finales de este año", "no final deste ano", "à la fin de cette
    # année", "alla fine di quest'anno", "no fim do ano")
    + r"|(?P<eoy>ende\s+(?:des|dieses)\s+jahres|(?:a\s+)?final(?:es)?\s+de(?:l|\s+este)?\s+a[ñn]o"
    + r"|fin\s+de\s+a[ñn]o|(?:alla\s+)?fine\s+(?:dell'\s*|di\s+quest'\s*)?anno|fin\s+d'ann[ée]e"
    + r"|fin\s+de\s+(?:l'|cette\s+)ann[ée]e|(?:no\s+)?(?:final|fim)\s+d(?:o|este)\s+ano)\b"
    # "Netflix estrena hoy", "ab heute streamen", "da oggi su", "France 2 lance demain soir":
    # today or tomorrow, right beside a release
    + r"|(?:\b(?:estrenan?|llega|arrive|débarque|sort|lance|arriva|debutta|esce|startet|erscheint"
    + r"|läuft|estreia|chega)\s+|(?<=\bda\s)|(?<=\bab\s)|(?<=\bdès\s))"
    + _today(1)
    + r"|"
    + _today(2)
    + r"(?=\s+(?:se\s+estrena|estrena|llega|debutta|arriva|startet|sort|arrive"
    + r"|estreia|chega)\b)",
    re.I,
)


def european(text: str, pub: date | None, anchor: int | None = None) -> list[Found]:
    return _scan(_EU_RE, text, pub, _pinning(_read_european, _eu_weekday_day, text, pub, anchor))


def _eu_weekday_day(g: Groups) -> tuple[int, int, int] | None:
    """ "viernes 7 de abril": month, day and weekday of a year-less day that names its weekday."""
    if g["ewd"] and g["m"] and not g["y"]:
        return _MONTH_NAMES[g["m"].lower()], int(g["d"]), _EU_WEEKDAY_NUMBER[g["ewd"].lower()]
    return None


def _read_european(g: Groups, pub: date | None) -> DateValue | None:
    value: DateValue | None = None
    if g["m"]:
        month = _MONTH_NAMES[g["m"].lower()]
        if g["y"]:
            value = day_value(int(g["y"]), month, int(g["d"]))
        else:
            value = forward_day(month, int(g["d"]), pub)
    elif g["m2"]:
        month = _MONTH_NAMES[g["m2"].lower()]
        if g["y2"]:
            value = day_value(int(g["y2"]), month, int(g["d2"]))
        else:
            value = forward_day(month, int(g["d2"]), pub)
    elif g["m3"]:
        value = month_value(int(g["y3"]), _MONTH_NAMES[g["m3"].lower()])
    elif g["s"]:
        value = season_value(int(g["y4"]), _SEASON_WORDS[g["s"].lower()])
    elif g["h"]:
        word = g["h"].lower()
        value = half_value(int(g["y5"]), 1 if word in _EARLY else 2)
    elif g["d6"]:
        value = day_value(int(g["y6"]), int(g["m6"]), int(g["d6"]))
    elif g["y7"]:
        value = year_value(int(g["y7"]))
    elif g["dw"]:
        if g["rep"]:
            value = None  # "confirmou nesta segunda-feira, dia 13": when the news broke
        elif g["mw"]:
            value = forward_day(int(g["mw"]), int(g["dw"]), pub)
        else:
            value = _nearby_day(int(g["dw"]), pub)
    elif g["mj"]:
        value = forward_day(_MONTH_NAMES[g["mj"].lower()], int(g["dj"]), pub)
    elif g["dd"]:
        value = _nearby_day(int(g["dd"]), pub)
    elif g["mb"]:
        value = _forward_month(_MONTH_NAMES[g["mb"].lower()], pub)
    elif g["ny"]:
        value = None if pub is None else year_value(pub.year + 1)
    elif g["tw"] and pub is not None:
        name = g["tw"].lower()
        number = _EU_WEEKDAY_NUMBER.get(name, _EU_WEEKDAY_NUMBER.get(f"{name}-feira"))
        if number is not None:
            day = pub + timedelta(days=(number - pub.weekday()) % 7)
            value = day_value(day.year, day.month, day.day)
    elif (g["tod1"] or g["tom1"] or g["tod2"] or g["tom2"]) and pub is not None:
        day = pub + timedelta(days=1) if g["tom1"] or g["tom2"] else pub
        value = day_value(day.year, day.month, day.day)
    elif g["ns"] or g["ns2"]:
        value = (
            None if pub is None else _next_season(_SEASON_WORDS[(g["ns"] or g["ns2"]).lower()], pub)
        )
    elif g["eoy"]:
        value = None if pub is None else half_value(pub.year, 2)
    return value


def _next_season(name: str, pub: date) -> DateValue:
    """ "il prossimo autunno": the next such season that has not ended by the published day."""
    this = season_value(pub.year, name)
    return this if this.hi >= pub else season_value(pub.year + 1, name)


def _next_month_day(day: int, pub: date | None) -> DateValue | None:
    """ "다음 달 16일": that day of the month after the published one."""
    if pub is None:
        return None
    year, month = (pub.year + 1, 1) if pub.month == 12 else (pub.year, pub.month + 1)
    return day_value(year, month, day)


def _nearby_day(day: int, pub: date | None) -> DateValue | None:
    """A bare "22일" beside a premiere: that day of the published month when it is recent
    or ahead ("22일 첫방송을 시작" in an item of the 23rd), else of the next month."""
    if pub is None:
        return None
    if day >= pub.day - JUST_GONE_DAYS:
        return day_value(pub.year, pub.month, day)
    return _next_month_day(day, pub)


def _past_day(day: int, pub: date, *, this_month: bool) -> DateValue | None:
    """ "지난 16일": the last 16th on or before the published day; "지난달 26일": last month's."""
    year, month = pub.year, pub.month
    if not this_month or day > pub.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return day_value(year, month, day)


def _coming_day(day: int, pub: date | None) -> DateValue | None:
    """ "오는 15일": the next 15th on or after the published day."""
    if pub is None:
        return None
    if day >= pub.day:
        return day_value(pub.year, pub.month, day)
    return _next_month_day(day, pub)


def _month(year: int, month: int) -> DateValue | None:
    return month_value(year, month) if 1 <= month <= 12 else None


GRAMMARS: Final[dict[str, Grammar]] = {
    "ko": korean,
    "ja": japanese,
    "es": european,
    "it": european,
    "fr": european,
    "de": european,
    "pt": european,
}
