"""Absolute dates as bylines, datelines and editors write them, in formats and languages the temporal engine lacks.

"17.07.2014", "17/07/2014", "07/17/2014", "Publié le 17 juillet 2014", "2014年7月17日", "17 de julio de
2014". Numbers are read here, with the day/month order taken from the page's language and country
(en-US month first; en-GB, fr, de… day first; a four-digit year first means year-month-day). When the
order is unknown and both readings are possible (03/04/2014 on a page of unknown locale), the result
says so and gives both readings instead of guessing. Worded dates in any language go to dateparser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import dateparser

from .temporal.values import ParsedDate, parse_human_date

MONTH_FIRST = "MDY"
DAY_FIRST = "DMY"
YEAR_FIRST = "YMD"

# Countries whose numeric dates put the month first (generic calendar knowledge, not about any article).
_MONTH_FIRST_COUNTRIES = frozenset({"US", "PH", "FM", "MH", "PW", "GU", "PR", "AS", "VI", "UM", "MP"})
# Countries where both orders are in common use, so a tag naming them settles nothing.
_MIXED_ORDER_COUNTRIES = frozenset({"CA"})
_YEAR_FIRST_LANGUAGES = frozenset({"zh", "ja", "ko", "hu", "lt", "mn"})

_NUMERIC = re.compile(r"(?<![\d.:/-])(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{2,4})(?![\d/-]|\.\d)")
_WORD = r"[^\W\d_]{3,}\.?"
_WORDED = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+)?{_WORD},?\s*(?:de\s+)?\d{{4}}\b"
    rf"|\b{_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    r"|\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]",
    re.I,
)
_STRICT = {"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False}


@dataclass(frozen=True)
class DateReading:
    """A date as written (`text`) and what it means.

    `date` is the day when the text has one meaning. Otherwise `date` is None and `reason` says why:
    `readings` then holds every possible day (two for an ambiguous day/month order), or none when the
    text is not a valid date. `start`/`end` locate `text` in the line it was found in.
    """

    text: str
    date: date | None
    readings: tuple[date, ...] = ()
    reason: str = ""
    start: int = 0
    end: int = 0

    @property
    def is_ambiguous(self) -> bool:
        return self.date is None and len(self.readings) > 1


def day_order(language: str | None) -> str | None:
    """The numeric date order of a BCP 47 language tag ("en-US" → "MDY", "fr" → "DMY", "ja" → "YMD"), or None.

    None means the tag does not say (no tag, English without a country, a country using both orders).
    """
    if not language:
        return None
    parts = language.replace("_", "-").split("-")
    lang = parts[0].lower()
    country = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    if country in _MONTH_FIRST_COUNTRIES:
        return MONTH_FIRST
    if country in _MIXED_ORDER_COUNTRIES or (lang == "en" and not country) or not lang.isalpha():
        return None
    if lang in _YEAR_FIRST_LANGUAGES:
        return YEAR_FIRST
    return DAY_FIRST


def _full_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 4:
        return year
    # Two-digit years in bylines are this century unless that would be in the future.
    this_year = date.today().year
    return 2000 + year if 2000 + year <= this_year + 1 else 1900 + year


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_numeric_date(text: str, language: str | None = None) -> DateReading | None:
    """Read "17.07.2014", "07/17/2014", "2014-07-17" or "17.07.14"; None when `text` is not numeric d/m/y."""
    m = _NUMERIC.fullmatch(text.strip())
    if m is None:
        return None
    return _numeric_reading(m, language, 0)


def _numeric_reading(m: re.Match[str], language: str | None, offset: int) -> DateReading:
    text, start, end = m[0], offset + m.start(), offset + m.end()
    a, b, c = m["a"], m["b"], m["c"]
    if len(a) == 4:
        day = _day(int(a), int(b), int(c)) if len(c) <= 2 else None
        if day is None:
            return DateReading(text, None, (), "not a valid year-month-day date", start, end)
        return DateReading(text, day, (day,), "", start, end)
    if len(a) == 3 or len(c) == 3:
        return DateReading(text, None, (), "not a date: the year has three digits", start, end)
    year = _full_year(c)
    day_first = _day(year, int(b), int(a))
    month_first = _day(year, int(a), int(b))
    possible = tuple(dict.fromkeys(d for d in (day_first, month_first) if d is not None))
    if not possible:
        return DateReading(text, None, (), "not a valid date in either day/month order", start, end)
    if len(possible) == 1:
        return DateReading(text, possible[0], possible, "", start, end)
    order = day_order(language)
    if order == DAY_FIRST:
        return DateReading(text, day_first, (day_first,), "", start, end)
    if order == MONTH_FIRST:
        return DateReading(text, month_first, (month_first,), "", start, end)
    assert day_first is not None and month_first is not None
    where = f"a page in “{language}”" if language else "a page of unknown language and country"
    reason = (f"“{text}” is {day_first:%-d %B %Y} (day first) or {month_first:%-d %B %Y} (month first), "
              f"and {where} does not say which")
    return DateReading(text, None, possible, reason, start, end)


def _dateparser_languages(language: str | None) -> list[str] | None:
    if not language:
        return None
    primary = language.replace("_", "-").split("-")[0].lower()
    return [primary, "en"] if primary != "en" else ["en"]


def _worded_reading(text: str, language: str | None, start: int, end: int) -> DateReading | None:
    settings = dict(_STRICT)
    if order := day_order(language):
        settings["DATE_ORDER"] = order
    try:
        parsed = dateparser.parse(text, languages=_dateparser_languages(language), settings=settings)
    except ValueError:
        parsed = None
    if parsed is None and language:
        # A page's declared language can be wrong (an English page tagged "de"): try every language.
        parsed = dateparser.parse(text, settings=settings)
    if parsed is None:
        return None
    return DateReading(text, parsed.date(), (parsed.date(),), "", start, end)


def find_dates(line: str, language: str | None = None) -> list[DateReading]:
    """The absolute dates in a line of a page ("Publié le 17 juillet 2014 à 10h", "Posted 03/04/2014"), in order.

    Ambiguous numeric dates are included with both readings and no `date`; words that only look like
    a date ("Chapter 12 2014") are left out.
    """
    found: list[DateReading] = []
    for m in _NUMERIC.finditer(line):
        found.append(_numeric_reading(m, language, 0))
    for m in _WORDED.finditer(line):
        if any(r.start < m.end() and m.start() < r.end for r in found):
            continue
        if reading := _worded_reading(m[0], language, m.start(), m.end()):
            found.append(reading)
    return sorted((r for r in found if r.date is not None or r.readings), key=lambda r: r.start)


def read_date(text: str, language: str | None = None) -> DateReading:
    """Read one typed date ("17.07.2014", "17 de julio de 2014", "Publié le 17 juillet 2014"), as an editor types it.

    `language` is the editor's (or page's) locale, e.g. "en-GB", which decides the day/month order of
    numbers. The result has `date` set when the text means one day; otherwise `reason` says why not
    (and `readings` holds both days when the order is ambiguous).
    """
    stripped = " ".join(text.split())
    if not stripped:
        return DateReading(text, None, (), "no date given")
    if (m := _NUMERIC.fullmatch(stripped)) is not None:
        return _numeric_reading(m, language, 0)
    if reading := _worded_reading(stripped, language, 0, len(stripped)):
        return reading
    inside = find_dates(stripped, language)
    if len(inside) == 1:
        return inside[0]
    if len(inside) > 1:
        return DateReading(text, None, (), f"“{stripped}” holds {len(inside)} dates; type one")
    return DateReading(text, None, (), f"“{stripped}” is not a day, month and year Newsline can read")


class AmbiguousDate(ValueError):
    """A typed date whose day/month order is unknown and both readings are days; the message names both."""


def parse_typed_date(text: str) -> ParsedDate:
    """A date an editor types in the admin or a filter: what `parse_human_date` reads ("late July 2017", "2017-W07"),
    else one day written as bylines write it ("17.07.2014", "17/07/2014", "Publié le 17 juillet 2014", "2014年7月17日").

    Raises ValueError with a message for the editor; AmbiguousDate when the day/month order could go either way.
    """
    try:
        return parse_human_date(text)
    except ValueError as error:
        reading = read_date(text[:200])
        if reading.date is not None:
            return ParsedDate(reading.date.isoformat(), "", False)
        if reading.is_ambiguous:
            day_first, month_first = reading.readings[:2]
            raise AmbiguousDate(
                f"“{reading.text.strip()}” could be {day_first:%-d %B %Y} (day first) or {month_first:%-d %B %Y} "
                f"(month first): write the month as a word, e.g. “{day_first:%-d %b %Y}”."
            ) from None
        raise error
