"""Publication dates you can trust: detect a printed one, check it against the article, infer or corroborate.

A wrong publication date silently moves every relative date of its article, and scraped pages print
dates that are not it: the day the page was viewed (next to the weather or "Latest news"), a header
date without a year, "Updated" stamps, related stories. So a printed date is only a *candidate*:

1. position and context reject page chrome (layout.py says what each line is);
2. consistency rejects what the article itself contradicts: resolved against the candidate, its
   relative expressions must land where its absolute dates are ("nearly three years ago" vs "in
   2014"), past-tense happenings cannot fall after it, "last year's election" must be an election
   year, "the new administration" must be new;
3. with no candidate left, the date is inferred from the content, at the precision the evidence
   supports (a day, a month, a year, or nothing);
4. `corroborate_publication` then dates the article from other articles that report the same
   happening with a known date.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from .layout import (
    ADVERTISEMENT,
    BODY,
    CAPTION,
    DATELINE,
    HEADER,
    NAVIGATION,
    RELATED,
    TITLE,
    Block,
    PrintedDate,
    page_layout,
    printed_dates,
)
from .temporal import Timex, find_timexes, value_range
from .temporal.values import DateRange
from .temporal.values import format_day

HOW_VALUES = ("front_matter", "printed", "inferred", "corroborated", "editor", "unknown")


@dataclass(frozen=True)
class PublicationDate:
    """An article's publication date and how it was established.

    `how` is one of: "front_matter", "printed", "inferred", "corroborated", "editor", "unknown".
    `precision` is "day", "month" or "year" (or "" when nothing is known); `date` is the first day of
    that period. `evidence` is the text that decided it, with an explanation when it was inferred or
    corroborated; `rejected` lists refused candidates with the reason, for editors.
    """

    date: date | None
    precision: str = ""
    how: str = "unknown"
    evidence: str = ""
    confidence: float = 0.0
    rejected: tuple[str, ...] = field(default_factory=tuple)

    @property
    def value(self) -> str:
        """The date as a TIMEX3 value at its precision: "2017-02-16", "2017-02", "2017" or ""."""
        if self.date is None:
            return ""
        return {"day": self.date.isoformat(), "month": self.date.isoformat()[:7], "year": str(self.date.year)}.get(
            self.precision, ""
        )


@dataclass(frozen=True)
class DatedReport:
    """A happening reported by another article, dated there: the sentence and its TIMEX3 value."""

    sentence: str
    value: str
    source_label: str
    published: date | None = None
    #: True when the sentence itself gives no date and `value` is its article's publication day
    #: ("news of the day"): weaker evidence, and the happening may be the day before.
    undated: bool = False


# --- the article's own clues ----------------------------------------------------------------------

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "a decade": 10}
_YEARS_AGO = re.compile(
    r"\b(?:(?:nearly|almost|about|around|some|roughly|more than|over|just over|less than|under)\s+)?"
    r"(?P<n>\d{1,2}|a dozen|a decade|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?P<unit>years?|decades?)\s+ago\b",
    re.I,
)
# Only a count of years back ties a happening to a year the article should name; "last year" may not.
_AGO = re.compile(r"\b(ago|earlier|before)$", re.I)
_LAST_YEARS_ELECTION = re.compile(
    r"\blast year[’']?s?\s+(?:[\w-]+\s+){0,2}elections?\b|\belections?\b(?:\s+[\w-]+){0,3}\s+last year\b", re.I
)
_NEW_TERM = re.compile(
    r"\bnew (?:[\w-]+ )?(?:administration|president|presidency)\b|\bfirst (?:month|weeks|days|100 days)\b"
    r"[^.]{0,40}\b(?:administration|presidency|white house|in office)\b|\bearly days of [^.]{0,40}\bpresidency\b",
    re.I,
)
_US_CONTEXT = re.compile(r"\b(?:US|U\.S\.|United States|American|White House|Washington)\b")
_RECENCY = re.compile(
    r"\b(?:today|yesterday|tonight|this (?:week|morning|afternoon|evening)|earlier this (?:week|month)"
    r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?P<last>last\s+)?(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_OTHER_TIME_WORDS = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d"
    r"|ago|last (?:month|year)|next|tomorrow|decade|century)\b",
    re.I,
)


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Clues:
    """What the article's body says about time, gathered once per article."""

    sentences: tuple[_Sentence, ...]
    body_years: frozenset[int]
    us_context: bool


