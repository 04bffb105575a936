"""One article through every step: publication date, temporal expressions, events and actors."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from .articles import ArticleFile
from .events import EventCandidate, extract_events
from .pubdates import PublicationDate, detect_publication_date
from .temporal import Timex, find_timexes


@dataclass(frozen=True)
class ArticleAnalysis:
    title: str
    outlet: str
    url: str
    publication: PublicationDate
    timexes: list[Timex]
    events: list[EventCandidate]


def analyze_article(article: ArticleFile, nlp: Language, publication: PublicationDate | None = None) -> ArticleAnalysis:
    """Analyze one article. A known `publication` date (front matter, an editor's) skips detection."""
    doc = nlp(article.text)
    if publication is None and article.published:
        publication = PublicationDate(article.published, "day", "front_matter", "front matter 'published'", 1.0)
    if publication is None:
        publication = detect_publication_date(doc)
    timexes = find_timexes(doc, publication.date)
    title = article.front_matter.get("title") or _first_line(article.text)
    return ArticleAnalysis(
        title=title,
        outlet=article.front_matter.get("outlet", ""),
        url=article.front_matter.get("url", ""),
        publication=publication,
        timexes=timexes,
        events=extract_events(doc, timexes),
    )


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if len(line.split()) >= 4:
            return line.strip()[:300]
    return ""
