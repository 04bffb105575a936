"""The one entry to the analysis: an article → its analysis; a collection of articles → its analysis.

`analyze_article` parses one article once, computes its page layout once and carries both through every
step (publication date, temporal expressions, events, the dated reports other articles are corroborated
from). Its result is plain, picklable data: no spaCy objects.

`analyze_articles` analyses each article on its own (a failure is reported, the others carry on), then dates
the articles that print no reliable day from other articles (and from `known` reports of articles analysed
earlier); each analysis is handed on (`ready`) in order, a provisional one (awaiting corroboration) at once
only when workers analyse, and again if corroboration changes it. `analyze_collection` then does the rest
of the work across articles: reports grouped into happenings, each happening's date chosen, and expressions
such as "a week before the inauguration" resolved once that happening is dated.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

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
    GroupIndex,
    reference_keywords,
    resolve_reference,
)
from .keywords import text_keywords
from .layout import PageLayout, page_layout
from .markup_dates import HTMLDATE_ORIGINAL, DateCandidate
from .metadata import detect_outlet, detect_title
from .page_dates import TextDateEvidence, weigh_markup_dates
from .parsing import BATCH_SIZE, ArticleTooLong, parse, parse_all
from .spacy_model import load_article_pipeline
from .publication import (
    DatedReport,
    PublicationDate,
    contradictions_by_day,
    corroborate_publication,
    dated_reports,
    detect_publication_date,
)
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
    "ArticlesAnalysis",
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
    "PageDates",
    "PublicationDate",
    "PublishedHow",
    "Timex",
    "actor_prominence",
    "analyze_article",
    "analyze_articles",
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
#: Called as each article's own analysis is done: (articles done, articles in all, the article's name).
Advance = Callable[[int, int, str], None]

#: The phases timed in `CollectionAnalysis.timings` (storage adds "database").
PHASES = ("parse", "dates", "events", "cross-article")


@dataclass(frozen=True)
class PageDates:
    """A web page's publication-date signals: its markup's candidates (most reliable first) and the stamps it
    prints (`printed_date_stamps`). Weighed with what the article's text says when it is analysed."""

    candidates: tuple[DateCandidate, ...]
    stamps: TextDateEvidence


@dataclass(frozen=True)
class ArticleInput:
    """An article to analyse: a unique name (its file name), the article, a publication date already
    known for it (an editor's), which skips detection, and the date signals of the web page it came from."""

    name: str
    article: ArticleFile
    publication: PublicationDate | None = None
    page_dates: PageDates | None = None


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
    #: Seconds spent on this article per phase ("parse", "dates", "events").
    timings: dict[str, float] = field(default_factory=dict, compare=False)

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
class ArticlesAnalysis:
    articles: list[ArticleAnalysis]
    failures: list[ArticleFailure]
    #: Seconds per phase (see PHASES); with several jobs the per-article phases are summed over the workers.
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class CollectionAnalysis:
    articles: list[ArticleAnalysis]
    failures: list[ArticleFailure]
    happenings: list[Happening]
    #: Event-anchored expressions resolved across articles: (article index, event index) → TIMEX3 value.
    referenced: dict[tuple[int, int], str] = field(default_factory=dict)
    #: Seconds per phase (see PHASES); with several jobs the per-article phases are summed over the workers.
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class ArticleOutcome:
    """One article's own analysis as it leaves a worker: the analysis or why it failed, and, while its publication
    day may still be corroborated from other articles, its parsed document as bytes (no tensors) to date it without
    parsing again."""

    name: str
    analysis: ArticleAnalysis | None
    failure: str = ""
    doc_bytes: bytes | None = None


def report_label(outlet: str, name: str) -> str:
    """How corroboration evidence names another article; unique per file."""
    return f"{outlet} ({name})" if outlet else name


