"""The one entry to the analysis: an article → its analysis; a collection of articles → its analysis.

`analyze_article` parses one article once, computes its page layout once and carries both through every
step (publication date, temporal expressions, events, the dated reports other articles are corroborated
from). Its result is plain, picklable data: no spaCy objects.

`analyze_collection` analyses each article on its own (a failure is reported, the others carry on), then
does the work across articles: publication dates corroborated from other articles (and from `known`
reports of articles analysed earlier), reports grouped into happenings, each happening's date chosen,
and expressions such as "a week before the inauguration" resolved once that happening is dated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from .actor_index import ActorIndex
from .actors import ActorMention
from .articles import (
    MAX_ARTICLE_CHARS,
    ArticleFile,
    BadArticle,
    FrontMatterError,
    collect_files,
    read_article,
    read_article_file,
)
from .extraction import EventCandidate, extract_events
from .happenings import (
    DateChoice,
    DateEvidence,
    EventFeatures,
    actor_prominence,
    best_group,
    choose_date,
    importance,
    resolve_reference,
)
from .layout import PageLayout, page_layout
from .metadata import detect_outlet, detect_title
from .spacy_model import load_article_pipeline
from .publication import DatedReport, PublicationDate, corroborate_publication, dated_reports, detect_publication_date
from .status import RELIABLE_HOW, UNCERTAIN_HOW, Anchor, PublishedHow
from .temporal import DateRange, Timex, display_value, find_timexes, modified_range

__all__ = [
    "MAX_ARTICLE_CHARS",
    "RELIABLE_HOW",
    "UNCERTAIN_HOW",
    "ActorIndex",
    "ActorMention",
    "Anchor",
    "ArticleAnalysis",
    "ArticleFailure",
    "ArticleFile",
    "ArticleInput",
    "ArticleTooLong",
    "BadArticle",
    "CollectionAnalysis",
    "DateChoice",
    "DateEvidence",
    "DateRange",
    "DatedReport",
    "EventCandidate",
    "EventFeatures",
    "FrontMatterError",
    "Happening",
    "PublicationDate",
    "PublishedHow",
    "Timex",
    "actor_prominence",
    "analyze_article",
    "analyze_collection",
    "best_group",
    "choose_date",
    "collect_files",
    "display_value",
    "importance",
    "load_article_pipeline",
    "modified_range",
    "read_article",
    "read_article_file",
    "report_label",
    "resolve_reference",
]

Progress = Callable[[str], None]


class ArticleTooLong(ValueError):
    pass


@dataclass(frozen=True)
class ArticleInput:
    """An article to analyse: a unique name (its file name), the article, and a publication date already
    known for it (an editor's), which skips detection."""

    name: str
    article: ArticleFile
    publication: PublicationDate | None = None


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything one article says, as plain data. `reports` are its day-dated happenings, for dating others."""

    name: str
    title: str
    outlet: str
    url: str
    publication: PublicationDate
    timexes: list[Timex]
    events: list[EventCandidate]
    reports: list[DatedReport] = field(default_factory=list)

    @property
    def has_reliable_day(self) -> bool:
        return self.publication.reliable_day

    @property
    def label(self) -> str:
        return report_label(self.outlet, self.name)


@dataclass(frozen=True)
class ArticleFailure:
    name: str
    reason: str


@dataclass(frozen=True)
class Happening:
    """Reports of one happening across the collection: (article index, event index) pairs, the chosen date
    (None when no report is dated) and an importance from 0 to 1."""

    reports: list[tuple[int, int]]
    date: DateChoice | None
    importance: float


@dataclass
class CollectionAnalysis:
    articles: list[ArticleAnalysis]
    failures: list[ArticleFailure]
    happenings: list[Happening]
    #: Event-anchored expressions resolved across articles: (article index, event index) → TIMEX3 value.
    referenced: dict[tuple[int, int], str] = field(default_factory=dict)


def report_label(outlet: str, name: str) -> str:
    """How corroboration evidence names another article; unique per file."""
    return f"{outlet} ({name})" if outlet else name


def check_length(text: str, nlp: Language) -> None:
    limit = min(MAX_ARTICLE_CHARS, nlp.max_length)
    if len(text) > limit:
        raise ArticleTooLong(f"article is {len(text):,} characters long, more than the limit of {limit:,}")


#: Texts longer than this are parsed in pieces cut at line breaks: spaCy's cost per character grows with the
#: length of one document, so a page of many thousand lines would take minutes instead of seconds.
PARSE_CHUNK_CHARS = 20_000


def parse(text: str, nlp: Language) -> Doc:
    """The parsed article, in pieces of about PARSE_CHUNK_CHARS characters joined back into one Doc."""
    check_length(text, nlp)
    if len(text) <= PARSE_CHUNK_CHARS:
        return nlp(text)
    pieces = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + PARSE_CHUNK_CHARS)
        end = len(text) if end == -1 else end + 1
        pieces.append(text[start:end])
        start = end
    return Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)


def analyze_article(
    item: ArticleInput, nlp: Language, doc: Doc | None = None, layout: PageLayout | None = None
) -> ArticleAnalysis:
    """Analyze one article. Pass the `doc` (and `layout`) of an earlier analysis of the same text to re-resolve
    it against another publication date without parsing again."""
    article = item.article
    doc = doc if doc is not None else parse(article.text, nlp)
    layout = layout if layout is not None else page_layout(doc.text)
    publication = item.publication
    if publication is None and article.published:
        publication = PublicationDate(article.published, "day", PublishedHow.FRONT_MATTER, "front matter 'published'", 1.0)
    if publication is None:
        publication = detect_publication_date(doc, layout)
    timexes = find_timexes(doc, publication.date if publication.precision == "day" else None)
    outlet = article.front_matter.get("outlet") or detect_outlet(article.text, layout)
    return ArticleAnalysis(
        name=item.name,
        title=article.front_matter.get("title") or detect_title(article.text, layout),
        outlet=outlet,
        url=article.front_matter.get("url", ""),
        publication=publication,
        timexes=timexes,
        events=extract_events(doc, timexes, layout),
        reports=dated_reports(doc, publication, report_label(outlet, item.name), layout, timexes),
    )


def analyze_collection(
    items: Sequence[ArticleInput],
    nlp: Language,
    known: Sequence[DatedReport] = (),
    progress: Progress = lambda message: None,
) -> CollectionAnalysis:
    """Analyse every article, each on its own, then across articles (see the module's docstring).

    `known` are dated reports of articles analysed before (stored ones), for corroboration only.
    """
    analyses: dict[str, ArticleAnalysis] = {}
    parsed: dict[str, tuple[Doc, PageLayout]] = {}
    inputs = {item.name: item for item in items}
    failures: list[ArticleFailure] = []
    for number, item in enumerate(items, start=1):
        progress(f"analyzing  [{number}/{len(items)}] {item.name}")
        try:
            doc = parse(item.article.text, nlp)
            layout = page_layout(doc.text)
            analyses[item.name] = analyze_article(item, nlp, doc, layout)
        except Exception as error:  # one article's failure must not stop the others
            failures.append(ArticleFailure(item.name, describe(error)))
            progress(f"failed     {item.name}: {describe(error)}")
            continue
        parsed[item.name] = (doc, layout)
    _corroborate(analyses, parsed, inputs, nlp, known, failures, progress)
    articles = list(analyses.values())
    happenings = group_happenings(articles)
    return CollectionAnalysis(articles, failures, happenings, resolve_references(articles, happenings))


def describe(error: Exception) -> str:
    if isinstance(error, (ArticleTooLong, FrontMatterError)):
        return str(error)
    return f"{error.__class__.__name__}: {error}"


def _corroborate(
    analyses: dict[str, ArticleAnalysis],
    parsed: dict[str, tuple[Doc, PageLayout]],
    inputs: dict[str, ArticleInput],
    nlp: Language,
    known: Sequence[DatedReport],
    failures: list[ArticleFailure],
    progress: Progress,
) -> None:
    """Date articles that print no reliable day from other articles reporting the same happenings.

    A second round lets an article dated in the first corroborate the rest.
    """
    for _round in range(2):
        reports = list(known)
        for analysis in analyses.values():
            reports += analysis.reports
        for name, analysis in list(analyses.items()):
            if analysis.has_reliable_day:
                continue
            others = [report for report in reports if report.source_label != analysis.label]
            doc, layout = parsed[name]
            try:
                publication = corroborate_publication(doc, others, analysis.publication, layout)
                if publication != analysis.publication:
                    progress(f"dated      {name}: {publication.how} {publication.value}")
                    item = ArticleInput(name, inputs[name].article, publication)
                    analyses[name] = analyze_article(item, nlp, doc, layout)
            except Exception as error:  # the article keeps the date it had; the others carry on
                failures.append(ArticleFailure(name, "corroboration: " + describe(error)))
                progress(f"failed     {name}: corroboration: {describe(error)}")
                del analyses[name]


def features_of(candidate: EventCandidate, date: DateRange | None) -> EventFeatures:
    return EventFeatures.of(
        candidate.headline, candidate.sentence, date, [(a.name, a.kind) for a in candidate.actors], candidate.planned
    )


def candidate_date(candidate: EventCandidate, publication: PublicationDate) -> tuple[str, DateRange | None]:
    """The TIMEX3 value and range an event takes: its own expression's, or its article's publication date."""
    if candidate.timex is not None:
        return candidate.timex.value, candidate.timex.range
    if candidate.uses_publication_date and publication.date is not None:
        value = publication.value
        return value, modified_range(value)
    return "", None


def group_happenings(articles: Sequence[ArticleAnalysis]) -> list[Happening]:
    """Reports of the same happening gathered across articles, each with its chosen date and importance."""
    groups: list[list[tuple[int, int]]] = []
    features: list[list[EventFeatures]] = []
    for a_index, analysis in enumerate(articles):
        for e_index, candidate in enumerate(analysis.events):
            report = features_of(candidate, candidate_date(candidate, analysis.publication)[1])
            chosen = best_group(report, features) if report.date is not None else None
            if chosen is None:
                groups.append([(a_index, e_index)])
                features.append([report])
            else:
                groups[chosen].append((a_index, e_index))
                features[chosen].append(report)
    sources_per_actor: dict[str, set[int]] = {}
    for a_index, analysis in enumerate(articles):
        for candidate in analysis.events:
            for actor in candidate.actors:
                sources_per_actor.setdefault(actor.name, set()).add(a_index)
    prominence = actor_prominence({name: len(sources) for name, sources in sources_per_actor.items()})
    happenings = []
    for group in groups:
        evidence = []
        for a_index, e_index in group:
            analysis = articles[a_index]
            candidate = analysis.events[e_index]
            value, span = candidate_date(candidate, analysis.publication)
            if span is not None:
                anchor = candidate.timex.anchor if candidate.timex is not None else "publication_date"
                evidence.append(DateEvidence(value, span, analysis.name, anchor, value != "" and _approximate(candidate)))
        planned = any(articles[a].events[e].planned for a, e in group)
        actors = {actor.name for a, e in group for actor in articles[a].events[e].actors}
        score = importance(
            len({a for a, _ in group}),
            [prominence[name] for name in actors],
            [articles[a].events[e].position for a, e in group],
            planned,
        )
        happenings.append(Happening(group, choose_date(evidence) if evidence else None, score))
    return happenings


def _approximate(candidate: EventCandidate) -> bool:
    return candidate.timex is not None and candidate.timex.approximate


def resolve_references(articles: Sequence[ArticleAnalysis], happenings: Sequence[Happening]) -> dict[tuple[int, int], str]:
    """Values for "a week before the inauguration" once a happening of another sentence matches and is dated."""
    dated = []
    for happening in happenings:
        if happening.date is None:
            continue
        a_index, e_index = happening.reports[0]
        lead = articles[a_index].events[e_index]
        dated.append((happening, features_of(lead, happening.date.chosen.range)))
    resolved = {}
    for a_index, analysis in enumerate(articles):
        for e_index, candidate in enumerate(analysis.events):
            timex = candidate.timex
            if timex is None or not timex.event_ref or timex.range is not None:
                continue
            sentence = (a_index, candidate.sentence_start)
            others = [
                (h, f) for h, f in dated
                if not any((a, articles[a].events[e].sentence_start) == sentence for a, e in h.reports)
            ]
            found = resolve_reference(timex.event_ref, timex.offset, timex.value, [f for _, f in others])
            if found is not None:
                resolved[(a_index, e_index)] = found[1]
    return resolved
