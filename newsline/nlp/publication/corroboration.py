"""Corroboration: date an article from other articles that report the same happening with a known date."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc

from ..gazetteer import (
    HONORIFICS,
    ROLE_WORDS,
    country_named,
    country_of_demonym,
    country_of_metonym,
    organization_named,
)
from ..keywords import sentence_words
from ..layout import PageLayout, page_layout
from ..status import RELIABLE_HOW, PublishedHow
from ..temporal import Timex, find_timexes, value_range
from ..temporal.lexicon import WEEKDAY_NAMES
from ..temporal.tense import FUTURE, PAST, clause_tense
from ..temporal.values import format_day
from .checks import contradictions
from .clues import FURNITURE, OTHER_TIME_WORDS, RECENCY, WEEKDAY_CUE, BodySentence, body_sentences
from .record import DatedReport, PublicationDate


@dataclass(frozen=True)
class _Constraint:
    first: date
    last: date
    weight: float
    explanation: str


@dataclass(frozen=True)
class _Sentence:
    text: str
    #: The stems of what is done in it (its actions), or None when only the text is at hand.
    actions: frozenset[str] | None
    #: Its one named weekday is in a clause about the future ("the ferry will run again from Monday").
    weekday_ahead: bool = False


def corroborate_publication(
    doc: Doc | str, reports: list[DatedReport], current: PublicationDate | None = None, layout: PageLayout | None = None
) -> PublicationDate:
    """Date an article from other articles that report the same happening with a known date.

    Each body sentence of this article that names a weekday ("Thursday's meeting"), says "this week",
    "yesterday" or "today", or reports without any date, is matched to the most similar report of the same
    happening: the same names and numbers (`_shared_names`), the same action, shared rare words and a compatible
    weekday. Menus, headings and site furniture are no reports. The report's date then bounds this article's
    publication date. The day most constraints agree on wins, the earliest when several tie, since
    news is published soon after what it reports. Returns `current` when it already has a reliable
    printed day or nothing corroborates.
    """
    current = current or PublicationDate(None)
    if current.reliable_day:
        return current
    text = doc if isinstance(doc, str) else doc.text
    layout = layout if layout is not None else page_layout(text)
    sentences = _sentences_for_corroboration(doc, layout)
    # Reports stored by an earlier ingest come from its events' sentences: menus and furniture are left out here too.
    usable = [
        (r, whole.start) for r in reports
        if (whole := value_range(r.value)) and whole.precision == "day" and _tells_news(r.sentence)
    ]
    if not sentences or not usable:
        return current
    frequency = Counter(word for r, _ in usable for word in sentence_words(r.sentence))
    frequency.update(word for s in sentences for word in sentence_words(s.text))
    total = len(usable) + len(sentences)
    # Reports are found through the names and numbers they share with a sentence, never by trying every pair.
    report_keys = [specific_keys(r.sentence) for r, _ in usable]
    recurring = _recurring_names(usable)
    by_key: dict[str, list[int]] = {}
    for number, keys in enumerate(report_keys):
        for key in keys:
            by_key.setdefault(key, []).append(number)

    def weight(word: str) -> float:
        return math.log(1 + total / frequency[word])

    constraints: list[_Constraint] = []
    seen: set[str] = set()
    for found in sentences:
        sentence, actions = found.text, found.actions
        cue = _cue(sentence)
        # A page that repeats a sentence (a caption, a pull quote), even with other quote marks, says it once.
        wording = " ".join(re.findall(r"\w+", sentence.lower()))
        if cue is None or (cue[0] in ("weekday", "last_weekday") and found.weekday_ahead) or wording in seen:
            continue
        seen.add(wording)
        own = sentence_words(sentence)
        own_keys = specific_keys(sentence)
        own_names = _names(sentence)
        # A named weekday that matches the report's day is evidence in itself, so less wording must agree.
        threshold = 0.15 if cue[0] in ("weekday", "last_weekday") else 0.3
        # The same happening: the same named people, places or numbers, and more of them for a sentence that
        # gives no time at all.
        names_needed = _NAMES_NEEDED[cue[0]]
        if cue[0] == "undated" and len(own) < _REPORT_WORDS:
            continue
        matches: list[tuple[float, DatedReport, date]] = []
        for number in sorted({n for key in own_keys for n in by_key.get(key, ())}):
            report, day = usable[number]
            shared_keys = _shared_names(own_names, _names(report.sentence), recurring)
            if shared_keys < names_needed:
                continue
            if cue[0] in ("weekday", "last_weekday"):
                if report.undated and day.weekday() != cue[1]:
                    day -= timedelta(days=1)
                if day.weekday() != cue[1]:
                    continue
            theirs = sentence_words(report.sentence)
            shared = own & theirs
            # ... and the same action: some shared word that is not a name or a number.
            if len(shared) < 3 or not _same_action(actions, shared, own_keys, theirs):
                continue
            score = sum(weight(w) for w in shared) / min(sum(weight(w) for w in own), sum(weight(w) for w in theirs))
            if report.undated:
                score *= 0.6
            # Three names in common and the same action make the wording's overlap matter less.
            if score >= (threshold / 2 if shared_keys >= 3 else threshold):
                matches.append((score, report, day))
        if not matches:
            continue
        score, report, day = max(matches, key=lambda match: match[0])
        # Evidence that fits reports of several happenings weeks apart ("the president" on a Thursday) fits none.
        if any(abs((other - day).days) > _SAME_HAPPENING_DAYS for _, _, other in matches):
            continue
        first, last, reading = _bounds(cue, day)
        strength = 1.0 if cue[0] != "undated" else 0.6
        published = f", published {format_day(report.published)}" if report.published else ""
        constraints.append(
            _Constraint(
                first, last, score * strength,
                f"“{_short(sentence)}” ({reading}) matches “{_short(report.sentence)}” in "
                f"{report.source_label}{published}, "
                f"dated {format_day(day)}",
            )
        )
    if not constraints:
        return current
    chosen, first, last = _agreement(constraints)
    # Reports that disagree much are no evidence: the article may tell of several happenings of different weeks.
    against_chosen = [c for c in constraints if c not in chosen]
    if sum(c.weight for c in against_chosen) * 2 >= sum(c.weight for c in chosen):
        refused = f"corroborated {format_day(first)}: other reports allow other days: " + "; ".join(
            c.explanation for c in against_chosen
        )
        return replace(current, rejected=(*current.rejected, refused))
    # A year or month an editor gave bounds the result; one inferred from the content does not outweigh other
    # articles' dated reports, which must still pass the same content checks below.
    if current.date is not None and current.precision in ("year", "month") and current.how != PublishedHow.INFERRED:
        if current.value != first.isoformat()[: len(current.value)]:
            return current
    if not isinstance(doc, str) and (against := contradictions(doc, first, layout)):
        refused = f"corroborated {format_day(first)}: " + "; ".join(against)
        return replace(current, rejected=(*current.rejected, refused))
    width = (last - first).days
    confidence = 0.5 + 0.1 * min(len(chosen) - 1, 2) + (0.1 if width <= 1 else 0.0)
    if current.how == PublishedHow.CORROBORATED and current.confidence >= confidence:
        return current
    window = ""
    if width:
        window = f" (the reports allow {format_day(first)} to {format_day(last)}; the earliest is taken)"
    evidence = "corroborated: " + "; ".join(c.explanation for c in chosen) + window
    confidence = round(min(confidence, 0.8), 2)
    return PublicationDate(first, "day", PublishedHow.CORROBORATED, evidence, confidence, current.rejected)


#: A sentence that gives no time is matched only when it reports something: not a fragment of a few words.
_REPORT_WORDS = 6
#: How much naming a sentence and a report must share (see `shared_names`), by what the sentence says of its time: a
#: matching weekday already narrows the happening down, a sentence that gives no time needs the most.
_NAMES_NEEDED = {"weekday": 1.5, "last_weekday": 1.5, "yesterday": 2.0, "today": 2.0, "this_week": 2.0, "undated": 3.0}
#: The reports a sentence matches may date one happening a few days apart; weeks apart, they are of several.
_SAME_HAPPENING_DAYS = 6
#: A name the reports give for happenings of this many different weeks recurs in the news: half its weight.
_RECURRING_WEEKS = 3
#: A country, its capital, its people or a well-known organization is in the news every day: half a name.
_WIDELY_NAMED = 0.5
#: Fewer words than this, or fewer than a third of them in lower case, is a menu, a heading or a label: no report.
_PROSE_WORDS = 4
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# Lines about the page itself rather than a happening: "A version of this article appears in print on ...".
_ABOUT_THE_PAGE = re.compile(
    r"\b(?:this|our)\s+(?:article|site|website|web\s+site|page|newsletter)\b|\bappears?\s+in\s+print\b", re.I
)
_AHEAD = re.compile(r"\b(?:will|would|could|may|might|shall)\b")
# Words every report shares whatever it is about: offices, speaking, news. They are no action in common.
_NOT_ACTIONS = frozenset(
    "say said says told tell statement spokesman spokeswoman spokesperson press pres secretary minister president "
    "official officials govern government country countr people peopl year week month day time news report".split()
)
_NOT_NAMES = frozenset(
    "i mr mrs ms dr sir the a an and but if in on at of for to by it he she we they this that these those "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december today yesterday tonight tomorrow former".split()
)
# A word capitalized inside a sentence ("G20" too), or a number of two digits or more (not a time of day or part of a
# numeric date).
_KEY = re.compile(
    r"(?<=[\w,;:’'\"”)] )(?P<word>[A-ZÀ-Þ][\w’'-]*[^\W_])|(?<![:/])\b(?P<number>\d[\d,.]*\d)\b(?![:/]\d)"
)
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


@dataclass(frozen=True)
class _Name:
    """A name or number of a sentence. `key` is what another sentence must share: a name's last word (a surname:
    "Ilse Marten" and "Marten" are one person), a number, or the country or organization a name stands for."""

    key: str
    words: tuple[str, ...]
    weight: float


def _sentence_names(sentence: str) -> list[_Name]:
    """The names of a sentence (runs of capitalized words inside it) and its numbers other than years.

    Titles are no names ("President", "Gov."), nor the words that qualify one ("Interior" in "Interior Minister");
    a country, capital, people or well-known organization is a name of its own ("Norwegian" in "Norwegian Health
    Minister"), worth half a name, since the news names them every day.
    """
    names: list[_Name] = []
    run: list[str] = []
    end = -1

    def close(qualifies_a_title: bool = False) -> None:
        if run and not qualifies_a_title:
            names.append(_named(run))
        run.clear()

    for m in _KEY.finditer(sentence):
        word = re.sub(r"[’']s$", "", m[0]).lower().rstrip(".,")
        follows = m.start() == end + 1 and sentence[end] == " "
        end = m.end()
        if m["number"]:
            close()
            if not _YEAR.fullmatch(word):
                names.append(_Name(word, (word,), 1.0))
        elif word in HONORIFICS or word in ROLE_WORDS:
            close(qualifies_a_title=follows)
        elif word in _NOT_NAMES:
            close()
        elif _widely_named(word) is not None:
            close()
            names.append(_named([word]))
        else:
            if not follows:
                close()
            run.append(word)
    close()
    return names


def _named(words: list[str]) -> _Name:
    if (known := _widely_named(" ".join(words))) is not None:
        return _Name(known, tuple(words), _WIDELY_NAMED)
    return _Name(words[-1], tuple(words), 1.0)


def _widely_named(name: str) -> str | None:
    """The country or well-known organization a name stands for ("Norwegian" -> "Norway"); a capital or seat of
    government is a place of its own ("Oslo")."""
    if (country := country_named(name) or country_of_demonym(name)) is not None:
        return country.name
    if country_of_metonym(name) is not None:
        return name
    organization = organization_named(name)
    return organization.name if organization is not None else None


@lru_cache(maxsize=1 << 16)
def specific_keys(sentence: str) -> frozenset[str]:
    """What may tie a sentence to one happening: the words of the names it uses (capitalized words inside the
    sentence, without titles), the countries and organizations they stand for, and its numbers other than years.
    Cached: every article without a date is matched against the same reports."""
    return frozenset(key for name in _sentence_names(sentence) for key in (name.key, *name.words))


@lru_cache(maxsize=1 << 16)
def _names(sentence: str) -> dict[str, float]:
    """The sentence's names and numbers by key (see `_Name`), with their weights. Cached: every article without a
    date is matched against the same reports (the dict is not to be changed)."""
    names: dict[str, float] = {}
    for name in _sentence_names(sentence):
        names[name.key] = max(name.weight, names.get(name.key, 0.0))
    return names


def _recurring_names(usable: list[tuple[DatedReport, date]]) -> frozenset[str]:
    """Names the reports give for happenings of many different weeks (a head of state, a club): no sign by themselves
    of one happening. Rare names are what the reports of one happening share."""
    weeks: dict[str, set[tuple[int, int]]] = {}
    for report, day in usable:
        week = day.isocalendar()[:2]
        for key in _names(report.sentence):
            weeks.setdefault(key, set()).add(week)
    return frozenset(key for key, seen in weeks.items() if len(seen) >= _RECURRING_WEEKS)


def _shared_names(own: dict[str, float], theirs: dict[str, float], recurring: frozenset[str] = frozenset()) -> float:
    """How much naming two sentences share: each name or number both use counts once, by its weight, halved for a
    name the reports give for many weeks' happenings."""
    return sum(
        min(weight, theirs[key]) * (0.5 if key in recurring else 1.0) for key, weight in own.items() if key in theirs
    )


@lru_cache(maxsize=1 << 16)
def _tells_news(sentence: str) -> bool:
    """Whether a sentence can report a happening: prose (a menu, heading or label is mostly capitalized words), not
    site furniture or a line about the page itself."""
    words = _WORD.findall(sentence)
    if len(words) < _PROSE_WORDS or 3 * sum(word[0].islower() for word in words) < len(words):
        return False
    return not (FURNITURE.search(sentence) or _ABOUT_THE_PAGE.search(sentence))


def _sentences_for_corroboration(doc: Doc | str, layout: PageLayout) -> list[_Sentence]:
    """The body's sentences that can report a happening, each with the stems of its verbs (its actions), or None
    when only text is at hand."""
    if isinstance(doc, str):
        return [
            _Sentence(part, None, bool(_AHEAD.search(part.lower())))
            for block in layout.body
            for part in (p.strip() for p in re.split(r"(?<=[.!?][\"”’]?)\s+(?=[A-Z“\"])", block.text))
            if _tells_news(part)
        ]
    found = []
    for sentence in body_sentences(doc, layout):
        if not _tells_news(sentence.text):
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        # What is done: verbs, and nouns heading their phrase ("talks", "agreement"; not "transport" in
        # "transport minister").
        doings = [
            t for t in span if t.pos_ == "VERB" or (t.pos_ == "NOUN" and t.dep_ != "compound")
        ] if span is not None else []
        actions = frozenset(
            stem for t in doings for stem in sentence_words(f"{t.lemma_} {t.text}") if stem not in _NOT_ACTIONS
        )
        weekdays = list(WEEKDAY_CUE.finditer(sentence.text))
        ahead = len(weekdays) == 1 and clause_tense(doc, sentence.start + weekdays[0].start("day")) == FUTURE
        found.append(_Sentence(sentence.text, actions, ahead))
    return found


def _same_action(
    actions: frozenset[str] | None, shared: frozenset[str], own_keys: frozenset[str], theirs: frozenset[str]
) -> bool:
    """Whether the report tells of the sentence's own action ("met" and "meeting" share the stem "meet")."""
    if actions is None:
        return bool(shared - own_keys - _NOT_ACTIONS)
    return any(
        action in theirs
        or any(word.startswith(action) or (len(word) >= 5 and action.startswith(word)) for word in theirs)
        for action in actions if len(action) >= 3
    )


def _cue(sentence: str) -> tuple[str, int] | None:
    """What a sentence says about when its happening was, relative to publication."""
    lowered = sentence.lower()
    if re.search(r"\byesterday\b", lowered):
        return ("yesterday", 0)
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", lowered):
        return ("today", 0)
    if re.search(r"\b(earlier )?this week\b", lowered):
        return ("this_week", 0)
    weekdays = list(WEEKDAY_CUE.finditer(sentence))
    if len(weekdays) == 1:
        m = weekdays[0]
        return ("last_weekday" if m["last"] else "weekday", WEEKDAY_NAMES.index(m["day"].lower()))
    if not weekdays and not OTHER_TIME_WORDS.search(sentence) and not _AHEAD.search(lowered):
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
        return day, day + timedelta(days=6), f"“{WEEKDAY_NAMES[cue[1]].title()}”: that day or within the next six"
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


def dated_reports(
    doc: Doc,
    publication: PublicationDate,
    source_label: str,
    layout: PageLayout | None = None,
    timexes: list[Timex] | None = None,
) -> list[DatedReport]:
    """The day-dated happenings of an article whose publication day was given (printed, front matter, an editor's),
    for corroborating others; sentences that cannot report a happening (menus, site furniture) are left out.

    Dates come from the temporal engine resolved against the publication day (`timexes`, when already
    resolved against it); a named weekday the engine leaves unresolved is read as the most recent such
    day on or before publication.
    """
    # A date worked out or itself borrowed from other articles is never lent on: one wrong borrowing would spread.
    if publication.date is None or publication.precision != "day" or publication.how not in RELIABLE_HOW:
        return []
    sentences = body_sentences(doc, layout if layout is not None else page_layout(doc.text))
    starts = [sentence.start for sentence in sentences]
    inside_of: dict[int, list[Timex]] = {}
    for timex in find_timexes(doc, publication.date) if timexes is None else timexes:
        index = bisect_right(starts, timex.start) - 1
        if index >= 0 and timex.start < sentences[index].end:
            inside_of.setdefault(index, []).append(timex)
    reports = []
    for index, sentence in enumerate(sentences):
        if not _tells_news(sentence.text):
            continue
        inside = inside_of.get(index, [])
        days = [
            t.value[:10] for t in inside
            if (r := t.range) is not None and r.precision == "day"
            and not (r.start > publication.date and clause_tense(doc, t.start) == PAST)
        ]
        if not days:
            days = [d.isoformat() for d in _weekday_days(doc, sentence, publication.date)]
        for value in dict.fromkeys(days):
            reports.append(DatedReport(sentence.text, value, source_label, publication.date))
        # The lead of a news story reports the day's news without a date; later paragraphs give background.
        if not days and not inside and index < max(3, len(sentences) // 3) and _is_undated_news(doc, sentence):
            reports.append(
                DatedReport(sentence.text, publication.date.isoformat(), source_label, publication.date, True)
            )
    return reports


def _is_undated_news(doc: Doc, sentence: BodySentence) -> bool:
    text = sentence.text
    if len(text.split()) < 5 or OTHER_TIME_WORDS.search(text) or RECENCY.search(text) or WEEKDAY_CUE.search(text):
        return False
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    root = span.root if span is not None else None
    return root is not None and clause_tense(doc, root.idx) == PAST


def _weekday_days(doc: Doc, sentence: BodySentence, published: date) -> list[date]:
    """Named weekdays read as news does: the last such day for a past happening, the next for a future one."""
    days = []
    for m in WEEKDAY_CUE.finditer(sentence.text):
        weekday = WEEKDAY_NAMES.index(m["day"].lower())
        tense = clause_tense(doc, sentence.start + m.start("day"))
        if tense == PAST:
            back = (published.weekday() - weekday) % 7 or (7 if m["last"] else 0)
            days.append(published - timedelta(days=back))
        elif tense == FUTURE or re.search(r"\b(until|by|next)\s+$", sentence.text[: m.start("day")]):
            days.append(published + timedelta(days=(weekday - published.weekday()) % 7))
    return days
