"""Write analyzed articles into the database, idempotently and without undoing editors' work.

`ingest_paths` is what `manage.py ingest` calls. Each article is written all or nothing (`ArticleWriter`):
a source keyed by its content hash (unchanged → skipped), its mentions keyed by sentence, and the
events those mentions belong to. Fields an editor changed (`edited_fields`), statuses an editor set,
and the event each mention was merged or split into are kept on every re-ingest.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, QuerySet

from newsline.nlp.pipeline import (
    RELIABLE_HOW,
    UNCERTAIN_HOW,
    ActorIndex,
    ActorMention,
    Advance,
    Anchor,
    ArticleAnalysis,
    ArticleFile,
    ArticleInput,
    BadArticle,
    DateChoice,
    DateEvidence,
    DatedReport,
    DateRange,
    EventCandidate,
    EventFeatures,
    PublicationDate,
    actor_prominence,
    analyze_article,
    analyze_articles,
    best_group,
    choose_date,
    collect_files,
    display_value,
    importance,
    load_article_pipeline,
    modified_range,
    report_label,
    resolve_reference,
)

from .loading import LoadedArticle, load_file, load_url, stored_page_dates
from .models import Actor, Event, Mention, Source

#: The PostgreSQL advisory lock that every ingest's writing transaction holds (any fixed 64-bit key).
WRITER_LOCK = int.from_bytes(b"newsline", "big")


@dataclass
class IngestReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    events_created: int = 0
    actors_created: int = 0
    #: Articles stored without a publication day (none printed that the article allows): editors must give one.
    undated: list[str] = field(default_factory=list)
    #: Seconds per phase: the analysis's (parse, dates, events, cross-article) and "database".
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class PendingArticle:
    loaded: LoadedArticle
    source: Source | None


Progress = Callable[[str], None]


def default_jobs() -> int:
    return os.cpu_count() or 1


def ingest_paths(
    paths: Iterable[Path],
    progress: Progress = lambda message: None,
    force: bool = False,
    jobs: int = 1,
    advance: Advance = lambda done, total, name: None,
    urls: Sequence[str] = (),
) -> IngestReport:
    """Analyse and store the articles of `paths` and the pages at `urls` (fetched); with `jobs` above 1 each
    article's own analysis runs in that many worker processes (this process alone writes to the database)."""
    report = IngestReport()
    files, report.failed, report.skipped = collect_files(paths)
    for name, reason in report.skipped:
        progress(f"skipped    {name}: {reason}")
    return ingest_articles(loaded_articles(files, urls, report, progress), report, progress, force, jobs, advance)


def loaded_articles(
    files: Iterable[Path], urls: Iterable[str], report: IngestReport, progress: Progress
) -> Iterator[LoadedArticle]:
    """Each file read and each URL fetched, in turn; one that cannot be is a failure of the report."""
    sources = [(str(path), path.name, lambda path=path: load_file(path)) for path in files]
    sources += [(url, url, lambda url=url: load_url(url)) for url in urls]
    for origin, name, load in sources:
        try:
            yield load()
        except (BadArticle, OSError) as error:
            report.failed.append((origin, str(error)))
            progress(f"failed     {name}: {error}")


