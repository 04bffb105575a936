"""What an article's body says about time, gathered once per article: its sentences, the years it names, and
the cue words the checks, the inference and the corroboration look for."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from ..layout import BODY, PageLayout
from ..temporal.lexicon import WEEKDAY
from ..temporal.values import MONTH_NAMES

YEARS_AGO = re.compile(
    r"\b(?:(?:nearly|almost|about|around|some|roughly|more than|over|just over|less than|under)\s+)?"
    r"(?P<n>\d{1,2}|a dozen|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?P<unit>years?|decades?)\s+ago\b",
    re.I,
)
# Only a count of years back ties a happening to a year the article should name; "last year" may not.
AGO = re.compile(r"\b(ago|earlier|before)$", re.I)
YEAR_UNIT = re.compile(r"\b(?:years?|decades?)\b", re.I)
#: Legal and site furniture among the paragraphs: its dates are the site's, not the story's.
FURNITURE = re.compile(
    r"©|\bcopyright\b|\ball rights reserved\b|\b(?:privacy|cookie|terms of (?:use|service)|user agreement)\b"
    r"|\b(?:updated|effective|modified)\s*:?\s*\d"
    # An editor's note on the page itself: "This post was edited on 9 July to add …" (after the publication).
    r"|\b(?:this|the)\s+(?:(?:blog\s+)?post|article|story|page|piece|report)\s+(?:was|has\s+been)\s+"
    r"(?:edited|updated|corrected|amended|revised|modified)\b|\beditor'?s\s+note\b",
    re.I,
)
RECENCY = re.compile(
    r"\b(?:today|yesterday|tonight|this (?:week|morning|afternoon|evening)|earlier this (?:week|month)"
    rf"|on {WEEKDAY})\b",
    re.I,
)
WEEKDAY_CUE = re.compile(rf"\b(?P<last>last\s+)?(?P<day>{WEEKDAY})\b", re.I)
OTHER_TIME_WORDS = re.compile(
    rf"\b(?:{'|'.join(MONTH_NAMES)}|(?:19|20)\d\d|ago|last (?:month|year)|next|tomorrow|decade|century)\b", re.I
)


@dataclass(frozen=True)
class BodySentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Clues:
    """What the article's body says about time, gathered once per article."""

    sentences: tuple[BodySentence, ...]
    body_years: frozenset[int]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [sentence.start for sentence in self.sentences])

    def in_body(self, offset: int) -> bool:
        """Whether `offset` falls in a body sentence (by bisection: pages of many lines stay linear)."""
        index = bisect_right(self._starts, offset) - 1  # type: ignore[attr-defined]
        return index >= 0 and offset < self.sentences[index].end

    def sentence_at(self, offset: int) -> BodySentence | None:
        index = bisect_right(self._starts, offset) - 1  # type: ignore[attr-defined]
        return self.sentences[index] if index >= 0 and offset < self.sentences[index].end else None

    def in_furniture(self, offset: int) -> bool:
        """Whether `offset` falls in a body sentence of legal or site furniture (see FURNITURE)."""
        sentence = self.sentence_at(offset)
        return sentence is not None and bool(FURNITURE.search(sentence.text))


def body_sentences(doc: Doc, layout: PageLayout) -> list[BodySentence]:
    """Sentences of the body, cut at line ends: a scraped line without a full stop is still a paragraph."""
    text = doc.text
    sentences = []
    for sent in doc.sents:
        for block in layout.touching(sent.start_char, sent.end_char):
            start, end = max(sent.start_char, block.start), min(sent.end_char, block.end)
            if block.kind == BODY and start < end and text[start:end].strip():
                sentences.append(BodySentence(start, end, text[start:end].strip()))
    return sentences


def gather_clues(doc: Doc, layout: PageLayout) -> Clues:
    sentences = tuple(body_sentences(doc, layout))
    body_text = " ".join(s.text for s in sentences)
    return Clues(sentences, frozenset(int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", body_text)))
