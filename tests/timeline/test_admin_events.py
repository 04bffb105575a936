import json

import pytest
from django.contrib.messages import get_messages

from newsline.nlp.temporal import display_value
from newsline.timeline.ingest import ingest_paths
from newsline.timeline.models import Actor, Event, Mention

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/timeline/event/"


def change_url(event: Event) -> str:
    return f"/admin/timeline/event/{event.pk}/change/"


def exported_events(client) -> dict[int, dict]:
    response = client.get("/export/json/")
    assert response.status_code == 200
    return {record["id"]: record for record in json.loads(b"".join(response.streaming_content))["events"]}


def correct_date(client, change_form_data, event: Event, **changes):
    page = client.get(change_url(event))
    return client.post(change_url(event), change_form_data(page, **changes))


def test_changelist_shows_date_precision_status_sources_confidence_and_reasons(editor_client, add_event, add_source):
    sources = [add_source("a.txt"), add_source("b.txt")]
    add_event("Ministers met in Bonn", "2017-02-16", sources=sources)
    add_event("Talks were held", "2017-02", sources=sources[:1], confidence=0.3, review_reasons=["checked by hand"])

    response = editor_client.get(CHANGELIST)

    rows = {event.headline: event for event in response.context["cl"].result_list}
    assert rows["Ministers met in Bonn"].source_count == 2
    assert rows["Talks were held"].source_count == 1
    page = response.content.decode()
    assert display_value("2017-02-16") in page and display_value("2017-02") in page
    assert "0.30 ⚠" in page
    assert "low date confidence" in page and "checked by hand" in page


def test_changelist_query_count_does_not_grow_with_events(editor_client, add_event, add_source,
                                                          django_assert_max_num_queries):
    sources = [add_source("a.txt"), add_source("b.txt")]
    add_event("First event", sources=sources)
    with django_assert_max_num_queries(100) as few:
        editor_client.get(CHANGELIST)
    for number in range(15):
        add_event(f"Event number {number}", sources=sources)
    with django_assert_max_num_queries(len(few.captured_queries)):
        editor_client.get(CHANGELIST)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status__exact=verified", {"Verified talks"}),
        ("precision__exact=month", {"Monthly talks"}),
        ("year=2016", {"Old summit"}),
        ("review=queue", {"Monthly talks"}),
        ("q=summit", {"Old summit"}),
    ],
)
def test_changelist_filters_and_search(editor_client, add_event, query, expected):
    add_event("Verified talks", "2017-02-13", status=Event.Status.VERIFIED)
    add_event("Monthly talks", "2017-03", expression="in March", anchor="publication")
    add_event("Old summit", "2016-05-02")

    response = editor_client.get(f"{CHANGELIST}?{query}")

    assert {event.headline for event in response.context["cl"].result_list} == expected


def test_actor_and_source_filters(editor_client, add_event, add_source):
    first, second = add_source("first.txt"), add_source("second.txt")
    add_event("Met in Bonn", sources=[first]).actors.add(Actor.objects.create(name="Angela Merkel", kind="person"))
    add_event("Met in Paris", sources=[second])

    by_source = editor_client.get(f"{CHANGELIST}?mentions__source__id__exact={second.pk}")
    by_actor = editor_client.get(f"{CHANGELIST}?actors__id__exact={Actor.objects.get().pk}")

    assert [e.headline for e in by_source.context["cl"].result_list] == ["Met in Paris"]
    assert [e.headline for e in by_actor.context["cl"].result_list] == ["Met in Bonn"]


@pytest.mark.parametrize(
    ("typed", "value", "mod", "start", "end", "precision"),
    [
        ("late July 2017", "2017-07", "END", "2017-07-22", "2017-07-31", "month"),
        ("2017-07", "2017-07", "", "2017-07-01", "2017-07-31", "month"),
        ("13 Feb 2017", "2017-02-13", "", "2017-02-13", "2017-02-13", "day"),
        ("week of 13 Feb 2017", "2017-W07", "", "2017-02-13", "2017-02-19", "week"),
    ],
)
def test_date_typed_as_people_write_it_is_saved_locked_and_corrected(
    editor_client, add_event, change_form_data, typed, value, mod, start, end, precision
):
    event = add_event("Ministers met in Bonn", "2016-01-05")

    response = correct_date(editor_client, change_form_data, event, date_text=typed)

    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert (event.date_value, event.date_mod, str(event.date_start), str(event.date_end), event.precision) == (
        value, mod, start, end, precision
    )
    assert event.is_locked("date") and event.status == Event.Status.CORRECTED


