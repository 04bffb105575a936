"""TimelineJS3 checked against its documented JSON format (timeline.knightlab.com/docs/json-format.html)
and its Google Sheets template columns."""

import csv
import html
import io
import json

import pytest

from newsline.timeline.models import Event

from .data import IMG, SCRIPT, download

pytestmark = pytest.mark.django_db

SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"}
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}
SHEET_COLUMNS = ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
                 "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
                 "Background"]
PARTS = {"day": ["year", "month", "day"], "week": ["year", "month", "day"], "month": ["year", "month"],
         "year": ["year"]}


def check_date_object(value: dict) -> None:
    """TimelineJS: year required (up to 4 digits); month 1-12 and day 1-31 optional, day only with a month."""
    assert set(value) <= DATE_KEYS and "year" in value
    assert isinstance(value["year"], int) and abs(value["year"]) < 10000
    if "month" in value:
        assert 1 <= value["month"] <= 12
    if "day" in value:
        assert "month" in value and 1 <= value["day"] <= 31


def check_slide(slide: dict) -> None:
    assert set(slide) <= SLIDE_KEYS
    assert set(slide["text"]) <= {"headline", "text"}
    assert all(isinstance(v, str) for v in slide["text"].values())


def test_document_follows_timelinejs_format_and_matches_the_database(client, room):
    response, body = download(client, "timelinejs")
    document = json.loads(body)
    assert set(document) <= {"events", "title", "eras", "scale"}
    check_slide(document["title"])
    assert "start_date" not in document["title"]
    dated = Event.objects.visible().chronological().filter(date_start__isnull=False)
    assert [s["unique_id"] for s in document["events"]] == [f"event-{e.pk}" for e in dated]
    for slide, event in zip(document["events"], dated):
        check_slide(slide)
        check_date_object(slide["start_date"])
        parts = PARTS[event.precision]
        assert slide["start_date"] == {part: getattr(event.date_start, part) for part in parts}
        end = {part: getattr(event.date_end, part) for part in parts}
        assert slide.get("end_date", slide["start_date"]) == end
        if "end_date" in slide:
            check_date_object(slide["end_date"])
        assert slide["display_date"] == event.display_date
        assert slide["text"]["headline"] == html.escape(event.headline)
        assert isinstance(slide["group"], str) and slide["group"] in {a.name for a in event.actors.all()}


def test_precision_limits_the_date_parts(client, room):
    slides = {s["unique_id"]: s for s in json.loads(download(client, "timelinejs")[1])["events"]}
    events = room["events"]
    assert slides[f"event-{events['treaty'].pk}"]["start_date"] == {"year": 2018}
    assert "end_date" not in slides[f"event-{events['treaty'].pk}"]
    assert slides[f"event-{events['late_may'].pk}"]["start_date"] == {"year": 2019, "month": 5}
    week = slides[f"event-{events['week'].pk}"]
    assert (week["start_date"], week["end_date"]) == ({"year": 2019, "month": 3, "day": 18},
                                                      {"year": 2019, "month": 3, "day": 24})


def test_undated_events_are_left_out_of_timelinejs_and_the_title_says_so(client, room):
    document = json.loads(download(client, "timelinejs")[1])
    assert f"event-{room['events']['undated'].pk}" not in [s["unique_id"] for s in document["events"]]
    assert "1 event with an unresolved date is left out." in document["title"]["text"]["text"]


def test_group_is_the_events_busiest_actor(client, room):
    slides = {s["unique_id"]: s for s in json.loads(download(client, "timelinejs")[1])["events"]}
    # Berg has four visible events, Ames three: shared events go to Berg's row.
    assert slides[f"event-{room['events']['summit'].pk}"]["group"] == "Bruno Berg"
    assert slides[f"event-{room['events']['late_may'].pk}"]["group"] == "Alma Ames"


def test_sheet_has_the_template_columns_a_title_row_and_one_row_per_dated_event(client, room):
    response, body = download(client, "timelinejs-csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"), newline="")))
    assert list(rows[0]) == SHEET_COLUMNS
    assert rows[0]["Type"] == "title" and rows[0]["Year"] == ""
    dated = Event.objects.visible().chronological().filter(date_start__isnull=False)
    assert len(rows) == 1 + dated.count()
    for row, event in zip(rows[1:], dated):
        parts = PARTS[event.precision]
        assert row["Year"] == str(event.date_start.year)
        assert row["Month"] == (str(event.date_start.month) if "month" in parts else "")
        assert row["Day"] == (str(event.date_start.day) if "day" in parts else "")
        assert row["Display Date"] == event.display_date
        assert html.unescape(row["Headline"]) == event.headline
    week = next(r for r in rows if r["Headline"] == room["events"]["week"].headline)
    assert (week["End Year"], week["End Month"], week["End Day"]) == ("2019", "3", "24")


def test_hostile_article_is_escaped_html_in_both_timelinejs_formats(client, hostile):
    (slide,) = json.loads(download(client, "timelinejs")[1])["events"]
    texts = [slide["text"]["headline"], slide["text"]["text"], slide["group"]]
    assert not any("<script" in t or "<img" in t for t in texts)
    assert html.unescape(slide["text"]["headline"]) == hostile.headline
    assert html.escape(IMG) in slide["text"]["text"]
    _, body = download(client, "timelinejs-csv")
    row = list(csv.DictReader(io.StringIO(body.decode("utf-8"), newline="")))[1]
    assert SCRIPT not in body.decode() and IMG not in body.decode()
    assert html.unescape(row["Headline"]) == hostile.headline
