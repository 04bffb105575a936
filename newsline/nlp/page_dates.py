"""Weighing a web page's markup date candidates against the stamps and dates its text prints."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

import lxml.html

from .bylines import find_dates
from .markup_dates import (
    HTMLDATE_ORIGINAL,
    JSON_LD_PUBLISHED,
    KIND_LABELS,
    KIND_ORDER,
    MARKED_PUBLISHED,
    META_PUBLISHED,
    PRINTED_TIME,
    SCRIPT_PUBLISHED,
    TIME_ELEMENT,
    URL_DATE,
    DateCandidate,
    _plausible,
)

if TYPE_CHECKING:
    from .webpages import WebPage


# --- the page's own printed stamps ------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 header footer section article aside nav table tr td th br time span "
    "figcaption blockquote dd dt address main form".split()
)
_PUBLISHED_WORDS = re.compile(
    r"\b(?:first published|originally (?:created|published)|published|posted|publié|veröffentlicht|publicado"
    r"|pubblicato|gepubliceerd)\b",
    re.I,
)
_UPDATED_WORDS = re.compile(
    r"\b(?:last updated|updated|mis à jour|aktualisiert|actualizado|aggiornato|bijgewerkt)\b", re.I
)
# A footer's "last modified" is when the file changed (a wiki, a CMS page), not a news update.
_MODIFIED_WORDS = re.compile(r"\b(?:last modified|modified|last edited|last changed)\b", re.I)


def visible_lines(html: str) -> list[str]:
    """The page's visible text, one line per block element, scripts, styles and the <head> left out."""
    tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    body = tree.find(".//body")
    if body is None:
        return []
    for element in body.xpath(".//script | .//style | .//noscript | .//template"):
        element.drop_tree()
    for element in body.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return [line for raw in body.text_content().split("\n") if (line := " ".join(raw.split()))]


def printed_date_stamps(page: WebPage) -> TextDateEvidence:
    """The dates the page prints as its own: "Published …" and "Updated …" stamps, and every date it shows.

    Dates are read with bylines.find_dates in the page's language (so "Publié le 17 juillet 2014" and
    "17.07.2014" count); an ambiguous day/month order is not a date. A stamp's date is the first one after
    its word; "Published 3 Jan, updated 16 Jan" gives one of each. `printed` is the first published stamp.
    """
    published: list[tuple[date, str]] = []
    updated: set[date] = set()
    modified: set[date] = set()
    shown: set[date] = set()
    for line in visible_lines(page.html):
        if len(line) > 200 or not re.search(r"\d", line):
            continue
        readings = [r for r in find_dates(line, page.language) if r.date is not None]
        shown.update(r.date for r in readings if r.date is not None)
        stamps = sorted([(m.end(), "published") for m in _PUBLISHED_WORDS.finditer(line)]
                        + [(m.end(), "updated") for m in _UPDATED_WORDS.finditer(line)]
                        + [(m.end(), "modified") for m in _MODIFIED_WORDS.finditer(line)])
        for index, (at, what) in enumerate(stamps):
            until = stamps[index + 1][0] if index + 1 < len(stamps) else len(line)
            reading = next((r for r in readings if at <= r.start < until), None)
            if reading is None or reading.date is None:
                continue
            if what == "updated":
                updated.add(reading.date)
            elif what == "modified":
                modified.add(reading.date)
            else:
                published.append((reading.date, line))
    printed, evidence = published[0] if published else (None, "")
    return TextDateEvidence(printed, evidence, frozenset(updated), frozenset(modified), frozenset(shown))



