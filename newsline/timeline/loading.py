"""Read articles to ingest: text and Markdown files, saved web pages, fetched URLs and pasted or uploaded text."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

from newsline.nlp.articles import read_article_data
from newsline.nlp.page_dates import printed_date_stamps
from newsline.nlp.pipeline import ArticleFile, BadArticle, PageDates, read_article_file
from newsline.nlp.webpages import WebPage, WebPageError, read_web_page

from .fetch import FetchError, fetch_page
from .models import Source

#: Saved web pages: their article text, metadata and publication-date markup are read from the HTML.
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class LoadedArticle:
    """An article read and checked, ready to analyse: the file name it is stored under, where it came from (a path
    or a URL, for reports), its content hash, the article and, for a web page, its HTML and date signals."""

    name: str
    origin: str
    key: str
    article: ArticleFile
    html: str = ""
    page_dates: PageDates | None = None




def load_file(path: Path) -> LoadedArticle:
    """A text or Markdown article, or a saved web page (.html, .htm), read and checked; BadArticle says why not."""
    if path.suffix.lower() in HTML_SUFFIXES:
        return load_page(read_limited(path), path.name, str(path))
    key, article = read_article_file(path, settings.NEWSLINE_MAX_ARTICLE_BYTES)
    return LoadedArticle(path.name, str(path), key, article)


def load_text(data: bytes, name: str, origin: str) -> LoadedArticle:
    """A text article given as bytes (uploaded or pasted), with the checks a file gets."""
    key, article = read_article_data(data)
    return LoadedArticle(name, origin, key, article)


def pasted_file_name(text: str) -> str:
    """A file name for pasted text: its first words and a short hash, e.g. "pasted-harbour-board-votes-1a2b3c4d.txt"."""
    words = re.findall(r"[A-Za-z0-9]+", text)[:6]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return "-".join(["pasted", *(word.lower() for word in words), digest]) + ".txt"


def read_limited(path: Path) -> bytes:
    limit = settings.NEWSLINE_MAX_ARTICLE_BYTES
    with path.open("rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise BadArticle(f"file is more than the limit of {limit:,} bytes (NEWSLINE_MAX_ARTICLE_BYTES)")
    return data


def load_page(data: bytes, name: str, origin: str, url: str = "", charset: str | None = None) -> LoadedArticle:
    """A web page (saved, fetched from `url` or uploaded) as an article: the body text trafilatura separates from
    the page chrome, its title, site name and canonical URL, and its publication-date signals. The key is the hash of
    the page's bytes; its decoded HTML is kept so the page can be analysed again without the network."""
    try:
        page = read_web_page(data, url or None, charset)
    except WebPageError as error:
        raise BadArticle(str(error)) from None
    if len(page.text.split()) < 5:
        raise BadArticle("the page has no article text (fewer than five words)")
    front_matter = {"title": page.title, "outlet": page.outlet, "url": page.canonical_url or page.url}
    article = ArticleFile(text=page.text, front_matter={key: value for key, value in front_matter.items() if value})
    return LoadedArticle(name, origin, hashlib.sha256(data).hexdigest(), article, page.html, page_dates_of(page))


def page_dates_of(page: WebPage) -> PageDates:
    return PageDates(page.date_candidates, printed_date_stamps(page))


def stored_page_dates(source: Source) -> PageDates | None:
    """The date signals of a source's stored web page (read again from its HTML, not the network); None for text."""
    if not source.html:
        return None
    try:
        return page_dates_of(read_web_page(source.html.encode("utf-8"), source.url or None, "utf-8"))
    except WebPageError:
        return None


def load_url(url: str) -> LoadedArticle:
    """The page at `url` fetched (see `fetch_page`) and read as a saved page named after its address."""
    try:
        fetched = fetch_page(url)
    except FetchError as error:
        raise BadArticle(str(error)) from None
    return load_page(fetched.data, url_file_name(fetched.url), url, fetched.url, fetched.charset)


def url_file_name(url: str) -> str:
    """A file name for a fetched page: its host and path (and query) as one slug, e.g.
    "news.example.org-2016-12-15-council-vote.html"."""
    parts = urlsplit(url)
    slug = re.sub(r"[^A-Za-z0-9._]+", "-", f"{parts.hostname or ''} {parts.path} {parts.query}").strip("-.")
    slug = re.sub(r"\.html?$", "", slug, flags=re.I)
    if len(slug) > 200:
        slug = f"{slug[:180]}-{hashlib.sha256(url.encode()).hexdigest()[:12]}"
    return f"{slug or 'page'}.html"
