"""Resolution: what each detected expression means, as a TIMEX3 value worked out from the right anchor.

The anchor is the publication date for deictic expressions ("last week"), the previous date of the
narrative for anaphoric ones ("a week later", "the next day"), or a named happening for
"a week before the inauguration" (left for the events step to resolve).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .calendar_math import UNIT_PRECISION, add_months, format_at, shift, unit_name, unresolved, value_start
from .calendar_readings import AHEAD, BACK, POINT_MODS, CalendarReadings, norm
from .lexicon import WEEKDAYS
from .offset_readings import _DURATION_LETTER, FINE_PRECISIONS, OffsetReadings, _pod_code
from .patterns import Mention
from .tense import FUTURE, PAST
from .timex import Reading
from .values import WEEKDAY_ABBR

_NARRATIVE = ("the following", "the previous", "the prior", "the preceding", "that", "the same")


@dataclass(frozen=True)
class Reference:
    """The latest date of the narrative: what "the next day" and "a year earlier" count from."""

    day: date
    precision: str
    value: str
    position: int


class Resolver(CalendarReadings, OffsetReadings):
    """Resolves mentions in text order, keeping the narrative reference up to date."""

    def __init__(
        self,
        anchor: date | None,
        direction_of: Callable[[int, int, bool], str],
        event_after: Callable[[int], str],
        opens_present_clause: Callable[[int, int], bool] = lambda start, end: False,
    ) -> None:
        self.anchor = anchor
        self.direction_of = direction_of
        self.event_after = event_after
        self.opens_present_clause = opens_present_clause
        self.reference: Reference | None = None
        # The dates of the text named to the month or finer, for "a month later" after a mere year.
        self.fine_references: list[Reference] = []
        # The day the page says its story was last updated, when that is within days of the publication date.
        self.updated: date | None = None
        self.reported_quarter: date | None = None

    def resolve(self, mention: Mention) -> Reading | None:
        reading = getattr(self, "_" + mention.rule)(mention)
        if reading is not None and reading.type in ("DATE", "TIME") and reading.anchor != "event" and not reading.comparison:
            start = value_start(reading.value)
            if start is not None:
                self.reference = Reference(start[0], start[1], reading.value, mention.start)
                if start[1] in FINE_PRECISIONS:
                    self.fine_references.append(self.reference)
                # Results are reported for quarters already over; a quarter still running is a forecast.
                if start[1] == "quarter" and (self.anchor is None or add_months(start[0], 3) <= self.anchor):
                    self.reported_quarter = start[0]
        return reading

    # ----- helpers -------------------------------------------------------------------------------------------

    def _publication(
        self, compute: Callable[[date], str], precision: str, rule: str, kind: str = "DATE", mod: str = "",
        direction: str = "", suffix: str = "",
    ) -> Reading:
        """A reading worked out from the publication date, or left unresolved when there is none."""
        if self.anchor is None:
            return Reading(kind, unresolved(precision) + suffix, mod, "none", "", f"{rule} (no publication date known)", direction)
        return Reading(kind, compute(self.anchor) + suffix, mod, "publication", self.anchor.isoformat(), rule, direction)

    def _narrative_base(self, precision_wanted: str | None = None) -> tuple[date, str, str] | None:
        """(day, precision, kind) to count from: the narrative reference, else the publication date."""
        if self.reference is not None:
            return self.reference.day, self.reference.precision, "narrative"
        if self.anchor is not None:
            return self.anchor, precision_wanted or "day", "publication"
        return None

    def _from_narrative(
        self, compute: Callable[[date, str], str], rule: str, precision: str, kind: str = "DATE", mod: str = "",
    ) -> Reading:
        base = self._narrative_base(precision)
        if base is None:
            return Reading(kind, unresolved(precision), mod, "none", "", f"{rule} (nothing to count from)")
        day, base_precision, anchor_kind = base
        where = "the previous date in the text" if anchor_kind == "narrative" else "the publication date"
        value = compute(day, base_precision)
        return Reading(kind, value, mod, anchor_kind, format_at(day, base_precision), f"{rule}, counted from {where}")

    def _year_for(self, month: int, day: int | None, direction: str) -> tuple[int, str]:
        """The year of a month (and day) given without one, from the sentence's direction."""
        assert self.anchor is not None
        anchor = self.anchor
        here = (month, day or 1) if day else (month, 0)
        now = (anchor.month, anchor.day) if day else (anchor.month, 0)
        if direction == PAST and here > now:
            return anchor.year - 1, "the last one on or before the publication date (the sentence looks back)"
        if direction == FUTURE and here < now:
            return anchor.year + 1, "the next one on or after the publication date (the sentence looks ahead)"
        if not direction and not day:
            ahead = (month - anchor.month) % 12
            if 0 < ahead <= 2:
                return anchor.year + (month < anchor.month), "the coming one, a month or two after the publication date"
            return anchor.year - (month > anchor.month), "the last one on or before the publication date"
        return anchor.year, "in the publication year"

    def _year_for_day(self, month: int, day: int, direction: str) -> tuple[int, str]:
        """A day and month close to the publication date are that occurrence whatever the tense
        ("has set Nov. 10 as the deadline" in a Nov. 2 article); farther ones follow the sentence's direction."""
        assert self.anchor is not None
        anchor = self.anchor
        candidates = []
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                candidates.append((abs((date(year, month, day) - anchor).days), year))
            except ValueError:
                continue
        if not candidates:
            return anchor.year, "in the publication year"
        distance, nearest = min(candidates)
        if distance <= 45 or not direction:
            return nearest, "the nearest such day to the publication date"
        return self._year_for(month, day, direction)

    def _direction(self, mention: Mention, cautious: bool = False) -> str:
        return self.direction_of(mention.start, mention.end, cautious)

    # ----- absolute dates --------------------------------------------------------------------------------------

    def _relative(self, m: Mention) -> Reading | None:
        rel = norm(m.group("rel"))
        unit = unit_name(m.group("unit"))
        mod = POINT_MODS.get(norm(m.group("rmod")), "")
        text = m.text.lower()
        if rel == "the full" and unit == "year":
            return self._publication(lambda anchor: str(anchor.year), "year", "'the full year': the publication year")
        if rel == "the" and not mod and unit != "day":
            return self._bare_unit(m, unit)
        if rel in _NARRATIVE or unit == "day":
            if unit == "day" and rel in ("this", "current", "the current"):
                return None
            day_unknown = unit == "day" and self.reference is not None and self.reference.precision != "day"
            if day_unknown and rel == "the" and not mod:
                # "the day belonged to ...", "during the day": no particular day is named.
                return None
            step = {"the following": 1, "the next": 1, "next": 1, "following": 1, "the previous": -1, "the prior": -1,
                    "the preceding": -1, "previous": -1, "the last": -1, "last": -1}.get(rel, 0)
            precision = UNIT_PRECISION.get(unit, "year") if unit != "weekend" else "weekend"

            def compute(day: date, base_precision: str) -> str:
                if day_unknown:
                    # "that day" after "in 1987": the day is within 1987, and no more is known.
                    return format_at(day, base_precision)
                return format_at(shift(day, unit if unit != "weekend" else "week", step), precision)

            return self._from_narrative(compute, f"'{text}'", precision, mod=mod)
        if unit == "weekend":
            return self._weekend(m, rel, mod)
        if rel in ("the latest", "current", "the current", "this", "the"):
            step = 0
        elif rel in BACK:
            step = -1
        else:
            step = 1
        precision = {"decade": "decade", "century": "century"}.get(unit, UNIT_PRECISION[unit])
        step_unit = "year" if unit in ("decade", "century") and step == 0 else unit
        if unit == "year" and rel in ("the past", "the last") and self._is_span_reading(m):
            return Reading("DURATION", "P1Y", mod, "none", "", f"'{text}': the year up to the publication date")
        explained = {0: f"the {unit} of the publication date", -1: f"the {unit} before the publication date's",
                     1: f"the {unit} after the publication date's"}[step]
        return self._publication(lambda anchor: format_at(shift(anchor, step_unit, step), precision), precision,
                                 f"'{text}': {explained}", mod=mod)

    def _is_span_reading(self, m: Mention) -> bool:
        """'over the past year' measures a stretch of time; 'in the past year' places something in one."""
        before = m.match.string[max(0, m.start - 12) : m.start].lower()
        return bool(re.search(r"\b(?:over|for|during|throughout)\s+$", before))

    def _bare_unit(self, m: Mention, unit: str) -> Reading | None:
        before = m.match.string[max(0, m.start - 12) : m.start].lower()
        after = m.match.string[m.end : m.end + 10].lower()
        # "the year ended March 31" is a twelve-month period, not the calendar year; "for the year" in a
        # report is the current one ("For the year, volume was flat").
        if unit in ("year", "month", "week") and (
            re.search(r"\b(?:throughout|all|over)\s+$", before) or re.match(r"\s+(?:ended|ending)\b", after)
        ):
            return Reading("DURATION", f"P1{_DURATION_LETTER[unit]}", "", "none", "", f"'the {unit}' as a length of time")
        if unit == "weekend":
            return self._weekend(m, "the", "")
        precision = {"decade": "decade", "century": "century"}.get(unit, UNIT_PRECISION[unit])
        return self._publication(lambda anchor: format_at(anchor, precision), precision,
                                 f"'the {unit}': the {unit} of the publication date")

    def _weekend(self, m: Mention, rel: str, mod: str) -> Reading:
        direction = ""
        if rel in BACK:
            def compute(anchor: date) -> str:
                saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7 or 7)
                return format_at(saturday, "weekend")
            rule = "the last weekend before the publication date"
        elif rel in AHEAD:
            def compute(anchor: date) -> str:
                return format_at(anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7), "weekend")
            rule = "the first weekend after the publication date"
        else:
            direction = self._direction(m)
            if direction == FUTURE:
                def compute(anchor: date) -> str:
                    return format_at(anchor + timedelta(days=(5 - anchor.weekday()) % 7), "weekend")
                rule = "the coming weekend (the sentence looks ahead)"
            else:
                def compute(anchor: date) -> str:
                    if anchor.weekday() >= 5:
                        return format_at(anchor, "weekend")
                    return format_at(anchor - timedelta(days=(anchor.weekday() - 5) % 7), "weekend")
                rule = "the latest weekend on or before the publication date"
        return self._publication(compute, "week", f"'{m.text.lower()}': {rule}", mod=mod, direction=direction, suffix="")

    def _relative_in(self, m: Mention) -> Reading | None:
        unit = unit_name(m.group("unit"))
        mod = POINT_MODS.get(norm(m.group("rmod")), "")
        precision = {"decade": "decade"}.get(unit, UNIT_PRECISION[unit])
        if unit == "day":
            return self._from_narrative(lambda day, _p: format_at(day, "day"), f"'{m.text.lower()}'", "day", mod=mod)
        return self._publication(lambda anchor: format_at(anchor, precision), precision,
                                 f"'{m.text.lower()}': part of the {unit} of the publication date", mod=mod)

    def _year_adjective(self, m: Mention) -> Reading | None:
        word = norm(m.group("yearadj"))
        if word == "year to date":
            return None
        if word in ("year end", "year's end"):
            return self._publication(lambda anchor: str(anchor.year), "year", "year end: the end of the publication year", mod="END")
        if self.reported_quarter is not None and self.reference is not None and m.start - self.reference.position < 400:
            day = add_months(self.reported_quarter, -12)
            return Reading("DATE", format_at(day, "quarter"), "", "narrative", format_at(self.reported_quarter, "quarter"),
                           "year-earlier: the same quarter a year before the one last named", comparison=True)
        reading = self._publication(lambda anchor: str(anchor.year - 1), "year", "year-earlier: the year before the publication year")
        return replace(reading, comparison=True)

    # ----- days, weekdays and times ----------------------------------------------------------------------------

    def _day_word(self, m: Mention) -> Reading | None:
        word = norm(m.group("dayword"))
        days = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                "the day after tomorrow": 2}[word]
        mod = POINT_MODS.get(norm(m.group("dmod")), "")
        pod = m.group("pod")
        suffix = f"T{_pod_code(pod)}" if pod else "TNI" if word == "tonight" else ""
        kind = "TIME" if suffix else "DATE"
        rule = {0: f"'{word}': the publication date", -1: "'yesterday': the day before the publication date",
                1: "'tomorrow': the day after the publication date"}.get(days, f"'{word}'")
        return self._publication(lambda anchor: (anchor + timedelta(days=days)).isoformat(), "day", rule, kind, mod,
                                 suffix=suffix)

    def _weekday(self, m: Mention) -> Reading | None:
        weekday = WEEKDAYS[m.group("weekday").lower()]
        name = m.group("weekday").capitalize()
        pod = m.group("pod")
        suffix = f"T{_pod_code(pod)}" if pod else ""
        kind = "TIME" if pod else "DATE"
        if m.group("plural") or m.group("podplural"):
            return Reading("SET", f"XXXX-WXX-{weekday + 1}{suffix}", "", "none", "", f"every {name}")
        mod = POINT_MODS.get(norm(m.group("wmod")), "")
        rel = norm(m.group("wrel"))
        if rel in ("the following", "the next", "the previous", "the last", "the same") and self.reference is not None \
                and self.reference.precision == "day":
            base = self.reference.day
            if rel in ("the following", "the next"):
                day = base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
            elif rel == "the same":
                day = base
            else:
                day = base - timedelta(days=(base.weekday() - weekday) % 7 or 7)
            return Reading(kind, day.isoformat() + suffix, mod, "narrative", base.isoformat(),
                           f"'{m.text}': counted from the previous date in the text")
        direction = ""
        if rel in ("last", "past", "previous", "the previous", "the last"):
            def compute(anchor: date) -> str:
                return (anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or 7)).isoformat()
            rule, direction = f"'last {name}': the {name} before the publication date", PAST
        elif rel in ("next", "coming", "following", "the following", "the next"):
            def compute(anchor: date) -> str:
                return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)).isoformat()
            rule, direction = f"'next {name}': the {name} after the publication date", FUTURE
        elif rel == "this":
            def compute(anchor: date) -> str:
                return (anchor + timedelta(days=weekday - anchor.weekday())).isoformat()
            rule = f"'this {name}': the {name} of the publication week"
        else:
            direction = self._direction(m, cautious=True)
            if direction == FUTURE:
                def compute(anchor: date) -> str:
                    return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7)).isoformat()
                rule = f"weekday: the first {name} on or after the publication date (the sentence looks ahead)"
            elif self.updated is not None and self.updated.weekday() == weekday:
                updated = self.updated
                def compute(anchor: date) -> str:
                    return updated.isoformat()
                rule = f"weekday: the day the story was last updated, a {name}"
            else:
                def compute(anchor: date) -> str:
                    return (anchor - timedelta(days=(anchor.weekday() - weekday) % 7)).isoformat()
                rule = f"weekday: the most recent {name} on or before the publication date"
        return self._publication(compute, "day", rule, kind, mod, direction, suffix)

    def _part_of_day(self, m: Mention) -> Reading | None:
        if m.group("overnight"):
            return self._from_narrative(lambda day, p: format_at(day, "day") + "TNI" if p == "day" else format_at(day, p),
                                        "'overnight'", "day", "TIME")
        pod = m.group("pod") or m.group("pod2")
        code = _pod_code(pod)
        rel = norm(m.group("prel"))
        mod = POINT_MODS.get(rel.split()[0], "") if rel.split() and rel.split()[0] in ("early", "late", "earlier", "later") else ""
        mod = mod or POINT_MODS.get(norm(m.group("pmod2")), "")
        rel_word = rel.split()[-1] if rel else ""
        if m.group("pday"):
            days = {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group("pday").lower()]
            return self._publication(lambda anchor: (anchor + timedelta(days=days)).isoformat(), "day",
                                     f"'{m.text.lower()}': counted from the publication date", "TIME", mod,
                                     suffix=f"T{code}")
        if rel in ("the next", "the following", "the previous", "the same") or rel_word == "that" or not rel:
            step = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
            return self._from_narrative(
                lambda day, p: (day + timedelta(days=step)).isoformat() + f"T{code}" if p == "day" else format_at(day, p),
                f"'{m.text.lower()}'", "day", "TIME", mod,
            )
        days = -1 if rel_word == "last" else 0
        rule = "'last night': the night before the publication date" if days else f"'{m.text.lower()}': the publication date"
        return self._publication(lambda anchor: (anchor + timedelta(days=days)).isoformat(), "day", rule, "TIME", mod,
                                 suffix=f"T{code}")

    def _clock(self, m: Mention) -> Reading | None:
        if m.group("noon"):
            word = m.group("noon").lower()
            hour, minute = (24, 0) if word == "midnight" else (12, 0)
        elif m.group("hour24"):
            hour, minute = int(m.group("hour24")), int(m.group("minute24"))
        else:
            hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
            pm = m.group("ampm").lower().startswith("p")
            if pm and hour < 12:
                hour += 12
            if not pm and hour == 12:
                hour = 0
        clock = f"T{hour:02d}:{minute:02d}"
        mod = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX"}.get(norm(m.group("cmod")), "")
        if m.group("cmod") and not mod:
            mod = "BEFORE" if "before" in m.group("cmod").lower() else "AFTER"
        if m.group("wmonth"):
            day_reading = self._calendar_day(
                m, m.group("wmonth"), m.group("wmonthday"), m.group("wyear"), m.group("cweekday")
            )
            if day_reading is None:
                return None
            return replace(day_reading, type="TIME", value=day_reading.value + clock, mod=mod,
                           rule=f"clock time on {day_reading.rule}")
        if m.group("cweekday"):
            weekday = WEEKDAYS[m.group("cweekday").lower()]
            future = self._direction(m, cautious=True) == FUTURE
            def compute(anchor: date) -> str:
                if future:
                    return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7)).isoformat()
                return (anchor - timedelta(days=(anchor.weekday() - weekday) % 7)).isoformat()
            return self._publication(compute, "day", f"clock time on {WEEKDAY_ABBR[weekday]}", "TIME", mod, suffix=clock)
        if m.group("cmonth"):
            day_reading = self._calendar_day(m, m.group("cmonth"), m.group("cmonthday"), m.group("cyear"))
            if day_reading is None:
                return None
            return replace(day_reading, type="TIME", value=day_reading.value + clock, mod=mod,
                           rule=f"clock time on {day_reading.rule}")
        if m.group("cday"):
            days = {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group("cday").lower()]
            return self._publication(lambda anchor: (anchor + timedelta(days=days)).isoformat(), "day",
                                     f"clock time {m.group('cday').lower()}", "TIME", mod, suffix=clock)
        if self.reference is not None and self.reference.precision == "day":
            day = self.reference.day
            return Reading("TIME", day.isoformat() + clock, mod, "narrative", day.isoformat(), "clock time on the day last named in the text")
        return self._publication(lambda anchor: anchor.isoformat(), "day", "clock time on the publication date", "TIME", mod, suffix=clock)