def _body_sentences(doc: Doc, blocks: list[Block]) -> list[_Sentence]:
    """Sentences of the body, cut at line ends: a scraped line without a full stop is still a paragraph."""
    body = [block for block in blocks if block.kind == BODY]
    sentences = []
    for sent in doc.sents:
        for block in body:
            start, end = max(sent.start_char, block.start), min(sent.end_char, block.end)
            if start < end and doc.text[start:end].strip():
                sentences.append(_Sentence(start, end, doc.text[start:end].strip()))
    return sentences


def _gather_clues(doc: Doc, blocks: list[Block]) -> _Clues:
    sentences = tuple(_body_sentences(doc, blocks))
    body_text = " ".join(s.text for s in sentences)
    years = frozenset(int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", body_text))
    return _Clues(sentences, years, len(_US_CONTEXT.findall(body_text)) >= 2)


def _tense_at(doc: Doc, offset: int) -> str:
    """"past", "future" or "present": the tense of the clause that governs the token at `offset`."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return "present"
    token: Token = span[0]
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    aux = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll") or (a.lower_ == "to" and token.tag_ == "VB") for a in aux):
        return "future"
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if token.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
        return "past"
    return "present"


# --- consistency -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Finding:
    clue: str
    contradicts: bool
    note: str


def _check(doc: Doc, clues: _Clues, candidate: date, resolved: list[Timex] | None = None) -> list[_Finding]:
    """What the article says about a candidate publication date: supports (False) or contradictions (True).

    `resolved` are the article's timexes resolved against the candidate (or a day near it).
    """
    findings: list[_Finding] = []
    resolved = find_timexes(doc, candidate) if resolved is None else resolved
    timexes = [t for t in resolved if any(s.start <= t.start < s.end for s in clues.sentences)]
    covered: list[tuple[int, int]] = []

    for timex in timexes:
        whole = timex.range
        if whole is None:
            continue
        if timex.anchor == "absolute" or _names_calendar_date(timex.text):
            tense = _tense_at(doc, timex.start)
            if tense == "past" and whole.start > candidate:
                findings.append(_Finding(timex.text, True, f"reports “{timex.text}” ({timex.value}) in the past tense, after it"))
            elif tense == "future" and whole.end < candidate and timex.anchor == "absolute":
                findings.append(_Finding(timex.text, True, f"announces “{timex.text}” ({timex.value}) as still to come"))
        elif (
            timex.anchor == "publication" and _AGO.search(timex.text)
            and whole.end.year < candidate.year and whole.precision in ("year", "month")
        ):
            covered.append((timex.start, timex.end))
            findings.append(_years_ago_finding(clues, timex.text, whole.start.year, whole.end.year, candidate, timex.approximate))

    for sentence in clues.sentences:
        for m in _YEARS_AGO.finditer(sentence.text):
            start = sentence.start + m.start()
            if any(a <= start < b for a, b in covered):
                continue
            count = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"].lower()]
            years = count * (10 if m["unit"].lower().startswith("decade") else 1)
            implied = candidate.year - years
            findings.append(_years_ago_finding(clues, m[0], implied, implied, candidate, True))
        for m in _LAST_YEARS_ELECTION.finditer(sentence.text):
            findings.extend(_election_findings(clues, m[0], candidate.year - 1))
        for m in _NEW_TERM.finditer(sentence.text):
            findings.extend(_new_term_findings(clues, m[0], candidate))
    unique = {(f.contradicts, f.note): f for f in findings if f.note}
    return list(unique.values())


def _names_calendar_date(text: str) -> bool:
    return bool(re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", text, re.I))


def _years_ago_finding(clues: _Clues, phrase: str, first: int, last: int, candidate: date, approximate: bool) -> _Finding:
    """A happening "N years ago" should be one the article also dates: some year it names must be near."""
    others = {y for y in clues.body_years if y < candidate.year}
    if not others:
        return _Finding(phrase, False, "")
    slack = 1 if approximate else 0
    if any(first - slack <= y <= last + slack for y in others):
        return _Finding(phrase, False, f"“{phrase}” lands on {first}, a year the article names")
    named = ", ".join(str(y) for y in sorted(others))
    return _Finding(phrase, True, f"“{phrase}” would land on {first}, but the article's own years are {named}")


def _election_findings(clues: _Clues, phrase: str, year: int) -> list[_Finding]:
    years_named = {
        int(y) for s in clues.sentences if re.search(r"\belect", s.text, re.I) for y in re.findall(r"\b((?:19|20)\d\d)\b", s.text)
    }
    if years_named:
        ok = year in years_named
        basis = "the election years the article names (" + ", ".join(map(str, sorted(years_named))) + ")"
    elif clues.us_context:
        # US presidential elections fall in leap years; the article gives no year of its own.
        ok = year % 4 == 0
        basis = "the US presidential election years"
    else:
        return []
    if ok:
        return [_Finding(phrase, False, f"“{phrase}” lands on {year}, one of {basis}")]
    return [_Finding(phrase, True, f"“{phrase}” would be {year}, not one of {basis}")]


def _new_term_findings(clues: _Clues, phrase: str, candidate: date) -> list[_Finding]:
    if not clues.us_context:
        return []
    # A US presidential term begins on 20 January after an election year; "new" means its first year or so.
    inauguration_year = candidate.year - (candidate.year - 1) % 4
    inauguration = date(inauguration_year, 1, 20)
    if candidate < inauguration:
        inauguration = date(inauguration_year - 4, 1, 20)
    age = (candidate - inauguration).days
    if age <= 400:
        return [_Finding(phrase, False, f"“{phrase}”: a US term began on {format_day(inauguration)}")]
    return [_Finding(phrase, True, f"“{phrase}” would be {age // 365} years into a US term begun {format_day(inauguration)}")]


def contradictions(doc: Doc, candidate: date) -> list[str]:
    """Why the article's own content rules out `candidate` as its publication date (empty: nothing does)."""
    clues = _gather_clues(doc, page_layout(doc.text))
    return [f.note for f in _check(doc, clues, candidate) if f.contradicts]


# --- printed candidates ---------------------------------------------------------------------------

_STAMP = re.compile(r"\b(?P<word>published|posted|first published|updated|last updated|modified|last modified)\b", re.I)
_WEATHER = re.compile(r"^-?\d{1,3}([.,]\d)?\s*°?\s*[CF]\b|°", re.I)


@dataclass(frozen=True)
class _Candidate:
    printed: PrintedDate
    block: Block
    confidence: float
    why: str


def _candidates(blocks: list[Block]) -> tuple[list[_Candidate], list[str], list[tuple[int, date]]]:
    """Printed dates that could be the publication date, and the ones refused on sight with the reason.

    The third item pairs each refused date that has a day with the index of its reason.
    """
    candidates: list[_Candidate] = []
    rejected: list[str] = []
    refused_days: list[tuple[int, date]] = []
    for index, block in enumerate(blocks):
        if block.kind in (BODY, TITLE):
            continue
        for printed in printed_dates(block.text, block.start):
            quoted = f"“{block.text}”"
            stamp = _STAMP.search(block.text)
            if stamp and stamp["word"].lower() in ("updated", "last updated", "modified", "last modified"):
                rejected.append(f"{quoted}: an “updated” stamp, not the first publication")
            elif block.kind == RELATED:
                rejected.append(f"{quoted}: in a list of other stories")
            elif printed.day is None:
                rejected.append(f"{quoted}: {printed.problem}")
            elif block.kind == HEADER and (chrome := _header_chrome(blocks, index)):
                rejected.append(f"{quoted}: site header, next to “{chrome.text}” (the day the page was viewed)")
            elif block.kind == CAPTION:
                rejected.append(f"{quoted}: a photo caption (when the picture was taken)")
            elif block.kind == DATELINE or stamp:
                candidates.append(_Candidate(printed, block, 0.9, "dateline under the title" if block.kind == DATELINE else "publication stamp"))
            elif block.kind == HEADER:
                candidates.append(_Candidate(printed, block, 0.5, "date above the title"))
            else:
                rejected.append(f"{quoted}: in page chrome ({block.kind})")
            if printed.day is not None and len(rejected) and rejected[-1].startswith(quoted):
                refused_days.append((len(rejected) - 1, printed.day))
    return candidates, rejected, refused_days


def _header_chrome(blocks: list[Block], index: int) -> Block | None:
    """A line of site furniture (weather, navigation, ads, a lone city name) in the header around `index`."""
    title = next((i for i, b in enumerate(blocks) if b.kind == TITLE), None)
    last = title if title is not None else min(index + 3, len(blocks))
    for block in blocks[max(0, index - 3) : last]:
        if block is blocks[index]:
            continue
        if block.kind in (NAVIGATION, ADVERTISEMENT) or _WEATHER.search(block.text):
            return block
        if block.kind == HEADER and not printed_dates(block.text) and len(block.text.split()) <= 2:
            return block
    return None


# --- detection ---------------------------------------------------------------------------------------


def detect_publication_date(doc: Doc) -> PublicationDate:
    """The publication date of a whole article (a spaCy Doc of the page text), with how and why."""
    blocks = page_layout(doc.text)
    clues = _gather_clues(doc, blocks)
    candidates, rejected, refused_days = _candidates(blocks)
    # Say also what the content holds against a date refused for its place on the page.
    for index, day in refused_days:
        if against := [f.note for f in _check(doc, clues, day) if f.contradicts]:
            rejected[index] += "; the article contradicts it too: " + "; ".join(against)
    accepted: list[tuple[float, _Candidate, list[_Finding]]] = []
    for candidate in candidates:
        day = candidate.printed.day
        assert day is not None
        findings = _check(doc, clues, day)
        against = [f.note for f in findings if f.contradicts]
        # A dateline under the title is strong evidence: one odd clue does not outweigh it.
        if len(against) >= (2 if candidate.confidence >= 0.9 else 1):
            rejected.append(f"“{candidate.block.text}”: the article contradicts it: " + "; ".join(against))
            continue
        accepted.append((candidate.confidence - 0.2 * len(against), candidate, findings))
    if accepted:
        confidence, best, findings = max(accepted, key=lambda item: item[0])
        assert best.printed.day is not None
        evidence = best.block.text
        support = [f.note for f in findings if not f.contradicts]
        if best.confidence < 0.9 and support:
            evidence += " (consistent with the article: " + "; ".join(support[:2]) + ")"
        return PublicationDate(best.printed.day, "day", "printed", evidence, round(min(confidence, 0.95), 2), tuple(rejected))
    inferred = infer_publication_date(doc, clues)
    return replace(inferred, rejected=tuple(rejected))


def infer_publication_date(doc: Doc, clues: _Clues | None = None) -> PublicationDate:
    """A publication date from the content alone, no more precise than the evidence allows."""
    clues = clues or _gather_clues(doc, page_layout(doc.text))
    past = _past_absolute_dates(doc, clues)
    latest = max(past, key=lambda item: item[1].start, default=None)
    floor_year = latest[1].start.year if latest else min(clues.body_years, default=None)
    if floor_year is None:
        return PublicationDate(None, "", "unknown", "no date is printed and the article names no year", 0.0)

    scored: list[tuple[int, int, list[str]]] = []
    for year in range(floor_year, floor_year + 9):
        best: tuple[int, list[str]] | None = None
        # The clues are year-scale, so one resolution per year serves every day tried in it.
        resolved = find_timexes(doc, date(year, 6, 30))
        for month in (1, 3, 5, 7, 9, 11, 12):
            findings = _check(doc, clues, date(year, month, 28), resolved)
            if any(f.contradicts for f in findings):
                continue
            support = sorted({f.note for f in findings})
            if best is None or len(support) > best[0]:
                best = (len(support), support)
        if best is not None:
            scored.append((best[0], year, best[1]))
    if not scored:
        return PublicationDate(None, "", "unknown", "the article's dates contradict every year near the ones it names", 0.0)
    support_count, year, support = max(scored, key=lambda item: (item[0], -item[1]))
    reasons = list(support)
    if latest and latest[1].start.year == year:
        reasons.insert(0, f"the latest happening it dates in the past tense is “{latest[0].text}” ({latest[0].value})")
    elif not support:
        return PublicationDate(None, "", "unknown", "the article names years but nothing ties its publication to one", 0.0)

    recent = [s for s in clues.sentences if _RECENCY.search(s.text)]
    if latest and latest[1].precision == "day" and latest[1].start.year == year and recent:
        return _infer_day_or_month(latest[0], latest[1].start, recent, reasons)
    confidence = min(0.25 + 0.1 * support_count, 0.5)
    return PublicationDate(date(year, 1, 1), "year", "inferred", "inferred year: " + "; ".join(reasons), round(confidence, 2))


def _past_absolute_dates(doc: Doc, clues: _Clues) -> list[tuple[Timex, DateRange]]:
    found = []
    for timex in find_timexes(doc, None):
        whole = timex.range
        if whole is None or timex.anchor != "absolute":
            continue
        if any(s.start <= timex.start < s.end for s in clues.sentences) and _tense_at(doc, timex.start) == "past":
            found.append((timex, whole))
    return found


def _infer_day_or_month(latest: Timex, day: date, recent: list[_Sentence], reasons: list[str]) -> PublicationDate:
    """After the latest dated happening, a named weekday in the same week pins the day; else the month."""
    weekdays = [m for s in recent for m in _WEEKDAY.finditer(s.text) if not m["last"]]
    days_after = [day + timedelta(days=(_WEEKDAY_NAMES.index(m["day"].lower()) - day.weekday()) % 7) for m in weekdays]
    if days_after:
        published = max(days_after)
        cue = weekdays[days_after.index(published)][0]
        evidence = "; ".join(reasons) + f"; the article also reports “{cue}”, the {format_day(published)} after it"
        return PublicationDate(published, "day", "inferred", "inferred day: " + evidence, 0.5)
    evidence = "; ".join(reasons) + f"; recent-time words (“{_RECENCY.search(recent[0].text)[0]}”) place it soon after"
    return PublicationDate(date(day.year, day.month, 1), "month", "inferred", "inferred month: " + evidence, 0.4)


# --- corroboration -------------------------------------------------------------------------------------

_STOPWORDS = frozenset(
    "a an the and or but if of in on at to for from by with as is are was were be been being has have had do does did "
    "not no that this these those it its he she they them his her their we our you your i said says say told tell "
    "would will could can should may might must also after before over under about into than then there here who "
    "which what when where while mr mrs ms dr gen new first one two three more most some any all other such very "
    "just only up out so between during since because against while however still even already again well like "
    "many much back now later earlier".split()
)


def _keywords(sentence: str) -> set[str]:
    words = set()
    for raw in re.findall(r"[A-Za-z][A-Za-z’'-]+", sentence):
        word = re.sub(r"[’']s?$", "", raw.lower())
        if word in _STOPWORDS or word in _WEEKDAY_NAMES or len(word) < 3:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        words.add(word)
    return words


@dataclass(frozen=True)
class _Constraint:
    first: date
    last: date
    weight: float
    explanation: str


def corroborate_publication(
    doc: Doc | str, reports: list[DatedReport], current: PublicationDate | None = None
) -> PublicationDate:
    """Date an article from other articles that report the same happening with a known date.

    Each body sentence of this article that names a weekday ("Thursday's meeting"), says "this week",
    "yesterday" or "today", or reports without any date, is matched to the most similar report
    (shared rare words, a compatible weekday); the report's date then bounds this article's
    publication date. The day most constraints agree on wins, the earliest when several tie, since
    news is published soon after what it reports. Returns `current` when it already has a reliable
    printed day or nothing corroborates.
    """
    current = current or PublicationDate(None)
    if current.precision == "day" and current.how in ("printed", "front_matter", "editor"):
        return current
    sentences = _sentences_for_corroboration(doc)
    usable = [(r, whole.start) for r in reports if (whole := value_range(r.value)) and whole.precision == "day"]
    if not sentences or not usable:
        return current
    frequency = Counter(word for r, _ in usable for word in _keywords(r.sentence))
    frequency.update(word for s in sentences for word in _keywords(s))
    total = len(usable) + len(sentences)

    def weight(word: str) -> float:
        return math.log(1 + total / frequency[word])

    constraints: list[_Constraint] = []
    for sentence in sentences:
        cue = _cue(sentence)
        if cue is None:
            continue
        own = _keywords(sentence)
        # A named weekday that matches the report's day is evidence in itself, so less wording must agree.
        threshold = 0.15 if cue[0] in ("weekday", "last_weekday") else 0.3
        best: tuple[float, DatedReport, date] | None = None
        for report, day in usable:
            if cue[0] in ("weekday", "last_weekday"):
                if report.undated and day.weekday() != cue[1]:
                    day -= timedelta(days=1)
                if day.weekday() != cue[1]:
                    continue
            theirs = _keywords(report.sentence)
            shared = own & theirs
            if len(shared) < 3:
                continue
            score = sum(weight(w) for w in shared) / min(sum(weight(w) for w in own), sum(weight(w) for w in theirs))
            if report.undated:
                score *= 0.6
            if score >= threshold and (best is None or score > best[0]):
                best = (score, report, day)
        if best is None:
            continue
        score, report, day = best
        first, last, reading = _bounds(cue, day)
        strength = 1.0 if cue[0] != "undated" else 0.6
        published = f", published {format_day(report.published)}" if report.published else ""
        constraints.append(
            _Constraint(
                first, last, score * strength,
                f"“{_short(sentence)}” ({reading}) matches “{_short(report.sentence)}” in {report.source_label}{published}, "
                f"dated {format_day(day)}",
            )
        )
    if not constraints:
        return current
    chosen, first, last = _agreement(constraints)
    if current.date is not None and current.precision in ("year", "month"):
        if current.value != first.isoformat()[: len(current.value)]:
            return current
    if not isinstance(doc, str) and (against := contradictions(doc, first)):
        return replace(current, rejected=current.rejected + (f"corroborated {format_day(first)}: " + "; ".join(against),))
    width = (last - first).days
    confidence = 0.5 + 0.1 * min(len(chosen) - 1, 2) + (0.1 if width <= 1 else 0.0)
    if current.how == "corroborated" and current.confidence >= confidence:
        return current
    window = "" if width == 0 else f" (the reports allow {format_day(first)} to {format_day(last)}; the earliest is taken)"
    evidence = "corroborated: " + "; ".join(c.explanation for c in chosen) + window
    return PublicationDate(first, "day", "corroborated", evidence, round(min(confidence, 0.8), 2), current.rejected)


def _sentences_for_corroboration(doc: Doc | str) -> list[str]:
    text = doc if isinstance(doc, str) else doc.text
    blocks = page_layout(text)
    if isinstance(doc, str):
        return [
            part.strip()
            for block in blocks if block.kind == BODY
            for part in re.split(r"(?<=[.!?][\"”’]?)\s+(?=[A-Z“\"])", block.text) if part.strip()
        ]
    return [s.text for s in _body_sentences(doc, blocks)]


def _cue(sentence: str) -> tuple[str, int] | None:
    """What a sentence says about when its happening was, relative to publication."""
    lowered = sentence.lower()
    if re.search(r"\byesterday\b", lowered):
        return ("yesterday", 0)
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", lowered):
        return ("today", 0)
    if re.search(r"\b(earlier )?this week\b", lowered):
        return ("this_week", 0)
    weekdays = list(_WEEKDAY.finditer(sentence))
    if len(weekdays) == 1:
        m = weekdays[0]
        return ("last_weekday" if m["last"] else "weekday", _WEEKDAY_NAMES.index(m["day"].lower()))
    if not weekdays and not _OTHER_TIME_WORDS.search(sentence) and not re.search(r"\b(will|would|could|may|might)\b", lowered):
        return ("undated", 0)
    return None


def _bounds(cue: tuple[str, int], day: date) -> tuple[date, date, str]:
    kind = cue[0]
    if kind == "yesterday":
        return day + timedelta(days=1), day + timedelta(days=1), "“yesterday”: the day after"
    if kind == "today":
        return day, day, "“today”: the same day"
    if kind == "this_week":
        sunday = day + timedelta(days=6 - day.weekday())
        return day, sunday, "“this week”: later in the same week"
    if kind == "weekday":
        return day, day + timedelta(days=6), f"“{_WEEKDAY_NAMES[cue[1]].title()}”: that day or within the next six"
    if kind == "last_weekday":
        return day + timedelta(days=1), day + timedelta(days=7), "“last …day”: within the following week"
    return day, day + timedelta(days=2), "reported without a date: news of the day"


def _agreement(constraints: list[_Constraint]) -> tuple[list[_Constraint], date, date]:
    """The days most (weighted) constraints allow; ties go to the earliest run of days."""
    days = sorted({c.first + timedelta(days=i) for c in constraints for i in range((c.last - c.first).days + 1)})

    def score(day: date) -> float:
        return sum(c.weight for c in constraints if c.first <= day <= c.last)

    top = max(score(day) for day in days)
    first = next(day for day in days if math.isclose(score(day), top))
    last = first
    while math.isclose(score(last + timedelta(days=1)), top):
        last += timedelta(days=1)
    chosen = sorted((c for c in constraints if c.first <= first <= c.last), key=lambda c: -c.weight)
    return chosen, first, last


def _short(sentence: str, limit: int = 90) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def dated_reports(doc: Doc, publication: PublicationDate, source_label: str) -> list[DatedReport]:
    """The day-dated happenings of an article whose publication day is known, for corroborating others.

    Dates come from the temporal engine resolved against the publication day; a named weekday the
    engine leaves unresolved is read as the most recent such day on or before publication.
    """
    if publication.date is None or publication.precision != "day" or publication.how in ("inferred", "unknown"):
        return []
    blocks = page_layout(doc.text)
    timexes = find_timexes(doc, publication.date)
    sentences = _body_sentences(doc, blocks)
    reports = []
    for index, sentence in enumerate(sentences):
        inside = [t for t in timexes if sentence.start <= t.start < sentence.end]
        days = [
            t.value[:10] for t in inside
            if (r := t.range) is not None and r.precision == "day"
            and not (r.start > publication.date and _tense_at(doc, t.start) == "past")
        ]
        if not days:
            days = [d.isoformat() for d in _weekday_days(doc, sentence, publication.date)]
        for value in dict.fromkeys(days):
            reports.append(DatedReport(sentence.text, value, source_label, publication.date))
        # The lead of a news story reports the day's news without a date; later paragraphs give background.
        if not days and not inside and index < max(3, len(sentences) // 3) and _is_undated_news(doc, sentence):
            reports.append(DatedReport(sentence.text, publication.date.isoformat(), source_label, publication.date, True))
    return reports


def _is_undated_news(doc: Doc, sentence: _Sentence) -> bool:
    if len(sentence.text.split()) < 5 or _OTHER_TIME_WORDS.search(sentence.text) or _RECENCY.search(sentence.text) or _WEEKDAY.search(sentence.text):
        return False
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    root = span.root if span is not None else None
    return root is not None and _tense_at(doc, root.idx) == "past"


def _weekday_days(doc: Doc, sentence: _Sentence, published: date) -> list[date]:
    """Named weekdays read as news does: the last such day for a past happening, the next for a future one."""
    days = []
    for m in _WEEKDAY.finditer(sentence.text):
        weekday = _WEEKDAY_NAMES.index(m["day"].lower())
        tense = _tense_at(doc, sentence.start + m.start("day"))
        if tense == "past":
            back = (published.weekday() - weekday) % 7 or (7 if m["last"] else 0)
            days.append(published - timedelta(days=back))
        elif tense == "future" or re.search(r"\b(until|by|next)\s+$", sentence.text[: m.start("day")]):
            days.append(published + timedelta(days=(weekday - published.weekday()) % 7))
    return days
