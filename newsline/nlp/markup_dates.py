"""A web page's publication-date candidates: the signal kinds, and the JSON-LD, meta, `<time>` and URL readers."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import htmldate
import lxml.html
from lxml import etree

from .bylines import find_dates


# Publication-date signals, most reliable first. "modified" kinds are when the page last changed: an
# upper bound for the publication date, never the publication date itself.
JSON_LD_PUBLISHED = "json_ld_published"
META_PUBLISHED = "meta_published"
MARKED_PUBLISHED = "marked_published"
SCRIPT_PUBLISHED = "script_published"
PRINTED_TIME = "printed_time"
HTMLDATE_ORIGINAL = "htmldate_original"
URL_DATE = "url"
TIME_ELEMENT = "time_element"
JSON_LD_MODIFIED = "json_ld_modified"
META_MODIFIED = "meta_modified"
HTMLDATE_UPDATED = "htmldate_updated"

PUBLISHED_KINDS = (
    JSON_LD_PUBLISHED, META_PUBLISHED, MARKED_PUBLISHED, SCRIPT_PUBLISHED, PRINTED_TIME, HTMLDATE_ORIGINAL, URL_DATE,
    TIME_ELEMENT,
)
MODIFIED_KINDS = (JSON_LD_MODIFIED, META_MODIFIED, HTMLDATE_UPDATED)
KIND_ORDER = PUBLISHED_KINDS + MODIFIED_KINDS
KIND_LABELS = {
    JSON_LD_PUBLISHED: "JSON-LD datePublished",
    META_PUBLISHED: "publication meta tag",
    MARKED_PUBLISHED: "element marked as the publication date",
    SCRIPT_PUBLISHED: "publication date in the page's script data",
    PRINTED_TIME: "first <time> element, printing its date",
    HTMLDATE_ORIGINAL: "htmldate (original date)",
    URL_DATE: "date in the URL",
    TIME_ELEMENT: "first <time> element",
    JSON_LD_MODIFIED: "JSON-LD dateModified",
    META_MODIFIED: "modification meta tag",
    HTMLDATE_UPDATED: "htmldate (last update)",
}


@dataclass(frozen=True)
class DateCandidate:
    """A publication-date signal of the page: `kind` is one of KIND_ORDER, `evidence` what was read where.

    `precision` is "day" or "month" (a URL like /2015/04/); `date` is the first day of that period.
    """

    date: date
    precision: str
    kind: str
    evidence: str
    #: A timestamp written in UTC: the page's local date may be a day earlier or later.
    utc: bool = False

    @property
    def reliability(self) -> int:
        """Lower is more reliable (the position of `kind` in KIND_ORDER)."""
        return KIND_ORDER.index(self.kind)

    @property
    def is_modification(self) -> bool:
        return self.kind in MODIFIED_KINDS


# --- markup ----------------------------------------------------------------------------------------------

_ISO_PREFIX = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_COMPACT = re.compile(r"^\s*((?:19|20)\d\d)(\d\d)(\d\d)(?:\b|T)")
_PUBLISHED_META = frozenset(
    "article:published_time article:published og:published_time og:article:published_time published_time "
    "publish_date publish-date publishdate pubdate datepublished date_published dc.date dc.date.issued "
    "dcterms.issued dcterms.created dc.date.created sailthru.date parsely-pub-date original-publish-date "
    "citation_publication_date citation_date article.published article_date_original date "
    "cxenseparse:recs:publishtime displaydate publication_date".split()
)
_MODIFIED_META = frozenset(
    "article:modified_time og:updated_time og:article:modified_time modified_time datemodified date_modified "
    "dcterms.modified dc.date.modified last-modified lastmod article.updated".split()
)
# JSON-LD objects under these keys describe other things (related stories, comments, the publisher).
_JSON_LD_OTHER_THINGS = frozenset(
    "itemListElement hasPart comment review citation mentions relatedLink isPartOf author creator publisher "
    "about subjectOf workExample video associatedMedia".split()
)
_URL_DAY = re.compile(
    r"(?:^|[/_-])((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2]|[a-z]{3})[/_-]?(0[1-9]|[12]\d|3[01])(?=$|[/_.-])", re.I
)
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/")
_MONTH_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def parse_markup_date(value: str) -> date | None:
    """The calendar day of a machine-readable date as the page wrote it (the day in its own time zone)."""
    value = value.strip()
    if not value:
        return None
    if m := (_ISO_PREFIX.match(value) or _COMPACT.match(value)):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


_UTC_TIMESTAMP = re.compile(r"\d[T ]\d\d:\d\d.*(?:Z|[+-]00:?00|\b(?:GMT|UTC))\s*$", re.I)


def _is_utc(value: str) -> bool:
    return bool(_UTC_TIMESTAMP.search(value.strip()))


def _plausible(day: date) -> bool:
    return date(1995, 1, 1) <= day <= date.today()


def _json_ld_candidates(tree: lxml.html.HtmlElement) -> Iterator[DateCandidate]:
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        raw = (script.text or "").strip().removeprefix("<![CDATA[").removesuffix("]]>").strip()
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for thing in _json_ld_things(data):
            kind_name = thing.get("@type", "Thing")
            kind_name = ",".join(kind_name) if isinstance(kind_name, list) else str(kind_name)
            for key, kind in (("datePublished", JSON_LD_PUBLISHED), ("dateCreated", JSON_LD_PUBLISHED),
                              ("dateModified", JSON_LD_MODIFIED)):
                value = thing.get(key)
                if isinstance(value, str) and (day := parse_markup_date(value)) and _plausible(day):
                    yield DateCandidate(day, "day", kind, f"JSON-LD {kind_name} {key} “{value}”", _is_utc(value))


def _json_ld_things(data: object) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_things(item)
    elif isinstance(data, dict):
        yield data
        for key, value in data.items():
            if key not in _JSON_LD_OTHER_THINGS and isinstance(value, (dict, list)):
                yield from _json_ld_things(value)


def _meta_candidates(tree: lxml.html.HtmlElement) -> Iterator[DateCandidate]:
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv") or "")
        name = name.strip().lower()
        kind = META_PUBLISHED if name in _PUBLISHED_META else META_MODIFIED if name in _MODIFIED_META else None
        content = meta.get("content") or ""
        if kind and (day := parse_markup_date(content)) and _plausible(day):
            yield DateCandidate(day, "day", kind, f"<meta {name}=“{content}”>", _is_utc(content))


def _marked_candidates(tree: lxml.html.HtmlElement, language: str) -> Iterator[DateCandidate]:
    """`<time pubdate>`, `itemprop="datePublished"` on visible elements, and the first `<time datetime>`.

    The first `<time>` is a byline when its text prints the day of its `datetime` ("Sept. 19, 2016").
    """
    for element in tree.xpath('//*[@itemprop="datePublished"][not(self::meta)] | //time[@pubdate]'):
        value = element.get("datetime") or element.get("content") or ""
        if (day := parse_markup_date(value)) and _plausible(day):
            yield DateCandidate(
                day, "day", MARKED_PUBLISHED, f"<{element.tag} datetime=“{value}”> marked as published", _is_utc(value)
            )
    for element in tree.iter("time"):
        value = element.get("datetime") or ""
        if (day := parse_markup_date(value)) and _plausible(day):
            shown = " ".join(element.text_content().split())[:80]
            printed = any(r.date == day for r in find_dates(shown, language))
            kind = PRINTED_TIME if printed else TIME_ELEMENT
            yield DateCandidate(day, "day", kind, f"<time datetime=“{value}”> {shown}".strip(), _is_utc(value))
            break


_SCRIPT_PUBLISHED_FIELD = re.compile(
    r'"(?:datePublished|publishedDate|published_at|publishedAt|publishDate|publish_date|firstPublished|pubDate)"'
    r'\s*:\s*"([^"]{8,40})"'
)


def _script_candidates(tree: lxml.html.HtmlElement) -> Iterator[DateCandidate]:
    """The first publication field of the page's own data scripts (application/json state, not JSON-LD)."""
    for script in tree.iter("script"):
        if "ld+json" in (script.get("type") or "").lower() or script.get("src"):
            continue
        if (m := _SCRIPT_PUBLISHED_FIELD.search(script.text or "")) and (day := parse_markup_date(m[1])):
            if _plausible(day):
                yield DateCandidate(day, "day", SCRIPT_PUBLISHED, f"script data {m[0]}", _is_utc(m[1]))
                return


