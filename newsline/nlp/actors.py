"""Actors: people, organizations and countries named in a text. First cut: spaCy's entities as they are."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group", "LOC": "country"}


@dataclass(frozen=True)
class ActorMention:
    """A name in the text. `name` is the canonical form, `surface` the text as written."""

    name: str
    kind: str
    surface: str
    start: int
    end: int
    description: str = ""


def actors_in(span: Span) -> list[ActorMention]:
    return [
        ActorMention(ent.text, KINDS[ent.label_], ent.text, ent.start_char, ent.end_char)
        for ent in span.ents
        if ent.label_ in KINDS
    ]
