"""Inference: with no printed date left, a publication date from the content, at the precision the evidence
supports (a day, a month, a year, or nothing)."""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Doc

from ..layout import page_layout
from ..status import PublishedHow
from ..temporal import Timex, find_timexes
from ..temporal.lexicon import WEEKDAY_NAMES
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