def url_date_candidates(url: str) -> list[DateCandidate]:
    """A date in the URL's path: /2015/03/18/, /2015/mar/18/, -20161216-story, /story/2019-08-27/, or /2015/04/."""
    path = urlsplit(url).path if "://" in url else url
    if m := _URL_DAY.search(path):
        if m[2].isalpha() and m[2].lower() not in _MONTH_ABBR:
            return []
        month = _MONTH_ABBR.index(m[2].lower()) + 1 if m[2].isalpha() else int(m[2])
        try:
            day = date(int(m[1]), month, int(m[3]))
        except ValueError:
            return []
        return [DateCandidate(day, "day", URL_DATE, f"URL {url}")] if _plausible(day) else []
    if m := _URL_MONTH.search(path):
        day = date(int(m[1]), int(m[2]), 1)
        return [DateCandidate(day, "month", URL_DATE, f"URL {url}")] if _plausible(day) else []
    return []


def _htmldate_candidates(tree: lxml.html.HtmlElement, url: str | None) -> Iterator[DateCandidate]:
    for original, kind in ((True, HTMLDATE_ORIGINAL), (False, HTMLDATE_UPDATED)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # htmldate prunes the tree it is given, so each run gets its own copy.
            found = htmldate.find_date(_copy(tree), original_date=original, extensive_search=True, url=url)
        if found and (day := parse_markup_date(found)):
            yield DateCandidate(day, "day", kind, f"htmldate {'original' if original else 'updated'} date {found}")


def _copy(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(etree.tostring(tree))


def date_candidates(tree: lxml.html.HtmlElement, url: str = "", language: str = "") -> list[DateCandidate]:
    """Every publication-date signal of a parsed page, most reliable kind first; duplicates of a kind removed."""
    found = [*_json_ld_candidates(tree), *_meta_candidates(tree), *_marked_candidates(tree, language),
             *_script_candidates(tree)]
    found += _htmldate_candidates(tree, url or None)
    if url:
        found += url_date_candidates(url)
    unique: dict[tuple[str, date], DateCandidate] = {}
    for candidate in found:
        unique.setdefault((candidate.kind, candidate.date), candidate)
    return sorted(unique.values(), key=lambda c: c.reliability)
