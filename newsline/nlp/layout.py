"""Page layout of a scraped news page: which lines are the article and which are page chrome.

Scraped pages keep the site around the article: a header with the weather, the city and the day the
page was viewed, navigation and breadcrumbs, advertisements, photo captions and credits, share links
and lists of related headlines. Each non-empty line becomes a `Block` with a `kind`, decided from
generic cues only: position (before the title, after the last paragraph), length, punctuation,
dates, and phrases every news site uses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .bylines import read_numeric_date
from .temporal.lexicon import MONTHS, WEEKDAYS

BODY = "body"
TITLE = "title"
DATELINE = "dateline"
HEADER = "header"
NAVIGATION = "navigation"
ADVERTISEMENT = "advertisement"
CAPTION = "caption"
CREDIT = "credit"
SUBHEADING = "subheading"
RELATED = "related"

KINDS = (BODY, TITLE, DATELINE, HEADER, NAVIGATION, ADVERTISEMENT, CAPTION, CREDIT, SUBHEADING, RELATED)
#: Kinds that are page chrome, never article content.
CHROME_KINDS = frozenset({HEADER, NAVIGATION, ADVERTISEMENT, CREDIT, RELATED})


@dataclass(frozen=True)
class Block:
    """One non-empty line of the page: character offsets into the page text, its kind and its text."""

    start: int
    end: int
    kind: str
    text: str

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


# --- printed dates -------------------------------------------------------------------------------

_MONTH_NUMBER = MONTHS
_WEEKDAY_NUMBER = WEEKDAYS

_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + r")\.?"
_WEEKDAY_RE = r"(?:(?P<weekday>" + "|".join(sorted(_WEEKDAY_NUMBER, key=len, reverse=True)) + r")\.?\s*[,/|-]?\s*)?"
_DAY_RE = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
# A year may run into a time or the next word printed without a space ("December 15, 20163:33 PM ET").
_YEAR_RE = r"(?P<year>(?:19|20)\d\d)(?=\d{1,2}:\d\d|[A-Z][a-z]|\b)"
_PRINTED_DATE_PATTERNS = [
    re.compile(rf"\b{_WEEKDAY_RE}{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE},?\s+{_YEAR_RE}", re.I),
    re.compile(rf"\b{_WEEKDAY_RE}{_MONTH_RE}\s+{_DAY_RE},?\s+{_YEAR_RE}", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<numeric>\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d)\b"),
    re.compile(rf"\b{_WEEKDAY_RE}{_DAY_RE}\s+{_MONTH_RE}(?![\w,]*\s*\d)", re.I),
    re.compile(rf"\b{_WEEKDAY_RE}{_MONTH_RE}\s+{_DAY_RE}\b(?!,?\s*\d)", re.I),
]


@dataclass(frozen=True)
class PrintedDate:
    """A calendar date printed on the page, as a site prints it ("Thursday 16 Feb 2017", "March 19.").

    `day` is None when the date cannot be placed: no year printed, an impossible day, or a printed
    weekday that does not match; `problem` then says why.
    """

    start: int
    end: int
    text: str
    day: date | None
    has_year: bool
    weekday: int | None
    problem: str = ""


def printed_dates(text: str, offset: int = 0, numeric_order: str | None = None) -> list[PrintedDate]:
    """Every calendar date printed in `text` (a line or a short block), offsets shifted by `offset`.

    `numeric_order` ("DMY" or "MDY", see `numeric_order_of`) reads "03/04/2014" when the page shows its order.
    """
    found: list[PrintedDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PRINTED_DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(_read_printed_date(m, offset, numeric_order))
    return sorted(found, key=lambda d: d.start)


def _read_printed_date(m: re.Match[str], offset: int, numeric_order: str | None = None) -> PrintedDate:
    groups = m.groupdict()
    if groups.get("numeric"):
        return _read_numeric_date(m, offset, numeric_order)
    month_text = groups["month"].lower()
    month = int(month_text) if month_text.isdigit() else _MONTH_NUMBER[month_text]
    weekday = _WEEKDAY_NUMBER[groups["weekday"].lower()] if groups.get("weekday") else None
    text = m[0].strip()
    start, end = offset + m.start(), offset + m.start() + len(text)
    if not groups.get("year"):
        return PrintedDate(start, end, text, None, False, weekday, "no year printed")
    try:
        day = date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return PrintedDate(start, end, text, None, True, weekday, "not a calendar date")
    if weekday is not None and day.weekday() != weekday:
        return PrintedDate(start, end, text, None, True, weekday, f"the printed weekday does not fall on {day.isoformat()}")
    return PrintedDate(start, end, text, day, True, weekday)


#: US time zones: a numeric date printed with one puts the month first ("10/17/2022 04:01 PM EDT").
US_TIME_ZONE = re.compile(r"\b\d{1,2}[:.]?\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[ECMP][SD]?T|AKST|HST)\b", re.I)


_NUMERIC_SLASHES = re.compile(r"\b(\d{1,2})/(\d{1,2})/(?:19|20)\d\d\b")


def numeric_order_of(lines: list[str]) -> str | None:
    """The order of a page's numeric dates, when one of them can only be read one way ("14/04/2020": "DMY")."""
    orders = set()
    for line in lines:
        for m in _NUMERIC_SLASHES.finditer(line):
            first, second = int(m[1]), int(m[2])
            if first > 12 >= second:
                orders.add("DMY")
            elif second > 12 >= first:
                orders.add("MDY")
    return orders.pop() if len(orders) == 1 else None