def ingest_articles(
    articles: Iterable[LoadedArticle],
    report: IngestReport,
    progress: Progress = lambda message: None,
    force: bool = False,
    jobs: int = 1,
    advance: Advance = lambda done, total, name: None,
) -> IngestReport:
    """Analyse and store articles already read; an unchanged one (same name, same content hash) is skipped."""
    pending: dict[str, PendingArticle] = {}
    for loaded in articles:
        if loaded.name in pending:
            error = f"another file is also named {loaded.name} ({pending[loaded.name].loaded.origin})"
            report.failed.append((loaded.origin, error))
            progress(f"failed     {loaded.name}: {error}")
            continue
        source = Source.objects.filter(file_name=loaded.name).first()
        if source is not None and source.key == loaded.key and not force:
            report.unchanged.append(loaded.name)
            progress(f"unchanged  {loaded.name}")
            continue
        pending[loaded.name] = PendingArticle(loaded, source)
    if not pending:
        return report

    nlp = load_article_pipeline(settings.NEWSLINE_SPACY_MODEL)
    items = [
        ArticleInput(name, item.loaded.article, editor_publication(item.source), item.loaded.page_dates)
        for name, item in pending.items()
    ]
    with ArticleWriter(pending, report, progress) as writer:
        result = analyze_articles(
            items,
            nlp,
            known=stored_reports(exclude=set(pending)),
            progress=progress,
            advance=advance,
            jobs=jobs,
            ready=writer.store,
            rewind=writer.rewind,
        )
    report.failed += [(pending[failure.name].loaded.origin, failure.reason) for failure in result.failures]
    started = time.perf_counter()
    resolve_event_anchors()
    report.timings = {**result.timings, "database": writer.seconds + time.perf_counter() - started}
    return report


@dataclass
class StoredArticle:
    """What storing one article did, for the report."""

    name: str
    origin: str
    created: bool = False
    undated: bool = False
    events_created: int = 0
    actors_created: int = 0
    failure: str = ""


@dataclass
class ArticleWriter:
    """Stores each analysed article as the analysis hands it on, while the workers analyse the next ones.

    Each article is stored in its own transaction until the first one whose analysis is provisional (no reliable
    publication day yet: corroboration may date it at the end). From there on everything is stored in one
    transaction, committed when the analysis is over, with a savepoint before each provisional article (the only
    ones corroboration can change); if it changed one, `rewind` rolls back to its savepoint, and it and the ones
    after it are stored again. So the rows are exactly those of storing every final analysis in order (the order
    matters: a new mention joins the best-matching event stored before it), while the writing overlaps the
    analysis. Other ingests' writers wait for that transaction.
    """

    pending: dict[str, PendingArticle]
    report: IngestReport
    progress: Progress
    seconds: float = 0.0
    provisional: ExitStack | None = None
    savepoints: dict[str, str] = field(default_factory=dict)
    held: list[StoredArticle] = field(default_factory=list)

    def __enter__(self) -> ArticleWriter:
        return self

    def __exit__(self, *error) -> None:
        """Commit what is provisional; roll it back instead if the analysis failed (those articles are not
        stored, so the next ingest analyses them again)."""
        if self.provisional is None:
            return
        started = time.perf_counter()
        try:
            self.provisional.__exit__(*error)
        except Exception as commit_error:
            for stored in self.held:
                stored.failure = f"could not be stored: {commit_error.__class__.__name__}: {commit_error}"
        self.seconds += time.perf_counter() - started
        if error[0] is None:
            for stored in self.held:
                self.record(stored)

    def store(self, analysis: ArticleAnalysis, provisional: bool = False) -> None:
        started = time.perf_counter()
        if self.provisional is None and provisional:
            self.provisional = ExitStack()
            self.provisional.enter_context(writing())
        if self.provisional is None:
            self.record(self.stored(analysis))
        else:
            if provisional:
                self.savepoints[analysis.name] = transaction.savepoint()
            self.held.append(self.stored(analysis))
        self.seconds += time.perf_counter() - started

    def rewind(self, name: str) -> None:
        """Undo the provisional storing of article `name` and of every one stored after it."""
        started = time.perf_counter()
        transaction.savepoint_rollback(self.savepoints[name])
        position = [stored.name for stored in self.held].index(name)
        for stored in self.held[position:]:
            self.savepoints.pop(stored.name, None)
        del self.held[position:]
        self.seconds += time.perf_counter() - started

    def stored(self, analysis: ArticleAnalysis) -> StoredArticle:
        item = self.pending[analysis.name]
        stored = StoredArticle(analysis.name, item.loaded.origin, undated=analysis.publication.precision != "day")
        try:
            stored.created, stored.events_created, stored.actors_created = store_article(item, analysis)
        except Exception as error:  # one bad article must not stop the rest; its transaction is rolled back
            stored.failure = f"could not be stored: {error.__class__.__name__}: {error}"
        return stored

    def record(self, stored: StoredArticle) -> None:
        report = self.report
        if stored.failure:
            report.failed.append((stored.origin, stored.failure))
            self.progress(f"failed     {stored.name}: {stored.failure}")
            return
        (report.created if stored.created else report.updated).append(stored.name)
        if stored.undated:
            report.undated.append(stored.name)
        report.events_created += stored.events_created
        report.actors_created += stored.actors_created
        self.progress(f"{'created' if stored.created else 'updated':<10} {stored.name}")


