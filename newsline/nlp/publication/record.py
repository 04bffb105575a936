"""What an article's publication date is and how it was established; another article's dated reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..status import RELIABLE_HOW, PublishedHow


@dataclass(frozen=True)
class PublicationDate:
    """An article's publication date and how it was established.

    `how` is a `PublishedHow`: front matter, printed, inferred, corroborated, editor or unknown.
    `precision` is "day", "month" or "year" (or "" when nothing is known); `date` is the first day of
    that period. `evidence` is the text that decided it, with an explanation when it was inferred or
    corroborated; `rejected` lists refused candidates with the reason, for editors.
    """

    date: date | None
    precision: str = ""
    how: str = PublishedHow.UNKNOWN
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

    @property
    def reliable_day(self) -> bool:
        """A day that was given (front matter, printed, an editor's), not worked out."""
        return self.precision == "day" and self.how in RELIABLE_HOW


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