def _read_numeric_date(m: re.Match[str], offset: int, numeric_order: str | None) -> PrintedDate:
    """ "17.07.2014", "2/26/2015": read in the one order that makes a date; both possible means unknown, unless
    the page shows its order, the date has a US time zone (month first) or dots (day first: "01.11.2023")."""
    text = m[0]
    start, end = offset + m.start(), offset + m.end()
    if numeric_order == "MDY" or US_TIME_ZONE.search(m.string[m.end() : m.end() + 30]):
        language: str | None = "en-US"
    elif numeric_order == "DMY" or "." in text:
        language = "en-GB"
    else:
        language = None
    reading = read_numeric_date(text, language)
    if reading is None or reading.date is None:
        problem = reading.reason if reading is not None and reading.reason else "not a calendar date"
        return PrintedDate(start, end, text, None, True, None, problem)
    return PrintedDate(start, end, text, reading.date, True, None)


# --- line cues -----------------------------------------------------------------------------------

_ADVERTISEMENT = re.compile(r"^[\W_]*(advertisement|advertising|sponsored( content)?|ad|promoted)[\W_]*$", re.I)
_WEATHER = re.compile(r"^-?\d{1,3}([.,]\d)?\s*°?\s*[CF]\b\W*$|^-?\d{1,3}([.,]\d)?\s*°", re.I)
_NAVIGATION_PHRASES = re.compile(
    r"^(home|latest( news)?|related( news| stories| articles| content)?|more( news| stories)?|most (read|popular|viewed)"
    r"|top stories|trending( now)?|read more|see also|recommended|menu|search|sign in|log in|subscribe|newsletter"
    r"|share( this( article| story)?)?|follow us|tags?|topics?|comments?|print|email|back to top|you may also like"
    r"|editor'?s picks?|in (other|this) news|news|world|politics|business|sport|opinion)\s*:?$",
    re.I,
)
_BREADCRUMB = re.compile(r"\s(»|›|>|/|\|)\s|^(home|main)\s*(»|›|>)", re.I)
_CREDIT = re.compile(r"^(source|via|credit|credits|short ?link|share ?link|permalink|copyright|©)\b\s*:?", re.I)
_PHOTO_CREDIT = re.compile(
    r"\((photo|picture|image|pic|file photo|video)s?\s*:[^)]*\)\s*$|^(photo|picture|image|file photo)s?\s*:"
    r"|\b(getty images|/\s*afp|/\s*reuters|/\s*ap)\s*\)?\s*$",
    re.I,
)
_STAMP = re.compile(r"^\s*(published|posted|first published|updated|last updated|modified|last modified)\b", re.I)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”]$")
_WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _is_prose(line: str) -> bool:
    """A paragraph of running text: long enough and ending like a sentence (or clearly long)."""
    count = len(_words(line))
    return count >= 20 or (count >= 8 and bool(_TERMINAL.search(line)))


def _is_date_line(line: str) -> bool:
    """A line that is a printed date and little else (a dateline, a byline with a date, a page date)."""
    dates = printed_dates(line)
    if not dates:
        return False
    rest = line
    for printed in reversed(dates):
        rest = rest[: printed.start] + " " + rest[printed.end :]
    rest = re.sub(r"\b\d{1,2}[:.]\d\d\s*(am|pm|gmt|utc|[a-z]{2,4}t)?\b", " ", rest, flags=re.I)
    return len(_words(rest)) <= 4


def _is_headline(line: str) -> bool:
    count = len(_words(line))
    return 3 <= count <= 25 and not line.rstrip().endswith((".", ":", ",", ";"))