def store_article(item: PendingArticle, analysis: ArticleAnalysis) -> tuple[bool, int, int]:
    """`write_source` in one writing transaction. Another writer (an editor in the admin) may store an actor of the
    same name first: the article is then written again, finding that actor."""
    try:
        with writing():
            return write_source(item, analysis)
    except IntegrityError:
        with writing():
            return write_source(item, analysis)


@contextmanager
def writing() -> Iterator[None]:
    """A transaction that waits for any other ingest's writing transaction to end first (PostgreSQL; SQLite
    serializes writers itself). A new mention joins the events other hosts stored before it, never a copy that
    two hosts create at once for the same happening."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
        yield


def cross_article_pass(progress: Progress = lambda message: None, jobs: int = 1) -> IngestReport:
    """The work across articles over everything stored, after ingests that ran apart (several hosts, one database):
    sources without a reliable publication day dated again from every stored article (re-stored, their mentions
    grouped again, when the date changes), then every event's derived fields and event-anchored dates recomputed."""
    report = IngestReport()
    started = time.perf_counter()
    undated = {
        source.file_name: source
        for source in Source.objects.exclude(published_how__in=RELIABLE_HOW)
        if not source.is_locked("published")
    }
    if undated:
        nlp = load_article_pipeline(settings.NEWSLINE_SPACY_MODEL)
        items = [
            ArticleInput(name, ArticleFile(text=source.text), page_dates=stored_page_dates(source))
            for name, source in undated.items()
        ]
        result = analyze_articles(items, nlp, known=stored_reports(exclude=set(undated)), progress=progress, jobs=jobs)
        report.failed += [(failure.name, failure.reason) for failure in result.failures]
        for analysis in result.articles:
            source = undated[analysis.name]
            publication = analysis.publication
            if publication.precision != "day":
                report.undated.append(source.file_name)
            if (publication.date, publication.precision, publication.how) == (
                source.published, source.published_precision, source.published_how
            ):
                report.unchanged.append(source.file_name)
                continue
            with writing():
                redate_source(source, analysis)
            report.updated.append(source.file_name)
            progress(f"dated      {source.file_name}: {analysis.publication.how} {analysis.publication.value}")
    recompute_events(Event.objects.values_list("pk", flat=True))
    resolve_event_anchors()
    report.timings["cross-article"] = time.perf_counter() - started
    return report


def redate_source(source: Source, analysis: ArticleAnalysis) -> None:
    """Store a source's new publication date; its mentions whose events no editor touched and no other source
    reports are stored anew, so they join other sources' events as if the date had been known at ingest."""
    apply_publication(source, analysis.publication)
    source.save()
    own_events = Event.objects.filter(mentions__source=source, status=Event.Status.AUTO).distinct()
    lone = [
        event.pk for event in own_events
        if not event.edited_fields and not event.mentions.exclude(source=source).exists()
    ]
    source.mentions.filter(event_id__in=lone).delete()
    Event.objects.filter(pk__in=lone).delete()
    store_mentions(source, analysis)


