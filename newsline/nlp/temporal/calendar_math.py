"""Calendar arithmetic behind resolution: shifting a day by units and writing it at a granularity as TIMEX3."""

from __future__ import annotations

import calendar
from datetime import MAXYEAR, MINYEAR, date, timedelta

from .values import value_range

# Granularity a unit word resolves to when an expression counts in it ("three weeks ago" -> a week).
UNIT_PRECISION = {
    "second": "day", "minute": "day", "hour": "day", "day": "day", "night": "day", "week": "week",
    "fortnight": "week", "weekend": "week", "month": "month", "quarter": "quarter", "half": "half",
    "year": "year", "decade": "year", "century": "year", "millennium": "year",
}
_UNIT_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "night": 1, "week": 7, "fortnight": 14, "weekend": 7}
_UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200, "millennium": 12000}


def unit_name(word: str) -> str:
    """"Years" -> "year", "centuries" -> "century", "fiscal year" -> "year"."""
    word = word.lower().split()[-1]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word == "millennia":
        return "millennium"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months (31 Jan + 1 month = 28 or 29 Feb).

    Raises ValueError when the result falls outside the years 1 to 9999.
    """
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"{year} is outside the calendar (years {MINYEAR} to {MAXYEAR}).")
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift(day: date, unit: str, amount: float) -> date:
    """`day` moved by `amount` units (negative = back). Raises ValueError beyond the years 1 to 9999."""
    if unit in _UNIT_DAYS:
        try:
            return day + timedelta(days=round(amount * _UNIT_DAYS[unit]))
        except OverflowError:
            raise ValueError(f"{amount} {unit}s from {day} is outside the calendar.") from None
    return add_months(day, round(amount * _UNIT_MONTHS[unit]))


def format_at(day: date, precision: str) -> str:
    """The TIMEX3 value of the `precision`-sized period holding `day`."""
    if precision == "day":
        return day.isoformat()
    if precision in ("week", "weekend"):
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}" + ("-WE" if precision == "weekend" else "")
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if precision == "season":
        code, year = season_of(day)
        return f"{year:04d}-{code}"
    if precision == "decade":
        return f"{day.year // 10:03d}"
    if precision == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def season_of(day: date) -> tuple[str, int]:
    """Meteorological season of a day, with the year TIMEX3 gives it (December belongs to next year's winter)."""
    if day.month in (3, 4, 5):
        return "SP", day.year
    if day.month in (6, 7, 8):
        return "SU", day.year
    if day.month in (9, 10, 11):
        return "FA", day.year
    return "WI", day.year + 1 if day.month == 12 else day.year


def value_start(value: str) -> tuple[date, str] | None:
    """First day and precision of a calendar value, or None for values with no place in time."""
    whole = value_range(value)
    if whole is None:
        return None
    precision = whole.precision
    if value.endswith("-WE"):
        precision = "weekend"
    elif "T" in value and precision == "day":
        precision = "day"
    return whole.start, precision


def unresolved(precision: str) -> str:
    """A placeholder value for a relative expression when no anchor date is known."""
    return {
        "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
        "half": "XXXX-HX", "season": "XXXX-XX", "year": "XXXX", "decade": "XXX", "century": "XX",
    }.get(precision, "XXXX-XX-XX")


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 = last) given weekday of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday_date(name: str, year: int) -> date:
    name = " ".join(name.lower().replace("labour", "labor").split())
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
        "new year's eve": (12, 31), "halloween": (10, 31), "independence day": (7, 4), "valentine's day": (2, 14),
        "boxing day": (12, 26),
    }
    if name in fixed:
        return date(year, *fixed[name])
    if name.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if name == "labor day":
        return nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return nth_weekday(year, 5, 0, -1)
    offsets = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}
    return easter(year) + timedelta(days=offsets[name])
