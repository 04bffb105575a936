"""Events from dated sentences. First cut: one event per sentence with a date. The events issue replaces it."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from .actors import ActorMention, actors_in
from .temporal import Timex


@dataclass(frozen=True)
class EventCandidate:
    """A happening reported by one sentence of one article, with the date expression that places it.

    `timex` is None when the event takes the publication date (`uses_publication_date`).
    """

    sentence_start: int
    sentence_end: int
    sentence: str
    headline: str
    summary: str
    timex: Timex | None
    actors: list[ActorMention] = field(default_factory=list)
    planned: bool = False
    uses_publication_date: bool = False
    position: float = 0.0


def extract_events(doc: Doc, timexes: list[Timex]) -> list[EventCandidate]:
    events = []
    sentences = list(doc.sents)
    for index, sent in enumerate(sentences):
        dated = [t for t in timexes if sent.start_char <= t.start < sent.end_char and t.range is not None]
        if not dated:
            continue
        text = sent.text.strip()
        events.append(
            EventCandidate(
                sentence_start=sent.start_char,
                sentence_end=sent.end_char,
                sentence=text,
                headline=text[:120],
                summary=text,
                timex=dated[0],
                actors=actors_in(sent),
                position=index / max(len(sentences), 1),
            )
        )
    return events