def editor_publication(source: Source | None) -> PublicationDate | None:
    """An editor's publication date overrides detection on every re-analysis."""
    if source is None or not source.is_locked("published"):
        return None
    return stored_publication(source)


def stored_publication(source: Source) -> PublicationDate:
    return PublicationDate(source.published, source.published_precision or "day", source.published_how,
                           source.published_evidence, source.published_confidence)


def write_source(item: PendingArticle, analysis: ArticleAnalysis) -> tuple[bool, int, int]:
    """Upsert one source and its mentions; returns (created, events created, actors created)."""
    source = item.source or Source(file_name=item.loaded.name)
    created = source.pk is None
    source.key = item.loaded.key
    source.text = item.loaded.article.text
    source.html = item.loaded.html
    for field_name, value in (("title", analysis.title), ("outlet", analysis.outlet), ("url", analysis.url)):
        if not source.is_locked(field_name):
            setattr(source, field_name, value[: Source._meta.get_field(field_name).max_length])
    if not source.is_locked("published"):
        apply_publication(source, analysis.publication)
    source.save()
    events_created, actors_created = store_mentions(source, analysis)
    return created, events_created, actors_created


def apply_publication(source: Source, publication: PublicationDate) -> None:
    source.published = publication.date
    source.published_precision = publication.precision
    source.published_how = publication.how
    source.published_evidence = publication.evidence
    source.published_confidence = publication.confidence
    source.published_rejected = list(publication.rejected)


def reanalyze_source(source: Source) -> int:
    """Re-resolve every date of one source against its (editor-set) publication date.

    Called when an editor corrects a publication date. Returns how many events changed date.
    """
    nlp = load_article_pipeline(settings.NEWSLINE_SPACY_MODEL)
    item = ArticleInput(source.file_name, ArticleFile(text=source.text), stored_publication(source))
    analysis = analyze_article(item, nlp)
    event_ids = set(Mention.objects.filter(source=source).values_list("event_id", flat=True))
    before = event_dates(event_ids)
    with writing():
        store_mentions(source, analysis)
    resolve_event_anchors()
    after = event_dates(event_ids | set(Mention.objects.filter(source=source).values_list("event_id", flat=True)))
    return sum(1 for event_id, dates in after.items() if before.get(event_id) != dates)

def mention_key(sentence: str, occurrence: int) -> str:
    normalized = " ".join(sentence.split()).lower()
    return hashlib.sha256(f"{occurrence}:{normalized}".encode()).hexdigest()


def store_mentions(source: Source, analysis: ArticleAnalysis) -> tuple[int, int]:
    """Upsert the source's mentions from its analysis; returns (events created, actors created).

    A mention that already exists keeps its event (so editors' merges and splits survive);
    a new one joins the best-matching existing event or starts a new one.
    """
    existing = {mention.key: mention for mention in source.mentions.select_related("event")}
    actors = ActorDirectory()
    occurrences: dict[str, int] = {}
    seen: set[str] = set()
    touched: set[int] = set()
    new_events: set[int] = set()
    for candidate in analysis.events:
        normalized = " ".join(candidate.sentence.split()).lower()
        occurrences[normalized] = occurrences.get(normalized, 0) + 1
        key = mention_key(candidate.sentence, occurrences[normalized])
        seen.add(key)
        mention = existing.get(key) or Mention(source=source, key=key)
        fill_mention(mention, candidate, source)
        mention_actors = [actors.resolve(actor_mention) for actor_mention in candidate.actors]
        new = mention.pk is None
        if new:
            mention.event_id = matching_event(mention, mention_actors)
            if mention.event_id is None:
                event = Event(headline=mention.headline[:300], summary=candidate.summary)
                # Its history starts with one record of the event as derived below (`recompute_events`).
                event.skip_history_when_saving = True
                event.save()
                mention.event = event
                new_events.add(event.pk)
        mention.save()
        actor_ids = {actor.pk for actor in mention_actors}
        if new:  # no actors to read and compare first
            mention.actors.add(*actor_ids)
        else:
            mention.actors.set(actor_ids)
        touched.add(mention.event_id)
    for key, mention in existing.items():
        if key not in seen:
            touched.add(mention.event_id)
            mention.delete()
    recompute_events(touched, new=new_events)
    return len(new_events), actors.created


