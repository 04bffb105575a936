"""The status words the analysis writes and the models store: one vocabulary, no loose strings."""

from __future__ import annotations

from enum import StrEnum


class PublishedHow(StrEnum):
    """How an article's publication date was established."""

    FRONT_MATTER = "front_matter"
    PRINTED = "printed"
    INFERRED = "inferred"
    CORROBORATED = "corroborated"
    EDITOR = "editor"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return _HOW_LABELS[self]


_HOW_LABELS = {
    PublishedHow.FRONT_MATTER: "front matter",
    PublishedHow.PRINTED: "printed dateline or byline",
    PublishedHow.INFERRED: "inferred from the content",
    PublishedHow.CORROBORATED: "corroborated by other articles",
    PublishedHow.EDITOR: "set by an editor",
    PublishedHow.UNKNOWN: "unknown",
}

#: A day that was given, not worked out: other articles may be dated from it.
RELIABLE_HOW = frozenset({PublishedHow.FRONT_MATTER, PublishedHow.PRINTED, PublishedHow.EDITOR})
#: Worked out from the content or not known at all: editors should check it.
UNCERTAIN_HOW = frozenset({PublishedHow.INFERRED, PublishedHow.UNKNOWN})


class Anchor(StrEnum):
    """What a date was worked out from."""

    ABSOLUTE = "absolute"
    PUBLICATION = "publication"
    NARRATIVE = "narrative"
    EVENT = "event"
    NONE = "none"
