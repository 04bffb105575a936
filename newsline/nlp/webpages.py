"""Reading a saved or fetched web page: its text, character set, metadata and publication-date signals.

trafilatura separates the article from the page chrome (menus, related stories, footers) and reads the
title, site name and authors; htmldate and the page's own markup (JSON-LD, meta tags, `<time>`, the
URL) give publication-date *candidates*. This module does not decide the publication date: a CMS
timestamp can be a re-publication, a crawl time or a page-view date, so `weigh_markup_dates` weighs
the candidates against what the article's text says, and says which signal decided and why.
"""

from __future__ import annotations

import codecs
import json
import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import htmldate
import lxml.html
import trafilatura
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

#: Every label of the Latin-1 family means Windows-1252 on the web (WHATWG Encoding Standard): pages
#: that say ISO-8859-1 routinely use its curly quotes and dashes in 0x80–0x9F.
_WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100",
     "csisolatin1", "us-ascii", "ascii", "ansi_x3.4-1968", "windows-1252", "cp1252", "x-cp1252"}
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def _c1_passthrough(error: UnicodeError) -> tuple[str, int]:
    # The five bytes Windows-1252 leaves undefined decode to the C1 control of the same number, as browsers do.
    assert isinstance(error, UnicodeDecodeError)
    return chr(error.object[error.start]), error.start + 1


codecs.register_error("newsline-c1-passthrough", _c1_passthrough)


class WebPageError(ValueError):
    """The bytes are not a readable HTML page."""


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


@dataclass(frozen=True)
class WebPage:
    """What Newsline reads from one web page. `html` is the decoded page, kept so re-analysis needs no network."""

    html: str
    charset: str
    text: str
    title: str = ""
    outlet: str = ""
    authors: tuple[str, ...] = ()
    url: str = ""
    canonical_url: str = ""
    language: str = ""
    date_candidates: tuple[DateCandidate, ...] = ()
    notes: tuple[str, ...] = ()


# --- decoding --------------------------------------------------------------------------------------------


def _codec_name(label: str | None) -> str | None:
    """The Python codec for a charset label, Latin-1 labels read as Windows-1252; None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value ("text/html; charset=ISO-8859-1" → "ISO-8859-1")."""
    if content_type and (m := _CONTENT_TYPE_CHARSET.search(content_type)):
        return m[1]
    return None


def decode_html(data: bytes, declared_charset: str | None = None) -> tuple[str, str, list[str]]:
    """The page's text, the codec used and notes on any declaration that was overruled.

    Order as browsers use it: a byte-order mark, then the charset the server declared, then the page's
    own `<meta charset>` / `http-equiv`, then UTF-8, then Windows-1252. A page labelled Latin-1 is read
    as Windows-1252; one labelled with a single-byte charset whose bytes are valid UTF-8 with non-ASCII
    characters (a page re-saved as UTF-8 without updating its label) is read as UTF-8.
    """
    notes: list[str] = []
    boms = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
    for bom, codec in boms:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), codec, notes
    labels = [declared_charset] + [m.decode("ascii", "replace") for m in _META_CHARSET.findall(data[:4096])]
    declared = next((codec for label in labels if (codec := _codec_name(label))), None)
    if declared is None:
        known = [label for label in labels if label]
        if known:
            notes.append(f"unknown character set {known[0]!r}; read as UTF-8 or Windows-1252")
    elif declared not in ("utf-8", "cp1252"):
        try:
            return data.decode(declared), declared, notes
        except UnicodeDecodeError:
            notes.append(f"the bytes are not valid {declared}; read as UTF-8 or Windows-1252")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if declared == "utf-8":
            notes.append("labelled UTF-8 but not valid UTF-8; read as Windows-1252")
        return data.decode("cp1252", errors="newsline-c1-passthrough"), "cp1252", notes
    if declared == "cp1252" and not text.isascii():
        notes.append("labelled Latin-1/Windows-1252 but its bytes are UTF-8; read as UTF-8")
    return text, "utf-8", notes


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


def _language(tree: lxml.html.HtmlElement) -> str:
    """The page's declared language and country, as a BCP 47 tag ("en-US", "fr"), or ""."""
    declared = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    if not declared:
        for meta in tree.iter("meta"):
            name = (meta.get("property") or meta.get("name") or meta.get("http-equiv") or "").lower()
            if name in ("og:locale", "content-language", "language", "dc.language"):
                declared = meta.get("content") or ""
                break
    return declared.strip().replace("_", "-").split(",")[0].strip()


def _canonical_url(tree: lxml.html.HtmlElement) -> str:
    for link in tree.xpath('//link[@href][contains(concat(" ", normalize-space(@rel), " "), " canonical ")]'):
        return link.get("href").strip()
    for meta in tree.xpath('//meta[@property="og:url" or @name="og:url"][@content]'):
        return meta.get("content").strip()
    return ""


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


