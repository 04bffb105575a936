"""Inference: with no printed date left, a publication date from the content, at the precision the evidence
supports (a day, a month, a year, or nothing)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from ..layout import PageLayout, PrintedDate, page_layout, printed_dates
from ..status import PublishedHow
from ..temporal import Timex, find_timexes
from ..temporal.lexicon import MONTHS, WEEKDAY_NAMES
from ..temporal.tense import PAST, clause_tense
from ..temporal.values import DateRange, format_day
from .checks import check
from .clues import RECENCY, WEEKDAY_CUE, BodySentence, Clues, gather_clues
from .record import PublicationDate


def infer_publication_date(doc: Doc, clues: Clues | None = None) -> PublicationDate:
    """A publication date from the content alone, no more precise than the evidence allows."""
    clues = clues or gather_clues(doc, page_layout(doc.text))
    past = _past_absolute_dates(doc, clues)
    latest = max(past, key=lambda item: item[1].start, default=None)
    floor_year = latest[1].start.year if latest else min(clues.body_years, default=None)
    if floor_year is None:
        return PublicationDate(None, "", PublishedHow.UNKNOWN, "no date is printed and the article names no year", 0.0)

    scored: list[tuple[int, int, list[str]]] = []
    for year in range(floor_year, floor_year + 9):
        best: tuple[int, list[str]] | None = None
        # The clues are year-scale, so one resolution per year serves every day tried in it.
        resolved = find_timexes(doc, date(year, 6, 30))
        for month in (1, 3, 5, 7, 9, 11, 12):
            findings = check(doc, clues, date(year, month, 28), resolved)
            if any(f.contradicts for f in findings):
                continue
            support = sorted({f.note for f in findings})
            if best is None or len(support) > best[0]:
                best = (len(support), support)
        if best is not None:
            scored.append((best[0], year, best[1]))
    if not scored:
        return PublicationDate(None, "", PublishedHow.UNKNOWN, "the article's dates contradict every year near the ones it names", 0.0)
    support_count, year, support = max(scored, key=lambda item: (item[0], -item[1]))
    reasons = list(support)
    if latest and latest[1].start.year == year:
        reasons.insert(0, f"the latest happening it dates in the past tense is “{latest[0].text}” ({latest[0].value})")
    elif not support:
        return PublicationDate(None, "", PublishedHow.UNKNOWN, "the article names years but nothing ties its publication to one", 0.0)

    recent = [s for s in clues.sentences if RECENCY.search(s.text)]
    if latest and latest[1].precision == "day" and latest[1].start.year == year and recent:
        return _infer_day_or_month(latest[0], latest[1].start, recent, reasons)
    confidence = min(0.25 + 0.1 * support_count, 0.5)
    return PublicationDate(date(year, 1, 1), "year", PublishedHow.INFERRED, "inferred year: " + "; ".join(reasons), round(confidence, 2))


def _past_absolute_dates(doc: Doc, clues: Clues) -> list[tuple[Timex, DateRange]]:
    found = []
    for timex in find_timexes(doc, None):
        whole = timex.range
        if whole is None or timex.anchor != "absolute":
            continue
        if clues.in_body(timex.start) and clause_tense(doc, timex.start) == PAST:
            found.append((timex, whole))
    return found


def _infer_day_or_month(latest: Timex, day: date, recent: list[BodySentence], reasons: list[str]) -> PublicationDate:
    """After the latest dated happening, a named weekday in the same week pins the day; else the month."""
    weekdays = [m for s in recent for m in WEEKDAY_CUE.finditer(s.text) if not m["last"]]
    days_after = [day + timedelta(days=(WEEKDAY_NAMES.index(m["day"].lower()) - day.weekday()) % 7) for m in weekdays]
    if days_after:
        published = max(days_after)
        cue = weekdays[days_after.index(published)][0]
        evidence = "; ".join(reasons) + f"; the article also reports “{cue}”, the {format_day(published)} after it"
        return PublicationDate(published, "day", PublishedHow.INFERRED, "inferred day: " + evidence, 0.5)
    evidence = "; ".join(reasons) + f"; recent-time words (“{RECENCY.search(recent[0].text)[0]}”) place it soon after"
    return PublicationDate(date(day.year, day.month, 1), "month", PublishedHow.INFERRED, "inferred month: " + evidence, 0.4)


#: The same day of the year falls on the same weekday again after five years at the soonest.
_WEEKDAY_WINDOW = 5
#: A yearless byline is taken to follow the article's latest dated happening by at most this many days.
_RECENT_DAYS = 60


def year_of(
    doc: Doc, clues: Clues, layout: PageLayout, printed: PrintedDate, with_time: bool = False
) -> tuple[date | None, str]:
    """The year of a byline or dateline printed without one ("March 18 at 3:57 PM"), when the article settles it.

    Returns the day and what settled it, or None and why not. The evidence, in order: the same month and day
    printed with a year elsewhere on the page (a caption of the day's pictures); a printed weekday, which fixes
    the year among the five from the latest year the article names; the article's latest dated happening,
    when it falls shortly before that month and day; for a byline with its time of day (`with_time`), the year
    of the page's copyright notice: sites leave the year out of the stamps of the current year's stories.
    """
    month, day_of_month = _month_day(printed)
    others = {
        d.day.year for block in layout for d in printed_dates(block.text, block.start)
        if d.day is not None and (d.day.month, d.day.day) == (month, day_of_month)
    }
    if len(others) == 1:
        year = others.pop()
        return date(year, month, day_of_month), f"the same day printed with its year ({year}) on the page"
    past = _past_absolute_dates(doc, clues)
    latest = max((whole.start for _, whole in past), default=None)
    reference = latest.year if latest else max((y for y in clues.body_years), default=None)
    copyright_year = _copyright_year(layout) if with_time else None
    if reference is None and copyright_year is None:
        return None, "it names no year"
    if reference is None:
        reference = copyright_year
    if printed.weekday is not None:
        window = range(reference, reference + _WEEKDAY_WINDOW)
        years = [y for y in window if _weekday(y, month, day_of_month) == printed.weekday]
        if len(years) == 1:
            return date(years[0], month, day_of_month), f"the printed weekday, which falls on that day in {years[0]}"
        return None, f"the printed weekday falls on that day in no year from {window[0]} to {window[-1]}"
    if latest is not None:
        for year in (latest.year, latest.year + 1):
            candidate = _valid(year, month, day_of_month)
            if candidate is not None and 0 <= (candidate - latest).days <= _RECENT_DAYS:
                return candidate, f"the article's latest dated happening ({latest.isoformat()}), shortly before"
    if copyright_year is not None and (candidate := _valid(copyright_year, month, day_of_month)) is not None:
        if latest is None or latest <= candidate:
            return candidate, f"the page's copyright notice ({copyright_year}), the year the page was printed in"
    return None, f"its latest dated happening ({latest.isoformat() if latest else reference}) is not shortly before"


_COPYRIGHT_YEAR = re.compile(r"(?:©|\bcopyright\b)[^\n]{0,40}?(?:(?:19|20)\d\d\s*[-–]\s*)?\b((?:19|20)\d\d)\b", re.I)


def _copyright_year(layout: PageLayout) -> int | None:
    """The year of the page's copyright notice ("© 1996-2031 The Daily Example"), when all its notices agree."""
    years = {int(m[1]) for block in layout for m in _COPYRIGHT_YEAR.finditer(block.text)}
    return years.pop() if len(years) == 1 else None


def _month_day(printed: PrintedDate) -> tuple[int, int]:
    numbers = re.findall(r"\d+", printed.text)
    month = next(number for word, number in MONTHS.items() if re.search(rf"\b{word}\b", printed.text, re.I))
    return month, int(numbers[0])


def _weekday(year: int, month: int, day: int) -> int | None:
    found = _valid(year, month, day)
    return found.weekday() if found else None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