def fill_mention(mention: Mention, candidate: EventCandidate, source: Source) -> None:
    mention.sentence = candidate.sentence
    mention.headline = candidate.headline[:300]
    mention.sentence_start, mention.sentence_end = candidate.sentence_start, candidate.sentence_end
    mention.planned = candidate.planned
    mention.position = candidate.position
    timex = candidate.timex
    if timex is not None:
        mention.expression = timex.text[:200]
        mention.expression_start, mention.expression_end = timex.start, timex.end
        mention.date_value, mention.date_mod = timex.value, timex.mod
        mention.anchor = timex.anchor
        mention.anchor_date = _iso_date(timex.anchor_value)
        mention.rule = timex.rule[:300]
        mention.event_ref, mention.offset = timex.event_ref[:200], timex.offset[:40]
        span = timex.range
    elif candidate.uses_publication_date and source.published:
        mention.expression, mention.expression_start, mention.expression_end = "", None, None
        mention.date_value, mention.date_mod = source.published.isoformat(), candidate.publication_mod
        if source.published_precision in ("month", "year"):
            mention.date_value = mention.date_value[: 7 if source.published_precision == "month" else 4]
        mention.anchor, mention.anchor_date = Anchor.PUBLICATION, source.published
        mention.rule = "no date in the sentence: reported as the article's news, so dated by its publication"
        mention.event_ref = mention.offset = ""
        span = modified_range(mention.date_value)
    else:
        mention.expression, mention.expression_start, mention.expression_end = "", None, None
        mention.date_value = mention.date_mod = mention.rule = mention.event_ref = mention.offset = ""
        mention.anchor, mention.anchor_date = Anchor.NONE, None
        span = None
    mention.date_start = span.start if span else None
    mention.date_end = span.end if span else None


def _iso_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


class ActorDirectory:
    """Stored actors matched by the NLP's actor index: new names become new actors or aliases.

    The index may rename an actor to a fuller name it has now seen ("Volkonsky" → "Dmitri Volkonsky");
    the old name stays an alias. A name or aliases an editor set are never changed.
    """

    def __init__(self) -> None:
        self.created = 0
        # Every article reads all the actors' names, but only the rows of the actors it names (ids below).
        rows = list(Actor.objects.values_list("pk", "name", "kind", "aliases"))
        self.by_index_name: dict[str, int] = {name: pk for pk, name, _, _ in rows}
        self.by_known_name: dict[str, int] = {
            name.lower(): pk for pk, canonical, _, aliases in rows for name in [canonical, *aliases]
        }
        self.loaded: dict[int, Actor] = {}
        self.index = ActorIndex((name, kind, aliases) for _, name, kind, aliases in rows)

    def stored(self, pk: int) -> Actor:
        if pk not in self.loaded:
            self.loaded[pk] = Actor.objects.get(pk=pk)
        return self.loaded[pk]

    def resolve(self, mention: ActorMention) -> Actor:
        resolution = self.index.resolve(mention)
        pk = self.by_index_name.pop(resolution.renamed_from or resolution.name, None)
        if pk is None:
            # A name already stored (say an alias an editor merged in, of another kind) keeps its actor.
            pk = self.by_known_name.get(mention.name.lower()) or self.by_known_name.get(mention.surface.lower())
        actor = None if pk is None else self.stored(pk)
        if actor is None:
            actor = Actor(name=resolution.name[:200], kind=resolution.kind)
            self.created += 1
        stored = (actor.name, list(actor.aliases), actor.description)
        names = [*resolution.new_aliases, resolution.name]
        if resolution.renamed_from and not actor.is_locked("name") and not Actor.objects.filter(name=resolution.name).exists():
            names, actor.name = [actor.name, *resolution.new_aliases], resolution.name[:200]
        if not actor.is_locked("aliases"):
            aliases = dict.fromkeys([*actor.aliases, *names])
            actor.aliases = [alias for alias in aliases if alias.lower() != actor.name.lower()]
        if resolution.description and not actor.description and not actor.is_locked("description"):
            actor.description = resolution.description[:300]
        if actor.pk is None or (actor.name, actor.aliases, actor.description) != stored:
            actor.save()
        self.loaded[actor.pk] = actor
        self.by_index_name[resolution.name] = actor.pk
        self.by_known_name.update({name.lower(): actor.pk for name in actor.all_names})
        return actor


