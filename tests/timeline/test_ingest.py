import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from newsline.nlp import pipeline
from newsline.nlp.articles import MAX_ARTICLE_CHARS
from newsline.timeline.ingest import ingest_paths
from newsline.timeline.models import Actor, Event, Mention, Source

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "sources": list(Source.objects.order_by("pk").values()),
        "events": list(Event.objects.order_by("pk").values()),
        "mentions": list(Mention.objects.order_by("pk").values()),
        "actors": list(Actor.objects.order_by("pk").values()),
    }


def test_corpus_ingest_creates_sources_events_and_actors():
    report = ingest_paths([CORPUS])
    assert sorted(report.created) == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert report.failed == []
    assert Source.objects.count() == 5
    assert set(Mention.objects.values_list("source__file_name", flat=True)) == set(report.created)
    assert Event.objects.filter(date_start__isnull=False).exists()
    assert Actor.objects.exists()


def test_second_ingest_reports_unchanged_and_changes_no_row():
    ingest_paths([CORPUS])
    before = snapshot()
    report = ingest_paths([CORPUS])
    assert sorted(report.unchanged) == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert report.created == report.updated == report.failed == []
    assert snapshot() == before


def test_editor_date_survives_forced_and_changed_reingest(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    ingest_paths([folder])
    event = Event.objects.filter(date_start__isnull=False).first()
    event.set_date("2016-11-08")
    event.lock("date")
    event.status = Event.Status.CORRECTED
    event.save()
    source_file = folder / event.mentions.first().source.file_name

    ingest_paths([folder], force=True)
    source_file.write_text(source_file.read_text() + "\nA closing line added by the outlet later on.\n")
    report = ingest_paths([folder])

    assert report.updated == [source_file.name]
    event.refresh_from_db()
    assert (event.date_value, str(event.date_start), event.precision) == ("2016-11-08", "2016-11-08", "day")
    assert event.status == Event.Status.CORRECTED


def test_changed_article_updates_its_derived_data(tmp_path):
    article = tmp_path / "talks.txt"
    article.write_text(
        "---\npublished: 2017-03-01\n---\n"
        "The foreign ministers of France and Germany met in Paris on Monday to discuss trade.\n\n"
        "The talks ended without an agreement, officials said.\n"
    )
    ingest_paths([tmp_path])
    article.write_text(
        article.read_text().replace(
            "discuss trade.\n", "discuss trade.\n\nOn 3 March 2017 the two ministers met again in Vienna.\n"
        )
    )

    report = ingest_paths([tmp_path])

    assert report.updated == ["talks.txt"]
    mention = Mention.objects.get(sentence__contains="met again in Vienna")
    assert str(mention.date_start) == "2017-03-03"
    assert Mention.objects.filter(sentence__contains="met in Paris").count() == 1


def test_bad_files_are_reported_and_skipped_while_good_ones_are_ingested(tmp_path, capsys):
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = sorted(CORPUS.glob("*.txt"))[:2]
    for path in good:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes("Le ministre a déclaré jeudi que la réunion était terminée.".encode("latin-1"))

    with pytest.raises(CommandError) as raised:
        call_command("ingest", str(folder))

    assert raised.value.returncode == 1
    err = capsys.readouterr().err
    assert "empty.txt: file is empty" in err
    assert "binary.txt: file is binary" in err
    assert "latin1.txt: file is not UTF-8" in err
    assert sorted(Source.objects.values_list("file_name", flat=True)) == sorted(p.name for p in good)


def test_front_matter_overrides_detection(tmp_path):
    article = tmp_path / "front.txt"
    article.write_text(
        "---\ntitle: Ministers meet\noutlet: Example News\npublished: 2017-02-16\n---\n"
        "The foreign ministers met in Bonn on Thursday and agreed to talk again next month.\n"
    )
    ingest_paths([article])
    source = Source.objects.get()
    assert (source.title, source.outlet, str(source.published), source.published_how) == (
        "Ministers meet", "Example News", "2017-02-16", "front_matter"
    )


def test_bad_front_matter_is_a_reported_failure(tmp_path):
    article = tmp_path / "bad.txt"
    article.write_text("---\npublished: next thursday\n---\nThe ministers met in Bonn on Thursday.\n")
    report = ingest_paths([article])
    assert report.failed and "not an ISO date" in report.failed[0][1]
    assert not Source.objects.exists()


def write_article(folder: Path, name: str, published: str, text: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"---\npublished: {published}\noutlet: {name.split('.')[0].title()}\n---\n{text}\n")


def test_two_reports_of_one_meeting_become_one_event_with_both_sources(tmp_path):
    write_article(tmp_path, "wire.txt", "2019-05-09",
                  "Foreign Minister Anna Lindqvist met her counterpart Pavel Dvorak in Vienna on Thursday.")
    write_article(tmp_path, "daily.txt", "2019-05-10",
                  "Anna Lindqvist and Pavel Dvorak met in Vienna on Thursday for their first talks.")
    ingest_paths([tmp_path])
    meeting = Event.objects.get(mentions__sentence__contains="Lindqvist met")
    assert sorted(meeting.mentions.values_list("source__file_name", flat=True)) == ["daily.txt", "wire.txt"]
    assert str(meeting.date_start) == "2019-05-09"


def test_an_ingested_event_starts_its_history_as_derived_and_a_joining_report_adds_a_change(tmp_path):
    write_article(tmp_path, "wire.txt", "2019-05-09",
                  "Foreign Minister Anna Lindqvist met her counterpart Pavel Dvorak in Vienna on Thursday.")
    ingest_paths([tmp_path])
    meeting = Event.objects.get(mentions__sentence__contains="Lindqvist met")
    [created] = meeting.history.all()
    assert (created.history_type, str(created.date_start), created.confidence) == ("+", "2019-05-09", meeting.confidence)

    write_article(tmp_path, "daily.txt", "2019-05-10",
                  "Anna Lindqvist and Pavel Dvorak met in Vienna on Thursday for their first talks.")
    ingest_paths([tmp_path])
    assert [r.history_type for r in meeting.history.order_by("history_id")] == ["+", "~"]
    assert meeting.history.latest("history_id").confidence > created.confidence  # a second source agrees


def test_two_different_meetings_on_one_day_stay_two_events(tmp_path):
    write_article(tmp_path, "wire.txt", "2019-05-09",
                  "Foreign Minister Anna Lindqvist met her counterpart Pavel Dvorak in Vienna on Thursday.")
    write_article(tmp_path, "daily.txt", "2019-05-09",
                  "Defence Minister Jonas Berg met General Tomas Kral in Prague on Thursday.")
    ingest_paths([tmp_path])
    vienna = Event.objects.get(mentions__sentence__contains="Vienna")
    prague = Event.objects.get(mentions__sentence__contains="Prague")
    assert vienna != prague
    assert str(vienna.date_start) == str(prague.date_start) == "2019-05-09"


def test_spellings_of_one_person_across_articles_are_one_actor(tmp_path):
    write_article(tmp_path, "wire.txt", "2019-05-09",
                  "Foreign Minister Dmitri Volkonsky met European envoys in Geneva on Thursday.")
    write_article(tmp_path, "daily.txt", "2019-05-10",
                  "Dmitry Volkonsky told reporters in Geneva on Friday that the talks would continue. "
                  "Mr Volkonsky said little else.")
    ingest_paths([tmp_path])
    volkonsky = Actor.objects.filter(name__contains="Volkonsky")
    assert volkonsky.count() == 1
    assert {"Dmitri Volkonsky", "Dmitry Volkonsky"} <= set(volkonsky.get().all_names)


def test_a_date_anchored_to_another_event_resolves_once_that_event_is_dated(tmp_path):
    write_article(tmp_path, "later.txt", "2019-03-01",
                  "Envoy Anna Lindqvist met the mediators a week before the summit in Oslo and drafted a statement.")
    ingest_paths([tmp_path])
    draft = Mention.objects.get(sentence__contains="drafted")
    assert draft.anchor == "event" and draft.date_start is None

    write_article(tmp_path, "earlier.txt", "2019-02-20",
                  "The summit in Oslo opened on 18 February 2019 with leaders from ten countries.")
    ingest_paths([tmp_path])
    draft.refresh_from_db()
    assert draft.date_value == "2019-W07"
    assert "summit" in draft.rule.lower()


def test_a_happening_told_as_more_than_a_week_before_a_present_state_is_dated_before_that_week(tmp_path):
    write_article(tmp_path, "wire.txt", "2019-06-14",
                  "More than a week after Prime Minister Anna Lindqvist announced she would resign, "
                  "President Pavel Dvorak has not named a successor.")
    ingest_paths([tmp_path])
    announced = Mention.objects.get(expression__istartswith="more than a week after")
    assert Mention.objects.filter(sentence=announced.sentence).exclude(pk=announced.pk).exists()
    assert not Mention.objects.filter(anchor="event").exists(), "no circular anchor on its own sentence"
    assert "X" not in announced.date_value and announced.date_mod == "BEFORE"
    assert announced.date_end < date(2019, 6, 14) - timedelta(days=4)


def test_an_article_whose_analysis_raises_is_named_and_the_others_are_stored(tmp_path, monkeypatch, capsys):
    write_article(tmp_path, "harbour.txt", "2019-05-09",
                  "Mayor Ilse Marten opened the new harbour bridge in Kestrel on Thursday.")
    write_article(tmp_path, "broken.txt", "2019-05-09",
                  "The port authority of Kestrel announced on Thursday that the ferry strike was over.")
    write_article(tmp_path, "council.txt", "2019-05-10",
                  "The council of Kestrel voted on Friday to rebuild the old fish market.")
    real_extract = pipeline.extract_events

    def extract_or_fail(doc, timexes, layout=None):
        if "ferry strike" in doc.text:
            raise RuntimeError("injected analysis failure")
        return real_extract(doc, timexes, layout)

    monkeypatch.setattr(pipeline, "extract_events", extract_or_fail)
    with pytest.raises(CommandError) as raised:
        call_command("ingest", str(tmp_path))

    assert raised.value.returncode == 1
    output = capsys.readouterr()
    assert "failed     broken.txt: RuntimeError: injected analysis failure" in output.out
    assert "broken.txt: RuntimeError: injected analysis failure" in output.err
    assert sorted(Source.objects.values_list("file_name", flat=True)) == ["council.txt", "harbour.txt"]
    assert Mention.objects.filter(sentence__contains="harbour bridge").exists()


def test_a_hostile_folder_stores_the_good_files_and_names_the_bad_ones(tmp_path, capsys):
    folder = tmp_path / "articles"
    write_article(folder, "good.txt", "2019-05-09",
                  "Mayor Ilse Marten opened the new harbour bridge in Kestrel on Thursday.")
    # Under the byte limit, over the character limit: refused before it is parsed.
    (folder / "huge.txt").write_text("word " * (MAX_ARTICLE_CHARS // 5 + 1000))
    secret = tmp_path / "outside.txt"
    secret.write_text("A private note kept outside the articles folder, never to be published anywhere.")
    (folder / "link.txt").symlink_to(secret)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "empty.txt").write_text("")

    with pytest.raises(CommandError) as raised:
        call_command("ingest", str(folder))

    assert raised.value.returncode == 1
    output = capsys.readouterr()
    assert "huge.txt: article is too long" in output.err
    assert "binary.txt: file is binary" in output.err
    assert "empty.txt: file is empty" in output.err
    assert f"skipped    {folder / 'link.txt'}: symbolic link out of the folder, not followed" in output.out
    assert list(Source.objects.values_list("file_name", flat=True)) == ["good.txt"]
    assert not Source.objects.filter(text__contains="private note").exists()


def test_a_link_inside_the_folder_is_followed(tmp_path):
    write_article(tmp_path, "bridge.txt", "2019-05-09",
                  "Mayor Ilse Marten opened the new harbour bridge in Kestrel on Thursday.")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "bridge-link.txt").symlink_to(tmp_path / "bridge.txt")
    report = ingest_paths([tmp_path / "archive"])
    assert report.skipped == [(str(tmp_path / "archive" / "bridge-link.txt"), "symbolic link out of the folder, not followed")]
    report = ingest_paths([tmp_path])
    assert report.skipped == []
    assert "bridge-link.txt" in report.created
