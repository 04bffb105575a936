"""TIMEX3 values as calendar ranges: what a value covers, how to show it, how to read a person's date.

A value is an ISO-TimeML string ("2017-02-13", "2017-W07", "2017-SU", "201") and an optional
modifier ("START", "END", "MID", "APPROX", "BEFORE", "AFTER", ...). Everything here is pure
calendar arithmetic, shared by the engine, the database layer, the admin and the exports.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

PRECISIONS = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")

# Short month names as news style writes them (AP): March to July are never abbreviated.
MONTH_ABBR = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
MONTH_NAMES = tuple(calendar.month_name)[1:]
WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
PART_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
# TIMEX3 writes years before the common era as "BC0044": they have a name but no place on this calendar.
_BC_YEAR = re.compile(r"^BC(\d{1,4})$")


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date
    precision: str

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _days_after(day: date, days: int) -> date:
    """`day` plus `days`, stopping at the calendar's last day (a week of 9999 can end in the year 10000)."""
    return day + timedelta(days=days) if (date.max - day).days >= days else date.max


def value_range(value: str) -> DateRange | None:
    """The calendar days a TIMEX3 value covers, or None for values with no fixed place in time.

    Periods that cross the edge of the calendar (years 1 to 9999) are cut at that edge.
    """
    value = (value or "").strip()
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return DateRange(day, day, "day")
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if value.endswith("-WE"):
                return DateRange(_days_after(monday, 5), _days_after(monday, 6), "week")
            return DateRange(monday, _days_after(monday, 6), "week")
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return DateRange(date(year, month, 1), _month_end(year, month), "month")
        if m := _SEASON.match(value):
            year = int(m[1])
            start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[2]]
            if m[2] == "WI":
                start = date(year - 1, 12, 1) if year > 1 else date.min
                return DateRange(start, _month_end(year, 2), "season")
            return DateRange(date(year, start_month, 1), _month_end(year, start_month + 2), "season")
        if m := _QUARTER.match(value):
            year, quarter = int(m[1]), int(m[2])
            return DateRange(date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter), "quarter")
        if m := _HALF.match(value):
            year, half = int(m[1]), int(m[2])
            return DateRange(date(year, 6 * half - 5, 1), _month_end(year, 6 * half), "half")
        if m := _YEAR.match(value):
            year = int(m[1])
            return DateRange(date(year, 1, 1), date(year, 12, 31), "year")
        if m := _DECADE.match(value):
            first = int(m[1]) * 10
            return DateRange(date(max(first, 1), 1, 1), date(first + 9, 12, 31), "decade")
        if m := _CENTURY.match(value):
            first = int(m[1]) * 100
            return DateRange(date(max(first, 1), 1, 1), date(first + 99, 12, 31), "century")
    except (ValueError, OverflowError):
        return None
    return None


def modified_range(value: str, mod: str = "") -> DateRange | None:
    """The range of a value narrowed by its modifier: "late July" covers the last third of July."""
    whole = value_range(value)
    if whole is None or mod not in ("START", "MID", "END") or whole.precision == "day":
        return whole
    length = (whole.end - whole.start).days + 1
    third = max(length // 3, 1)
    if mod == "START":
        return DateRange(whole.start, whole.start + timedelta(days=third - 1), whole.precision)
    if mod == "END":
        return DateRange(whole.end - timedelta(days=third - 1), whole.end, whole.precision)
    if length < 3:
        # A weekend has no middle third (and one cut short by the calendar's edge has no day after).
        return whole
    middle = whole.start + timedelta(days=third)
    return DateRange(middle, middle + timedelta(days=third - 1), whole.precision)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def format_day(day: date) -> str:
    return f"{WEEKDAY_ABBR[day.weekday()]} {day.day} {MONTH_ABBR[day.month - 1]} {day.year}"


def display_value(value: str, mod: str = "", approximate: bool = False) -> str:
    """A value as a reader says it: "Mon 13 Feb 2017", "week of 13 Feb 2017", "c. late July 2017"."""
    whole = value_range(value)
    if whole is None:
        if m := _BC_YEAR.match(value or ""):
            return f"{int(m[1])} BC"
        special = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
        return special.get(value, value or "undated")
    start = whole.start
    if whole.precision == "day":
        text = format_day(start)
        if m := re.search(r"T(MO|MI|AF|EV|NI|DT)$", value):
            text = f"{text}, {PART_OF_DAY[m[1]]}"
    elif whole.precision == "week":
        text = f"{'weekend' if value.endswith('-WE') else 'week'} of {start.day} {MONTH_ABBR[start.month - 1]} {start.year}"
    elif whole.precision == "month":
        text = f"{MONTH_ABBR[start.month - 1]} {start.year}"
    elif whole.precision == "season":
        text = f"{SEASONS[value[-2:]]} {value[:4]}"
    elif whole.precision == "quarter":
        text = f"Q{value[-1]} {start.year}"
    elif whole.precision == "half":
        text = f"{'first' if value.endswith('1') else 'second'} half of {start.year}"
    elif whole.precision == "year":
        text = str(start.year)
    elif whole.precision == "decade":
        text = f"{value}0s"
    else:
        text = f"{_ordinal(int(value) + 1)} century"
    prefix = {"START": "early ", "MID": "mid-", "END": "late ", "BEFORE": "before ", "AFTER": "after ",
              "ON_OR_BEFORE": "by ", "ON_OR_AFTER": "from "}.get(mod, "")
    if whole.precision in ("day", "week") and mod in ("START", "MID", "END"):
        prefix = ""
    text = prefix + text
    if approximate or mod == "APPROX":
        text = "c. " + text
    return text


@dataclass(frozen=True)
class ParsedDate:
    value: str
    mod: str
    approximate: bool

    @property
    def range(self) -> DateRange:
        result = modified_range(self.value, self.mod)
        assert result is not None
        return result


_MONTH_LOOKUP = {name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
_MONTH_LOOKUP.update({name[:3].lower(): i + 1 for i, name in enumerate(MONTH_NAMES)})
_MONTH_LOOKUP["sept"] = 9
_MONTH_WORD = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY_WORD = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?,?\s+)?"
_HUMAN_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "iso_day"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "iso_month"),
    (re.compile(r"^(\d{4})-w(\d{1,2})$"), "iso_week"),
    (re.compile(r"^(\d{4})-(sp|su|fa|wi|q[1-4]|h[12])$"), "iso_other"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{3})0s$"), "decade"),
    (re.compile(r"^(?:the\s+)?week\s+(?:of|beginning|starting)\s+(.+)$"), "week_of"),
    (re.compile(rf"^{_WEEKDAY_WORD}(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_WORD},?\s+(\d{{4}})$"), "day_month_year"),
    (re.compile(rf"^{_WEEKDAY_WORD}{_MONTH_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$"), "month_day_year"),
    (re.compile(rf"^{_MONTH_WORD},?\s+(\d{{4}})$"), "month_year"),
    (re.compile(r"^(spring|summer|autumn|fall|winter)\s+(\d{4})$"), "season"),
    (re.compile(r"^q([1-4])\s+(\d{4})$"), "quarter"),
    (re.compile(r"^(first|second)\s+half\s+of\s+(\d{4})$"), "half"),
]


