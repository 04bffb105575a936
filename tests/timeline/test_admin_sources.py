import pytest
from django.contrib.messages import get_messages

from newsline.timeline.ingest import ingest_paths
from newsline.timeline.models import Event, Source

pytestmark = pytest.mark.django_db

ARTICLE = """---
published: 2017-02-16
---
Talks in Bonn

Rex Tillerson met the German foreign minister in Bonn on Monday to discuss the war in Syria.
Angela Merkel visited Washington on 17 March 2017 after a delay caused by snow.
Sigmar Gabriel flew to Moscow on Tuesday for talks with Sergei Lavrov.
"""


def change_url(source: Source) -> str:
    return f"/admin/timeline/source/{source.pk}/change/"


def event_of(sentence_part: str) -> Event:
    return Event.objects.get(mentions__sentence__contains=sentence_part)


@pytest.fixture
def article(tmp_path) -> Source:
    (tmp_path / "bonn.txt").write_text(ARTICLE)
    ingest_paths([tmp_path])
    return Source.objects.get()


def test_needs_review_filter_lists_inferred_unknown_and_uncertain_dates(editor_client, add_source):
    add_source("printed.txt")
    add_source("inferred.txt", how="inferred", confidence=0.7)
    add_source("unknown.txt", published="", how="unknown", confidence=0.0)
    add_source("shaky.txt", how="printed", confidence=0.3)
    add_source("editor.txt", how="editor", confidence=1.0)

    listed = editor_client.get("/admin/timeline/source/?review=yes").context["cl"].result_list

    assert sorted(source.file_name for source in listed) == ["inferred.txt", "shaky.txt", "unknown.txt"]


def test_correcting_the_publication_date_locks_it_and_says_how_many_events_moved(editor_client, change_form_data,
                                                                                  article):
    response = editor_client.post(change_url(article), change_form_data(
        editor_client.get(change_url(article)), published="2017-03-02"
    ))

    assert response.status_code == 302
    article.refresh_from_db()
    assert (str(article.published), article.published_how, article.edited_fields) == (
        "2017-03-02", "editor", ["published"]
    )
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(message.endswith("moved.") for message in messages), messages
    assert str(event_of("Angela Merkel visited").date_start) == "2017-03-17"  # an absolute date does not move


def test_publication_correction_re_resolves_relative_dates_but_not_hand_set_ones(editor_client, change_form_data,
                                                                                  article):
    monday, tuesday = event_of("on Monday"), event_of("on Tuesday")
    assert (monday.date_value, tuesday.date_value) == ("2017-02-13", "2017-02-14")  # before Thursday 16 Feb
    event_url = f"/admin/timeline/event/{tuesday.pk}/change/"
    editor_client.post(event_url, change_form_data(editor_client.get(event_url), date_text="15 Feb 2017"))

    response = editor_client.post(change_url(article), change_form_data(
        editor_client.get(change_url(article)), published="2017-03-02"
    ))

    monday.refresh_from_db()
    tuesday.refresh_from_db()
    assert monday.date_value == "2017-02-27"  # the Monday before Thursday 2 March
    assert tuesday.date_value == "2017-02-15"  # the editor's date stays
    assert any("1 event moved." in str(message) for message in get_messages(response.wsgi_request))


def test_reverting_a_publication_correction_from_the_history_moves_the_dates_back(editor_client, change_form_data,
                                                                                  article):
    original = article.history.earliest("history_date")
    editor_client.post(change_url(article), change_form_data(editor_client.get(change_url(article)),
                                                             published="2017-03-02"))
    assert event_of("on Monday").date_value == "2017-02-27"
    revert_url = f"/admin/timeline/source/{article.pk}/history/{original.history_id}/"

    response = editor_client.post(revert_url, change_form_data(editor_client.get(revert_url)))

    article.refresh_from_db()
    assert (str(article.published), article.published_how, article.edited_fields) == ("2017-02-16", "front_matter", [])
    assert (event_of("on Monday").date_value, event_of("on Tuesday").date_value) == ("2017-02-13", "2017-02-14")
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("2 events moved." in message for message in messages), messages


def test_editor_publication_date_survives_reingest(editor_client, change_form_data, article, tmp_path):
    editor_client.post(change_url(article), change_form_data(editor_client.get(change_url(article)),
                                                             published="2017-03-02"))

    (tmp_path / "bonn.txt").write_text(ARTICLE + "Officials said more talks would follow.\n")
    ingest_paths([tmp_path])

    article.refresh_from_db()
    assert (str(article.published), article.published_how) == ("2017-03-02", "editor")


def test_editors_add_sources_only_through_the_add_article_page(editor_client):
    response = editor_client.get("/admin/timeline/source/add/")
    assert response.status_code == 200
    assert "file_name" not in response.context["form"].fields
