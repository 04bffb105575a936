"""Readings of calendar expressions: dates, months, years, decades, centuries, seasons and quarters, absolute
or counted from the publication date. A part of `resolve.Resolver`, kept apart for its size."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .calendar_math import add_months, format_at, season_of
from .lexicon import MONTHS, ORDINALS, SEASON_START_MONTH, SEASONS, WEEKDAYS, number_value
from .patterns import Mention
from .tense import FUTURE, PAST
from .timex import Reading
from .values import MONTH_NAMES

POINT_MODS = {
    "early": "START", "the early": "START", "late": "END", "the late": "END", "mid": "MID", "the mid": "MID",
    "the end of": "END", "end of": "END", "the close of": "END", "the beginning of": "START", "beginning of": "START",
    "the start of": "START", "start of": "START", "the middle of": "MID", "middle of": "MID", "earlier in": "START",
    "later in": "END", "earlier": "START", "later": "END",
}
BACK = ("last", "past", "previous", "the past", "the last", "the previous", "the prior", "the preceding", "prior")
AHEAD = ("next", "coming", "the next", "the coming", "following")


def norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split()) if text else ""


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day_number(word: str) -> int:
    if word[0].isdigit():
        return int(re.match(r"\d+", word)[0])
    parts = re.split(r"[\s-]+", word.lower())
    tens = {"twenty": 20, "thirty": 30}.get(parts[0], 0) if len(parts) == 2 else 0
    return tens + ORDINALS.get(parts[-1], 0)


def _spelled_year_number(words: str) -> int | None:
    """"nineteen ninety-seven" -> 1997, "two thousand and one" -> 2001; None when not a year in words."""
    parts = [w for w in norm(words).split() if w not in ("hundred", "and")]
    if len(parts) < 2:
        return None
    if parts[:2] == ["two", "thousand"]:
        rest = number_value(" ".join(parts[2:])) if parts[2:] else 0
        return None if rest is None else 2000 + int(rest)
    rest = number_value(" ".join(parts[1:]))
    return None if rest is None or parts[0] != "nineteen" else 1900 + int(rest)


class CalendarReadings:
    """The Resolver's readings of calendar expressions (mixed into `resolve.Resolver`, which provides the anchors)."""

    def _iso_date(self, m: Mention) -> Reading | None:
        return self._absolute_day(int(m.group("year")), int(m.group("month")), int(m.group("day")), "ISO date")

    def _slash_date(self, m: Mention) -> Reading | None:
        year = int(m.group("year"))
        if year < 100:
            year += 1900 if year >= 40 else 2000
        return self._absolute_day(year, int(m.group("month")), int(m.group("day")), "numeric date (month/day/year)")

    def _absolute_day(self, year: int, month: int, day: int, rule: str) -> Reading | None:
        try:
            value = date(year, month, day).isoformat()
        except ValueError:
            return None
        return Reading("DATE", value, anchor="absolute", anchor_value=value, rule=rule)

    def _month_day(self, m: Mention) -> Reading | None:
        reading = self._calendar_day(m, m.group("month"), m.group("day"), m.group("year"), m.group("weekday"))
        mod = POINT_MODS.get(norm(m.group("pmod")), "")
        return reading and replace(reading, mod=mod)

    _day_month = _month_day

    def _calendar_day(self, m: Mention, month_word: str, day_word: str, year_word: str, weekday_word: str = "") -> Reading | None:
        """A day named by its month and number, the year given or worked out from the sentence."""
        month, day = month_number(month_word), _day_number(day_word)
        if year_word:
            reading = self._absolute_day(int(year_word), month, day, "full date")
            return reading and Reading("DATE", reading.value, "", "absolute", reading.value, "full date")
        if not 1 <= day <= 31:
            return None
        if self.anchor is None:
            return Reading("DATE", f"XXXX-{month:02d}-{day:02d}", "", "none", "", "day and month, year unknown (no publication date)")
        direction = self._direction(m)
        year, why = self._year_for_day(month, day, direction)
        if re.search(r"\bsince\s+$", m.match.string[max(0, m.start - 8) : m.start], re.IGNORECASE) \
                and (year, month, day) > (self.anchor.year, self.anchor.month, self.anchor.day):
            year, why = year - 1, "the last one before the publication date ('since' looks back)"
        if weekday_word:
            year = self._year_matching_weekday(month, day, WEEKDAYS[weekday_word.lower()], year)
            why = "the year in which that date falls on the weekday named"
        try:
            value = date(year, month, day).isoformat()
        except ValueError:
            return None
        return Reading("DATE", value, "", "publication", self.anchor.isoformat(), f"day and month without a year: {why}", direction)

    def _year_matching_weekday(self, month: int, day: int, weekday: int, guess: int) -> int:
        for year in (guess, guess - 1, guess + 1):
            try:
                if date(year, month, day).weekday() == weekday:
                    return year
            except ValueError:
                continue
        return guess

    def _month(self, m: Mention) -> Reading | None:
        month = month_number(m.group("month"))
        mod = POINT_MODS.get(norm(m.group("pmod")), "")
        name = MONTH_NAMES[month - 1]
        year_given = m.group("year") or _spelled_year_number(m.group("spelled"))
        if year_given:
            value = f"{year_given}-{month:02d}"
            return Reading("DATE", value, mod, "absolute", value, "month and year")
        rel = norm(m.group("rel") or m.group("relyear"))
        if self.anchor is None:
            return Reading("DATE", f"XXXX-{month:02d}", mod, "none", "", "month without a year (no publication date)")
        anchor = self.anchor
        if m.group("relyear"):
            year = anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
            rule = f"'{name} {rel} year'"
            direction = ""
        elif rel in BACK:
            year = anchor.year if month < anchor.month else anchor.year - 1
            rule, direction = f"'{rel} {name}': the last {name} before the publication date", PAST
        elif rel in AHEAD:
            year = anchor.year if month > anchor.month else anchor.year + 1
            rule, direction = f"'{rel} {name}': the first {name} after the publication date", FUTURE
        elif rel in ("this", "current", "the current"):
            year, rule, direction = anchor.year, f"'this {name}': {name} of the publication year", ""
        else:
            direction = self._direction(m)
            year, why = self._year_for(month, None, direction)
            rule = f"month without a year: {why}"
        return Reading("DATE", f"{year}-{month:02d}", mod, "publication", anchor.isoformat(), rule, direction)

    def _week_of(self, m: Mention) -> Reading | None:
        month, day = month_number(m.group("month")), _day_number(m.group("day"))
        if m.group("year"):
            year = int(m.group("year"))
        elif self.anchor is None:
            return Reading("DATE", "XXXX-WXX", "", "none", "", "week of a day, year unknown")
        else:
            year, _ = self._year_for(month, day, self._direction(m))
        try:
            value = format_at(date(year, month, day), "week")
        except ValueError:
            return None
        return Reading("DATE", value, "", "absolute" if m.group("year") else "publication",
                       self.anchor.isoformat() if self.anchor and not m.group("year") else value, "the week holding that day")

    def _year(self, m: Mention) -> Reading | None:
        year = m.group("year")
        mod = POINT_MODS.get(norm(m.group("pmod")), "")
        bound = norm(m.group("bound"))
        if bound:
            mod = "ON_OR_AFTER" if bound.endswith(("later", "after", "beyond")) else "ON_OR_BEFORE"
        rule = "fiscal year" if "fiscal" in m.group("fiscal").lower() else "year"
        return Reading("DATE", year, mod, "absolute", year, rule)

    def _spelled_year(self, m: Mention) -> Reading | None:
        year = _spelled_year_number(m.group("millennium") or m.group("nineteen"))
        if year is None:
            return None
        return Reading("DATE", str(year), "", "absolute", str(year), "year in words")

    def _decade(self, m: Mention) -> Reading | None:
        mod = POINT_MODS.get(norm(m.group("dmod") or m.group("dmod2") or m.group("pmod")), "")
        if m.group("decade_word"):
            tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                    "eighties": 8, "nineties": 9}[m.group("decade_word").lower()]
            value = f"19{tens}"
        else:
            digits = m.group("decade").lstrip("'")
            if len(digits) == 2:
                digits = ("19" if int(digits) >= 30 else "20") + digits
            value = digits[:3]
        return Reading("DATE", value, mod, "absolute", value, "decade")

    def _century(self, m: Mention) -> Reading | None:
        word = m.group("century").lower()
        number = int(re.match(r"\d+", word)[0]) if word[0].isdigit() else ORDINALS.get(word)
        if not number:
            number = {"fifteenth": 15, "sixteenth": 16, "seventeenth": 17}.get(word)
        if not number:
            return None
        mod = POINT_MODS.get(norm(m.group("cmod")), "")
        value = f"{number - 1:02d}"
        return Reading("DATE", value, mod, "absolute", value, "century")

    # ----- calendar periods ------------------------------------------------------------------------------------

    def _season(self, m: Mention) -> Reading | None:
        code = SEASONS[m.group("season").lower()]
        mod = POINT_MODS.get(norm(m.group("pmod")), "")
        if m.group("year"):
            value = f"{m.group('year')}-{code}"
            return Reading("DATE", value, mod, "absolute", value, "season and year")
        if m.group("spelled"):
            year = _spelled_year_number(m.group("spelled"))
            if year is None:
                return None
            value = f"{year}-{code}"
            return Reading("DATE", value, mod, "absolute", value, "season and year")
        rel = norm(m.group("rel"))
        if self.anchor is None:
            return Reading("DATE", f"XXXX-{code}", mod, "none", "", "season without a year (no publication date)")
        anchor = self.anchor
        candidates = []
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            start = date(year - 1 if code == "WI" else year, SEASON_START_MONTH[code], 1)
            end = add_months(start, 3) - timedelta(days=1)
            candidates.append((year, start, end))
        name = m.group("season").lower()
        direction = ""
        if rel in BACK or rel == "this past":
            year = max(y for y, start, end in candidates if end < anchor)
            rule = f"'{rel} {name}': the last {name} over before the publication date"
        elif rel in AHEAD or rel == "this coming":
            year = min(y for y, start, end in candidates if start > anchor)
            rule = f"'{rel} {name}': the next {name} after the publication date"
        elif rel in ("this", "current", "the current") or rel == "" and season_of(anchor)[0] == code:
            year = season_of(anchor)[1] if season_of(anchor)[0] == code else anchor.year
            rule = f"'{name}': the {name} of the publication year"
        else:
            direction = self._direction(m)
            if direction == PAST:
                year = max(y for y, start, end in candidates if start <= anchor)
                rule = f"'{name}': the last {name} begun by the publication date (the sentence looks back)"
            elif direction == FUTURE:
                year = min(y for y, start, end in candidates if end >= anchor)
                rule = f"'{name}': the next {name} not yet over (the sentence looks ahead)"
            else:
                year, rule = anchor.year, f"'{name}': the {name} of the publication year"
        return Reading("DATE", f"{year}-{code}", mod, "publication", anchor.isoformat(), rule, direction)

    def _quarter(self, m: Mention) -> Reading | None:
        ordinal = (m.group("ordinal") or m.group("pairhalf")).lower()
        # "the first two quarters" is the first half.
        half = m.group("qunit").lower() == "half" or bool(m.group("pairhalf"))
        last = ordinal in ("final", "last")
        number = (2 if half else 4) if last else 2 if m.group("pairhalf") and ordinal == "second" else ORDINALS[ordinal]
        if number > (2 if half else 4):
            return None
        letter = "H" if half else "Q"
        mod = POINT_MODS.get(norm(m.group("pmod")), "")
        if m.group("plural"):
            return Reading("SET", f"XXXX-{letter}{number}", mod, "none", "", "every such quarter")
        explicit = m.group("qyear") or m.group("qyear2")
        if explicit:
            value = f"{explicit}-{letter}{number}"
            return Reading("DATE", value, mod, "absolute", value, "quarter and year" if not half else "half and year")
        rel = norm(m.group("qrel") or "")
        relyear = norm(m.group("qrelyear") or "")
        if self.anchor is None:
            return Reading("DATE", f"XXXX-{letter}{number}", mod, "none", "", "quarter without a year (no publication date)")
        anchor = self.anchor
        shift_years = None
        if relyear or rel.endswith("year's"):
            word = relyear or rel.split()[0]
            shift_years = {"this": 0, "last": -1, "next": 1}.get(word, 0)
        elif "year ago" in rel or "year earlier" in rel:
            shift_years = -1
        if shift_years is not None:
            value = f"{anchor.year + shift_years}-{letter}{number}"
            return Reading("DATE", value, mod, "publication", anchor.isoformat(),
                           "quarter of the year named, counted from the publication year", comparison=shift_years < 0)
        months_per = 6 if half else 3
        direction = self._direction(m)
        starts = [(y, date(y, months_per * (number - 1) + 1, 1)) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        if direction == FUTURE:
            # Results for a quarter come out in the weeks after it closes: a quarter just ended still counts.
            year = min(y for y, start in starts if add_months(start, months_per) + timedelta(days=92) > anchor)
            why = "the next one not yet reported on (the sentence looks ahead)"
        else:
            year = max(y for y, start in starts if start <= anchor)
            why = "the latest one begun by the publication date"
        return Reading("DATE", f"{year}-{letter}{number}", mod, "publication", anchor.isoformat(),
                       f"{'half' if half else 'quarter'} without a year: {why}", direction)

    def _last_completed_quarter(self) -> date:
        assert self.anchor is not None
        start = date(self.anchor.year, 3 * ((self.anchor.month - 1) // 3) + 1, 1)
        return add_months(start, -3)

    def _reported_quarter(self) -> tuple[date, str]:
        """The quarter a financial story is about: the one it last named, else the last completed one."""
        if self.reported_quarter is not None:
            return self.reported_quarter, "the quarter last named in the text"
        return self._last_completed_quarter(), "the last completed quarter before the publication date"

    def _quarter_relative(self, m: Mention) -> Reading | None:
        rel = norm(m.group("qrel"))
        if self.anchor is None:
            return Reading("DATE", "XXXX-QX", "", "none", "", "quarter (no publication date)")
        anchor = self.anchor
        current = date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1)
        year_back = bool(re.search(r"year ago|year earlier|corresponding|comparable", rel)) or bool(m.group("qago")) \
            or norm(m.group("qrelyear")) == "last" or rel.startswith("last year's")
        if m.group("qyear"):
            day, why = self._reported_quarter()
            value = f"{m.group('qyear')}-Q{(day.month - 1) // 3 + 1}"
            return Reading("DATE", value, "", "narrative", format_at(day, "quarter"), f"the {m.group('qyear')} quarter matching {why}")
        if rel in ("this", "the current") and not year_back:
            day, why = current, "the quarter of the publication date"
        elif rel in ("last", "the previous", "the past", "the prior"):
            day, why = add_months(current, -3), "the quarter before the publication date's"
        elif rel == "next":
            day, why = add_months(current, 3), "the quarter after the publication date's"
        elif "latest" in rel or "recent" in rel or "just" in rel:
            day, why = self._last_completed_quarter(), "the last completed quarter before the publication date"
        else:
            day, why = self._reported_quarter()
        if year_back:
            day, why = add_months(day, -12), f"a year before {why}"
        value = format_at(day, "quarter")
        return Reading("DATE", value, "", "publication", anchor.isoformat(), f"'{m.text.lower()}': {why}", comparison=year_back)

    def _quarter_code(self, m: Mention) -> Reading | None:
        code = m.group("qcode").upper()
        if m.group("qyear"):
            value = f"{m.group('qyear')}-{code}"
            return Reading("DATE", value, "", "absolute", value, "quarter code and year")
        if self.anchor is None:
            return Reading("DATE", f"XXXX-{code}", "", "none", "", "quarter code without a year")
        value = f"{self.anchor.year}-{code}"
        return Reading("DATE", value, "", "publication", self.anchor.isoformat(), "quarter code: in the publication year")
