from datetime import date

import pytest

from newsline.timeline.models import Event

from .factories import make_event, make_source

pytestmark = pytest.mark.django_db


def test_source_page_highlights_detected_dates_and_links_them_to_events(client):
    source = make_source("bbc.txt", outlet="BBC", text="Headline.\n\nOpening paragraph.")
    event = make_event("Talks", "2017-02-13", source=source, sentence="Talks began on Monday in the capital.",
                       expression="on Monday", anchor="publication")
    mention = event.mentions.get()
    html = client.get(f"/sources/{source.pk}/").content.decode()
    assert (f'Talks began <mark id="mention-{mention.pk}">on Monday</mark> '
            f'<a class="resolved" href="/events/{event.pk}/">[Mon 13 Feb 2017]</a> in the capital.') in html
    assert "Headline.\n\nOpening paragraph." in html


def test_source_page_shows_publication_date_evidence(client):
    source = make_source(published=date(2017, 2, 16), how="printed", confidence=0.95)
    html = client.get(f"/sources/{source.pk}/").content.decode()
    assert "Thu 16 Feb 2017" in html
    assert "Printed dateline or byline" in html
    assert "95%" in html
    assert "<q>Published 2017-02-16</q>" in html
    assert "Uncertain." not in html


@pytest.mark.parametrize("published, how, confidence", [
    (date(2017, 2, 16), "inferred", 0.9),
    (date(2017, 2, 16), "printed", 0.2),
    (None, "unknown", 0.0),
])
def test_uncertain_publication_dates_are_flagged(client, published, how, confidence):
    source = make_source(published=published, how=how, confidence=confidence)
    html = client.get(f"/sources/{source.pk}/").content.decode()
    assert "Uncertain." in html and "is-uncertain" in html


def test_mentions_of_rejected_events_are_not_highlighted(client):
    source = make_source()
    make_event("Rejected", "2017-02-13", source=source, status=Event.Status.REJECTED, expression="2017-02-13")
    html = client.get(f"/sources/{source.pk}/").content.decode()
    assert "<mark id=" not in html


def test_missing_source_is_not_found(client):
    assert client.get("/sources/424242/").status_code == 404
