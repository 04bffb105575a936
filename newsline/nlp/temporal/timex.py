from __future__ import annotations

from dataclasses import dataclass, fields

from .values import DateRange, modified_range


@dataclass(frozen=True)
class Reading:
    """What a temporal expression means, as TIMEX3: its type, value and modifier, and how it was worked out.

    `anchor` says what the value was worked out from: "absolute" (the text gives it whole),
    "publication" (the article's publication date), "narrative" (the previous date in the text),
    "event" (a happening named in the text, see `event_ref`), or "none" (no anchor was available).
    `rule` explains the resolution to a reader ("weekday: the most recent Monday on or before
    the publication date"). For event-anchored expressions `value` stays unresolved and
    `event_ref` / `offset` say what to resolve it from ("the president's inauguration", "-P1W").
    """

    type: str
    value: str
    mod: str = ""
    anchor: str = "none"
    anchor_value: str = ""
    rule: str = ""
    direction: str = ""
    event_ref: str = ""
    offset: str = ""
    # A comparison point ("a year earlier", "the year-ago quarter") is not what the story goes on to talk about,
    # so it does not become the narrative reference.
    comparison: bool = False
    # The date of a dateline ("LIMA, Feb. 10 (Reuters) -"): when the story was filed, not a happening of it.
    dateline: bool = False

    @property
    def range(self) -> DateRange | None:
        if self.type not in ("DATE", "TIME"):
            return None
        return modified_range(self.value, self.mod)

    @property
    def approximate(self) -> bool:
        return self.mod == "APPROX"


_READING_FIELDS = tuple(f.name for f in fields(Reading))


@dataclass(frozen=True, kw_only=True)
class Timex(Reading):
    """One temporal expression found in a text: where it stands (`start`, `end`, `text`) and its reading."""

    start: int
    end: int
    text: str

    @classmethod
    def at(cls, start: int, end: int, text: str, reading: Reading) -> Timex:
        return cls(start=start, end=end, text=text, **{name: getattr(reading, name) for name in _READING_FIELDS})
