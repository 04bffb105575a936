import pytest

from newsline.timeline.models import Event, Mention

pytestmark = pytest.mark.django_db

QUEUE = "/admin/timeline/event/?review=queue"


@pytest.fixture
def weak_events(add_event, add_source):
    """One event per kind of weak date, plus a firm one and a verified weak one."""
    printed, inferred = add_source("printed.txt"), add_source("inferred.txt", how="inferred", confidence=0.3)
    undated = add_event("Undated talks", "", sources=[printed])
    conflict = add_event("Disputed visit", "2017-02-13", sources=[printed, inferred],
                         mention_values=["2017-02-13", "2017-03-20"])
    Mention.objects.filter(event=conflict).update(anchor="absolute")
    add_event("Inferred meeting", "2017-02-14", sources=[inferred], expression="yesterday", anchor="publication")
    add_event("Weekday meeting", "2017-02-13", sources=[printed], expression="on Monday", anchor="publication")
    add_event("Month meeting", "2017-03", sources=[printed], expression="in March", anchor="publication")
    add_event("Planned summit", "2017-05-02", sources=[printed], planned=True)
    add_event("Unsure date", "2017-01-09", sources=[printed], confidence=0.2)
    add_event("Firm date", "2017-01-10", sources=[printed], expression="10 January 2017")
    add_event("Checked weekday", "2017-02-13", sources=[printed], expression="on Monday", anchor="publication",
              status=Event.Status.VERIFIED)
    corroborated = add_event("Weekday and date", "2017-02-13", sources=[printed, inferred], expression="Monday",
                             anchor="publication")
    Mention.objects.filter(event=corroborated, source=inferred).update(anchor="absolute", expression="13 Feb 2017")
    return undated


EXPECTED_ORDER = ["Undated talks", "Disputed visit", "Inferred meeting", "Weekday meeting", "Month meeting",
                  "Planned summit", "Unsure date"]


def test_queue_lists_weak_dates_weakest_first(weak_events):
    assert [event.headline for event in Event.objects.review_queue()] == EXPECTED_ORDER


def test_each_event_in_the_queue_says_why(weak_events):
    reasons = {event.headline: event.weak_date_reasons for event in Event.objects.review_queue()}

    assert reasons["Undated talks"][0] == "no date could be resolved"
    assert reasons["Disputed visit"] == ["sources disagree on the date"]
    assert reasons["Inferred meeting"] == ["dated from an inferred publication date"]
    assert reasons["Weekday meeting"] == ["only a weekday names the day"]
    assert reasons["Month meeting"] == ["only a month is named, the year is inferred"]
    assert reasons["Planned summit"] == ["reported in the future tense"]
    assert reasons["Unsure date"] == ["low date confidence"]


def test_a_weekday_corroborated_by_an_absolute_date_is_not_weak(weak_events):
    event = Event.objects.with_review_score().get(headline="Weekday and date")
    assert not event.review_weekday_only and event.review_score == 0


def test_admin_queue_page_shows_the_queue_in_order_with_reasons(editor_client, weak_events):
    response = editor_client.get(QUEUE)

    assert [event.headline for event in response.context["cl"].result_list] == EXPECTED_ORDER
    page = response.content.decode()
    assert "only a weekday names the day" in page and "sources disagree on the date" in page


def test_review_link_leads_to_the_queue_and_shows_its_size(editor_client, weak_events):
    assert editor_client.get("/admin/timeline/event/review/").url == QUEUE
    assert f"Review queue ({len(EXPECTED_ORDER)})" in editor_client.get("/admin/timeline/event/").content.decode()


def test_verifying_clears_an_event_from_the_queue(editor_client, weak_events):
    editor_client.post("/admin/timeline/event/", {"action": "verify", "_selected_action": [weak_events.pk]})

    assert "Undated talks" not in [event.headline for event in Event.objects.review_queue()]
