"""Publication dates. First cut: the first full date printed in the text. The publication-dates issue replaces it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from .temporal import find_timexes


@dataclass(frozen=True)
class PublicationDate:
    """An article's publication date and how it was established.

    `how` is one of: "front_matter", "printed", "inferred", "corroborated", "editor", "unknown".
    `precision` is "day", "month" or "year" (or "" when nothing is known). `evidence` is the text
    that decided it; `rejected` lists refused candidates with the reason, for editors.
    """

    date: date | None
    precision: str = ""
    how: str = "unknown"
    evidence: str = ""
    confidence: float = 0.0
    rejected: tuple[str, ...] = field(default_factory=tuple)


def detect_publication_date(doc: Doc) -> PublicationDate:
    for timex in find_timexes(doc, None):
        if len(timex.value) == 10:
            return PublicationDate(date.fromisoformat(timex.value), "day", "printed", timex.text, 0.5)
    return PublicationDate(None)