# --- weighing --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextDateEvidence:
    """What the page's text says about its publication date, as the text analysis found it.

    `printed` is the day the text's byline or dateline prints as the publication (None when it prints
    none), `printed_evidence` that line; `updated_dates` the days it prints in "Updated" stamps (the
    version shown), `modified_dates` those of "last modified" footers (when the file changed);
    `shown_dates` every day it prints anywhere (None when not looked at); `page_view_dates` dates the
    text shows as page chrome (the day the page was viewed, next to the weather): a markup date equal
    to one of them is a crawl time; `contradictions` maps a day to what the article says against it
    being the publication day.
    """

    printed: date | None = None
    printed_evidence: str = ""
    updated_dates: frozenset[date] = frozenset()
    modified_dates: frozenset[date] = frozenset()
    shown_dates: frozenset[date] | None = None
    page_view_dates: frozenset[date] = frozenset()
    contradictions: Mapping[date, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class MarkupDateChoice:
    """The publication date the page supports (None: no trustworthy one) and why.

    `kind` is the signal that decided (a KIND_ORDER kind, or "text" when the printed dateline did),
    `evidence` a sentence for editors, `rejected` the signals refused, each with the reason.
    """

    date: date | None
    precision: str = ""
    kind: str = ""
    evidence: str = ""
    confidence: float = 0.0
    rejected: tuple[str, ...] = ()


_STRUCTURED_KINDS = (JSON_LD_PUBLISHED, META_PUBLISHED, MARKED_PUBLISHED, SCRIPT_PUBLISHED)
# Signals that may have been read from the visible text (htmldate searches it), not from the CMS's fields.
_GUESSED_KINDS = (HTMLDATE_ORIGINAL, PRINTED_TIME, TIME_ELEMENT)


def _label(candidate: DateCandidate) -> str:
    return f"{KIND_LABELS[candidate.kind]} {candidate.date.isoformat()}"


def weigh_markup_dates(candidates: list[DateCandidate] | tuple[DateCandidate, ...],
                       text: TextDateEvidence | None = None) -> MarkupDateChoice:
    """Choose the publication day from the markup's candidates, checked against what the text prints and says.

    1. "Modified" signals never date the publication.
    2. A signal is rejected when the text contradicts its day (twice for a CMS field: JSON-LD, meta,
       marked element, script data, or a day two kinds agree on; once for the others), or when it is
       only htmldate's or a `<time>`'s guess and the page shows that day as the page-view date or a
       "last modified" footer, or (htmldate alone) prints it nowhere.
    3. A day the text prints as published (the article's own byline or dateline, not the page chrome)
       beats markup that disagrees with it, unless an uncontradicted CMS field says otherwise.
    4. Otherwise the most reliable kind wins; agreeing kinds (±1 day, since a UTC timestamp may fall on
       the next day) raise the confidence, and within them the page's local date is preferred to UTC.
    5. No date is claimed when two independent reliable signals disagree with nothing to settle it. A
       page that never prints the markup's publication day but prints one "Updated" day is dated by it
       (the version its readers see), with a low confidence.
    """
    text = text or TextDateEvidence()
    rejected: list[str] = []
    usable: list[DateCandidate] = []
    published = [c for c in sorted(candidates, key=lambda c: c.reliability) if not c.is_modification]
    structured_days = {c.date for c in published if c.kind in _STRUCTURED_KINDS or c.kind == URL_DATE}
    for candidate in published:
        guessed_alone = candidate.kind in _GUESSED_KINDS and not any(_agrees_day(d, candidate.date)
                                                                     for d in structured_days)
        htmldate_alone = candidate.kind == HTMLDATE_ORIGINAL and not any(
            _agrees_day(c.date, candidate.date) for c in published if c.kind != HTMLDATE_ORIGINAL
        )
        against = text.contradictions.get(candidate.date, ())
        # One odd clue in the text does not outweigh a CMS field or two signals that agree; two clues do.
        agreeing_kinds = {c.kind for c in published if _agrees_day(c.date, candidate.date)}
        if len(against) >= (2 if candidate.kind in _STRUCTURED_KINDS or len(agreeing_kinds) >= 2 else 1):
            rejected.append(f"{_label(candidate)}: the article contradicts it: " + "; ".join(against))
        elif guessed_alone and candidate.date in text.page_view_dates:
            rejected.append(f"{_label(candidate)}: the day the page was viewed, as the page header shows")
        elif guessed_alone and candidate.date in text.modified_dates and candidate.date != text.printed:
            rejected.append(f"{_label(candidate)}: the page's “last modified” date, not its publication")
        elif htmldate_alone and text.shown_dates is not None and candidate.date not in text.shown_dates:
            rejected.append(f"{_label(candidate)}: htmldate's guess, printed nowhere on the page")
        else:
            usable.append(candidate)

    if text.printed is not None and not _plausible(text.printed):
        rejected.append(f"the printed “{text.printed_evidence}” ({text.printed.isoformat()}): not a possible day")
        text = replace(text, printed=None, printed_evidence="")
    structured = [c for c in usable if c.kind in _STRUCTURED_KINDS]
    printed_outweighed = bool(structured) and not any(_confirms(c, text.printed) for c in structured if text.printed)
    if text.printed is not None and printed_outweighed:
        rejected.append(f"the printed “{text.printed_evidence}” ({text.printed.isoformat()}): the "
                        f"{KIND_LABELS[structured[0].kind]} says {structured[0].date.isoformat()} and the article "
                        "does not contradict it")
    elif text.printed is not None and len(text.contradictions.get(text.printed, ())) < 2:
        agreeing = [c for c in usable if _confirms(c, text.printed)]
        rejected += [f"{_label(c)}: the page prints {text.printed.isoformat()} (“{text.printed_evidence}”)"
                     for c in usable if c not in agreeing]
        confirmation = f", confirmed by the {KIND_LABELS[agreeing[0].kind]}" if agreeing else ""
        return MarkupDateChoice(text.printed, "day", "text", f"printed “{text.printed_evidence}”{confirmation}",
                                0.95 if agreeing else 0.85, tuple(rejected))

    days = [c for c in usable if c.precision == "day"]
    if not days:
        return MarkupDateChoice(None, "", "", "no trustworthy publication date in the markup", 0.0, tuple(rejected))
    best = days[0]
    cluster = [c for c in days if _agrees(c, best.date)]
    support = {c.kind for c in cluster} - {best.kind}
    conflicting = [c for c in days if c not in cluster]
    # htmldate reads the same markup as the structured signals, so its disagreement alone does not count.
    independent = [c for c in conflicting if not (best.kind in _STRUCTURED_KINDS and c.kind in _GUESSED_KINDS)]
    if independent and not support:
        rejected.append(f"{_label(best)} and {_label(independent[0])} disagree and nothing confirms either")
        return MarkupDateChoice(None, "", "", "the page's date signals disagree", 0.0, tuple(rejected))
    local = next((c for c in cluster if not c.utc), best)
    shown = text.shown_dates
    if text.updated_dates and shown is not None and not any(_agrees_day(d, local.date) for d in shown):
        return _updated_only(text, f"{_label(local)}: printed nowhere on the page", rejected)
    rejected += [f"{_label(c)}: outweighed by the {KIND_LABELS[best.kind]}" for c in conflicting]
    agreeing_labels = ", ".join(KIND_LABELS[kind] for kind in KIND_ORDER if kind in support)
    evidence = best.evidence + (f" (agrees with the {agreeing_labels})" if agreeing_labels else "")
    if local is not best:
        evidence += f"; local date from the {KIND_LABELS[local.kind]} ({local.evidence})"
    confidence = min(0.95, 0.75 + 0.1 * len(support))
    return MarkupDateChoice(local.date, "day", best.kind, evidence, round(confidence, 2), tuple(rejected))


def _updated_only(text: TextDateEvidence, refused: str, rejected: list[str]) -> MarkupDateChoice:
    """The markup's publication day is printed nowhere, only one "Updated" day: the version readers see."""
    rejected.append(refused)
    if len(text.updated_dates) != 1:
        updates = ", ".join(sorted(d.isoformat() for d in text.updated_dates))
        return MarkupDateChoice(None, "", "", f"the page shows only update dates ({updates})", 0.0, tuple(rejected))
    (updated,) = text.updated_dates
    evidence = f"the page prints no publication date, only “Updated {updated:%-d %B %Y}”: the version it shows"
    return MarkupDateChoice(updated, "day", "text_updated", evidence, 0.5, tuple(rejected))


def _agrees_day(a: date, b: date) -> bool:
    return abs((a - b).days) <= 1


def _confirms(candidate: DateCandidate, day: date) -> bool:
    """The candidate names `day` itself (a UTC timestamp may be a day off the page's local date)."""
    return candidate.date == day or (candidate.utc and _agrees_day(candidate.date, day)) or (
        candidate.precision == "month" and _agrees(candidate, day)
    )


def _agrees(candidate: DateCandidate, day: date) -> bool:
    if candidate.precision == "month":
        return (candidate.date.year, candidate.date.month) == (day.year, day.month)
    return _agrees_day(candidate.date, day)