def analyze_article(
    item: ArticleInput, nlp: Language, doc: Doc | None = None, layout: PageLayout | None = None
) -> ArticleAnalysis:
    """Analyze one article. Pass the `doc` (and `layout`) of an earlier analysis of the same text to re-resolve
    it against another publication date without parsing again."""
    article = item.article
    started = time.perf_counter()
    doc = doc if doc is not None else parse(article.text, nlp)
    parsed = time.perf_counter()
    # The article's own text, not `doc.text`: spaCy joins that string again from every token on each access.
    layout = layout if layout is not None else page_layout(article.text)
    publication = item.publication
    if publication is None and article.published:
        publication = PublicationDate(article.published, "day", PublishedHow.FRONT_MATTER, "front matter 'published'", 1.0)
    if publication is None:
        publication = detect_publication_date(doc, layout)
        if item.page_dates is not None:
            publication = page_publication(doc, layout, item.page_dates, publication)
    timexes = find_timexes(doc, publication.date if publication.precision == "day" else None)
    outlet = article.front_matter.get("outlet") or detect_outlet(article.text, layout)
    reports = dated_reports(doc, publication, report_label(outlet, item.name), layout, timexes)
    dated = time.perf_counter()
    events = extract_events(doc, timexes, layout)
    return ArticleAnalysis(
        name=item.name,
        title=article.front_matter.get("title") or detect_title(article.text, layout),
        outlet=outlet,
        url=article.front_matter.get("url", ""),
        publication=publication,
        timexes=timexes,
        events=events,
        reports=reports,
        timings={"parse": parsed - started, "dates": dated - parsed, "events": time.perf_counter() - dated},
    )


#: A dateline or byline the text analysis reads at least this surely is the page's printed publication day.
PRINTED_DAY_CONFIDENCE = 0.9
#: A page-markup choice at least this sure is a given day (other articles may be dated from it), unless it is only
#: htmldate's guess, which may be a date of the story's body: that one is inferred, for an editor to check.
RELIABLE_MARKUP_CONFIDENCE = 0.75


def page_publication(doc: Doc, layout: PageLayout, page: PageDates, from_text: PublicationDate) -> PublicationDate:
    """A web page's publication date: its markup's candidates weighed with the stamps the page prints, what the
    article's body says against each candidate day, and the dateline or byline the text analysis read (`from_text`,
    when it is sure). Without a trustworthy markup date the text's own reading stands, with the refused signals."""
    stamps = page.stamps
    days = {candidate.date for candidate in page.candidates if not candidate.is_modification}
    against = {day: tuple(found) for day, found in contradictions_by_day(doc, days, layout).items()}
    stamps = replace(stamps, contradictions=against)
    if (stamps.printed is None and from_text.how == PublishedHow.PRINTED
            and from_text.confidence >= PRINTED_DAY_CONFIDENCE and from_text.precision == "day"):
        stamps = replace(stamps, printed=from_text.date, printed_evidence=from_text.evidence)
    choice = weigh_markup_dates(page.candidates, stamps)
    if choice.date is None:
        return replace(from_text, rejected=(*from_text.rejected, *choice.rejected))
    given = choice.confidence >= RELIABLE_MARKUP_CONFIDENCE and choice.kind != HTMLDATE_ORIGINAL
    how = PublishedHow.PRINTED if given else PublishedHow.INFERRED
    origin = "page text" if choice.kind.startswith("text") else "page markup"
    return PublicationDate(choice.date, choice.precision, how, f"{origin}: {choice.evidence}", choice.confidence,
                           choice.rejected)


def analyze_collection(
    items: Sequence[ArticleInput],
    nlp: Language,
    known: Sequence[DatedReport] = (),
    progress: Progress = lambda message: None,
    jobs: int = 1,
) -> CollectionAnalysis:
    """Analyse every article (`analyze_articles`), then group their reports into happenings and resolve the
    expressions that refer to other happenings."""
    result = analyze_articles(items, nlp, known, progress, jobs=jobs)
    started = time.perf_counter()
    happenings = group_happenings(result.articles)
    referenced = resolve_references(result.articles, happenings)
    timings = {**result.timings, "cross-article": result.timings["cross-article"] + time.perf_counter() - started}
    return CollectionAnalysis(result.articles, result.failures, happenings, referenced, timings)


