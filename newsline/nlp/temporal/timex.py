from __future__ import annotations

from dataclasses import dataclass

from .values import DateRange, modified_range


@dataclass(frozen=True)
class Timex:
    """One temporal expression found in a text, with its TIMEX3 reading.

    `anchor` says what the value was worked out from: "absolute" (the text gives it whole),
    "publication" (the article's publication date), "narrative" (the previous date in the text),
    "event" (a happening named in the text, see `event_ref`), or "none" (no anchor was available).
    `rule` explains the resolution to a reader ("weekday: the most recent Monday on or before
    the publication date"). For event-anchored expressions `value` stays unresolved and
    `event_ref` / `offset` say what to resolve it from ("the president's inauguration", "-P1W").
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""
    anchor: str = "none"
    anchor_value: str = ""
    rule: str = ""
    direction: str = ""
    event_ref: str = ""
    offset: str = ""

    @property
    def range(self) -> DateRange | None:
        if self.type not in ("DATE", "TIME"):
            return None
        return modified_range(self.value, self.mod)

    @property
    def approximate(self) -> bool:
        return self.mod == "APPROX"