@lru_cache(maxsize=1 << 14)
def stored_features(
    headline: str, sentence: str, start: date | None, end: date | None, actors: frozenset[tuple[str, str]],
    planned: bool,
) -> EventFeatures:
    """A stored mention's features (actors as (id, kind) pairs), computed once per ingest process: every new mention
    of the same days is compared with it again."""
    span = DateRange(start, end, "") if start else None
    return EventFeatures.of(headline, sentence, span, actors, planned)


def mention_features(mention: Mention, actors: Iterable[Actor]) -> EventFeatures:
    pairs = frozenset((str(actor.pk), actor.kind) for actor in actors)
    return stored_features(mention.headline, mention.sentence, mention.date_start, mention.date_end, pairs,
                           mention.planned)


def matching_event(mention: Mention, actors: list[Actor]) -> int | None:
    """The id of the existing event reporting the same happening as this new mention, if any.

    Candidates are events whose dates overlap the mention's (a day apart still counts); each is
    scored by the average similarity of the mention to the event's mentions, as the NLP's grouping does.
    Their mentions and actors are read as plain rows (one query, no model instances).
    """
    if mention.date_start is None:
        return None
    in_window = {
        "event__date_start__lte": mention.date_end + timedelta(days=1),
        "event__date_end__gte": mention.date_start - timedelta(days=1),
    }
    # Events in their own order (`best_group` breaks ties by it); one without mentions could not be chosen. A row per
    # mention and actor: the actor links are joined by their mention's index.
    rows = (
        Mention.objects.filter(**in_window)
        .order_by("event__date_start", "event_id", *Mention._meta.ordering)
        .values_list(
            "pk", "event_id", "headline", "sentence", "date_start", "date_end", "planned", "actors", "actors__kind"
        )
    )
    stored: dict[int, tuple] = {}
    actor_pairs: dict[int, set[tuple[str, str]]] = {}
    for pk, *fields, actor_id, kind in rows:
        stored.setdefault(pk, tuple(fields))
        if actor_id is not None:
            actor_pairs.setdefault(pk, set()).add((str(actor_id), kind))
    reports: dict[int, list[EventFeatures]] = {}
    for pk, (event_id, headline, sentence, start, end, planned) in stored.items():
        features = stored_features(headline, sentence, start, end, frozenset(actor_pairs.get(pk, ())), planned)
        reports.setdefault(event_id, []).append(features)
    candidates = list(reports)
    index = best_group(mention_features(mention, actors), list(reports.values()))
    return None if index is None else candidates[index]


def ordered_mentions(mentions: QuerySet[Mention]) -> QuerySet[Mention]:
    # Ties in `derive_event` go to the earlier source by date, then by file name: not by id, which depends on the
    # order articles were stored in (several hosts storing at once).
    return (
        mentions.select_related("source").prefetch_related("actors")
        .order_by("source__published", "source__file_name", "sentence_start")
    )


