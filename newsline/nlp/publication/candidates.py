"""Printed candidates: dates the page prints that could be its publication date, and the ones refused on sight.

Scraped pages print dates that are not the publication date: the day the page was viewed (next to the
weather or "Latest news"), a header date without a year, "Updated" stamps, related stories, captions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..layout import (
    ADVERTISEMENT,
    BODY,
    CAPTION,
    DATELINE,
    HEADER,
    NAVIGATION,
    RELATED,
    TITLE,
    Block,
    PageLayout,
    PrintedDate,
    printed_dates,
)

_STAMP = re.compile(r"\b(?P<word>published|posted|first published|updated|last updated|modified|last modified)\b", re.I)
_WEATHER = re.compile(r"^-?\d{1,3}([.,]\d)?\s*°?\s*[CF]\b|°", re.I)


@dataclass(frozen=True)
class Candidate:
    printed: PrintedDate
    block: Block
    confidence: float
    why: str


def printed_candidates(blocks: PageLayout) -> tuple[list[Candidate], list[str], list[tuple[int, date]]]:
    """Printed dates that could be the publication date, and the ones refused on sight with the reason.

    The third item pairs each refused date that has a day with the index of its reason.
    """
    candidates: list[Candidate] = []
    rejected: list[str] = []
    refused_days: list[tuple[int, date]] = []
    for index, block in enumerate(blocks):
        if block.kind in (BODY, TITLE):
            continue
        for printed in printed_dates(block.text, block.start):
            quoted = f"“{block.text}”"
            stamp = _STAMP.search(block.text)
            if stamp and stamp["word"].lower() in ("updated", "last updated", "modified", "last modified"):
                rejected.append(f"{quoted}: an “updated” stamp, not the first publication")
            elif block.kind == RELATED:
                rejected.append(f"{quoted}: in a list of other stories")
            elif printed.day is None:
                rejected.append(f"{quoted}: {printed.problem}")
            elif block.kind == HEADER and (chrome := _header_chrome(blocks, index)):
                rejected.append(f"{quoted}: site header, next to “{chrome.text}” (the day the page was viewed)")
            elif block.kind == CAPTION:
                rejected.append(f"{quoted}: a photo caption (when the picture was taken)")
            elif block.kind == DATELINE or stamp:
                candidates.append(Candidate(printed, block, 0.9, "dateline under the title" if block.kind == DATELINE else "publication stamp"))
            elif block.kind == HEADER:
                candidates.append(Candidate(printed, block, 0.5, "date above the title"))
            else:
                rejected.append(f"{quoted}: in page chrome ({block.kind})")
            if printed.day is not None and len(rejected) and rejected[-1].startswith(quoted):
                refused_days.append((len(rejected) - 1, printed.day))
    return candidates, rejected, refused_days


def _header_chrome(blocks: PageLayout, index: int) -> Block | None:
    """A line of site furniture (weather, navigation, ads, a lone city name) in the header around `index`."""
    title = next((i for i, b in enumerate(blocks) if b.kind == TITLE), None)
    last = title if title is not None else min(index + 3, len(blocks))
    for block in blocks[max(0, index - 3) : last]:
        if block is blocks[index]:
            continue
        if block.kind in (NAVIGATION, ADVERTISEMENT) or _WEATHER.search(block.text):
            return block
        if block.kind == HEADER and not printed_dates(block.text) and len(block.text.split()) <= 2:
            return block
    return None
