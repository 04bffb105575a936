import json

import pytest

from newsline.timeline.models import Event, Source

from .data import IMG, SCRIPT, download, make_source, visible_in_order

pytestmark = pytest.mark.django_db

EVENT_KEYS = {"id", "title", "summary", "date", "actors", "sources", "status", "confidence"}
DATE_KEYS = {"value", "start", "end", "precision", "display", "approximate"}
EVENT_SOURCE_KEYS = {"file", "outlet", "title", "published", "quote", "expression"}
SOURCE_KEYS = {"file", "title", "outlet", "published", "published_how", "published_confidence"}


def iso(day):
    return day.isoformat() if day else None


def test_document_follows_the_schema_and_matches_the_database(client, room, frozen):
    response, body = download(client, "json")
    assert response.streaming and response["Content-Type"] == "application/json"
    document = json.loads(body)
    assert set(document) == {"events", "sources", "filters", "generated_at"}
    assert document["generated_at"] == frozen.isoformat()
    assert document["filters"] == {}
    assert [e["id"] for e in document["events"]] == visible_in_order(*room["events"].values())
    for record in document["events"]:
        event = Event.objects.get(pk=record["id"])
        assert set(record) == EVENT_KEYS and set(record["date"]) == DATE_KEYS
        assert (record["title"], record["summary"], record["status"], record["confidence"]) == (
            event.headline, event.summary, event.status, event.confidence)
        assert record["date"] == {
            "value": event.date_value or None, "start": iso(event.date_start), "end": iso(event.date_end),
            "precision": event.precision or None, "display": event.display_date, "approximate": event.approximate,
        }
        assert record["actors"] == [{"name": a.name, "kind": a.kind} for a in event.actors.all()]
        assert record["sources"] == [
            {"file": m.source.file_name, "outlet": m.source.outlet, "title": m.source.title,
             "published": iso(m.source.published), "quote": m.sentence, "expression": m.expression}
            for m in event.mentions.all()
        ]
        assert all(set(s) == EVENT_SOURCE_KEYS for s in record["sources"])


def test_rejected_events_are_left_out(client, room):
    ids = [e["id"] for e in json.loads(download(client, "json")[1])["events"]]
    assert room["events"]["rejected"].pk not in ids
    assert len(ids) == Event.objects.exclude(status=Event.Status.REJECTED).count()


def test_source_list_holds_the_cited_sources_with_publication_facts(client, room):
    sources = json.loads(download(client, "json")[1])["sources"]
    assert all(set(s) == SOURCE_KEYS for s in sources)
    assert [s["file"] for s in sources] == ["gazette-summit.txt", "courier-talks.txt", "undated-notes.txt"]
    for record in sources:
        source = Source.objects.get(file_name=record["file"])
        assert record == {"file": source.file_name, "title": source.title, "outlet": source.outlet,
                          "published": iso(source.published), "published_how": source.published_how,
                          "published_confidence": source.published_confidence}


def test_whole_timeline_lists_articles_without_events_but_a_filtered_view_does_not(client, room):
    make_source("silent-page.txt", title="A page with no event", published=None, how="unknown")
    whole = json.loads(download(client, "json")[1])["sources"]
    assert "silent-page.txt" in [s["file"] for s in whole]
    assert whole[-1]["published"] is None, "undated articles come last"
    filtered = json.loads(download(client, "json", "source=gazette-summit.txt")[1])["sources"]
    assert "silent-page.txt" not in [s["file"] for s in filtered]


def test_filters_object_shows_the_applied_filters_and_drops_invalid_ones(client, room):
    document = json.loads(download(client, "json", "actor=alma+ames&from=2019-04&to=not-a-date&key=on&top=5")[1])
    assert document["filters"] == {"actor": ["Alma Ames"], "from": "2019-04", "key": True, "top": 5}
    events = room["events"]
    assert [e["id"] for e in document["events"]] == [events["late_may"].pk, events["planned"].pk]


def test_source_filter_keeps_only_that_articles_events(client, room):
    document = json.loads(download(client, "json", "source=gazette-summit.txt")[1])
    events = room["events"]
    assert [e["id"] for e in document["events"]] == [events["summit"].pk, events["week"].pk]
    assert document["filters"] == {"source": ["gazette-summit.txt"]}
    assert {s["file"] for s in document["sources"]} == {"gazette-summit.txt", "courier-talks.txt"}


def test_hostile_article_round_trips_without_raw_markup(client, hostile):
    response, body = download(client, "json")
    assert b"<" not in body and b">" not in body, "markup characters are \\u-escaped"
    (record,) = json.loads(body)["events"]
    assert record["title"] == hostile.headline and SCRIPT in record["title"]
    assert IMG in record["sources"][0]["quote"]
    assert response["X-Content-Type-Options"] == "nosniff"