def analyze_articles(
    items: Sequence[ArticleInput],
    nlp: Language,
    known: Sequence[DatedReport] = (),
    progress: Progress = lambda message: None,
    advance: Advance = lambda done, total, name: None,
    jobs: int = 1,
    ready: Callable[[ArticleAnalysis, bool], None] = lambda analysis, provisional: None,
    rewind: Callable[[str], None] = lambda name: None,
) -> ArticlesAnalysis:
    """Analyse every article on its own, then date those without a reliable day from the others' reports.

    `known` are dated reports of articles analysed before (stored ones), for corroboration only. With `jobs` above 1
    the articles' own analyses run in that many worker processes; the result is the same as with one.

    `ready` receives each analysis in the order of `items`, and whether it is provisional. An article with a reliable
    day is final when analysed; one without is final only after corroboration, at the end. Analysed here, the
    articles from the first provisional one on are handed on after corroboration. Analysed in workers, each is handed
    on as soon as it arrives, so that storing it overlaps the workers' analysis: if corroboration then changes a
    provisional one (or fails), `rewind` receives the name of the first changed, and `ready` its final analysis and
    every one after it again. The time `ready` and `rewind` take counts in no phase.
    """
    analyses: dict[str, ArticleAnalysis] = {}
    parsed: dict[str, bytes] = {}
    inputs = {item.name: item for item in items}
    failures: list[ArticleFailure] = []
    handed_on: set[str] = set()
    timings = dict.fromkeys(PHASES, 0.0)
    workers = min(jobs, len(items) // MIN_ARTICLES_PER_WORKER)
    outcomes = analyzed_in_workers(items, nlp, workers) if workers > 1 else analyzed_here(items, nlp)
    for number, outcome in enumerate(outcomes, start=1):
        if outcome.analysis is None:
            failures.append(ArticleFailure(outcome.name, outcome.failure))
            progress(f"failed     {outcome.name}: {outcome.failure}")
        else:
            analyses[outcome.name] = outcome.analysis
            for phase, seconds in outcome.analysis.timings.items():
                timings[phase] += seconds
            if outcome.doc_bytes is not None:
                parsed[outcome.name] = outcome.doc_bytes
        advance(number, len(items), outcome.name)
        if outcome.analysis is not None and (workers > 1 or not parsed):
            ready(outcome.analysis, outcome.name in parsed)
            handed_on.add(outcome.name)
    as_analysed = dict(analyses)
    started = time.perf_counter()
    _corroborate(analyses, parsed, inputs, nlp, known, failures, progress)
    timings["cross-article"] = time.perf_counter() - started
    names = list(as_analysed)
    first = next(
        (index for index, name in enumerate(names)
         if name not in handed_on or analyses.get(name) is not as_analysed[name]),
        len(names),
    )
    if first < len(names) and names[first] in handed_on:
        rewind(names[first])
    for name in names[first:]:
        if name in analyses:
            ready(analyses[name], False)
    return ArticlesAnalysis(list(analyses.values()), failures, timings)


def outcome_of(item: ArticleInput, nlp: Language, doc: Doc, parse_seconds: float) -> ArticleOutcome:
    """Analyse one parsed article; keep its document (as bytes) only while its publication day is not reliable."""
    try:
        analysis = analyze_article(item, nlp, doc)
    except Exception as error:  # one article's failure must not stop the others
        return ArticleOutcome(item.name, None, describe(error))
    analysis.timings["parse"] = parse_seconds
    if analysis.has_reliable_day:
        return ArticleOutcome(item.name, analysis)
    return ArticleOutcome(item.name, analysis, doc_bytes=doc.to_bytes(exclude=["tensor", "user_data"]))


def analyzed_here(items: Sequence[ArticleInput], nlp: Language) -> Iterator[ArticleOutcome]:
    """Each article's own analysis in this process, in order; texts parsed in batches."""
    parsed = parse_all([item.article.text for item in items], nlp)
    while True:
        started = time.perf_counter()
        try:
            index, doc = next(parsed)
        except StopIteration:
            return
        item = items[index]
        if isinstance(doc, Exception):
            yield ArticleOutcome(item.name, None, describe(doc))
        else:
            yield outcome_of(item, nlp, doc, time.perf_counter() - started)


#: Fewer articles than this per worker are analysed here: sending them to a worker and back costs more.
MIN_ARTICLES_PER_WORKER = 4

#: The pipeline of this worker process, set once by `start_worker`.
_worker_nlp: Language | None = None


def start_worker(nlp: Language) -> None:
    global _worker_nlp
    _worker_nlp = nlp


def analyze_in_worker(batch: list[ArticleInput]) -> list[ArticleOutcome]:
    assert _worker_nlp is not None, "start_worker was not called"
    return list(analyzed_here(batch, _worker_nlp))


def analyzed_in_workers(items: Sequence[ArticleInput], nlp: Language, jobs: int) -> Iterator[ArticleOutcome]:
    """Each article's own analysis in `jobs` worker processes, in order. Articles go to the workers in batches of
    BATCH_SIZE (each worker's `nlp.pipe` batch): small, so that no worker is left with a long last batch while the
    others wait.

    The workers are forked: they start at once with this process's loaded pipeline (and its garbage-collector
    setting), where spawned ones would each import spaCy and load the model again (~1 s, while this process waits).
    Forking is safe for a process with one thread, as `ingest` is."""
    size = max(1, min(BATCH_SIZE, len(items) // (jobs * 4)))
    batches = [list(items[start : start + size]) for start in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=start_worker, initargs=(nlp,)) as pool:
        for outcomes in pool.imap(analyze_in_worker, batches):
            yield from outcomes


def describe(error: Exception) -> str:
    if isinstance(error, (ArticleTooLong, FrontMatterError)):
        return str(error)
    return f"{error.__class__.__name__}: {error}"


def _corroborate(
    analyses: dict[str, ArticleAnalysis],
    parsed: dict[str, bytes],
    inputs: dict[str, ArticleInput],
    nlp: Language,
    known: Sequence[DatedReport],
    failures: list[ArticleFailure],
    progress: Progress,
) -> None:
    """Date articles that print no reliable day from other articles reporting the same happenings.

    One round is enough: only articles with a reliable day lend theirs (a borrowed date is never lent on), and
    those are all known before it. `parsed` holds the documents of the articles without a reliable day, as bytes:
    each is restored (not parsed again) when its turn comes.
    """
    reports = list(known)
    for analysis in analyses.values():
        reports += analysis.reports
    for name, analysis in list(analyses.items()):
        if analysis.has_reliable_day:
            continue
        others = [report for report in reports if report.source_label != analysis.label]
        try:
            doc = Doc(nlp.vocab).from_bytes(parsed[name])
            layout = page_layout(inputs[name].article.text)
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
    index = GroupIndex()
    for a_index, analysis in enumerate(articles):
        for e_index, candidate in enumerate(analysis.events):
            report = features_of(candidate, candidate_date(candidate, analysis.publication)[1])
            chosen = None
            if report.date is not None:
                candidates = index.candidates(report)
                best = best_group(report, [features[group] for group in candidates])
                chosen = None if best is None else candidates[best]
            if chosen is None:
                chosen = len(groups)
                groups.append([])
                features.append([])
            groups[chosen].append((a_index, e_index))
            features[chosen].append(report)
            index.add(chosen, report)
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
    dated: list[EventFeatures] = []
    sentences: list[set[tuple[int, int]]] = []
    by_word: dict[str, list[int]] = {}
    for happening in happenings:
        if happening.date is None:
            continue
        a_index, e_index = happening.reports[0]
        lead = features_of(articles[a_index].events[e_index], happening.date.chosen.range)
        names = {word for name in (*lead.actors, *lead.countries) for word in text_keywords(name)}
        for word in lead.keywords | lead.context | names:
            by_word.setdefault(word, []).append(len(dated))
        dated.append(lead)
        sentences.append({(a, articles[a].events[e].sentence_start) for a, e in happening.reports})
    resolved = {}
    for a_index, analysis in enumerate(articles):
        for e_index, candidate in enumerate(analysis.events):
            timex = candidate.timex
            if timex is None or not timex.event_ref or timex.range is not None:
                continue
            # A happening the expression can refer to has every word of it (see `match_event_reference`); it is
            # never one told by the same sentence ("a week after X announced ...").
            wanted = reference_keywords(timex.event_ref)
            if not wanted:
                continue
            having = set.intersection(*(set(by_word.get(word, ())) for word in wanted))
            sentence = (a_index, candidate.sentence_start)
            others = [dated[h] for h in sorted(having) if sentence not in sentences[h]]
            found = resolve_reference(timex.event_ref, timex.offset, timex.value, others)
            if found is not None:
                resolved[(a_index, e_index)] = found[1]
    return resolved
