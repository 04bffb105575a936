import pytest

from newsline.timeline.models import Actor, Event

pytestmark = pytest.mark.django_db


def history_url(event: Event) -> str:
    return f"/admin/timeline/event/{event.pk}/history/"


def change_event(client, change_form_data, event: Event, **changes) -> None:
    url = f"/admin/timeline/event/{event.pk}/change/"
    response = client.post(url, change_form_data(client.get(url), **changes))
    assert response.status_code == 302


def test_every_change_is_recorded_with_its_editor(editor_client, change_form_data, add_event, editor):
    event = add_event("Ministers met in Bonn", "2016-01-05")

    change_event(editor_client, change_form_data, event, date_text="13 Feb 2017")
    editor_client.post("/admin/timeline/event/", {"action": "verify", "_selected_action": [event.pk]})

    records = list(event.history.order_by("history_date"))
    assert [(r.history_user, r.date_value, r.status) for r in records] == [
        (None, "2016-01-05", "auto"),  # made by ingest
        (editor, "2017-02-13", "corrected"),
        (editor, "2017-02-13", "verified"),
    ]


def test_history_page_shows_who_and_old_to_new_values(editor_client, change_form_data, add_event):
    event = add_event("Ministers met in Bonn", "2016-01-05")
    change_event(editor_client, change_form_data, event, date_text="13 Feb 2017", headline="Ministers meet in Bonn")

    page = " ".join(editor_client.get(history_url(event)).content.decode().split())

    assert '<td> <a href="/admin/auth/user/' in page and ">editor</a>" in page
    assert "<strong>Date value:</strong> 2016-01-05 &nbsp;&rarr;&nbsp;&nbsp;2017-02-13" in page
    assert "<strong>Headline:</strong> Ministers met in Bonn &nbsp;&rarr;&nbsp;&nbsp;Ministers meet in Bonn" in page


def test_a_change_can_be_reverted_from_the_history(editor_client, change_form_data, add_event, editor):
    event = add_event("Ministers met in Bonn", "2016-01-05")
    original = event.history.earliest("history_date")
    change_event(editor_client, change_form_data, event, date_text="13 Feb 2017")
    revert_url = f"{history_url(event)}{original.history_id}/"

    response = editor_client.post(revert_url, change_form_data(editor_client.get(revert_url)))

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.date_value, str(event.date_start), event.status, event.edited_fields) == (
        "2016-01-05", "2016-01-05", "auto", []
    )
    assert event.history.latest("history_date").history_user == editor


def test_actor_merge_and_alias_edits_are_in_the_actor_history(editor_client, editor):
    canonical = Actor.objects.create(name="Sergei Lavrov", kind="person")
    other = Actor.objects.create(name="Sergey Lavrov", kind="person")

    editor_client.post("/admin/timeline/actor/", {"action": "merge_actors", "apply": "1", "canonical": canonical.pk,
                                                  "_selected_action": [canonical.pk, other.pk]})

    latest = canonical.history.latest("history_date")
    assert (latest.history_user, latest.aliases) == (editor, ["Sergey Lavrov"])
    deleted = Actor.history.filter(id=other.pk, history_type="-").get()
    assert deleted.history_user == editor
    assert "Sergey Lavrov" in editor_client.get(f"/admin/timeline/actor/{canonical.pk}/history/").content.decode()


def test_publication_correction_is_in_the_source_history(editor_client, change_form_data, add_source, editor):
    # The cascade itself is tested in test_admin_sources; here the record of who changed what.
    source = add_source("bonn.txt", published="2017-02-16")
    url = f"/admin/timeline/source/{source.pk}/change/"
    editor_client.post(url, change_form_data(editor_client.get(url), published="2017-03-02"))

    page = " ".join(editor_client.get(f"/admin/timeline/source/{source.pk}/history/").content.decode().split())

    assert "<strong>Published:</strong> 2017-02-16 &nbsp;&rarr;&nbsp;&nbsp;2017-03-02" in page
    assert source.history.latest("history_date").history_user == editor
