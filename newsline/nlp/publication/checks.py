"""Consistency checks: does the article's own content allow a candidate publication date?

Resolved against the candidate, the article's relative expressions must land where its absolute dates are
("nearly three years ago" vs "in 2014") and past-tense happenings cannot fall after it. Lines of legal
and site furniture left among the paragraphs ("Privacy policy updated 1/1/21", "© 2022") say nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from ..layout import PageLayout, page_layout
from ..temporal import Timex, find_timexes
from ..temporal.lexicon import NUMBER_WORDS
from ..temporal.tense import FUTURE, PAST, clause_tense
from .clues import AGO, FURNITURE, YEAR_UNIT, YEARS_AGO, Clues, gather_clues

_CALENDAR_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.I,
)


# "2/11/23": day first or month first, whichever the page meant; the engine's reading of it proves nothing.
_AMBIGUOUS_NUMERIC = re.compile(r"^\s*(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|1[0-2])[/.-]\d{2}(?:\d{2})?\s*$")
# Figures "as on April 25, 2020 at 5:36 pm": a live counter embedded in the page, refreshed after the story.
_AS_OF = re.compile(r"\bas\s+(?:of|on)\s*$", re.I)
_CLOCK_TIME = re.compile(r"^\W{0,3}(?:at\s+)?\d{1,2}[:.]\d\d", re.I)
# "By the 2030s it should have …": a modal perfect says what is expected or possible, not what happened.
_MODAL_PERFECT = {"should", "would", "could"}


@dataclass(frozen=True)
class Finding:
    clue: str
    contradicts: bool
    note: str


def check(doc: Doc, clues: Clues, candidate: date, resolved: list[Timex] | None = None) -> list[Finding]:
    """What the article says about a candidate publication date: supports (False) or contradictions (True).

    `resolved` are the article's timexes resolved against the candidate (or a day near it).
    """
    findings: list[Finding] = []
    resolved = find_timexes(doc, candidate) if resolved is None else resolved
    covered: list[tuple[int, int]] = []

    for timex in resolved:
        whole = timex.range
        if whole is None or not clues.in_body(timex.start) or clues.in_furniture(timex.start):
            continue
        if _AMBIGUOUS_NUMERIC.match(timex.text) or _live_figures_stamp(clues, timex):
            continue
        if timex.anchor == "absolute" or _CALENDAR_DATE.search(timex.text):
            tense = clause_tense(doc, timex.start)
            if tense == PAST and whole.start > candidate and not _modal_perfect(doc, timex.start):
                findings.append(Finding(timex.text, True, f"reports “{timex.text}” ({timex.value}) in the past tense, after it"))
            elif tense == FUTURE and whole.end < candidate and timex.anchor == "absolute" and whole.precision in ("day", "month"):
                findings.append(Finding(timex.text, True, f"announces “{timex.text}” ({timex.value}) as still to come"))
        elif (
            timex.anchor == "publication" and AGO.search(timex.text) and YEAR_UNIT.search(timex.text)
            and whole.end.year < candidate.year and whole.precision in ("year", "month")
        ):
            covered.append((timex.start, timex.end))
            findings.append(_years_ago_finding(clues, timex.text, whole.start.year, whole.end.year, candidate))

    for sentence in clues.sentences:
        if FURNITURE.search(sentence.text):
            continue
        for m in YEARS_AGO.finditer(sentence.text):
            start = sentence.start + m.start()
            if any(a <= start < b for a, b in covered):
                continue
            count = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
            years = count * (10 if m["unit"].lower().startswith("decade") else 1)
            implied = candidate.year - years
            findings.append(_years_ago_finding(clues, m[0], implied, implied, candidate))
    unique = {(f.contradicts, f.note): f for f in findings if f.note}
    return list(unique.values())


def _live_figures_stamp(clues: Clues, timex: Timex) -> bool:
    sentence = clues.sentence_at(timex.start)
    if sentence is None:
        return False
    before = sentence.text[: max(timex.start - sentence.start, 0)]
    after = sentence.text[timex.end - sentence.start :]
    return bool(_AS_OF.search(before) and _CLOCK_TIME.match(after))


def _modal_perfect(doc: Doc, offset: int) -> bool:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    return any(child.dep_ == "aux" and child.lower_ in _MODAL_PERFECT for child in token.children)


def _years_ago_finding(clues: Clues, phrase: str, first: int, last: int, candidate: date) -> Finding:
    """A happening "N years ago" should be one the article also dates: some year it names must be near."""
    others = {y for y in clues.body_years if y < candidate.year}
    # "A year ago" is the recent past an article reports without giving its year.
    if not others or candidate.year - last <= 1:
        return Finding(phrase, False, "")
    if any(first <= y <= last for y in others):
        return Finding(phrase, False, f"“{phrase}” lands on {first}, a year the article names")
    # "Two years ago" may be two or three calendar years back, and a count of years is often rounded; the
    # happening may also be one the article does not date. Only a candidate later than that, past every year
    # the article names, is ruled out: the article's own years end too long before it.
    back = candidate.year - last
    if any(first - 1 <= y <= last + 1 for y in others) or candidate.year - max(others) <= back + 2:
        return Finding(phrase, False, "")
    named = ", ".join(str(y) for y in sorted(others))
    return Finding(phrase, True, f"“{phrase}” would land on {first}, but the article's own years are {named}")


def contradictions(doc: Doc, candidate: date, layout: PageLayout | None = None) -> list[str]:
    """Why the article's own content rules out `candidate` as its publication date (empty: nothing does)."""
    return contradictions_by_day(doc, [candidate], layout).get(candidate, [])


def contradictions_by_day(doc: Doc, candidates: Iterable[date], layout: PageLayout | None = None) -> dict[date, list[str]]:
    """`contradictions` for several candidate days, the article's clues gathered once; days nothing rules out are
    left out."""
    clues = gather_clues(doc, layout if layout is not None else page_layout(doc.text))
    against = {day: [f.note for f in check(doc, clues, day) if f.contradicts] for day in dict.fromkeys(candidates)}
    return {day: notes for day, notes in against.items() if notes}
