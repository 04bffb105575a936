"""The article's title and outlet as the scraped page shows them; "" when the page does not say."""

from __future__ import annotations

import re

from .layout import BODY, CREDIT, DATELINE, TITLE, PageLayout, page_layout, printed_dates

_CREDIT_OUTLET = re.compile(r"^(?:source|via|credit)\s*:?\s*(?P<outlet>[^\s:].*)$", re.I)
# "WASHINGTON (Reuters) -", "(AFP) —": the wire or paper in brackets before a dash opens the story.
_WIRE_OPENING = re.compile(r"^[A-Z][A-Z ,.'-]*\((?P<outlet>[A-Z][\w&. ]{1,30})\)\s*[-–—:]|^\((?P<bare>[A-Z][\w&. ]{1,30})\)\s*[-–—:]")


def detect_title(text: str, layout: PageLayout | None = None) -> str:
    for block in layout if layout is not None else page_layout(text):
        if block.kind == TITLE:
            return block.text
    return ""


def detect_outlet(text: str, layout: PageLayout | None = None) -> str:
    blocks = layout if layout is not None else page_layout(text)
    for block in blocks:
        if block.kind == CREDIT and (m := _CREDIT_OUTLET.match(block.text)):
            outlet = m["outlet"].strip(" .")
            if 1 <= len(outlet.split()) <= 5:
                return outlet
    for block in blocks:
        if block.kind == DATELINE and (outlet := _byline_outlet(block.text)):
            return outlet
    first_body = next((block for block in blocks if block.kind == BODY), None)
    if first_body and (m := _WIRE_OPENING.match(first_body.text)):
        return (m["outlet"] or m["bare"]).strip()
    return ""


def _byline_outlet(line: str) -> str:
    """"AFP , Thursday 16 Feb 2017" names the agency before the date; "By Jane Doe" names a person."""
    dates = printed_dates(line)
    if not dates or re.match(r"^(by|from|published|posted|updated)\b", line, re.I):
        return ""
    before = line[: dates[0].start].strip(" ,|/-–—")
    if before and len(before.split()) <= 4 and before[0].isupper():
        return before
    return ""