def actor_source_counts(actor_ids: Iterable[int]) -> dict[int, tuple[str, int]]:
    """Each actor's name and how many sources mention it."""
    rows = (
        Actor.objects.filter(pk__in=list(actor_ids)).annotate(sources=Count("mentions__source", distinct=True))
        .values_list("pk", "name", "sources")
    )
    return {pk: (name, sources) for pk, name, sources in rows}


def recompute_event(event: Event) -> None:
    """Derive an event's fields from its mentions, leaving alone what an editor set."""
    mentions = list(ordered_mentions(event.mentions.all()))
    counts = actor_source_counts({actor.pk for m in mentions for actor in m.actors.all()})
    derive_event(event, mentions, counts)


#: Events recomputed together: their mentions are read in one query (and held in memory at once).
RECOMPUTE_BATCH = 500


def recompute_events(event_ids: Iterable[int], new: Collection[int] = ()) -> None:
    """`recompute_event` for many events, a batch's mentions and their actors' source counts read at once. The `new`
    events, saved without history, get their first history record now, derived, in one insert per batch."""
    event_ids = sorted(set(event_ids))
    for start in range(0, len(event_ids), RECOMPUTE_BATCH):
        batch = event_ids[start : start + RECOMPUTE_BATCH]
        mentions_of: dict[int, list[Mention]] = {pk: [] for pk in batch}
        for mention in ordered_mentions(Mention.objects.filter(event_id__in=batch)):
            mentions_of[mention.event_id].append(mention)
        counts = actor_source_counts({actor.pk for mentions in mentions_of.values() for m in mentions
                                      for actor in m.actors.all()})
        created = []
        for event in Event.objects.filter(pk__in=batch):
            if event.pk in new:
                event.skip_history_when_saving = True
                created.append(event)
            derive_event(event, mentions_of[event.pk], counts)
        Event.history.bulk_history_create(created)


def derive_event(event: Event, mentions: list[Mention], counts: dict[int, tuple[str, int]]) -> None:
    """Set an event's fields from its mentions (ordered by `ordered_mentions`) and its actors' source counts."""
    if not mentions:
        if event.status == Event.Status.AUTO and not event.edited_fields:
            event.delete()
        return
    evidence = [
        DateEvidence(
            m.date_value, DateRange(m.date_start, m.date_end, ""), str(m.source_id),
            "publication_date" if m.anchor == Anchor.PUBLICATION and not m.expression else m.anchor or Anchor.ABSOLUTE,
            m.date_mod == "APPROX",
        )
        for m in mentions
        if m.date_start is not None
    ]
    choice = choose_date(evidence) if evidence else None
    # A source's mention with a date expression of its own before one dated "by" the publication date.
    chosen = next((m for m in sorted(mentions, key=lambda m: not m.expression) if choice and m.date_start
                   and str(m.source_id) == choice.chosen.source and m.date_value == choice.chosen.value), None)
    lead = min(mentions, key=lambda m: m.position)
    if not event.is_locked("date"):
        if chosen is not None:
            event.set_date(chosen.date_value, chosen.date_mod)
        else:
            event.set_date("")
    if not event.is_locked("headline"):
        event.headline = (lead.headline or lead.sentence)[:300]
    if not event.is_locked("summary"):
        event.summary = lead.sentence
    if not event.is_locked("planned"):
        event.planned = any(m.planned for m in mentions)
    sources = {m.source_id for m in mentions}
    actors = {actor for m in mentions for actor in m.actors.all()}
    prominence = actor_prominence(dict(counts[actor.pk] for actor in actors)) if actors else {}
    event.importance = importance(len(sources), prominence.values(), [m.position for m in mentions], event.planned)
    event.confidence = date_confidence(chosen, choice.supporting_sources if choice else 0)
    event.review_reasons = review_reasons(mentions, choice)
    event.save()
    if not event.is_locked("actors"):
        event.actors.set(actors)


