"""Dates at the edges of the calendar (years 1 and 9999, week 52/53, 29 February, BC) on every page, export and
in the admin: valid ones work, others are a note on the page or a form error; never a 500."""

import json
from datetime import date

import pytest
from django.urls import NoReverseMatch, reverse

from newsline.exports.formats import FORMATS
from newsline.timeline.models import Event

from .factories import make_event, make_source

pytestmark = pytest.mark.django_db

VALID_EDGE_FILTERS = ["from=9999-W52", "to=week+of+31+Dec+9999", "from=0001-W01&to=9999-W52", "from=29+Feb+2016",
                      "from=9999-12-31&to=0001-01-01"]
INVALID_EDGE_FILTERS = ["from=9999-W53", "to=44+BC", "from=0000-01", "to=29+Feb+2017", "from=" + "9" * 31]


def public_paths() -> list[str]:
    paths = ["/"] + [f"/export/{name}/" for name in FORMATS]
    try:
        paths.append(reverse("timeline:story"))
    except NoReverseMatch:
        pass
    return paths


@pytest.fixture
def edge_events() -> dict[str, Event]:
    source = make_source(text="")
    return {
        "first": make_event("Founding of the first town", "0001-W01", actors=("Alma Ames",), source=source),
        "leap": make_event("A leap-day vote", "2016-02-29", actors=("Alma Ames",), source=source),
        "last": make_event("The calendar runs out", "9999-W52", actors=("Bruno Berg",), source=source),
    }


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("path", public_paths())
@pytest.mark.parametrize("query", ["", *VALID_EDGE_FILTERS, *INVALID_EDGE_FILTERS])
def test_edge_dates_in_the_data_and_the_filters_never_fail(client, edge_events, path, query):
    response = client.get(f"{path}?{query}")
    body = body_of(response)
    assert response.status_code == 200
    if path == "/" and query in INVALID_EDGE_FILTERS:
        assert "is not a date" in body.decode()


def exported_headlines(client, query: str) -> list[str]:
    return [event["title"] for event in json.loads(body_of(client.get(f"/export/json/?{query}")))["events"]]


def test_edge_filters_select_the_right_events(client, edge_events):
    assert exported_headlines(client, "from=9999-W52") == ["The calendar runs out"]
    assert exported_headlines(client, "to=week+of+1+Jan+0001") == ["Founding of the first town"]
    assert exported_headlines(client, "from=29+Feb+2016&to=2016-02-29") == ["A leap-day vote"]
    assert exported_headlines(client, "to=week+of+31+Dec+9999") == [
        "Founding of the first town", "A leap-day vote", "The calendar runs out"]


def test_event_and_source_pages_of_edge_events(client, edge_events):
    last = edge_events["last"]
    assert (last.date_start, last.date_end) == (date(9999, 12, 27), date(9999, 12, 31))
    page = client.get(f"/events/{last.pk}/")
    assert page.status_code == 200 and "week of 27 Dec 9999" in page.content.decode()
    assert client.get(f"/sources/{last.mentions.get().source_id}/").status_code == 200


def change_url(event: Event) -> str:
    return f"/admin/timeline/event/{event.pk}/change/"


def test_admin_saves_9999_w52_and_every_admin_page_still_works(editor_client, change_form_data, edge_events):
    event = edge_events["leap"]
    response = editor_client.post(change_url(event), change_form_data(editor_client.get(change_url(event)),
                                                                      date_text="9999-W52"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.date_value, event.date_start, event.date_end) == ("9999-W52", date(9999, 12, 27), date(9999, 12, 31))
    for path in ("/admin/timeline/event/", "/admin/timeline/event/?review=queue", change_url(event), "/"):
        assert editor_client.get(path).status_code == 200, path


@pytest.mark.parametrize("typed, message", [
    ("44 BC", "before the year 1"),
    ("9999-W53", "is not a date Newsline can read"),
    ("29 Feb 2017", "is not a date Newsline can read"),
    ("week of 31 Dec 10000", "is not a date Newsline can read"),
])
def test_admin_explains_dates_outside_the_calendar(editor_client, change_form_data, edge_events, typed, message):
    event = edge_events["leap"]
    response = editor_client.post(change_url(event), change_form_data(editor_client.get(change_url(event)),
                                                                      date_text=typed))
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors["date_text"])
    event.refresh_from_db()
    assert event.date_value == "2016-02-29"


@pytest.mark.parametrize("value", ["9999-W53", "0000", "BC0044", "10000-WI"])
def test_admin_refuses_timex_values_outside_the_calendar(editor_client, change_form_data, edge_events, value):
    event = edge_events["leap"]
    response = editor_client.post(change_url(event), change_form_data(editor_client.get(change_url(event)),
                                                                      date_value=value))
    assert response.status_code == 200
    assert "Not a TIMEX3 date value" in str(response.context["adminform"].form.errors["date_value"])
