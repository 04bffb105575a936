"""First cut of the engine: absolute dates and years only. The temporal-engine issue replaces it."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from .timex import Timex
from .values import MONTH_NAMES

_MONTHS = "|".join(MONTH_NAMES)
_PATTERNS = [
    (re.compile(rf"\b(\d{{1,2}}) ({_MONTHS}) (\d{{4}})\b"), "dmy"),
    (re.compile(rf"\b({_MONTHS}) (\d{{1,2}}),? (\d{{4}})\b"), "mdy"),
    (re.compile(r"\b(19\d\d|20\d\d)\b"), "year"),
]


def find_timexes(doc: Doc | str, anchor: date | None = None) -> list[Timex]:
    text = doc if isinstance(doc, str) else doc.text
    found: list[Timex] = []
    taken: list[range] = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() in span for span in taken):
                continue
            if kind == "dmy":
                value = f"{m[3]}-{MONTH_NAMES.index(m[2]) + 1:02d}-{int(m[1]):02d}"
            elif kind == "mdy":
                value = f"{m[3]}-{MONTH_NAMES.index(m[1]) + 1:02d}-{int(m[2]):02d}"
            else:
                value = m[1]
            taken.append(range(m.start(), m.end()))
            found.append(Timex(m.start(), m.end(), m[0], "DATE", value, anchor="absolute", rule="absolute date"))
    return sorted(found, key=lambda t: t.start)
