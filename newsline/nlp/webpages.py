"""Reading a saved or fetched web page: its text, character set and metadata, without the page chrome.

trafilatura separates the article from the page chrome (menus, related stories, footers) and reads the
title, site name and authors; `markup_dates` reads the page's publication-date *candidates* (htmldate,
JSON-LD, meta tags, `<time>`, the URL) and `page_dates` weighs them against what the article's text says.
"""

from __future__ import annotations

import codecs
import re
import warnings
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from .markup_dates import DateCandidate, _copy, date_candidates

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
