"""End to end on the five real articles: files → NLP → database, checked against what a reader knows."""

from pathlib import Path

import pytest
from django.db.models import Count, Q

from newsline.timeline.ingest import ingest_paths
from newsline.timeline.models import Actor, Event, Mention, Source

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"

PAGE_CHROME = ["Advertisement", "Latest news", "Related news", "Short link", "Source: BBC", "Via FT", "(Photo:",
               "11.7 C", "Tuesday, March 19, 2024", "Sunday, 25 February 2018", "HomeFT"]


@pytest.fixture
def corpus(db):
    report = ingest_paths([CORPUS])
    assert report.failed == []
    return report


def test_publication_dates_are_the_true_ones_never_a_page_header(corpus):
    published = {s.file_name[:3]: (str(s.published), s.published_how) for s in Source.objects.all()}
    assert published["001"] == ("2017-02-16", "printed")
    assert published["003"] == ("2017-08-10", "printed")
    for undated in ("000", "002", "004"):
        assert published[undated][0] == "2017-02-16"
        assert published[undated][1] in ("inferred", "corroborated")
    bbc = Source.objects.get(file_name__startswith="000")
    assert any("2024" in rejected for rejected in bbc.published_rejected)
    assert Source.objects.get(file_name__startswith="004").published_evidence


def test_every_article_contributes_events_and_none_come_from_page_chrome(corpus):
    per_source = dict(Source.objects.annotate(n=Count("mentions")).values_list("file_name", "n"))
    assert len(per_source) == 5 and min(per_source.values()) >= 3
    for chrome in PAGE_CHROME:
        assert not Mention.objects.filter(sentence__contains=chrome).exists(), chrome


def test_the_first_tillerson_lavrov_meeting_is_one_event_from_four_sources(corpus):
    meetings = (
        Event.objects.filter(Q(mentions__sentence__icontains="met") | Q(mentions__sentence__icontains="meeting"))
        .filter(actors__name__contains="Lavrov").filter(actors__name__contains="Tillerson")
        .annotate(sources=Count("mentions__source", distinct=True)).order_by("-sources")
    )
    assert meetings and meetings[0].sources >= 4
    assert str(meetings[0].date_start) == "2017-02-16"


def test_lavrov_is_one_actor_with_his_spellings_as_aliases(corpus):
    lavrov = Actor.objects.filter(Q(name__contains="Lavrov") | Q(aliases__icontains="Lavrov"))
    assert lavrov.count() == 1
    assert {"Sergei Lavrov", "Sergey Lavrov", "Lavrov"} <= set(lavrov.get().all_names)


def test_the_timeline_spans_2014_to_2017_with_the_key_happenings(corpus):
    years = set(Event.objects.visible().exclude(date_start=None).values_list("date_start__year", flat=True))
    assert {2014, 2015, 2016, 2017} <= years
    flynn = Event.objects.filter(actors__name__contains="Flynn", mentions__sentence__iregex=r"resign|dismiss")
    assert flynn.exists() and all(e.date_start.isoformat() >= "2017-02-13" and e.date_end.isoformat() <= "2017-02-19"
                                  for e in flynn)
    crimea = Event.objects.filter(mentions__sentence__icontains="Crimea", date_start__year=2014)
    assert crimea.exists()
