"""Printed candidates: dates the page prints that could be its publication date, and the ones refused on sight.

Scraped pages print dates that are not the publication date: the day the page was viewed (next to the
weather or "Latest news"), "Updated" stamps, other stories' dates in related lists, sidebars and under a
"More news" heading, photo captions, embedded posts, copyright and terms-of-service lines. What stays is weighed
by how a news page marks its own date: a "Published"/"Posted" label (on the line or the line above), a byline,
a time of day, an "updated" stamp right after it, a dateline opening the story ("OSLO, May 3 (Reuters) -"), and
closeness to the story's first paragraph. A numeric date readable both ways is read the way the page's other
dates allow, or refused.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..layout import (
    BODY,
    CAPTION,
    CREDIT,
    DATELINE,
    HEADER,
    NAVIGATION,
    RELATED,
    TITLE,
    Block,
    PageLayout,
    PrintedDate,
    numeric_order_of,
    printed_dates,
)

_UPDATED = re.compile(r"\b(?:last\s+)?(?:updated|modified|edited|revised|refreshed)\b|\bupd\b", re.I)
_PUBLISHED = re.compile(r"\b(?:first\s+)?(?:published|posted|released|issued|date)\s*(?:on|at)?\s*:?\s*$", re.I)
_STAMP_LINE = re.compile(r"^\W*(?:(?:first\s+)?(?:published|posted|released|issued)\W*(?:on|at)?|on)\W*$", re.I)
# A date labelled as something else than the page's publication: "Joined May 11, 2017", "Born 3 March 1950".
_OTHER_LABEL = re.compile(
    r"\b(?:joined|member since|born|died|founded|established|registered|since|expires?|valid (?:until|through)|deadline"
    r"|closing date|event date|date of birth|version\s+[\d.]+)\W*$",
    re.I,
)
# A paragraph that opens with the stamp: "Published February 24, 2020 Last updated … This article is …".
_STAMP_OPENING = re.compile(r"^\W*(?:first\s+)?(?:published|posted)\b", re.I)
_BYLINE = re.compile(r"(?:^|[\s|•·,/–—-])by\s+[A-Z@]|^by\b", re.I)
_POSTED_BY = re.compile(r"^\W*posted by\b", re.I)
_FOOTER_LINES = 4
_LONE_BY = re.compile(r"^\W*by\W*$", re.I)
_NAME_WORDS = 4
_TIME = re.compile(r"\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?(?=\W|$)", re.I)
_WEATHER = re.compile(r"^-?\d{1,3}([.,]\d)?\s*°?\s*[CF]\b|°", re.I)
# An embedded post signs off with its author's handle and its own date: "— Jo Bloggs (@jbloggs) May 9, 2016".
_EMBEDDED_POST = re.compile(r"\(@\w+\)|^[—–-]\s*\S.*@\w+|pic\.twitter\.com", re.I)
# A reference to a page, as bibliographies cite it: “Title” Site.com. 15 Jul 2019 (the day it was read).
_CITATION = re.compile(r"[“\"][^”\"]+[”\"].*\b[\w-]+\.(?:com|org|net|edu|gov|info|io)\b", re.I)
_LEGAL = re.compile(r"©|\bcopyright\b|\ball rights reserved\b|\bterms (?:of|and)\b|\bprivacy\b|\bcookie", re.I)
# The wire dateline opening a story: "OSLO, May 3 (Reuters) -", "LIMA, Peru, Jan. 4, 2021 (AP) —", "PARIS —".
_DATELINE_OPENING = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,30}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?)\s*,\s*(?P<when>[^()—–]{3,40}?)\s*"
    r"(?:\((?P<agency>[A-Za-z][\w&. ]{0,30})\))?\s*[-–—:]"
)
_PARAGRAPH_WORDS = 30
_TWO_DIGIT_YEAR = re.compile(r"^\s*(?P<date>(?P<day>\d{2})\.(?P<month>\d{2})\.(?P<year>\d{2}))\s*$")
_TWO_WAY_NUMERIC = re.compile(r"^(?P<first>\d{1,2})[/.-](?P<second>\d{1,2})[/.-](?P<year>\d{4})$")
#: A numeric date readable both ways is read as the day this soon after the latest day the page prints.
_SOON_AFTER = timedelta(days=14)
# The heading of a list of other stories after the story: "MORE news", "Related stories", "You may also like".
_OTHER_STORIES_HEADING = re.compile(
    r"^\W*(?:more (?:news|stories|from|on|in)\b|related\b|latest (?:news|stories)\b|most (?:read|popular|viewed)\b"
    r"|recommended\b|you (?:may|might) also\b|read next\b|also read\b|see also\b|other stories\b)[^.!?]{0,40}$",
    re.I,
)
# A caption names the moment a picture shows: a date followed by a description of it.
_CAPTION_AFTER_DATE = 12


@dataclass(frozen=True)
class Candidate:
    printed: PrintedDate
    block: Block
    confidence: float
    why: str
    #: How the year or the order of a date printed without them was settled.
    settled_by: str = ""

    @property
    def needs_year(self) -> bool:
        """A byline or dateline that prints a month and day only ("March 18 at 3:57 PM")."""
        return self.printed.day is None and not self.printed.has_year


def printed_candidates(blocks: PageLayout) -> tuple[list[Candidate], list[str], list[tuple[int, date]]]:
    """Printed dates that could be the publication date, and the ones refused on sight with the reason.

    Candidates without a year (`needs_year`) are bylines or datelines whose year the article must supply.
    The third item pairs each refused date that has a day with the index of its reason, leaving out the dates of
    lists, captions, embedded posts and legal lines (nobody mistakes them for the page's own).
    """
    candidates: list[Candidate] = []
    rejected: list[str] = []
    refused_days: list[tuple[int, date]] = []
    body_indexes = [i for i, b in enumerate(blocks) if b.kind == BODY]
    order = numeric_order_of([b.text for b in blocks if b.kind != BODY])
    last_body = body_indexes[-1] if body_indexes else -1

    updates: list[Candidate] = []
    listed: list[PrintedDate] = []
    story_start = _story_start(blocks, body_indexes)
    others_from = _other_stories_heading(blocks, story_start)
    footer_time = _post_footer_with_time_only(blocks)

    def refuse(printed: PrintedDate, reason: str, one_of_a_list: bool = False) -> None:
        rejected.append(f"“{blocks[index].text}”: {reason}")
        # What the article holds against a refused day is worth checking (a whole resolution of the article per
        # day) where an editor may doubt the refusal, not for the many dates of lists, captions and legal lines.
        if printed.day is not None and not one_of_a_list:
            refused_days.append((len(rejected) - 1, printed.day))

    for index, block in enumerate(blocks):
        if block.kind == TITLE:
            continue
        if block.kind == BODY and not _STAMP_OPENING.match(block.text):
            if (opening := _dateline_opening(blocks, index, body_indexes)) is not None:
                candidates.append(opening)
            continue
        for printed in printed_dates(block.text, block.start, order) or _two_digit_year_date(block):
            before = block.text[: printed.start - block.start]
            if _UPDATED.search(before):
                refuse(printed, "an “updated” stamp, not the first publication")
                if printed.day is not None and block.kind != RELATED and not _LEGAL.search(block.text):
                    updates.append(Candidate(printed, block, 0.4, "the only date printed is an “updated” stamp"))
            elif _EMBEDDED_POST.search(block.text) or (not before.strip() and _above(blocks, index, _EMBEDDED_POST)):
                refuse(printed, "an embedded post's own date", one_of_a_list=True)
            elif block.kind == RELATED or (index > last_body >= 0 and not _labelled(blocks, index, before)):
                refuse(printed, "in a list of other stories", one_of_a_list=True)
            elif others_from is not None and index > others_from:
                heading = blocks[others_from].text
                refuse(printed, f"under “{heading}”, after the story: another story's date", one_of_a_list=True)
                listed.append(printed)
            elif _OTHER_LABEL.search(before) or (not before.strip() and _above(blocks, index, _OTHER_LABEL)):
                refuse(printed, "labelled as the date of something else")
            elif _LEGAL.search(block.text):
                refuse(printed, "a copyright or terms line", one_of_a_list=True)
            elif _CITATION.search(block.text):
                refuse(printed, "a citation of a page (the day it was read)", one_of_a_list=True)
            elif block.kind == CAPTION or _is_caption(block.text, printed, block.start):
                refuse(printed, "a photo caption (when the picture was taken)", one_of_a_list=True)
            elif printed.day is None and printed.has_year:
                if (read := _read_by_the_page(blocks, printed)) is None:
                    refuse(printed, printed.problem)
                    continue
                day, why = read
                confidence, weighed = _weigh(blocks, index, printed, body_indexes)
                candidates.append(Candidate(replace(printed, day=day), block, confidence - 0.1, weighed, why))
            elif (
                block.kind in (HEADER, NAVIGATION) and not _labelled(blocks, index, before)
                and not _BYLINE.search(block.text) and not _after_split_byline(blocks, index) and not footer_time
                and not _TIME.search(block.text[printed.end - block.start :])
                and (chrome := _header_chrome(blocks, index))
            ):
                refuse(printed, f"site header, next to “{chrome.text}” (the day the page was viewed)")
            elif printed.day is None and not (_labelled(blocks, index, before) or _BYLINE.search(block.text)
                                               or _TIME.search(block.text[printed.end - block.start :])):
                refuse(printed, "no year printed")
            else:
                confidence, why = _weigh(blocks, index, printed, body_indexes)
                candidates.append(Candidate(printed, block, confidence, why))
    if not any(c.printed.day is not None or c.needs_year for c in candidates) and updates:
        # A page that prints only when it was updated was published that day or before: the earliest stamp.
        candidates.append(min(updates, key=lambda c: c.printed.day or date.max))
    return _without_lists_and_page_view_dates(candidates, rejected, refused_days, story_start, listed)


def _story_start(blocks: PageLayout, body_indexes: list[int]) -> int:
    """Where the story's text starts: its first full paragraph; lists of comments and other stories come after it."""
    paragraphs = [blocks[i] for i in body_indexes if len(blocks[i].text.split()) >= _PARAGRAPH_WORDS]
    return paragraphs[0].start if paragraphs else (blocks[body_indexes[0]].start if body_indexes else 0)


def _other_stories_heading(blocks: PageLayout, story_start: int) -> int | None:
    """The index of a "More news" / "Related stories" heading after the story's first paragraph, if any."""
    return next(
        (i for i, b in enumerate(blocks) if b.start > story_start and _OTHER_STORIES_HEADING.match(b.text)), None
    )


def _two_digit_year_date(block: Block) -> list[PrintedDate]:
    """A line that is only a day-first date with dots and a two-digit year, as European sites print it: "02.12.19"."""
    m = _TWO_DIGIT_YEAR.match(block.text)
    if m is None:
        return []
    try:
        day = date(2000 + int(m["year"]), int(m["month"]), int(m["day"]))
    except ValueError:
        return []
    return [PrintedDate(block.start + m.start("date"), block.start + m.end("date"), m["date"], day, True, None)]


def _read_by_the_page(blocks: PageLayout, printed: PrintedDate) -> tuple[date, str] | None:
    """A numeric date readable both ways ("02/10/2020"), read the one way that follows the latest day the page
    prints for its story (its pictures' captions, an embedded post) within days, when the other way comes before
    that day: a page does not show what happened after it was published."""
    m = _TWO_WAY_NUMERIC.match(printed.text)
    if m is None:
        return None
    first, second, year = int(m["first"]), int(m["second"]), int(m["year"])
    if first == second:
        return None
    days = [
        d.day for block in blocks if block.kind not in (RELATED, NAVIGATION) and not _LEGAL.search(block.text)
        for d in printed_dates(block.text, block.start) if d.day is not None and d.start != printed.start
    ]
    if not days:
        return None
    latest = max(days)
    readings = {"day first": date(year, second, first), "month first": date(year, first, second)}
    settled = [(order, day) for order, day in readings.items() if timedelta(0) <= day - latest <= _SOON_AFTER]
    if len(settled) != 1 or any(other >= latest for other in readings.values() if other != settled[0][1]):
        return None
    order, day = settled[0]
    return day, f"read {order}: the page's latest date for its story ({latest.isoformat()}) is shortly before"


def _above(blocks: PageLayout, index: int, pattern: re.Pattern[str]) -> bool:
    """Whether the line above says what the date on this line is ("Joined", an embedded post's signature)."""
    return index > 0 and bool(pattern.search(blocks[index - 1].text))


def _after_split_byline(blocks: PageLayout, index: int) -> bool:
    """A byline cut over lines just above the date: "By" / "Jo Bloggs" / "|" / the date."""
    for above in range(index - 1, max(index - 4, -1), -1):
        if _LONE_BY.match(blocks[above].text):
            return above < index - 1
        if len(blocks[above].text.split()) > _NAME_WORDS:
            return False
    return False


def _post_footer_with_time_only(blocks: PageLayout) -> bool:
    """A blog post signed "Posted by Jo Bloggs at 9:05 PM" with no date: the date heading the post is its day."""
    for index, block in enumerate(blocks):
        if _POSTED_BY.match(block.text):
            footer = " ".join(b.text for b in blocks[index : index + _FOOTER_LINES])
            return bool(_TIME.search(footer)) and not printed_dates(footer)
    return False


def _labelled(blocks: PageLayout, index: int, before: str) -> bool:
    """ "Published: …", "Posted on …", or a line of its own saying "Published" just above."""
    if _PUBLISHED.search(before):
        return True
    return index > 0 and bool(_STAMP_LINE.match(blocks[index - 1].text))


def _is_caption(text: str, printed: PrintedDate, offset: int) -> bool:
    """ "March 18, 2015 Police secure the area after…": a date opening a long description."""
    after = text[printed.end - offset :]
    return printed.start == offset and len(re.findall(r"[A-Za-z]+", after)) >= _CAPTION_AFTER_DATE


def _weigh(blocks: PageLayout, index: int, printed: PrintedDate, body_indexes: list[int]) -> tuple[float, str]:
    """How strongly a printed date marks this page's own publication, and why."""
    block = blocks[index]
    before = block.text[: printed.start - block.start]
    reasons = []
    confidence = 0.5
    if _labelled(blocks, index, before):
        confidence += 0.35
        reasons.append("labelled as the publication")
    if _BYLINE.search(block.text):
        confidence += 0.2
        reasons.append("in the byline")
    elif any(_BYLINE.match(blocks[j].text) for j in (index - 1, index + 1) if 0 <= j < len(blocks)):
        confidence += 0.2
        reasons.append("next to a byline")
    if _TIME.search(block.text[printed.end - block.start :]):
        confidence += 0.15
        reasons.append("with the time of day")
    next_body = next((i for i in body_indexes if i > index), None)
    if next_body is not None and next_body - index <= 4:
        confidence += 0.2
        reasons.append("just above the story")
    elif next_body is None:
        confidence -= 0.2
    if block.kind == DATELINE:
        confidence += 0.1
        reasons.append("a date line under the title")
    if _UPDATED.match(block.text[printed.end - block.start :].lstrip(" \t(|,·•–—-")) or (
        index + 1 < len(blocks) and _UPDATED.match(blocks[index + 1].text.lstrip(" \t(|,·•–—-"))
    ):
        confidence += 0.2
        reasons.append("followed by its “updated” stamp")
    if block.kind == HEADER and printed.weekday is not None and len(reasons) <= 1:
        # "Thursday, November 9, 2023" alone in the header is how sites print the day of the visit.
        confidence -= 0.15
    return round(confidence, 2), ", ".join(reasons) or f"printed in the page ({block.kind})"


def _without_lists_and_page_view_dates(
    candidates: list[Candidate], rejected: list[str], refused_days: list[tuple[int, date]], story_start: int,
    listed: list[PrintedDate],
) -> tuple[list[Candidate], list[str], list[tuple[int, date]]]:
    """Refuse dates of listed items and the day the page was viewed.

    Dates printed alike on other days after the story's text (comments, other stories, an archive) belong to
    the items of a list. A date with a weekday, later than a labelled or byline date and not itself one, is the
    day the page was viewed. `listed` are the dates refused under a heading of other stories: they count among
    the dates printed alike.
    """
    printed = [c.printed for c in candidates] + listed
    shapes = Counter((_shape(p.text), p.day) for p in printed if p.day is not None)
    marked = [c for c in candidates if c.printed.day is not None and c.confidence >= 0.85]
    kept = []
    for candidate in candidates:
        day = candidate.printed.day
        shape = _shape(candidate.printed.text)
        alike = sum(1 for (other, other_day) in shapes if other == shape and other_day != day)
        own = candidate.why == "the story's dateline" or "labelled" in candidate.why or "byline" in candidate.why
        if day is not None and alike >= 2 and candidate.block.start > story_start and not own:
            rejected.append(
                f"“{candidate.block.text}”: one of {alike + 1} dates printed alike: items of a list (comments, other stories)"
            )
            continue
        if (
            day is not None and candidate.confidence < 0.85 and candidate.printed.weekday is not None
            and any(m.printed.day is not None and m.printed.day < day for m in marked)
        ):
            rejected.append(f"“{candidate.block.text}”: later than the page's own dated byline (the day it was viewed)")
            refused_days.append((len(rejected) - 1, day))
            continue
        kept.append(candidate)
    return kept, rejected, refused_days


def _shape(text: str) -> str:
    """How a date is printed, whatever the day: "June 28, 2015 at 10:25 pm" → "M 0, 0 at 0:0 pm"."""
    return re.sub(r"\d+", "0", re.sub(r"[A-Za-z]{3,}\.?", "M", text))


def _dateline_opening(blocks: PageLayout, index: int, body_indexes: list[int]) -> Candidate | None:
    """The wire dateline of the story's first paragraph ("OSLO, May 3 (Reuters) -"), the strongest printed date."""
    if index not in body_indexes[:3]:
        return None
    block = blocks[index]
    m = _DATELINE_OPENING.match(block.text)
    if m is None:
        return None
    dates = [d for d in printed_dates(m["when"], block.start + m.start("when")) if d.text.strip()]
    if len(dates) != 1 or (dates[0].day is None and dates[0].has_year):
        return None
    printed = dates[0]
    text = block.text[: m.end()]
    return Candidate(printed, Block(block.start, block.start + m.end(), DATELINE, text), 0.95, "the story's dateline")


def _header_chrome(blocks: PageLayout, index: int) -> Block | None:
    """A line of site furniture (weather, navigation, ads, a lone city name) in the header around `index`."""
    title = next((i for i, b in enumerate(blocks) if b.kind == TITLE), None)
    last = title if title is not None and title > index else min(index + 3, len(blocks))
    for block in blocks[max(0, index - 3) : last]:
        if block is blocks[index]:
            continue
        if block.kind in (NAVIGATION, CREDIT) or _WEATHER.search(block.text) or block.kind == "advertisement":
            return block
        lone_words = len(block.text.split()) <= 2 and not _BYLINE.match(block.text)
        if block.kind == HEADER and lone_words and not printed_dates(block.text):
            return block
    return None