def test_corrected_date_shows_on_the_timeline(editor_client, add_event, change_form_data, client):
    event = add_event("Ministers met in Bonn", "2016-01-05")

    correct_date(editor_client, change_form_data, event, date_text="late July 2017")

    page = client.get("/").content.decode()
    assert display_value("2017-07", "END") in page
    assert display_value("2016-01-05") not in page
    exported = exported_events(client)[event.pk]["date"]
    assert (exported["value"], exported["start"], exported["end"]) == ("2017-07", "2017-07-22", "2017-07-31")


def test_unreadable_date_is_a_form_error_and_changes_nothing(editor_client, add_event, change_form_data):
    event = add_event("Ministers met in Bonn", "2016-01-05")

    response = correct_date(editor_client, change_form_data, event, date_text="sometime after lunch")

    assert response.status_code == 200
    assert "is not a date Newsline can read" in str(response.context["adminform"].form.errors["date_text"])
    event.refresh_from_db()
    assert event.date_value == "2016-01-05" and not event.edited_fields and event.status == Event.Status.AUTO


def test_explicit_timex_fields_set_the_date_and_bad_values_are_refused(editor_client, add_event, change_form_data):
    event = add_event("Ministers met in Bonn", "2016-01-05")

    bad = correct_date(editor_client, change_form_data, event, date_value="next Tuesday")
    good = correct_date(editor_client, change_form_data, event, date_value="2017-SU", date_mod="MID")

    assert "Not a TIMEX3 date value" in str(bad.context["adminform"].form.errors["date_value"])
    assert good.status_code == 302
    event.refresh_from_db()
    assert (event.date_value, event.date_mod, event.precision, str(event.date_start)) == (
        "2017-SU", "MID", "season", "2017-07-01"
    )


def test_editing_the_headline_locks_only_the_headline(editor_client, add_event, change_form_data):
    event = add_event("Ministers met in Bonn", "2016-01-05")

    correct_date(editor_client, change_form_data, event, headline="Foreign ministers meet in Bonn")

    event.refresh_from_db()
    assert event.edited_fields == ["headline"] and event.status == Event.Status.CORRECTED
    assert event.date_value == "2016-01-05"


def test_verify_and_reject_actions(editor_client, add_event, client):
    kept = add_event("Ministers met in Bonn")
    dropped = add_event("A weather report")

    editor_client.post(CHANGELIST, {"action": "verify", "_selected_action": [kept.pk]})
    response = editor_client.post(CHANGELIST, {"action": "reject", "_selected_action": [dropped.pk]})

    assert "1 event rejected." in [str(m) for m in get_messages(response.wsgi_request)]
    kept.refresh_from_db()
    dropped.refresh_from_db()
    assert (kept.status, dropped.status) == (Event.Status.VERIFIED, Event.Status.REJECTED)
    page = client.get("/").content.decode()
    assert "Ministers met in Bonn" in page and "A weather report" not in page
    assert set(exported_events(client)) == {kept.pk}


def test_merge_action_keeps_the_event_with_most_sources(editor_client, add_event, add_source):
    first, second, third = add_source("a.txt"), add_source("b.txt"), add_source("c.txt")
    small = add_event("Talks in Bonn", "2017-02-13", sources=[first])
    large = add_event("Ministers held talks in Bonn", "2017-02-13", sources=[second, third])

    editor_client.post(CHANGELIST, {"action": "merge_events", "_selected_action": [small.pk, large.pk]})

    assert list(Event.objects.values_list("pk", flat=True)) == [large.pk]
    assert Mention.objects.filter(event=large).count() == 3
    large.refresh_from_db()
    assert large.status == Event.Status.CORRECTED


def test_split_action_asks_which_mentions_then_moves_them(editor_client, add_event, add_source):
    first, second = add_source("a.txt"), add_source("b.txt")
    event = add_event("Talks in Bonn", "2017-02-13", sources=[first, second],
                      mention_values=["2017-02-13", "2017-03-01"])
    moving = Mention.objects.get(source=second)

    confirm = editor_client.post(CHANGELIST, {"action": "split_event", "_selected_action": [event.pk]})
    assert confirm.status_code == 200 and moving.sentence in confirm.content.decode()
    editor_client.post(CHANGELIST, {"action": "split_event", "_selected_action": [event.pk], "apply": "1",
                                    "mentions": [moving.pk]})

    moving.refresh_from_db()
    assert moving.event_id != event.pk
    new_event = moving.event
    assert (new_event.date_value, new_event.status) == ("2017-03-01", Event.Status.CORRECTED)
    assert list(event.mentions.values_list("source__file_name", flat=True)) == ["a.txt"]