# --- the page --------------------------------------------------------------------------------------------


_NOT_A_NAME = re.compile(
    r"^(?:username|staff|admin|\d.*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)$", re.I
)


def _authors(byline: str) -> tuple[str, ...]:
    """trafilatura's "A; B" author string as names, without the date words and placeholders bylines leave in it."""
    names: dict[str, str] = {}
    for name in re.split(r";|\band\b", byline):
        name = name.strip(" ,")
        if name and not _NOT_A_NAME.match(name):
            names.setdefault(name.casefold(), name)
    return tuple(names.values())


def read_web_page(data: bytes, url: str | None = None, declared_charset: str | None = None) -> WebPage:
    """Read a saved or fetched HTML page: text without page chrome, metadata and publication-date candidates.

    `declared_charset` is the charset of the HTTP Content-Type header, when the page was fetched.
    Raises WebPageError when the bytes are not an HTML page, or one with no article text.
    """
    if not data.strip():
        raise WebPageError("the page is empty")
    if b"\x00" in data[:1024] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise WebPageError("not an HTML page (binary data)")
    html, charset, notes = decode_html(data, declared_charset)
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as error:
        raise WebPageError(f"not an HTML page ({error})") from error
    if tree.find(".//body") is None and tree.find(".//head") is None:
        raise WebPageError("not an HTML page (no <head> or <body>)")
    canonical = _canonical_url(tree)
    language = _language(tree)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extracted = trafilatura.bare_extraction(
            _copy(tree), url=url, with_metadata=True, include_comments=False, include_tables=True, as_dict=True
        )
    extracted = extracted or {}
    text = (extracted.get("text") or "").strip()
    if not text:
        raise WebPageError("no article text on the page (only menus, links or scripts)")
    return WebPage(
        html=html,
        charset=charset,
        text=text,
        title=(extracted.get("title") or "").strip(),
        outlet=(extracted.get("sitename") or "").strip(),
        authors=_authors(extracted.get("author") or ""),
        url=url or "",
        canonical_url=canonical,
        language=language,
        date_candidates=tuple(date_candidates(tree, url or canonical, language)),
        notes=tuple(notes),
    )


# --- the page's own printed stamps ------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 header footer section article aside nav table tr td th br time span "
    "figcaption blockquote dd dt address main form".split()
)
_PUBLISHED_WORDS = re.compile(
    r"\b(?:first published|originally (?:created|published)|published|posted|publié|veröffentlicht|publicado"
    r"|pubblicato|gepubliceerd)\b",
    re.I,
)
_UPDATED_WORDS = re.compile(
    r"\b(?:last updated|updated|mis à jour|aktualisiert|actualizado|aggiornato|bijgewerkt)\b", re.I
)
# A footer's "last modified" is when the file changed (a wiki, a CMS page), not a news update.
_MODIFIED_WORDS = re.compile(r"\b(?:last modified|modified|last edited|last changed)\b", re.I)


def visible_lines(html: str) -> list[str]:
    """The page's visible text, one line per block element, scripts, styles and the <head> left out."""
    tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    body = tree.find(".//body")
    if body is None:
        return []
    for element in body.xpath(".//script | .//style | .//noscript | .//template"):
        element.drop_tree()
    for element in body.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return [line for raw in body.text_content().split("\n") if (line := " ".join(raw.split()))]


def printed_date_stamps(page: WebPage) -> TextDateEvidence:
    """The dates the page prints as its own: "Published …" and "Updated …" stamps, and every date it shows.

    Dates are read with bylines.find_dates in the page's language (so "Publié le 17 juillet 2014" and
    "17.07.2014" count); an ambiguous day/month order is not a date. A stamp's date is the first one after
    its word; "Published 3 Jan, updated 16 Jan" gives one of each. `printed` is the first published stamp.
    """
    published: list[tuple[date, str]] = []
    updated: set[date] = set()
    modified: set[date] = set()
    shown: set[date] = set()
    for line in visible_lines(page.html):
        if len(line) > 200 or not re.search(r"\d", line):
            continue
        readings = [r for r in find_dates(line, page.language) if r.date is not None]
        shown.update(r.date for r in readings if r.date is not None)
        stamps = sorted([(m.end(), "published") for m in _PUBLISHED_WORDS.finditer(line)]
                        + [(m.end(), "updated") for m in _UPDATED_WORDS.finditer(line)]
                        + [(m.end(), "modified") for m in _MODIFIED_WORDS.finditer(line)])
        for index, (at, what) in enumerate(stamps):
            until = stamps[index + 1][0] if index + 1 < len(stamps) else len(line)
            reading = next((r for r in readings if at <= r.start < until), None)
            if reading is None or reading.date is None:
                continue
            if what == "updated":
                updated.add(reading.date)
            elif what == "modified":
                modified.add(reading.date)
            else:
                published.append((reading.date, line))
    printed, evidence = published[0] if published else (None, "")
    return TextDateEvidence(printed, evidence, frozenset(updated), frozenset(modified), frozenset(shown))



