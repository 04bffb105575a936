"""One article through every step: publication date, temporal expressions, events and actors."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .articles import ArticleFile
from .events import EventCandidate, extract_events
from .metadata import detect_outlet, detect_title
from .pubdates import PublicationDate, detect_publication_date
from .temporal import Timex, find_timexes

RELIABLE_HOW = ("front_matter", "printed", "editor")


@dataclass(frozen=True)
class ArticleAnalysis:
    title: str
    outlet: str
    url: str
    publication: PublicationDate
    timexes: list[Timex]
    events: list[EventCandidate]
    doc: Doc

    @property
    def has_reliable_day(self) -> bool:
        return self.publication.precision == "day" and self.publication.how in RELIABLE_HOW


def analyze_article(
    article: ArticleFile, nlp: Language, publication: PublicationDate | None = None, doc: Doc | None = None
) -> ArticleAnalysis:
    """Analyze one article. A known `publication` date (front matter, an editor's) skips detection.

    Pass the `doc` of an earlier analysis of the same text to re-resolve it without parsing again.
    """
    doc = doc if doc is not None else nlp(article.text)
    if publication is None and article.published:
        publication = PublicationDate(article.published, "day", "front_matter", "front matter 'published'", 1.0)
    if publication is None:
        publication = detect_publication_date(doc)
    timexes = find_timexes(doc, publication.date if publication.precision == "day" else None)
    return ArticleAnalysis(
        title=article.front_matter.get("title") or detect_title(article.text),
        outlet=article.front_matter.get("outlet") or detect_outlet(article.text),
        url=article.front_matter.get("url", ""),
        publication=publication,
        timexes=timexes,
        events=extract_events(doc, timexes),
        doc=doc,
    )
