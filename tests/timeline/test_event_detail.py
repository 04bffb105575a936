import re
from datetime import date

import pytest

from newsline.timeline.models import Event

from .factories import add_mention, make_event, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def talks() -> Event:
    bbc = make_source("bbc.txt", outlet="BBC", published=date(2017, 2, 16))
    event = make_event(
        "Ministers met in the capital", "2017-W07", actors=("Alpha Land",), source=bbc,
        sentence="Ministers met in the capital earlier this week, officials said.", expression="earlier this week",
        anchor="publication", rule="the week of the publication date",
    )
    wire = make_source("wire.txt", outlet="Wire", published=date(2017, 3, 2), how="inferred", confidence=0.3)
    add_mention(event, wire, "The ministers met last month.", "last month", "2017-01", anchor="publication")
    return event


def test_event_page_shows_each_sources_sentence_and_how_the_date_was_resolved(client, talks):
    response = client.get(f"/events/{talks.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Ministers met in the capital</h1>" in html
    assert "Ministers met in the capital <mark>earlier this week</mark>, officials said." in html
    bbc = talks.mentions.get(source__outlet="BBC").source
    assert (f"“earlier this week” — <a href=\"/sources/{bbc.pk}/#mention-") in html
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert f"“earlier this week” — BBC: {bbc.title}, published Thu 16 Feb 2017 → week of 13 Feb 2017" in text
    assert "How: the week of the publication date" in html


def test_event_page_flags_disagreeing_sources_and_uncertain_publication_dates(client, talks):
    html = client.get(f"/events/{talks.pk}/").content.decode()
    assert "The sources do not agree" in html
    assert "Wire dates it <strong>Jan 2017</strong> (“last month”)" in html
    assert "The publication date of this source is uncertain (inferred from the content)" in html


def test_agreeing_sources_show_no_conflict(client):
    source = make_source()
    event = make_event("Quiet agreement", "2017-02-13", source=source)
    assert "Check this date" not in client.get(f"/events/{event.pk}/").content.decode()


def test_review_reasons_are_shown(client):
    event = make_event("Needs a look", "2017-02-13", source=make_source(), review_reasons=["weekday only"])
    assert "<li>Weekday only</li>" in client.get(f"/events/{event.pk}/").content.decode()


def test_htmx_request_gets_only_the_provenance(client, talks):
    response = client.get(f"/events/{talks.pk}/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and "<h1>" not in html
    assert "<mark>earlier this week</mark>" in html
    assert "HX-Request" in response["Vary"]


def test_rejected_and_missing_events_are_not_found(client):
    rejected = make_event("Rejected", status=Event.Status.REJECTED)
    assert client.get(f"/events/{rejected.pk}/").status_code == 404
    assert client.get("/events/999999/").status_code == 404