def date_confidence(chosen: Mention | None, supporting_sources: int) -> float:
    """How sure an event's date is: what it rests on, and how many sources agree."""
    if chosen is None:
        return 0.0
    base = {Anchor.ABSOLUTE: 0.8, Anchor.PUBLICATION: 0.65, Anchor.NARRATIVE: 0.5, Anchor.EVENT: 0.5}.get(chosen.anchor, 0.4)
    if chosen.anchor == Anchor.PUBLICATION and chosen.source.published_how not in RELIABLE_HOW:
        base -= 0.15
    return round(min(1.0, base + 0.1 * (supporting_sources - 1)), 2)


def review_reasons(mentions: list[Mention], choice: DateChoice | None) -> list[str]:
    reasons = []
    if choice is None:
        reasons.append("no date could be resolved")
    elif choice.conflict:
        others = "; ".join(sorted({display_value(e.value) for e in choice.alternatives}))
        reasons.append(f"sources disagree on the date: {display_value(choice.chosen.value)} vs {others}")
    if any(m.source.published_how in UNCERTAIN_HOW for m in mentions):
        reasons.append("publication date was inferred")
    return reasons


def stored_reports(exclude: set[str]) -> list[DatedReport]:
    """Day-dated mentions of stored sources whose publication day is reliable, as corroboration reports."""
    mentions = (
        Mention.objects.filter(source__published_how__in=RELIABLE_HOW, source__published_precision="day")
        .exclude(source__file_name__in=exclude)
        .exclude(date_start__isnull=True)
        .select_related("source")
    )
    return [
        DatedReport(
            sentence=mention.sentence,
            value=mention.date_value,
            source_label=report_label(mention.source.outlet, mention.source.file_name),
            published=mention.source.published,
            undated=mention.anchor == Anchor.PUBLICATION and not mention.expression,
        )
        for mention in mentions
        if mention.date_start == mention.date_end
    ]


def resolve_event_anchors() -> None:
    """Date mentions anchored to another happening ("a week before the president's inauguration") once an
    event matching that happening has a date; until then they stay unresolved."""
    with writing():
        pending = list(
            Mention.objects.filter(anchor=Anchor.EVENT).exclude(event_ref="").select_related("source", "event")
        )
        if not pending:
            return
        dated = list(
            Event.objects.visible().filter(date_start__isnull=False, planned=False).prefetch_related("actors")
        )
        features = [
            EventFeatures.of(e.headline, e.summary, DateRange(e.date_start, e.date_end, e.precision),
                             [(actor.name, actor.kind) for actor in e.actors.all()])
            for e in dated
        ]
        touched = set()
        sentence_events: dict[tuple[int, int], set[int]] = {}
        for source_id, start, event_id in Mention.objects.values_list("source_id", "sentence_start", "event_id"):
            sentence_events.setdefault((source_id, start), set()).add(event_id)
        for mention in pending:
            # The referred-to happening is never one told by the same sentence ("a week after X announced ...").
            own = sentence_events.get((mention.source_id, mention.sentence_start), set())
            others = [(event, feature) for event, feature in zip(dated, features) if event.pk not in own]
            found = resolve_reference(mention.event_ref, mention.offset, mention.date_value, [f for _, f in others])
            if found is None:
                continue
            target, value = others[found[0]][0], found[1]
            span = modified_range(value)
            assert span is not None
            mention.date_value, mention.date_start, mention.date_end = value, span.start, span.end
            mention.anchor_date = target.date_start
            mention.rule = (
                f"“{mention.expression} {mention.event_ref}”: that happening (“{target.headline}”) "
                f"is dated {target.display_date}"
            )[:300]
            mention.save()
            touched.add(mention.event_id)
        recompute_events(touched)


def event_dates(event_ids: Iterable[int]) -> dict[int, tuple]:
    return {
        row["pk"]: (row["date_value"], row["date_mod"])
        for row in Event.objects.filter(pk__in=list(event_ids)).values("pk", "date_value", "date_mod")
    }
