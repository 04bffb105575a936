"""Happenings: what several reports of events have in common, worked out on plain values.

`event_similarity` decides whether two reports describe one happening and `group_reports` /
`best_group` gather them; `choose_date` picks the better-supported date among a happening's reports
and flags a conflict; `importance` ranks happenings; `match_event_reference` finds the happening an
expression such as "a week before the president's inauguration" is anchored to.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .gazetteer import HONORIFICS, country_named, fold
from .keywords import text_keywords
from .temporal import DateRange, modified_range, value_range
from .temporal.calendar_math import format_at, shift
from .temporal.values import PRECISIONS


@dataclass(frozen=True)
class EventFeatures:
    """What merging looks at in one report (or one stored event).

    `actors` are canonical names of people, organizations and groups; `countries` are kept apart
    because most reports of one story share them. `keywords` come from `text_keywords`.
    """

    date: DateRange | None
    actors: frozenset[str]
    keywords: frozenset[str]
    headline: str = ""
    countries: frozenset[str] = frozenset()
    planned: bool = False
    # Words of the whole sentences, for recognizing the event a date expression refers to.
    context: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        headline: str,
        summary: str,
        date: DateRange | None,
        actors: Iterable[tuple[str, str]],
        planned: bool = False,
    ) -> EventFeatures:
        """Features from plain values; `actors` are (canonical name, kind) pairs, or any stable key in place
        of the name (a database id) as long as every report uses the same keys."""
        actors = list(actors)
        return cls(
            date=date,
            actors=frozenset(name for name, kind in actors if kind != "country"),
            # The headline says what happened; the rest of the sentence mostly adds background words.
            keywords=text_keywords(headline),
            headline=headline,
            countries=frozenset(name for name, kind in actors if kind == "country"),
            planned=planned,
            context=text_keywords(summary),
        )


# Score from which two reports are taken to describe the same happening.
MERGE_THRESHOLD = 0.5


def event_similarity(a: EventFeatures, b: EventFeatures) -> float:
    """How likely two reports describe one happening, from 0 to 1 (merge at MERGE_THRESHOLD).

    Dates that cannot both be right keep reports apart. Then the cast (people and organizations) and the
    wording count, each with a guard: different casts are different happenings even on the same day and
    in the same words ("X met Y" / "Z met W"); each side naming someone the other does not ("Berg met
    Volkonsky" / "Berg met Johnson") and reports sharing no words are held back.
    """
    date_score = _date_compatibility(a.date, b.date)
    if date_score == 0.0:
        return 0.0
    names = _name_words(a, b)
    word_score = _overlap(a.keywords - names, b.keywords - names)
    if a.actors and b.actors and not a.actors & b.actors:
        return round(0.25 * word_score * date_score, 3)
    if a.actors and b.actors:
        actor_score = len(a.actors & b.actors) / len(a.actors | b.actors)
    else:
        actor_score = 0.3 * _overlap(a.countries, b.countries)
    score = 0.4 * actor_score + 0.4 * word_score + 0.2 * date_score
    if a.actors - b.actors and b.actors - a.actors:
        score *= 0.6
    if word_score == 0.0 and not (a.actors == b.actors and len(a.actors) >= 2):
        score *= 0.6
    if a.planned != b.planned and date_score < 0.7:
        # What was announced and what happened on the same dates is one happening; otherwise a plan is not the deed.
        score *= 0.8
    return round(score, 3)


def best_group(
    report: EventFeatures, groups: Sequence[Sequence[EventFeatures]], threshold: float = MERGE_THRESHOLD
) -> int | None:
    """The index of the group of reports this one describes the same happening as, or None.

    A report joins the group it is most similar to on average (average over the group's reports, so a
    group cannot drift by chaining) when that reaches `threshold`; ties go to the larger group, then the latest.
    """
    scored = [
        (sum(event_similarity(report, member) for member in group) / len(group), len(group), position)
        for position, group in enumerate(groups)
        if group
    ]
    best = max(scored, default=None)
    return None if best is None or best[0] < threshold else best[2]


class GroupIndex:
    """Which groups of reports a new report could join, without scoring it against every group.

    `event_similarity` stays below MERGE_THRESHOLD unless the two reports share an actor or a keyword (the cast
    and the wording carry 0.8 of the score, dates at most 0.2 and countries alone 0.12), and a group's average
    reaches it only if one member does: so a report's candidates are the groups with a member that shares an
    actor or a keyword with it, in the order the groups were formed (`best_group`'s ties keep their meaning).
    """

    def __init__(self) -> None:
        self.groups_by_word: dict[str, set[int]] = {}

    @staticmethod
    def words(report: EventFeatures) -> set[str]:
        return {f"actor:{actor}" for actor in report.actors} | {f"word:{word}" for word in report.keywords}

    def add(self, group: int, report: EventFeatures) -> None:
        for word in self.words(report):
            self.groups_by_word.setdefault(word, set()).add(group)

    def candidates(self, report: EventFeatures) -> list[int]:
        found: set[int] = set()
        for word in self.words(report):
            found |= self.groups_by_word.get(word, set())
        return sorted(found)


def group_reports(reports: Sequence[EventFeatures], threshold: float = MERGE_THRESHOLD) -> list[list[int]]:
    """Group reports of the same happening, each joining its `best_group` among those formed before it."""
    groups: list[list[int]] = []
    for index, report in enumerate(reports):
        chosen = best_group(report, [[reports[member] for member in group] for group in groups], threshold)
        if chosen is None:
            groups.append([index])
        else:
            groups[chosen].append(index)
    return groups


def _name_words(a: EventFeatures, b: EventFeatures) -> set[str]:
    """Words of the actors' names, and of every name of their countries ("Moscow", "Kremlin", "Russian")."""
    names = [*a.actors, *b.actors]
    for country_name in (*a.countries, *b.countries):
        country = country_named(country_name)
        names += (
            [country_name]
            if country is None
            else [country.name, *country.aliases, *country.metonyms, *country.demonyms]
        )
    return {word for name in names for word in text_keywords(name)}


def _overlap(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """Overlap coefficient: a short headline's words found in a long one still count fully."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _date_compatibility(a: DateRange | None, b: DateRange | None) -> float:
    if a is None or b is None:
        return 0.3
    if a.start == b.start and a.end == b.end:
        return 1.0
    if a.overlaps(b):
        return 0.7
    gap = min(abs((a.start - b.end).days), abs((b.start - a.end).days))
    # A day apart is a time zone or a late report, not another happening.
    return 0.4 if gap <= 1 else 0.0


@dataclass(frozen=True)
class DateEvidence:
    """One report's date for an event. `anchor` as in Timex ("absolute", "publication", ...), or
    "publication_date" when the report had no date expression and took the article's date."""

    value: str
    range: DateRange
    source: str
    anchor: str = "absolute"
    approximate: bool = False


@dataclass(frozen=True)
class DateChoice:
    chosen: DateEvidence
    supporting_sources: int
    conflict: bool
    alternatives: list[DateEvidence]


def choose_date(evidence: Sequence[DateEvidence]) -> DateChoice:
    """The better-supported date among an event's reports: more sources agreeing, finer precision, an
    absolute date over a relative one, a stated date over the publication date. When reports cannot all be
    right (ranges that do not overlap), `conflict` is set and the other dates are listed for editors."""
    if not evidence:
        raise ValueError("choose_date needs at least one date")
    groups: list[list[DateEvidence]] = []
    for item in evidence:
        for group in groups:
            if all(item.range.overlaps(other.range) for other in group):
                group.append(item)
                break
        else:
            groups.append([item])

    def group_strength(group: list[DateEvidence]) -> tuple[int, int, int]:
        stated = sum(1 for e in group if e.anchor != "publication_date")
        return (len({e.source for e in group}), stated, max(_evidence_rank(e) for e in group))

    best = max(groups, key=group_strength)
    chosen = max(best, key=_evidence_rank)
    others = [e for e in evidence if not e.range.overlaps(chosen.range)]
    return DateChoice(chosen, len({e.source for e in best}), bool(others), others)


def _evidence_rank(evidence: DateEvidence) -> int:
    # Stored reports carry their range without its precision: the value still says it ("2017-07" is a month).
    named = evidence.range.precision or getattr(value_range(evidence.value), "precision", "")
    precision = PRECISIONS.index(named) if named in PRECISIONS else len(PRECISIONS)
    anchor_rank = {"absolute": 3, "publication": 2, "narrative": 1, "event": 1}.get(evidence.anchor, 0)
    return (len(PRECISIONS) - precision) * 10 + anchor_rank * 2 + (0 if evidence.approximate else 1)


def importance(
    sources: int, actor_prominence: Iterable[float], positions: Iterable[float], planned: bool = False
) -> float:
    """A score from 0 to 1: how many sources report the event, how prominent its actors are (each 0..1, see
    `actor_prominence`), and how near the top of its articles it stands (positions 0 = top)."""
    source_score = min(1.0, math.log2(1 + max(sources, 0)) / math.log2(1 + 5))
    prominence = sorted(actor_prominence, reverse=True)[:2]
    prominence_score = sum(prominence) / 2 if prominence else 0.0
    positions = list(positions)
    position_score = 1.0 - min(positions) if positions else 0.0
    score = 0.5 * source_score + 0.25 * prominence_score + 0.25 * position_score
    return round(score * (0.9 if planned else 1.0), 3)


def actor_prominence(sources_per_actor: dict[str, int]) -> dict[str, float]:
    """Each actor's share of the most-reported actor's sources, from 0 to 1."""
    top = max(sources_per_actor.values(), default=0)
    return {name: (count / top if top else 0.0) for name, count in sources_per_actor.items()}


def reference_keywords(event_ref: str) -> frozenset[str]:
    """The words an event must have for an expression to refer to it ("the president's inauguration")."""
    return text_keywords(" ".join(w for w in event_ref.split() if fold(w) not in HONORIFICS))


def match_event_reference(event_ref: str, events: Sequence[EventFeatures]) -> int | None:
    """The index of the dated event an expression refers to ("the president's inauguration"), or None.

    Every content word of the reference must appear in the event's headline, words or actor names;
    among several, the one with the finest date wins. Undated events never match.
    """
    wanted = reference_keywords(event_ref)
    if not wanted:
        return None
    best: tuple[tuple[int, int], int] | None = None
    for index, event in enumerate(events):
        if event.date is None or event.planned:
            continue
        names = {word for name in (*event.actors, *event.countries) for word in text_keywords(name)}
        available = event.keywords | event.context | names
        if not wanted <= available:
            continue
        rank = (1 if wanted <= text_keywords(event.headline) | names else 0, -(event.date.end - event.date.start).days)
        if best is None or rank > best[0]:
            best = (rank, index)
    return None if best is None else best[1]


_DURATION = re.compile(r"^([+-]?)P(\d+)([DWMY])$")
_DURATION_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def referenced_value(day: date, offset: str, placeholder: str) -> str:
    """The value of an event-anchored expression once its happening is dated: `day` moved by the ISO duration
    `offset` ("-P1W"), at the precision of the unresolved `placeholder` ("XXXX-WXX" → a week); "" when none."""
    match = _DURATION.match(offset or "")
    if match is None:
        return ""
    amount = int(match[2]) * (-1 if match[1] == "-" else 1)
    try:
        moved = shift(day, _DURATION_UNITS[match[3]], amount)
    except ValueError:
        return ""
    if "W" in placeholder:
        return format_at(moved, "week")
    if re.fullmatch(r"X{4}", placeholder):
        return format_at(moved, "year")
    return format_at(moved, "month" if re.fullmatch(r"X{4}-X{2}", placeholder) else "day")


def resolve_reference(
    event_ref: str, offset: str, placeholder: str, events: Sequence[EventFeatures]
) -> tuple[int, str] | None:
    """The dated happening an event-anchored expression refers to, and the expression's value counted from it:
    (index into `events`, TIMEX3 value), or None while no matching happening is dated."""
    index = match_event_reference(event_ref, events)
    if index is None:
        return None
    day = events[index].date
    assert day is not None
    value = referenced_value(day.start, offset, placeholder)
    return (index, value) if value and modified_range(value) is not None else None
