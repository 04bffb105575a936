"""Readings of counted offsets and durations ("three days later", "for two weeks"), sets, event references and
holidays. A part of `resolve.Resolver`, kept apart for its size."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from .calendar_math import UNIT_PRECISION, format_at, holiday_date, shift, unit_name, unresolved, value_start
from .calendar_readings import month_number, norm
from .lexicon import PARTS_OF_DAY, SEASONS, WEEKDAYS, number_value
from .patterns import RATE_BEFORE, Mention
from .tense import FUTURE, PAST
from .timex import Reading
from .values import MONTH_NAMES, PRECISIONS

if TYPE_CHECKING:
    from .resolve import Reference

_SET_WORDS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
    "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W", "semiannually": "P6M",
}
_PRESENT = {"now", "nowadays", "currently", "presently", "at present", "at the moment", "current"}
_PAST_REFS = {"recently", "more recently", "lately", "previously", "formerly", "the past", "recent"}
_DURATION_LETTER = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "month": "M", "quarter": "Q",
    "year": "Y",
}
_TIME_UNITS = {"second", "minute", "hour"}


def _pod_code(word: str) -> str:
    return PARTS_OF_DAY[word.lower()]


#: How far back (characters) the last finely dated point of the text may be to count an offset from it.
_NEAR_ENOUGH = 3000
#: Precisions that a counted offset in days, weeks or months can be counted from.
FINE_PRECISIONS = ("day", "week", "month")


class OffsetReadings:
    """The Resolver's readings of offsets, durations, sets, references and holidays (mixed into `resolve.Resolver`)."""

    # ----- counted offsets and durations -----------------------------------------------------------------------

    def _offset(self, m: Mention) -> Reading | None:
        unit = unit_name(m.group("unit"))
        if unit == "weekend":
            return None
        amount = number_value(m.group("num"))
        word = norm(m.group("dir"))
        backwards = word in ("ago", "earlier", "before", "back", "previously")
        mod = self._offset_mod(norm(m.group("qmod")), backwards, bool(m.group("orso")))
        precision = UNIT_PRECISION.get(unit, "year")
        text = m.text.lower()
        if word == "since":
            return self._duration_reading(m, unit)
        if amount is None:
            value = "PAST_REF" if backwards else "FUTURE_REF"
            return Reading("DATE", value, mod, "none", "", f"'{text}': an unspecified time {'before' if backwards else 'after'}")
        signed = -amount if backwards else amount
        offset = ("-" if backwards else "+") + self._duration_value(amount, unit)
        following = m.match.string[m.end : m.end + 3]
        if word in ("before", "after") and re.match(r"\s+[\w'\"$]", following):
            event = self.event_after(m.end)
            if event and word == "after" and self.anchor is not None and self.opens_present_clause(m.start, m.end):
                # "More than a week after X, Y has not ...": Y stands at the publication date, so X happened that
                # long before it. The expression dates X, the clause it is written in.
                return Reading("DATE", format_at(shift(self.anchor, unit, -amount), precision),
                               self._offset_mod(norm(m.group("qmod")), True, bool(m.group("orso"))), "publication",
                               self.anchor.isoformat(),
                               f"'{text} {event}': the sentence's main clause tells the present, so the event it "
                               f"follows came {self._duration_words(amount, unit)} before the publication date")
            if event:
                return Reading("DATE", unresolved(precision), mod, "event", "",
                               f"'{text} {event}': {self._duration_words(amount, unit)} {word} the event", "",
                               event_ref=event, offset=offset)
        if word in ("ago", "back", "from now", "hence"):
            if unit == "year" and self.reference is not None and self.reference.precision == "quarter" \
                    and self.reported_quarter is not None and m.start - self.reference.position < 400:
                day = shift(self.reported_quarter, unit, signed)
                return Reading("DATE", format_at(day, "quarter"), mod, "narrative", format_at(self.reported_quarter, "quarter"),
                               f"'{text}': the same quarter as the one last named, counted back", comparison=True)
            return self._publication(lambda anchor: format_at(shift(anchor, unit, signed), precision), precision,
                                     f"'{text}': counted from the publication date", mod=mod,
                                     direction=PAST if backwards else FUTURE)
        if unit == "year" and backwards and self.reported_quarter is not None and self.reference is not None \
                and self.reference.precision == "quarter":
            day = shift(self.reported_quarter, unit, signed)
            return Reading("DATE", format_at(day, "quarter"), mod, "narrative", format_at(self.reported_quarter, "quarter"),
                           f"'{text}': the same quarter as the one last named, counted back", comparison=True)
        if not backwards and self.reference is None and self.direction_of(m.start, m.end, True) != FUTURE:
            # "Seven decades later, the survivors still meet": later than a past the text has not dated, not
            # seven decades after the publication date.
            return Reading("DATE", "PAST_REF", mod, "none", "",
                           f"'{text}': later than a time the text has not dated, not counted from the publication date")
        finer = self._finer_reference(precision, m.start)
        if finer is not None:
            # Counted in months, known to the month: "about a month later" than 14 December is January.
            coarser = max(finer.precision, precision, key=PRECISIONS.index)
            return Reading("DATE", format_at(shift(finer.day, unit, signed), coarser), mod, "narrative",
                           finer.value,
                           f"'{text}', counted from the last date in the text named to the {finer.precision}",
                           comparison=backwards)
        reading = self._from_narrative(
            lambda day, base_precision: format_at(shift(day, unit, signed), base_precision), f"'{text}'", precision, mod=mod,
        )
        if not backwards and self._after_publication(reading) and self.direction_of(m.start, m.end, True) != FUTURE:
            # "He saw his first stranding at seven. Seven decades later, he has overseen 500": counted from a date
            # the story names only in passing, it would land after the story was written, which the sentence rules out.
            return Reading("DATE", "PAST_REF", mod, "none", "",
                           f"'{text}': later than a time the text has not dated, not after the publication date")
        return replace(reading, comparison=backwards)

    def _after_publication(self, reading: Reading) -> bool:
        start = value_start(reading.value)
        return self.anchor is not None and start is not None and start[0] > self.anchor

    def _finer_reference(self, precision: str, position: int) -> Reference | None:
        """ "Schools closed on 14 December 2015. ... last year's closure ... a month later": counting a month from
        "last year" says nothing; counting from the last date named to the month or finer inside that year does."""
        reference = self.reference
        if reference is None or precision not in FINE_PRECISIONS:
            return None
        if PRECISIONS.index(reference.precision) <= PRECISIONS.index(precision):
            return None
        for fine in reversed(self.fine_references):
            if position - fine.position > _NEAR_ENOUGH:
                return None
            within = format_at(fine.day, reference.precision) == reference.value
            if within and PRECISIONS.index(fine.precision) <= PRECISIONS.index(precision):
                return fine
        return None

    @staticmethod
    def _offset_mod(qmod: str, backwards: bool, or_so: bool) -> str:
        if or_so or qmod in ("about", "around", "approximately", "roughly", "nearly", "almost", "some"):
            return "APPROX"
        if qmod in ("more than", "over", "well over", "just over", "a little over", "a little more than"):
            return "BEFORE" if backwards else "AFTER"
        if qmod in ("less than", "under", "just under", "barely", "a little less than", "up to", "at most", "no more than"):
            return "AFTER" if backwards else "BEFORE"
        if qmod in ("at least", "no less than"):
            return "ON_OR_BEFORE" if backwards else "ON_OR_AFTER"
        return ""

    @staticmethod
    def _duration_words(amount: float, unit: str) -> str:
        count = f"{amount:g}"
        return f"{count} {unit}{'' if amount == 1 else 's'}"

    @staticmethod
    def _duration_value(amount: float | None, unit: str) -> str:
        """TIMEX3 duration: P3Y, PT24H, P2Y6M, PXD."""
        if unit == "fortnight":
            unit, amount = "week", None if amount is None else amount * 2
        elif unit == "decade":
            unit, amount = ("year", amount * 10) if amount is not None else ("decade", None)
        elif unit in ("century", "millennium"):
            factor = 100 if unit == "century" else 1000
            unit, amount = ("year", amount * factor) if amount is not None else (unit, None)
        elif unit == "weekend":
            unit, amount = "day", None if amount is None else amount * 2
        letter = {"decade": "DE", "century": "CE", "millennium": "ML"}.get(unit) or _DURATION_LETTER[unit]
        prefix = "PT" if unit in _TIME_UNITS else "P"
        if amount is None:
            return f"{prefix}X{letter}"
        whole = int(amount)
        if amount == whole:
            return f"{prefix}{whole}{letter}"
        halves = {"year": ("M", 6), "day": ("TH", 12), "hour": ("M", 30), "minute": ("S", 30)}
        if amount - whole == 0.5 and unit in halves:
            smaller, count = halves[unit]
            if smaller == "TH":
                return f"P{whole}DT12H" if whole else "PT12H"
            return f"{prefix}{whole}{letter}{count}{smaller}" if whole else f"{prefix}{count}{smaller}"
        return f"{prefix}{amount:g}{letter}"

    def _duration_reading(self, m: Mention, unit: str) -> Reading:
        amount = number_value(m.group("num"))
        if m.group("num2"):
            amount = None
        hedge = m.group("orso")
        if "half" in hedge:
            # "a minute and a half" is exact, not a hedge.
            amount = None if amount is None else amount + 0.5
            hedge = ""
        value = self._duration_value(amount, unit)
        qmod = norm(m.group("qmod"))
        mod = ""
        if "more" in hedge:
            mod = "EQUAL_OR_MORE"
        elif hedge or qmod in ("about", "around", "approximately", "roughly", "nearly", "almost", "some"):
            mod = "APPROX"
        elif qmod in ("more than", "over", "well over", "just over", "a little over", "a little more than"):
            mod = "MORE_THAN"
        elif qmod in ("less than", "under", "just under", "barely", "a little less than"):
            mod = "LESS_THAN"
        elif qmod in ("at least", "no less than"):
            mod = "EQUAL_OR_MORE"
        elif qmod in ("at most", "no more than", "up to"):
            mod = "EQUAL_OR_LESS"
        return Reading("DURATION", value, mod, "none", "", f"length of time: {m.text.lower()}")

    def _duration(self, m: Mention) -> Reading | None:
        unit = unit_name(m.group("unit"))
        return self._duration_reading(m, unit)

    def _vague_ago(self, m: Mention) -> Reading | None:
        word = m.group("dir").lower()
        value = "FUTURE_REF" if word == "later" else "PAST_REF"
        return Reading("DATE", value, "", "none", "", f"'{m.text.lower()}': an unspecified time {'after' if word == 'later' else 'before'}")

    def _long_unit(self, m: Mention) -> Reading | None:
        """"day-long", "weeklong": one unit; "decades-long": an unspecified number of them."""
        unit = unit_name(m.group("unit") + m.group("plural"))
        amount = None if m.group("plural") else 1.0
        return Reading("DURATION", self._duration_value(amount, unit), "", "none", "", f"'{m.text.lower()}': a length of time")

    def _vague_plural(self, m: Mention) -> Reading | None:
        unit = unit_name(m.group("unit"))
        qualifier = norm(m.group("vq"))
        if qualifier.endswith("recent") and unit == "year":
            return Reading("DATE", "PAST_REF", "", "none", "", "'recent years': the past")
        return Reading("DURATION", self._duration_value(None, unit), "", "none", "", f"an unspecified number of {unit}s")

    def _set(self, m: Mention) -> Reading | None:
        if m.group("setword"):
            word = m.group("setword").lower()
            return Reading("SET", _SET_WORDS[word], "", "none", "", f"'{word}': repeats")
        if m.group("smonth"):
            month = month_number(m.group("smonth"))
            return Reading("SET", f"XXXX-{month:02d}", "", "none", "", f"every {MONTH_NAMES[month - 1]}")
        if m.group("per") and RATE_BEFORE.search(m.match.string[max(0, m.start - 25) : m.start]):
            return None
        unit_word = (m.group("sunit") or m.group("sunit2") or m.group("sunit3")).lower()
        if unit_word in WEEKDAYS:
            return Reading("SET", f"XXXX-WXX-{WEEKDAYS[unit_word] + 1}", "", "none", "", f"every {unit_word.capitalize()}")
        if unit_word in PARTS_OF_DAY:
            return Reading("SET", f"XXXX-XX-XXT{_pod_code(unit_word)}", "", "none", "", f"every {unit_word}")
        if unit_word in SEASONS:
            return Reading("SET", f"XXXX-{SEASONS[unit_word]}", "", "none", "", f"every {unit_word}")
        unit = unit_name(unit_word)
        amount = 2.0 if m.group("other") else number_value(m.group("snum")) if m.group("snum") else 1.0
        if unit == "weekend":
            return Reading("SET", "XXXX-WXX-WE", "", "none", "", "every weekend")
        return Reading("SET", self._duration_value(amount, unit), "", "none", "", f"'{m.text.lower()}': repeats")

    def _reference(self, m: Mention) -> Reading | None:
        word = norm(m.group("ref"))
        if word in _PRESENT:
            return Reading("DATE", "PRESENT_REF", "", "none", "", f"'{word}': the present")
        if word in _PAST_REFS:
            return Reading("DATE", "PAST_REF", "", "none", "", f"'{word}': some time before the publication date")
        return Reading("DATE", "FUTURE_REF", "", "none", "", f"'{word}': some time after the publication date")

    def _holiday(self, m: Mention) -> Reading | None:
        holiday = " ".join(m.group("holiday").split())
        # "the day after Easter": the holiday moved by a day.
        side = norm(m.group("hside"))
        step = timedelta(days={"after": 1, "before": -1}.get(side, 0))
        name = f"the day {side} {holiday}" if side else holiday
        if m.group("year"):
            value = (holiday_date(holiday, int(m.group("year"))) + step).isoformat()
            return Reading("DATE", value, "", "absolute", value, f"{name} of the year named")
        if self.anchor is None:
            return Reading("DATE", "XXXX-XX-XX", "", "none", "", f"{name}, year unknown")
        anchor = self.anchor
        rel = norm(m.group("hrel"))
        days = [holiday_date(holiday, year) + step for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
        direction = FUTURE if rel == "next" else PAST if rel == "last" else self._direction(m)
        if direction == FUTURE:
            day = min(d for d in days if d >= anchor)
        elif direction == PAST:
            day = max(d for d in days if d <= anchor)
        else:
            day = days[1]
        return Reading("DATE", day.isoformat(), "", "publication", anchor.isoformat(),
                       f"{name}: the one {'after' if direction == FUTURE else 'before' if direction == PAST else 'in the year of'} the publication date",
                       direction)
