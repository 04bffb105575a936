"""Consistency checks: does the article's own content allow a candidate publication date?

Resolved against the candidate, the article's relative expressions must land where its absolute dates are
("nearly three years ago" vs "in 2014"), past-tense happenings cannot fall after it, and "last year's
election" must be one of the election years the article names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from ..layout import PageLayout, page_layout
from ..temporal import Timex, find_timexes
from ..temporal.lexicon import NUMBER_WORDS
from ..temporal.tense import FUTURE, PAST, clause_tense
from .clues import AGO, LAST_YEARS_ELECTION, YEARS_AGO, Clues, gather_clues

_CALENDAR_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.I,
)


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
        if whole is None or not clues.in_body(timex.start):
            continue
        if timex.anchor == "absolute" or _CALENDAR_DATE.search(timex.text):
            tense = clause_tense(doc, timex.start)
            if tense == PAST and whole.start > candidate:
                findings.append(Finding(timex.text, True, f"reports “{timex.text}” ({timex.value}) in the past tense, after it"))
            elif tense == FUTURE and whole.end < candidate and timex.anchor == "absolute":
                findings.append(Finding(timex.text, True, f"announces “{timex.text}” ({timex.value}) as still to come"))
        elif (
            timex.anchor == "publication" and AGO.search(timex.text)
            and whole.end.year < candidate.year and whole.precision in ("year", "month")
        ):
            covered.append((timex.start, timex.end))
            findings.append(_years_ago_finding(clues, timex.text, whole.start.year, whole.end.year, candidate, timex.approximate))

    for sentence in clues.sentences:
        for m in YEARS_AGO.finditer(sentence.text):
            start = sentence.start + m.start()
            if any(a <= start < b for a, b in covered):
                continue
            count = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
            years = count * (10 if m["unit"].lower().startswith("decade") else 1)
            implied = candidate.year - years
            findings.append(_years_ago_finding(clues, m[0], implied, implied, candidate, True))
        for m in LAST_YEARS_ELECTION.finditer(sentence.text):
            findings.extend(_election_findings(clues, m[0], candidate.year - 1))
    unique = {(f.contradicts, f.note): f for f in findings if f.note}
    return list(unique.values())


def _years_ago_finding(clues: Clues, phrase: str, first: int, last: int, candidate: date, approximate: bool) -> Finding:
    """A happening "N years ago" should be one the article also dates: some year it names must be near."""
    others = {y for y in clues.body_years if y < candidate.year}
    if not others:
        return Finding(phrase, False, "")
    if any(first <= y <= last for y in others):
        return Finding(phrase, False, f"“{phrase}” lands on {first}, a year the article names")
    # "Nearly three years ago" may be two calendar years back: allowed, but no support for this year.
    if approximate and any(first - 1 <= y <= last + 1 for y in others):
        return Finding(phrase, False, "")
    named = ", ".join(str(y) for y in sorted(others))
    return Finding(phrase, True, f"“{phrase}” would land on {first}, but the article's own years are {named}")


def _election_findings(clues: Clues, phrase: str, year: int) -> list[Finding]:
    """ "Last year's election" must be an election year the article names, when it names any."""
    years_named = {
        int(y) for s in clues.sentences if re.search(r"\belect", s.text, re.I) for y in re.findall(r"\b((?:19|20)\d\d)\b", s.text)
    }
    if not years_named:
        return []
    basis = "the election years the article names (" + ", ".join(map(str, sorted(years_named))) + ")"
    if year in years_named:
        return [Finding(phrase, False, f"“{phrase}” lands on {year}, one of {basis}")]
    return [Finding(phrase, True, f"“{phrase}” would be {year}, not one of {basis}")]


def contradictions(doc: Doc, candidate: date, layout: PageLayout | None = None) -> list[str]:
    """Why the article's own content rules out `candidate` as its publication date (empty: nothing does)."""
    clues = gather_clues(doc, layout if layout is not None else page_layout(doc.text))
    return [f.note for f in check(doc, clues, candidate) if f.contradicts]