def test_split_refuses_to_move_every_mention(editor_client, add_event):
    event = add_event("Talks in Bonn")

    response = editor_client.post(CHANGELIST, {"action": "split_event", "_selected_action": [event.pk], "apply": "1",
                                               "mentions": list(event.mentions.values_list("pk", flat=True))})

    assert "Leave at least one mention" in response.content.decode()
    assert Event.objects.count() == 1


def test_mentions_are_shown_read_only_with_the_date_expression_marked(editor_client, add_event):
    event = add_event("Talks in Bonn", "2017-02-13", expression="13 February 2017")
    mention = event.mentions.get()
    mention.sentence = "Ministers held talks in Bonn on 13 February 2017."
    mention.expression_start, mention.expression_end = 32, 48
    mention.sentence_end = len(mention.sentence)
    mention.save()

    page = editor_client.get(change_url(event)).content.decode()

    assert "Ministers held talks in Bonn on <mark>13 February 2017</mark>." in page
    assert 'name="mentions-0-sentence"' not in page


ARTICLES = {
    "bonn.txt": "---\npublished: 2017-02-16\n---\nMinisters meet in Bonn\n\n"
                "The German foreign minister Sigmar Gabriel met Rex Tillerson in Bonn on 16 February 2017 to discuss "
                "the war in Syria.\n"
                "Angela Merkel visited Washington on 17 March 2017 after a delay caused by snow.\n",
    "talks.txt": "---\npublished: 2017-02-17\n---\nTalks in Bonn\n\n"
                 "US Secretary of State Rex Tillerson held talks with Sigmar Gabriel in Bonn on 16 February 2017 "
                 "about the war in Syria.\n",
}


@pytest.fixture
def corpus(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text)
    ingest_paths([tmp_path])
    return tmp_path


def reingest(folder) -> None:
    """A forced re-ingest, then one where an article changed, as when an outlet updates its page."""
    ingest_paths([folder], force=True)
    article = folder / "bonn.txt"
    article.write_text(article.read_text() + "Officials said more talks would follow.\n")
    assert ingest_paths([folder]).updated == ["bonn.txt"]


def event_of(sentence_part: str) -> Event:
    return Event.objects.get(mentions__sentence__contains=sentence_part)


def test_corrected_date_survives_reingest(editor_client, change_form_data, client, corpus):
    event = event_of("Angela Merkel visited")
    correct_date(editor_client, change_form_data, event, date_text="late March 2017")

    reingest(corpus)

    event.refresh_from_db()
    assert (event.date_value, event.date_mod, event.status) == ("2017-03", "END", Event.Status.CORRECTED)
    assert display_value("2017-03", "END") in client.get("/").content.decode()
    assert exported_events(client)[event.pk]["date"]["value"] == "2017-03"


def test_verification_and_rejection_survive_reingest(editor_client, client, corpus):
    verified, rejected = event_of("Tillerson in Bonn"), event_of("Angela Merkel visited")
    editor_client.post(CHANGELIST, {"action": "verify", "_selected_action": [verified.pk]})
    editor_client.post(CHANGELIST, {"action": "reject", "_selected_action": [rejected.pk]})

    reingest(corpus)

    assert event_of("Tillerson in Bonn").status == Event.Status.VERIFIED
    assert event_of("Angela Merkel visited").status == Event.Status.REJECTED
    assert "Angela Merkel visited" not in client.get("/").content.decode()
    assert rejected.pk not in exported_events(client)


def test_event_merge_and_split_survive_reingest(editor_client, corpus):
    shared = event_of("Tillerson in Bonn")
    assert shared.mentions.count() == 2  # both articles report the Bonn meeting
    moving = shared.mentions.get(source__file_name="talks.txt")
    editor_client.post(CHANGELIST, {"action": "split_event", "_selected_action": [shared.pk], "apply": "1",
                                    "mentions": [moving.pk]})
    split_off = Mention.objects.get(pk=moving.pk).event
    merged = [event_of("Angela Merkel visited"), split_off]
    editor_client.post(CHANGELIST, {"action": "merge_events", "_selected_action": [e.pk for e in merged]})

    reingest(corpus)

    assert list(event_of("Tillerson in Bonn").mentions.values_list("source__file_name", flat=True)) == ["bonn.txt"]
    assert event_of("Angela Merkel visited") == event_of("held talks with Sigmar Gabriel")
