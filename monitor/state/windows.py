"""Release-date encodings (DESIGN.md §3) as calendar windows, for comparing and wording them."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

Precision = Literal["day", "month", "season", "quarter", "half", "year"]

UNANNOUNCED = "unannounced"

# Meteorological seasons; "winter 2027" is the winter that ends in 2027 (Dec 2026-Feb 2027),
# which is what "coming winter 2027" means in a release announcement.
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "winter": (12, 2)}
_QUARTER_MONTHS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
_HALF_MONTHS = {1: (1, 6), 2: (7, 12)}

_PATTERN = re.compile(
    r"(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|Q(?P<quarter>[1-4])|H(?P<half>[12])"
    r"|(?P<season>spring|summer|fall|winter)))?"
)


@dataclass(frozen=True)
class Window:
    """The days a date value allows: [start, end], both inclusive."""

    start: date
    end: date
    precision: Precision

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: Window) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Window) -> bool:
        return self.start <= other.end and other.start <= self.end


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int, precision: Precision) -> Window:
    start_year = year - 1 if first > last else year  # winter starts the year before
    return Window(date(start_year, first, 1), _last_day(year, last), precision)


def window(value: str | None) -> Window | None:
    """The window of an encoded date; None for `unannounced`, None, or an unknown encoding."""
    if not value:
        return None
    match = _PATTERN.fullmatch(value.strip())
    if not match:
        return None
    year = int(match["year"])
    try:
        if match["day"]:
            day = date(year, int(match["month"]), int(match["day"]))
            return Window(day, day, "day")
        if match["month"]:
            month = int(match["month"])
            return Window(date(year, month, 1), _last_day(year, month), "month")
    except ValueError:
        return None
    if match["quarter"]:
        return _months(year, *_QUARTER_MONTHS[int(match["quarter"])], "quarter")
    if match["half"]:
        return _months(year, *_HALF_MONTHS[int(match["half"])], "half")
    if match["season"]:
        return _months(year, *_SEASON_MONTHS[match["season"]], "season")
    return Window(date(year, 1, 1), date(year, 12, 31), "year")


def is_exact(value: str | None) -> bool:
    found = window(value)
    return found is not None and found.precision == "day"


def describe(value: str | None) -> str:
    """A date value in words: "Friday 29 January 2027", "March 2027", "spring 2027"."""
    if value is None:
        return "not announced"
    if value == UNANNOUNCED:
        return "no date announced"
    found = window(value)
    if found is None:
        return value
    year = value[:4]
    if found.precision == "day":
        day = found.start
        return f"{day:%A} {day.day} {day:%B} {day.year}"
    if found.precision == "month":
        return f"{found.start:%B} {year}"
    if found.precision == "quarter":
        quarter = value[-1]
        ordinal = {"1": "first", "2": "second", "3": "third", "4": "fourth"}[quarter]
        return f"the {ordinal} quarter of {year} (Q{quarter})"
    if found.precision == "half":
        return f"{'the first half' if value.endswith('H1') else 'the second half'} of {year}"
    if found.precision == "season":
        return f"{value[5:]} {year}"
    return year
