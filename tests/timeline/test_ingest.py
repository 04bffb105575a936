import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

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