def _normalized(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().lower()


def _chrome_kind(line: str) -> str | None:
    """The kind of a line recognizable on its own, wherever it stands."""
    stripped = line.strip()
    if _ADVERTISEMENT.match(stripped):
        return ADVERTISEMENT
    if _WEATHER.match(stripped):
        return HEADER
    if _CREDIT.match(stripped) and len(_words(stripped)) <= 6:
        return CREDIT
    if _PHOTO_CREDIT.search(stripped):
        return CAPTION
    if _NAVIGATION_PHRASES.match(stripped):
        return NAVIGATION
    if _BREADCRUMB.search(stripped) and not _is_prose(stripped) and not _is_date_line(stripped):
        return NAVIGATION
    return None


# --- the layout ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageLayout:
    """The classified lines of one page, in order. Computed once per article and passed to every step."""

    blocks: tuple[Block, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [block.start for block in self.blocks])

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def __len__(self) -> int:
        return len(self.blocks)

    def __getitem__(self, index: int) -> Block:
        return self.blocks[index]

    @property
    def body(self) -> list[Block]:
        return [block for block in self.blocks if block.kind == BODY]

    def touching(self, start: int, end: int) -> list[Block]:
        """The blocks overlapping [start, end), found by bisection so a page of many lines stays linear."""
        first = max(bisect_right(self._starts, start) - 1, 0)  # type: ignore[attr-defined]
        found = []
        for index in range(first, len(self.blocks)):
            block = self.blocks[index]
            if block.start >= end:
                break
            if start < block.end:
                found.append(block)
        return found

    def is_boilerplate(self, start: int, end: int | None = None) -> bool:
        """True when the span [start, end) lies in no article-body block."""
        touched = self.touching(start, start + 1 if end is None else end)
        return not touched or all(block.kind != BODY for block in touched)


def page_layout(text: str) -> PageLayout:
    """Classify every non-empty line of a page."""
    lines = _lines(text)
    kinds: list[str | None] = [_chrome_kind(line) for _, _, line in lines]
    prose = [kinds[i] is None and _is_prose(line) for i, (_, _, line) in enumerate(lines)]
    first_body = next((i for i, is_prose in enumerate(prose) if is_prose), len(lines))
    last_body = max((i for i, is_prose in enumerate(prose) if is_prose), default=-1)

    title_index = _title_index(lines, kinds, first_body)
    title_key = _normalized(lines[title_index][2]) if title_index is not None else ""
    if title_index is not None:
        kinds[title_index] = TITLE

    for i, (_, _, line) in enumerate(lines):
        if kinds[i] is not None:
            continue
        before_title = title_index is not None and i < title_index
        if _is_date_line(line) or _STAMP.match(line):
            kinds[i] = HEADER if before_title or (title_index is None and i < first_body and _near_chrome(kinds, i)) else DATELINE
        elif before_title or (title_index is None and i < first_body):
            kinds[i] = HEADER
        elif title_key and _normalized(line) == title_key:
            kinds[i] = RELATED
        elif prose[i] or (first_body < i < last_body and len(_words(line)) >= 4 and _TERMINAL.search(line)):
            kinds[i] = BODY
        elif i < first_body:
            kinds[i] = DATELINE if _looks_like_byline(line) else SUBHEADING
        elif i > last_body:
            kinds[i] = RELATED
        else:
            kinds[i] = SUBHEADING
    _mark_related_lists(lines, kinds)
    return PageLayout(tuple(Block(start, end, kind or BODY, line) for (start, end, line), kind in zip(lines, kinds)))


def _lines(text: str) -> list[tuple[int, int, str]]:
    lines = []
    for m in re.finditer(r"[^\r\n]+", text):
        raw = m[0]
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        lines.append((start, start + len(stripped), stripped))
    return lines


def _title_index(lines: list[tuple[int, int, str]], kinds: list[str | None], first_body: int) -> int | None:
    """The headline: a headline-like line above the first paragraph, preferring one the page repeats."""
    candidates = [
        i for i in range(first_body)
        if kinds[i] is None and _is_headline(lines[i][2]) and not _is_date_line(lines[i][2])
        and not _STAMP.match(lines[i][2]) and not _looks_like_byline(lines[i][2])
    ]
    if not candidates:
        return None
    others = [_normalized(line) for _, _, line in lines]
    for i in candidates:
        key = _normalized(lines[i][2])
        if any(j != i and (other == key or other.endswith(" " + key) or other.endswith(key)) for j, other in enumerate(others)):
            return i
    return candidates[0]


def _looks_like_byline(line: str) -> bool:
    return bool(re.match(r"^(by|from)\s+[A-Z]", line)) or bool(re.match(r"^[A-Z][\w.&-]*(\s[A-Z][\w.&-]*){0,3}\s*[,|/–—-]\s", line) and printed_dates(line))


def _near_chrome(kinds: list[str | None], index: int) -> bool:
    return any(kinds[j] in CHROME_KINDS for j in range(max(index - 2, 0), min(index + 3, len(kinds))))


def _mark_related_lists(lines: list[tuple[int, int, str]], kinds: list[str | None]) -> None:
    """After a "Related"/"Latest news" heading near the end, the short lines are other stories' headlines."""
    for i, (_, _, line) in enumerate(lines):
        if kinds[i] == NAVIGATION and re.match(r"^(related|latest|more|most|read more|see also|recommended|you may)", line, re.I):
            following = kinds[i + 1 :]
            if BODY in following:
                continue
            for j in range(i + 1, len(lines)):
                if kinds[j] in (SUBHEADING, DATELINE, None):
                    kinds[j] = RELATED


def body_blocks(text: str) -> list[Block]:
    """The article's own paragraphs: what events, actors and inferred dates should be read from."""
    return page_layout(text).body


def is_boilerplate(text: str, start: int, end: int | None = None) -> bool:
    """True when the span [start, end) of the page lies in a block that is not article body."""
    return page_layout(text).is_boilerplate(start, end)