# --- weighing --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextDateEvidence:
    """What the page's text says about its publication date, as the text analysis found it.

    `printed` is the day the text's byline or dateline prints as the publication (None when it prints
    none), `printed_evidence` that line; `updated_dates` the days it prints in "Updated" stamps (the
    version shown), `modified_dates` those of "last modified" footers (when the file changed);
    `shown_dates` every day it prints anywhere (None when not looked at); `page_view_dates` dates the
    text shows as page chrome (the day the page was viewed, next to the weather): a markup date equal
    to one of them is a crawl time; `contradictions` maps a day to what the article says against it
    being the publication day.
    """

    printed: date | None = None
    printed_evidence: str = ""
    updated_dates: frozenset[date] = frozenset()
    modified_dates: frozenset[date] = frozenset()
    shown_dates: frozenset[date] | None = None
    page_view_dates: frozenset[date] = frozenset()
    contradictions: Mapping[date, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class MarkupDateChoice:
    """The publication date the page supports (None: no trustworthy one) and why.

    `kind` is the signal that decided (a KIND_ORDER kind, or "text" when the printed dateline did),
    `evidence` a sentence for editors, `rejected` the signals refused, each with the reason.
    """

    date: date | None
    precision: str = ""
    kind: str = ""
    evidence: str = ""
    confidence: float = 0.0
    rejected: tuple[str, ...] = ()


_STRUCTURED_KINDS = (JSON_LD_PUBLISHED, META_PUBLISHED, MARKED_PUBLISHED, SCRIPT_PUBLISHED)
# Signals that may have been read from the visible text (htmldate searches it), not from the CMS's fields.
_GUESSED_KINDS = (HTMLDATE_ORIGINAL, PRINTED_TIME, TIME_ELEMENT)


def _label(candidate: DateCandidate) -> str:
    return f"{KIND_LABELS[candidate.kind]} {candidate.date.isoformat()}"


def weigh_markup_dates(candidates: list[DateCandidate] | tuple[DateCandidate, ...],
                       text: TextDateEvidence | None = None) -> MarkupDateChoice:
    """Choose the publication day from the markup's candidates, checked against what the text prints and says.

    1. "Modified" signals never date the publication.
    2. A signal is rejected when the text contradicts its day (twice for a CMS field: JSON-LD, meta,
       marked element, script data, or a day two kinds agree on; once for the others), or when it is
       only htmldate's or a `<time>`'s guess and the page shows that day as the page-view date or a
       "last modified" footer, or (htmldate alone) prints it nowhere.
    3. A day the text prints as published (the article's own byline or dateline, not the page chrome)
       beats markup that disagrees with it, unless an uncontradicted CMS field says otherwise.
    4. Otherwise the most reliable kind wins; agreeing kinds (±1 day, since a UTC timestamp may fall on
       the next day) raise the confidence, and within them the page's local date is preferred to UTC.
    5. No date is claimed when two independent reliable signals disagree with nothing to settle it. A
       page that never prints the markup's publication day but prints one "Updated" day is dated by it
       (the version its readers see), with a low confidence.
    """
    text = text or TextDateEvidence()
    rejected: list[str] = []
    usable: list[DateCandidate] = []
    published = [c for c in sorted(candidates, key=lambda c: c.reliability) if not c.is_modification]
    structured_days = {c.date for c in published if c.kind in _STRUCTURED_KINDS or c.kind == URL_DATE}
    for candidate in published:
        guessed_alone = candidate.kind in _GUESSED_KINDS and not any(_agrees_day(d, candidate.date)
                                                                     for d in structured_days)
        htmldate_alone = candidate.kind == HTMLDATE_ORIGINAL and not any(
            _agrees_day(c.date, candidate.date) for c in published if c.kind != HTMLDATE_ORIGINAL
        )
        against = text.contradictions.get(candidate.date, ())
        # One odd clue in the text does not outweigh a CMS field or two signals that agree; two clues do.
        agreeing_kinds = {c.kind for c in published if _agrees_day(c.date, candidate.date)}
        if len(against) >= (2 if candidate.kind in _STRUCTURED_KINDS or len(agreeing_kinds) >= 2 else 1):
            rejected.append(f"{_label(candidate)}: the article contradicts it: " + "; ".join(against))
        elif guessed_alone and candidate.date in text.page_view_dates:
            rejected.append(f"{_label(candidate)}: the day the page was viewed, as the page header shows")
        elif guessed_alone and candidate.date in text.modified_dates and candidate.date != text.printed:
            rejected.append(f"{_label(candidate)}: the page's “last modified” date, not its publication")
        elif htmldate_alone and text.shown_dates is not None and candidate.date not in text.shown_dates:
            rejected.append(f"{_label(candidate)}: htmldate's guess, printed nowhere on the page")
        else:
            usable.append(candidate)

    if text.printed is not None and not _plausible(text.printed):
        rejected.append(f"the printed “{text.printed_evidence}” ({text.printed.isoformat()}): not a possible day")
        text = replace(text, printed=None, printed_evidence="")
    structured = [c for c in usable if c.kind in _STRUCTURED_KINDS]
    printed_outweighed = bool(structured) and not any(_confirms(c, text.printed) for c in structured if text.printed)
    if text.printed is not None and printed_outweighed:
        rejected.append(f"the printed “{text.printed_evidence}” ({text.printed.isoformat()}): the "
                        f"{KIND_LABELS[structured[0].kind]} says {structured[0].date.isoformat()} and the article "
                        "does not contradict it")
    elif text.printed is not None and len(text.contradictions.get(text.printed, ())) < 2:
        agreeing = [c for c in usable if _confirms(c, text.printed)]
        rejected += [f"{_label(c)}: the page prints {text.printed.isoformat()} (“{text.printed_evidence}”)"
                     for c in usable if c not in agreeing]
        confirmation = f", confirmed by the {KIND_LABELS[agreeing[0].kind]}" if agreeing else ""
        return MarkupDateChoice(text.printed, "day", "text", f"printed “{text.printed_evidence}”{confirmation}",
                                0.95 if agreeing else 0.85, tuple(rejected))

    days = [c for c in usable if c.precision == "day"]
    if not days:
        return MarkupDateChoice(None, "", "", "no trustworthy publication date in the markup", 0.0, tuple(rejected))
    best = days[0]
    cluster = [c for c in days if _agrees(c, best.date)]
    support = {c.kind for c in cluster} - {best.kind}
    conflicting = [c for c in days if c not in cluster]
    # htmldate reads the same markup as the structured signals, so its disagreement alone does not count.
    independent = [c for c in conflicting if not (best.kind in _STRUCTURED_KINDS and c.kind in _GUESSED_KINDS)]
    if independent and not support:
        rejected.append(f"{_label(best)} and {_label(independent[0])} disagree and nothing confirms either")
        return MarkupDateChoice(None, "", "", "the page's date signals disagree", 0.0, tuple(rejected))
    local = next((c for c in cluster if not c.utc), best)
    shown = text.shown_dates
    if text.updated_dates and shown is not None and not any(_agrees_day(d, local.date) for d in shown):
        return _updated_only(text, f"{_label(local)}: printed nowhere on the page", rejected)
    rejected += [f"{_label(c)}: outweighed by the {KIND_LABELS[best.kind]}" for c in conflicting]
    agreeing_labels = ", ".join(KIND_LABELS[kind] for kind in KIND_ORDER if kind in support)
    evidence = best.evidence + (f" (agrees with the {agreeing_labels})" if agreeing_labels else "")
    if local is not best:
        evidence += f"; local date from the {KIND_LABELS[local.kind]} ({local.evidence})"
    confidence = min(0.95, 0.75 + 0.1 * len(support))
    return MarkupDateChoice(local.date, "day", best.kind, evidence, round(confidence, 2), tuple(rejected))


def _updated_only(text: TextDateEvidence, refused: str, rejected: list[str]) -> MarkupDateChoice:
    """The markup's publication day is printed nowhere, only one "Updated" day: the version readers see."""
    rejected.append(refused)
    if len(text.updated_dates) != 1:
        updates = ", ".join(sorted(d.isoformat() for d in text.updated_dates))
        return MarkupDateChoice(None, "", "", f"the page shows only update dates ({updates})", 0.0, tuple(rejected))
    (updated,) = text.updated_dates
    evidence = f"the page prints no publication date, only “Updated {updated:%-d %B %Y}”: the version it shows"
    return MarkupDateChoice(updated, "day", "text_updated", evidence, 0.5, tuple(rejected))


def _agrees_day(a: date, b: date) -> bool:
    return abs((a - b).days) <= 1


def _confirms(candidate: DateCandidate, day: date) -> bool:
    """The candidate names `day` itself (a UTC timestamp may be a day off the page's local date)."""
    return candidate.date == day or (candidate.utc and _agrees_day(candidate.date, day)) or (
        candidate.precision == "month" and _agrees(candidate, day)
    )


def _agrees(candidate: DateCandidate, day: date) -> bool:
    if candidate.precision == "month":
        return (candidate.date.year, candidate.date.month) == (day.year, day.month)
    return _agrees_day(candidate.date, day)