def parse_human_date(text: str) -> ParsedDate:
    """Read a date as an editor types it ("late July 2017", "week of 13 Feb 2017", "2017-07").

    Raises ValueError with a message meant for the editor when the text is not a date.
    """
    original = text
    text = re.sub(r"\s+", " ", (text or "").strip().lower())
    if not text:
        raise ValueError("Enter a date, e.g. “13 Feb 2017”, “late July 2017”, “2017-07” or “2014”.")
    approximate = False
    if m := re.match(r"^(?:c\.|ca\.|circa|about|around|approx\.?|approximately)\s*(.+)$", text):
        approximate, text = True, m[1]
    mod = ""
    if m := re.match(r"^(early|mid|late|before|after|by|from)[\s-]+(.+)$", text):
        mod = {"early": "START", "mid": "MID", "late": "END", "before": "BEFORE", "after": "AFTER",
               "by": "ON_OR_BEFORE", "from": "ON_OR_AFTER"}[m[1]]
        text = m[2]
    if re.search(r"\b(?:bc|bce|b\.c\.(?:e\.)?)$", text) or re.match(r"^0+(?:-|$)", text):
        raise ValueError(
            f"“{original.strip()[:40]}” is before the year 1: Newsline places dates from the year 1 to 9999 only."
        )
    value = _parse_plain(text)
    if value is None or value_range(value) is None:
        raise ValueError(
            f"“{original.strip()}” is not a date Newsline can read. Try “13 Feb 2017”, “week of 13 Feb 2017”, "
            "“Feb 2017”, “late July 2017”, “summer 2017”, “Q1 2017”, “2014”, “2010s” or an ISO value like “2017-W07”."
        )
    return ParsedDate(value=value, mod=mod, approximate=approximate)


def _parse_plain(text: str) -> str | None:
    for pattern, kind in _HUMAN_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        if kind == "iso_day":
            return f"{m[1]}-{m[2]}-{m[3]}" if _valid_day(int(m[1]), int(m[2]), int(m[3])) else None
        if kind == "iso_month":
            return f"{m[1]}-{m[2]}" if 1 <= int(m[2]) <= 12 else None
        if kind == "iso_week":
            return f"{m[1]}-W{int(m[2]):02d}"
        if kind == "iso_other":
            return f"{m[1]}-{m[2].upper()}"
        if kind in ("year", "decade"):
            return m[1]
        if kind == "week_of":
            day_value = _parse_plain(m[1])
            if day_value is None or len(day_value) != 10:
                return None
            iso = date.fromisoformat(day_value).isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}"
        if kind == "day_month_year":
            return _day_value(int(m[3]), _MONTH_LOOKUP[m[2]], int(m[1]))
        if kind == "month_day_year":
            return _day_value(int(m[3]), _MONTH_LOOKUP[m[1]], int(m[2]))
        if kind == "month_year":
            return f"{m[2]}-{_MONTH_LOOKUP[m[1]]:02d}"
        if kind == "season":
            code = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}[m[1]]
            return f"{m[2]}-{code}"
        if kind == "quarter":
            return f"{m[2]}-Q{m[1]}"
        if kind == "half":
            return f"{m[2]}-H{1 if m[1] == 'first' else 2}"
    return None


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _day_value(year: int, month: int, day: int) -> str | None:
    return f"{year:04d}-{month:02d}-{day:02d}" if _valid_day(year, month, day) else None
